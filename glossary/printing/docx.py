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

from ..core.atomic import atomic_path
from .entries import Entry, Form, Glossary
from .typst import PAPERS

PARAGRAPH_STYLES = (
    "Glossary Title",
    "Glossary Preface",
    "Glossary Note",
    "Glossary Key",
    "Glossary Letter",
    "Glossary Entry",
)
CHARACTER_STYLES = (
    "Glossary Headword",
    "Glossary Romanization",
    "Glossary Grammar",
    "Glossary Subject",
    "Glossary Rendering",
    "Glossary Rejected",
    "Glossary Gloss",
    "Glossary Cross-reference",
)
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
    key = paragraph("Glossary Key")
    key.paragraph_format.alignment = 1
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
    character("Glossary Rendering", bold=True)  # set apart from the gloss
    character("Glossary Rejected")
    character("Glossary Gloss")
    character("Glossary Cross-reference")


class _Runs:
    """Appends styled runs to paragraphs as raw WordprocessingML: python-docx's add_run looks the
    style up by name on every call, which made a 2,000-entry glossary take 40 s instead of 2."""

    def __init__(self, document):
        self.ids = {name: document.styles[name].style_id for name in CHARACTER_STYLES}

    def add(self, paragraph, text: str, style: str | None = None, lang: str | None = None) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        if not text:
            return
        run = OxmlElement("w:r")
        tag = LANG_TAGS.get(lang.split("-")[0]) if lang else None
        if style or tag:
            rpr = OxmlElement("w:rPr")
            if style:
                rstyle = OxmlElement("w:rStyle")
                rstyle.set(qn("w:val"), self.ids[style])
                rpr.append(rstyle)
            if tag:
                element = OxmlElement("w:lang")
                element.set(qn("w:val"), tag)
                rpr.append(element)
            run.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        paragraph._p.append(run)

    def form(self, p, f: Form, style: str) -> None:
        self.add(p, f.text, style, f.lang)
        for i, r in enumerate(f.shown_romanizations):
            self.add(p, " " if i == 0 else " [")
            self.add(p, r, "Glossary Romanization")
            if i:
                self.add(p, "]")
        if f.grammar:
            self.add(p, " ")
            self.add(p, f.grammar, "Glossary Grammar")
        if f.note and style != "Glossary Headword":
            self.add(p, f" ({f.note})", "Glossary Gloss")

    def entry(self, p, e: Entry, source: str) -> None:
        for i, f in enumerate((e.headword, *e.variants)):
            if i:
                self.add(p, ", ")
            self.form(p, f, "Glossary Headword")
        if e.subjects:
            self.add(p, " ")
            self.add(p, ", ".join(e.subjects), "Glossary Subject")
        if e.renderings or e.rejected:
            self.add(p, " ")
            for i, f in enumerate(e.renderings):
                if i:
                    self.add(p, "; ")
                self.form(p, f, "Glossary Rendering")
            if e.rejected:
                self.add(p, "; " if e.renderings else "")
                self.add(p, "not", "Glossary Grammar")
                self.add(p, " ")
                for i, f in enumerate(e.rejected):
                    if i:
                        self.add(p, ", ")
                    self.form(p, f, "Glossary Rejected")
            self.add(p, e.meaning_stop)
        if e.gloss:
            self.add(p, " ")
            self.add(p, e.gloss, "Glossary Gloss", "en")
        if e.see_also:
            self.add(p, " ")
            self.add(p, "See also", "Glossary Subject")
            self.add(p, " ")
            for i, r in enumerate(e.see_also):
                if i:
                    self.add(p, ", ")
                self.add(p, r.label, "Glossary Cross-reference", source)
            self.add(p, ".")


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
    if glossary.key:
        document.add_paragraph(glossary.key, style="Glossary Key")
    entries = document.add_section(WD_SECTION.CONTINUOUS)
    _two_columns(entries)
    source = glossary.source_lang
    runs = _Runs(document)
    letter_style, entry_style = document.styles["Glossary Letter"], document.styles["Glossary Entry"]
    for group in glossary.groups:
        heading = document.add_paragraph(style=letter_style)
        runs.add(heading, group.letter, lang=source)
        for e in group.entries:
            runs.entry(document.add_paragraph(style=entry_style), e, source)
    return document


def write(glossary: Glossary, path: Path, *, paper: str = "a4", font_size: float = 9.0) -> None:
    document = build(glossary, paper=paper, font_size=font_size)
    with atomic_path(path) as tmp:
        document.save(str(tmp))
