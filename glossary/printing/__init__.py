"""Printed glossaries: one ordered entry list (entries.py), one writer per output format.

    glossary = build_glossary(termbase, direction="ru-en", schemes=("lc", "bgn"))
    write_glossary(glossary, Path("glossary.pdf"), paper="a4", font_size=9)

The output format follows the file extension: .pdf (Typst), .html, .md, .docx, .tex (glossaries).
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import FormatNotSupported, GlossaryError
from .entries import Entry, Glossary, build_glossary, parse_selection

# Extension → (writer module name, takes page layout options). An explicit registry, no discovery.
WRITERS = {
    ".pdf": ("typst", True),
    ".html": ("html", True),
    ".htm": ("html", True),
    ".md": ("markdown", False),
    ".markdown": ("markdown", False),
    ".docx": ("docx", True),
    ".tex": ("latex", False),
}

PAPERS = ("a4", "letter")

__all__ = [
    "PAPERS",
    "WRITERS",
    "Entry",
    "Glossary",
    "build_glossary",
    "parse_selection",
    "write_glossary",
    "writer_for",
]


def writer_for(path: Path) -> tuple[str, bool]:
    """(writer module name, takes layout options) for *path*'s extension; FormatNotSupported if none,
    GlossaryError if *path*'s folder does not exist."""
    path = Path(path)
    try:
        writer = WRITERS[path.suffix.lower()]
    except KeyError:
        raise FormatNotSupported(
            f"{path}: cannot print to {path.suffix or 'a file without extension'} "
            f"(use {', '.join(sorted(set(WRITERS)))})"
        ) from None
    if not path.parent.is_dir():  # say so now, not after the work, and not about a temp file
        raise GlossaryError(f"{path}: folder {path.parent} does not exist")
    return writer


def write_glossary(glossary: Glossary, path: Path, *, paper: str = "a4", font_size: float = 9.0) -> None:
    """Write *glossary* to *path* in the format its extension names (atomically)."""
    import importlib

    path = Path(path)
    module_name, layout = writer_for(path)
    if paper not in PAPERS:
        raise GlossaryError(f"unknown paper size {paper!r} (expected one of {', '.join(PAPERS)})")
    writer = importlib.import_module(f"{__name__}.{module_name}")
    if layout:
        writer.write(glossary, path, paper=paper, font_size=font_size)
    else:
        writer.write(glossary, path)
