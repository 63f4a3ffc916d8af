"""DOCX for editors: every part of an entry carries a named style an editor can restyle."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from glossary.printing import build_glossary, write_glossary
from glossary.printing.docx import CHARACTER_STYLES, PARAGRAPH_STYLES
from glossary.termbase.formats import read_termbase

DATA = Path(__file__).parent / "data" / "print"


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    glossary = build_glossary(
        read_termbase(DATA / "termbase.json"),
        schemes=("lc", "bgn"),
        preface=(DATA / "preface.txt").read_text(encoding="utf-8"),
    )
    path = tmp_path_factory.mktemp("docx") / "glossary.docx"
    write_glossary(glossary, path, paper="letter")
    return docx.Document(str(path))


def test_named_styles_exist(document):
    names = {s.name for s in document.styles}
    assert set(PARAGRAPH_STYLES) <= names
    assert set(CHARACTER_STYLES) <= names
    assert document.styles["Glossary Letter"].base_style.name == "Heading 1"


def test_entries_use_the_named_styles(document):
    entries = [p for p in document.paragraphs if p.style.name == "Glossary Entry"]
    assert len(entries) == 17
    first = entries[0]
    assert first.runs[0].text == "аппарат"
    assert first.runs[0].style.name == "Glossary Headword"
    used = {r.style.name for p in entries for r in p.runs if r.style is not None}
    assert {
        "Glossary Headword",
        "Glossary Romanization",
        "Glossary Grammar",
        "Glossary Subject",
        "Glossary Rendering",
        "Glossary Rejected",
        "Glossary Gloss",
        "Glossary Cross-reference",
    } <= used
    letters = [p.text for p in document.paragraphs if p.style.name == "Glossary Letter"]
    assert letters[:3] == ["А", "Г", "Е"]


def test_russian_runs_are_tagged_for_spelling(document):
    headword = next(p for p in document.paragraphs if p.style.name == "Glossary Entry").runs[0]
    assert headword._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "ru-RU"


def test_entries_are_set_in_two_columns_on_letter_paper(document):
    front, entries = document.sections
    assert entries._sectPr.find(qn("w:cols")).get(qn("w:num")) == "2"
    assert round(entries.page_width.inches, 1) == 8.5 and round(entries.page_height.inches, 1) == 11.0
    assert document.paragraphs[0].style.name == "Glossary Title"
