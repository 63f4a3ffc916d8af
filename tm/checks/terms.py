"""Term checks per unit (term-missing, term-forbidden) and the term/name rows cross-unit checks group.

The termbase status decides: an approved (preferred or admitted) rendering in the target is fine, a
deprecated or superseded one is an error (term-forbidden), none at all is term-missing (a warning, or
an error with `missing_severity = "error"`). Direction-aware: in an en→ru memory the English source is
searched for concepts and the Russian target for their renderings.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from glossary.recognition.recognize import EN_TOKEN, RU_TOKEN, Match, Scan, token_starts
from glossary.russian import morph
from glossary.termbase.model import Termbase

from .base import CheckFinding, UnitRow

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CAPITALISED = re.compile(r"(?<![^\W\d_])[А-ЯЁ][^\W\d_]*(?:-[^\W\d_]+)*")


def in_subjects(termbase: Termbase, subjects: Iterable[str]) -> Termbase:
    """The part of *termbase* that applies to a text of *subjects*: concepts with no subject field apply
    everywhere, the others only where one of their subjects is asked for (case-insensitive). A history
    termbase's губерния then stays out of a medical memory's "Hubei Province"."""
    wanted = {s.strip().casefold() for s in subjects if s.strip()}
    kept = [c for c in termbase if not c.subject or wanted & {s.casefold() for s in c.subject}]
    return Termbase(
        concepts=kept,
        title=termbase.title,
        source_lang=termbase.source_lang,
        target_lang=termbase.target_lang,
        description=termbase.description,
    )


def _by_concept(matches: list[Match]) -> dict[str, list[Match]]:
    out: dict[str, list[Match]] = {}
    for m in matches:
        out.setdefault(m.concept_id, []).append(m)
    return out


def _spans(matches: Iterable[Match]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in matches]


def _approved_names(ctx, cid: str, role: str) -> list[str]:
    """The approved renderings of a concept in one language, computed once per run."""
    cache = ctx.cache.setdefault("approved", {})
    names = cache.get((cid, role))
    if names is None:
        names = cache[(cid, role)] = [t.text for t in ctx.index.concepts[cid].approved(role)]
    return names


def check_term_missing(rows: Iterable[UnitRow], ctx) -> Iterator[CheckFinding]:
    if ctx.index is None:
        return
    for row in rows:
        target = row.target.strip()
        if not target or target == row.source.strip():
            continue  # an empty or untranslated target is reported once, by `untranslated`
        src, tgt = ctx.term_matches(row)
        if not src:
            continue
        found = {m.concept_id for m in tgt}
        missing = [m for m in src if m.concept_id not in found]
        if not missing:
            continue  # every source concept is rendered (approved or forbidden: see there)
        for cid, hits in _by_concept(missing).items():
            names = _approved_names(ctx, cid, ctx.target_role(row))
            if not names:
                continue  # nothing approved to expect
            yield ctx.finding(
                "term-missing",
                row,
                f"«{hits[0].text}» ({cid}) is not rendered as " + " / ".join(f"“{n}”" for n in names),
                severity=ctx.options.missing_severity,
                concept=cid,
                expected=list(names),
                found=hits[0].text,
                source_spans=_spans(hits),
            )


def check_term_forbidden(rows: Iterable[UnitRow], ctx) -> Iterator[CheckFinding]:
    if ctx.index is None:
        return
    for row in rows:
        src, tgt = ctx.term_matches(row)
        if not src or not tgt:
            continue
        source_concepts = _by_concept(src)
        for cid, hits in _by_concept(tgt).items():
            if cid not in source_concepts:
                continue
            bad = [m for m in hits if not m.term.status.approved]
            if not bad:
                continue
            concept = ctx.index.concepts[cid]
            names = [t.text for t in concept.approved(ctx.target_role(row))]
            want = " / ".join(f"“{n}”" for n in names) or "no approved rendering"
            for m in bad:
                yield ctx.finding(
                    "term-forbidden",
                    row,
                    f"“{m.text}” is a {m.term.status.value} rendering of {cid}; use {want}",
                    concept=cid,
                    expected=names,
                    found=m.text,
                    source_spans=_spans(source_concepts[cid]),
                    target_spans=[(m.start, m.end)],
                )


def term_rows(row: UnitRow, ctx) -> list[tuple]:
    """(unit, concept, rendering, approved, preferred, matched text, start, end) for every source concept rendered in the target."""
    src, tgt = ctx.term_matches(row)
    if not src or not tgt:
        return []
    concepts = {m.concept_id for m in src}
    return [
        (
            row.unit,
            m.concept_id,
            m.term.text,
            m.term.status.approved,
            m.term.status.value == "preferred",
            m.text,
            m.start,
            m.end,
        )
        for m in tgt
        if m.concept_id in concepts
    ]


def _strip_possessive(token: str) -> str:
    t = token.replace("’", "'")
    return t[:-2] if t.lower().endswith("'s") else t


def name_rows(row: UnitRow, ctx) -> list[tuple]:
    """(unit, key, spelling, preferred spelling or "") for every Russian name found romanized in the target.

    Termbase names are keyed by concept; other names by lemma when pymorphy3 tags the source token as a
    surname, first name, patronymic or place. A target token counts as a spelling of the name when its
    scheme-neutral skeleton equals the skeleton of the name's nominative: inflected forms (Ezhova) are
    left out, so only true spelling variants (Yezhov / Ezhov) are compared.
    """
    skeleton = ctx.skeleton
    if skeleton is None or not row.ru_is_source:
        return []  # in an en→ru memory the English is the author's: its spellings are not ours to check
    ru, en = row.ru, row.en
    if not ru or not en:
        return []
    out: list[tuple] = []
    covered: list[tuple[int, int]] = []
    en_tokens = None
    if ctx.index is not None:
        src, tgt = ctx.term_scans(row)  # ru is the source here (checked above)
        ru_hits, en_hits, en_tokens = src.matches, tgt.matches, tgt.tokens
        names = {m.concept_id for m in ru_hits if ctx.index.concepts[m.concept_id].type.is_name}
        covered = [(m.start, m.end) for m in ru_hits]
        for m in en_hits:
            if m.concept_id not in names or " " in m.text:
                continue
            spelling = _strip_possessive(m.text)
            key = skeleton(spelling)
            if key == skeleton(m.term.text):
                out.append((row.unit, m.concept_id, spelling, _preferred_spelling(ctx, m.concept_id, key)))
    en_keys = None
    for start, candidates in _ru_names(ru, ctx):
        if covered and any(s <= start < e for s, e in covered):
            continue
        if en_keys is None:
            name_cache = ctx.cache.setdefault("en-name", {})
            en_keys = []
            for t in EN_TOKEN.findall(en) if en_tokens is None else en_tokens:
                k = name_cache.get(t, False)
                if k is False:
                    k = _en_name_key(t, ctx)
                if k is not None:
                    en_keys.append(k)
        hit = next(
            ((lemma, spelling) for lemma, key in candidates for spelling, k in en_keys if k == key), None
        )
        if hit is not None:
            lemma, spelling = hit
            out.append((row.unit, "name:" + lemma, spelling, ""))
    return out


def _preferred_spelling(ctx, concept_id: str, key: str) -> str:
    """The termbase's spelling of this name part: the first approved one-word English term (preferred
    before admitted) with the same skeleton (Yezhov for Ezhov, when Nikolai Yezhov is preferred)."""
    cache = ctx.cache.setdefault("preferred-spelling", {})
    found = cache.get((concept_id, key))
    if found is None:
        concept = ctx.index.concepts[concept_id]
        terms = sorted(concept.approved(ctx.options.target_lang), key=lambda t: t.status.value != "preferred")
        found = next((t.text for t in terms if " " not in t.text and ctx.skeleton(t.text) == key), "")
        cache[(concept_id, key)] = found
    return found


def _ru_names(text: str, ctx) -> list[tuple[int, tuple[tuple[str, str], ...]]]:
    """(offset, ((lemma, skeleton), …)) for every capitalised Russian token, cached per token string.

    Every parse's lemma is a candidate, surnames first (Ефимов is also the genitive plural of the first
    name Ефим; Ярославский is parsed as an adjective): the target decides, because only a romanization
    with the same skeleton counts.
    """
    cache = ctx.cache.setdefault("ru-name", {})
    out = []
    for tok in _CAPITALISED.finditer(text):
        word = tok.group()
        if len(word) < 3:
            continue  # initials and lookalike letters (М2), not names
        info = cache.get(word)
        if info is None:
            parses = sorted(morph.parses(word), key=lambda p: ("Surn" not in p.tag, "nomn" not in p.tag))
            lemmas = dict.fromkeys(p.normal_form.replace("ё", "е") for p in parses)
            info = cache[word] = tuple((lemma, ctx.skeleton(lemma)) for lemma in lemmas)
        out.append((tok.start(), info))
    return out


def _en_name_key(token: str, ctx) -> tuple[str, str] | None:
    """(spelling, skeleton) of a capitalised Latin token, possessive removed; None otherwise."""
    cache = ctx.cache.setdefault("en-name", {})
    info = cache.get(token, False)
    if info is False:
        info = None
        if token[:1].isupper() and not _CYRILLIC.search(token):
            spelling = _strip_possessive(token)
            info = (spelling, ctx.skeleton(spelling))
        cache[token] = info
    return info


_NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn")
# from the first vowel of a run only: tried from every vowel of a long run, the sub is quadratic
_STEM_END = re.compile(r"(?<![aeiouyIEAOU])[aeiouyIEAOU]+$")


class _Noun(NamedTuple):
    """A Russian token as lemma_rows sees it: a common noun's lemma and its skeleton stem."""

    lemma: str
    stem: str


_NOT_COUNTED = _Noun("", "")  # not a common noun, a name, or a stem too short to compare


def lemma_rows(row: UnitRow, ctx) -> list[tuple]:
    """(unit, lemma, romanized spelling or "") for every Russian common noun of the source that no
    termbase concept covers: the termbase-free half of term-inconsistent (колхоз romanized as kolkhoz
    in some units, translated in others). A target token counts as the romanization when its skeleton
    starts with the skeleton stem of the lemma (kolkhozy, kolkhozes and kolkhoz all do)."""
    skeleton = ctx.skeleton
    ru, en = row.ru, row.en
    if (
        skeleton is None
        or not row.ru_is_source
        or not ru
        or not en
        or row.source.strip() == row.target.strip()
    ):
        return []  # only ru→en renderings; untranslated units say nothing about how a word is rendered
    covered: list[tuple[int, int]] = []
    en_covered: list[tuple[int, int]] = []
    ru_scan = en_scan = None
    if ctx.index is not None:
        ru_scan, en_scan = ctx.term_scans(row)  # ru is the source here (checked above)
        covered = [(m.start, m.end) for m in ru_scan.matches]
        en_covered = [(m.start, m.end) for m in en_scan.matches]  # a word of another term is no romanization
    cache = ctx.cache.setdefault("ru-noun", {})
    out: list[tuple] = []
    en_keys = None
    for word in _tokens_outside(RU_TOKEN, ru, covered, ru_scan):
        noun = cache.get(word)
        if noun is None:
            nouns = [p for p in morph.parses(word) if p.tag.POS == "NOUN"] if not word[:1].isdigit() else []
            if not nouns or any(t in p.tag for p in nouns for t in _NAME_TAGS):
                noun = _NOT_COUNTED
            else:
                lemma = nouns[0].normal_form.replace("ё", "е")
                stem = _STEM_END.sub("", skeleton(lemma) or "")
                noun = _Noun(lemma, stem) if len(stem) >= 4 else _NOT_COUNTED
            cache[word] = noun
        if not noun.lemma:
            continue
        if en_keys is None:
            en_keys = _en_skeletons(en, ctx, en_covered, en_scan)
        stem = noun.stem
        hit = next(
            (spelling for spelling, k in en_keys if k.startswith(stem) and len(k) - len(stem) <= 3), ""
        )
        out.append((row.unit, noun.lemma, hit))
    return out


def _tokens_outside(
    pattern: re.Pattern, text: str, spans: Sequence[tuple[int, int]], scan: Scan | None = None
) -> list[str]:
    """The tokens of *text* that do not start inside one of *spans*. *scan*: the recogniser's
    tokenisation of the same text with the same pattern, reused when given."""
    if scan is None:
        if not spans:
            return pattern.findall(text)
        inside: set[int] = set()
        for s, e in spans:
            inside.update(range(s, e))
        return [m.group() for m in pattern.finditer(text) if m.start() not in inside]
    tokens = scan.tokens
    if not spans:
        return tokens
    starts = token_starts(text, tokens, scan.starts)
    # the tokens starting inside a span are one run of indexes: cut the runs out by slicing
    out: list[str] = []
    done = 0
    for s, e in sorted(spans):
        first = bisect_left(starts, s)
        out += tokens[done:first]
        done = max(done, bisect_left(starts, e))
    out += tokens[done:]
    return out


def _en_skeletons(
    text: str, ctx, skip: Sequence[tuple[int, int]] = (), scan: Scan | None = None
) -> list[tuple[str, str]]:
    """(lower-case spelling, skeleton) of the Latin words of an English text outside the *skip* spans,
    cached per token."""
    cache = ctx.cache.setdefault("en-skeleton", {})
    out = []
    for token in _tokens_outside(EN_TOKEN, text, skip, scan):
        info = cache.get(token)
        if info is None:
            info = ()
            if token.isalpha() and not _CYRILLIC.search(token):
                spelling = _strip_possessive(token).lower()
                info = (spelling, ctx.skeleton(spelling) or "")
            cache[token] = info
        if info:
            out.append(info)
    return out
