"""The embedded TM store: one SQLite file (WAL) with units, an FTS5 concordance and a fuzzy n-gram index.

No server: a translator's TM is a file they can copy. WAL lets many readers (search, lookup, stats)
work while one writer imports; every import is one transaction, so a bad file or a kill -9 mid-way
leaves the store exactly as it was before the import.

Tables
- `units`: one row per distinct TU (source, target, context identical → one row with `count`); the
  plain texts are columns, everything else (tags, props, notes, dates…) is compact JSON in `data`.
- `concordance`: FTS5 over `source`, `target`, `lemma` (the Russian side, the most probable lemma
  of each word, in order — phrase searches use it) and `lemma_alt` (the other lemmas ambiguous words
  allow: «стали» is сталь or стать), external-content over `units` so texts are stored once.
- `grams` / `gram_df` / `sequences`: the fuzzy index (see tm/store/fuzzy.py) over translated units: for
  each normalised source word (`gram_df`: its integer id and document frequency) the ids of the units
  containing it (`grams`), and each unit's source as a sequence of word ids (`sequences`), appended
  per import in chunks of int32 arrays.
- `tallies`: running counts kept by every import (units, occurrences, untranslated, …, per language
  pair, per origin), so `stats` reads a few rows instead of scanning a million (3 s → milliseconds).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from glossary.core.atomic import new_file_mode, read_only_fs, temp_beside, writable

from ..model import TranslationUnit
from . import textindex

if TYPE_CHECKING:
    from .fuzzy import FuzzyIndex
from .storewrite import (
    BUSY_MS,
    DEFAULT_LOCK_TIMEOUT,
    FileReport,
    ImportReport,
    Progress,
    StoreError,
    Writer,
    begin_write,
    sqlite_errors,
    store_error,
)
from .unitcodec import decode_unit, encode_unit, text_hash, unit_key

SCHEMA_VERSION = 2  # 2 added `tallies`; a version 1 store is upgraded when opened writable
Side = Literal["source", "target", "both"]

_SCHEMA = (
    """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE imports(id INTEGER PRIMARY KEY, at TEXT NOT NULL, files TEXT NOT NULL,
                     read INTEGER NOT NULL, added INTEGER NOT NULL, duplicates INTEGER NOT NULL);
CREATE TABLE units(
    id INTEGER PRIMARY KEY,
    key BLOB NOT NULL UNIQUE,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    lemma TEXT NOT NULL,
    lemma_alt TEXT NOT NULL,
    source_lang TEXT,
    target_lang TEXT,
    ru_side TEXT,
    context TEXT,
    prev_hash INTEGER,
    origin TEXT,
    import_id INTEGER NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,
    data TEXT NOT NULL
);
CREATE VIRTUAL TABLE concordance USING fts5(
    source, target, lemma, lemma_alt, content='units', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2");
CREATE TABLE grams(gram TEXT NOT NULL, chunk INTEGER NOT NULL, ids BLOB NOT NULL,
                   PRIMARY KEY (gram, chunk)) WITHOUT ROWID;
CREATE TABLE gram_df(gram TEXT PRIMARY KEY, id INTEGER NOT NULL, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE sequences(chunk INTEGER PRIMARY KEY, ids BLOB NOT NULL, ntok BLOB NOT NULL,
                       tokens BLOB NOT NULL);
"""
    + "CREATE TABLE tallies(kind TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, name)) WITHOUT ROWID"
)

# The same counts from the rows (upgrading a version 1 store; reading one that cannot be upgraded).
_SCAN_TALLIES = """
SELECT 'total', 'units', count(*) FROM units
UNION ALL SELECT 'total', 'occurrences', coalesce(sum(count), 0) FROM units
UNION ALL SELECT 'total', 'untranslated', count(*) FROM units WHERE target = ''
UNION ALL SELECT 'total', 'with_tags', count(*) FROM units
          WHERE instr(data, '"source":') > 0 OR instr(data, '"target":') > 0
UNION ALL SELECT 'total', 'with_context', count(*) FROM units WHERE context IS NOT NULL
UNION ALL SELECT 'total', 'index_words', count(*) FROM gram_df
UNION ALL SELECT 'pair', json_array(source_lang, target_lang), count(*) FROM units GROUP BY 2
UNION ALL SELECT 'origin', coalesce(origin, '?'), count(*) FROM units GROUP BY 2
"""


@dataclass
class Hit:
    """A concordance hit: the unit and the character spans of the matched words on each side."""

    id: int
    unit: TranslationUnit
    count: int
    source_spans: list[tuple[int, int]]
    target_spans: list[tuple[int, int]]


def _reading(method):
    """SQLite errors of a reading method (a busy or damaged store) as one StoreError line."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with sqlite_errors(self.path, "cannot read the TM store"):
            return method(self, *args, **kwargs)

    return wrapper


def _reading_iter(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with sqlite_errors(self.path, "cannot read the TM store"):
            yield from method(self, *args, **kwargs)

    return wrapper


class Store:
    """A TM store file. `Store(path)` opens an existing store; `create=True` makes one if missing."""

    def __init__(self, path: str | Path, *, create: bool = False, cache_kib: int = 65536):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(
                f"{self.path}: no such TM store (create one with `tm import FILE --into {self.path}`)"
            )
        if not self.path.exists() and not os.access(self.path.parent, os.W_OK):
            raise StoreError(
                f"{self.path}: cannot create a TM store: folder {self.path.parent} is missing or not writable"
            )
        # A store on read-only media, read-only (even for root, who could write it: editors and
        # slovnik's other writers refuse such a file too) or without write permission can still be
        # searched and exported.
        self.readonly = self.path.exists() and not writable(self.path)
        try:
            self.conn = self._connect()
            self.conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            if not self.readonly:
                mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StoreError(f"{self.path}: cannot switch the store to WAL mode")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._ensure_schema()
        except sqlite3.DatabaseError as e:
            if e.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
                raise StoreError(f"{self.path}: cannot open as a TM store ({e})") from e
            raise store_error(self.path, "cannot open the TM store", e) from e
        self._fuzzy: FuzzyIndex | None = None

    def _connect(self) -> sqlite3.Connection:
        """A new connection: read-write, or for a read-only store `mode=ro`, and where not even the
        WAL index can be made (read-only media) `immutable=1`."""
        if not self.readonly:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            return conn
        error: sqlite3.Error | None = None
        for params in ("mode=ro", "immutable=1"):
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?{params}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError as e:
                conn.close()
                error = e
        raise StoreError(f"{self.path}: cannot open the read-only TM store ({error})")

    # -- lifecycle ------------------------------------------------------------------------------------

    def _ensure_schema(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self.path}: an SQLite file, but not a TM store")
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self.conn.execute(statement)
                    self.conn.executemany(
                        "INSERT INTO meta VALUES (?, ?)",
                        [
                            ("format", "slovnik-tm"),
                            ("schema_version", str(SCHEMA_VERSION)),
                            ("created", _now()),
                        ],
                    )
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        version = self.meta("schema_version")
        if version == "1" and not self.readonly:
            self._upgrade_from_1()
            version = self.meta("schema_version")
        if version not in (str(SCHEMA_VERSION), "1"):
            raise StoreError(
                f"{self.path}: TM store schema version {version}, this slovnik reads {SCHEMA_VERSION}"
            )

    def _upgrade_from_1(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.meta("schema_version") == "1":
                self.conn.execute(_SCHEMA.rsplit(";", 1)[-1])
                self.conn.execute("INSERT INTO tallies " + _SCAN_TALLIES)
                self.conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
                )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    @_reading
    def tallies(self) -> dict[tuple[str, str], int]:
        """{(kind, name): count}: kind total (units, occurrences, untranslated, with_tags, with_context,
        index_words), pair (JSON [source_lang, target_lang]) or origin."""
        table = "tallies" if self.meta("schema_version") == str(SCHEMA_VERSION) else f"({_SCAN_TALLIES})"
        return {(kind, name): n for kind, name, n in self.conn.execute(f"SELECT * FROM {table}")}

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @_reading
    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM units").fetchone()[0]

    # -- import ---------------------------------------------------------------------------------------

    def import_files(
        self,
        paths: Iterable[str | Path],
        progress: Progress | None = None,
        fmt: str | None = None,
        *,
        source_lang: str | None = None,
        target_lang: str | None = None,
        timeout: float = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[], None] | None = None,
        encoding: str | None = None,
    ) -> ImportReport:
        """Import every file in one transaction: if any file fails to parse, nothing is imported.

        Parse errors from the readers (ParseError with file and line) propagate after the rollback.
        *progress* is called as progress(path, units_read_so_far) every thousand units; *fmt* and the
        languages are passed to tm.formats.iter_units (they override what the files declare). While
        another import holds the store, this one waits up to *timeout* seconds (*on_wait* is called
        once when it starts waiting), then fails with StoreError.
        """
        from ..formats import iter_units

        files = [Path(p) for p in paths]
        for p in files:  # fail before the transaction on a missing file
            if p.is_dir():
                raise StoreError(
                    f"{p}: is a folder, not a TM file (name the files in it, e.g. {p / '*.tmx'})"
                )
            if not p.is_file():
                raise StoreError(f"{p}: no such file")
        return self._import(
            [
                (
                    str(p),
                    iter_units(p, fmt, source_lang=source_lang, target_lang=target_lang, encoding=encoding),
                )
                for p in paths
            ],
            progress,
            timeout,
            on_wait,
        )

    def import_units(
        self,
        units: Iterable[TranslationUnit],
        origin: str = "<units>",
        progress: Progress | None = None,
        *,
        timeout: float = DEFAULT_LOCK_TIMEOUT,
    ) -> ImportReport:
        """Import units from any iterable (one transaction), e.g. units built in code or tests."""
        return self._import([(origin, units)], progress, timeout, None)

    def _import(
        self,
        sources: list[tuple[str, Iterable[TranslationUnit]]],
        progress: Progress | None,
        timeout: float,
        on_wait: Callable[[], None] | None,
    ) -> ImportReport:
        if self.readonly:
            raise StoreError(f"{self.path}: the TM store is read-only")
        started = time.perf_counter()
        report = ImportReport()
        begin_write(self.conn, self.path, timeout, on_wait)
        try:
            with sqlite_errors(self.path, "cannot import; nothing was imported"):
                import_id = self.conn.execute(
                    "INSERT INTO imports(at, files, read, added, duplicates) VALUES (?, ?, 0, 0, 0)",
                    (_now(), json.dumps([s[0] for s in sources], ensure_ascii=False)),
                ).lastrowid
                assert import_id is not None  # an INSERT sets it
                writer = Writer(self.conn, import_id)
                for origin, units in sources:
                    file_report = FileReport(origin)
                    report.files.append(file_report)
                    writer.add_file(origin, units, file_report, progress)
                writer.flush()
                writer.compact_if_needed()
                writer.save_tallies()
                self.conn.execute(
                    "UPDATE imports SET read = ?, added = ?, duplicates = ? WHERE id = ?",
                    (report.read, report.added, report.duplicates, import_id),
                )
                self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:  # SQLite has rolled back itself after some errors (a full disk)
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise
        finally:
            self._fuzzy = None  # PRAGMA data_version does not see this connection's own commits
        report.seconds = time.perf_counter() - started
        return report

    # -- export and stats -----------------------------------------------------------------------------

    @_reading_iter
    def iter_units(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[TranslationUnit]:
        """Every stored unit in import order (one per distinct unit), optionally of one language pair."""
        sql, args = "SELECT source, target, data FROM units", []
        where = []
        if source_lang:
            where.append("lower(source_lang) = lower(?)")
            args.append(source_lang)
        if target_lang:
            where.append("lower(target_lang) = lower(?)")
            args.append(target_lang)
        if where:
            sql += " WHERE " + " AND ".join(where)
        # A separate connection: the export streams while the caller may use self.conn.
        conn = self._connect()
        try:
            for source, target, data in conn.execute(sql + " ORDER BY id", args):
                yield decode_unit(source, target, data)
        finally:
            conn.close()

    @_reading
    def language_pairs(self) -> dict[tuple[str | None, str | None], int]:
        pairs = [
            (tuple(json.loads(name)), n) for (kind, name), n in self.tallies().items() if kind == "pair" and n
        ]
        return dict(sorted(pairs, key=lambda p: -p[1]))

    @_reading
    def unit(self, unit_id: int) -> TranslationUnit | None:
        row = self.conn.execute("SELECT source, target, data FROM units WHERE id = ?", (unit_id,)).fetchone()
        return decode_unit(*row) if row else None

    @_reading
    def stats(self) -> dict:
        """Counts and sizes: units, occurrences, duplicates, language pairs, origins, imports, bytes."""
        c = self.conn
        c.execute("BEGIN")  # one snapshot for all numbers
        try:
            tallies = self.tallies()
            pairs = {f"{s or '?'}→{t or '?'}": n for (s, t), n in self.language_pairs().items()}
            origins = dict(
                sorted(
                    ((name, n) for (kind, name), n in tallies.items() if kind == "origin" and n),
                    key=lambda o: (-o[1], o[0]),
                )
            )
            imports = [
                {"id": i, "at": at, "files": json.loads(files), "read": r, "added": a, "duplicates": d}
                for i, at, files, r, a, d in c.execute("SELECT * FROM imports ORDER BY id")
            ]
            page_size = c.execute("PRAGMA page_size").fetchone()[0]
            page_count = c.execute("PRAGMA page_count").fetchone()[0]
        finally:
            c.execute("COMMIT")
        wal = self.path.with_name(self.path.name + "-wal")
        units, occurrences = tallies.get(("total", "units"), 0), tallies.get(("total", "occurrences"), 0)
        return {
            "path": str(self.path),
            "units": units,
            "occurrences": occurrences,
            "duplicates": occurrences - units,
            "untranslated": tallies.get(("total", "untranslated"), 0),
            "with_tags": tallies.get(("total", "with_tags"), 0),
            "with_context": tallies.get(("total", "with_context"), 0),
            "language_pairs": pairs,
            "origins": origins,
            "imports": imports,
            "index_words": tallies.get(("total", "index_words"), 0),
            "size_bytes": page_size * page_count,
            "wal_bytes": wal.stat().st_size if wal.exists() else 0,
            "created": self.meta("created"),
        }

    # -- concordance ----------------------------------------------------------------------------------

    @_reading
    def search(
        self, query: str, *, lemma: bool = False, side: Side = "both", phrase: bool = False, limit: int = 20
    ) -> list[Hit]:
        """Concordance: units whose source/target contain every word of *query* (or the phrase).

        A query wrapped in double quotes, or phrase=True, is a phrase search. lemma=True matches any
        form of the Russian words (номенклатура finds номенклатуры, номенклатурой) on the Russian side.
        Results are ranked by FTS5 bm25; spans mark the matched words for highlighting.
        """
        if side not in ("source", "target", "both"):
            raise StoreError(f"side must be source, target or both, not {side!r}")
        stripped = query.strip()
        if len(stripped) > 1 and stripped[0] == stripped[-1] == '"':
            phrase = True
        words = textindex.WORD_RE.findall(query)
        if not words:
            raise StoreError(f"nothing to search for in {query!r}")
        sql = (
            "SELECT u.id, u.source, u.target, u.data, u.count, u.ru_side, "
            "highlight(concordance, 0, char(2), char(3)), highlight(concordance, 1, char(2), char(3)) "
            "FROM concordance JOIN units u ON u.id = concordance.rowid WHERE concordance MATCH ?"
        )
        args: list = []
        if lemma:
            wanted = [textindex.lemma_alternatives(w) for w in words]
            if phrase:
                expr = "lemma : " + _quote(
                    " ".join(textindex.lemma_of(textindex.normalize(w)) for w in words)
                )
            else:
                expr = (
                    "{lemma lemma_alt} : ("
                    + " AND ".join(
                        "(" + " OR ".join(_quote(x) for x in sorted(alts)) + ")" for alts in wanted
                    )
                    + ")"
                )
            args.append(expr)
            if side != "both":
                sql += " AND u.ru_side = ?"
                args.append(side)
        else:
            columns = {"source": "source", "target": "target", "both": "{source target}"}[side]
            expr = _quote(" ".join(words)) if phrase else " AND ".join(_quote(w) for w in words)
            args.append(f"{columns} : ({expr})")
        sql += " ORDER BY rank LIMIT ?"
        args.append(int(limit))
        hits = []
        for uid, source, target, data, count, ru_side, hl_source, hl_target in self.conn.execute(sql, args):
            unit = decode_unit(source, target, data)
            if lemma:
                lemmas = frozenset().union(*wanted)
                src_spans = _lemma_spans(source, lemmas) if ru_side == "source" else []
                tgt_spans = _lemma_spans(target, lemmas) if ru_side == "target" else []
            else:
                src_spans = _marked_spans(hl_source) if side != "target" else []
                tgt_spans = _marked_spans(hl_target) if side != "source" else []
            hits.append(Hit(uid, unit, count, src_spans, tgt_spans))
        return hits

    # -- fuzzy lookup ---------------------------------------------------------------------------------

    @_reading
    def lookup(
        self,
        segment: str,
        min_score: int = 75,
        top: int = 5,
        *,
        context: str | None = None,
        prev_source: str | None = None,
    ):
        """Fuzzy matches for *segment*: see tm.store.fuzzy.FuzzyIndex.lookup."""
        from .fuzzy import FuzzyIndex

        if self._fuzzy is None:
            self._fuzzy = FuzzyIndex(self)
        return self._fuzzy.lookup(
            segment, min_score=min_score, top=top, context=context, prev_source=prev_source
        )


def _quote(text: str) -> str:
    """An FTS5 string literal (so user input is never parsed as FTS5 syntax)."""
    return '"' + text.replace('"', '""') + '"'


def _marked_spans(marked: str | None) -> list[tuple[int, int]]:
    """Spans of the \\x02…\\x03 markers FTS5 highlight() put into the text, as offsets in the plain text."""
    spans, pos, start = [], 0, None
    for ch in marked or "":
        if ch == "\x02":
            start = pos
        elif ch == "\x03":
            if start is not None:
                spans.append((start, pos))
            start = None
        else:
            pos += 1
    return spans


def _lemma_spans(text: str, lemmas: frozenset[str]) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in textindex.WORD_RE.finditer(text)
        if textindex.all_lemmas(textindex.normalize(m.group())) & lemmas
    ]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def import_into(
    path: str | Path,
    files: Iterable[str | Path],
    *,
    fmt: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    progress: Progress | None = None,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
    on_wait: Callable[[], None] | None = None,
    encoding: str | None = None,
) -> ImportReport:
    """Import *files* into the store at *path*, creating it if missing (see Store.import_files).

    A new store is built under a temp name beside *path* and linked into place only once its first
    import has committed: a failed first import (bad file, full disk, kill -9) leaves no store behind,
    and two first imports racing never see, or delete, each other's half-made store.
    """
    target, paths = Path(path), [Path(f) for f in files]
    options: dict[str, Any] = {
        "fmt": fmt,
        "source_lang": source_lang,
        "target_lang": target_lang,
        "progress": progress,
        "encoding": encoding,
    }
    if target.exists() and not writable(target):  # refused before SQLite puts a -wal and -shm beside it
        raise StoreError(f"{target}: the TM store is read-only")
    if not target.exists():
        report = _import_new(target, paths, options)
        if report is not None:
            return report
    with Store(target) as store:
        return store.import_files(paths, timeout=timeout, on_wait=on_wait, **options)


def _link(tmp: Path, path: Path) -> bool:
    """Put the new store *tmp* in place at *path*, unless a store appeared there meanwhile (False)."""
    try:
        os.link(tmp, path)  # fails if *path* exists, where a rename would replace it
    except FileExistsError:
        return False
    except OSError:  # no hard links on this file system: a rename, after a last look
        if path.exists():
            return False
        os.rename(tmp, path)
    return True


def _import_new(path: Path, files: list[Path], options: dict) -> ImportReport | None:
    """The first import, into a new store at *path*; None if another import created it meanwhile."""
    folder = path.parent if str(path.parent) else Path(".")
    if folder.is_dir() and read_only_fs(folder):
        raise StoreError(f"{path}: cannot create a TM store: the file system is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"{path}: cannot create a TM store: folder {folder} is missing or not writable")
    tmp = path
    try:
        with temp_beside(path) as tmp:
            with Store(tmp, create=True) as store:
                report = store.import_files(files, **options)
                with sqlite_errors(path, "cannot create the TM store"):
                    busy, wal_pages, copied = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if busy or wal_pages != copied:  # the WAL must be empty: only the main file is moved
                    raise StoreError(f"{path}: cannot create the TM store: its log could not be written back")
            try:
                os.chmod(tmp, new_file_mode())  # as if SQLite had made it (mkstemp makes 0600)
                if not _link(tmp, path):
                    return None
            except OSError as e:
                raise StoreError(f"{path}: cannot create the TM store: {e.strerror or e}") from e
    except StoreError as e:  # name the store the user asked for, not the temp file it was being built in
        raise StoreError(str(e).replace(str(tmp), str(path))) from e
    return report


__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "FileReport",
    "Hit",
    "ImportReport",
    "Store",
    "StoreError",
    "decode_unit",
    "encode_unit",
    "import_into",
    "text_hash",
    "unit_key",
]
