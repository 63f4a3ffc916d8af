"""XML helpers shared by the TMX and XLIFF readers and writers.

Every read goes through the project's one XML gate (`glossary.core.xmlsafe`): the prolog is
judged before libxml2 reads the body (a DOCTYPE declaring entities is refused; one that only names
an external DTD, as OmegaT's `SYSTEM "tmx11.dtd"`, is never loaded), and libxml2's errors become
`ParseError(path, line, message)` in slovnik's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from lxml import etree

from glossary.core import xmlsafe
from glossary.core.xmlsafe import local_tag
from tm.errors import TMWriteError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl"}
_NOT_NAME_CHAR = re.compile(r"[^\w.:-]")


def lang_tag(tag: str) -> str:
    """A BCP 47 tag for XML (xml:lang, XLIFF's xs:language): gettext's `ru_RU` → `ru-RU`,
    `sr@latin` → `sr-Latn`, `sr_RS@latin` → `sr-Latn-RS`; anything else as it is."""
    base, _, modifier = tag.partition("@")
    language, _, region = base.replace("_", "-").partition("-")
    if modifier in _SCRIPTS:  # BCP 47 puts the script before the region: sr_RS@latin → sr-Latn-RS
        language = f"{language}-{_SCRIPTS[modifier]}"
    return f"{language}-{region}" if region else language


def is_language_tag(tag: str) -> bool:
    """Whether *tag* (gettext spelling allowed: `ru_RU`, `sr@latin`) is a valid BCP 47 language tag."""
    import langcodes  # wordfreq's dependency: registered subtags, not just the tag's shape

    return langcodes.tag_is_valid(lang_tag(tag))


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


def iterparse(
    path: str | Path,
    tags: tuple[str, ...] | None = None,
    events: tuple[str, ...] = ("start", "end"),
    source=None,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream (event, element) pairs through the XML gate (comments and PIs dropped).

    The caller clears elements it is done with (see `release`) so memory stays constant. *tags*
    limits the events to those elements (the parser still builds the rest; Python sees less).
    *source*: a file object to read instead of *path* (a part of the file; *path* names it in errors).
    """
    return xmlsafe.iterparse(Path(path), tags, events, source=source)


def release(elem: etree._Element) -> None:
    """Free a processed element and the siblings before it (constant memory while streaming)."""
    elem.clear(keep_tail=False)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def parse(path: str | Path) -> etree._ElementTree:
    """Parse a whole document through the XML gate (for write-back of XLIFF, where the structure
    must be kept)."""
    return xmlsafe.parse_xml(Path(path))


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


_U = TypeVar("_U")  # what write_elements writes: a unit of the caller's own kind


def write_elements(
    xf, units: Iterable[_U], make: Callable[[_U, int], etree._Element], leaves: frozenset[str], fmt: str
) -> int:
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
