"""Render pages of a printed glossary to one small PNG for the README (examples/glossary-page1.png).

    .venv/bin/glossary print -o /tmp/starter.pdf --scheme lc,bgn
    .venv/bin/python scripts/print_page_image.py /tmp/starter.pdf examples/glossary-page1.png --pages 1

Needs poppler's `pdftoppm` (Debian: poppler-utils). The page is rendered in grey at --dpi, reduced
to 16 grey levels (anti-aliased text stays smooth) and written as a 4-bit greyscale PNG by the few
lines below, so the image stays well under 300 KB without an imaging library. Pages given together
are placed side by side as a spread.
"""

from __future__ import annotations

import argparse
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval, separated by whitespace
        while data[pos : pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos : pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5" and fields[3] == b"255", "expected an 8-bit binary PGM"
    return int(fields[1]), int(fields[2]), data[pos + 1 :]


def write_png4(path: Path, width: int, height: int, grey: bytes) -> None:
    """Write 8-bit grey pixels as a 16-level (4-bit) greyscale PNG."""
    rows = bytearray()
    for y in range(height):
        row = grey[y * width : (y + 1) * width]
        rows.append(0)  # filter type: none
        packed = bytearray((width + 1) // 2)
        for x in range(0, width, 2):
            hi = row[x] >> 4
            lo = row[x + 1] >> 4 if x + 1 < width else 0
            packed[x // 2] = (hi << 4) | lo
        rows += packed

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 4, 0, 0, 0, 0)  # 4-bit greyscale
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--pages", default="1", help="comma-separated page numbers (a spread if several)")
    parser.add_argument("--dpi", type=int, default=100)
    args = parser.parse_args()
    pages = [int(p) for p in args.pages.split(",")]
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            stem = Path(tmp) / f"p{page}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-gray",
                    "-r",
                    str(args.dpi),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(args.pdf),
                    str(stem),
                ],
                check=True,
            )
            images.append(read_pgm(stem.with_suffix(".pgm")))
    height = max(h for _, h, _ in images)
    gap = 12
    width = sum(w for w, _, _ in images) + gap * (len(images) - 1)
    canvas = bytearray(b"\xb4" * width * height)  # grey between pages
    x0 = 0
    for w, h, grey in images:
        for y in range(h):
            canvas[y * width + x0 : y * width + x0 + w] = grey[y * w : (y + 1) * w]
        x0 += w + gap
    args.png.parent.mkdir(parents=True, exist_ok=True)
    write_png4(args.png, width, height, bytes(canvas))
    print(f"{args.png}: {width}×{height}, {args.png.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
