"""Concept ids: the one pattern every format accepts, and slugs for entries that come without one."""

from __future__ import annotations

import re
import unicodedata

from ..romanization.romanize import romanize

# As in glossary/data/termbase.schema.json: letters, digits, '.', '_', '-'; slugs like ezhov-nikolai.
CONCEPT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_concept_id(value: str) -> bool:
    return CONCEPT_ID.fullmatch(value) is not None


def slugify(text: str, limit: int = 48) -> str:
    """A lowercase ASCII slug (ezhov-nikolai); Cyrillic is romanized (LC) first, not dropped."""
    if _CYRILLIC.search(text):
        text = romanize(text, "lc")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
