"""Benchmark `tm check` against translate-toolkit's pofilter on the same content, and score accuracy.

    python scripts/bench/bench_check.py -n 20000 --runs 3                    # develop
    python scripts/bench/bench_check.py -n 200000 --runs 3 --out /work/tmp/bench-check.md

Method
- Data: scripts/gen_check_corpus.py (seed 7): an RU→EN memory written as TMX and as PO (same units),
  a ~2,000-concept termbase (starter + generated) and the planted faults (truth.jsonl). Generated
  once per size into --data (reused when present).
- Runs: each tool is run as a child process (`tm check FILE --glossary termbase.json --format json
  -o out.json --exit-zero`, by default with one worker process per core, and again with `-j 1`;
  `pofilter --progress=none corpus.po out.po`, all default pofilter tests), alternating, --runs times.
  Per run: wall time, CPU time (user+sys of the child and its reaped workers, from os.wait4) and peak
  memory sampled every 50 ms over the child and its workers: the RSS sum (or the child's own peak if
  larger; counts shared pages once per process) and the PSS sum (shared pages split: the memory held). Medians are
  reported; throughput = units / seconds. The machine is shared, so wall time depends on the load
  (reported); CPU time counts the work, wall time what a user waits.
- Accuracy: tm check's JSON on the TMX (tuids) is scored against truth.jsonl per check: a planted
  fault is caught when a finding of that check names its tuid; precision = findings that match a
  planted (or incidental, see the generator) fault / all findings of the check. "Term faults" =
  term-missing + term-forbidden + term-inconsistent + translit-variant. pofilter has no termbase: its
  flagged units are counted, and how many of the planted term faults fall on a unit it flagged.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TERM_CHECKS = ("term-missing", "term-forbidden", "term-inconsistent", "translit-variant")


def log(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


def _tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB summed over *pid* and all its descendants (its worker processes). RSS counts a
    page a fork shares once per process; PSS splits it between them, so the PSS sum is the memory the
    run really holds."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # gone meanwhile
    return rss, pss


def run(cmd: list[str]) -> dict:
    """Wall seconds, CPU seconds (user+sys, reaped workers included) and peak memory (MiB) of one child
    process: RSS = the larger of its own peak and the sampled RSS sum over it and its workers; PSS = the
    sampled PSS sum (shared pages split between the processes sharing them)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            rss, pss = _tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({code}): {err[-2000:]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": max(usage.ru_maxrss, peak[0]) / 1024,
        "pss": max(peak[1], 1) / 1024,
    }


def score(findings: list[dict], truth: list[dict]) -> dict[str, dict]:
    planted = {(t["tuid"], t["check"]) for t in truth}
    by_check = Counter(t["check"] for t in truth)
    found = {(f["tuid"], f["check"]) for f in findings}
    out = {}
    for check in sorted(set(by_check) | {f["check"] for f in findings}):
        mine = [f for f in findings if f["check"] == check]
        hits = sum(1 for f in mine if (f["tuid"], check) in planted)
        caught = sum(1 for t in truth if t["check"] == check and (t["tuid"], check) in found)
        out[check] = {"planted": by_check[check], "caught": caught, "findings": len(mine), "correct": hits}
    term = {
        k: sum(out[c][k] for c in TERM_CHECKS if c in out)
        for k in ("planted", "caught", "findings", "correct")
    }
    out["term faults (all four)"] = term
    return out


def pofilter_flagged(path: Path) -> set[str]:
    """msgids of the units pofilter wrote out (it writes each failing unit with its test names)."""
    import polib

    return {e.msgid for e in polib.pofile(str(path)) if e.msgid}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--units", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", type=Path, default=None, help="folder for the generated corpus")
    ap.add_argument("--out", type=Path, default=None, help="append the markdown report here")
    args = ap.parse_args(argv)
    data = args.data or Path(f"/tmp/slovnik-check-{args.units}")
    if not (data / "truth.jsonl").exists():
        log(f"generating {args.units} units into {data}")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "gen_check_corpus.py"),
                "-n",
                str(args.units),
                "-o",
                str(data),
            ],
            check=True,
        )
    truth = [json.loads(line) for line in (data / "truth.jsonl").open(encoding="utf-8")]
    tm_cmd = [
        str(BIN / "tm"),
        "check",
        "--glossary",
        str(data / "termbase.json"),
        "--format",
        "json",
        "--exit-zero",
        "-o",
    ]
    runs: dict[str, list[dict]] = {
        "tm check (TMX)": [],
        "tm check (TMX, -j 1)": [],
        "tm check (PO)": [],
        "pofilter (PO)": [],
    }
    load_before = os.getloadavg()
    for i in range(args.runs):
        runs["tm check (TMX)"].append(run([*tm_cmd, str(data / "out-tmx.json"), str(data / "corpus.tmx")]))
        runs["tm check (TMX, -j 1)"].append(
            run([*tm_cmd, str(data / "out-tmx-j1.json"), "-j", "1", str(data / "corpus.tmx")])
        )
        runs["pofilter (PO)"].append(
            run(
                [
                    str(BIN / "pofilter"),
                    "--progress=none",
                    str(data / "corpus.po"),
                    str(data / "pofilter-out.po"),
                ]
            )
        )
        runs["tm check (PO)"].append(run([*tm_cmd, str(data / "out-po.json"), str(data / "corpus.po")]))
        log(
            f"run {i + 1}: "
            + "; ".join(
                f"{k} {v[-1]['wall']:.1f}s wall {v[-1]['cpu']:.1f}s cpu "
                f"{v[-1]['rss']:.0f} MiB RSS {v[-1]['pss']:.0f} MiB PSS"
                for k, v in runs.items()
            )
        )
    load_after = os.getloadavg()
    med = {
        k: {m: statistics.median(r[m] for r in v) for m in ("wall", "cpu", "rss", "pss")}
        for k, v in runs.items()
    }
    findings = json.loads((data / "out-tmx.json").read_text(encoding="utf-8"))
    same = findings == json.loads((data / "out-tmx-j1.json").read_text(encoding="utf-8"))
    acc = score(findings, truth)
    flagged = pofilter_flagged(data / "pofilter-out.po")
    import polib

    po = polib.pofile(str(data / "corpus.po"))
    msgid_of = {f"u{i + 1:06d}": e.msgid for i, e in enumerate(po)}
    term_truth = [t for t in truth if t["check"] in TERM_CHECKS]
    pof_term = sum(1 for t in term_truth if msgid_of.get(t["tuid"]) in flagged)
    n = args.units
    po_units = len(po)

    lines = [
        f"## tm check vs pofilter, {n:,} units ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}; "
        f"medians of {args.runs} runs. Load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} "
        f"after. `tm check` uses one worker process per core by default (here {os.cpu_count()}); "
        f"`-j 1` is the same run in one process (same findings: {'yes' if same else 'NO'}). CPU s "
        f"includes the workers; peak RSS and PSS are sums over the process and its workers (RSS counts pages "
        f"the workers share with the parent once per process, PSS splits them: PSS is the memory held).",
        "",
        "| tool | wall s | CPU s | units/s (wall) | units/s (CPU) | peak RSS MiB | peak PSS MiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for k, m in med.items():
        lines.append(
            f"| {k} | {m['wall']:.1f} | {m['cpu']:.1f} | {n / m['wall']:,.0f} | {n / m['cpu']:,.0f} | "
            f"{m['rss']:.0f} | {m['pss']:.0f} |"
        )
    pof = med["pofilter (PO)"]
    for k in ("tm check (PO)", "tm check (TMX)", "tm check (TMX, -j 1)"):
        lines.append("")
        lines.append(
            f"Throughput ratio {k} / pofilter: {pof['wall'] / med[k]['wall']:.2f}× wall, "
            f"{pof['cpu'] / med[k]['cpu']:.2f}× CPU."
        )
    lines += ["", "| check | planted | caught | recall | findings | precision |", "|---|---|---|---|---|---|"]
    for check, a in acc.items():
        recall = a["caught"] / a["planted"] if a["planted"] else float("nan")
        precision = a["correct"] / a["findings"] if a["findings"] else float("nan")
        lines.append(
            f"| {check} | {a['planted']} | {a['caught']} | {recall:.3f} | {a['findings']} | {precision:.3f} |"
        )
    lines += [
        "",
        f"pofilter flagged {len(flagged):,} of {po_units - 1:,} units "
        f"({len(flagged) / max(po_units - 1, 1):.0%}); planted term faults on a unit it flagged: "
        f"{pof_term} of {len(term_truth)} (by coincidence of another test; it has no termbase).",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write(report + "\n")


if __name__ == "__main__":
    main()
