"""What the names lexicon costs at start-up: loading `glossary/data/names/names.json` and the
conventions, and `glossary lint` on a one-line file (which reads them), each in a fresh process.

    .venv/bin/python scripts/bench/bench_names.py [--runs 7]

Prints medians (and the machine load from `uptime`, since the machine is shared). The lint start-up
budget (issue 15) is 0.3 s for a one-line file; the lexicon's share of it is the first figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Only the two files: importing the package is the same with or without the lexicon.
LOAD = (
    "import time; from glossary import names; t = time.perf_counter(); names.lexicon(); names.conventions(); "
    "print(time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} (1-min average, {os.cpu_count()} cores)")
    loads = [
        float(
            subprocess.run(
                [sys.executable, "-c", LOAD], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(args.runs)
    ]
    print(
        f"names lexicon + conventions load: median {statistics.median(loads) * 1000:.1f} ms "
        f"({(ROOT / 'glossary/data/names/names.json').stat().st_size // 1024} KB)"
    )
    glossary = Path(sys.executable).with_name("glossary")
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text("Dmitri Volkov met Yury Orlov in Moscow.\n", encoding="utf-8")
        walls = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run(
                [str(glossary), "lint", "--exit-zero", str(one)], capture_output=True, check=True, cwd=tmp
            )
            walls.append(time.perf_counter() - t)
    print(f"glossary lint, one-line file: median {statistics.median(walls):.2f} s wall over {args.runs} runs")


if __name__ == "__main__":
    main()
