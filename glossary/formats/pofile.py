"""PO files through polib: what the termbase, TM, lint and `print --for` readers share.

`load_po` reads a file with `read_input` (the input limit, no NUL bytes), decodes it with
`decode_po` (the one decoding of PO: --encoding, a BOM, the header's charset, UTF-8) and parses
the text with polib; every polib error becomes a one-line ParseError naming the line.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from .. import limits
from ..errors import ParseError
from .textfile import decode_po, read_input, refuse_unterminated_po_strings


class _Lines(str):
    """PO text that polib splits at newlines only.

    polib splits text it is given with str.splitlines, which also breaks lines at \\v, \\f,
    \\x1c-\\x1e, U+0085, U+2028 and U+2029 where they sit inside a string.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:  # type: ignore[override]
        lines = self.split("\n")
        return [line + "\n" for line in lines[:-1]] + lines[-1:] if keepends else lines


def parse_po(path: Path, text: str, encoding: str = "utf-8", *, wrapwidth: int = 78) -> polib.POFile:
    """The catalogue in *text* (read from *path*, which errors name)."""
    refuse_unterminated_po_strings(path, text)  # polib would silently drop such a string's last character
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # the universal newlines of a file polib opens
    try:
        return polib.pofile(_Lines(text), encoding=encoding, wrapwidth=wrapwidth)
    except (OSError, ValueError) as e:
        # polib: "Syntax error in po file (line N)[: detail]"
        m = re.search(r"\(line (\d+)\)(?::\s*(.*))?", str(e))
        if m is None:
            raise ParseError(path, None, f"PO syntax error: {limits.quote(str(e))}") from None
        line = int(m.group(1))
        lines = text.split("\n")
        near = lines[line - 1].strip() if line <= len(lines) else ""
        detail = (m.group(2) or "").strip() or f"near {limits.quote(near)!r}"
        raise ParseError(path, line, f"PO syntax error: {detail}") from None


def load_po(path: Path, encoding: str | None = None, *, option: str | None = None, read: Path | None = None,
            wrapwidth: int = 78) -> tuple[polib.POFile, str, str]:
    """(catalogue, text, encoding) of the PO file *path*, or of its part copied to *read*.

    *encoding* overrides the header's charset; *option* names the command-line option that does so,
    for the hint of a decoding error.
    """
    path = Path(path)
    text, enc = decode_po(path, read_input(read or path, encoding), encoding, option=option)
    return parse_po(path, text, enc, wrapwidth=wrapwidth), text, enc
