"""Build the bundled starter termbase `glossary/data/starter.json` from the data in scripts/starter_data/.

The JSON file is the shipped artifact; this script only keeps it consistent and diff-friendly (one
concept per block, UTF-8, stable key order). Run it after editing the data modules:

    .venv/bin/python scripts/build_starter.py            # write glossary/data/starter.json
    .venv/bin/python scripts/build_starter.py --check    # exit 1 if the file is out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from golden import sync  # scripts/golden.py: write or --check
from starter_data import DESCRIPTION, TITLE, build_concepts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "glossary" / "data" / "starter.json"


def render(concepts: list[dict]) -> str:
    """Pretty-print with one concept per block; terms one per line so a changed term is a one-line diff."""
    head = {
        "format": "slovnik-termbase",
        "version": 1,
        "title": TITLE,
        "source_lang": "ru",
        "target_lang": "en",
        "description": DESCRIPTION,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "concepts": [')
    blocks = []
    for c in concepts:
        parts = []
        for key, value in c.items():
            if key == "terms":
                terms = ",\n".join("        " + json.dumps(t, ensure_ascii=False) for t in value)
                parts.append(f'      "terms": [\n{terms}\n      ]')
            else:
                parts.append(f"      {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
        blocks.append("    {\n" + ",\n".join(parts) + "\n    }")
    lines.append(",\n".join(blocks))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render(build_concepts())
    json.loads(text)  # the hand-rolled layout must still be JSON
    check = "--check" in argv
    if not sync(OUT, text, check=check, how="scripts/build_starter.py"):
        return 1
    if not check:
        print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
