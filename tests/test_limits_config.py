"""`[tool.slovnik.limits]` applies to every command of both CLIs, whether or not the command reads
the rest of the config (a termbase given by --glossary, a TM file given on the command line)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from glossary.cli import app as glossary_app
from glossary.core import limits
from tm.cli import app as tm_app

LONG = "x" * 5_000


@pytest.fixture
def short_quotes(tmp_path, monkeypatch):
    """A project folder whose config quotes at most 30 characters of a bad input line."""
    (tmp_path / "pyproject.toml").write_text("[tool.slovnik.limits]\nmax-quoted = 30\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(limits, "LIMITS", limits.Limits())  # the run under test applies the config
    return tmp_path


def _quoted_xs(output: str) -> int:
    """The longest run of x quoted in *output*."""
    return max(map(len, re.findall("x+", output)), default=0)


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "c1", "-g", "bad.csv"],
        ["search", "слово", "-g", "bad.csv"],
        ["validate", "bad.csv"],
        ["export", "out.json", "-g", "bad.csv"],
        ["translit", "--reverse", "Tukhachevskii", "-g", "bad.csv"],
    ],
)
def test_glossary_commands_apply_the_limits_with_a_termbase_given(short_quotes, argv):
    (short_quotes / "bad.csv").write_text(
        f"concept_id,lang,term,status\nc1,ru,слово,{LONG}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(glossary_app, argv)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: bad.csv:2: unknown status 'xxx")
    assert 20 <= _quoted_xs(result.output) < 30  # cut to max-quoted (30), not the default 120


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "bad.tsv", "-o", "out.tmx"],
        ["import", "bad.tsv", "--into", "tm.db"],
        ["check", "bad.tsv", "-g", "tb.json"],
    ],
)
def test_tm_commands_apply_the_limits(short_quotes, argv):
    (short_quotes / "bad.tsv").write_text(f"{LONG}\tb\nc\td\n", encoding="utf-8")
    (short_quotes / "tb.json").write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": []}\n', encoding="utf-8"
    )
    result = CliRunner().invoke(tm_app, argv)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: bad.tsv:1: no 'source' column")
    assert 20 <= _quoted_xs(result.output) < 30, result.output


def test_a_quoted_input_line_never_breaks_the_error_line():
    from glossary.core import limits

    quoted = limits.quote("name,\rtype\u2028kind\x00, термин")
    assert quoted == "name,\\rtype\\u2028kind\\x00, термин"
    assert quoted.isprintable()
