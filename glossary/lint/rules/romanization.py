"""R1xx: how Russian words are romanized — consistency, the house scheme, scheme mixing, signs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ...findings import Finding
from ..romanized import (
    ESTABLISHED_ZIPF,
    LOWER_ZIPF,
    SOFT_MARKS,
    UNREAD_ZIPF,
    Reading,
    Romanized,
    apply_case,
    case_shape,
    core,
    english_zipf,
    is_acronym,
    is_latin_word,
    normalize_marks,
    russian_zipf,
    strip_marks,
)
from ..sources import Document
from .base import LintContext, Rule


@dataclass(frozen=True)
class Occurrence:
    """A romanized word in a document: doc.text[start:end] == word (possessive already cut off)."""

    doc: Document
    word: str
    start: int
    end: int


class Analysis:
    """The romanized words of all documents, computed once per lint run and shared by R1xx rules."""

    def __init__(self, ctx: LintContext):
        self.ctx = ctx
        self.romanized = Romanized(ctx.termbase, ctx.scheme)

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Every Latin word that may be romanized Russian (shape and English frequency only)."""
        out = []
        for doc in self.ctx.documents:
            for tok in self.ctx.tokens(doc):
                word, cut = core(tok.text)
                if self.romanized.candidate(word):
                    out.append(Occurrence(doc, word, tok.start, tok.end - cut))
        return out

    def reading(self, word: str) -> Reading | None:
        return self.romanized.reading(word)

    @cached_property
    def groups(self) -> dict[str, list[Occurrence]]:
        """Occurrences grouped by the scheme-neutral skeleton of the word (of the name the names
        lexicon reads it as, when it does: Romanized.group_key)."""
        groups: dict[str, list[Occurrence]] = defaultdict(list)
        keys: dict[str, str] = {}
        for occ in self.occurrences:
            w = normalize_marks(occ.word).lower()
            if w not in keys:
                keys[w] = self.romanized.group_key(occ.word)
            groups[keys[w]].append(occ)
        return groups


def analysis(ctx: LintContext) -> Analysis:
    """The shared Analysis of *ctx* (made on first use)."""
    found = getattr(ctx, "_romanization_analysis", None)
    if found is None:
        found = Analysis(ctx)
        ctx._romanization_analysis = found
    return found


def _spelling_key(word: str) -> str:
    """Spellings that differ only in letter case or soft/hard-sign marks are one variant here."""
    return strip_marks(word).lower()


class InconsistentRomanization(Rule):
    """One Russian word form is romanized in two or more ways.

    What it does: groups the romanized words of all checked files by a scheme-neutral key
    (`glossary.reverse.skeleton`) and confirms each group by reading every spelling back into
    Russian (each scheme's letter table, else reverse romanization) against the morphological
    dictionary: the spellings must allow one Russian word form, so different words are never
    grouped; a spelling with no reading at all (a misspelling such as `Vyshinski`) may join a group
    through the key. Works for names the termbase does not know. Every occurrence of a spelling
    other than the canonical one is reported, with every variant and the Russian form. The
    canonical spelling is the house form — the termbase's conventional spelling if it records one,
    else the house scheme's (`--scheme`) — when it is among the variants (then the fix is safe),
    else the most frequent spelling (the fix is only suggested).
    Why: readers take `Tukhachevsky` and `Tukhachevskii` for two people; indexes and searches split.
    Example: `Marshal Tukhachevskii was arrested … the Tukhachevsky affair`.
    Use instead: one spelling throughout: `Tukhachevskii … the Tukhachevskii affair` (LC).
    """

    code = "R101"
    name = "inconsistent-romanization"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        an = analysis(ctx)
        rom = an.romanized
        for occs in an.groups.values():
            by_spelling: dict[str, list[Occurrence]] = defaultdict(list)
            for occ in occs:
                by_spelling[_spelling_key(occ.word)].append(occ)
            if len(by_spelling) < 2:
                continue
            for cyrillic, members, anchored in self._confirm(an, by_spelling):
                yield from self._report(ctx, rom, cyrillic, members, anchored)

    def _report(self, ctx: LintContext, rom: Romanized, cyrillic: str, members, anchored) -> Iterator[Finding]:
        """A finding for every occurrence of a non-canonical spelling of one group."""
        variants = {k: Counter(o.word for o in v).most_common(1)[0][0] for k, v in members.items()}
        # The house form (a conventional spelling when the termbase has one), else the strict
        # scheme form, else the most frequent spelling.
        preferred = [_spelling_key(rom.house_form(cyrillic)), _spelling_key(rom.strict_form(cyrillic))]
        house = [k for k in preferred if k in anchored]
        if house:
            canonical, safe = house[0], True
            canonical_form = rom.house_form(cyrillic) if house[0] == preferred[0] \
                else rom.strict_form(cyrillic)
        else:
            canonical = max(anchored, key=lambda k: (len(members[k]), k))
            safe = False
            canonical_form = variants[canonical]
        shown_cyr = _display_case(cyrillic, variants[max(members, key=lambda k: len(members[k]))])
        variant_list = sorted(variants.values(), key=lambda w: (-len(members[_spelling_key(w)]), w))
        counts = ", ".join(f"`{w}` ×{len(members[_spelling_key(w)])}" for w in variant_list)
        for key, occs_k in members.items():
            if key == canonical:
                continue
            for occ in occs_k:
                target = apply_case(canonical_form, case_shape(occ.word)) \
                    if case_shape(occ.word) != case_shape(canonical_form) else canonical_form
                yield ctx.finding(
                    self, occ.doc, occ.start, occ.end,
                    f"`{occ.word}`: {shown_cyr} is written {len(variants)} ways ({counts}); "
                    f"use `{target}`",
                    replacement=target, safe=safe and key in anchored, variants=variant_list,
                    cyrillic=shown_cyr, canonical=target)

    @staticmethod
    def _confirm(an: Analysis, by_spelling):
        """(Russian form, member spellings, spellings with a dictionary reading) for each real group.

        The spellings of one group must all allow one Russian form (spellings the skeleton joins but
        that read as different words form separate groups); a spelling without one
        (Vyshinski, a misspelling) may join through the skeleton alone if it does not look like an
        English word. Spellings that differ only in signs are R104's business.
        """
        rom = an.romanized
        readings = {k: an.reading(v[0].word) for k, v in by_spelling.items()}
        anchored = [k for k, r in readings.items() if r is not None]
        # A reading Russian text never uses (Voznesenski as the adverb вознесенски) is no anchor
        # beside a spelling that reads as a word Russian does use: that spelling is unread.
        solid = [k for k in anchored if "termbase" in readings[k].schemes
                 or russian_zipf(readings[k].cyrillic) > 0]
        if solid:
            anchored = solid
        if not anchored or all(rom.english_like(by_spelling[k][0].word) for k in anchored):
            return  # nothing read, or only English-looking words read as Russian (Lian): no evidence
        cyrillic = _shared_reading(readings[k] for k in anchored)
        if cyrillic is not None:
            words = [(cyrillic, anchored)]
        else:
            words = _split_by_reading(readings, anchored, by_spelling)
        for n, (cyrillic, keys) in enumerate(words):
            members = {k: by_spelling[k] for k in keys}
            if n == 0:  # spellings without a reading join the best-supported word only
                members.update({k: v for k, v in by_spelling.items() if k not in anchored and len(k) >= 5
                                and _unread_member(rom, v[0].word, readings[k])})
            if len(members) >= 2 and not all(rom.english_like(v[0].word) for v in members.values()):
                yield cyrillic, members, keys


def _split_by_reading(readings, anchored, by_spelling) -> list[tuple[str, list[str]]]:
    """The readings disagree (the skeleton joins лучше and лучшие): one (Russian form, spellings)
    per word, the form most occurrences allow first. A spelling's own best reading counts double;
    ё = е (учёные and ученые are one word)."""
    allowed = {k: {_fold(a) for a in readings[k].alternatives} for k in anchored}
    votes: Counter = Counter()
    for k in anchored:
        best = _fold(readings[k].cyrillic)
        for alt in allowed[k]:
            votes[alt] += len(by_spelling[k]) * (2 if alt == best else 1)
    words, left = [], list(anchored)
    for winner, _ in votes.most_common():
        keys = [k for k in left if winner in allowed[k]]
        if keys:
            words.append((next(a for k in keys for a in readings[k].alternatives if _fold(a) == winner), keys))
            left = [k for k in left if k not in keys]
    return words


def _unread_member(rom: Romanized, word: str, reading: Reading | None) -> bool:
    """May a spelling without an anchoring reading join a group through the skeleton alone?
    Only when English does not know it (by frequency; its own weak Russian reading is no argument
    either way)."""
    if reading is None:
        return not rom.english_like(word)
    if russian_zipf(reading.cyrillic) > 0:
        return False  # it reads as another Russian word
    return english_zipf(word) < (UNREAD_ZIPF if word[:1].isupper() else LOWER_ZIPF)


def _fold(cyrillic: str) -> str:
    return cyrillic.replace("ё", "е")


def _display_case(cyrillic: str, latin: str) -> str:
    shape = case_shape(latin)
    return cyrillic.upper() if shape == "upper" else cyrillic[:1].upper() + cyrillic[1:] \
        if shape == "title" else cyrillic


def _shared_reading(readings) -> str | None:
    """The Russian form every reading allows (the best-scored one), or None."""
    readings = list(readings)
    shared = set(readings[0].alternatives)
    for r in readings[1:]:
        shared &= set(r.alternatives)
    if not shared:
        return None
    for r in readings:
        for alt in r.alternatives:
            if alt in shared:
                return alt
    return None


class OffStyle(Rule):
    """A romanized word does not follow the house scheme.

    What it does: reads each romanized word back into Russian (each scheme's letter table, else
    reverse romanization, checked against the morphological dictionary) and compares it with the
    house scheme's spelling of that Russian form (`--scheme`, or `scheme` in `[tool.slovnik]`;
    default `lc`). Conventional spellings and approved English terms recorded in the termbase are
    honoured (`Trotsky` is fine under LC when the termbase says so), and so are names frequent in
    English text (Zipf ≥ 2.8: `Engels`). A word only a loose reading explains (no scheme writes
    it so) is left alone. Soft-sign mark characters (`'`, `’`, `ʹ`) count as equal here (see R104).
    The fix is the house spelling; it is safe when the word has only one Russian reading.
    Why: a publication follows one system; a word in another system looks like a different name.
    Example (scheme `lc`): `Lavrentiy Beria met Yagoda`.
    Use instead: `Lavrentii Beriia met Iagoda` (or the conventional spellings your termbase lists).
    """

    code = "R102"
    name = "off-style"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        an = analysis(ctx)
        rom = an.romanized
        verdicts: dict[str, tuple[Reading, str] | None] = {}
        for occ in an.occurrences:
            key = normalize_marks(occ.word).lower()
            if key not in verdicts:
                verdicts[key] = None
                if (rom.english_like(occ.word) or english_zipf(occ.word) >= ESTABLISHED_ZIPF) \
                        and key not in rom.known_spellings:
                    continue  # English words, and names with an established English spelling (Engels)
                reading = an.reading(occ.word)
                # A loose reading (no scheme writes it so: Chuev read as a German-style Хуев) is a
                # guess, not evidence of a foreign scheme.
                if reading is None or not reading.schemes or rom.accepted(occ.word, reading.cyrillic):
                    continue
                verdicts[key] = (reading, rom.house_form(reading.cyrillic))
            verdict = verdicts[key]
            if verdict is None:
                continue
            reading, house = verdict
            target = apply_case(house, case_shape(occ.word))
            if case_shape(occ.word) == "title" and house[:1].isupper():
                target = house
            yield ctx.finding(
                self, occ.doc, occ.start, occ.end,
                f"`{occ.word}` is not {ctx.scheme} romanization of {reading.cyrillic}; use `{target}`",
                replacement=target, safe=reading.unambiguous, cyrillic=reading.cyrillic, scheme=ctx.scheme)


class SchemeMixing(Rule):
    """The text mixes romanization systems.

    What it does: collects, for each file, the evidence of which romanization systems its romanized
    words follow — which schemes write each word exactly so, and which variant of each
    distinguishing feature it shows (`glossary.detection`: -ii/-iy/-y for -ий, Ye-/E- for initial
    Е, iu/yu for ю, `'`/`ʹ`/nothing for ь, …) — across different words, not only variants of one, and
    reports once per file when no single system explains them, with the evidence. Conventional
    spellings from the termbase and words that are also English words are not evidence. At least
    two words must disagree with the best-fitting system.
    Why: even when no word is spelled two ways, `Lavrentii` next to `Yezhov` shows two systems
    (LC writes `Ezhov`, Wikipedia `Lavrenty`): the text needs one.
    Example: `Lavrentii Beriia replaced Yezhov; Tukhachevsky was shot`.
    Use instead: one system, e.g. LC: `Lavrentii Beriia replaced Ezhov; Tukhachevskii was shot`.
    """

    code = "R103"
    name = "scheme-mixing"

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        an = analysis(ctx)
        per_doc: dict[int, list[Occurrence]] = defaultdict(list)
        for occ in an.occurrences:
            per_doc[id(occ.doc)].append(occ)
        for doc in ctx.documents:
            schemes, first = self._evidence(an, doc, per_doc.get(id(doc), []))
            if not schemes.mixed:
                continue
            best = schemes.dominant
            outliers = {t.token.lower() for t in schemes.distinguishing if best not in t.schemes}
            if len(outliers) < 2:
                continue
            occ = first[next(t.token for t in schemes.distinguishing if best not in t.schemes)]
            fitting = sum(best in t.schemes for t in schemes.distinguishing)
            parts = []
            for feature, variants in schemes.features.items():
                if len(variants) < 2:
                    continue
                shown = ", ".join(f"{v} ×{n} (`{_example(schemes, feature, v)}`)" for v, n in variants.items())
                parts.append(f"{feature}: {shown}")
            evidence = "; ".join(parts) or "words fit different systems"
            yield ctx.finding(
                self, doc, occ.start, occ.end,
                f"romanization systems are mixed: {fitting} of {len(schemes.distinguishing)} words fit "
                f"{best}, {len(outliers)} do not; {evidence}",
                dominant=best, counts=schemes.counts, features=schemes.features,
                not_fitting=sorted({t.token for t in schemes.distinguishing if best not in t.schemes}))

    @staticmethod
    def _evidence(an: Analysis, doc: Document, occs: list[Occurrence]):
        """A glossary.detection.DocumentSchemes built from this file's romanized words."""
        from collections import Counter as _Counter

        from ...detection import DocumentSchemes, TokenEvidence, features_of
        from ...romanize import SCHEME_IDS

        result = DocumentSchemes()
        counts: _Counter = _Counter()
        features: dict[str, _Counter] = {}
        first: dict[str, Occurrence] = {}
        rom = an.romanized
        for occ in occs:
            key = normalize_marks(occ.word).lower()
            if key in rom.known_spellings or rom.english_like(occ.word):
                continue  # conventional spellings and English-looking words are no evidence
            reading = an.reading(occ.word)
            if reading is None or not reading.schemes or "termbase" in reading.schemes:
                continue
            line, column = doc.position(occ.start)
            evidence = TokenEvidence(occ.word, line, column, reading.cyrillic, reading.schemes,
                                     features_of(occ.word, reading.cyrillic))
            result.tokens.append(evidence)
            first.setdefault(occ.word, occ)
            if len(reading.schemes) < len(SCHEME_IDS):
                counts.update(reading.schemes)
                for name, variant in evidence.features.items():
                    features.setdefault(name, _Counter())[variant] += 1
        result.counts = {s: counts.get(s, 0) for s in SCHEME_IDS}
        result.features = {name: dict(c.most_common()) for name, c in features.items()}
        return result, first


def _example(schemes, feature: str, variant: str) -> str:
    return next(t.token for t in schemes.tokens if t.features.get(feature) == variant)


class SoftSignMarks(Rule):
    """Soft and hard signs are marked inconsistently.

    What it does: finds romanized words written with and without a soft/hard-sign mark, or with
    different mark characters (`oblast'`, `oblast`, `oblastʹ`, `oblast’`) in the checked files, and
    files that use more than one character for the soft sign across different words. The canonical
    form is the house scheme's when present (safe fix), else the most frequent.
    Why: `'` (apostrophe), `’` (typographic apostrophe) and `ʹ` (modifier prime, the ALA-LC sign)
    look alike but search, sort and index differently; dropping the mark in some places only makes
    the same word two words.
    Example: `the oblast' committee … each oblast … the oblastʹ leaders`.
    Use instead: `oblast'` everywhere (or whatever your scheme writes).
    """

    code = "R104"
    name = "soft-sign-marks"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        an = analysis(ctx)
        rom = an.romanized
        # Every Latin word counts here, English-looking ones too (oblast is in English dictionaries),
        # but a group needs a marked spelling that reads as a Russian word with ь or ъ.
        marked_keys = {strip_marks(core(t.text)[0]).lower() for doc in ctx.documents
                       for t in ctx.tokens(doc) if any(ch in _ALL for ch in t.text)}
        groups: dict[str, list[Occurrence]] = defaultdict(list)
        for doc in ctx.documents:
            for tok in ctx.tokens(doc):
                word, cut = core(tok.text)
                key = strip_marks(word).lower()
                if key in marked_keys and len(key) >= 3 and is_latin_word(word) and not is_acronym(word):
                    groups[key].append(Occurrence(doc, word, tok.start, tok.end - cut))
        reported: set[tuple[int, int]] = set()
        for occs in groups.values():
            forms = Counter(_mark_pattern(o.word) for o in occs)
            if len(forms) < 2 or not any(any(ch in _ALL for ch in f) for f in forms):
                continue
            marked = next(o.word for o in occs if any(ch in _ALL for ch in o.word))
            reading = an.reading(marked)
            if reading is None or not any(s in reading.cyrillic for s in "ьъ"):
                continue
            if not self._same_word(an, occs, forms, reading.cyrillic):
                continue
            house_pattern = _mark_pattern(rom.house_form(reading.cyrillic))
            if house_pattern in forms:
                canonical, safe = house_pattern, True
            else:
                canonical, safe = forms.most_common(1)[0][0], False
            example = next(o.word for o in occs if _mark_pattern(o.word) == canonical)
            variants = sorted({o.word for o in occs})
            for occ in occs:
                if _mark_pattern(occ.word) == canonical:
                    continue
                reported.add((id(occ.doc), occ.start))
                yield ctx.finding(
                    self, occ.doc, occ.start, occ.end,
                    f"`{occ.word}` marks the sign of {reading.cyrillic} differently from `{example}`",
                    replacement=_with_pattern(occ.word, example), safe=safe, variants=variants,
                    cyrillic=reading.cyrillic)
        yield from self._mark_characters(ctx, an, reported)

    @staticmethod
    def _same_word(an: Analysis, occs, forms, cyrillic: str) -> bool:
        """Every variant reads best as *cyrillic*, or as nothing known (mat' мать vs mat мат: no)."""
        for form in forms:
            word = next(o.word for o in occs if _mark_pattern(o.word) == form)
            r = an.reading(word)
            if r is not None and r.cyrillic != cyrillic:
                return False
        return True

    def _mark_characters(self, ctx: LintContext, an: Analysis, reported) -> Iterator[Finding]:
        """One file, several soft-sign characters across different words: report the minority."""
        per_doc: dict[int, list[tuple[Occurrence, str]]] = defaultdict(list)
        for occ in an.occurrences:
            marks = [ch for ch in occ.word if ch in SOFT_MARKS]
            if marks and an.reading(occ.word) is not None and "ь" in an.reading(occ.word).cyrillic:
                per_doc[id(occ.doc)].append((occ, marks[0]))
        for items in per_doc.values():
            counts = Counter(mark for _, mark in items)
            if len(counts) < 2:
                continue
            main = counts.most_common(1)[0][0]
            for occ, mark in items:
                if mark == main or (id(occ.doc), occ.start) in reported:
                    continue
                fixed = occ.word.replace(mark, main)
                yield ctx.finding(
                    self, occ.doc, occ.start, occ.end,
                    f"`{occ.word}` marks the soft sign with {mark!r} (U+{ord(mark):04X}); this file "
                    f"mostly uses {main!r} (U+{ord(main):04X})",
                    replacement=fixed, safe=True, mark=mark, usual=main)


_ALL = SOFT_MARKS + "ʺ\"″"


def _mark_pattern(word: str) -> str:
    """The word in lower case with its marks kept as they are (the thing R104 compares)."""
    return word.lower()


def _with_pattern(word: str, example: str) -> str:
    """*example*'s marks on *word*'s letters (letter case of *word* kept)."""
    letters = iter(ch for ch in word if ch not in _ALL)
    out = []
    for ch in example:
        out.append(ch if ch in _ALL else next(letters, ""))
    out.extend(letters)
    return "".join(out)
