"""Telling homonyms apart: a term's `exclude` and `context` phrases (glossary.termbase.model.Term).

The model is the QA tools' "term exception" (Xbench's negative terms, LanguageTool's antipatterns): an
occurrence of кулак inside «кулаком по столу» is the fist, not the peasant, and is dropped. `context`
is the opposite check (a concept used only in its field): with context words given, an occurrence
counts only when one of them is in the same text (the unit of a translation memory, the text a lint
rule reads).

A phrase is matched the way its term's language is: Russian by lemma (every parse of every word, so
«кулаком по столу» written once also catches «кулак по столу»), English by inflection; `/…/` is a
Python regular expression over the raw text, case-sensitive as written (`(?i)` for any case).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..core.errors import TermbaseError
from ..termbase.model import Term, phrase_regex

Keys = Callable[[str], frozenset[str]]


class Phrase(NamedTuple):
    """One exclude/context entry, ready to match: a pattern, or per word the keys a token must share."""

    text: str
    pattern: re.Pattern | None
    words: tuple[frozenset[str], ...]


class Filter(NamedTuple):
    exclude: tuple[Phrase, ...]
    context: tuple[Phrase, ...]


def compile_phrase(
    concept_id: str, term: Term, field: str, text: str, token_re: re.Pattern, keys: Keys
) -> Phrase | None:
    """*text* prepared for matching; None when it has no word to match. TermbaseError for a `/…/`
    phrase that is not a regular expression (named by concept, term and field)."""
    source = phrase_regex(text)
    if source is not None:
        try:
            return Phrase(text, re.compile(source), ())
        except re.error as e:
            raise TermbaseError(
                f"concept {concept_id!r}, term {term.text!r}: {field} {text!r} is not a regular "
                f"expression ({e})"
            ) from None
    words = token_re.findall(text)
    return Phrase(text, None, tuple(keys(w) for w in words)) if words else None


def compile_filter(concept_id: str, term: Term, token_re: re.Pattern, keys: Keys) -> Filter | None:
    """The term's filter, None when it has neither exclude nor context phrases."""
    if not term.exclude and not term.context:
        return None

    def phrases(field: str, items: list[str]) -> tuple[Phrase, ...]:
        out = (compile_phrase(concept_id, term, field, t, token_re, keys) for t in items)
        return tuple(p for p in out if p is not None)

    return Filter(phrases("exclude", term.exclude), phrases("context", term.context))


class TextView:
    """One text as the filters see it: its tokens' keys and offsets, computed once, and every phrase's
    occurrences in it, found once however many matches ask."""

    def __init__(self, text: str, tokens: Sequence[str], starts: Sequence[int], keys: Keys):
        self.text = text
        self.tokens = tokens
        self.starts = starts  # the offset of every token
        self._keys = keys
        self._token_keys: list[frozenset[str]] | None = None
        self._found: dict[Phrase, list[tuple[int, int]]] = {}

    def spans(self, phrase: Phrase) -> list[tuple[int, int]]:
        """Where *phrase* occurs in the text: (start, end) offsets."""
        found = self._found.get(phrase)
        if found is None:
            found = self._found[phrase] = self._find(phrase)
        return found

    def _find(self, phrase: Phrase) -> list[tuple[int, int]]:
        if phrase.pattern is not None:
            return [m.span() for m in phrase.pattern.finditer(self.text) if m.end() > m.start()]
        if self._token_keys is None:
            self._token_keys = [self._keys(t) for t in self.tokens]
        have, words, m = self._token_keys, phrase.words, len(phrase.words)
        out = []
        for p in range(len(have) - m + 1):
            if all(have[p + j] & words[j] for j in range(m)):
                last = p + m - 1
                out.append((self.starts[p], self.starts[last] + len(self.tokens[last])))
        return out

    def admits(self, rule: Filter, start: int, end: int) -> bool:
        """Whether the match text[start:end] stands: inside no exclude phrase and, when the term has
        context phrases, with one of them somewhere in the text."""
        for phrase in rule.exclude:
            if any(s <= start and end <= e for s, e in self.spans(phrase)):
                return False
        return not rule.context or any(self.spans(phrase) for phrase in rule.context)
