"""C4xx: Russian titles of works and authors' names in citations — the citation scheme, its title
case, one spelling per work and per author, translations on first mention.

The citation scheme is `--citation-scheme` or `citation-scheme` in `[tool.slovnik]` (default `lc`);
it is separate from the prose house scheme, as a press's style guide keeps it (Trotsky in the text,
Trotskii in the notes). Runs of romanized Russian inside citations come from glossary.lint.titles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ...findings import Finding
from ...romanization.reverse import skeleton
from ...romanization.romanize import SCHEME_IDS, romanize
from ..romanized import normalize_marks, strip_marks
from ..sources import Document
from ..titleforms import CitedWord, expected_form, same_letters, termbase_title, unambiguous
from ..titles import AUTHOR_HEAD, Run, latin_lookalike, runs
from .base import LintContext, Rule

# Two spellings of one word of a title are the same word when their scheme-neutral keys are equal or
# one edit apart (Ubiystvo / Ubystvo: a dropped letter) and the word is long enough for one edit not
# to make another word (Tom / Tam).
_MIN_FUZZY = 5


def _key(word: CitedWord) -> str:
    return skeleton(strip_marks(latin_lookalike(word.text)).lower())


def _alike(a: CitedWord, b: CitedWord) -> bool:
    if a.function or b.function:
        return a.function and b.function and (a.text.lower() == b.text.lower() or _key(a) == _key(b))
    ka, kb = _key(a), _key(b)
    if ka == kb or (a.cyrillic is not None and a.cyrillic == b.cyrillic):
        return True
    from rapidfuzz.distance import Levenshtein  # C4xx only, which a plain run leaves off

    return min(len(ka), len(kb)) >= _MIN_FUZZY and Levenshtein.distance(ka, kb) <= 1 + (len(ka) >= 8)


def _lookalikes(word: CitedWord) -> bool:
    """Does the word hold Cyrillic look-alike letters (`plenumе`)? Its fix is then not applied by a
    plain `--fix`: look-alikes inside a citation are S301's to judge, and S301 leaves them to the writer."""
    return latin_lookalike(word.text) != word.text


def _same_work(a: Run, b: Run) -> bool:
    """The same number of words, each pair alike; in a title of three words or more one pair may
    differ more (Beria / Beriii: a misspelling no reading explains) when its letters are still
    mostly the same."""
    if len(a.words) != len(b.words):
        return False
    unlike = [(x, y) for x, y in zip(a.words, b.words, strict=True) if not _alike(x, y)]
    if not unlike:
        return True
    if len(unlike) > 1 or len(a.words) < 3:
        return False
    x, y = unlike[0]
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(x.text.lower(), y.text.lower()) >= 0.6


def work_groups(ctx: LintContext) -> list[list[Run]]:
    """Title runs grouped by work (see `_same_work`). A shorter title (`*Tayny*`, "N.A. Voznesenski")
    joins the one work whose title begins with it, when exactly one does and it holds a content word
    of four letters or more."""
    groups: list[list[Run]] = []
    for run in (r for r in runs(ctx) if r.kind == "title"):
        for group in groups:
            if _same_work(group[0], run):
                group.append(run)
                break
        else:
            groups.append([run])
    merged: list[list[Run]] = []
    for group in sorted(groups, key=lambda g: -len(g[0].words)):  # longest first: a short title
        # is matched against whole works, not against other short forms of them
        short = group[0]
        content = [w for w in short.words if not w.function and w.reading is not None]
        if content and max(len(_key(w)) for w in content) >= _MIN_FUZZY - 1:
            starts = [
                g
                for g in merged
                if len(g[0].words) > len(short.words)
                and all(_alike(x, y) for x, y in zip(short.words, g[0].words, strict=False))
            ]
            if len(starts) == 1:
                starts[0].extend(group)
                continue
        merged.append(group)
    return merged


def _where(run: Run) -> str:
    line, _col = run.doc.position(run.start)
    return f"{run.doc.path.name}:{line}"


class InconsistentTitle(Rule):
    """One work is cited with its title spelled in two or more ways.

    What it does: finds the Russian titles of works inside citations (reference sections, notes and
    sentences that cite, italic and quoted titles; see `glossary.lint.titles`) and groups the
    citations of one work across every checked file: the same number of words, each word the same
    Russian word form by its reading or its scheme-neutral key, or one letter apart (a dropped or
    doubled letter: `Ubiystvo` / `Ubystvo`); a short title (`*Tayny*`) joins the one work whose title
    begins with it. Every word of a citation spelled otherwise than the work's other citations is
    reported. The spelling to use is the citation scheme's, in its title case (see C402, C403); a word
    with no Russian reading takes the spelling most citations use (suggested, not fixed).
    Why: a reader, a library catalogue and an index take `Tayny Kremliia` and `Tainy Kremlia` for two
    books.
    Example: `Zhukov, *Tayny Kremlia* … (Zhukov, *Tainy*, p. 47)`.
    Use instead: one spelling, the citation scheme's: `*Tainy Kremlia*` and `*Tainy*` (LC).
    """

    code = "C401"
    name = "inconsistent-title"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        scheme = citation_scheme(ctx)
        for group in work_groups(ctx):
            if len(group) < 2:
                continue
            for position in range(max(len(r.words) for r in group)):
                words = [(r, r.words[position]) for r in group if position < len(r.words)]
                spellings = Counter(w.text for _, w in words)
                if len(spellings) < 2:
                    continue
                target, safe = _group_target(ctx, [w for _, w in words], spellings, scheme)
                shown = ", ".join(f"`{s}` ×{n}" for s, n in spellings.most_common())
                title = max(group, key=lambda r: len(r.words)).text
                for run, word in words:
                    if word.text == target:
                        continue
                    others = sorted({_where(r) for r, w in words if w.text != word.text})
                    yield ctx.finding(
                        self,
                        run.doc,
                        word.start,
                        word.end,
                        f"`{word.text}`: the work *{title}* is cited with this word written "
                        f"{len(spellings)} ways ({shown}; also at {', '.join(others[:3])}); use `{target}`",
                        replacement=target,
                        safe=safe and not _lookalikes(word),
                        variants=sorted(spellings),
                        canonical=target,
                        work=title,
                        scheme=scheme,
                    )


def _group_target(
    ctx: LintContext, words: list[CitedWord], spellings: Counter, scheme: str
) -> tuple[str, bool]:
    """The scheme's form of the word, from the reading most spellings agree on; else the most used
    spelling (unsafe)."""
    readings = Counter(w.cyrillic for w in words if w.cyrillic is not None)
    if readings:
        cyr = readings.most_common(1)[0][0]
        word = next(w for w in words if w.cyrillic == cyr)
        target = expected_form(ctx, word, scheme)
        if target is not None:
            # The case a word takes depends on its place (first word or not): the first citation's
            # place decides; capital letters stay where every citation has them.
            if (
                all(w.sentence_start for w in words)
                or all(w.text[:1].isupper() for w in words)
                and target[:1].islower()
                and word.sentence_start
            ):
                target = target[:1].upper() + target[1:]
            return target, all(w.reading is None or unambiguous(ctx, w, scheme) for w in words) and any(
                w.reading is not None for w in words
            )
    if all(w.function for w in words):
        return spellings.most_common(1)[0][0].lower(), True
    return spellings.most_common(1)[0][0], False


def citation_scheme(ctx: LintContext) -> str:
    return getattr(ctx, "citation_scheme", None) or "lc"


class TitleScheme(Rule):
    """A Russian title in a citation is not romanized in the citation scheme.

    What it does: reads every word of a Russian title (and a publisher's name) in a citation back
    into Russian — the letter tables of every scheme, reverse romanization checked against the
    morphological dictionary and the termbase — and compares it with the citation scheme's spelling
    of that Russian form (`--citation-scheme` or `citation-scheme` in `[tool.slovnik]`; default `lc`;
    `ala-lc`, `bgn`, `iso9`, `scholarly` and the other schemes also possible). The fix writes the
    Russian form in the citation scheme and in the scheme's title case (see C403). It is safe when
    the word has one Russian reading. Names in author position are C404's.
    Why: a bibliography follows one system; the prose spelling of a name (Beria, Yagoda) or a
    newspaper's own English spelling (Izvestia) is not how the title is cited.
    Example (scheme `lc`): `*Tayny Kremlia*`, `*Komsomolskaya pravda*`.
    Use instead: `*Tainy Kremlia*`, `*Komsomol'skaia pravda*`.
    """

    code = "C402"
    name = "title-scheme"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        scheme = citation_scheme(ctx)
        for run in runs(ctx):
            if run.kind not in ("title", "publisher"):
                continue
            for word in run.words:
                if word.function and word.text.lower() in _FUNCTION_ANY:
                    expected = expected_form(ctx, word, scheme)
                    if expected is not None and not same_letters(word.text, expected):
                        yield self._finding(ctx, run, word, expected, scheme, True)
                    continue
                if word.reading is None:
                    continue
                expected = expected_form(ctx, word, scheme)
                if expected is None or same_letters(word.text, expected):
                    continue
                if run.kind == "publisher":
                    expected = word.text[:1] + expected[1:] if word.text[:1].isupper() else expected
                safe = unambiguous(ctx, word, scheme) and not _lookalikes(word)
                yield self._finding(ctx, run, word, expected, scheme, safe)

    def _finding(
        self, ctx: LintContext, run: Run, word: CitedWord, expected: str, scheme: str, safe: bool
    ) -> Finding:
        cyr = word.cyrillic or expected
        what = "publisher" if run.kind == "publisher" else "title"
        known = termbase_title(ctx, word)
        if known is not None:
            return ctx.finding(
                self,
                run.doc,
                word.start,
                word.end,
                f"`{word.text}` in the title *{run.text}*: the termbase's title {known[1]} writes this "
                f"word `{expected}` in {scheme}",
                replacement=expected,
                safe=True,
                cyrillic=known[1],
                scheme=scheme,
            )
        mixed = " (it holds Cyrillic look-alike letters)" if _lookalikes(word) else ""
        return ctx.finding(
            self,
            run.doc,
            word.start,
            word.end,
            f"`{word.text}` in the {what} *{run.text}* is not {scheme} romanization of {cyr}{mixed}; "
            f"use `{expected}`",
            replacement=expected,
            safe=safe,
            cyrillic=cyr,
            scheme=scheme,
        )


# Function words C402 respells (`dlya` → `dlia`): those whose spelling differs between schemes.
_FUNCTION_ANY = frozenset({"dlya", "dlja", "dlia"})


class TitleCase(Rule):
    """A Russian title in a citation is not capitalised as the citation scheme's title rule says.

    What it does: for a citation scheme with a title rule (`lc`, `ala-lc`, `scholarly`: sentence case),
    reports each word of a romanized Russian title whose letters are right but whose capital is not:
    only the first word of the title (and of each part after a full stop or colon) and proper names
    take a capital. A word is a proper name when the termbase writes it with a capital, the names
    lexicon knows it, or pymorphy3 tags its Russian reading as a first name, surname, patronymic,
    place or organisation (Stalina, Kremlia, Rossii keep theirs); acronyms (`SSSR`, `TsK`) stay as
    written. A word an institution's official name writes with a capital keeps a capital it is written
    with, as Russian and the Library of Congress write them (`Sovet Ministrov SSSR`, `Glavnoe
    upravlenie …`, `Voennogo soveta`): the heads in `glossary/lint/organisations.json` and the
    termbase's organisation names, matched by lemma. Schemes without a title rule (`bgn`, `iso9`, …)
    leave the case alone.
    Why: English title case (`Tragediia Sovetskoi Derevni`) on a Russian title is a house-style
    error the Library of Congress, Slavic-studies journals and most presses correct.
    Example (scheme `lc`): `*Tainy Kremlia: Stalin, Molotov*`, `*Tragediia Sovetskoi Derevni*`.
    Use instead: `*Tragediia sovetskoi derevni*` (`Kremlia`, `Stalin` keep their capitals).
    """

    code = "C403"
    name = "title-case"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        from ..titleforms import title_rules

        scheme = citation_scheme(ctx)
        if title_rules().get(scheme) is None:
            return
        for run in runs(ctx):
            if run.kind != "title":
                continue
            for word in run.words:
                expected = expected_form(ctx, word, scheme)
                if expected is None or word.text == expected:
                    continue
                if word.text.lower().replace("’", "'") != expected.lower().replace("’", "'"):
                    # Wrong letters too: C402 fixes both at once; here only the capital is judged.
                    fitted = (
                        word.text[:1].upper() + word.text[1:]
                        if expected[:1].isupper()
                        else word.text[:1].lower() + word.text[1:]
                    )
                    if fitted == word.text:
                        continue
                    expected = fitted if not unambiguous(ctx, word, scheme) else expected
                how = "takes a capital" if expected[:1].isupper() else "is written in lower case"
                yield ctx.finding(
                    self,
                    run.doc,
                    word.start,
                    word.end,
                    f"`{word.text}` in *{run.text}* {how} in {scheme} sentence case; use `{expected}`",
                    replacement=expected,
                    safe=unambiguous(ctx, word, scheme),
                    scheme=scheme,
                )


class AuthorNameVariants(Rule):
    """One author's name is written differently in citations.

    What it does: finds the `Surname, Given` heads of reference entries and parenthetical references
    (`Zhukov, Iurii.`, `(Zhukov, Iu. N.,`), and `Given Surname,` in a citing note (`Quoted by Yuri
    Zhukov, "Zhupel Stalina"`), in citations and groups them by the surname's
    scheme-neutral key (Khlevniuk and Khlevnyuk together) and the Russian letter the first given
    name or initial begins with. When one author's first initial is spelled in two ways (`Iu.` /
    `Yu.`, `Iurii` / `Yuri`), each spelling other than the citation scheme's is reported (an initial
    is fixed; a full name is suggested); an initial agrees with a full name that begins with it
    (`Iu.` with `Iurii`). The surnames of one author (same first letter; the same scheme-neutral key,
    the same Russian reading, or the same consonants: `Zhukov` / `Zhoukov`, never `Orlov` / `Orlova`)
    are compared too: each spelling other than the citation scheme's is reported (fixed when every
    spelling reads as the same Russian name, else suggested).
    Why: a catalogue, an index and a reader take `Zhukov, Iu. N.` and `Zhukov, Yu. N.` for two people.
    Example (scheme `lc`): `Zhukov, Iu. N. …; (Zhukov, Yu. N., 2003)`.
    Use instead: `Zhukov, Iu. N.` in both places.
    """

    code = "C404"
    name = "author-name-variants"
    fixable = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        scheme = citation_scheme(ctx)
        by_letter: dict[str, list[_Head]] = defaultdict(list)
        for doc in ctx.documents:
            for m in [*AUTHOR_HEAD.finditer(doc.text), *_GIVEN_FIRST.finditer(doc.text)]:
                line_end = doc.text.find("\n", m.end())
                # A head in a citation, or on a line that cites (a note: `2 Ivanov, Iu. N., "Title"`)
                if (
                    not doc.in_citation(m.start(), line_end if line_end >= 0 else len(doc.text))
                    or not m.group("given").split()
                ):
                    continue
                surname, given = m.group("surname"), m.group("given")
                if m.re is _GIVEN_FIRST and (
                    not _TITLE_AFTER.match(doc.text, m.end()) or not _is_given_name(ctx, given)
                ):
                    continue  # a name in prose ("Yuri Zhukov, the main Russian historian")
                first = given.split()[0]
                initial = first.endswith(".")
                first = first.rstrip(".")
                found = initial_letter(ctx, first, full=not initial)
                if found is None:
                    continue
                letter, cyr_full = found
                start = m.start("given")
                shown = f"{given} {surname}" if m.re is _GIVEN_FIRST else f"{surname}, {given.strip()}"
                by_letter[letter].append(
                    _Head(doc, start, start + len(first), first, shown, cyr_full, surname, m.start("surname"))
                )
        for letter, items in by_letter.items():
            for author in _authors(ctx, items):
                yield from self._given_names(ctx, letter, author, scheme)
                yield from self._surnames(ctx, author, scheme)

    def _given_names(
        self, ctx: LintContext, letter: str, items: list[_Head], scheme: str
    ) -> Iterator[Finding]:
        firsts = sorted({it.first for it in items})
        expected = romanized_initial(letter, scheme)
        leads = {_lead(f, expected) for f in firsts}  # Iu. and Iurii agree
        if len(leads) < 2:
            return  # Iu. and Iurii: one spelling of the initial
        shown = ", ".join(f"`{f}`" for f in firsts)
        for it in items:
            if _lead(it.first, expected) == expected:
                continue
            if it.cyr_full is not None:
                target = romanize(it.cyr_full, scheme)
                target = target[:1].upper() + target[1:]
            else:
                target = expected  # an initial spells one Russian letter: Yu → Iu
            yield ctx.finding(
                self,
                it.doc,
                it.start,
                it.end,
                f"`{it.shown}`: this author's name is written {len(firsts)} ways in citations "
                f"({shown}); {scheme} writes the initial {letter} as `{expected}`; use `{target}`",
                replacement=target,
                safe=it.cyr_full is None,
                variants=firsts,
                scheme=scheme,
            )

    def _surnames(self, ctx: LintContext, items: list[_Head], scheme: str) -> Iterator[Finding]:
        """Zhukov / Zhoukov: the citation scheme's spelling of the reading a scheme writes exactly (else
        of the commonest reading); safe only when every spelling reads as that Russian name."""
        spellings = Counter(it.surname for it in items)
        if len(spellings) < 2:
            return
        readings = {s: r for s in spellings if (r := _surname_reading(ctx, s)) is not None}
        exact = Counter({s: n for s, n in spellings.items() if s in readings and readings[s][1]})
        ranked = exact or Counter({s: n for s, n in spellings.items() if s in readings})
        if ranked:
            cyr = readings[ranked.most_common(1)[0][0]][0]
            target = romanize(cyr, scheme)
            target = target[:1].upper() + target[1:]
            safe = len(readings) == len(spellings) and all(r[0] == cyr for r in readings.values())
            how = f"{scheme} writes {cyr.capitalize()} `{target}`"
        else:
            target, safe, how = spellings.most_common(1)[0][0], False, "no spelling reads as a Russian name"
        shown = ", ".join(f"`{s}` ×{n}" for s, n in spellings.most_common())
        for it in items:
            if it.surname == target:
                continue
            yield ctx.finding(
                self,
                it.doc,
                it.surname_start,
                it.surname_start + len(it.surname),
                f"`{it.shown}`: this author's surname is written {len(spellings)} ways in citations "
                f"({shown}); {how}; use `{target}`",
                replacement=target,
                safe=safe,
                variants=sorted(spellings),
                scheme=scheme,
            )


@dataclass(frozen=True)
class _Head:
    """An author's name in a citation: the first given name or initial (start, end, letters), the
    name as written, the full given name's Russian form (None for an initial), the surname."""

    doc: Document
    start: int
    end: int
    first: str
    shown: str
    cyr_full: str | None
    surname: str
    surname_start: int


def _surname_reading(ctx: LintContext, surname: str) -> tuple[str, bool] | None:
    """(the surname's Russian reading, whether a scheme writes it exactly so)."""
    from .analysis import analysis

    reading = analysis(ctx).romanized.reading(surname)
    return None if reading is None else (reading.cyrillic, bool(reading.schemes))


def _frame(surname: str) -> str:
    """The surname's key without vowels and doubled letters (Zhukov and Zhoukov: Zkv)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyIY]", "", skeleton(strip_marks(surname).lower())))


def _same_surname(ctx: LintContext, a: str, b: str) -> bool:
    """One author's surname written two ways: the same scheme-neutral key (Khlevniuk, Khlevnyuk), the
    same Russian reading (Sokolov, Sokoloff), or the same consonants with a vowel written otherwise
    (Zhukov, Zhoukov) — never a man's and a woman's form (Orlov, Orlova) nor another consonant
    (Popov, Popkov)."""
    ka, kb = skeleton(strip_marks(a).lower()), skeleton(strip_marks(b).lower())
    if ka == kb:
        return True
    ra, rb = _surname_reading(ctx, a), _surname_reading(ctx, b)
    if ra is not None and rb is not None and ra[0] == rb[0]:
        return True
    return a[-1:].lower() == b[-1:].lower() and min(len(ka), len(kb)) >= _MIN_FUZZY and _frame(a) == _frame(b)


def _authors(ctx: LintContext, items: list[_Head]) -> list[list[_Head]]:
    """The heads of one first letter grouped by author (see _same_surname), in order of appearance."""
    groups: list[list[_Head]] = []
    for it in items:
        for group in groups:
            if any(_same_surname(ctx, it.surname, other) for other in {g.surname for g in group}):
                group.append(it)
                break
        else:
            groups.append([it])
    return groups


# "Quoted by Yuri Zhukov, "Zhupel Stalina"": an author named given name first, before a comma.
_GIVEN_FIRST = re.compile(r"(?<![\w.'’])(?P<given>[A-Z][a-z]+) (?P<surname>[A-Z][a-z]+(?:['’ʹ][a-z]+)*)(?=,)")


_TITLE_AFTER = re.compile(r",[ \t]*[\"“«*_]")  # … Yuri Zhukov, "Zhupel Stalina": the title follows


def _is_given_name(ctx: LintContext, word: str) -> bool:
    """Does the names lexicon read *word* as a Russian first name (Yuri, Iurii; not Moscow)?"""
    from ...russian import morph
    from .analysis import analysis

    name = analysis(ctx).romanized.name_reading(word)
    return name is not None and any(p.is_known and "Name" in p.tag for p in morph.parses(name)[:1])


def _lead(first: str, expected: str) -> str:
    """The letters of *first* that spell its first Russian letter, compared as *expected* is written
    (`Iurii` → `Iu` when the scheme writes ю as `Iu`; `Yuri` → `Yu`)."""
    if first.lower().startswith(expected.lower()):
        return expected
    m = re.match(r"[A-Z](?:[hsz]h|[hsy]|[aeiu](?=[aeiou]))?", first)
    return m.group() if m else first[:1]


def initial_letter(ctx: LintContext, first: str, *, full: bool) -> tuple[str, str | None] | None:
    """(the Russian capital letter a given name or initial begins with, the full name's Russian form
    or None for an initial)."""
    from .analysis import analysis

    if full:
        reading = analysis(ctx).romanized.reading(first)
        if reading is None:
            return None
        return reading.cyrillic[:1].upper(), reading.cyrillic
    letter = _initial_cyrillic(first.lower())
    return (letter, None) if letter else None


@cache
def _initial_cyrillic(latin: str) -> str | None:
    """The Russian letter an initial spells in some scheme (`iu`, `yu`, `ju` → Ю), the LC reading first."""
    for scheme in ("lc", *SCHEME_IDS):
        for cyr in "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ":
            if normalize_marks(romanize(cyr, scheme)).lower() == latin:
                return cyr
    return None


def romanized_initial(letter: str, scheme: str) -> str:
    out = romanize(letter, scheme)
    return out[:1].upper() + out[1:].lower()


class MissingTranslation(Rule):
    """The first citation of a Russian title has no English translation in brackets (opt-in).

    What it does: off unless selected by its code (`--select C405`). For each work (grouped as C401
    groups them) the first citation in the checked files, in file order, must be followed by an
    English translation in square brackets: `*Voina i mir* [War and peace]`. Short titles and later
    citations need none.
    Why: many presses and journals (Chicago 11.6; Slavic Review) give the translation on first
    mention so that a reader without Russian knows what the work is.
    Example: `Zhukov, Iurii. *Inoi Stalin*. Moscow: Vagrius, 2003.`
    Use instead: `Zhukov, Iurii. *Inoi Stalin* [A different Stalin]. Moscow: Vagrius, 2003.`
    """

    code = "C405"
    name = "missing-translation"
    opt_in = True

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        for group in work_groups(ctx):
            order = {id(d): i for i, d in enumerate(ctx.documents)}
            first = min(
                (r for r in group if len(r.words) >= 2),
                key=lambda r: (order[id(r.doc)], r.start),
                default=None,
            )
            if first is None:
                continue
            after = first.doc.text[first.end : first.end + 12]
            if re.match(r"[*_\"”»'’]*[.,:]?\s*[\[(]", after):
                continue
            yield ctx.finding(
                self,
                first.doc,
                first.start,
                first.end,
                f"*{first.text}* is cited here for the first time without an English translation in brackets",
            )


__all__ = ["AuthorNameVariants", "InconsistentTitle", "MissingTranslation", "TitleCase", "TitleScheme"]
