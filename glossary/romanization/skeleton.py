"""The scheme-neutral skeleton key of a word form: one key for every romanization and the Cyrillic.

skeleton() folds every romanization of a word form, and the Cyrillic itself, to one key: signs and
diacritics go, digraph families become one symbol (kh/h/x → X, shch/ŝ/šč/shh → W, ts/c/cz → Q …), a run
of i/y/j becomes I (dropped before a vowel, except word-initial before a or u: я and ю; a lone y
between consonants, ы everywhere, becomes Y), and yo/io/jo become e (Хрущёв is Khrushchev in LC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .engine import engine

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")

TIE_BARS = dict.fromkeys(map(ord, "\u0361\ufe20\ufe21"), None)
_SIGNS = dict.fromkeys(map(ord, "'\"`ʹʺ’‘”“ʼ′″·"), None)
_SPECIAL = [
    ("ŝ", "shch"),
    ("šč", "shch"),
    ("š", "sh"),
    ("ž", "zh"),
    ("č", "ch"),
    ("â", "ja"),
    ("û", "ju"),
    ("ë", "e"),
]
_DIGRAPHS = [
    ("shch", "W"),
    ("shh", "W"),
    ("zh", "Z"),
    ("kh", "X"),
    ("ch", "C"),
    ("sh", "S"),
    ("cz", "Q"),
    ("ts", "Q"),
    ("c", "Q"),
    ("x", "X"),
    ("h", "X"),
]
# ISO 9 writes с+х as sh, з+х as zh, ц+х as ch, к+х as kh: the same key as ш ж ч х (схема = shema)
_PLUS_KH = [("sX", "S"), ("zX", "Z"), ("QX", "C"), ("kX", "X")]
_ICAO_HARD_SIGN_RE = re.compile("ie(?=[iyj][aeou])")  # ICAO ъ = ie before я ю ё (объявил = obieiavil)
# A run of i/y/j is matched from its first letter only ((?<![iyj])): tried from every letter of a run
# with no vowel after it, the regex would cost the square of the run's length.
_IO_RE = re.compile("(?<![iyj])[iyj]+o")
_SEMIVOWEL_BEFORE_VOWEL_RE = re.compile("(?<![iyj])[iyj]+(?=[aeou])")
# Word-initial я and ю are written with a semivowel in every scheme (ya, ia, ja, â): it stays in the
# key there, so Yakir is not Akira (initial е is Ye in some schemes and E in others, so it goes).
_INITIAL_SEMIVOWEL_RE = re.compile("(?<![a-zA-Z])[iyj]+(?=[au])")
_SEMIVOWEL_RE = re.compile("[iyj]+")
# A lone y between consonants is ы in every scheme, a lone i there is и: the one и/ы distinction all keep.
_YERY_RE = re.compile("(?<=[bvgdzklmnprstfXCSWZQ])y(?=[bvgdzklmnprstfXCSWZQ])")
_DOUBLE_VOWEL_RE = re.compile(r"([aeou])\1+")


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The scheme-neutral key of one word form (Latin in any scheme, or Cyrillic).

    skeleton("Tukhachevsky") == skeleton("Tuchačevskij") == skeleton("Тухачевский") == "tuXaCevskI".
    """
    return _finish(_fold(_letters(word)))


def skeletons(words: Iterable[str]) -> list[str]:
    """`[skeleton(w) for w in words]`, a batch at a time: the folds (a dozen replaces and seven
    regexes) run once over the words joined by newlines, which none of them matches or looks at, so
    each word folds as it would alone. Building a large termbase's term index folds a million
    inflected forms; one by one, the calls' own cost was most of the time."""
    letters = [_letters(w) for w in words]
    if any(_SEP in w for w in letters):
        return [_finish(_fold(w)) for w in letters]
    return [_finish(w) for w in _fold(_SEP.join(letters)).split(_SEP)] if letters else []


_SEP = "\n"


def _letters(word: str) -> str:
    """The word in lower-case Latin letters: Cyrillic romanized, signs, tie bars and diacritics gone."""
    if _CYRILLIC_RE.search(word):
        word = engine("lc").convert(word)  # no warning for letters outside Russian: they stay in the key
    s = word.lower()
    if not (s.isascii() and s.isalpha()):  # most words are plain letters: no signs, no tie bars
        s = s.translate(TIE_BARS).translate(_SIGNS)
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
        if "ch" in s and any(c in s for c in "čšžŝ"):
            s = s.replace("ch", "kh")  # a háček spelling writes ч as č, so its ch is German-style х
        for old, new in _SPECIAL:
            s = s.replace(old, new)
        # the remaining diacritics (ĭ ė è ī ŭ g̀ …) carry no distinction any other scheme makes
        s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s


def _fold(s: str) -> str:
    """Digraph families to one symbol and the semivowel rules (module docstring), on one word or on
    words joined by _SEP (no fold's pattern or look-around matches it)."""
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    for old, new in _PLUS_KH:
        s = s.replace(old, new)
    s = _ICAO_HARD_SIGN_RE.sub("", s)
    s = _IO_RE.sub("e", s)
    s = _INITIAL_SEMIVOWEL_RE.sub("I", s)
    s = _SEMIVOWEL_BEFORE_VOWEL_RE.sub("", s)
    s = _YERY_RE.sub("Y", s)
    s = _SEMIVOWEL_RE.sub("I", s)
    return _DOUBLE_VOWEL_RE.sub(r"\1", s)


def _finish(s: str) -> str:
    return s if s.isalpha() else "".join(c for c in s if c.isalpha() or c == "-")
