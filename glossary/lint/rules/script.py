"""S3xx: script and encoding damage — mixed Latin/Cyrillic words, mojibake, garbled characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ...findings import Finding
from .base import LintContext, Rule

_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# A Russian case ending on a Latin acronym (BIOSа, USBшный): Russian writers inflect acronyms so; the
# letters are chosen, not look-alikes typed by mistake.
_INFLECTED_ACRONYM = re.compile(r"[A-Z]{2,}[а-яё]{1,4}")

# Letters that look alike in the two scripts (Unicode confusables between Latin and Cyrillic).
CYRILLIC_TO_LATIN = {
    "а": "a",
    "в": "B",
    "е": "e",
    "к": "k",
    "м": "M",
    "н": "H",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "T",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "һ": "h",
    "ԛ": "q",
    "ԝ": "w",
    "ё": "ë",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "Ԁ": "D",
    "Һ": "h",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Ё": "Ë",
}
# Lower-case в/м/н/т resemble small capitals only; they are not mapped back to lower-case Latin.
# Towards Cyrillic only Russian letters are targets: a Latin s, i, j or h has no Russian look-alike
# (ѕ і ј һ belong to other alphabets), so such a word gets no automatic fix.
LATIN_TO_CYRILLIC = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "y": "у",
    "x": "х",
    "A": "А",
    "B": "В",
    "E": "Е",
    "K": "К",
    "M": "М",
    "H": "Н",
    "O": "О",
    "P": "Р",
    "C": "С",
    "T": "Т",
    "X": "Х",
    "Y": "У",
    "ë": "ё",
    "Ë": "Ё",
}
_LOWER_SAFE = {"в", "м", "н", "т"}


# Said of a repair inside a citation: the fix is shown, never applied (a title keeps its source's form).
CITED = " (inside a citation: check the source; `--fix` leaves it)"


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


def homoglyph_fix_is_safe(word: str, fixed: str, target: str, termbase=None) -> bool:
    """Is the look-alike repair the only reading of *word*?

    Towards Cyrillic: when the repaired word is a Russian word the dictionary knows (Мoсква). Towards
    Latin: when each Cyrillic letter sounds as it looks (е, о, а: plenumе), or else when the letters
    read by sound make no word, neither English nor romanized Russian. `Сovet` with a Cyrillic С is
    Covet by look but Sovet (совет) by sound: which one the writer meant is not for a fix to guess.
    """
    from ...romanization.romanize import romanize
    from ...russian.frequency import zipf

    if target == "Cyrillic":
        from ...russian import morph

        return morph.is_known(fixed.lower()) or zipf(fixed.lower(), "ru") >= 2.0
    sounded = romanize(word, "lc")
    if sounded.lower() == fixed.lower():
        return True
    if zipf(sounded.lower(), "en") >= 1.0:
        return False
    from ...romanization.reverse import reverse

    best = reverse(sounded, termbase=termbase, limit=1)
    return not (best and best[0].known)


class MixedScript(Rule):
    """A word mixes Latin and Cyrillic letters.

    What it does: finds words that contain letters of both scripts, such as a Cyrillic `е` typed
    inside an English word (`plenumе`) or a Latin `o` inside a Russian one (`Мoсква`).
    Why: the word looks right but is a different string: search, spell-check, sorting, indexing and
    term recognition all miss it. It usually comes from a keyboard layout switch or OCR.
    Example: `the plenumе of the Central Committee` (the last letter is Cyrillic U+0435).
    Use instead: `the plenume …` / `plenum` — the fix replaces each letter of the minority script by
    its look-alike in the majority script. It is safe only when that is the one reading: a Cyrillic
    result the dictionary knows, or a Latin one where each Cyrillic letter also sounds as it looks
    (е in plenumе) or its sound makes no word. `Сovet` (Cyrillic С) is Covet by look but Sovet by
    sound: reported with the look-alike as an unsafe fix (shown, never applied by `--fix`).
    Inside a citation (a title, a reference entry, a citing sentence: the spans R1xx leave alone,
    see `glossary.lint.citations`) the fix is unsafe too: a title is reproduced as its source
    prints it, so the repair is shown for the editor to check against the source, never applied.
    """

    code = "S301"
    per_document = True
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
                    yield ctx.finding(
                        self,
                        doc,
                        tok.start,
                        tok.end,
                        f"`{word}` mixes Latin ({lat}) and Cyrillic ({cyr}) letters",
                        latin=lat,
                        cyrillic_letters=cyr,
                    )
                else:
                    safe = homoglyph_fix_is_safe(word, fixed[0], fixed[1], ctx.termbase)
                    cited = doc.in_citation(tok.start, tok.end)
                    yield ctx.finding(
                        self,
                        doc,
                        tok.start,
                        tok.end,
                        f"`{word}` mixes Latin ({lat}) and Cyrillic ({cyr}) letters; "
                        f"all-{fixed[1]} `{fixed[0]}`"
                        + ("" if safe else " or another reading: check the original")
                        + (CITED if cited else ""),
                        replacement=fixed[0],
                        safe=safe and not cited,
                        latin=lat,
                        cyrillic_letters=cyr,
                    )


_EDGE_PUNCT = ",.;:!?()[]\"'«»"


class Mojibake(Rule):
    """Text damaged by a wrong encoding round trip (mojibake).

    What it does: finds words that were written in one encoding and read in another, and decodes
    them back. First `ftfy`: text that went through UTF-8 and was read as Windows-1252, Latin-1 or
    Windows-1251 (`Ð¡Ñ‚Ð°Ð»Ð¸Ð½`, `РќРљР’Р”`, `cafÃ©`); the repair is ftfy's. ftfy does not undo
    Russian single-byte codecs read as one another, since the result is still letters; those are
    slovnik's own table of codec pairs (glossary/data/mojibake/codecs.json): KOI8-R read as
    Windows-1251 (`уФБМЙО`) and the reverse (`яРЮКХМ`), Windows-1251 read as Latin-1 or
    Windows-1252 (`Åæîâ`), UTF-8 read as KOI8-R (`п║я┌п╟п╩п╦п╫`). Such a word is reported only
    when decoding it gives Russian words the dictionary knows, in plain lower, title or upper case.
    Not covered: DOS code page 866 read as Windows-1251 (its result mixes punctuation and no-break
    spaces into the word), text decoded twice over, and damage whose bytes were lost (see S303).
    Why: `Ð¡Ñ‚Ð°Ð»Ð¸Ð½` or `уФБМЙО` in a published text is unreadable and cannot be searched.
    Example: `Ð¡Ñ‚Ð°Ð»Ð¸Ð½` / `cafÃ©` / `уФБМЙО` / `Åæîâ`.
    Use instead: `Сталин` / `café` / `Сталин` / `Ежов`.
    Fix: the repair is safe in prose; inside a citation (a title, a reference entry, a citing
    sentence: see S301) it is shown for the editor to check against the source, never applied.
    """

    code = "S302"
    per_document = True
    loads = "ftfy"
    name = "mojibake"
    fixable = True
    severity = "error"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        if all(doc.text.isascii() for doc in ctx.documents):
            return  # mojibake is made of non-ASCII characters; ftfy (0.1 s to import) is not needed
        import ftfy

        from ..mojibake import RUN

        for doc in ctx.documents:
            text = doc.text
            done: list[tuple[int, int]] = []
            for line in _lines_with_offsets(text):
                start, chunk = line
                if not chunk.strip() or chunk.isascii() or not ftfy.badness.is_bad(chunk):
                    continue
                for m in RUN.finditer(chunk):
                    run = m.group()
                    if not ftfy.badness.is_bad(run):
                        continue
                    fixed, steps = ftfy.fix_encoding_and_explain(run)
                    if fixed == run:
                        continue
                    codecs_used = _written_and_read(steps)
                    a, b = start + m.start(), start + m.end()
                    done.append((a, b))
                    # Leave sentence punctuation around the damaged word out of the span.
                    lead = len(run) - len(run.lstrip(_EDGE_PUNCT))
                    trail = len(run) - len(run.rstrip(_EDGE_PUNCT))
                    if fixed[:lead] == run[:lead] and (not trail or fixed[-trail:] == run[-trail:]):
                        run, fixed = run[lead : len(run) - trail], fixed[lead : len(fixed) - trail]
                        a, b = a + lead, b - trail
                    cited = doc.in_citation(a, b)
                    yield ctx.finding(
                        self,
                        doc,
                        a,
                        b,
                        f"`{run}` looks like mojibake of `{fixed}`" + (CITED if cited else ""),
                        replacement=fixed,
                        safe=not cited,
                        **codecs_used,
                    )
            yield from self._codec_pairs(ctx, doc, done)

    def _codec_pairs(self, ctx: LintContext, doc, done: list[tuple[int, int]]) -> Iterator[Finding]:
        from ...core import limits
        from ..mojibake import EDGE_PUNCT, repair, suspect_runs

        # UTF-8 read as a single-byte codec doubles a word's length: twice max-word, and its punctuation
        for m in suspect_runs(doc.text, 2 * limits.LIMITS.max_word + 8):
            a, b = m.span()
            if any(x < b and a < y for x, y in done):
                continue  # ftfy already repaired this run
            run = m.group()
            core = run.strip(EDGE_PUNCT)
            found = repair(core) if core else None
            if found is not None:
                a += len(run) - len(run.lstrip(EDGE_PUNCT))
                b = a + len(core)
            else:  # the damage may itself end in a quote sign (Д in UTF-8 read as cp1251 is Р”)
                core = run
                found = repair(run)
                if found is None:
                    continue
            fixed, pair = found
            cited = doc.in_citation(a, b)
            yield ctx.finding(
                self,
                doc,
                a,
                b,
                f"`{core}` looks like mojibake of `{fixed}` ({pair.written} read as {pair.read})"
                + (CITED if cited else ""),
                replacement=fixed,
                safe=not cited,
                written=pair.written,
                read=pair.read,
            )


def _written_and_read(steps) -> dict[str, Any]:
    """{"written": …, "read": …} from ftfy's explanation of a repair (encode in the codec the text was
    wrongly read in, decode in the one it was written in), codec names as Python spells them; {} when
    the steps say something else."""
    import codecs

    encoded = [p for action, p in steps or () if action == "encode"]
    decoded = [p for action, p in steps or () if action == "decode"]
    if len(encoded) != 1 or len(decoded) != 1:
        return {}
    try:
        read = codecs.lookup(encoded[0].removeprefix("sloppy-")).name
        written = codecs.lookup(decoded[0]).name
    except LookupError:
        return {}
    return {"written": written, "read": read}


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


# A character that never belongs inside a word: the replacement character anywhere, or a symbol,
# private-use, control or unassigned code point, or a digit-like symbol such as a subscript, between
# a letter and at least two lower-case letters (H₃tte; not H₂O, CO₂). Each branch tests the
# character itself before looking behind it (`[^\w\s](?<=[^\W\d_][^\w\s])`): most positions of a
# text fail at once that way.
_GARBLED_RE = re.compile(
    r"\ufffd|[^\w\s](?<=[^\W\d_][^\w\s])(?=[a-zà-ÿа-я]{2})|[⁰-₟](?<=[^\W\d_][⁰-₟])(?=[a-zа-я]{2})"
)
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
    per_document = True
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
                yield ctx.finding(
                    self,
                    doc,
                    a,
                    b,
                    f"`{doc.text[a:b]}` contains {name} (U+{ord(ch):04X}); restore the "
                    f"letter from the original",
                    character=ch,
                )


def _word_around(text: str, a: int, b: int) -> tuple[int, int]:
    while a > 0 and (text[a - 1].isalpha() or text[a - 1] == "\ufffd"):
        a -= 1
    while b < len(text) and (text[b].isalpha() or text[b] == "\ufffd"):
        b += 1
    return a, b
