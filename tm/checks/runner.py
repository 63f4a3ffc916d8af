"""Stream units through the selected checks: per-unit checks batch by batch, then the corpus checks
over DataFrames built from the keys collected on the way (the units themselves are not kept)."""

from __future__ import annotations

import multiprocessing as mp
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from glossary.core import gctuning, limits
from glossary.core.errors import ParseError
from glossary.recognition.recognize import EN_TOKEN, RU_TOKEN, Match, Scan, TermIndex
from glossary.romanization.skeleton import skeleton
from glossary.termbase.model import Termbase
from tm.errors import WorkerDied
from tm.model import TranslationUnit

from . import CHECKS, Check, select_checks
from .base import CheckFinding, CheckOptions, UnitRow, normalize_key
from .consistency import Frames, term_report
from .terms import lemma_rows, name_rows, term_rows

if TYPE_CHECKING:
    from tm.formats import Part


@dataclass
class CheckResult:
    findings: list[CheckFinding]
    units: int
    checks: list[str]
    term_report: dict[str, dict[str, int]] = field(default_factory=dict)
    suppressed: int = 0
    # words longer than max_word, which the recogniser and romanizer passed over (see PassedOver)
    passed_over: PassedOver | None = None


@dataclass
class PassedOver:
    """How many words the run passed over as longer than `max_word`, and where the first one is."""

    count: int
    path: str | None
    line: int | None
    tuid: str
    length: int

    def add(self, other: PassedOver | None) -> None:
        if other is not None:
            self.count += other.count

    def note(self) -> str:
        """The run's one note about them (the wording lint uses, glossary.core.limits.passed_over_note)."""
        if self.path:
            where = f"{self.path}:{self.line}" if self.line else self.path
            where += f" (unit {self.tuid})" if self.tuid and not self.line else ""
        else:
            where = f"unit {self.tuid}"
        return limits.passed_over_note(where, self.count, self.length)


def passed_over(rows: list[UnitRow]) -> PassedOver | None:
    """The words of *rows* longer than `max_word`, tokenised as the recogniser tokenises each side."""
    longest = limits.LIMITS.max_word
    # a text with no run of non-space characters that long (nearly every text) is cleared by one search
    run = re.compile(rf"\S{{{longest + 1}}}")
    found: PassedOver | None = None
    for r in rows:
        for text, tokens in (
            (r.source, RU_TOKEN if r.ru_is_source else EN_TOKEN),
            (r.target, EN_TOKEN if r.ru_is_source else RU_TOKEN),
        ):
            if not text or run.search(text) is None:
                continue
            lengths = [n for n in map(len, tokens.findall(text)) if n > longest]
            if not lengths:
                continue
            if found is None:
                found = PassedOver(0, r.path, r.line, r.tuid, lengths[0])
            found.count += len(lengths)
    return found


_NO_SCAN = Scan([], [], [])


class CheckContext:
    """What checks share in one run: the term index, options, and per-batch caches of term matches."""

    def __init__(self, termbase: Termbase | None, options: CheckOptions, index: TermIndex | None = None):
        self.options = options
        self.index = index if index is not None else (TermIndex(termbase) if termbase is not None else None)
        self._matches: dict[int, tuple[Scan, Scan]] = {}
        self.cache: dict[str, dict] = {}  # per-token caches of checks (token string → result)
        self.skeleton = self._skeleton_fn()

    def _skeleton_fn(self) -> Callable[[str], str | None] | None:
        if self.index is not None and self.index.skeleton("a") is not None:
            return self.index.skeleton
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
        src, tgt = self.term_scans(row)
        return src.matches, tgt.matches

    def term_scans(self, row: UnitRow) -> tuple[Scan, Scan]:
        """`term_matches` with each side's tokens (Russian or English tokenisation by role), so checks
        that walk the same words again need not tokenise the texts again."""
        found = self._matches.get(row.unit)
        if found is None:
            ix = self.index
            assert ix is not None  # only term checks ask, and they run only with a termbase
            if row.ru_is_source:
                found = (ix.scan_ru(row.source), ix.scan_en(row.target) if row.target else _NO_SCAN)
            else:
                found = (ix.scan_en(row.source), ix.scan_ru(row.target) if row.target else _NO_SCAN)
            self._matches[row.unit] = found
        return found

    @staticmethod
    def target_role(row: UnitRow) -> str:
        return "en" if row.ru_is_source else "ru"

    def finding(
        self,
        check: str,
        row: UnitRow,
        message: str,
        severity: str | None = None,
        source_spans=None,
        target_spans=None,
        **fields,
    ) -> CheckFinding:
        return CheckFinding(
            check,
            severity or CHECKS[check].severity,
            row.tuid,
            row.source,
            row.target,
            message,
            path=row.path,
            line=row.line,
            source_spans=list(source_spans or []),
            target_spans=list(target_spans or []),
            unit=row.unit,
            **fields,
        )

    def finding_at(
        self, check: str, rec, message: str, severity: str | None = None, **fields
    ) -> CheckFinding:
        line = None if pd.isna(rec.line) else int(rec.line)
        return CheckFinding(
            check,
            severity or CHECKS[check].severity,
            rec.tuid,
            rec.source,
            rec.target,
            message,
            path=rec.path,
            line=line,
            unit=int(rec.unit),
            **fields,
        )


def _batches(items: Iterable, size: int):
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class _BatchResult(NamedTuple):
    """What the per-unit stage yields for one batch of rows."""

    findings: list[CheckFinding]
    keys: list[tuple[str, str]]  # per row: the comparison keys of source and target (for `units`)
    terms: list[tuple]  # rows of the `terms` table
    names: list[tuple]  # rows of the `names` table
    lemmas: list[tuple]  # rows of the `lemmas` table
    passed: PassedOver | None  # words passed over as longer than max-word


@dataclass
class _Stage:
    """The per-unit stage of one run: what a batch of rows yields (runs in this process or a worker).
    `data`: the Frames tables the run's corpus checks read (their `Check.data`)."""

    ctx: CheckContext
    unit_checks: list[Check]
    data: frozenset[str]

    def __post_init__(self) -> None:
        self.want_units = "units" in self.data
        self.want_terms = "terms" in self.data and self.ctx.index is not None  # term rows need a termbase
        self.want_names = "names" in self.data
        self.want_lemmas = "lemmas" in self.data

    def __call__(self, rows: list[UnitRow]) -> _BatchResult:
        ctx = self.ctx
        ctx.new_batch()
        findings: list[CheckFinding] = []
        for check in self.unit_checks:
            findings.extend(check.run(rows, ctx))
        keys = [(normalize_key(r.source), normalize_key(r.target)) for r in rows] if self.want_units else []
        term_data: list[tuple] = []
        name_data: list[tuple] = []
        lemma_data: list[tuple] = []
        for r in rows:
            if self.want_terms:
                term_data.extend(term_rows(r, ctx))
            if self.want_names:
                name_data.extend(name_rows(r, ctx))
            if self.want_lemmas:
                lemma_data.extend(lemma_rows(r, ctx))
        return _BatchResult(findings, keys, term_data, name_data, lemma_data, passed_over(rows))


# The stage a forked worker runs: set just before the pool forks, so workers inherit the term index and
# the loaded dictionary instead of receiving them pickled.
_WORKER_STAGE: _Stage | None = None


def _worker_stage() -> _Stage:
    assert _WORKER_STAGE is not None, "set before the pool forks"
    return _WORKER_STAGE


def _work(fields: list[tuple]) -> _BatchResult:
    """A batch sent to a worker: rows as plain field tuples (a tuple subclass would pickle through
    Python)."""
    result = _worker_stage()(UnitRow.of_fields(fields))
    gctuning.freeze()  # the worker's per-token caches only grow: keep collections off them (see run_checks)
    return result


def default_jobs() -> int:
    """Worker processes for the per-unit stage: one per available core, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _staged(
    batches: Iterator[list[UnitRow]], stage: _Stage, jobs: int
) -> Iterator[tuple[list[UnitRow], _BatchResult]]:
    """(rows, stage result) per batch, in input order. With jobs > 1 and more
    than one batch, batches go to forked worker processes and come back first in, first out, so the
    output is the same as in one process."""
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    # workers are forked (they inherit the term index); a daemonic process may not have children
    if second is None or jobs < 2 or "fork" not in mp.get_all_start_methods() or mp.current_process().daemon:
        yield first, stage(first)
        if second is not None:
            yield second, stage(second)
            for rows in batches:
                yield rows, stage(rows)
        return
    global _WORKER_STAGE
    _WORKER_STAGE = stage
    # what the workers inherit stays shared with this process only if their garbage collector never
    # touches it (a collection writes to every object it visits, and each write copies a page)
    gctuning.freeze()
    try:
        with _workers(jobs) as pool:
            # a bounded window of batches in flight: reading stays ahead of the workers without ever
            # holding more than a few batches of a large file
            window: deque[tuple[list[UnitRow], Future]] = deque()
            for rows in chain((first, second), batches):
                window.append((rows, pool.submit(_work, list(map(tuple, rows)))))
                if len(window) > 2 * jobs:
                    done, result = window.popleft()
                    yield done, result.result()
            while window:
                done, result = window.popleft()
                yield done, result.result()
    finally:
        _WORKER_STAGE = None


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """Forked worker processes. A worker that dies (killed, out of memory) fails the run with a
    one-line error instead of leaving it waiting forever for the results of the dead process, and
    work not yet started is dropped when the run stops early."""
    pool = ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork"))
    try:
        yield pool
    except BrokenProcessPool as e:
        raise WorkerDied(
            "a worker process died (killed, or out of memory?); `-j 1` checks in one process"
        ) from e
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# The frames' columns and their dtypes: object keeps the Python strings as they are (pandas' own string
# dtype would validate and copy every value, and compares and hashes them more slowly)
_UNIT_TYPES = {
    "unit": None,
    "tuid": object,
    "path": object,
    "line": None,
    "source": object,
    "target": object,
    "ctx": object,
    "src_key": object,
    "tgt_key": object,
}
_COLUMNS = tuple(_UNIT_TYPES)
_TERM_TYPES = {
    "unit": "int64",
    "concept": object,
    "rendering": object,
    "approved": bool,
    "preferred": bool,
    "text": object,
    "start": "int64",
    "end": "int64",
}
_NAME_TYPES = {"unit": "int64", "key": object, "spelling": object, "preferred": object}
_LEMMA_TYPES = {"unit": "int64", "lemma": object, "spelling": object}


def _frame(columns: dict[str, list], types: dict) -> pd.DataFrame:
    """A DataFrame of column lists; a None type lets pandas infer it (a line number may be None)."""
    return pd.concat({k: pd.Series(columns[k], dtype=t) for k, t in types.items()}, axis=1)


def _frame_of_rows(rows: list[tuple], types: dict) -> pd.DataFrame:
    """A DataFrame of row tuples, transposed by NumPy in C (a zip(*rows) costs a Python iterator per row)."""
    table = np.array(rows, dtype=object) if rows else np.empty((0, len(types)), dtype=object)
    return pd.concat(
        {k: pd.Series(table[:, j].astype(t), copy=False) for j, (k, t) in enumerate(types.items())}, axis=1
    )


class _Collected:
    """What the per-unit stage leaves for the report and the corpus checks, batch after batch."""

    def __init__(self, want_units: bool):
        self.units = 0
        self.findings: list[CheckFinding] = []
        self.cols: dict[str, list] | None = {k: [] for k in _COLUMNS} if want_units else None
        self.term_data: list[tuple] = []
        self.name_data: list[tuple] = []
        self.lemma_data: list[tuple] = []
        self.passed_over: PassedOver | None = None

    def _passed(self, other: PassedOver | None) -> None:
        if self.passed_over is None:  # batches and parts arrive in input order: the first stays first
            self.passed_over = other
        else:
            self.passed_over.add(other)

    def add(self, rows: list[UnitRow], result: _BatchResult) -> None:
        self._passed(result.passed)
        self.units += len(rows)
        self.findings.extend(result.findings)
        cols = self.cols
        if cols is not None:
            cols["unit"].extend(r.unit for r in rows)
            cols["tuid"].extend(r.tuid for r in rows)
            cols["path"].extend(r.path for r in rows)
            cols["line"].extend(r.line for r in rows)
            cols["source"].extend(r.source for r in rows)
            cols["target"].extend(r.target for r in rows)
            cols["ctx"].extend(r.context for r in rows)
            cols["src_key"].extend(k[0] for k in result.keys)
            cols["tgt_key"].extend(k[1] for k in result.keys)
        self.term_data.extend(result.terms)
        self.name_data.extend(result.names)
        self.lemma_data.extend(result.lemmas)

    def merge(self, other: _Collected) -> None:
        self._passed(other.passed_over)
        self.units += other.units
        self.findings.extend(other.findings)
        if self.cols is not None and other.cols is not None:
            for k, values in self.cols.items():
                values.extend(other.cols[k])
        self.term_data.extend(other.term_data)
        self.name_data.extend(other.name_data)
        self.lemma_data.extend(other.lemma_data)


def _row_batches(
    units: Iterable[TranslationUnit], options: CheckOptions, size: int, base: int = 0
) -> Iterator[list[UnitRow]]:
    """The live (not obsolete) units as `UnitRow`s, numbered from *base*, in batches."""
    n = base
    of = UnitRow.of
    for batch in _batches((tu for tu in units if not tu.obsolete), size):
        yield [of(n + i, tu, options.source_lang, options.target_lang) for i, tu in enumerate(batch)]
        n += len(batch)


def given_path(units: Iterable[TranslationUnit], path: str) -> Iterator[TranslationUnit]:
    """*units* with their origin the file's path as the user gave it: readers name only the file
    (`mem.csv`), and findings from `a/mem.csv` and `b/mem.csv` must be told apart."""
    for tu in units:
        tu.origin = path
        yield tu


def _work_part(job: tuple[int, Part, int]) -> tuple[_Collected, tuple]:
    """A worker reads one part of a file itself and runs the per-unit stage on it. Units are numbered
    part << 32 + position: the order is the file's, and no part needs to know the others' sizes."""
    number, part, size = job
    stage = _worker_stage()
    reader = part.reader()
    out = _Collected(stage.want_units)
    # a part is bounded (a few MB of text) and its units make next to no reference cycles (tens per
    # part): the collector's passes over it would find next to nothing (5 % of a worker's time); it
    # runs again between parts. What the worker inherited is frozen (see _staged_parts), so what the
    # part left stays frozen too.
    with gctuning.without_gc():
        units = reader.units()
        if stage.ctx.options.paths_as_given:
            units = given_path(units, part.path)
        for rows in _row_batches(units, stage.ctx.options, size, number << 32):
            out.add(rows, stage(rows))
    return out, (reader.entry, reader.last_target_lang)


class _PartsDisagree(Exception):
    """A part assumed another reader state than its predecessor left: read the file whole instead."""


def _staged_parts(parts: Sequence[Part], stage: _Stage, jobs: int, size: int) -> Iterator[_Collected]:
    """The per-unit stage over file parts, each read and checked by a forked worker, in order."""
    global _WORKER_STAGE
    _WORKER_STAGE = stage
    gctuning.freeze()  # see _staged
    try:
        with _workers(jobs) as pool:
            left = None
            jobs_ = [(k, part, size) for k, part in enumerate(parts)]
            for part, (out, (entry, last)) in zip(parts, pool.map(_work_part, jobs_), strict=True):
                if part.start and entry != left:  # a part after the first of its file
                    raise _PartsDisagree(part)
                left = last
                yield out
    finally:
        _WORKER_STAGE = None


def run_checks(
    units: Iterable[TranslationUnit],
    termbase: Termbase | None = None,
    *,
    checks: list[Check] | None = None,
    options: CheckOptions | None = None,
    index: TermIndex | None = None,
    batch_size: int = 2000,
    jobs: int | None = 1,
    on_batch: Callable[[int], None] | None = None,
    parts: Sequence[Part] | None = None,
) -> CheckResult:
    """Run *checks* (default: all) over *units*; obsolete units are skipped. *jobs* > 1 runs the
    per-unit stage in that many forked processes (None: one per core); findings are the same.

    *parts* (`tm.formats.split_units` of the files *units* reads): with workers, each reads and checks
    its parts itself, so reading runs in parallel too; *units* is then read only if the parts turn out
    not to add up to the files (see `split_units`)."""
    options = options or CheckOptions()
    checks = checks if checks is not None else select_checks()
    if termbase is None and index is None:
        checks = [c for c in checks if not c.needs_termbase]
    ctx = CheckContext(termbase, options, index)
    corpus_checks = [c for c in checks if c.kind == "corpus"]
    stage = _Stage(
        ctx, [c for c in checks if c.kind == "unit"], frozenset().union(*(c.data for c in corpus_checks))
    )
    jobs = jobs or default_jobs()
    parallel = jobs > 1 and "fork" in mp.get_all_start_methods() and not mp.current_process().daemon

    # fewer young collections, and what is kept frozen batch after batch (see below) until the run ends
    with gctuning.fewer_young_collections(20_000):
        got = None
        if parts and parallel:
            got = _Collected(stage.want_units)
            try:
                for out in _staged_parts(parts, stage, jobs, batch_size):
                    got.merge(out)
                    gctuning.freeze()  # see below
                    if on_batch:
                        on_batch(out.units)
            except (_PartsDisagree, ParseError):
                # the file as a whole decides: a part that cannot be read alone, or one that assumed
                # another state, makes the run read the file in one stream (a real error recurs there)
                if on_batch and got.units:
                    on_batch(-got.units)  # the progress count starts again with the file
                got = None
                gctuning.unfreeze()
        if got is None:
            got = _Collected(stage.want_units)
            for rows, result in _staged(_row_batches(units, options, batch_size), stage, jobs):
                got.add(rows, result)
                # what is kept grows with the input: freezing it spares every later garbage collection a
                # rescan of it (a full collection over a large memory otherwise costs a third of the run)
                gctuning.freeze()
                if on_batch:
                    on_batch(len(rows))
        frames = Frames(
            units=_frame(got.cols if got.cols is not None else {k: [] for k in _COLUMNS}, _UNIT_TYPES),
            terms=_frame_of_rows(got.term_data, _TERM_TYPES),
            names=_frame_of_rows(got.name_data, _NAME_TYPES),
            lemmas=_frame_of_rows(got.lemma_data, _LEMMA_TYPES),
        )
        findings = got.findings
        for check in corpus_checks:
            findings.extend(check.run(frames, ctx))
    findings.sort(key=CheckFinding.sort_key)
    return CheckResult(
        findings, got.units, [c.id for c in checks], term_report(frames), passed_over=got.passed_over
    )
