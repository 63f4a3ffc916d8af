"""CSV and TSV termbases (columns in glossary.termbase.formats.tabular), read with the csv module.

The csv module, not pandas, reads these files because errors must name the *physical* line: a
quoted cell may span lines, and `reader.line_num` tracks that exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ...core import limits
from ...core.atomic import atomic_open
from ...core.errors import ParseError
from ...core.textfile import read_text, too_long_line
from ..model import Termbase
from .tabular import check_header, rows_to_termbase, termbase_to_rows


def _rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    # the csv module's own limit (128 KiB) would refuse a long definition; the policy's is far above
    csv.field_size_limit(limits.LIMITS.max_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            if "field limit" in str(e):
                raise too_long_line(path, start) from None
            raise ParseError(path, reader.line_num, f"malformed row: {limits.quote(str(e))}") from None
        line, start = start, reader.line_num + 1
        if not record or (len(record) == 1 and not record[0].strip()):
            continue
        if header is None:
            header = check_header(path, record, line)
            continue
        if len(record) != len(header):
            raise ParseError(path, line, f"malformed row: {len(record)} fields, header has {len(header)}")
        yield line, dict(zip(header, record, strict=True))
    if header is None:
        raise ParseError(path, None, "empty file (no header row)")


def read(path: Path, *, encoding: str | None = None, delimiter: str = ",") -> Termbase:
    path = Path(path)
    text = read_text(path, encoding)
    return rows_to_termbase(path, _rows(path, text, delimiter))


def read_tsv(path: Path, *, encoding: str | None = None) -> Termbase:
    return read(path, encoding=encoding, delimiter="\t")


def write(tb: Termbase, path: Path, *, delimiter: str = ",") -> None:
    header, rows = termbase_to_rows(tb)
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, delimiter=delimiter, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_tsv(tb: Termbase, path: Path) -> None:
    write(tb, path, delimiter="\t")
