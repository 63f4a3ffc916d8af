"""Where the termbase lives and what one does with it: load, save, add, merge, find, search, stats.

Resolution order for the termbase file: an explicit path (`--glossary`), then `[tool.slovnik]
glossary = …` in the nearest pyproject.toml, then the starter termbase bundled with the package.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..core import gctuning, termcache
from ..core.errors import TermbaseError
from .formats import format_for, read_termbase, write_termbase
from .ids import slugify
from .model import Concept, Term, Termbase

STARTER_PATH = Path(str(files("glossary"))).resolve() / "data" / "starter.json"  # by package name

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[\w'’-]+")


def termbase_path(path: Path | None = None) -> Path:
    """The termbase file to use: *path*, else `[tool.slovnik] glossary`, else the starter."""
    if path is not None:
        return Path(path)
    from ..core.config import load_config

    configured = load_config().path("glossary")
    return configured if configured is not None else STARTER_PATH


def writable_path(path: Path | None = None) -> Path:
    """Like termbase_path, but refuses the bundled starter: commands that write need a file of yours."""
    resolved = termbase_path(path)
    if resolved.resolve() == STARTER_PATH:
        raise TermbaseError(
            "no termbase file given and the bundled starter is read-only: pass "
            "--glossary FILE (create one with `glossary new FILE`) or set "
            "[tool.slovnik] glossary"
        )
    return resolved


def load_termbase(
    path: Path | None = None, fmt: str | None = None, *, encoding: str | None = None
) -> Termbase:
    """Read the termbase for a run that only reads it: from the disk cache when the file's bytes were
    read before (glossary.core.termcache), else parsed (and cached). `cache_key` on the result lets the
    structures derived from it be cached too."""
    path = termbase_path(path)
    stamp = termcache.file_stamp(path)
    key = termcache.file_key(path, format_for(path, fmt).id, encoding) if stamp else None
    tb = termcache.load(key, "termbase", Termbase)
    if tb is None:
        with gctuning.without_gc():  # ~10 objects per term and no cycles among them
            tb = read_termbase(path, fmt, encoding=encoding)
        if key and termcache.file_stamp(path) == stamp:  # not if the file changed while it was read
            termcache.store(key, "termbase", tb)
    if stamp and stamp[0] > termcache.FREEZE_ABOVE:
        gctuning.freeze()  # for the rest of the run: a full collection would rescan its million objects
    tb.content_key = key
    return tb


def save_termbase(tb: Termbase, path: Path, fmt: str | None = None) -> None:
    """Write *tb* atomically in the format of *path*'s extension (or *fmt*)."""
    write_termbase(tb, Path(path), fmt)


# --- editing ------------------------------------------------------------------------------------------


def new_concept_id(tb: Termbase, *texts: str) -> str:
    for text in texts:
        base = slugify(text) if text else ""
        if base:
            candidate, n = base, 2
            while candidate in tb:
                candidate, n = f"{base}-{n}", n + 1
            return candidate
    return tb.next_id()


def add_terms(tb: Termbase, concept: Concept) -> Concept:
    """Add *concept*, or, if its id exists, merge its terms and fields into the existing concept."""
    existing = tb.get(concept.id)
    if existing is None:
        tb.add(concept)
        return concept
    merge_concept(existing, concept)
    tb.changed()
    return existing


def merge_concept(into: Concept, other: Concept) -> None:
    """Union of terms (by language and text) and list fields; *other*'s non-empty scalars win."""
    if other.type is not into.type and other.type.value != "term":
        into.type = other.type
    if other.definition:
        into.definition = other.definition
    for attr in ("subject", "notes", "sources", "tags", "see_also"):
        current = getattr(into, attr)
        current.extend(v for v in getattr(other, attr) if v not in current)
    for term in other.terms:
        same = next((t for t in into.terms if t.lang == term.lang and t.text == term.text), None)
        if same is None:
            into.terms.append(term)
        else:
            same.status = term.status
            for attr in ("part_of_speech", "gender", "number", "note", "conventional", "match"):
                if getattr(term, attr) is not None:
                    setattr(same, attr, getattr(term, attr))
            same.romanization.update(term.romanization)
            for attr in ("exclude", "context"):
                current = getattr(same, attr)
                current.extend(v for v in getattr(term, attr) if v not in current)


class OnDuplicate(StrEnum):
    """What `import` does when an incoming concept id already exists in the termbase."""

    fail = "fail"
    merge = "merge"
    # The member is named after its CLI value; shadowing str.replace on an enum member is harmless.
    replace = "replace"  # type: ignore[assignment]
    skip = "skip"


@dataclass
class ImportReport:
    added: int = 0
    merged: int = 0
    replaced: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "added": self.added,
            "merged": self.merged,
            "replaced": self.replaced,
            "skipped": self.skipped,
        }


def merge_termbases(
    into: Termbase, incoming: Termbase, on_duplicate: OnDuplicate = OnDuplicate.fail
) -> ImportReport:
    """Merge *incoming* into *into* in memory; raises before changing anything if ids clash under `fail`."""
    clashes = [c.id for c in incoming if c.id in into]
    if clashes and on_duplicate is OnDuplicate.fail:
        shown = ", ".join(repr(i) for i in clashes[:5]) + (" …" if len(clashes) > 5 else "")
        raise TermbaseError(
            f"{len(clashes)} concept id(s) already in the termbase: {shown} "
            "(use --on-duplicate merge, replace or skip)"
        )
    report = ImportReport()
    replacements: dict[int, Concept] = {}  # by identity of the concept replaced: applied in one pass
    for concept in incoming:
        existing = into.get(concept.id)
        if existing is None:
            into.add(concept)
            report.added += 1
        elif on_duplicate is OnDuplicate.merge:
            merge_concept(existing, concept)
            report.merged += 1
        elif on_duplicate is OnDuplicate.replace:
            replacements[id(existing)] = concept
            report.replaced += 1
        else:
            report.skipped += 1
    if replacements:
        into.concepts = [replacements.get(id(c), c) for c in into.concepts]
    if report.merged:
        into.changed()
    return report


# --- finding ------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("ё", "е")


def find_concept(tb: Termbase, key: str) -> Concept:
    """The concept with id *key*, else the one with a term (any language) equal to *key*."""
    concept = tb.get(key)
    if concept is not None:
        return concept
    folded = _fold(key.strip())
    matches = [
        c
        for c in tb
        if any(
            _fold(t.text) == folded or (t.conventional and _fold(t.conventional) == folded) for t in c.terms
        )
    ]
    if not matches:
        raise TermbaseError(f"no concept with id or term {key!r} (try `glossary search {key}`)")
    if len(matches) > 1:
        raise TermbaseError(
            f"{key!r} is a term of {len(matches)} concepts: {', '.join(c.id for c in matches)}; give the id"
        )
    return matches[0]


@dataclass
class Hit:
    """A search result: the concept, the term that matched, how, and a score (1 = exact)."""

    concept: Concept
    term: Term
    how: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        c = self.concept
        return {
            "id": c.id,
            "type": c.type.value,
            "ru": c.ru.text if c.ru else None,
            "en": c.en.text if c.en else None,
            "matched": self.term.text,
            "lang": self.term.lang,
            "how": self.how,
            "score": round(self.score, 3),
            **{k: v for k, v in homonym_phrases(c).items() if v},
        }


def homonym_phrases(concept: Concept) -> dict[str, list[str]]:
    """The exclude and context phrases of all the concept's terms, each once, in order."""
    out: dict[str, list[str]] = {"exclude": [], "context": []}
    for t in concept.terms:
        for key, items in out.items():
            items.extend(p for p in getattr(t, key) if p not in items)
    return out


def _rank(hit: Hit, n_query: int) -> tuple[float, int]:
    return (-hit.score, abs(len(_words(hit.term.text)) - n_query))


def _en_forms(word: str) -> frozenset[str]:
    """An English word with its plural/possessive ending dropped (kulaks, purges → kulak, purge)."""
    forms = {word}
    for ending in ("'s", "’s", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)])
    return frozenset(forms)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(_fold(text)) if w.strip("-'’")]


def _lemma_sets(text: str) -> list[frozenset[str]]:
    from ..russian.morph import lemmas

    return [lemmas(w) | {w} for w in _words(text)]


def _reversed_lemmas(tb: Termbase, query: str) -> list[frozenset[str]]:
    """Per query word, the lemmas of its likely Cyrillic readings (nomenklaturoi → номенклатура)."""
    from ..romanization.reverse import reverse
    from ..russian.morph import lemmas

    out = []
    for word in _words(query):
        readings = [c.cyrillic.lower() for c in reverse(word, termbase=tb, limit=5) if c.known][:3]
        out.append(frozenset(lem for r in readings for lem in lemmas(r) | {r}))
    return out if all(out) else []


def _romanizations(term: Term) -> list[str]:
    out = list(term.romanization.values())
    if term.conventional:
        out.append(term.conventional)
    return out


def _match_words(query: list, candidate: list) -> bool:
    """Every query word matches some candidate word (sets intersect)."""
    return bool(query) and all(any(q & c for c in candidate) for q in query)


def _search_index(tb: Termbase) -> dict[str, Any]:
    return termcache.derived(tb, "search", dict, _build_search_index)


def _build_search_index(tb: Termbase) -> dict[str, Any]:
    """An inverted index from every key a term can be found by to the terms (numbered in termbase
    order) that have it: its folded text and romanizations (x:), the English forms of its words (w:),
    and for a Cyrillic term the lemmas of its words (l:) and their skeletons (s:); pymorphy3 runs
    once per distinct word here. Posting lists are packed, and the texts joined for substring search,
    so the cached index loads as a few objects per key. `concept_starts[i]` is the number of concept
    i's first term."""
    by_key: dict[str, list[int]] = {}
    concept_starts: list[int] = []
    texts: list[str] = []
    spelled: list[str] = []
    n = 0
    memo = termcache.WordMemo("search-lemmas")  # a changed termbase analyses only its new words
    for concept in tb:
        concept_starts.append(n)
        for term in concept.terms:
            facts = _term_facts(term)
            texts.append(facts.text)
            spelled.append("\t".join(facts.spelled))
            keys = {"x:" + facts.text, *("x:" + r for r in facts.spelled)}
            for w in facts.words:
                keys.update("w:" + f for f in _en_forms(w))
                if facts.cyrillic:
                    lemmas, skeletons = memo.get(w, _word_lemmas)
                    keys.update("l:" + f for f in lemmas)
                    keys.update("s:" + f for f in skeletons)
            for k in keys:
                by_key.setdefault(k, []).append(n)
            n += 1
    memo.save()
    return {
        "by_key": {k: termcache.pack(v) for k, v in by_key.items()},
        "concept_starts": termcache.pack(concept_starts),
        "text_blob": _Blob.of(texts),
        "spelled_blob": _Blob.of(spelled),
    }


@dataclass(frozen=True)
class _Facts:
    text: str  # folded
    spelled: tuple[str, ...]  # folded romanizations (overrides, conventional)
    words: tuple[str, ...]  # folded words
    cyrillic: bool


def _term_facts(term: Term) -> _Facts:
    return _Facts(
        _fold(term.text),
        tuple(_fold(r) for r in _romanizations(term)),
        tuple(_words(term.text)),
        bool(_CYRILLIC.search(term.text)),
    )


@lru_cache(maxsize=100_000)
def _word_lemmas(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """A folded word's lemmas (with itself) and their skeletons."""
    from ..romanization.reverse import skeleton

    lemmas = _lemma_sets(word)[0]
    return lemmas, frozenset(skeleton(f) for f in lemmas)


class _Blob:
    """One string per term joined by NUL, so one C-level `str.find` loop finds every term containing
    a query (a term's NUL, if it had one, becomes a space)."""

    @staticmethod
    def of(texts: list[str]) -> tuple[str, bytes]:
        starts, at = [], 0
        for t in texts:
            starts.append(at)
            at += len(t) + 1
        return "\0".join(t.replace("\0", " ") for t in texts), termcache.pack(starts)

    @staticmethod
    def find(blob: tuple[str, bytes], needle: str) -> set[int]:
        text, packed = blob
        found: set[int] = set()
        if not needle or "\0" in needle:
            return found
        starts = termcache.unpack(packed)
        at = text.find(needle)
        while at >= 0:
            found.add(bisect.bisect_right(starts, at) - 1)
            at = text.find(needle, at + 1)
        return found


def search(tb: Termbase, query: str, limit: int | None = 20) -> list[Hit]:
    """Concepts matching *query*: Cyrillic by any inflected form, Latin by English text or by any
    romanization of a Russian term (scheme-neutral skeletons: Tukhachevskii finds Тухачевский)."""
    query = query.strip()
    if not query:
        raise TermbaseError("empty search query")
    folded = _fold(query)
    cyrillic = bool(_CYRILLIC.search(query))
    q_lemmas = _lemma_sets(query) if cyrillic else []
    from ..romanization.reverse import skeleton as skeleton_of

    skeleton = None if cyrillic else skeleton_of  # a Cyrillic query is matched by lemma instead
    q_skel = [frozenset({skeleton(w)}) for w in _words(query)] if skeleton else []
    q_words = [_en_forms(w) for w in _words(query)]
    q_reversed = _reversed_lemmas(tb, query) if skeleton else []
    hits: dict[str, Hit] = {}

    n_query = len(_words(query))

    def offer(concept: Concept, term: Term, how: str, score: float) -> None:
        # Among equal scores the term with fewer words beyond the query wins (Тухачевский before
        # дело Тухачевского for "Tukhachevskogo").
        hit = Hit(concept, term, how, score)
        best = hits.get(concept.id)
        if best is None or _rank(hit, n_query) < _rank(best, n_query):
            hits[concept.id] = hit

    index = _search_index(tb)
    by_key = index["by_key"]
    # Every way to match needs a key in common with the query, or the query inside the text: only
    # those terms are looked at, in termbase order, with the same tests as a scan of every term.
    keys = ["x:" + folded, *("w:" + f for forms in q_words for f in forms)]
    keys += ["l:" + f for forms in (*q_lemmas, *q_reversed) for f in forms]
    keys += ["s:" + f for forms in q_skel for f in forms]
    candidates = {n for k in keys for n in termcache.unpack(by_key.get(k, b""))}
    candidates |= _Blob.find(index["text_blob"], folded)
    if not cyrillic:
        candidates |= _Blob.find(index["spelled_blob"], folded)
    concepts, starts = tb.concepts, termcache.unpack(index["concept_starts"])
    for n in sorted(candidates):
        ci = bisect.bisect_right(starts, n) - 1
        concept = concepts[ci]
        term = concept.terms[n - starts[ci]]
        facts = _term_facts(term)
        text, words = facts.text, facts.words
        if text == folded:
            offer(concept, term, "exact", 1.0)
            continue
        if cyrillic:
            if facts.cyrillic and _match_words(q_lemmas, [_word_lemmas(w)[0] for w in words]):
                offer(concept, term, "lemma", 0.9)
            elif folded in text:
                offer(concept, term, "substring", 0.6)
            continue
        spelled = facts.spelled
        if folded in spelled:
            offer(concept, term, "romanization", 0.95)
        elif _match_words(q_words, [_en_forms(w) for w in words]):
            offer(concept, term, "words", 0.8)
        elif q_skel and facts.cyrillic and _match_words(q_skel, [_word_lemmas(w)[1] for w in words]):
            offer(concept, term, "romanization", 0.85)
        elif q_reversed and facts.cyrillic and _match_words(q_reversed, [_word_lemmas(w)[0] for w in words]):
            offer(concept, term, "romanization", 0.85)
        elif folded in text or any(folded in s for s in spelled):
            offer(concept, term, "substring", 0.6)
    ranked = sorted(hits.values(), key=lambda h: (*_rank(h, n_query), h.concept.id))
    return ranked[:limit] if limit else ranked


# --- statistics ---------------------------------------------------------------------------------------


def stats(tb: Termbase) -> dict[str, Any]:
    terms = [t for c in tb for t in c.terms]
    return {
        "concepts": len(tb),
        "terms": len(terms),
        "by_type": dict(Counter(c.type.value for c in tb).most_common()),
        "by_lang": dict(Counter(t.lang for t in terms).most_common()),
        "by_status": dict(Counter(t.status.value for t in terms).most_common()),
        "by_subject": dict(Counter(s for c in tb for s in c.subject).most_common()),
        "with_definition": sum(1 for c in tb if c.definition),
    }
