"""TMX: read 1.1–1.4b (streaming, constant memory), write 1.4b valid against the DTD in data/.

Reading uses lxml iterparse with the hardened flags and frees every `<tu>` once it is turned into a
TranslationUnit. Which `<tuv>` is the source is decided by the header `srclang` (or a `<tu srclang>`
override); `*all*` means any language may be the source, so the caller's `source_lang` (else the first
tuv) decides. TMX 1.1 tools (OmegaT) mark languages with `lang=` instead of `xml:lang`: both are read.

Fields TMX has no element for travel as `<prop type="x-…">` so a TMX written here reads back whole:
x-context, x-fuzzy, x-obsolete, x-flag, x-comment, x-reference, x-previous-source,
x-previous-context, x-source-plural and x-target-plural.
"""

from __future__ import annotations

import io
import mmap
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from glossary import __version__
from glossary.core.atomic import atomic_open
from glossary.core.errors import ParseError
from tm.model import Segment, TranslationUnit

from . import _xml
from ._inline import InlineSpec, read_segment, write_parts
from ._xml import XML_LANG
from .parts import cut_lines, read_part

DTD_PATH = Path(__file__).parent / "data" / "tmx14.dtd"

_CODE_ATTRS = frozenset({"x", "type"})
_ASSOC = {"preceding": "p", "following": "f", "both": "b"}  # XLIFF 1.2's names → TMX's


def _values(kind: str, attrs: dict[str, str]) -> dict[str, str]:
    """TMX `ph assoc` is p, f or b: XLIFF 1.2's spelled-out names are shortened, others left out."""
    if "assoc" in attrs:
        assoc = _ASSOC.get(attrs["assoc"], attrs["assoc"])
        if assoc in _ASSOC.values():
            attrs["assoc"] = assoc
        else:
            del attrs["assoc"]
    return attrs


SPEC = InlineSpec(
    ns=None,
    paired=frozenset({"hi"}),
    coded=frozenset({"bpt", "ept", "ph", "it", "ut"}),
    empty=frozenset(),
    id_attr={"bpt": "i", "ept": "i", "ph": "x", "it": "x", "hi": "x", "ut": "x"},
    allowed={
        "bpt": frozenset({"i", "x", "type"}),
        "ept": frozenset({"i"}),
        "ph": frozenset({"x", "assoc", "type"}),
        "it": frozenset({"pos", "x", "type"}),
        "hi": _CODE_ATTRS,
        "ut": frozenset({"x"}),
        "sub": frozenset({"datatype", "type"}),
    },
    required_id=frozenset({"bpt", "ept"}),
    adapt={
        "g": "hi",
        "pc": "hi",
        "mrk": "hi",
        "bx": "bpt",
        "ex": "ept",
        "sc": "bpt",
        "ec": "ept",
        "x": "ph",
        "sm": "ph",
        "em": "ph",
        "cp": "ph",
    },
    fallback="ph",
    values=_values,
)

# Our fields that TMX has no element for: prop type → field (single values, then lists).
_X_PROPS = {
    "x-context": "context",
    "x-previous-source": "previous_source",
    "x-previous-context": "previous_context",
}
_X_LISTS = {"x-flag": "flags", "x-comment": "comments", "x-reference": "references"}
_DATES = (
    ("creationdate", "created"),
    ("changedate", "changed"),
    ("creationid", "creator"),
    ("changeid", "changer"),
)

_LEAVES = frozenset({"seg"})
# The reader reacts to these only: skipping tuv/seg/inline events cuts the Python work per TU. The
# header's props are read when the header ends, so the props of every TU raise no events either.
_EVENT_TAGS = ("tmx", "header", "body", "tu")


def _same_lang(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def _same_primary(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def _pick(tuvs: list[tuple[str, etree._Element]], lang: str | None, exclude=None):
    """The tuv in *lang* (exact tag first, then primary subtag), else None."""
    candidates = [t for t in tuvs if t is not exclude]
    if lang is None:
        return candidates[0] if candidates else None
    for same in (_same_lang, _same_primary):
        for t in candidates:
            if same(t[0], lang):
                return t
    return None


def _seg(tuv):
    """The tuv's seg: its last child by the DTD (indexing is ~20× cheaper than find in lxml)."""
    last = tuv[-1] if len(tuv) else None
    return last if last is not None and last.tag == "seg" else tuv.find("seg")


class _Reader:
    def __init__(
        self,
        path: Path,
        source_lang: str | None,
        target_lang: str | None,
        header: dict,
        source=None,
        entry_target_lang: str | None = None,
    ):
        self.path = path
        self.origin = path.name
        self.source = source
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.header = header
        self.srclang: str | None = None
        self.last_target_lang: str | None = target_lang
        # the one piece of state that crosses units (which language the targets were in): a part of
        # the file starts from what its predecessor is expected to leave, and reports what it assumed
        self.entry_target_lang = entry_target_lang
        self.entry: str | None = None

    def units(self) -> Iterator[TranslationUnit]:
        # the filtered tags have no namespace (lxml matches "tu" only without one): tag is the name
        events = _xml.iterparse(self.path, _EVENT_TAGS, source=self.source)
        for _, elem in events:  # the first event starts the outermost element the filter lets by
            if elem.tag != "tmx":
                raise ParseError(self.path, elem.sourceline, f"not a TMX file (root element <{elem.tag}>)")
            self.header["version"] = elem.get("version", "")
            break
        else:
            raise ParseError(self.path, None, "not a TMX file (no <tmx> root element)")
        header_seen = entered = False
        for event, elem in events:
            tag = elem.tag
            if tag == "tu":
                if event == "start":
                    continue
                if not entered:
                    entered = True
                    if self.entry_target_lang is not None:
                        self.last_target_lang = self.entry_target_lang
                    self.entry = self.last_target_lang
                unit = self._unit(elem)
                _xml.release(elem)
                if unit is not None:
                    yield unit
            elif event == "start":
                if tag == "header":
                    header_seen = True
                    self._header(elem)
                elif tag == "body" and not header_seen:
                    raise ParseError(self.path, elem.sourceline, "TMX has no <header> before <body>")
            elif tag == "header":
                self._header_props(elem)
        if not header_seen:
            raise ParseError(self.path, None, "TMX has no <header>")

    def _header(self, elem) -> None:
        srclang = elem.get("srclang")
        if not srclang:
            raise ParseError(self.path, elem.sourceline, "TMX header has no srclang")
        self.srclang = srclang
        self.header.update({k: v for k, v in elem.attrib.items() if isinstance(k, str)})
        self.header["source_lang"] = self.source_lang or (None if srclang == "*all*" else srclang)
        self.header["target_lang"] = self.target_lang

    def _header_props(self, elem) -> None:
        for prop in elem.iterchildren("prop"):
            if prop.get("type") == "x-target-language" and prop.text and self.target_lang is None:
                self.last_target_lang = prop.text
                self.header["target_lang"] = prop.text
            else:
                self.header[f"prop:{prop.get('type', '')}"] = prop.text or ""

    def _unit(self, tu) -> TranslationUnit | None:
        tuvs = []
        others = False  # notes or props in the tu or in a tuv (besides its seg)
        for tuv in tu:  # TMX has no namespace; comments were dropped by the parser
            if tuv.tag != "tuv":
                others = True
                continue
            lang = tuv.get(XML_LANG) or tuv.get("lang")
            if not lang:
                raise ParseError(self.path, tuv.sourceline, "<tuv> has no xml:lang (or lang)")
            if len(tuv) > 1:
                others = True
            tuvs.append((lang, tuv))
        if not tuvs:
            return None
        own_srclang = tu.get("srclang")
        srclang = own_srclang or self.srclang
        if srclang == "*all*":
            srclang = self.source_lang
        target_lang = self.target_lang or self.last_target_lang
        if len(tuvs) == 2 and tuvs[0][0] == srclang and tuvs[1][0] == target_lang:
            # the common case, each side exactly in its language: what `_pick` would choose
            source, target = tuvs
        else:
            source = _pick(tuvs, srclang)
            if source is None:
                return None  # this TU has no segment in the source language: nothing to match against
            target = _pick(tuvs, target_lang, exclude=source)
            if target is None and self.target_lang is None:
                target = _pick(tuvs, None, exclude=source)
        if target is not None:
            self.last_target_lang = target[0]
            if self.header.get("target_lang") is None:
                self.header["target_lang"] = target[0]
        tuid = tu.get("tuid")
        unit = TranslationUnit(
            source=read_segment(_seg(source[1]), SPEC),
            target=read_segment(_seg(target[1]), SPEC) if target else Segment(),
            id=tuid,
            source_lang=source[0],
            target_lang=target[0] if target else self.last_target_lang,
            origin=self.origin,
            line=tu.sourceline,
        )
        # dates are attributes: an element with none beyond its tuid / xml:lang has none to look up
        if (
            len(tu.attrib) > (tuid is not None) + (own_srclang is not None)
            or len(source[1].attrib) > 1
            or (target is not None and len(target[1].attrib) > 1)
        ):
            attrs = tu.attrib
            for attr, name in _DATES:
                value = attrs.get(attr) or (target[1].get(attr) if target else None) or source[1].get(attr)
                if value:
                    setattr(unit, name, value)
        if others:
            self._extras(unit, tu, [t for _, t in tuvs])
        return unit

    def _extras(self, unit: TranslationUnit, tu, tuvs) -> None:
        plurals: list[Segment] = []
        for child in tu.iterchildren("note", "prop"):
            if child.tag == "note":
                unit.notes.append(child.text or "")
            else:
                kind, text = child.get("type", ""), child.text or ""
                if kind in _X_PROPS:
                    setattr(unit, _X_PROPS[kind], text)
                elif kind in _X_LISTS:
                    getattr(unit, _X_LISTS[kind]).append(text)
                elif kind == "x-fuzzy":
                    unit.fuzzy = text == "true"
                elif kind == "x-obsolete":
                    unit.obsolete = text == "true"
                elif kind == "x-source-plural":
                    unit.source_plural = Segment.of(text)
                elif kind == "x-target-plural":
                    plurals.append(Segment.of(text))
                else:
                    unit.props.append((kind, text))
        for tuv in tuvs:
            unit.notes.extend(n.text or "" for n in tuv.iterchildren("note"))
        unit.target_plurals = plurals
        if unit.context is None and unit.prop("id") is not None:
            unit.context = unit.prop("id")  # OmegaT keys alternative translations by (file, id)


def iter_units(
    path: str | Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    header: dict | None = None,
) -> Iterator[TranslationUnit]:
    """Stream the TUs of a TMX file; *header* (if given) is filled with the header's attributes."""
    return _Reader(Path(path), source_lang, target_lang, header if header is not None else {}).units()


# --- parts, for parallel readers ------------------------------------------------------------------

_SPACE = (b" ", b"\t", b"\r", b"\n")
_NAME_END = (b">", *_SPACE)  # what may follow an element name in a start tag


@dataclass(frozen=True)
class TMXPart:
    """Bytes [start, end) of a TMX file holding whole `<tu>` elements of its body. A part is read on
    its own, wrapped in the file's own head (declaration, DOCTYPE, `<tmx>`, `<header>`, `<body>`) and
    padded with newlines so that lxml reports the file's own line numbers."""

    path: str
    start: int
    end: int
    head_end: int  # bytes [0, head_end) are the head, up to and including `<body>`
    line: int  # the line byte `start` is on
    last: bool
    entry_target_lang: str | None  # the target language the part before is expected to leave

    def reader(self) -> _Reader:
        doc = read_part(self.path, self.start, self.end, self.head_end, self.line)
        if not self.last:
            doc += b"</body></tmx>"
        return _Reader(
            Path(self.path),
            None,
            None,
            {},
            source=io.BytesIO(doc),
            entry_target_lang=self.entry_target_lang if self.start else None,
        )


def _utf8(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16: byte offsets do not fall on characters
    decl = re.match(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)", head)
    return decl is None or decl.group(1).lower() in (b"utf-8", b"utf8", b"us-ascii", b"ascii")


def _boundary(mm, frm: int, prev: int) -> int:
    """The first `<tu` at or after *frm* that starts a unit of the body: right after a `</tu>` (and
    whitespace), outside any comment or CDATA section opened since *prev* (a checked boundary).
    -1 when there is none. A boundary wrongly chosen would make a part ill-formed (an unclosed
    comment or element), so it cannot go unnoticed: the caller then reads the file whole."""
    while True:
        pos = mm.find(b"<tu", frm)
        if pos < 0:
            return -1
        frm = pos + 3
        if mm[pos + 3 : pos + 4] not in _NAME_END:
            continue  # <tuv
        j = pos
        while j > prev and mm[j - 1 : j] in _SPACE:
            j -= 1
        if mm[j - 5 : j] != b"</tu>":
            continue
        if mm.rfind(b"<!--", prev, pos) > mm.rfind(b"-->", prev, pos):
            continue
        if mm.rfind(b"<![CDATA[", prev, pos) > mm.rfind(b"]]>", prev, pos):
            continue
        return pos


def _first_unit(path: Path, mm, head_end: int) -> TranslationUnit | None:
    """The body's first unit, read from the head and that unit's bytes alone: how far a parser
    reads ahead (libxml2 2.14 reads further than 2.12) must not decide whether a fault further on
    is met here. None when it cannot be read so (the caller then reads the file whole)."""
    end = mm.find(b"</tu>", head_end)
    if end < 0:
        return None
    doc = mm[: end + 5] + b"</body></tmx>"
    try:
        return next(_Reader(path, None, None, {}, source=io.BytesIO(doc)).units(), None)
    except ParseError:
        return None


def split(path: str | Path, size: int) -> list[TMXPart] | None:
    """Cut a TMX file into parts of about *size* bytes that can be read in parallel, or None when it
    cannot be cut (not UTF-8, no body, smaller than two parts). The parts' units, read in order,
    are the file's units, as long as every part's `entry` equals the `last_target_lang` its
    predecessor left (see `TMXPart`); the caller checks that."""
    path = Path(path)
    with open(path, "rb") as fh:
        try:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file
            return None
    with mm:
        n = len(mm)
        if n < 2 * size or not _utf8(mm[:4096]):
            return None
        body = mm.find(b"<body")
        if body < 0 or mm[body + 5 : body + 6] not in _NAME_END:
            return None
        head_end = mm.find(b">", body) + 1
        if head_end <= 0 or mm[head_end - 2 : head_end - 1] == b"/":
            return None
        first = _first_unit(path, mm, head_end)  # the targets' language, as the first part will
        if first is None:  # leave it in a bilingual file
            return None
        cuts = [0]
        prev = head_end
        while (pos := _boundary(mm, max(cuts[-1] + size, prev + 1), prev)) > 0:
            cuts.append(pos)
            prev = pos
        if len(cuts) < 2:
            return None
        lines = cut_lines(mm, cuts)
    bounds = [*cuts, n]
    return [
        TMXPart(
            str(path), bounds[k], bounds[k + 1], head_end, lines[k], k == len(cuts) - 1, first.target_lang
        )
        for k in range(len(cuts))
    ]


def _tuv(lang: str, segment: Segment):
    tuv = etree.Element("tuv", {XML_LANG: _xml.lang_tag(lang)})
    write_parts(etree.SubElement(tuv, "seg"), segment.parts, SPEC)
    return tuv


def _prop(tu, kind: str, text: str) -> None:
    etree.SubElement(tu, "prop", type=kind).text = text


def tu_element(unit: TranslationUnit, source_lang: str, target_lang: str):
    """One `<tu>` for *unit* (languages default to the TM's)."""
    attrs = {}
    if unit.id:
        attrs["tuid"] = unit.id
    for attr, name in _DATES:
        if getattr(unit, name):
            attrs[attr] = getattr(unit, name)
    if unit.source_lang and not _same_primary(unit.source_lang, source_lang):
        attrs["srclang"] = _xml.lang_tag(unit.source_lang)  # this TU runs the other way (TMX 1.4b allows it)
    tu = etree.Element("tu", attrs)
    for note in unit.notes:
        etree.SubElement(tu, "note").text = note
    for kind, text in unit.props:
        _prop(tu, kind, text)
    for kind, name in _X_PROPS.items():
        value = getattr(unit, name)
        if value is not None and not (name == "context" and value == unit.prop("id")):
            _prop(tu, kind, value)
    for kind, name in _X_LISTS.items():
        for value in getattr(unit, name):
            _prop(tu, kind, value)
    if unit.fuzzy:
        _prop(tu, "x-fuzzy", "true")
    if unit.obsolete:
        _prop(tu, "x-obsolete", "true")
    if unit.source_plural is not None:
        _prop(tu, "x-source-plural", unit.source_plural.text)
    for plural in unit.target_plurals:
        _prop(tu, "x-target-plural", plural.text)
    tu.append(_tuv(unit.source_lang or source_lang, unit.source))
    if unit.target:
        tu.append(_tuv(unit.target_lang or target_lang, unit.target))
    return tu


def write(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str,
    target_lang: str,
    creationtool: str = "slovnik",
    segtype: str = "sentence",
    datatype: str = "plaintext",
    adminlang: str = "en",
) -> int:
    """Write a TMX 1.4b file, one `<tu>` at a time; returns the number of units written."""
    with atomic_open(path, "wb") as fh, etree.xmlfile(fh, encoding="UTF-8") as xf:
        xf.write_declaration()
        xf.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xf.element("tmx", version="1.4"):
            xf.write("\n")
            header = etree.Element(
                "header",
                {
                    "creationtool": creationtool,
                    "creationtoolversion": __version__,
                    "segtype": segtype,
                    "o-tmf": "slovnik",
                    "adminlang": adminlang,
                    "srclang": _xml.lang_tag(source_lang),
                    "datatype": datatype,
                },
            )
            # TMX names only the source language; untranslated TUs need the target named somewhere
            _prop(header, "x-target-language", _xml.lang_tag(target_lang))
            xf.write(header, "\n")
            with xf.element("body"):
                xf.write("\n")
                count = _xml.write_elements(
                    xf, units, lambda unit, _: tu_element(unit, source_lang, target_lang), _LEAVES, "TMX"
                )
    return count
