#!/usr/bin/env python3
"""`tm import`, `tm lookup` and `tm search` run N-way concurrently against one store; count errors and
wrong answers.

    python scripts/stress_store.py --seconds 180 [--workers 8] [--units 200] [--keep DIR]

Each worker runs the real `tm` CLI in a loop until the time is up (a command started before the end
runs to completion): importers import a new TMX each round (`--units` new units plus a few units
already in the store, which must count as duplicates); lookups ask `tm lookup` for the exact source
of a unit that is known to be committed (seeded, or from an import that had returned before the
lookup started) and expect a 100 % match with that unit's target first; searches ask `tm search`
for a unit's unique word and expect exactly that unit. At the end `tm stats` must count every unit
and occurrence imported, and every imported unit must be found. Any exit code other than 0, any
stderr line other than the lock-wait note, any traceback or wrong answer is a failure. Prints the
counts and per-command latencies; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

BIN = Path(sys.executable).parent
TM = [str(BIN / "tm")] if (BIN / "tm").exists() else [sys.executable, "-c", "from tm.cli import main; main()"]
WAIT_NOTE = "waiting for the lock on "

# Made-up words: consonant-vowel syllables, so each unit has one word no other unit has.
_CONSONANTS = dict(
    zip("бвгдзклмнпрст", ["b", "v", "g", "d", "z", "k", "l", "m", "n", "p", "r", "s", "t"], strict=True)
)
_VOWELS = dict(zip("аоуие", "aouie", strict=True))
_SYLLABLES = [(c + v, lc + lv) for c, lc in _CONSONANTS.items() for v, lv in _VOWELS.items()]


def word(n: int) -> tuple[str, str]:
    """The unique Russian-looking word of unit *n* and its romanization."""
    ru, en = [], []
    for _ in range(3):
        n, k = divmod(n, len(_SYLLABLES))
        ru.append(_SYLLABLES[k][0])
        en.append(_SYLLABLES[k][1])
    while n:
        n, k = divmod(n, len(_SYLLABLES))
        ru.append(_SYLLABLES[k][0])
        en.append(_SYLLABLES[k][1])
    return "".join(ru), "".join(en)


def unit(n: int) -> tuple[str, str]:
    ru, en = word(n)
    year = 1920 + n % 70
    return (
        f"Пленум {ru} утвердил план работы на {year} год.",
        f"The {en.capitalize()} plenum approved the work plan for {year}.",
    )


def write_tmx(path: Path, units: list[tuple[str, str]]) -> None:
    body = "".join(
        f'<tu><tuv xml:lang="ru"><seg>{escape(s)}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{escape(t)}</seg></tuv></tu>\n'
        for s, t in units
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="stress" '
        'creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="ru" '
        f'datatype="plaintext"/><body>\n{body}</body></tmx>\n',
        encoding="utf-8",
    )


@dataclass
class Tally:
    runs: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    waits: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, took: float, failure: str | None = None, waited: bool = False) -> None:
        with self.lock:
            self.runs[kind] = self.runs.get(kind, 0) + 1
            self.seconds.setdefault(kind, []).append(took)
            self.waits += waited
            if failure:
                self.failures.append(f"{kind}: {failure}")


class Committed:
    """Units known to be in the store: the seed, then each import's units once its command returned."""

    def __init__(self, seed: list[int]):
        self.ids = list(seed)
        self.added = 0
        self.occurrences = len(seed)
        self.lock = threading.Lock()

    def add(self, ids: list[int], occurrences: int) -> None:
        with self.lock:
            self.ids.extend(ids)
            self.added += len(ids)
            self.occurrences += occurrences

    def pick(self, rng: random.Random) -> int:
        with self.lock:
            return rng.choice(self.ids)


def cli(command: str, store: Path, arg: str | Path) -> tuple[str | None, dict | None, bool]:
    """Run `tm COMMAND` with --format json: (failure, its JSON, whether it waited for the lock). A
    non-zero exit or any stderr line but the lock-wait note is a failure."""
    if command == "import":
        argv = [*TM, command, str(arg), "--into", str(store)]
    else:
        argv = [*TM, command, str(store), *([str(arg)] if arg else [])]
    result = subprocess.run([*argv, "--format", "json"], capture_output=True, text=True, timeout=900)
    lines = result.stderr.splitlines()
    waited = any(line.startswith(WAIT_NOTE) for line in lines)
    other = [line for line in lines if not line.startswith(WAIT_NOTE)]
    if result.returncode != 0 or other:
        return f"exit {result.returncode}: {' | '.join(other)[-500:]}", None, waited
    return None, json.loads(result.stdout), waited


def library(command: str, store: Path, arg: str | Path) -> tuple[str | None, dict | None, bool]:
    """The same through the library in this process (each call opens the store, as a command does):
    for the test suite's short run, where a process per command costs too much."""
    from glossary.core.errors import GlossaryError
    from tm.store import Store, import_into

    waited = []
    try:
        if command == "import":
            data = import_into(store, [arg], on_wait=lambda: waited.append(True)).to_dict()
        elif command == "stats":
            with Store(store) as s:
                data = s.stats()
        else:
            with Store(store) as s:
                found = s.lookup(str(arg)) if command == "lookup" else s.search(str(arg))
            key = "matches" if command == "lookup" else "hits"
            data = {
                key: [
                    {
                        "score": getattr(m, "score", None),
                        "source": m.unit.source_text,
                        "target": m.unit.target_text,
                    }
                    for m in found
                ]
            }
    except GlossaryError as e:
        return f"error: {e}", None, bool(waited)
    except Exception as e:  # noqa: BLE001 - the point is to count them
        return f"{type(e).__name__}: {e}", None, bool(waited)
    return None, data, bool(waited)


def _rounds(deadline: float):
    """At least one round, then more until *deadline* (a round started in time runs to its end)."""
    yield
    while time.monotonic() < deadline:
        yield


def importer(
    call,
    k: int,
    store: Path,
    work: Path,
    units: int,
    duplicates: int,
    deadline: float,
    committed: Committed,
    tally: Tally,
    seed: int,
) -> None:
    rng = random.Random(k)
    for round_, _ in enumerate(_rounds(deadline)):
        first = 1_000_000 * (k + 1) + round_ * units
        new = list(range(first, first + units))
        dups = rng.sample(range(seed), duplicates)
        path = work / f"import-{k}-{round_}.tmx"
        write_tmx(path, [unit(n) for n in new + dups])
        started = time.monotonic()
        failure, report, waited = call("import", store, path)
        if failure is None:
            if (report["added"], report["duplicates"]) != (units, duplicates):
                failure = (
                    f"{path.name}: added {report['added']}, duplicates {report['duplicates']}, "
                    f"expected {units}, {duplicates}"
                )
            else:
                committed.add(new, units + duplicates)
        tally.record("import", time.monotonic() - started, failure, waited)
        path.unlink()


def looker(call, k: int, store: Path, deadline: float, committed: Committed, tally: Tally) -> None:
    rng = random.Random(100 + k)
    for _ in _rounds(deadline):
        n = committed.pick(rng)
        source, target = unit(n)
        started = time.monotonic()
        failure, data, _ = call("lookup", store, source)
        if failure is None:
            matches = data["matches"]
            if not matches or (matches[0]["score"], matches[0]["source"], matches[0]["target"]) != (
                100,
                source,
                target,
            ):
                failure = f"lookup of unit {n}: {json.dumps(matches[:1], ensure_ascii=False)[:300]}"
        tally.record("lookup", time.monotonic() - started, failure)


def searcher(call, k: int, store: Path, deadline: float, committed: Committed, tally: Tally) -> None:
    rng = random.Random(200 + k)
    for _ in _rounds(deadline):
        n = committed.pick(rng)
        failure = search_one(call, store, n, tally)
        if failure:
            with tally.lock:
                tally.failures.append(f"search: {failure}")


def search_one(call, store: Path, n: int, tally: Tally | None = None) -> str | None:
    source, target = unit(n)
    started = time.monotonic()
    failure, data, _ = call("search", store, word(n)[0])
    if failure is None:
        hits = data["hits"]
        if [(h["source"], h["target"]) for h in hits] != [(source, target)]:
            failure = (
                f"search for unit {n}: {len(hits)} hits {json.dumps(hits[:2], ensure_ascii=False)[:300]}"
            )
    if tally is not None:
        tally.record("search", time.monotonic() - started)
    return failure


def final_checks(call, store: Path, committed: Committed, seed: int, tally: Tally, sample: int) -> None:
    failure, stats, _ = call("stats", store, "")
    if failure:
        tally.failures.append(f"stats: {failure}")
        return
    expected = (seed + committed.added, committed.occurrences)
    if (stats["units"], stats["occurrences"]) != expected:
        tally.failures.append(
            f"stats: {stats['units']} units, {stats['occurrences']} occurrences; "
            f"expected {expected[0]}, {expected[1]}"
        )
    rng = random.Random(7)
    imported = committed.ids[seed:]
    for n in rng.sample(imported, min(sample, len(imported))):
        failure = search_one(call, store, n)
        if failure:
            tally.failures.append(f"final search: {failure}")


def run(
    store_dir: Path,
    *,
    seconds: float,
    workers: int = 8,
    units: int = 200,
    duplicates: int = 5,
    seed: int = 300,
    final_sample: int = 20,
    in_process: bool = False,
) -> dict:
    """Run the stress against a new store in *store_dir*; returns the counts (see main). in_process:
    threads calling the library instead of processes running the CLI."""
    store = store_dir / "stress.db"
    seed_file = store_dir / "seed.tmx"
    write_tmx(seed_file, [unit(n) for n in range(seed)])
    call = library if in_process else cli
    failure, _, _ = call("import", store, seed_file)
    if failure:
        raise SystemExit(f"cannot seed the store: {failure}")
    committed, tally = Committed(list(range(seed))), Tally()
    deadline = time.monotonic() + seconds
    roles = ["import", "lookup", "search"]
    threads = []
    for i in range(workers):
        role = roles[i % 3]
        if role == "import":
            args = (
                importer,
                (call, i, store, store_dir, units, duplicates, deadline, committed, tally, seed),
            )
        elif role == "lookup":
            args = (looker, (call, i, store, deadline, committed, tally))
        else:
            args = (searcher, (call, i, store, deadline, committed, tally))
        threads.append(threading.Thread(target=args[0], args=args[1], daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    final_checks(call, store, committed, seed, tally, final_sample)
    return {
        "mode": "library, threads" if in_process else "CLI, processes",
        "workers": workers,
        "roles": [roles[i % 3] for i in range(workers)],
        "seconds": round(elapsed, 1),
        "runs": tally.runs,
        "units_imported": committed.added,
        "units_in_store": seed + committed.added,
        "lock_waits": tally.waits,
        "latency_s": {
            k: {"median": round(statistics.median(v), 2), "max": round(max(v), 2)}
            for k, v in tally.seconds.items()
        },
        "failures": len(tally.failures),
        "failure_samples": tally.failures[:10],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=180, help="how long the workers run (default 180)")
    parser.add_argument("--workers", type=int, default=8, help="concurrent commands (default 8)")
    parser.add_argument("--units", type=int, default=200, help="new units per import (default 200)")
    parser.add_argument("--in-process", action="store_true", help="threads calling the library, not the CLI")
    parser.add_argument("--keep", type=Path, help="use this folder (kept) instead of a temp folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="slovnik-stress-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        report = run(
            folder, seconds=args.seconds, workers=args.workers, units=args.units, in_process=args.in_process
        )
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
