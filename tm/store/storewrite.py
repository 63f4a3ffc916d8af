"""The writing side of the TM store (tm/store/__init__.py): one import transaction's rows, FTS entries, fuzzy
postings and tallies, the unit identity used for dedupe, the write lock, the creation of a new store
and SQLite errors as one-line StoreErrors."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from glossary.core.errors import GlossaryError

from ..model import TranslationUnit
from . import textindex
from .unitcodec import encode_unit, text_hash, unit_key

# Postings are flushed to the grams table in chunks of about this many entries (bounds import memory).
_FLUSH_POSTINGS = 2_000_000
# After an import, posting chunks are merged once there are more than this many per word.
_MAX_CHUNKS = 8

# How long any statement waits for a lock before SQLite gives up (readers of a WAL store are blocked
# only briefly: while a crashed writer's WAL is recovered, or the store is switched to WAL).
BUSY_MS = 30_000
# How long an import waits for another import to finish (`tm import --timeout`): a 1M-unit import
# takes about 3 minutes.
DEFAULT_LOCK_TIMEOUT = 600.0

_ADD_TALLY = "INSERT INTO tallies VALUES (?, ?, ?) ON CONFLICT(kind, name) DO UPDATE SET n = n + excluded.n"


Progress = Callable[[str, int], None]


@dataclass
class FileReport:
    """What one file contributed to an import."""

    path: str
    read: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0


@dataclass
class ImportReport:
    """The outcome of one (committed) import."""

    files: list[FileReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def read(self) -> int:
        return sum(f.read for f in self.files)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
            "files": [vars(f) for f in self.files],
        }


class Writer:
    """The inside of one import transaction: rows, FTS entries and fuzzy postings."""

    def __init__(self, conn: sqlite3.Connection, import_id: int):
        self.conn = conn
        self.import_id = import_id
        self.postings: dict[str, array] = defaultdict(lambda: array("i"))
        self.pending = 0
        self.new_ids = array("i")
        self.new_ntok = array("H")
        self.new_tokens = array("i")
        self.vocab: dict[str, int] | None = None
        self.fts_rows: list[tuple] = []
        self.tally: Counter[tuple[str, str]] = Counter()
        self.pair_names: dict[tuple[str | None, str | None], str] = {}

    def add_file(
        self, origin: str, units: Iterable[TranslationUnit], report: FileReport, progress: Progress | None
    ) -> None:
        upsert = (
            "INSERT INTO units(key, source, target, lemma, lemma_alt, source_lang, target_lang, "
            "ru_side, context, prev_hash, origin, import_id, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(key) DO UPDATE SET count = count + 1 RETURNING id, count"
        )
        execute = self.conn.execute
        previous_hash: int | None = None
        for unit in units:
            report.read += 1
            source = unit.source.text
            if not source.strip():
                report.skipped += 1
                continue
            words = textindex.tokens(source)
            target = unit.target.text
            ru_side = (
                "source"
                if textindex.is_russian(unit.source_lang)
                else "target"
                if textindex.is_russian(unit.target_lang)
                else None
            )
            if ru_side == "source":
                lemma, lemma_alt = textindex.lemma_columns(source, words)
            elif ru_side == "target":
                lemma, lemma_alt = textindex.lemma_columns(target)
            else:
                lemma, lemma_alt = "", ""
            prev = unit.prop("prev")  # OmegaT records the preceding segment itself
            uid, count = execute(
                upsert,
                (
                    unit_key(unit),
                    source,
                    target,
                    lemma,
                    lemma_alt,
                    unit.source_lang,
                    unit.target_lang,
                    ru_side,
                    unit.context,
                    text_hash(prev) if prev else previous_hash,
                    unit.origin or origin,
                    self.import_id,
                    encode_unit(unit),
                ),
            ).fetchone()
            previous_hash = text_hash(source, words)
            self.tally["total", "occurrences"] += 1
            if count > 1:
                report.duplicates += 1
            else:
                report.added += 1
                self._count(unit, origin)
                self._index(uid, (source, target, lemma, lemma_alt), words)
            if progress and report.read % 1000 == 0:
                progress(origin, report.read)
        if progress:
            progress(origin, report.read)

    def _count(self, unit: TranslationUnit, origin: str) -> None:
        """Count a new row in the tallies (the same counts as _SCAN_TALLIES)."""
        tally = self.tally
        tally["total", "units"] += 1
        tally["total", "untranslated"] += not unit.target.text
        tally["total", "with_tags"] += unit.source.has_tags or unit.target.has_tags
        tally["total", "with_context"] += unit.context is not None
        pair = (unit.source_lang, unit.target_lang)
        name = self.pair_names.get(pair)
        if name is None:
            name = self.pair_names[pair] = json.dumps(pair, ensure_ascii=False, separators=(",", ":"))
        tally["pair", name] += 1
        tally["origin", unit.origin or origin] += 1

    def _index(self, uid: int, columns: tuple[str, str, str, str], toks: list[str]) -> None:
        self.fts_rows.append((uid, *columns))
        if len(self.fts_rows) >= 1000:
            self._flush_fts()
        if not columns[1]:
            return  # untranslated: searchable, but never offered as a fuzzy match
        if self.vocab is None:
            self.vocab = dict(self.conn.execute("SELECT gram, id FROM gram_df"))
        vocab = self.vocab
        toks = toks[:65535]
        self.new_ids.append(uid)
        self.new_ntok.append(len(toks))
        for gram in toks:
            gid = vocab.get(gram)
            if gid is None:
                gid = vocab[gram] = len(vocab) + 1
            self.new_tokens.append(gid)
        for gram in set(toks):
            self.postings[gram].append(uid)
        self.pending += len(toks)
        if self.pending >= _FLUSH_POSTINGS:
            self.flush()

    def _flush_fts(self) -> None:
        self.conn.executemany(
            "INSERT INTO concordance(rowid, source, target, lemma, lemma_alt) VALUES (?,?,?,?,?)",
            self.fts_rows,
        )
        self.fts_rows.clear()

    def flush(self) -> None:
        self._flush_fts()
        if not self.new_ids:
            return
        chunk = self.conn.execute("SELECT coalesce(max(chunk), 0) + 1 FROM sequences").fetchone()[0]
        self.conn.execute(
            "INSERT INTO sequences VALUES (?, ?, ?, ?)",
            (chunk, self.new_ids.tobytes(), self.new_ntok.tobytes(), self.new_tokens.tobytes()),
        )
        self.conn.executemany(
            "INSERT INTO grams VALUES (?, ?, ?)",
            ((g, chunk, ids.tobytes()) for g, ids in self.postings.items()),
        )
        vocab = self.vocab
        assert vocab is not None  # loaded by the first add, which made the new ids
        self.conn.executemany(
            "INSERT INTO gram_df VALUES (?, ?, ?) ON CONFLICT(gram) DO UPDATE SET df = df + excluded.df",
            ((g, vocab[g], len(ids)) for g, ids in self.postings.items()),
        )
        self.postings.clear()
        self.pending = 0
        self.new_ids = array("i")
        self.new_ntok = array("H")
        self.new_tokens = array("i")

    def save_tallies(self) -> None:
        """Add this import's counts to the store's tallies (inside the import transaction)."""
        self.conn.executemany(_ADD_TALLY, ((*key, n) for key, n in self.tally.items()))
        self.conn.execute(
            "INSERT OR REPLACE INTO tallies SELECT 'total', 'index_words', count(*) FROM gram_df"
        )

    def compact_if_needed(self) -> None:
        """Merge the fuzzy index chunks into one when imports have piled up many small chunks."""
        chunks = self.conn.execute("SELECT count(*) FROM sequences").fetchone()[0]
        if chunks <= _MAX_CHUNKS:
            return
        merged: dict[str, bytearray] = defaultdict(bytearray)
        for gram, ids in self.conn.execute("SELECT gram, ids FROM grams ORDER BY gram, chunk"):
            merged[gram] += ids
        columns = [bytearray(), bytearray(), bytearray()]
        for row in self.conn.execute("SELECT ids, ntok, tokens FROM sequences ORDER BY chunk"):
            for column, blob in zip(columns, row, strict=True):
                column += blob
        self.conn.execute("DELETE FROM grams")
        self.conn.execute("DELETE FROM sequences")
        self.conn.execute("INSERT INTO sequences VALUES (1, ?, ?, ?)", tuple(bytes(c) for c in columns))
        self.conn.executemany(
            "INSERT INTO grams VALUES (?, 1, ?)", ((g, bytes(b)) for g, b in merged.items())
        )
        self.conn.execute("INSERT INTO concordance(concordance) VALUES ('optimize')")


class StoreError(GlossaryError):
    """The TM store cannot be opened or cannot do what was asked."""


_SQLITE_REASONS = {
    sqlite3.SQLITE_FULL: "no space left on the device",
    sqlite3.SQLITE_BUSY: "locked by another process",
    sqlite3.SQLITE_LOCKED: "locked by another process",
    sqlite3.SQLITE_READONLY: "the store is read-only",
    sqlite3.SQLITE_IOERR: "input/output error",
    sqlite3.SQLITE_CORRUPT: "the file is damaged",
    sqlite3.SQLITE_NOTADB: "not an SQLite file",
    sqlite3.SQLITE_CANTOPEN: "cannot open the file",
    sqlite3.SQLITE_PERM: "permission denied",
}


def _code(error: sqlite3.Error) -> int:
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF  # primary code of an extended one


def store_error(path: str | Path, doing: str, error: sqlite3.Error) -> StoreError:
    """One line for an SQLite error: the store, what was being done, why."""
    return StoreError(f"{path}: {doing}: {_SQLITE_REASONS.get(_code(error)) or error}")


@contextlib.contextmanager
def sqlite_errors(path: str | Path, doing: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as e:
        raise store_error(path, doing, e) from e


def begin_write(
    conn: sqlite3.Connection, path: str | Path, timeout: float, on_wait: Callable[[], None] | None = None
) -> None:
    """BEGIN IMMEDIATE, waiting up to *timeout* seconds while another import holds the store's write
    lock; *on_wait* is called once, when it has to wait. StoreError when the time is up."""
    deadline = time.monotonic() + timeout
    waited = False
    try:
        while True:
            # short first try, so that the note comes at once; then SQLite's own busy wait, in steps
            # short enough to keep to the deadline
            step = min(max(deadline - time.monotonic(), 0.0), 5.0 if waited else 0.2)
            conn.execute(f"PRAGMA busy_timeout = {int(step * 1000)}")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if _code(e) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise store_error(path, "cannot import", e) from e
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{path}: still locked by another import after {timeout:g} s; nothing was "
                        "imported (--timeout SECONDS waits longer)"
                    ) from None
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
