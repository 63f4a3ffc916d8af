"""Build the names lexicon `glossary/data/names/names.json` from Wikidata name pairs and the starter termbase.

Source: `wd_russian_80.tsv` (Merhav & Ash, COLING 2018, `steveash/NETransliteration-COLING2018`,
`data/wd_russian_80`; CC0 1.0): `latin<TAB>space-separated Cyrillic letters<TAB>frequency`, lower
case, taken from Wikidata person labels. It is noisy — names of every nation as Russian writes them,
and misaligned pairs (butusov / юрий) — so a pair is kept only when

1. the Cyrillic is a Russian name: the morphological dictionary tags it as a given name, patronymic or
   surname, or it ends the way Russian surnames and patronymics do (-ов, -ский, -ович, -евна …), and
2. the Latin spells it: both have the same scheme-neutral skeleton (`glossary.romanization.reverse.skeleton`),
   directly or after the conventional rewrites of `glossary/romanization/schemes/conventions.json` (Alexei).

The starter termbase adds its conventional spellings of names (Trotsky). Run from the repository root:

    .venv/bin/python scripts/build_names.py PATH/TO/wd_russian_80.tsv
    .venv/bin/python scripts/build_names.py PATH/TO/wd_russian_80.tsv --check   # exit 1 if out of date
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from golden import sync  # noqa: E402  (scripts/golden.py: write or --check)

from glossary.lint.romanized import _termbase_spellings, normalize_marks  # noqa: E402
from glossary.romanization.reverse import skeleton  # noqa: E402
from glossary.russian import morph  # noqa: E402
from glossary.russian.names import LEXICON_PATH, rewrites  # noqa: E402
from glossary.termbase import load_termbase  # noqa: E402

_RUSSIAN = re.compile("[а-яё]+")
_LATIN = re.compile(r"[a-zà-ɏ'ʹʼ’]+")
# Endings of Russian surnames and patronymics: a name the dictionary does not know counts as
# Russian only with one of these (Пепеляев yes, муньос no).
_SURNAME = re.compile("(?:[оеё]в|[иы]н|[сц]к(?:ий|ой|ая)|[оеё]ва|[иы]на|[ое]вич|[ое]вна|ична|[иы]х)$")
_PATRONYMIC = re.compile("(?:[ое]вич|[ое]вна|ич|ична|инична)$")
_TAGS = (("Name", "g"), ("Patr", "p"), ("Surn", "s"))
# A surname ending counts for unknown names when this many lexicon surnames share it.
ENDING_MIN_NAMES = 40
ENDING_LENGTHS = (2, 3, 4)


def kind_of(cyr: str) -> str:
    """g/p/s letters for what *cyr* can be as a Russian name ('' when it is none)."""
    kinds = {k for p in morph.parses(cyr) if morph.is_known(cyr) for tag, k in _TAGS if tag in p.tag}
    if not kinds and _SURNAME.search(cyr):
        kinds.add("p" if _PATRONYMIC.search(cyr) else "s")
    return "".join(k for k in "gps" if k in kinds)


def spells(latin: str, cyr: str) -> bool:
    """Is *latin* a romanization of *cyr* (by skeleton, directly or through a convention)?"""
    key = skeleton(cyr)
    return skeleton(latin) == key or any(skeleton(s) == key for s, _ in rewrites(latin))


def from_wikidata(path: Path) -> tuple[dict[str, list], dict[str, str]]:
    spellings: dict[str, list] = {}
    kinds: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            latin, cyr, count = normalize_marks(parts[0]).lower(), parts[1].replace(" ", ""), int(parts[2])
            if len(cyr) < 3 or not _RUSSIAN.fullmatch(cyr) or not _LATIN.fullmatch(latin):
                continue
            kind = kinds.get(cyr)
            if kind is None:
                kind = kinds[cyr] = kind_of(cyr)
            if kind and spells(latin, cyr):
                old = spellings.get(latin)
                if old is None or old[1] < count:
                    spellings[latin] = [cyr, count]
    return resolve(spellings), kinds


def resolve(spellings: dict[str, list]) -> dict[str, list]:
    """A spelling observed for one name that a convention reads as a far more common Russian name is
    taken for that one (Yuri: the Japanese юри in Wikidata's labels, but юрий in English text)."""
    from glossary.lint.romanized import russian_zipf

    out = {}
    for latin, (cyr, count) in spellings.items():
        alts = [spellings[s][0] for s, _ in rewrites(latin) if s in spellings]
        best = max(alts, key=russian_zipf, default=cyr)
        out[latin] = [best, count] if russian_zipf(best) > russian_zipf(cyr) + 1 else [cyr, count]
    return out


def from_termbase(spellings: dict[str, list], kinds: dict[str, str]) -> int:
    """Conventional spellings of names in the starter termbase (counted once, as observed)."""
    added = 0
    for latin, cyr in _termbase_spellings(load_termbase(ROOT / "glossary" / "data" / "starter.json")).items():
        kind = kinds.get(cyr) or kind_of(cyr)
        if kind and latin not in spellings and _LATIN.fullmatch(latin):
            spellings[latin] = [cyr, 1]
            kinds[cyr] = kind
            added += 1
    return added


def scheme_spellings(spellings: dict[str, list], kinds: dict[str, str]) -> int:
    """Every scheme's spelling of the given names and patronymics, as observed 0 times: the pairs
    are a sample, and English text writes a common name in whatever scheme (Elena, Yelena)."""
    from glossary.romanization.romanize import SCHEME_IDS, romanize

    added = 0
    for cyr in sorted({c for c, _ in spellings.values()}):
        if not set(kinds[cyr]) & {"g", "p"}:
            continue
        for scheme in SCHEME_IDS:
            latin = normalize_marks(romanize(cyr, scheme)).lower()
            if latin not in spellings and _LATIN.fullmatch(latin):
                spellings[latin] = [cyr, 0]
                added += 1
    return added


def skeletons(spellings: dict[str, list], kinds: dict[str, str]) -> dict[str, str]:
    """Scheme-neutral skeleton → given name or patronymic, for skeletons only one name has (софья
    and софия share one: neither is listed). It reads the spellings that mix schemes (Yevgenii)."""
    keys: dict[str, dict[str, str]] = {}
    for cyr in sorted({c for c, _ in spellings.values()}):
        if set(kinds[cyr]) & {"g", "p"}:
            keys.setdefault(skeleton(cyr), {})[cyr.replace("ё", "е")] = cyr  # семён and семен are one
    return {k: next(iter(v.values())) for k, v in sorted(keys.items()) if len(v) == 1}


def surname_endings(kinds: dict[str, str], used: set[str]) -> list[str]:
    counts: Counter = Counter()
    for cyr in used:
        if "s" in kinds[cyr]:
            counts.update(cyr[-n:] for n in ENDING_LENGTHS if len(cyr) > n + 2)
    # a two-letter ending is too weak a sign unless it is a Russian one (-ов, not -ер)
    return sorted(
        e for e, n in counts.items() if n >= ENDING_MIN_NAMES and (len(e) > 2 or _SURNAME.search(e))
    )


def render(spellings: dict[str, list], kinds: dict[str, str]) -> str:
    """One compact line per spelling (`"dmitry":"дмитрий 97 g"`): small, quick to parse, readable diffs."""
    used = {cyr for cyr, _ in spellings.values()}
    lines = [
        "{",
        '"about": "Russian names and their observed Latin spellings: latin -> \\"cyrillic count kinds\\" '
        '(g given name, p patronymic, s surname); see README.md here for source and licence.",',
        '"latin": {',
    ]
    lines.append(
        ",\n".join(
            f'{json.dumps(k, ensure_ascii=False)}:"{cyr} {n} {kinds[cyr]}"'
            for k, (cyr, n) in sorted(spellings.items())
        )
    )
    lines.append("},")
    lines.append('"skeletons": {')
    lines.append(
        ",\n".join(
            f"{json.dumps(k)}:{json.dumps(v, ensure_ascii=False)}"
            for k, v in skeletons(spellings, kinds).items()
        )
    )
    lines.append("},")
    lines.append(f'"surname_endings": {json.dumps(surname_endings(kinds, used), ensure_ascii=False)}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
        return 2
    spellings, kinds = from_wikidata(Path(args[0]))
    added = from_termbase(spellings, kinds)
    schemed = scheme_spellings(spellings, kinds)
    text = render(spellings, kinds)
    json.loads(text)
    check = "--check" in argv
    if not sync(LEXICON_PATH, text, check=check, how="scripts/build_names.py"):
        return 1
    if check:
        return 0
    names = len({c for c, _ in spellings.values()})
    print(
        f"{LEXICON_PATH.relative_to(ROOT)}: {len(spellings)} spellings of {names} names "
        f"({added} from the starter termbase, {schemed} scheme spellings of given names and patronymics), "
        f"{len(text.encode()) // 1024} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
