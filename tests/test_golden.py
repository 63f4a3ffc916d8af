"""Every golden set (scripts/golden.py) produces exactly the checked-in files.

Regenerate after an intended change with `.venv/bin/python scripts/golden.py [SET...]` and review
`git diff tests/data`.
"""

from __future__ import annotations

from functools import cache

import golden
import pytest


@cache
def _produced(set_name: str) -> dict[str, str]:
    return golden.SETS[set_name].produce()


@pytest.mark.parametrize(("set_name", "name"), [(s.name, n) for s in golden.SETS.values() for n in s.names])
def test_output_matches_the_golden_file(set_name, name):
    golden_set = golden.SETS[set_name]
    expected = (golden_set.folder / name).read_text(encoding="utf-8")
    assert _produced(set_name)[name] == expected, f"run scripts/golden.py {set_name} and review the diff"


@pytest.mark.parametrize("set_name", list(golden.SETS))
def test_a_set_produces_exactly_its_listed_files(set_name):
    golden_set = golden.SETS[set_name]
    assert sorted(_produced(set_name)) == sorted(golden_set.names)
    on_disk = sorted(p.name for p in golden_set.folder.iterdir() if p.is_file())
    assert on_disk == sorted(golden_set.names)  # no stale golden file left behind


def test_check_mode_reports_a_changed_file_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "out.txt"
    path.write_text("old\n", encoding="utf-8")
    assert golden.sync(path, "new\n", check=True, how="scripts/golden.py x") is False
    assert path.read_text(encoding="utf-8") == "old\n"
    assert "out of date; run scripts/golden.py x" in capsys.readouterr().err
    assert golden.sync(path, "new\n", check=False, how="scripts/golden.py x") is True
    assert path.read_text(encoding="utf-8") == "new\n"
    assert golden.sync(path, "new\n", check=True, how="scripts/golden.py x") is True


def test_masking_hides_only_volatile_fields():
    text = 'src: url("data:font/woff;base64,d09GRgABAAAA") 2026-11-24T22:10:40Z slovnik 0.1.0 kept'
    assert (
        golden.mask_volatile(text)
        == 'src: url("data:font/woff;base64,<font data>") <date> slovnik <version> kept'
    )
