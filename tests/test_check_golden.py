"""Golden text and JSON reports of the check fixture (regenerate: scripts/regen_check_golden.py)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from regen_check_golden import GOLDEN, check_golden  # noqa: E402


@pytest.mark.parametrize("name", ["memory.txt", "memory.json"])
def test_report_matches_the_golden_file(name):
    assert check_golden()[name] == (GOLDEN / name).read_text(encoding="utf-8")
