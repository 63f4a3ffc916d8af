"""What a typesetter changes in text on its way to print, and one English spelling per glossary.

The termbase keeps what people type (ASCII apostrophes and quotes, plain spaces); print sets them as
a book does. The rules, and the UK/US spelling pairs, are data in typography.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("typography.json")
NBSP = "\u00a0"

# An initial: one capital letter and a full stop (А. А. Кузнецов, J. R. R. Tolkien) bound to what follows.
_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_a-zа-яё]\.)[ \t]+(?=[^\W\d_])")
_NUMERO = re.compile(r"№[ \t]+(?=\S)")
# An apostrophe inside or at the end of a word (Babel', People's, Kol'tsov): the typographic one.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'")
# A straight double quote between letters is a hard sign in plain LC (ob"ekt): the double prime.
_HARD_SIGN = re.compile(r'(?<=[^\W\d_])"(?=[^\W\d_])')
_OPEN_QUOTE = re.compile(r'(^|[\s(\[{\u2014\u2013-])"')


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def typeset(text: str, lang: str = "en") -> str:
    """*text* as it is printed: typographic apostrophes and quotes (« » in Russian, “ ” in English),
    the hard-sign mark of plain LC as ʺ, a no-break space after № and after each initial."""
    text = _HARD_SIGN.sub("\u02ba", text)
    text = _APOSTROPHE.sub("\u2019", text)
    if '"' in text:
        opening, closing = ("«", "»") if lang.startswith("ru") else ("\u201c", "\u201d")
        text = _OPEN_QUOTE.sub(lambda m: m.group(1) + opening, text).replace('"', closing)
    if "'" in text:  # what is left opens a quotation ('the Organs') or closes one
        text = re.sub(r"(^|\s)'", "\\1\u2018", text).replace("'", "\u2019")
    text = _NUMERO.sub("№" + NBSP, text)
    return _INITIAL.sub(lambda m: m.group(1) + NBSP, text)


# --- one English spelling --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), r) for p, r in _data()["spelling"]["uk_to_us"]]


def spelling_key(text: str) -> str:
    """The form two renderings share when they differ only by UK/US spelling (labour/labor camp,
    centre/center, counter-revolution/counterrevolution)."""
    key = text.lower()
    for pattern, repl in _rules():
        key = pattern.sub(repl, key)
    return key


def _uk_score(text: str) -> int:
    """How many UK-spelling patterns *text* matches (labour: 1, labor: 0)."""
    return sum(len(p.findall(text.lower())) for p, _ in _rules())


def one_spelling(texts: Iterable[str], variety: str | None) -> set[str]:
    """Of *texts* (in the termbase's order, preferred first), those left out because another one is
    the same word in the other spelling. *variety*: "uk", "us" or None (the first one written wins)."""
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(spelling_key(text), []).append(text)
    dropped: set[str] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        if variety == "uk":
            keep = max(group, key=_uk_score)
        elif variety == "us":
            keep = min(group, key=_uk_score)
        else:
            keep = group[0]
        dropped.update(t for t in group if t != keep)
    return dropped


SPELLINGS = ("uk", "us")
