"""Hardened XML parsing shared by the TBX readers (and anyone else reading untrusted XML).

lxml is told never to resolve entities, load a DTD or touch the network, and to refuse huge trees.
A DOCTYPE that *declares* entities (the XXE and billion-laughs shapes) is refused outright with a
one-line error, before lxml sees it, so no expansion can happen however the parser is configured.
A plain `<!DOCTYPE martif PUBLIC … "TBXcdv04.dtd">`, as Weblate and translate-toolkit write it, is
fine: it declares nothing and is not loaded.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import ParseError

# An internal subset `[ … ]` holding an ENTITY declaration, anywhere in the DOCTYPE.
_ENTITY_DECL = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.DOTALL | re.IGNORECASE)


# The flags every XML read in slovnik uses (tree parsers and iterparse alike): no entity expansion,
# no network, no DTD loading, bounded trees.
HARDENED = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def make_parser() -> etree.XMLParser:
    return etree.XMLParser(remove_blank_text=False, dtd_validation=False, **HARDENED)


def parse_xml(path: Path, data: bytes | None = None) -> etree._ElementTree:
    """Parse *path* (or *data* read from it) safely; errors become ParseError(path, line, …)."""
    if data is None:
        data = Path(path).read_bytes()
    if not data.strip():
        raise ParseError(path, None, "empty file")
    match = _ENTITY_DECL.search(data[:65536])
    if match:
        line = data[: match.start()].count(b"\n") + 1
        raise ParseError(path, line, "DOCTYPE declares entities (external entities and entity "
                         "expansion are refused)")
    try:
        root = etree.fromstring(data, make_parser())
    except etree.XMLSyntaxError as e:
        line = e.lineno or (e.position[0] if e.position else None)
        message = e.msg or str(e)
        # lxml appends "(file, line N)"; we already name both.
        message = re.sub(r"\s*\(<string>, line \d+\)$|, line \d+, column \d+$", "", message)
        raise ParseError(path, line, f"invalid XML: {message}") from e
    # With an external DTD named (never loaded), libxml2 keeps unknown `&name;` as unresolved
    # entity nodes; refuse them rather than silently dropping text.
    for entity in root.iter(etree.Entity):
        raise ParseError(path, entity.sourceline, f"invalid XML: undefined entity {entity.text}")
    return etree.ElementTree(root)


_XML_SPACE = re.compile(r"[ \t\r\n]+")
_PARTS: dict[str, tuple[str, str]] = {}


def split_tag(tag) -> tuple[str, str]:
    """(namespace, local name) of an element tag, cached per tag: `{urn:iso:std:iso:30042:ed-2}conceptEntry`
    → (`urn:iso:std:iso:30042:ed-2`, `conceptEntry`); ("", "") for comments and processing
    instructions, whose tag is a function."""
    try:
        return _PARTS[tag]
    except KeyError:
        if not isinstance(tag, str):
            return "", ""
    ns, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    parts = _PARTS[tag] = (ns, name)
    return parts


def local_tag(tag) -> str:
    """The element name of a tag without its namespace ("" for comments and PIs)."""
    return split_tag(tag)[1]


def local_name(element) -> str:
    """`conceptEntry` for `{urn:iso:std:iso:30042:ed-2}conceptEntry`; "" for comments and PIs."""
    return split_tag(element.tag)[1]


def namespace(element) -> str:
    return split_tag(element.tag)[0]


def text_of(element) -> str:
    """All text inside *element* (inline markup flattened), whitespace collapsed."""
    text = (element.text or "") if len(element) == 0 else "".join(element.itertext())
    # Only XML whitespace is collapsed: a no-break space inside a Russian term is data.
    return _XML_SPACE.sub(" ", text).strip(" ")
