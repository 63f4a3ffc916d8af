"""Letter-table readings: the dictionary words each scheme's own letter table spells as a Latin
word (glossary.lint.romanized reads a word this way first; only a word no table reads goes on to
full reverse romanization). Every function here is pure and memoised with `shared_memo`, so a
helper process's values can be taken over (glossary.lint.parallel).
"""

from __future__ import annotations

from functools import lru_cache

from ..core import limits
from ..core.memo import shared_memo

_NAME_TAGS = ("Name", "Surn", "Patr", "Geox")


# The sign marks a romanized word may carry (glossary.lint.romanized re-exports them).
SOFT_MARKS = "'’ʹʼ"
HARD_MARKS = 'ʺ"″'
ALL_MARKS = SOFT_MARKS + HARD_MARKS
_MARKS_AS_SIGNS = str.maketrans({**dict.fromkeys(SOFT_MARKS, "'"), **dict.fromkeys(HARD_MARKS, '"')})


MARK_SET = frozenset(ALL_MARKS)


def normalize_marks(word: str) -> str:
    """Every soft-sign mark as `'` and every hard-sign mark as `"`, so mark styles compare equal."""
    # Most words have no mark: a set test costs a fifth of str.translate (called 100,000s of times).
    return word if MARK_SET.isdisjoint(word) else word.translate(_MARKS_AS_SIGNS)


@shared_memo
def _written(cyrillic: str, scheme_id: str) -> str:
    """How *scheme_id* writes the lower-case word *cyrillic*, marks normalised: the key the readings
    below compare with (a word found by one scheme's table is checked against every scheme)."""
    from ..romanization.romanize import romanize

    return normalize_marks(romanize(cyrillic, scheme_id)).lower()


def _schemes_writing(cyrillic: str, key: str) -> tuple[str, ...]:
    from ..romanization.romanize import SCHEME_IDS

    return tuple(s for s in SCHEME_IDS if _written(cyrillic, s) == key)


# ---------------------------------------------------------------- the house-scheme fast path

_MAX_STEPS = 3000


@lru_cache(maxsize=32)
def _inverse_letters(scheme_id: str) -> tuple[dict[str, tuple[str, ...]], int]:
    """Latin piece → Cyrillic letters for one scheme: its letter table plus the outputs of its
    context rules (wikipedia -y for -ий, bgn ye for е); the contexts are checked afterwards by
    romanizing each result back."""
    from ..romanization.romanize import get_scheme

    scheme = get_scheme(scheme_id)
    pairs = [(cyr, lat) for cyr, lat in scheme.letter_map().items()]
    pairs += [(rule.match, rule.output) for rule in scheme.all_rules()]
    pieces: dict[str, list[str]] = {}
    for cyr, lat in pairs:
        if lat and cyr.islower() and cyr not in pieces.get(normalize_marks(lat).lower(), []):
            pieces.setdefault(normalize_marks(lat).lower(), []).append(cyr)
    return {k: tuple(v) for k, v in pieces.items()}, max(map(len, pieces))


def _is_name(cyr: str) -> bool:
    from ..russian import morph

    return any(p.is_known and any(t in p.tag for t in _NAME_TAGS) for p in morph.parses(cyr))


def _is_given_name(cyr: str) -> bool:
    """Is *cyr* a given name in its dictionary form (гаврил; not горки, нарим's plural reading)?"""
    from ..russian import morph

    return any(p.is_known and "Name" in p.tag and p.normal_form == cyr for p in morph.parses(cyr))


@shared_memo
def table_readings(
    house: str, key: str, capitalized: bool = False
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(dictionary word, schemes that write it exactly as *key*) for every scheme's letter table,
    the house scheme's readings first, then those more schemes agree on. Empty when no scheme
    parses *key* into a dictionary word: the caller falls back to full reverse romanization."""
    from ..romanization.romanize import SCHEME_IDS
    from ..russian import morph

    if not dictionary_word_possible(key):
        return ()
    words: dict[str, None] = {}
    for scheme_id in (house, *(s for s in SCHEME_IDS if s != house)):
        words.update(dict.fromkeys(house_readings(scheme_id, key)))
    out = []
    for cyr in words:
        schemes = tuple(s for s in SCHEME_IDS if _written(cyr, s) == key)
        out.append((cyr, schemes))

    # A capitalised word is most likely a name, and a name in its dictionary form (Lavrentii:
    # лаврентий, not the plural лаврентии), whatever the house scheme (Dmitry is дмитрий, not the
    # LC reading дмитры); then the house scheme's reading, then the one more schemes agree on.
    def rank(item):
        cyr, schemes = item
        name = capitalized and _is_name(cyr)
        return (
            capitalized and not name,
            name and morph.lemma(cyr) != cyr,
            house not in schemes,
            -len(schemes),
            -morph.score(cyr),
        )

    out.sort(key=rank)
    return tuple(out)


@shared_memo
def dictionary_word_possible(key: str) -> bool:
    """May some scheme's letter table spell a dictionary word as *key*? False only when the quick
    test (glossary.romanization.reverse.may_read, every scheme's pieces at once) rules it out, for a
    plain ASCII key: one search instead of the eight `house_readings` would make."""
    from ..romanization.quick import may_read

    if not (key.isascii() and key.isalpha()) or len(key) > limits.LIMITS.max_word:
        return True
    return may_read(key)[0]


@shared_memo
def house_readings(scheme_id: str, key: str) -> tuple[str, ...]:
    """Dictionary words (lower case) that *scheme_id* writes exactly as *key* (marks normalised).

    A depth-first parse with the scheme's own letter table, pruned by the dictionary's word
    prefixes, and checked by romanizing each result back. Empty when the scheme needs a context
    rule for the word or no dictionary word fits: the caller then falls back to full reverse
    romanization, so this only ever saves work.
    """
    from ..russian import morph

    pieces, longest = _inverse_letters(scheme_id)
    end = len(key)
    # The Cyrillic options at each position, longest Latin piece first: the same for every prefix,
    # so worked out once, when the search first gets there (most keys end after a letter or two).
    at: dict[int, list[tuple[int, str]]] = {}
    has_prefix = morph.begins_word
    found: list[str] = []
    steps = 0
    stack = [(0, "")]
    while stack and len(found) < 8 and steps < _MAX_STEPS:
        pos, prefix = stack.pop()
        steps += 1
        if pos == end:
            if morph.is_known(prefix) and _written(prefix, scheme_id) == key:
                found.append(prefix)
            continue
        options = at.get(pos)
        if options is None:
            options = at[pos] = [
                (pos + size, cyr)
                for size in range(min(longest, end - pos), 0, -1)
                for cyr in pieces.get(key[pos : pos + size], ())
            ]
        for nxt_pos, cyr in options:
            nxt = prefix + cyr
            if has_prefix(nxt):
                stack.append((nxt_pos, nxt))
    return tuple(dict.fromkeys(found))
