"""Hardened XML reading shared by the TMX and XLIFF readers.

Every parse goes through lxml with entity resolution, network access and DTD loading off and the
size limits on (`huge_tree=False`). A DOCTYPE that declares entities (XXE, billion laughs) is refused
outright; a DOCTYPE that only names an external DTD (OmegaT writes `SYSTEM "tmx11.dtd"`) is fine,
since that DTD is never loaded. lxml's errors become `ParseError(path, line, message)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree

from glossary.errors import ParseError
from glossary.formats.xmlsafe import HARDENED, local_tag
from tm.errors import TMWriteError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"



_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl"}
_NOT_NAME_CHAR = re.compile(r"[^\w.:-]")


def lang_tag(tag: str) -> str:
    """A BCP 47 tag for XML (xml:lang, XLIFF's xs:language): gettext's `ru_RU` → `ru-RU`,
    `sr@latin` → `sr-Latn`; anything else as it is."""
    base, _, modifier = tag.partition("@")
    base = base.replace("_", "-")
    return f"{base}-{_SCRIPTS[modifier]}" if modifier in _SCRIPTS else base


def unique_id(wanted: str, used: set[str], *, nmtoken: bool = False) -> str:
    """*wanted*, made unique among *used* (XLIFF ids must be unique in a file; TMX tuids need not be)
    and, for XLIFF 2, an NMTOKEN (`chapter 1` → `chapter_1`). Adds the result to *used*."""
    ident = _NOT_NAME_CHAR.sub("_", wanted) if nmtoken else wanted
    candidate, n = ident, 2
    while candidate in used:
        candidate, n = f"{ident}-{n}", n + 1
    used.add(candidate)
    return candidate


# The element name of a tag without its namespace ("" for comments and processing instructions).
local = local_tag


def _entity_line(path: Path) -> int | None:
    """The line of the first <!ENTITY declaration, for the error message (ASCII-compatible files)."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    at = head.find(b"<!ENTITY")
    return head.count(b"\n", 0, at) + 1 if at >= 0 else None


def refuse_empty(path: Path) -> None:
    """An empty (or whitespace-only) file is named as such, not as lxml's "no element found"."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip() and len(head) < (1 << 16):
        raise ParseError(path, None, "empty file")


def _refuse_entities(path: Path, root: etree._Element) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseError(path, _entity_line(path),
                         "DOCTYPE declares entities (refused: XXE / entity expansion risk)")


def _syntax_error(path: Path, e: etree.XMLSyntaxError) -> ParseError:
    msg = (e.msg or str(e)).strip()
    msg = re.sub(r",? line \d+, column \d+$", "", msg)  # the line goes in front, once
    if "encoding" in msg.lower() or "not proper UTF-8" in msg or "Char 0x" in msg:
        msg = f"invalid XML (wrong declared encoding?): {msg}"
    else:
        msg = f"invalid XML: {msg}"
    return ParseError(path, e.lineno or None, msg)


def iterparse(path: str | Path, tags: tuple[str, ...] | None = None,
              events: tuple[str, ...] = ("start", "end"), source=None) -> Iterator[tuple[str, etree._Element]]:
    """Stream (event, element) pairs with the hardened flags; errors become ParseError.

    The caller clears elements it is done with (see `release`) so memory stays constant. *tags*
    limits the events to those elements (the parser still builds the rest; Python sees less).
    *source*: a file object to read instead of *path* (a part of the file; *path* names it in errors).
    """
    path = Path(path)
    if source is None:
        refuse_empty(path)
    try:
        context = etree.iterparse(str(path) if source is None else source, events=events, tag=tags,
                                  remove_comments=True, remove_pis=True, **HARDENED)
        checked = False
        for event, elem in context:
            if not checked:
                _refuse_entities(path, elem)
                checked = True
            yield event, elem
        if not checked and context.root is not None:  # *tags* filtered every event out
            _refuse_entities(path, context.root)
    except etree.XMLSyntaxError as e:
        raise _syntax_error(path, e) from e


def release(elem: etree._Element) -> None:
    """Free a processed element and the siblings before it (constant memory while streaming)."""
    elem.clear(keep_tail=False)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def parse(path: str | Path) -> etree._ElementTree:
    """Parse a whole document (for write-back of XLIFF, where the structure must be kept)."""
    path = Path(path)
    refuse_empty(path)
    parser = etree.XMLParser(remove_blank_text=False, **HARDENED)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as e:
        raise _syntax_error(path, e) from e
    _refuse_entities(path, tree.getroot())
    return tree


def indent(el, leaves: frozenset[str], level: int = 0) -> None:
    """Indent structural elements only: lxml's pretty_print would also indent a `<seg>` that starts
    with a tag, changing its text. Elements named in *leaves* (seg, source, target) are left as-is."""
    if local(el.tag) in leaves or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        indent(child, leaves, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def write_error(unit, error: ValueError, fmt: str) -> TMWriteError:
    """lxml refuses characters XML cannot hold (control characters) with ValueError: name the unit."""
    where = f"{unit.origin}:{unit.line}: " if unit.origin else ""
    return TMWriteError(f"{where}cannot write as {fmt}: {error}")


def write_elements(xf, units, make: Callable[[object, int], etree._Element], leaves: frozenset[str],
                   fmt: str) -> int:
    """Write `make(unit, number)` for each unit (1-based number), indented, one per line, into the
    open `etree.xmlfile` *xf*; returns how many were written."""
    count = 0
    for count, unit in enumerate(units, 1):
        try:
            element = make(unit, count)
        except ValueError as e:
            raise write_error(unit, e, fmt) from e
        indent(element, leaves)
        xf.write(element, "\n")
    return count
