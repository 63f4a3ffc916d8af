"""The golden files: every set the tests compare output against, and the one way to regenerate them.

    .venv/bin/python scripts/golden.py                  # rewrite every golden set
    .venv/bin/python scripts/golden.py print lint       # rewrite the named sets only
    .venv/bin/python scripts/golden.py --check [SET...] # exit 1 if a file differs (what the tests check)

Sets: print (glossary print: Markdown, HTML, LaTeX), check (tm check text and JSON), lint (glossary
lint / rule CLI output), termbase (show, search, stats, validate), tmstore (tm search, lookup, stats).
Each set is a function returning {file name: text}; tests/test_golden.py imports the same functions
(`import golden`, with scripts/ on the path via tests/conftest.py), so a golden file can only be
produced one way. Volatile fields (embedded font data, dates, versions, temporary paths) are masked.
Review the diff (`git diff tests/data`) before committing regenerated files.

`sync(path, text, check=...)` is the write-or-compare step the generated data files share
(scripts/build_starter.py, scripts/build_names.py).
"""

from __future__ import annotations

import contextlib
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

# Embedded font data changes with the fontTools version; dates and versions with the day and release.
_VOLATILE = [
    (re.compile(r"base64,[A-Za-z0-9+/=]+"), "base64,<font data>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?"), "<date>"),
    (re.compile(r"(slovnik )\d+\.\d+\.\d+\S*"), r"\1<version>"),
]


def mask_volatile(text: str) -> str:
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


@contextlib.contextmanager
def _at_root() -> Iterator[None]:
    """CLI runs from the repository root: the paths they print are relative to it."""
    with contextlib.chdir(ROOT):
        yield


def _cli(app, args: list[str]):
    from typer.testing import CliRunner

    with _at_root():
        return CliRunner().invoke(app, args)


# ------------------------------------------------------------------------------------------ print


def print_golden() -> dict[str, str]:
    """`glossary print` outputs for tests/data/print/termbase.json."""
    from glossary.printing import build_glossary, html, latex, markdown
    from glossary.termbase.formats import read_termbase

    folder = DATA / "print"
    termbase = read_termbase(folder / "termbase.json")
    preface = (folder / "preface.txt").read_text(encoding="utf-8")
    ru_en = build_glossary(termbase, schemes=("lc", "bgn"), preface=preface)
    en_ru = build_glossary(termbase, direction="en-ru", schemes=("lc",))
    return {
        "ru-en.md": markdown.render(ru_en),
        "ru-en.html": mask_volatile(html.render(ru_en)),
        "ru-en.tex": latex.render(ru_en, name="ru-en.tex"),
        "en-ru.md": markdown.render(en_ru),
    }


# ------------------------------------------------------------------------------------------ check


def check_golden() -> dict[str, str]:
    """Text and JSON reports of tests/data/check/memory.tmx against tests/data/check/termbase.json."""
    from glossary.termbase import load_termbase
    from tm.checks.runner import run_checks
    from tm.formats import iter_units
    from tm.reports.render import render_json, render_text

    folder = DATA / "check"
    result = run_checks(iter_units(folder / "memory.tmx"), load_termbase(folder / "termbase.json"))
    return {
        "memory.txt": render_text(result.findings, result.units),
        "memory.json": render_json(result.findings),
    }


# ------------------------------------------------------------------------------------------- lint

LINT_HOUSE = "tests/data/lint/house.json"
LINT_FILES = ["tests/data/lint/names.txt", "tests/data/lint/softsign.txt", "tests/data/lint/script.txt"]
LINT_CASES: dict[str, list[str]] = {
    "lint.txt": ["lint", *LINT_FILES, "-g", LINT_HOUSE],
    "lint.json": ["lint", *LINT_FILES, "-g", LINT_HOUSE, "--format", "json"],
    "lint.sarif": ["lint", *LINT_FILES, "-g", LINT_HOUSE, "--format", "sarif"],
    "lint.github": ["lint", *LINT_FILES, "-g", LINT_HOUSE, "--format", "github"],
    "lint-statistics.txt": ["lint", *LINT_FILES, "-g", LINT_HOUSE, "--statistics"],
    "rule-R101.txt": ["rule", "R101"],
}


def _mask_tool_version(text: str) -> str:
    """The tool version in SARIF (not SARIF's own 2.1.0)."""
    return re.sub(r'("version": )"(?!2\.1\.0)[^"]*"', r'\1"<version>"', text)


def lint_golden() -> dict[str, str]:
    """`glossary lint` in every output format, and `glossary rule`, on tests/data/lint."""
    from glossary.cli import app

    return {name: _mask_tool_version(_cli(app, args).output) for name, args in LINT_CASES.items()}


# --------------------------------------------------------------------------------------- termbase

# name -> arguments (the termbase is always the sample fixture)
TERMBASE_CASES: dict[str, list[str]] = {
    "show-nomenklatura.txt": ["show", "nomenklatura"],
    "show-trotsky.json": ["show", "Trotsky", "--format", "json"],
    "search-obkom.txt": ["search", "областного комитета"],
    "stats.txt": ["stats"],
    "stats.json": ["stats", "--format", "json"],
    "validate-v2-export.txt": ["validate", "tests/data/termbase/v2_tool_export.tbx"],
}


def termbase_golden() -> dict[str, str]:
    """The termbase commands' stdout on tests/data/termbase/sample.json."""
    from glossary.cli import app

    sample = str(DATA / "termbase" / "sample.json")
    return {name: _cli(app, [*args, "--glossary", sample]).stdout for name, args in TERMBASE_CASES.items()}


# ---------------------------------------------------------------------------------------- tmstore

# name → tm arguments ({store} is replaced by the store path)
TMSTORE_CASES = {
    "search-lemma.txt": ["search", "{store}", "номенклатура", "--lemma"],
    "search-phrase.txt": ["search", "{store}", '"центрального комитета"'],
    "search-json.txt": ["search", "{store}", "колхоз", "--lemma", "--format", "json"],
    "lookup-diff.txt": [
        "lookup",
        "{store}",
        "Пленум Центрального комитета открылся во вторник.",
        "--min",
        "50",
    ],
    "lookup-context.txt": ["lookup", "{store}", "Open archive", "--context", "dialog"],
    "lookup-json.txt": ["lookup", "{store}", "Крестьяне вступали в колхоз охотно.", "--format", "json"],
    "stats.txt": ["stats", "{store}"],
    "stats-json.txt": ["stats", "{store}", "--format", "json"],
}


def _tmstore_output(app, args: list[str], store: Path) -> str:
    folder = DATA / "tmstore"
    result = _cli(app, [a.replace("{store}", str(store)) for a in args])
    out = result.output.replace(str(store), "STORE").replace(str(folder) + "/", "")
    out = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "DATE", out)
    out = re.sub(r'"(size_bytes|wal_bytes)": \d+', r'"\1": 0', out)
    out = re.sub(r"size: .*", "size: MASKED", out)
    return f"$ tm {' '.join(args)}\n{out}exit {result.exit_code}\n"


def tmstore_golden() -> dict[str, str]:
    """The store commands' output on a store built from the fixtures in tests/data/tmstore (dates,
    sizes and the temporary store path masked)."""
    from tm.cli import app

    folder = DATA / "tmstore"
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "tm.db"
        for files in ([folder / "history.tmx", folder / "more.tmx"], [folder / "catalog.po"]):
            result = _cli(app, ["import", *map(str, files), "--into", str(store)])
            if result.exit_code != 0:
                raise RuntimeError(f"building the golden store failed: {result.output}")
        return {name: _tmstore_output(app, args, store) for name, args in TMSTORE_CASES.items()}


# ------------------------------------------------------------------------------------ the registry


@dataclass(frozen=True)
class GoldenSet:
    name: str
    folder: Path
    names: tuple[str, ...]  # the files of the set (what produce() returns)
    produce: Callable[[], dict[str, str]]


SETS: dict[str, GoldenSet] = {
    s.name: s
    for s in (
        GoldenSet(
            "print",
            DATA / "print" / "golden",
            ("ru-en.md", "ru-en.html", "ru-en.tex", "en-ru.md"),
            print_golden,
        ),
        GoldenSet("check", DATA / "check" / "golden", ("memory.txt", "memory.json"), check_golden),
        GoldenSet("lint", DATA / "lint" / "golden", tuple(LINT_CASES), lint_golden),
        GoldenSet("termbase", DATA / "termbase" / "golden", tuple(TERMBASE_CASES), termbase_golden),
        GoldenSet("tmstore", DATA / "tmstore" / "golden", tuple(TMSTORE_CASES), tmstore_golden),
    )
}


def sync(path: Path, text: str, *, check: bool, how: str) -> bool:
    """Compare (*check*) or write *path* with *text*; False when it differs under --check. *how* is
    the command that regenerates it, named in the message."""
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == text:
        return True
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if check:
        print(f"{shown} is out of date; run {how}", file=sys.stderr)
        return False
    from glossary.core.atomic import atomic_write_text

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    print(f"wrote {shown}", file=sys.stderr)
    return True


def main(argv: list[str]) -> int:
    check = "--check" in argv
    chosen = [a for a in argv if not a.startswith("--")] or list(SETS)
    unknown = [n for n in chosen if n not in SETS]
    if unknown:
        print(f"unknown golden set {', '.join(unknown)} (known: {', '.join(SETS)})", file=sys.stderr)
        return 2
    up_to_date = True
    for name in chosen:
        golden = SETS[name]
        for file_name, text in golden.produce().items():
            up_to_date &= sync(golden.folder / file_name, text, check=check, how=f"scripts/golden.py {name}")
    return 0 if up_to_date else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
