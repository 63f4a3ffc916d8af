"""The print font and the check that it can draw every character a glossary prints.

Libertinus Serif (Regular, Italic, Bold; SIL OFL 1.1, see fonts/OFL.txt) ships in
glossary/printing/fonts/: the same files the typst wheel embeds, copied by
scripts/fonts_from_typst.py. Typst runs with only these fonts (system and embedded fonts off), so
the cmap checked here is the cmap Typst uses. Typst draws an empty box for a missing glyph and says
nothing, hence the check before compiling; the HTML writer embeds subsets of the same files.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..core.errors import MissingGlyph
from .entries import Entry, Form, Glossary

FONTS_DIR = Path(__file__).parent / "fonts"
FONT_FAMILY = "Libertinus Serif"
FACES = {
    "regular": "LibertinusSerif-Regular.otf",
    "italic": "LibertinusSerif-Italic.otf",
    "bold": "LibertinusSerif-Bold.otf",
}


# The faces' cmaps as code point ranges, written next to the fonts by scripts/fonts_from_typst.py:
# reading them with fontTools cost 0.1 s (import and cmap parse) of every PDF run.
CMAP_FILE = FONTS_DIR / "cmap.json"


@cache
def cmap(face: str) -> frozenset[int]:
    """Code points the shipped *face* ("regular", "italic", "bold") has a glyph for."""
    ranges = json.loads(CMAP_FILE.read_text(encoding="utf-8"))[face]
    return frozenset(cp for first, last in ranges for cp in range(first, last + 1))


def cmap_ranges(face: str) -> list[list[int]]:
    """The cmap of *face* read from the font file, as [first, last] code point ranges."""
    from fontTools.ttLib import TTFont

    ranges: list[list[int]] = []
    for cp in sorted(TTFont(FONTS_DIR / FACES[face], lazy=True).getBestCmap()):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return ranges


def printed_strings(glossary: Glossary) -> Iterator[tuple[str, str, str, str]]:
    """(face, text, what, entry id) for every string the template prints."""
    yield "regular", glossary.title, "title", ""
    for paragraph in glossary.preface:
        yield "regular", paragraph, "preface", ""
    yield "italic", glossary.romanization_note, "romanization note", ""
    yield "regular", glossary.key, "key to abbreviations", ""
    for group in glossary.groups:
        for e in group.entries:  # before the heading, so an error names the entry
            yield from _entry_strings(e)
        yield "bold", group.letter, "letter heading", ""


def _form_strings(f: Form, face: str, what: str, entry_id: str):
    yield face, f.text, what, entry_id
    for r in f.romanized:
        yield "italic", r, f"romanization of {f.text!r}", entry_id
    yield "italic", f.grammar, "grammar label", entry_id
    if f.note:
        yield "regular", f.note, f"note on {f.text!r}", entry_id


def _entry_strings(e: Entry):
    for f in (e.headword, *e.variants):
        yield from _form_strings(f, "bold", "headword", e.concept_id)
    for f in e.renderings:
        yield from _form_strings(f, "bold", "rendering", e.concept_id)
    for f in e.rejected:
        yield from _form_strings(f, "regular", "rendering", e.concept_id)
    for s in e.subjects:
        yield "regular", s, "subject", e.concept_id
    if e.gloss:
        yield "regular", e.gloss, "gloss", e.concept_id
    for r in e.see_also:
        yield "regular", r.label, "cross-reference", e.concept_id


def _needs_glyph(ch: str) -> bool:
    # Spaces, line breaks and format characters (soft hyphen, ZWJ) are not drawn from the font.
    return not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"))


def check_coverage(glossary: Glossary) -> None:
    """Raise MissingGlyph for the first printed character the font has no glyph for."""
    check_strings(list(printed_strings(glossary)))


def check_strings(strings: list[tuple[str, str, str, str | None]]) -> None:
    """Raise MissingGlyph for the first character of (face, text, what, entry id) strings that the
    face has no glyph for (Typst would draw an empty box)."""
    for face in FACES:  # fast path: one set difference per face
        used = set().union(*(text for f, text, _, _ in strings if f == face))
        if all(ord(ch) in cmap(face) or not _needs_glyph(ch) for ch in used):
            continue
        for f, text, what, entry_id in strings:  # slow path, only to name the first culprit
            if f != face:
                continue
            for ch in text:
                if ord(ch) not in cmap(face) and _needs_glyph(ch):
                    name = unicodedata.name(ch, "unnamed character")
                    where = f"entry {entry_id!r}, {what}" if entry_id else what
                    raise MissingGlyph(
                        f"{where}: {FONT_FAMILY} ({face}) has no glyph for {ch!r} "
                        f"(U+{ord(ch):04X} {name}); remove or replace the character"
                    )
