"""Hostile word lengths: per-word work is linear in the word's length, and a word past
`limits.LIMITS.max_word` is passed over (lint, extract, detect: with a note) or refused (translit
--reverse), through the library and through the CLIs under a memory and CPU cap."""

from __future__ import annotations

import dataclasses
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app as glossary_app
from glossary.core import limits
from glossary.romanization import reverse as rev
from glossary.termbase.model import Termbase
from tm.cli import app as tm_app

BIN = Path(sys.executable).parent
# Far above what these commands need on this input (~300 MB), far below what the quadratic parse
# took (4 GB for an 8,000-letter word); the CPU cap turns a quadratic regex into a failure, not a hang.
MEMORY_CAP = 1 << 30
CPU_CAP = 90


class _CountingPieces(dict):
    """A scheme's table of pieces, counting look-ups: one per (position, piece length) expanded."""

    calls = 0

    def get(self, key, default=None):
        _CountingPieces.calls += 1
        return super().get(key, default)


def _parse_cost(monkeypatch, word: str) -> tuple[int, int]:
    """(look-ups, peak bytes) of one lc parse of *word*."""
    original = rev._piece_table

    def counting(scheme_id):
        return _CountingPieces(original(scheme_id))

    monkeypatch.setattr(rev, "_piece_table", counting)
    rev._parse("lc", word)  # the trigram model and its caches are built outside the measurement
    _CountingPieces.calls = 0
    tracemalloc.start()
    try:
        rev._parse("lc", word)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return _CountingPieces.calls, peak


# Held states per letter: 48 back pointers at most (about 3.5 KB; 2 KB measured, less when paths
# share their tails); when every state carried its whole text it was 56 KB per letter at a thousand
# letters, and growing with the word.
BYTES_PER_LETTER = 8192


@pytest.mark.parametrize("unit", ["i", "yi"])
def test_reverse_parse_work_and_memory_grow_linearly(monkeypatch, unit):
    n = 200
    steps_n, peak_n = _parse_cost(monkeypatch, (unit * n)[:n])
    steps_4n, peak_4n = _parse_cost(monkeypatch, (unit * 4 * n)[: 4 * n])
    assert steps_n > 0
    assert steps_4n <= 4.5 * steps_n  # a beam: a bounded number of states per position
    assert peak_n <= BYTES_PER_LETTER * n
    assert peak_4n <= BYTES_PER_LETTER * 4 * n


def test_a_word_past_max_word_gets_no_candidates_and_one_under_it_does(monkeypatch):
    word = "Tukh" + "a" * 61  # 65 letters
    monkeypatch.setattr(limits, "LIMITS", dataclasses.replace(limits.LIMITS, max_word=64))
    assert rev.too_long(word)
    assert rev.reverse(word, termbase=Termbase()) == []
    monkeypatch.setattr(limits, "LIMITS", dataclasses.replace(limits.LIMITS, max_word=65))
    assert not rev.too_long(word)
    assert rev.reverse(word, termbase=Termbase())


def test_a_hyphenated_word_keeps_the_best_readings_not_every_combination():
    parts = ["Ya"] + ["ya"] * 7  # 3 readings each: 3 ** 8 = 6,561 combinations
    found = rev._reverse("-".join(parts), Termbase())
    assert 1 <= len(found) <= rev._HYPHENATED_KEPT
    assert found[0].cyrillic == "-".join(["Я"] + ["я"] * 7)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_a_hyphenated_word_of_three_parts_keeps_every_combination():
    parts = [rev._reverse(p, Termbase())[:3] for p in ("Bonch", "Bruevich", "Ivanov")]
    found = rev._reverse("Bonch-Bruevich-Ivanov", Termbase())
    assert len(found) == len(parts[0]) * len(parts[1]) * len(parts[2])


def test_skeleton_of_runs_keeps_its_keys():
    # the run regexes only start at a run's first letter now; the keys are the documented ones
    assert rev.skeleton("Tukhachevskii") == rev.skeleton("Tukhachevsky") == "tuXaCevskI"
    assert rev.skeleton("biiiiiak") == rev.skeleton("bak")
    assert rev.skeleton("Yakir") != rev.skeleton("Akira")
    assert rev.skeleton("yiyiyiyo") == "e"


# ---------------------------------------------------------------- through the CLIs, capped


def _capped():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_CAP, CPU_CAP))


def _run(tool: str, *args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / tool), *map(str, args)],
        cwd=cwd,
        preexec_fn=_capped,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


LONG_EN = (
    "Marshal Tukhachevskii met "
    + "y" * 100_000
    + " and "
    + "Yi" * 50_000
    + " and "
    + "i" * 100_000
    + " in Moscow."
)
LONG_RU = "Маршал Тухачевский и " + "ы" * 100_000 + " и " + "Йи" * 50_000 + " и " + "эу" * 50_000 + " ушёл."


def test_lint_passes_over_huge_words_with_a_note(tmp_path):
    essay = tmp_path / "essay.txt"
    essay.write_text("A first line.\n" + LONG_EN + "\n", encoding="utf-8")
    result = _run("glossary", "lint", essay.name, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert notes[0].startswith("note: essay.txt:2:27: 3 words passed over")
    assert "max-word (64 letters" in notes[0]


def test_lint_notes_nothing_for_ordinary_text(tmp_path):
    essay = tmp_path / "essay.txt"
    essay.write_text("Marshal Tukhachevskii and Marshal Tukhachevsky.\n", encoding="utf-8")
    result = CliRunner().invoke(glossary_app, ["lint", str(essay)])
    assert "note:" not in result.output


def test_extract_passes_over_huge_words_with_a_note(tmp_path):
    text = tmp_path / "notes.md"
    text.write_text(
        "The *"
        + "y" * 100_000
        + '*, or "tangle", and the *kraikom* [regional committee], '
        + "Yi" * 50_000
        + ", or things, and "
        + "Yi" * 30_000
        + " Agency (YA).\n",
        encoding="utf-8",
    )
    result = _run("glossary", "extract", text.name, "-o", "draft.csv", "--include-known", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "notes.md:1:6: 3 words passed over" in result.stderr
    # the ordinary glossed word beside them is still found
    assert ",ru,крайком," in (tmp_path / "draft.csv").read_text("utf-8")


def _tmx(ru: str, en: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" '
        'datatype="plaintext"/>\n<body>\n'
        f'<tu><tuv xml:lang="ru"><seg>{ru}</seg></tuv><tuv xml:lang="en"><seg>{en}</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="ru"><seg>Тухачевский ушёл.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Tukhachevsky left.</seg></tuv></tu>\n</body></tmx>\n'
    )


def _po(ru: str, en: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        f'msgid "{ru}"\nmsgstr "{en}"\n\nmsgid "Тухачевский ушёл."\nmsgstr "Tukhachevsky left."\n'
    )


@pytest.mark.parametrize("name, build", [("memory.tmx", _tmx), ("memory.po", _po)])
def test_tm_check_with_huge_words_stays_within_its_caps(tmp_path, name, build):
    (tmp_path / name).write_text(build(LONG_RU, LONG_EN), encoding="utf-8")
    result = _run("tm", "check", name, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    # the ordinary unit is still checked: Tukhachevskii here, Tukhachevsky there
    assert "translit-variant" in result.stdout


@pytest.mark.parametrize("name, build, line", [("memory.tmx", _tmx, 4), ("memory.po", _po, 6)])
def test_tm_check_notes_the_words_it_passed_over_once(tmp_path, name, build, line):
    ru = "Маршал Тухачевский и " + "ы" * 300 + " ушёл."
    en = "Marshal Tukhachevskii met " + "y" * 200 + " and " + "Yi" * 40 + " in Moscow."
    (tmp_path / name).write_text(build(ru, en), encoding="utf-8")
    result = _run("tm", "check", name, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    notes = [n for n in result.stderr.splitlines() if n.startswith("note:")]
    # the 80-letter word counts too: max-word is 64
    assert notes == [
        f"note: {name}:{line}: 3 words passed over, longer than max-word (64 letters, "
        "[tool.slovnik.limits]); this is the first"
    ]
    assert "translit-variant" in result.stdout  # the ordinary unit is still checked


def test_tm_check_notes_nothing_for_ordinary_words(tmp_path):
    (tmp_path / "memory.tmx").write_text(
        _tmx("Маршал Тухачевский ушёл.", "Marshal Tukhachevskii left."), encoding="utf-8"
    )
    result = CliRunner().invoke(tm_app, ["check", str(tmp_path / "memory.tmx")])
    assert result.exit_code in (0, 1)
    assert "note:" not in result.output


def test_translit_reverse_refuses_a_word_past_the_limit(tmp_path):
    result = CliRunner().invoke(glossary_app, ["translit", "--reverse", "Tukhachevskii " + "y" * 5000])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: <text>:1: a word of 5000 letters (yyy")
    assert "past the limit of 64 letters" in lines[0]
    assert len(lines[0]) < 300


def test_translit_reverse_honours_a_raised_limit(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.slovnik.limits]\nmax-word = 100\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(limits, "LIMITS", limits.Limits())
    result = CliRunner().invoke(glossary_app, ["translit", "--reverse", "-n", "1", "Tukh" + "a" * 70])
    assert result.exit_code == 0, result.output
    assert "no candidates" not in result.output


def test_translit_detect_notes_a_word_past_the_limit():
    result = CliRunner().invoke(glossary_app, ["translit", "--detect", "Tukhachevskii met " + "Yi" * 3000])
    assert result.exit_code == 0
    assert "note: <text>:1:19: a word of 6000 letters passed over" in result.output
    assert "Tukhachevskii" in result.output


# ---------------------------------------------------------------- item 13: quoting, folders


def test_an_error_quotes_at_most_max_quoted_characters_of_input(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("concept_id,lang,term,status\nc1,ru,слово," + "x" * 100_000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(glossary_app, ["validate", str(bad)])
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"error: {bad}:2: unknown status 'xxx")
    assert "x" * limits.LIMITS.max_quoted not in line
    assert "…" in line


def test_a_tm_error_quotes_at_most_max_quoted_characters_of_input(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("x" * 100_000 + "\tb\nc\td\n", encoding="utf-8")
    result = CliRunner().invoke(tm_app, ["convert", str(bad), "-o", str(tmp_path / "out.tmx")])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {bad}:1: no 'source' column")
    assert len(result.output) < 400


def test_tm_import_of_a_folder_says_it_is_a_folder(tmp_path):
    folder = tmp_path / "memories"
    folder.mkdir()
    store = tmp_path / "tm.db"
    result = CliRunner().invoke(tm_app, ["import", str(folder), "--into", str(store)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"error: {folder}: is a folder with no TM files in it"
    )  # a folder of TM files is imported
    assert not store.exists()


def test_the_recogniser_passes_over_a_huge_token_and_still_finds_the_terms_beside_it(monkeypatch):
    from glossary.recognition import recognize
    from glossary.russian import morph
    from glossary.termbase.model import Concept, Term

    index = recognize.TermIndex(
        Termbase(
            [
                Concept("ezhov", type="person", terms=[Term("Ежов", "ru"), Term("Yezhov", "en")]),
                Concept("kolkhoz", terms=[Term("колхоз", "ru"), Term("kolkhoz", "en")]),
            ]
        )
    )
    asked: list[str] = []
    parses, skeleton = morph.parses, index.skeleton
    monkeypatch.setattr(morph, "parses", lambda w: asked.append(w) or parses(w))
    monkeypatch.setattr(index, "skeleton", lambda w: asked.append(w) or skeleton(w))
    huge_ru, huge_en = "ы" * 50_000, "Yi" * 25_000
    ru = index.find_ru(f"Ежова и {huge_ru} в колхозе")
    en = index.find_en(f"Ezhova and {huge_en} in the kolkhozy")
    assert [m.concept_id for m in ru] == ["ezhov", "kolkhoz"]
    assert [m.concept_id for m in en] == ["ezhov", "kolkhoz"]
    assert all(len(w) <= limits.LIMITS.max_word for w in asked)
