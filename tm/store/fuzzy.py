"""Fuzzy lookup: the best earlier TUs for a new source segment, with a CAT-style match percentage.

Scoring (what the percentage means)
- Both texts are cut into word tokens (tm.store.textindex: letters/digits, hyphenated compounds kept whole),
  lower-cased with ё folded to е; punctuation and spacing are not tokens.
- base = 100 × (1 − D / max(n, m)), D = word-level Levenshtein distance between the two token lists
  (insert, delete or replace one word costs 1), n and m their lengths — the edit-distance ratio CAT
  tools report, computed by rapidfuzz.distance.Levenshtein on token lists; rounded down, so 99.6 is 99
  and only an identical word sequence reaches 100.
- Penalties for an otherwise identical word sequence (1 point each, as CAT tools do): the texts differ
  in case or ё, or in punctuation or spacing. Inline tags are not compared: the query is plain text
  and tags are placeables, so a tagged unit with the same words is still a 100 % match.
- 101 % (context match): an exact 100 % match whose context (PO msgctxt) equals the given context, or
  whose preceding segment (the unit before it in its file, or OmegaT's `prev` prop) equals the given
  preceding segment.
- Numbers are words: "в 1937 году" against "в 1938 году" is one replaced word.

Candidates (not a scan of every TU)
The store keeps an inverted index word → ids of the translated units whose source contains it, and
each unit's source as a sequence of word ids (tm/store/__init__.py). A lookup reads the posting lists of the
query's words and counts, per unit, how many query tokens it shares (numpy bincount). Since
D ≥ max(n, m) − shared, shared / max(n, m) is an upper bound of the base score; units are scored
(rapidfuzz Levenshtein on the word-id sequences, held in memory) in decreasing order of that bound
and the search stops when the bound falls below the k-th best score found, so the top-k equals that
of a brute-force scan. Only the final few units are read from the table (penalties, 101 %, diff).
Very frequent words (in more than 1 % of units) are left out of the counting while their share of
the query stays below the threshold — every unit could match them, so they are added to every
unit's bound instead.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..model import TranslationUnit
from . import textindex
from .unitcodec import decode_unit, text_hash

if TYPE_CHECKING:
    import sqlite3

    from . import Store

DiffTag = Literal["equal", "insert", "delete", "replace"]

_BATCH = 256
_MAX_EXACT = 1000  # exact matches considered for penalties and 101 % (identical sources, many targets)
_FREQUENT_SHARE = 0.01
_FREQUENT_MIN_DF = 500
_CACHE_POSTINGS = 20_000_000


@dataclass
class DiffOp:
    """One step from the stored source to the query: `tm` words become `query` words."""

    op: DiffTag
    tm: str
    query: str


@dataclass
class FuzzyMatch:
    """A fuzzy match: score (0–101), the stored unit, and the word diff from its source to the query."""

    score: int
    id: int
    unit: TranslationUnit
    count: int
    diff: list[DiffOp]
    context_match: bool = False


def base_similarity(query_tokens: list[str], tm_tokens: list[str]) -> float:
    """1 − D / max(n, m) over word tokens: the part of the score the index bound is proven against."""
    return Levenshtein.normalized_similarity(query_tokens, tm_tokens)


def score(query: str, tm_source: str) -> int:
    """The match percentage (0–100) of stored source *tm_source* for *query*; see the module docstring."""
    return _score(query, textindex.tokens(query), tm_source, textindex.tokens(tm_source))


def _score(query: str, q_tokens: list[str], tm_source: str, tm_tokens: list[str]) -> int:
    base = base_similarity(q_tokens, tm_tokens)
    value = math.floor(100 * base + 1e-9)
    if value == 100:
        q_words, tm_words = textindex.WORD_RE.findall(query), textindex.WORD_RE.findall(tm_source)
        if q_words != tm_words:
            value -= 1  # case or ё only
        if _punctuation(query) != _punctuation(tm_source):
            value -= 1
    return max(value, 0)


def _punctuation(text: str) -> str:
    """What is left of *text* without its words: punctuation and spacing, spacing collapsed."""
    return " ".join(textindex.WORD_RE.sub("\x00", text).split())


def word_diff(tm_source: str, query: str) -> list[DiffOp]:
    """Word-level diff turning *tm_source* into *query* (matching ignores case and ё)."""
    tm_words, q_words = textindex.WORD_RE.findall(tm_source), textindex.WORD_RE.findall(query)
    tm_norm, q_norm = [textindex.normalize(w) for w in tm_words], [textindex.normalize(w) for w in q_words]
    ops = []
    # rapidfuzz types the rows as tuples of str | int; each is (tag, i1, i2, j1, j2)
    rows = cast("list[tuple[DiffTag, int, int, int, int]]", Levenshtein.opcodes(tm_norm, q_norm).as_list())
    for tag, i1, i2, j1, j2 in rows:
        ops.append(DiffOp(tag, " ".join(tm_words[i1:i2]), " ".join(q_words[j1:j2])))
    return ops


class FuzzyIndex:
    """Lookups against one store; keeps the word-id sequences and hot posting lists between queries."""

    def __init__(self, store: Store):
        self.store = store
        self.conn = store.conn
        self._version: int | None = None
        self._lengths = np.zeros(1, dtype=np.int32)
        self._offsets = np.zeros(1, dtype=np.int64)
        self._tokens: np.ndarray | None = np.zeros(0, dtype=np.int32)
        self._units = 0
        self._chunks: list[int] = []
        self._chunk_starts = np.zeros(1, dtype=np.int64)
        self._blobs: dict[int, sqlite3.Blob] = {}
        self._lookups = 0
        self._postings: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cached = 0

    def _refresh(self) -> None:
        """(Re)load the sequence lengths when the store has changed since the last lookup.

        The word-id sequences themselves (50 MB at 1M units) are read only for the candidates of the
        first lookup, straight from the stored blobs; a second lookup loads them all (a process doing
        one `tm lookup` saves 0.15 s, one doing many scores from memory)."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version:
            return
        ids_parts, ntok_parts, self._chunks = [], [], []
        for chunk, ids, ntok in self.conn.execute("SELECT chunk, ids, ntok FROM sequences ORDER BY chunk"):
            self._chunks.append(chunk)
            ids_parts.append(np.frombuffer(ids, dtype=np.int32))
            ntok_parts.append(np.frombuffer(ntok, dtype=np.uint16).astype(np.int64))
        self._chunk_starts = np.cumsum([0] + [int(n.sum()) for n in ntok_parts])
        ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int32)
        ntok = np.concatenate(ntok_parts) if ntok_parts else np.zeros(0, dtype=np.int64)
        size = int(ids.max()) + 1 if len(ids) else 1
        self._lengths = np.zeros(size, dtype=np.int32)
        self._lengths[ids] = ntok
        self._offsets = np.zeros(size, dtype=np.int64)
        self._offsets[ids] = np.cumsum(ntok) - ntok
        self._tokens = None
        self._lookups = 0
        self._units = len(ids)
        self._postings.clear()
        self._cached = 0
        self._version = version

    def _posting(self, grams: list[str]) -> dict[str, np.ndarray]:
        out = {g: self._postings[g] for g in grams if g in self._postings}
        missing = [g for g in grams if g not in out]
        if missing:
            parts: dict[str, list[bytes]] = {}
            marks = ",".join("?" * len(missing))
            for gram, ids in self.conn.execute(
                f"SELECT gram, ids FROM grams WHERE gram IN ({marks}) ORDER BY gram, chunk", missing
            ):
                parts.setdefault(gram, []).append(ids)
            for gram, blobs in parts.items():
                arr = np.frombuffer(b"".join(blobs), dtype=np.int32)
                out[gram] = arr
                self._postings[gram] = arr
                self._cached += len(arr)
        for g in out:
            self._postings.move_to_end(g)
        while self._cached > _CACHE_POSTINGS and self._postings:
            _, arr = self._postings.popitem(last=False)
            self._cached -= len(arr)
        return out

    def lookup(
        self,
        segment: str,
        *,
        min_score: int = 75,
        top: int = 5,
        context: str | None = None,
        prev_source: str | None = None,
    ) -> list[FuzzyMatch]:
        """The *top* best translated units scoring at least *min_score*, best first (ties: older first)."""
        if top < 1:
            return []
        q_tokens = textindex.tokens(segment)
        if not q_tokens:
            return []
        threshold = max(min_score, 1) / 100
        self.conn.execute("BEGIN")  # one snapshot: sequences, postings and rows agree
        try:
            self._refresh()
            if self._tokens is None and self._lookups:
                self._tokens = np.frombuffer(
                    b"".join(t for (t,) in self.conn.execute("SELECT tokens FROM sequences ORDER BY chunk")),
                    dtype=np.int32,
                )
            self._lookups += 1
            q_count = Counter(q_tokens)
            marks = ",".join("?" * len(q_count))
            known = {
                g: (gid, df)
                for g, gid, df in self.conn.execute(
                    f"SELECT gram, id, df FROM gram_df WHERE gram IN ({marks})", list(q_count)
                )
            }
            # words the store has never seen get ids no stored word has
            q_ids = [known[t][0] if t in known else -1 - i for i, t in enumerate(q_tokens)]
            candidates, bounds = self._candidates(q_count, known, len(q_tokens), threshold)
            scored = self._score_candidates(q_ids, candidates, bounds, min_score, top)
            return self._finish(segment, q_tokens, scored, min_score, top, context, prev_source)
        finally:
            for blob in self._blobs.values():
                blob.close()
            self._blobs.clear()
            self.conn.execute("COMMIT")

    def _sequences(self, batch: np.ndarray) -> list[list[int]]:
        """The word-id sequences of the units in *batch*: from memory, or read from the stored blobs."""
        offsets, lengths = self._offsets[batch].tolist(), self._lengths[batch].tolist()
        if self._tokens is not None:
            tokens = self._tokens
            return [tokens[o : o + n].tolist() for o, n in zip(offsets, lengths, strict=True)]
        starts = self._chunk_starts
        which = (np.searchsorted(starts, offsets, side="right") - 1).tolist()
        out = []
        for o, n, k in zip(offsets, lengths, which, strict=True):
            blob = self._blobs.get(k)
            if blob is None:
                blob = self._blobs[k] = self.conn.blobopen(
                    "sequences", "tokens", self._chunks[k], readonly=True
                )
            blob.seek(4 * (o - int(starts[k])))
            out.append(np.frombuffer(blob.read(4 * n), dtype=np.int32).tolist())
        return out

    def _candidates(
        self, q_count: Counter, known: dict, n: int, threshold: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Unit ids that could reach *threshold*, with their upper bounds, best bound first."""
        frequent = max(_FREQUENT_MIN_DF, int(self._units * _FREQUENT_SHARE))
        skipped, used = 0, []
        for gram in sorted(known, key=lambda g: known[g][1], reverse=True):
            if known[gram][1] > frequent and skipped + q_count[gram] < threshold * n:
                skipped += q_count[gram]
            else:
                used.append(gram)
        postings = self._posting(used)
        used = [g for g in used if g in postings]
        if not used:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        ids = np.concatenate([postings[g] for g in used])
        weights = np.concatenate([np.full(len(postings[g]), q_count[g], dtype=np.float64) for g in used])
        shared = np.bincount(ids, weights=weights, minlength=len(self._lengths))
        hit = np.flatnonzero(shared)
        bound = (shared[hit] + skipped) / np.maximum(n, self._lengths[hit])
        keep = bound >= threshold - 1e-9
        hit, bound = hit[keep], bound[keep]
        order = np.argsort(-bound, kind="stable")
        return hit[order], bound[order]

    def _score_candidates(
        self, q_ids: list[int], candidates: np.ndarray, bounds: np.ndarray, min_score: int, top: int
    ) -> list[tuple[int, int]]:
        """(base score, id) of every candidate scored, in bound order until none can enter the top."""
        cutoff = max(min_score, 1) / 100 - 0.005  # margin: rapidfuzz rounds its distance cutoff
        best: list[int] = []  # min-heap of the top base scores so far
        scored: list[tuple[int, int]] = []
        for start in range(0, len(candidates), _BATCH):
            if len(best) >= top and math.floor(100 * bounds[start] + 1e-9) < best[0]:
                break  # no later candidate can beat the k-th best
            batch = candidates[start : start + _BATCH]
            seqs = self._sequences(batch)
            sims = process.cdist(
                [q_ids],
                seqs,
                scorer=Levenshtein.normalized_similarity,
                score_cutoff=cutoff,
                dtype=np.float64,
                workers=1,
            )[0]  # float32 would floor 0.7 to 69
            for uid, sim in zip(batch.tolist(), sims.tolist(), strict=True):
                value = math.floor(100 * sim + 1e-9)
                if value < min_score:
                    continue
                scored.append((value, uid))
                if len(best) < top:
                    heapq.heappush(best, value)
                elif value > best[0]:
                    heapq.heapreplace(best, value)
        return scored

    def _finish(self, segment, q_tokens, scored, min_score, top, context, prev_source) -> list[FuzzyMatch]:
        """Apply penalties and 101 % on the few best, fetch their rows, diff them."""
        scored.sort(key=lambda x: (-x[0], x[1]))
        exact = sum(1 for value, _ in scored if value == 100)
        # every exact match (penalties and 101 % may reorder them) plus the *top* best after them
        chosen = [uid for _, uid in scored[: min(exact, _MAX_EXACT) + top]]
        if not chosen:
            return []
        prev_hash = text_hash(prev_source)
        marks = ",".join("?" * len(chosen))
        ranked = []
        for uid, source, target, data, count, u_context, u_prev in self.conn.execute(
            f"SELECT id, source, target, data, count, context, prev_hash FROM units WHERE id IN ({marks})",
            chosen,
        ):
            value = _score(segment, q_tokens, source, textindex.tokens(source))
            if value < min_score:
                continue
            if value == 100 and (
                (context is not None and context == u_context)
                or (prev_hash is not None and prev_hash == u_prev)
            ):
                value = 101
            ranked.append((value, uid, source, target, data, count))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        return [
            FuzzyMatch(
                value,
                uid,
                decode_unit(source, target, data),
                count,
                word_diff(source, segment),
                context_match=value == 101,
            )
            for value, uid, source, target, data, count in ranked[:top]
        ]
