"""`may_read`, the linter's quick test before full reverse romanization: it may only say "no
reading" when `reverse` indeed gives no known word (and, asked for surname endings, no reading that
ends so). A wrong True would silently drop a Russian word from the lint, so it is checked against
the full reverse romanizer on romanizations of real words, on English words, and on random Latin."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.lint.romanized import normalize_marks
from glossary.lint.tables import house_readings
from glossary.romanization.lexicon import Lexicon
from glossary.romanization.quick import may_read
from glossary.romanization.reverse import reverse
from glossary.romanization.romanize import SCHEME_IDS, romanize


def surely_unread(word: str, **kwargs) -> bool:
    """The quick test's "no reading at all": no known word, no reading with one of the endings."""
    return not any(may_read(word, **kwargs))


ENDINGS = frozenset({"ов", "ев", "ёв", "ин", "ский", "енко", "ая"})

RUSSIAN = ["хрущёв", "дмитрий", "щёлково", "объявление", "тухачевский", "ещё", "вьюга"]
ENGLISH = ["Composers", "Robespierre", "Revolutionaries", "Mansfield", "Byzantine", "matters", "Opp"]


def _agrees(word: str, lexicon: Lexicon | None = None) -> None:
    """When the quick test says "no reading", the full one finds no known word and no candidate
    with one of the endings, and no scheme's letter table (the linter's fast path) reads it."""
    known, _ = may_read(word, lexicon=lexicon)
    if not known and word.isascii() and word.isalpha():
        key = normalize_marks(word).lower()
        assert not [(s, house_readings(s, key)) for s in SCHEME_IDS if house_readings(s, key)], word
    if not surely_unread(word, lexicon=lexicon, endings=ENDINGS):
        return
    ranked = reverse(word, lexicon=lexicon, limit=100_000)
    assert not [c.cyrillic for c in ranked if c.known], word
    assert not [c.cyrillic for c in ranked if any(c.cyrillic.lower().endswith(e) for e in ENDINGS)], word


def test_romanized_dictionary_words_are_never_ruled_out():
    for cyr in RUSSIAN:
        for scheme in SCHEME_IDS:
            latin = romanize(cyr, scheme)
            assert not surely_unread(latin), (cyr, scheme, latin)
            assert not surely_unread(latin.capitalize(), endings=ENDINGS), (cyr, scheme, latin)


def test_english_words_are_ruled_out_and_the_full_reading_agrees():
    ruled_out = [w for w in ENGLISH if surely_unread(w, endings=ENDINGS)]
    assert len(ruled_out) >= 5, ruled_out  # the point of the test: most English words need no beam
    for word in ENGLISH:
        _agrees(word)


def test_a_surname_shaped_reading_is_kept_for_a_word_no_dictionary_knows():
    # Pepeliaev, Zuborylov: no dictionary word, but they may be surnames (-ев, -ов), so the full
    # reading runs.
    assert surely_unread("pepeliaev")
    for scheme in SCHEME_IDS:
        assert not surely_unread(romanize("Пепеляев", scheme), endings=ENDINGS)
    assert not surely_unread("Zuborylov", endings=ENDINGS)
    assert surely_unread("Zuborylqt", endings=ENDINGS)


def test_a_termbase_form_the_dictionary_lacks_keeps_the_word():
    lexicon = Lexicon(forms=frozenset({"зуборыльщина"}))
    assert surely_unread("zuborylshchina")
    assert not surely_unread("zuborylshchina", lexicon=lexicon)
    _agrees("zuborylshchina", lexicon)


def test_words_with_apostrophes_and_hyphens():
    assert not surely_unread('ob"iavlenie')
    assert not surely_unread("v'iuga")
    assert not surely_unread("Bonch-Bruevich")  # hyphenated: always the full reading
    for word in ("ob''iavlenie", "vy'yuga", "v'i'uga"):
        _agrees(word)


_LATIN = st.text(alphabet="abcdehijklmnoprstuvyzkh'", min_size=3, max_size=10)


@settings(max_examples=150, deadline=None)
@given(_LATIN, st.booleans())
def test_random_latin_the_quick_test_never_contradicts_reverse(word, capital):
    _agrees(word.capitalize() if capital else word)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(RUSSIAN), st.sampled_from(SCHEME_IDS), st.integers(0, 8), st.sampled_from("aeiouyk"))
def test_near_misses_of_romanized_words_agree_with_reverse(cyr, scheme, at, letter):
    latin = romanize(cyr, scheme)
    _agrees(latin[:at] + letter + latin[at + 1 :])
