"""`glossary print` end to end: every output format, --for, --select, and one-line errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from glossary.cli import app

DATA = Path(__file__).parent / "data" / "print"
TERMBASE = str(DATA / "termbase.json")


def run(runner, *args):
    return runner.invoke(app, ["print", "-g", TERMBASE, *args])


@pytest.mark.parametrize(
    "suffix, magic",
    [
        (".pdf", b"%PDF-"),
        (".html", b"<!DOCTYPE html>"),
        (".md", b"# Soviet Politics"),
        (".docx", b"PK"),
        (".tex", b"% Soviet Politics"),
    ],
)
def test_every_output_format(runner, tmp_path, suffix, magic):
    out = tmp_path / f"glossary{suffix}"
    result = run(runner, "-o", str(out), "--scheme", "lc,bgn")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{out}: 17 entries under 11 letter headings"
    assert out.read_bytes().startswith(magic)


def test_for_prints_only_what_the_text_uses(runner, tmp_path):
    out = tmp_path / "chapter.md"
    result = run(
        runner, "-o", str(out), "--for", str(DATA / "chapter.md"), "--for", str(DATA / "messages.po")
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    headwords = [line.split("**")[1] for line in text.splitlines() if line.startswith("**")]
    assert headwords == ["аппарат", "колхоз", "номенклатура", "Политбюро", "чистка"]


def test_for_pdf_round_trips_the_selected_headwords(runner, tmp_path):
    out = tmp_path / "book.pdf"
    result = run(
        runner, "-o", str(out), "--for", str(DATA / "segments.tmx"), "--title", "Glossary for Book One"
    )
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "тройка" in text and "«Правда»" in text and "номенклатура" not in text
    assert reader.metadata.title == "Glossary for Book One"


def test_select_preface_direction_and_sort(runner, tmp_path):
    out = tmp_path / "people.md"
    result = run(
        runner,
        "-o",
        str(out),
        "--select",
        "type:person",
        "--direction",
        "en-ru",
        "--sort",
        "ru",
        "--preface",
        str(DATA / "preface.txt"),
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "This glossary gathers" in text
    assert text.index("**Yezhov, Nikolai**") < text.index("**Khrushchev, Nikita**")  # Ежов < Хрущёв


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "x.rtf"], "cannot print to .rtf"),
        (["-o", "x.md", "--scheme", "lc,nope"], "unknown scheme 'nope'"),
        (["-o", "x.md", "--scheme", "lc,bgn,iso9"], "give one scheme id or two"),
        (["-o", "x.md", "--select", "colour:red"], "unknown selector key 'colour'"),
        (["-o", "x.md", "--for", "missing.txt"], "missing.txt: no such file"),
        (["-o", "x.md", "--paper", "a5"], "--paper"),  # click's sentence around it is click's
        (["-o", "no/such/folder/x.pdf"], "no/such/folder/x.pdf: folder no/such/folder does not exist"),
        (
            ["-o", "x.pdf", "--select", "tag:no-such-tag"],
            "x.pdf: nothing to print: no concept matches --select",
        ),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(runner, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.iterdir())  # nothing written


def test_missing_glyph_fails_before_writing(runner, tmp_path):
    tb = tmp_path / "cjk.json"
    tb.write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": [{"id": "kitai", '
        '"definition": "China (中国).", "terms": [{"lang": "ru", "text": "Китай"}, '
        '{"lang": "en", "text": "China"}]}]}',
        encoding="utf-8",
    )
    out = tmp_path / "out.pdf"
    result = runner.invoke(app, ["print", "-g", str(tb), "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.startswith(
        "error: entry 'kitai', gloss: Libertinus Serif (regular) has no glyph for '中' (U+4E2D"
    )
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_help_documents_every_option(runner):
    result = runner.invoke(app, ["print", "--help"])
    assert result.exit_code == 0
    for option in (
        "--output",
        "--glossary",
        "--scheme",
        "--sort",
        "--select",
        "--for",
        "--title",
        "--preface",
        "--paper",
        "--font-size",
        "--direction",
    ):
        assert option in result.output
