"""A large lint run on two processes: a forked helper works out what reading half of the run's
romanized words needs and then runs the rules that look at one document at a time (T2xx, S3xx),
while this process does the same for the other half, takes over the helper's results, reads the
words, detects the house scheme and runs the R1xx rules. The per-document work comes in units (a
rule on a document): the helper takes them from the front, this process from the back once its
own rules are done, each marking what it took in a shared page, so neither waits long for the
other whatever the text's mix of words and documents.

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
import mmap
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
    """The forked helper: its memos (`take_readings`), then the per-document rules' findings
    (`findings`, which runs the units the helper has not taken)."""

    def __init__(self, pid: int, fd: int, ctx: LintContext, rules: list[type[Rule]], claims: mmap.mmap):
        self.pid = pid
        self.codes = [r.code for r in rules]  # the rules it runs
        self._ctx = ctx
        self._rules = rules
        self._claims = claims
        self._file = os.fdopen(fd, "rb")
        self._failed = False

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

    def findings(self) -> dict[str, list[Finding]]:
        """Each helper rule's findings, document by document in the run's order: the units this
        process takes from the back, the helper's, and any the helper left undone (it failed)."""
        units = _units(self._ctx, self._rules)
        mine = {}
        for i in reversed(range(len(units))):
            if self._claims[i]:
                break  # the helper has come this far from the front
            self._claims[i] = 2
            mine[i] = _run(self._ctx, units[i])
        theirs = self._receive() or {}
        self.close()
        out: dict[str, list[Finding]] = {code: [] for code in self.codes}
        for i, unit in enumerate(units):
            found = mine.get(i)
            if found is None:
                found = theirs.get(i)
            if found is None:
                found = _run(self._ctx, unit)
            out[unit[0].code] += found
        return out

    def close(self) -> None:
        if self.pid:
            self._file.close()
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = 0


def _units(ctx: LintContext, rules: list[type[Rule]]) -> list[tuple[type[Rule], int]]:
    """The per-document work: (rule, document index), rule by rule, the rules that load something
    large first (`Rule.loads`: the term index, ftfy): the helper, which starts at the front, runs
    them, and this process, which starts at the back, seldom has to load it too."""
    ordered = sorted(rules, key=lambda rule: not rule.loads)  # stable: the registry's order otherwise
    return [(rule, d) for rule in ordered for d in range(len(ctx.documents))]


def _run(ctx: LintContext, unit: tuple[type[Rule], int]) -> list[Finding]:
    rule, d = unit
    return list(rule().check(ctx.within(ctx.documents[d])))


def start(ctx: LintContext, an: Analysis, rules: list[type[Rule]], words: list[str]) -> Helper:
    """Fork a helper that prepares *words* (every spelling of its share of the run's words, in the
    order the run meets them: `Analysis.prepare`) and then runs *rules* (per-document rules) over
    *ctx*'s documents, unit by unit from the front, until it meets a unit this process took."""
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    units = _units(ctx, rules)
    # One byte per unit, nonzero once a process takes it; both processes see the same page. Two
    # that take the same unit at once both run it (the same findings): this process keeps its own.
    claims = mmap.mmap(-1, max(1, len(units)))
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return Helper(pid, read_fd, ctx, rules, claims)
    # The helper: never returns, never writes to the terminal, never runs the parent's exit handlers.
    # Collections are off during a run (engine._no_collections); should one run here all the same,
    # the objects shared with this process stay out of it: a collection writes to every object it
    # visits, and each write copies a shared memory page. (gc.freeze splices lists and touches no
    # object; frozen here rather than before the fork, this process's heap is never thawed.)
    gc.freeze()
    status = 70
    try:
        os.close(read_fd)
        _after_fork()
        with os.fdopen(write_fd, "wb") as out:
            marks = an.romanized.memo_marks()
            an.prepare(words)
            _send(out, an.romanized.memos_since(marks))
            done = {}
            for i, unit in enumerate(units):
                if claims[i]:
                    break  # this process has come this far from the back
                claims[i] = 1
                done[i] = _run(ctx, unit)
            _send(out, done)
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
