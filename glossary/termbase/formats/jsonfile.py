"""slovnik's own JSON termbase: keys are the model's field names, validated by a JSON Schema.

The schema (`glossary/data/termbase.schema.json`) is the one contract for the format; it is checked at
load time and errors name the file, the line and the JSON path (`concepts[3].terms[0].status`).
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from dataclasses import fields
from importlib.resources import files
from pathlib import Path
from typing import Any

from ...core import limits
from ...core.atomic import atomic_write_text
from ...core.errors import ParseError
from ...core.schemacheck import describe
from ...core.schemacheck import schema_errors as check_schema
from ...core.textfile import decode, read_input
from ..model import Concept, Status, Term, Termbase
from . import jsonindent

SCHEMA_PATH = Path(str(files("glossary"))).resolve() / "data" / "termbase.schema.json"  # by package name
FORMAT_ID = "slovnik-termbase"


def json_path(parts) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(root)"


def schema_errors(path: Path, text: str, data: Any) -> list[ParseError]:
    """Every schema violation as ParseError(path, line, 'json.path: message'), in file order."""
    try:
        errors = check_schema(SCHEMA_PATH, data)
    except RecursionError:  # a message quotes the deep value
        raise _too_deep(path, text) from None
    if not errors:
        return []  # the schema nests 6 deep at most: a valid document is not too deep
    if (line := too_deep_line(text, limits.LIMITS.max_json_depth)) is not None:
        raise _too_deep(path, text, line)  # before every value is walked and quoted
    lines = value_lines(text)
    out: dict[tuple, ParseError] = {}  # one line per place and problem (see describe)
    for err in errors:
        parts = tuple(err.absolute_path)
        line = lines.get(parts)
        while line is None and parts:
            parts = parts[:-1]
            line = lines.get(parts)
        message = f"{json_path(err.absolute_path)}: {describe(err)}"
        out.setdefault((line, message), ParseError(path, line, message))
    return sorted(out.values(), key=lambda e: e.line or 0)


def load_json(path: Path, data: bytes | None = None, encoding: str | None = None) -> tuple[str, Any]:
    path = Path(path)
    text = decode(path, read_input(path, encoding) if data is None else data, encoding)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise ParseError(path, e.lineno, f"invalid JSON: {e.msg} (column {e.colno})") from None
    except RecursionError:
        raise _too_deep(path, text) from None
    except ValueError:  # an integer longer than the interpreter converts (sys.int_max_str_digits)
        long_number = re.search(rf"\d{{{sys.get_int_max_str_digits() + 1},}}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise ParseError(
            path, line, "a number too long to read (no termbase value is a number of thousands of digits)"
        ) from None
    refuse_lone_surrogates(path, text)
    return text, value


# A JSON string (escapes included) or a bracket: the tokens that nesting depth is counted from.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def too_deep_line(text: str, limit: int) -> int | None:
    """The line where JSON *text* first nests deeper than *limit*, or None.

    A loop in Python over every string: only run on a document already found wrong (the schema
    bounds a valid one's depth), so a valid termbase never pays for it.
    """
    depth = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, m.start()) + 1
        elif token == "]" or token == "}":
            depth -= 1
    return None


def _too_deep(path: Path, text: str, line: int | None = None) -> ParseError:
    limit = limits.LIMITS.max_json_depth
    return ParseError(
        path,
        line or too_deep_line(text, limit),
        f"JSON nested deeper than {limit} levels (max-json-depth in [tool.slovnik.limits])",
    )


# \uD800-\uDFFF: half of a UTF-16 pair; a high half followed by a low half is one character.
_MAYBE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
    r"|(u[dD][89a-fA-F][0-9a-fA-F]{2})|.)",
    re.S,
)


def refuse_lone_surrogates(path: Path, text: str) -> None:
    """Refuse a `\\ud800` escape without its other half: json reads it into a str that no file or
    terminal can take (every later write fails), so it is named here, with its line."""
    if "\\u" not in text or _MAYBE_SURROGATE.search(text) is None:
        return
    for m in _ESCAPE.finditer(text):  # escape by escape, so that "\\\\ud800" is not taken for one
        if m.group(1):
            raise ParseError(
                path,
                text.count("\n", 0, m.start()) + 1,
                f"lone surrogate \\{m.group(1)} in a string (half of a UTF-16 pair, not a character)",
            )


def read(path: Path, *, encoding: str | None = None) -> Termbase:
    path = Path(path)
    text, data = load_json(path, encoding=encoding)
    errors = schema_errors(path, text, data)
    if errors:
        raise errors[0]
    lines = value_lines(text, depth=2)  # only ("concepts", i): deeper values are skipped whole
    tb = from_dict(data)
    for i, concept in enumerate(tb.concepts):
        concept.line = lines.get(("concepts", i))
    return tb


def write(tb: Termbase, path: Path) -> None:
    atomic_write_text(path, jsonindent.dumps(to_dict(tb)) + "\n")


# --- model <-> plain data -------------------------------------------------------------------------

_TERM_DEFAULTS = {f.name: f.default for f in fields(Term) if f.name not in ("text", "lang")}


def term_to_dict(t: Term) -> dict[str, Any]:
    d: dict[str, Any] = {"lang": t.lang, "text": t.text, "status": t.status.value}
    for name in ("part_of_speech", "gender", "number", "note", "conventional", "match"):
        value = getattr(t, name)
        if value is not None:
            d[name] = value
    if t.romanization:
        d["romanization"] = dict(t.romanization)
    for name in ("exclude", "context"):
        items = getattr(t, name)
        if items:
            d[name] = list(items)
    return d


def concept_to_dict(c: Concept) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "type": c.type.value}
    for name in ("subject", "definition", "notes", "sources", "tags", "see_also"):
        value = getattr(c, name)
        if value:
            d[name] = list(value) if isinstance(value, list) else value
    d["terms"] = [term_to_dict(t) for t in c.terms]
    return d


def to_dict(tb: Termbase) -> dict[str, Any]:
    d: dict[str, Any] = {"format": FORMAT_ID, "version": 1}
    if tb.title:
        d["title"] = tb.title
    d["source_lang"] = tb.source_lang
    d["target_lang"] = tb.target_lang
    if tb.description:
        d["description"] = tb.description
    d["concepts"] = [concept_to_dict(c) for c in tb.concepts]
    return d


def term_from_dict(d: dict[str, Any]) -> Term:
    return Term(
        text=d["text"],
        lang=d["lang"],
        status=Status(d.get("status") or "preferred"),
        part_of_speech=d.get("part_of_speech"),
        gender=d.get("gender"),
        number=d.get("number"),
        note=d.get("note") or None,
        romanization=dict(d.get("romanization") or {}),
        conventional=d.get("conventional") or None,
        match=d.get("match"),
        exclude=list(d.get("exclude") or ()),
        context=list(d.get("context") or ()),
    )


def concept_from_dict(d: dict[str, Any]) -> Concept:
    return Concept(
        id=d["id"],
        type=d.get("type", "term"),
        subject=list(d.get("subject", [])),
        definition=d.get("definition") or None,
        notes=list(d.get("notes", [])),
        sources=list(d.get("sources", [])),
        tags=list(d.get("tags", [])),
        see_also=list(d.get("see_also", [])),
        terms=[term_from_dict(t) for t in d.get("terms", [])],
    )


def from_dict(d: dict[str, Any]) -> Termbase:
    """Build a Termbase from schema-valid data; duplicate ids are kept for `validate` to report."""
    tb = Termbase(
        title=d.get("title"),
        source_lang=d.get("source_lang", "ru"),
        target_lang=d.get("target_lang", "en"),
        description=d.get("description"),
    )
    tb.concepts = [concept_from_dict(c) for c in d.get("concepts", [])]
    return tb


# --- where each value sits: JSON path -> line --------------------------------------------------------


def value_lines(text: str, depth: int | None = None) -> dict[tuple, int]:
    """Map every JSON path (as a tuple of keys/indices) to the line its value starts on.

    With *depth*, paths longer than that are not mapped (their values are skipped in one C call).
    """
    out: dict[tuple, int] = {}
    decoder = json.JSONDecoder()
    ws = " \t\n\r"
    n = len(text)

    def skip(i: int) -> int:
        while i < n and text[i] in ws:
            i += 1
        return i

    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(i: int) -> int:
        return bisect.bisect_right(line_starts, i)

    def walk(i: int, parts: tuple) -> int:
        i = skip(i)
        out[parts] = line_of(i)
        if depth is not None and len(parts) >= depth:
            return decoder.raw_decode(text, i)[1]
        ch = text[i]
        if ch == "{":
            i = skip(i + 1)
            if text[i] == "}":
                return i + 1
            while True:
                i = skip(i)
                key, i = decoder.raw_decode(text, i)
                i = skip(i) + 1  # the colon
                i = skip(walk(i, (*parts, key)))
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1
        if ch == "[":
            i = skip(i + 1)
            if text[i] == "]":
                return i + 1
            k = 0
            while True:
                i = skip(walk(i, (*parts, k)))
                k += 1
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1
        _, end = decoder.raw_decode(text, i)
        return end

    walk(0, ())
    return out
