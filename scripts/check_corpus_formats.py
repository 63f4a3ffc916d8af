"""Try every TM reader on a folder (or files) of real TM files and report units per file.

Usage: .venv/bin/python scripts/check_corpus_formats.py [--round-trip] PATH [PATH …]

Each file is read with tm.formats.iter_units (format from its extension); files we have no reader
for (e.g. .mo) are listed as skipped. A file that fails prints its one-line ParseError. Exit 1 if
any file with a known extension failed to load. With --round-trip every loaded file is also written
in every format and read back; the line lists the formats whose units came back with other source
or target text (PO/POT: plain text; POT: no targets), and those that gave back every field of every
unit (origin and line aside).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from glossary.core.errors import FormatNotSupported, GlossaryError
from tm.formats import FORMATS, format_for, iter_units, read_tm, write_tm


def check(path: Path) -> tuple[str, str]:
    try:
        fmt = format_for(path).id
    except FormatNotSupported:
        return "skipped", "no TM reader for this extension"
    start = time.perf_counter()
    counts: Counter = Counter(units=0)
    langs: Counter = Counter()
    try:
        for unit in iter_units(path, fmt):
            counts["units"] += 1
            counts["translated"] += bool(unit.target)
            counts["fuzzy"] += unit.fuzzy
            counts["obsolete"] += unit.obsolete
            counts["plural"] += unit.source_plural is not None
            counts["tagged"] += unit.source.has_tags or unit.target.has_tags
            counts["context"] += unit.context is not None
            langs[f"{unit.source_lang}→{unit.target_lang}"] += 1
    except GlossaryError as e:
        return "error", str(e)
    ms = (time.perf_counter() - start) * 1000
    detail = ", ".join(f"{k} {v}" for k, v in counts.items() if v or k == "units")
    pairs = ", ".join(f"{k} ×{v}" for k, v in langs.most_common(3))
    return "ok", f"{fmt}: {detail}{'; ' + pairs if pairs else ''}; {ms:.0f} ms"


def _texts(units, fmt: str) -> list[tuple[str, str]]:
    plain = fmt in ("po", "pot")
    out = []
    for u in units:
        source = (
            "".join(p if isinstance(p, str) else p.code for p in u.source.parts) if plain else u.source.text
        )
        target = (
            "".join(p if isinstance(p, str) else p.code for p in u.target.parts) if plain else u.target.text
        )
        out.append((source, "" if fmt == "pot" else target))
    return out


def _whole(u):
    return replace(
        u,
        origin=None,
        line=None,
        source=u.source.normalized(),
        target=u.target.normalized(),
        source_plural=u.source_plural.normalized() if u.source_plural is not None else None,
        target_plurals=[s.normalized() for s in u.target_plurals],
    )


def round_trip(path: Path) -> str:
    tm = read_tm(path)
    differs, whole = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / f"rt.{fmt}"
            write_tm(
                tm.units, out, fmt, source_lang=tm.source_lang or "und", target_lang=tm.target_lang or "und"
            )
            back = list(iter_units(out, fmt))
            if _texts(back, fmt) != _texts(tm.units, fmt):
                differs.append(fmt)
            elif [_whole(u) for u in back] == [_whole(u) for u in tm.units]:
                whole.append(fmt)
    text = f"text differs in {', '.join(differs)}" if differs else f"same text in all {len(FORMATS)} formats"
    return f"round-trip: {text}, every field in {', '.join(whole) or 'none'}"


def main(argv: list[str]) -> int:
    trip = "--round-trip" in argv
    argv = [a for a in argv if a != "--round-trip"]
    if not argv:
        print(__doc__.strip())
        return 2
    files = []
    for arg in map(Path, argv):
        files.extend(sorted(p for p in arg.iterdir() if p.is_file()) if arg.is_dir() else [arg])
    failed = 0
    for path in files:
        status, detail = check(path)
        failed += status == "error"
        if trip and status == "ok":
            detail += "; " + round_trip(path)
        print(f"{status:8} {path.name}: {detail}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
