"""The README's example runs on the bundled example files, checked or regenerated.

Every `$ glossary …` / `$ tm …` line in a README console block whose file arguments are all under
`examples/`, which writes nothing (no `-o`, `--into`, `--fix`, `--write-…`) and documents no error
(tests/test_readme_errors.py owns those), is run in-process from the repository root; the lines under
it up to the next `$ ` line are its output.

    python scripts/readme_examples.py           # rewrite those outputs in README.md
    python scripts/readme_examples.py --check   # exit 1 and show the drift instead
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.M | re.S)
_WRITES = {"-o", "--output", "--into", "--fix", "--write-suppressions", "--diff"}


def _runnable(command: str) -> list[str] | None:
    """The argv of a command this script runs, or None."""
    if any(c in command for c in "|;<>#$`"):
        return None
    argv = shlex.split(command)
    if not argv or argv[0] not in ("glossary", "tm") or _WRITES & set(argv):
        return None
    files = [a for a in argv[1:] if "/" in a or re.search(r"\.[a-z]{2,4}$", a)]
    if not files or not all(a.startswith("examples/") and (ROOT / a).exists() for a in files):
        return None
    return argv


def run(argv: list[str]) -> list[str]:
    from typer.testing import CliRunner

    from glossary.cli import app as glossary_app
    from tm.cli import app as tm_app

    app = {"glossary": glossary_app, "tm": tm_app}[argv[0]]
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, argv[1:])
    finally:
        os.chdir(here)
    return result.output.rstrip("\n").splitlines()


def examples(text: str):
    """(start, end, argv, documented lines) of each runnable example, offsets into *text*."""
    for block in _BLOCK.finditer(text):
        body, base = block.group(1), block.start(1)
        runs = list(re.finditer(r"^\$ (.*)\n", body, re.M))
        for i, m in enumerate(runs):
            end = runs[i + 1].start() if i + 1 < len(runs) else len(body)
            output = body[m.end() : end]
            argv = _runnable(m.group(1))
            if argv is None or re.search(r"^error:", output, re.M):
                continue
            yield base + m.end(), base + end, argv, output.rstrip("\n").splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="report drift (exit 1) instead of rewriting")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    text = README.read_text(encoding="utf-8")
    drift, pieces, at = 0, [], 0
    for start, end, argv, documented in examples(text):
        printed = run(argv)
        if printed != documented:
            drift += 1
            if args.check:
                sys.stdout.writelines(
                    difflib.unified_diff(
                        [f"{line}\n" for line in documented],
                        [f"{line}\n" for line in printed],
                        "README: $ " + shlex.join(argv),
                        "today",
                    )
                )
        pieces += [text[at:start], "".join(f"{line}\n" for line in printed)]
        at = end
    pieces.append(text[at:])
    if args.check:
        print(
            f"{drift} README example(s) differ from what the command prints"
            if drift
            else "every README example on examples/ is what the command prints"
        )
        return 1 if drift else 0
    README.write_text("".join(pieces), encoding="utf-8")
    print(f"rewrote {drift} README example(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
