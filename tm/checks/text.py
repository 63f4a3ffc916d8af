"""Per-unit checks on the text itself: numbers, untranslated targets, inline markup, punctuation.

Each check is a pure function `(rows, ctx) -> Iterator[CheckFinding]` over a batch of units.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

from .base import CheckFinding, UnitRow

# --- number-mismatch ----------------------------------------------------------------------------

# Digit groups may be separated by a (thin, no-break) space in either language, by a comma in English
# and a dot in Russian; the decimal mark is a comma in Russian and a dot in English.
_GROUP = "[ \u00a0\u202f\u2009]"
_RU_NUMBER = re.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d{{1,3}}(?:\.\d{{3}}){{2,}}|\d+)(,\d+|\.\d+)?(?![\d])"
)
_EN_NUMBER = re.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d+)(\.\d+)?(?![\d])"
)
_SHORT_RANGE = re.compile(r"(?<![\d.,])((?:1[5-9]|20)\d\d)([–—-])(\d\d)(?![\d.,])")
_DECADE_RU = re.compile(r"(?<!\d)(\d0)-(?:е|х|ые|ых|м|ми)\b")

_EN_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_EN_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "thousand": 1000,
        "million": 1_000_000,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "twice": 2,
        "once": 1,
    }
)
_RU_WORD_LEMMAS = {
    "ноль": 0,
    "один": 1,
    "два": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "сто": 100,
    "тысяча": 1000,
    "миллион": 1_000_000,
    "первый": 1,
    "второй": 2,
    "третий": 3,
    "четвёртый": 4,
    "четвертый": 4,
    "пятый": 5,
    "дважды": 2,
}
_WORD = re.compile(r"[^\W\d_]+")


_NOT_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=100_000)  # years and counts repeat across units
def _value(whole: str, frac: str | None) -> Decimal:
    """A number as a canonical Decimal: separators gone, 3,5 → 3.5, 3.50 → 3.5."""
    digits = _NOT_DIGIT.sub("", whole).lstrip("0") or "0"
    frac = frac[1:].rstrip("0") if frac else ""
    return Decimal(f"{digits}.{frac}" if frac else digits)


def numbers(text: str, lang: str, skip: Sequence[tuple[int, int]] = ()) -> Counter:
    """The numbers of a text as values: 12 000 = 12,000 = 12000; 3,5 (ru) = 3.5 (en). Numbers inside
    the *skip* spans (terms that contain a number, such as 25,000ers or Order No. 227) do not count."""
    return Counter(_values(text, lang, skip))


def _values(text: str, lang: str, skip: Sequence[tuple[int, int]] = ()) -> list[Decimal]:
    """`numbers` as a sorted list (comparing two lists is cheaper than building two Counters)."""
    pattern = _EN_NUMBER if lang.startswith("en") else _RU_NUMBER
    if ("-" in text or "–" in text or "—" in text) and _SHORT_RANGE.search(text):
        # 2010–11 means 2010–2011 (same length, so spans stay valid)
        text = _SHORT_RANGE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(1)[:2]}{m.group(3)}", text)
    if not skip:
        return sorted([_value(whole, frac) for whole, frac in pattern.findall(text)])
    return sorted(
        [
            _value(m.group(1), m.group(2))
            for m in pattern.finditer(text)
            if not any(s <= m.start() < e for s, e in skip)
        ]
    )


def _term_spans(row: UnitRow, ctx) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of recognised terms with digits in them, in the source and in the target."""
    if ctx.index is None:
        return [], []
    src, tgt = ctx.term_matches(row)
    return (
        [(m.start, m.end) for m in src if _DIGITS.search(m.text)],
        [(m.start, m.end) for m in tgt if _DIGITS.search(m.text)],
    )


def _number_words(text: str, lang: str) -> set[Decimal]:
    out: set[Decimal] = set()
    if lang.startswith("en"):
        for w in _WORD.findall(text.lower()):
            if w in _EN_WORDS:
                out.add(Decimal(_EN_WORDS[w]))
    else:
        from glossary.russian import morph

        for w in _WORD.findall(text):
            for lemma in morph.lemmas(w):
                if lemma in _RU_WORD_LEMMAS:
                    out.add(Decimal(_RU_WORD_LEMMAS[lemma]))
    return out


def _decades(text: str, lang: str) -> set[Decimal]:
    """30-е годы ~ the 1930s: a two-digit Russian decade matches a four-digit English one."""
    if lang.startswith("en"):
        return set()
    return {Decimal(m.group(1)) for m in _DECADE_RU.finditer(text)}


_DIGITS = re.compile(r"\d+")


def check_numbers(rows: Iterable[UnitRow], ctx) -> Iterator[CheckFinding]:
    for row in rows:
        if not row.target or row.target == row.source:
            continue  # an untranslated target is reported by `untranslated`
        if not _DIGITS.search(row.source) and not _DIGITS.search(row.target):
            continue
        if _values(row.source, row.source_lang) == _values(row.target, row.target_lang):
            continue
        src_skip, tgt_skip = _term_spans(row, ctx)
        src = numbers(row.source, row.source_lang, src_skip)
        tgt = numbers(row.target, row.target_lang, tgt_skip)
        if src == tgt:
            continue
        missing, extra = src - tgt, tgt - src
        if ctx.options.number_words:
            words_t = _number_words(row.target, row.target_lang) if missing else set()
            words_s = _number_words(row.source, row.source_lang) if extra else set()
            missing = Counter({v: n for v, n in missing.items() if v not in words_t})
            extra = Counter({v: n for v, n in extra.items() if v not in words_s})
        decades = _decades(row.source, row.source_lang)
        if decades:  # 30-е → 1930s: drop the pair
            for d in list(missing):
                century = [e for e in extra if e >= 100 and e % 100 == d]
                if d in decades and century:
                    del missing[d]
                    del extra[century[0]]
        if not missing and not extra:
            continue
        parts = []
        if missing:
            parts.append("missing in target: " + ", ".join(_fmt(v) for v in sorted(missing.elements())))
        if extra:
            parts.append("not in source: " + ", ".join(_fmt(v) for v in sorted(extra.elements())))
        yield ctx.finding(
            "number-mismatch",
            row,
            "numbers differ; " + "; ".join(parts),
            found=" ".join(_fmt(v) for v in sorted((missing + extra).elements())),
        )


def _fmt(v: Decimal) -> str:
    return format(v, "f")


# --- untranslated -------------------------------------------------------------------------------

_CYRILLIC = re.compile(r"[\u0400-\u04ff]+(?:[-\u0400-\u04ff]*[\u0400-\u04ff])?")
_LETTER = re.compile(r"[^\W\d_]")


def check_untranslated(rows: Iterable[UnitRow], ctx) -> Iterator[CheckFinding]:
    for row in rows:
        if not _LETTER.search(row.source):
            continue  # numbers, codes, punctuation: nothing to translate
        if not row.target.strip():
            yield ctx.finding("untranslated", row, "target is empty")
        elif row.target.strip() == row.source.strip():
            yield ctx.finding("untranslated", row, "target is identical to the source")
        elif not row.target.isascii() and row.target_lang.lower().startswith("en"):
            left = _CYRILLIC.findall(row.target)
            if left:
                spans = [(m.start(), m.end()) for m in _CYRILLIC.finditer(row.target)]
                yield ctx.finding(
                    "untranslated",
                    row,
                    "Cyrillic left in the English target: " + ", ".join(left[:5]),
                    found=" ".join(left),
                    target_spans=spans,
                )


# --- tag-mismatch -------------------------------------------------------------------------------

# Markup written as text (PO and CSV carry it that way): HTML/XML tags, printf and brace placeholders.
# A % after a number is a percentage, not a placeholder ("14% cases", "48%-50%"), and printf's space
# flag is left out ("% c" is prose).
_TEXT_MARKUP = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|(?<!\d)(?<!\d\s)%(?:\(\w+\))?[-+#0]*\d*(?:\.\d+)?"
    r"[sdifxXeEgGcr]|\{\w*\}"
)


_MARKUP_CHARS = re.compile(r"[<%{]")


def _tag_key(tag) -> str:
    ident = tag.attr("x") or tag.attr("i") or tag.id or ""
    return f"<{tag.kind}:{tag.pos}{':' + ident if ident else ''}>"


def markup(text: str, tags) -> Counter:
    found = Counter(_tag_key(t) for t in tags)
    found.update(m.group() for m in _TEXT_MARKUP.finditer(text))
    return found


def check_tags(rows: Iterable[UnitRow], ctx) -> Iterator[CheckFinding]:
    for row in rows:
        if not row.target:
            continue
        if not (
            row.source_tags
            or row.target_tags
            or _MARKUP_CHARS.search(row.source)
            or _MARKUP_CHARS.search(row.target)
        ):
            continue  # no tags and no markup characters: nothing to compare
        src = markup(row.source, row.source_tags)
        tgt = markup(row.target, row.target_tags)
        if src == tgt:
            continue
        missing, extra = src - tgt, tgt - src
        parts = []
        if missing:
            parts.append("missing in target: " + " ".join(sorted(missing.elements())))
        if extra:
            parts.append("not in source: " + " ".join(sorted(extra.elements())))
        yield ctx.finding(
            "tag-mismatch",
            row,
            "inline markup differs; " + "; ".join(parts),
            found=" ".join(sorted((missing + extra).elements())),
        )


# --- punctuation --------------------------------------------------------------------------------

# Closing quotes and brackets after the final mark do not count: «…» and “…” are equivalent.
_CLOSERS = "»“”\"'’)]}›"
_FINAL = {".": "stop", "!": "exclamation", "?": "question", "…": "ellipsis", ":": "colon", ";": "semicolon"}


def final_mark(text: str) -> str | None:
    t = text.rstrip().rstrip(_CLOSERS).rstrip()
    if t.endswith("..."):
        return "ellipsis"
    if t.endswith("?!") or t.endswith("!?"):
        return "question"
    return _FINAL.get(t[-1:]) if t else None


def check_punctuation(rows: Iterable[UnitRow], ctx) -> Iterator[CheckFinding]:
    for row in rows:
        if not row.target.strip() or not _LETTER.search(row.source):
            continue
        src, tgt = final_mark(row.source), final_mark(row.target)
        if src == tgt or (src in ("stop", "ellipsis") and tgt in ("stop", "ellipsis")):
            continue
        if src and not tgt:
            yield ctx.finding(
                "punctuation",
                row,
                f"final punctuation missing in target (source ends with a {src})",
                found=src,
            )
        elif src and tgt and {src, tgt} & {"question", "exclamation"}:
            yield ctx.finding(
                "punctuation", row, f"source ends with a {src}, target with a {tgt}", found=f"{src}/{tgt}"
            )
