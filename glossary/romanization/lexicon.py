"""What romanization needs to know about a termbase: its Russian forms and lemmas, the conventional
English spellings of its names, and the English spellings that point back to a Russian word.

A `Lexicon` is built once per version of a termbase (`Lexicon.of(tb)`: kept with the termbase by
`Termbase.derived`, and on disk by glossary.core.termcache while the termbase is as read from its file)
and passed down to the engine (`romanize(..., lexicon=)`), reverse romanization, detection,
recognition and lint. It owns the caches whose answers depend on the termbase (the compiled pattern
of conventional spellings, the ranked readings of `reverse()`), so a changed termbase gets a new
Lexicon and no answer from the old one survives: there is no module-level cache keyed by a termbase.

The romanization layer never loads a termbase: a caller that wants the configured one loads it
(`glossary.termbase.load_termbase()`) and passes it, or its Lexicon, down.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any, Protocol

from ..core import termcache
from ..russian import morph
from .skeleton import skeleton

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_CYR = "\u0400-\u04ff\u0500-\u052f"


class _Term(Protocol):
    text: str
    conventional: str | None


class _Concept(Protocol):
    def terms_in(self, lang: str) -> list[Any]: ...

    def preferred(self, lang: str) -> Any: ...


def fold(s: str) -> str:
    """The Cyrillic comparison key of the lexicon: lower case, ё → е (NFC first)."""
    return unicodedata.normalize("NFC", s).lower().replace("ё", "е")


class Lexicon:
    """The romanization-relevant facts of one termbase version (plain data, cached on disk) and the
    caches built from them in this process (never pickled)."""

    __slots__ = ("forms", "lemmas", "english", "spellings", "conventional", "_pattern", "ranked", "_sorted")

    def __init__(
        self,
        forms: frozenset[str] = frozenset(),
        lemmas: frozenset[str] = frozenset(),
        english: dict[str, str] | None = None,
        spellings: frozenset[str] = frozenset(),
        conventional: dict[str, str] | None = None,
    ) -> None:
        self.forms = forms  # Russian term words, folded (ё → е, lower case)
        self.lemmas = lemmas  # their pymorphy3 lemmas
        self.english = english or {}  # conventional / English spelling (lower case) → Russian form
        self.spellings = spellings  # Russian term words, lower case as written (Хрущёв keeps ё)
        self.conventional = conventional or {}  # folded Russian name form → conventional English spelling
        self._pattern: re.Pattern[str] | None | bool = False  # False: not compiled yet
        self.ranked: dict[str, tuple[Any, ...]] = {}  # reverse(): word → ranked candidates
        self._sorted: list[str] | None = None  # the forms in order, for has_form_prefix

    def __getstate__(self) -> tuple[Any, ...]:
        return self.forms, self.lemmas, self.english, self.spellings, self.conventional

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def __bool__(self) -> bool:
        return bool(self.forms or self.english)

    def has_form_prefix(self, prefix: str) -> bool:
        """Does some Russian term word (folded) begin with *prefix* (folded)?"""
        if not self.forms:
            return False
        if self._sorted is None:
            self._sorted = sorted(self.forms)
        at = bisect_left(self._sorted, prefix)
        return at < len(self._sorted) and self._sorted[at].startswith(prefix)

    @classmethod
    def of(cls, termbase: Any) -> Lexicon:
        """The Lexicon of *termbase*'s current version (EMPTY for None); a termbase without
        `derived()` (a plain list of concepts) is read once, uncached."""
        if termbase is None:
            return EMPTY
        if isinstance(termbase, Lexicon):
            return termbase
        if not hasattr(termbase, "derived"):
            return cls.build(termbase)
        return termcache.derived(termbase, "lexicon", Lexicon, cls.build)

    @classmethod
    def build(cls, concepts: Iterable[_Concept]) -> Lexicon:
        forms: set[str] = set()
        spellings: set[str] = set()
        english: dict[str, str] = {}
        conventional: dict[str, str] = {}
        for concept in concepts:
            for term in concept.terms_in("ru"):
                words = [w for w in re.findall(r"[\w-]+", term.text) if _CYRILLIC_RE.search(w)]
                forms.update(w.lower().replace("ё", "е") for w in words)
                spellings.update(w.lower() for w in words)
                if term.conventional:
                    conventional[fold(term.text)] = term.conventional
                    if len(words) == 1:
                        english.setdefault(term.conventional.lower(), term.text)
            ru = concept.preferred("ru")
            if ru is not None and len(ru.text.split()) == 1:
                for en in concept.terms_in("en"):
                    if len(en.text.split()) == 1 and spells_alike(en.text, ru.text):
                        english.setdefault(en.text.lower(), ru.text)
        from ..core.termcache import WordMemo

        memo = WordMemo("lemma")  # a changed termbase analyses only its new words
        lemmas = frozenset(memo.get(f, morph.lemma) for f in forms)
        memo.save()
        return cls(frozenset(forms), lemmas, english, frozenset(spellings), conventional)

    def conventional_pattern(self) -> re.Pattern[str] | None:
        """One regex for every conventional name form, whole words, any case, е matching ё."""
        if self._pattern is False:
            pattern = None
            if self.conventional:
                alts = sorted(self.conventional, key=len, reverse=True)
                body = "|".join(re.escape(a).replace("е", "[её]") for a in alts)
                pattern = re.compile(f"(?<![{_CYR}])(?:{body})(?![{_CYR}])", re.IGNORECASE)
            self._pattern = pattern
        return self._pattern  # type: ignore[return-value]


def spells_alike(english: str, russian: str) -> bool:
    """Is an English term a spelling of the Russian word (Politbureau, Cheka, Isvestia) rather than a
    translation of it (camp for лагерь, congress for съезд)? A translation is not a romanization, so
    reverse() must not return лагерь for "camp"."""
    from rapidfuzz.fuzz import ratio

    return ratio(skeleton(english.lower()), skeleton(russian.lower())) >= 55


EMPTY = Lexicon()
