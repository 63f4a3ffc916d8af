"""Inline markup ⇄ Segment parts, shared by TMX and XLIFF.

An `InlineSpec` names a format's inline vocabulary: *paired* elements that wrap text (TMX hi,
XLIFF g/mrk/pc) become an open and a close Tag around their content; *coded* elements carry native
code as text (TMX bpt/ept/ph/it/ut, XLIFF 1.2 bpt/ept/ph/it) and may hold `<sub>` flows, which become
a `sub` open Tag, the sub-flow's own parts, and a `sub` close Tag whose `code` is the native code that
follows the sub-flow inside the same element; everything else is an empty element. The writer turns
the parts back into the same elements, keeping only the attributes the format allows, filling the
required ones from `Tag.id`/`Tag.pos`, and mapping foreign kinds (a TMX `hi` into XLIFF 1.2 becomes
`g`) through the spec's `adapt` table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from tm.model import Segment, Tag, TagPos

from ._xml import local

_OPENING = {"bpt", "bx", "sc", "sm"}
_CLOSING = {"ept", "ex", "ec", "em"}


@dataclass(frozen=True)
class InlineSpec:
    ns: str | None
    paired: frozenset[str]
    coded: frozenset[str]
    empty: frozenset[str]
    id_attr: dict[str, str]
    allowed: dict[str, frozenset[str]]
    required_id: frozenset[str] = frozenset()
    adapt: dict[str, str] = field(default_factory=dict)
    fallback: str = "ph"
    defaults: dict[str, dict[str, str]] = field(default_factory=dict)  # attributes a kind requires
    it_pos: tuple[str, str] = ("begin", "end")  # TMX `it pos`; XLIFF 1.2 says open/close
    data: Callable[[str], str] | None = None  # XLIFF 2 originalData lookup for `code`
    # Fixes attribute *values* the format constrains (XLIFF 2 `type` is a closed list): (kind, attrs)
    values: Callable[[str, dict[str, str]], dict[str, str]] | None = None

    def qname(self, kind: str) -> str:
        return f"{{{self.ns}}}{kind}" if self.ns else kind

    @cached_property
    def kinds(self) -> frozenset[str]:
        """Every kind the format defines (computed once: the reader asks for each inline element)."""
        return self.paired | self.coded | self.empty


def _tag_pos(kind: str, el) -> TagPos:
    if kind == "it":
        return "open" if el.get("pos") in ("begin", "open") else "close"
    if kind in _OPENING:
        return "open"
    if kind in _CLOSING:
        return "close"
    return "empty"


def _attrs(el) -> tuple[tuple[str, str], ...]:
    return tuple(el.items())  # (name, value) pairs in document order, as el.attrib.items() gives


def read_parts(el, spec: InlineSpec) -> list[str | Tag]:
    """The content of a seg/source/target element as Segment parts."""
    parts: list[str | Tag] = []
    _read(el, spec, parts)
    return parts


def _read(el, spec: InlineSpec, parts: list[str | Tag]) -> bool:
    """Append the content of *el* to *parts*; True when a comment or PI was skipped. Every string
    appended is non-empty and follows a Tag or starts the content, except the text after a skipped
    comment or PI, which may follow the text before it: only then do the parts need normalizing."""
    skipped = False
    if el.text:
        parts.append(el.text)
    for child in el:
        kind = local(child.tag)
        if not kind:  # comment or PI inside a segment
            if child.tail:
                parts.append(child.tail)
            skipped = True
            continue
        ident = child.get(spec.id_attr.get(kind, "id"))
        attrs = _attrs(child)
        # an element the format does not define but that wraps text (tools do emit such) is kept as a
        # pair so its text is not lost
        if kind in spec.paired or (kind not in spec.kinds and (child.text or len(child))):
            open_code = close_code = ""
            if spec.data is not None:
                open_code = spec.data(child.get("dataRefStart", ""))
                close_code = spec.data(child.get("dataRefEnd", ""))
            parts.append(Tag(kind, "open", ident, attrs, open_code))
            skipped |= _read(child, spec, parts)
            parts.append(Tag(kind, "close", ident, (), close_code))
        elif kind in spec.coded:
            parts.append(Tag(kind, _tag_pos(kind, child), ident, attrs, child.text or ""))
            for sub in child:
                if local(sub.tag) != "sub":
                    continue
                parts.append(Tag("sub", "open", None, _attrs(sub)))
                skipped |= _read(sub, spec, parts)
                parts.append(Tag("sub", "close", None, (), sub.tail or ""))
        else:
            code = spec.data(child.get("dataRef", "")) if spec.data is not None else ""
            parts.append(Tag(kind, _tag_pos(kind, child), ident, attrs, code))
        if child.tail:
            parts.append(child.tail)
    return skipped


def read_segment(el, spec: InlineSpec) -> Segment:
    """The Segment of *el*, normalized (see `Segment.normalized`)."""
    if el is None:
        return Segment()
    if not len(el):  # text only
        text = el.text
        return Segment([text]) if text else Segment()
    parts: list[str | Tag] = []
    # parts read without skipping a comment or PI are normalized already (see `_read`)
    return Segment(parts).normalized() if _read(el, spec, parts) else Segment(parts)


def _append_text(parent, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _kind_for(tag: Tag, spec: InlineSpec) -> str:
    if tag.kind in spec.kinds:
        return tag.kind
    return spec.adapt.get(f"{tag.kind}:{tag.pos}", spec.adapt.get(tag.kind, spec.fallback))


def _element(parent, tag: Tag, spec: InlineSpec):
    kind = _kind_for(tag, spec)
    allowed = spec.allowed.get(kind)
    attrs = {k: v for k, v in tag.attrs if allowed is None or k in allowed}
    id_attr = spec.id_attr.get(kind, "id")
    if kind in spec.required_id and id_attr not in attrs:
        attrs[id_attr] = tag.id or "0"
    if kind == "it":  # TMX says begin/end, XLIFF 1.2 open/close
        attrs["pos"] = spec.it_pos[0] if tag.pos == "open" else spec.it_pos[1]
    for name, value in spec.defaults.get(kind, {}).items():
        attrs.setdefault(name, value)
    if spec.values is not None:
        attrs = spec.values(kind, attrs)
    el = etree.SubElement(parent, spec.qname(kind), attrs)
    return kind, el


def _tag_at(parts: list[str | Tag], i: int) -> Tag | None:
    """The Tag at *i*, or None past the end or on text."""
    if i < len(parts):
        p = parts[i]
        if isinstance(p, Tag):
            return p
    return None


def write_parts(parent, parts: list[str | Tag], spec: InlineSpec, i: int = 0, depth: int = 0) -> int:
    """Append *parts* from index *i* under *parent*; return where a paired close/sub close stopped it."""
    while i < len(parts):
        p = parts[i]
        if isinstance(p, str):
            _append_text(parent, p)
            i += 1
            continue
        paired = _kind_for(p, spec) in spec.paired
        if p.kind == "sub" or (paired and p.pos == "close"):
            if depth:
                return i
            i += 1  # a stray close at top level: nothing to close
            continue
        if paired and p.pos == "open":
            _, el = _element(parent, p, spec)
            i = write_parts(el, parts, spec, i + 1, depth + 1)
            nxt = _tag_at(parts, i)
            if nxt is not None and nxt.pos == "close" and nxt.kind != "sub":
                i += 1
            continue
        kind, el = _element(parent, p, spec)
        i += 1
        if kind in spec.coded:
            if p.code:
                el.text = p.code
            while (
                (opening := _tag_at(parts, i)) is not None and opening.kind == "sub" and opening.pos == "open"
            ):
                allowed = spec.allowed.get("sub")
                sub = etree.SubElement(
                    el, spec.qname("sub"), {k: v for k, v in opening.attrs if allowed is None or k in allowed}
                )
                i = write_parts(sub, parts, spec, i + 1, depth + 1)
                closing = _tag_at(parts, i)
                if closing is not None and closing.kind == "sub":
                    if closing.code:
                        sub.tail = closing.code
                    i += 1
    return i


def fill(el, segment: Segment, spec: InlineSpec) -> None:
    """Replace the content of *el* (keeping its attributes) with *segment*."""
    for child in list(el):
        el.remove(child)
    el.text = None
    write_parts(el, segment.parts, spec)
