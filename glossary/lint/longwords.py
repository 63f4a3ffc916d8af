"""Words past the longest word analysed (`max_word` in glossary/core/limits.py).

No Russian word, romanized or not, is longer than about 35 letters, so the romanizer, the reverse
romanizer and the recogniser pass a longer "word" over rather than spend time on it. Lint and
extract say so in one note on stderr (it is not a finding: nothing is wrong with the text's style).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core import limits
from .document import Document
from .rules.base import WORD_RE


def passed_over(documents: Iterable[Document]) -> list[tuple[Document, int, int]]:
    """(document, offset, length) of every word (lint's tokens) longer than `max_word`, in order."""
    longest = limits.LIMITS.max_word
    # a word is a run of non-space characters: a text with no run that long (nearly every text) is
    # cleared by one search in C
    run = re.compile(rf"\S{{{longest + 1}}}")
    found: list[tuple[Document, int, int]] = []
    for doc in documents:
        if run.search(doc.text) is None:
            continue
        found.extend(
            (doc, m.start(), m.end() - m.start())
            for m in WORD_RE.finditer(doc.text)
            if m.end() - m.start() > longest
        )
    return found


def passed_over_note(documents: Iterable[Document]) -> str | None:
    """One line naming the first word passed over and how many there were; None when there are none."""
    found = passed_over(documents)
    if not found:
        return None
    doc, start, length = found[0]
    line, column = doc.position(start)
    return limits.passed_over_note(f"{doc.path}:{line}:{column}", len(found), length)
