"""Lint throughput: `glossary lint` on a generated ~1 MB English text dense with romanized Russian.

The text is made here, deterministically (seed 1937): English filler words from wordfreq's English
list, and every ~12th word a Russian word form (from wordfreq's Russian list, in inflected forms)
romanized in one of four schemes at random (lc, bgn, wikipedia, scholarly), so the linter meets
~2,000 distinct romanized words in several systems — far more variety than a real article — plus a
few planted homoglyph and mojibake words. Each run is a fresh process (`glossary lint --format json
--exit-zero`), so start-up, dictionary loading and the termbase are included. Prints the median of
--runs runs and the throughput in MB/s.

    .venv/bin/python scripts/bench/bench_lint.py [--size-mb 1.0] [--runs 3] [--keep PATH]

No peer tool lints romanization in English prose, so there is no side-by-side ratio here; the
budget (issue 4) is < 5 s for 1 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCHEMES = ("lc", "bgn", "wikipedia", "scholarly")


def make_text(size: int, seed: int = 1937) -> str:
    from wordfreq import top_n_list

    from glossary.romanize import romanize

    rng = random.Random(seed)
    english = [w for w in top_n_list("en", 3000) if w.isalpha()]
    russian = [w for w in top_n_list("ru", 6000) if w.isalpha() and len(w) > 3][:2000]
    romanized = {(w, s): romanize(w, s) for w in russian for s in SCHEMES}
    planted = ["plenum\u0435", "\u041co\u0441\u043a\u0432\u0430", "Ð¡Ñ‚Ð°Ð»Ð¸Ð½", "cafÃ©"]
    out: list[str] = []
    length = 0
    while length < size:
        words = []
        for i in range(rng.randint(8, 24)):
            if i % 12 == 5:
                w = romanized[rng.choice(russian), rng.choice(SCHEMES)]
                words.append(w.capitalize() if rng.random() < 0.5 else w)
            elif rng.random() < 0.0005:
                words.append(rng.choice(planted))
            else:
                words.append(rng.choice(english))
        sentence = " ".join(words).capitalize() + ".\n"
        out.append(sentence)
        length += len(sentence.encode("utf-8"))
    return "".join(out)


def run_once(path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one fresh `glossary lint` process. CPU time is
    reported too because the shared benchmark machine is often oversubscribed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from glossary.cli import main; main()", "lint", str(path),
                    "--format", "json", "--exit-zero"], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the generated text here")
    parser.add_argument("--text", type=Path, help="repeat this UTF-8 text file to the size instead of "
                        "generating one (e.g. a real article)")
    args = parser.parse_args()
    size_wanted = int(args.size_mb * 1_000_000)
    if args.text:
        sample = args.text.read_text(encoding="utf-8")
        text = sample * max(1, round(size_wanted / len(sample.encode("utf-8"))))
    else:
        text = make_text(size_wanted)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.txt"
        path.write_text(text, encoding="utf-8")
        if args.keep:
            args.keep.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        runs = [run_once(path) for _ in range(args.runs)]
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    mb = size / 1e6
    print(f"text: {mb:.2f} MB, {len(text.split())} words; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    print(f"runs (wall/cpu): {', '.join(f'{w:.2f}/{c:.2f}' for w, c in runs)} s")
    print(f"median wall {wall:.2f} s ({mb / wall:.2f} MB/s), median CPU {cpu:.2f} s ({mb / cpu:.2f} MB/s); "
          f"budget < 5 s per MB: wall {'met' if wall / mb < 5 else 'NOT met'}, "
          f"CPU {'met' if cpu / mb < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
