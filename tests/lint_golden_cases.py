"""The golden-file cases of the lint CLI, shared by tests/test_lint_cli.py and
scripts/regen_lint_golden.py. Volatile fields (the tool version in SARIF) are masked."""

from __future__ import annotations

import os
import re
from pathlib import Path

from typer.testing import CliRunner

from glossary.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "lint" / "golden"
HOUSE = "tests/data/lint/house.json"
FILES = ["tests/data/lint/names.txt", "tests/data/lint/softsign.txt", "tests/data/lint/script.txt"]

CASES: dict[str, list[str]] = {
    "lint.txt": ["lint", *FILES, "-g", HOUSE],
    "lint.json": ["lint", *FILES, "-g", HOUSE, "--format", "json"],
    "lint.sarif": ["lint", *FILES, "-g", HOUSE, "--format", "sarif"],
    "lint.github": ["lint", *FILES, "-g", HOUSE, "--format", "github"],
    "lint-statistics.txt": ["lint", *FILES, "-g", HOUSE, "--statistics"],
    "rule-R101.txt": ["rule", "R101"],
}


def mask(text: str) -> str:
    return re.sub(r'("version": )"(?!2\.1\.0)[^"]*"', r'\1"<version>"', text)


def run_case(args: list[str]) -> str:
    """Run the CLI from the repository root (paths in the output are relative to it)."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(here)
    return mask(result.output)
