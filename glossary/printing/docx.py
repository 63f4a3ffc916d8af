"""DOCX for editors (python-docx). Every piece of an entry carries a named style, so a publisher
restyles the whole glossary from Word's style pane instead of touching entries one by one:

paragraph styles  Glossary Title, Glossary Preface, Glossary Note, Glossary Letter (based on
                  Heading 1, so letters show in the navigation pane), Glossary Entry (hanging indent)
character styles  Glossary Headword, Glossary Romanization, Glossary Grammar, Glossary Subject
                  (small caps), Glossary Rendering, Glossary Rejected, Glossary Gloss,
                  Glossary Cross-reference

Front matter is one column; the entries follow in a two-column section. Russian runs are tagged
ru-RU and English runs en-GB so Word's spelling and hyphenation use the right language. No font is
named: the document's theme font covers Cyrillic everywhere Word runs.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import atomic_path
from .entries import Entry, Form, Glossary
from .typst import PAPERS

PARAGRAPH_STYLES = ("Glossary Title", "Glossary Preface", "Glossary Note", "Glossary Letter",
                    "Glossary Entry")
CHARACTER_STYLES = ("Glossary Headword", "Glossary Romanization", "Glossary Grammar",
                    "Glossary Subject", "Glossary Rendering", "Glossary Rejected", "Glossary Gloss",
                    "Glossary Cross-reference")
LANG_TAGS = {"ru": "ru-RU", "en": "en-GB"}


def _define_styles(document, font_size: float) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(font_size)

    def paragraph(name, base="Normal"):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        return style

    title = paragraph("Glossary Title", "Title")
    title.paragraph_format.alignment = 1  # centre
    title.font.small_caps = True
    preface = paragraph("Glossary Preface")
    preface.paragraph_format.first_line_indent = Pt(font_size)
    preface.paragraph_format.space_after = Pt(0)
    note = paragraph("Glossary Note")
    note.font.italic = True
    note.paragraph_format.alignment = 1
    note.paragraph_format.space_before = Pt(font_size * 0.6)
    letter = paragraph("Glossary Letter", "Heading 1")
    letter.paragraph_format.alignment = 1
    letter.paragraph_format.keep_with_next = True
    letter.font.size = Pt(font_size * 1.5)
    entry = paragraph("Glossary Entry")
    entry.paragraph_format.left_indent = Pt(font_size)
    entry.paragraph_format.first_line_indent = Pt(-font_size)
    entry.paragraph_format.space_after = Pt(font_size * 0.35)
    entry.paragraph_format.alignment = 3  # justify

    def character(name, **font):
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.quick_style = True
        for key, value in font.items():
            setattr(style.font, key, value)

    character("Glossary Headword", bold=True)
    character("Glossary Romanization", italic=True)
    character("Glossary Grammar", italic=True)
    character("Glossary Subject", small_caps=True)
    character("Glossary Rendering")
    character("Glossary Rejected")
    character("Glossary Gloss")
    character("Glossary Cross-reference")


def _set_lang(run, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = LANG_TAGS.get(lang.split("-")[0])
    if not tag:
        return
    rpr = run._r.get_or_add_rPr()
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), tag)
    rpr.append(element)


def _add_form(p, f: Form, style: str) -> None:
    _set_lang(p.add_run(f.text, style), f.lang)
    if f.romanized:
        first = f.romanized[0]
        p.add_run(" ")
        p.add_run(first, "Glossary Romanization")
        for other in f.romanized[1:]:
            if other != first:
                p.add_run(" [")
                p.add_run(other, "Glossary Romanization")
                p.add_run("]")
    if f.grammar:
        p.add_run(" ")
        p.add_run(f.grammar, "Glossary Grammar")
    if f.note and style != "Glossary Headword":
        p.add_run(f" ({f.note})", "Glossary Gloss")


def _add_entry(document, e: Entry, source: str) -> None:
    p = document.add_paragraph(style="Glossary Entry")
    for i, f in enumerate((e.headword, *e.variants)):
        if i:
            p.add_run(", ")
        _add_form(p, f, "Glossary Headword")
    if e.subjects:
        p.add_run(" ")
        p.add_run(", ".join(e.subjects), "Glossary Subject")
    if e.renderings or e.rejected:
        p.add_run(" ")
        for i, f in enumerate(e.renderings):
            if i:
                p.add_run("; ")
            _add_form(p, f, "Glossary Rendering")
        if e.rejected:
            p.add_run("; " if e.renderings else "")
            p.add_run("not", "Glossary Grammar")
            p.add_run(" ")
            for i, f in enumerate(e.rejected):
                if i:
                    p.add_run(", ")
                _add_form(p, f, "Glossary Rejected")
        p.add_run(e.meaning_stop)
    if e.gloss:
        p.add_run(" ")
        _set_lang(p.add_run(e.gloss, "Glossary Gloss"), "en")
    if e.see_also:
        p.add_run(" ")
        p.add_run("See also", "Glossary Subject")
        p.add_run(" ")
        for i, r in enumerate(e.see_also):
            if i:
                p.add_run(", ")
            _set_lang(p.add_run(r.label, "Glossary Cross-reference"), source)
        p.add_run(".")


def _two_columns(section) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "400")  # twentieths of a point: 20 pt gutter


def build(glossary: Glossary, *, paper: str = "a4", font_size: float = 9.0):
    """The python-docx Document (not yet saved)."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Mm

    document = docx.Document()
    document.core_properties.title = glossary.title
    document.core_properties.language = glossary.source_lang
    _define_styles(document, font_size)
    section = document.sections[0]
    width, height = (Mm(210), Mm(297)) if PAPERS.get(paper) == "a4" else (Mm(215.9), Mm(279.4))
    section.page_width, section.page_height = width, height
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(22)

    document.add_paragraph(glossary.title, style="Glossary Title")
    for paragraph in glossary.preface:
        document.add_paragraph(paragraph, style="Glossary Preface")
    if glossary.romanization_note:
        document.add_paragraph(glossary.romanization_note, style="Glossary Note")
    entries = document.add_section(WD_SECTION.CONTINUOUS)
    _two_columns(entries)
    source = glossary.source_lang
    for group in glossary.groups:
        _set_lang(document.add_paragraph(style="Glossary Letter").add_run(group.letter), source)
        for e in group.entries:
            _add_entry(document, e, source)
    return document


def write(glossary: Glossary, path: Path, *, paper: str = "a4", font_size: float = 9.0) -> None:
    document = build(glossary, paper=paper, font_size=font_size)
    with atomic_path(path) as tmp:
        document.save(str(tmp))
