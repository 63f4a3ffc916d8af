"""Regenerate the golden files the tests compare printed output against.

    .venv/bin/python scripts/regen_golden.py          # rewrite every golden file
    .venv/bin/python scripts/regen_golden.py --check  # exit 1 if any differs (what the tests check)

Each golden set is a function returning {file name: text}; the tests import the same functions,
so a golden file can only be produced one way. Volatile fields are masked (`mask_volatile`).
Review the diff (`git diff tests/data`) before committing regenerated files.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRINT_DATA = ROOT / "tests" / "data" / "print"

# Embedded font data changes with the fontTools version; dates and versions with the day and release.
_VOLATILE = [
    (re.compile(r"base64,[A-Za-z0-9+/=]+"), "base64,<font data>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?"), "<date>"),
    (re.compile(r"(slovnik )\d+\.\d+\.\d+\S*"), r"\1<version>"),
]


def mask_volatile(text: str) -> str:
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def print_golden() -> dict[str, str]:
    """`glossary print` outputs for tests/data/print/termbase.json."""
    from glossary.formats import read_termbase
    from glossary.printing import build_glossary, html, latex, markdown

    termbase = read_termbase(PRINT_DATA / "termbase.json")
    preface = (PRINT_DATA / "preface.txt").read_text(encoding="utf-8")
    ru_en = build_glossary(termbase, schemes=("lc", "bgn"), preface=preface)
    en_ru = build_glossary(termbase, direction="en-ru", schemes=("lc",))
    return {
        "ru-en.md": markdown.render(ru_en),
        "ru-en.html": mask_volatile(html.render(ru_en)),
        "ru-en.tex": latex.render(ru_en, name="ru-en.tex"),
        "en-ru.md": markdown.render(en_ru),
    }


GOLDEN_SETS = {PRINT_DATA / "golden": print_golden}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    differing = 0
    for folder, produce in GOLDEN_SETS.items():
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in produce().items():
            path = folder / name
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old == text:
                continue
            differing += 1
            if check:
                print(f"differs: {path.relative_to(ROOT)}")
            else:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    return 1 if check and differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
