"""A large lint run on two processes (glossary.lint.parallel) finds exactly what one process finds,
falls back to one process when the helper fails, and stays in one process when `jobs = 1`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from glossary.core.config import Config
from glossary.core.errors import ConfigError
from glossary.lint import parallel
from glossary.lint.config import lint_settings
from glossary.lint.engine import LintSettings, lint_run
from glossary.lint.sources import read_document

LINT = Path(__file__).parent / "data" / "lint"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the helper is forked on Linux only"
)

# Our own sentences, with something for every default rule family: variant spellings (R101), an
# off-style one (R102, R104), a rejected termbase rendering (T201), a homoglyph and mojibake (S3xx).
TEXT = (
    "Marshal Tukhachevsky was arrested in May; Tukhachevskii's trial followed in June.\n"
    "The Dostoevsky museum and the Dostoyevsky letters were catalogued by Iurii Zhukov.\n"
    "The party nomenclature defended its privileges against the Oblast' committee.\n"
    "A plenumе of the obkom met in Мoсква, and a clerk typed РќРљР’Р” in the minutes.\n"
    "Yuri Zhukov and Yurii Zhukov wrote about the oblast soviet and the Raion committee.\n"
)


def _documents(tmp_path: Path) -> list:
    paths = []
    for n in range(4):
        path = tmp_path / f"part{n}.md"
        path.write_text(TEXT * 8 + f"Chapter {n} ends with Ezhov and Yezhov.\n", encoding="utf-8")
        paths.append(path)
    return [read_document(p) for p in paths]


def _brief(result) -> list[tuple]:
    return [(Path(f.path).name, f.line, f.column, f.code, f.message, f.fix, f.extra) for f in result.findings]


@pytest.fixture
def forks(monkeypatch):
    """Every run is large enough for a helper; counts the helpers started."""
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    started: list[int] = []
    real_start = parallel.start

    def start(*args, **kwargs):
        helper = real_start(*args, **kwargs)
        started.append(helper.pid)
        return helper

    monkeypatch.setattr(parallel, "start", start)
    return started


def test_two_processes_find_exactly_what_one_finds(house, tmp_path, forks):
    one = lint_run(_documents(tmp_path), LintSettings(jobs=1), house)
    assert not forks
    two = lint_run(_documents(tmp_path), LintSettings(), house)
    assert len(forks) == 1
    assert {f.code[0] for f in one.findings} >= {"R", "T", "S"}  # the helper had rules to run
    assert _brief(two) == _brief(one)
    assert two.house == one.house


def test_a_helper_that_fails_leaves_its_share_to_the_first_process(house, tmp_path, forks, monkeypatch):
    def broken() -> None:
        raise RuntimeError("the helper breaks right after the fork")

    monkeypatch.setattr(parallel, "_after_fork", broken)
    one = lint_run(_documents(tmp_path), LintSettings(jobs=1), house)
    two = lint_run(_documents(tmp_path), LintSettings(), house)
    assert len(forks) == 1
    assert _brief(two) == _brief(one)


def test_units_a_failed_helper_took_are_run_here(house, tmp_path, forks, monkeypatch):
    """The helper takes the first per-document unit and dies on it: this process runs every unit,
    that one too, and finds what one process finds."""
    parent = os.getpid()
    real_run = parallel._run
    ran_here: list[int] = []

    def run(ctx, unit):
        if os.getpid() != parent:
            raise RuntimeError("the helper breaks on its first unit")
        ran_here.append(unit[1])
        return real_run(ctx, unit)

    monkeypatch.setattr(parallel, "_run", run)
    one = lint_run(_documents(tmp_path), LintSettings(jobs=1), house)
    two = lint_run(_documents(tmp_path), LintSettings(), house)
    assert len(forks) == 1
    assert _brief(two) == _brief(one)
    per_document = [r for r in LintSettings().rules() if r.per_document]
    assert {r.code for r in per_document} == {"T201", "S301", "S302", "S303"}
    assert sorted(ran_here) == sorted(d for d in range(4) for _ in per_document)  # every unit, here


def test_a_rule_run_document_by_document_finds_what_it_finds_on_the_run(house, tmp_path):
    from glossary.lint.rules import RULES
    from glossary.lint.rules.base import LintContext

    docs = _documents(tmp_path)
    ctx = LintContext(docs, termbase=house)
    for rule in (r for r in RULES.values() if r.per_document):
        whole = [(f.path, f.line, f.column, f.message) for f in rule().check(ctx)]
        one_by_one = [
            (f.path, f.line, f.column, f.message) for doc in docs for f in rule().check(ctx.within(doc))
        ]
        assert one_by_one == whole, rule.code
    view = ctx.within(docs[1])
    assert view.documents == [docs[1]]
    assert view.term_index is ctx.term_index  # built once, for the whole run
    assert view.tokens(docs[1]) is ctx.tokens(docs[1])


def test_small_runs_and_threaded_processes_stay_in_one_process(house, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    docs = _documents(tmp_path)
    assert parallel.worthwhile(docs and _ctx(docs), None) is (
        sum(len(d.text) for d in docs) >= parallel.MIN_BYTES
    )
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    assert parallel.worthwhile(_ctx(docs), None)
    assert not parallel.worthwhile(_ctx(docs), 1)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    assert not parallel.worthwhile(_ctx(docs), None)


def _ctx(docs):
    from glossary.lint.rules.base import LintContext

    return LintContext(docs)


def test_jobs_setting(tmp_path):
    assert lint_settings(Config(tmp_path, {"jobs": 1})).jobs == 1
    assert lint_settings(Config(tmp_path, {})).jobs is None
    for bad in (0, "2", True):
        with pytest.raises(ConfigError, match="jobs"):
            lint_settings(Config(tmp_path, {"jobs": bad}))


def test_the_language_server_never_forks(tmp_path):
    from glossary.lsp.project import Project

    (tmp_path / "pyproject.toml").write_text("[tool.slovnik]\njobs = 2\n", encoding="utf-8")
    project = Project(tmp_path)
    assert project.settings.jobs == 1
    project.load()
    assert project.settings.jobs == 1


def test_a_run_collects_no_garbage_and_leaves_collection_as_it_found_it(house, tmp_path, monkeypatch):
    import gc

    from glossary.lint.rules import RULES

    seen: list[bool] = []
    real_check = RULES["R101"].check

    def check(self, ctx):
        seen.append(gc.isenabled())
        return real_check(self, ctx)

    monkeypatch.setattr(RULES["R101"], "check", check)
    assert gc.isenabled()
    lint_run(_documents(tmp_path), LintSettings(jobs=1), house)
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        lint_run(_documents(tmp_path), LintSettings(jobs=1), house)
        assert not gc.isenabled()  # a caller that had turned collection off keeps it off
    finally:
        gc.enable()
