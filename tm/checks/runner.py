"""Stream units through the selected checks: per-unit checks batch by batch, then the corpus checks
over DataFrames built from the keys collected on the way (the units themselves are not kept)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

import pandas as pd

from glossary.model import Termbase
from glossary.recognize import Match, TermIndex
from tm.model import TranslationUnit

from . import CHECKS, Check, select_checks
from .base import CheckFinding, CheckOptions, UnitRow, normalize_key
from .consistency import Frames, term_report
from .terms import lemma_rows, name_rows, term_rows


@dataclass
class CheckResult:
    findings: list[CheckFinding]
    units: int
    checks: list[str]
    term_report: dict[str, dict[str, int]] = field(default_factory=dict)
    suppressed: int = 0


class CheckContext:
    """What checks share in one run: the term index, options, and per-batch caches of term matches."""

    def __init__(self, termbase: Termbase | None, options: CheckOptions, index: TermIndex | None = None):
        self.options = options
        self.index = index if index is not None else (TermIndex(termbase) if termbase is not None else None)
        self._matches: dict[int, tuple[list[Match], list[Match]]] = {}
        self.cache: dict[str, dict] = {}  # per-token caches of checks (token string → result)
        self.skeleton = self._skeleton_fn()

    def _skeleton_fn(self) -> Callable[[str], str] | None:
        if self.index is not None and self.index.skeleton("a") is not None:
            return self.index.skeleton
        try:
            from glossary.reverse import skeleton
        except ImportError:
            return None
        cache: dict[str, str] = {}

        def cached(word: str) -> str:
            key = cache.get(word)
            if key is None:
                key = cache[word] = skeleton(word)
            return key
        return cached

    def new_batch(self) -> None:
        self._matches.clear()

    def term_matches(self, row: UnitRow) -> tuple[list[Match], list[Match]]:
        """(concepts found in the source, in the target), each side recognised in its own language."""
        found = self._matches.get(row.index)
        if found is None:
            ix = self.index
            if row.ru_is_source:
                found = (ix.find_ru(row.source), ix.find_en(row.target) if row.target else [])
            else:
                found = (ix.find_en(row.source), ix.find_ru(row.target) if row.target else [])
            self._matches[row.index] = found
        return found

    @staticmethod
    def target_role(row: UnitRow) -> str:
        return "en" if row.ru_is_source else "ru"

    def finding(self, check: str, row: UnitRow, message: str, severity: str | None = None,
                source_spans=None, target_spans=None, **fields) -> CheckFinding:
        return CheckFinding(check, severity or CHECKS[check].severity, row.tuid, row.source, row.target, message,
                            path=row.path, line=row.line, source_spans=list(source_spans or []),
                            target_spans=list(target_spans or []), unit=row.index, **fields)

    def finding_at(self, check: str, rec, message: str, severity: str | None = None, **fields) -> CheckFinding:
        line = None if pd.isna(rec.line) else int(rec.line)
        return CheckFinding(check, severity or CHECKS[check].severity, rec.tuid, rec.source, rec.target, message,
                            path=rec.path, line=line, unit=int(rec.unit), **fields)


def _batches(items: Iterable, size: int):
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run_checks(units: Iterable[TranslationUnit], termbase: Termbase | None = None, *,
               checks: list[Check] | None = None, options: CheckOptions | None = None,
               index: TermIndex | None = None, batch_size: int = 1000,
               on_batch: Callable[[int], None] | None = None) -> CheckResult:
    """Run *checks* (default: all) over *units*; obsolete units are skipped."""
    options = options or CheckOptions()
    checks = checks if checks is not None else select_checks()
    if termbase is None and index is None:
        checks = [c for c in checks if not c.needs_termbase]
    ctx = CheckContext(termbase, options, index)
    unit_checks = [c for c in checks if c.kind == "unit"]
    corpus_checks = [c for c in checks if c.kind == "corpus"]
    want_lemmas = any(c.id == "term-inconsistent" for c in corpus_checks)
    want_terms = want_lemmas and ctx.index is not None
    want_names = any(c.id == "translit-variant" for c in corpus_checks)
    want_units = bool(corpus_checks)

    findings: list[CheckFinding] = []
    cols: dict[str, list] = {k: [] for k in ("unit", "tuid", "path", "line", "source", "target", "ctx",
                                             "src_key", "tgt_key")}
    term_data: list[tuple] = []
    name_data: list[tuple] = []
    lemma_data: list[tuple] = []
    n = 0
    live = (tu for tu in units if not tu.obsolete)
    for batch in _batches(live, batch_size):
        rows = [UnitRow.of(n + i, tu, options.source_lang, options.target_lang) for i, tu in enumerate(batch)]
        n += len(rows)
        ctx.new_batch()
        for check in unit_checks:
            findings.extend(check.run(rows, ctx))
        if want_units:
            for r in rows:
                cols["unit"].append(r.index)
                cols["tuid"].append(r.tuid)
                cols["path"].append(r.path)
                cols["line"].append(r.line)
                cols["source"].append(r.source)
                cols["target"].append(r.target)
                cols["ctx"].append(r.context)
                cols["src_key"].append(normalize_key(r.source))
                cols["tgt_key"].append(normalize_key(r.target))
        for r in rows:
            if want_terms:
                term_data.extend(term_rows(r, ctx))
            if want_names:
                name_data.extend(name_rows(r, ctx))
            if want_lemmas:
                lemma_data.extend(lemma_rows(r, ctx))
        if on_batch:
            on_batch(len(rows))

    frames = Frames(
        units=pd.DataFrame(cols),
        terms=pd.DataFrame(term_data, columns=["unit", "concept", "rendering", "approved", "preferred", "text",
                                               "start", "end"]),
        names=pd.DataFrame(name_data, columns=["unit", "key", "spelling", "preferred"]),
        lemmas=pd.DataFrame(lemma_data, columns=["unit", "lemma", "spelling"]),
    )
    for check in corpus_checks:
        findings.extend(check.run(frames, ctx))
    findings.sort(key=CheckFinding.sort_key)
    return CheckResult(findings, n, [c.id for c in checks], term_report(frames))
