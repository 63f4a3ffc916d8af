"""A person's preferred English full name in the termbase is never a finding: conventional forms are
per person (the starter writes Andrei Zhdanov and Andrey Vyshinsky, as English usage does)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from glossary.cli import app
from glossary.termbase.formats import write_termbase
from glossary.termbase.model import Concept, ConceptType, Term, Termbase


def _lint(tmp_path, text: str, *extra: str) -> list[dict]:
    path = tmp_path / "chapter.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(path), "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_the_starters_own_preferred_names_find_nothing(tmp_path):
    text = (
        "At the plenum Andrei Zhdanov spoke first; Andrey Vyshinsky answered him, and "
        "Georgy Pyatakov's letter was read out while Lavrentiy Beria listened.\n"
    )
    assert _lint(tmp_path, text) == []


def test_a_variant_that_is_not_the_preferred_name_is_still_reported(tmp_path):
    text = (
        "Andrey Vyshinsky opened the session. Later Andrei Vyshinsky closed it, "
        "and Andrei Vyshinskii signed the record.\n"
    )
    codes = {f["code"] for f in _lint(tmp_path, text)}
    assert "R101" in codes


def test_own_termbase_person(tmp_path):
    tb = Termbase(
        [
            Concept(
                "pestov",
                type=ConceptType.PERSON,
                terms=[
                    Term("Пестов Савелий Ильич", "ru", status="preferred"),
                    Term("Savely Pestov", "en", status="preferred"),
                ],
            ),
            Concept(
                "saveliev",
                type=ConceptType.PERSON,
                terms=[
                    Term("Савельев Савелий Петрович", "ru", status="preferred"),
                    Term("Savelii Saveliev", "en", status="preferred"),
                ],
            ),
        ]
    )
    tb_path = tmp_path / "people.json"
    write_termbase(tb, tb_path)
    text = "Savely Pestov met Savelii Saveliev at the works.\n"
    assert _lint(tmp_path, text, "-g", str(tb_path)) == []
    # outside the full names the two spellings of Савелий are one name written two ways
    text2 = "Savely Pestov met Savelii Saveliev. Savely came back; Savelii did not.\n"
    assert any(f["code"] == "R101" for f in _lint(tmp_path, text2, "-g", str(tb_path)))
