"""TBX v2 (`martif`, ISO 30042:2008): termEntry/langSet/tig. Most tools still exchange this version.

Reading is shared with v3 (glossary.termbase.formats.tbx picks the version from the root element); writing
uses the same mapping as v3 with the v2 element names and the MARTIF DOCTYPE line tools expect.
"""

from __future__ import annotations

from pathlib import Path

from ...core.atomic import atomic_write_bytes
from ...core.errors import TermbaseError, WriteError
from ..model import Termbase
from .tbx import V2, read, serialize

__all__ = ["read", "write"]


def write(tb: Termbase, path: Path, *, allow_empty: bool = False) -> None:
    try:
        data = serialize(tb, V2, allow_empty=allow_empty)
    except TermbaseError as e:
        raise WriteError(path, str(e)) from None
    atomic_write_bytes(path, data)
