"""The termbase model, concept-oriented like TBX: a Concept holds Terms per language.

Field names follow TBX-Basic: `administrativeStatus` → Term.status, `partOfSpeech`,
`grammaticalGender`, `grammaticalNumber`, `usageNote`, `subjectField`, `definition`, `note`,
`source`, `crossReference` → Concept.see_also.

Romanizations are never stored as the only copy of a form: they are derived from the Cyrillic by
scheme (glossary.romanize). `Term.romanization` holds per-scheme overrides only, and
`Term.conventional` the conventional English spelling of a name (Trotsky for Троцкий).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from . import limits


class Status(StrEnum):
    """TBX administrativeStatus, shortened: preferredTerm-admn-sts → preferred, and so on."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def approved(self) -> bool:
        return self in (Status.PREFERRED, Status.ADMITTED)

    @property
    def tbx(self) -> str:
        """The TBX picklist value (preferredTerm-admn-sts …)."""
        return f"{self.value}Term-admn-sts"

    @classmethod
    def parse(cls, value: str | None) -> Status:
        """Accept our short names and the TBX picklist values; blank means preferred."""
        if not value:
            return cls.PREFERRED
        v = value.strip()
        for suffix in ("Term-admn-sts", "-admn-sts", "Term"):
            if v.endswith(suffix):
                v = v[: -len(suffix)]
                break
        try:
            return cls(v.lower())
        except ValueError:
            raise ValueError(f"unknown status {limits.quote(value)!r} (expected one of: "
                             f"{', '.join(s.value for s in cls)})") from None


class ConceptType(StrEnum):
    """What a concept names: a term of the field, or a proper name of a given kind."""

    TERM = "term"
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    PUBLICATION = "publication"
    EVENT = "event"

    @property
    def is_name(self) -> bool:
        return self is not ConceptType.TERM


PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "phrase", "other")
GENDERS = ("masculine", "feminine", "neuter", "other")
NUMBERS = ("singular", "plural", "other")
MATCH_MODES = ("lemma", "exact", "case", "regex")


@dataclass
class Term:
    """One term (a designation of a concept in one language).

    `number = "plural"` on a Russian term marks a plural-only form such as лишенцы.
    `match` overrides how the term is recognised in text: lemma (default), exact, case, regex.
    """

    text: str
    lang: str
    status: Status = Status.PREFERRED
    part_of_speech: str | None = None
    gender: str | None = None
    number: str | None = None
    note: str | None = None
    romanization: dict[str, str] = field(default_factory=dict)
    conventional: str | None = None
    match: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.status, Status):
            self.status = Status.parse(self.status)


@dataclass
class Concept:
    """A concept entry (TBX conceptEntry)."""

    id: str
    type: ConceptType = ConceptType.TERM
    subject: list[str] = field(default_factory=list)
    definition: str | None = None
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    # Where the concept starts in the file it was read from (for validate's findings); not data.
    line: int | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.type, ConceptType):
            self.type = ConceptType(self.type)

    def terms_in(self, lang: str) -> list[Term]:
        """Terms whose language is *lang* or a regional variant of it (en matches en-GB)."""
        return [t for t in self.terms if t.lang == lang or t.lang.split("-")[0] == lang]

    @property
    def languages(self) -> list[str]:
        seen: dict[str, None] = {}
        for t in self.terms:
            seen.setdefault(t.lang, None)
        return list(seen)

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in *lang*; failing that the first admitted one; else None."""
        terms = self.terms_in(lang)
        for wanted in (Status.PREFERRED, Status.ADMITTED):
            for t in terms:
                if t.status is wanted:
                    return t
        return None

    def approved(self, lang: str) -> list[Term]:
        return [t for t in self.terms_in(lang) if t.status.approved]

    def rejected(self, lang: str) -> list[Term]:
        return [t for t in self.terms_in(lang) if not t.status.approved]

    @property
    def ru(self) -> Term | None:
        return self.preferred("ru")

    @property
    def en(self) -> Term | None:
        return self.preferred("en")


@dataclass
class Termbase:
    """An ordered collection of concepts with unique ids."""

    concepts: list[Concept] = field(default_factory=list)
    title: str | None = None
    source_lang: str = "ru"
    target_lang: str = "en"
    description: str | None = None

    def __post_init__(self) -> None:
        self._index: dict[str, Concept] | None = None

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def _ids(self) -> dict[str, Concept]:
        if self._index is None or len(self._index) != len(self.concepts):
            self._index = {c.id: c for c in self.concepts}
        return self._index

    def get(self, concept_id: str) -> Concept | None:
        return self._ids().get(concept_id)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._ids()

    def add(self, concept: Concept) -> None:
        from .errors import TermbaseError

        if concept.id in self._ids():
            raise TermbaseError(f"duplicate concept id {concept.id!r}")
        self.concepts.append(concept)
        self._index = None

    def extend(self, concepts: Iterable[Concept]) -> None:
        for c in concepts:
            self.add(c)

    @property
    def term_count(self) -> int:
        return sum(len(c.terms) for c in self.concepts)

    def next_id(self, prefix: str = "c") -> str:
        """A fresh concept id of the form c0001 that is not yet used."""
        ids = self._ids()
        n = len(ids) + 1
        while f"{prefix}{n:04d}" in ids:
            n += 1
        return f"{prefix}{n:04d}"
