"""Benchmark `glossary print`: a 2,000-concept termbase to PDF, end to end, in a fresh process.

The termbase is synthetic: the starter termbase replicated and perturbed (every copy after the first
gets a Russian prefix on its Russian terms and a numbered id, cross-references kept inside the copy),
so sorting, letter groups, romanization and pagination work on 2,000 distinct entries.

    .venv/bin/python scripts/bench/bench_print.py [--concepts 2000] [--runs 5] [--termbase FILE] [--pdf-only]

Reports medians of several runs: the whole CLI (`glossary print -o out.pdf`, process start to exit)
and, in process, the stages (load, build the entry list, Typst compile with the coverage check
beside it), and the other output formats for comparison. Target (issue 7): PDF end to end < 2 s.

The CLI runs as an installed package runs: with Python's bytecode cache (kept in the benchmark's
temporary folder, written by a first, untimed run). When the environment turns the cache off
(PYTHONDONTWRITEBYTECODE, as some sandboxes do), every run also compiles the project's modules from
source; that case is reported on a row of its own.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = [
    "",
    "пред",
    "пере",
    "под",
    "над",
    "раз",
    "вы",
    "за",
    "об",
    "от",
    "про",
    "со",
    "до",
    "не",
    "анти",
    "контр",
    "вне",
    "меж",
    "сверх",
    "суб",
    "ультра",
    "около",
    "после",
    "противо",
]


def synthetic(source: Path, n: int, target: Path) -> int:
    from glossary.termbase.formats import read_termbase
    from glossary.termbase.formats.jsonfile import to_dict

    base = read_termbase(source)
    data = to_dict(base)
    originals = data["concepts"]
    concepts = []
    copy_no = 0
    while len(concepts) < n:
        prefix = PREFIXES[copy_no % len(PREFIXES)] + ("" if copy_no < len(PREFIXES) else str(copy_no))
        for c in originals:
            if len(concepts) >= n:
                break
            c = copy.deepcopy(c)
            if copy_no:
                c["id"] = f"{c['id']}-{copy_no}"
                c["see_also"] = [f"{r}-{copy_no}" for r in c.get("see_also", [])]
                for t in c["terms"]:
                    if t["lang"].startswith("ru"):
                        t["text"] = prefix + t["text"].lower()
                        t.pop("romanization", None)
                    else:
                        t["text"] = f"{t['text']} {copy_no}"
            concepts.append(c)
        copy_no += 1
    data["concepts"] = concepts
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return len(concepts)


def _cpu() -> float:
    """CPU seconds of this process and its finished children: on a shared machine wall time
    measures the neighbours too, CPU time mostly the work."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) of *runs* calls."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _cpu()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(_cpu() - start_cpu)
    return wall, cpu


def child(tb_path: Path, tmp: Path) -> None:
    """One fresh-process run of the stages; prints {stage: [wall, cpu]} as JSON."""
    result = {}

    def stage(name, fn):
        start, start_cpu = time.perf_counter(), _cpu()
        value = fn()
        result[name] = [time.perf_counter() - start, _cpu() - start_cpu]
        return value

    import gc

    from glossary.printing import build_glossary, write_glossary
    from glossary.printing.typst import render_pdf
    from glossary.termbase.formats import read_termbase

    gc.disable()  # as `glossary print` runs
    tb = stage("load termbase (JSON reader)", lambda: read_termbase(tb_path))
    glossary = stage(
        "build entry list (romanize ×2, collate, group)", lambda: build_glossary(tb, schemes=("lc", "bgn"))
    )
    stage("Typst compile → PDF bytes (coverage check beside it)", lambda: render_pdf(glossary))
    for suffix in (".html", ".md", ".docx", ".tex"):
        stage(f"write {suffix}", lambda s=suffix: write_glossary(glossary, tmp / f"o{s}"))
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--termbase", type=Path, default=None, help="source to replicate (default: starter)")
    parser.add_argument("--pdf-only", action="store_true", help="only the CLI → PDF rows")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]

    from glossary.termbase import STARTER_PATH

    source = args.termbase or STARTER_PATH
    tmp = Path(tempfile.mkdtemp(prefix="bench-print-"))
    tb_path = tmp / "synthetic.json"
    count = synthetic(source, args.concepts, tb_path)
    glossary_cli = Path(sys.executable).with_name("glossary")

    # As installed: bytecode cache on (in the temporary folder, so the source tree stays clean).
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")

    def cli(suffix: str, env: dict[str, str] = cached):
        return lambda: subprocess.run(
            [
                str(glossary_cli),
                "print",
                "-g",
                str(tb_path),
                "-o",
                str(tmp / f"out{suffix}"),
                "--scheme",
                "lc,bgn",
            ],
            check=True,
            capture_output=True,
            env=env,
        )

    rows = []
    cli(".pdf")()  # warm the OS file cache and write the bytecode cache
    e2e = timed(cli(".pdf"), args.runs)
    rows.append(("CLI end to end → PDF", e2e))
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        rows.append(
            (
                "CLI end to end → PDF, no bytecode cache (PYTHONDONTWRITEBYTECODE set)",
                timed(cli(".pdf", dict(os.environ)), args.runs),
            )
        )

    from pypdf import PdfReader

    pages = len(PdfReader(tmp / "out.pdf").pages)

    # Stages in a fresh process each run: Typst memoizes layout across compiles in one process, so
    # a second in-process compile of the same glossary would measure its cache, not its work.
    stages: dict[str, tuple[list[float], list[float]]] = {}
    for _ in range(0 if args.pdf_only else args.runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(tb_path), str(tmp)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for name, (wall, cpu) in json.loads(out).items():
            stages.setdefault(name, ([], []))
            stages[name][0].append(wall)
            stages[name][1].append(cpu)
    rows.extend(stages.items())
    for suffix in () if args.pdf_only else (".html", ".docx"):
        rows.append((f"CLI end to end → {suffix[1:].upper()}", timed(cli(suffix), args.runs)))
    # "out.pdf: 2000 entries under 26 letter headings"
    entries = cli(".pdf")().stdout.decode().split(": ", 1)[1].split()[0]

    print(
        f"{count} concepts ({entries} entries, {pages} PDF pages, A4, 9 pt, lc+bgn); "
        f"{args.runs} runs each; median (min–max)"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after, Python {platform.python_version()}"
    )
    print()
    print("| stage | wall median s | wall min–max s | CPU median s |")
    print("|---|---:|---:|---:|")
    for name, (wall, cpu) in rows:
        print(
            f"| {name} | {statistics.median(wall):.2f} | {min(wall):.2f}–{max(wall):.2f} | "
            f"{statistics.median(cpu):.2f} |"
        )


if __name__ == "__main__":
    main()
