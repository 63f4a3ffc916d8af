"""Golden outputs of the TM store commands (tests/data/tmstore/golden/*.txt): render or regenerate.

    python scripts/golden_tmstore.py        # rewrite the golden files after an intended change

The store is built from the fixtures in tests/data/tmstore; dates and temporary paths are masked.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "tmstore"
GOLDEN = DATA / "golden"

# name → tm arguments ({store} is replaced by the store path)
CASES = {
    "search-lemma": ["search", "{store}", "номенклатура", "--lemma"],
    "search-phrase": ["search", "{store}", '"центрального комитета"'],
    "search-json": ["search", "{store}", "колхоз", "--lemma", "--format", "json"],
    "lookup-diff": ["lookup", "{store}", "Пленум Центрального комитета открылся во вторник.", "--min", "50"],
    "lookup-context": ["lookup", "{store}", "Open archive", "--context", "dialog"],
    "lookup-json": ["lookup", "{store}", "Крестьяне вступали в колхоз охотно.", "--format", "json"],
    "stats": ["stats", "{store}"],
    "stats-json": ["stats", "{store}", "--format", "json"],
}


def build_store(folder: Path) -> Path:
    from typer.testing import CliRunner

    from tm.cli import app

    store = folder / "tm.db"
    files = [str(DATA / n) for n in ("history.tmx", "more.tmx")]
    for args in (files, [str(DATA / "catalog.po")]):
        result = CliRunner().invoke(app, ["import", *args, "--into", str(store)])
        assert result.exit_code == 0, result.output
    return store


def render(name: str, store: Path) -> str:
    from typer.testing import CliRunner

    from tm.cli import app

    args = [a.replace("{store}", str(store)) for a in CASES[name]]
    result = CliRunner().invoke(app, args)
    out = result.output.replace(str(store), "STORE").replace(str(DATA) + "/", "")
    out = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "DATE", out)
    out = re.sub(r'"(size_bytes|wal_bytes)": \d+', r'"\1": 0', out)
    out = re.sub(r"size: .*", "size: MASKED", out)
    return f"$ tm {' '.join(CASES[name])}\n{out}exit {result.exit_code}\n"


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp))
        for name in CASES:
            (GOLDEN / f"{name}.txt").write_text(render(name, store), encoding="utf-8")
            print(f"wrote {GOLDEN / name}.txt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
