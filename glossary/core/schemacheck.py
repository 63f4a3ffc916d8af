"""JSON Schema validation in one place, for every data file slovnik loads (termbases, schemes).

jsonschema-rs (Rust) answers "valid?" fast and is tried first; only an invalid document goes
through jsonschema (pure Python, imported on demand) for its messages, so both engines report the
same errors and a valid file never pays for importing jsonschema.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from . import limits


@cache
def _schema(schema_path: Path) -> dict:
    return json.loads(schema_path.read_text(encoding="utf-8"))


@cache
def _fast_is_valid(schema_path: Path):
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(_schema(schema_path)).is_valid


@cache
def full_validator(schema_path: Path):
    """The jsonschema validator for the schema's declared draft (the schema itself checked once)."""
    import jsonschema

    schema = _schema(schema_path)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_errors(schema_path: Path, data: Any) -> list:
    """Every jsonschema ValidationError of *data*; an empty list when it is valid."""
    fast = _fast_is_valid(schema_path)
    if fast is not None and fast(data):
        return []
    return list(full_validator(schema_path).iter_errors(data))


_JSON_TYPES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


def _json_type(value: Any) -> str:
    for name, kind in (
        ("null", type(None)),
        ("boolean", bool),
        ("object", dict),
        ("array", list),
        ("string", str),
        ("integer", int),
        ("number", float),
    ):
        if isinstance(value, kind):
            return _JSON_TYPES[name]
    return type(value).__name__


def _shown(value: Any) -> str:
    return limits.quote(
        json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else repr(value)
    )


def describe(error) -> str:
    """A jsonschema ValidationError in slovnik's words, from its keyword and values (not its message).

    Every `required` error of one object gets the same text (all the missing keys), so callers that
    list errors drop repeats.
    """
    kind, expected, value = error.validator, error.validator_value, error.instance
    key = "key " if "propertyNames" in error.schema_path else ""
    if kind == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        return limits.quote(f"missing key{'s' * (len(missing) > 1)} " + ", ".join(map(_shown, missing)))
    if kind == "additionalProperties" and isinstance(value, dict):
        known, patterns = error.schema.get("properties", {}), error.schema.get("patternProperties", {})
        extra = [k for k in value if k not in known and not any(re.search(p, k) for p in patterns)]
        return limits.quote(f"unknown key{'s' * (len(extra) > 1)} " + ", ".join(map(_shown, extra)))
    if kind == "type":
        names = [expected] if isinstance(expected, str) else expected
        return f"expected {' or '.join(_JSON_TYPES.get(n, n) for n in names)}, not {_json_type(value)}"
    if kind == "enum":
        return (
            f"{key}{_shown(value)} is not an allowed value (expected one of: {', '.join(map(str, expected))})"
        )
    if kind == "const":
        return f"{key}{_shown(value)} is not an allowed value (expected {expected!r})"
    if kind == "pattern":
        return f"{key}{_shown(value)} is not in the required form ({expected})"
    if kind in ("minLength", "minItems", "minProperties") and expected == 1:
        return "must not be empty"
    if kind in ("minLength", "maxLength"):
        return f"{_shown(value)} has {len(value)} characters ({kind[:3]}imum {expected})"
    if kind in ("minItems", "maxItems", "minProperties", "maxProperties"):
        return f"has {len(value)} entries ({kind[:3]}imum {expected})"
    return f"does not fit the schema ({kind}): {limits.quote(error.message)}"
