"""Shared fixtures. Tests never read ../shared: fixtures live in tests/data/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# No per-example deadline: CI machines are shared and noisy, and a slow example is not a wrong one.
settings.register_profile("slovnik", deadline=None)
settings.load_profile("slovnik")

DATA = Path(__file__).parent / "data"

# scripts/golden.py (the golden sets) is imported by the tests as `import golden`
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory):
    """The termbase disk cache (glossary.core.termcache) in a folder of the test session's own, never the
    user's: CLI runs in this process and subprocesses both see it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SLOVNIK_CACHE_DIR", str(tmp_path_factory.mktemp("slovnik-cache")))
        yield


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="module")
def house():
    """The lint tests' house termbase (tests/data/lint/house.json), read once per test module."""
    from glossary.termbase.formats import read_termbase

    return read_termbase(DATA / "lint" / "house.json")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def shows_own_help(output: str, app, command: str) -> bool:
    """The help page of *command* shows the first paragraph of slovnik's own help text for it
    (compared with whitespace folded: click re-wraps it; click's own headings are not ours to test)."""
    from typer.main import get_command

    first = get_command(app).commands[command].help.split("\n\n")[0]
    return " ".join(first.split()) in " ".join(output.split())
