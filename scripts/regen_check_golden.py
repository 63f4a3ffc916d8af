"""Regenerate the golden outputs of `tm check` on the test fixture (tests/data/check/golden/).

    .venv/bin/python scripts/regen_check_golden.py          # rewrite the golden files
    .venv/bin/python scripts/regen_check_golden.py --check  # exit 1 if any differs (what the test checks)

The test imports `check_golden()`, so the files can only be produced one way. Review `git diff
tests/data/check/golden` before committing regenerated files.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "check"
GOLDEN = DATA / "golden"


def check_golden() -> dict[str, str]:
    """Text and JSON reports of tests/data/check/memory.tmx against tests/data/check/termbase.json."""
    from glossary.termbase import load_termbase
    from tm.checks.runner import run_checks
    from tm.formats import iter_units
    from tm.reports.render import render_json, render_text

    result = run_checks(iter_units(DATA / "memory.tmx"), load_termbase(DATA / "termbase.json"))
    return {"memory.txt": render_text(result.findings, result.units), "memory.json": render_json(result.findings)}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    differ = []
    for name, text in check_golden().items():
        path = GOLDEN / name
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if differ:
        print("golden files differ: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
