"""Romanized → Cyrillic: ranked candidates for a word (detection of a document's schemes builds on
this in glossary/romanization/detection.py; the skeleton key is glossary/romanization/skeleton.py).

reverse() parses a romanized word with the inverse of every scheme (a beam over the ambiguous Latin
sequences, ordered by a Russian character-trigram model), keeps the spellings that romanize back to
the token (the round trip names the schemes that produce it), and ranks them by the termbase and the
pymorphy3 dictionary, which knows common words, first names and surnames in every case.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import itemgetter
from typing import Any

from ..core import limits
from ..russian import morph
from .engine import SCHEME_IDS, SCHEMES, engine
from .lexicon import Lexicon
from .skeleton import TIE_BARS, skeleton

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


# ---------------------------------------------------------------- a Russian character-trigram model


class _TrigramModel:
    """Interpolated character trigrams over word types, for ordering the beam and unknown candidates."""

    def __init__(self, counts: dict[str, dict[str, int]]):
        self.tri = counts["tri"]
        self.bi = counts["bi"]
        self.uni = counts["uni"]
        self.ctx2 = counts["ctx2"]
        self.ctx1 = counts["ctx1"]
        self.total = sum(self.uni.values())

    @staticmethod
    def count(words: Iterable[str]) -> dict[str, dict[str, int]]:
        """The n-gram counts of *words* (plain dicts: what the disk cache stores)."""
        tri: Counter = Counter()
        bi: Counter = Counter()
        uni: Counter = Counter()
        for w in words:
            w = f"^^{w}$"
            for i in range(2, len(w)):
                tri[w[i - 2 : i + 1]] += 1
                bi[w[i - 1 : i + 1]] += 1
                uni[w[i]] += 1
        ctx2: Counter = Counter()
        ctx1: Counter = Counter()
        for k, v in tri.items():
            ctx2[k[:2]] += v
        for k, v in bi.items():
            ctx1[k[:1]] += v
        return {"tri": dict(tri), "bi": dict(bi), "uni": dict(uni), "ctx2": dict(ctx2), "ctx1": dict(ctx1)}

    @lru_cache(maxsize=500_000)  # noqa: B019 - one model per process
    def logp(self, ctx: str, c: str) -> float:
        """log P(c | two previous characters), ctx padded with ^."""
        n2 = self.ctx2.get(ctx, 0)
        n1 = self.ctx1.get(ctx[1], 0)
        p3 = self.tri.get(ctx + c, 0) / n2 if n2 else 0.0
        p2 = self.bi.get(ctx[1] + c, 0) / n1 if n1 else 0.0
        p1 = (self.uni.get(c, 0) + 1) / (self.total + 60)
        return math.log(0.75 * p3 + 0.2 * p2 + 0.05 * p1)

    @lru_cache(maxsize=200_000)  # noqa: B019 - one model per process
    def score(self, word: str) -> float:
        """Mean log-probability per character of *word* (lower case)."""
        w = f"^^{word}$"
        logp = self.logp
        return sum([logp(w[i - 2 : i], w[i]) for i in range(2, len(w))]) / (len(w) - 2)


_MODEL_WORDS = 60_000


def _model_counts() -> dict[str, dict[str, int]]:
    from wordfreq import top_n_list

    return _TrigramModel.count(w.replace("ё", "е") for w in top_n_list("ru", _MODEL_WORDS) if w.isalpha())


@cache
def _model() -> _TrigramModel:
    """Counting 60,000 words' trigrams (and reading wordfreq's list for them) costs 1–1.5 s; the counts
    are kept in the user cache (glossary.core.termcache), keyed by slovnik's code and wordfreq's data."""
    import hashlib

    from ..core import termcache
    from ..russian.frequency import data_stamp

    key = None
    stamp = data_stamp("ru")
    if stamp is not None and termcache.cache_dir() is not None:
        key = hashlib.sha256(f"{termcache.code_stamp()} {stamp} {_MODEL_WORDS}".encode()).hexdigest()[:32]
    return _TrigramModel(termcache.cached(key, "trigram-model", dict, _model_counts))


# ---------------------------------------------------------------- inverse tables

_APOSTROPHES = "'’ʼ′‘`ʹ"
_QUOTES = '"”“″ʺ'


@dataclass(frozen=True)
class _Inverse:
    pieces: dict[str, tuple[str, ...]]  # latin → cyrillic options
    longest: int
    silent: tuple[str, ...]  # letters the scheme writes as nothing (ь in ICAO, ъ ь in wikipedia)
    soft: str  # the scheme's ь / ъ marks, for normalising apostrophes
    hard: str


@cache
def _inverse(scheme_id: str) -> _Inverse:
    scheme = SCHEMES[scheme_id]
    pieces: dict[str, set[str]] = {}
    silent: list[str] = []

    def add(latin: str, cyr: str) -> None:
        latin = unicodedata.normalize("NFC", latin.lower())
        if latin:
            pieces.setdefault(latin, set()).add(cyr)
        elif cyr not in silent:
            silent.append(cyr)

    for cyr, latin in scheme.letters.items():
        add(latin, cyr)
    for option in scheme.options.values():
        for cyr, latin in option.letters.items():
            if cyr in scheme.letters:
                add(latin, cyr)
    for rule in scheme.all_rules({n: True for n in scheme.options}):
        add(rule.output, rule.match)
    return _Inverse(
        {k: tuple(sorted(v)) for k, v in pieces.items()},
        max(map(len, pieces)),
        tuple(silent),
        scheme.letters["ь"],
        scheme.letters["ъ"],
    )


def _normalise_for(scheme_id: str, token: str) -> str:
    """The token in the scheme's own typography: its apostrophes and quotes for ь and ъ."""
    t = unicodedata.normalize("NFC", token.lower())
    if scheme_id != "ala-lc":  # only ALA-LC has tie-bars (as an option)
        t = t.translate(TIE_BARS)
    return t.translate(_sign_marks(scheme_id))


@cache
def _sign_marks(scheme_id: str) -> dict[int, str]:
    """The str.translate table that writes apostrophes and quotes as the scheme's own ь and ъ marks."""
    inv = _inverse(scheme_id)
    table: dict[int, str] = {}
    if len(inv.soft) == 1 and inv.soft != "`":
        table.update(dict.fromkeys(map(ord, _APOSTROPHES), inv.soft))
    if len(inv.hard) == 1:
        # after the soft marks, as before: a soft mark that is itself a quote becomes the hard mark
        table = {k: inv.hard if v in _QUOTES else v for k, v in table.items()}
        table.update(dict.fromkeys(map(ord, _QUOTES), inv.hard))
    return table


@cache
def _engines(scheme_id: str) -> tuple:
    """The compiled scheme with its default options, and (if it has options) with all of them on."""
    options = SCHEMES[scheme_id].options
    engines = [engine(scheme_id)]
    if options:
        engines.append(engine(scheme_id, dict.fromkeys(options, True)))
    return tuple(engines)


def _produces(scheme_id: str, cyr: str, target: str) -> bool:
    """Does the scheme (default options, or all of them on) romanize the lower-case word *cyr* to *target*?"""
    return any(engine.lower_word(cyr) == target for engine in _engines(scheme_id))


_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
_LOG_P = itemgetter(0)


@cache
def _piece_table(scheme_id: str) -> dict[str, tuple[tuple[str, bool], ...]]:
    """Latin piece → (Cyrillic option, whether a silent sign may follow it) for the scheme's inverse."""
    inv = _inverse(scheme_id)
    return {
        latin: tuple((option, bool(inv.silent) and option[-1] in _CONSONANTS) for option in options)
        for latin, options in inv.pieces.items()
    }


def _parse(scheme_id: str, latin: str, beam: int = 48, keep: int | None = None) -> list[str]:
    """Cyrillic spellings whose letters the scheme's inverse allows for *latin*, best first by the model.

    Linear in the length of *latin*, in time and memory: a state is (log p, its last two letters, a
    back pointer), so extending it copies nothing, and only the states of the next `longest` positions
    are held (no piece is longer). The spellings are spelled out from the back pointers at the end.
    """
    inv = _inverse(scheme_id)
    table = _piece_table(scheme_id)
    lm = _model()
    steps = _STEPS
    silent = inv.silent
    n = len(latin)
    longest = inv.longest
    width = longest + 1
    ring: list[list[tuple[float, str, tuple | None]]] = [[] for _ in range(width)]
    ring[0].append((0.0, "^^", None))
    for i in range(n):
        here, ring[i % width] = ring[i % width], []
        if not here:
            continue
        here.sort(key=_LOG_P, reverse=True)  # stable: equal scores keep the order they were found in
        del here[beam:]
        # The pieces that start here (the same for every state): where their states go, and the
        # options with whether each may take a silent sign after it. No piece ends at i's own slot.
        pieces_here = []
        for length in range(1, min(longest, n - i) + 1):
            options = table.get(latin[i : i + length])
            if options:
                pieces_here.append((ring[(i + length) % width].append, options))
        if not pieces_here:
            continue
        for lp, ctx, back in here:
            ctx_steps = steps.get(ctx)
            if ctx_steps is None:
                ctx_steps = steps[ctx] = {}
            for append, options in pieces_here:
                for option, sign in options:
                    step = ctx_steps.get(option)
                    if step is None:
                        step = ctx_steps[option] = _step(lm, ctx, option)
                    new_lp = lp + step[0]
                    for delta in step[1]:  # added one letter at a time: the same float sums as before
                        new_lp += delta
                    new_ctx = step[2]
                    node = (option, back)
                    append((new_lp, new_ctx, node))
                    if sign:
                        for mark in silent:
                            append((new_lp - 1.5, new_ctx[1] + mark, (mark, node)))
    final = [(lp + lm.logp(ctx, "$"), back) for lp, ctx, back in ring[n % width]]
    final.sort(key=_LOG_P, reverse=True)
    return [_spell(back) for _, back in final[: min(beam, keep or beam)]]  # only the best *keep* spelled


# (two letters of context, a Cyrillic piece) → (the model's log p of the piece's first letter, of each
# later letter, the context after it): the beam extends the same few hundred contexts by the same
# pieces all the time.
_STEPS: dict[str, dict[str, tuple[float, tuple[float, ...], str]]] = {}


def _step(lm: _TrigramModel, ctx: str, option: str) -> tuple[float, tuple[float, ...], str]:
    deltas = []
    for ch in option:
        deltas.append(lm.logp(ctx, ch.replace("ё", "е")))
        ctx = ctx[1] + ch
    return deltas[0], tuple(deltas[1:]), ctx


def _spell(back: tuple | None) -> str:
    """The text a chain of back pointers (piece, previous) spells."""
    pieces = []
    while back is not None:
        pieces.append(back[0])
        back = back[1]
    return "".join(reversed(pieces))


# ---------------------------------------------------------------- reverse


@dataclass(frozen=True)
class Candidate:
    """One Cyrillic reading of a romanized word."""

    cyrillic: str
    score: float  # 0..1
    schemes: tuple[str, ...]  # scheme ids that romanize `cyrillic` to exactly the token
    known: bool  # in the termbase or the pymorphy3 dictionary
    in_termbase: bool = False
    details: dict = field(default_factory=dict, compare=False, repr=False)


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


# Capitals, then at least two other letters to the end (IAgoda). Greedy, so the backtracking is
# linear in the word's length (a lazy prefix retried the capital run from every letter: quadratic).
_LEADING_CAPS_RE = re.compile(r"[^\W\d_]*[A-Z][^A-Z]{2,}")


def _case_of(token: str) -> str:
    """How the token is capitalised: "upper", "title" or "" (as written)."""
    letters = [c for c in token if c.isalpha()]
    if sum(c.isupper() for c in letters) > 1 and not _LEADING_CAPS_RE.fullmatch(token):
        return "upper"  # EZHOV, and initialisms written TsK or VChK (but IAgoda is Ягода)
    if letters and letters[0].isupper():
        return "title"
    return ""


def _with_case(cyr: str, case: str) -> str:
    if case == "upper":
        return cyr.upper()
    if case == "title":
        return cyr[:1].upper() + cyr[1:]
    return cyr


def too_long(word: str) -> bool:
    """Is *word* past the longest word the reverse romanizer analyses (`max_word` in the limits)?"""
    return len(word) > limits.LIMITS.max_word


def reverse(
    word: str, *, termbase: Any = None, lexicon: Lexicon | None = None, limit: int = 10
) -> list[Candidate]:
    """Ranked Cyrillic candidates for a romanized word, best first (Тухачевский for Tukhachevskii).

    The termbase's forms and spellings rank first: pass *termbase* (its Lexicon is built once per
    version) or its *lexicon*; without either, readings are ranked by the dictionary alone.
    A word longer than `limits.LIMITS.max_word` is passed over (no candidates): no Russian word is
    that long, and callers that must say so check `too_long` first."""
    if too_long(word):
        return []
    lex = lexicon if lexicon is not None else Lexicon.of(termbase)
    ranked = lex.ranked.get(word)  # the rankings depend on the termbase: the Lexicon keeps them
    if ranked is None:
        if len(lex.ranked) > 50_000:
            lex.ranked.clear()
        ranked = lex.ranked[word] = _reverse(word, lex)
    return list(ranked[:limit])


_PER_SCHEME = 24  # readings kept from each scheme's beam


@lru_cache(maxsize=20_000)
def _candidate_spellings(token: str) -> dict[str, tuple[str, ...]]:
    """Cyrillic (lower case) → schemes that produce *token* exactly; '' key set for loose readings."""
    found: dict[str, set[str]] = {}
    targets = {sid: _normalise_for(sid, token) for sid in SCHEME_IDS}
    for sid in SCHEME_IDS:
        variants = [targets[sid]]
        if sid == "scholarly" and "ch" in targets[sid]:
            variants.append(targets[sid].replace("ch", "x"))  # German-tradition scholarly ch for х
        for variant in variants:
            for cyr in _parse(sid, variant, keep=_PER_SCHEME):
                found.setdefault(cyr, set())
    cyrs = list(found)
    produced = {sid: _round_trips(sid, cyrs, targets[sid]) for sid in SCHEME_IDS}
    return {cyr: tuple(s for s in SCHEME_IDS if produced[s][k]) for k, cyr in enumerate(cyrs)}


def _round_trips(scheme_id: str, cyrs: list[str], target: str) -> list[bool]:
    """For each lower-case word of *cyrs*: does the scheme produce *target* from it (`_produces`)?

    All the words go through each engine as one space-separated text: one regex pass and one
    translate instead of one per word (a token has up to ~190 readings). A space is a word edge to
    every rule, as in running text; should the words ever not come back one for one, each is
    romanized on its own."""
    hits = [False] * len(cyrs)
    for eng in _engines(scheme_id):
        out = eng.lower_word(" ".join(cyrs)).split(" ")
        if len(out) != len(cyrs):
            out = [eng.lower_word(cyr) for cyr in cyrs]
        for k, latin in enumerate(out):
            if latin == target:
                hits[k] = True
    return hits


_NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn")
_SIGN_MARKS = set(_APOSTROPHES + _QUOTES)
_SILENT_SIGN_RE = re.compile("[ьъ](?![аеёиоуыэюя])")


def _is_name(folded: str) -> bool:
    return any(tag in p.tag for p in morph.parses(folded) if p.is_known for tag in _NAME_TAGS)


_HYPHENATED_KEPT = 27  # readings of a hyphenated word kept (every one of up to three parts' top 3)


def _reverse_hyphenated(token: str, lexicon: Lexicon) -> tuple[Candidate, ...]:
    """Bonch-Bruevich, Ioshkar-Ola: each part on its own, combined (schemes: those all parts share).

    The combinations are built part by part, keeping the best few: all of them would be 3 ** parts."""
    parts = [_reverse(part, lexicon)[:3] for part in token.split("-")]
    if not all(parts):
        return ()
    combos: list[tuple[float, tuple[Candidate, ...]]] = [(1.0, ())]
    for options in parts:
        combos = heapq.nlargest(
            _HYPHENATED_KEPT, ((p * c.score, (*combo, c)) for p, combo in combos for c in options), key=_LOG_P
        )
    combined = []
    for product, combo in combos:
        schemes = set(SCHEME_IDS)
        for c in combo:
            schemes &= set(c.schemes)
        combined.append(
            Candidate(
                "-".join(c.cyrillic for c in combo),
                round(product ** (1 / len(combo)), 4),
                tuple(s for s in SCHEME_IDS if s in schemes),
                all(c.known for c in combo),
                all(c.in_termbase for c in combo),
            )
        )
    combined.sort(key=lambda c: (-c.score, c.cyrillic))
    return tuple(combined)


def _reverse(word: str, lexicon: Any) -> tuple[Candidate, ...]:
    """The ranked readings of *word*; *lexicon* is a Lexicon (or a termbase, read into one)."""
    index = Lexicon.of(lexicon)
    token = unicodedata.normalize("NFC", word.strip())
    if not token or _CYRILLIC_RE.search(token):
        return ()
    if "-" in token.strip("-"):
        return _reverse_hyphenated(token.strip("-"), index)
    lm = _model()
    spellings = dict(_candidate_spellings(token))
    conventional = index.english.get(token.lower())
    if conventional is not None:
        spellings.setdefault(conventional.lower(), ())
    capitalised = token[:1].isupper()
    case = _case_of(token)  # the same for every reading
    has_sign_mark = any(c in _SIGN_MARKS for c in token)
    shows_yo = "ё" in token.lower()
    conventional_folded = _fold(conventional) if conventional is not None else None
    lm_score_of, is_known, forms = lm.score, morph.is_known, index.forms  # ~100 readings a word
    candidates = []
    for cyr, schemes in spellings.items():
        folded = _fold(cyr)
        lm_score = lm_score_of(folded)
        in_tb = folded in forms
        known_dict = is_known(folded)
        lemma_in_tb = (
            not in_tb and known_dict and bool(index.lemmas) and bool(morph.lemmas(folded) & index.lemmas)
        )
        english = folded == conventional_folded
        if english:
            score = 0.99  # the termbase's own conventional (English) spelling of this name or term
        elif in_tb:
            score = 0.95
        elif lemma_in_tb:
            score = 0.9
        elif known_dict:
            # how common the form is decides between two dictionary words (меры, not мэры; Яков, not
            # Иаков); pymorphy's parse score does not compare across words
            score = 0.6 + 0.2 * min(_zipf(folded), 6.0) / 6
            if capitalised and _is_name(folded):
                score += 0.1  # a capitalised word in English text is most likely a name
        else:
            score = 0.45 * math.exp(max(-6.0, lm_score + 2.0) / 2)
        if not schemes and score < 0.99:
            score *= 0.85  # a loose reading (German-style ch, a conventional spelling): no scheme gives it
        if not has_sign_mark and _SILENT_SIGN_RE.search(folded):
            score -= 0.05  # a sign the token does not show (only ICAO/Wikipedia drop it)
        if "ё" in cyr and not shows_yo:
            score -= 0.005  # prefer the plain е spelling when the romanization does not show ё
        score += 0.005 * len(schemes) + 0.002 * max(-5.0, lm_score)
        candidates.append(
            Candidate(
                conventional
                if english and conventional and conventional.isupper()
                else _with_case(cyr, case),
                round(max(0.0, min(1.0, score)), 4),
                schemes,
                in_tb or lemma_in_tb or known_dict,
                in_tb or lemma_in_tb or english,
                {"lm": round(lm_score, 3), "english": english, "termbase_form": in_tb},
            )
        )
    if conventional is not None and any(c.in_termbase and c.schemes for c in candidates):
        # the token is an exact romanization of a termbase form (VChK = ВЧК): that reading wins over the
        # concept's preferred term that an English spelling points to (ЧК)
        candidates = [
            replace(c, score=0.94) if c.details.get("english") and not c.schemes else c for c in candidates
        ]
    candidates.sort(key=lambda c: (-c.score, c.cyrillic))
    return tuple(_merge_yo_variants(candidates, index))


def _merge_yo_variants(candidates: list[Candidate], index: Lexicon) -> list[Candidate]:
    """Keep one of Хрущев/Хрущёв: the termbase's spelling if it has one, else the better-ranked one
    (the plain е, as most Russian print writes it). Each keeps its own schemes: if the word is Хрущёв,
    "Khrushchev" is LC or ICAO, not BGN (Khrushchëv) or Wikipedia (Khrushchyov)."""
    groups: dict[str, list[Candidate]] = {}
    for c in candidates:
        groups.setdefault(_fold(c.cyrillic), []).append(c)
    keep = set()
    for group in groups.values():
        written = [c for c in group if c.cyrillic.lower() in index.spellings]
        keep.add(id(written[0] if written else group[0]))
    return [c for c in candidates if id(c) in keep]


@lru_cache(maxsize=100_000)
def _zipf(folded: str) -> float:
    from ..russian.frequency import zipf

    return zipf(folded, "ru")


__all__ = ["Candidate", "reverse", "skeleton", "too_long"]
