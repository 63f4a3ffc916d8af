"""Regenerate the golden CLI outputs of the termbase commands (tests/data/termbase/golden/).

Run after an intended change of output, then review the diff:

    .venv/bin/python scripts/regen_termbase_golden.py && git diff tests/data/termbase/golden
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "termbase"
GOLDEN = DATA / "golden"

# name -> arguments (the termbase is always the sample fixture)
CASES: dict[str, list[str]] = {
    "show-nomenklatura.txt": ["show", "nomenklatura"],
    "show-trotsky.json": ["show", "Trotsky", "--format", "json"],
    "search-obkom.txt": ["search", "областного комитета"],
    "stats.txt": ["stats"],
    "stats.json": ["stats", "--format", "json"],
    "validate-v2-export.txt": ["validate", "tests/data/termbase/v2_tool_export.tbx"],
}


def render(args: list[str]) -> str:
    from glossary.cli import app

    result = CliRunner().invoke(app, [*args, "--glossary", str(DATA / "sample.json")])
    return result.stdout


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    for name, args in CASES.items():
        (GOLDEN / name).write_text(render(args), encoding="utf-8")
        print(f"wrote {GOLDEN / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
