"""What a run derives from a termbase file, kept on disk for the next run on the same file.

Parsing a 50,000-concept termbase takes seconds, and analysing it (every Russian term word through
pymorphy3) far longer; the next run on the same file would compute the same results. They are kept
in the user cache folder: $SLOVNIK_CACHE_DIR, else $XDG_CACHE_HOME/slovnik, else the platform's
(~/.cache/slovnik). SLOVNIK_CACHE_DIR set to an empty string or `off` turns the cache off.

A cache file is named by what it holds and a key: a hash of the termbase file's bytes, with how they
were read (format, encoding), slovnik's version and the stamps of slovnik's own source files (an
edited checkout never reads what older code wrote); a file unchanged since it was hashed (by its
stat data, see `file_key`) is not hashed again. It holds a digest of key, name and contents, and
a pickle read back by an unpickler that accepts only plain containers and the termbase model
classes: a truncated, damaged or foreign file fails the digest or the unpickler, and any failure to
read is a miss: the value is rebuilt, never trusted. Writes
are atomic (a temp file renamed into place); a cache folder that cannot be written means no cache.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import time
from array import array
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from . import gctuning

T = TypeVar("T")

_PACKAGE = Path(str(files("glossary"))).resolve()  # by name: the same wherever this module sits
# Oldest cache files beyond this many are deleted after a write: a cache folder stays bounded however
# many termbase versions a user goes through (each file is one termbase version's parse or analysis).
_KEEP_FILES = 64
# The model classes a cached termbase is made of, and the derived records cached beside it: the only
# globals the unpickler will resolve.
# A cache file: this line, the SHA-256 of key, name and payload, then the payload (a pickle).
_MAGIC = b"slovnik-cache 1\n"
_ALLOWED = {
    ("glossary.termbase.model", name)
    for name in ("Termbase", "Concept", "Term", "Status", "ConceptType", "ConceptList", "_term", "_concept")
}
_ALLOWED |= {
    ("glossary.romanization.lexicon", "Lexicon"),
    ("glossary.romanization.reverse", "_TrigramModel"),
    ("collections", "Counter"),
}
_ALLOWED |= {("builtins", name) for name in ("set", "frozenset", "dict", "list", "tuple")}


def cache_dir() -> Path | None:
    """The cache folder for this slovnik (not created here); None when the cache is turned off."""
    explicit = os.environ.get("SLOVNIK_CACHE_DIR")
    if explicit is not None:
        if explicit.strip().lower() in ("", "off", "0", "no"):
            return None
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        base = Path(xdg)
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path.home() / ".cache"
    return base / "slovnik"


@cache
def code_stamp() -> str:
    """slovnik's version, Python's, and the size and mtime of every source and data file of the
    package: any change to the code that builds a cached value makes a new key."""
    from .. import __version__

    h = hashlib.sha256(f"{__version__} {sys.version_info[:2]}".encode())
    for root in (_PACKAGE, _PACKAGE.parent / "tm"):
        for name, st in sorted(_source_files(str(root), "")):
            h.update(f"{name} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _source_files(folder: str, prefix: str) -> Iterable[tuple[str, os.stat_result]]:
    """(path relative to the package, stat) of every .py and .json file under *folder*, by os.scandir
    (a run pays for this walk at start-up: pathlib's rglob took several times as long)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                yield from _source_files(entry.path, f"{prefix}{entry.name}/")
        elif entry.name.endswith((".py", ".json")):
            yield f"{prefix}{entry.name}", entry.stat()


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """(size, mtime, inode) of a regular file within the input limit, else None: a pipe, a device or
    an oversized file is never cached (its reader applies the limits)."""
    from . import limits

    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > limits.LIMITS.max_input:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


# A file whose status last changed longer ago than this when it was hashed gets a stat record (see
# file_key). File times tick in steps of a few milliseconds, so a file written twice within one step
# can keep its size and every time; once this long has passed, any write gives a later ctime.
SETTLED_NS = 2_000_000_000


def _stat_id(st: os.stat_result) -> tuple[int, ...]:
    # ctime cannot be set back: a write changes it, and so does setting mtime back with utime (what
    # `cp -p`, `touch -r` or `rsync -t` do), so it tells an edit that kept size and mtime
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def file_key(path: Path, *parts: object) -> str | None:
    """The key of a termbase file's bytes as read with *parts* (format id, encoding); None when the
    cache is off or the file cannot be read (its reader will say why).

    Hashing a 40 MB file is a tenth of a second a run, so the key of a file found unchanged is kept
    in a stat record (device, inode, size, mtime, ctime → key) and the next run with the same stat
    reuses it. A record is only written for a file whose ctime was SETTLED_NS old when it was hashed:
    any later write to it, even one that keeps its size and sets its mtime back, changes its ctime,
    and so its record no longer applies (git's index trusts stat data the same way)."""
    if cache_dir() is None:
        return None
    prefix = repr((code_stamp(), *parts))
    try:
        before = os.stat(path)
        record_key = hashlib.sha256(f"{prefix} {os.path.realpath(path)}".encode()).hexdigest()[:32]
    except (OSError, ValueError):
        return None
    record = load(record_key, "stat", tuple)
    if record is not None and record[0] == _stat_id(before):
        return str(record[1])
    h = hashlib.sha256(prefix.encode())
    try:
        with open(path, "rb") as f:
            h.update(hashlib.file_digest(f, "sha256").digest())
        after = os.stat(path)
    except OSError:
        return None
    key = h.hexdigest()[:32]
    settled = time.time_ns() - max(after.st_ctime_ns, after.st_mtime_ns) > SETTLED_NS
    if settled and _stat_id(after) == _stat_id(before) and stat.S_ISREG(after.st_mode):
        store(record_key, "stat", (_stat_id(after), key))
    return key


def code_key(name: str) -> str | None:
    """The key of a value built from slovnik's code and data alone (no termbase); None when the
    cache is off."""
    if cache_dir() is None:
        return None
    return hashlib.sha256(repr((code_stamp(), name)).encode()).hexdigest()[:32]


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not cacheable")
        return super().find_class(module, name)


# A termbase file larger than this is kept out of the cyclic collector's reach once loaded (gctuning.freeze).
FREEZE_ABOVE = 4 << 20


def _path(key: str, name: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{key}-{name}.pickle"


def _digest(key: str, name: str, payload: bytes | memoryview) -> bytes:
    h = hashlib.sha256(f"{key} {name}\n".encode())
    h.update(payload)
    return h.digest()


def load(key: str | None, name: str, kind: type[T]) -> T | None:
    """The *kind* value cached under *key* and *name*, or None (no key, missing, unreadable, corrupt,
    of another kind: all a miss)."""
    if not key:
        return None
    path = _path(key, name)
    if path is None:
        return None
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if data[: len(_MAGIC)] != _MAGIC or data[len(_MAGIC) : head] != _digest(key, name, data[head:]):
        return None  # truncated, damaged, or written for another key
    try:
        with gctuning.without_gc():  # an unpickled termbase or index holds no cycles
            value = _Unpickler(io.BytesIO(data[head:])).load()
    except Exception:  # noqa: BLE001 - any damage to a cache file is a miss, never an error
        return None
    if not isinstance(value, kind):
        return None
    try:
        os.utime(path)  # recently used: pruned last
    except OSError:
        pass
    return value


def store(key: str, name: str, value: Any) -> None:
    """Cache *value* atomically; any failure to write (read-only or full disk) is silently no cache."""
    path = _path(key, name)
    if path is None:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp, "wb") as f:
            f.write(_MAGIC + _digest(key, name, payload))
            f.write(payload)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, RecursionError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    """Keep the newest _KEEP_FILES cache files; temp files of a killed writer go after an hour."""
    try:
        entries = [(e.stat().st_mtime, Path(e.path)) for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return
    now = time.time()
    files = sorted((e for e in entries if e[1].suffix == ".pickle"), reverse=True)
    stale = [p for _, p in files[_KEEP_FILES:]]
    stale += [p for mtime, p in entries if p.suffix == ".tmp" and now - mtime > 3600]
    for p in stale:
        try:
            p.unlink()
        except OSError:
            pass


def cached(key: str | None, name: str, kind: type[T], build: Callable[[], T]) -> T:
    """The *kind* value cached under *key* and *name*, else `build()` (then cached). No key: just build."""
    value = load(key, name, kind)
    if value is None:
        value = build()
        if key:
            store(key, name, value)
    return value


def derived(tb: Any, name: str, kind: type[T], build: Callable[[Any], T]) -> T:
    """`build(tb)`: once per version of the termbase *tb* in this process, and from disk across runs
    while *tb* is as read from its file (`tb.content_key`). *name* says what is built and from which
    parameters; *kind* is the type of the value (anything else read back is a miss)."""
    return tb.derived(name, lambda tb: cached(tb.content_key, name, kind, lambda: build(tb)))


# A word memo past this many words starts again empty: it serves the termbases in use, not history.
_MEMO_WORDS = 2_000_000


class WordMemo:
    """One analysis of single words (a Russian word's lemmas, the skeletons of its inflected forms),
    kept on disk across termbase versions: building a structure for a termbase that changed by a few
    concepts analyses only the words the cache has not seen. Unlike the structures cached per
    termbase it is keyed by slovnik's code alone (an analysis of a word does not depend on the
    termbase it came from). Only loaded by a run that builds a structure, never by a warm run."""

    def __init__(self, name: str) -> None:
        self.name = f"words-{name}"
        self.key = code_key(self.name)
        self.values: dict[str, Any] = load(self.key, self.name, dict) or {}
        self._loaded = len(self.values)

    def get(self, word: str, compute: Callable[[str], Any]) -> Any:
        value = self.values.get(word)
        if value is None:
            value = self.values[word] = compute(word)
        return value

    def save(self) -> None:
        """Store the memo if this run added words (atomically: a concurrent run's words may be lost,
        never mixed)."""
        if self.key and len(self.values) > self._loaded:
            store(self.key, self.name, self.values if len(self.values) <= _MEMO_WORDS else {})


def pack(numbers: Iterable[int]) -> bytes:
    """Entry numbers as one bytes object: a cached index of 100,000s of postings loads as that many
    small bytes objects instead of millions of int objects."""
    return array("I", numbers).tobytes()


def unpack(data: bytes) -> array:
    out = array("I")
    out.frombytes(data)
    return out


def plain_loads(data: bytes) -> Any:
    """A value pickled into a cached structure (an index entry kept as bytes until it is needed),
    read with the same restricted unpickler as the cache files."""
    return _Unpickler(io.BytesIO(data)).load()


def plain_dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
