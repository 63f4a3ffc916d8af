"""Termbase TBX read/write speed, side by side with translate-toolkit (the `bench` extra).

    .venv/bin/python scripts/bench/bench_termbase.py [--copies 20] [--runs 5]

Builds a TBX v2 file from the bundled starter termbase repeated --copies times (distinct ids), then
times, in one process, alternating: slovnik `read_termbase` (v2 and v3), translate-toolkit
`tbxfile.parsefile` (v2 only: it reads no TBX v3), and the writers. Prints medians of --runs runs as
a Markdown table with ratios against translate-toolkit. translate-toolkit is imported here only.
"""

from __future__ import annotations

import argparse
import copy
import platform
import statistics
import tempfile
import time
from pathlib import Path

from glossary.termbase import STARTER_PATH
from glossary.termbase.formats import read_termbase, write_termbase


def build(copies: int, folder: Path) -> tuple[Path, Path, int, int]:
    base = read_termbase(STARTER_PATH)
    tb = copy.deepcopy(base)
    tb.concepts = []
    for k in range(copies):
        for c in base.concepts:
            c2 = copy.deepcopy(c)
            c2.id = f"{c.id}-{k}"
            c2.see_also = [f"{r}-{k}" for r in c.see_also]
            tb.concepts.append(c2)
    v2, v3 = folder / "big-v2.tbx", folder / "big-v3.tbx"
    write_termbase(tb, v2, "tbx2")
    write_termbase(tb, v3, "tbx")
    return v2, v3, len(tb), tb.term_count


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from translate.storage.tbx import tbxfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        v2, v3, n_concepts, n_terms = build(args.copies, folder)
        tb = read_termbase(v2)
        ttk_store = tbxfile.parsefile(str(v2))

        def ttk_write():
            (folder / "ttk-out.tbx").write_bytes(bytes(ttk_store))

        cases = {
            "read TBX v2: slovnik read_termbase": lambda: read_termbase(v2),
            "read TBX v2: translate-toolkit tbxfile": lambda: tbxfile.parsefile(str(v2)),
            "read TBX v3: slovnik read_termbase": lambda: read_termbase(v3),
            "write TBX v2: slovnik write_termbase": lambda: write_termbase(tb, folder / "out.tbx", "tbx2"),
            "write TBX v2: translate-toolkit bytes(store)": ttk_write,
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, fn in cases.items():
                times[name].append(timed(fn))
        medians = {name: statistics.median(t) for name, t in times.items()}
        print(
            f"{n_concepts} concepts, {n_terms} terms; v2 file {v2.stat().st_size / 1e6:.1f} MB; "
            f"median of {args.runs} runs; Python {platform.python_version()} on {platform.machine()}"
        )
        print()
        print("| case | median s | concepts/s | vs translate-toolkit |")
        print("|---|---:|---:|---:|")
        peers = {
            "read": medians["read TBX v2: translate-toolkit tbxfile"],
            "write": medians["write TBX v2: translate-toolkit bytes(store)"],
        }
        for name, m in medians.items():
            peer = peers[name.split()[0]]
            ratio = (
                "—" if "v3" in name else f"{peer / m:.2f}× faster" if m < peer else f"{m / peer:.2f}× slower"
            )
            print(f"| {name} | {m:.3f} | {n_concepts / m:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
