"""One ordered entry list for every printed output.

Selection (by type, tag, subject, or the concepts a set of texts uses), headwords per direction,
romanization in one or two schemes, collation, letter groups and cross-references are decided here
once; the writers (typst, html, markdown, docx, latex) only lay the result out.

Collation is the Unicode Collation Algorithm with the DUCET table (pyuca). CLDR's Russian tailoring
only moves Cyrillic ahead of other scripts, so for Russian headwords DUCET is the Russian
alphabetical order: ё is е with a secondary (accent) difference, й is its own letter after и, case is
a tertiary difference. Like ICU's `alternate=shifted`, spaces, hyphens and punctuation are ignored at
the first level (letter-by-letter order: «Правда» files under П), and the full string breaks ties
(collation.collation_key).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from ..termbase.model import Concept, ConceptType, Term, Termbase
from .collation import collation_key
from .typography import SPELLINGS, one_spelling, typeset

DIRECTIONS = ("ru-en", "en-ru")
SORTS = ("ru", "latin", "en")
SELECT_KEYS = ("type", "tag", "subject")

# Abbreviations as in the Oxford Russian Dictionary: a noun shows its gender only (m., f., nt.).
POS_ABBREV = {
    "noun": "n.",
    "verb": "v.",
    "adjective": "adj.",
    "adverb": "adv.",
    "phrase": "phr.",
    "properNoun": "",
    "other": "",
}
GENDER_ABBREV = {"masculine": "m.", "feminine": "f.", "neuter": "nt.", "other": ""}
ABBREVIATIONS = (
    ("m.", "masculine"),
    ("f.", "feminine"),
    ("nt.", "neuter"),
    ("pl.", "plural"),
    ("n.", "noun"),
    ("v.", "verb"),
    ("adj.", "adjective"),
    ("adv.", "adverb"),
    ("phr.", "phrase"),
)


@dataclass(frozen=True)
class Form:
    """One term as printed: text, its romanizations (one per scheme; Russian only) and grammar."""

    text: str
    lang: str
    romanized: tuple[str, ...] = ()
    grammar: str = ""
    note: str | None = None

    @property
    def shown_romanizations(self) -> tuple[str, ...]:
        """What is printed: the first scheme's form, then each other scheme's where it differs, and of
        that only the words that differ ("Abakumov Viktor Semenovich", in brackets "Semënovich")."""
        if not self.romanized:
            return ()
        first = self.romanized[0]
        return (first, *(differing_words(first, r) for r in self.romanized[1:] if r != first))


def differing_words(first: str, other: str) -> str:
    """The words of *other* that differ from *first*, with "…" for a gap; all of *other* when the two
    do not have the same number of words."""
    a, b = first.split(), other.split()
    if len(a) != len(b):
        return other
    shown: list[str] = []
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y:
            if shown and a[i - 1] == b[i - 1]:
                shown.append("…")
            shown.append(y)
    return " ".join(shown)


@dataclass(frozen=True)
class CrossRef:
    """A "see also" pointer to another printed entry, labelled with that entry's headword."""

    concept_id: str
    label: str


@dataclass
class Entry:
    concept_id: str
    type: ConceptType
    headword: Form
    variants: tuple[Form, ...]  # other approved terms in the headword's language
    renderings: tuple[Form, ...]  # approved terms in the other language, preferred first
    rejected: tuple[Form, ...]  # deprecated/superseded terms in the other language: "not: …"
    gloss: str | None
    subjects: tuple[str, ...]
    see_also: tuple[CrossRef, ...] = ()
    letter: str = ""

    def meaning(
        self, form: Callable[[Form], str], not_label: str, rendering: Callable[[Form], str] | None = None
    ) -> str:
        """Renderings joined by "; ", then the rejected ones after *not_label*, then the full stop;
        *form* renders one form in the writer's markup, *rendering* an approved one (set apart from
        the gloss, in bold; default *form*). "" when there are none."""
        meaning = "; ".join((rendering or form)(r) for r in self.renderings)
        if self.rejected:
            rejected = f"{not_label} " + ", ".join(form(r) for r in self.rejected)
            meaning = f"{meaning}; {rejected}" if meaning else rejected
        return meaning + self.meaning_stop if meaning else ""

    @property
    def meaning_stop(self) -> str:
        """The full stop after the renderings, unless they already end in an abbreviation (m.)."""
        forms = self.rejected or self.renderings
        if not forms:
            return ""
        last = forms[-1]
        ends = last.note if last.note else (last.grammar or last.text)
        return "" if ends.endswith(".") else "."


@dataclass
class LetterGroup:
    letter: str
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class SchemeInfo:
    id: str
    name: str


@dataclass
class Glossary:
    """What every writer prints: front matter and the entries under their letter headings."""

    title: str
    direction: str
    sort: str
    schemes: tuple[SchemeInfo, ...]
    groups: list[LetterGroup]
    preface: tuple[str, ...] = ()  # paragraphs

    @property
    def abbreviations(self) -> tuple[tuple[str, str], ...]:
        """The key to the grammar labels the entries use, in a fixed order: (("m.", "masculine"), …)."""
        used = {
            part
            for e in self.entries
            for f in (e.headword, *e.variants, *e.renderings, *e.rejected)
            for part in f.grammar.split()
        }
        return tuple((abbrev, meaning) for abbrev, meaning in ABBREVIATIONS if abbrev in used)

    @property
    def key(self) -> str:
        """One line under the title: the grammar labels used and how subject labels are set."""
        parts = [f"{abbrev} {meaning}" for abbrev, meaning in self.abbreviations]
        if any(e.subjects for e in self.entries):
            parts.append("subject labels in small capitals")
        return " · ".join(parts) + "." if parts else ""

    @property
    def entries(self) -> list[Entry]:
        return [e for g in self.groups for e in g.entries]

    @property
    def source_lang(self) -> str:
        return self.direction.split("-")[0]

    @property
    def romanization_note(self) -> str:
        if not self.schemes:
            return ""
        note = f"Romanization: {self.schemes[0].name}"
        if len(self.schemes) > 1:
            others = ", ".join(s.name for s in self.schemes[1:])
            note += f"; in brackets, where it differs: {others}"
        return note + "."


# --- selection -------------------------------------------------------------------------------


def parse_selection(specs: Iterable[str]) -> dict[str, set[str]]:
    """`["type:person,tag:x", "subject:y"]` → {"type": {"person"}, "tag": {"x"}, "subject": {"y"}}.

    Values of one key are alternatives (type:term,type:person = terms or persons); different keys
    must all hold. Raises ValueError on an unknown key or concept type.
    """
    selection: dict[str, set[str]] = {}
    for spec in specs:
        for item in spec.split(","):
            item = item.strip()
            if not item:
                continue
            key, sep, value = item.partition(":")
            key, value = key.strip().lower(), value.strip()
            if not sep or not value:
                raise ValueError(
                    f"bad selector {item!r} (expected KEY:VALUE, KEY one of {', '.join(SELECT_KEYS)})"
                )
            if key not in SELECT_KEYS:
                raise ValueError(f"unknown selector key {key!r} (expected one of {', '.join(SELECT_KEYS)})")
            if key == "type" and value not in {t.value for t in ConceptType}:
                raise ValueError(
                    f"unknown concept type {value!r} (expected one of "
                    f"{', '.join(t.value for t in ConceptType)})"
                )
            selection.setdefault(key, set()).add(value)
    return selection


def selected(concept: Concept, selection: dict[str, set[str]]) -> bool:
    if "type" in selection and concept.type.value not in selection["type"]:
        return False
    if "tag" in selection and not selection["tag"] & set(concept.tags):
        return False
    return not ("subject" in selection and not selection["subject"] & set(concept.subject))


# --- collation (the sort key itself: collation.py) -------------------------------------------

# A Russian index files a numbered congress or conference under its noun and orders it by number:
# «XVII съезд» as «съезд, XVII» under С, after «X съезд» and before «XX съезд». So a leading Roman
# numeral (Latin capitals in valid numeral syntax, then a space and a word) moves behind the words as
# a zero-padded number; digits sort before letters, so «съезд 0017» precedes «съезд Советов».
_ROMAN = re.compile(
    r"(?=[MDCLXVI])(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
    r"\s+(?=[^\W\d_])"
)
_ROMAN_DIGITS = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def index_form(text: str) -> str:
    """*text* as an alphabetical index files it: «XVII съезд ВКП(б)» → «съезд ВКП(б) 0017»."""
    m = _ROMAN.match(text)
    if not m:
        return text
    digits = [_ROMAN_DIGITS[c] for c in m.group(1)]
    value = sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0], strict=True))
    return f"{text[m.end() :]} {value:04d}"


def letter_of(text: str) -> str:
    """The letter heading an entry files under: ё under Е, й under Й, ž under Z, digits under 0–9."""
    for ch in text:
        if ch.isdigit():
            return "0–9"
        if ch.isalpha():
            up = ch.upper()
            if up == "Ё":
                return "Е"
            if "\u0400" <= up <= "\u04ff":
                return up  # Й is a letter of its own, not И with a breve
            return unicodedata.normalize("NFD", up)[0]
    return "#"


# --- building --------------------------------------------------------------------------------


def grammar_of(term: Term) -> str:
    """`f.`, `m. pl.`, `adj.` …: a noun with a gender shows the gender only."""
    parts: list[str] = []
    if term.gender and term.part_of_speech in (None, "noun", "properNoun"):
        parts.append(GENDER_ABBREV.get(term.gender, ""))
    elif term.part_of_speech:
        parts.append(POS_ABBREV.get(term.part_of_speech, ""))
    if term.number == "plural":
        parts.append("pl.")
    return " ".join(p for p in parts if p)


class _Builder:
    def __init__(self, direction: str, schemes: tuple[str, ...], spelling: str | None = None):
        from ..romanization.romanize import engine

        self.source, self.target = direction.split("-")
        self.schemes = schemes
        self.spelling = spelling
        # The compiled engines themselves (romanize() would also collect unmapped letters, unused here).
        self.engines = tuple((s, engine(s)) for s in schemes)

    def romanized(self, term: Term) -> tuple[str, ...]:
        if not term.lang.startswith("ru") or not self.schemes:
            return ()
        # A per-scheme override on the term (an established spelling) wins over the engine. A letter
        # outside the scheme (Ukrainian ґ in BGN) stays Cyrillic in print, visibly, without a warning.
        return tuple(typeset(term.romanization.get(s) or e.convert(term.text)) for s, e in self.engines)

    def form(self, term: Term, *, person: bool = False) -> Form:
        # A personal name's gender is no help to a reader (Litvinov Maksim Maksimovich m.).
        grammar = "" if person else grammar_of(term)
        note = typeset(term.note) if term.note else None
        return Form(typeset(term.text, term.lang), term.lang, self.romanized(term), grammar, note)

    def entry(self, concept: Concept) -> Entry | None:
        head = concept.preferred(self.source)
        if head is None:
            return None
        person = concept.type is ConceptType.PERSON
        headword = self.form(head, person=person)
        variants = tuple(self.form(t, person=person) for t in concept.approved(self.source) if t is not head)
        if person:  # the surname alone repeats the headword's first word (Абакумов under Абакумов Виктор …)
            variants = tuple(v for v in variants if not headword.text.startswith(v.text + " "))
        approved = concept.approved(self.target)
        approved.sort(key=lambda t: t.status.value != "preferred")  # stable: preferred first
        renderings = [self.form(t, person=person) for t in approved]
        # An admitted rendering that is the headword's romanization, or a word of it (the surname), is
        # printed already; one that is another rendering in the other English spelling is left out
        # too. The first (preferred) rendering always stays: "apparat" is the approved English word.
        printed = {r for f in (headword, *variants) for r in f.romanized}
        printed |= {w for r in printed for w in r.split()}
        dropped = one_spelling([f.text for f in renderings], self.spelling)
        renderings = [
            f for i, f in enumerate(renderings) if f.text not in dropped and (i == 0 or f.text not in printed)
        ] or renderings[:1]
        if self.source == "en" and person:  # an English index files people under their surnames
            headword = replace(headword, text=surname_first(headword.text))
            variants = tuple(replace(v, text=surname_first(v.text)) for v in variants)
        return Entry(
            concept_id=concept.id,
            type=concept.type,
            headword=headword,
            variants=variants,
            renderings=tuple(renderings),
            rejected=tuple(self.form(t, person=person) for t in concept.rejected(self.target)),
            gloss=typeset(concept.definition) if concept.definition else None,
            subjects=tuple(concept.subject),
        )


def surname_first(name: str) -> str:
    """An English personal name as an index files it: "Alexander Chayanov" → "Chayanov, Alexander".
    A name with a lower-case word (Peter the Great) or a single word stays as it is."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return name
    return f"{words[-1]}, {' '.join(words[:-1])}"


def _sort_text(entry: Entry, sort: str, source: str) -> str:
    """The string an entry is ordered (and grouped) by; the headword when the wanted term is missing."""
    other = entry.renderings[0] if entry.renderings else None
    wanted = {
        "ru": entry.headword if source == "ru" else other,
        "en": entry.headword if source == "en" else other,
    }
    form = wanted["en" if sort == "en" else "ru"] or entry.headword
    if sort == "en":
        return form.text
    return index_form(form.romanized[0] if sort == "latin" and form.romanized else form.text)


def build_glossary(
    termbase: Termbase,
    *,
    direction: str = "ru-en",
    schemes: Iterable[str] = ("lc",),
    sort: str | None = None,
    selection: dict[str, set[str]] | None = None,
    only: set[str] | None = None,
    title: str | None = None,
    preface: str | None = None,
    spelling: str | None = None,
) -> Glossary:
    """Select, order and group the termbase's concepts for printing.

    *only*: concept ids to keep (from `concepts_used_in`); *sort*: ru, latin or en (default: the
    headword language); *spelling*: "uk" or "us" keeps one English spelling where renderings differ
    only by it (default: the termbase's first). Cross-references point only at entries printed too.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r} (expected one of {', '.join(DIRECTIONS)})")
    sort = sort or direction.split("-")[0]
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r} (expected one of {', '.join(SORTS)})")
    scheme_ids = tuple(schemes)
    scheme_infos = tuple(_scheme_info(s) for s in scheme_ids)  # unknown id → SchemeNotFound, early

    if spelling not in (None, *SPELLINGS):
        raise ValueError(f"unknown spelling {spelling!r} (expected one of {', '.join(SPELLINGS)})")
    builder = _Builder(direction, scheme_ids, spelling)
    entries: list[Entry] = []
    refs_of: dict[str, list[str]] = {}
    for concept in termbase:
        if only is not None and concept.id not in only:
            continue
        if selection and not selected(concept, selection):
            continue
        entry = builder.entry(concept)
        if entry is not None:
            entries.append(entry)
            refs_of[entry.concept_id] = concept.see_also

    by_id = {e.concept_id: e for e in entries}
    for entry in entries:
        refs = refs_of[entry.concept_id]
        entry.see_also = tuple(
            CrossRef(r, by_id[r].headword.text) for r in refs if r in by_id and r != entry.concept_id
        )

    source = builder.source
    keyed = [
        (collation_key(text), letter_of(text), e) for e in entries for text in [_sort_text(e, sort, source)]
    ]
    keyed.sort(key=lambda k: (k[0], k[2].concept_id))
    groups: list[LetterGroup] = []
    for _key, letter, entry in keyed:
        entry.letter = letter
        if not groups or groups[-1].letter != letter:
            groups.append(LetterGroup(letter))
        groups[-1].entries.append(entry)

    # Blank lines separate paragraphs; line breaks inside one are just spaces.
    paragraphs = tuple(typeset(" ".join(p.split())) for p in re.split(r"\n\s*\n", preface or "") if p.strip())
    return Glossary(
        title=title or termbase.title or "Glossary",
        direction=direction,
        sort=sort,
        schemes=scheme_infos,
        groups=groups,
        preface=paragraphs,
    )


def _scheme_info(scheme_id: str) -> SchemeInfo:
    from ..romanization.romanize import get_scheme

    scheme = get_scheme(scheme_id)
    return SchemeInfo(scheme.id, scheme.name)
