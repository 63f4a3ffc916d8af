"""Atomic file writes: write to a temp file in the same folder, fsync, then rename over the target."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _adopt_mode(tmp: str, target: Path) -> None:
    """mkstemp makes 0600 files; give the new file the old file's mode, else the umask default."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(tmp, mode)


def _mkstemp(path: Path, suffix: str = ".tmp") -> tuple[int, str]:
    """A temp file beside *path*; errors name the folder, not the temp file's random name."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=folder)
    except FileNotFoundError as e:
        raise FileNotFoundError(e.errno, "no such folder", str(folder)) from None
    except PermissionError as e:
        raise PermissionError(e.errno, "folder is not writable", str(folder)) from None


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temp path beside *path*; on clean exit it is synced and replaces *path*, else removed.

    For libraries that insist on writing by file name (openpyxl, polib, typst): the temp file keeps
    *path*'s extension unless *suffix* is given, because some of them look at it.
    """
    path = Path(path)
    fd, tmp = _mkstemp(path, suffix=path.suffix if suffix is None else suffix)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb") as fh:  # the library closed it; make its bytes durable before the rename
            os.fsync(fh.fileno())
        _adopt_mode(tmp, path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Open a temp file beside *path*; on clean exit it replaces *path*, on error it is removed.

    Readers of *path* see either the old file or the complete new one, never a half-written one.
    """
    binary = "b" in mode
    with atomic_path(path, suffix=".tmp") as tmp, open(tmp, mode, encoding=None if binary else encoding,
                                                       newline=None if binary else newline) as fh:
        yield fh


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
