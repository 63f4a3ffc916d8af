"""R1xx: how Russian words are romanized — consistency, the house scheme, scheme mixing, signs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ...findings import Finding
from ..romanized import (
    ALL_MARKS,
    ESTABLISHED_ZIPF,
    MARK_SET,
    SOFT_MARKS,
    apply_case,
    case_shape,
    english_zipf,
    is_acronym,
    is_latin_word,
    normalize_marks,
    strip_marks,
)
from .analysis import Analysis, Group, Occurrence, analysis, spelling_key
from .base import LintContext, Rule


class InconsistentRomanization(Rule):
    """One Russian word form is romanized in two or more ways.

    What it does: groups the romanized words of all checked files by a scheme-neutral key
    (`glossary.reverse.skeleton`) and confirms each group by reading every spelling back into
    Russian (each scheme's letter table, else reverse romanization) against the morphological
    dictionary: the spellings must allow one Russian word form, so different words are never
    grouped; a spelling with no reading at all (a misspelling such as `Vyshinski`) may join a group
    through the key. Works for names the termbase does not know. Every occurrence of a spelling
    other than the one the fix policy chooses is reported, with every variant and the Russian form.
    Titles, references and other citations keep their source's spelling and are left out.
    Fix policy: one for R101, R102 and R104, so they never propose two spellings for one word:
    1. the termbase's preferred spelling: the preferred English term where it romanizes a Russian
    term of the concept word for word (`Izvestiia`), else the Russian term's `conventional`
    spelling (`Beria`); when the house scheme was detected (none configured) and the preferred
    term is only another scheme's form (`Novyi mir`, LC), the conventional spelling (`Novy Mir`);
    2. else the house scheme's form (`--scheme` or `scheme` in the configuration; by default the
    system most romanized words of the checked files follow, which the summary names), or, where
    the text uses it more, a conventional English spelling that R102 accepts (frequent in English:
    `Trotsky`, `Nikolai`; or written so by no scheme at all: `Dostoevsky`) that is attested —
    established in English, an observed spelling of a name, or a scheme's form through a
    convention (`-y` for `-ий`); a slip no scheme or convention explains (`Dmitrevna` for
    Дмитриевна) never wins, however often it is used;
    3. else, when the spellings do not agree on one Russian reading, or only agree on a form no
    dictionary or lexicon knows (`Narkomiust`, `Narkomjust`: наркомюст), the most frequent
    spelling, suggested only.
    A woman's surname follows the spelling chosen for the man's (`Dostoevsky` → `Dostoevskaya`).
    A person's preferred English full name in the termbase (`Andrey Vyshinsky` beside `Andrei
    Zhdanov`) is never reported and never counts against a scheme: conventional forms are per
    person. It still counts for its group (a lone `Tukhachevskii` beside `Mikhail Tukhachevsky`).
    The fix is safe when it comes from step 1 or 2 and the spelling has a dictionary reading;
    every fixed spelling is one R102 accepts, so a second `--fix` finds nothing to change.
    Why: readers take `Tukhachevsky` and `Tukhachevskii` for two people; indexes and searches split.
    Example: `Marshal Tukhachevskii was arrested … the Tukhachevsky affair`.
    Use instead: one spelling throughout: `Tukhachevskii … the Tukhachevskii affair` (LC).
    """

    code = "R101"
    name = "inconsistent-romanization"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for group in analysis(ctx).groups:
            yield from self._report(ctx, group)

    def _report(self, ctx: LintContext, group: Group) -> Iterator[Finding]:
        """A finding for every occurrence of a spelling other than the group's target."""
        members, variants = group.members, group.variants
        shown_cyr = _display_case(group.cyrillic, variants[max(members, key=lambda k: len(members[k]))])
        variant_list = sorted(variants.values(), key=lambda w: (-len(members[spelling_key(w)]), w))
        counts = ", ".join(f"`{w}` ×{len(members[spelling_key(w)])}" for w in variant_list)
        for key, occs_k in members.items():
            if key == group.target_key:
                continue
            for occ in occs_k:
                if occ.approved:
                    continue
                target = fitted_case(group.target, occ.word)
                yield ctx.finding(
                    self,
                    occ.doc,
                    occ.start,
                    occ.end,
                    f"`{occ.word}`: {shown_cyr} is written {len(variants)} ways ({counts}); use `{target}`",
                    replacement=target,
                    safe=group.safe and key in group.anchored,
                    variants=variant_list,
                    cyrillic=shown_cyr,
                    canonical=target,
                    policy=group.source,
                )


def fitted_case(target: str, written: str) -> str:
    """*target* in the letter case of *written* (Title, UPPER, lower) unless it has its own."""
    shape = case_shape(written)
    if shape == case_shape(target) or (shape == "title" and target[:1].isupper()):
        return target
    return apply_case(target, shape)


def _display_case(cyrillic: str, latin: str) -> str:
    shape = case_shape(latin)
    return (
        cyrillic.upper()
        if shape == "upper"
        else cyrillic[:1].upper() + cyrillic[1:]
        if shape == "title"
        else cyrillic
    )


class OffStyle(Rule):
    """A romanized word does not follow the house scheme.

    What it does: reads each romanized word back into Russian (each scheme's letter table, else
    reverse romanization, checked against the morphological dictionary) and compares it with the
    house scheme's spelling of that Russian form. The house scheme is `--scheme` or `scheme` in
    `[tool.slovnik]`; when neither is set, it is the system most romanized words of the checked
    files follow (the summary line names it: `house scheme: wikipedia (detected, 41 of 44 words)`).
    Conventional spellings and approved English terms recorded in the termbase are honoured
    (`Trotsky` is fine under LC when the termbase says so), and so are names frequent in English
    text (Zipf ≥ 2.8: `Engels`, `Trotsky`, `Yeltsin`; ≥ 3.5 is English anyway: `Yuri`) and the house
    form written with the English conventions of `schemes/conventions.json` (`Nikolai`,
    `Mikhailovich`, `Bolshoi` for -ай/-ей/-ой; `Sviatoslav`, `Natalia` for -ья/-ия; `Yuri`, `Alexei`),
    which are never findings. A convention marked `accepted: false` there is a scheme's habit, not
    English usage (`E-` for Е-, LC's; `-y` for -ий, Wikipedia's): it is still off style under a
    house scheme that writes otherwise, and the fix keeps the word's other conventions (`Evsei` →
    `Yevsei` under Wikipedia). A woman's surname of a conventional man's spelling is in style
    (`Dostoevskaya`). A word only a loose reading explains (no scheme writes it so) is left alone,
    and so are titles, references and other citations. Soft-sign mark characters (`'`, `’`, `ʹ`) count as equal here (see R104).
    The fix follows the policy of R101 (the termbase's preferred spelling, else the house form);
    for a word R101 groups with other spellings it is R101's fix. It is safe when the word has only
    one Russian reading.
    Why: a publication follows one system; a word in another system looks like a different name.
    Example (scheme `lc`): `Lavrentiy Beria met Yagoda`.
    Use instead: `Lavrentii Beriia met Iagoda` (or the conventional spellings your termbase lists).
    """

    code = "R102"
    name = "off-style"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        an = analysis(ctx)
        verdicts: dict[str, tuple[str, str, bool] | None] = {}
        for occ in an.occurrences:
            if occ.approved:
                continue
            key = normalize_marks(occ.word).lower()
            if key not in verdicts:
                verdicts[key] = self._verdict(an, occ.word, key)
            verdict = verdicts[key]
            if verdict is None:
                continue
            cyrillic, house, safe = verdict
            target = fitted_case(house, occ.word)
            if an.romanized.accepted(occ.word, cyrillic):
                # The scheme's own form, where the policy chose the termbase's or a conventional
                # spelling for the run (Nikolay beside Nikolai): say so, not "not romanization".
                message = (
                    f"`{occ.word}` is the {ctx.scheme} form of {cyrillic}, but this run spells it "
                    f"`{target}`; use `{target}`"
                )
            else:
                message = f"`{occ.word}` is not {ctx.scheme} romanization of {cyrillic}; use `{target}`"
            yield ctx.finding(
                self,
                occ.doc,
                occ.start,
                occ.end,
                message,
                replacement=target,
                safe=safe,
                cyrillic=cyrillic,
                scheme=ctx.scheme,
            )

    @staticmethod
    def _verdict(an: Analysis, word: str, key: str) -> tuple[str, str, bool] | None:
        """(Russian form, spelling to use, safe) for an off-style word; None for a word in style."""
        rom = an.romanized
        if (
            rom.english_like(word) or english_zipf(word) >= ESTABLISHED_ZIPF
        ) and key not in rom.known_spellings:
            return None  # English words, and names with an established English spelling (Engels)
        group = an.group_of.get(spelling_key(word))
        if group is not None:  # R101's group: its target is the house decision for every member
            if group.source == "majority" or spelling_key(word) == group.target_key:
                return None
            return group.cyrillic, group.target, group.safe and spelling_key(word) in group.anchored
        reading = an.reading(word)
        # A loose reading (no scheme writes it so: Chuev read as a German-style Хуев, or a
        # conventional form such as Dostoevsky) is a guess, not evidence of a foreign scheme.
        if (
            reading is None
            or an.conventional(word)
            or rom.accepted(word, reading.cyrillic)
            or an.by_convention(word, reading.cyrillic)
            or an.feminine_of_conventional(word, reading.cyrillic)
        ):
            return None
        house, source = an.house_target(reading.cyrillic)
        if normalize_marks(house).lower() == key:
            return None
        if source == "house":
            house = an.keeping_conventions(word, reading.cyrillic, house)
        return reading.cyrillic, house, reading.unambiguous


class SchemeMixing(Rule):
    """The text mixes romanization systems.

    What it does: collects, for each file, the evidence of which romanization systems its romanized
    words follow — which schemes write each word exactly so, and which variant of each
    distinguishing feature it shows (`glossary.detection`: -ii/-iy/-y for -ий, Ye-/E- for initial
    Е, iu/yu for ю, `'`/`ʹ`/nothing for ь, …) — across different words, not only variants of one, and
    reports once per file when no single system explains them, with the evidence. Conventional
    spellings from the termbase, names established in English (`Kiev`) and words that are also
    English words are not evidence, and a word that is the best system's form written with an
    English convention (`Nikolai`, `Sviatoslav` beside Wikipedia spellings; see R102) fits it. At
    least two words must disagree with the best-fitting system.
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
            schemes, first = an.scheme_evidence(per_doc.get(id(doc), []))
            if not schemes.mixed:
                continue
            best = schemes.dominant
            # A conventional English form of the best system's spelling (Nikolai, Sviatoslav) fits it.
            off = [
                t
                for t in schemes.distinguishing
                if best not in t.schemes and not an.by_convention(t.token, t.cyrillic, best)
            ]
            outliers = {t.token.lower() for t in off}
            if len(outliers) < 2:
                continue
            occ = first[off[0].token]
            fitting = len(schemes.distinguishing) - len(off)
            parts = []
            for feature, variants in schemes.features.items():
                if len(variants) < 2:
                    continue
                shown = ", ".join(
                    f"{v} ×{n} (`{_example(schemes, feature, v)}`)" for v, n in variants.items()
                )
                parts.append(f"{feature}: {shown}")
            evidence = "; ".join(parts) or "words fit different systems"
            yield ctx.finding(
                self,
                doc,
                occ.start,
                occ.end,
                f"romanization systems are mixed: {fitting} of {len(schemes.distinguishing)} words fit "
                f"{best}, {len(outliers)} do not; {evidence}",
                dominant=best,
                counts=schemes.counts,
                features=schemes.features,
                not_fitting=sorted({t.token for t in off}),
            )


def _example(schemes, feature: str, variant: str) -> str:
    return next(t.token for t in schemes.tokens if t.features.get(feature) == variant)


class SoftSignMarks(Rule):
    """Soft and hard signs are marked inconsistently.

    What it does: finds romanized words written with and without a soft/hard-sign mark, or with
    different mark characters (`oblast'`, `oblast`, `oblastʹ`, `oblast’`) in the checked files, and
    files that use more than one character for the soft sign across different words. The canonical
    form is the one R101's fix policy chooses when present (safe fix), else the most frequent.
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
        groups = self._groups(ctx)
        reported: set[tuple[int, int]] = set()
        for key, occs in groups.items():
            group = an.group_of.get(key)
            if group is not None and group.target_key != key:
                continue  # R101 rewrites these spellings to another one
            forms = Counter(_mark_pattern(o.word) for o in occs)
            if len(forms) < 2 or not any(any(ch in ALL_MARKS for ch in f) for f in forms):
                continue
            marked = next(o.word for o in occs if any(ch in ALL_MARKS for ch in o.word))
            reading = an.reading(marked)
            if reading is None or not any(s in reading.cyrillic for s in "ьъ"):
                continue
            if not self._same_word(an, occs, forms, reading.cyrillic):
                continue
            house = group.target if group is not None else an.house_target(reading.cyrillic)[0]
            house_pattern = _mark_pattern(house)
            if house_pattern in forms:
                canonical, safe = house_pattern, True
            else:
                canonical, safe = forms.most_common(1)[0][0], False
            example = next(o.word for o in occs if _mark_pattern(o.word) == canonical)
            variants = sorted({o.word for o in occs})
            for occ in occs:
                if _mark_pattern(occ.word) == canonical or occ.approved:
                    continue
                reported.add((id(occ.doc), occ.start))
                yield ctx.finding(
                    self,
                    occ.doc,
                    occ.start,
                    occ.end,
                    f"`{occ.word}` marks the sign of {reading.cyrillic} differently from `{example}`",
                    replacement=_with_pattern(occ.word, example),
                    safe=safe,
                    variants=variants,
                    cyrillic=reading.cyrillic,
                )
        yield from self._mark_characters(ctx, an, reported)

    @classmethod
    def words_to_read(cls, ctx: LintContext) -> list[str]:
        """The marked spelling and one spelling of each form of every group with forms to compare."""
        out: list[str] = []
        for occs in cls._groups(ctx).values():
            forms = {_mark_pattern(o.word): o.word for o in reversed(occs)}
            if len(forms) > 1 and any(not MARK_SET.isdisjoint(f) for f in forms):
                out += forms.values()
        return out

    @staticmethod
    def _groups(ctx: LintContext) -> dict[str, list[Occurrence]]:
        """Occurrences of the words written with a mark somewhere in the run, by spelling key, outside
        citations (made once per run: the helper process's shares ask for them too)."""
        found = ctx.shared.get("R104.groups")
        if found is None:
            found = ctx.shared["R104.groups"] = SoftSignMarks._find_groups(ctx)
        return found  # type: ignore[return-value]

    @staticmethod
    def _find_groups(ctx: LintContext) -> dict[str, list[Occurrence]]:
        # Every Latin word counts here, English-looking ones too (oblast is in English dictionaries),
        # but a group needs a marked spelling that reads as a Russian word with ь or ъ.
        texts = analysis(ctx).token_words  # each distinct token text → (word, characters cut, …)
        marked_keys = {
            strip_marks(w).lower() for text, (w, _, _) in texts.items() if not MARK_SET.isdisjoint(text)
        }
        # (word, cut, key) of each distinct token text that may join a group: a text has far fewer
        # distinct words than tokens, and far fewer still with a marked spelling
        joining: dict[str, tuple[str, int, str]] = {}
        for text, (word, cut, _) in texts.items():
            key = strip_marks(word).lower()
            if key in marked_keys and len(key) >= 3 and is_latin_word(word) and not is_acronym(word):
                joining[text] = (word, cut, key)
        groups: dict[str, list[Occurrence]] = defaultdict(list)
        for doc in ctx.documents:
            for tok in ctx.tokens(doc):
                if tok.text in joining and not doc.in_citation(tok.start, tok.end):
                    word, cut, key = joining[tok.text]
                    groups[key].append(Occurrence(doc, word, tok.start, tok.end - cut))
        return dict(groups)

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
            if marks and (reading := an.reading(occ.word)) is not None and "ь" in reading.cyrillic:
                per_doc[id(occ.doc)].append((occ, marks[0]))
        for items in per_doc.values():
            counts = Counter(mark for _, mark in items)
            if len(counts) < 2:
                continue
            main = counts.most_common(1)[0][0]
            for occ, mark in items:
                if mark == main or occ.approved or (id(occ.doc), occ.start) in reported:
                    continue
                fixed = occ.word.replace(mark, main)
                yield ctx.finding(
                    self,
                    occ.doc,
                    occ.start,
                    occ.end,
                    f"`{occ.word}` marks the soft sign with {mark!r} (U+{ord(mark):04X}); this file "
                    f"mostly uses {main!r} (U+{ord(main):04X})",
                    replacement=fixed,
                    safe=True,
                    mark=mark,
                    usual=main,
                )


def _mark_pattern(word: str) -> str:
    """The word in lower case with its marks kept as they are (the thing R104 compares)."""
    return word.lower()


def _with_pattern(word: str, example: str) -> str:
    """*example*'s marks on *word*'s letters (letter case of *word* kept)."""
    letters = iter(ch for ch in word if ch not in ALL_MARKS)
    out = []
    for ch in example:
        out.append(ch if ch in ALL_MARKS else next(letters, ""))
    out.extend(letters)
    return "".join(out)
