"""How one word of a romanized Russian title is written in a citation scheme: its Russian reading
romanized, in the scheme's title case (`titlecase.json`: sentence case for LC), proper names kept
capitalised; whether that form is certain enough for a safe fix; and a termbase publication's own
words. The runs of words themselves are found by glossary.lint.titles."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..termbase.model import ConceptType
from .romanized import Reading, is_acronym, normalize_marks, strip_marks

if TYPE_CHECKING:
    from .rules.base import LintContext

_PROPER_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")


@dataclass(frozen=True)
class CitedWord:
    """One word of a run: `doc.text[start:end] == text`; `reading` None for a function word read as
    itself."""

    text: str
    start: int
    end: int
    reading: Reading | None
    function: bool = False
    sentence_start: bool = False  # the first word of the title or of a part after `.` `?` `!`
    after_given_name: bool = False  # a capitalised word after a first name (Genrikh Iagoda): a surname
    # A word an institution's name writes with a capital (Sovet Ministrov, Glavnoe upravlenie): it
    # keeps a capital it is written with (see organisation_capitals).
    organisation: bool = False

    @property
    def cyrillic(self) -> str | None:
        return self.reading.cyrillic if self.reading is not None else None


@cache
def title_rules() -> dict[str, str]:
    """Scheme id → its title rule ("sentence": only the first word and proper names capitalised)."""
    data = json.loads(resources.files("glossary.lint").joinpath("titlecase.json").read_text("utf-8"))
    return {k: v for k, v in data["schemes"].items()}


def is_proper(ctx: LintContext, word: CitedWord) -> bool:
    """Does the word name a person, place or organisation (so it keeps its capital in any title)?
    The names lexicon, the termbase (a Russian term of a person, place or organisation written with
    a capital) or pymorphy3's proper-noun tag on the reading's best parse decide."""

    reading = word.reading
    if reading is None:
        return False
    names = _termbase_capitalised(ctx)
    if reading.name or word.after_given_name or reading.cyrillic in names:
        return True
    lemmas, tagged = _proper_parse(reading.cyrillic)
    if any(lemma in names for lemma in lemmas):
        return True  # Kremlia: кремля, a form of the termbase's place Кремль
    return tagged


@lru_cache(maxsize=50_000)
def _proper_parse(cyrillic: str) -> tuple[tuple[str, ...], bool]:
    """(the lemmas of the two best known parses, whether the best carries a proper-noun tag)."""
    from ..russian import morph

    parses = [p for p in morph.parses(cyrillic) if p.is_known]
    return tuple(p.normal_form for p in parses[:2]), bool(parses) and any(
        t in parses[0].tag for t in _PROPER_TAGS
    )


def maybe_proper(ctx: LintContext, word: CitedWord) -> bool:
    """Could the word be a proper name? (Iagoda: ягода is a berry, and a surname.) A capital on such
    a word is left alone: only the writer knows which is meant."""
    from ..russian import morph
    from .rules.analysis import analysis

    reading = word.reading
    if reading is None:
        return word.text[:1].isupper()
    if is_proper(ctx, word) or analysis(ctx).romanized.name_reading(word.text) is not None:
        return True
    return any(
        p.is_known and any(t in p.tag for t in _PROPER_TAGS)
        for alt in reading.alternatives
        for p in morph.parses(alt)
    )


_NAME_TYPES = frozenset({ConceptType.PERSON, ConceptType.PLACE, ConceptType.ORGANIZATION})


def _termbase_capitalised(ctx: LintContext) -> dict[str, bool]:
    from ..russian import morph

    cached = getattr(ctx, "_titles_capitalised", None)
    if cached is None:
        cached = {}
        if ctx.termbase is not None:
            for concept in ctx.termbase:
                if concept.type not in _NAME_TYPES:
                    continue  # a newspaper's Правда is a title, not a name
                for term in concept.terms_in("ru"):
                    if concept.type is not ConceptType.PERSON and len(term.text.split()) > 1:
                        continue  # Советская армия, Российская Советская …: no word a name on its own
                    for w in term.text.split():
                        if w[:1].isupper():
                            cached[w.lower()] = True
                            cached[morph.lemma(w.lower())] = True
        ctx._titles_capitalised = cached  # type: ignore[attr-defined]
    return cached


@cache
def _bundled_heads() -> tuple[str, ...]:
    data = json.loads(resources.files("glossary.lint").joinpath("organisations.json").read_text("utf-8"))
    return tuple(data["heads"])


# A head: the lemma of each word, and whether Russian writes that word with a capital.
_Head = tuple[tuple[str, ...], tuple[bool, ...]]


def _head(words: list[str]) -> _Head:
    from ..russian import morph

    return tuple(morph.lemma(w.lower()) for w in words), tuple(w[:1].isupper() for w in words)


def organisation_heads(ctx: LintContext) -> list[_Head]:
    """The bundled heads of institutions' names (`organisations.json`) and the termbase's organisation
    names of two words or more, each up to its last capitalised word that is no acronym (Главное
    управление лагерей → Главное управление; Красная армия)."""
    cached = getattr(ctx, "_organisation_heads", None)
    if cached is None:
        cached = [_head(h.split()) for h in _bundled_heads()]
        if ctx.termbase is not None:
            for concept in ctx.termbase:
                if concept.type is not ConceptType.ORGANIZATION:
                    continue
                for term in concept.terms_in("ru"):
                    words = term.text.split()
                    capital = [i for i, w in enumerate(words) if w[:1].isupper() and not is_acronym(w)]
                    if len(words) >= 2 and capital and capital[0] == 0:
                        cached.append(_head(words[: max(2, capital[-1] + 1)]))
        cached = sorted(set(cached), key=lambda h: -len(h[0]))
        ctx._organisation_heads = cached  # type: ignore[attr-defined]
    return cached


def organisation_capitals(ctx: LintContext, words: list[CitedWord]) -> set[int]:
    """The indices of the words of a title that an institution's name writes with a capital: the run
    holds a head (see organisation_heads) word for word, by lemma (Voennogo soveta: Военный совет)."""
    from ..russian import morph

    lemmas = [
        morph.lemmas(w.reading.cyrillic) | {w.reading.cyrillic} if w.reading is not None else frozenset()
        for w in words
    ]
    out: set[int] = set()
    for head, capitals in organisation_heads(ctx):
        for i in range(len(words) - len(head) + 1):
            if all(h in lemmas[i + j] for j, h in enumerate(head)):
                out.update(i + j for j, cap in enumerate(capitals) if cap)
    return out


def keeps_own_case(word: str) -> bool:
    """Acronyms and words with an inner capital (`SSSR`, `TsK`, `VChK`) are written as they are."""
    letters = strip_marks(word)
    return is_acronym(word) or any(ch.isupper() for ch in letters[1:])


def termbase_title(ctx: LintContext, word: CitedWord) -> tuple[str, str] | None:
    """(the word's spelling, the Cyrillic title) when the word belongs to a publication the termbase
    knows (see runs())."""
    forms: dict[int, tuple[str, str]] = getattr(ctx, "_title_forms", {})
    return forms.get(id(word))


def expected_form(ctx: LintContext, word: CitedWord, scheme: str) -> str | None:
    """How the citation scheme writes *word* inside a title: its Russian reading romanized, in the
    scheme's title case (sentence case: capital for the first word of a title or of a part after a full
    stop, and for proper names). None when there is nothing to say (no reading, or a word written as it is)."""
    from ..romanization.romanize import romanize

    fixed = termbase_title(ctx, word)
    if fixed is not None:
        return fixed[0]  # the termbase's publication: its own grammatical form and spelling
    if keeps_own_case(word.text):
        return None
    if word.function:
        letters = word.text.lower() if word.reading is None else romanize(word.reading.cyrillic, scheme)
        cyr = _function_cyrillic(word.text.lower())
        letters = romanize(cyr, scheme) if cyr else letters
    elif word.reading is None:
        return None
    else:
        letters = _romanized(word.reading.cyrillic, scheme)
    rule = title_rules().get(scheme)
    if rule == "sentence":
        capital = (
            word.sentence_start
            or (not word.function and is_proper(ctx, word))
            or (not word.function and word.text[:1].isupper() and maybe_proper(ctx, word))
            or (word.organisation and word.text[:1].isupper())
        )
    else:
        capital = word.text[:1].isupper()
    letters = letters.lower()
    return letters[:1].upper() + letters[1:] if capital else letters


@lru_cache(maxsize=50_000)
def _romanized(cyrillic: str, scheme: str) -> str:
    from ..romanization.romanize import romanize

    return romanize(cyrillic, scheme)


@cache
def _function_cyrillic(word: str) -> str | None:
    """The Russian function word a romanized one spells (dlya, dlja → для)."""
    from ..romanization.romanize import SCHEME_IDS, romanize

    for cyr in (
        "и",
        "в",
        "во",
        "на",
        "с",
        "со",
        "к",
        "ко",
        "о",
        "об",
        "обо",
        "по",
        "за",
        "из",
        "от",
        "до",
        "у",
        "при",
        "без",
        "для",
        "под",
        "над",
        "перед",
        "или",
        "как",
        "не",
        "ни",
        "а",
        "но",
        "да",
        "ли",
        "же",
        "бы",
    ):
        if any(normalize_marks(romanize(cyr, s)).lower() == word for s in SCHEME_IDS):
            return cyr
    return None


# Schemes that keep й, ы and и apart (Wikipedia and ICAO write тайный and тайны alike as tayny/tainy):
# a spelling one of them writes exactly names its Russian word.
_LETTER_FOR_LETTER = ("lc", "ala-lc", "bgn", "iso9", "gost-b", "scholarly")


def unambiguous(ctx: LintContext, word: CitedWord, scheme: str) -> bool:
    """Is the scheme's form of *word* certain? Yes when every Russian reading that some scheme writes
    exactly as the word (else every reading) gives the same letters and the same capital
    (Tayny: тайны alone is written so; Istorii: истории and историй are both istorii)."""
    from ..romanization.romanize import romanize

    if termbase_title(ctx, word) is not None:
        return True
    reading = word.reading
    if reading is None:
        return word.function
    key = normalize_marks(word.text).lower()
    exact = [
        a
        for a in reading.alternatives
        if any(normalize_marks(romanize(a, s)).lower() == key for s in _LETTER_FOR_LETTER)
    ]
    forms = {romanize(a, scheme).lower() for a in exact or reading.alternatives}
    if len(forms) > 1:
        return False
    if title_rules().get(scheme) == "sentence" and word.organisation and word.text[:1].isupper():
        return True  # the capital an institution's name gives it
    if title_rules().get(scheme) == "sentence" and not word.sentence_start:
        return len({is_proper(ctx, _with_reading(word, a)) for a in exact or reading.alternatives}) == 1
    return True


def _with_reading(word: CitedWord, cyrillic: str) -> CitedWord:
    from dataclasses import replace

    assert word.reading is not None
    return replace(
        word,
        reading=replace(
            word.reading, cyrillic=cyrillic, name=word.reading.name and cyrillic == word.reading.cyrillic
        ),
    )


def same_letters(written: str, expected: str) -> bool:
    """Equal but for letter case and the apostrophe's typographic form (' and ’)."""
    return written.replace("’", "'").lower() == expected.replace("’", "'").lower()
