"""Termbase formats: one module per format, one explicit registry by format id and file extension.

    read_termbase(path, fmt=None, *, encoding=None) -> Termbase
    write_termbase(tb, path, fmt=None)

`fmt` is a format id from FORMATS (json, csv, tsv, xlsx, tbx, tbx2, po); without it the file
extension decides. `.tbx` reads both TBX v3 and v2 (the root element tells them apart) and writes
v3; ask for `tbx2` to write v2. `encoding` applies to the text formats (csv, tsv, json, po): they
are UTF-8 by default and a file in another encoding is refused with a hint unless it is named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from ...core.atomic import check_target
from ..model import Termbase
from .registry import FormatRegistry


@dataclass(frozen=True)
class Format:
    """A termbase format: its id, extensions, reader, writer and which termbase header fields it holds.

    `holds` lists the Termbase-level fields the format can store (title, description, langs); every
    format holds every Concept and Term field. The reader and writer are named `module:function` and
    imported on first use: a run that reads the cached termbase never loads lxml, openpyxl or polib.
    """

    id: str
    name: str
    extensions: tuple[str, ...]
    reader: str
    writer: str
    holds: frozenset[str]

    @property
    def read(self) -> Callable[..., Termbase]:
        return _function(self.reader)

    @property
    def write(self) -> Callable[..., None]:
        return _function(self.writer)


def _function(name: str) -> Any:
    module, function = name.split(":")
    return getattr(import_module(f"{__name__}.{module}"), function)


FORMATS: dict[str, Format] = {
    f.id: f
    for f in (
        Format(
            "json",
            "slovnik JSON",
            (".json",),
            "jsonfile:read",
            "jsonfile:write",
            frozenset({"title", "description", "langs"}),
        ),
        Format("csv", "CSV, one row per term", (".csv",), "csvfile:read", "csvfile:write", frozenset()),
        Format(
            "tsv",
            "TSV, one row per term",
            (".tsv", ".tab"),
            "csvfile:read_tsv",
            "csvfile:write_tsv",
            frozenset(),
        ),
        Format(
            "xlsx", "Excel workbook, one row per term", (".xlsx",), "xlsx:read", "xlsx:write", frozenset()
        ),
        Format(
            "tbx",
            "TBX v3 (ISO 30042:2019, TBX-Basic)",
            (".tbx",),
            "tbx:read",
            "tbx:write",
            frozenset({"title", "description"}),
        ),
        Format("tbx2", "TBX v2 (martif)", (), "tbx2:read", "tbx2:write", frozenset({"title", "description"})),
        Format(
            "po",
            "PO glossary (gettext)",
            (".po", ".pot"),
            "po:read",
            "po:write",
            frozenset({"title", "description", "langs"}),
        ),
    )
}


REGISTRY: FormatRegistry[Format] = FormatRegistry(
    FORMATS.values(),
    unknown_id=lambda fmt, ids: f"unknown format {fmt!r} (expected one of: {', '.join(ids)})",
    unknown_extension=lambda path, suffix, formats: (
        f"{path}: unknown termbase extension {suffix or '(none)'!r} "
        f"(use --to/--from with one of: {', '.join(f.id for f in formats)})"
    ),
)


def get_format(fmt: str) -> Format:
    """The format with id *fmt* (case-insensitive)."""
    return REGISTRY.get(fmt)


def format_for(path: Path | str, fmt: str | None = None) -> Format:
    """The format named by *fmt*, else the one that owns *path*'s extension."""
    return REGISTRY.for_path(path, fmt)


def read_termbase(path: Path | str, fmt: str | None = None, *, encoding: str | None = None) -> Termbase:
    path = Path(path)
    reader = format_for(path, fmt)
    return reader.read(path, encoding=encoding)


def check_output_dir(path: Path | str) -> None:
    """Refuse an output whose folder is missing or not writable (naming that folder), or that is a
    read-only file or on a read-only file system (naming the file): see glossary.core.atomic.check_target.

    The atomic writers create a temp file beside *path*; left to fail there, the error would name
    `.out.tbx.x7f3.tmp`, a file the user never asked for.
    """
    check_target(path)


def write_termbase(tb: Termbase, path: Path | str, fmt: str | None = None, **options) -> None:
    """Write atomically: readers of *path* see the old file or the new one, never half of one."""
    path = Path(path)
    writer = format_for(path, fmt).write
    check_output_dir(path)
    writer(tb, path, **options)
