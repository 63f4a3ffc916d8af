"""Cyrillic cross-decodings that ftfy does not undo, from a data table of codec pairs.

ftfy repairs text that went through UTF-8 and was read in a single-byte codec (РќРљР’Р” is НКВД
read as Windows-1251). Russian text also travels in the single-byte codecs themselves, and a text
written in one and read in another stays letters, which ftfy's heuristics leave alone: KOI8-R read as
Windows-1251 (уФБМЙО for Сталин) and back (яРЮКХМ), Windows-1251 read as Latin-1 or Windows-1252
(Åæîâ for Ежов), UTF-8 read as KOI8-R (box-drawing signs between п and я). The pairs are data
(glossary/data/mojibake/codecs.json). A word counts as damaged only when decoding it back gives
Russian words the dictionary knows, each written in lower, title or upper case, while the word as it
stands is not a known word: a real acronym (НКВД) or a French word (café) never decodes to Russian.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN1_LETTERS = re.compile("[\u00c0-\u00ff]")
_BOX = re.compile("[\u2500-\u257f]")
# A run of text with a character some cross-decoding leaves behind: the only runs looked at further.
# A whitespace-free run holding a letter a wrong decoding produces (Cyrillic, Latin-1, box drawing).
# Runs are found first and tested after: one regex `\S*[…]\S*` backtracks quadratically over a long
# run with no such letter (a 20,000-letter word took seconds).
RUN = re.compile(r"\S+")  # a whitespace-free run: what both S302 passes judge
_SUSPECT_CHAR = re.compile("[\u0400-\u04ff\u00c0-\u00ff\u2500-\u257f]")


def suspect_runs(text: str, longest: int) -> Iterator[re.Match[str]]:
    """The runs of *text* that may be mojibake, at most *longest* characters long (a longer run is
    no word of any text; the linter passes such words over).

    Found from the suspect letters out (an English text has few): each one's whitespace-free run,
    matched by RUN from its first character, is the run RUN.finditer would give there."""
    done = 0  # the end of the last run looked at: its other suspect letters need no second look
    for c in _SUSPECT_CHAR.finditer(text):
        at = c.start()
        if at < done:
            continue
        start = at
        while start > done and not text[start - 1].isspace():
            start -= 1
        m = RUN.match(text, start)
        if m is None:  # cannot happen: text[at] is a suspect letter, not whitespace
            continue
        done = m.end()
        if done - start <= longest:
            yield m


EDGE_PUNCT = ",.;:!?()[]\"'«»“”„"


@dataclass(frozen=True)
class CodecPair:
    written: str  # the codec the text was written in
    read: str  # the codec it was wrongly read as
    shape: str  # which runs can be this damage: cyrillic, latin1, box


@cache
def codec_pairs() -> tuple[CodecPair, ...]:
    data = json.loads(resources.files("glossary").joinpath("data/mojibake/codecs.json").read_text("utf-8"))
    return tuple(CodecPair(p["written"], p["read"], p["shape"]) for p in data["pairs"])


def _shape_fits(shape: str, word: str) -> bool:
    letters = "".join(_LETTERS.findall(word))
    if shape == "cyrillic":
        return len(letters) >= 3 and bool(_CYRILLIC_WORD.fullmatch(word))
    if shape == "latin1":  # cp1251 letters read as Latin-1 are À–ÿ; a French word has a few of them
        return len(letters) >= 3 and len(_LATIN1_LETTERS.findall(word)) * 3 >= len(word) * 2
    if shape == "box":
        return bool(_BOX.search(word))
    if shape == "utf8-lead":  # each Cyrillic letter became Р or С and one more character
        return len(word) >= 4 and len(word) % 2 == 0 and all(c in "РС" for c in word[::2])
    return False


def _plain_case(word: str) -> bool:
    return word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())


def _known_russian(word: str) -> bool:
    from ..russian import morph
    from ..russian.frequency import zipf

    return _plain_case(word) and (morph.is_known(word.lower()) or zipf(word.lower(), "ru") >= 2.0)


def repair(word: str) -> tuple[str, CodecPair] | None:
    """(the word decoded back, the codec pair) when *word* is Russian text read in the wrong codec,
    else None. *word* is one whitespace-free run without its edge punctuation."""
    if _CYRILLIC_WORD.fullmatch(word) and _known_russian(word):
        return None
    for pair in codec_pairs():
        if not _shape_fits(pair.shape, word):
            continue
        try:
            fixed = word.encode(pair.read).decode(pair.written)
        except (UnicodeError, LookupError):
            continue
        words = _LETTERS.findall(fixed)
        if (
            fixed != word
            and words
            and all(_CYRILLIC_WORD.fullmatch(w) for w in words)
            and any(len(w) >= 3 for w in words)
            and all(_known_russian(w) for w in words)
        ):
            return fixed, pair
    return None
