"""What every rule shares: the Rule base class, the lint context (documents, settings, tokens)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import repeat
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from ...findings import Finding, Fix, RuleMeta, Severity
from ...termbase.model import Termbase
from ..document import Document
from ..tables import ALL_MARKS

if TYPE_CHECKING:
    from ..romanized import Romanized

# A word: letters (any script), with inner apostrophe-like soft/hard-sign marks (Zakliuchitel'noe,
# obʺezd) and a trailing one (oblast', oblastʹ). Hyphens split words.
_MARKS = ALL_MARKS
WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_MARKS}][^\W\d_]+)*[{_MARKS}]?")
_OPENING_QUOTES = "'‘’\""


class Token(NamedTuple):
    """A word of a document: `doc.text[start:end] == text` (a tuple: there are many of them)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words of *text*. A trailing mark counts as part of the word (oblast') unless the word opened
    with a quote ('tangle'), and a trailing double quote is never a mark."""
    # Built by map() over the matches, not a loop: a text has 100,000s of words, and the Python
    # work per word was most of the time (tuple.__new__: Token's generated __new__ costs more).
    matches = list(WORD_RE.finditer(text))
    words = list(map(re.Match.group, matches))
    spans = zip(words, map(re.Match.start, matches), map(re.Match.end, matches), strict=True)
    out = list(map(_new, repeat(Token), spans))
    for i in [i for i, word in enumerate(words) if word[-1] in _MARKS]:
        word, start, end = out[i]
        if word[-1] in '"″' or (start > 0 and text[start - 1] in _OPENING_QUOTES):
            out[i] = _new(Token, (word[:-1], start, end - 1))
    return out


_new = tuple.__new__


@dataclass
class LintContext:
    """Everything a rule may look at. Token lists are computed once per document and shared."""

    documents: list[Document]
    scheme: str = "lc"
    citation_scheme: str = "lc"  # the scheme of Russian titles and names in citations (C4xx)
    termbase: Termbase | None = None
    romanized: Romanized | None = None  # readings of an earlier run to reuse
    _tokens: dict[int, list[Token]] = field(default_factory=dict, repr=False)
    # results several rules share, made by the first that needs them (the romanization analysis)
    shared: dict[str, object] = field(default_factory=dict, repr=False)
    _whole: LintContext | None = field(default=None, init=False, repr=False)  # set by `within`

    def tokens(self, doc: Document) -> list[Token]:
        key = id(doc)
        if key not in self._tokens:
            self._tokens[key] = tokenize(doc.text)
        return self._tokens[key]

    @cached_property
    def token_texts(self) -> dict[str, tuple[str, int]]:
        """Each distinct token text of the run, in the order the run meets them → (the word without
        an English possessive, characters cut off its end: `romanized.core`), once per text."""
        from ..romanized import core

        texts = dict.fromkeys(tok.text for doc in self.documents for tok in self.tokens(doc))
        return {text: core(text) for text in texts}

    def within(self, doc: Document) -> LintContext:
        """This context for *doc* alone, sharing its token lists and term index (a per-document rule
        run document by document: glossary.lint.parallel). Not `shared`: what a rule keeps there
        is about the whole run."""
        view = replace(self, documents=[doc], shared={})
        view._whole = self._whole or self
        return view

    @cached_property
    def term_index(self):
        """glossary.recognize.TermIndex over the termbase (None without a termbase)."""
        if self._whole is not None:
            return self._whole.term_index
        if self.termbase is None:
            return None
        from ...recognition.recognize import TermIndex

        return TermIndex(self.termbase)

    def finding(
        self,
        rule: type[Rule] | Rule,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        replacement: str | None = None,
        safe: bool = True,
        fix_message: str = "",
        **extra,
    ) -> Finding:
        """A finding for doc.text[start:end]; the fix is attached only where the file can take it."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        fix = None
        if replacement is not None and doc.fixable:
            fix = Fix(replacement, start, end, safe, fix_message or f"Replace with `{replacement}`")
        elif replacement is not None:
            extra.setdefault("suggestion", replacement)
        return Finding(
            rule.code,
            rule.name,
            message,
            str(doc.path),
            line,
            column,
            text=doc.text[start:end],
            end_line=end_line,
            end_column=end_column,
            severity=rule.severity,
            fix=fix,
            extra=extra,
        )


class Rule:
    """Base class. Subclasses set `code`, `name`, maybe `fixable`, and implement `check`.

    The subclass docstring is the rule's documentation: first line the title, then the sections
    *What it does*, *Why*, *Example* and *Use instead*.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    fixable: ClassVar[bool] = False
    severity: ClassVar[Severity] = "warning"
    opt_in: ClassVar[bool] = False  # runs only when selected by its own code (`--select C405`)
    # Reads its documents and the termbase only, never the run's romanization analysis: a helper
    # process may run it (glossary.lint.parallel).
    per_document: ClassVar[bool] = False
    # What it loads before looking at a document, when that is large (a per-document rule's units
    # that load something go to the helper process first: glossary.lint.parallel).
    loads: ClassVar[str] = ""

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def words_to_read(cls, ctx: LintContext) -> list[str]:
        """Words besides the run's candidate words (`Analysis.occurrences`) whose readings `check`
        asks for: a helper process prepares them with the rest (glossary.lint.parallel)."""
        return []

    @classmethod
    def title(cls) -> str:
        return (inspect.getdoc(cls) or "").split("\n", 1)[0].strip()

    @classmethod
    def documentation(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n", 1)[1].strip() if "\n" in doc else ""

    @classmethod
    def meta(cls) -> RuleMeta:
        return RuleMeta(cls.code, cls.name, cls.title(), cls.documentation(), cls.severity)
