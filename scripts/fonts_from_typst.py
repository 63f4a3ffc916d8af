"""Copy the Libertinus Serif OTF files that the pinned typst wheel embeds into glossary/printing/fonts/.

Why: `glossary print` checks every character against the font's cmap before compiling (Typst draws
a blank box for a missing glyph and says nothing). Typst's embedded fonts have no file path, so we
ship the very same OTF files (Libertinus Serif, SIL OFL 1.1) and compile with embedded and system
fonts switched off: the cmap we check is the cmap Typst uses.

The wheel stores each font verbatim (typst-assets `include_bytes!`), so each one is found by its
sfnt header and cut out at the end of its last table. Run after changing the typst pin:

    .venv/bin/python scripts/fonts_from_typst.py
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import typst
from fontTools.ttLib import TTFont

from glossary.printing.coverage import CMAP_FILE, FACES, cmap_ranges

FONTS_DIR = Path(__file__).resolve().parents[1] / "glossary" / "printing" / "fonts"
WANTED = {  # full font name → file name as in the Libertinus release
    "Libertinus Serif Regular": "LibertinusSerif-Regular.otf",
    "Libertinus Serif Italic": "LibertinusSerif-Italic.otf",
    "Libertinus Serif Bold": "LibertinusSerif-Bold.otf",
}


def embedded_fonts(binary: bytes):
    """Yield (full name, bytes) for every CFF-flavoured sfnt stored in *binary*."""
    pos = binary.find(b"OTTO")
    while pos >= 0:
        num_tables = struct.unpack(">H", binary[pos + 4 : pos + 6])[0]
        if 5 < num_tables < 40:
            end = 0
            for k in range(num_tables):
                _tag, _sum, offset, length = struct.unpack(
                    ">4sIII", binary[pos + 12 + 16 * k : pos + 28 + 16 * k]
                )
                end = max(end, offset + length)
            end = (end + 3) & ~3  # tables are 4-byte aligned in a font file
            data = binary[pos : pos + end]
            try:
                name = TTFont(io.BytesIO(data))["name"].getDebugName(4)
            except Exception:  # a stray "OTTO" in code, not a font
                name = None
            if name:
                yield name, data
        pos = binary.find(b"OTTO", pos + 4)


def main() -> None:
    binary = next(Path(typst.__file__).parent.glob("_typst*.so")).read_bytes()
    FONTS_DIR.mkdir(parents=True, exist_ok=True)
    found: dict[str, bytes] = {}
    for name, data in embedded_fonts(binary):
        if name in WANTED:
            found.setdefault(name, data)
    missing = set(WANTED) - set(found)
    if missing:
        raise SystemExit(f"not embedded in this typst wheel: {', '.join(sorted(missing))}")
    for name, data in found.items():
        font = TTFont(io.BytesIO(data))
        version = font["name"].getDebugName(5)
        (FONTS_DIR / WANTED[name]).write_bytes(data)
        print(f"{WANTED[name]}: {len(data):,} bytes, {version}, typst {typst.__version__}")
    ranges = {face: cmap_ranges(face) for face in FACES}
    CMAP_FILE.write_text(json.dumps(ranges, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{CMAP_FILE.name}: code point ranges of {', '.join(FACES)}")


if __name__ == "__main__":
    main()
