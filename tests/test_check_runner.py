"""The runner's parallel per-unit stage: forked workers give the same findings, in the same order."""

import gc
import os
from pathlib import Path

import pytest

from glossary.termbase.formats import read_termbase
from tm.checks import Check
from tm.checks.base import normalize_key
from tm.checks.runner import run_checks
from tm.formats import iter_units

DATA = Path(__file__).parent / "data" / "check"


def _report(jobs: int, batch_size: int) -> list[dict]:
    termbase = read_termbase(DATA / "termbase.json")
    result = run_checks(iter_units(DATA / "memory.tmx"), termbase, jobs=jobs, batch_size=batch_size)
    return [f.to_dict() for f in result.findings]


@pytest.mark.parametrize("batch_size", [1, 3])
def test_workers_report_the_same_findings_in_the_same_order_as_one_process(batch_size):
    serial = _report(jobs=1, batch_size=1000)
    assert serial  # the fixture has findings of several checks, so the comparison means something
    assert len({f["check"] for f in serial}) >= 5
    assert _report(jobs=2, batch_size=batch_size) == serial


def test_a_run_leaves_the_garbage_collector_as_it_found_it():
    before = gc.get_threshold()
    _report(jobs=2, batch_size=2)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def _die(rows):
    os._exit(9)  # as a worker killed by the OOM killer or kill -9 ends


def test_a_worker_that_dies_fails_the_run_with_an_error_instead_of_a_hang(monkeypatch):
    from tm.checks import runner
    from tm.errors import WorkerDied

    monkeypatch.setattr(runner, "_work", _die)
    with pytest.raises(WorkerDied, match="worker process died"):
        _report(jobs=2, batch_size=2)
    assert gc.get_freeze_count() == 0


def test_a_segment_key_collapses_whitespace_and_composes_letters():
    assert normalize_key("  Политбюро\u00a0 ЦК\n") == "Политбюро ЦК"
    assert normalize_key("Пётр") == normalize_key("Пе\u0308тр")  # ё precomposed = е + combining diaeresis


def test_a_text_that_is_its_own_key_is_returned_as_it_is():
    # workers send every unit's text and key to the main process: one object pickles once
    text = "Решение Политбюро от 5 марта."
    assert normalize_key(text) is text
    assert normalize_key(text + " ") is not text


def _recording_check(data: frozenset[str], seen: dict) -> Check:
    def run(frames, ctx):
        seen.update({name: len(getattr(frames, name)) for name in ("units", "terms", "names", "lemmas")})
        return iter(())

    return Check("x-recorder", "records the tables it gets", "corpus", "warning", run, data=data)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_runner_collects_the_tables_a_corpus_check_declares_and_no_others(jobs):
    termbase = read_termbase(DATA / "termbase.json")
    collected = {}
    for data in (
        frozenset({"units"}),
        frozenset({"units", "terms", "lemmas"}),
        frozenset({"units", "names"}),
    ):
        seen: dict = {}
        run_checks(
            iter_units(DATA / "memory.tmx"),
            termbase,
            checks=[_recording_check(data, seen)],
            jobs=jobs,
            batch_size=2,
        )
        collected[data] = seen
    units_only = collected[frozenset({"units"})]
    assert units_only["units"] > 0 and units_only["terms"] == units_only["names"] == units_only["lemmas"] == 0
    terms = collected[frozenset({"units", "terms", "lemmas"})]
    assert terms["terms"] > 0 and terms["names"] == 0
    names = collected[frozenset({"units", "names"})]
    assert names["names"] > 0 and names["terms"] == names["lemmas"] == 0


def test_a_check_declaring_an_unknown_table_is_refused():
    with pytest.raises(ValueError, match="x-recorder"):
        _recording_check(frozenset({"units", "sentences"}), {})
