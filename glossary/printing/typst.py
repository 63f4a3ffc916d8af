"""PDF through Typst (the `typst` wheel, pinned): two columns, letter headings, running heads with
the first and last headword on each page, page numbers, bookmarks, hyphenation, tagged PDF.

Fonts: only the Libertinus Serif files shipped in glossary/printing/fonts/ (system and embedded
fonts off), and every printed character is checked against them first (coverage.check_coverage):
Typst itself would silently draw an empty box.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from ..atomic import atomic_write_bytes
from ..errors import GlossaryError
from .coverage import FONTS_DIR, check_coverage
from .entries import Form, Glossary

PRINTING_DIR = Path(__file__).parent
TEMPLATE = PRINTING_DIR / "glossary.typ"
PAPERS = {"a4": "a4", "letter": "us-letter"}


def _form(f: Form) -> dict:
    return {"text": f.text, "lang": f.lang, "rom": list(f.shown_romanizations), "gram": f.grammar, "note": f.note}


def document_data(glossary: Glossary, *, paper: str = "a4", font_size: float = 9.0) -> dict:
    """The JSON the Typst template reads (sys.inputs.data)."""
    if paper not in PAPERS:
        raise GlossaryError(f"unknown paper size {paper!r} (expected one of {', '.join(PAPERS)})")
    if not 6 <= font_size <= 16:
        raise GlossaryError(f"font size {font_size:g} pt is out of range (6–16)")
    return {
        "title": glossary.title,
        "source": glossary.source_lang,
        "paper": PAPERS[paper],
        "font_size": font_size,
        "preface": list(glossary.preface),
        "note": glossary.romanization_note,
        "groups": [{"letter": g.letter, "entries": [{
            "id": e.concept_id,
            "hw": _form(e.headword),
            "variants": [_form(v) for v in e.variants],
            "renderings": [_form(r) for r in e.renderings],
            "rejected": [_form(r) for r in e.rejected],
            "subjects": list(e.subjects),
            "stop": e.meaning_stop,
            "gloss": e.gloss,
            "refs": [{"id": r.concept_id, "label": r.label} for r in e.see_also],
        } for e in g.entries]} for g in glossary.groups],
    }


@lru_cache(maxsize=1)
def _compiler():
    import typst

    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=[str(FONTS_DIR)])
    return typst.Compiler(str(TEMPLATE), root=str(PRINTING_DIR), font_paths=fonts,
                          ignore_system_fonts=True)


def _timestamp() -> int | None:
    # Reproducible builds: honour SOURCE_DATE_EPOCH like the typst CLI does.
    value = os.environ.get("SOURCE_DATE_EPOCH")
    return int(value) if value and value.isdigit() else None


def render_pdf(glossary: Glossary, *, paper: str = "a4", font_size: float = 9.0) -> bytes:
    """Check font coverage, then compile the glossary to PDF bytes."""
    import typst

    data = document_data(glossary, paper=paper, font_size=font_size)
    check_coverage(glossary)
    try:
        return _compiler().compile(format="pdf", sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
                                   timestamp=_timestamp())
    except typst.TypstError as e:  # a template bug, not user input: still one line, never a traceback
        raise GlossaryError(f"typst: {e.message}") from e


def write(glossary: Glossary, path: Path, *, paper: str = "a4", font_size: float = 9.0) -> None:
    atomic_write_bytes(path, render_pdf(glossary, paper=paper, font_size=font_size))
