"""Run a CLI command on one input in a child process with capped memory and time, and say what
went wrong, if anything.

Each run is a fork. The child puts itself in its own process group (so a command's own workers die
with it), caps its address space (RLIMIT_AS) and CPU time (RLIMIT_CPU), points stdin/stdout/stderr
at files, arms faulthandler (a stack dump on a fatal signal, on SIGXCPU and on the wall-clock
watchdog, so a hang is reported where it hung) and then either

- `exec`: execs a fresh interpreter on the CLI's entry point (what a user runs, ~1 s start-up), or
- `fork`: calls the entry point in the forked child itself; the parent has imported every module
  once, so a run costs only the command's own work.

The parent reaps children with wait4 (exit status and CPU time) and kills a process group that
outlives the wall-clock limit.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import shutil
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from .seeds import ROOT

INPUT = "{input}"  # placeholder in a target's argv for the input file's path
TRACEBACK = "Traceback (most recent call last):"
_FRAME_RE = re.compile(r'^\s*File "([^"]+)", line (\d+),? in (\S+)', re.M)
_EXC_RE = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")
_PACKAGES = (str(ROOT / "glossary") + os.sep, str(ROOT / "tm") + os.sep)
_MEMORY_WORDS = ("MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory")

# What `exec` mode runs: the console script's own two lines, after arming faulthandler.
_BOOT = """\
import faulthandler, json, signal, sys
faulthandler.enable()
faulthandler.register(signal.SIGXCPU, chain=True)
faulthandler.dump_traceback_later(float(sys.argv[2]), exit=True)
sys.argv = json.loads(sys.argv[1])
if sys.argv[0] == "tm":
    from tm.cli import main
else:
    from glossary.cli import main
sys.exit(main())
"""


@dataclass
class Job:
    index: int  # run number; -1 for a shrinking test
    target: str
    argv: list[str]  # with INPUT where the input file goes
    data: bytes
    ext: str
    stdin: bool = False
    origin: str = ""
    mutations: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    job: Job
    code: int | None  # exit code, None when killed by a signal
    signal: str | None
    cpu: float
    wall: float
    max_rss_mb: float
    stderr: str
    kind: str | None = None  # None: the run was fine
    key: tuple = ()
    summary: str = ""


@dataclass
class Limits:
    cpu: float = 10.0  # CPU seconds
    memory_mb: int = 1536  # address space a run may use on top of base_mb
    base_mb: int = 0  # fork mode: what the preloaded parent already maps, inherited by every child
    wall: float = 60.0  # wall-clock seconds: a hang (the machine may be loaded: generous)
    output_mb: int = 512  # largest file a run may write


def preload() -> None:
    """Import every module of both packages (and what they import lazily) in the parent, so that a
    forked child starts with all of it in memory."""
    import importlib
    import pkgutil

    import glossary
    import tm

    for package in (glossary, tm):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            try:
                importlib.import_module(info.name)
            except Exception as e:  # a module that fails here fails in the runs too, with a traceback
                print(f"note: cannot preload {info.name}: {e}", file=sys.stderr)
    # what the commands and typer import on first use (typer's parameter coercion pulls in pydantic)
    for name in (
        "pandas",
        "openpyxl",
        "docx",
        "lxml.etree",
        "polib",
        "pymorphy3",
        "pymorphy3_dicts_ru",
        "wordfreq",
        "rapidfuzz",
        "jsonschema_rs",
        "pydantic",
        "typer._coercion",
        "fractions",
        "email.parser",
    ):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    # What every lint and check run builds first and caches for the process, independent of its input:
    # the dictionaries, the reverse romanizer's trigram model and scheme tables (~3 s together).
    from wordfreq import zipf_frequency

    from glossary.romanization import reverse
    from glossary.romanization.romanize import SCHEMES
    from glossary.russian import morph

    zipf_frequency("word", "en")
    zipf_frequency("слово", "ru")
    warm = [morph.analyzer, reverse._model]
    warm += [partial(fn, s) for fn in (reverse._inverse, reverse._engines) for s in SCHEMES]
    for fn in warm:
        try:
            fn()
        except Exception as e:  # a renamed helper costs the children time, nothing else
            print(f"note: cannot warm {fn}: {e}", file=sys.stderr)
    # typer builds its parameter converters on first use (pydantic): one harmless command warms it
    from contextlib import redirect_stdout

    from glossary.cli import app

    with open(os.devnull, "w") as null, redirect_stdout(null):
        try:
            app(["schemes", "--format", "json"], standalone_mode=False)
        except Exception as e:
            print(f"note: cannot warm the CLI: {e}", file=sys.stderr)


def _stream(fd: int, mode: str, like, errors: str | None = None):
    encoding = getattr(like, "encoding", None) or "utf-8"
    errors = errors or getattr(like, "errors", None) or "strict"
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, line_buffering=(fd == 2))


def _run_in_process(argv: list[str], wall: float) -> int:
    """The CLI's entry point in this (forked) process, as the interpreter would run it: an uncaught
    exception prints its traceback and exits 1."""
    import faulthandler

    sys.stdin = _stream(0, "r", sys.__stdin__)
    sys.stdout = _stream(1, "w", sys.__stdout__)
    sys.stderr = _stream(2, "w", sys.__stderr__, "backslashreplace")
    faulthandler.enable(file=sys.stderr)
    faulthandler.register(signal.SIGXCPU, file=sys.stderr, chain=True)
    faulthandler.dump_traceback_later(wall, exit=True, file=sys.stderr)
    sys.argv = list(argv)
    if argv[0] == "tm":
        from tm.cli import main
    else:
        from glossary.cli import main
    try:
        main()
        code = 0
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code & 0xFF
        else:
            print(e.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    return code


def _child(mode: str, argv: list[str], folder: Path, stdin: Path | None, limits: Limits) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the harness's own handler
    os.setpgid(0, 0)
    os.chdir(folder)
    fd = os.open(stdin if stdin else os.devnull, os.O_RDONLY)
    os.dup2(fd, 0)
    for n, name in ((1, "stdout"), (2, "stderr")):
        os.dup2(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), n)
    memory = (limits.memory_mb + limits.base_mb) << 20
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.cpu + 0.999)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    size = limits.output_mb << 20
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    if mode == "exec":
        env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
        os.execve(sys.executable, [sys.executable, "-c", _BOOT, json.dumps(argv), str(limits.wall)], env)
    os._exit(_run_in_process(argv, limits.wall))


class Runner:
    """Runs jobs, up to *jobs* at a time, each in its own folder under *workdir*."""

    def __init__(self, mode: str, workdir: Path, limits: Limits, jobs: int = 1):
        if mode not in ("fork", "exec"):
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "fork":
            limits = replace(limits, base_mb=_address_space_mb())
        self.mode, self.workdir, self.limits, self.jobs = mode, workdir, limits, jobs

    def _spawn(self, job: Job, slot: int) -> tuple[int, float]:
        folder = self.workdir / f"slot-{slot}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        path = folder / f"input{job.ext}"
        path.write_bytes(job.data)
        argv = [str(path) if a == INPUT else a for a in job.argv]
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child never returns into the parent's code
            try:
                _child(self.mode, argv, folder, path if job.stdin else None, self.limits)
            except BaseException:
                try:
                    traceback.print_exc()
                finally:
                    os._exit(70)
        return pid, time.monotonic()

    def run(
        self,
        jobs: Iterable[Job],
        on_outcome: Callable[[Outcome], None],
        stop: Callable[[], bool] = lambda: False,
    ) -> None:
        """Run *jobs* (an iterable, consumed lazily) until it is exhausted or *stop*() says so."""
        pending = iter(jobs)
        running: dict[int, tuple[Job, int, float, bool]] = {}
        try:
            self._loop(pending, running, on_outcome, stop)
        finally:  # interrupted (Ctrl-C, SIGTERM): no run outlives the harness
            for pid in running:
                _kill_group(pid)

    def _loop(self, pending, running, on_outcome, stop) -> None:
        free = list(range(self.jobs))
        exhausted = False
        while True:
            while not exhausted and free and not stop():
                job = next(pending, None)
                if job is None:
                    exhausted = True
                    break
                slot = free.pop()
                pid, started = self._spawn(job, slot)
                running[pid] = (job, slot, started, False)
            if not running:
                return
            pid, status, usage = os.wait4(-1, os.WNOHANG)
            if pid == 0:
                now = time.monotonic()
                for other, (job, slot, started, killed) in list(running.items()):
                    if not killed and now - started > self.limits.wall + 10:
                        _kill_group(other)
                        running[other] = (job, slot, started, True)
                time.sleep(0.005)
                continue
            if pid not in running:
                continue
            job, slot, started, killed = running.pop(pid)
            _kill_group(pid)  # workers the command left behind
            free.append(slot)
            on_outcome(self._outcome(job, slot, status, usage, time.monotonic() - started, killed))

    def run_one(self, job: Job) -> Outcome:
        out: list[Outcome] = []
        self.run([job], out.append)
        return out[0]

    def _outcome(self, job, slot, status, usage, wall, killed) -> Outcome:
        folder = self.workdir / f"slot-{slot}"
        try:
            with open(folder / "stderr", "rb") as fh:
                stderr = fh.read(1 << 20).decode("utf-8", "replace")
        except OSError:
            stderr = ""
        sig = signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        outcome = Outcome(
            job, code, sig, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, stderr
        )
        classify(outcome, self.limits, killed)
        return outcome


def _address_space_mb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) // 1024
    return 0


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# --- classification ----------------------------------------------------------------------------


def _short(path: str) -> str:
    return os.path.relpath(path, ROOT) if path.startswith(_PACKAGES) else os.path.basename(path)


def innermost_frame(text: str, most_recent_first: bool = False) -> str | None:
    """`glossary/termbase/formats/xlsx.py:read` for the innermost slovnik frame of a traceback (or of a
    faulthandler dump, which lists the most recent call first); else the innermost frame at all."""
    frames = _FRAME_RE.findall(text)
    if most_recent_first:
        frames.reverse()
    if not frames:
        return None
    ours = [f for f in frames if f[0].startswith(_PACKAGES)]
    path, _line, func = (ours or frames)[-1]
    return f"{_short(path)}:{func}"


def exception_type(stderr: str) -> tuple[str, str]:
    """(type, message) of the last exception in *stderr*'s last traceback."""
    tail = stderr[stderr.rfind(TRACEBACK) :]
    last = None
    for line in tail.splitlines()[1:]:
        if line.startswith(" ") or not line.strip():
            continue
        if line.startswith(("During handling", "The above exception")):
            continue
        if _EXC_RE.match(line):
            last = line
    if last is None:
        return "?", ""
    name, _, message = last.partition(":")
    return name.rsplit(".", 1)[-1], message.strip()


def _message_ok(stderr: str) -> bool:
    """Exit 2 means one `error: …` line (a `hint: …` may follow; notes and warnings before it)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    others = [line for line in lines if not line.startswith(("error: ", "hint: ", "warning: ", "note: "))]
    return len(errors) == 1 and not others and len(errors[0]) <= 1000


def classify(o: Outcome, limits: Limits, killed: bool) -> None:
    """Set o.kind/key/summary: time, memory, traceback, signal, exit N, message; None when fine."""
    target = o.job.target
    timed_out = killed or o.signal == "SIGXCPU" or "Timeout (0:" in o.stderr or o.cpu > limits.cpu
    if timed_out:
        frame = innermost_frame(o.stderr, most_recent_first=TRACEBACK not in o.stderr) or target
        o.kind, o.key = "time", ("time", frame)
        o.summary = f"over the time limit ({o.cpu:.1f} s CPU, {o.wall:.1f} s wall) in {frame}"
    elif TRACEBACK in o.stderr:
        exc, message = exception_type(o.stderr)
        frame = innermost_frame(o.stderr[o.stderr.rfind(TRACEBACK) :]) or "?"
        o.kind = "memory" if exc == "MemoryError" else "traceback"
        o.key = (o.kind, exc, frame)
        o.summary = f"{exc} in {frame}: {message[:200]}"
    elif o.signal is not None:
        memory = any(w in o.stderr for w in _MEMORY_WORDS)
        frame = innermost_frame(o.stderr, most_recent_first=True) or target
        o.kind = "memory" if memory else "signal"
        o.key = (o.kind, o.signal, frame)
        o.summary = f"killed by {o.signal} in {frame}"
    elif o.code not in (0, 1, 2):
        o.kind, o.key = "exit", ("exit", o.code, target)
        o.summary = f"exit code {o.code} from {target}: {o.stderr.strip()[-200:]}"
    elif o.code == 2 and not _message_ok(o.stderr):
        o.kind, o.key = "message", ("message", target)
        first = o.stderr.strip().splitlines()[:2]
        o.summary = (
            f"exit 2 without one short `error:` line ({len(o.stderr)} chars): {' | '.join(first)[:200]}"
        )
