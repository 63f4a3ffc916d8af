"""S302's codec-pair table (Russian single-byte codecs read as one another, which ftfy leaves alone)
and S301's rule that a homoglyph fix is safe only when it is the one reading. Sentences made up here;
the damaged words are made by encoding and decoding in the test, so each case names its codecs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.lint.engine import LintSettings, lint_documents
from glossary.lint.mojibake import codec_pairs, repair
from glossary.lint.sources import read_document

LINT = Path(__file__).parent / "data" / "lint"


def _lint(house, tmp_path: Path, text: str, select: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return lint_documents(
        [read_document(tmp_path / "a.txt")], LintSettings(scheme="lc", select=[select]), house
    )


def _garble(word: str, written: str, read: str) -> str:
    return word.encode(written).decode(read)


@pytest.mark.parametrize(
    ("written", "read", "word"),
    [
        ("koi8-r", "cp1251", "Троцкий"),  # title case comes out as уФ… (lower, then capitals)
        ("koi8-r", "cp1251", "колхоз"),  # lower case comes out in capitals
        ("cp1251", "koi8-r", "Бухарин"),
        ("cp1251", "latin-1", "Молотов"),
        ("utf-8", "koi8-r", "Зиновьев"),
        ("utf-8", "cp1251", "ВЧК"),  # short capitals: ftfy's badness test passes over them
    ],
)
def test_s302_decodes_a_cross_decoded_russian_word_back(house, tmp_path, written, read, word):
    damaged = _garble(word, written, read)
    found = _lint(house, tmp_path, f"The archive card read {damaged}, in pencil.\n", "S302")
    assert [(f.text, f.fix.replacement, f.fix.safe) for f in found] == [(damaged, word, True)]
    assert (found[0].extra["written"], found[0].extra["read"]) == (written, read)


def test_s302_leaves_real_words_acronyms_and_french_alone(house, tmp_path):
    text = (
        "A naïve émigré ordered a crème brûlée at the café in Orléans.\n"
        "The ЦК and НКВД met; Москва and колхоз are plain Russian; Ça va, Ådal, Øresund.\n"
    )
    assert _lint(house, tmp_path, text, "S302") == []


def test_s302_cp1251_read_as_windows_1252_is_the_latin_1_case(house, tmp_path):
    damaged = _garble("совнарком", "cp1251", "cp1252")
    found = _lint(house, tmp_path, f"Stamp: {damaged}.\n", "S302")
    assert [(f.text, f.fix.replacement) for f in found] == [(damaged, "совнарком")]


def test_s302_ftfy_cases_are_reported_once(house, tmp_path):
    damaged = _garble("Сталин", "utf-8", "cp1252")
    found = _lint(house, tmp_path, f"The headline: {damaged}.\n", "S302")
    assert [(f.text, f.fix.replacement) for f in found] == [(damaged, "Сталин")]


def test_repair_needs_every_decoded_word_known():
    assert repair(_garble("Ежов", "cp1251", "latin-1")) == ("Ежов", codec_pairs()[3])
    assert repair(_garble("ьъыщщ", "cp1251", "latin-1")) is None  # decodes, but to no Russian word
    assert repair("Москва") is None


def test_s301_fix_is_safe_only_when_it_is_the_one_reading(house, tmp_path):
    # Cyrillic С in "Сovet" looks like C but sounds like S: Covet or Sovet (совет) — not a safe fix.
    # Cyrillic е in "plenumе" looks and sounds like e; Р in "Рrague" sounds like r, and "Rrague" is
    # no word; Latin o in "Мoсква" gives the known word Москва.
    text = "The Сovet delegation and the plenumе met; Мoсква agreed; Рrague too.\n"
    found = _lint(house, tmp_path, text, "S301")
    assert [(f.text, f.fix.replacement, f.fix.safe) for f in found] == [
        ("Сovet", "Covet", False),
        ("plenumе", "plenume", True),
        ("Мoсква", "Москва", True),
        ("Рrague", "Prague", True),
    ]


def test_s301_cyrillic_repair_to_an_unknown_word_is_not_safe(house, tmp_path):
    found = _lint(house, tmp_path, "Слово Сxyщпр здесь.\n", "S301")
    assert [(f.text, f.fix.safe if f.fix else None) for f in found] == [("Сxyщпр", False)]


def test_suspect_runs_pass_over_words_longer_than_the_bound():
    from glossary.lint.mojibake import suspect_runs

    text = "plain " + "y" * 5000 + "Ж tail Ð¡Ð¾Ð²ÐµÑ‚ end"
    found = [m.group() for m in suspect_runs(text, 40)]
    assert found == ["Ð¡Ð¾Ð²ÐµÑ‚"]  # the 5,001-character run is no word: passed over, not scanned


# Letters of every kind suspect_runs tells apart: plain Latin, Cyrillic, Latin-1, box drawing, digits
# and punctuation, and whitespace that is not an ASCII space (no-break, em and ideographic spaces).
_RUN_ALPHABET = "ab.1жЖÅÐ─\u00a0\u2003\u3000 \t\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_RUN_ALPHABET, max_size=40), st.integers(min_value=1, max_value=12))
def test_suspect_runs_are_the_whitespace_free_runs_holding_a_suspect_letter(text, longest):
    """suspect_runs starts from the suspect letters; what it yields must still be exactly the
    whitespace-free runs (of at most *longest* characters) that hold one, with the same spans."""
    import re

    from glossary.lint.mojibake import suspect_runs

    suspect = re.compile("[\u0400-\u04ff\u00c0-\u00ff\u2500-\u257f]")
    expected = [
        m.span() for m in re.finditer(r"\S+", text) if len(m.group()) <= longest and suspect.search(m.group())
    ]
    assert [m.span() for m in suspect_runs(text, longest)] == expected
