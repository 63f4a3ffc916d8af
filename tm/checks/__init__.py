"""tm check: an explicit registry of QA checks with stable ids (part of the interface).

`unit` checks are pure functions over a batch of units; `corpus` checks are group-bys over DataFrames
of normalised keys (see consistency.py). `run_checks` (runner.py) streams units through both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from glossary.core.errors import GlossaryError

from . import consistency, terms, text


class UnknownCheck(GlossaryError):
    """--select/--ignore named a check id that does not exist."""


@dataclass(frozen=True)
class Check:
    """A registered check: `id` is stable, `title` is one line, `kind` says how it runs. A corpus check
    names in `data` the tables of `consistency.Frames` it reads: the runner collects those only."""

    id: str
    title: str
    kind: Literal["unit", "corpus"]
    severity: str
    run: Callable
    needs_termbase: bool = False
    data: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = self.data - set(consistency.TABLES)
        if unknown:
            raise ValueError(
                f"check {self.id}: unknown data {sorted(unknown)} (known: {', '.join(consistency.TABLES)})"
            )


CHECKS: dict[str, Check] = {
    c.id: c
    for c in (
        Check(
            "term-missing",
            "A source term has no approved rendering in the target",
            "unit",
            "warning",
            terms.check_term_missing,
            needs_termbase=True,
        ),
        Check(
            "term-forbidden",
            "The target uses a deprecated or superseded rendering of a source term",
            "unit",
            "error",
            terms.check_term_forbidden,
            needs_termbase=True,
        ),
        Check(
            "inconsistent-target",
            "Same source (in the same context) translated differently",
            "corpus",
            "warning",
            consistency.check_inconsistent_target,
            data=frozenset({"units"}),
        ),
        Check(
            "inconsistent-source",
            "Same target (in the same context) for different sources",
            "corpus",
            "warning",
            consistency.check_inconsistent_source,
            data=frozenset({"units"}),
        ),
        Check(
            "term-inconsistent",
            "One source term rendered several ways across the memory",
            "corpus",
            "warning",
            consistency.check_term_inconsistent,
            data=frozenset({"units", "terms", "lemmas"}),
        ),
        Check(
            "translit-variant",
            "One Russian name romanized differently across targets",
            "corpus",
            "warning",
            consistency.check_translit_variant,
            data=frozenset({"units", "names"}),
        ),
        Check(
            "number-mismatch",
            "Numbers differ between source and target (locale-aware)",
            "unit",
            "error",
            text.check_numbers,
        ),
        Check(
            "untranslated",
            "Target empty, identical to the source, or with Cyrillic left in English",
            "unit",
            "error",
            text.check_untranslated,
        ),
        Check(
            "tag-mismatch",
            "Inline markup differs between source and target",
            "unit",
            "error",
            text.check_tags,
        ),
        Check(
            "punctuation",
            "Final punctuation lost or changed («» and “” are equivalent)",
            "unit",
            "warning",
            text.check_punctuation,
        ),
    )
}


def _matches(pattern: str, check_id: str) -> bool:
    return (
        pattern in ("ALL", "all")
        or check_id == pattern
        or (pattern.endswith("-") and check_id.startswith(pattern))
    )


def select_checks(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Check]:
    """The checks to run: all, or those named in *select* (ids or prefixes such as `term-`), minus *ignore*."""
    select, ignore = list(select or []), list(ignore or [])
    for pattern in select + ignore:
        if not any(_matches(pattern, cid) for cid in CHECKS):
            raise UnknownCheck(f"unknown check {pattern!r} (known: {', '.join(CHECKS)})")
    chosen = [c for c in CHECKS.values() if not select or any(_matches(p, c.id) for p in select)]
    return [c for c in chosen if not any(_matches(p, c.id) for p in ignore)]
