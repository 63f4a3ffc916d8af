"""Push every TM and termbase file through every writer and validate each output officially.

Usage: .venv/bin/python scripts/interop_sweep.py [PATH …]   (default: ../shared/corpus and the
test fixtures in tests/data/interop, tests/data/tm, tests/data/termbase)

Every file a TM reader takes (by extension) is read whole and written in every TM format; every
TBX, and every PO read as a termbase, is written in every termbase format. Each output is checked
with the official validator where one exists — TMX 1.4b DTD, XLIFF 1.2 strict and 2.0 XSDs, the TBX
core RELAX NG, `msgfmt -c` for PO/POT — and is otherwise read back by slovnik (CSV, TSV, XLSX, JSON,
TBX v2). TM outputs are written by `tm convert` itself. A file that cannot be read is an input error
(listed with slovnik's one-line message); a conversion refused with one line is listed as such (a
control character XML cannot carry); an output that fails its validator is invalid (listed with the
validator's first message), apart from outputs of PO inputs that `msgfmt -c` already refuses (an MO
input: the PO `msgunfmt` gives back). Exit 1
when any other output is invalid. The schemas are the ones the tests use (tests/interop_schemas.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import interop_schemas  # noqa: E402  (the tests' schema loaders, no network)
from typer.testing import CliRunner  # noqa: E402

from glossary.core.errors import FormatNotSupported, GlossaryError  # noqa: E402
from glossary.termbase.formats import FORMATS as TB_FORMATS  # noqa: E402
from glossary.termbase.formats import read_termbase, write_termbase  # noqa: E402
from tm.cli import app as tm_app  # noqa: E402
from tm.formats import FORMATS as TM_FORMATS  # noqa: E402
from tm.formats import format_for, iter_units, read_tm  # noqa: E402

RUNNER = CliRunner()
refusals: list[str] = []  # outputs the writer refused with one line (what the input holds cannot go there)

DEFAULT = [
    ROOT.parent.parent / "shared" / "corpus",
    ROOT / "tests" / "data" / "interop",
    ROOT / "tests" / "data" / "tm",
    ROOT / "tests" / "data" / "termbase",
]
TERMBASE_INPUTS = {".tbx", ".po"}  # read as termbases too (a software PO imported as a glossary)
TM_VALIDATORS = {
    "tmx": "TMX 1.4b DTD",
    "xliff": "XLIFF 1.2 strict XSD",
    "xliff2": "XLIFF 2.0 XSD",
    "po": "msgfmt -c",
    "pot": "msgfmt -c",
}
TB_VALIDATORS = {"tbx": "TBX core RNG", "po": "msgfmt -c"}


def msgfmt(path: Path) -> list[str]:
    done = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, errors="replace"
    )  # msgfmt quotes the file's text in its locale's charset
    return (
        []
        if done.returncode == 0
        else [line for line in done.stderr.splitlines() if "warning" not in line][:1]
    )


def validate(kind: str, path: Path) -> list[str]:
    """The validator's complaints about *path* (empty: valid)."""
    if kind in ("po", "pot"):
        return msgfmt(path)
    validator = {
        "tmx": interop_schemas.tmx,
        "xliff": interop_schemas.xliff12,
        "xliff2": interop_schemas.xliff2,
        "tbx": interop_schemas.tbx,
    }[kind]()
    return interop_schemas.errors(validator, path)[:1]


def tm_outputs(path: Path, tmp: Path, tally: Counter, invalid: list[str]) -> None:
    """`tm convert PATH -o out --to FMT` for every TM format, as a user runs it (languages from the file;
    `--target-lang und` where the output must name a language the file does not)."""
    tm = read_tm(path)  # an unreadable input is an input error, before any conversion
    for fmt in TM_FORMATS:
        out = tmp / f"out.{fmt}"
        args = ["convert", str(path), "-o", str(out), "--to", fmt]
        if not tm.source_lang:
            args += ["--source-lang", "und"]
        if not tm.target_lang and fmt in ("tmx", "xliff2"):
            args += ["--target-lang", "und"]
        result = RUNNER.invoke(tm_app, args)
        if result.exit_code != 0:
            refusals.append(f"{path}: tm → {fmt}: {result.output.strip()}")
            tally["refused in one line"] += 1
            continue
        tally["outputs"] += 1
        if fmt in TM_VALIDATORS:
            problems = validate(fmt, out)
            tally["validated"] += 1
        else:
            problems = (
                []
                if len(list(iter_units(out, fmt))) == len(tm.units)
                else ["unit count differs on read-back"]
            )
            tally["read back"] += 1
        if problems:
            tally["invalid"] += 1
            invalid.append(f"{path}: tm → {fmt} ({TM_VALIDATORS.get(fmt, 'read back')}): {problems[0]}")


def tb_outputs(path: Path, tmp: Path, tally: Counter, invalid: list[str]) -> None:
    tb = read_termbase(path)
    for fmt, spec in TB_FORMATS.items():
        out = tmp / f"tb.{fmt}{spec.extensions[0] if spec.extensions else '.tbx'}"
        try:
            write_termbase(tb, out, fmt)
        except GlossaryError as e:
            refusals.append(f"{path}: termbase → {fmt}: {e}")
            tally["refused in one line"] += 1
            continue
        tally["outputs"] += 1
        if fmt in TB_VALIDATORS:
            problems = validate(fmt, out)
            tally["validated"] += 1
        else:
            problems = (
                [] if len(read_termbase(out, fmt)) == len(tb) else ["concept count differs on read-back"]
            )
            tally["read back"] += 1
        if problems:
            tally["invalid"] += 1
            invalid.append(f"{path}: termbase → {fmt} ({TB_VALIDATORS.get(fmt, 'read back')}): {problems[0]}")


def main(argv: list[str]) -> int:
    if shutil.which("msgfmt") is None:
        print("msgfmt (GNU gettext) is needed for PO validation", file=sys.stderr)
        return 2
    roots = [Path(a) for a in argv] or [p for p in DEFAULT if p.exists()]
    files = sorted(
        p for root in roots for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()
    )
    tally: Counter = Counter()
    invalid: list[str] = []
    input_errors: list[str] = []
    broken_inputs: set[str] = set()  # PO inputs msgfmt -c already refuses
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            read_as = []
            try:
                format_for(path)
                read_as.append(("TM", tm_outputs))
            except FormatNotSupported:
                pass
            if path.suffix.lower() in TERMBASE_INPUTS:
                read_as.append(("termbase", tb_outputs))
            if not read_as:
                tally["skipped (no reader)"] += 1
                continue
            tally["files"] += 1
            if path.suffix.lower() in (".po", ".pot") and msgfmt(path):
                broken_inputs.add(str(path))
            if path.suffix.lower() == ".mo" and shutil.which(
                "msgunfmt"
            ):  # the catalogue it was compiled from
                source = Path(tmp) / "unfmt.po"
                done = subprocess.run(["msgunfmt", str(path), "-o", str(source)], capture_output=True)
                if done.returncode == 0 and msgfmt(source):
                    broken_inputs.add(str(path))
            print(f"{path}", file=sys.stderr, flush=True)
            for what, run in read_as:
                tally[f"{what} inputs"] += 1
                try:
                    run(path, Path(tmp), tally, invalid)
                except GlossaryError as e:
                    tally[f"{what} input errors"] += 1
                    input_errors.append(f"{what}: {e}")
    print("Input errors (slovnik's message; the file itself is at fault):")
    print("\n".join(f"  {line}" for line in input_errors) or "  none")
    print("Refused with one line (the input holds what the format cannot carry):")
    print("\n".join(f"  {line}" for line in refusals) or "  none")
    inherited = [line for line in invalid if line.split(": ", 1)[0] in broken_inputs]
    print("Invalid outputs of inputs that fail the same validator themselves (msgfmt -c):")
    print("\n".join(f"  {line}" for line in inherited) or "  none")
    print("Invalid outputs:")
    print("\n".join(f"  {line}" for line in invalid if line not in inherited) or "  none")
    tally["invalid (input already invalid)"] = len(inherited)
    tally["invalid"] -= len(inherited)
    print(", ".join(f"{k} {v}" for k, v in tally.items()))
    return 1 if tally["invalid"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
