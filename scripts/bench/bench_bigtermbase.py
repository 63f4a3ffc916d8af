"""A large termbase (50,000 concepts) against the bundled starter (355): import and every command's run.

    .venv/bin/python scripts/bench/bench_bigtermbase.py [--concepts 50000] [--runs 3] [--data DIR]
                                                         [--bin .venv/bin] [--no-import]

Generates the large termbase with gen_bigtermbase.py (kept in --data to reuse), then times, as the
user runs them (a fresh process each): `glossary import` of its CSV into a new JSON termbase, and
`glossary show`, `search`, `translit --reverse`, `lint` on a small Markdown file and `tm check` on a
small TMX, each with `-g` the starter and `-g` the large termbase. Each command runs once on an
empty disk cache (cold: the first run on a termbase this cache has never seen), --runs times on the
cache that run left (warm: every later run), and, with the large termbase, once more on a copy with
one concept added (edited: the first run after a change, with the analyses of the other words on
disk); medians, with CPU seconds and peak memory, and the machine load from `uptime` before and
after. Python runs with its bytecode cache, as installed (PYTHONDONTWRITEBYTECODE is dropped; the
cache goes to a temporary folder). --bin picks the `glossary`/`tm` to time (another checkout's venv
gives the before figures).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STARTER = ROOT / "glossary" / "data" / "starter.json"

SMALL_MD = """# Notes on the purges

The Politburo met in the spring. Tukhachevskii was arrested, and Ezhov's NKVD ran the operation.
Nikolai Ezhov reported to Stalin; the Central Committee approved the lists. Later writers spell
him Yezhov, and the kolkhozy of the oblast were left without chairmen.
"""
SMALL_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x"
 adminlang="en" srclang="ru" datatype="plaintext"/><body>
<tu><tuv xml:lang="ru"><seg>Политбюро собралось весной.</seg></tuv>
<tuv xml:lang="en"><seg>The Politburo met in the spring.</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Ежов доложил Сталину о работе НКВД.</seg></tuv>
<tuv xml:lang="en"><seg>Yezhov reported to Stalin on the work of the NKVD.</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Центральный комитет утвердил списки.</seg></tuv>
<tuv xml:lang="en"><seg>The Central Committee approved the lists.</seg></tuv></tu>
</body></tmx>
"""


# A copy of the termbase with one concept added.
_EDIT = """import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["concepts"].append({"id": "bench-edit", "type": "term", "terms": [
    {"lang": "ru", "text": "Новый термин", "status": "preferred"},
    {"lang": "en", "text": "new term", "status": "preferred"}]})
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=False, indent=2) + "\\n")
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one run of *argv*."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)}: exit {proc.returncode}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def load() -> str:
    return (
        subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip().split("load average:")[-1]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--concepts", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "slovnik-bench-big")
    ap.add_argument("--bin", type=Path, default=Path(sys.executable).parent)
    ap.add_argument("--no-import", action="store_true", help="skip timing the import")
    args = ap.parse_args()
    glossary, tm = str(args.bin / "glossary"), str(args.bin / "tm")
    data = args.data
    data.mkdir(parents=True, exist_ok=True)
    big, big_csv = data / f"big-{args.concepts}.json", data / f"big-{args.concepts}.csv"
    if not big.exists() or not big_csv.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "gen_bigtermbase.py"),
                str(big),
                "--csv",
                str(big_csv),
                "--concepts",
                str(args.concepts),
            ],
            check=True,
        )
    md, tmx = data / "small.md", data / "small.tmx"
    md.write_text(SMALL_MD, encoding="utf-8")
    tmx.write_text(SMALL_TMX, encoding="utf-8")
    edited = data / f"big-{args.concepts}-edited.json"
    if not edited.exists():
        # in a process of its own: the commands timed are started from this one, and a child's peak
        # memory as reported counts its parent's at the exec
        subprocess.run([sys.executable, "-c", _EDIT, str(big), str(edited)], check=True)
    caches = Path(tempfile.mkdtemp(prefix="slovnik-bench-cache-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(caches / "pycache")
    env["SLOVNIK_CACHE_DIR"] = str(caches / "warm-up")
    run([glossary, "--version"], env)  # compiles the modules once, untimed
    run([tm, "--version"], env)
    print(
        f"load before: {load()}; Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; {args.bin}",
        flush=True,
    )
    rows = []
    try:
        if not args.no_import:
            times = []
            for n in range(args.runs):
                target = data / f"imported-{n}.json"
                target.unlink(missing_ok=True)
                env["SLOVNIK_CACHE_DIR"] = str(caches / f"import-{n}")
                times.append(run([glossary, "import", str(big_csv), "--into", str(target)], env))
                target.unlink(missing_ok=True)
            wall, cpu, rss = (statistics.median(t[i] for t in times) for i in range(3))
            rows.append(
                (
                    f"glossary import ({args.concepts} concepts, CSV → new JSON)",
                    "—",
                    "—",
                    "—",
                    "—",
                    f"{wall:.2f}",
                    f"{cpu:.2f}",
                    f"{rss:.0f}",
                    "—",
                    "—",
                )
            )
            print(rows[-1], flush=True)
        commands = {
            "glossary show politburo": [glossary, "show", "politburo"],
            "glossary search Tukhachevskii": [glossary, "search", "Tukhachevskii"],
            "glossary translit --reverse Tukhachevskii": [glossary, "translit", "--reverse", "Tukhachevskii"],
            "glossary lint small.md": [glossary, "lint", str(md)],
            "tm check small.tmx": [tm, "check", str(tmx)],
        }
        for label, argv in commands.items():
            for name, tb in (("starter", STARTER), (f"{args.concepts // 1000}k", big)):
                folder = caches / f"{label.replace(' ', '_')}-{name}"
                env["SLOVNIK_CACHE_DIR"] = str(folder)
                cold = run([*argv, "-g", str(tb)], env)
                warm = [run([*argv, "-g", str(tb)], env) for _ in range(args.runs)]
                w = [statistics.median(t[i] for t in warm) for i in range(3)]
                after_edit = ("—", "—")
                if tb == big:
                    e = run([*argv, "-g", str(edited)], env)
                    after_edit = (f"{e[0]:.2f}", f"{e[1]:.2f}")
                rows.append(
                    (
                        label,
                        name,
                        f"{cold[0]:.2f}",
                        f"{cold[1]:.2f}",
                        f"{cold[2]:.0f}",
                        f"{w[0]:.2f}",
                        f"{w[1]:.2f}",
                        f"{w[2]:.0f}",
                        *after_edit,
                    )
                )
                print(rows[-1], flush=True)
    finally:
        shutil.rmtree(caches, ignore_errors=True)
    print(f"load after: {load()}")
    print()
    print(
        f"warm: median of {args.runs} runs on the cache the cold run left; cold: one run on an empty cache "
        f"(the import: median of {args.runs} runs); s = wall seconds, CPU = user + system seconds, MB = peak RSS"
    )
    print()
    print(
        "| command | termbase | cold s | cold CPU s | cold MB | warm s | warm CPU s | warm MB | edited s | "
        "edited CPU s |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
