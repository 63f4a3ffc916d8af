"""PDF through Typst (the `typst` wheel, pinned): two columns, letter headings, running heads with
the first and last headword on each page, page numbers, bookmarks, hyphenation, tagged PDF.

Fonts: only the Libertinus Serif files shipped in glossary/printing/fonts/ (system and embedded
fonts off), and every printed character is checked against them (coverage.check_coverage, while
Typst compiles): Typst itself would silently draw an empty box.
"""

from __future__ import annotations

import json
import os
import threading
from functools import lru_cache
from pathlib import Path

from ..core.atomic import atomic_write_bytes
from ..core.errors import GlossaryError
from .coverage import FONTS_DIR, check_coverage
from .entries import Entry, Form, Glossary

PRINTING_DIR = Path(__file__).parent
TEMPLATE = PRINTING_DIR / "glossary.typ"
PAPERS = {"a4": "a4", "letter": "us-letter"}


def _form(f: Form) -> dict:
    return {
        "text": f.text,
        "lang": f.lang,
        "rom": list(f.shown_romanizations),
        "gram": f.grammar,
        "note": f.note,
    }


def _meaning(e: Entry) -> list[dict]:
    """Renderings joined by "; ", then "not" and the rejected ones joined by ", " (Entry.meaning):
    each form with the separator printed before it."""
    forms = [
        {**_form(r), "sep": "; " if i else "", "opens-rejected": False, "rejected": False}
        for i, r in enumerate(e.renderings)
    ]
    forms += [
        {**_form(r), "sep": ", " if i else ("; " if forms else ""), "opens-rejected": not i, "rejected": True}
        for i, r in enumerate(e.rejected)
    ]
    return forms


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
        "key": glossary.key,
        "headwords": [e.headword.text for e in glossary.entries],  # in order, for the running heads
        "groups": [
            {
                "letter": g.letter,
                "entries": [
                    {
                        "names": [_form(e.headword), *(_form(v) for v in e.variants)],
                        "meaning": _meaning(e),
                        "subjects": list(e.subjects),
                        "stop": e.meaning_stop,
                        "gloss": e.gloss,
                        "refs": [r.label for r in e.see_also],
                    }
                    for e in g.entries
                ],
            }
            for g in glossary.groups
        ],
    }


@lru_cache(maxsize=4)
def compiler(template: Path = TEMPLATE):
    """A Typst compiler of *template* (a template of this folder) that sees only the shipped fonts."""
    import typst

    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS_DIR)])
    return typst.Compiler(str(template), root=str(PRINTING_DIR), font_paths=fonts, ignore_system_fonts=True)


def _timestamp() -> int | None:
    # Reproducible builds: honour SOURCE_DATE_EPOCH like the typst CLI does.
    value = os.environ.get("SOURCE_DATE_EPOCH")
    return int(value) if value and value.isdigit() else None


def render_pdf(glossary: Glossary, *, paper: str = "a4", font_size: float = 9.0) -> bytes:
    """Check font coverage and compile the glossary to PDF bytes; MissingGlyph if a character has
    no glyph (it wins over any Typst error)."""
    import typst

    data = json.dumps(document_data(glossary, paper=paper, font_size=font_size), ensure_ascii=False)
    # The coverage check runs beside the compile, on the other core: the binding releases the GIL
    # while Typst works (0.02–0.03 s of a 2,000-entry run). A missing glyph is then reported after
    # the compile rather than before it.
    failed: list[Exception] = []
    checker = threading.Thread(target=_check_coverage_into, args=(glossary, failed), name="coverage")
    checker.start()
    try:
        pdf = compiler().compile(format="pdf", sys_inputs={"data": data}, timestamp=_timestamp())
    except typst.TypstError as e:  # a template bug, not user input: still one line, never a traceback
        checker.join()
        if failed:
            raise failed[0] from None
        raise GlossaryError(f"typst: {e.message}") from e
    checker.join()
    if failed:
        raise failed[0]
    return pdf


def _check_coverage_into(glossary: Glossary, failed: list[Exception]) -> None:
    try:
        check_coverage(glossary)
    except Exception as e:  # MissingGlyph, or a bug: raised again in the caller's thread
        failed.append(e)


def write(glossary: Glossary, path: Path, *, paper: str = "a4", font_size: float = 9.0) -> None:
    atomic_write_bytes(path, render_pdf(glossary, paper=paper, font_size=font_size))
