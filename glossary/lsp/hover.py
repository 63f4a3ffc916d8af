"""Hover: what a romanized word reads as in Russian and how the house scheme writes it, and for a
termbase term the concept's Russian term, definition and approved renderings (Markdown)."""

from __future__ import annotations

from ..lint.romanized import Romanized, apply_case, case_shape, core, is_latin_word
from ..lint.rules.base import tokenize
from ..termbase.model import Concept, Termbase


def word_at(line: str, column: int) -> tuple[str, int, int] | None:
    """The word of *line* under 0-based code-point *column*: (word, start, end)."""
    for tok in tokenize(line):
        if tok.start <= column <= tok.end:
            return tok.text, tok.start, tok.end
    return None


def _concept_text(concept: Concept) -> list[str]:
    out = []
    ru = concept.ru
    approved = [t.text for t in concept.approved("en")]
    rejected = [f"{t.text} ({t.status.value})" for t in concept.rejected("en")]
    out.append(f"**{ru.text if ru else concept.id}** — termbase concept `{concept.id}`")
    if concept.definition:
        out.append(concept.definition)
    if approved:
        out.append("Approved: " + ", ".join(f"`{t}`" for t in approved))
    if rejected:
        out.append("Rejected: " + ", ".join(rejected))
    return out


def hover_markdown(
    line: str, column: int, termbase: Termbase | None, romanized: Romanized, scheme: str
) -> tuple[str, int, int] | None:
    """(Markdown, start, end columns) for the word under *column* of *line*, or None."""
    parts: list[str] = []
    span: tuple[int, int] | None = None
    if termbase is not None:
        from ..recognition.recognize import TermIndex

        index = termbase.derived("lsp-hover-index", TermIndex)
        for match in index.find_en(line):
            if match.start <= column <= match.end:
                parts += _concept_text(index.concepts[match.concept_id])
                span = (match.start, match.end)
                break
    found = word_at(line, column)
    if found is not None:
        word, start, end = found
        bare = core(word)[0]
        if is_latin_word(bare):
            reading = romanized.reading(bare)
            if reading is not None:
                schemes = ", ".join(reading.schemes) if reading.schemes else "no scheme (a loose reading)"
                shape = case_shape(bare)
                cyrillic = apply_case(reading.cyrillic, shape)
                house = apply_case(romanized.house_form(reading.cyrillic), shape)
                text = [f"`{bare}` reads as **{cyrillic}** (written so by {schemes})"]
                others = [a for a in reading.alternatives if a != reading.cyrillic]
                if others:
                    text.append("Other readings: " + ", ".join(others[:5]))
                text.append(f"House scheme ({scheme}): `{house}`")
                parts = text + ([""] + parts if parts else [])
                span = span or (start, end)
    if not parts or span is None:
        return None
    return "\n\n".join(p for p in parts if p is not None), span[0], span[1]
