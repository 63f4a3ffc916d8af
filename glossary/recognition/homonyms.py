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
from bisect import bisect_left
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
    """One text as the filters see it, and what each phrase was found to do in it. A word phrase is looked for only where it could hold the match (an exclusion) or
    once per text (a context), so a filtered term costs little even in a long text."""

    def __init__(self, text: str, tokens: Sequence[str], starts: Callable[[], Sequence[int]], keys: Keys):
        self.text = text
        self.tokens = tokens
        self._starts = starts  # the offset of every token (computed on demand)
        self._keys = keys
        self._spans: dict[Phrase, list[tuple[int, int]]] = {}
        self._present: dict[Phrase, bool] = {}

    def _at(self, phrase: Phrase, p: int) -> bool:
        """Whether the word phrase occurs at token *p*."""
        words, tokens, keys = phrase.words, self.tokens, self._keys
        if p < 0 or p + len(words) > len(tokens):
            return False
        for j, want in enumerate(words):
            if not keys(tokens[p + j]) & want:  # a cache hit: every token was analysed by the scan
                return False
        return True

    def _regex_spans(self, phrase: Phrase) -> list[tuple[int, int]]:
        found = self._spans.get(phrase)
        if found is None:
            assert phrase.pattern is not None
            found = [m.span() for m in phrase.pattern.finditer(self.text) if m.end() > m.start()]
            self._spans[phrase] = found
        return found

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        """The first and last token of text[start:end] (a match of a regex term)."""
        starts = self._starts()
        first = bisect_left(starts, start)
        last = max(first, bisect_left(starts, end) - 1)
        return first, last

    def _excludes(self, phrase: Phrase, start: int, end: int, first: int | None, last: int | None) -> bool:
        if phrase.pattern is not None:
            return any(s <= start and end <= e for s, e in self._regex_spans(phrase))
        if first is None or last is None:
            first, last = self._token_range(start, end)
        m = len(phrase.words)
        return any(self._at(phrase, p) for p in range(last - m + 1, first + 1))

    def _occurs(self, phrase: Phrase) -> bool:
        present = self._present.get(phrase)
        if present is None:
            if phrase.pattern is not None:
                present = bool(self._regex_spans(phrase))
            else:
                present = any(self._at(phrase, p) for p in range(len(self.tokens) - len(phrase.words) + 1))
            self._present[phrase] = present
        return present

    def admits(
        self, rule: Filter, start: int, end: int, first: int | None = None, last: int | None = None
    ) -> bool:
        """Whether the match text[start:end] (tokens *first*..*last*, when known) stands: inside no
        exclude phrase and, when the term has context phrases, with one of them in the text."""
        for phrase in rule.exclude:
            if self._excludes(phrase, start, end, first, last):
                return False
        return not rule.context or any(self._occurs(phrase) for phrase in rule.context)
