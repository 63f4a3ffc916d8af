"""XLIFF 1.2: streaming read of `<trans-unit>`s, write from scratch, and write-back into an original.

`<note from="developer">` ↔ comments, other notes ↔ notes, `resname` ↔ context. Target `state`
`needs-review-*`/`needs-adaptation`/`needs-l10n` → fuzzy; `approved="yes"` → flag `approved`.
Write-back (`merge_targets`) keeps the original document as it is and only fills/replaces `<target>`
(and its `state`) of the trans-units whose id (else source text) matches a given unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import replace
from pathlib import Path

from lxml import etree

from glossary.core import limits
from glossary.core.atomic import atomic_open
from glossary.core.errors import ParseError
from tm.errors import TMWriteError
from tm.model import TranslationUnit

from . import _xml
from ._inline import InlineSpec, fill, read_segment
from ._xml import local

NS = "urn:oasis:names:tc:xliff:document:1.2"
_Q = f"{{{NS}}}"
_BASE = frozenset({"id", "xid", "equiv-text"})
_ASSOC = {"p": "preceding", "f": "following", "b": "both"}  # TMX's names → XLIFF 1.2's
_PLACEHOLDER_CTYPES = frozenset({"image", "pb", "lb"})
_DELIMITER_CTYPES = frozenset({"bold", "italic", "underlined", "link"})


def _values(kind: str, attrs: dict[str, str]) -> dict[str, str]:
    """Attribute values as XLIFF 1.2 strict lists them: TMX's `assoc` letters spelled out, a `ctype`
    outside the closed list kept as a user-defined `x-` value, anything else left out."""
    if "assoc" in attrs:
        assoc = _ASSOC.get(attrs["assoc"], attrs["assoc"])
        if assoc in _ASSOC.values():
            attrs["assoc"] = assoc
        else:
            del attrs["assoc"]
    ctype = attrs.get("ctype")
    if ctype is not None and not ctype.startswith("x-"):
        known = _PLACEHOLDER_CTYPES if kind in ("ph", "x") else _DELIMITER_CTYPES
        if ctype not in known:
            name = "".join(ctype.split())
            if name:
                attrs["ctype"] = f"x-{name}"
            else:
                del attrs["ctype"]
    return attrs


SPEC = InlineSpec(
    ns=NS,
    paired=frozenset({"g", "mrk"}),
    coded=frozenset({"bpt", "ept", "ph", "it"}),
    empty=frozenset({"x", "bx", "ex"}),
    id_attr={"mrk": "mid"},
    allowed={
        "g": _BASE | {"ctype", "clone"},
        "x": _BASE | {"ctype", "clone"},
        "bx": _BASE | {"rid", "ctype", "clone"},
        "ex": _BASE | {"rid"},
        "ph": _BASE | {"ctype", "crc", "assoc"},
        "bpt": _BASE | {"rid", "ctype", "crc"},
        "ept": _BASE | {"rid", "crc"},
        "it": _BASE | {"pos", "rid", "ctype", "crc"},
        "mrk": frozenset({"mtype", "mid", "comment", "ts"}),
        "sub": frozenset({"datatype", "ctype", "xid"}),
    },
    required_id=frozenset({"g", "x", "bx", "ex", "ph", "bpt", "ept", "it"}),
    adapt={"hi": "g", "pc": "g", "ut": "ph", "sc": "bx", "ec": "ex", "sm": "x", "em": "x", "cp": "x"},
    fallback="x",
    defaults={"mrk": {"mtype": "x-slovnik"}},
    it_pos=("open", "close"),
    values=_values,
)
FUZZY_STATES = {
    "needs-review-translation",
    "needs-review-l10n",
    "needs-review-adaptation",
    "needs-adaptation",
    "needs-l10n",
}
_DONE_STATES = {"translated", "final", "signed-off"}

_LEAVES = frozenset({"source", "target"})


def _ns(tag: str) -> str:
    """`{urn…}` of an element (XLIFF 1.0/1.1/1.2 namespaces, or none at all in some tools' output)."""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _unwrap(el) -> None:
    """Replace *el* by its content (text, children and tail stay where they were)."""
    parent, prev = el.getparent(), el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + (el.text or "")
    else:
        parent.text = (parent.text or "") + (el.text or "")
    at = parent.index(el)
    children = list(el)
    for n, child in enumerate(children):
        parent.insert(at + n, child)
    last = children[-1] if children else prev
    if last is not None:
        last.tail = (last.tail or "") + (el.tail or "")
    else:
        parent.text = (parent.text or "") + (el.tail or "")
    parent.remove(el)


def _unsegmented(el):
    """*el* without segmentation markers: SDLXLIFF/Okapi split a source into `<seg-source>` and the
    target into `<mrk mtype="seg">`s; those marks refer to the seg-source, which a written file does
    not carry, so the segment is read whole. Whitespace around marks that holds a line break is
    pretty-printing: none before the first or after the last mark, one space between two."""
    if el is None:
        return el
    marks = [m for m in el.iter(_ns(el.tag) + "mrk") if m.get("mtype") == "seg"]
    if not marks:
        return el
    el = deepcopy(el)
    marks = [m for m in el.iter(_ns(el.tag) + "mrk") if m.get("mtype") == "seg"]
    tops = [m for m in marks if m.getparent() is el]
    if tops and len(tops) == len(el):  # only marks at the top: whitespace between them is layout
        if el.text and not el.text.strip() and "\n" in el.text:
            el.text = None
        for n, mark in enumerate(tops):
            if mark.tail and not mark.tail.strip() and "\n" in mark.tail:
                mark.tail = " " if n < len(tops) - 1 else None
    for mark in marks:
        _unwrap(mark)
    return el


def _unit(tu, path: Path, file_attrs: dict, source_lang, target_lang) -> TranslationUnit:
    q = _ns(tu.tag)
    target = tu.find(q + "target")
    unit = TranslationUnit(
        source=read_segment(_unsegmented(tu.find(q + "source")), SPEC),
        target=read_segment(_unsegmented(target), SPEC),
        id=tu.get("id"),
        source_lang=source_lang or file_attrs.get("source-language"),
        target_lang=target_lang or file_attrs.get("target-language"),
        context=tu.get("resname"),
        origin=path.name,
        line=tu.sourceline,
    )
    for note in tu.iterchildren(q + "note"):
        (unit.comments if note.get("from") == "developer" else unit.notes).append(note.text or "")
    state = target.get("state") if target is not None else None
    unit.fuzzy = state in FUZZY_STATES
    if tu.get("approved") == "yes":
        unit.flags.append("approved")
    return unit


def iter_units(
    path: str | Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    header: dict | None = None,
) -> Iterator[TranslationUnit]:
    path = Path(path)
    file_attrs: dict = {}
    root_seen = False
    for event, elem in _xml.iterparse(
        path, ("{*}xliff", "{*}file", "{*}trans-unit", "xliff", "file", "trans-unit")
    ):
        name = local(elem.tag)
        if event == "start":
            if not root_seen:
                root_seen = True
                if name != "xliff" or not (
                    elem.get("version", "").startswith("1.") or "xliff:document:1." in elem.tag
                ):
                    raise ParseError(
                        path,
                        elem.sourceline,
                        f"not an XLIFF 1.2 file (root <{limits.quote(name)}>, "
                        f"version {limits.quote(elem.get('version') or '')!r})",
                    )
            elif name == "file":
                file_attrs = dict(elem.attrib)
                if header is not None and "source_lang" not in header:
                    header.update(
                        source_lang=source_lang or file_attrs.get("source-language"),
                        target_lang=target_lang or file_attrs.get("target-language"),
                        original=file_attrs.get("original", ""),
                    )
            continue
        if name == "trans-unit":
            if elem.find(_ns(elem.tag) + "source") is None:
                raise ParseError(path, elem.sourceline, "<trans-unit> has no <source>")
            unit = _unit(elem, path, file_attrs, source_lang, target_lang)
            _xml.release(elem)
            yield unit
    if not root_seen:
        raise ParseError(path, None, "not an XLIFF 1.2 file (no <xliff> root element)")


def _state(unit: TranslationUnit, old: str | None) -> str | None:
    if unit.fuzzy:
        return old if old in FUZZY_STATES else "needs-review-translation"
    if not unit.target:
        return old
    return old if old in _DONE_STATES else ("final" if "approved" in unit.flags else "translated")


def trans_unit(unit: TranslationUnit, number: int, used: set[str] | None = None):
    """A `<trans-unit>`; pass the same *used* set for a whole file to keep ids unique."""
    attrs = {"id": _xml.unique_id(unit.id or str(number), used if used is not None else set())}
    if unit.context:
        attrs["resname"] = unit.context
    if "approved" in unit.flags:
        attrs["approved"] = "yes"
    tu = etree.Element(_Q + "trans-unit", attrs, nsmap={None: NS})
    fill(etree.SubElement(tu, _Q + "source"), unit.source, SPEC)
    if unit.target:
        target = etree.SubElement(tu, _Q + "target", state=_state(unit, None))
        fill(target, unit.target, SPEC)
    for note in unit.notes:
        etree.SubElement(tu, _Q + "note").text = note
    for comment in unit.comments:
        etree.SubElement(tu, _Q + "note", {"from": "developer"}).text = comment
    return tu


def _fail(unit: TranslationUnit, e: ValueError) -> TMWriteError:
    return _xml.write_error(unit, e, "XLIFF")


def write(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str,
    target_lang: str | None,
    template: str | Path | None = None,
    original: str = "slovnik",
    datatype: str = "plaintext",
) -> int:
    """Write XLIFF 1.2; with *template*, fill the targets of that original instead (see merge_targets)."""
    if template is not None:
        return merge_targets(template, units, path)
    with atomic_open(path, "wb") as fh, etree.xmlfile(fh, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element(_Q + "xliff", {"version": "1.2"}, nsmap={None: NS}):
            xf.write("\n")
            attrs = {"original": original, "source-language": _xml.lang_tag(source_lang)}
            if target_lang:  # optional in XLIFF 1.2
                attrs["target-language"] = _xml.lang_tag(target_lang)
            with xf.element(_Q + "file", {**attrs, "datatype": datatype}):
                with xf.element(_Q + "body"):
                    xf.write("\n")
                    used: set[str] = set()
                    count = _xml.write_elements(
                        xf, units, lambda unit, n: trans_unit(unit, n, used), _LEAVES, "XLIFF"
                    )
    return count


def _index(units: Iterable[TranslationUnit]):
    by_id: dict[str, TranslationUnit] = {}
    by_source: dict[str, TranslationUnit] = {}
    for unit in units:
        if unit.id:
            by_id[unit.id] = unit
        by_source.setdefault(unit.source_text, unit)
    return by_id, by_source


def merge_targets(original: str | Path, units: Iterable[TranslationUnit], out: str | Path) -> int:
    """Copy the XLIFF 1.2 *original* to *out* with targets filled from *units*; returns how many."""
    tree = _xml.parse(original)
    q = _ns(tree.getroot().tag)
    spec = replace(SPEC, ns=q[1:-1] or None)
    by_id, by_source = _index(units)
    filled = 0
    for file_ in tree.getroot().iter(q + "file"):
        for tu in file_.iter(q + "trans-unit"):
            source = tu.find(q + "source")
            unit = by_id.get(tu.get("id")) or by_source.get(read_segment(_unsegmented(source), SPEC).text)
            if unit is None or not unit.target:
                continue
            target = tu.find(q + "target")
            if target is None:
                anchor = tu.find(q + "seg-source")
                anchor = anchor if anchor is not None else source
                target = etree.Element(q + "target")
                anchor.addnext(target)
                target.tail = anchor.tail
            try:
                fill(target, unit.target, spec)
            except ValueError as e:
                raise _fail(unit, e) from e
            state = _state(unit, target.get("state"))
            if state:
                target.set("state", state)
            if unit.target_lang and not file_.get("target-language"):
                file_.set("target-language", _xml.lang_tag(unit.target_lang))
            filled += 1
    with atomic_open(out, "wb") as fh:
        tree.write(fh, xml_declaration=True, encoding="UTF-8")
    return filled
