"""PO glossaries (polib): one entry per concept, msgid = Russian term, msgstr = preferred English.

Poedit and Weblate show the extracted comments (`#.`) to the translator, so they carry the rest of the
concept in plain `key: value` lines, which the reader parses back:

    #. definition: The list of posts filled by party appointment …
    #. type: term                      (also: subject, note, source, tag, see also)
    #. ru preferred: номенклатура      (one line per term: language, status, text)
    #.   part of speech: noun          (indented lines: that term's attributes)
    #. en deprecated: nomenclature
    #.   note: a false friend
    #.   exclude: кулаком по столу     (one line per homonym phrase; also: context)
    msgctxt "nomenklatura"             (the concept id; keeps homonyms apart)
    msgid "номенклатура"
    msgstr "nomenklatura"

A backslash and a newline inside a value are written as `\\\\` and `\\n`. A translator who edits
msgstr in Poedit is heard: a new msgstr becomes the preferred target term on reading. A PO file
without these comments (any other glossary) reads as msgid → preferred source term, msgstr →
preferred target term, its comments as notes. Concepts without a source-language term have no msgid
and are not written (the writer raises rather than drop them silently).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import polib

from ... import __version__
from ...core import limits
from ...core.atomic import atomic_path
from ...core.errors import ParseError
from ...core.pofile import load_po
from ..ids import is_concept_id
from ..model import (
    GENDERS,
    MATCH_MODES,
    NUMBERS,
    PARTS_OF_SPEECH,
    Concept,
    ConceptType,
    Status,
    Term,
    Termbase,
)

_TERM_LINE = re.compile(
    r"^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*) (preferred|admitted|deprecated|superseded): (.*)$"
)
_CONCEPT_KEYS = {
    "definition": "definition",
    "type": "type",
    "subject": "subject",
    "note": "notes",
    "source": "sources",
    "tag": "tags",
    "see also": "see_also",
}
_TERM_KEYS = {
    "part of speech": ("part_of_speech", PARTS_OF_SPEECH),
    "gender": ("gender", GENDERS),
    "number": ("number", NUMBERS),
    "note": ("note", None),
    "conventional": ("conventional", None),
    "match": ("match", MATCH_MODES),
}

_LIST_KEYS = ("exclude", "context")  # a term's homonym phrases, one line each


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n")


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), value)


# --- writing -------------------------------------------------------------------------------------------


def _comment(c: Concept) -> str:
    lines = []
    if c.definition:
        lines.append(f"definition: {_escape(c.definition)}")
    lines.append(f"type: {c.type.value}")
    for key, attr in _CONCEPT_KEYS.items():
        if attr in ("definition", "type"):
            continue
        lines.extend(f"{key}: {_escape(v)}" for v in getattr(c, attr))
    for t in c.terms:
        lines.append(f"{t.lang} {t.status.value}: {_escape(t.text)}")
        for key, (attr, _) in _TERM_KEYS.items():
            value = getattr(t, attr)
            if value:
                lines.append(f"  {key}: {_escape(value)}")
        lines.extend(f"  romanization {scheme}: {_escape(v)}" for scheme, v in t.romanization.items())
        lines.extend(f"  {key}: {_escape(v)}" for key in _LIST_KEYS for v in getattr(t, key))
    return "\n".join(lines)


def _source_term(tb: Termbase, c: Concept) -> Term | None:
    return c.preferred(tb.source_lang) or next(iter(c.terms_in(tb.source_lang)), None)


def left_out(tb: Termbase) -> list[str]:
    """Ids of the concepts a PO glossary leaves out: those with no source-language term (no msgid)."""
    return [c.id for c in tb if _source_term(tb, c) is None]


def write(tb: Termbase, path: Path) -> None:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": tb.title or "slovnik glossary",
        "PO-Revision-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": "slovnik",
        "Language-Team": "none",
        "Language": tb.target_lang,
        "X-Source-Language": tb.source_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"slovnik {__version__}",
    }
    if tb.description:
        # polib writes a header line that starts with "," or ":" as a flag line ("#,"): indent it.
        po.header = "\n".join(" " + line if line[:1] in ",:" else line for line in tb.description.split("\n"))
    for c in tb:
        source = _source_term(tb, c)
        if source is None:
            continue  # a PO entry needs a msgid: see left_out
        target = c.preferred(tb.target_lang)
        po.append(
            polib.POEntry(
                msgctxt=c.id, msgid=source.text, msgstr=target.text if target else "", comment=_comment(c)
            )
        )
    with atomic_path(path) as tmp:
        po.save(str(tmp))


# --- reading ------------------------------------------------------------------------------------------


def _parse_comment(path: Path, line: int, comment: str, concept: Concept) -> bool:
    """Fill *concept* from slovnik comment lines; False when the comment is not ours (a plain note)."""
    rows = [r for r in comment.split("\n") if r.strip()]
    if (
        not rows
        or not any(_TERM_LINE.match(r) for r in rows)
        or rows[0].split(":")[0] not in ("definition", "type")
    ):
        return False
    term: Term | None = None
    for row in _logical_rows(rows):
        m = _TERM_LINE.match(row)
        if m:
            term = Term(text=_unescape(m.group(3)), lang=m.group(1), status=Status(m.group(2)))
            concept.terms.append(term)
            continue
        key, sep, value = row.strip().partition(": ")
        if not sep:
            raise ParseError(path, line, f"unreadable glossary comment {limits.quote(row)!r}")
        value = _unescape(value)
        if row.startswith("  ") and term is not None:
            _apply_term_key(path, line, term, key, value)
        elif key == "type":
            try:
                concept.type = ConceptType(value)
            except ValueError:
                raise ParseError(path, line, f"unknown concept type {limits.quote(value)!r}") from None
        elif key == "definition":
            concept.definition = value
        elif key in _CONCEPT_KEYS:
            getattr(concept, _CONCEPT_KEYS[key]).append(value)
        else:
            raise ParseError(path, line, f"unknown glossary comment key {limits.quote(key)!r}")
    return True


def _starts_field(row: str) -> bool:
    if _TERM_LINE.match(row):
        return True
    key = row.strip().partition(": ")[0]
    if row.startswith("  "):
        return key in _TERM_KEYS or key in _LIST_KEYS or key.startswith("romanization ")
    return key in _CONCEPT_KEYS


def _logical_rows(rows: list[str]) -> list[str]:
    """Re-join values that a PO tool wrapped over several `#.` lines (polib and Poedit wrap at 78)."""
    out: list[str] = []
    for row in rows:
        if out and not _starts_field(row):
            out[-1] += " " + row.strip()
        else:
            out.append(row)
    return out


def _apply_term_key(path: Path, line: int, term: Term, key: str, value: str) -> None:
    if key.startswith("romanization "):
        term.romanization[key.split(" ", 1)[1]] = value
        return
    if key in _LIST_KEYS:
        getattr(term, key).append(value)
        return
    if key not in _TERM_KEYS:
        raise ParseError(path, line, f"unknown term attribute {limits.quote(key)!r}")
    attr, choices = _TERM_KEYS[key]
    if choices is not None and value not in choices:
        raise ParseError(path, line, f"{key} {limits.quote(value)!r} is not one of: {', '.join(choices)}")
    setattr(term, attr, value)


def _heed(concept: Concept, lang: str, text: str, status: Status) -> None:
    """Make *text* the preferred *lang* term when msgid/msgstr were edited outside slovnik."""
    if not text or any(t.lang == lang and t.text == text for t in concept.terms):
        return
    for t in concept.terms:
        if t.lang == lang and t.status is Status.PREFERRED:
            t.status = Status.ADMITTED
    concept.terms.insert(0, Term(text=text, lang=lang, status=status))


def read(path: Path, *, encoding: str | None = None) -> Termbase:
    path = Path(path)
    po = load_po(path, encoding, option="--encoding", wrapwidth=0)
    meta = po.metadata
    tb = Termbase(
        title=meta.get("Project-Id-Version") or None,
        source_lang=meta.get("X-Source-Language") or "ru",
        target_lang=meta.get("Language") or "en",
        description="\n".join(line.strip() for line in po.header.split("\n")).strip() or None,
    )
    if tb.title == "slovnik glossary":
        tb.title = None
    used: set[str] = set()
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        cid = entry.msgctxt if entry.msgctxt and is_concept_id(entry.msgctxt) else _new_id(entry, used)
        if cid in used:
            raise ParseError(path, entry.linenum, f"duplicate concept id {limits.quote(cid)!r} (msgctxt)")
        used.add(cid)
        concept = Concept(id=cid)
        concept.line = entry.linenum
        ours = bool(entry.comment) and _parse_comment(path, entry.linenum, entry.comment, concept)
        if not ours and entry.comment:
            concept.notes.append(entry.comment)
        if entry.tcomment:
            concept.notes.append(entry.tcomment)
        target_status = Status.ADMITTED if entry.fuzzy else Status.PREFERRED
        _heed(concept, tb.target_lang, entry.msgstr.strip(), target_status)
        _heed(concept, tb.source_lang, entry.msgid.strip(), Status.PREFERRED)
        # restore the file's order: source terms first when we created them from msgid/msgstr
        if not ours:
            concept.terms.sort(key=lambda t: t.lang != tb.source_lang)
        tb.concepts.append(concept)
    return tb


def _new_id(entry: polib.POEntry, used: set[str]) -> str:
    n = len(used) + 1
    while f"c{n:04d}" in used:
        n += 1
    return f"c{n:04d}"
