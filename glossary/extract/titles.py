"""Publication concepts drafted from the titles `glossary extract` finds in citations: the Cyrillic
reconstructed in the title's own grammatical form, a bracketed English translation as the English
term. It reads citations with the lint's title rules, so it lives above lint, in extract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..termbase.model import Termbase


@dataclass
class TitleDraft:
    """A Russian title found in citations, reconstructed in Cyrillic (for `glossary extract`)."""

    latin: str  # the longest citation of the work, as written
    cyrillic: str  # each word in the form the title uses (Убийство Сталина и Берии, not берия)
    translation: str | None
    count: int
    sources: list[str]


_GLOSS_AFTER = r"^[*_\"”»'’]*[.,]?\s*[\[(](?P<gloss>[A-Z][^\[\]()\n]{2,120})[\])]"


def title_drafts(
    documents,
    termbase: Termbase | None = None,
    scheme: str = "lc",
    acronym_cyrillic: Callable[[str], str | None] = lambda word: None,
) -> list[TitleDraft]:
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
        cyrillic = _cyrillic_title(ctx, longest, acronym_cyrillic)
        if cyrillic is None:
            continue
        translation = None
        for run in group:
            m = re.match(_GLOSS_AFTER, run.doc.text[run.end : run.end + 130])
            if m:
                translation = m.group("gloss").strip()
                break
        sources = sorted({f"{r.doc.path.name}:{r.doc.position(r.start)[0]}" for r in group})
        out.append(TitleDraft(longest.text, cyrillic, translation, len(group), sources))
    return out


def _cyrillic_title(ctx, run, acronym_cyrillic: Callable[[str], str | None]) -> str | None:
    from ..lint.titleforms import _function_cyrillic, is_proper, keeps_own_case, maybe_proper
    from ..romanization.reverse import reverse

    parts = []
    for i, word in enumerate(run.words):
        if i:
            parts.append(run.doc.text[run.words[i - 1].end : word.start])
        if word.reading is not None:
            cyr = word.reading.cyrillic
            proper = is_proper(ctx, word) or (
                word.text[:1].isupper() and (word.organisation or maybe_proper(ctx, word))
            )  # Совет Министров, Главное управление: an institution's name keeps its capitals
            cyr = cyr[:1].upper() + cyr[1:] if word.sentence_start or proper else cyr
        elif word.function:
            cyr = _function_cyrillic(word.text.lower()) or ""
            if not cyr:
                return None
        elif (
            keeps_own_case(word.text)
            and (cyr := acronym_cyrillic(word.text) or "")
            and not any("a" <= ch.lower() <= "z" for ch in cyr)
        ):
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
