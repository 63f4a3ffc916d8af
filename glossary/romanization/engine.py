"""The romanization engine for Russian Cyrillic: one generic engine over the scheme data in glossary/romanization/schemes/.

Each scheme is one JSON file (letters, context rules, options, samples) validated against
schemes/scheme.schema.json when it is loaded. The engine is compiled once per scheme and option set:

1. NFC normalisation (decomposed й/ё become one letter);
2. ALL-CAPS words that contain a vowel are romanized in lower case and upper-cased (ЕЖОВ → YEZHOV, not
   YeZhOV); caps words without vowels are initialisms and keep per-letter capitals (ЦК → TsK, ДШК → DShK);
3. context rules (ye- after vowels, -ий → -y …) as one regex over the text, lookarounds seeing the
   original Cyrillic; an upper-case first letter gives a title-cased output (Е → Ye);
4. everything else by one letter table, upper-case letters mapping to title-cased outputs (Ж → Zh):
   str.translate for a short text, the same table through the cp1251 codec for a long one
   (glossary.romanization.transcode, twice as fast).

Non-Cyrillic text passes through untouched. A Cyrillic letter the scheme does not define (Ukrainian ґ in
BGN, say) is left as it is and reported (`romanize_report(...).unmapped`, or `strict=True` raises).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..core.errors import ParseError, SchemeNotFound
from ..core.schemacheck import describe, schema_errors
from .transcode import Transcoder

SCHEME_DIR = Path(
    str(files("glossary.romanization.schemes"))
)  # by package name: the data moves with its package
SCHEMA_PATH = SCHEME_DIR / "scheme.schema.json"

# The registry: explicit, in the order `glossary schemes` lists them.
SCHEME_IDS: tuple[str, ...] = ("lc", "ala-lc", "bgn", "iso9", "gost-b", "icao", "wikipedia", "scholarly")

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
VOWELS = "аеёиоуыэюя"
SIGNS = "ъь"
CONSONANTS = "бвгджзклмнпрстфхцчшщ"  # й is neither: rules name it explicitly
CLASSES = {"vowel": VOWELS, "consonant": CONSONANTS, "sign": SIGNS}

_CYR = "\u0400-\u04ff\u0500-\u052f"
_CYRILLIC_RE = re.compile(f"[{_CYR}]")
_UPPER_VOWELS = VOWELS.upper() + "ІЇЄ"
_UP = "\u0400-\u042f\u0460\u0462\u0472\u0474\u0490"  # capitals: Russian, Ukrainian/Belarusian, pre-1918
# A run of ≥ 2 capitals that is a whole word (the lookbehind sits after the first letter so the scan
# starts with a cheap character-class test). Words are runs of Cyrillic letters.
_CAPS_RE = re.compile(f"[{_UP}](?<![{_CYR}][{_UP}])[{_UP}]+(?![{_CYR}])")
_CYRILLIC = re.compile(f"[{_CYR}]")


@dataclass(frozen=True)
class Rule:
    """A context rule: *match* (lowercase Cyrillic) becomes *output* when *after*/*before* hold."""

    name: str
    match: str
    output: str
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    comment: str = ""


@dataclass(frozen=True)
class Sample:
    cyrillic: str
    latin: str
    note: str = ""
    options: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Option:
    name: str
    description: str
    default: bool
    letters: Mapping[str, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class UnmappedCharacter:
    """A Cyrillic character the scheme has no romanization for; left in the output as it was."""

    char: str
    offset: int
    scheme: str

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"

    def __str__(self) -> str:
        name = unicodedata.name(self.char, "?")
        return f"{self.codepoint} {self.char!r} ({name}) at offset {self.offset} has no romanization in {self.scheme}"


class UnmappedCharacterWarning(UserWarning):
    """Emitted by romanize() when Cyrillic letters outside the scheme were left unromanized."""


@dataclass(frozen=True)
class Romanization:
    text: str
    unmapped: list[UnmappedCharacter]


@dataclass(frozen=True)
class Scheme:
    """One romanization scheme as read from its data file."""

    id: str
    name: str
    description: str
    url: str
    source: str
    comments: tuple[str, ...]
    letters: Mapping[str, str]
    extra_letters: Mapping[str, Mapping[str, str]]
    rules: tuple[Rule, ...]
    options: Mapping[str, Option]
    samples: tuple[Sample, ...]
    path: Path

    def letter_map(self, options: Mapping[str, bool] | None = None) -> dict[str, str]:
        """Lowercase letter → output with every named extra group and the enabled options applied."""
        table = dict(self.letters)
        for group in self.extra_letters.values():
            table.update(group)
        for name in self._enabled(options):
            table.update(self.options[name].letters)
        return table

    def all_rules(self, options: Mapping[str, bool] | None = None) -> tuple[Rule, ...]:
        extra = tuple(r for name in self._enabled(options) for r in self.options[name].rules)
        return extra + self.rules  # option rules first: they refine the base rules

    def _enabled(self, options: Mapping[str, bool] | None) -> list[str]:
        options = options or {}
        unknown = set(options) - set(self.options)
        if unknown:
            raise SchemeNotFound(
                f"scheme {self.id} has no option {', '.join(sorted(unknown))}"
                f" (options: {', '.join(self.options) or 'none'})"
            )
        return [n for n, o in self.options.items() if options.get(n, o.default)]

    def romanize(self, text: str, **options: bool) -> str:
        return _compiled(self.id, _options_key(options)).convert(text)


# ---------------------------------------------------------------- loading and validation (one place)


def load_scheme_file(path: Path) -> Scheme:
    """Read and validate one scheme file; ParseError names the file and the offending key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ParseError(path, e.lineno, f"invalid JSON: {e.msg}") from e
    errors = sorted(schema_errors(SCHEMA_PATH, data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        err = errors[0]
        key = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise ParseError(path, None, f"{key}: {describe(err)}")
    overlap = {c for group in data.get("extra_letters", {}).values() for c in group} & set(RUSSIAN)
    if overlap:
        raise ParseError(path, None, f"extra_letters: redefines Russian letters {''.join(sorted(overlap))}")

    def rule(d: dict[str, Any]) -> Rule:
        return Rule(
            d["name"],
            d["match"],
            d["output"],
            tuple(d.get("after", ())),
            tuple(d.get("before", ())),
            d.get("comment", ""),
        )

    return Scheme(
        id=data["id"],
        name=data["name"],
        description=data["description"],
        url=data["url"],
        source=data["source"],
        comments=tuple(data["comments"]),
        letters=data["letters"],
        extra_letters=data.get("extra_letters", {}),
        rules=tuple(rule(r) for r in data.get("rules", ())),
        options={
            n: Option(
                n,
                o["description"],
                o["default"],
                o.get("letters", {}),
                tuple(rule(r) for r in o.get("rules", ())),
            )
            for n, o in data.get("options", {}).items()
        },
        samples=tuple(
            Sample(s["cyrillic"], s["latin"], s.get("note", ""), s.get("options", {}))
            for s in data["samples"]
        ),
        path=path,
    )


class _SchemeRegistry(Mapping[str, Scheme]):
    """id → Scheme, loaded and validated on first access."""

    def __init__(self) -> None:
        self._schemes: dict[str, Scheme] | None = None

    def _load(self) -> dict[str, Scheme]:
        if self._schemes is None:
            schemes = {}
            for sid in SCHEME_IDS:
                path = SCHEME_DIR / f"{sid}.json"
                scheme = load_scheme_file(path)
                if scheme.id != sid:
                    raise ParseError(path, None, f"id: {scheme.id!r} does not match the file name")
                schemes[sid] = scheme
            self._schemes = schemes
        return self._schemes

    def __getitem__(self, key: str) -> Scheme:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(SCHEME_IDS)

    def __len__(self) -> int:
        return len(SCHEME_IDS)


SCHEMES: Mapping[str, Scheme] = _SchemeRegistry()


def scheme_ids() -> list[str]:
    return list(SCHEME_IDS)


def get_scheme(scheme_id: str) -> Scheme:
    """The scheme with this id; SchemeNotFound lists the valid ids."""
    if scheme_id not in SCHEME_IDS:
        raise SchemeNotFound(f"unknown scheme {scheme_id!r} (valid: {', '.join(SCHEME_IDS)})")
    return SCHEMES[scheme_id]


# ---------------------------------------------------------------- the compiled engine


def _title(s: str) -> str:
    return s[:1].upper() + s[1:]


def _cls(chars: str) -> str:
    """A regex character class matching *chars* in both cases."""
    both = "".join(dict.fromkeys(chars + chars.upper()))
    return "[" + re.escape(both) + "]"


def _context_chars(items: tuple[str, ...]) -> str:
    return "".join(CLASSES.get(i, i) for i in items if i not in ("^", "$"))


def _rule_pattern(rule: Rule) -> str:
    """The rule as a regex alternative that runs after its first letter has been consumed."""
    match = "".join(_cls(c) for c in rule.match)
    pattern = f"(?<={_cls(rule.match[0])})" + "".join(_cls(c) for c in rule.match[1:])
    if rule.after:
        pattern += _context_alternatives(
            rule.after, "^", f"(?<![{_CYR}]{match})", lambda cls: f"(?<={cls}{match})"
        )
    if "$" in rule.before and not rule.after:
        pattern += f"(?<=[{_CYR}]{match})"  # an ending needs a stem: ий alone is not the -ий ending
    if rule.before:
        pattern += _context_alternatives(rule.before, "$", f"(?![{_CYR}])", lambda cls: f"(?={cls})")
    return pattern


def _context_alternatives(context, edge: str, edge_pattern: str, around) -> str:
    """One lookaround for a rule context: the word edge (`^`/`$`) and/or a class of letters."""
    alts = [edge_pattern] if edge in context else []
    chars = _context_chars(context)
    if chars:
        alts.append(around(_cls(chars)))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_FAST_TABLE_SIZE = 0x2100  # Latin, Greek, Cyrillic, general punctuation (dashes, quotes)
# From this many characters a text is translated through the cp1251 codec (glossary.romanization.
# transcode: half the time of str.translate on a long text, more on a word).
_TRANSCODE_FROM = 512
# A Cyrillic letter the scheme does not map stays as it is, after this private-use character in
# `CompiledScheme.romanized`'s first result, so one search of the output (`in`, a memchr for its
# low byte, rare in romanized text) tells whether any was left, instead of a scan for Cyrillic.
UNMAPPED_MARK = "\ue0e0"
_MARKED_RE = re.compile(f"{UNMAPPED_MARK}(?=[\u0400-\u052f])")
# The context rules are tried letter by letter (CompiledScheme._rules) when their first letters, in
# both cases, are at most this many, and stand at most once in this many characters of the text.
_FIND_LETTERS = 4
_SPARSE_RULES = 64


def _occurrences(text: str, letters: str) -> Iterator[int]:
    """Every position of each of *letters* in *text* (letter by letter, not in text order)."""
    for letter in letters:
        pos = text.find(letter)
        while pos != -1:
            yield pos
            pos = text.find(letter, pos + 1)


class CompiledScheme:
    """A scheme compiled for one option set: a translate table and one regex for the context rules."""

    def __init__(self, scheme: Scheme, options: Mapping[str, bool]):
        self.scheme = scheme
        letters = scheme.letter_map(options)
        self.table: dict[int, str] = {}
        for c, out in letters.items():
            self.table[ord(c)] = out
            if c.upper() != c:
                self.table[ord(c.upper())] = _title(out)
        # The same table as a list indexed by code point, every other character mapped to itself: for
        # str.translate a list lookup is a third faster than a dict's, and a character the dict lacks
        # costs it a KeyError. Past the list's end (beyond U+20FF: rare in text) the lookup fails
        # as with the dict, and the character stays.
        self.fast_table: list[int | str] = list(range(max(_FAST_TABLE_SIZE, max(self.table) + 1)))
        for code, out in self.table.items():
            self.fast_table[code] = out
        self._transcoders: dict[int, Transcoder] = {}  # by id() of the table: the two tables here
        self.marked_table = list(self.fast_table)  # the unmapped Cyrillic letters marked (romanized)
        for code in range(0x400, 0x530):
            if code not in self.table:
                self.marked_table[code] = UNMAPPED_MARK + chr(code)
        rules = sorted(scheme.all_rules(options), key=lambda r: -len(r.match))  # stable: longest first
        self.outputs = [r.output for r in rules]
        # One regex for all rules. It starts with a character class of the rules' first letters so the
        # scan is a fast C loop; each alternative ends in an empty group that names its rule.
        firsts = "".join(dict.fromkeys(r.match[0] for r in rules))
        self.rules_re = (
            re.compile(_cls(firsts) + "(?:" + "|".join(f"{_rule_pattern(r)}()" for r in rules) + ")")
            if rules
            else None
        )
        self.rule_firsts = "".join(dict.fromkeys(firsts + firsts.upper()))
        self.caps_word = lru_cache(maxsize=20_000)(self._caps_word)

    def _rule_sub(self, m: re.Match) -> str:
        assert m.lastindex is not None  # every alternative ends in its own group
        out = self.outputs[m.lastindex - 1]
        return _title(out) if m.group()[0].isupper() else out

    def _lower(self, text: str, table: list[int | str] | None = None) -> str:
        if self.rules_re is not None:
            text = self._rules(text)
        table = self.fast_table if table is None else table
        if len(text) < _TRANSCODE_FROM:
            return text.translate(table)
        transcoder = self._transcoders.get(id(table))
        if transcoder is None:
            transcoder = self._transcoders[id(table)] = Transcoder(table)
        return transcoder(text)

    def _rules(self, text: str) -> str:
        """The context rules. When their first letters are few and rare in *text* (LC's and ALA-LC's
        one rule starts with ъ), the regex is tried only where one of them stands (found by
        str.find, many times faster than the regex's scan); else one regex pass over the text. The
        same replacements either way: a match can only start on one of those letters."""
        assert self.rules_re is not None
        firsts = self.rule_firsts
        if len(firsts) <= _FIND_LETTERS:
            hits = sum(map(text.count, firsts))
            if hits == 0:
                return text
            if hits * _SPARSE_RULES < len(text):
                return self._rules_at(text, sorted(_occurrences(text, firsts)))
        return self.rules_re.sub(self._rule_sub, text)

    def _rules_at(self, text: str, positions: list[int]) -> str:
        assert self.rules_re is not None
        match = self.rules_re.match  # lookbehinds see the text before the position, as in sub()
        parts: list[str] = []
        done = 0
        for pos in positions:
            if pos < done:
                continue  # inside the previous replacement
            m = match(text, pos)
            if m is not None:
                parts.append(text[done:pos])
                parts.append(self._rule_sub(m))
                done = m.end()
        if not parts:
            return text
        parts.append(text[done:])
        return "".join(parts)

    def lower_word(self, text: str) -> str:
        """Romanize lower-case NFC text: the context rules and the letter table, without the ALL-CAPS
        pass (reverse romanization round-trips many lower-case candidates per word)."""
        return self._lower(text)

    def _caps_word(self, word: str) -> str:
        if any(c in _UPPER_VOWELS for c in word):
            # a letter the scheme leaves stays Cyrillic here, and the whole text's pass marks it
            return self._lower(word.lower()).upper()
        return word  # an initialism (ЦК → TsK): per-letter capitals from the table

    def _caps_sub(self, m: re.Match) -> str:
        return self.caps_word(m.group())

    def bulk(self, text: str) -> str:
        """Romanize NFC text: ALL-CAPS words first, then the context rules, then the letter table."""
        return self.romanized(text)[0]

    def romanized(self, nfc: str) -> tuple[str, bool]:
        """(NFC text romanized, whether a Cyrillic letter the scheme does not map was left in it)."""
        out = self._lower(_CAPS_RE.sub(self._caps_sub, nfc), self.marked_table)
        if UNMAPPED_MARK not in out:
            return out, False  # every Cyrillic letter had its romanization
        out = _MARKED_RE.sub("", out)  # the marks only: the text's own private-use characters stay
        return out, not out.isascii() and _CYRILLIC.search(out) is not None

    def convert(self, text: str) -> str:
        return self.convert_checked(text)[0]

    def convert_checked(self, text: str) -> tuple[str, bool]:
        """(*text* romanized, whether a Cyrillic letter the scheme does not map was left in it)."""
        # Whole-text passes in C (a regex scan for capitals, one for the rules, str.translate) measured
        # faster than caching space-separated tokens: the Python work per token costs more than it saves.
        if text.isascii():
            return text, False
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return self.romanized(text)


def _options_key(options: Mapping[str, bool] | None) -> tuple[tuple[str, bool], ...]:
    return tuple(sorted((options or {}).items()))


@lru_cache(maxsize=64)
def _compiled(scheme_id: str, options: tuple[tuple[str, bool], ...]) -> CompiledScheme:
    return CompiledScheme(get_scheme(scheme_id), dict(options))


def engine(scheme_id: str, options: Mapping[str, bool] | None = None) -> CompiledScheme:
    """The compiled (and cached) engine of a scheme: `.convert(text)`, `.bulk(nfc_text)`."""
    return _compiled(scheme_id, _options_key(options))


def clear_caches() -> None:
    """Forget the compiled schemes (benchmarks measure cold runs with this)."""
    _compiled.cache_clear()
