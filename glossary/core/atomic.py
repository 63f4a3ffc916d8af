"""Atomic file writes: write to a temp file in the same folder, fsync, then rename over the target.

Every file slovnik writes goes through here, so a failed write is handled once:
- a full disk, a read-only mount or a denied permission is a WriteError naming the target (one line
  at the CLI), the old file is left as it was and the temp file is removed;
- a target that is read-only (no write permission bit) is refused before anything is written, as
  editors do, even for root, who could rename over it;
- temp files are named `.NAME.slovnik-HOST-PID-XXXXXXXX…`, so one left by a process killed with
  kill -9 is recognised (our prefix, this host, a pid that no longer runs) and removed by the next
  write of the same file;
- a symlink is written through (its target gets the new contents, the link stays), and a device or
  pipe (`-o /dev/stdout`) is written into directly, never renamed over.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import WriteError

_TAG = "slovnik"
# errnos of a failed write; an OSError with one of these and no file name (or the temp file's name),
# raised while the caller writes into our temp file, is about that file
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO})
_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large for the file system",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "input/output error",
    errno.EISDIR: "is a folder",
}


def _host() -> str:
    return hashlib.blake2b(socket.gethostname().encode(), digest_size=3).hexdigest()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode open() gives a new file under the current umask."""
    return 0o666 & ~_umask()


def _adopt_mode(tmp: str, target: Path) -> None:
    """mkstemp makes 0600 files; give the new file the old file's mode, else the umask default."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = new_file_mode()
    os.chmod(tmp, mode)


def reason(error: OSError) -> str:
    """A short, lower-case description of an OS error for a one-line message."""
    known = _REASONS.get(error.errno) if error.errno is not None else None
    return known or (error.strerror or str(error)).lower()


def temp_prefix(path: Path) -> str:
    """The start of every temp file name this process uses for *path*."""
    return f".{path.name}.{_TAG}-{_host()}-{os.getpid()}-"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove temp files of *path* left by slovnik processes of this host that no longer run
    (kill -9, power loss). Temp files of running processes and of other hosts are left alone."""
    folder = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(re.escape(f".{path.name}.{_TAG}-{_host()}-") + r"(\d+)-")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.match(entry.name)
        if not m or int(m.group(1)) == os.getpid() or _pid_alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def read_only_fs(folder: Path) -> bool:
    """Whether *folder* is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def check_target(path: str | os.PathLike) -> None:
    """Refuse, before anything is written, an output slovnik cannot or must not replace.

    A missing or unwritable folder is named itself (FileNotFoundError / PermissionError, as before);
    a read-only file system, a read-only or unwritable target file or a folder in its place is a
    WriteError naming the target.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise WriteError(path, "is a folder")
        return  # a device or a pipe: written into directly
    if read_only_fs(folder):
        raise WriteError(path, "the file system is read-only")
    if st is not None:
        if not st.st_mode & 0o222:
            raise WriteError(path, "the file is read-only (make it writable first: chmod u+w)")
        if not os.access(path, os.W_OK):
            raise WriteError(path, "permission denied")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, "folder is not writable", str(folder))


def writable(path: str | os.PathLike) -> bool:
    """Whether *path* (an existing regular file) may be written in place: it has a write permission
    bit, we may write it (not a read-only mount) and its folder is writable."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return bool(mode & 0o222) and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _mkstemp(path: Path, suffix: str) -> tuple[int, str]:
    """A temp file beside *path*; errors name the target or its folder, not the temp file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        return tempfile.mkstemp(prefix=temp_prefix(path), suffix=suffix, dir=folder)
    except FileNotFoundError as e:
        raise FileNotFoundError(e.errno, "no such folder", str(folder)) from None
    except PermissionError as e:
        raise PermissionError(e.errno, "folder is not writable", str(folder)) from None
    except OSError as e:
        raise WriteError(path, reason(e)) from None


def _remove(tmp: str) -> None:
    """The temp file and what SQLite may have put beside it (-wal, -shm, -journal)."""
    for name in (tmp, f"{tmp}-wal", f"{tmp}-shm", f"{tmp}-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


@contextlib.contextmanager
def temp_beside(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """A temp file beside *path*, named so that a kill -9 orphan is cleaned by the next write of *path*;
    removed on exit whatever happens (the caller moves it into place first if it wants to keep it)."""
    path = Path(path)
    remove_stale_temps(path)
    fd, tmp = _mkstemp(path, suffix)
    os.close(fd)
    try:
        yield Path(tmp)
    finally:
        _remove(tmp)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temp path beside *path*; on clean exit it is synced and replaces *path*, else removed.

    For libraries that insist on writing by file name (openpyxl, polib, typst): the temp file keeps
    *path*'s extension unless *suffix* is given, because some of them look at it.
    """
    shown = Path(path)
    check_target(shown)
    real = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    special = real.exists() and not real.is_file()  # /dev/stdout, a named pipe
    suffix = shown.suffix if suffix is None else suffix
    if not special:
        remove_stale_temps(real)
    fd, tmp = tempfile.mkstemp(suffix=suffix) if special else _mkstemp(real, suffix)
    os.close(fd)
    ours = False  # from here on every OSError is about writing the target
    try:
        yield Path(tmp)
        ours = True
        if special:
            with open(tmp, "rb") as src, open(real, "wb") as dst:
                shutil.copyfileobj(src, dst)
        else:
            with open(tmp, "rb") as fh:  # the library closed it; make its bytes durable before the rename
                os.fsync(fh.fileno())
            _adopt_mode(tmp, real)
            os.replace(tmp, real)
    except OSError as e:
        _remove(tmp)
        if ours or (e.errno in _WRITE_ERRNOS and e.filename in (None, tmp)):
            raise WriteError(shown, reason(e)) from e
        raise
    except BaseException:
        _remove(tmp)
        raise
    if special:
        _remove(tmp)


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Open a temp file beside *path*; on clean exit it replaces *path*, on error it is removed.

    Readers of *path* see either the old file or the complete new one, never a half-written one.
    """
    binary = "b" in mode
    with (
        atomic_path(path, suffix=".tmp") as tmp,
        open(tmp, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh,
    ):
        yield fh


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
