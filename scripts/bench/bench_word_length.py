"""Reverse romanization time and memory against word length: per-word work must be linear.

    .venv/bin/python scripts/bench/bench_word_length.py [--runs 5] [--lengths 10,100,1000,10000]

For each length n, words built here from repeated units (ordinary letters "tukhachevskii", and the
runs that made the old parse quadratic: "i", "yi", "y") are reverse-romanized with every scheme's
inverse (`glossary.romanization.reverse._candidate_spellings`, the beam parse that `reverse()` runs, without the
`max_word` pass-over, which would skip anything past 64 letters). Reported: the median time of
--runs runs (each on a fresh cache), µs per letter, and the peak memory of one run (tracemalloc).
Linear work shows as a flat µs/letter column. The machine load (`uptime`) is printed first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc

UNITS = {"letters": "tukhachevskii", "i-run": "i", "yi-run": "yi", "y-run": "y"}


def word(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def one(text: str) -> float:
    from glossary.romanization.reverse import _candidate_spellings

    _candidate_spellings.cache_clear()
    t0 = time.perf_counter()
    _candidate_spellings(text)
    return time.perf_counter() - t0


def peak(text: str) -> int:
    from glossary.romanization.reverse import _candidate_spellings

    _candidate_spellings.cache_clear()
    tracemalloc.start()
    try:
        _candidate_spellings(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--lengths", default="10,100,1000,10000")
    args = ap.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]
    from glossary.romanization.reverse import _model

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    _model()  # the trigram model is built once, outside the timings
    one(word("tukhachevskii", 13))
    print(f"{'word':8} {'letters':>8} {'median s':>10} {'µs/letter':>10} {'peak MB':>8}")
    for name, unit in UNITS.items():
        for n in lengths:
            text = word(unit, n)
            times = [one(text) for _ in range(args.runs)]
            median = statistics.median(times)
            print(
                f"{name:8} {n:>8} {median:>10.4f} {median / n * 1e6:>10.1f} {peak(text) / 1e6:>8.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
