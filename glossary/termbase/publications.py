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
    return len(en) == len(ru) and all(skeleton(a.lower()) == skeleton(b.lower()) for a, b in zip(en, ru, strict=True))


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
    return Publication(concept.id, title.text, translations[0] if translations else None,
                       dict(title.romanization), spellings)


def publications(termbase: Termbase) -> list[Publication]:
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
    rows = [(romanize_title(p.cyrillic, scheme, termbase), p.cyrillic, p.translation)
            for p in publications(termbase)]
    return sorted(rows, key=lambda row: (_sort_key(row[0]), row[1]))


def _sort_key(title: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", title.lower())
    return "".join(ch for ch in decomposed if ch.isalnum() or ch == " ")


@dataclass
class TitleDraft:
    """A Russian title found in citations, reconstructed in Cyrillic (for `glossary extract`)."""

    latin: str  # the longest citation of the work, as written
    cyrillic: str  # each word in the form the title uses (Убийство Сталина и Берии, not берия)
    translation: str | None
    count: int
    sources: list[str]


_GLOSS_AFTER = r"^[*_\"”»'’]*[.,]?\s*[\[(](?P<gloss>[A-Z][^\[\]()\n]{2,120})[\])]"


def title_drafts(documents, termbase: Termbase | None = None, scheme: str = "lc") -> list[TitleDraft]:
    """The works cited in *documents* (grouped as rule C401 groups them), each with its title in
    Cyrillic: the reading of every word in the grammatical form the title has, the function words
    and acronyms restored, the title's punctuation kept, and sentence case (the first word and
    proper names capitalised, as Russian writes titles). A bracketed English translation right after
    a citation (`*Zastol'nye rechi Stalina* [Stalin's Table Talk]`) becomes the translation."""
    import re

    from ..lint.rules.base import LintContext
    from ..lint.rules.titles import work_groups

    ctx = LintContext(list(documents), termbase=termbase, citation_scheme=scheme)
    out = []
    for group in work_groups(ctx):
        longest = max(group, key=lambda r: (len(r.words), -r.start))
        cyrillic = _cyrillic_title(ctx, longest)
        if cyrillic is None:
            continue
        translation = None
        for run in group:
            m = re.match(_GLOSS_AFTER, run.doc.text[run.end:run.end + 130])
            if m:
                translation = m.group("gloss").strip()
                break
        sources = sorted({f"{r.doc.path.name}:{r.doc.position(r.start)[0]}" for r in group})
        out.append(TitleDraft(longest.text, cyrillic, translation, len(group), sources))
    return out


def _cyrillic_title(ctx, run) -> str | None:
    from ..extract import _acronym_cyrillic
    from ..lint.titleforms import _function_cyrillic, is_proper, keeps_own_case, maybe_proper
    from ..romanization.reverse import reverse

    parts = []
    for i, word in enumerate(run.words):
        if i:
            parts.append(run.doc.text[run.words[i - 1].end:word.start])
        if word.reading is not None:
            cyr = word.reading.cyrillic
            proper = is_proper(ctx, word) or (word.text[:1].isupper() and maybe_proper(ctx, word))
            cyr = cyr[:1].upper() + cyr[1:] if word.sentence_start or proper else cyr
        elif word.function:
            cyr = _function_cyrillic(word.text.lower()) or ""
            if not cyr:
                return None
        elif keeps_own_case(word.text) and (cyr := _acronym_cyrillic(word.text) or "") \
                and not any("a" <= ch.lower() <= "z" for ch in cyr):
            pass  # SSSR, TsK, VChK
        else:  # a misspelt word no dictionary reading explains (Documenty): the best reverse guess
            guesses = reverse(word.text, termbase=ctx.termbase, limit=1)
            if not guesses:
                return None
            cyr = guesses[0].cyrillic
            cyr = cyr[:1].upper() + cyr[1:] if word.text[:1].isupper() else cyr.lower()
        parts.append(cyr)
    title = "".join(parts)
    return title[:1].upper() + title[1:]
