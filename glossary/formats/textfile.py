"""Decoding text files: UTF-8 (with or without BOM) by default, a named legacy encoding on request.

Russian glossaries still turn up in CP1251 (Windows) and KOI8-R (old Unix). Guessing silently is
how mojibake gets into a termbase, so a file that is not UTF-8 is refused with a one-line error that
names the line of the first bad byte and the likely encoding; the user re-runs with
`--encoding cp1251` (or converts the file) once they have confirmed it.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .. import limits
from ..errors import ParseError

LEGACY_CYRILLIC = ("cp1251", "koi8-r")
# The most frequent Russian letters; the right legacy decoding puts most Cyrillic letters among
# them and in lower case, the wrong one yields mostly capitals and rare letters.
_FREQUENT = set("оеаинтсрвлкмдпуяы")


def guess_cyrillic_encoding(data: bytes) -> str | None:
    """The legacy encoding (cp1251 or koi8-r) under which *data* reads as plausible Russian."""
    best, best_score = None, 0.0
    for enc in LEGACY_CYRILLIC:
        text = data.decode(enc, errors="replace")
        letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
        if not letters:
            continue
        score = sum(c in _FREQUENT for c in letters) / len(letters)
        if score > best_score:
            best, best_score = enc, score
    return best if best_score > 0.3 else None


def bad_byte_line(data: bytes, encoding: str, error: UnicodeDecodeError) -> int:
    """The line of the first byte of *data* that *encoding* cannot decode.

    Readers that decode line by line (polib) report a position inside one line; decoding the whole
    file again finds the real offset.
    """
    try:
        data.decode(encoding)
        at = error.start
    except UnicodeDecodeError as whole:
        at = whole.start
    except LookupError:
        at = error.start
    return data.count(b"\n", 0, at) + 1


def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Decode *data* read from *path*; ParseError with the line of the first undecodable byte."""
    if not data.strip():
        raise ParseError(path, None, "empty file")
    enc = encoding or "utf-8"
    try:
        codecs.lookup(enc)
    except LookupError:
        raise ParseError(path, None, f"unknown encoding {limits.quote(encoding)!r}") from None
    if enc.replace("_", "-").lower() in ("utf-8", "utf8"):
        enc = "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        if encoding:
            raise ParseError(path, line, f"cannot decode as {encoding}: {e.reason}") from None
        guess = guess_cyrillic_encoding(data)
        hint = (f"looks like {guess.upper()}; convert it to UTF-8 or pass --encoding {guess}"
                if guess else "convert it to UTF-8 or pass --encoding")
        raise ParseError(path, line, f"not UTF-8 ({hint})") from None


def read_text(path: Path, encoding: str | None = None) -> str:
    path = Path(path)
    return decode(path, path.read_bytes(), encoding)


# A PO string line: optional `#~ ` (obsolete), optional keyword, then one complete C string literal.
_PO_STRING_LINE = re.compile(r'^(?:#~\s*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+)?'
                             r'"(?:[^"\\]|\\.)*"\s*$')
_PO_STRING_START = re.compile(r'^(?:#~\s*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+)?"')


# The lines `_unterminated_line` finds, in one C-level scan of the text preceded by "\n" (so that every
# line starts after one): a PO string line that is not one complete string literal and trailing blanks
# ([^\S\n]: whitespace within the line). Walking the lines in Python costs several times as much, so it
# only runs to name the line once this scan has found one.
_MAYBE_UNTERMINATED = re.compile(
    r'\n[^\S\n]*(?:#~[^\S\n]*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[^\S\n]+)?'
    r'"(?![^"\\\n]*(?:\\.[^"\\\n]*)*"[^\S\n]*$)', re.M)


def refuse_unterminated_po_strings(path: Path, text: str) -> None:
    """Refuse a PO string that never closes (`msgid "bad`): polib silently drops its last character."""
    if _MAYBE_UNTERMINATED.search("\n" + text) is not None:
        number = _unterminated_line(text)
        if number is not None:
            raise ParseError(path, number, "PO syntax error: unterminated string")


def _unterminated_line(text: str) -> int | None:
    """The number of the first line holding an unterminated PO string, or None."""
    # split on "\n" only: splitlines() also breaks at \v and \f, which may sit inside a PO string
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if _PO_STRING_START.match(stripped) and not _PO_STRING_LINE.match(stripped):
            return number
    return None
