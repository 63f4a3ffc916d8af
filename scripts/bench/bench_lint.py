"""Lint speed: `glossary lint` side by side with proselint on the same texts, in one run.

    .venv/bin/python scripts/bench/bench_lint.py [--runs 5] [--essay FILE] [--prose DIR]
                                                 [--generated-mb 1.0] [--keep PATH]

Cases (each only when its input is given, except the first):

- one-line: a file of one English sentence naming one romanized Russian word (start-up: imports,
  termbase, dictionaries, caches);
- essay: one long file (e.g. ../shared/corpus/000_e77f1c82b5a1bb7e.txt, 142 KB);
- prose: every file of a folder in ONE invocation (e.g. ../shared/corpus/prose/, 15 real articles,
  757 KB): varied real text, not one article repeated;
- generated: a deterministic ~1 MB text dense with romanized Russian (seed 1937: English filler from
  wordfreq, every ~12th word a Russian form romanized in lc / bgn / wikipedia / scholarly, planted
  homoglyphs and mojibake), a worst case for variety.

Every run is a fresh process (`glossary lint --format json --exit-zero` with default settings;
`proselint check -o json`), so start-up is included. The two tools run in turn (ours, proselint,
ours, …) so both meet the same machine load; the medians of --runs runs are printed, wall and CPU
(user + system of the child). slovnik's bytecode is compiled first, as installing it compiles it.
The user cache (SLOVNIK_CACHE_DIR or ~/.cache/slovnik) is warmed by one untimed run first: the
numbers are for a machine where slovnik has run before. `uptime` is printed before and after, since
the shared machine's load changes the wall times.

proselint checks English usage, not romanization, so the comparison is of cost per text, not of
findings: it says what a prose linter run costs an editor on the same files.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCHEMES = ("lc", "bgn", "wikipedia", "scholarly")
ONE_LINE = "The delegates met Molotov in the Kremlin on Tuesday.\n"


def make_text(size: int, seed: int = 1937) -> str:
    from wordfreq import top_n_list

    from glossary.romanization.romanize import romanize

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


def run_once(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(paths: list[Path]) -> dict[str, list[str]]:
    ours = [
        sys.executable,
        "-c",
        "from glossary.cli import main; main()",
        "lint",
        *map(str, paths),
        "--format",
        "json",
        "--exit-zero",
    ]
    cmds = {"slovnik": ours}
    proselint = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    if Path(proselint).exists():
        cmds["proselint"] = [proselint, "check", *map(str, paths), "-o", "json"]
    return cmds


def compile_bytecode() -> None:
    """Compile slovnik's modules to bytecode first, as installing a wheel does: an editable checkout
    run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module at every start-up
    (~0.4 s), which no installed copy does (proselint's modules were compiled when pip installed it)."""
    import compileall

    import glossary
    import tm

    for package in (glossary, tm):
        compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "uptime not available"


def bench(label: str, paths: list[Path], runs: int) -> list[str]:
    size = sum(p.stat().st_size for p in paths)
    cmds = commands(paths)
    for cmd in cmds.values():
        run_once(cmd)  # warm: page cache, bytecode, slovnik's user cache
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(run_once(cmd))
    rows = []
    for name, runs_ in times.items():
        wall = statistics.median(w for w, _ in runs_)
        cpu = statistics.median(c for _, c in runs_)
        rows.append(
            f"| {label} | {len(paths)} | {size / 1000:.0f} KB | {name} | {wall:.2f} s | "
            f"{cpu:.2f} s | {size / 1000 / wall:.0f} KB/s | {size / 1000 / cpu:.0f} KB/s |"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--essay", type=Path, help="one long text file")
    parser.add_argument("--prose", type=Path, help="a folder of text files, linted in one invocation")
    parser.add_argument("--generated-mb", type=float, default=0.0, help="also a generated text this size")
    parser.add_argument("--keep", type=Path, help="write the generated text here too")
    args = parser.parse_args()
    compile_bytecode()
    print(f"before: {uptime()}")
    rows = [
        "| case | files | size | tool | median wall | median CPU | KB/s wall | KB/s CPU |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(ONE_LINE, encoding="utf-8")
        rows += bench("one line", [one], args.runs)
        if args.essay:
            rows += bench("essay", [args.essay], args.runs)
        if args.prose:
            files = sorted(p for p in args.prose.iterdir() if p.is_file() and p.suffix in (".md", ".txt"))
            rows += bench("prose", files, args.runs)
        if args.generated_mb:
            gen = Path(tmp) / "generated.txt"
            gen.write_text(make_text(int(args.generated_mb * 1_000_000)), encoding="utf-8")
            if args.keep:
                args.keep.write_text(gen.read_text(encoding="utf-8"), encoding="utf-8")
            rows += bench("generated", [gen], args.runs)
    print(f"after: {uptime()}")
    print(f"{args.runs} runs each, medians; Python {sys.version.split()[0]}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
