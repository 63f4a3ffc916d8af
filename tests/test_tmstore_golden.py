"""Printed output of the store commands against golden files (regenerate: scripts/golden_tmstore.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
import golden_tmstore  # noqa: E402

sys.path.pop(0)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return golden_tmstore.build_store(tmp_path_factory.mktemp("golden"))


@pytest.mark.parametrize("name", sorted(golden_tmstore.CASES))
def test_output_matches_golden_file(store, name):
    expected = (golden_tmstore.GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert golden_tmstore.render(name, store) == expected
