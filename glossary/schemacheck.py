"""JSON Schema validation in one place, for every data file slovnik loads (termbases, schemes).

jsonschema-rs (Rust) answers "valid?" fast and is tried first; only an invalid document goes
through jsonschema (pure Python, imported on demand) for its messages, so both engines report the
same errors and a valid file never pays for importing jsonschema.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


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
