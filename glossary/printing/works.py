"""The termbase's publications as a list of works (`glossary print --works`): romanized title in the
citation scheme, the Cyrillic title, the English translation in brackets, sorted as a bibliography
is (by the romanized title, with the Unicode Collation Algorithm: case, marks and punctuation
weigh only after the letters)."""

from __future__ import annotations

import html
from pathlib import Path

from ..core.atomic import atomic_write_bytes
from ..termbase.model import Termbase
from ..termbase.publications import bibliography

FORMATS = (".md", ".txt", ".html")


def works(termbase: Termbase, scheme: str = "lc") -> list[tuple[str, str, str | None]]:
    from .collation import collation_key

    rows = bibliography(termbase, scheme)
    return sorted(rows, key=lambda row: (collation_key(row[0]), row[1]))


def render(rows: list[tuple[str, str, str | None]], suffix: str, title: str) -> str:
    if suffix == ".html":
        items = "\n".join(
            f"<li><i>{html.escape(lat)}</i> ({html.escape(cyr)})"
            + (f" [{html.escape(tr)}]" if tr else "")
            + "</li>"
            for lat, cyr, tr in rows
        )
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n<ul>\n{items}\n</ul>\n</body></html>\n"
        )
    if suffix == ".md":
        lines = [f"# {title}", ""] + [
            f"- *{lat}* ({cyr})" + (f" [{tr}]" if tr else "") for lat, cyr, tr in rows
        ]
        return "\n".join(lines) + "\n"
    return "\n".join(f"{lat} ({cyr})" + (f" [{tr}]" if tr else "") for lat, cyr, tr in rows) + "\n"


def write_works(termbase: Termbase, path: Path, scheme: str = "lc", title: str | None = None) -> int:
    """Write the list of works to *path* (.md, .txt or .html); returns how many works."""
    rows = works(termbase, scheme)
    text = render(rows, path.suffix.lower(), title or "Works")
    atomic_write_bytes(path, text.encode("utf-8"))
    return len(rows)
