"""Stream units through the selected checks: per-unit checks batch by batch, then the corpus checks
over DataFrames built from the keys collected on the way (the units themselves are not kept)."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice

import numpy as np
import pandas as pd

from glossary.errors import ParseError
from glossary.model import Termbase
from glossary.recognize import Match, Scan, TermIndex
from tm.errors import WorkerDied
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


_NO_SCAN = Scan([], [], [])


class CheckContext:
    """What checks share in one run: the term index, options, and per-batch caches of term matches."""

    def __init__(self, termbase: Termbase | None, options: CheckOptions, index: TermIndex | None = None):
        self.options = options
        self.index = index if index is not None else (TermIndex(termbase) if termbase is not None else None)
        self._matches: dict[int, tuple[Scan, Scan]] = {}
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
        src, tgt = self.term_scans(row)
        return src.matches, tgt.matches

    def term_scans(self, row: UnitRow) -> tuple[Scan, Scan]:
        """`term_matches` with each side's tokens (Russian or English tokenisation by role), so checks
        that walk the same words again need not tokenise the texts again."""
        found = self._matches.get(row.index)
        if found is None:
            ix = self.index
            if row.ru_is_source:
                found = (ix.scan_ru(row.source), ix.scan_en(row.target) if row.target else _NO_SCAN)
            else:
                found = (ix.scan_en(row.source), ix.scan_ru(row.target) if row.target else _NO_SCAN)
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


@dataclass
class _Stage:
    """The per-unit stage of one run: what a batch of rows yields (runs in this process or a worker)."""

    ctx: CheckContext
    unit_checks: list[Check]
    want_units: bool
    want_terms: bool
    want_names: bool
    want_lemmas: bool

    def __call__(self, rows: list[UnitRow]) -> tuple:
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
        return findings, keys, term_data, name_data, lemma_data


# The stage a forked worker runs: set just before the pool forks, so workers inherit the term index and
# the loaded dictionary instead of receiving them pickled.
_WORKER_STAGE: _Stage | None = None


def _run(stage: _Stage, rows: list[tuple]) -> tuple:
    return stage([UnitRow(*r) for r in rows])


def _work(rows: list[tuple]) -> tuple:
    result = _run(_WORKER_STAGE, rows)
    gc.freeze()  # the worker's per-token caches only grow: keep collections off them (see run_checks)
    return result


def default_jobs() -> int:
    """Worker processes for the per-unit stage: one per available core, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def _staged(batches: Iterator[list[tuple]], stage: _Stage, jobs: int) -> Iterator[tuple[list[tuple], tuple]]:
    """(rows as `UnitRow` field tuples, stage result) per batch, in input order. With jobs > 1 and more
    than one batch, batches go to forked worker processes and come back first in, first out, so the
    output is the same as in one process."""
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    # workers are forked (they inherit the term index); a daemonic process may not have children
    if second is None or jobs < 2 or "fork" not in mp.get_all_start_methods() or mp.current_process().daemon:
        yield first, _run(stage, first)
        if second is not None:
            yield second, _run(stage, second)
            for rows in batches:
                yield rows, _run(stage, rows)
        return
    global _WORKER_STAGE
    _WORKER_STAGE = stage
    # what the workers inherit stays shared with this process only if their garbage collector never
    # touches it (a collection writes to every object it visits, and each write copies a page)
    gc.freeze()
    try:
        with _workers(jobs) as pool:
            # a bounded window of batches in flight: reading stays ahead of the workers without ever
            # holding more than a few batches of a large file
            window: deque[tuple[list[tuple], Future]] = deque()
            for rows in chain((first, second), batches):
                window.append((rows, pool.submit(_work, rows)))
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
        raise WorkerDied("a worker process died (killed, or out of memory?); `-j 1` checks in one "
                         "process") from e
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# The frames' columns and their dtypes: object keeps the Python strings as they are (pandas' own string
# dtype would validate and copy every value, and compares and hashes them more slowly)
_UNIT_TYPES = {"unit": None, "tuid": object, "path": object, "line": None, "source": object, "target": object,
               "ctx": object, "src_key": object, "tgt_key": object}
_COLUMNS = tuple(_UNIT_TYPES)
_TERM_TYPES = {"unit": "int64", "concept": object, "rendering": object, "approved": bool, "preferred": bool,
               "text": object, "start": "int64", "end": "int64"}
_NAME_TYPES = {"unit": "int64", "key": object, "spelling": object, "preferred": object}
_LEMMA_TYPES = {"unit": "int64", "lemma": object, "spelling": object}


def _frame(columns: dict[str, list], types: dict) -> pd.DataFrame:
    """A DataFrame of column lists; a None type lets pandas infer it (a line number may be None)."""
    return pd.concat({k: pd.Series(columns[k], dtype=t) for k, t in types.items()}, axis=1)


def _frame_of_rows(rows: list[tuple], types: dict) -> pd.DataFrame:
    """A DataFrame of row tuples, transposed by NumPy in C (a zip(*rows) costs a Python iterator per row)."""
    table = np.array(rows, dtype=object) if rows else np.empty((0, len(types)), dtype=object)
    return pd.concat({k: pd.Series(table[:, j].astype(t), copy=False) for j, (k, t) in enumerate(types.items())},
                     axis=1)


class _Collected:
    """What the per-unit stage leaves for the report and the corpus checks, batch after batch."""

    def __init__(self, want_units: bool):
        self.units = 0
        self.findings: list[CheckFinding] = []
        self.cols: dict[str, list] | None = {k: [] for k in _COLUMNS} if want_units else None
        self.term_data: list[tuple] = []
        self.name_data: list[tuple] = []
        self.lemma_data: list[tuple] = []

    def add(self, rows: list[tuple], result: tuple) -> None:
        found, keys, terms, names, lemmas = result
        self.units += len(rows)
        self.findings.extend(found)
        cols = self.cols
        if cols is not None:  # rows are UnitRow field tuples: index, tuid, source, target, …, context, path, line
            cols["unit"].extend(r[0] for r in rows)
            cols["tuid"].extend(r[1] for r in rows)
            cols["path"].extend(r[9] for r in rows)
            cols["line"].extend(r[10] for r in rows)
            cols["source"].extend(r[2] for r in rows)
            cols["target"].extend(r[3] for r in rows)
            cols["ctx"].extend(r[8] for r in rows)
            cols["src_key"].extend(k[0] for k in keys)
            cols["tgt_key"].extend(k[1] for k in keys)
        self.term_data.extend(terms)
        self.name_data.extend(names)
        self.lemma_data.extend(lemmas)

    def merge(self, other: _Collected) -> None:
        self.units += other.units
        self.findings.extend(other.findings)
        if self.cols is not None:
            for k, values in self.cols.items():
                values.extend(other.cols[k])
        self.term_data.extend(other.term_data)
        self.name_data.extend(other.name_data)
        self.lemma_data.extend(other.lemma_data)


def _row_batches(units: Iterable[TranslationUnit], options: CheckOptions, size: int, base: int = 0
                 ) -> Iterator[list[tuple]]:
    """The live (not obsolete) units as `UnitRow` field tuples, numbered from *base*, in batches.
    Plain tuples: they pickle in C when sent to a worker (a slotted dataclass goes through Python)."""
    n = base
    of = UnitRow.fields_of
    for batch in _batches((tu for tu in units if not tu.obsolete), size):
        yield [of(n + i, tu, options.source_lang, options.target_lang) for i, tu in enumerate(batch)]
        n += len(batch)


def given_path(units: Iterable[TranslationUnit], path: str) -> Iterator[TranslationUnit]:
    """*units* with their origin the file's path as the user gave it: readers name only the file
    (`mem.csv`), and findings from `a/mem.csv` and `b/mem.csv` must be told apart."""
    for tu in units:
        tu.origin = path
        yield tu


def _work_part(job: tuple[int, object, int]) -> tuple[_Collected, tuple]:
    """A worker reads one part of a file itself and runs the per-unit stage on it. Units are numbered
    part << 32 + position: the order is the file's, and no part needs to know the others' sizes."""
    number, part, size = job
    stage = _WORKER_STAGE
    reader = part.reader()
    out = _Collected(stage.want_units)
    # a part is bounded (a few MB of text) and its units make next to no reference cycles (tens per
    # part): the collector's passes over it would find next to nothing (5 % of a worker's time); it
    # runs again between parts
    enabled = gc.isenabled()
    gc.disable()
    try:
        units = reader.units()
        if stage.ctx.options.paths_as_given:
            units = given_path(units, part.path)
        for rows in _row_batches(units, stage.ctx.options, size, number << 32):
            out.add(rows, _run(stage, rows))
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return out, (reader.entry, reader.last_target_lang)


class _PartsDisagree(Exception):
    """A part assumed another reader state than its predecessor left: read the file whole instead."""


def _staged_parts(parts: list, stage: _Stage, jobs: int, size: int) -> Iterator[_Collected]:
    """The per-unit stage over file parts, each read and checked by a forked worker, in order."""
    global _WORKER_STAGE
    _WORKER_STAGE = stage
    gc.freeze()  # see _staged
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


def run_checks(units: Iterable[TranslationUnit], termbase: Termbase | None = None, *,
               checks: list[Check] | None = None, options: CheckOptions | None = None,
               index: TermIndex | None = None, batch_size: int = 2000, jobs: int | None = 1,
               on_batch: Callable[[int], None] | None = None, parts: list | None = None) -> CheckResult:
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
    want_lemmas = any(c.id == "term-inconsistent" for c in corpus_checks)
    stage = _Stage(ctx, [c for c in checks if c.kind == "unit"], want_units=bool(corpus_checks),
                   want_terms=want_lemmas and ctx.index is not None, want_names=any(
                       c.id == "translit-variant" for c in corpus_checks), want_lemmas=want_lemmas)
    jobs = jobs or default_jobs()
    parallel = jobs > 1 and "fork" in mp.get_all_start_methods() and not mp.current_process().daemon

    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], 20_000), *thresholds[1:])  # fewer young collections (see below)
    try:
        got = None
        if parts and parallel:
            got = _Collected(stage.want_units)
            try:
                for out in _staged_parts(parts, stage, jobs, batch_size):
                    got.merge(out)
                    gc.freeze()  # see below
                    if on_batch:
                        on_batch(out.units)
            except (_PartsDisagree, ParseError):
                # the file as a whole decides: a part that cannot be read alone, or one that assumed
                # another state, makes the run read the file in one stream (a real error recurs there)
                if on_batch and got.units:
                    on_batch(-got.units)  # the progress count starts again with the file
                got = None
                gc.unfreeze()
        if got is None:
            got = _Collected(stage.want_units)
            for rows, result in _staged(_row_batches(units, options, batch_size), stage, jobs):
                got.add(rows, result)
                # what is kept grows with the input: freezing it spares every later garbage collection a
                # rescan of it (a full collection over a large memory otherwise costs a third of the run)
                gc.freeze()
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
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
    findings.sort(key=CheckFinding.sort_key)
    return CheckResult(findings, got.units, [c.id for c in checks], term_report(frames))
