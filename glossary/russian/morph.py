"""Russian morphology through pymorphy3, loaded once and cached per word form.

Every caller (reverse romanization, recognition, lint, tm check, concordance) goes through here so the
dictionary is loaded once per process and each word form is analysed once.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache


@cache
def analyzer():
    """The shared pymorphy3 MorphAnalyzer (loading takes ~0.3 s, so it happens on first use)."""
    import pymorphy3

    # The dictionary's own path: without it pymorphy3 finds the dictionary package through the
    # installed packages' entry points (importlib.metadata over every package: ~0.1 s of start-up).
    # Its environment variable, when set, still wins.
    path = None
    if pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE not in os.environ:
        try:
            import pymorphy3_dicts_ru  # type: ignore[import-untyped]

            path = pymorphy3_dicts_ru.get_path()
        except ImportError:  # another packaging of the dictionary: let pymorphy3 look it up
            path = None
    return pymorphy3.MorphAnalyzer(path=path, lang="ru")


@lru_cache(maxsize=500_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of *word* (lower-cased), best first."""
    return tuple(analyzer().parse(word.lower()))


@lru_cache(maxsize=500_000)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma (normal form) any parse of *word* allows, lower-case, ё folded to е."""
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(word))


def lemma(word: str) -> str:
    """The most probable lemma of *word*."""
    ps = parses(word)
    return (ps[0].normal_form if ps else word.lower()).replace("ё", "е")


@lru_cache(maxsize=500_000)
def is_known(word: str) -> bool:
    """True when the dictionary knows *word* (not only guessed by suffix analogy)."""
    return analyzer().word_is_known(word.lower())


@lru_cache(maxsize=200_000)
def score(word: str) -> float:
    """How plausible *word* is as a Russian word form: dictionary score of the best known parse.

    0.0 for a word the dictionary only guesses; names (Name/Surn/Patr) count as known.
    """
    if not is_known(word):
        return 0.0
    return max((p.score for p in parses(word)), default=0.0) or 0.01


# ---------------------------------------------------------------- dictionary prefixes


@cache
def _prefix_tools() -> tuple:
    """(does a dictionary word form begin so?, is it a word form?, letter → the dictionary's
    substitutes for it): the letters `is_known` lets stand for others (е for ё)."""
    a = analyzer()
    words = a.dictionary.words
    begins = getattr(words, "has_keys_with_prefix", None)  # the DAWG2 extension has it
    if begins is None:  # DAWG-Python does not: its key iterator stops at the first key

        def begins(prefix: str) -> bool:
            return next(iter(words.iterkeys(prefix)), None) is not None

    substitutes = {k.decode("utf-8"): tuple(u for _, u in v) for k, v in (a.char_substitutes or {}).items()}
    return begins, words.__contains__, substitutes


@lru_cache(maxsize=200_000)  # the eight letter tables search mostly the same prefixes of a word
def begins_word(prefix: str) -> bool:
    """Does some dictionary word form begin with *prefix* (lower case, exactly as written)?"""
    return _prefix_tools()[0](prefix)


def extend_prefixes(prefixes: tuple[str, ...], piece: str) -> tuple[str, ...]:
    """The dictionary prefixes that *prefixes* (each the start of some word form) become when
    *piece* (lower case, ё written е) follows, each letter also as its substitutes (ё for е):
    empty when no word form begins so. The same fuzziness as `is_known`, one letter at a time."""
    begins, _, substitutes = _prefix_tools()
    if substitutes.keys().isdisjoint(piece):  # the usual piece: one test per prefix
        return tuple(p + piece for p in prefixes if begins(p + piece))
    for ch in piece:
        letters = (ch, *substitutes.get(ch, ()))
        prefixes = tuple(p + c for p in prefixes for c in letters if begins(p + c))
        if not prefixes:
            break
    return prefixes


def any_word(prefixes: tuple[str, ...]) -> bool:
    """Is one of *prefixes* (from `extend_prefixes`) a whole dictionary word form?"""
    return any(map(_prefix_tools()[1], prefixes))
