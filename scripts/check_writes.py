#!/usr/bin/env python3
"""Every writer of both CLIs against a really full disk, a read-only mount and a read-only file.

    sudo .venv/bin/python scripts/check_writes.py [--keep]

Needs root: it mounts a small tmpfs (filled up to the last byte before each command) and a read-only
bind mount under a temp folder, and unmounts them at the end. Each command must exit 2 with one line
on stderr naming its target, leave the old target byte for byte, and leave no temp file. The test
suite covers the same through monkeypatched OS calls (tests/test_write_failures.py), without root.
Prints one line per case and command; exits 1 if any failed, 3 if it cannot mount here.
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SAMPLE = ROOT / "tests" / "data" / "termbase" / "sample.json"
LINT_TEXT = ROOT / "tests" / "data" / "lint" / "offstyle.txt"
TMX = ROOT / "examples" / "memory.tmx"


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


def fill(folder: Path) -> None:
    """Fill the file system of *folder* to the last byte."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError as e:
                if e.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)


def prepare(folder: Path, work: Path) -> dict[str, Path]:
    """The old targets (each a valid file of its kind) in *folder*."""
    small = folder / "small.json"
    run(BIN / "glossary", "new", small)
    run(BIN / "glossary", "add", "-g", small, "--ru", "колхоз", "--en", "kolkhoz")
    shutil.copy(LINT_TEXT, folder / "text.txt")
    store = work / "tm.db"
    if not store.exists():
        run(BIN / "tm", "import", TMX, "--into", store)
    shutil.copy(store, folder / "tm.db")
    for name in (
        "out.tbx",
        "out.xlsx",
        "out.po",
        "book.html",
        "book.md",
        "book.docx",
        "memory.po",
        "memory.xlsx",
        "memory.tmx",
        "export.tmx",
        "terms.csv",
        "new.json",
        "report.html",
    ):
        (folder / name).write_bytes(b"old contents\n")
    return {"small": small, "text": folder / "text.txt", "store": folder / "tm.db"}


def commands(folder: Path, t: dict[str, Path], work: Path) -> list[tuple[str, list, Path]]:
    g, tm = BIN / "glossary", BIN / "tm"
    return [
        ("glossary add", [g, "add", "-g", t["small"], "--ru", "совхоз", "--en", "sovkhoz"], t["small"]),
        ("glossary import --into", [g, "import", SAMPLE, "--into", t["small"]], t["small"]),
        ("glossary export tbx", [g, "export", folder / "out.tbx", "-g", SAMPLE], folder / "out.tbx"),
        ("glossary export xlsx", [g, "export", folder / "out.xlsx", "-g", SAMPLE], folder / "out.xlsx"),
        ("glossary export po", [g, "export", folder / "out.po", "-g", SAMPLE], folder / "out.po"),
        ("glossary new --force", [g, "new", folder / "new.json", "--force"], folder / "new.json"),
        ("glossary print html", [g, "print", "-o", folder / "book.html", "-g", SAMPLE], folder / "book.html"),
        ("glossary print md", [g, "print", "-o", folder / "book.md", "-g", SAMPLE], folder / "book.md"),
        ("glossary print docx", [g, "print", "-o", folder / "book.docx", "-g", SAMPLE], folder / "book.docx"),
        ("glossary lint --fix", [g, "lint", "--fix", t["text"]], t["text"]),
        ("glossary extract", [g, "extract", LINT_TEXT, "-o", folder / "terms.csv"], folder / "terms.csv"),
        ("tm convert po", [tm, "convert", TMX, "-o", folder / "memory.po"], folder / "memory.po"),
        ("tm convert xlsx", [tm, "convert", TMX, "-o", folder / "memory.xlsx"], folder / "memory.xlsx"),
        (
            "tm convert tmx",
            [tm, "convert", work / "memory.po", "-o", folder / "memory.tmx"],
            folder / "memory.tmx",
        ),
        ("tm export", [tm, "export", work / "tm.db", "-o", folder / "export.tmx"], folder / "export.tmx"),
        (
            "tm check -o",
            [tm, "check", TMX, "-g", SAMPLE, "-f", "html", "-o", folder / "report.html"],
            folder / "report.html",
        ),
        ("tm import (existing store)", [tm, "import", work / "memory.po", "--into", t["store"]], t["store"]),
        ("tm import (new store)", [tm, "import", TMX, "--into", folder / "new.db"], folder / "new.db"),
    ]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "filler"}


def judge(
    name: str, result: subprocess.CompletedProcess, target: Path, before: dict[str, bytes], folder: Path
) -> str | None:
    lines = result.stderr.strip().splitlines()
    after = snapshot(folder)
    if result.returncode != 2:
        return f"exit {result.returncode}: {result.stderr.strip()[-300:]}"
    if len(lines) != 1 or "Traceback" in result.stderr:
        return f"not one line: {result.stderr.strip()[-300:]}"
    if target.name not in lines[0] and str(folder) not in lines[0]:
        return f"does not name the target: {lines[0]}"
    # SQLite's own -wal/-shm beside a store (a failed import's rolled-back log; read on the next open)
    after = {n: b for n, b in after.items() if not n.endswith(("-wal", "-shm")) or n in before}
    if set(after) != set(before):
        return (
            f"files changed: left {sorted(set(after) - set(before))}, lost {sorted(set(before) - set(after))}"
        )
    changed = [n for n in before if before[n] != after[n] and not n.endswith((".db", "-shm", "-wal"))]
    if changed:
        return f"old file changed: {changed}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="512k", help="tmpfs size (default 512k)")
    parser.add_argument("--only", default="", help="run only the commands whose name contains this")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("needs root (mounts a tmpfs and a read-only bind mount)", file=sys.stderr)
        return 3
    work = Path(tempfile.mkdtemp(prefix="slovnik-writes-"))
    run(BIN / "tm", "convert", TMX, "-o", work / "memory.po")
    full, src, ro = work / "full", work / "src", work / "ro"
    for d in (full, src, ro):
        d.mkdir()
    mounted = []
    failures = 0
    try:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={args.size}", "tmpfs", str(full)]).returncode:
            print("cannot mount a tmpfs here", file=sys.stderr)
            return 3
        mounted.append(full)
        cases = [("full disk", full)]
        if not subprocess.run(["mount", "--bind", str(src), str(ro)]).returncode:
            mounted.append(ro)
            if not subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)]).returncode:
                cases.append(("read-only mount", ro))
            else:
                print("cannot remount the bind mount read-only here: that case is skipped")
        read_only_files = work / "rofile"
        read_only_files.mkdir()
        cases.append(("read-only file (0444)", read_only_files))
        for case, folder in cases:
            targets = prepare(src if folder == ro else folder, work)
            if folder == ro:
                targets = {k: ro / v.name for k, v in targets.items()}
            for name, argv, target in commands(folder, targets, work):
                if args.only not in name:
                    continue
                if case.startswith("read-only file"):
                    for p in folder.iterdir():
                        p.chmod(0o444)
                    if not target.exists():
                        continue  # a read-only file must exist; a new store in a writable folder is fine
                if case == "full disk":
                    fill(folder)
                before = snapshot(folder)
                problem = judge(name, run(*argv), target, before, folder)
                if case == "full disk":
                    (folder / "filler").unlink()
                failures += problem is not None
                print(f"{case:22} {name:28} {'ok' if problem is None else 'FAIL: ' + problem}")
    finally:
        for m in reversed(mounted):
            subprocess.run(["umount", str(m)])
        shutil.rmtree(work, ignore_errors=True)
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
