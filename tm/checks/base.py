"""The vocabulary of tm check: its finding record, the unit view checks read, and the options.

A check never sees a file: it gets `UnitRow`s (the plain text and tags of each unit with its role in
the language pair resolved, so en→ru memories are checked with the roles swapped) and returns
`CheckFinding`s: the one `glossary.findings.Finding` record (what the SARIF renderer reads) with the
unit's fields added. The JSON contract of `tm check` is `CheckFinding.to_dict()`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from glossary.findings import SEVERITIES, Finding, Severity
from tm.model import Tag, TranslationUnit

__all__ = ["SEVERITIES", "CheckFinding", "CheckOptions", "Severity", "UnitRow", "normalize_key", "unit_ref"]


# TMX props that say where a segment belongs, so equal sources there may rightly differ in target
# (OmegaT alternative translations carry file/prev/next/id; others use x-context and friends).
CONTEXT_PROPS = frozenset(
    {
        "x-context",
        "context",
        "x-context-pre",
        "x-context-post",
        "x-msgctxt",
        "msgctxt",
        "file",
        "id",
        "prev",
        "next",
        "x-id",
        "x-domain",
        "domain",
        "x-segment-context",
    }
)


def normalize_key(text: str) -> str:
    """The comparison key of a segment for consistency checks: whitespace collapsed, NFC."""
    key = " ".join(text.split())  # split() = \s+ runs, ends stripped
    # most texts are their own key: returning the text itself (NFC returns a normalised string as it
    # is) lets a worker's results carry one string where they would carry two equal ones
    return unicodedata.normalize("NFC", text if key == text else key)


class UnitRow(NamedTuple):
    """One unit as the checks see it. `ru`/`en` are the texts by language role (direction-aware).

    A tuple: made in C (`of`), its fields read in C, and sent to a worker process as a plain tuple
    (`tuple(row)`, pickled in C; `UnitRow.of_fields` makes it a UnitRow again)."""

    unit: int  # the unit's number in the run (file order)
    tuid: str
    source: str
    target: str
    source_tags: tuple[Tag, ...]
    target_tags: tuple[Tag, ...]
    source_lang: str
    target_lang: str
    context: str
    path: str | None = None
    line: int | None = None
    ru_is_source: bool = True

    @property
    def ru(self) -> str:
        return self.source if self.ru_is_source else self.target

    @property
    def en(self) -> str:
        return self.target if self.ru_is_source else self.source

    @staticmethod
    def of(index: int, tu: TranslationUnit, source_lang: str = "ru", target_lang: str = "en") -> UnitRow:
        """The row of unit *tu*, numbered *index*; *source_lang*/*target_lang* where the unit names none."""
        target = tu.target
        if not target and tu.target_plurals:
            target = tu.target_plurals[0]
        ctx = [tu.context] if tu.context else []
        if tu.props:
            ctx += [f"{k}={v}" for k, v in tu.props if k.lower() in CONTEXT_PROPS]
        src_lang = tu.source_lang or source_lang
        # tuple.__new__ in C: the NamedTuple's own __new__ is a Python function, called per unit
        return _new_tuple(
            UnitRow,
            (
                index,
                unit_ref(tu),
                tu.source.text,
                target.text if target else "",
                tuple(tu.source.tags) if tu.source.has_tags else (),
                tuple(target.tags) if target and target.has_tags else (),
                src_lang,
                tu.target_lang or target_lang,
                "\x1f".join(ctx),
                tu.origin,
                tu.line,
                not src_lang.lower().startswith("en"),
            ),
        )

    @staticmethod
    def of_fields(rows: Iterable[tuple]) -> list[UnitRow]:
        """Plain field tuples (as sent to a worker) as UnitRows again, in C."""
        return list(map(_as_unit_row, rows))


_new_tuple = tuple.__new__
_as_unit_row = partial(_new_tuple, UnitRow)


def unit_ref(tu: TranslationUnit) -> str:
    """The unit's id for reports: TMX tuid / XLIFF id, else PO msgctxt + msgid (`ctxt|msgid`)."""
    if tu.id:
        return tu.id
    if tu.context:
        return f"{tu.context}|{tu.source.text}"
    return tu.source.text


@dataclass(init=False)
class CheckFinding(Finding):
    """One problem in one unit: a Finding whose code and name are the check id, at the unit's line
    (column 1; `path`/`line` are None for a unit read without them). `concept`/`expected` are set by
    term checks."""

    tuid: str = ""
    source: str = ""
    target: str = ""
    concept: str | None = None
    expected: list[str] | None = None
    found: str | None = None
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    unit: int = field(default=-1, compare=False)  # position in the input, for ordering only

    def __init__(
        self,
        check: str,
        severity: str,
        tuid: str,
        source: str,
        target: str,
        message: str,
        concept: str | None = None,
        expected: list[str] | None = None,
        found: str | None = None,
        path: str | None = None,
        line: int | None = None,
        source_spans: list[tuple[int, int]] | None = None,
        target_spans: list[tuple[int, int]] | None = None,
        extra: dict[str, Any] | None = None,
        unit: int = -1,
    ) -> None:
        # set directly (no Finding.__init__): this is the hot path of a 200k-unit check
        self.code = self.name = check
        self.severity = severity  # type: ignore[assignment]  # one of SEVERITIES (checked in CHECKS)
        self.message = message
        self.path = path  # type: ignore[assignment]  # None: a unit read without a file name
        self.line = line  # type: ignore[assignment]
        self.column = 1
        self.text = ""
        self.end_line = line or 1
        self.end_column = 1
        self.fix = None
        self.extra = {} if extra is None else extra
        self.tuid, self.source, self.target = tuid, source, target
        self.concept, self.expected, self.found = concept, expected, found
        self.source_spans = [] if source_spans is None else source_spans
        self.target_spans = [] if target_spans is None else target_spans
        self.unit = unit

    @property
    def check(self) -> str:
        """The check id (tm's name for the finding's code)."""
        return self.code

    @property
    def signature(self) -> str:
        """A stable id for suppressions: the same problem in the same unit keeps it across runs."""
        parts = (self.check, self.tuid, self.source, self.target, self.concept or "", self.found or "")
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "check": self.check,
            "severity": self.severity,
            "tuid": self.tuid,
            "source": self.source,
            "target": self.target,
            "message": self.message,
        }
        if self.concept is not None or self.expected is not None:
            data["concept"] = self.concept
            data["expected"] = list(self.expected or [])
        if self.found is not None:
            data["found"] = self.found
        data["path"] = self.path
        data["line"] = self.line
        data["signature"] = self.signature
        if self.source_spans:
            data["source_spans"] = [list(s) for s in self.source_spans]
        if self.target_spans:
            data["target_spans"] = [list(s) for s in self.target_spans]
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data

    def sort_key(self) -> tuple:
        return (self.unit, self.check)

    def properties(self) -> dict[str, Any]:
        """The SARIF property bag: everything of the JSON contract the SARIF result does not hold."""
        skip = ("check", "severity", "message", "path", "line")
        return {"name": self.check, **{k: v for k, v in self.to_dict().items() if k not in skip}}


@dataclass
class CheckOptions:
    """Settings of one run. `missing_severity`: how bad an unrendered term is (warning or error);
    `paths_as_given`: workers reading file parts name units by the part's path as given (what the CLI
    does for whole files), not by the readers' bare file name."""

    missing_severity: str = "warning"
    source_lang: str = "ru"
    target_lang: str = "en"
    number_words: bool = True
    paths_as_given: bool = False
