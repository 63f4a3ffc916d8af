"""Readers of `glossary lint`: prose extraction with exact positions, skipping, suppression, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary.core.errors import FormatNotSupported, ParseError
from glossary.lint.document import Suppression, parse_directive
from glossary.lint.sources import read_document

FORMATS = Path(__file__).parent / "data" / "lint" / "formats"


def _words(doc) -> list[str]:
    return re.findall(r"[^\W\d_]+", doc.text)


def _assert_position_preserving(doc) -> None:
    """Every word left in the prose sits at the same offset in the file text."""
    assert len(doc.text) == len(doc.source)
    for m in re.finditer(r"\S+", doc.text):
        assert doc.source[m.start() : m.end()] == m.group()


@pytest.mark.parametrize(
    "name", ["sample.md", "sample.html", "sample.po", "sample.tmx", "sample12.xlf", "sample20.xlf"]
)
def test_prose_keeps_file_offsets_in_every_text_format(name):
    _assert_position_preserving(read_document(FORMATS / name))


def test_markdown_skips_code_links_urls_mail_front_matter_and_comments():
    doc = read_document(FORMATS / "sample.md")
    words = _words(doc)
    assert "Iezhov" not in words and "iezhov" not in words  # code span, fence, mail, url, front matter
    assert "Iezhovshchina" not in words and "example" not in words
    assert words.count("Yezhov") == 5 and "Nikolay" in words
    assert "slovnik" not in words  # directives are not prose


def test_markdown_directive_alone_covers_next_paragraph_and_inline_covers_its_line():
    doc = read_document(FORMATS / "sample.md")
    assert doc.suppressions == [Suppression(14, 15, frozenset({"R102"})), Suppression(17, 17, None)]
    assert doc.suppressed(15, "R102") and not doc.suppressed(15, "R101")
    assert doc.suppressed(17, "S301") and not doc.suppressed(18, "S301")


def test_positions_are_one_based_line_and_column():
    doc = read_document(FORMATS / "sample.md")
    offset = doc.source.index("Nikolay")
    assert doc.position(offset) == (6, 1)
    assert doc.line_text(6).startswith("Nikolay Yezhov")


def test_html_skips_script_style_code_pre_and_tags_and_scopes_directives_to_the_next_element():
    doc = read_document(FORMATS / "sample.html")
    words = _words(doc)
    assert "Iezhov" not in words and "color" not in words and "amp" not in words
    assert words.count("plenumе") == 3
    assert doc.suppressions == [Suppression(6, 8, frozenset({"S301"}))]


def test_po_reads_msgstr_only_without_header_escapes_or_obsolete_entries():
    doc = read_document(FORMATS / "sample.po")
    words = _words(doc)
    assert "Content" not in words and "Ежов" not in words and "obsolete" not in words
    assert words == ["Yezhov", "Yezhov", "and", "Yagoda", "Yagoda", "ran"]
    # the translator comment covers both msgstr lines of its entry, and only them
    assert [(s.first_line, s.codes) for s in doc.suppressions] == [
        (13, frozenset({"R1"})),
        (14, frozenset({"R1"})),
    ]


def test_tmx_reads_the_english_variant_and_skips_inline_codes():
    doc = read_document(FORMATS / "sample.tmx")
    assert _words(doc) == ["Yezhov", "Nikolay", "Yagoda"]
    assert doc.suppressions == [Suppression(9, 9, frozenset({"S3"}))]


def test_xliff_12_and_20_read_targets():
    assert _words(read_document(FORMATS / "sample12.xlf")) == ["Yezhov", "Nikolay"]
    doc = read_document(FORMATS / "sample20.xlf")
    assert _words(doc) == ["Yezhov", "Yagoda", "left"]
    assert doc.suppressions == [Suppression(6, 6, None)]


def test_docx_paragraphs_are_lines(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("First paragraph.")
    document.add_paragraph("slovnik: ignore[S301]")
    document.add_paragraph("The plenumе met.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Nikolay in a table, see https://example.org/x"
    path = tmp_path / "t.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.source is None and not doc.fixable
    assert doc.line_text(3) == "The plenumе met."
    assert doc.position(doc.text.index("plenumе")) == (3, 5)
    assert "example" not in _words(doc) and "Nikolay" in _words(doc)
    assert doc.suppressed(3, "S301")


@pytest.mark.parametrize(
    "name, line, fragment",
    [
        ("broken.po", 3, "PO syntax error"),
        ("broken.tmx", 3, "invalid XML"),
        ("latin1.txt", 1, "not valid utf-8"),
    ],
)
def test_malformed_files_raise_parse_error_with_line(name, line, fragment):
    with pytest.raises(ParseError) as e:
        read_document(FORMATS / name)
    assert e.value.line == line and fragment in str(e.value)
    assert str(e.value).startswith(str(FORMATS / name))


@pytest.mark.parametrize("name", ["xxe.tmx", "laughs.xlf"])
def test_entity_declarations_are_refused(name):
    with pytest.raises(ParseError, match="DOCTYPE declares entities"):
        read_document(FORMATS / name)


def test_broken_docx_is_a_parse_error(tmp_path):
    path = tmp_path / "x.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(ParseError, match="not a readable DOCX"):
        read_document(path)


def test_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "x.rtf"
    path.write_text("x")
    with pytest.raises(FormatNotSupported, match=r"cannot lint \.rtf"):
        read_document(path)


def test_plain_text_directives_and_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(
        "\ufeffslovnik: ignore[R101]\nYezhov one\nYezhov two\n\nYezhov three # slovnik: ignore\n".encode(
            "utf-8"
        )
    )
    doc = read_document(path)
    assert doc.encoding == "utf-8-sig"
    assert doc.suppressions == [Suppression(2, 3, frozenset({"R101"})), Suppression(5, 5, None)]
    assert "slovnik" not in doc.text


@pytest.mark.parametrize(
    "comment, expected",
    [
        ("slovnik: ignore", None),
        (" slovnik: ignore[R101, s3] ", frozenset({"R101", "S3"})),
        ("nothing here", False),
    ],
)
def test_parse_directive(comment, expected):
    assert parse_directive(comment) == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from glossary.lint.sources import read_html, read_markdown, read_text  # noqa: E402

_PIECES = st.sampled_from(
    [
        "Yezhov",
        "plenumе",
        " ",
        "\n",
        "\n\n",
        "`",
        "```",
        "*",
        "[",
        "](",
        ")",
        "<b>",
        "</b>",
        "<!--",
        "-->",
        "slovnik: ignore[R101]",
        "https://x.org/a",
        "a@b.org",
        "&amp;",
        "'",
        "ʹ",
        "<pre>",
        "</pre>",
        "<code>",
        "</code>",
        "~~~",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_every_reader_preserves_offsets_for_any_input(text):
    for reader in (read_text, read_markdown, read_html):
        doc = reader(Path("x"), text.encode("utf-8"))
        assert len(doc.text) == len(text)
        for i, ch in enumerate(doc.text):
            assert ch == text[i] or (ch == " " and text[i] != "\n")


def test_po_placeholders_are_not_prose(tmp_path):
    path = tmp_path / "a.po"
    path.write_text(
        'msgid "x"\nmsgstr "%(start)sархив%(end)s, %s and {0} or %1$d {name}"\n', encoding="utf-8"
    )
    assert _words(read_document(path)) == ["архив", "and", "or"]
