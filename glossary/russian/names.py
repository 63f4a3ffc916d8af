"""Russian personal names as English text spells them: the names lexicon and the conventional spellings.

The lexicon (`data/names/names.json`, built by `scripts/build_names.py` from CC0 Wikidata name pairs
and the starter termbase; provenance in `data/names/README.md`) maps each observed Latin spelling of a
Russian given name, patronymic or surname to the Cyrillic name and how often it was seen. It answers
what the morphological dictionary cannot: that `Dmitry` is дмитрий (a letter table reads дмитры), and
which Cyrillic endings make a surname (Пепеляев is in no dictionary, but -яев is a surname ending).

Conventional spellings that no scheme writes (Yuri, Alexei, Rachmaninoff, Tchaikovsky) are data too
(`schemes/conventions.json`): each is a rewrite of a Latin piece into what a scheme would write, and
one generic engine applies them; a rewritten spelling counts only when the lexicon has observed it.
Both files are read on first use (a few tens of milliseconds), never at import.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

from ..core.errors import GlossaryError

# Found by package name, not by this file's place: the data stays put when modules move.
LEXICON_PATH = Path(str(files("glossary"))).resolve() / "data" / "names" / "names.json"
CONVENTIONS_PATH = Path(str(files("glossary.romanization.schemes"))).resolve() / "conventions.json"

KINDS = {"g": "given name", "p": "patronymic", "s": "surname"}
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Convention:
    """One conventional spelling habit: *latin* (at the start, the end or anywhere, optionally only
    after a consonant or a vowel) stands for *cyrillic*, which a scheme writes as *scheme_latin*."""

    name: str
    latin: str
    at: str
    cyrillic: str
    scheme_latin: tuple[str, ...]
    after: str | None = None
    # False: a habit some schemes have (E- is LC's), not an English convention: it reads a spelling,
    # but R102 still reports the spelling under a house scheme that writes otherwise.
    accepted: bool = True

    def places(self, word: str) -> list[int]:
        """Where in *word* (lower case) this convention's piece stands."""
        if self.at == "start":
            found = [0] if word.startswith(self.latin) else []
        elif self.at == "end":
            found = [len(word) - len(self.latin)] if word.endswith(self.latin) else []
        elif self.latin not in word:
            return []  # most words: no regex search needed to know that
        else:
            found = [m.start() for m in re.finditer(re.escape(self.latin), word)]
        return [i for i in found if self._after_ok(word, i)]

    def _after_ok(self, word: str, i: int) -> bool:
        if self.after is None:
            return True
        if i == 0:
            return False
        before = word[i - 1]
        return (before in _VOWELS) == (self.after == "vowel") and before.isalpha()


@cache
def conventions() -> tuple[Convention, ...]:
    """The conventional spellings of schemes/conventions.json (checked against its schema in tests)."""
    try:
        data = json.loads(CONVENTIONS_PATH.read_text(encoding="utf-8"))
        return tuple(
            Convention(
                c["name"],
                c["latin"],
                c["at"],
                c["cyrillic"],
                tuple(c["scheme_latin"]),
                c.get("after"),
                bool(c.get("accepted", True)),
            )
            for c in data["conventions"]
        )
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GlossaryError(f"{CONVENTIONS_PATH}: unreadable conventions file: {e}") from e


@cache
def _pieces() -> re.Pattern[str]:
    """Finds a convention's piece where it would stand (at the start, the end, anywhere): a word it
    finds nothing in has no rewrite, and the conventions need not be tried one by one."""
    at: dict[str, list[str]] = {"start": [], "end": [], "anywhere": []}
    for c in conventions():
        at[c.at if c.at in at else "anywhere"].append(re.escape(c.latin))
    alternatives = [
        f"^(?:{'|'.join(at['start'])})" if at["start"] else "",
        f"(?:{'|'.join(at['end'])})$" if at["end"] else "",
        f"(?:{'|'.join(at['anywhere'])})" if at["anywhere"] else "",
    ]
    return re.compile("|".join(a for a in alternatives if a) or "(?!)")


@cache
def accepted_conventions() -> frozenset[str]:
    """Names of the conventions that make a spelling conventional English (R102 accepts it)."""
    return frozenset(c.name for c in conventions() if c.accepted)


def conventional_forms(word: str) -> frozenset[str]:
    """The scheme spellings *word* (lower case) is a conventional English form of: rewrites through
    accepted conventions only (Bolshoi → bolshoy; not Elena → yelena, E- being LC's habit)."""
    accepted = accepted_conventions()
    return frozenset(spelled for spelled, used in rewrites(word) if accepted.issuperset(used))


@lru_cache(maxsize=50_000)
def rewrites(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every spelling *word* (lower case) could stand for under the conventions, with the names of
    the conventions used: each applicable rewrite alone and in combination, each scheme form of it.
    Empty when no convention applies."""
    if _pieces().search(word) is None:
        return ()  # no convention's piece stands where it would apply (most words): one search
    applicable = [(c, i) for c in conventions() for i in c.places(word)]
    if not applicable:
        return ()
    out: dict[str, tuple[str, ...]] = {}
    for size in range(1, min(len(applicable), 3) + 1):
        for combo in itertools.combinations(applicable, size):
            spans = sorted(((i, i + len(c.latin), c) for c, i in combo), key=lambda s: s[0])
            if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
                continue  # overlapping pieces (Tchehov: tch and h) cannot both be rewritten
            for choice in itertools.product(*(c.scheme_latin for _, _, c in spans)):
                pieces, pos = [], 0
                for (start, end, _), new in zip(spans, choice, strict=True):
                    pieces += [word[pos:start], new]
                    pos = end
                spelled = "".join(pieces) + word[pos:]
                out.setdefault(spelled, tuple(c.name for _, _, c in spans))
    return tuple(out.items())


@dataclass(frozen=True)
class NameReading:
    """What the lexicon says a Latin spelling is: the Cyrillic name, its kind, how often the spelling
    (or the spelling it was rewritten to) was observed, and the conventions used (none: as observed)."""

    cyrillic: str
    kind: str
    count: int
    conventions: tuple[str, ...] = ()


class Lexicon:
    """The names lexicon, loaded from the JSON built by scripts/build_names.py."""

    def __init__(self, data: dict):
        # latin → "cyrillic count kinds" (kinds: g given name, p patronymic, s surname). One string
        # per entry, split on lookup: JSON parses strings much faster than lists, and start-up counts.
        self.spellings: dict[str, str] = data["latin"]
        # skeleton (glossary.romanization.reverse.skeleton) → the one given name or patronymic that has it
        self.skeletons: dict[str, str] = data.get("skeletons", {})
        self.surname_endings: frozenset[str] = frozenset(data["surname_endings"])
        self._longest_ending = max(map(len, self.surname_endings), default=0)

    def observed(self, latin: str) -> NameReading | None:
        """The name *latin* (lower case, marks normalised) is an observed spelling of, if any."""
        found = self.spellings.get(latin)
        if found is None:
            return None
        cyrillic, count, kind = found.split(" ")
        return NameReading(cyrillic, kind, int(count))

    def reading(self, latin: str) -> NameReading | None:
        """The name *latin* spells, as observed or through the conventions (the spelling observed most
        often wins among the rewrites); None when the lexicon knows neither."""
        found = self.observed(latin)
        if found is not None:
            return found
        best = None
        for spelled, used in rewrites(latin):
            hit = self.observed(spelled)
            if hit is not None and (best is None or hit.count > best.count):
                best = NameReading(hit.cyrillic, hit.kind, hit.count, used)
        return best

    def by_skeleton(self, key: str) -> str | None:
        """The given name or patronymic whose scheme-neutral skeleton is *key*, when only one has it:
        reads spellings that mix schemes (Yevgenii: BGN's Ye-, LC's -ii)."""
        return self.skeletons.get(key)

    def surname_shaped(self, cyrillic: str) -> bool:
        """Does *cyrillic* end the way Russian surnames of the lexicon end (-яев, -ский, -ович …)?"""
        return any(
            cyrillic[-n:] in self.surname_endings
            for n in range(2, min(self._longest_ending, len(cyrillic) - 2) + 1)
        )


@cache
def lexicon() -> Lexicon:
    """The shipped names lexicon (read on first use)."""
    try:
        return Lexicon(json.loads(LEXICON_PATH.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GlossaryError(f"{LEXICON_PATH}: unreadable names lexicon: {e}") from e
