"""The termbase model, concept-oriented like TBX: a Concept holds Terms per language.

Field names follow TBX-Basic: `administrativeStatus` → Term.status, `partOfSpeech`,
`grammaticalGender`, `grammaticalNumber`, `usageNote`, `subjectField`, `definition`, `note`,
`source`, `crossReference` → Concept.see_also.

Romanizations are never stored as the only copy of a form: they are derived from the Cyrillic by
scheme (glossary.romanization.romanize). `Term.romanization` holds per-scheme overrides only, and
`Term.conventional` the conventional English spelling of a name (Trotsky for Троцкий).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from ..core import limits

T = TypeVar("T")


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
        known = _STATUS_VALUES.get(value)  # the plain short name, as nearly every file writes it
        if known is not None:
            return known
        v = value.strip()
        for suffix in ("Term-admn-sts", "-admn-sts", "Term"):
            if v.endswith(suffix):
                v = v[: -len(suffix)]
                break
        try:
            return cls(v.lower())
        except ValueError:
            raise ValueError(
                f"unknown status {limits.quote(value)!r} (expected one of: {', '.join(s.value for s in cls)})"
            ) from None


_STATUS_VALUES = {s.value: s for s in Status}


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


def phrase_regex(phrase: str) -> str | None:
    """The regular expression of a `/…/` exclude or context phrase (see Term), None for a plain one."""
    p = phrase.strip()
    return p[1:-1] if len(p) > 2 and p[0] == p[-1] == "/" else None


@dataclass
class Term:
    """One term (a designation of a concept in one language).

    `number = "plural"` on a Russian term marks a plural-only form such as лишенцы.
    `match` overrides how the term is recognised in text: lemma (default), exact, case, regex.
    `exclude` and `context` tell a homonym apart (кулак the fist from кулак the peasant): an occurrence
    inside one of the `exclude` phrases is not the term (кулаком по столу), and with `context` given an
    occurrence counts only when one of those words or phrases is in the same text (раскулачивание).
    A phrase is matched like the term (by lemma: written once, in any form); `/…/` is a regular
    expression.
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
    exclude: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.status, Status):
            self.status = Status.parse(self.status)

    def __reduce_ex__(self, protocol: Any) -> Any:  # pickle and copy: see _term
        d = self.__dict__
        if d.keys() != _FIELD_SETS[_TERM_FIELDS]:  # an attribute of its own: pickled as any object
            return object.__reduce_ex__(self, protocol)
        return _term, tuple(d[name] for name in _TERM_FIELDS)


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

    def __reduce_ex__(self, protocol: Any) -> Any:  # pickle and copy: see _term
        d = self.__dict__
        if d.keys() != _FIELD_SETS[_CONCEPT_FIELDS]:  # an attribute of its own: pickled as any object
            return object.__reduce_ex__(self, protocol)
        return _concept, tuple(d[name] for name in _CONCEPT_FIELDS)

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


# A cached termbase (glossary.core.termcache) is a pickle of a million of these objects, and loading it
# is most of a warm run's start. Pickled by default, each is a new object whose state dict is built and
# then copied into a fresh instance dict; rebuilt by these functions from a tuple of its field values,
# its attributes are set in place (no dict of their own), which halves the load. The values are
# already valid: __init__'s conversions are skipped.
_TERM_FIELDS = tuple(Term.__dataclass_fields__)
_CONCEPT_FIELDS = tuple(Concept.__dataclass_fields__)
_FIELD_SETS = {fields: frozenset(fields) for fields in (_TERM_FIELDS, _CONCEPT_FIELDS)}


def _term(*values: Any) -> Term:
    t = object.__new__(Term)
    t.__dict__.update(zip(_TERM_FIELDS, values, strict=True))  # every field, whatever fields Term has
    return t


def _concept(*values: Any) -> Concept:
    c = object.__new__(Concept)
    c.__dict__.update(zip(_CONCEPT_FIELDS, values, strict=True))
    return c


# Every change to a termbase takes a fresh stamp from one clock, so a structure derived from it (the
# id index, a term index, a lexicon) knows it is stale by comparing one integer.
_clock = itertools.count(1)


class ConceptList(list):
    """A termbase's concepts: a list whose every change takes a fresh stamp (see Termbase.version)."""

    __slots__ = ("stamp",)

    def __init__(self, items: Iterable[Concept] = ()) -> None:
        super().__init__(items)
        self.stamp = next(_clock)

    def __reduce_ex__(self, protocol):  # pickle/deepcopy rebuild through __init__ (a fresh stamp)
        return (ConceptList, (list(self),))


def _stamping(name: str):
    method = getattr(list, name)

    def changed(self, *args):
        result = method(self, *args)
        self.stamp = next(_clock)
        return result

    changed.__name__ = name
    changed.__doc__ = method.__doc__
    return changed


for _name in (
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
):
    setattr(ConceptList, _name, _stamping(_name))


@dataclass
class Termbase:
    """An ordered collection of concepts with unique ids.

    `version` changes whenever the concept list changes (`concepts` is a ConceptList) and whenever
    `changed()` is called, which code that edits a concept or term in place must do. Structures
    derived from the termbase are kept with `derived()`, which rebuilds them for a new version.
    """

    concepts: list[Concept] = field(default_factory=list)
    title: str | None = None
    source_lang: str = "ru"
    target_lang: str = "en"
    description: str | None = None

    def __post_init__(self) -> None:
        self._index: dict[str, Concept] = {}
        self._index_version = 0
        self._stamp = next(_clock)
        self._derived: dict[Hashable, tuple[int, Any]] = {}
        self._content_key: tuple[str, int] | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "concepts" and not isinstance(value, ConceptList):
            value = ConceptList(value)
        object.__setattr__(self, name, value)

    def __getstate__(self) -> dict[str, Any]:
        # derived structures are not data: a copy or a pickle rebuilds them
        return {k: v for k, v in self.__dict__.items() if k not in ("_index", "_derived", "_content_key")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._index, self._index_version, self._derived, self._content_key = {}, 0, {}, None
        self._stamp = next(_clock)

    @property
    def content_key(self) -> str | None:
        """The disk-cache key of the file this termbase was read from (glossary.core.termcache), as long
        as the termbase is unchanged since; None otherwise."""
        if self._content_key is None or self._content_key[1] != self.version:
            return None
        return self._content_key[0]

    @content_key.setter
    def content_key(self, key: str | None) -> None:
        self._content_key = None if key is None else (key, self.version)

    @property
    def version(self) -> int:
        """Changes with every change to the termbase (stamps only grow, so the larger one counts)."""
        return max(self.concepts.stamp, self._stamp)  # type: ignore[attr-defined]

    def changed(self) -> None:
        """Say that a concept or term was edited in place: derived structures are rebuilt."""
        self._stamp = next(_clock)

    def derived(self, key: Hashable, build: Callable[[Termbase], T]) -> T:
        """`build(self)`, computed once per version of the termbase and kept under *key*."""
        version = self.version
        hit = self._derived.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = build(self)
        self._derived[key] = (version, value)
        return value

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def _ids(self) -> dict[str, Concept]:
        version = self.version
        if self._index_version != version:
            self._index = {c.id: c for c in self.concepts}
            self._index_version = version
        return self._index

    def get(self, concept_id: str) -> Concept | None:
        return self._ids().get(concept_id)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._ids()

    def add(self, concept: Concept) -> None:
        from ..core.errors import TermbaseError

        ids = self._ids()
        if concept.id in ids:
            raise TermbaseError(f"duplicate concept id {concept.id!r}")
        self.concepts.append(concept)
        ids[concept.id] = concept  # kept up to date here: rebuilding it per add made imports quadratic
        self._index_version = self.version

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
