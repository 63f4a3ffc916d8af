"""Romanized → Cyrillic: ranked candidates, the scheme-neutral skeleton key, scheme detection.

reverse() parses a romanized word with the inverse of every scheme (a beam over the ambiguous Latin
sequences, ordered by a Russian character-trigram model), keeps the spellings that romanize back to
the token (the round trip names the schemes that produce it), and ranks them by the termbase and the
pymorphy3 dictionary, which knows common words, first names and surnames in every case.

skeleton() folds every romanization of a word form, and the Cyrillic itself, to one key: signs and
diacritics go, digraph families become one symbol (kh/h/x → X, shch/ŝ/šč/shh → W, ts/c/cz → Q …), a run
of i/y/j becomes I (dropped before a vowel, except word-initial before a or u: я and ю; a lone y
between consonants, ы everywhere, becomes Y), and yo/io/jo become e (Хрущёв is Khrushchev in LC).
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import itemgetter

from . import limits, morph
from .romanize import SCHEME_IDS, SCHEMES, engine

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")

# ---------------------------------------------------------------- skeleton

_TIE_BARS = dict.fromkeys(map(ord, "\u0361\ufe20\ufe21"), None)
_SIGNS = dict.fromkeys(map(ord, "'\"`ʹʺ’‘”“ʼ′″·"), None)
_SPECIAL = [("ŝ", "shch"), ("šč", "shch"), ("š", "sh"), ("ž", "zh"), ("č", "ch"), ("â", "ja"),
            ("û", "ju"), ("ë", "e")]
_DIGRAPHS = [("shch", "W"), ("shh", "W"), ("zh", "Z"), ("kh", "X"), ("ch", "C"), ("sh", "S"),
             ("cz", "Q"), ("ts", "Q"), ("c", "Q"), ("x", "X"), ("h", "X")]
# ISO 9 writes с+х as sh, з+х as zh, ц+х as ch, к+х as kh: the same key as ш ж ч х (схема = shema)
_PLUS_KH = [("sX", "S"), ("zX", "Z"), ("QX", "C"), ("kX", "X")]
_ICAO_HARD_SIGN_RE = re.compile("ie(?=[iyj][aeou])")  # ICAO ъ = ie before я ю ё (объявил = obieiavil)
# A run of i/y/j is matched from its first letter only ((?<![iyj])): tried from every letter of a run
# with no vowel after it, the regex would cost the square of the run's length.
_IO_RE = re.compile("(?<![iyj])[iyj]+o")
_SEMIVOWEL_BEFORE_VOWEL_RE = re.compile("(?<![iyj])[iyj]+(?=[aeou])")
# Word-initial я and ю are written with a semivowel in every scheme (ya, ia, ja, â): it stays in the
# key there, so Yakir is not Akira (initial е is Ye in some schemes and E in others, so it goes).
_INITIAL_SEMIVOWEL_RE = re.compile("(?<![a-zA-Z])[iyj]+(?=[au])")
_SEMIVOWEL_RE = re.compile("[iyj]+")
# A lone y between consonants is ы in every scheme, a lone i there is и: the one и/ы distinction all keep.
_YERY_RE = re.compile("(?<=[bvgdzklmnprstfXCSWZQ])y(?=[bvgdzklmnprstfXCSWZQ])")
_DOUBLE_VOWEL_RE = re.compile(r"([aeou])\1+")


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The scheme-neutral key of one word form (Latin in any scheme, or Cyrillic).

    skeleton("Tukhachevsky") == skeleton("Tuchačevskij") == skeleton("Тухачевский") == "tuXaCevskI".
    """
    if _CYRILLIC_RE.search(word):
        word = engine("lc").convert(word)  # no warning for letters outside Russian: they stay in the key
    s = word.lower()
    if not (s.isascii() and s.isalpha()):  # most words are plain letters: no signs, no tie bars
        s = s.translate(_TIE_BARS).translate(_SIGNS)
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
        if "ch" in s and any(c in s for c in "čšžŝ"):
            s = s.replace("ch", "kh")  # a háček spelling writes ч as č, so its ch is German-style х
        for old, new in _SPECIAL:
            s = s.replace(old, new)
        # the remaining diacritics (ĭ ė è ī ŭ g̀ …) carry no distinction any other scheme makes
        s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    for old, new in _PLUS_KH:
        s = s.replace(old, new)
    s = _ICAO_HARD_SIGN_RE.sub("", s)
    s = _IO_RE.sub("e", s)
    s = _INITIAL_SEMIVOWEL_RE.sub("I", s)
    s = _SEMIVOWEL_BEFORE_VOWEL_RE.sub("", s)
    s = _YERY_RE.sub("Y", s)
    s = _SEMIVOWEL_RE.sub("I", s)
    s = _DOUBLE_VOWEL_RE.sub(r"\1", s)
    return s if s.isalpha() else "".join(c for c in s if c.isalpha() or c == "-")


# ---------------------------------------------------------------- a Russian character-trigram model

class _TrigramModel:
    """Interpolated character trigrams over word types, for ordering the beam and unknown candidates."""

    def __init__(self, words):
        self.tri: Counter = Counter()
        self.bi: Counter = Counter()
        self.uni: Counter = Counter()
        for w in words:
            w = f"^^{w}$"
            for i in range(2, len(w)):
                self.tri[w[i - 2:i + 1]] += 1
                self.bi[w[i - 1:i + 1]] += 1
                self.uni[w[i]] += 1
        self.ctx2: Counter = Counter()
        self.ctx1: Counter = Counter()
        for k, v in self.tri.items():
            self.ctx2[k[:2]] += v
        for k, v in self.bi.items():
            self.ctx1[k[:1]] += v
        self.total = sum(self.uni.values())

    @lru_cache(maxsize=500_000)  # noqa: B019 - one model per process
    def logp(self, ctx: str, c: str) -> float:
        """log P(c | two previous characters), ctx padded with ^."""
        p3 = self.tri[ctx + c] / self.ctx2[ctx] if self.ctx2[ctx] else 0.0
        p2 = self.bi[ctx[1] + c] / self.ctx1[ctx[1]] if self.ctx1[ctx[1]] else 0.0
        p1 = (self.uni[c] + 1) / (self.total + 60)
        return math.log(0.75 * p3 + 0.2 * p2 + 0.05 * p1)

    @lru_cache(maxsize=200_000)  # noqa: B019 - one model per process
    def score(self, word: str) -> float:
        """Mean log-probability per character of *word* (lower case)."""
        w = f"^^{word}$"
        return sum(self.logp(w[i - 2:i], w[i]) for i in range(2, len(w))) / (len(w) - 2)


@cache
def _model() -> _TrigramModel:
    from wordfreq import top_n_list

    return _TrigramModel(w.replace("ё", "е") for w in top_n_list("ru", 60_000) if w.isalpha())


# ---------------------------------------------------------------- inverse tables

_APOSTROPHES = "'’ʼ′‘`ʹ"
_QUOTES = "\"”“″ʺ"


@dataclass(frozen=True)
class _Inverse:
    pieces: dict[str, tuple[str, ...]]  # latin → cyrillic options
    longest: int
    silent: tuple[str, ...]             # letters the scheme writes as nothing (ь in ICAO, ъ ь in wikipedia)
    soft: str                           # the scheme's ь / ъ marks, for normalising apostrophes
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
    return _Inverse({k: tuple(sorted(v)) for k, v in pieces.items()}, max(map(len, pieces)),
                    tuple(silent), scheme.letters["ь"], scheme.letters["ъ"])


def _normalise_for(scheme_id: str, token: str) -> str:
    """The token in the scheme's own typography: its apostrophes and quotes for ь and ъ."""
    inv = _inverse(scheme_id)
    t = unicodedata.normalize("NFC", token.lower())
    if scheme_id != "ala-lc":  # only ALA-LC has tie-bars (as an option)
        t = t.translate(_TIE_BARS)
    if len(inv.soft) == 1 and inv.soft != "`":
        t = "".join(inv.soft if c in _APOSTROPHES else c for c in t)
    if len(inv.hard) == 1:
        t = "".join(inv.hard if c in _QUOTES else c for c in t)
    return t


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


def _parse(scheme_id: str, latin: str, beam: int = 48) -> list[str]:
    """Cyrillic spellings whose letters the scheme's inverse allows for *latin*, best first by the model.

    Linear in the length of *latin*, in time and memory: a state is (log p, its last two letters, a
    back pointer), so extending it copies nothing, and only the states of the next `longest` positions
    are held (no piece is longer). The spellings are spelled out from the back pointers at the end.
    """
    inv = _inverse(scheme_id)
    lm = _model()
    n = len(latin)
    width = inv.longest + 1
    ring: list[list[tuple[float, str, tuple | None]]] = [[] for _ in range(width)]
    ring[0].append((0.0, "^^", None))
    for i in range(n):
        here, ring[i % width] = ring[i % width], []
        if not here:
            continue
        here.sort(key=_LOG_P, reverse=True)  # stable: equal scores keep the order they were found in
        del here[beam:]
        for lp, ctx, back in here:
            for length in range(1, min(inv.longest, n - i) + 1):
                options = inv.pieces.get(latin[i:i + length])
                if not options:
                    continue
                target = ring[(i + length) % width]
                for option in options:
                    new_lp, new_ctx = lp, ctx
                    for ch in option:
                        new_lp += lm.logp(new_ctx, ch.replace("ё", "е"))
                        new_ctx = new_ctx[1] + ch
                    node = (option, back)
                    target.append((new_lp, new_ctx, node))
                    if inv.silent and option[-1] in _CONSONANTS:
                        for sign in inv.silent:
                            target.append((new_lp - 1.5, new_ctx[1] + sign, (sign, node)))
    final = [(lp + lm.logp(ctx, "$"), back) for lp, ctx, back in ring[n % width]]
    final.sort(key=_LOG_P, reverse=True)
    return [_spell(back) for _, back in final[:beam]]


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
    score: float                     # 0..1
    schemes: tuple[str, ...]         # scheme ids that romanize `cyrillic` to exactly the token
    known: bool                      # in the termbase or the pymorphy3 dictionary
    in_termbase: bool = False
    details: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class _TermIndex:
    forms: frozenset[str]     # lower case, ё folded to е
    lemmas: frozenset[str]
    english: dict[str, str]   # conventional / English spelling (lower case) → the Russian name form
    spellings: frozenset[str] = frozenset()  # lower case as written (Хрущёв keeps its ё)


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def _term_index(termbase) -> _TermIndex:
    if termbase is None:
        return _TermIndex(frozenset(), frozenset(), {})
    from .termcache import derived

    return derived(termbase, "reverse-terms", _TermIndex, _build_term_index)


def _build_term_index(termbase) -> _TermIndex:
    forms: set[str] = set()
    spellings: set[str] = set()
    english: dict[str, str] = {}
    for concept in termbase:
        ru_terms = concept.terms_in("ru")
        for term in ru_terms:
            words = [w for w in re.findall(r"[\w-]+", term.text) if _CYRILLIC_RE.search(w)]
            forms.update(_fold(w) for w in words)
            spellings.update(w.lower() for w in words)
            if term.conventional and len(words) == 1:
                english.setdefault(term.conventional.lower(), term.text)
        ru = concept.preferred("ru")
        if ru is not None and len(ru.text.split()) == 1:
            for en in concept.terms_in("en"):
                if len(en.text.split()) == 1 and _spells_alike(en.text, ru.text):
                    english.setdefault(en.text.lower(), ru.text)
    lemmas = frozenset(morph.lemma(f) for f in forms)
    return _TermIndex(frozenset(forms), lemmas, english, frozenset(spellings))


def _spells_alike(english: str, russian: str) -> bool:
    """Is an English term a spelling of the Russian word (Politbureau, Cheka, Isvestia) rather than a
    translation of it (camp for лагерь, congress for съезд)? A translation is not a romanization, so
    reverse() must not return лагерь for "camp"."""
    from rapidfuzz.fuzz import ratio

    return ratio(skeleton(english.lower()), skeleton(russian.lower())) >= 55


def _default_termbase():
    from .romanize import _load_default_termbase

    try:
        return _load_default_termbase()
    except Exception:  # noqa: BLE001 - a broken default termbase must not break reverse()
        return None


# Capitals, then at least two other letters to the end (IAgoda). Greedy, so the backtracking is
# linear in the word's length (a lazy prefix retried the capital run from every letter: quadratic).
_LEADING_CAPS_RE = re.compile(r"[^\W\d_]*[A-Z][^A-Z]{2,}")


def _restore_case(cyr: str, token: str) -> str:
    letters = [c for c in token if c.isalpha()]
    if sum(c.isupper() for c in letters) > 1 and not _LEADING_CAPS_RE.fullmatch(token):
        return cyr.upper()  # EZHOV, and initialisms written TsK or VChK (but IAgoda is Ягода)
    if letters and letters[0].isupper():
        return cyr[:1].upper() + cyr[1:]
    return cyr


def too_long(word: str) -> bool:
    """Is *word* past the longest word the reverse romanizer analyses (`max_word` in the limits)?"""
    return len(word) > limits.LIMITS.max_word


_ranked_cache: dict[str, tuple[Candidate, ...]] = {}
_ranked_owner: list = [None]


def reverse(word: str, *, termbase=None, limit: int = 10) -> list[Candidate]:
    """Ranked Cyrillic candidates for a romanized word, best first (Тухачевский for Tukhachevskii).

    A word longer than `limits.LIMITS.max_word` is passed over (no candidates): no Russian word is
    that long, and callers that must say so check `too_long` first."""
    if too_long(word):
        return []
    if termbase is None:
        termbase = _default_termbase()
    version = termbase.version if termbase is not None else 0
    owner = _ranked_owner[0]
    if owner is None or owner[0] is not termbase or owner[1] != version or len(_ranked_cache) > 50_000:
        _ranked_cache.clear()  # rankings depend on the termbase: one termbase version at a time
        _ranked_owner[0] = (termbase, version)
    ranked = _ranked_cache.get(word)
    if ranked is None:
        ranked = _ranked_cache[word] = _reverse(word, termbase)
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
            for cyr in _parse(sid, variant)[:_PER_SCHEME]:
                found.setdefault(cyr, set())
    result = {}
    for cyr in found:
        schemes = tuple(s for s in SCHEME_IDS if _produces(s, cyr, targets[s]))
        result[cyr] = schemes
    return result


_NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn")
_SIGN_MARKS = set(_APOSTROPHES + _QUOTES)
_SILENT_SIGN_RE = re.compile("[ьъ](?![аеёиоуыэюя])")


def _is_name(folded: str) -> bool:
    return any(tag in p.tag for p in morph.parses(folded) if p.is_known for tag in _NAME_TAGS)


_HYPHENATED_KEPT = 27  # readings of a hyphenated word kept (every one of up to three parts' top 3)


def _reverse_hyphenated(token: str, termbase) -> tuple[Candidate, ...]:
    """Bonch-Bruevich, Ioshkar-Ola: each part on its own, combined (schemes: those all parts share).

    The combinations are built part by part, keeping the best few: all of them would be 3 ** parts."""
    parts = [_reverse(part, termbase)[:3] for part in token.split("-")]
    if not all(parts):
        return ()
    combos: list[tuple[float, tuple[Candidate, ...]]] = [(1.0, ())]
    for options in parts:
        combos = heapq.nlargest(_HYPHENATED_KEPT, ((p * c.score, (*combo, c)) for p, combo in combos
                                                   for c in options), key=_LOG_P)
    combined = []
    for product, combo in combos:
        schemes = set(SCHEME_IDS)
        for c in combo:
            schemes &= set(c.schemes)
        combined.append(Candidate(
            "-".join(c.cyrillic for c in combo), round(product ** (1 / len(combo)), 4),
            tuple(s for s in SCHEME_IDS if s in schemes), all(c.known for c in combo),
            all(c.in_termbase for c in combo)))
    combined.sort(key=lambda c: (-c.score, c.cyrillic))
    return tuple(combined)


def _reverse(word: str, termbase) -> tuple[Candidate, ...]:
    token = unicodedata.normalize("NFC", word.strip())
    if not token or _CYRILLIC_RE.search(token):
        return ()
    if "-" in token.strip("-"):
        return _reverse_hyphenated(token.strip("-"), termbase)
    index = _term_index(termbase)
    lm = _model()
    spellings = dict(_candidate_spellings(token))
    conventional = index.english.get(token.lower())
    if conventional is not None:
        spellings.setdefault(conventional.lower(), ())
    capitalised = token[:1].isupper()
    has_sign_mark = any(c in _SIGN_MARKS for c in token)
    candidates = []
    for cyr, schemes in spellings.items():
        folded = _fold(cyr)
        lm_score = lm.score(folded)
        in_tb = folded in index.forms
        known_dict = morph.is_known(folded)
        lemma_in_tb = (not in_tb and known_dict and bool(index.lemmas)
                       and bool(morph.lemmas(folded) & index.lemmas))
        english = conventional is not None and folded == _fold(conventional)
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
        if "ё" in cyr and "ё" not in token.lower():
            score -= 0.005  # prefer the plain е spelling when the romanization does not show ё
        score += 0.005 * len(schemes) + 0.002 * max(-5.0, lm_score)
        candidates.append(Candidate(
            conventional if english and conventional and conventional.isupper() else _restore_case(cyr, token),
            round(max(0.0, min(1.0, score)), 4), schemes,
            in_tb or lemma_in_tb or known_dict, in_tb or lemma_in_tb or english,
            {"lm": round(lm_score, 3), "english": english, "termbase_form": in_tb}))
    if conventional is not None and any(c.in_termbase and c.schemes for c in candidates):
        # the token is an exact romanization of a termbase form (VChK = ВЧК): that reading wins over the
        # concept's preferred term that an English spelling points to (ЧК)
        candidates = [replace(c, score=0.94) if c.details.get("english") and not c.schemes else c
                      for c in candidates]
    candidates.sort(key=lambda c: (-c.score, c.cyrillic))
    return tuple(_merge_yo_variants(candidates, index))


def _merge_yo_variants(candidates: list[Candidate], index: _TermIndex) -> list[Candidate]:
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
    from wordfreq import zipf_frequency

    return zipf_frequency(folded, "ru")


# ---------------------------------------------------------------- detection

def detect(token: str, *, termbase=None) -> set[str]:
    """Scheme ids consistent with a romanized token: those that produce it from its best reading."""
    candidates = reverse(token, termbase=termbase, limit=3)
    if not candidates:
        return set()
    return set(candidates[0].schemes)


def detect_document(text: str, *, termbase=None) -> DocumentSchemes:
    """Which mix of schemes a document uses; see glossary.detection.DocumentSchemes."""
    from .detection import detect_document as _detect_document

    return _detect_document(text, termbase=termbase)


from .detection import DocumentSchemes, TokenEvidence  # noqa: E402 - re-exported; detection imports us lazily

__all__ = ["Candidate", "DocumentSchemes", "TokenEvidence", "detect", "detect_document", "reverse", "skeleton"]
