"""The README's `glossary print` examples are what the command prints and writes: each `$ glossary
print -o …` line's output, and the excerpts of the Markdown and LaTeX files it shows ("…" stands for
text left out)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
_SECTION = README[README.index("### `glossary print`") :]
_SECTION = _SECTION[: _SECTION.index("#### The outputs")]
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


def _examples() -> list[tuple[list[str], str]]:
    out = []
    for block in _BLOCK.finditer(_SECTION):
        lines = block.group(1).splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ glossary print -o ") and "cjk.json" not in line:
                out.append((shlex.split(line[2:])[2:], lines[i + 1]))
    return out


EXAMPLES = _examples()


def _excerpt(lang: str, file_name: str) -> str:
    at = _SECTION.index(f"`{file_name}`")
    start = _SECTION.index(f"```{lang}\n", at) + len(lang) + 4
    return _SECTION[start : _SECTION.index("```", start)]


def _print(argv: list[str], tmp_path: Path) -> tuple[str, Path]:
    out = tmp_path / argv[argv.index("-o") + 1]
    argv = [str(out) if a == out.name else (str(ROOT / a) if a.startswith("examples/") else a) for a in argv]
    result = CliRunner().invoke(app, ["print", *argv])
    assert result.exit_code == 0, result.output
    return result.output.strip().replace(str(out), out.name), out


def test_the_examples_were_found():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("argv", "documented"), EXAMPLES, ids=[" ".join(a) for a, _ in EXAMPLES])
def test_print_example_output(argv, documented, tmp_path):
    printed, out = _print(argv, tmp_path)
    assert printed == documented
    if out.name in ("chapter.md", "security.tex"):
        text = out.read_text(encoding="utf-8")
        excerpt = _excerpt("markdown" if out.suffix == ".md" else "latex", out.name)
        if "…" not in excerpt:
            assert text.startswith(excerpt)
        for piece in excerpt.split("…"):
            for line in piece.strip(" ;,\n").splitlines():
                assert line.strip(" ;,") in text
