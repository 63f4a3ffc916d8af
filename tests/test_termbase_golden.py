"""Printed output of the termbase commands against golden files (scripts/regen_termbase_golden.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("regen_termbase_golden", ROOT / "scripts" / "regen_termbase_golden.py")
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)


@pytest.mark.parametrize("name", list(regen.CASES))
def test_output_matches_golden_file(name, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = (regen.GOLDEN / name).read_text(encoding="utf-8")
    assert regen.render(regen.CASES[name]) == expected
