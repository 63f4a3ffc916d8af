"""A large lint run on two processes: a forked helper works out what reading half of the run's
romanized words needs and then runs the rules that look at one document at a time (T2xx, S3xx),
while this process does the same for the other half, takes over the helper's results, reads the
words, detects the house scheme and runs the R1xx rules.

What the helper sends back is what this process would have computed itself: the memos of pure
word-level functions (letter-table and reverse readings, the quick tests, name readings, word
frequencies), never a reading (which spelling of a word is read first decides its reading, so every
reading is made here, in the run's order), and the findings of rules that depend on nothing but
their documents and the termbase. So the findings are those of a run in one process, byte for byte.
If the helper fails in any way, this process does its share itself.

Used on Linux (fork) when the run's text is large enough to pay for the fork, more than one CPU is
available, `jobs` allows it, and no other thread runs (a language server, a progress display): a
forked child of a threaded process may inherit a lock no thread will release.
"""

from __future__ import annotations

import gc
import os
import pickle
import struct
import sys
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..findings import Finding
    from .rules.analysis import Analysis
    from .rules.base import LintContext, Rule

# Below this much text (characters) the fork and the hand-over cost more than the helper saves.
MIN_BYTES = 64 * 1024
# The share of the words this process prepares (it waits for the helper's share before detection).
OWN_SHARE = 0.5
_HEADER = struct.Struct("<Q")


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worthwhile(ctx: LintContext, jobs: int | None) -> bool:
    """Should this run use a helper process? (*jobs*: the `jobs` setting; None: as many as help)."""
    if jobs is not None and jobs < 2:
        return False
    if not sys.platform.startswith("linux") or available_cpus() < 2 or threading.active_count() > 1:
        return False  # elsewhere fork is unsafe (macOS system libraries) or missing (Windows)
    return sum(len(d.text) for d in ctx.documents) >= MIN_BYTES


class Helper:
    """The forked helper: its memos (`take_readings`), then its rules' findings (`findings`)."""

    def __init__(self, pid: int, fd: int, codes: list[str]):
        self.pid = pid
        self.codes = codes  # the rules it runs
        self._file = os.fdopen(fd, "rb")
        self._failed = False
        self._findings: dict[str, list[Finding]] | None = None

    def _receive(self) -> Any:
        if self._failed:
            return None
        try:
            header = self._file.read(_HEADER.size)
            if len(header) == _HEADER.size:
                (size,) = _HEADER.unpack(header)
                payload = self._file.read(size)
                if len(payload) == size:
                    return pickle.loads(payload)
        except (OSError, pickle.PickleError, EOFError, ValueError):
            pass
        self._failed = True
        self.close()
        return None

    def take_readings(self, an: Analysis) -> bool:
        """Add the helper's memos to *an*'s; False when it sent none (it failed)."""
        caches = self._receive()
        if caches is None:
            return False
        an.romanized.add_memos(caches)
        return True

    def findings(self, code: str) -> list[Finding] | None:
        """The helper's findings for rule *code* (None: it failed, run the rule here)."""
        if self._findings is None and not self._failed:
            self._findings = self._receive()
            self.close()
        if self._findings is None:
            return None
        return self._findings.get(code)

    def close(self) -> None:
        if self.pid:
            self._file.close()
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = 0


def start(ctx: LintContext, an: Analysis, rules: list[type[Rule]], words: list[str]) -> Helper:
    """Fork a helper that prepares *words* (every spelling of its share of the run's words, in the
    order the run meets them: `Analysis.prepare`) and then runs *rules* (per-document rules) over
    *ctx*."""
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    # Objects made so far are left out of the helper's garbage collections: a collection writes to
    # every object it visits, and each write copies a shared memory page into the helper.
    gc.freeze()
    pid = os.fork()
    if pid:
        gc.unfreeze()
        os.close(write_fd)
        return Helper(pid, read_fd, [r.code for r in rules])
    # The helper: never returns, never writes to the terminal, never runs the parent's exit handlers.
    status = 70
    try:
        os.close(read_fd)
        _after_fork()
        with os.fdopen(write_fd, "wb") as out:
            marks = an.romanized.memo_marks()
            an.prepare(words)
            _send(out, an.romanized.memos_since(marks))
            _send(out, {rule.code: list(rule().check(ctx)) for rule in rules})
        status = 0
    except BaseException:  # noqa: BLE001 - the parent does the helper's share instead
        status = 70
    finally:
        os._exit(status)


def _send(out: Any, value: Any) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(payload)))
    out.write(payload)
    out.flush()


def _after_fork() -> None:
    """What a forked process must not share with its parent is opened anew (SQLite connections)."""
    from ..russian import frequency

    frequency.after_fork()
