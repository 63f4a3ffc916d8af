"""Titles of works in the termbase, and Russian titles written in a citation scheme.

A *publication* is a concept of type `publication` (no new field: the termbase model already has
what a title needs):

- its Russian term (preferred) is the title in Cyrillic, in Russian capitalisation (`Убийство
  Сталина и Берии`: the first word and proper names capitalised, as Russian writes titles);
- `romanization` on that term fixes its spelling per scheme (`{"lc": "Tainy Kremlia"}`) where the
  house wants something the scheme's rules do not give;
- its English terms are the English translation (a term that does not romanize the Russian title
  word for word: `The murder of Stalin and Beria`) and, optionally, citation spellings (one that
  does: `Komsomol'skaia pravda`).

`romanize_title` writes a Cyrillic title in a scheme: letter by letter, keeping the Cyrillic's own
capitals, which for Russian are those of sentence case — what LC and the Slavic-studies journals
want (`Ubiistvo Stalina i Berii`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..romanization.romanize import romanize
from .model import Concept, ConceptType, Status, Termbase


@dataclass(frozen=True)
class Publication:
    id: str
    cyrillic: str
    translation: str | None
    romanization: dict[str, str]
    citation_spellings: tuple[str, ...] = ()


def _romanizes(english: str, russian: str) -> bool:
    """Does *english* spell *russian* word for word in some scheme (a citation spelling, not a
    translation)?"""
    from ..romanization.reverse import skeleton

    en, ru = english.split(), russian.split()
    return len(en) == len(ru) and all(
        skeleton(a.lower()) == skeleton(b.lower()) for a, b in zip(en, ru, strict=True)
    )


def publication(concept: Concept) -> Publication | None:
    """The concept as a publication (None for other concept types or one without a Russian title)."""
    if concept.type is not ConceptType.PUBLICATION:
        return None
    russian = [t for t in concept.terms_in("ru") if t.status is not Status.DEPRECATED]
    if not russian:
        return None
    title = russian[0]
    english = [t for t in concept.terms_in("en") if t.status is not Status.DEPRECATED]
    spellings = tuple(t.text for t in english if _romanizes(t.text, title.text))
    translations = [t.text for t in english if t.text not in spellings]
    return Publication(
        concept.id, title.text, translations[0] if translations else None, dict(title.romanization), spellings
    )


def publications(termbase: Termbase) -> list[Publication]:
    """The termbase's publications (kept per termbase version: a title lookup asks for them per word)."""
    return termbase.derived("publications", _publications)


def _publications(termbase: Termbase) -> list[Publication]:
    return [p for c in termbase if (p := publication(c)) is not None]


def find_publication(termbase: Termbase | None, cyrillic: str) -> Publication | None:
    """The termbase's publication with this Cyrillic title (letter case and ё/е aside)."""
    if termbase is None:
        return None
    key = _fold(cyrillic)
    return next((p for p in publications(termbase) if _fold(p.cyrillic) == key), None)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def romanize_title(cyrillic: str, scheme: str = "lc", termbase: Termbase | None = None) -> str:
    """The title in *scheme*: the termbase's fixed romanization for the scheme when it has one, else
    the Cyrillic romanized with its own (Russian sentence-case) capitals."""
    found = find_publication(termbase, cyrillic)
    if found is not None and scheme in found.romanization:
        return found.romanization[scheme]
    text = found.cyrillic if found is not None else cyrillic
    return romanize(text, scheme)


def cite_title(cyrillic: str, scheme: str = "lc", termbase: Termbase | None = None) -> str:
    """`romanize_title`, followed by ` [translation]` when the termbase knows the work."""
    title = romanize_title(cyrillic, scheme, termbase)
    found = find_publication(termbase, cyrillic)
    if found is not None and found.translation:
        return f"{title} [{found.translation}]"
    return title


def bibliography(termbase: Termbase, scheme: str = "lc") -> list[tuple[str, str, str | None]]:
    """(romanized title, Cyrillic title, translation) of every publication, sorted as a bibliography
    sorts titles: by the romanized title, letter by letter, ignoring case, marks and punctuation."""
    rows = [
        (romanize_title(p.cyrillic, scheme, termbase), p.cyrillic, p.translation)
        for p in publications(termbase)
    ]
    return sorted(rows, key=lambda row: (_sort_key(row[0]), row[1]))


def _sort_key(title: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", title.lower())
    return "".join(ch for ch in decomposed if ch.isalnum() or ch == " ")
