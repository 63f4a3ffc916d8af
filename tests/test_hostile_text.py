"""Hostile and unlucky text input (issue 13, items 4, 5, 6, 9, 11): one line, exit 2, never a traceback.

PO charsets that cannot be right, `--encoding` naming no text encoding, JSON nested without end or
holding half a UTF-16 pair, endless and binary input, long CSV fields: each through the CLIs and at
library level, built here from made-up text.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import app as glossary_app
from glossary.core import limits
from glossary.core.errors import ParseError
from glossary.core.pofile import load_po, parse_po
from glossary.core.textfile import StreamGuard, decode, decode_po, read_input, text_codec
from glossary.lint.sources import read_document
from glossary.termbase.formats import read_termbase
from glossary.termbase.formats.jsonfile import load_json
from tm.cli import app as tm_app
from tm.formats import iter_units


def po_text(charset: str, *, comment: str = "") -> str:
    """A small PO glossary declaring *charset* on line 4 (line 1 is a comment)."""
    return (
        f'# {comment or "a made-up glossary"}\nmsgid ""\nmsgstr ""\n'
        f'"Content-Type: text/plain; charset={charset}\\n"\n"Language: en\\n"\n\n'
        'msgid "самовар"\nmsgstr "samovar"\n'
    )


def one_line_error(result, *fragments: str) -> str:
    assert result.exit_code == 2, (result.exit_code, result.output)
    err = result.stderr.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in result.output, err
    for fragment in fragments:
        assert fragment in err, err
    return err


def run_everywhere(runner, path: Path, tmp_path: Path) -> list:
    """Every command that reads a PO file: tm convert, import, check; glossary lint, import."""
    return [
        runner.invoke(tm_app, ["convert", str(path), "-o", str(tmp_path / "out.tmx")]),
        runner.invoke(tm_app, ["import", str(path), "--into", str(tmp_path / "memory.db")]),
        runner.invoke(tm_app, ["check", str(path)]),
        runner.invoke(glossary_app, ["lint", str(path)]),
        runner.invoke(glossary_app, ["import", str(path), "--into", str(tmp_path / "tb.json")]),
    ]


# --- item 4: a PO file's charset ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("charset", "words"),
    [
        ("utf-16", "the PO header declares charset utf-16, but the file is not in it"),
        ("UTF-32", "the PO header declares charset UTF-32, but the file is not in it"),
        ("x-no-such-charset", "unknown charset 'x-no-such-charset' in the PO header"),
        ("rot13", "charset 'rot13' in the PO header is not a text encoding"),
    ],
)
def test_a_po_charset_that_cannot_be_right_is_one_line_in_every_command(
    tmp_path, runner, monkeypatch, charset, words
):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "bad.po"
    path.write_text(po_text(charset), encoding="ascii", errors="replace")
    for result in run_everywhere(runner, path, tmp_path):
        one_line_error(result, f"bad.po:4: {words}")
    assert not (tmp_path / "memory.db").exists() and not (tmp_path / "tb.json").exists()


def test_utf16_po_without_a_bom_is_named_as_such(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "wide.po"
    path.write_bytes(po_text("UTF-16").encode("utf-16-le"))
    for result in run_everywhere(runner, path, tmp_path):
        one_line_error(result, "wide.po:1: UTF-16 text without a byte-order mark")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_po_file_with_a_bom_reads_in_every_reader(tmp_path, encoding):
    path = tmp_path / "bom.po"
    path.write_bytes(po_text("UTF-8" if encoding == "utf-8-sig" else "UTF-16").encode(encoding))
    assert [(u.source.text, u.target.text) for u in iter_units(path)] == [("самовар", "samovar")]
    assert read_termbase(path).concepts[0].terms_in("ru")[0].text == "самовар"
    document = read_document(path)
    assert "samovar" in document.text and "самовар" not in document.text  # msgstr only


def test_the_charset_placeholder_of_a_template_reads_as_utf8(tmp_path):
    path = tmp_path / "template.pot"
    path.write_text(po_text("CHARSET"), encoding="utf-8")
    assert [u.source.text for u in iter_units(path)] == ["самовар"]


def test_encoding_overrides_a_wrong_header_and_its_hint_names_the_option(tmp_path):
    path = tmp_path / "legacy.po"
    path.write_bytes(po_text("UTF-8", comment="глоссарий").encode("cp1251"))
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    assert (err.value.line, err.value.message) == (
        1,
        "bytes are not valid UTF-8 (looks like CP1251; pass --encoding cp1251)",
    )
    with pytest.raises(ParseError) as err:  # the TM reader has no such option: the header is the fix
        list(iter_units(path))
    assert err.value.message == "bytes are not valid UTF-8 (looks like CP1251; fix the charset in its header)"
    assert read_termbase(path, encoding="cp1251").concepts[0].terms_in("ru")[0].text == "самовар"


def test_decode_po_returns_the_encoding_to_write_back():
    assert decode_po(Path("a.po"), po_text("KOI8-R").encode("koi8-r")) == (po_text("KOI8-R"), "KOI8-R")
    assert decode_po(Path("a.po"), b"\xef\xbb\xbf" + po_text("UTF-8").encode())[1] == "utf-8-sig"


def test_a_po_syntax_error_is_worded_alike_by_every_reader(tmp_path):
    path = tmp_path / "broken.po"
    path.write_text(po_text("UTF-8") + '\nmsgid "чай"\nstray words\n', encoding="utf-8")
    messages = set()
    for read in (
        lambda: list(iter_units(path)),
        lambda: read_termbase(path),
        lambda: read_document(path),
        lambda: load_po(path),
    ):
        with pytest.raises(ParseError) as err:
            read()
        messages.add(str(err.value))
    assert messages == {f"{path}:11: PO syntax error: near 'stray words'"}


# --- item 6: --encoding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        ("rot13", "encoding 'rot13' (--encoding) is not a text encoding"),
        ("base64", "encoding 'base64' (--encoding) is not a text encoding"),
        ("no-such-encoding", "unknown encoding 'no-such-encoding' (--encoding)"),
    ],
)
def test_encoding_that_is_no_text_encoding_is_refused_before_reading(
    tmp_path, runner, monkeypatch, encoding, words
):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "glossary.csv"
    path.write_text("concept_id,lang,term,status\nc1,ru,самовар,preferred\n", encoding="utf-8")
    for args in (["import", str(path), "--into", str(tmp_path / "tb.json")], ["validate", str(path)]):
        one_line_error(runner.invoke(glossary_app, [*args, "--encoding", encoding]), words)
    assert not (tmp_path / "tb.json").exists()


def test_library_decoding_refuses_a_codec_that_is_no_text_encoding():
    assert text_codec("koi8-r") is None and text_codec("utf_16") is None
    with pytest.raises(ParseError, match="'rot13' is not a text encoding"):
        decode(Path("a.csv"), b"a,b\n", "rot13")
    with pytest.raises(ParseError, match="'zlib' is not a text encoding"):
        read_termbase(Path(__file__).parent / "data" / "termbase" / "sample.json", encoding="zlib")


# --- item 5: JSON nested without end, half a UTF-16 pair ----------------------------------------------


def termbase_json(concepts: str) -> str:
    return (
        '{"format": "slovnik-termbase", "version": 1, "source_lang": "ru", "target_lang": "en",\n'
        f'"concepts": {concepts}}}\n'
    )


@pytest.mark.parametrize("depth", [100, 5000, 200_000])
def test_deeply_nested_json_is_refused_with_its_line(tmp_path, runner, monkeypatch, depth):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "deep.json"
    path.write_text(termbase_json("[" * depth + "]" * depth), encoding="utf-8")
    words = f"deep.json:2: JSON nested deeper than {limits.LIMITS.max_json_depth} levels"
    for args in (
        ["validate", str(path)],
        ["search", "самовар", "-g", str(path)],
        ["import", str(path), "--into", str(tmp_path / "tb.json")],
    ):
        one_line_error(runner.invoke(glossary_app, args), words)


def test_the_json_depth_limit_is_policy(tmp_path, monkeypatch):
    path = tmp_path / "nested.json"
    path.write_text(termbase_json('[{"id": "c1", "terms": [], "notes": [[[["чай"]]]]}]'), encoding="utf-8")
    with pytest.raises(ParseError) as err:  # a schema error, six levels deep
        read_termbase(path)
    assert "nested deeper" not in err.value.message
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_json_depth=5))
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    assert (err.value.line, err.value.message.split(" (")[0]) == (2, "JSON nested deeper than 5 levels")


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDBFF", "\\udc00", "\\ud83d\\ud83d"])
def test_a_lone_surrogate_escape_is_refused_with_its_line(tmp_path, runner, monkeypatch, escape):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "half.json"
    path.write_text(
        termbase_json('[\n{"id": "c1",\n "terms": [{"lang": "ru", "text": "чай' + escape + '"}]}]'),
        encoding="utf-8",
    )
    first = escape[:6]
    for args in (
        ["validate", str(path)],
        ["search", "чай", "-g", str(path)],
        ["export", "-g", str(path), str(tmp_path / "out.csv")],
    ):
        one_line_error(runner.invoke(glossary_app, args), f"half.json:4: lone surrogate {first}")


def test_a_surrogate_pair_and_an_escaped_backslash_are_text(tmp_path):
    path = tmp_path / "fine.json"
    path.write_text(
        termbase_json('[{"id": "c1", "terms": [{"lang": "ru", "text": "чай \\ud83c\\udf75 \\\\ud800"}]}]'),
        encoding="utf-8",
    )
    assert read_termbase(path).concepts[0].terms[0].text == "чай \U0001f375 \\ud800"


# --- item 11: endless and binary input ---------------------------------------------------------------


@pytest.fixture
def endless(tmp_path):
    """A FIFO fed without end by a thread (until the reader closes it): a stand-in for /dev/zero."""
    feeders = []

    def make(name: str, piece: bytes, head: bytes = b"") -> Path:
        path = tmp_path / name
        os.mkfifo(path)
        stop = threading.Event()

        def feed():
            try:
                with open(path, "wb") as fh:
                    fh.write(head)
                    while not stop.is_set():
                        fh.write(piece)
            except (BrokenPipeError, OSError):
                pass

        thread = threading.Thread(target=feed, daemon=True)
        thread.start()
        feeders.append((stop, thread, path))
        return path

    yield make
    for stop, thread, path in feeders:
        stop.set()
        try:  # a reader that never opened the FIFO leaves the feeder waiting for one
            os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        except OSError:
            pass
        thread.join(5)


def test_an_endless_stream_is_refused_at_the_input_limit(endless, monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_input=3 << 20))
    path = endless("endless.json", b"a" * 65536)
    with pytest.raises(ParseError) as err:
        read_input(path)
    assert err.value.line is None and "larger than the input limit of 3 MiB" in err.value.message


@pytest.mark.parametrize("name", ["zero.json", "zero.csv", "zero.po", "zero.txt", "zero.md"])
def test_an_endless_stream_of_nul_bytes_is_refused_at_once(endless, name):
    path = endless(name, b"\0" * 65536, head=b'{"format": "\n')
    with pytest.raises(ParseError) as err:
        read_input(path)
    assert (err.value.line, err.value.message) == (2, "binary data (a NUL byte), not a text file")


@pytest.mark.parametrize(
    ("app", "args", "name"),
    [
        ("glossary", ["import", "{path}", "--into", "{tmp}/tb.json"], "terms.json"),
        ("glossary", ["import", "{path}", "--into", "{tmp}/tb.json"], "terms.csv"),
        ("glossary", ["import", "{path}", "--into", "{tmp}/tb.json"], "terms.tsv"),
        ("glossary", ["import", "{path}", "--into", "{tmp}/tb.json"], "terms.po"),
        ("glossary", ["search", "чай", "-g", "{path}"], "terms.json"),
        ("glossary", ["lint", "{path}"], "notes.txt"),
        ("glossary", ["lint", "{path}"], "notes.md"),
        ("glossary", ["lint", "{path}"], "notes.po"),
        ("tm", ["convert", "{path}", "-o", "{tmp}/out.tmx", "--source-lang", "ru"], "memory.csv"),
        ("tm", ["convert", "{path}", "-o", "{tmp}/out.tmx"], "memory.po"),
        ("tm", ["check", "{path}"], "memory.po"),
        ("tm", ["import", "{path}", "--into", "{tmp}/memory.db"], "memory.po"),
    ],
)
def test_a_nul_byte_in_a_text_file_is_one_line_naming_its_line(
    tmp_path, runner, monkeypatch, app, args, name
):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    path.write_bytes(b"source,target\n\xd1\x87\xd0\xb0\xd0\xb9,tea\n" + b"\0" * 5000)
    argv = [a.format(path=path, tmp=tmp_path) for a in args]
    one_line_error(
        runner.invoke(glossary_app if app == "glossary" else tm_app, argv),
        f"{name}:3: binary data (a NUL byte), not a text file",
    )


def test_a_file_over_the_input_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_input=1 << 20))
    path = tmp_path / "big.json"
    path.write_bytes(b" " * ((1 << 20) + 1))
    with pytest.raises(ParseError, match="larger than the input limit of 1 MiB"):
        load_json(path)
    path.write_bytes(b" " * (1 << 20))
    with pytest.raises(ParseError, match="empty file"):  # at the limit: read
        load_json(path)


class _EndlessRaw:
    """A raw binary file that never ends: *piece* again and again."""

    def __init__(self, piece: bytes):
        self.piece, self.reads = piece, 0

    def readinto(self, buffer) -> int:
        self.reads += 1
        n = len(buffer)
        buffer[:n] = (self.piece * (n // len(self.piece) + 1))[:n]
        return n

    def close(self) -> None:
        pass


def test_a_stream_reader_refuses_an_endless_line_without_holding_it(monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_line=1 << 20))
    raw = _EndlessRaw(b"z")
    guard = StreamGuard(Path("endless.csv"), raw)
    with pytest.raises(ParseError) as err:
        while guard.read(65536):
            pass
    assert (err.value.line, err.value.message.split(",")[0]) == (1, "a line or field longer than 1 MiB")
    assert raw.reads <= (1 << 20) // 65536 + 1


def test_a_stream_reader_passes_short_lines_and_counts_them(monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_line=100))
    raw = _EndlessRaw(b"source,target\n")
    guard = StreamGuard(Path("lines.csv"), raw)
    for _ in range(50):
        assert len(guard.read(4096)) == 4096
    assert guard.line == 50 * (4096 // 14) + 1  # each read starts the piece again


def test_the_csv_tm_reader_refuses_an_overlong_line_with_its_number(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_line=1 << 20))
    path = tmp_path / "memory.csv"
    path.write_text("source,target\nчай,tea\n" + "щ" * (1 << 20) + ",x\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        list(iter_units(path, source_lang="ru", target_lang="en"))
    assert err.value.line == 3 and "longer than 1 MiB" in err.value.message


# --- item 9: long CSV fields ----------------------------------------------------------------------


def test_a_definition_over_128_kib_imports_from_csv(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    definition = "Большой самовар на сорок стаканов, " * 8000  # ~500 KB in UTF-8
    path = tmp_path / "long.csv"
    path.write_text(
        "concept_id,lang,term,status,definition\n"
        f'c1,ru,самовар,preferred,"{definition}"\nc1,en,samovar,preferred,\n',
        encoding="utf-8",
    )
    into = tmp_path / "tb.json"
    result = runner.invoke(glossary_app, ["import", str(path), "--into", str(into)])
    assert result.exit_code == 0, result.output
    assert json.loads(into.read_text(encoding="utf-8"))["concepts"][0]["definition"] == definition.strip()


def test_a_csv_field_over_the_line_limit_is_one_line(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_line=1 << 16))
    path = tmp_path / "long.csv"
    path.write_text(
        "concept_id,lang,term,status,definition\nc1,ru,чай,preferred,\n"
        f'c2,ru,самовар,preferred,"{"а" * (1 << 17)}"\n',
        encoding="utf-8",
    )
    one_line_error(
        runner.invoke(glossary_app, ["import", str(path), "--into", str(tmp_path / "tb.json")]),
        "long.csv:3: a line or field longer than 64 KiB",
    )


def test_translit_reads_standard_input_a_bounded_line_at_a_time(runner, monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, max_line=1 << 10))
    ok = runner.invoke(glossary_app, ["translit"], input="Самовар\nЧай\n")
    assert ok.exit_code == 0 and ok.stdout.split() == ["Samovar", "Chai"]
    one_line_error(
        runner.invoke(glossary_app, ["translit"], input="Чай\n" + "я" * 5000 + "\n"),
        "<stdin>:2: a line or field longer than 1 KiB",
    )
    one_line_error(
        runner.invoke(glossary_app, ["translit"], input="Чай\0\n"), "<stdin>:1: binary data (a NUL byte)"
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "slovnik-suppressions",\n' + b"\0" * 4096, "suppress.json:2: binary data (a NUL byte)"),
        (
            b'{"format": "slovnik-suppressions",\n"suppressions": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "suppress.json:2: JSON nested deeper than",
        ),
        (
            '{"format": "slovnik-suppressions", "suppressions": []}\n'.encode("cp1251")
            + "# ошибка".encode("cp1251"),
            "suppress.json:2: not UTF-8",
        ),
    ],
)
def test_a_hostile_suppression_file_is_one_line(tmp_path, runner, content, words):
    from check_support import DATA

    path = tmp_path / "suppress.json"
    path.write_bytes(content)
    one_line_error(
        runner.invoke(
            tm_app,
            [
                "check",
                str(DATA / "memory.tmx"),
                "--glossary",
                str(DATA / "termbase.json"),
                "--suppressions",
                str(path),
            ],
        ),
        words,
    )


# --- any bytes: a result or a ParseError, nothing else --------------------------------------------

_CHARSETS = st.sampled_from(
    [
        "UTF-8",
        "utf-16",
        "UTF-32",
        "KOI8-R",
        "cp1251",
        "rot13",
        "base64",
        "zlib",
        "x-unknown",
        "CHARSET",
        "cp037",
        "utf-8-sig",
        "latin-1",
        "idna",
        "punycode",
    ]
)
_PO_PIECES = st.sampled_from(
    [
        b'msgid "',
        b'msgstr "',
        b'"\n',
        b"\n",
        b"#, fuzzy\n",
        b"\\",
        b"\xd1\x87",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00",
        b"\r",
        b"\x0b",
        b'msgctxt "',
        b"#~ ",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(charset=_CHARSETS, body=st.lists(_PO_PIECES | st.binary(max_size=6), max_size=30), bom=st.booleans())
def test_any_po_bytes_read_or_raise_parse_error(charset, body, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + po_text(charset).encode() + b"".join(body)
    path = Path("any.po")
    try:
        text, encoding = decode_po(path, data)
        parse_po(path, text, encoding)
    except ParseError as e:
        assert "\n" not in str(e) and str(e).startswith("any.po")


_JSON_PIECES = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        '"',
        "\\ud800",
        "\\udc00",
        "\\\\",
        '\\"',
        ":",
        ",",
        "1",
        '"a"',
        "\n",
        "\\ud83d\\ude00",
        "\x00",
    ]
)


@settings(max_examples=300)
@given(pieces=st.lists(_JSON_PIECES, max_size=60), depth=st.integers(0, 3000))
def test_any_json_text_reads_or_raises_parse_error(tmp_path_factory, pieces, depth):
    path = tmp_path_factory.mktemp("json") / "any.json"
    path.write_text("[" * depth + "".join(pieces) + "]" * depth, encoding="utf-8")
    try:
        text, value = load_json(path)
    except ParseError as e:
        assert "\n" not in str(e)
        return
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # no lone surrogate got through


def test_a_tm_cell_with_json_nested_past_the_interpreter_is_one_line(tmp_path):
    from tm.formats import iter_units

    path = tmp_path / "deep.tsv"
    path.write_text("source\ttarget\n" + "⟦" + "[" * 100_000 + "]" * 100_000 + "⟧\tx\n", encoding="utf-8")
    with pytest.raises(ParseError, match="nested too deep") as err:
        list(iter_units(path))
    assert err.value.line == 2


def test_a_json_number_past_the_interpreter_digit_limit_is_one_line(tmp_path):
    from glossary.termbase.formats.jsonfile import load_json

    path = tmp_path / "big.json"
    path.write_text('{"format": "slovnik-termbase",\n "version": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(ParseError, match="number too long") as err:
        load_json(path)
    assert err.value.line == 2


def test_a_tm_cell_with_a_lone_surrogate_escape_is_one_line(tmp_path):
    from tm.formats import iter_units

    path = tmp_path / "props.csv"
    path.write_text('source,target,props\nПленум,Plenum,"[[""x-note"",""\\udfff""]]"\n', encoding="utf-8")
    with pytest.raises(ParseError, match="lone surrogate") as err:
        list(iter_units(path))
    assert err.value.line == 2
