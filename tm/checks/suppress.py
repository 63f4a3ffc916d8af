"""Suppression files: reviewed findings, keyed by their stable signature, stay quiet.

    {"format": "slovnik-suppressions", "version": 1,
     "suppressions": [{"signature": "…", "check": "term-missing", "tuid": "17", "message": "…"}]}

Only `signature` is read back; the other keys are there for the reviewer who edits the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from glossary.core.atomic import atomic_write_text
from glossary.core.errors import ParseError
from glossary.termbase.formats.jsonfile import load_json

from .base import CheckFinding

FORMAT = "slovnik-suppressions"


def read_suppressions(path: str | Path) -> set[str]:
    path = Path(path)
    data = load_json(path)[1]  # within the input limit, decoded with its line named, no deep nesting
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ParseError(path, 1, f'not a suppression file (expected "format": "{FORMAT}")')
    entries = data.get("suppressions", [])
    if not isinstance(entries, list):
        raise ParseError(path, 1, '"suppressions" must be a list')
    out = set()
    for i, entry in enumerate(entries):
        sig = entry.get("signature") if isinstance(entry, dict) else None
        if not isinstance(sig, str) or not sig:
            raise ParseError(path, None, f'suppression #{i + 1} has no "signature"')
        out.add(sig)
    return out


def write_suppressions(findings: Iterable[CheckFinding], path: str | Path, keep: Iterable[str] = ()) -> int:
    """Accept *findings* (plus already-suppressed signatures in *keep*); returns the number of entries."""
    entries: dict[str, dict[str, str | None]] = {sig: {"signature": sig} for sig in keep}
    for f in findings:
        entries[f.signature] = {
            "signature": f.signature,
            "check": f.check,
            "tuid": f.tuid,
            "concept": f.concept,
            "message": f.message,
        }
    data = {"format": FORMAT, "version": 1, "suppressions": list(entries.values())}
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def apply_suppressions(findings: list[CheckFinding], signatures: set[str]) -> tuple[list[CheckFinding], int]:
    kept = [f for f in findings if f.signature not in signatures]
    return kept, len(findings) - len(kept)
