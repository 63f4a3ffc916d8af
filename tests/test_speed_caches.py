"""The start-up caches of the linter: wordfreq lookups through an SQLite copy (glossary.russian.frequency),
the reverse romanizer's trigram counts on disk, and the batched round trip of reverse readings. Each
must give exactly what the slow path gives."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from glossary.core import termcache
from glossary.romanization import reverse
from glossary.russian import frequency

WORDS = [
    "committee",
    "moskva",
    "émigré",
    "straße",
    "piłsudski",
    "o'brien",
    "tv-set",
    "x1",
    "Capital",
    "колхоз",
    "москва",
    "вчк",
    "ёлка",
    "Москва",
    "mоskva",
    "zzzqxj",
    "щщщыыы",
    "",
]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_zipf_is_wordfreqs_value_for_every_kind_of_word(lang):
    frequency.zipf.cache_clear()
    for word in WORDS:
        assert frequency.zipf(word, lang) == zipf_frequency(word, lang), word


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_prefetched_zipf_is_wordfreqs_value(lang):
    frequency.zipf.cache_clear()
    frequency._FETCHED[lang].clear()
    frequency.prefetch([w.lower() for w in WORDS] + ["zzzqxj", "committee"], lang)
    assert frequency._FETCHED[lang], "nothing was fetched"
    for word in WORDS:
        assert frequency.zipf(word, lang) == zipf_frequency(word, lang), word


def test_zipf_uses_the_sqlite_copy_in_the_cache_folder():
    frequency.zipf("committee", "en")
    folder = termcache.cache_dir()
    assert folder is not None and list(folder.glob("wordfreq-en-*.sqlite"))
    assert frequency._connection("en") is not None


def test_zipf_with_the_cache_off_asks_wordfreq(monkeypatch):
    monkeypatch.setenv("SLOVNIK_CACHE_DIR", "off")
    frequency._connection.cache_clear()
    frequency.zipf.cache_clear()
    try:
        assert frequency._connection("en") is None
        assert frequency.zipf("committee", "en") == zipf_frequency("committee", "en") > 3
    finally:
        frequency._connection.cache_clear()
        frequency.zipf.cache_clear()


def test_bucket_arithmetic_matches_wordfreq_across_the_scale():
    from wordfreq import get_frequency_list

    for index, bucket in enumerate(get_frequency_list("en")):
        plain = [w for w in bucket if w.isascii() and w.isalpha() and w.islower()]
        if plain:
            assert frequency._bucket_zipf(index) == zipf_frequency(plain[0], "en"), plain[0]


def test_trigram_counts_from_the_cache_score_as_freshly_counted():
    cached = reverse._model()
    fresh = reverse._TrigramModel(reverse._model_counts())
    for word in ("тухачевский", "колхоз", "qxz", "ьъ"):
        assert cached.score(word) == fresh.score(word)


def test_batched_round_trip_agrees_with_word_by_word():
    cyrs = ["ежов", "хрущёв", "объявил", "достоевский", "ильич", "юрий", "щука", "ъ", "льв"]
    for sid in reverse.SCHEME_IDS:
        for cyr in cyrs:
            target = reverse._engines(sid)[0].lower_word(cyr)
            batched = reverse._round_trips(sid, cyrs, target)
            assert batched == [reverse._produces(sid, c, target) for c in cyrs], (sid, cyr)


def test_zipf_works_from_a_cache_folder_with_odd_characters(monkeypatch, tmp_path):
    folder = tmp_path / "my cache #1 ?x"
    monkeypatch.setenv("SLOVNIK_CACHE_DIR", str(folder))
    frequency._connection.cache_clear()
    frequency.zipf.cache_clear()
    try:
        assert frequency.zipf("committee", "en") == zipf_frequency("committee", "en")
        assert frequency._connection("en") is not None
        assert list(folder.glob("wordfreq-en-*.sqlite"))
    finally:
        frequency._connection.cache_clear()
        frequency.zipf.cache_clear()


def test_after_a_fork_the_child_opens_its_own_connection_and_keeps_the_parents():
    inherited = frequency._connection("en")
    assert inherited is not None
    frequency.after_fork()
    try:
        own = frequency._connection("en")
        assert own is not None and own is not inherited
        assert inherited in frequency._INHERITED  # never closed from the child
        assert frequency.zipf("committee", "en") == zipf_frequency("committee", "en")
    finally:
        frequency._INHERITED.clear()
