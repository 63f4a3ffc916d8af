"""TBX termbases: TBX v3 (ISO 30042:2019, TBX-Basic) read and written; TBX v2 (`martif`) read here too.

Where the model sits in TBX-Basic (DCA style; the written file validates against the official TBX
core RELAX NG schema `glossary/data/TBXcoreStructV03_TBX-Basic_integrated.rng`):

    Concept.id          conceptEntry/@id (an id that is not an XML name, e.g. `1937`, gets a `_`)
    Concept.subject     <descrip type="subjectField">           (one per subject, concept level)
    Concept.definition  <descrip type="definition">             (concept level)
    Concept.sources     <admin type="source">                   (concept level)
    Concept.tags        <admin type="customerSubset">
    Concept.see_also    <ref type="crossReference" target="id">
    Concept.notes       <note>
    Term.text / lang    langSec/@xml:lang, termSec/term
    Term.status         <termNote type="administrativeStatus">preferredTerm-admn-sts …
    Term.part_of_speech <termNote type="partOfSpeech">          (noun, verb, adjective, adverb, other)
    Term.gender         <termNote type="grammaticalGender">
    Term.note           <note> in the termSec

TBX-Basic has no data category for slovnik's own fields, and a DCA file may not carry foreign
elements, so they travel as `<note>`s with a `slovnik:` prefix that other tools show as plain notes:
`slovnik:conceptType=person` (concept level), and in a termSec `slovnik:grammaticalNumber=plural`,
`slovnik:partOfSpeech=properNoun` (written with partOfSpeech `noun`/`other`),
`slovnik:conventional=Trotsky`, `slovnik:romanization:lc=…`, `slovnik:match=exact`, and one note per
homonym phrase, `slovnik:exclude=кулаком по столу`, `slovnik:context=раскулачивание`. A user note that
itself starts with `slovnik:` is written as `slovnik:note=…`, so the mapping is reversible.

The reader accepts DCA and DCT style, TBX-Basic/Core/Min, and TBX v2 (`martif`: termEntry/langSet/
tig/ntig); it is lenient about what it cannot store (transactions, contexts, graphics) and precise about
what is wrong: every error names the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from lxml import etree

from ... import __version__
from ...core import limits
from ...core.atomic import atomic_write_bytes
from ...core.errors import ParseError, TermbaseError, WriteError
from ...core.xmlsafe import local_name, namespace, parse_xml, text_of
from ..ids import is_concept_id, slugify
from ..model import GENDERS, MATCH_MODES, NUMBERS, Concept, ConceptType, Status, Term, Termbase

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFIX = "slovnik:"
BASIC_POS = ("noun", "verb", "adjective", "adverb", "other")
# Values the reader accepts for part of speech (TBX-Basic picklist plus slovnik's own).
READ_POS = {
    "noun": "noun",
    "verb": "verb",
    "adjective": "adjective",
    "adverb": "adverb",
    "other": "other",
    "properNoun": "properNoun",
    "phrase": "phrase",
}
# TBX-Min usageStatus and TBX v2 normativeAuthorization, mapped to administrativeStatus.
USAGE_STATUS = {
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "notRecommended": Status.DEPRECATED,
    "obsolete": Status.SUPERSEDED,
    "deprecated": Status.DEPRECATED,
    "superseded": Status.SUPERSEDED,
    "standardizedTerm": Status.PREFERRED,
    "legalTerm": Status.PREFERRED,
    "regulatedTerm": Status.PREFERRED,
}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_LINK_RE = re.compile(r"^https?://.+")


@dataclass(frozen=True)
class Vocabulary:
    """Element names of one TBX version: v3 (tbx/conceptEntry/langSec/termSec) or v2 (martif …)."""

    root: str
    header: str
    entry: str
    lang_section: str
    term_section: str
    namespace: str | None


V3 = Vocabulary("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", TBX_NS)
V2 = Vocabulary("martif", "martifHeader", "termEntry", "langSet", "tig", None)


# --- reading ------------------------------------------------------------------------------------------


@dataclass
class Item:
    """One data-category element at some level, whatever its style: DCA `<descrip type=x>` or DCT `<x>`."""

    category: str
    value: str
    element: etree._Element


def _fail(path: Path, element, message: str) -> ParseError:
    return ParseError(path, getattr(element, "sourceline", None), message)


def _items(path: Path, parent, strict_type: bool) -> list[Item]:
    """Data categories directly under *parent*, groups (descripGrp, adminGrp, termNoteGrp) flattened."""
    out: list[Item] = []
    for child in parent:
        if not isinstance(child.tag, str):
            continue  # comments, processing instructions
        name = local_name(child)
        ns = namespace(child)
        if ns and ns != TBX_NS:  # DCT style: the element name is the data category
            out.append(Item(name, text_of(child), child))
        elif name in ("descripGrp", "adminGrp", "termNoteGrp"):
            main = [
                c
                for c in child
                if isinstance(c.tag, str) and local_name(c) == name[:-3] and namespace(c) in ("", TBX_NS)
            ]
            if len(main) > 1:
                raise _fail(path, main[1], f"more than one <{name[:-3]}> in one <{name}>")
            out.extend(_items(path, child, strict_type))
        elif name in ("descrip", "admin", "termNote", "ref", "xref", "adminNote", "descripNote"):
            category = child.get("type")
            if not category:
                if strict_type:
                    raise _fail(path, child, f"<{name}> has no type attribute")
                category = "definition" if name == "descrip" else name  # Weblate's untyped <descrip>
            value = text_of(child)
            if name == "ref" and child.get("target"):
                value = child.get("target")
            out.append(Item(category, value, child))
        elif name == "note":
            out.append(Item("note", text_of(child), child))
    return out


def _slovnik_note(value: str) -> tuple[str, str] | None:
    if not value.startswith(PREFIX) or "=" not in value:
        return None
    key, _, rest = value[len(PREFIX) :].partition("=")
    return key, rest


def _status(path: Path, item: Item, strict: bool) -> Status | None:
    """The status of a status item; None for a v2 value outside every picklist we know (the caller keeps
    it as a note): TBX v2 files follow TBX-Default / ISO 12620, not TBX-Basic's picklists."""
    value = item.value.strip()
    if item.category == "administrativeStatus":
        try:
            return Status.parse(value)
        except ValueError:
            pass
    short = value.removesuffix("-admn-sts")
    if short in USAGE_STATUS or short.removesuffix("Term") in USAGE_STATUS:
        return USAGE_STATUS.get(short) or USAGE_STATUS[short.removesuffix("Term")]
    if not strict:
        return None
    raise _fail(path, item.element, f"{item.category} {limits.quote(value)!r} is not an allowed value")


def _check_term_level(path: Path, item: Item) -> None:
    if item.category in ("definition", "subjectField"):
        raise _fail(
            path,
            item.element,
            f"{item.category} is not allowed at term level (TBX-Basic: conceptEntry or langSec)",
        )


def _read_term(
    path: Path, section, lang: str, concept: Concept, vocab: Vocabulary, strict: bool
) -> Term | None:
    if vocab is V2 and local_name(section) == "ntig":
        groups = [c for c in section if local_name(c) == "termGrp"]
        holder = groups[0] if groups else section
    else:
        holder = section
    terms = [c for c in holder if isinstance(c.tag, str) and local_name(c) == "term"]
    if not terms:
        raise _fail(path, section, f"<{local_name(section)}> has no <term>")
    if len(terms) > 1:
        raise _fail(path, terms[1], f"more than one <term> in one <{local_name(section)}>")
    first = next(c for c in holder if isinstance(c.tag, str))
    if strict and first is not terms[0]:
        raise _fail(path, first, f"<term> must come first in <{local_name(section)}>")
    text = text_of(terms[0])
    items = _items(path, holder, strict)
    if holder is not section:
        items += _items(path, section, strict)
    if not text:
        return None  # an empty <term/> (untranslated entry in Weblate/Slicer exports)
    term = Term(text=text, lang=lang)
    notes: list[str] = []
    for item in items:
        cat, value = item.category, item.value
        _check_term_level(path, item)
        if cat in ("administrativeStatus", "usageStatus", "normativeAuthorization"):
            status = _status(path, item, strict)
            if status is None:
                notes.append(f"{cat}: {value}")
            else:
                term.status = status
        elif cat == "partOfSpeech":
            pos = READ_POS.get(value) or READ_POS.get(value.lower())
            if pos is None and not strict:  # v2 picklists are the vendor's own (IBM writes `nom`)
                notes.append(f"{cat}: {value}")
            elif pos is None:
                raise _fail(
                    path,
                    item.element,
                    f"partOfSpeech {limits.quote(value)!r} is not an allowed value "
                    f"(expected one of: {', '.join(BASIC_POS)})",
                )
            if pos is not None and (term.part_of_speech is None or pos != "other"):
                term.part_of_speech = pos
        elif cat in ("grammaticalGender", "grammaticalNumber"):
            allowed = GENDERS if cat == "grammaticalGender" else NUMBERS
            value = {"otherGender": "other", "otherNumber": "other"}.get(value, value)  # ISO 12620 names
            if value not in allowed and not strict:
                notes.append(f"{cat}: {value}")
            elif value not in allowed:
                raise _fail(
                    path,
                    item.element,
                    f"{cat} {limits.quote(value)!r} is not an allowed value "
                    f"(expected one of: {', '.join(allowed)})",
                )
            else:
                setattr(term, "gender" if cat == "grammaticalGender" else "number", value)
        elif cat == "usageNote":
            notes.append(value)
        elif cat == "note":
            special = _slovnik_note(value)
            if special is None:
                notes.append(value)
            else:
                _apply_term_note(path, item, term, notes, *special)
        elif cat == "source" and value and value not in concept.sources:
            concept.sources.append(value)
    term.note = "; ".join(n for n in notes if n) or None
    return term


def _apply_term_note(path: Path, item: Item, term: Term, notes: list[str], key: str, value: str) -> None:
    if key == "note":
        notes.append(value)
    elif key == "grammaticalNumber" and value in NUMBERS:
        term.number = value
    elif key == "partOfSpeech" and value in READ_POS:
        term.part_of_speech = value
    elif key == "conventional":
        term.conventional = value or None
    elif key == "match" and value in MATCH_MODES:
        term.match = value
    elif key.startswith("romanization:"):
        term.romanization[key.split(":", 1)[1]] = value
    elif key in ("exclude", "context"):
        if value.strip():
            getattr(term, key).append(value)
    else:
        raise _fail(
            path, item.element, f"unknown slovnik note {PREFIX}{limits.quote(key)}={limits.quote(value)!r}"
        )


def _read_concept(path: Path, entry, vocab: Vocabulary, strict: bool) -> Concept:
    concept = Concept(id=entry.get("id") or "")
    concept.line = entry.sourceline
    definitions: list[str] = []
    for item in _items(path, entry, strict):
        _apply_concept_item(path, item, concept, definitions)
    for section in entry:
        if not isinstance(section.tag, str) or local_name(section) != vocab.lang_section:
            continue
        lang = section.get(XML_LANG) or section.get("lang")
        if not lang:
            raise _fail(path, section, f"<{vocab.lang_section}> has no xml:lang")
        for item in _items(path, section, strict):
            _apply_concept_item(path, item, concept, definitions)
        for term_section in section:
            name = local_name(term_section)
            if name == vocab.term_section or (vocab is V2 and name == "ntig"):
                term = _read_term(path, term_section, lang, concept, vocab, strict)
                if term is not None:
                    concept.terms.append(term)
    if definitions:
        concept.definition = definitions[0]
        concept.notes.extend(f"definition: {d}" for d in definitions[1:])
    return concept


def _apply_concept_item(path: Path, item: Item, concept: Concept, definitions: list[str]) -> None:
    cat, value = item.category, item.value
    if not value:
        return
    if cat == "subjectField":
        concept.subject.append(value)
    elif cat == "definition":
        if value not in definitions:
            definitions.append(value)
    elif cat == "source":
        concept.sources.append(value)
    elif cat in ("customerSubset", "projectSubset"):
        concept.tags.append(value)
    elif cat == "crossReference":
        concept.see_also.append(value)
    elif cat == "note":
        special = _slovnik_note(value)
        if special is None:
            concept.notes.append(value)
        elif special[0] == "conceptType":
            try:
                concept.type = ConceptType(special[1])
            except ValueError:
                raise _fail(
                    path, item.element, f"unknown concept type {limits.quote(special[1])!r}"
                ) from None
        elif special[0] == "note":
            concept.notes.append(special[1])
        else:
            raise _fail(path, item.element, f"unknown slovnik note {limits.quote(value)!r} at concept level")
    elif cat in ("xref", "externalCrossReference", "xGraphic"):  # links: kept by no model field
        if not _LINK_RE.match(item.element.get("target", "") or ""):
            raise _fail(
                path,
                item.element,
                f"xref target {limits.quote(item.element.get('target') or '')!r} is not an http(s) URI",
            )


def _check_structure(path: Path, root, vocab: Vocabulary, strict: bool) -> None:
    """Checks the readers rely on, reported at the first offending line."""
    ns = f"{{{vocab.namespace}}}" if vocab.namespace else ""
    names = ("sourceDesc", "publicationStmt", "text", "transac", "transacNote", "xref")
    for el in root.iter(*(ns + n for n in names)):
        name = local_name(el)
        if strict and name in ("sourceDesc", "publicationStmt") and (el.text or "").strip():
            raise _fail(path, el, f"text directly in <{name}> (it must be wrapped in <p>)")
        if name == "text" and el.getparent() is root:
            for child in el:
                if isinstance(child.tag, str) and local_name(child) not in ("body", "back"):
                    raise _fail(path, child, f"unexpected <{local_name(child)}> in <text>")
        if name == "transac" and strict and el.get("type") != "transactionType":
            raise _fail(
                path,
                el,
                f"transac type {limits.quote(el.get('type') or '')!r} is not allowed "
                "(expected transactionType)",
            )
        if name == "transacNote" and strict and el.get("type") != "responsibility":
            raise _fail(
                path,
                el,
                f"transacNote type {limits.quote(el.get('type') or '')!r} is not allowed "
                "(expected responsibility)",
            )
        if name == "xref" and strict and el.get("type") not in ("externalCrossReference", "xGraphic"):
            raise _fail(
                path,
                el,
                f"xref type {limits.quote(el.get('type') or '')!r} is not allowed "
                "(expected externalCrossReference or xGraphic)",
            )


def _fix_ids(path: Path, concepts: list[Concept], strict: bool) -> None:
    """Give id-less entries an id; make ids slovnik can store and unique (cross-refs follow).

    TBX v3 ids are XML IDs, so a repeated one is an error; v2 exports in the wild repeat them
    (Weblate writes `id="1"` on many entries), and those later entries are renumbered.
    """
    first_line: dict[str, int | None] = {}
    used: set[str] = set()
    renamed: dict[str, str] = {}
    for c in concepts:
        original = c.id
        if original.startswith("_") and is_concept_id(original[1:]):
            c.id = original[1:]  # our own escape for ids that are not XML names
        if c.id and is_concept_id(c.id) and c.id not in used:
            used.add(c.id)
            first_line[c.id] = c.line
            continue
        if c.id in used and strict:
            raise ParseError(
                path,
                c.line,
                f"duplicate conceptEntry id {limits.quote(original)!r} (first at line {first_line[c.id]})",
            )
        base = (
            (slugify(original) if original not in used else "")
            or (slugify(c.terms[0].text) if c.terms else "")
            or "c"
        )
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        if original and original not in renamed:
            renamed[original] = candidate
        c.id = candidate
    for c in concepts:
        c.see_also = [
            renamed.get(r, r[1:] if r.startswith("_") and is_concept_id(r[1:]) else r) for r in c.see_also
        ]


def read(path: Path, *, encoding: str | None = None) -> Termbase:
    """Read TBX v3 (tbx) or v2 (martif); the version is taken from the root element."""
    path = Path(path)
    root = parse_xml(path).getroot()
    name = local_name(root)
    if name == "tbx":
        vocab, strict = V3, True
        if namespace(root) != TBX_NS:
            raise _fail(path, root, f"<tbx> is not in the TBX namespace {TBX_NS}")
    elif name == "martif":
        vocab, strict = V2, False
    else:
        raise _fail(path, root, f"not a TBX file: root element is <{name}>, expected <tbx> or <martif>")
    _check_structure(path, root, vocab, strict)
    tb = Termbase()
    header = next((c for c in root if local_name(c) == vocab.header), None)
    if header is not None:
        title = next((e for e in header.iter() if local_name(e) == "title"), None)
        if title is not None and text_of(title):
            tb.title = text_of(title)
        stmt = next((e for e in header.iter() if local_name(e) == "titleStmt"), None)
        if stmt is not None:
            notes = [text_of(n) for n in stmt if local_name(n) == "note" and text_of(n)]
            tb.description = "\n".join(notes) or None
    ns = f"{{{vocab.namespace}}}" if vocab.namespace else ""
    for entry in root.iter(ns + vocab.entry):
        tb.concepts.append(_read_concept(path, entry, vocab, strict))
    _fix_ids(path, tb.concepts, strict)
    return tb


# --- writing --------------------------------------------------------------------------------------------


def _xml_id(concept_id: str) -> str:
    return concept_id if _NCNAME.match(concept_id) else "_" + concept_id


def _note_text(value: str) -> str:
    return f"{PREFIX}note={value}" if value.startswith(PREFIX) else value


def _build(tb: Termbase, vocab: Vocabulary, allow_empty: bool = False) -> etree._Element:
    ns = f"{{{vocab.namespace}}}" if vocab.namespace else ""

    def sub(parent, name: str, text: str | None = None, **attrs) -> etree._Element:
        el = etree.SubElement(parent, ns + name, {k.rstrip("_"): v for k, v in attrs.items()})
        if text is not None:
            el.text = text
        return el

    nsmap = {None: vocab.namespace} if vocab.namespace else None
    root = etree.Element(ns + vocab.root, nsmap=nsmap)
    root.set("type", "TBX-Basic")
    if vocab is V3:
        root.set("style", "dca")
    root.set(XML_LANG, "en")
    file_desc = sub(sub(root, vocab.header), "fileDesc")
    if tb.title or tb.description:
        stmt = sub(file_desc, "titleStmt")
        sub(stmt, "title", tb.title or "")
        if tb.description:
            sub(stmt, "note", tb.description)
    sub(sub(file_desc, "sourceDesc"), "p", f"slovnik {__version__}")
    if not len(tb) and not allow_empty:  # TBX's <body> holds one conceptEntry or more
        raise TermbaseError("the termbase has no concepts, and a TBX body needs at least one")
    body = sub(sub(root, "text"), "body")
    ids = {c.id for c in tb}
    for c in tb:
        if not c.terms:
            raise TermbaseError(f"concept {c.id!r} has no terms; a TBX entry needs at least one")
        try:
            entry = sub(body, vocab.entry, id=_xml_id(c.id))
            for subject in c.subject:
                sub(entry, "descrip", subject, type="subjectField")
            if c.definition:
                sub(entry, "descrip", c.definition, type="definition")
            for source in c.sources:
                sub(entry, "admin", source, type="source")
            for tag in c.tags:
                sub(entry, "admin", tag, type="customerSubset")
            for ref in c.see_also:
                attrs = {"type": "crossReference"}
                if ref in ids:
                    attrs["target"] = _xml_id(ref)
                sub(entry, "ref", ref, **attrs)
            for note in c.notes:
                sub(entry, "note", _note_text(note))
            if c.type is not ConceptType.TERM:
                sub(entry, "note", f"{PREFIX}conceptType={c.type.value}")
            for lang in c.languages:
                section = sub(entry, vocab.lang_section)
                section.set(XML_LANG, lang)
                for t in c.terms:
                    if t.lang == lang:
                        _write_term(sub, section, t, vocab)
        except ValueError:  # lxml: XML 1.0 has no control characters (a PO msgid may hold one)
            raise TermbaseError(
                f"concept {limits.quote(c.id)!r} holds a control character, which XML cannot "
                "store (write CSV or JSON instead)"
            ) from None
    return root


def _write_term(sub, section, t: Term, vocab: Vocabulary) -> None:
    ts = sub(section, vocab.term_section)
    sub(ts, "term", t.text)
    sub(ts, "termNote", t.status.tbx, type="administrativeStatus")
    pos = t.part_of_speech
    if pos is not None:
        basic = pos if pos in BASIC_POS else ("noun" if pos == "properNoun" else "other")
        sub(ts, "termNote", basic, type="partOfSpeech")
    if t.gender:
        sub(ts, "termNote", t.gender, type="grammaticalGender")
    if t.note:
        sub(ts, "note", _note_text(t.note))
    if pos is not None and pos not in BASIC_POS:
        sub(ts, "note", f"{PREFIX}partOfSpeech={pos}")
    if t.number:
        sub(ts, "note", f"{PREFIX}grammaticalNumber={t.number}")
    if t.conventional:
        sub(ts, "note", f"{PREFIX}conventional={t.conventional}")
    for scheme, value in t.romanization.items():
        sub(ts, "note", f"{PREFIX}romanization:{scheme}={value}")
    if t.match:
        sub(ts, "note", f"{PREFIX}match={t.match}")
    for key in ("exclude", "context"):
        for value in getattr(t, key):
            sub(ts, "note", f"{PREFIX}{key}={value}")


def serialize(tb: Termbase, vocab: Vocabulary = V3, *, allow_empty: bool = False) -> bytes:
    """The TBX document of *tb*. An empty termbase is refused (no valid empty <body>) unless
    *allow_empty*: `glossary new` starts a working file with no concept yet."""
    root = _build(tb, vocab, allow_empty)
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    if vocab is V3:  # lets XML editors (oXygen, VS Code) validate the file as they open it
        head += (
            b'<?xml-model href="' + RNG_URL.encode() + b'" type="application/xml" '
            b'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        )
    if vocab is V2:
        head += b'<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">\n'
    return head + body


def write(tb: Termbase, path: Path, *, allow_empty: bool = False) -> None:
    try:
        data = serialize(tb, V3, allow_empty=allow_empty)
    except TermbaseError as e:
        raise WriteError(path, str(e)) from None
    atomic_write_bytes(path, data)


# --- schema ------------------------------------------------------------------------------------------

RNG_PATH = Path(str(files("glossary"))).resolve() / "data" / "TBXcoreStructV03_TBX-Basic_integrated.rng"
RNG_URL = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBXcoreStructV03_TBX-Basic_integrated.rng"
)


def relaxng() -> etree.RelaxNG:
    """The official TBX core structure schema, TBX-Basic integrated (LTAC-Global, see its .txt)."""
    return etree.RelaxNG(parse_xml(RNG_PATH))


def schema_errors(path: Path) -> list[ParseError]:
    """RELAX NG violations of a TBX v3 file, one ParseError per reported line (empty when valid)."""
    doc = parse_xml(Path(path))
    schema = relaxng()
    if schema.validate(doc):
        return []
    seen, out = set(), []
    for e in schema.error_log:
        if e.line not in seen:
            seen.add(e.line)
            out.append(ParseError(path, e.line, f"TBX schema: {e.message}"))
    return out
