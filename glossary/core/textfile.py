"""Reading and decoding text files: UTF-8 (with or without BOM) by default, a named legacy encoding on
request, a PO file in the charset its header declares.

Russian glossaries still turn up in CP1251 (Windows) and KOI8-R (old Unix). Guessing silently is
how mojibake gets into a termbase, so a file that is not UTF-8 is refused with a one-line error that
names the line of the first bad byte and the likely encoding; the user re-runs with
`--encoding cp1251` (or converts the file) once they have confirmed it.

Every reader that takes a file whole takes it through `read_input`, which stops at the input limit
and at the first NUL byte of what should be text (an endless `/dev/zero`, a binary file renamed
`.csv`) instead of reading to the end; `StreamGuard` does the same for readers that stream.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from . import limits
from .errors import ParseError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)  # UTF-32 LE before UTF-16 LE
_CHUNK = 1 << 20


def text_codec(name: str, what: str = "encoding", where: str = "") -> str | None:
    """Why *name* is no text encoding Python can decode with (a message), or None when it is one.

    `rot13`, `base64` and `zlib` are codecs too, but from str to str or bytes to bytes. *what* and
    *where* phrase the message: ("charset", " in the PO header").
    """
    shown = limits.quote(name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a name with a NUL character
        return f"unknown {what} {shown!r}{where}"
    if not getattr(info, "_is_text_encoding", True):
        return f"{what} {shown!r}{where} is not a text encoding (use one such as utf-8, cp1251 or koi8-r)"
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of *data* names, or None."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def ascii_compatible(encoding: str) -> bool:
    """Whether *encoding* writes ASCII as ASCII (so NUL bytes and an ASCII header mean what they seem)."""
    try:
        return "msgid\n".encode(encoding).endswith(b"msgid\n") and b"msgid\n".decode(encoding) == "msgid\n"
    except (UnicodeError, LookupError):
        return False


def _binary(path: Path, head: bytes, line: int) -> ParseError:
    """A NUL byte on *line*; *head* is the start of the file (UTF-16 without a BOM is named as such)."""
    nul, start = head.find(b"\0"), head[:128]
    # ASCII in UTF-16: every other byte NUL, the bytes between them not
    if (
        nul in (0, 1)
        and len(start) >= 4
        and not start[nul::2].strip(b"\0")
        and b"\0" not in start[1 - nul :: 2]
    ):
        return ParseError(
            path, line, "UTF-16 text without a byte-order mark: save it as UTF-8 (or as UTF-16 with a BOM)"
        )
    return ParseError(path, line, "binary data (a NUL byte), not a text file")


def size_text(n: int) -> str:
    """*n* bytes for a message: `2048 MiB`, `64 KiB`."""
    return f"{n >> 20} MiB" if n >= 1 << 20 else f"{n >> 10} KiB" if n >= 1 << 10 else f"{n} bytes"


def _too_large(path: Path) -> ParseError:
    return ParseError(
        path,
        None,
        f"larger than the input limit of {size_text(limits.LIMITS.max_input)} "
        "(max-input in [tool.slovnik.limits])",
    )


def read_input(path: Path | str, encoding: str | None = None, *, text: bool = True) -> bytes:
    """The bytes of *path*, read whole: at most the input limit, refused past it without reading on.

    With *text* (the default), a NUL byte refuses the file as binary as soon as it is read, unless
    a BOM or *encoding* says UTF-16/32 (whose ASCII letters hold NUL bytes).
    """
    path = Path(path)
    limit = limits.LIMITS.max_input
    with open(path, "rb") as fh:
        info = os.fstat(fh.fileno())
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size > limit:
            raise _too_large(path)
        chunks: list[bytes] = []
        total = 0
        check_nul: bool | None = None
        # a regular file in one read of its size (+1 to see it grew); a pipe or device in chunks
        size = info.st_size + 1 if regular else _CHUNK
        while chunk := fh.read(min(size, limit + 1 - total)):
            if check_nul is None:
                wide = bom_encoding(chunk) or encoding
                check_nul = text and (wide is None or text_codec(wide) is not None or ascii_compatible(wide))
            if check_nul and (at := chunk.find(b"\0")) >= 0:
                line = sum(c.count(b"\n") for c in chunks) + chunk.count(b"\n", 0, at) + 1
                raise _binary(path, chunks[0] if chunks else chunk, line)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(path)
            size = _CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class StreamGuard(io.RawIOBase):
    """A binary file for a streaming parser (pandas) that refuses, as it is read, a NUL byte and a
    line longer than the line limit: an endless stream must not grow into one endless line in memory.
    (Chunk by chunk: a line is measured across chunks, within one only by the chunk's own size.)"""

    def __init__(self, path: Path, raw):
        super().__init__()
        self.path, self.raw = Path(path), raw
        self.line = 1  # the line the next byte is on
        self.run = 0  # bytes since the last newline
        self.limit = limits.LIMITS.max_line

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        if not n:
            return n or 0
        with memoryview(buffer) as view:
            chunk = view[:n].tobytes()
        if (at := chunk.find(b"\0")) >= 0:
            raise _binary(self.path, chunk if self.line == 1 else b"", self.line + chunk.count(b"\n", 0, at))
        last = chunk.rfind(b"\n")
        if last < 0:
            self.run += n
        else:
            self.line += chunk.count(b"\n")
            self.run = n - last - 1
        if self.run > self.limit:
            raise too_long_line(self.path, self.line)
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


def too_long_line(path: Path, line: int | None) -> ParseError:
    return ParseError(
        path,
        line,
        f"a line or field longer than {size_text(limits.LIMITS.max_line)}, so no "
        "text (max-line in [tool.slovnik.limits])",
    )


def bounded_lines(fh, name: str = "<stdin>") -> Iterator[str]:
    """The lines of the text stream *fh* (standard input), each read at most to the line limit: an
    endless line (`< /dev/zero`) is refused as soon as it passes the limit, and so is a NUL byte."""
    limit = limits.LIMITS.max_line
    number = 0
    while line := fh.readline(limit + 1):
        number += 1
        if "\0" in line:
            raise ParseError(name, number, "binary data (a NUL byte), not text")
        if len(line) > limit:
            raise too_long_line(Path(name), number)
        yield line


def first_bad_line(path: Path, encoding: str = "utf-8-sig") -> int | None:
    """The line of the first byte of *path* that *encoding* cannot decode (read as a stream), or None."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            pending = len(decoder.getstate()[0])  # the start of a character cut by the last chunk
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as e:
                return line + chunk.count(b"\n", 0, max(e.start - pending, 0))
            line += chunk.count(b"\n")
    return None


def read_head(path: Path, size: int = _CHUNK) -> bytes:
    """The first *size* bytes of *path* (what an encoding is guessed from)."""
    with open(path, "rb") as fh:
        return fh.read(size)


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


def decode(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Decode *data* read from *path*; ParseError with the line of the first undecodable byte."""
    if not data.strip():
        raise ParseError(path, None, "empty file")
    # a BOM names the encoding when no option does (Excel's "Unicode Text" is UTF-16 with one)
    enc = encoding or bom_encoding(data) or "utf-8"
    if (problem := text_codec(enc)) is not None:
        raise ParseError(path, None, problem)
    if codecs.lookup(enc).name == "utf-8":
        enc = "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        if encoding:
            raise ParseError(path, line, f"cannot decode as {encoding}: {e.reason}") from None
        guess = guess_cyrillic_encoding(data)
        hint = (
            f"looks like {guess.upper()}; convert it to UTF-8 or pass --encoding {guess}"
            if guess
            else "convert it to UTF-8 or pass --encoding"
        )
        raise ParseError(path, line, f"not UTF-8 ({hint})") from None


def read_text(path: Path, encoding: str | None = None) -> str:
    path = Path(path)
    return decode(path, read_input(path, encoding), encoding)


# --- PO: the one decoding of every PO reader (termbase, TM, lint, `print --for`) ---------------------

# polib's own pattern for the header's charset (it takes the first match in the file)
_PO_CHARSET = re.compile(rb'"?Content-Type:.+? charset=([\w_\-:.]+)')


def po_charset(data: bytes) -> tuple[str | None, int | None]:
    """The charset the PO header declares and its line; (None, None) for none or the POT placeholder."""
    m = _PO_CHARSET.search(data)
    if m is None or m.group(1).upper() == b"CHARSET":
        return None, None
    return m.group(1).decode("ascii"), data.count(b"\n", 0, m.start()) + 1


def decode_po(
    path: Path, data: bytes, encoding: str | None = None, *, option: str | None = None
) -> tuple[str, str]:
    """(text, encoding) of PO *data*: an explicit *encoding*, else a BOM, else the header's charset,
    else UTF-8. A charset that is unknown, no text encoding or not ASCII-compatible (the header
    was just read as ASCII, so it cannot be right) is refused with its line, as are undecodable
    bytes. *option* is the command-line option that overrides the charset, for the hint.
    """
    if not data.strip():
        raise ParseError(path, None, "empty file")
    if encoding:
        if (problem := text_codec(encoding)) is not None:
            raise ParseError(path, None, problem)
        enc, label, line = encoding, encoding, None
    elif bom := bom_encoding(data):
        enc, label, line = bom, bom.removesuffix("-sig").upper(), None
    else:
        declared, line = po_charset(data)
        enc = label = declared or "UTF-8"
        if declared is not None:
            if (problem := text_codec(declared, "charset", " in the PO header")) is not None:
                raise ParseError(path, line, problem)
            if not ascii_compatible(declared):
                raise ParseError(
                    path,
                    line,
                    f"the PO header declares charset {declared}, but the file is "
                    "not in it (without a byte-order mark, a PO file is in an "
                    "ASCII-compatible charset such as UTF-8)",
                )
        if codecs.lookup(enc).name == "utf-8":
            enc = "utf-8"
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError as e:
        at = data.count(b"\n", 0, e.start) + 1
        if encoding:
            raise ParseError(path, at, f"bytes are not valid {encoding}: {e.reason}") from None
        guess = guess_cyrillic_encoding(data)
        if guess is None:
            hint = "convert it to UTF-8" + (f" or pass {option}" if option else "")
        else:
            hint = f"looks like {guess.upper()}; " + (
                f"pass {option} {guess}" if option else "fix the charset in its header"
            )
        raise ParseError(path, at, f"bytes are not valid {label} ({hint})") from None


# A PO string line: optional `#~ ` (obsolete), optional keyword, then one complete C string literal.
_PO_STRING_LINE = re.compile(
    r"^(?:#~\s*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+)?"
    r'"(?:[^"\\]|\\.)*"\s*$'
)
_PO_STRING_START = re.compile(r'^(?:#~\s*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+)?"')


# The lines `_unterminated_line` finds, in one C-level scan of the text preceded by "\n" (so that every
# line starts after one): a PO string line that is not one complete string literal and trailing blanks
# ([^\S\n]: whitespace within the line). Walking the lines in Python costs several times as much, so it
# only runs to name the line once this scan has found one.
_MAYBE_UNTERMINATED = re.compile(
    r"\n[^\S\n]*(?:#~[^\S\n]*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[^\S\n]+)?"
    r'"(?![^"\\\n]*(?:\\.[^"\\\n]*)*"[^\S\n]*$)',
    re.M,
)


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


# polib words a syntax error "Syntax error in po file <path>(line N)[: detail]"; only N and the detail
# are taken from it (anchored at the end: the path itself may hold anything).
_POLIB_SYNTAX_ERROR = re.compile(r"\(line (\d+)\)(?::\s*(.*))?\Z", re.S)
