"""The XML gate: every XML slovnik reads (TBX, TMX, XLIFF, the linter's XML, the XML parts of XLSX
and DOCX, `print --for` sources) is opened here and nowhere else.

Before libxml2 sees a byte of the body, the prolog (declaration, comments, PIs, DOCTYPE) is read
and judged by slovnik itself, so the outcome does not depend on which libxml2 is installed:
- a DOCTYPE whose internal subset declares entities (the XXE and billion-laughs shapes) is refused
  with one line naming file and line;
- any other DOCTYPE (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, as OmegaT, Weblate and translate-toolkit
  write them) is blanked out, newlines kept: the DTD is never loaded, and an entity the file uses
  but does not define (`&nbsp;`) is then an error instead of silently dropped text.
The hardened parser flags live only here. libxml2's errors become `ParseError(path, line, …)` in
slovnik's words, chosen by libxml2's error code, never by its wording.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from lxml import etree

from . import limits
from .errors import ParseError

# No entity expansion, no network, no DTD loading, bounded trees (libxml2's default limits).
HARDENED = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

_CHUNK = 1 << 16

# --- the prolog ----------------------------------------------------------------------------------

# Prolog items, in the text decoded as Latin-1 (any ASCII-compatible encoding) or as UTF-16/32.
_SPACE = re.compile(r"[ \t\r\n\ufeff]*")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PI = re.compile(r"<\?.*?\?>", re.DOTALL)
# The DOCTYPE up to its internal subset or its end: name, external id (quoted strings may hold '>').
_DOCTYPE_HEAD = re.compile(r"""<!DOCTYPE(?:[^>\["']|"[^"]*"|'[^']*')*""", re.DOTALL)
# Inside the internal subset: declarations with their quoted values, comments, PIs, PE references.
_SUBSET_ITEM = re.compile(r"""<!--.*?-->|<\?.*?\?>|<!(?:[^>"']|"[^"]*"|'[^']*')*>|%[^;\s]*;|\s+""", re.DOTALL)
_ROOT = re.compile(r"<[^!?]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NO_BOM = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)


def _wide_codec(head: bytes) -> str | None:
    """The codec of a UTF-16/32 document (with or without BOM); None for ASCII-compatible ones."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    for start, codec in _NO_BOM:
        if head.startswith(start):
            return codec
    return None


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a match of *pattern* at *pos* ends, for a pattern that cannot fail there (`[...]*`, or a
    head already seen by `startswith`)."""
    m = pattern.match(text, pos)
    assert m is not None
    return m.end()


class _More(Exception):
    """The prolog goes on past the bytes read so far."""


class _Prolog:
    """The judgement of one document's prolog: where the root element starts (`root`, None when the
    text is not XML at all) and the bytes to give libxml2 in place of the prolog (DOCTYPE blanked).
    Raises _More when more bytes are needed, ParseError when the DOCTYPE is refused."""

    def __init__(self, path, head: bytes):
        self.path = path
        self.codec = _wide_codec(head)
        if self.codec:
            width = 4 if "32" in self.codec else 2
            head = head[: len(head) // width * width]
            text = head.decode(self.codec, errors="replace")
        else:
            text = head.decode("latin-1")
        self.text = text
        self.doctype: tuple[int, int] | None = None
        self.root = self._scan(text)

    def line(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def _scan(self, text: str) -> int | None:
        pos = 3 if text.startswith("\xef\xbb\xbf") else 0  # a UTF-8 BOM, read as Latin-1
        while True:
            pos = _end(_SPACE, text, pos)
            if pos >= len(text) or (text[pos] == "<" and pos + 1 == len(text)):
                raise _More
            if text.startswith(("<!--", "<?"), pos):
                item = (_COMMENT if text[pos + 1] == "!" else _PI).match(text, pos)
                if item is None:
                    raise _More
                pos = item.end()
            elif text.startswith("<!DOCTYPE", pos):
                pos = self._doctype(text, pos)
            elif _ROOT.match(text, pos):
                return pos
            elif "<!DOCTYPE".startswith(text[pos : pos + 9]) and pos + 9 > len(text):
                raise _More
            else:
                return None  # not XML: libxml2 says where

    def _doctype(self, text: str, start: int) -> int:
        pos = _end(_DOCTYPE_HEAD, text, start)  # called where "<!DOCTYPE" starts: the head matches
        if pos >= len(text):
            raise _More
        if text[pos] == "[":
            pos += 1
            while pos < len(text) and text[pos] != "]":
                item = _SUBSET_ITEM.match(text, pos)
                if item is None or item.end() == len(text):
                    if item is None and "<!ENTITY" not in text[pos:] and len(text) - pos > 4096:
                        raise ParseError(self.path, self.line(pos), "the DOCTYPE cannot be read")
                    raise _More
                if item.group().startswith(("<!ENTITY", "%")):
                    raise ParseError(
                        self.path,
                        self.line(pos),
                        "DOCTYPE declares entities (refused: slovnik never expands or fetches entities)",
                    )
                pos = item.end()
            if pos >= len(text):
                raise _More
            pos = _end(_SPACE, text, pos + 1)
        if pos >= len(text):
            raise _More
        if text[pos] != ">":
            raise ParseError(self.path, self.line(start), "the DOCTYPE cannot be read")
        self.doctype = (start, pos + 1)
        return pos + 1

    def replacement(self) -> bytes:
        """The prolog as libxml2 gets it: the DOCTYPE turned into spaces, its newlines kept."""
        text = self.text[: self.root]
        if self.doctype:
            a, b = self.doctype
            text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
        return text.encode(self.codec or "latin-1")


def _read_prolog(path, stream: IO[bytes]) -> tuple[bytes, bytes]:
    """(the prolog as libxml2 may see it, the bytes read past it) — or a ParseError."""
    head = b""
    while True:
        chunk = stream.read(_CHUNK)
        head += chunk
        try:
            prolog = _Prolog(path, head)
        except _More:
            if not chunk:  # the file ends inside its prolog
                if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
                    raise ParseError(path, None, "empty file") from None
                if b"<!DOCTYPE" in head or b"<\x00!\x00D\x00" in head or b"\x00<\x00!\x00D" in head:
                    raise ParseError(path, None, "the file ends inside its prolog (DOCTYPE)") from None
                return b"", head  # no element at all: libxml2 says so
            if len(head) > limits.LIMITS.max_prolog:
                raise ParseError(
                    path, None, f"no root element in the first {len(head):,} bytes (limit: max-prolog)"
                ) from None
            continue
        if prolog.root is None:
            return b"", head
        replacement = prolog.replacement()
        return replacement, head[len(replacement) :]


_DECLARED = re.compile(r"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


class _Gated:
    """A read-only stream: the judged prolog, then the rest of the underlying stream as it is.

    Every byte is also checked against the declared encoding by Python's own decoder, so a file that
    says US-ASCII or UTF-8 and holds CP1251 is named as such at its line, whatever libxml2 makes of
    it (2.12 reads it as a premature end, 2.14 as bad bytes at line 1)."""

    def __init__(self, path, prefix: bytes, stream: IO[bytes], encoding: str | None):
        self._path = path
        self._prefix = prefix
        self._stream = stream
        self._encoding = encoding or "utf-8"
        try:
            info = codecs.lookup(self._encoding)
        except LookupError:
            info = None  # a name only libxml2 knows: it judges that file itself
        if info is not None and not info._is_text_encoding:  # rot13, base64: bytes-to-bytes codecs
            raise ParseError(
                path,
                1,
                f"invalid XML: the declared encoding {limits.quote(self._encoding)!r} is not a text encoding",
            )
        self._decoder: codecs.IncrementalDecoder | None = info.incrementaldecoder() if info else None
        self._line = 1

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            if size is None or size < 0:
                data, self._prefix = self._prefix + self._stream.read(), b""
            else:
                data, self._prefix = self._prefix[:size], self._prefix[size:]
        else:
            data = self._stream.read(size)
        if self._decoder is not None:
            try:
                self._decoder.decode(data, final=not data)
            except UnicodeError as e:  # UTF-16 declared without a BOM raises the base class
                start = e.start if isinstance(e, UnicodeDecodeError) else 0
                line = self._line + data[: max(start, 0)].count(b"\n")
                raise ParseError(
                    self._path,
                    line,
                    f"invalid XML (wrong declared encoding?): bytes that are not {self._encoding}",
                ) from None
            self._line += data.count(b"\n")
        return data

    def close(self) -> None:
        self._stream.close()


def open_xml(path, source: IO[bytes] | None = None) -> _Gated:
    """*path* (or the binary stream *source*, named *path* in errors) opened through the gate.
    Works on pipes: nothing is read twice."""
    stream = source if source is not None else open(path, "rb")  # noqa: SIM115 (closed by caller)
    try:
        prolog, rest = _read_prolog(path, stream)
    except BaseException:
        if source is None:
            stream.close()
        raise
    head = prolog or rest[:4096]
    codec = _wide_codec(head)
    declared = _DECLARED.search(head.decode(codec or "latin-1", errors="replace")[:4096])
    encoding = codec or (declared[1] if declared else None)
    return _Gated(path, prolog + rest, stream, encoding)


# --- libxml2's errors in slovnik's words ---------------------------------------------------------

_E = etree.ErrorTypes
_WORDS = {
    _E.ERR_DOCUMENT_EMPTY: "no XML content",
    _E.ERR_DOCUMENT_END: "text after the end of the root element",
    _E.ERR_TAG_NAME_MISMATCH: "closing tag does not match the open element",
    _E.ERR_TAG_NOT_FINISHED: "the file ends inside an element (truncated?)",
    _E.ERR_LTSLASH_REQUIRED: "the file ends inside an element (truncated?)",
    _E.ERR_GT_REQUIRED: "a tag is not closed with '>'",
    _E.ERR_LT_IN_ATTRIBUTE: "'<' inside an attribute value",
    _E.ERR_ATTRIBUTE_REDEFINED: "an attribute is given twice",
    _E.ERR_ATTRIBUTE_WITHOUT_VALUE: "an attribute has no value",
    _E.ERR_STRING_NOT_CLOSED: "a quoted value is not closed",
    _E.ERR_ENTITYREF_SEMICOL_MISSING: "'&' not followed by an entity name and ';' (write &amp;)",
    _E.ERR_NAME_REQUIRED: "'<' or '&' not followed by a name (write &lt; or &amp;)",
    _E.ERR_INVALID_CHARREF: "a character reference names no allowed character",
    _E.ERR_DOCUMENT_START: "not XML (no '<' where the document should start)",
}
_ENCODING_CODES = {
    _E.ERR_INVALID_CHAR,
    _E.ERR_UNKNOWN_ENCODING,
    _E.ERR_UNSUPPORTED_ENCODING,
    _E.ERR_INVALID_ENCODING,
}
_UNDEFINED = {_E.ERR_UNDECLARED_ENTITY, _E.WAR_UNDECLARED_ENTITY}
# The tag names, when libxml2's detail gives them (the words above stand alone when it does not).
_MISMATCH = re.compile(r"mismatch: (\S+) line (\d+) and (\S+)")
_QUOTED_NAME = re.compile(r"'([^'\s]{1,80})'")


def syntax_error(path, e: etree.XMLSyntaxError) -> ParseError:
    """An lxml/libxml2 syntax error as slovnik's one line. The parser's log holds the first real
    error (iterparse raises a generic one at the end); its code picks slovnik's words."""
    first = next((x for x in (e.error_log or ()) if x.level >= etree.ErrorLevels.ERROR), None)
    code, line, detail = (first.type, first.line, first.message) if first else (e.code, e.lineno, e.msg)
    # one line whatever the input held (a URI with a newline in it is quoted back by libxml2)
    detail = " ".join((detail or str(e) or "").split("\n")[0].split())
    detail = re.sub(r",? line \d+, column \d+$|\s*\(<string>, line \d+\)$", "", detail).strip()
    line = line or None
    if code in _UNDEFINED:
        name = _QUOTED_NAME.search(detail)
        message = f"undefined entity &{name.group(1)};" if name else "undefined entity"
        return ParseError(
            path,
            line,
            f"invalid XML: {message} (only &amp; &lt; &gt; &quot; &apos; and character references are read)",
        )
    if code in _ENCODING_CODES:
        return ParseError(path, line, f"invalid XML (wrong declared encoding?): {limits.quote(detail)}")
    words = _WORDS.get(code)
    if code == _E.ERR_TAG_NAME_MISMATCH and (tags := _MISMATCH.search(detail)):
        words = limits.quote(
            f"closing tag </{tags[3]}> does not match <{tags[1]}> (opened on line {tags[2]})"
        )
    return ParseError(path, line, f"invalid XML: {words or limits.quote(detail) or 'not well-formed'}")


# --- parsing -------------------------------------------------------------------------------------


def _parser(**options) -> etree.XMLParser:
    return etree.XMLParser(remove_blank_text=False, dtd_validation=False, **HARDENED, **options)


def _bounded_read(path) -> bytes:
    """The whole file, within the input limit (an endless stream is refused, not read to its end)."""
    from .textfile import read_input

    return read_input(path, text=False)


def parse_xml(path, data: bytes | None = None, *, remove_comments: bool = False) -> etree._ElementTree:
    """The whole document at *path* (or *data* read from it) as a tree, through the gate."""
    if data is None:
        data = _bounded_read(path)
    import io

    gated = open_xml(path, io.BytesIO(data))
    etree.clear_error_log()  # syntax_error reads the first error of this parse from the log
    try:
        root = etree.fromstring(gated.read(), _parser(remove_comments=remove_comments))
    except etree.XMLSyntaxError as e:
        raise syntax_error(path, e) from None
    if root is None:
        raise ParseError(path, None, "no XML content")
    return etree.ElementTree(root)


# `parse` is the name the TM readers use for the same thing.
parse = parse_xml


def iterparse(
    path,
    tags: tuple[str, ...] | None = None,
    events: tuple[str, ...] = ("start", "end"),
    source: IO[bytes] | None = None,
    **options,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream (event, element) pairs through the gate; errors become ParseError.

    The caller clears elements it is done with so memory stays constant. *tags* limits the events
    to those elements. *source*: a binary stream to read instead of *path* (a part of the file, a
    pipe); *path* names it in errors.
    """
    gated = open_xml(path, source)
    options.setdefault("remove_comments", True)
    options.setdefault("remove_pis", True)
    etree.clear_error_log()
    try:
        yield from etree.iterparse(gated, events=events, tag=tags, **HARDENED, **options)
    except etree.XMLSyntaxError as e:
        raise syntax_error(path, e) from None
    finally:
        if source is None:
            gated.close()


# --- ZIP containers (XLSX, DOCX) -----------------------------------------------------------------


def open_zip(path, data: bytes | None = None, kind: str = "XLSX workbook") -> zipfile.ZipFile:
    """An XLSX/DOCX package, its members checked before anything inflates them: each one's size
    and compression ratio within the limits, and each XML part through the gate (well-formed, no
    entity declarations). Library readers (openpyxl, python-docx) are then given a safe package."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        # NotImplementedError: a member needing a newer ZIP version than zipfile reads
        if isinstance(e, FileNotFoundError | IsADirectoryError | PermissionError):
            raise
        raise ParseError(path, None, f"not a readable {kind}: not a ZIP archive, or a damaged one") from None
    for info in archive.infolist():
        _check_member(path, info)
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            member = f"{path}:{info.filename}"
            try:
                extent = _SheetExtent(member)
                with archive.open(info) as fh:
                    for _, element in iterparse(member, source=fh, events=("end",)):
                        if element.tag in _SHEET_CELLS:
                            extent.cell(element)
                        elif element.tag in _SHEET_ROWS:
                            extent.end_row(element)
                        element.clear()  # a well-formedness pass: nothing is kept
                extent.check(info.file_size)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as e:
                raise ParseError(member, None, "damaged ZIP member (bad compressed data or checksum)") from e
            except NotImplementedError:
                raise ParseError(
                    member,
                    None,
                    "ZIP member compressed with a method that cannot be read (XLSX and DOCX use deflate)",
                ) from None
    return archive


# SpreadsheetML rows and cells (transitional and strict namespaces). Readers (openpyxl, then
# pandas) fill in every row and column a sheet skips, up to its last row and widest column, so a
# few bytes (`<row r="1048576"><c r="XFD1"/>`) would make them build billions of cells: the extent
# is measured here, while the part is checked anyway, and bounded by `max_sheet_cells`.
_SHEET_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_SHEET_ROWS = frozenset(f"{{{ns}}}row" for ns in _SHEET_NAMESPACES)
_SHEET_CELLS = frozenset(f"{{{ns}}}c" for ns in _SHEET_NAMESPACES)
SHEET_MAX_ROW = 1_048_576  # the format's own bounds (ECMA-376; Excel's sheet is 1,048,576 × 16,384)
SHEET_MAX_COLUMN = 16_384
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")  # as openpyxl reads them


class _SheetExtent:
    """The rows and columns a reader will build for one sheet, counted as openpyxl counts them (a
    row or cell without `r` follows the one before)."""

    def __init__(self, member: str) -> None:
        self.member = member
        self.row = 0  # the current row's number
        self.column = 0  # the last cell's column in the current row
        self.last_row = 0
        self.widest = 0

    def cell(self, element: etree._Element) -> None:
        ref = element.get("r")
        if ref is None:
            self.column += 1
        else:
            match = _CELL_REF.fullmatch(ref)
            if match is None:
                raise ParseError(
                    self.member, None, f"{limits.quote(ref)} is not a cell reference (A1, XFD1048576)"
                )
            if int(match.group(2)) > SHEET_MAX_ROW:
                raise self._refusal("cell reference", ref)
            column = 0
            for letter in match.group(1).upper():
                column = column * 26 + ord(letter) - 64
            self.column = column
        if not 1 <= self.column <= SHEET_MAX_COLUMN:
            raise self._refusal("cell reference", ref or str(self.column))
        self.widest = max(self.widest, self.column)

    def end_row(self, element: etree._Element) -> None:
        ref = element.get("r")
        if ref is None:
            self.row += 1
        elif ref.isascii() and ref.isdigit():
            self.row = int(ref) if len(ref) <= 7 else SHEET_MAX_ROW + 1
        else:
            raise ParseError(self.member, None, f"row reference {limits.quote(ref)} is not a row number")
        if not 1 <= self.row <= SHEET_MAX_ROW:
            raise self._refusal("row reference", ref or str(self.row))
        self.last_row = max(self.last_row, self.row)
        self.column = 0

    def check(self, size: int) -> None:
        cells = self.last_row * self.widest
        bound = max(limits.LIMITS.max_sheet_cells, size)
        if cells > bound:
            raise ParseError(
                self.member,
                None,
                f"a sheet of {self.last_row:,} rows × {self.widest:,} columns: readers would build "
                f"{cells:,} cells for {size:,} bytes (max-sheet-cells in [tool.slovnik.limits])",
            )

    def _refusal(self, what: str, ref: str) -> ParseError:
        return ParseError(
            self.member,
            None,
            f"{what} {limits.quote(ref)} is outside a sheet "
            f"({SHEET_MAX_ROW:,} rows × {SHEET_MAX_COLUMN:,} columns)",
        )


def quietly(read, *args, **kwargs):
    """Call a library reader with its warnings silenced: openpyxl warns on stderr about parts it
    skips ("invalid specification"), which would add lines to slovnik's one-line error."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read(*args, **kwargs)


def package_failures() -> tuple[type[BaseException], ...]:
    """What a library (openpyxl, python-docx) may still raise on a package that passed `open_zip`
    but is damaged in ways only it sees: a missing part, a bad value, a non-XML member's deflate
    stream. Caught around that library call alone and reported as one line."""
    import xml.etree.ElementTree as ElementTree

    # OSError too: the package itself was opened already, so what the library calls an OSError
    # ("File contains no valid workbook part") is about its content
    return (
        zipfile.BadZipFile,
        zlib.error,
        etree.XMLSyntaxError,
        ElementTree.ParseError,
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        EOFError,
        OSError,
        NotImplementedError,
    )


def library_detail(e: BaseException) -> str:
    """The first line of a library's error, cut to the quoting limit (its wording is not ours)."""
    text = str(e).strip().split("\n")[0] or type(e).__name__
    return limits.quote(text)


def _check_member(path, info: zipfile.ZipInfo) -> None:
    lim = limits.LIMITS
    name = f"{path}:{info.filename}"
    if info.file_size > lim.max_zip_member:
        raise ParseError(
            name,
            None,
            f"ZIP member inflates to {info.file_size:,} bytes, over the "
            f"{lim.max_zip_member:,}-byte limit (max-zip-member)",
        )
    if info.file_size > (1 << 20) and info.file_size > lim.max_zip_ratio * max(info.compress_size, 1):
        raise ParseError(
            name,
            None,
            f"ZIP member compressed {info.file_size // max(info.compress_size, 1):,}:1, "
            f"over the {lim.max_zip_ratio}:1 limit (max-zip-ratio; a zip bomb?)",
        )


# --- reading elements ----------------------------------------------------------------------------

_XML_SPACE = re.compile(r"[ \t\r\n]+")
_PARTS: dict[str, tuple[str, str]] = {}


def split_tag(tag) -> tuple[str, str]:
    """(namespace, local name) of an element tag, cached per tag: `{urn:iso:std:iso:30042:ed-2}conceptEntry`
    → (`urn:iso:std:iso:30042:ed-2`, `conceptEntry`); ("", "") for comments and processing
    instructions, whose tag is a function."""
    try:
        return _PARTS[tag]
    except KeyError:
        if not isinstance(tag, str):
            return "", ""
    ns, _, name = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    parts = _PARTS[tag] = (ns, name)
    return parts


def local_tag(tag) -> str:
    """The element name of a tag without its namespace ("" for comments and PIs)."""
    return split_tag(tag)[1]


def local_name(element) -> str:
    """`conceptEntry` for `{urn:iso:std:iso:30042:ed-2}conceptEntry`; "" for comments and PIs."""
    return split_tag(element.tag)[1]


def namespace(element) -> str:
    return split_tag(element.tag)[0]


def text_of(element) -> str:
    """All text inside *element* (inline markup flattened), whitespace collapsed."""
    text = (element.text or "") if len(element) == 0 else "".join(element.itertext())
    # Only XML whitespace is collapsed: a no-break space inside a Russian term is data.
    return _XML_SPACE.sub(" ", text).strip(" ")
