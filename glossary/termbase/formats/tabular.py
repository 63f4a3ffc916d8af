"""The one row mapping shared by CSV, TSV and XLSX: one row per term, `concept_id` linking rows.

Columns (header names are fixed; order is free; only `concept_id`, `lang` and `term` are required):

    concept_id  concept_type  subject  definition  note  source  tags  see_also
    lang  term  status  part_of_speech  gender  number  usage_note  conventional  match
    exclude  context        (written only when a term has them)
    romanization:<scheme>   (one column per scheme with overrides, e.g. romanization:lc)

Concept columns (concept_type … see_also) are written on a concept's first row only; a later row of
the same concept may leave them empty or repeat them, but may not contradict them. `subject`, `note`,
`source`, `tags`, `see_also`, `exclude` and `context` hold lists: items are separated by `|`, and a literal `|` or `\\` in
an item is escaped with a backslash. A row with empty `lang` and `term` is a concept without terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ...core import limits
from ...core.errors import ParseError
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

CONCEPT_COLUMNS = (
    "concept_id",
    "concept_type",
    "subject",
    "definition",
    "note",
    "source",
    "tags",
    "see_also",
)
TERM_COLUMNS = (
    "lang",
    "term",
    "status",
    "part_of_speech",
    "gender",
    "number",
    "usage_note",
    "conventional",
    "match",
)
# A term's homonym phrases (glossary.recognition.homonyms): lists, written only when some term has them
# so that a termbase without them keeps its columns.
FILTER_COLUMNS = ("exclude", "context")
COLUMNS = CONCEPT_COLUMNS + TERM_COLUMNS + FILTER_COLUMNS
REQUIRED = ("concept_id", "lang", "term")
ROMANIZATION_PREFIX = "romanization:"
LIST_COLUMNS = {
    "subject": "subject",
    "note": "notes",
    "source": "sources",
    "tags": "tags",
    "see_also": "see_also",
}
_SCHEME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_SPLIT_RE = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_CHOICES = {"part_of_speech": PARTS_OF_SPEECH, "gender": GENDERS, "number": NUMBERS, "match": MATCH_MODES}


def join_list(items: Iterable[str]) -> str:
    return "|".join(i.replace("\\", "\\\\").replace("|", "\\|") for i in items)


def split_list(cell: str) -> list[str]:
    if not cell.strip():
        return []
    if "\\" not in cell:  # no escapes (nearly every cell): a plain split
        return [i for i in map(str.strip, cell.split("|")) if i]
    out, start = [], 0
    for m in _SPLIT_RE.finditer(cell):
        out.append(cell[start : m.end() - 1])
        start = m.end()
    out.append(cell[start:])
    items = [re.sub(r"\\(.)", r"\1", item).strip() for item in out]
    return [i for i in items if i]


def check_header(path: Path, header: list[str], line: int) -> list[str]:
    """Normalised column names; ParseError for unknown, duplicate or missing columns."""
    names = [h.strip() for h in header]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ParseError(path, line, f"duplicate column {limits.quote(name)!r}")
        seen.add(name)
        if name in COLUMNS:
            continue
        if name.startswith(ROMANIZATION_PREFIX) and _SCHEME_RE.match(name[len(ROMANIZATION_PREFIX) :]):
            continue
        raise ParseError(
            path,
            line,
            f"unknown column {limits.quote(name)!r} (expected: {', '.join(COLUMNS)}, romanization:<scheme>)",
        )
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        raise ParseError(path, line, f"missing column(s): {', '.join(repr(m) for m in missing)}")
    return names


def _term_from_row(path: Path, line: int, row: dict[str, str], schemes: tuple[tuple[str, str], ...]) -> Term:
    text = row.get("term", "").strip()
    lang = row.get("lang", "").strip()
    if not text:
        raise ParseError(path, line, "empty 'term' column")
    if not lang:
        raise ParseError(path, line, "empty 'lang' column")
    if not _LANG_RE.match(lang):
        raise ParseError(path, line, f"invalid language code {limits.quote(lang)!r} in 'lang' column")
    try:
        status = Status.parse(row.get("status", "").strip())
    except ValueError as e:
        raise ParseError(path, line, f"{e} in 'status' column") from None
    values: dict[str, str | None] = {}
    for column, choices in _CHOICES.items():
        value = row.get(column, "").strip() or None
        if value is not None and value not in choices:
            raise ParseError(
                path,
                line,
                f"unknown {column} {limits.quote(value)!r} (expected one of: {', '.join(choices)})",
            )
        values[column] = value
    romanization = {scheme: v.strip() for column, scheme in schemes if (v := row[column]).strip()}
    return Term(
        text=text,
        lang=lang,
        status=status,
        part_of_speech=values["part_of_speech"],
        gender=values["gender"],
        number=values["number"],
        note=row.get("usage_note", "").strip() or None,
        romanization=romanization,
        conventional=row.get("conventional", "").strip() or None,
        match=values["match"],
        exclude=split_list(row.get("exclude", "")),
        context=split_list(row.get("context", "")),
    )


def _concept_values(path: Path, line: int, row: dict[str, str]) -> dict[str, object]:
    values: dict[str, object] = {}
    raw_type = row.get("concept_type", "").strip()
    if raw_type:
        try:
            values["type"] = ConceptType(raw_type)
        except ValueError:
            raise ParseError(
                path,
                line,
                f"unknown concept_type {limits.quote(raw_type)!r} (expected one of: "
                f"{', '.join(t.value for t in ConceptType)})",
            ) from None
    definition = row.get("definition", "").strip()
    if definition:
        values["definition"] = definition
    for column, attr in LIST_COLUMNS.items():
        cell = row.get(column)
        if cell:
            items = split_list(cell)
            if items:
                values[attr] = items
    return values


def rows_to_termbase(path: Path, rows: Iterable[tuple[int, dict[str, str]]]) -> Termbase:
    """Build a Termbase from (physical line, row) pairs; every error names its line."""
    path = Path(path)
    tb = Termbase()
    concepts: dict[str, Concept] = {}
    first_line: dict[tuple[str, str], int] = {}
    # the romanization:<scheme> columns, found once per header (every row of a file has the same keys)
    columns: tuple[str, ...] = ()
    schemes: tuple[tuple[str, str], ...] = ()
    for line, row in rows:
        if not "".join(row.values()).strip():
            continue
        if tuple(row) != columns:
            columns = tuple(row)
            schemes = tuple(
                (k, k[len(ROMANIZATION_PREFIX) :]) for k in columns if k.startswith(ROMANIZATION_PREFIX)
            )
        cid = row.get("concept_id", "").strip()
        if not cid:
            raise ParseError(path, line, "empty 'concept_id' column")
        if not is_concept_id(cid):
            raise ParseError(
                path, line, f"invalid concept id {limits.quote(cid)!r} (letters, digits, '.', '_', '-')"
            )
        values = _concept_values(path, line, row)
        concept = concepts.get(cid)
        if concept is None:
            concept = Concept(id=cid, **values)  # type: ignore[arg-type]
            concept.line = line
            concepts[cid] = concept
            tb.concepts.append(concept)
            for attr in values:
                first_line[cid, attr] = line
        else:
            for attr, value in values.items():
                current = getattr(concept, attr)
                if (cid, attr) not in first_line:
                    setattr(concept, attr, value)
                    first_line[cid, attr] = line
                elif current != value:
                    raise ParseError(
                        path,
                        line,
                        f"concept {limits.quote(cid)!r}: {attr} conflicts with line "
                        f"{first_line[cid, attr]} (duplicate id with different data)",
                    )
        if not row.get("term", "").strip() and not row.get("lang", "").strip():
            continue
        concept.terms.append(_term_from_row(path, line, row, schemes))
    return tb


def termbase_to_rows(tb: Termbase) -> tuple[list[str], list[dict[str, str]]]:
    """The header and one row per term (a concept without terms gets one row of its own)."""
    schemes = sorted({s for c in tb for t in c.terms for s in t.romanization})
    filters = [f for f in FILTER_COLUMNS if any(getattr(t, f) for c in tb for t in c.terms)]
    header = [*CONCEPT_COLUMNS, *TERM_COLUMNS, *filters] + [ROMANIZATION_PREFIX + s for s in schemes]
    rows: list[dict[str, str]] = []
    for c in tb:
        concept_cells = {
            "concept_id": c.id,
            "concept_type": c.type.value,
            "subject": join_list(c.subject),
            "definition": c.definition or "",
            "note": join_list(c.notes),
            "source": join_list(c.sources),
            "tags": join_list(c.tags),
            "see_also": join_list(c.see_also),
        }
        terms: list[Term | None] = [*c.terms] if c.terms else [None]
        for i, t in enumerate(terms):
            row = dict.fromkeys(header, "")
            row.update(concept_cells if i == 0 else {"concept_id": c.id})
            if t is not None:
                row.update(
                    {
                        "lang": t.lang,
                        "term": t.text,
                        "status": t.status.value,
                        "part_of_speech": t.part_of_speech or "",
                        "gender": t.gender or "",
                        "number": t.number or "",
                        "usage_note": t.note or "",
                        "conventional": t.conventional or "",
                        "match": t.match or "",
                    }
                )
                for f in filters:
                    row[f] = join_list(getattr(t, f))
                for scheme, value in t.romanization.items():
                    row[ROMANIZATION_PREFIX + scheme] = value
            rows.append(row)
    return header, rows
