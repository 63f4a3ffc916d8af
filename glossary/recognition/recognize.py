"""Find termbase concepts in Russian or English text.

Russian is matched by lemma: every token is lemmatised with pymorphy3 (all parses count, so a token
matches a term word when their lemma sets intersect), so номенклатуры, номенклатурой and Генеральным
секретарём are found in any case and number. A lemma is keyed with its part of speech (стали, a form
of the noun сталь, never matches the verb стать), and a term word, being written in its dictionary
form, only stands for its nominative parses (Ежов is the surname, not the genitive plural of ёж).
Matching is token by token, so a term is never found inside another word (перестройка is not тройка,
ежовщина is not Ежов); numbers and № are tokens too (приказ № 227 is not приказ № 00447).

English is matched by inflection: a token is reduced to its candidate base forms by a small rule-based
inflector (troikas → troika, kolkhozes → kolkhoz, Secretary's → secretary, men → man) and compared
with the term words. Romanized Russian words are also matched in their Russian inflections and in any
romanization scheme: when an English term word is a romanization of a word of the concept's Russian
term (same `glossary.romanization.skeleton.skeleton`), every form of that Russian word's pymorphy3 lexeme is accepted
by skeleton (troiki, kolkhozy, Ezhova).

A term's `match` field overrides the mode: `lemma` (default), `exact` (the written form, any letter
case), `case` (by lemma, but the letter case of each word must agree: Правда the newspaper, not
правда the truth; ТАСС in capitals), `regex` (the term text is a Python regular expression; matches
that start or end inside a word are dropped). A term's `exclude` and `context` phrases tell homonyms
apart (glossary.recognition.homonyms): a match inside an excluded phrase, or without any of the
context phrases in the text, is dropped before the longest match is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..core import limits
from ..core.errors import TermbaseError
from ..core.termcache import WordMemo, derived, pack, plain_dumps, plain_loads, unpack
from ..romanization.skeleton import skeleton, skeletons
from ..termbase.model import Concept, Term, Termbase
from . import words as _words  # by module: tests count the calls of its functions
from .homonyms import Filter, TextView, compile_filter
from .words import case_agrees, english_bases, fold, token_keys

# A Russian word keeps its inner hyphens (генерал-губернатор is one dictionary word). Numbers and №
# are tokens too, so приказ № 227 never matches приказ № 00447.
RU_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*|№")
# English splits at hyphens (Secretary-General = two words, as in the term) and keeps 's with its word.
EN_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|№")
_WORD_CHAR = re.compile(r"[^\W_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class Match(NamedTuple):
    """One occurrence of a concept's term in a text: text[start:end] == self.text. (A named tuple:
    matching makes one per occurrence, and a tuple is several times cheaper to build than a frozen
    dataclass.)"""

    concept_id: str
    term: Term
    start: int
    end: int
    text: str


class Scan(NamedTuple):
    """What recognising one text produced: the matches, the text's tokens (RU_TOKEN or EN_TOKEN) and
    the start offsets of the first tokens (as far as matching needed them; `token_starts` gives all).
    Callers that tokenise the same text again reuse them."""

    matches: list[Match]
    tokens: list[str]
    starts: list[int]


def token_starts(text: str, tokens: list[str], starts: list[int], upto: int | None = None) -> list[int]:
    """Extend *starts* (offsets of tokens[0:len(starts)] in *text*) to the first *upto* tokens (all by
    default) and return it. Between two tokens there is nothing a token can start with, so each one
    is the next occurrence of its string: one `str.find` each, cheaper than the regex's match objects."""
    n = len(starts)
    upto = len(tokens) if upto is None else upto
    if n < upto:
        pos = starts[-1] + len(tokens[n - 1]) if n else 0
        find = text.find
        for token in tokens[n:upto]:
            pos = find(token, pos)
            starts.append(pos)
            pos += len(token)
    return starts


# --- the index ----------------------------------------------------------------------------------


@dataclass
class _Entry:
    concept_id: str
    term: Term
    mode: str
    words: tuple[str, ...]  # the term's words as written
    keys: tuple[frozenset[str], ...]  # per word: lemmas (ru) / base forms (en)
    skeletons: tuple[frozenset[str], ...] = ()  # per word (en only): romanized inflection keys
    pattern: re.Pattern | None = None
    filter: Filter | None = None  # the term's exclude/context phrases, when it has any


def _skeleton_fn() -> Callable[[str], str]:
    return skeleton


class _RuToken(NamedTuple):
    """What a Russian token string is to the matcher, computed once per distinct string."""

    keys: frozenset[str]  # lemma|POS keys of its parses
    form: str  # the folded token (exact-mode entries compare it)
    entries: tuple[_Entry, ...]  # the entries whose first word it may be


class _EnToken(NamedTuple):
    """What an English token string is to the matcher, computed once per distinct string."""

    bases: frozenset[str]  # its base forms (plural, possessive cut)
    skeleton: str | None  # its romanization skeleton (None: not a word romanized Russian could be)
    entries: tuple[_Entry, ...]  # the entries whose first word it may be


class TermIndex:
    """Every term of a termbase, prepared once for fast recognition in many texts.

    What preparing costs (pymorphy3 for every Russian term word, the skeletons of every form of a
    romanized one) is a plan of plain data: the entries as tuples and, per first-word key, the numbers
    of the entries it may open. A Termbase's plan is kept with it (`glossary.core.termcache`: once per
    version, and on disk while it is as read from its file); an entry object is made from its tuple
    the first time a text reaches it.
    """

    def __init__(self, termbase: Termbase | Iterable[Concept], *, romanized: bool = True):
        concepts = list(termbase)
        self.concepts: dict[str, Concept] = {c.id: c for c in concepts}
        self._skeleton = _skeleton_fn() if romanized else None
        self._skeleton_cache: dict[str, str] = {}
        if isinstance(termbase, Termbase):
            plan = derived(
                termbase,
                f"recognize-{'romanized' if romanized else 'plain'}",
                dict,
                lambda tb: self._plan(concepts, memo=True),
            )
        else:
            plan = self._plan(concepts)
        self._concept_list = concepts
        self._plan_entries: list[bytes] = plan["entries"]
        self._made: dict[int, _Entry] = {}
        self._ru_first: dict[str, bytes] = plan["ru_first"]
        self._en_first: dict[str, bytes] = plan["en_first"]
        self._en_skel_first: dict[str, bytes] = plan["en_skel_first"]
        self._ru_tok: dict[str, _RuToken] = {}
        self._en_tok: dict[str, _EnToken] = {}
        # the tokens that may open a term (their info has entries), a subset of the caches above: a
        # text none of whose tokens is here is ruled out by one set operation in C
        self._ru_open: dict[str, _RuToken] = {}
        self._en_open: dict[str, _EnToken] = {}
        self._ru_regex = [self._entry(n) for n in plan["ru_regex"]]
        self._en_regex = [self._entry(n) for n in plan["en_regex"]]

    # building

    def _plan(self, concepts: list[Concept], memo: bool = False) -> dict:
        """The plan for *concepts*; with *memo*, the words' analyses come from and go to the disk
        (termcache.WordMemo), so a changed termbase costs only its new words."""
        forms = WordMemo("form-skeletons") if memo and self._skeleton is not None else None
        skeletons = WordMemo("skeletons") if forms is not None else None
        keys = WordMemo("term-keys") if memo else None
        self._form_skels: dict[str, frozenset[str]] = forms.values if forms is not None else {}
        if skeletons is not None:
            skeletons.values.update(self._skeleton_cache)
            self._skeleton_cache = skeletons.values
        self._term_keys: WordMemo | None = keys
        try:
            return self._plan_entries_of(concepts)
        finally:
            self._term_keys = None
            for m in (forms, skeletons, keys):
                if m is not None:
                    m.save()

    def _plan_entries_of(self, concepts: list[Concept]) -> dict:
        entries: list[tuple] = []
        firsts: dict[str, dict[str, list[int]]] = {"ru_first": {}, "en_first": {}, "en_skel_first": {}}
        regex: dict[str, list[int]] = {"ru_regex": [], "en_regex": []}
        for ci, concept in enumerate(concepts):
            ru_words = []
            for tj, term in enumerate(concept.terms):
                if term.lang == "ru" or term.lang.split("-")[0] == "ru":
                    ru_words += RU_TOKEN.findall(term.text)
                    entry = self._plan_ru(ci, tj, term)
                    side = "ru"
                else:
                    continue
                self._file(entry, entries, firsts, regex, side)
            for tj, term in enumerate(concept.terms):
                if term.lang == "en" or term.lang.split("-")[0] == "en":
                    self._file(self._plan_en(ci, tj, term, ru_words), entries, firsts, regex, "en")
        # each entry pickled on its own and each posting list packed: loading the plan makes a few
        # objects per entry and key, and an entry is unpickled when a text first reaches it
        return {
            "entries": [plain_dumps(e) for e in entries],
            **regex,
            **{k: {key: pack(v) for key, v in d.items()} for k, d in firsts.items()},
        }

    @staticmethod
    def _file(entry: tuple | None, entries: list, firsts: dict, regex: dict, side: str) -> None:
        if entry is None:
            return
        n = len(entries)
        entries.append(entry)
        if entry[2] == "regex":
            regex[f"{side}_regex"].append(n)
            return
        for k in entry[4][0]:
            firsts[f"{side}_first"].setdefault(k, []).append(n)
        if side == "en":
            for s in entry[5][0]:
                firsts["en_skel_first"].setdefault(s, []).append(n)

    def _plan_ru(self, ci: int, tj: int, term: Term) -> tuple | None:
        mode = term.match or "lemma"
        if mode == "regex":
            return (ci, tj, mode, (), (), ())
        words = tuple(RU_TOKEN.findall(term.text))
        if not words:
            return None
        if mode not in ("lemma", "case"):  # exact (an unknown mode is treated as exact: the safe reading)
            keys = tuple(frozenset({fold(w)}) for w in words)
        else:
            noun = len(words) == 1 and term.part_of_speech == "noun"
            memo = self._term_keys
            if memo is None:
                keys = (
                    (_words.noun_lemmas(words[0]),) if noun else tuple(_words.term_lemmas(w) for w in words)
                )
            else:  # a noun's keys under a key no word has (a tab)
                keys = (
                    (memo.get(f"\t{words[0]}", lambda k: _words.noun_lemmas(k[1:])),)
                    if noun
                    else tuple(memo.get(w, _words.term_lemmas) for w in words)
                )
        return (ci, tj, mode, words, keys, ())

    def _entry(self, n: int) -> _Entry:
        """The entry numbered *n*, made from its plan tuple on first use."""
        entry = self._made.get(n)
        if entry is None:
            ci, tj, mode, words, keys, skeletons = plain_loads(self._plan_entries[n])
            concept = self._concept_list[ci]
            term = concept.terms[tj]
            pattern = _compile_term(concept.id, term) if mode == "regex" else None
            russian = term.lang == "ru" or term.lang.split("-")[0] == "ru"
            rule = compile_filter(
                concept.id,
                term,
                RU_TOKEN if russian else EN_TOKEN,
                self._ru_keys if russian else self._en_keys,
            )
            entry = self._made[n] = _Entry(concept.id, term, mode, words, keys, skeletons, pattern, rule)
        return entry

    def _ru_keys(self, token: str) -> frozenset[str]:
        """What a Russian token shares with a phrase word of the same lexeme (homonyms.Phrase): the
        keys matching uses, without the entries (a phrase word may open the very entry being made)."""
        info = self._ru_tok.get(token)
        return info.keys if info is not None else _ru_token_keys(token)

    def _en_keys(self, token: str) -> frozenset[str]:
        info = self._en_tok.get(token)
        return info.bases if info is not None else english_bases(token)

    def _each_once(self, groups: Iterable[bytes]) -> tuple[_Entry, ...]:
        """The entries of several index look-ups (packed entry numbers), each once, in order."""
        return tuple(self._entry(n) for n in dict.fromkeys(n for group in groups for n in unpack(group)))

    def skeleton(self, word: str) -> str | None:
        if self._skeleton is None:
            return None
        key = self._skeleton_cache.get(word)
        if key is None:
            key = self._skeleton_cache[word] = self._skeleton(word)
        return key

    def _form_skeletons(self, ru_word: str) -> frozenset[str]:
        """Skeletons of every inflected form of a Russian term word (computed once per word)."""
        found = self._form_skels.get(ru_word)
        if found is None:
            forms = _words.lexeme_forms(ru_word)
            known = self._skeleton_cache
            new = [f for f in forms if f not in known]
            known.update(zip(new, skeletons(new), strict=True))  # a word's forms folded in one batch
            found = self._form_skels[ru_word] = frozenset(k for k in map(known.__getitem__, forms) if k)
        return found

    def _plan_en(self, ci: int, tj: int, term: Term, ru_words: list[str]) -> tuple | None:
        mode = term.match or "lemma"
        if mode == "regex":
            return (ci, tj, mode, (), (), ())
        words = tuple(EN_TOKEN.findall(term.text))
        if not words:
            return None
        # the written word, apostrophes folded as english_bases folds them (People’s = People's)
        keys = tuple(frozenset({w.lower().replace("’", "'")}) for w in words)
        skeletons: list[frozenset[str]] = []
        for w in words:
            skel = self.skeleton(w) if mode != "exact" else None
            accepted: list[frozenset[str]] = []
            if skel:
                # the Russian word this one romanizes as written (Andreyev: Андреев), else any whose
                # inflection it is: Андреев is also the genitive plural of Андрей, and Андрее would
                # make "Andre" a form of Andreyev
                same = [rw for rw in ru_words if self.skeleton(rw) == skel]
                for rw in same or ru_words:
                    form_skels = self._form_skeletons(rw)
                    if skel in form_skels and form_skels not in accepted:
                        accepted.append(form_skels)
            # one word's set itself when it is the only one: shared, it is stored (and cached) once
            skeletons.append(accepted[0] if len(accepted) == 1 else frozenset().union(*accepted))
        return (ci, tj, mode, words, keys, tuple(skeletons))

    # matching

    # Per distinct token string: its keys and the terms it may open, computed once. Texts repeat words
    # far more than they repeat sentences, so matching a unit is a few dict lookups per token.
    _CACHE_LIMIT = 1_000_000

    def _ru_token(self, token: str) -> _RuToken:
        info = self._ru_tok.get(token)
        if info is None:
            form = fold(token)
            keys = _ru_token_keys(token)
            entries = self._each_once(self._ru_first.get(key, b"") for key in (*keys, form))
            info = self._ru_tok[token] = _RuToken(keys, form, entries)
            if entries:
                self._ru_open[token] = info
        return info

    @staticmethod
    def _ru_ok(entry: _Entry, info: _RuToken, token: str, j: int) -> bool:
        if entry.mode == "exact":
            return info.form in entry.keys[j]
        if not (info.keys & entry.keys[j]):
            return False
        return entry.mode != "case" or case_agrees(entry.words[j], token)

    def find_ru(self, text: str) -> list[Match]:
        """Terms of the Russian side found in *text*, leftmost-longest, in text order."""
        return self.scan_ru(text).matches

    def scan_ru(self, text: str) -> Scan:
        """`find_ru` with the tokens it found on the way (see `Scan`)."""
        # a lemma-mode entry reached through a token's keys already matches its first word
        return self._scan(
            text,
            RU_TOKEN,
            self._ru_tok,
            self._ru_open,
            self._ru_token,
            self._ru_ok,
            self._ru_regex,
            self._ru_keys,
            first_known=True,
            prefer_close=False,
        )

    def _scan(
        self,
        text: str,
        token_re,
        cache: dict,
        opens: dict,
        analyse,
        ok,
        regexes,
        keys_of: Callable[[str], frozenset[str]],
        *,
        first_known: bool,
        prefer_close: bool,
        before: Callable[[set[str]], None] | None = None,
    ) -> Scan:
        """The one matcher both sides share: leftmost-longest over tokens, then regex terms; a match
        its term's exclude/context phrases rule out is dropped first (a shorter reading may stand)."""
        tokens = token_re.findall(text)
        if len(cache) > self._CACHE_LIMIT:  # bounded memory; cleared between texts, never during one
            cache.clear()
            opens.clear()
        new = set(tokens).difference(cache)  # new words only: the set difference runs in C
        if before is not None:
            before(new)  # what analysing the new tokens needs, for all of them at once
        for t in new:
            analyse(t)
        found: list[Match] = []
        starts: list[int] = []
        view: TextView | None = None

        def stands(
            rule: Filter, start: int, end: int, first: int | None = None, last: int | None = None
        ) -> bool:
            nonlocal view
            if view is None:  # only for a text where a filtered term matched
                view = TextView(text, tokens, lambda: token_starts(text, tokens, starts), keys_of)
            return view.admits(rule, start, end, first, last)

        if not opens.keys().isdisjoint(tokens):
            n = len(tokens)
            # the entries a token may open, by its first word alone (once per distinct token: `ok`
            # depends on the entry and the token, not on where the token stands)
            opening: dict[str, list[_Entry]] = {}
            for i, token in enumerate(tokens):
                info = opens.get(token)
                if info is None:
                    continue
                entries = opening.get(token)
                if entries is None:
                    entries = opening[token] = [
                        entry
                        for entry in info.entries
                        if (first_known and entry.mode == "lemma") or ok(entry, info, token, 0)
                    ]
                for entry in entries:
                    k = len(entry.words)
                    if i + k > n:
                        continue
                    if k == 1 or all(ok(entry, cache[tokens[i + j]], tokens[i + j], j) for j in range(1, k)):
                        last = i + k - 1
                        if len(starts) <= last:
                            token_starts(text, tokens, starts, last + 1)
                        start, end = starts[i], starts[last] + len(tokens[last])
                        if entry.filter is None or stands(entry.filter, start, end, i, last):
                            found.append(Match(entry.concept_id, entry.term, start, end, text[start:end]))
        if regexes:
            found.extend(self._regex_matches(text, regexes, stands))
        return Scan(_resolve(found, prefer_close=prefer_close), tokens, starts)

    def _en_base(self, token: str) -> str | None:
        """The word whose skeleton an English token is matched by (None: not by skeleton)."""
        # a word past max_word is passed over: no romanized Russian word is that long
        if self._en_skel_first and not token.isdigit() and len(token) <= limits.LIMITS.max_word:
            base = token.replace("’", "'")
            if base.lower().endswith("'s"):
                base = base[:-2]
            return None if _CYRILLIC.search(base) else base
        return None

    def _prefill_skeletons(self, tokens: set[str]) -> None:
        """The skeletons of a text's new tokens in one batch (skeleton.skeletons), not one by one."""
        if self._skeleton is not skeleton:
            return
        known = self._skeleton_cache
        bases = [b for b in dict.fromkeys(map(self._en_base, tokens)) if b is not None and b not in known]
        known.update(zip(bases, skeletons(bases), strict=True))

    def _en_token(self, token: str) -> _EnToken:
        info = self._en_tok.get(token)
        if info is None:
            bases = english_bases(token)
            base = self._en_base(token)
            skel = self.skeleton(base) if base is not None else None
            entries = self._each_once(
                [
                    *(self._en_first.get(key, b"") for key in bases),
                    self._en_skel_first.get(skel, b"") if skel else b"",
                ]
            )
            info = self._en_tok[token] = _EnToken(bases, skel, entries)
            if entries:
                self._en_open[token] = info
        return info

    @staticmethod
    def _en_ok(entry: _Entry, info: _EnToken, token: str, j: int) -> bool:
        if entry.mode == "exact":
            return token.lower().replace("’", "'") in entry.keys[j]
        if entry.mode == "case" and not case_agrees(entry.words[j], token):
            return False
        if info.bases & entry.keys[j]:
            return True
        return info.skeleton is not None and info.skeleton in entry.skeletons[j]

    def find_en(self, text: str) -> list[Match]:
        """Terms of the English side found in *text* (inflected, possessive, or romanized-inflected)."""
        return self.scan_en(text).matches

    def scan_en(self, text: str) -> Scan:
        """`find_en` with the tokens it found on the way (see `Scan`)."""
        return self._scan(
            text,
            EN_TOKEN,
            self._en_tok,
            self._en_open,
            self._en_token,
            self._en_ok,
            self._en_regex,
            self._en_keys,
            first_known=False,
            prefer_close=True,
            before=self._prefill_skeletons,
        )

    @staticmethod
    def _regex_matches(text: str, entries: list[_Entry], stands: Callable[..., bool]) -> list[Match]:
        found = []
        for entry in entries:
            assert entry.pattern is not None  # only regex-mode entries, which all have one
            for m in entry.pattern.finditer(text):
                s, e = m.start(), m.end()
                if s == e:
                    continue
                inside = (s > 0 and _WORD_CHAR.match(text[s - 1]) and _WORD_CHAR.match(text[s])) or (
                    e < len(text) and _WORD_CHAR.match(text[e]) and _WORD_CHAR.match(text[e - 1])
                )
                if not inside and (entry.filter is None or stands(entry.filter, s, e)):
                    found.append(Match(entry.concept_id, entry.term, s, e, m.group()))
        return found


def _ru_token_keys(token: str) -> frozenset[str]:
    """The lemma|POS keys of a Russian text token."""
    # a number is only ever itself: no need to ask the dictionary about every 12 000
    if token.isdigit():
        return frozenset({f"{fold(token)}|NUM", f"{fold(token)}|X"})
    if len(token) > limits.LIMITS.max_word:
        return frozenset({f"{fold(token)}|NOUN"})  # passed over: no dictionary word is that long
    return token_keys(token)


def _compile_term(concept_id: str, term: Term) -> re.Pattern:
    """A regex-mode term's pattern; TermbaseError (one line) when the text is not a regular expression."""
    try:
        return re.compile(term.text)
    except re.error as e:
        raise TermbaseError(
            f"concept {concept_id!r}: regex term {term.text!r} is not a regular expression ({e})"
        ) from None


def _closeness(match: Match) -> tuple:
    """How closely the matched text resembles the term as written (nomenklatury is closer to
    nomenklatura than to nomenclature): the shared prefix, case-insensitive, then case-sensitive."""

    def prefix(a: str, b: str) -> int:
        n = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            n += 1
        return n

    a, b = match.text, match.term.text
    return (a.lower() == b.lower(), prefix(a.lower(), b.lower()), prefix(a, b))


def _resolve(found: list[Match], prefer_close: bool = False) -> list[Match]:
    """Leftmost-longest, non-overlapping spans; every concept found on the winning span is kept (one
    term per concept: the closest to the written text)."""
    if len(found) < 2:
        return found
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    end = -1
    span: tuple[int, int] | None = None
    for m in found:
        if span == (m.start, m.end):
            out.append(m)
            continue
        if m.start < end:
            continue
        span, end = (m.start, m.end), m.end
        out.append(m)
    best: dict[tuple[int, int, str], Match] = {}
    for m in out:
        key = (m.start, m.end, m.concept_id)
        if key not in best or (prefer_close and _closeness(m) > _closeness(best[key])):
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.start, m.concept_id))
