"""S3xx: script and encoding damage — mixed Latin/Cyrillic words, mojibake, garbled characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ...findings import Finding
from .base import LintContext, Rule

_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# A Russian case ending on a Latin acronym (BIOSа, USBшный): Russian writers inflect acronyms so; the
# letters are chosen, not look-alikes typed by mistake.
_INFLECTED_ACRONYM = re.compile(r"[A-Z]{2,}[а-яё]{1,4}")

# Letters that look alike in the two scripts (Unicode confusables between Latin and Cyrillic).
CYRILLIC_TO_LATIN = {
    "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c", "т": "T",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ё": "ë",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Һ": "h", "Ԛ": "Q", "Ԝ": "W", "Ё": "Ë",
}
# Lower-case в/м/н/т resemble small capitals only; they are not mapped back to lower-case Latin.
# Towards Cyrillic only Russian letters are targets: a Latin s, i, j or h has no Russian look-alike
# (ѕ і ј һ belong to other alphabets), so such a word gets no automatic fix.
LATIN_TO_CYRILLIC = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "A": "А", "B": "В", "E": "Е",
    "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С", "T": "Т", "X": "Х", "Y": "У",
    "ë": "ё", "Ë": "Ё",
}
_LOWER_SAFE = {"в", "м", "н", "т"}


def homoglyph_fix(word: str) -> tuple[str, str] | None:
    """(fixed word, target script) turning the minority script's letters into the majority's, or
    None when some minority letter has no look-alike."""
    cyr = len(_CYRILLIC.findall(word))
    lat = len(_LATIN.findall(word))
    if lat >= cyr:
        table, target, minority = CYRILLIC_TO_LATIN, "Latin", _CYRILLIC
    else:
        table, target, minority = LATIN_TO_CYRILLIC, "Cyrillic", _LATIN
    out = []
    for ch in word:
        if minority.match(ch):
            if ch not in table or (target == "Latin" and ch in _LOWER_SAFE):
                return None
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out), target


class MixedScript(Rule):
    """A word mixes Latin and Cyrillic letters.

    What it does: finds words that contain letters of both scripts, such as a Cyrillic `е` typed
    inside an English word (`plenumе`) or a Latin `o` inside a Russian one (`Мoсква`).
    Why: the word looks right but is a different string: search, spell-check, sorting, indexing and
    term recognition all miss it. It usually comes from a keyboard layout switch or OCR.
    Example: `the plenumе of the Central Committee` (the last letter is Cyrillic U+0435).
    Use instead: `the plenume …` / `plenum` — the fix replaces each letter of the minority script by
    its look-alike in the majority script (safe when every such letter has a look-alike).
    """

    code = "S301"
    name = "mixed-script"
    fixable = True
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for doc in ctx.documents:
            for tok in ctx.tokens(doc):
                word = tok.text
                if not (_CYRILLIC.search(word) and _LATIN.search(word)) or _INFLECTED_ACRONYM.fullmatch(word):
                    continue
                cyr = "".join(sorted(set(_CYRILLIC.findall(word))))
                lat = "".join(sorted(set(_LATIN.findall(word))))
                fixed = homoglyph_fix(word)
                if fixed is None:
                    yield ctx.finding(self, doc, tok.start, tok.end,
                                      f"`{word}` mixes Latin ({lat}) and Cyrillic ({cyr}) letters",
                                      latin=lat, cyrillic_letters=cyr)
                else:
                    yield ctx.finding(self, doc, tok.start, tok.end,
                                      f"`{word}` mixes Latin ({lat}) and Cyrillic ({cyr}) letters; "
                                      f"all-{fixed[1]} `{fixed[0]}`",
                                      replacement=fixed[0], latin=lat, cyrillic_letters=cyr)


_RUN_RE = re.compile(r"\S+")
_EDGE_PUNCT = ",.;:!?()[]\"'«»"


class Mojibake(Rule):
    """Text damaged by a wrong encoding round trip (mojibake).

    What it does: finds runs of characters that are UTF-8 read as Windows-1252/Latin-1 (or similar)
    and can be decoded back, using `ftfy`; the repair is ftfy's.
    Why: `Ð¡Ñ‚Ð°Ð»Ð¸Ð½` or `â€œquotedâ€` in a published text is unreadable and cannot be searched.
    Example: `Ð¡Ñ‚Ð°Ð»Ð¸Ð½` / `cafÃ©`.
    Use instead: `Сталин` / `café`.
    """

    code = "S302"
    name = "mojibake"
    fixable = True
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if all(doc.text.isascii() for doc in ctx.documents):
            return  # mojibake is made of non-ASCII characters; ftfy (0.1 s to import) is not needed
        import ftfy

        for doc in ctx.documents:
            text = doc.text
            for line in _lines_with_offsets(text):
                start, chunk = line
                if not chunk.strip() or chunk.isascii() or not ftfy.badness.is_bad(chunk):
                    continue
                for m in _RUN_RE.finditer(chunk):
                    run = m.group()
                    if not ftfy.badness.is_bad(run):
                        continue
                    fixed = ftfy.fix_encoding(run)
                    if fixed == run:
                        continue
                    a, b = start + m.start(), start + m.end()
                    # Leave sentence punctuation around the damaged word out of the span.
                    lead = len(run) - len(run.lstrip(_EDGE_PUNCT))
                    trail = len(run) - len(run.rstrip(_EDGE_PUNCT))
                    if fixed[:lead] == run[:lead] and (not trail or fixed[-trail:] == run[-trail:]):
                        run, fixed = run[lead:len(run) - trail], fixed[lead:len(fixed) - trail]
                        a, b = a + lead, b - trail
                    yield ctx.finding(self, doc, a, b, f"`{run}` looks like mojibake of `{fixed}`",
                                      replacement=fixed)


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


# A character that never belongs inside a word: the replacement character anywhere, or a symbol,
# private-use, control or unassigned code point, or a digit-like symbol such as a subscript, between
# a letter and at least two lower-case letters (H₃tte; not H₂O, CO₂).
_GARBLED_RE = re.compile(r"\ufffd|(?<=[^\W\d_])[^\w\s](?=[a-zà-ÿа-я]{2})|(?<=[^\W\d_])[⁰-₟](?=[a-zа-я]{2})")
_GARBLED_CATEGORIES = {"No", "So", "Co", "Cn", "Cc", "Cf", "Sk"}


class GarbledCharacter(Rule):
    """A word carries a character that cannot belong there (U+FFFD, a subscript, a control).

    What it does: finds words broken by a character of the wrong kind: the replacement character
    U+FFFD (a byte that could not be decoded), or a symbol, digit-like sign (subscript, superscript),
    private-use or control character between letters. ftfy cannot repair these (the original
    letter is lost), so there is no automatic fix.
    Why: the damage is usually a conversion from PDF or an old encoding that lost a letter with
    a diacritic; the word must be restored by hand from the original.
    Example: `the engineering manual H₃tte` (a lost `ü`), `Mosc�w`.
    Use instead: `the engineering manual Hütte`.
    """

    code = "S303"
    name = "garbled-character"
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for doc in ctx.documents:
            for m in _GARBLED_RE.finditer(doc.text):
                ch = m.group()
                if ch != "\ufffd" and unicodedata.category(ch) not in _GARBLED_CATEGORIES:
                    continue
                a, b = _word_around(doc.text, m.start(), m.end())
                name = unicodedata.name(ch, f"U+{ord(ch):04X}")
                yield ctx.finding(self, doc, a, b,
                                  f"`{doc.text[a:b]}` contains {name} (U+{ord(ch):04X}); restore the "
                                  f"letter from the original", character=ch)


def _word_around(text: str, a: int, b: int) -> tuple[int, int]:
    while a > 0 and (text[a - 1].isalpha() or text[a - 1] == "\ufffd"):
        a -= 1
    while b < len(text) and (text[b].isalpha() or text[b] == "\ufffd"):
        b += 1
    return a, b
