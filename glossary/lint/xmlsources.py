"""TMX and XLIFF: the English side of every unit, parsed with a hardened lxml parser.

lxml reports the line of each element but not its offset, so start tags are matched to elements by
document order in the text (with comments and CDATA blanked first); the element's content is then
opened in the mask and its inline markup (tags, native-code elements, entities) blanked again.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import etree

from ..core.xmlsafe import parse_xml
from .document import (
    COMMENT_RE,
    ENTITY_RE,
    TAG_RE,
    Document,
    Mask,
    Suppression,
    blank,
    common_masks,
    decode,
    line_of,
    parse_directive,
)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


_INLINE_CODE_RE = re.compile(r"<((?:[\w.-]+:)?(?:bpt|ept|ph|it|ut|sub))\b[^>]*?(?<!/)>.*?</\1\s*>", re.S)
_CDATA_RE = re.compile(r"<!\[CDATA\[|\]\]>")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang_of(el) -> str:
    return (el.get(_XML_LANG) or el.get("lang") or "").lower()


def _target_elements(root) -> list[tuple[etree._Element, etree._Element]]:
    """(unit, text element) pairs for the English side of a TMX or XLIFF document."""
    kind = _local(root)
    pairs: list[tuple[etree._Element, etree._Element]] = []
    if kind == "tmx":
        header = next((e for e in root if _local(e) == "header"), None)
        srclang = (header.get("srclang") or "").lower() if header is not None else ""
        for tu in root.iter("{*}tu", "tu"):
            tuvs = [e for e in tu if _local(e) == "tuv"]
            chosen = [t for t in tuvs if _lang_of(t).split("-")[0] == "en"]
            if not chosen:
                chosen = [t for t in tuvs if srclang not in ("", "*all*") and _lang_of(t) != srclang]
            for tuv in chosen:
                pairs.extend((tu, seg) for seg in tuv if _local(seg) == "seg")
        return pairs
    # XLIFF 1.x (file/@target-language) and 2.x (xliff/@srcLang/@trgLang)
    src = (root.get("srcLang") or "").lower()
    files = [e for e in root.iter() if _local(e) == "file"]
    if not src and files:
        src = (files[0].get("source-language") or "").lower()
    side = "source" if src.split("-")[0] == "en" and not _trg_is_english(root, files) else "target"
    for unit in root.iter():
        name = _local(unit)
        if name == "trans-unit":
            pairs.extend((unit, e) for e in unit if _local(e) == side)
        elif name == "unit":
            for seg in unit:
                if _local(seg) in ("segment", "ignorable"):
                    pairs.extend((unit, e) for e in seg if _local(e) == side)
    return pairs


def _trg_is_english(root, files) -> bool:
    trg = (root.get("trgLang") or (files[0].get("target-language") if files else "") or "").lower()
    return trg.split("-")[0] == "en"


def _unit_of_comment(comment):
    parent = comment.getparent()
    while parent is not None:
        if _local(parent) in ("tu", "trans-unit", "unit"):
            return parent
        parent = parent.getparent()
    nxt = comment.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt


def read_units(path: Path, data: bytes, kind: str) -> Document:
    """The English side of a TMX or XLIFF file as a position-preserving Document."""
    tree = parse_xml(path, data)
    source, encoding = decode(path, data, tree.docinfo.encoding or "utf-8")
    if encoding.lower().replace("-", "") == "utf8" and data.startswith(codecs.BOM_UTF8):
        source, encoding = decode(path, data, "utf-8-sig")
    mask = Mask(source, start_open=False)
    # Match elements to their start tags by document order (lxml gives lines, not offsets); the
    # tag search runs over the text with comments and CDATA blanked so that they cannot match.
    searchable = COMMENT_RE.sub(lambda m: blank(m.group()), source)
    searchable = re.sub(r"<!\[CDATA\[.*?\]\]>", lambda m: blank(m.group()), searchable, flags=re.S)
    tags: dict[str, list[re.Match]] = {}
    order: dict[str, dict] = {}
    unit_lines: dict[etree._Element, list[int]] = {}
    root = tree.getroot()
    for unit, el in _target_elements(root):
        name = _local(el)
        if name not in tags:
            tags[name] = list(re.finditer(r"<(?:[\w.-]+:)?" + name + r"(?=[\s/>])[^>]*?(/?)>", searchable))
            order[name] = {e: i for i, e in enumerate(e for e in root.iter() if _local(e) == name)}
        index = order[name][el]
        if index >= len(tags[name]):
            continue
        om = tags[name][index]
        if om.group(1):
            continue
        cm = re.compile(r"</(?:[\w.-]+:)?" + name + r"\s*>").search(source, om.end())
        end = cm.start() if cm else len(source)
        mask.open(om.end(), end)
        for pattern in (COMMENT_RE, _INLINE_CODE_RE, _CDATA_RE, TAG_RE, ENTITY_RE):
            for pm in pattern.finditer(source, om.end(), end):
                mask.blank(pm.start(), pm.end())
        unit_lines.setdefault(unit, []).extend((el.sourceline, line_of(source, end)))
    suppressions = []
    for comment in tree.getroot().iter(etree.Comment):
        codes = parse_directive(comment.text or "")
        if codes is False:
            continue
        lines = unit_lines.get(_unit_of_comment(comment))
        if lines:
            suppressions.append(Suppression(min(lines), max(lines), codes))
    prose = Mask(mask.text())
    common_masks(prose)
    return Document(path, kind, prose.text(), source, encoding, suppressions)
