"""Seeds (the project's own example and test files, plus files generated here in the formats the
repository has no sample of) and targets (every CLI command that reads a user's file).

Never ../shared: seeds come from examples/ and tests/data/ of this repository and from the
generator below, which writes a termbase, a translation memory and a DOCX made up for the purpose.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .mutate import ZIP_EXTS, build_zip

ROOT = Path(__file__).resolve().parents[2]
SEED_DIRS = [ROOT / "examples", ROOT / "tests" / "data"]
MAX_SEED = 256 * 1024  # bigger seeds only slow every run down

TERMBASE = (".json", ".csv", ".tsv", ".xlsx", ".tbx", ".po", ".pot")
LINT = (".txt", ".md", ".html", ".docx", ".po", ".pot", ".tmx", ".xlf", ".xliff")
FOR = (".txt", ".md", ".tmx", ".po", ".pot", ".xlf", ".xliff")
TM = (".tmx", ".po", ".pot", ".xlf", ".xliff", ".csv", ".tsv", ".xlsx")
TEXT = (".txt", ".md")
# Codecs a user might name with --encoding, right and wrong (rot13 and base64 are not text codecs).
ENCODINGS = ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16", "latin-1", "rot13", "base64", "nonsense"]


@dataclass(frozen=True)
class Aux:
    """Fixed companion files a command needs besides the fuzzed input (copied out of the tree)."""

    termbase: str
    text: str
    memory: str


@dataclass(frozen=True)
class Target:
    name: str
    exts: tuple[str, ...]
    # (input path, aux, rng) -> (argv starting with "glossary" or "tm", stdin from the input?)
    argv: Callable[[str, Aux, random.Random], list[str]]
    stdin: bool = False


TARGETS: list[Target] = [
    Target("glossary import", TERMBASE, lambda f, a, r: ["glossary", "import", f, "--into", "out.json"]),
    Target(
        "glossary import --encoding",
        (".json", ".csv", ".tsv", ".po", ".pot"),
        lambda f, a, r: ["glossary", "import", f, "--encoding", r.choice(ENCODINGS), "--into", "out.json"],
    ),
    Target("glossary validate", TERMBASE, lambda f, a, r: ["glossary", "validate", f]),
    Target("glossary lint", LINT, lambda f, a, r: ["glossary", "lint", "-g", a.termbase, f]),
    Target("glossary lint -g", TERMBASE, lambda f, a, r: ["glossary", "lint", "-g", f, a.text]),
    Target(
        "glossary extract",
        LINT,
        lambda f, a, r: ["glossary", "extract", "-g", a.termbase, f, "-o", "out.csv"],
    ),
    Target(
        "glossary print --for",
        FOR,
        lambda f, a, r: ["glossary", "print", "-g", a.termbase, "--for", f, "-o", "out.md"],
    ),
    Target(
        "glossary translit",
        TEXT,
        lambda f, a, r: [
            "glossary",
            "translit",
            "-g",
            a.termbase,
            *r.choice([[], ["--reverse"], ["--detect"]]),
            "-",
        ],
        stdin=True,
    ),
    Target(
        "glossary translit -g",
        TERMBASE,
        lambda f, a, r: ["glossary", "translit", "--reverse", "-g", f, "Trotskii obkoma"],
    ),
    Target(
        "tm convert",
        TM,
        lambda f, a, r: [
            "tm",
            "convert",
            f,
            "-o",
            r.choice(["out.tmx", "out.po", "out.xlf", "out.csv"]),
            "--source-lang",
            "ru",
            "--target-lang",
            "en",
        ],
    ),
    Target("tm import", TM, lambda f, a, r: ["tm", "import", f, "--into", "store.slovnik-tm"]),
    Target("tm check", TM, lambda f, a, r: ["tm", "check", "-g", a.termbase, f]),
    Target("tm check -g", TERMBASE, lambda f, a, r: ["tm", "check", "-g", f, a.memory]),
]
ALL_EXTS = sorted({e for t in TARGETS for e in t.exts} | set(ZIP_EXTS))


def targets_for(ext: str) -> list[Target]:
    return [t for t in TARGETS if ext in t.exts]


def prepare_aux(folder: Path) -> Aux:
    folder.mkdir(parents=True, exist_ok=True)
    pairs = {
        "termbase": ROOT / "tests/data/check/termbase.json",
        "text": ROOT / "examples/article.md",
        "memory": ROOT / "tests/data/check/memory.tmx",
    }
    out = {}
    for key, src in pairs.items():
        dst = folder / src.name
        shutil.copyfile(src, dst)
        out[key] = str(dst)
    return Aux(**out)


def collect_seeds(generated: Path) -> list[tuple[str, bytes, str]]:
    """(name, bytes, extension) of every seed, in a fixed order."""
    seeds = []
    paths = [p for d in SEED_DIRS for p in d.rglob("*") if p.is_file()]
    paths += list(generated.iterdir())
    for path in sorted(paths):
        ext = path.suffix.lower()
        if ext not in ALL_EXTS or path.stat().st_size > MAX_SEED:
            continue
        name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        seeds.append((name, path.read_bytes(), ext))
    return seeds


# --- generated seeds ---------------------------------------------------------------------------

_PARAGRAPHS = [
    "The obkom secretary kept the nomenklatura list in a locked drawer.",
    "In the minutes, Trotskii and Tukhachevskii are spelled three different ways.",
    "The kolkhoz chairman wrote to the raikom about the spring sowing (posevnaia kampaniia).",
    "*Samizdat* copies of the report reached the Politburo before the official text did.",
]


def _normalize_zip(path: Path) -> None:
    """Rewrite an archive with fixed member timestamps and document dates, so that a seed is the same
    bytes on every run (the mutations of a seed number are then the same too)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    stamp = rb"\g<1>2000-01-01T00:00:00Z\g<2>"
    members = [
        (info, re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", stamp, body))
        for info, body in members
    ]
    path.write_bytes(build_zip(members))


def generate_seeds(folder: Path) -> None:
    """Write the formats the tree has no sample of: termbases as CSV/TSV/XLSX/TBX/PO, memories as
    PO/XLIFF 1.2/XLIFF 2/CSV/TSV/XLSX (from the test fixtures, through slovnik's own writers), and
    a DOCX of made-up sentences."""
    import docx

    from glossary.termbase.formats import read_termbase, write_termbase
    from tm.formats import read_tm, write_tm

    folder.mkdir(parents=True, exist_ok=True)
    tb = read_termbase(ROOT / "tests/data/termbase/sample.json")
    for fmt, name in [
        ("csv", "termbase.csv"),
        ("tsv", "termbase.tsv"),
        ("xlsx", "termbase.xlsx"),
        ("tbx", "termbase-v3.tbx"),
        ("tbx2", "termbase-v2.tbx"),
        ("po", "termbase.po"),
    ]:
        write_termbase(tb, folder / name, fmt)
    memory = read_tm(ROOT / "tests/data/check/memory.tmx")
    for fmt, name in [
        ("po", "memory.po"),
        ("xliff", "memory-12.xlf"),
        ("xliff2", "memory-20.xlf"),
        ("csv", "memory.csv"),
        ("tsv", "memory.tsv"),
        ("xlsx", "memory.xlsx"),
    ]:
        write_tm(
            memory.units,
            folder / name,
            fmt,
            source_lang=memory.source_lang or "ru",
            target_lang=memory.target_lang or "en",
        )
    document = docx.Document()
    document.add_heading("Notes on the archive", level=1)
    for text in _PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "obkom", "regional party committee"
    document.save(folder / "article.docx")
    for path in folder.iterdir():
        if path.suffix in ZIP_EXTS:
            _normalize_zip(path)
