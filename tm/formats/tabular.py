"""CSV, TSV and XLSX translation memories (pandas), one row per unit.

Columns (header row required; only `source` is mandatory, order free, unknown columns become props):

    id, context, source, target, source_lang, target_lang, note, comment, reference, flags, fuzzy,
    obsolete, previous_source, previous_context, source_plural, target_plurals, created, changed,
    creator, changer, props

- note / comment / reference: several values joined by newlines; flags: comma-separated;
  fuzzy / obsolete: `yes` or empty (reads 1/true/yes/y/x too);
- target_plurals: JSON list of strings; props: JSON list of [type, value] pairs;
- inline tags inside source/target/source_plural: `⟦[kind, pos, id, attrs, code]⟧` — a JSON array in
  U+27E6/U+27E7 brackets, e.g. `⟦["bpt","open","1",[["i","1"]],"<b>"]⟧`; a literal `⟦` in text is
  written `⟦⟧`.

CSV/TSV are read in chunks (streaming); `line` is the record number + 1 (the header is line 1), which
is the file line unless cells contain newlines. XLSX `line` is the spreadsheet row.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from glossary.core import limits, xmlsafe
from glossary.core.atomic import atomic_open, atomic_path
from glossary.core.errors import ParseError
from glossary.core.textfile import (
    StreamGuard,
    bom_encoding,
    decode,
    first_bad_line,
    guess_cyrillic_encoding,
    read_head,
    read_input,
)
from tm.errors import TMWriteError
from tm.model import Segment, Tag, TranslationUnit

COLUMNS = [
    "id",
    "context",
    "source",
    "target",
    "source_lang",
    "target_lang",
    "note",
    "comment",
    "reference",
    "flags",
    "fuzzy",
    "obsolete",
    "previous_source",
    "previous_context",
    "source_plural",
    "target_plurals",
    "created",
    "changed",
    "creator",
    "changer",
    "props",
]
_PLAIN = [
    "id",
    "context",
    "source_lang",
    "target_lang",
    "previous_source",
    "previous_context",
    "created",
    "changed",
    "creator",
    "changer",
]
_LISTS = {"note": "notes", "comment": "comments", "reference": "references"}
_TRUE = {"1", "true", "yes", "y", "x"}
_TAG = re.compile(r"⟦(\[.*?\])?⟧")
CHUNK = 5000


def segment_to_text(segment: Segment | None) -> str:
    if segment is None:
        return ""
    out = []
    for p in segment.parts:
        if isinstance(p, str):
            out.append(p.replace("⟦", "⟦⟧"))
        else:
            data = json.dumps(
                [p.kind, p.pos, p.id, [list(a) for a in p.attrs], p.code],
                ensure_ascii=False,
                separators=(",", ":"),
            )
            out.append("⟦" + data.replace("⟧", "\\u27e7") + "⟧")
    return "".join(out)


def _loads(text: str):
    """JSON from a cell (a tag, props, plural targets); a lone surrogate escape (`\\udfff`) decodes
    to a string no file can hold, so it is refused here as a bad cell."""
    value = json.loads(text)
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("a lone surrogate escape in JSON") from None
    return value


def text_to_segment(text: str) -> Segment:
    parts: list[str | Tag] = []
    at = 0
    for m in _TAG.finditer(text):
        parts.append(text[at : m.start()])
        if m.group(1) is None:
            parts.append("⟦")
        else:
            kind, pos, ident, attrs, code = _loads(m.group(1))
            parts.append(Tag(kind, pos, ident, tuple((k, v) for k, v in attrs), code))
        at = m.end()
    parts.append(text[at:])
    return Segment(parts).normalized()


def _row(unit: TranslationUnit) -> dict[str, str]:
    row = {name: getattr(unit, name) or "" for name in _PLAIN}
    row.update(
        source=segment_to_text(unit.source),
        target=segment_to_text(unit.target),
        note="\n".join(unit.notes),
        comment="\n".join(unit.comments),
        reference="\n".join(unit.references),
        flags=", ".join(unit.flags),
        fuzzy="yes" if unit.fuzzy else "",
        obsolete="yes" if unit.obsolete else "",
        source_plural=segment_to_text(unit.source_plural) if unit.source_plural is not None else "",
        target_plurals=json.dumps(
            [segment_to_text(s) for s in unit.target_plurals], ensure_ascii=False, separators=(",", ":")
        )
        if unit.target_plurals
        else "",
        props=json.dumps([list(p) for p in unit.props], ensure_ascii=False, separators=(",", ":"))
        if unit.props
        else "",
    )
    return row


def _unit(row: dict[str, str], path: Path, line: int, source_lang, target_lang) -> TranslationUnit:
    def get(name: str) -> str:
        value = row.get(name, "")
        return "" if value is None else str(value)

    try:
        unit = TranslationUnit(source=text_to_segment(get("source")), target=text_to_segment(get("target")))
        for name in _PLAIN:
            setattr(unit, name, get(name) or None)
        for column, name in _LISTS.items():
            setattr(unit, name, get(column).split("\n") if get(column) else [])
        unit.flags = [f.strip() for f in get("flags").split(",") if f.strip()]
        unit.fuzzy = get("fuzzy").strip().lower() in _TRUE
        unit.obsolete = get("obsolete").strip().lower() in _TRUE
        if get("source_plural"):
            unit.source_plural = text_to_segment(get("source_plural"))
        if get("target_plurals"):
            unit.target_plurals = [text_to_segment(s) for s in _loads(get("target_plurals"))]
        if get("props"):
            unit.props = [(k, v) for k, v in _loads(get("props"))]
        for k in row:
            if k not in COLUMNS and get(k):
                if str(k).startswith("Unnamed: "):  # pandas' name for a column with no header cell
                    raise ParseError(
                        path,
                        line,
                        f"a value in column {int(str(k)[9:].split('.')[0]) + 1}, which has no header",
                    )
                unit.props.append((str(k), get(k)))
    except (ValueError, TypeError) as e:  # bad JSON in props/target_plurals/a tag
        raise ParseError(path, line, f"bad cell: {limits.quote(str(e))}") from e
    except RecursionError:  # JSON nested past the interpreter's depth: no tag or prop is
        raise ParseError(path, line, "bad cell: JSON nested too deep") from None
    unit.source_lang = source_lang or unit.source_lang
    unit.target_lang = target_lang or unit.target_lang
    unit.origin, unit.line = path.name, line
    return unit


def _check_columns(path: Path, columns) -> None:
    if "source" not in columns:
        raise ParseError(
            path, 1, f"no 'source' column (columns: {limits.quote(', '.join(map(str, columns)))})"
        )


def _malformed_row(path: Path, sep: str, error: Exception, text: str | None = None) -> tuple[int | None, str]:
    """Where and why pandas refused a delimited file, found again with the csv module: pandas words it
    its own way ("Error tokenizing data. C error: …") and counts rows, not lines."""
    import csv

    csv.field_size_limit(limits.LIMITS.max_line)
    with (
        io.StringIO(text, newline="") if text is not None else open(path, encoding="utf-8-sig", newline="")
    ) as fh:
        reader = csv.reader(fh, delimiter=sep, strict=True)
        width, start = None, 1
        try:
            for record in reader:
                if not record:  # a blank line: pandas skips it too
                    pass
                elif width is None:
                    width = len(record)
                elif len(record) > width:
                    return start, "malformed row: more fields than the header"
                start = reader.line_num + 1
        except csv.Error:
            if next(fh, None) is None:
                return start, "malformed row: a quoted field is never closed"
            return start, "malformed row: a quote inside a quoted field is not doubled"
    return None, f"malformed row: {str(error).strip()}"  # not found again: pandas' words, after ours


def _iter_delimited(
    path, sep: str, source_lang, target_lang, header, encoding: str | None = None
) -> Iterator[TranslationUnit]:
    import pandas as pd  # imported on use: `import tm.formats` stays light for TMX/PO work

    path = Path(path)
    line = 1
    stream: io.StringIO | io.BufferedReader | None = None
    if encoding is not None or bom_encoding(read_head(path, 4)) not in (None, "utf-8-sig"):
        # another encoding (an option, or a UTF-16/32 BOM: Excel's "Unicode Text"): decoded whole,
        # within the input limit, then read as UTF-8 text
        text: str | None = decode(path, read_input(path, encoding), encoding)
        stream = io.StringIO(text)
    else:
        text = None
    try:
        with warnings.catch_warnings():
            # index_col=False: a first row with one field too many must not turn column 1 into the
            # index (every value would shift one column left); pandas only warns, so make it an error
            warnings.simplefilter("error", pd.errors.ParserWarning)
            # through a guard: a NUL byte or an endless line is refused as it is read, not buffered
            if stream is None:
                stream = io.BufferedReader(StreamGuard(path, open(path, "rb", buffering=0)))
            chunks = pd.read_csv(
                stream,
                sep=sep,
                dtype=str,
                keep_default_na=False,
                chunksize=CHUNK,
                encoding="utf-8-sig",
                index_col=False,
            )
            for chunk in chunks:
                _check_columns(path, chunk.columns)
                for row in chunk.to_dict("records"):
                    line += 1
                    yield _unit(row, path, line, source_lang, target_lang)
    except (pd.errors.ParserWarning, pd.errors.ParserError) as e:
        raise ParseError(path, *_malformed_row(path, sep, e, text)) from e
    except pd.errors.EmptyDataError as e:
        raise ParseError(path, 1, "empty file (a header row with a 'source' column is required)") from e
    except UnicodeDecodeError as e:
        guess = guess_cyrillic_encoding(read_head(path))
        hint = (
            f" (looks like {guess.upper()}; convert it to UTF-8 or pass --encoding {guess})" if guess else ""
        )
        raise ParseError(path, first_bad_line(path), f"not UTF-8: {e.reason}{hint}") from e
    finally:
        if stream is not None:
            stream.close()


def iter_csv(path, *, source_lang=None, target_lang=None, header=None, encoding: str | None = None):
    return _iter_delimited(path, ",", source_lang, target_lang, header, encoding)


def iter_tsv(path, *, source_lang=None, target_lang=None, header=None, encoding: str | None = None):
    return _iter_delimited(path, "\t", source_lang, target_lang, header, encoding)


def iter_xlsx(path, *, source_lang=None, target_lang=None, header=None) -> Iterator[TranslationUnit]:
    import pandas as pd

    path = Path(path)
    xmlsafe.open_zip(path).close()  # sizes, ratios and every XML part checked before openpyxl reads
    try:
        frame = xmlsafe.quietly(pd.read_excel, path, dtype=str, keep_default_na=False, engine="openpyxl")
    except xmlsafe.package_failures() as e:
        raise ParseError(path, None, f"not a readable XLSX workbook: {xmlsafe.library_detail(e)}") from None
    _check_columns(path, frame.columns)
    for index, row in enumerate(frame.to_dict("records")):
        if any(row.values()):  # an empty row between units is no unit (as CSV's blank lines are not)
            yield _unit(row, path, index + 2, source_lang, target_lang)


def _frames(units: Iterable[TranslationUnit], source_lang: str | None, target_lang: str | None):
    import pandas as pd

    rows = []
    for unit in units:
        row = _row(unit)
        row["source_lang"] = row["source_lang"] or source_lang or ""
        row["target_lang"] = row["target_lang"] or target_lang or ""
        rows.append(row)
        if len(rows) == CHUNK:
            yield pd.DataFrame(rows, columns=COLUMNS)
            rows = []
    if rows:
        yield pd.DataFrame(rows, columns=COLUMNS)


def _write_delimited(units, path, sep: str, source_lang: str | None, target_lang: str | None) -> int:
    count = 0
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        for frame in _frames(units, source_lang, target_lang):
            # CRLF records (RFC 4180): then a lone CR inside a cell gets quoted too, which pandas
            # does not do with "\n" records, and readers would split the row at it
            frame.to_csv(fh, sep=sep, index=False, header=count == 0, lineterminator="\r\n")
            count += len(frame)
        if count == 0:
            fh.write(sep.join(COLUMNS) + "\r\n")
    return count


def write_csv(units, path, *, source_lang: str | None, target_lang: str | None) -> int:
    return _write_delimited(units, path, ",", source_lang, target_lang)


def write_tsv(units, path, *, source_lang: str | None, target_lang: str | None) -> int:
    return _write_delimited(units, path, "\t", source_lang, target_lang)


def write_xlsx(units, path, *, source_lang: str | None, target_lang: str | None) -> int:
    """Rows are gathered first (a workbook is one zip; XLSX holds at most 1,048,576 rows anyway),
    then written with openpyxl's write-only mode; text cells stay text (no formulas)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    rows = [
        list(row)
        for frame in _frames(units, source_lang, target_lang)
        for row in frame.itertuples(index=False)
    ]
    # checked before the workbook exists: openpyxl's write-only sheet, abandoned half-written, prints
    # "Exception ignored" tracebacks when it is collected
    for number, row in enumerate(rows, 2):
        if any(isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v) for v in row):
            raise TMWriteError(
                f"{path}: cannot write as XLSX: row {number} holds a control character a "
                "worksheet cannot store (write CSV or TSV instead)"
            )
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("tm")
    sheet.append(COLUMNS)
    try:
        for row in rows:
            cells: list[WriteOnlyCell | None] = []
            for value in row:
                if not value:
                    cells.append(None)  # most cells are empty: no cell object for them
                    continue
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # "=…" is a translation, not a formula
                cells.append(cell)
            sheet.append(cells)
        with atomic_path(path) as tmp:
            workbook.save(tmp)
    except ValueError as e:
        raise TMWriteError(f"{path}: cannot write as XLSX: {e}") from e
    return len(rows)
