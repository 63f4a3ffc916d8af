"""What the R1xx rules share: the romanized words of a run, the house scheme, the variant groups and
the one fix policy.

The fix policy (documented in `glossary rule R101`): the spelling a Russian word form should have is

1. the termbase's preferred spelling — the preferred English term when it romanizes the Russian term
   word for word (Izvestiia for Известия), else the Russian term's conventional spelling (Beria);
   under a detected house scheme, a preferred term that is only another scheme's form gives way to
   the conventional spelling (Novy Mir, not LC's Novyi mir);
2. else the house scheme's form — or, where the text uses it more, a conventional English spelling
   that R102 accepts (frequent in English: Trotsky, Nikolai; or written so by no scheme: Dostoevsky);
3. else, when the words of a group do not agree on one Russian reading, or agree only on a form no
   dictionary knows (Narkomiust, Narkomjust), the document's most frequent spelling (an unsafe fix:
   only suggested).

A woman's surname follows the man's chosen spelling (Dostoevsky → Dostoevskaya).

R101 and R102 take their fixes from this one place, so they never propose two spellings for one word,
and every fixed spelling is one R102 accepts: a second `--fix` finds nothing to change.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ...termbase.model import Termbase
from ..document import Document
from ..romanized import (
    ESTABLISHED_ZIPF,
    Reading,
    Romanized,
    core,
    english_zipf,
    is_latin_word,
    normalize_marks,
    russian_zipf,
    strip_marks,
)
from .base import LintContext


@dataclass(frozen=True)
class Occurrence:
    """A romanized word in a document: doc.text[start:end] == word (possessive already cut off)."""

    doc: Document
    word: str
    start: int
    end: int
    # part of a person's preferred English full name in the termbase: evidence for the group's
    # spelling, never a finding itself (conventional forms are per person)
    approved: bool = False


@dataclass(frozen=True)
class HouseScheme:
    """The scheme R102 and the fixes follow, and why: `configured` (--scheme or `scheme` in the
    configuration), `detected` (the system most romanized words of the run fit: *fitting* of *words*
    scheme-distinguishing words) or `default` (nothing to detect from: lc)."""

    scheme: str
    source: str
    fitting: int = 0
    words: int = 0

    def describe(self) -> str:
        if self.source == "detected":
            return f"house scheme: {self.scheme} (detected, {self.fitting} of {self.words} words)"
        if self.source == "configured":
            return f"house scheme: {self.scheme} (configured)"
        return f"house scheme: {self.scheme} (default: no romanized words to detect a system from)"

    def to_dict(self) -> dict:
        return {"scheme": self.scheme, "source": self.source, "fitting": self.fitting, "words": self.words}


DEFAULT_SCHEME = "lc"


@dataclass
class Group:
    """One Russian word form written several ways, with the spelling the policy chooses.

    `members`: spelling key → occurrences; `anchored`: keys with a dictionary reading; `target`: the
    chosen spelling as written; `source`: termbase / conventional / house / majority; `safe`: may
    `--fix` apply it (the readings agree and the target did not come from a vote)."""

    cyrillic: str
    members: dict[str, list[Occurrence]]
    anchored: list[str]
    target: str
    source: str
    safe: bool
    variants: dict[str, str] = field(default_factory=dict)  # key → the spelling as most often written

    @property
    def target_key(self) -> str:
        return spelling_key(self.target)


def spelling_key(word: str) -> str:
    """Spellings that differ only in letter case or soft/hard-sign marks are one variant here."""
    return strip_marks(word).lower()


class Analysis:
    """The romanized words of all documents, computed once per lint run and shared by R1xx rules."""

    def __init__(self, ctx: LintContext, romanized: Romanized | None = None):
        self.ctx = ctx
        self.romanized = romanized or Romanized(ctx.termbase, ctx.scheme)
        self.detected = False  # the house scheme was detected from the text (set_scheme)
        self._evidence: dict[str, dict[str, tuple[Reading, dict[str, str]] | None]] = {}
        if self.romanized.scheme != ctx.scheme:
            self.romanized.set_scheme(ctx.scheme)

    @cached_property
    def token_words(self) -> dict[str, tuple[str, int, bool]]:
        """Each distinct token text of the run → (word, characters cut off its end, whether the word
        may be romanized Russian), in the order the run meets them."""
        candidate = self.romanized.candidate
        return {text: (word, cut, candidate(word)) for text, (word, cut) in self.ctx.token_texts.items()}

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Every Latin word that may be romanized Russian (shape and English frequency only), outside
        citations (titles and references keep the spelling of their source)."""
        out = []
        names = personal_names(self.ctx.termbase) if self.ctx.termbase is not None else {}
        seen = self.token_words
        for doc in self.ctx.documents:
            tokens = list(self.ctx.tokens(doc))
            approved = approved_name_tokens(tokens, names) if names else set()
            for i, tok in enumerate(tokens):
                word, cut, candidate = seen[tok.text]
                if candidate and not doc.in_citation(tok.start, tok.end):
                    out.append(Occurrence(doc, word, tok.start, tok.end - cut, i in approved))
        return out

    def reading(self, word: str) -> Reading | None:
        return self.romanized.reading(word)

    def shares(self, mine: float = 0.5, also: Iterable[str] = ()) -> tuple[list[str], list[str]]:
        """The run's spellings (and the words *also*) in two shares for two processes
        (glossary.lint.parallel), about *mine* of the spelling keys in the first; every spelling of
        a key in one share."""
        keys: dict[str, list[str]] = {}
        for word in itertools.chain((occ.word for occ in self.occurrences), also):
            group = keys.setdefault(normalize_marks(word).lower(), [])
            if word not in group:
                group.append(word)
        first: list[str] = []
        second: list[str] = []
        taken = 0
        for n, group in enumerate(keys.values()):
            if taken < mine * (n + 1):
                first.extend(group)
                taken += 1
            else:
                second.extend(group)
        return first, second

    def prepare(self, words: list[str]) -> None:
        """Compute what reading *words* needs (`Romanized.warm`), not the readings themselves: a
        helper process does this for its share of the words, and only these pure memos cross."""
        for word in words:
            self.romanized.warm(word)

    def anchored_reading(self, word: str) -> Reading:
        """`reading` of a spelling of an anchored group (one that was read)."""
        found = self.reading(word)
        assert found is not None
        return found

    @cached_property
    def skeleton_groups(self) -> dict[str, list[Occurrence]]:
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

    # ------------------------------------------------------------ the house scheme

    def detect_house(self) -> HouseScheme:
        """The system most scheme-distinguishing words of the whole run fit (what R103 measures per
        file), or the default when no word distinguishes systems."""
        schemes, _ = self.scheme_evidence(self.occurrences)
        best = schemes.dominant
        if best is None:
            return HouseScheme(DEFAULT_SCHEME, "default")
        fitting = sum(best in t.schemes for t in schemes.distinguishing)
        return HouseScheme(best, "detected", fitting, len(schemes.distinguishing))

    def set_scheme(self, scheme: str, detected: bool = False) -> None:
        """Judge by *scheme* from now on (readings are re-ranked with it as the house scheme);
        *detected*: the run's own system, not one the user chose."""
        self.detected = detected
        self.ctx.scheme = scheme
        self.romanized.set_scheme(scheme)
        for name in ("groups", "group_of"):
            self.__dict__.pop(name, None)

    def scheme_evidence(self, occs: list[Occurrence]):
        """(glossary.detection.DocumentSchemes of *occs*, first occurrence of each evidence word)."""
        from ...romanization.detection import DocumentSchemes, TokenEvidence
        from ...romanization.romanize import SCHEME_IDS

        result = DocumentSchemes()
        counts: Counter = Counter()
        features: dict[str, Counter] = {}
        first: dict[str, Occurrence] = {}
        rom = self.romanized
        # what a word says, once per word and house scheme (detection and R103 ask for every file)
        said = self._evidence.setdefault(rom.scheme, {})
        for occ in occs:
            if occ.approved:
                continue  # a person's own conventional form says nothing about the house system
            if occ.word not in said:
                said[occ.word] = self._word_evidence(occ.word)
            if (found := said[occ.word]) is None:
                continue
            reading, word_features = found
            line, column = occ.doc.position(occ.start)
            evidence = TokenEvidence(occ.word, line, column, reading.cyrillic, reading.schemes, word_features)
            result.tokens.append(evidence)
            first.setdefault(occ.word, occ)
            if len(reading.schemes) < len(SCHEME_IDS):
                counts.update(reading.schemes)
                for name, variant in evidence.features.items():
                    features.setdefault(name, Counter())[variant] += 1
        result.counts = {s: counts.get(s, 0) for s in SCHEME_IDS}
        result.features = {name: dict(c.most_common()) for name, c in features.items()}
        return result, first

    def _word_evidence(self, word: str) -> tuple[Reading, dict[str, str]] | None:
        """(reading, scheme features) of a spelling that is evidence of a scheme; None for one that is
        not: conventional, established (Kiev) and English-looking spellings, words with no reading or
        only the termbase's."""
        from ...romanization.detection import features_of

        rom = self.romanized
        if (
            normalize_marks(word).lower() in rom.known_spellings
            or rom.english_like(word)
            or english_zipf(word) >= ESTABLISHED_ZIPF
        ):
            return None
        reading = self.reading(word)
        if reading is None or not reading.schemes or "termbase" in reading.schemes:
            return None
        return reading, features_of(word, reading.cyrillic)

    # ------------------------------------------------------------ the fix policy

    @cached_property
    def termbase_spellings(self) -> dict[str, str]:
        return termbase_preferred(self.ctx.termbase) if self.ctx.termbase is not None else {}

    @cached_property
    def termbase_conventional(self) -> dict[str, str]:
        return (
            termbase_preferred(self.ctx.termbase, conventional_only=True)
            if self.ctx.termbase is not None
            else {}
        )

    def _another_schemes_form(self, spelling: str, cyrillic: str) -> bool:
        """Is *spelling* just what some scheme other than the house scheme writes for *cyrillic*?"""
        from ...romanization.romanize import romanize, scheme_ids

        key = spelling_key(spelling)
        if key == spelling_key(self.romanized.house_form(cyrillic)):
            return False
        return any(spelling_key(romanize(cyrillic, s)) == key for s in scheme_ids())

    def house_target(
        self, cyrillic: str, variants: dict[str, str] | None = None, uses: dict[str, int] | None = None
    ) -> tuple[str, str]:
        """(spelling, source) for *cyrillic* by steps 1 and 2 of the policy (module docstring).

        *variants*: the group's spellings (key → as written), *uses*: how often each is used."""
        word = cyrillic.lower().replace("ё", "е")
        found = self.termbase_spellings.get(word)
        if found and self.detected and self._another_schemes_form(found, cyrillic):
            # The termbase's preferred term is another system's form (Novyi mir, the bibliographic
            # LC form) and nobody chose a scheme: the text's own system decides, and the termbase's
            # conventional (press) spelling speaks for it (Novy Mir). A configured scheme keeps the
            # termbase's preference: both are the user's choices.
            found = self.termbase_conventional.get(word)
        if found:
            return found, "termbase"
        house = self.romanized.house_form(cyrillic)
        used = uses or {}
        best, best_uses, source = house, used.get(spelling_key(house), 0), "house"
        for key, word in (variants or {}).items():
            if (
                key != spelling_key(house)
                and used.get(key, 0) > best_uses
                and self.conventional(word, cyrillic)
                and self.attested(word, cyrillic)
            ):
                best, best_uses, source = word, used[key], "conventional"
        return best, source

    def attested(self, word: str, cyrillic: str) -> bool:
        """May *word* be written for *cyrillic* as a convention, not a slip: established in English,
        an observed spelling of a name, or a scheme's form through one of the conventions
        (Verkhovsky: -y for LC's -ii). A spelling no scheme and no convention explains (Dmitrevna
        for Дмитриевна, a letter dropped) never becomes the group's target."""
        from ...romanization.romanize import romanize, scheme_ids
        from ...russian.names import lexicon, rewrites

        lower = normalize_marks(word).lower()
        if english_zipf(word) >= ESTABLISHED_ZIPF or lexicon().reading(lower) is not None:
            return True
        spelled = {spelled for spelled, _ in rewrites(lower)}
        return any(romanize(cyrillic.lower(), scheme).lower() in spelled for scheme in scheme_ids())

    def by_convention(self, word: str, cyrillic: str, scheme: str | None = None) -> bool:
        """Is *word* the house scheme's (or *scheme*'s) spelling of *cyrillic* written through the
        accepted English conventions (Mikhailovich for Mikhaylovich, Sviatoslav for Svyatoslav,
        Bolshoi for Bolshoy)? Such a spelling is conventional English, never off style; a scheme's
        habit (E- for Е-, conventions.json's `accepted: false`) does not count."""
        from ...romanization.romanize import romanize
        from ...russian.names import conventional_forms

        forms = conventional_forms(normalize_marks(word).lower())
        if not forms:
            return False
        target = romanize(cyrillic, scheme) if scheme else self.romanized.house_form(cyrillic)
        return normalize_marks(target).lower() in forms

    def keeping_conventions(self, word: str, cyrillic: str, house: str) -> str:
        """*house* as *word* would write it keeping its own accepted conventions: Evsei (LC's E-,
        the English -ei) becomes Yevsei under Wikipedia, not Yevsey; *house* when no single rewrite
        of a scheme habit in *word* gets there."""
        from ...russian.names import conventional_forms, conventions

        lower, want = normalize_marks(word).lower(), normalize_marks(house).lower()
        for conv in conventions():
            if conv.accepted:
                continue
            for i in conv.places(lower):
                for piece in conv.scheme_latin:
                    spelled = lower[:i] + piece + lower[i + len(conv.latin) :]
                    if spelled != want and want in conventional_forms(spelled):
                        return spelled[:1].upper() + spelled[1:] if house[:1].isupper() else spelled
        return house

    def feminine_of_conventional(self, word: str, cyrillic: str) -> bool:
        """Is *word* the woman's form of a conventional man's spelling (Dostoevskaya of Dostoevsky)?
        Such a spelling follows the man's, as R101's groups do (_follow_masculine)."""
        cyr = cyrillic.lower()
        if not (cyr.endswith("ская") or cyr.endswith("цкая")) or not word.lower().endswith("kaya"):
            return False
        return self.conventional(word[:-3] + "y", cyr[:-2] + "ий")

    def conventional(self, word: str, cyrillic: str | None = None) -> bool:
        """Is *word* a conventional English spelling (of *cyrillic*, when given), one R102 never
        flags: frequent in English (Trotsky, Nikolai) or written so by no scheme at all
        (Dostoevsky)? The one test R101's policy and R102 share."""
        reading = self.reading(word)
        if reading is None or (
            cyrillic is not None and _fold(cyrillic) not in {_fold(a) for a in reading.alternatives}
        ):
            return False
        return english_zipf(word) >= ESTABLISHED_ZIPF or not reading.schemes

    @cached_property
    def groups(self) -> list[Group]:
        """The confirmed variant groups (R101's), each with its target spelling."""
        out = []
        for occs in self.skeleton_groups.values():
            by_spelling: dict[str, list[Occurrence]] = defaultdict(list)
            for occ in occs:
                by_spelling[spelling_key(occ.word)].append(occ)
            if len(by_spelling) < 2:
                continue
            for cyrillic, members, anchored in confirm_groups(self, by_spelling):
                variants = {k: Counter(o.word for o in v).most_common(1)[0][0] for k, v in members.items()}
                target, source = self.house_target(
                    cyrillic, variants, {k: len(v) for k, v in members.items()}
                )
                safe = True
                if not anchored:  # a guessed reading (_unread_group): the document's majority, suggested
                    key = max(members, key=lambda k: (len(members[k]), k))
                    target, source, safe = variants[key], "majority", False
                # A spelling the text does not use yet is written only when every spelling's own
                # best reading is this word (as R102 asks for an unambiguous reading); otherwise
                # the spellings do not agree on one reading: the majority, suggested only.
                if spelling_key(target) not in members and not all(
                    _fold(getattr(self.reading(variants[k]), "cyrillic", "")) == _fold(cyrillic)
                    for k in anchored
                ):
                    key = max(anchored, key=lambda k: (len(members[k]), k))
                    target, source, safe = variants[key], "majority", False
                out.append(Group(cyrillic, members, anchored, target, source, safe, variants))
        _follow_masculine(out)
        return out

    @cached_property
    def group_of(self) -> dict[str, Group]:
        """Spelling key → the group it belongs to."""
        return {key: g for g in self.groups for key in g.members}


def _follow_masculine(groups: list[Group]) -> None:
    """A woman's surname follows the spelling the run chose for the man's: where the group of
    Достоевский chose the conventional `Dostoevsky`, Достоевская is `Dostoevskaya` (when the text
    writes it), not the house scheme's `Dostoyevskaya`."""
    chosen = {g.cyrillic.lower(): g for g in groups if g.source in ("termbase", "conventional")}
    for g in groups:
        cyr = g.cyrillic.lower()
        if g.source != "house" or not cyr.endswith("ская") and not cyr.endswith("цкая"):
            continue
        man = chosen.get(cyr[:-2] + "ий")
        if man is None or not man.target.endswith("y"):
            continue
        feminine = man.target[:-1] + "aya"
        if spelling_key(feminine) in g.members:
            g.target, g.source = g.variants[spelling_key(feminine)], man.source


def analysis(ctx: LintContext) -> Analysis:
    """The shared Analysis of *ctx* (made on first use)."""
    found = ctx.shared.get("romanization")
    if not isinstance(found, Analysis):
        found = ctx.shared["romanization"] = Analysis(ctx, ctx.romanized)
    return found


def personal_names(termbase: Termbase) -> dict[str, list[tuple[str, ...]]]:
    """Each person's preferred English full name (two words or more), as word tuples under their
    first word. Conventional forms are per person: the termbase may write Andrei Zhdanov and Andrey
    Vyshinsky, as English usage does, and a text that follows it is not inconsistent."""

    def build(tb: Termbase) -> dict[str, list[tuple[str, ...]]]:
        names: dict[str, list[tuple[str, ...]]] = {}
        for concept in tb:
            if concept.type.value != "person":
                continue
            term = concept.preferred("en")
            words = tuple(term.text.split()) if term is not None else ()
            if len(words) >= 2:
                names.setdefault(words[0], []).append(words)
        return names

    return termbase.derived("lint-personal-names", build)


def approved_name_tokens(tokens: list, names: dict[str, list[tuple[str, ...]]]) -> set[int]:
    """Indices of the tokens that spell out one of *names* word for word (possessive 's allowed on
    the last word)."""
    found: set[int] = set()
    for i, tok in enumerate(tokens):
        for name in names.get(tok.text, ()):
            end = i + len(name)
            if end <= len(tokens) and all(
                core(tokens[i + k].text)[0] == w or tokens[i + k].text == w for k, w in enumerate(name)
            ):
                found.update(range(i, end))
    return found


def termbase_preferred(termbase: Termbase, conventional_only: bool = False) -> dict[str, str]:
    """Russian word (lower case, ё → е) → the termbase's preferred Latin spelling of it: a word of a
    concept's preferred English term that has as many words as one of its Russian terms and
    romanizes a word of them (same skeleton: `Izvestiia` for Известия), else the Russian term's
    conventional spelling (`Beria`). *conventional_only*: the conventional spellings alone. Kept per
    termbase version (a language server lints after every edit)."""
    conventional, preferred = termbase.derived("lint-preferred", _termbase_preferred)
    return dict(conventional) if conventional_only else {**conventional, **preferred}


def _termbase_preferred(termbase: Termbase) -> tuple[dict[str, str], dict[str, str]]:
    from ...romanization.reverse import skeleton

    preferred: dict[str, str] = {}
    conventional: dict[str, str] = {}
    for concept in termbase:
        en = concept.preferred("en")
        ru_words = {
            skeleton(w.lower()): w.lower().replace("ё", "е")
            for t in concept.terms_in("ru")
            for w in t.text.split()
        }
        # Only a term that renders a Russian term word for word speaks for the words themselves
        # (Izvestiia; not the given name of one person's "Lavrentiy Beria").
        en_words = en.text.split() if en is not None else []
        if any(len(t.text.split()) == len(en_words) for t in concept.terms_in("ru")):
            for lw in en_words:
                if is_latin_word(lw) and (rw := ru_words.get(skeleton(strip_marks(lw)))):
                    preferred.setdefault(rw, lw)
        for term in concept.terms_in("ru"):
            words = term.text.split()
            lat_words = term.conventional.split() if term.conventional else []
            if len(lat_words) == len(words):
                for lw, rw in zip(lat_words, words, strict=True):
                    if is_latin_word(lw):
                        conventional.setdefault(rw.lower().replace("ё", "е"), lw)
    return conventional, preferred


# ---------------------------------------------------------------- group confirmation

Spellings = dict[str, list[Occurrence]]  # spelling key → its occurrences


def confirm_groups(an: Analysis, by_spelling: Spellings) -> Iterator[tuple[str, Spellings, list[str]]]:
    """(Russian form, member spellings, spellings with a dictionary reading) for each real group
    among spellings the skeleton joined.

    The spellings of one group must all allow one Russian form (spellings the skeleton joins but
    that read as different words form separate groups); a spelling without one (Vyshinski, a
    misspelling) may join through the skeleton alone if it does not look like an English word.
    Spellings that differ only in signs are R104's business.
    """
    rom = an.romanized
    readings = {k: an.reading(v[0].word) for k, v in by_spelling.items()}
    read = {k: r for k, r in readings.items() if r is not None}
    anchored = list(read)
    # A reading Russian text never uses (Voznesenski as the adverb вознесенски) is no anchor
    # beside a spelling that reads as a word Russian does use: that spelling is unread.
    solid = [k for k in anchored if "termbase" in read[k].schemes or russian_zipf(read[k].cyrillic) > 0]
    if solid:
        anchored = solid
    if not anchored:
        yield from _unread_group(rom, by_spelling)
        return
    if all(rom.english_like(by_spelling[k][0].word) for k in anchored):
        return  # only English-looking words read as Russian (Lian): no evidence
    cyrillic = _shared_reading(readings[k] for k in anchored)
    if cyrillic is not None:
        words = [(cyrillic, anchored)]
    else:
        words = _split_by_reading(readings, anchored, by_spelling)
    for n, (cyr, keys) in enumerate(words):
        members = {k: by_spelling[k] for k in keys}
        if n == 0:  # spellings without a reading join the best-supported word only
            members.update(
                {
                    k: v
                    for k, v in by_spelling.items()
                    if k not in anchored and len(k) >= 5 and _unread_member(rom, v[0].word, readings[k])
                }
            )
        if len(members) >= 2 and not all(rom.english_like(v[0].word) for v in members.values()):
            yield cyr, members, keys


def _unread_group(rom: Romanized, by_spelling: Spellings) -> Iterator[tuple[str, Spellings, list[str]]]:
    """Spellings of a word no dictionary or lexicon knows (Narkomiust, Narkomjust: наркомюст) form a
    group when schemes write each of them exactly from one Cyrillic form. Nothing anchors the
    reading, so the group's fix is the majority spelling, suggested only (`Group.source`)."""
    keys = [k for k, v in by_spelling.items() if len(k) >= 5 and not rom.english_like(v[0].word)]
    if len(keys) < 2:
        return
    guesses = {k: rom.guesses(by_spelling[k][0].word) for k in keys}
    shared = set(guesses[keys[0]]).intersection(*(guesses[k] for k in keys[1:]))
    if shared:
        yield next(c for c in guesses[keys[0]] if c in shared), {k: by_spelling[k] for k in keys}, []


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
            words.append(
                (next(a for k in keys for a in readings[k].alternatives if _fold(a) == winner), keys)
            )
            left = [k for k in left if k not in keys]
    return words


def _unread_member(rom: Romanized, word: str, reading: Reading | None) -> bool:
    """May a spelling without an anchoring reading join a group through the skeleton alone?
    Only when English does not know it (by frequency; its own weak Russian reading is no argument
    either way)."""
    from ..romanized import LOWER_ZIPF, UNREAD_ZIPF

    if reading is None:
        return not rom.english_like(word)
    if russian_zipf(reading.cyrillic) > 0:
        return False  # it reads as another Russian word
    return english_zipf(word) < (UNREAD_ZIPF if word[:1].isupper() else LOWER_ZIPF)


def _fold(cyrillic: str) -> str:
    return cyrillic.replace("ё", "е")


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
