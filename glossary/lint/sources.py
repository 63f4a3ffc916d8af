"""Readers that pull the English prose out of a file, keeping every character where it was.

Each reader returns a `Document` whose `text` has exactly the length of the decoded file: everything
that is not prose to check (markup, fenced and inline code, URLs, e-mail addresses, PO msgids, TMX
source segments, …) is blanked to spaces, newlines are kept. A word found at offset *i* of `text` is
therefore at offset *i* of the file too, so findings get exact line/column positions and fixes can be
applied to the file text by offset. DOCX is the exception: its `text` is the paragraphs joined by
newlines (line = paragraph number) and it has no `source`, so it takes no automatic fixes.

Suppression directives (`slovnik: ignore[CODE,…]`) are read in each format's own comment syntax and
returned as line ranges on the document.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from ..core import limits
from ..core.errors import FormatNotSupported, ParseError
from ..core.textfile import read_input
from .document import (
    COMMENT_RE,
    ENTITY_RE,
    TAG_RE,
    Document,
    Mask,
    Suppression,
    common_masks,
    decode,
    line_directives,
    line_of,
    paragraph_end,
    parse_directive,
)

# ---------------------------------------------------------------- plain text


def read_text(path: Path, data: bytes) -> Document:
    """Plain text: every line is prose except URLs, e-mail addresses and directive lines.

    Suppression: a line that holds only `slovnik: ignore[CODES]` (optionally after `#`) covers the
    next paragraph; the directive after text on a line covers that line.
    """
    source, encoding = decode(path, data)
    mask = Mask(source)
    common_masks(mask)
    suppressions = line_directives(source, mask, path)
    return Document(path, "text", mask.text(), source, encoding, suppressions)


# ---------------------------------------------------------------- markdown

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The opening run of backticks looks behind its first backtick (not before it), so a search skips
# ahead to backticks instead of trying every position.
_CODE_SPAN_RE = re.compile(r"(`(?<!``)`*)(?!`)((?:(?!\n\s*\n).)+?)(?<!`)\1(?!`)", re.S)
_LINK_DEST_RE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)


def read_markdown(path: Path, data: bytes) -> Document:
    """Markdown: skips front matter, fenced code, code spans, link targets, autolinks, raw HTML tags,
    comments, URLs and e-mail addresses.

    Suppression: `<!-- slovnik: ignore[CODES] -->` on its own line covers the next block (up to a
    blank line); after text on a line it covers that line.
    """
    source, encoding = decode(path, data)
    mask = Mask(source)
    m = _FRONT_MATTER_RE.match(source)
    if m:
        mask.blank(0, m.end())
    # Fenced code blocks, line by line (a fence closes with the same character, at least as long).
    offset, fence = 0, None
    for line in source.split("\n"):
        fm = _FENCE_RE.match(line)
        if fence is None and fm:
            fence = fm.group(1)
            mask.blank(offset, offset + len(line))
        elif fence is not None:
            mask.blank(offset, offset + len(line))
            if (
                fm
                and fm.group(1)[0] == fence[0]
                and len(fm.group(1)) >= len(fence)
                and not line.strip()[len(fm.group(1)) :].strip()
            ):
                fence = None
        offset += len(line) + 1
    masked = mask.text()
    suppressions = []
    lines = source.split("\n")
    for cm in COMMENT_RE.finditer(masked):
        codes = parse_directive(cm.group())
        mask.blank(cm.start(), cm.end())
        if codes is False:
            continue
        first = line_of(source, cm.start())
        last = line_of(source, cm.end())
        before = source[source.rfind("\n", 0, cm.start()) + 1 : cm.start()]
        after = source[cm.end() :].split("\n", 1)[0]
        if before.strip() or after.strip():
            suppressions.append(Suppression(first, last, codes))
        else:
            suppressions.append(Suppression(last + 1, paragraph_end(lines, last) + 1, codes))
    for pattern in (_CODE_SPAN_RE, _LINK_DEST_RE, _REF_DEF_RE, _AUTOLINK_RE, TAG_RE, ENTITY_RE):
        for pm in pattern.finditer(mask.text()):
            mask.blank(pm.start(), pm.end())
    common_masks(mask)
    return Document(path, "markdown", mask.text(), source, encoding, suppressions)


# ---------------------------------------------------------------- html

_SKIP_ELEMENTS = {
    "script",
    "style",
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "tt",
    "textarea",
    "template",
    "math",
    "svg",
}
_ITALIC_ELEMENTS = {"i", "em", "cite"}
_VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _HTMLProse(HTMLParser):
    """Collects the offsets of text data outside skipped elements, and suppression comments.

    lxml does not report where a text node starts in the file, so the stdlib tokenizer is used here:
    it gives the exact line/offset of every data chunk, which is what fixes need.
    """

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.spans: list[tuple[int, int]] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.pending: list[tuple[int, frozenset[str] | None]] = []  # directives waiting for an element
        self.open_scopes: list[tuple[int, int, frozenset[str] | None]] = []  # (depth, first line, codes)
        self.suppressions: list[Suppression] = []
        self.italics: list[tuple[int, int]] = []  # text of <i>/<em>/<cite> elements (titles, terms)
        self._italic: list[int] = []  # [depth, start, end] of the open outermost italic element

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in _VOID_ELEMENTS:
            for first, codes in self.pending:
                self.suppressions.append(Suppression(first, line, codes))
            self.pending.clear()
            return
        self.stack.append(tag)
        if tag in _ITALIC_ELEMENTS:
            if not self._italic:
                self._italic = [0, -1, -1]
            self._italic[0] += 1
        for first, codes in self.pending:
            self.open_scopes.append((len(self.stack), first, codes))
        self.pending.clear()
        if tag in _SKIP_ELEMENTS:
            self.skip_depth += 1

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            depth = len(self.stack) + 1
            if open_tag in _SKIP_ELEMENTS:
                self.skip_depth -= 1
            if open_tag in _ITALIC_ELEMENTS and self._italic:
                self._italic[0] -= 1
                if self._italic[0] == 0:
                    if self._italic[1] >= 0:
                        self.italics.append((self._italic[1], self._italic[2]))
                    self._italic = []
            line = self.getpos()[0]
            still_open = []
            for d, first, codes in self.open_scopes:
                if d == depth:
                    self.suppressions.append(Suppression(first, line, codes))
                else:
                    still_open.append((d, first, codes))
            self.open_scopes = still_open
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.skip_depth == 0 and data:
            start = self._offset()
            self.spans.append((start, start + len(data)))
            if self._italic:
                if self._italic[1] < 0:
                    self._italic[1] = start
                self._italic[2] = start + len(data)

    def handle_comment(self, data):
        codes = parse_directive(data)
        if codes is not False:
            self.pending.append((self.getpos()[0], codes))


def read_html(path: Path, data: bytes) -> Document:
    """HTML: text outside tags, comments and script/style/code/pre (and similar) elements.

    Suppression: `<!-- slovnik: ignore[CODES] -->` covers the next element.
    """
    source, encoding = decode(path, data, _html_charset(data))
    parser = _HTMLProse(source)
    try:
        parser.feed(source)
        parser.close()
    except AssertionError as e:  # html.parser signals malformed markup declarations this way
        raise ParseError(path, parser.getpos()[0], f"malformed HTML: {limits.quote(str(e))}") from e
    for _depth, first, codes in parser.open_scopes:  # unclosed elements run to the end of the file
        parser.suppressions.append(Suppression(first, line_of(source, len(source)), codes))
    mask = Mask(source, start_open=False)
    for start, end in parser.spans:
        mask.open(start, end)
    for pm in ENTITY_RE.finditer(mask.text()):
        mask.blank(pm.start(), pm.end())
    common_masks(mask)
    return Document(path, "html", mask.text(), source, encoding, parser.suppressions, parser.italics)


def _html_charset(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


# ---------------------------------------------------------------- docx


def read_docx(path: Path, data: bytes) -> Document:
    """DOCX: every paragraph of the body (tables included) is one line; line = paragraph number.

    Suppression: a paragraph holding only `slovnik: ignore[CODES]` covers the next paragraph(s) up to
    an empty one; the directive inside a paragraph covers that paragraph.
    """
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    from ..core import xmlsafe  # lxml: only for the formats that need it

    xmlsafe.open_zip(
        path, data, kind="DOCX file"
    ).close()  # sizes, ratios and every XML part through the XML gate
    failures: tuple[type[BaseException], ...] = (PackageNotFoundError, *xmlsafe.package_failures())
    try:
        document = xmlsafe.quietly(docx.Document, io.BytesIO(data))
        body = document.element.body  # a main part of the wrong kind has none
        paragraphs = [Paragraph(p, document).text.replace("\n", " ") for p in body.iter(qn("w:p"))]
    except failures as e:
        raise ParseError(path, None, f"not a readable DOCX file: {xmlsafe.library_detail(e)}") from None
    text = "\n".join(paragraphs)
    mask = Mask(text)
    common_masks(mask)
    suppressions = line_directives(text, mask, path)
    return Document(path, "docx", mask.text(), None, "utf-8", suppressions)


# ---------------------------------------------------------------- po

_PO_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_PO_ESCAPE_RE = re.compile(r"\\.")
# printf (%s, %1$d, %(name)s) and brace ({0}, {name}) placeholders are code, not prose.
_PLACEHOLDER_RE = re.compile(
    r"%(?:\([\w.-]+\)|\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa%]"
    r"|\{[\w.:!-]*\}"
)


def read_po(path: Path, data: bytes) -> Document:
    """PO/POT: the msgstr strings (plural forms included) of every non-obsolete entry but the header.

    Suppression: a translator comment `# slovnik: ignore[CODES]` covers that entry's msgstr.
    """
    from ..core.pofile import parse_po
    from ..core.textfile import decode_po

    source, encoding = decode_po(path, data)
    parse_po(path, source, encoding)  # a PO file polib cannot read is refused, not half-checked
    mask = Mask(source, start_open=False)
    suppressions: list[Suppression] = []
    codes: frozenset[str] | None | Literal[False] = False
    state = "start"  # which keyword's strings the current continuation lines belong to
    after_msgstr = False
    header = False
    offset = 0
    for lineno, line in enumerate(source.split("\n"), start=1):
        stripped = line.lstrip()
        keyword = stripped.split(" ", 1)[0] if stripped else ""
        if stripped.startswith("#"):
            if after_msgstr:  # a comment after a msgstr starts the next entry
                codes, after_msgstr = False, False
            if stripped.startswith("#~"):
                state = "obsolete"
            elif stripped[1:2] in ("", " "):
                found = parse_directive(stripped)
                if found is not False:
                    codes = found if codes is False or found is None or codes is None else codes | found
            offset += len(line) + 1
            continue
        if keyword in ("msgctxt", "msgid"):
            if after_msgstr:
                codes, after_msgstr = False, False
            if keyword == "msgid":
                header = stripped == 'msgid ""'
            state = keyword
        elif keyword.startswith("msgid_plural"):
            state = "msgid"
        elif keyword.startswith("msgstr"):
            state, after_msgstr = "msgstr", True
        elif not stripped.startswith('"'):
            state = "start"
        elif state == "msgid":
            header = False  # a continuation of msgid "" means it is not the header
        if state == "msgstr" and not header:
            for sm in _PO_STRING_RE.finditer(line):
                a, b = offset + sm.start(1), offset + sm.end(1)
                mask.open(a, b)
                for pattern in (_PO_ESCAPE_RE, _PLACEHOLDER_RE):
                    for em in pattern.finditer(source, a, b):
                        mask.blank(em.start(), em.end())
            if codes is not False:
                suppressions.append(Suppression(lineno, lineno, codes))
        offset += len(line) + 1
    mask_text = Mask(mask.text())
    common_masks(mask_text)
    return Document(path, "po", mask_text.text(), source, encoding, suppressions)


# ---------------------------------------------------------------- registry


def read_tmx(path: Path, data: bytes) -> Document:
    """TMX: the English `seg` of each `tu` (else every variant not in the header's srclang).

    Suppression: an XML comment `<!-- slovnik: ignore[CODES] -->` inside a `tu` or right before it.
    """
    from .xmlsources import read_units  # lxml: only for the formats that need it

    return read_units(path, data, "tmx")


def read_xliff(path: Path, data: bytes) -> Document:
    """XLIFF 1.2 / 2.x: the `target` of every unit (the `source` when only the source is English).

    Suppression: an XML comment `<!-- slovnik: ignore[CODES] -->` inside a unit or right before it.
    """
    from .xmlsources import read_units  # lxml: only for the formats that need it

    return read_units(path, data, "xliff")


READERS: dict[str, Callable[[Path, bytes], Document]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".docx": read_docx,
    ".po": read_po,
    ".pot": read_po,
    ".tmx": read_tmx,
    ".xlf": read_xliff,
    ".xliff": read_xliff,
}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


STDIN = Path("-")


def read_stdin(data: bytes, name: str | None = None) -> Document:
    """Text given on standard input. *name* (`--stdin-filename`) picks the reader by its extension
    and names the findings; without it the text is plain text named `-`."""
    from ..core import limits

    if len(data) > limits.LIMITS.max_input:
        raise ParseError(Path(name or "-"), None, f"input larger than {limits.LIMITS.max_input} bytes")
    path = Path(name) if name else STDIN
    if name and path.suffix.lower() not in READERS:
        raise FormatNotSupported(
            f"{name}: cannot lint {path.suffix or 'files without an extension'} "
            f"(supported: {', '.join(sorted(READERS))})"
        )
    return READERS.get(path.suffix.lower(), read_text)(path, data)


def reread(document: Document, text: str) -> Document:
    """*document* as it reads with *text* (its fixed text) in place of its source."""
    reader = READERS.get(document.path.suffix.lower(), read_text)
    return reader(document.path, text.encode(document.encoding))


def read_document(path: str | Path) -> Document:
    """Read *path* with the reader for its extension."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise FormatNotSupported(
            f"{path}: cannot lint {path.suffix or 'files without an extension'} "
            f"(supported: {', '.join(sorted(READERS))})"
        )
    # read whole, within the input limit; the ZIP and XML readers check their own bytes
    return reader(path, read_input(path, text=reader not in (read_docx, read_tmx, read_xliff)))
