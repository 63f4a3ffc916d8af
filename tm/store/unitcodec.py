"""TranslationUnit ⇄ compact JSON, so a unit stored in the TM store comes back exactly as it went in.

Only fields that differ from their defaults are written; segments are lists of strings and tag objects
(`{"k": kind, "p": pos, "i": id, "a": [[name, value], …], "c": code}`), again without default keys.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from ..model import Segment, Tag, TranslationUnit
from . import textindex

_SEGMENT_FIELDS = {"source", "target", "source_plural"}
_DEFAULTS = {f.name: f for f in fields(TranslationUnit)}


def tag_to_json(tag: Tag) -> dict[str, Any]:
    out: dict[str, Any] = {"k": tag.kind}
    if tag.pos != "empty":
        out["p"] = tag.pos
    if tag.id is not None:
        out["i"] = tag.id
    if tag.attrs:
        out["a"] = [list(a) for a in tag.attrs]
    if tag.code:
        out["c"] = tag.code
    return out


def tag_from_json(data: dict[str, Any]) -> Tag:
    return Tag(
        kind=data["k"],
        pos=data.get("p", "empty"),
        id=data.get("i"),
        attrs=tuple((k, v) for k, v in data.get("a", ())),
        code=data.get("c", ""),
    )


def segment_to_json(segment: Segment) -> list[Any]:
    return [p if isinstance(p, str) else tag_to_json(p) for p in segment.normalized().parts]


def segment_from_json(data: list[Any]) -> Segment:
    return Segment([p if isinstance(p, str) else tag_from_json(p) for p in data])


def unit_to_dict(unit: TranslationUnit) -> dict[str, Any]:
    """The non-default fields of *unit* as JSON-ready data."""
    out: dict[str, Any] = {}
    for name in _DEFAULTS:
        value = getattr(unit, name)
        if name in _SEGMENT_FIELDS:
            if value:
                out[name] = segment_to_json(value)
        elif name == "target_plurals":
            if value:
                out[name] = [segment_to_json(s) for s in value]
        elif name == "props":
            if value:
                out[name] = [list(p) for p in value]
        elif isinstance(value, list):
            if value:
                out[name] = list(value)
        elif value is not None and value is not False:
            out[name] = value
    return out


def unit_from_dict(data: dict[str, Any]) -> TranslationUnit:
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name not in _DEFAULTS:
            continue  # a field a newer version wrote; ignore rather than fail
        if name in _SEGMENT_FIELDS:
            kwargs[name] = segment_from_json(value)
        elif name == "target_plurals":
            kwargs[name] = [segment_from_json(s) for s in value]
        elif name == "props":
            kwargs[name] = [tuple(p) for p in value]
        else:
            kwargs[name] = value
    kwargs.setdefault("source", Segment())
    return TranslationUnit(**kwargs)


def dumps(unit: TranslationUnit) -> str:
    return json.dumps(unit_to_dict(unit), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> TranslationUnit:
    return unit_from_dict(json.loads(text))


def unit_key(unit: TranslationUnit) -> bytes:
    """Identity for dedupe: source and target (with their inline tags) and context."""
    if unit.source.has_tags or unit.target.has_tags:
        payload = json.dumps(
            [segment_to_json(unit.source), segment_to_json(unit.target), unit.context],
            ensure_ascii=False,
            separators=(",", ":"),
        )
    else:  # the common case, cheaper; JSON escapes NUL, so this payload never equals a JSON one
        payload = f"{unit.source.text}\x00{unit.target.text}\x00{unit.context}\x00{unit.context is None}"
    return hashlib.blake2b(payload.encode(), digest_size=16).digest()


def text_hash(text: str | None, words: list[str] | None = None) -> int | None:
    """A signed 64-bit hash of normalised text (for the preceding-segment context of 101 % matches)."""
    if not text:
        return None
    norm = " ".join(textindex.tokens(text) if words is None else words)
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big", signed=True)


def encode_unit(unit: TranslationUnit) -> str:
    """The unit as JSON, without the plain source/target (they are columns) unless tags need keeping."""
    data = unit_to_dict(unit)
    for name in ("source", "target"):
        if name in data and not getattr(unit, name).has_tags:
            del data[name]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_unit(source: str, target: str, data: str) -> TranslationUnit:
    payload = json.loads(data)
    if "source" not in payload and source:
        payload["source"] = [source]
    if "target" not in payload and target:
        payload["target"] = [target]
    return unit_from_dict(payload)
