"""Regenerate the golden CLI outputs of `glossary lint` / `glossary rule` in tests/data/lint/golden/.

Run from the repository root: `.venv/bin/python scripts/regen_lint_golden.py`, then review the diff.
The cases live in tests/lint_golden_cases.py so the test and this script cannot drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lint_golden_cases import CASES, GOLDEN, run_case  # noqa: E402


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, args in CASES.items():
        (GOLDEN / name).write_text(run_case(args), encoding="utf-8")
        print(f"wrote {GOLDEN / name}")


if __name__ == "__main__":
    main()
