"""The document every lint reader returns, and what the readers share: suppression directives, the
mask that blanks what is not prose (keeping every offset), decoding.

`glossary.lint.sources` (text, Markdown, HTML, DOCX, PO) and `glossary.lint.xmlsources` (TMX, XLIFF)
both build on this module and never on each other.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..core import limits
from ..core.errors import ParseError

# `slovnik: ignore` (every rule) or `slovnik: ignore[R101, S3]` (codes or code prefixes).
DIRECTIVE_RE = re.compile(r"slovnik:\s*ignore(?:\[\s*([A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*\])?")
# Alone on its line (after an optional comment leader) a directive covers the next paragraph; after
# text on the same line it covers that line only.
_DIRECTIVE_LINE_RE = re.compile(r"^\s*(?:#|//|%|;)?\s*" + DIRECTIVE_RE.pattern + r"\s*$")

URL_RE = re.compile(r"(?:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>\"'\])]*[^\s<>\"'\]).,;:!?]|<<[^<>\s]+>>")
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass(frozen=True)
class Suppression:
    """Findings on lines first..last (inclusive) whose code starts with one of *codes* are dropped.

    `codes` None means every rule.
    """

    first_line: int
    last_line: int
    codes: frozenset[str] | None

    def covers(self, line: int, code: str) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return self.codes is None or any(code.startswith(c) for c in self.codes)


@dataclass
class Document:
    """The prose of one file, position-preserving (see the module docstring)."""

    path: Path
    kind: str
    text: str
    source: str | None = None
    encoding: str = "utf-8"
    suppressions: list[Suppression] = field(default_factory=list)
    italics: list[tuple[int, int]] = field(default_factory=list)  # italic markup the reader saw (HTML)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _citations: list[tuple[int, int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    @property
    def citations(self) -> list[tuple[int, int]]:
        """Sorted spans of `text` that cite (titles, references): see glossary.lint.citations."""
        if self._citations is None:
            from .citations import citation_spans

            self._citations = citation_spans(self.text, self.italics)
        return self._citations

    def in_citation(self, start: int, end: int) -> bool:
        """Does text[start:end] overlap a citation span?"""
        spans = self.citations
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1
        if i >= 0 and spans[i][1] > start:
            return True
        return i + 1 < len(spans) and spans[i + 1][0] < end

    @property
    def fixable(self) -> bool:
        return self.source is not None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of *offset* in `text`."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return (self.source or self.text)[start:end]

    def suppressed(self, line: int, code: str) -> bool:
        return any(s.covers(line, code) for s in self.suppressions)


def parse_directive(comment: str) -> frozenset[str] | None | Literal[False]:
    """The codes of a `slovnik: ignore[...]` directive in *comment*: a frozenset, None (= all), or
    False when there is no directive."""
    m = DIRECTIVE_RE.search(comment)
    if not m:
        return False
    if m.group(1) is None:
        return None
    return frozenset(c.strip().upper() for c in m.group(1).split(","))


# ---------------------------------------------------------------- helpers


def blank(s: str) -> str:
    """Same length, newlines kept, everything else a space."""
    return re.sub(r"[^\n]", " ", s)


class Mask:
    """A mutable copy of the file text where ranges are blanked or (re)opened for checking."""

    def __init__(self, source: str, start_open: bool = True):
        self.source = source
        self.chars = list(source) if start_open else list(blank(source))
        self._text: str | None = None  # text() until the next change (readers ask once per pattern)

    def blank(self, start: int, end: int) -> None:
        self._text = None
        for i in range(start, end):
            if self.chars[i] != "\n":
                self.chars[i] = " "

    def open(self, start: int, end: int) -> None:
        self._text = None
        self.chars[start:end] = self.source[start:end]

    def blank_pattern(self, pattern: re.Pattern, start: int = 0, end: int | None = None) -> None:
        for m in pattern.finditer(self.source, start, len(self.source) if end is None else end):
            self.blank(m.start(), m.end())

    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.chars)
        return self._text


def line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def paragraph_end(lines: list[str], index: int) -> int:
    """0-based index of the last line of the paragraph starting at *index* (stops before a blank)."""
    j = index
    while j < len(lines) and not lines[j].strip():  # skip blank lines right after the directive
        j += 1
    while j + 1 < len(lines) and lines[j + 1].strip():
        j += 1
    return min(j, len(lines) - 1)


def line_directives(source: str, mask: Mask, path: Path) -> list[Suppression]:
    """Plain-text/Markdown/DOCX directive lines: blank them and turn them into suppressions."""
    out = []
    lines = source.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        m = DIRECTIVE_RE.search(line)
        if m:
            codes = parse_directive(line)
            assert codes is not False
            if _DIRECTIVE_LINE_RE.match(line):
                out.append(Suppression(i + 2, paragraph_end(lines, i + 1) + 1, codes))
            else:
                out.append(Suppression(i + 1, i + 1, codes))
            mask.blank(offset + m.start(), offset + m.end())
        offset += len(line) + 1
    return out


def decode(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding to write it back with). BOMs are honoured; otherwise UTF-8 unless told."""
    if encoding is None:
        if data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ParseError(path, line, f"not valid {encoding} text (byte 0x{data[e.start]:02x})") from e
    except LookupError as e:
        raise ParseError(path, None, f"unknown encoding {limits.quote(encoding)!r}") from e


# What a URL or an e-mail address cannot go without; neither spans a line, so only the lines holding
# one are searched (the patterns' scan of every word of a long text is most of a reader's time).
_URL_MARKS = ("://", "www.", "<<")
_EMAIL_MARKS = ("@",)


def common_masks(mask: Mask) -> None:
    for pattern, marks in ((URL_RE, _URL_MARKS), (EMAIL_RE, _EMAIL_MARKS)):
        for start, end in _lines_with(mask.source, marks):
            mask.blank_pattern(pattern, start, end)


def _lines_with(source: str, marks: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each line of *source* that holds one of *marks*, in order."""
    starts: set[int] = set()
    for mark in marks:
        i = source.find(mark)
        while i >= 0:
            start = source.rfind("\n", 0, i) + 1
            starts.add(start)
            end = source.find("\n", i)
            i = source.find(mark, len(source) if end < 0 else end)
    out = []
    for start in sorted(starts):
        end = source.find("\n", start)
        out.append((start, len(source) if end < 0 else end))
    return out
