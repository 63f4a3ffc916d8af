"""Streaming TMX read: peak memory and throughput, side by side with translate-toolkit.

    .venv/bin/python scripts/bench/bench_tmx_read.py [--units 200000] [--runs 3] [--tmx FILE]

Generates a ru→en TMX with scripts/gen_tmx.py (unless --tmx is given), plus a quarter-size file to show
that peak memory does not grow with the file. Each reader runs in a fresh child process, which reports
wall time and peak RSS (resource.getrusage ru_maxrss) after reading every unit's source and target
text; the RSS of the bare interpreter with the modules imported is measured the same way and shown
as the baseline. Runs alternate between readers; medians of --runs runs are printed as a Markdown
table with ratios. translate-toolkit (the `bench` extra) is imported only in its child process.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

READERS = {
    "slovnik iter_units (stream)": "stream",
    "slovnik read_tm (list)": "list",
    "translate-toolkit tmxfile": "ttk",
}


def child(mode: str, path: str) -> None:
    """Runs in the child: import, note the baseline peak, read, report JSON on stdout."""
    if mode == "ttk":
        from translate.storage.tmx import tmxfile
    else:
        from tm.formats import iter_units, read_tm
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    chars = units = 0
    if mode == "stream":
        for unit in iter_units(path):
            units += 1
            chars += len(unit.source.text) + len(unit.target.text)
    elif mode == "list":
        tm = read_tm(path)
        for unit in tm.units:
            units += 1
            chars += len(unit.source.text) + len(unit.target.text)
    else:
        with open(path, "rb") as fh:
            store = tmxfile(fh, sourcelanguage="ru", targetlanguage="en")
        for unit in store.units:
            units += 1
            chars += len(unit.source or "") + len(unit.target or "")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {"units": units, "chars": chars, "seconds": seconds, "peak_kib": peak, "baseline_kib": baseline}
        )
    )


def run(mode: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def measure(path: Path, runs: int) -> dict[str, dict]:
    results: dict[str, list[dict]] = {name: [] for name in READERS}
    for _ in range(runs):
        for name, mode in READERS.items():  # alternate so drift hits every reader alike
            results[name].append(run(mode, path))
    summary = {}
    for name, rows in results.items():
        summary[name] = {
            "units": rows[0]["units"],
            "seconds": statistics.median(r["seconds"] for r in rows),
            "peak_mib": statistics.median(r["peak_kib"] for r in rows) / 1024,
            "baseline_mib": statistics.median(r["baseline_kib"] for r in rows) / 1024,
        }
    return summary


def table(path: Path, summary: dict[str, dict]) -> str:
    ref = summary["translate-toolkit tmxfile"]
    size = path.stat().st_size / 2**20
    lines = [
        f"File: {path.name}, {size:.1f} MiB, {ref['units']:,} TUs",
        "",
        "| reader | median s | TU/s | vs ttk speed | peak RSS MiB | RSS above import MiB | "
        "vs ttk RSS above import |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    ref_extra = ref["peak_mib"] - ref["baseline_mib"]
    for name, s in summary.items():
        extra = s["peak_mib"] - s["baseline_mib"]
        lines.append(
            f"| {name} | {s['seconds']:.2f} | {s['units'] / s['seconds']:,.0f} | "
            f"{ref['seconds'] / s['seconds']:.2f}× | {s['peak_mib']:.0f} | {extra:.1f} | "
            f"{extra / ref_extra:.3f}× |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tmx", type=Path, help="use this TMX instead of generating one")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        files = [args.tmx] if args.tmx else []
        if not files:
            for n in (args.units // 4, args.units):
                path = Path(tmp) / f"bench-{n}.tmx"
                subprocess.run(
                    [sys.executable, str(ROOT / "scripts" / "gen_tmx.py"), "-n", str(n), "-o", str(path)],
                    check=True,
                    capture_output=True,
                )
                files.append(path)
        for path in files:
            print(table(path, measure(path, args.runs)), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
