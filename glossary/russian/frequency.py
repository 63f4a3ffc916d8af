"""Word frequencies (wordfreq's Zipf values) without loading wordfreq's whole lists into memory.

`wordfreq.zipf_frequency` builds a dict of the complete list on its first call: 713,000 Russian words
(1.5 s) and 321,000 English ones (0.3 s), plus 0.2–0.5 s to import wordfreq itself. A lint run asks
about a few thousand words. Here the lists are copied once into an SQLite file in the user cache folder
(glossary.core.termcache.cache_dir; keyed by the wordfreq data file's size and time, so a new wordfreq
rebuilds it), and each lookup is one indexed query.

Only a word that wordfreq's tokenizer would keep as it is (plain lower-case letters of the language's
alphabet) is looked up here; anything else (digits, hyphens, apostrophes, capitals, other scripts) and
every lookup when the cache is off goes to wordfreq itself, so the value is always wordfreq's own.
`zipf("Moskva", "en")` == `wordfreq.zipf_frequency("Moskva", "en")` for every input.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..core import termcache

# Words of plain lower-case letters of one of these alphabets are single tokens that wordfreq looks
# up unchanged (its normalisation, NFC and casefold, keeps them). Accented Latin letters count too
# (émigré, Piłsudski), but not the few that casefold changes (ß → ss). A word mixing the two
# alphabets is left to wordfreq.
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz") | {
    c for c in map(chr, range(0xDF, 0x250)) if c.isalpha() and c.islower() and c.casefold() == c
}
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_LANGS = ("en", "ru")


def _plain(word: str) -> bool:
    return bool(word) and (_LATIN.issuperset(word) or _CYRILLIC.issuperset(word))


_SCHEMA = 3  # bump when the table layout or the Zipf arithmetic below changes


def _data_file(lang: str) -> Path | None:
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for size in ("large", "small"):  # wordfreq's "best": large when there is one
            path = Path(folder) / "data" / f"{size}_{lang}.msgpack.gz"
            if path.is_file():
                return path
    return None


def _bucket_zipf(index: int) -> float:
    """wordfreq.zipf_frequency's arithmetic for a one-token word in centibel bucket *index*
    (wordfreq.get_frequency_dict, _word_frequency, zipf_frequency with minimum 0), step by step so the
    float rounding is the same."""
    freq = 10.0 ** (-index / 100)  # cB_to_freq(-index)
    freq = 1.0 / (0.0 + 1.0 / freq)
    unrounded = max(freq, 10**0 / 1e9)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    freq = round(unrounded, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


def _build(lang: str, path: Path) -> None:
    from wordfreq import get_frequency_list

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        try:
            con.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID")
            # one Zipf value per bucket (hundreds of buckets, 713,000 words)
            rows = (
                (word, zipf)
                for i, bucket in enumerate(get_frequency_list(lang, "best"))
                for zipf in (_bucket_zipf(i),)
                for word in bucket
                if _plain(word)
            )
            con.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", rows)
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)
        return
    for old in path.parent.glob(f"wordfreq-{lang}-*.sqlite"):
        if old != path:
            old.unlink(missing_ok=True)


def data_stamp(lang: str) -> str | None:
    """The size and time of wordfreq's list for *lang*: part of the key of anything cached from it."""
    data = _data_file(lang)
    if data is None:
        return None
    st = data.stat()
    return f"{st.st_size}-{st.st_mtime_ns}"


@cache
def _connection(lang: str) -> sqlite3.Connection | None:
    folder = termcache.cache_dir()
    stamp = data_stamp(lang)
    if folder is None or stamp is None or lang not in _LANGS:
        return None
    path = folder / f"wordfreq-{lang}-{_SCHEMA}-{stamp}.sqlite"
    if not path.is_file():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        _build(lang, path)
    try:
        # as_uri() percent-encodes the path: a cache folder may have spaces, # or ? in its name
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        con.execute("SELECT zipf FROM words LIMIT 1").fetchall()
    except sqlite3.Error:
        return None
    _OPENED.append(con)
    return con


_OPENED: list[sqlite3.Connection] = []  # every connection this process opened (after_fork keeps them)
_INHERITED: list[sqlite3.Connection] = []


def after_fork() -> None:
    """In a forked child: open new connections on next use. SQLite's rule is that a child must not
    use its parent's connections; they are kept referenced, never closed from the child."""
    _INHERITED.extend(_OPENED)
    _OPENED.clear()
    _connection.cache_clear()


# Values fetched ahead by `prefetch`, per language (the lru_cache below keeps what it looks up itself).
_FETCHED: dict[str, dict[str, float]] = {lang: {} for lang in _LANGS}
_BATCH = 500  # words per query (SQLite's default limit is 32,766 parameters)


def prefetch(words: Iterable[str], lang: str) -> None:
    """Look up many words at once (a run knows its words up front): a few queries instead of one per
    word. Only plain words are fetched; `zipf` answers the rest as before."""
    con = _connection(lang) if lang in _LANGS else None
    if con is None:
        return
    fetched = _FETCHED[lang]
    todo = [w for w in dict.fromkeys(words) if w not in fetched and _plain(w)]
    if len(fetched) + len(todo) > _MAX_FETCHED:
        fetched.clear()
    for i in range(0, len(todo), _BATCH):
        chunk = todo[i : i + _BATCH]
        marks = ",".join("?" * len(chunk))
        try:
            rows = dict(con.execute(f"SELECT word, zipf FROM words WHERE word IN ({marks})", chunk))
        except sqlite3.Error:
            return
        for w in chunk:
            fetched[w] = rows.get(w, 0.0)


_MAX_FETCHED = 400_000  # a long-running language server forgets past this many


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of *word* in *lang* (its "best" list; 0.0 for an unknown word)."""
    found = _FETCHED[lang].get(word) if lang in _LANGS else None
    if found is not None:
        return found
    con = _connection(lang) if lang in _LANGS and _plain(word) else None
    if con is not None:
        try:
            row = con.execute("SELECT zipf FROM words WHERE word = ?", (word,)).fetchone()
        except sqlite3.Error:
            row = None
        else:
            return row[0] if row else 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
