"""XLSX termbases: the same columns as CSV (glossary.termbase.formats.tabular), one sheet, one row per term.

pandas (with openpyxl as its engine) reads the sheet; openpyxl writes it directly so that every cell
is typed as a string: a term that begins with `=` stays text and never becomes a formula.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...core import limits, xmlsafe
from ...core.atomic import atomic_path
from ...core.errors import ParseError, WriteError
from ..model import Termbase
from .tabular import check_header, rows_to_termbase, termbase_to_rows

SHEET = "terms"


def read(path: Path, *, encoding: str | None = None) -> Termbase:
    import pandas as pd

    path = Path(path)
    if path.stat().st_size == 0:
        raise ParseError(path, None, "empty file")
    if not zipfile.is_zipfile(path):
        raise ParseError(path, None, "not an XLSX workbook (not a zip archive)")
    xmlsafe.open_zip(path).close()  # sizes, ratios and every XML part checked before openpyxl reads
    try:
        frame = xmlsafe.quietly(
            pd.read_excel, path, header=None, dtype=str, na_filter=False, engine="openpyxl"
        )
    except xmlsafe.package_failures() as e:
        raise ParseError(path, None, f"cannot read workbook: {xmlsafe.library_detail(e)}") from None
    records = [[str(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    while records and not any(v.strip() for v in records[0]):
        records.pop(0)
    if not records:
        raise ParseError(path, None, "empty workbook (no header row)")
    header_line = len(frame) - len(records) + 1
    raw_header = records[0]
    while raw_header and not raw_header[-1].strip():  # trailing empty header cells
        raw_header = raw_header[:-1]
    header = check_header(path, raw_header, header_line)
    width = len(header)

    def rows():
        for offset, record in enumerate(records[1:], start=1):
            line = header_line + offset
            if any(v.strip() for v in record[width:]):
                raise ParseError(path, line, f"malformed row: value beyond the last column ({width})")
            yield line, dict(zip(header, record[:width], strict=True))

    return rows_to_termbase(path, rows())


def write(tb: Termbase, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    header, rows = termbase_to_rows(tb)
    # checked before the workbook exists: openpyxl's write-only sheet, abandoned half-written, prints
    # "Exception ignored" tracebacks when it is collected
    for row in rows:
        bad = next(
            (
                name
                for name in header
                if isinstance(row[name], str) and ILLEGAL_CHARACTERS_RE.search(row[name])
            ),
            None,
        )
        if bad is not None:
            raise WriteError(
                path,
                f"the {bad} of concept {limits.quote(row.get('concept_id') or '')!r} holds a "
                "control character a worksheet cannot store (write CSV or TSV instead)",
            )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    ws.freeze_panes = "A2"
    ws.append(header)
    for row in rows:
        cells: list[WriteOnlyCell | None] = []
        for name in header:
            value = row[name]
            if not value:
                cells.append(None)  # most cells are empty: no cell object for them
                continue
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        ws.append(cells)
    with atomic_path(path) as tmp:
        wb.save(tmp)
