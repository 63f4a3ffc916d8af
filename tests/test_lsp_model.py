"""The language server's model without a client: the quick pass against the full pass, the
"ignore here" comment in each format, termbase edits, and where tm check findings land."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from glossary.lsp.actions import add_rendering, fixed_text, ignore_edit
from glossary.lsp.project import Buffer, Project, changed_paragraphs, read_buffer

LINT = Path(__file__).parent / "data" / "lint"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copy(LINT / "house.json", tmp_path / "house.json")
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nglossary = "house.json"\n', encoding="utf-8")
    p = Project(tmp_path)
    p.load()
    return p


def test_changed_paragraphs_widens_to_the_paragraph_and_counts_the_shift():
    old = "a\nb\n\nc\nd\n\ne\n"
    new = "a\nb\n\nc\nX\nd\n\ne\n"
    assert changed_paragraphs(old, new) == (3, 6, 1, 2)


def test_quick_pass_matches_the_full_pass_for_paragraph_rules(project: Project, tmp_path: Path):
    paragraphs = [f"Paragraph {i} of the obkom report.\n" for i in range(12)]
    text = "\n".join(paragraphs)
    uri = (tmp_path / "a.md").as_uri()
    full = project.lint([Buffer(uri, text, 1, "markdown")])[uri]
    lines = text.split("\n")
    lines[10] = "The plenum\u0435 of the raikom met."  # a mixed-script word in the sixth paragraph
    lines.insert(2, "An added line with the obkom\u0435.")
    edited = Buffer(uri, "\n".join(lines), 2, "markdown")
    quick = project.lint_quick(edited, full)
    again = project.lint([edited])[uri]
    key = [
        (f.code, f.line, f.column, f.fix.start if f.fix else None) for f in again.findings if f.code == "S301"
    ]
    assert key == [
        (f.code, f.line, f.column, f.fix.start if f.fix else None) for f in quick.findings if f.code == "S301"
    ]
    assert [f.line for f in again.findings if f.code == "S301"] == [3, 12]
    assert fixed_text(quick) == fixed_text(again)


@pytest.mark.parametrize(
    ("name", "text", "line", "inserted"),
    [
        ("a.txt", "First.\nThe plenum\u0435 met.\n", 2, "  # slovnik: ignore[S301]"),
        ("a.md", "The plenum\u0435 met.\n", 1, " <!-- slovnik: ignore[S301] -->"),
        (
            "a.html",
            "<html><body>\n<p>The\nplenum\u0435 met.</p>\n</body></html>\n",
            3,
            "<!-- slovnik: ignore[S301] -->",
        ),
        (
            "a.po",
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n#: src/a.c:1\nmsgid "a"\n'
            'msgstr "The plenum\u0435 met."\n',
            6,
            "# slovnik: ignore[S301]\n",
        ),
        (
            "a.xlf",
            '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="ru" target-language="en" '
            'datatype="plaintext" original="a"><body>\n  <trans-unit id="1">\n    <source>а</source>\n'
            "    <target>The plenum\u0435 met.</target>\n  </trans-unit>\n</body></file></xliff>\n",
            5,
            "<!-- slovnik: ignore[S301] -->\n  ",
        ),
    ],
)
def test_ignore_here_inserts_a_comment_the_reader_honours(tmp_path: Path, name, text, line, inserted):
    buffer = Buffer((tmp_path / name).as_uri(), text, 1)
    document = read_buffer(buffer)
    assert not document.suppressed(line, "S301")
    offset, insert, after = ignore_edit(buffer, document, line, "S301")
    assert insert == inserted
    edited = Buffer(buffer.uri, text[:offset] + insert + text[offset:], 2)
    assert read_buffer(edited).suppressed(after, "S301")
    assert not read_buffer(edited).suppressed(after, "R101")


def test_add_rendering_updates_or_creates_a_concept_and_keeps_one_preferred(tmp_path: Path):
    path = tmp_path / "house.json"
    shutil.copy(LINT / "house.json", path)
    done = add_rendering(path, "Iezhov", "Ежов", "admitted")
    assert "Iezhov" in done
    added = add_rendering(path, "Zakliuchitel", "Заключитель", "preferred")
    assert added.startswith("added ")
    data = json.loads(path.read_text("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "Iezhov" in text and "Заключитель" in text
    from glossary.termbase import load_termbase

    tb = load_termbase(path)
    (concept,) = [c for c in tb if c.ru is not None and c.ru.text == "Заключитель"]
    assert [(t.text, t.status.value) for t in concept.terms_in("en")] == [("Zakliuchitel", "preferred")]
    add_rendering(path, "Zaklyuchitel", "Заключитель", "preferred")
    concept = next(c for c in load_termbase(path) if c.ru is not None and c.ru.text == "Заключитель")
    assert [(t.text, t.status.value) for t in concept.terms_in("en")] == [
        ("Zakliuchitel", "admitted"),
        ("Zaklyuchitel", "preferred"),
    ]


def test_tm_findings_land_on_the_target(project: Project, tmp_path: Path):
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Заседание 12 мая."\nmsgstr "The meeting of 13 May."\n'
    )
    uri = (tmp_path / "a.po").as_uri()
    outcome = project.lint([Buffer(uri, po, 1, "po")])[uri]
    (issue,) = [u for u in outcome.units if u.finding.check == "number-mismatch"]
    assert po[issue.start : issue.end] in ('"The meeting of 13 May."', "13")
