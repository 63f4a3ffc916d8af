#!/usr/bin/env python3
"""Fuzz every reader of both CLIs with mutated real files; report each distinct failure once, with
the smallest input that still shows it.

Seeds are this repository's examples/ and tests/data/ plus files generated in the formats it has no
sample of (XLSX, DOCX, CSV/TSV, TBX v2/v3, PO, XLIFF 1.2/2). Each run takes a seed, applies one to
four mutations (bit flips, cuts, deleted closing tags, huge words, deep nesting, wrong charsets,
XML entities, ZIP damage and bombs, …) and runs one command that reads that kind of file:
glossary import/validate/lint/extract/print --for/translit, tm convert/import/check.

A run fails when it prints a traceback, exits with a code other than 0, 1 or 2, exits 2 without
one short `error:` line, goes over the CPU-time limit (or the wall-clock watchdog), or over the
memory limit (RLIMIT_AS: MemoryError, or a crash in a C library). Failures are told apart by kind,
exception type and the innermost frame in slovnik's own code; each is shrunk by delta debugging and
written to OUT/failures/NN-…/ (input, original, command, stderr). Exit status: 0 when no run failed,
1 otherwise.

The inputs depend only on --seed and the run number: the same seed gives the same inputs in the
same order at any -j (--budget only cuts the sequence short).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import shlex
import shutil
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzing.child import INPUT, Job, Limits, Outcome, Runner, preload  # noqa: E402
from fuzzing.mutate import ZIP_EXTS, build_zip, mutate  # noqa: E402
from fuzzing.seeds import ALL_EXTS, ROOT, TARGETS, collect_seeds, generate_seeds, prepare_aux, targets_for  # noqa: E402
from fuzzing.shrink import Budget, shrink_bytes, shrink_zip  # noqa: E402

EXAMPLE = """\
examples:
  # a short seeded run, as CI does it (about a minute on two cores)
  .venv/bin/python scripts/fuzz.py --seed 1 --runs 300 --budget 90 -j 2

  # a long run: 20,000 inputs, commands called inside forked children (no interpreter start-up)
  .venv/bin/python scripts/fuzz.py --seed 7 --runs 20000 --mode fork -j 2

  # only the XLSX readers, through fresh CLI processes
  .venv/bin/python scripts/fuzz.py --ext .xlsx --mode exec --runs 200 -j 1

Reproduce a failure with the command in OUT/failures/NN-…/command.txt (run it in an empty folder).
"""


@dataclass
class Failure:
    key: tuple
    first: Outcome
    smallest: Outcome
    count: int = 0
    targets: Counter = field(default_factory=Counter)


def make_jobs(seed: int, runs: int, seeds, aux, exts: list[str] | None, target_names: list[str] | None):
    """The run sequence: job i is a function of (seed, i) alone."""
    by_ext: dict[str, list] = {}
    for name, data, ext in seeds:
        by_ext.setdefault(ext, []).append((name, data))
    seed_exts = sorted(e for e in by_ext if not exts or e in exts)
    if not seed_exts:
        raise SystemExit(f"no seeds with extension {', '.join(exts or [])}")
    others = [(data, ext) for _name, data, ext in seeds]
    for i in range(runs):
        rng = random.Random(f"{seed}:{i}")
        ext = rng.choice(seed_exts)
        origin, data = rng.choice(by_ext[ext])
        data, new_ext, names = mutate(data, ext, rng, others, ALL_EXTS)
        targets = [t for t in targets_for(new_ext) if not target_names or t.name in target_names]
        if not targets:  # renamed to an extension none of the chosen commands reads
            new_ext = ext
            targets = [t for t in targets_for(ext) if not target_names or t.name in target_names]
        if not targets:
            continue
        target = rng.choice(targets)
        yield Job(i, target.name, target.argv(INPUT, aux, rng), data, new_ext, target.stdin, origin, names)


def _slug(key: tuple) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", "-".join(str(k) for k in key)).strip("-")[:80]


def shrink_failure(failure: Failure, runner: Runner, seconds: float, batch: int) -> bytes:
    job = failure.smallest.job

    def probe(candidates: list[bytes]) -> int | None:
        outcomes: dict[int, Outcome] = {}
        jobs = [Job(-1, job.target, job.argv, c, job.ext, job.stdin) for c in candidates]
        for n, j in enumerate(jobs):
            j.index = n
        runner.run(jobs, lambda o: outcomes.__setitem__(o.job.index, o))
        hits = [n for n, o in outcomes.items() if o.key == failure.key]
        return min(hits) if hits else None

    budget = Budget(seconds, tests=2000)
    if job.ext in ZIP_EXTS:
        return shrink_zip(job.data, probe, budget, build_zip, batch)
    return shrink_bytes(job.data, probe, budget, batch)


def command_line(job: Job, path: Path) -> str:
    argv = [str(path) if a == INPUT else a for a in job.argv]
    line = shlex.join(argv)
    return f"{line} < {shlex.quote(str(path))}" if job.stdin else line


def write_failure(folder: Path, n: int, failure: Failure, small: bytes) -> Path:
    job = failure.smallest.job
    where = folder / f"{n:02d}-{_slug(failure.key)}"
    where.mkdir(parents=True)
    (where / f"input{job.ext}").write_bytes(small)
    (where / f"original{job.ext}").write_bytes(job.data)
    (where / "command.txt").write_text(command_line(job, where / f"input{job.ext}") + "\n")
    (where / "stderr.txt").write_text(failure.smallest.stderr)
    return where


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="scripts/fuzz.py",
        description=__doc__,
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--runs", type=int, default=1000, help="number of inputs to run (default 1000)")
    p.add_argument(
        "--budget",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop starting new runs after this many seconds (shrinking not counted)",
    )
    p.add_argument("-j", "--jobs", type=int, default=2, help="runs at a time (default 2)")
    p.add_argument(
        "--mode",
        choices=["fork", "exec"],
        default="fork",
        help="fork: call the CLI's entry point in a forked child of this process (fast, "
        "default); exec: a fresh interpreter per run (what a user runs, ~1 s start-up)",
    )
    p.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="CPU-time limit per run (default 10)"
    )
    p.add_argument(
        "--wall",
        type=float,
        default=None,
        metavar="SECONDS",
        help="wall-clock limit per run, for hangs that use no CPU (default 6× --timeout, at "
        "least 60; raise it on a heavily loaded machine)",
    )
    p.add_argument(
        "--memory",
        type=int,
        default=1536,
        metavar="MB",
        help="address-space limit per run (default 1536; in fork mode on top of what the "
        "preloaded parent maps, ~400 MB)",
    )
    p.add_argument(
        "--shrink-budget",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="time to shrink each distinct failure (default 60; 0 keeps the inputs as found)",
    )
    p.add_argument(
        "--ext",
        action="append",
        metavar=".EXT",
        help=f"only seeds with this extension (repeatable; one of {' '.join(ALL_EXTS)})",
    )
    p.add_argument(
        "--target",
        action="append",
        metavar="NAME",
        help=f"only this command (repeatable; one of: {'; '.join(t.name for t in TARGETS)})",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=ROOT / "fuzz-out",
        help="folder for seeds, work files and failures (default fuzz-out/)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = p.parse_args(argv)
    names = {t.name for t in TARGETS}
    for name in args.target or []:
        if name not in names:
            p.error(f"unknown --target {name!r}")
    for ext in args.ext or []:
        if ext not in ALL_EXTS:
            p.error(f"unknown --ext {ext!r}")
    if args.jobs < 1 or args.runs < 0:
        p.error("--jobs must be at least 1 and --runs at least 0")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwinds through the runner's cleanup
    out: Path = args.out
    for sub in ("seeds", "work", "failures"):
        shutil.rmtree(out / sub, ignore_errors=True)
    generate_seeds(out / "seeds")
    aux = prepare_aux(out / "aux")
    seeds = collect_seeds(out / "seeds")
    if args.mode == "fork":
        preload()
    gc.collect()
    gc.freeze()  # the children share the parent's pages; a collection in a child would copy them
    limits = Limits(cpu=args.timeout, memory_mb=args.memory, wall=args.wall or max(6 * args.timeout, 60))
    runner = Runner(args.mode, out / "work", limits, args.jobs)

    started = time.monotonic()
    failures: dict[tuple, Failure] = {}
    per_target: Counter = Counter()
    kinds: Counter = Counter()
    cpu: list[float] = []
    last_note = [started]

    def on_outcome(o: Outcome) -> None:
        per_target[o.job.target] += 1
        cpu.append(o.cpu)
        if o.kind:
            kinds[o.kind] += 1
            f = failures.get(o.key)
            if f is None:
                f = failures[o.key] = Failure(o.key, o, o)
                if not args.quiet:
                    print(
                        f"run {o.job.index}: new failure [{o.kind}] {o.summary} ({o.job.target}, "
                        f"{o.job.origin} + {'/'.join(o.job.mutations)})",
                        flush=True,
                    )
            f.count += 1
            f.targets[o.job.target] += 1
            if len(o.job.data) < len(f.smallest.job.data):
                f.smallest = o
        now = time.monotonic()
        if not args.quiet and now - last_note[0] > 30:
            last_note[0] = now
            done = sum(per_target.values())
            print(
                f"… {done} runs, {sum(kinds.values())} failed ({len(failures)} distinct), "
                f"{done / (now - started):.1f} runs/s",
                flush=True,
            )

    def stop() -> bool:
        return args.budget is not None and time.monotonic() - started > args.budget

    runner.run(make_jobs(args.seed, args.runs, seeds, aux, args.ext, args.target), on_outcome, stop)
    elapsed = time.monotonic() - started
    total = sum(per_target.values())

    print(
        f"\n{total} runs in {elapsed:.0f} s ({total / max(elapsed, 1e-9):.1f} runs/s, mode {args.mode}, "
        f"-j {args.jobs}, seed {args.seed}); median CPU per run "
        f"{sorted(cpu)[len(cpu) // 2] if cpu else 0:.2f} s"
    )
    print("runs per command: " + ", ".join(f"{name} {n}" for name, n in sorted(per_target.items())))
    failed = sum(kinds.values())
    print(
        f"failed runs: {failed}"
        + (f" ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})" if failed else "")
    )
    report = {
        "seed": args.seed,
        "runs": total,
        "seconds": round(elapsed, 1),
        "mode": args.mode,
        "failed_runs": failed,
        "per_command": dict(per_target),
        "failures": [],
    }
    for n, failure in enumerate(sorted(failures.values(), key=lambda f: (f.key[0], -f.count)), start=1):
        small = failure.smallest.job.data
        if args.shrink_budget > 0:
            small = shrink_failure(failure, runner, args.shrink_budget, args.jobs)
        where = write_failure(out / "failures", n, failure, small)
        job = failure.smallest.job
        print(f"\n[{n}] {failure.first.kind}: {failure.smallest.summary}")
        print(f"    {failure.count} runs: " + ", ".join(f"{t} {c}" for t, c in failure.targets.most_common()))
        print(
            f"    smallest input: {where.relative_to(out.parent) if out.is_relative_to(out.parent) else where}"
            f"/input{job.ext} ({len(small):,} bytes; found as {len(job.data):,} bytes, "
            f"{job.origin} + {'/'.join(job.mutations)})"
        )
        print(f"    reproduce: {(where / 'command.txt').read_text().strip()}")
        report["failures"].append(
            {
                "kind": failure.first.kind,
                "key": list(map(str, failure.key)),
                "summary": failure.smallest.summary,
                "runs": failure.count,
                "commands": dict(failure.targets),
                "folder": str(where),
                "bytes": len(small),
            }
        )
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(
        f"\n{len(failures)} distinct failure{'s' if len(failures) != 1 else ''}; report in {out / 'report.json'}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
