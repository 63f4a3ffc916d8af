"""TM file formats: one module per format, one explicit registry (the API termbase formats share,
glossary.termbase.formats.registry: `get_format(fmt)`, `format_for(path, fmt=None)`), and the entry points:

    iter_units(path, fmt=None, *, source_lang=None, target_lang=None) -> Iterator[TranslationUnit]
    split_units(path, fmt=None, *, size) -> parts read in parallel (TMX, PO), or None
    read_tm(path, fmt=None, **options) -> TranslationMemory
    write_tm(units, path, fmt=None, *, source_lang, target_lang, **options) -> int (units written)
    merge_targets(original, units, out, fmt=None) -> int (XLIFF: fill an original's targets)

Every unit a reader yields carries source_lang/target_lang, origin (the file name) and line (where the
unit starts in the file). Readers raise `ParseError(path, line, message)` for bad input; writers
write atomically (a failed write leaves the old file in place).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from glossary.core.errors import FormatNotSupported
from glossary.termbase.formats import check_output_dir
from glossary.termbase.formats.registry import FormatRegistry
from tm.model import TranslationMemory, TranslationUnit

from . import po, tabular, tmx, xliff, xliff2


class PartReader(Protocol):
    """Reads one part of a file (see `split_units`)."""

    @property
    def entry(self) -> str | None: ...  # the reader state the part assumed at its start

    @property
    def last_target_lang(self) -> str | None: ...  # the state it left at its end

    def units(self) -> Iterator[TranslationUnit]: ...


class Part(Protocol):
    """Bytes [start, end) of a file holding whole units (TMXPart, POPart)."""

    @property
    def start(self) -> int: ...

    @property
    def path(self) -> str: ...  # the file as the caller named it

    def reader(self) -> PartReader: ...


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    extensions: tuple[str, ...]
    read: Callable[..., Iterator[TranslationUnit]]
    write: Callable[..., int]
    streaming_read: bool
    write_options: dict
    split: Callable[..., Sequence[Part] | None] | None = None  # cut a file into parts read in parallel


FORMATS: dict[str, Format] = {
    f.id: f
    for f in (
        Format("tmx", "TMX 1.4b (reads 1.1–1.4)", (".tmx",), tmx.iter_units, tmx.write, True, {}, tmx.split),
        Format("po", "gettext PO", (".po",), po.iter_units, po.write, False, {}, po.split),
        Format("pot", "gettext POT template", (".pot",), po.iter_units, po.write, False, {"template": True}),
        Format("xliff", "XLIFF 1.2", (".xlf", ".xliff"), xliff.iter_units, xliff.write, True, {}),
        Format("xliff2", "XLIFF 2.0/2.1", (), xliff2.iter_units, xliff2.write, True, {}),
        Format(
            "csv", "CSV (comma-separated, UTF-8)", (".csv",), tabular.iter_csv, tabular.write_csv, True, {}
        ),
        Format(
            "tsv",
            "TSV (tab-separated, UTF-8)",
            (".tsv", ".tab"),
            tabular.iter_tsv,
            tabular.write_tsv,
            True,
            {},
        ),
        Format("xlsx", "Excel workbook", (".xlsx",), tabular.iter_xlsx, tabular.write_xlsx, False, {}),
    )
}


def _no_writer(units, path, **options) -> int:
    raise FormatNotSupported(f"{path}: MO is read-only here (compile a PO with msgfmt)")


# Formats read but not written: tm import/convert take them as input only.
READERS: dict[str, Format] = {
    **FORMATS,
    "mo": Format(
        "mo", "gettext MO (compiled catalogue, read only)", (".mo",), po.iter_mo, _no_writer, False, {}
    ),
}


def _sniff_xliff(found: Format, path: Path) -> Format:
    """XLIFF 1.2 and 2.x share extensions: look at the root's version/namespace."""
    if found.id != "xliff":
        return found
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except (FileNotFoundError, IsADirectoryError):
        return found
    if b"urn:oasis:names:tc:xliff:document:2." in head:
        return FORMATS["xliff2"]
    return found


REGISTRY: FormatRegistry[Format] = FormatRegistry(
    READERS.values(),
    unknown_id=lambda fmt, ids: f"unknown TM format {fmt!r} (known: {', '.join(ids)})",
    unknown_extension=lambda path, suffix, formats: (
        f"{path}: unknown TM format {suffix or '(no extension)'!r} "
        f"(known: {', '.join(e for f in formats for e in f.extensions)})"
    ),
    sniff=_sniff_xliff,
)


def get_format(fmt: str) -> Format:
    """The format with id *fmt* (case-insensitive)."""
    return REGISTRY.get(fmt)


def format_for(path: str | Path, fmt: str | None = None) -> Format:
    """The format named by *fmt*, else the one that owns *path*'s extension (XLIFF files are sniffed
    for 1.2 vs 2.x)."""
    return REGISTRY.for_path(path, fmt)


# Formats whose files carry no encoding declaration an option could override (XML declares its own).
_ENCODED = frozenset({"po", "pot", "csv", "tsv"})


def iter_units(
    path: str | Path,
    fmt: str | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    header: dict | None = None,
    encoding: str | None = None,
) -> Iterator[TranslationUnit]:
    """Stream the units of a TM file. *source_lang*/*target_lang* override what the file declares
    (and choose the pair in multilingual TMX); *header*, if given, is filled with the file's header;
    *encoding* (PO, CSV, TSV only) overrides a PO header's charset and the UTF-8/BOM default."""
    format_ = format_for(path, fmt)
    options = {}
    if encoding is not None:
        if format_.id not in _ENCODED:
            raise FormatNotSupported(
                f"{path}: --encoding applies to PO, POT, CSV and TSV files, not "
                f"{format_.name} (which declares its own)"
            )
        options["encoding"] = encoding
    return format_.read(path, source_lang=source_lang, target_lang=target_lang, header=header, **options)


def split_units(path: str | Path, fmt: str | None = None, *, size: int = 4 << 20) -> Sequence[Part] | None:
    """Parts of about *size* bytes of a large file whose units can be read in parallel, or None (the
    format cannot be cut, or the file is too small). `part.reader().units()` streams a part's
    units; a reader's `entry` and `last_target_lang` are the state it assumed and left, and the
    parts are the file only where each part's entry equals what its predecessor left."""
    format_ = format_for(path, fmt)
    return format_.split(path, size) if format_.split is not None else None


def read_tm(
    path: str | Path,
    fmt: str | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> TranslationMemory:
    header: dict = {}
    units = list(iter_units(path, fmt, source_lang=source_lang, target_lang=target_lang, header=header))
    src = header.get("source_lang") or next((u.source_lang for u in units if u.source_lang), None)
    tgt = header.get("target_lang") or next((u.target_lang for u in units if u.target_lang), None)
    return TranslationMemory(units, src, tgt, {k: str(v) for k, v in header.items() if v is not None})


def write_tm(
    units: Iterable[TranslationUnit],
    path: str | Path,
    fmt: str | None = None,
    *,
    source_lang: str | None,
    target_lang: str | None,
    **options,
) -> int:
    """Write *units* to *path* (atomically); returns how many were written.

    A language may be None where the format can leave it out (PO, POT, CSV/TSV/XLSX, XLIFF 1.2's target).
    Options per format: tmx — creationtool, segtype, datatype, adminlang; po/pot — metadata, wrapwidth;
    xliff/xliff2 — template (an original XLIFF whose structure is kept, targets filled from *units*),
    original; csv/tsv/xlsx — none.
    """
    format_ = format_for(path, fmt)
    check_output_dir(path)
    return format_.write(
        units, path, source_lang=source_lang, target_lang=target_lang, **{**format_.write_options, **options}
    )


def merge_targets(
    original: str | Path, units: Iterable[TranslationUnit], out: str | Path, fmt: str | None = None
) -> int:
    """Write *original* (XLIFF 1.2 or 2.x) to *out* with its targets filled from *units* (matched by id,
    else by source text); everything else in the document is kept. Returns how many targets were set."""
    fmt = fmt or format_for(original).id
    check_output_dir(out)
    if fmt == "xliff":
        return xliff.merge_targets(original, units, out)
    if fmt == "xliff2":
        return xliff2.merge_targets(original, units, out)
    raise FormatNotSupported(f"{original}: filling targets into an original needs XLIFF, not {fmt}")


__all__ = [
    "FORMATS",
    "READERS",
    "Format",
    "format_for",
    "get_format",
    "iter_units",
    "merge_targets",
    "read_tm",
    "write_tm",
]
