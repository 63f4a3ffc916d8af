"""Which Latin words of an English text are romanized Russian, and which Russian word each one is.

A word counts as romanized Russian when

1. it is written in Latin letters (with the marks romanization uses for ь/ъ) and is not an acronym,
2. it is not better taken as English, judged by real word-frequency lists (`wordfreq`), not a hand
   list: a word common in English is English (`coup`, `pace`, `Howard`); a capitalised word that
   English knows but rarely (Zipf 1–3.5) is Russian only when its Russian reading is clearly more
   frequent in Russian than the word is in English (`Yezhov` 1.4 vs ежов 3.0 — yes; `Serology` 2.0
   vs серологий 0.0, `Jair` 2.1 vs яир 2.4 — no); a lower-case word must be rarer still, and
3. a scheme's letter table or, failing that, reverse romanization (`glossary.romanization.reverse.reverse`) reads
   it as a Russian word form that the morphological dictionary or the termbase knows.

A capitalised word is first looked up in the names lexicon (`glossary.russian.names`): an observed spelling of
a Russian name, or one the conventional spellings explain (Yuri, Alexei, Rachmaninoff), reads as that
name — before any letter table, which reads `Dmitry` as дмитры — and is not taken for English. An
unknown surname (Pepelyaev) reads as the reverse romanization that ends like Russian surnames do, so
its spellings still make a group; such a guess is no evidence of a scheme (R102, R103 pass it by).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..core import limits
from ..core.memo import MEMOS, shared_memo
from ..russian.frequency import zipf
from ..termbase.model import Termbase
from .tables import (
    ALL_MARKS,
    MARK_SET,
    SOFT_MARKS,
    _is_given_name,
    _is_name,
    _schemes_writing,
    normalize_marks,
    table_readings,
)

_LATIN_WORD = re.compile(rf"[A-Za-zÀ-ɏ{ALL_MARKS}]+")
_POSSESSIVE = re.compile(r"['’]s$")

# Zipf ≥ 3.5 is a word seen about three times per million words: ordinary English vocabulary,
# whatever else it may be (Boris 3.9, Vera 3.7).
ENGLISH_ZIPF = 3.5
# Between LOWER_ZIPF and ENGLISH_ZIPF a capitalised word is Russian when its reading is at least
# this much more frequent in Russian than the word in English (Mikoyan 1.7 vs микоян 2.9: Russian;
# Lian 2.7 vs лян 3.1: English). Names of every nation are transliterated in Russian too.
RUSSIAN_MARGIN = 1.0
# A capitalised word with no Russian reading (a misspelling such as Rossia) still counts as foreign
# below this, so it can join a group of spellings that a readable spelling started (R101).
UNREAD_ZIPF = 2.0
# A lower-case word is held to a stricter bar: English has many rare common words (centralist,
# Zipf 1.9) while romanized common nouns are rarer still (kraikom 0, voinakh 0) or established
# loanwords that English spells its own way (kolkhoz 1.9, oblast 2.6).
LOWER_ZIPF = 1.0
# A name this frequent in English has an established English spelling (Engels 2.9, Trotsky 2.9,
# Alexei 3.1): R102 does not ask to respell it, though it still counts for consistency (R101).
ESTABLISHED_ZIPF = 2.8
# A word English knows well (Zipf ≥ 3.5) is still a candidate when the names lexicon reads it as a
# Russian name this much more frequent in Russian than the word in English (Yuri 3.6 vs юрий 4.8:
# yes; Jury 4.5 vs юрий 4.8, Mark 5.1 vs марк 4.6: no).
NAME_MARGIN = 0.5
# The least reverse-romanization score (trigram plausibility; a dictionary word scores 0.6–1.0) at
# which an unknown word with a Russian surname ending is taken for that surname (Pepelyaev 0.29).
SURNAME_GUESS_SCORE = 0.2


@lru_cache(maxsize=200_000)
def english_zipf(word: str) -> float:
    return zipf(strip_marks(word).lower(), "en")


@shared_memo
def russian_zipf(cyrillic: str) -> float:
    return zipf(cyrillic.lower(), "ru")


_STRIP = dict.fromkeys(map(ord, ALL_MARKS), None)


def strip_marks(word: str) -> str:
    # Most words have no mark: a set test costs a fifth of str.translate (called 100,000s of times).
    return word if MARK_SET.isdisjoint(word) else word.translate(_STRIP)


def core(word: str) -> tuple[str, int]:
    """(the word without an English possessive `'s`, how many characters were cut off the end)."""
    if "s" not in word[-2:]:
        return word, 0  # no 's at the end: most words, and the regex search costs more than this
    m = _POSSESSIVE.search(word)
    if m and len(word) > 4:
        return word[: m.start()], len(word) - m.start()
    return word, 0


_HUSHING_Y = re.compile(r"(zh|sh|ch)y", re.IGNORECASE)


@cache
def scheme_letters() -> frozenset[str]:
    """Every character a romanized Russian word may hold: ASCII letters, the soft-sign marks and
    hyphen, and whatever any scheme writes for a Cyrillic letter (ISO 9's č, ë, ŝ …)."""
    from ..romanization.romanize import romanize, scheme_ids

    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    out = set(string.ascii_lowercase) | set(SOFT_MARKS) | set("-'’ʹʺ\"″")
    for scheme in scheme_ids():
        out.update(romanize(alphabet, scheme).lower())
        out.update(romanize(alphabet.upper(), scheme).lower())
    return frozenset(out)


def is_latin_word(word: str) -> bool:
    return bool(_LATIN_WORD.fullmatch(word)) and any(ch.isalpha() for ch in word)


def is_acronym(word: str) -> bool:
    letters = strip_marks(word)
    return len(letters) > 1 and letters.isupper() and not re.fullmatch(r"[A-Z][A-Z][a-z]+", letters)


def case_shape(word: str) -> str:
    letters = strip_marks(word)
    if len(letters) > 1 and letters.isupper():
        return "upper"
    return "title" if letters[:1].isupper() else "lower"


def apply_case(word: str, shape: str) -> str:
    if shape == "upper":
        return word.upper()
    if shape == "title":
        return word[:1].upper() + word[1:].lower()
    return word.lower()


@dataclass(frozen=True)
class Reading:
    """How a romanized word reads in Russian: the best dictionary-known Cyrillic form."""

    word: str
    cyrillic: str
    score: float
    alternatives: tuple[str, ...]  # every known Cyrillic candidate, best first
    schemes: tuple[str, ...] = ()  # schemes that write `cyrillic` exactly as `word` (none: a loose reading)
    name: bool = False  # the names lexicon vouches that `cyrillic` is a Russian name

    @property
    def unambiguous(self) -> bool:
        return len(self.alternatives) == 1


class Romanized:
    """Classifies Latin words (cached) against one termbase and one house scheme."""

    def __init__(self, termbase: Termbase | None = None, scheme: str = "lc", min_score: float = 0.3):
        self.termbase = termbase
        self.scheme = scheme
        self.min_score = min_score
        self._readings: dict[str, Reading | None] = {}
        self._candidates: dict[tuple[str, bool], bool] = {}
        self._house: dict[str, str] = {}
        self._by_scheme: dict[str, tuple[dict[str, Reading | None], dict[str, str]]] = {}
        self._names: dict[str, str | None] = {}
        self._may: dict[str, tuple[bool, bool]] = {}  # word → _may_read (the same under every scheme)
        self.known_spellings: dict[str, str] = {}
        self.approved_spellings: dict[str, str] = {}
        if termbase is not None:  # built once per termbase version, and cached on disk (termcache)
            from ..core.termcache import derived

            self.known_spellings = derived(termbase, "lint-spellings", dict, _termbase_spellings)
            self.approved_spellings = derived(termbase, "lint-approved", dict, approved_english_spellings)

    # ------------------------------------------------ memos shared with a helper process (parallel.py)

    def _memos(self) -> dict[str, dict]:
        """The memos of pure functions of a word that readings fill (not the readings themselves:
        which spelling of a word is read first decides its reading)."""
        from ..romanization.lexicon import Lexicon

        return {
            **MEMOS,
            "may": self._may,
            "names": self._names,
            "ranked": Lexicon.of(self.termbase).ranked,
        }

    def memo_marks(self) -> dict[str, int]:
        return {name: len(memo) for name, memo in self._memos().items()}

    def memos_since(self, marks: dict[str, int]) -> dict[str, list[tuple[Any, Any]]]:
        """The entries added since `memo_marks` gave *marks* (all of a memo that was cleared since)."""
        out = {}
        for name, memo in self._memos().items():
            mark = marks.get(name, 0)
            items = list(memo.items())
            out[name] = items[mark:] if len(items) >= mark else items
        return out

    def add_memos(self, memos: dict[str, list[tuple[Any, Any]]]) -> None:
        mine = self._memos()
        for name, items in memos.items():
            if name in mine:
                mine[name].update(items)

    def set_scheme(self, scheme: str) -> None:
        """Make *scheme* the house scheme (readings are ranked by it). The readings made under each
        scheme are kept apart, so a re-run that detects the house scheme again (after `--fix`)
        reads only the words it has not read under either scheme."""
        if scheme == self.scheme:
            return
        self._by_scheme[self.scheme] = (self._readings, self._house)
        self.scheme = scheme
        self._readings, self._house = self._by_scheme.get(scheme, ({}, {}))

    def candidate(self, word: str, *, marked: bool = False) -> bool:
        key = (word, marked)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = self._candidate(word, marked)
        return found

    def _candidate(self, word: str, marked: bool) -> bool:
        """Could *word* be romanized Russian, judged by its shape and English frequency only?

        *marked*: the text itself marks the word as foreign (italics, an inline gloss), so a
        lower-case word only has to be rarer than ordinary English vocabulary (gorkom, 1.1).
        """
        if len(strip_marks(word)) < 3 or len(word) > limits.LIMITS.max_word:
            return False  # past max_word: passed over, never read (the CLI notes it)
        if not is_latin_word(word) or is_acronym(word) or not scheme_letters().issuperset(word.lower()):
            return False  # a letter no scheme writes (Andreï, Pļavnieki): another language's spelling
        if normalize_marks(word).lower() in self.known_spellings:
            return True
        if len(word) < 4 and not word[:1].isupper() and not marked:
            return False  # xnu, opy: short lower-case tokens of technical text
        zipf = english_zipf(word)
        if word[:1].isupper() and zipf >= ENGLISH_ZIPF:
            # An English name that is a Russian name's usual spelling (Yuri, Elena; not Jury, Mark).
            # The lexicon alone decides here: every capitalised English word passes this way.
            from ..russian.names import lexicon

            name = lexicon().reading(normalize_marks(word).lower())
            return name is not None and russian_zipf(name.cyrillic) >= zipf + NAME_MARGIN
        return zipf < (ENGLISH_ZIPF if word[:1].isupper() or marked else LOWER_ZIPF)

    def english_like(self, word: str) -> bool:
        """Is *word* better taken as English? (see the thresholds above)"""
        if normalize_marks(word).lower() in self.known_spellings:
            return False
        zipf = english_zipf(word)
        if not word[:1].isupper():
            return zipf >= LOWER_ZIPF
        if zipf < LOWER_ZIPF:
            # Unknown to English; but a name whose reading Russian never uses either (Smolej as
            # смолей, Mariëtte) is some other language's.
            reading = self.reading(word)
            return (
                reading is not None
                and not reading.name
                and "termbase" not in reading.schemes
                and russian_zipf(reading.cyrillic) == 0
            )
        if zipf >= ENGLISH_ZIPF:
            return True
        reading = self.reading(word)
        if reading is None:  # no Russian reading to weigh against: only rare words stay foreign
            return zipf >= UNREAD_ZIPF
        return zipf > russian_zipf(reading.cyrillic) - RUSSIAN_MARGIN

    def reading(self, word: str) -> Reading | None:
        """The Russian reading of *word*, or None when no known Russian word form fits.

        A word the house scheme writes exactly so from a dictionary word is read directly (cheap);
        any other word goes through full reverse romanization over every scheme.
        """
        key = normalize_marks(word).lower()
        if key in self._readings:
            return self._readings[key]
        reading = None
        if key in self.known_spellings:
            cyr = self.known_spellings[key]
            reading = Reading(word, cyr, 1.0, (cyr,), ("termbase",))
        elif (
            word[:1].isupper()
            and (name := self.name_reading(word)) is not None
            and (reading := self._name_or_table(word, key, name)) is not None
        ):
            pass
        elif (may := self._may_read(word))[0] and (
            fast := table_readings(self.scheme, key, word[:1].isupper())
        ):
            cyr, schemes = fast[0]
            reading = Reading(word, cyr, 0.9, tuple(c for c, _ in fast), schemes)
        elif any(may):
            from ..romanization.reverse import reverse

            ranked = reverse(word, termbase=self.termbase, limit=10)
            cands = [c for c in ranked if c.known and c.score >= self.min_score]
            if cands:
                alts = tuple(dict.fromkeys(c.cyrillic.lower() for c in cands))
                reading = Reading(
                    word, cands[0].cyrillic.lower(), cands[0].score, alts, tuple(cands[0].schemes)
                )
            elif word[:1].isupper() and ranked:
                reading = self._surname_guess(word, ranked[0])
        self._readings[key] = reading
        return reading

    def warm(self, word: str) -> None:
        """Compute what `reading(word)` needs under any house scheme (the name, the letter tables,
        the quick test, reverse romanization) without making the reading itself."""
        key = normalize_marks(word).lower()
        if key in self.known_spellings:
            return
        if word[:1].isupper():
            self.name_reading(word)
        may = self._may_read(word)
        # every scheme's table is searched here (house_readings), whatever the house scheme
        if may[0] and (fast := table_readings(self.scheme, key, word[:1].isupper())):
            russian_zipf(fast[0][0])
        elif any(may):
            from ..romanization.reverse import reverse

            reverse(word, termbase=self.termbase, limit=10)

    def _may_read(self, word: str) -> tuple[bool, bool]:
        """(may a letter table or reverse romanization read *word* as a known word, may a capitalised
        word get a surname guess): the quick test of glossary.romanization.quick.may_read. A word
        with marks or letters outside plain ASCII is not tested (always (True, True)): the letter
        tables key it differently."""
        from ..romanization.quick import may_read
        from ..russian.names import lexicon

        found = self._may.get(word)
        if found is None:
            if not (word.isascii() and word.isalpha()):
                found = (True, True)
            else:
                endings = lexicon().surname_endings if word[:1].isupper() else frozenset()
                found = may_read(word, termbase=self.termbase, endings=endings)
            self._may[word] = found
        return found

    def _name_or_table(self, word: str, key: str, name: str) -> Reading | None:
        """The lexicon's name for *word*, unless a letter table reads it as a Russian word nearly as
        frequent (Gorki: горки, hills, not the writer Горький): then None, the table decides. The
        table's readings stay among the alternatives (Lyubov: любовь, and the любов of Liubov).
        When the table's word is itself a given name (Gavril: гаврил, a rarer form of Гавриил, the
        name the lexicon observed this spelling for), it comes first and the lexicon's name stays
        among the alternatives, so the spelling still groups with the name's other spellings."""
        fast = table_readings(self.scheme, key, True)
        if fast and fast[0][0] != name and russian_zipf(fast[0][0]) + RUSSIAN_MARGIN > russian_zipf(name):
            table = fast[0][0]
            if not _is_given_name(table):
                return None
            alts = (*(c for c, _ in fast), name)
            return Reading(word, table, 0.9, alts, fast[0][1])
        alts = (name, *(c for c, _ in fast if c != name))
        return Reading(word, name, 0.95, alts, _schemes_writing(name, key), name=True)

    def name_reading(self, word: str) -> str | None:
        """The Russian name (lower case) a capitalised *word* spells by the names lexicon: an observed
        spelling, or a conventional one (schemes/conventions.json) that rewrites to an observed
        spelling or to a spelling a letter table reads as a name the dictionary knows (Tchehov)."""
        key = normalize_marks(word).lower()
        if key not in self._names:
            self._names[key] = _name_reading(key)
        return self._names[key]

    def _surname_guess(self, word: str, best) -> Reading | None:
        """A surname no dictionary knows (Pepelyaev, Pepelyayev → пепеляев): the best reverse reading
        when a scheme writes it so and it ends like the lexicon's Russian surnames. Its schemes stay
        empty: a guess anchors a group of spellings (R101) but is no evidence of a scheme."""
        from ..russian.names import lexicon

        cyr = best.cyrillic.lower()
        if best.schemes and best.score >= SURNAME_GUESS_SCORE and lexicon().surname_shaped(cyr):
            return Reading(word, cyr, best.score, (cyr,), (), name=True)
        return None

    def group_key(self, word: str) -> str:
        """The key R101 groups spellings by: the skeleton of the name the lexicon reads *word* as,
        when its reading agrees (Alexei with Aleksei, Rachmaninoff with Rachmaninov, the termbase's
        Mandelstam with Mandelshtam), else the skeleton of the word. Only names: an exonym the
        termbase records (Moscow for Москва) stays apart from the romanization (the Moskva River)."""
        from ..romanization.reverse import skeleton

        if word[:1].isupper() and (name := self.name_reading(word)) is not None:
            reading = self.reading(word)
            if reading is not None and reading.cyrillic == name:
                return skeleton(name)
        # Russian writes и, never ы, after ж, ш, ч, щ: Dzerzhynsky can only be a slip for Dzerzhinsky.
        return skeleton(_HUSHING_Y.sub(r"\1i", strip_marks(word)))

    def guesses(self, word: str) -> tuple[str, ...]:
        """Cyrillic forms (lower case) a scheme writes exactly as *word*, best first, dictionary or
        not: what two spellings of a word no dictionary knows (Narkomiust, Narkomjust) can agree on."""
        from ..romanization.reverse import reverse

        return tuple(dict.fromkeys(c.cyrillic.lower() for c in reverse(word, limit=10) if c.schemes))

    def house_form(self, cyrillic: str) -> str:
        """The house-scheme spelling of a Cyrillic word form (conventional spellings honoured)."""
        if cyrillic not in self._house:
            from ..romanization.romanize import romanize

            # Without a termbase there are no conventional spellings to honour.
            self._house[cyrillic] = romanize(
                cyrillic, self.scheme, conventional=self.termbase is not None, termbase=self.termbase
            )
        return self._house[cyrillic]

    def strict_form(self, cyrillic: str) -> str:
        from ..romanization.romanize import romanize

        return romanize(cyrillic, self.scheme)

    def accepted(self, word: str, cyrillic: str) -> bool:
        """Does *word* spell *cyrillic* the house way (scheme, conventional or termbase spelling)?"""
        w = normalize_marks(word).lower()
        if self.known_spellings.get(w) == cyrillic and w in self._conventional_keys():
            return True
        if self.approved_spellings.get(w) == cyrillic:
            return True
        for form in (self.house_form(cyrillic), self.strict_form(cyrillic)):
            if normalize_marks(form).lower() == w:
                return True
        return False

    def _conventional_keys(self) -> set[str]:
        if not hasattr(self, "_conv"):
            self._conv = (
                set(_termbase_spellings(self.termbase, conventional_only=True))
                if self.termbase is not None
                else set()
            )
        return self._conv


def _termbase_spellings(termbase: Termbase, conventional_only: bool = False) -> dict[str, str]:
    """Latin spellings the termbase gives for its Russian words → the Russian word (lower-case).

    Conventional spellings and per-scheme romanization overrides of single words; for multi-word
    names the words are paired up when both sides have the same number of words.
    """
    out: dict[str, str] = {}
    for concept in termbase:
        for term in concept.terms_in("ru"):
            spellings = [term.conventional] if term.conventional else []
            if not conventional_only:
                spellings += list(term.romanization.values())
            ru_words = term.text.split()
            for spelling in spellings:
                if not spelling:
                    continue
                lat_words = spelling.split()
                if len(lat_words) == len(ru_words):
                    for lw, rw in zip(lat_words, ru_words, strict=True):
                        if is_latin_word(lw):
                            out.setdefault(normalize_marks(lw).lower(), rw.lower())
    return out


def _name_reading(key: str) -> str | None:
    from ..romanization.reverse import skeleton
    from ..russian.names import lexicon, rewrites

    lex = lexicon()
    found = lex.reading(key)
    if found is not None:
        return found.cyrillic
    # Only unmarked words: a mark is the writer's own sign (Engels' is a possessive, not энгельс).
    if key.isalpha() and (name := lex.by_skeleton(skeleton(key))) is not None:
        return name
    for spelled, _ in rewrites(key):
        for cyr, _schemes in table_readings("lc", spelled, True)[:1]:
            if _is_name(cyr):
                return cyr
    return None


def approved_english_spellings(termbase: Termbase) -> dict[str, str]:
    """Approved English terms that romanize the Russian term word for word (Kuybyshev admitted
    beside Kuibyshev, Yezhovshchina): spelling → Russian word, paired by skeleton key. R102 accepts
    them as house spellings; they are not evidence that a word is Russian (Soviet pairs with совет)."""
    from ..romanization.reverse import skeleton

    out: dict[str, str] = {}
    for concept in termbase:
        ru_keys = {skeleton(w.lower()): w.lower() for t in concept.terms_in("ru") for w in t.text.split()}
        for term in concept.approved("en"):
            for lw in term.text.split():
                if is_latin_word(lw) and (rw := ru_keys.get(skeleton(strip_marks(lw)))):
                    out.setdefault(normalize_marks(lw).lower(), rw)
    return out
