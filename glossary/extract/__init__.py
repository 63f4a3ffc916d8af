"""Candidate terms from English text that uses romanized Russian, as a draft termbase.

Three signals, strongest first:

- an inline gloss after a romanized word: `*klubok*, or "tangle"`, `*kraikom* [regional committee]`,
  `*lishentsy* ("deprived")`, `troikas, or groups of three officials`;
- an acronym with its expansion: `NKVD (People's Commissariat for Internal Affairs)` or the
  expansion first and the acronym in brackets;
- an italicised romanized word or short phrase (`*nomenklatura*`).

Each candidate gets the reconstructed Cyrillic (reverse romanization checked against the
morphological dictionary, reduced to the dictionary form), the gloss, the number of occurrences
and a confidence. Candidates the termbase already has are marked `known`. `write_draft` writes the
rest through `glossary.termbase.formats.write_termbase`, so the draft is imported with `glossary import`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..lint.document import Document
from ..lint.romanized import Romanized, strip_marks
from ..lint.rules.base import tokenize
from ..russian import morph
from ..termbase.model import Concept, ConceptType, Status, Term, Termbase

_WORDS = r"[^\W\d_][^\W\d_'’ʹ-]*(?:['’ʹ-][^\W\d_]+)*['’ʹ]?"
# A plain term starts where a word starts (not after a letter, nor after a letter and an inner mark):
# tried from every letter of a long word, each try running to its end, the scan would be quadratic.
_WORD_START = r"(?<![^\W\d_])(?<![^\W\d_]['’ʹ-])"
_TERM = rf"(?:[*_](?P<it>{_WORDS}(?: {_WORDS}){{0,3}})[*_]|{_WORD_START}(?P<plain>{_WORDS}))"
_QUOTED = r"[\"“']([^\"”'\n]{2,60}?)[,.]?[\"”']"
GLOSS_PATTERNS = [
    # X, or "gloss" / X, or gloss words (up to the next punctuation)
    ("or", re.compile(rf"{_TERM},? or (?:{_QUOTED}|(?P<bare>[a-z][a-z' -]{{2,60}}?)(?=[,.;:)\n]|$))")),
    # X [gloss] (an editor's bracket)
    ("bracket", re.compile(rf"{_TERM},? \[(?P<br>[^\[\]\d\n]{{3,60}}?)(?: --? ?[A-Z]{{1,3}})?\]")),
    # X ("gloss") or X (gloss)
    ("paren", re.compile(rf"{_TERM},? \((?:{_QUOTED}|(?P<pa>[a-z][^()\d\n]{{2,60}}?))\)")),
    # X, meaning "gloss"
    ("meaning", re.compile(rf"{_TERM},? (?:meaning|literally|i\.e\.) {_QUOTED}")),
]
_ITALIC_RE = re.compile(rf"(?<![*\w])[*_](?P<it>{_WORDS}(?: {_WORDS}){{0,3}})[*_](?![*\w])")
_ACRONYM_FIRST = re.compile(
    r"\b(?P<acr>[A-Z][A-Za-z]{0,2}[A-Z]{1,6}(?:\([a-zа-я]\))?)\s\((?P<exp>[A-Z][^()\d]{4,120}?)"
    r"(?:,[^()]*)?\)"
)
# The expansion starts at a word (or after an opening quote), for the same reason.
_EXPANSION_FIRST = re.compile(
    r"(?:(?<![\w'’-])|(?<=(?<![\w'’-])['’]))(?P<exp>(?:[A-Z][\w'’-]*\s(?:(?:of|for|the|and|on|in)\s)*){1,7}[A-Z][\w'’-]*)"
    r"\s\((?P<acr>[A-Z][A-Za-z]{0,2}[A-Z]{1,6})\)"
)


@dataclass
class Candidate:
    """A term candidate: the romanized form, its Russian reading, the gloss and the evidence."""

    latin: str
    cyrillic: str | None
    gloss: str | None = None
    kind: str = "italic"  # gloss | acronym | italic | title
    count: int = 0
    confidence: float = 0.0
    known: bool = False
    concept_id: str | None = None
    sources: list[str] = field(default_factory=list)
    person: bool = False  # a personal name (names lexicon, or the dictionary's name/surname tags)

    def key(self) -> str:
        return (self.cyrillic or strip_marks(self.latin)).lower()


_BASE_CONFIDENCE = {"gloss": 0.8, "acronym": 0.85, "italic": 0.5, "title": 0.7}
# Italic English phrases and editorial marks that must not become terms.
_SKIP_WORDS = {"op", "cit", "ibid", "passim", "et", "al", "sic", "viz"}


class Extractor:
    def __init__(self, termbase: Termbase | None, scheme: str = "lc"):
        self.termbase = termbase
        self.romanized = Romanized(termbase, scheme)
        self.found: dict[str, Candidate] = {}
        self.mentions: Counter[str] = Counter()
        self._index = None
        if termbase is not None:
            from ..recognition.recognize import TermIndex

            self._index = TermIndex(termbase)

    def read_phrase(self, phrase: str) -> tuple[str, str] | None:
        """(dictionary-form Latin, dictionary-form Cyrillic) of a romanized phrase, or None when a
        word of it is English or has no known Russian reading."""
        latin_words, cyr_words = [], []
        for word in phrase.split():
            if word.lower() in _SKIP_WORDS or not self.romanized.candidate(word, marked=True):
                return None
            reading = self.romanized.reading(word)
            base = word
            if reading is None and len(word) > 4 and word.endswith("s"):  # English plural: troikas
                if _english_plural(word):
                    return None  # purges is English, not пурга
                base = word[:-2] if word.endswith("es") and self.romanized.reading(word[:-2]) else word[:-1]
                reading = self.romanized.reading(base)
            if reading is None:
                return None
            cyr = reading.cyrillic
            # A capitalised word is a name or a title: it keeps its own form (Kamenev is not каменеть,
            # the title Tainy not Тайна); a common noun goes to its dictionary form.
            if len(phrase.split()) == 1 and not word[:1].isupper():
                cyr = morph.lemma(cyr)
                base = self._latin_for(base, reading.cyrillic, cyr)
            latin_words.append(base)
            cyr_words.append(cyr[:1].upper() + cyr[1:] if word[:1].isupper() else cyr)
        return " ".join(latin_words), " ".join(cyr_words)

    def _latin_for(self, written: str, form: str, lemma: str) -> str:
        """The romanized dictionary form in the writer's own style when the form is the lemma."""
        if form == lemma:
            return written
        latin = self.romanized.house_form(lemma)
        return latin[:1].upper() + latin[1:] if written[:1].isupper() else latin

    def add(
        self,
        latin: str,
        cyrillic: str | None,
        kind: str,
        where: str,
        gloss: str | None = None,
        score: float = 1.0,
        person: bool = False,
    ) -> None:
        cand = Candidate(latin, cyrillic, gloss, kind, person=person)
        existing = self.found.get(cand.key())
        if existing is None:
            existing = self.found[cand.key()] = cand
        existing.count += 1
        existing.person = existing.person or person  # a name seen as one anywhere is a person
        if gloss and not existing.gloss:
            existing.gloss = gloss
        if _BASE_CONFIDENCE[kind] > _BASE_CONFIDENCE[existing.kind]:
            existing.kind = kind
        existing.confidence = max(existing.confidence, round(_BASE_CONFIDENCE[kind] * score, 2))
        if len(existing.sources) < 3 and where not in existing.sources:
            existing.sources.append(where)

    def scan(self, doc: Document) -> None:
        text = doc.text
        glossed: set[int] = set()
        for _kind, pattern in GLOSS_PATTERNS:
            for m in pattern.finditer(text):
                phrase = m.group("it") or m.group("plain")
                read = self.read_phrase(phrase)
                if read is None:
                    continue
                gloss = next((g for g in m.groups()[2:] if g), None)
                gloss = _clean_gloss(gloss)
                if not gloss or self._is_romanized_phrase(gloss):
                    continue
                person = _is_person(read[0], read[1])
                quoted = m.group(0).rstrip(")]").rstrip().endswith(('"', "”", "'"))
                if person or (not m.group("it") and read[0][:1].isupper() and not quoted):
                    # After a name, or a plain capitalised word, an unquoted aside is the sentence
                    # going on (Rasputin (who was in Siberia)), not a translation: no gloss. A name
                    # is still a candidate, as a person; anything else is not one.
                    if not person:
                        continue
                    gloss = None
                glossed.add(m.start())
                line = doc.position(m.start())[0]
                self.add(
                    read[0],
                    read[1],
                    "gloss" if gloss else "italic",
                    f"{doc.path.name}:{line}",
                    gloss,
                    1.0 if m.group("it") else 0.9,
                    person=person,
                )
        for m in _ITALIC_RE.finditer(text):
            if m.start() in glossed:
                continue
            read = self.read_phrase(m.group("it"))
            if read is not None:  # a phrase in italics is as often a title as a term
                self.add(
                    read[0],
                    read[1],
                    "italic",
                    f"{doc.path.name}:{doc.position(m.start())[0]}",
                    score=1.0 if " " not in read[0] else 0.8,
                    person=_is_person(read[0], read[1]),
                )
        for pattern in (_ACRONYM_FIRST, _EXPANSION_FIRST):
            for m in pattern.finditer(text):
                acr, exp = m.group("acr"), m.group("exp").strip()
                if _initials_match(acr, exp) or _english_word_in_capitals(acr):
                    continue  # an English acronym (CPSU, Communist Party of the Soviet Union), or PARTY
                # Cyrillic only from the termbase: letters alone cannot tell a Russian acronym
                # (NKVD, НКВД) from a foreign one (SPD, KMT) or an English one (USA is not УСА).
                cyr = self._termbase_acronym(acr)
                self.add(acr, cyr, "acronym", f"{doc.path.name}:{doc.position(m.start())[0]}", exp)
        self._count_plain(doc)

    def _termbase_acronym(self, acronym: str) -> str | None:
        """The Russian acronym of the concept whose term *acronym* is, when the termbase has one."""
        if self.termbase is None:
            return None
        cyr = _acronym_cyrillic(acronym)
        for concept in self.termbase:
            terms = [t.text for t in concept.terms]
            if acronym in terms or (cyr is not None and cyr in terms):
                ru = [t.text for t in concept.terms_in("ru") if t.text.isupper()]
                if ru:
                    return ru[0]
        return None

    def _count_plain(self, doc: Document) -> None:
        """Every mention of a single-word candidate counts, italicised or not (troika, troikas)."""
        words = {strip_marks(c.latin).lower(): k for k, c in self.found.items() if " " not in c.latin}
        for tok in tokenize(doc.text):
            w = strip_marks(tok.text).lower()
            key = words.get(w) or (words.get(w[:-1]) if w.endswith("s") else None)
            if key is not None:
                self.mentions[key] += 1

    def _is_romanized_phrase(self, text: str) -> bool:
        """A gloss must be English: one romanized word in it (stenograficheskii variant) disqualifies."""
        return any(self.romanized.candidate(w) and self.romanized.reading(w) for w in text.split())

    def finish(self) -> list[Candidate]:
        out = []
        for cand in self.found.values():
            cand.count = max(cand.count, self.mentions[cand.key()])
            if cand.cyrillic is None:
                cand.confidence = round(cand.confidence * 0.5, 2)
            cand.concept_id = self._known(cand)
            cand.known = cand.concept_id is not None
            out.append(cand)
        return sorted(out, key=lambda c: (-c.confidence, -c.count, c.latin.lower()))

    def _known(self, cand: Candidate) -> str | None:
        if self._index is None:
            return None
        for match in self._index.find_en(cand.latin):
            if match.start == 0 and match.end == len(cand.latin):
                return match.concept_id
        if cand.cyrillic:
            for match in self._index.find_ru(cand.cyrillic):
                if match.start == 0 and match.end == len(cand.cyrillic):
                    return match.concept_id
        return None


_NAME_TAGS = ("Name", "Surn", "Patr")


def _is_person(latin: str, cyrillic: str) -> bool:
    """Is the capitalised phrase a person's name: every word a name the names lexicon has observed
    (or a conventional spelling of one) or one the dictionary tags as a given name, surname or
    patronymic?"""
    from ..lint.romanized import normalize_marks
    from ..russian.names import lexicon

    words, cyr_words = latin.split(), cyrillic.split()
    if len(words) != len(cyr_words) or not all(w[:1].isupper() for w in words):
        return False
    for word, cyr in zip(words, cyr_words, strict=True):
        if lexicon().reading(normalize_marks(word).lower()) is not None:
            continue
        if not any(tag in p.tag for p in morph.parses(cyr.lower()) if p.is_known for tag in _NAME_TAGS):
            return False
    return True


def _english_plural(word: str) -> bool:
    """An English plural of an English word (purges, purge), not a romanized word plus -s (troikas)."""
    from ..lint.romanized import ENGLISH_ZIPF
    from ..russian.frequency import zipf

    w = word.lower()
    singular = w[:-2] if w.endswith("es") and zipf(w[:-2], "en") >= ENGLISH_ZIPF else w[:-1]
    return zipf(w, "en") >= 2.5 and zipf(singular, "en") >= ENGLISH_ZIPF


def _english_word_in_capitals(acronym: str) -> bool:
    """PARTY, BOLSHEVIKS: an English word set in capitals, not an acronym (NATO, USA stay)."""
    from ..russian.frequency import zipf

    return acronym.isalpha() and len(acronym) >= 5 and zipf(acronym.lower(), "en") >= 3.0


def _clean_gloss(gloss: str | None) -> str | None:
    if gloss is None:
        return None
    gloss = gloss.strip(" ,.;:'\"“”‘’")
    gloss = re.sub(r"\s+--?\s*[A-Z]{1,3}$", "", gloss).strip()  # an editor's initials: -- GF
    return gloss if 2 <= len(gloss) <= 60 else None


def _initials_match(acronym: str, expansion: str) -> bool:
    initials = "".join(
        w[0]
        for w in re.findall(r"[\w'’]+", expansion)
        if w[0].isupper() and w.lower() not in ("of", "the", "and", "for")
    )
    return initials.upper().startswith(re.sub(r"[^A-Z]", "", acronym.upper())[:3])


# Romanized capitals and digraphs back to Cyrillic, for acronyms (NKVD → НКВД, TsK → ЦК).
_ACRONYM_LETTERS = [
    ("Shch", "Щ"),
    ("Kh", "Х"),
    ("Ts", "Ц"),
    ("Ch", "Ч"),
    ("Sh", "Ш"),
    ("Zh", "Ж"),
    ("Iu", "Ю"),
    ("Ia", "Я"),
    ("Yu", "Ю"),
    ("Ya", "Я"),
    ("A", "А"),
    ("B", "Б"),
    ("V", "В"),
    ("G", "Г"),
    ("D", "Д"),
    ("E", "Е"),
    ("Z", "З"),
    ("I", "И"),
    ("K", "К"),
    ("L", "Л"),
    ("M", "М"),
    ("N", "Н"),
    ("O", "О"),
    ("P", "П"),
    ("R", "Р"),
    ("S", "С"),
    ("T", "Т"),
    ("U", "У"),
    ("F", "Ф"),
    ("Y", "Ы"),
]


def _acronym_cyrillic(acronym: str) -> str | None:
    out, i = [], 0
    while i < len(acronym):
        for lat, cyr in _ACRONYM_LETTERS:
            if acronym.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            if acronym[i] in "()":
                out.append(acronym[i])
                i += 1
                continue
            if acronym[i].islower():
                m = re.match(r"\(([a-z])\)", acronym[i - 1 : i + 2])
                out.append(acronym[i].translate(str.maketrans("abvgdezik", "абвгдезик")) if m else acronym[i])
                i += 1
                continue
            return None
    return "".join(out)


def extract_candidates(
    documents: Iterable[Document], termbase: Termbase | None = None, scheme: str = "lc"
) -> list[Candidate]:
    """Every candidate found in *documents*, best first."""
    from ..termbase.publications import find_publication
    from .titles import title_drafts

    documents = list(documents)
    extractor = Extractor(termbase, scheme)
    for doc in documents:
        extractor.scan(doc)
    found = extractor.finish()
    # Russian titles in citations: drafts of publication concepts (glossary.termbase.publications).
    # An italic name (*Kamenev*) is a person, not a work: the name's candidate stands.
    people = {c.latin for c in found if c.person}
    for draft in title_drafts(documents, termbase, scheme, _acronym_cyrillic):
        if draft.latin in people:
            continue
        known = find_publication(termbase, draft.cyrillic)
        found.append(
            Candidate(
                draft.latin,
                draft.cyrillic,
                draft.translation,
                "title",
                draft.count,
                _BASE_CONFIDENCE["title"],
                known is not None,
                known.id if known is not None else None,
                draft.sources,
            )
        )
    return found


def draft_termbase(
    candidates: Iterable[Candidate],
    *,
    include_known: bool = False,
    min_count: int = 1,
    title: str = "Draft from glossary extract",
) -> Termbase:
    """The candidates as concepts: ru = reconstructed Cyrillic (dictionary form), en = the romanized
    form as written; the gloss is the definition; count, confidence and sources go in the notes."""
    from ..termbase import new_concept_id

    tb = Termbase(title=title, description="Candidates found by `glossary extract`; review before use.")
    for cand in candidates:
        if cand.known and not include_known:
            continue
        if cand.count < min_count and not cand.gloss:
            continue
        terms = []
        if cand.cyrillic:
            terms.append(Term(cand.cyrillic, "ru", Status.PREFERRED))
        if cand.kind == "title" and cand.gloss:  # a publication: the translation, then the citation
            terms.append(Term(cand.gloss, "en", Status.PREFERRED))
            terms.append(Term(cand.latin, "en", Status.ADMITTED))
        else:
            terms.append(Term(cand.latin, "en", Status.PREFERRED))
        notes = [f"extracted: {cand.kind}; occurrences: {cand.count}; confidence: {cand.confidence:.2f}"]
        if cand.known:
            notes.append(f"already in the termbase as {cand.concept_id}")
        concept = Concept(
            id=new_concept_id(tb, cand.latin, cand.cyrillic or ""),
            type=(
                ConceptType.ORGANIZATION
                if cand.kind == "acronym"
                else ConceptType.PUBLICATION
                if cand.kind == "title"
                else ConceptType.PERSON
                if cand.person
                else ConceptType.TERM
            ),
            definition=None if cand.kind == "title" else cand.gloss,
            notes=notes,
            sources=list(cand.sources),
            tags=["draft"],
            terms=terms,
        )
        tb.add(concept)
    return tb


def write_draft(
    candidates: list[Candidate], path: Path, *, include_known: bool = False, min_count: int = 1
) -> int:
    """Write the draft termbase (format from *path*'s extension); returns the number of concepts."""
    from ..termbase.formats import write_termbase

    tb = draft_termbase(candidates, include_known=include_known, min_count=min_count)
    write_termbase(tb, Path(path))
    return len(tb)
