"""T2xx: the termbase — renderings the termbase rejects."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding
from ...termbase.model import Status
from .base import LintContext, Rule


def match_case(replacement: str, written: str) -> str:
    """Carry the letter case of *written* over to *replacement* (capitalised, all caps, as is)."""
    if len(written) > 1 and written.isupper() and not replacement.isupper():
        return replacement.upper()
    if written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _counterpart(rejected: str, preferred: str) -> str | None:
    """What replaces *rejected*: the preferred term, or — when the rejected term is one word of a
    longer name (Vyshinski for Andrey Vyshinsky) — the preferred term's closest word. None when a
    multi-word rejected term has no word-for-word counterpart."""
    r_words, p_words = rejected.split(), preferred.split()
    if len(r_words) >= len(p_words):
        return preferred
    if len(r_words) != 1:
        return None
    from rapidfuzz import fuzz

    best = max(p_words, key=lambda w: fuzz.ratio(w.lower(), rejected.lower()))
    return best if fuzz.ratio(best.lower(), rejected.lower()) >= 60 else preferred


class TermbaseRendering(Rule):
    """A rendering the termbase marks as deprecated is used.

    What it does: finds English renderings of termbase concepts whose status is `deprecated` or
    `superseded` (inflected forms too: plurals, possessives, romanized case endings) and names the
    concept's preferred rendering. When the written form is the rejected term itself, the fix
    replaces it (keeping capitalisation); an inflected form gets the suggestion only. Titles,
    references and other citations keep their source's wording and are left out.
    Why: the termbase is the house decision on how each concept is rendered; a rejected rendering is
    often a false friend (`nomenclature` is a list of names, `nomenklatura` the Soviet appointment
    system and the class it created).
    Example: `the party nomenclature defended its privileges`.
    Use instead: `the party nomenklatura defended its privileges`.
    """

    code = "T201"
    per_document = True
    loads = "the term index"
    name = "termbase-rendering"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        index = ctx.term_index
        if index is None:
            return
        for doc in ctx.documents:
            for match in index.find_en(doc.text):
                if match.term.status not in (Status.DEPRECATED, Status.SUPERSEDED) or doc.in_citation(
                    match.start, match.end
                ):
                    continue  # a title or reference keeps its source's wording
                concept = index.concepts[match.concept_id]
                preferred = concept.preferred("en")
                if preferred is None or preferred.status not in (Status.PREFERRED, Status.ADMITTED):
                    continue
                written = match.text.replace("’", "'")
                possessive = ""
                if written.lower().endswith("'s") and not match.term.text.lower().endswith("'s"):
                    possessive, written = match.text[-2:], written[:-2]  # Beriya's → Beria's
                exact = written.lower() == match.term.text.lower()
                target = _counterpart(match.term.text, preferred.text)
                if target is None:  # no word-for-word counterpart: suggest the whole preferred term
                    target, exact = preferred.text, False
                replacement = match_case(target, match.text) + possessive
                yield ctx.finding(
                    self,
                    doc,
                    match.start,
                    match.end,
                    f"`{match.text}` is a {match.term.status.value} rendering of "
                    f"{concept.ru.text if concept.ru else concept.id}; use `{replacement}`",
                    replacement=replacement,
                    safe=exact,
                    concept=concept.id,
                    preferred=preferred.text,
                    cyrillic=concept.ru.text if concept.ru else None,
                )
