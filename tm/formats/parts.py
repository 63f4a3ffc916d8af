"""Byte ranges of a file read on their own: what the TMX and PO readers' parts share.

A reader that cuts a large file into parts (see `tm.formats.split_units`) parses each part from its
bytes, preceded by the file's own head (TMX declaration and header, PO header entry) and padded with
newlines, so that the parser reports the file's own line numbers.
"""

from __future__ import annotations


def read_part(path: str, start: int, end: int, head_end: int, line: int) -> bytes:
    """Bytes [start, end) of *path*. A part after the first is preceded by the head [0, head_end) and
    as many newlines as put its first byte on *line* again."""
    with open(path, "rb") as fh:
        if not start:
            return fh.read(end)
        head = fh.read(head_end)
        fh.seek(start)
        data = fh.read(end - start)
    return head + b"\n" * (line - 1 - head.count(b"\n")) + data


def cut_lines(data, cuts: list[int]) -> list[int]:
    """The line each offset in *cuts* (ascending, the first 0) is on, in *data* (bytes or an mmap)."""
    lines = [1]
    for a, b in zip(cuts, cuts[1:], strict=False):
        lines.append(lines[-1] + data[a:b].count(b"\n"))
    return lines
