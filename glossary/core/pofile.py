"""PO files through polib: what the termbase, TM, lint and `print --for` readers share.

`load_po` reads a file with `read_input` (the input limit, no NUL bytes), decodes it with
`decode_po` (the one decoding of PO: --encoding, a BOM, the header's charset, UTF-8) and parses
the text with polib; every polib error becomes a one-line ParseError naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polib

from . import limits
from .errors import ParseError
from .textfile import decode_po, read_input, refuse_unterminated_po_strings

# A comment line whose `#` is followed by no space and no marker (`#,` `#:` `#.` `#|` `#~`)
_BARE_COMMENT = re.compile(r"^#(?=[^ ,:.|~\r\n])", re.M)


class _Source:
    """PO text that polib reads line by line, as it reads a file it opens itself.

    Given a str, polib splits it with str.splitlines, which also breaks lines at \v, \f,
    \x1c-\x1e, U+0085 and U+2028/9 where they sit inside a string, and holds every line at once.
    It only iterates over (and closes) what `splitlines` returns, so this object serves it the lines
    of the text one at a time, ended as a file's are: at \n, \r\n or \r (universal newlines).
    """

    def __init__(self, text: str):
        self.text = text

    def splitlines(self) -> Iterator[str]:
        text = self.text
        if "\r" in text:  # rare: CR line ends, read as an opened file reads them
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        find, start, end = text.find, 0, len(text)
        while start < end:
            stop = find("\n", start)
            stop = end if stop < 0 else stop + 1
            yield text[start:stop]
            start = stop

    def line(self, number: int) -> str:
        for n, line in enumerate(self.splitlines(), 1):
            if n == number:
                return line
        return ""


def parse_po(path: Path, text: str, encoding: str = "utf-8", *, wrapwidth: int = 78) -> polib.POFile:
    """The catalogue in *text* (read from *path*, which errors name)."""
    refuse_unterminated_po_strings(path, text)  # polib would silently drop such a string's last character
    if _BARE_COMMENT.search(text):  # `#comment`: gettext reads a translator comment, polib an error
        text = _BARE_COMMENT.sub("# ", text)
    source = _Source(text)
    try:
        return polib.pofile(source, encoding=encoding, wrapwidth=wrapwidth)
    except (OSError, ValueError) as e:
        # polib: "Syntax error in po file (line N)[: detail]"
        m = re.search(r"\(line (\d+)\)(?::\s*(.*))?", str(e))
        if m is None:
            raise ParseError(path, None, f"PO syntax error: {limits.quote(str(e))}") from None
        line = int(m.group(1))
        detail = (m.group(2) or "").strip() or f"near {limits.quote(source.line(line).strip())!r}"
        raise ParseError(path, line, f"PO syntax error: {detail}") from None


def load_po(
    path: Path,
    encoding: str | None = None,
    *,
    option: str | None = None,
    read: Path | None = None,
    wrapwidth: int = 78,
) -> polib.POFile:
    """The catalogue of the PO file *path*, or of its part copied to *read*.

    *encoding* overrides the header's charset; *option* names the command-line option that does so,
    for the hint of a decoding error.
    """
    path = Path(path)
    # the text is passed on, not kept here: polib's entries are what stays in memory
    return parse_po(
        path,
        *decode_po(path, read_input(read or path, encoding), encoding, option=option),
        wrapwidth=wrapwidth,
    )
