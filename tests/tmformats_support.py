"""Shared builders for the TM format tests: units as each reader would produce them."""

from __future__ import annotations

from dataclasses import replace

from tm.model import Segment, Tag, TranslationUnit


def unit(source: str, target: str = "", **fields) -> TranslationUnit:
    fields.setdefault("source_lang", "ru")
    fields.setdefault("target_lang", "en")
    return TranslationUnit(Segment.of(source), Segment.of(target), **fields)


def comparable(u: TranslationUnit) -> TranslationUnit:
    """Drop what a round trip legitimately changes: where the unit was read from."""
    return replace(
        u,
        origin=None,
        line=None,
        source=u.source.normalized(),
        target=u.target.normalized(),
        source_plural=u.source_plural.normalized() if u.source_plural is not None else None,
        target_plurals=[s.normalized() for s in u.target_plurals],
    )


# One tagged sample per inline vocabulary, exactly as that format's reader yields it.
TMX_TAGGED = Segment(
    [
        "Доклад ",
        Tag("bpt", "open", "1", (("i", "1"), ("type", "bold")), "<b>"),
        "Ежова",
        Tag("ept", "close", "1", (("i", "1"),), "</b>"),
        " на пленуме",
        Tag("ph", "empty", "2", (("x", "2"),), "<br/>"),
        Tag("hi", "open", None, (("type", "italic"),)),
        "1937",
        Tag("hi", "close"),
        ".",
    ]
)
XLIFF_TAGGED = Segment(
    [
        "Доклад ",
        Tag("g", "open", "1", (("id", "1"), ("ctype", "bold"))),
        "Ежова",
        Tag("g", "close", "1"),
        " на пленуме",
        Tag("x", "empty", "2", (("id", "2"),)),
        ".",
    ]
)
XLIFF2_TAGGED = Segment(
    [
        "Доклад ",
        Tag("pc", "open", "1", (("id", "1"),)),
        "Ежова",
        Tag("pc", "close", "1"),
        " на пленуме",
        Tag("ph", "empty", "2", (("id", "2"),)),
        ".",
    ]
)
