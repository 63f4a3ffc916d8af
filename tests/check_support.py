"""Shared helpers of the tm check tests: a small termbase as model objects, unit builders."""

from __future__ import annotations

from pathlib import Path

from glossary.termbase.model import Concept, Term, Termbase
from tm.model import Segment, Tag, TranslationUnit

DATA = Path(__file__).parent / "data" / "check"


def termbase() -> Termbase:
    """The same concepts as tests/data/check/termbase.json."""
    return Termbase(
        [
            Concept(
                "gensek",
                terms=[
                    Term("Генеральный секретарь", "ru"),
                    Term("General Secretary", "en"),
                    Term("Secretary General", "en", status="admitted"),
                ],
            ),
            Concept(
                "nomenklatura",
                terms=[
                    Term("номенклатура", "ru"),
                    Term("nomenklatura", "en"),
                    Term("nomenclature", "en", status="deprecated"),
                ],
            ),
            Concept("troika", terms=[Term("тройка", "ru"), Term("troika", "en")]),
            Concept("ezhov-nikolai", type="person", terms=[Term("Ежов", "ru"), Term("Yezhov", "en")]),
            Concept(
                "kolkhoz",
                terms=[
                    Term("колхоз", "ru"),
                    Term("kolkhoz", "en"),
                    Term("collective farm", "en", status="admitted"),
                ],
            ),
            Concept(
                "lishentsy",
                terms=[
                    Term("лишенцы", "ru", number="plural"),
                    Term("lishentsy", "en"),
                    Term("the disenfranchised", "en", status="superseded"),
                ],
            ),
            Concept(
                "pravda",
                type="publication",
                terms=[Term("Правда", "ru", match="case"), Term("Pravda", "en", match="case")],
            ),
        ]
    )


def tu(
    source, target="", tuid=None, context=None, source_lang="ru", target_lang="en", **kw
) -> TranslationUnit:
    def seg(value):
        if isinstance(value, Segment):
            return value
        if isinstance(value, list):
            return Segment(value)
        return Segment.of(value)

    return TranslationUnit(
        seg(source),
        seg(target),
        id=tuid,
        context=context,
        source_lang=source_lang,
        target_lang=target_lang,
        origin="test",
        **kw,
    )


__all__ = ["DATA", "Tag", "termbase", "tu"]
