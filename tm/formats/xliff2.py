"""XLIFF 2.0/2.1: streaming read (one unit per `<segment>`), write from scratch, write-back.

A `<unit>` with one segment gives a TU whose id is the unit id; with several, `unit-id#segment-id`
(the segment's id, else its 1-based position). `name` ↔ context, `<note category="x-comment">` ↔
comments, other notes ↔ notes. Segment `state`: initial with a target → fuzzy; reviewed/final → flag
`approved`. Native codes in `<originalData>` are put in the tags' `code`, and written back from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from glossary.core import limits
from glossary.core.atomic import atomic_open
from glossary.core.errors import ParseError
from tm.model import Segment, Tag, TranslationUnit

from . import _xml
from ._inline import InlineSpec, fill, read_segment
from .xliff import _fail, _index

NS = "urn:oasis:names:tc:xliff:document:2.0"
_Q = f"{{{NS}}}"
_CODE = frozenset({"id", "canCopy", "canDelete", "canReorder", "copyOf", "subType", "type"})
_MARK = frozenset({"id", "translate", "type", "ref", "value"})

_LEAVES = frozenset({"source", "target"})

# XLIFF 2 code `type` is a closed list; TMX `type` and XLIFF 1.2 `ctype` name formatting instead,
# which XLIFF 2 says as type="fmt" with an `xlf:` subType.
_CODE_TYPES = frozenset({"fmt", "ui", "quote", "link", "image", "other"})
_FOREIGN_TYPES = {
    "bold": ("fmt", "xlf:b"),
    "italic": ("fmt", "xlf:i"),
    "underlined": ("fmt", "xlf:u"),
    "ulined": ("fmt", "xlf:u"),
    "lb": ("fmt", "xlf:lb"),
    "pb": ("fmt", "xlf:pb"),
    "x-link": ("link", None),
    "x-image": ("image", None),
}
_MARK_TYPES = frozenset({"generic", "comment", "term"})
_USER_DEFINED = re.compile(r"^[^\s:]+:[^\s:]+$")


def _valid_values(kind: str, attrs: dict[str, str]) -> dict[str, str]:
    """Keep attribute values XLIFF 2 allows: map foreign code types, drop what cannot be mapped."""
    kind_type = attrs.get("type")
    if kind in ("mrk", "sm"):
        if kind_type is not None and kind_type not in _MARK_TYPES and not _USER_DEFINED.match(kind_type):
            del attrs["type"]
        return attrs
    if kind_type is not None and kind_type not in _CODE_TYPES:
        mapped, sub_type = _FOREIGN_TYPES.get(kind_type, (None, None))
        attrs.pop("type")
        if mapped:
            attrs["type"] = mapped
            if sub_type:
                attrs.setdefault("subType", sub_type)
    sub_type = attrs.get("subType")
    if sub_type is not None and ("type" not in attrs or not _USER_DEFINED.match(sub_type)):
        del attrs["subType"]  # subType needs a type, and the form prefix:value
    return attrs


def spec(data: dict[str, str] | None = None) -> InlineSpec:
    return InlineSpec(
        ns=NS,
        paired=frozenset({"pc", "mrk"}),
        coded=frozenset(),
        empty=frozenset({"ph", "sc", "ec", "sm", "em", "cp"}),
        id_attr={"ec": "startRef", "em": "startRef"},
        allowed={
            "ph": _CODE | {"disp", "equiv", "dataRef", "subFlows"},
            "pc": _CODE
            | {
                "canOverlap",
                "dispEnd",
                "dispStart",
                "equivEnd",
                "equivStart",
                "dataRefEnd",
                "dataRefStart",
                "subFlowsEnd",
                "subFlowsStart",
                "dir",
            },
            "sc": _CODE | {"canOverlap", "dataRef", "dir", "disp", "equiv", "isolated", "subFlows"},
            "ec": _CODE
            | {"startRef", "canOverlap", "dataRef", "dir", "disp", "equiv", "isolated", "subFlows"},
            "mrk": _MARK,
            "sm": _MARK,
            "em": frozenset({"startRef"}),
            "cp": frozenset({"hex"}),
        },
        required_id=frozenset({"ph", "pc", "sc", "ec", "mrk", "sm", "em"}),
        adapt={
            "hi": "pc",
            "g": "pc",
            "bpt": "sc",
            "bx": "sc",
            "ept": "ec",
            "ex": "ec",
            "x": "ph",
            "ut": "ph",
            "it:open": "sc",
            "it:close": "ec",
        },
        fallback="ph",
        defaults={"cp": {"hex": "FFFD"}},
        data=(lambda ref: data.get(ref, "")) if data is not None else None,
        values=_valid_values,
    )


SPEC = spec()


def _units(unit_el, path: Path, langs: tuple) -> Iterator[TranslationUnit]:
    data = {d.get("id"): d.text or "" for d in unit_el.iter(_Q + "data")}
    inline = spec(data)
    notes: list[str] = []
    comments: list[str] = []
    for note in unit_el.iterfind(f"{_Q}notes/{_Q}note"):
        (comments if note.get("category") == "x-comment" else notes).append(note.text or "")
    segments = list(unit_el.iterchildren(_Q + "segment"))
    unit_id = unit_el.get("id")
    for number, seg in enumerate(segments, 1):
        source_el = seg.find(_Q + "source")
        if source_el is None:
            raise ParseError(path, seg.sourceline, "<segment> has no <source>")
        for name in ("source", "target"):  # a second one would be silently lost
            extra = seg.findall(_Q + name)[1:]
            if extra:
                raise ParseError(path, extra[0].sourceline, f"more than one <{name}> in one <segment>")
        target = read_segment(seg.find(_Q + "target"), inline)
        state = seg.get("state", "initial")
        ident = unit_id if len(segments) == 1 else f"{unit_id}#{seg.get('id') or number}"
        unit = TranslationUnit(
            source=read_segment(source_el, inline),
            target=target,
            id=ident,
            source_lang=langs[0],
            target_lang=langs[1],
            context=unit_el.get("name"),
            notes=list(notes),
            comments=list(comments),
            fuzzy=state == "initial" and bool(target),
            flags=["approved"] if state in ("reviewed", "final") else [],
            origin=path.name,
            line=seg.sourceline,
        )
        yield unit


def iter_units(
    path: str | Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    header: dict | None = None,
) -> Iterator[TranslationUnit]:
    path = Path(path)
    langs = (source_lang, target_lang)
    root_seen = file_seen = False
    for event, elem in _xml.iterparse(path, ("{*}xliff", "{*}file", "{*}unit")):
        name = _xml.local(elem.tag)
        if name == "file" and root_seen:
            file_seen = True
            continue
        if event == "start":
            if not root_seen:
                root_seen = True
                if elem.tag != _Q + "xliff":
                    raise ParseError(
                        path, elem.sourceline, f"not an XLIFF 2 file (root <{limits.quote(elem.tag)}>)"
                    )
                langs = (source_lang or elem.get("srcLang"), target_lang or elem.get("trgLang"))
                if not langs[0]:
                    raise ParseError(path, elem.sourceline, "XLIFF 2 root has no srcLang")
                if header is not None:
                    header.update(source_lang=langs[0], target_lang=langs[1], version=elem.get("version", ""))
            continue
        if name == "unit":
            yield from _units(elem, path, langs)
            _xml.release(elem)
    if not root_seen:
        raise ParseError(path, None, "not an XLIFF 2 file (no <xliff> root element)")
    if not file_seen:  # the schema requires one; without it the file says nothing, not "0 units"
        raise ParseError(path, None, "XLIFF 2 file has no <file> element")


def _state(unit: TranslationUnit, old: str | None) -> str:
    if unit.fuzzy:
        return "initial"
    if "approved" in unit.flags:
        return old if old in ("reviewed", "final") else "final"
    return old if old in ("translated", "reviewed", "final") else "translated"


def _data_refs(segments: Iterable[Segment]) -> dict[str, str]:
    """originalData entries for the dataRef* attributes the tags carry (code from the tags)."""
    data: dict[str, str] = {}
    pending: dict[tuple[str, str | None], str] = {}
    for segment in segments:
        for part in segment.parts:
            if not isinstance(part, Tag):
                continue
            for name in ("dataRef", "dataRefStart"):
                ref = part.attr(name)
                if ref:
                    data.setdefault(ref, part.code)
            end = part.attr("dataRefEnd")
            if end:
                pending[(part.kind, part.id)] = end
            if part.pos == "close" and (part.kind, part.id) in pending:
                data.setdefault(pending.pop((part.kind, part.id)), part.code)
    return data


def unit_element(unit: TranslationUnit, number: int, used: set[str] | None = None):
    """A `<unit>`; pass the same *used* set for a whole file to keep ids unique NMTOKENs."""
    attrs = {"id": _xml.unique_id(unit.id or f"u{number}", used if used is not None else set(), nmtoken=True)}
    if unit.context:
        attrs["name"] = unit.context
    el = etree.Element(_Q + "unit", attrs, nsmap={None: NS})
    if unit.notes or unit.comments:
        notes = etree.SubElement(el, _Q + "notes")
        for text in unit.notes:
            etree.SubElement(notes, _Q + "note").text = text
        for text in unit.comments:
            etree.SubElement(notes, _Q + "note", category="x-comment").text = text
    data = _data_refs([unit.source, unit.target])
    if data:
        original = etree.SubElement(el, _Q + "originalData")
        for ref, code in data.items():
            etree.SubElement(original, _Q + "data", id=ref).text = code
    seg = etree.SubElement(el, _Q + "segment")
    if unit.target:
        seg.set("state", _state(unit, None))
    fill(etree.SubElement(seg, _Q + "source"), unit.source, SPEC)
    if unit.target:
        fill(etree.SubElement(seg, _Q + "target"), unit.target, SPEC)
    return el


def write(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str,
    target_lang: str | None,
    template: str | Path | None = None,
    original: str = "slovnik",
    version: str = "2.0",
) -> int:
    """Write XLIFF 2; with *template*, fill the targets of that original instead (merge_targets)."""
    if template is not None:
        return merge_targets(template, units, path)
    with atomic_open(path, "wb") as fh, etree.xmlfile(fh, encoding="UTF-8") as xf:
        xf.write_declaration()
        attrs = {"version": version, "srcLang": _xml.lang_tag(source_lang)}
        if target_lang:
            attrs["trgLang"] = _xml.lang_tag(target_lang)
        with xf.element(_Q + "xliff", attrs, nsmap={None: NS}):
            xf.write("\n")
            with xf.element(_Q + "file", {"id": "f1", "original": original}):
                xf.write("\n")
                used: set[str] = set()
                count = _xml.write_elements(
                    xf, units, lambda unit, n: unit_element(unit, n, used), _LEAVES, "XLIFF"
                )
                if not count:  # a <file> needs a unit or a group: an empty group keeps it valid
                    xf.write(etree.Element(_Q + "group", id="empty", nsmap={None: NS}), "\n")
    return count


def merge_targets(original: str | Path, units: Iterable[TranslationUnit], out: str | Path) -> int:
    """Copy the XLIFF 2 *original* to *out* with segment targets filled from *units*."""
    tree = _xml.parse(original)
    root = tree.getroot()
    by_id, by_source = _index(units)
    filled = 0
    for unit_el in root.iter(_Q + "unit"):
        segments = list(unit_el.iterchildren(_Q + "segment"))
        data = {d.get("id"): d.text or "" for d in unit_el.iter(_Q + "data")}
        for number, seg in enumerate(segments, 1):
            uid = (
                unit_el.get("id") if len(segments) == 1 else f"{unit_el.get('id')}#{seg.get('id') or number}"
            )
            source = seg.find(_Q + "source")
            unit = by_id.get(uid) or by_source.get(read_segment(source, spec(data)).text)
            if unit is None or not unit.target:
                continue
            target = seg.find(_Q + "target")
            if target is None:
                target = etree.Element(_Q + "target")
                source.addnext(target)
                target.tail = source.tail
            try:
                fill(target, unit.target, SPEC)
            except ValueError as e:
                raise _fail(unit, e) from e
            seg.set("state", _state(unit, seg.get("state")))
            if unit.target_lang and not root.get("trgLang"):
                root.set("trgLang", _xml.lang_tag(unit.target_lang))
            filled += 1
    with atomic_open(out, "wb") as fh:
        tree.write(fh, xml_declaration=True, encoding="UTF-8")
    return filled
