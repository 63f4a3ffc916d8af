"""Tokens and lemmas as the store indexes them (shared by import, concordance and fuzzy lookup).

One tokenizer for everything: a word is a run of letters/digits, hyphenated compounds and apostrophes
kept inside (партийно-государственный, don't). Normalised tokens are lower-case with ё folded to е, so
«Ёжов» and «ежов» are the same word for matching while the stored text keeps its spelling.
"""

from __future__ import annotations

import re

from glossary.russian import morph

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)

_lemma_cache: dict[str, str] = {}
_LEMMA_CACHE_MAX = 1_000_000


def normalize(token: str) -> str:
    return token.lower().replace("ё", "е")


def tokens(text: str) -> list[str]:
    """Normalised word tokens of *text* (punctuation and spacing dropped)."""
    return WORD_RE.findall(normalize(text))


def spans(text: str) -> list[tuple[int, int]]:
    """Character offsets of the word tokens of *text*."""
    return [m.span() for m in WORD_RE.finditer(text)]


def lemma_of(token: str) -> str:
    """The most probable lemma of one normalised token (Cyrillic only; other tokens are their own)."""
    cached = _lemma_cache.get(token)
    if cached is None:
        cached = morph.lemma(token) if _CYRILLIC_RE.search(token) else token
        if len(_lemma_cache) >= _LEMMA_CACHE_MAX:
            _lemma_cache.clear()
        _lemma_cache[token] = cached
    return cached


def lemma_alternatives(word: str) -> frozenset[str]:
    """Every lemma a query word allows (стали → {сталь, стать}), so the search does not guess."""
    return all_lemmas(normalize(word))


def all_lemmas(token: str) -> frozenset[str]:
    """Every lemma of one normalised token (its own form for non-Cyrillic tokens)."""
    if not _CYRILLIC_RE.search(token):
        return frozenset([token])
    return morph.lemmas(token) | {lemma_of(token)}


def lemma_columns(text: str, words: list[str] | None = None) -> tuple[str, str]:
    """The two lemma columns of the concordance: the best lemma of each word of *text* in order
    (so phrase searches work), and the other lemmas ambiguous words allow. *words* are the tokens of
    *text* when the caller already has them."""
    best, alt = [], []
    for t in tokens(text) if words is None else words:
        b = lemma_of(t)
        best.append(b)
        if _CYRILLIC_RE.search(t):
            alt.extend(sorted(morph.lemmas(t) - {b}))
    return " ".join(best), " ".join(alt)


def is_russian(lang: str | None) -> bool:
    return lang is not None and lang.lower().split("-")[0].split("_")[0] == "ru"
