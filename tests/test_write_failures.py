"""A full disk, a read-only mount, a read-only file, a kill -9 mid-write: every writer of both CLIs
answers with one line naming the file and exit 2, keeps the old file and leaves no temp file.

The OS failures are raised by monkeypatched os calls (no root or mounts needed);
scripts/check_writes.py does the same against a real full tmpfs and a read-only bind mount.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from glossary.cli import app as glossary_app
from glossary.core import atomic
from glossary.core.atomic import atomic_open, atomic_write_text, remove_stale_temps, temp_prefix
from glossary.core.errors import WriteError
from tm.cli import app as tm_app

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "termbase" / "sample.json"
TMX = DATA / "tmstore" / "history.tmx"
OLD = b"old contents\n"


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def failing(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


# --- the library ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "no space left on the device"),
        ("replace", errno.EROFS, "the file system is read-only"),
        ("fsync", errno.EDQUOT, "disk quota exceeded"),
        ("replace", errno.EACCES, "permission denied"),
    ],
)
def test_a_failed_write_names_the_target_keeps_the_old_file_and_leaves_no_temp(
    tmp_path, monkeypatch, call, code, reason
):
    target = tmp_path / "terms.csv"
    target.write_bytes(OLD)
    monkeypatch.setattr(atomic.os, call, failing(code))
    with pytest.raises(WriteError) as info:
        atomic_write_text(target, "new")
    assert str(info.value) == f"{target}: cannot write: {reason}"
    assert target.read_bytes() == OLD
    assert temps(tmp_path) == []


def test_the_disk_filling_up_while_the_caller_writes_is_a_write_error(tmp_path):
    target = tmp_path / "memory.tmx"
    with (
        pytest.raises(WriteError, match="memory.tmx: cannot write: no space left"),
        atomic_open(target, "wb") as fh,
    ):
        fh.write(b"<tmx>")
        raise OSError(errno.ENOSPC, "No space left on device")  # as fh.write raises it
    assert not target.exists() and temps(tmp_path) == []


def test_an_error_reading_some_other_file_meanwhile_is_not_blamed_on_the_target(tmp_path):
    with pytest.raises(FileNotFoundError) as info, atomic_open(tmp_path / "out.po") as fh:
        fh.write("x")
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "input.tmx")
    assert info.value.filename == "input.tmx"


@pytest.mark.parametrize("mode", [0o444, 0o400])
def test_a_read_only_target_is_refused_before_writing_even_for_root(tmp_path, mode):
    target = tmp_path / "glossary.json"
    target.write_bytes(OLD)
    target.chmod(mode)
    with pytest.raises(WriteError, match="glossary.json: cannot write: the file is read-only"):
        atomic_write_text(target, "new")
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == mode
    assert temps(tmp_path) == []


def test_a_folder_in_place_of_the_target_is_refused(tmp_path):
    (tmp_path / "out.tbx").mkdir()
    with pytest.raises(WriteError, match="out.tbx: cannot write: is a folder"):
        atomic_write_text(tmp_path / "out.tbx", "x")


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_device_is_written_into_not_renamed_over(tmp_path):
    atomic_write_text("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_the_next_write_removes_temp_files_of_dead_processes_only(tmp_path):
    target = tmp_path / "glossary.json"
    mine = temp_prefix(target)
    host = mine.split("-")[1]
    dead = tmp_path / f".glossary.json.slovnik-{host}-{_dead_pid()}-abcd1234.tmp"
    running = tmp_path / f".glossary.json.slovnik-{host}-{os.getppid()}-abcd1234.tmp"
    elsewhere = tmp_path / f".glossary.json.slovnik-000000-{_dead_pid()}-abcd1234.tmp"
    other_file = tmp_path / f".other.json.slovnik-{host}-{_dead_pid()}-abcd1234.tmp"
    for p in (dead, running, elsewhere, other_file):
        p.write_bytes(b"half")
    atomic_write_text(target, "{}")
    assert temps(tmp_path) == sorted(p.name for p in (running, elsewhere, other_file))


def test_a_kill_9_during_a_write_leaves_an_orphan_the_next_write_removes(tmp_path):
    target = tmp_path / "glossary.json"
    target.write_bytes(OLD)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        from glossary.core.atomic import atomic_open
        with atomic_open({str(target)!r}) as fh:
            fh.write("half a termbase")
            fh.flush()
            print("writing", flush=True)
            time.sleep(60)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline() == "writing\n"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert len(temps(tmp_path)) == 1 and target.read_bytes() == OLD
    assert remove_stale_temps(tmp_path / "other.json") == []  # another file's write leaves it
    atomic_write_text(target, "new")
    assert temps(tmp_path) == [] and target.read_text() == "new"


# --- every writer of both CLIs -------------------------------------------------------------------------


def _termbase(folder: Path) -> Path:
    path = folder / "small.json"
    shutil.copy(SAMPLE, path)
    return path


def _lint_text(folder: Path) -> Path:
    path = folder / "text.txt"
    shutil.copy(DATA / "lint" / "offstyle.txt", path)  # has a safe fix
    return path


def _memory_po(folder: Path) -> Path:
    path = folder / "memory.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        'msgid "Пленум ЦК"\nmsgstr "Plenum of the Central Committee"\n',
        encoding="utf-8",
    )
    return path


# (name, app, args given the folder, the file written); {out} is a target holding OLD bytes
WRITERS = [
    (
        "glossary add",
        glossary_app,
        lambda d: ["add", "-g", _termbase(d), "--ru", "совхоз", "--en", "sovkhoz"],
        "small.json",
    ),
    (
        "glossary import --into",
        glossary_app,
        lambda d: ["import", _memory_po(d), "--into", _termbase(d), "--force"],
        "small.json",
    ),
    ("glossary new --force", glossary_app, lambda d: ["new", d / "out.json", "--force"], "out.json"),
    ("glossary export tbx", glossary_app, lambda d: ["export", d / "out.tbx", "-g", SAMPLE], "out.tbx"),
    ("glossary export xlsx", glossary_app, lambda d: ["export", d / "out.xlsx", "-g", SAMPLE], "out.xlsx"),
    ("glossary export po", glossary_app, lambda d: ["export", d / "out.po", "-g", SAMPLE], "out.po"),
    ("glossary print md", glossary_app, lambda d: ["print", "-o", d / "out.md", "-g", SAMPLE], "out.md"),
    (
        "glossary print docx",
        glossary_app,
        lambda d: ["print", "-o", d / "out.docx", "-g", SAMPLE],
        "out.docx",
    ),
    ("glossary lint --fix", glossary_app, lambda d: ["lint", "--fix", _lint_text(d)], "text.txt"),
    ("glossary extract", glossary_app, lambda d: ["extract", _lint_text(d), "-o", d / "out.csv"], "out.csv"),
    ("tm convert tmx", tm_app, lambda d: ["convert", _memory_po(d), "-o", d / "out.tmx"], "out.tmx"),
    ("tm convert xlsx", tm_app, lambda d: ["convert", TMX, "-o", d / "out.xlsx"], "out.xlsx"),
    ("tm convert xliff", tm_app, lambda d: ["convert", TMX, "-o", d / "out.xlf"], "out.xlf"),
    (
        "tm check -o",
        tm_app,
        lambda d: ["check", TMX, "-g", SAMPLE, "-f", "json", "-o", d / "out.json"],
        "out.json",
    ),
]


def _prepare(tmp_path: Path, make_args, written: str) -> tuple[Path, list[str], Path]:
    folder = tmp_path / "work"
    folder.mkdir()
    args = [str(a) for a in make_args(folder)]
    target = folder / written
    if not target.exists():
        target.write_bytes(OLD)
    return folder, args, target


def _assert_refused(result, target: Path, before: bytes, folder: Path, reason: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {target}: cannot write: {reason}\n"
    assert target.read_bytes() == before
    assert temps(folder) == []


@pytest.mark.parametrize(("name", "app", "make_args", "written"), WRITERS, ids=[w[0] for w in WRITERS])
def test_every_writer_on_a_full_disk(tmp_path, runner, monkeypatch, name, app, make_args, written):
    folder, args, target = _prepare(tmp_path, make_args, written)
    before = target.read_bytes()
    monkeypatch.setattr(atomic.os, "fsync", failing(errno.ENOSPC))
    _assert_refused(runner.invoke(app, args), target, before, folder, "no space left on the device")


@pytest.mark.parametrize(("name", "app", "make_args", "written"), WRITERS, ids=[w[0] for w in WRITERS])
def test_every_writer_on_a_read_only_mount(tmp_path, runner, monkeypatch, name, app, make_args, written):
    folder, args, target = _prepare(tmp_path, make_args, written)
    before = target.read_bytes()
    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, path):
            self.f_flag = real_statvfs(path).f_flag | (os.ST_RDONLY if Path(path) == folder else 0)

    monkeypatch.setattr(atomic.os, "statvfs", ReadOnly)
    _assert_refused(runner.invoke(app, args), target, before, folder, "the file system is read-only")


@pytest.mark.parametrize(("name", "app", "make_args", "written"), WRITERS, ids=[w[0] for w in WRITERS])
def test_every_writer_refuses_a_read_only_file(tmp_path, runner, name, app, make_args, written):
    folder, args, target = _prepare(tmp_path, make_args, written)
    before = target.read_bytes()
    target.chmod(0o444)
    _assert_refused(
        runner.invoke(app, args),
        target,
        before,
        folder,
        "the file is read-only (make it writable first: chmod u+w)",
    )


def test_lint_fix_refuses_a_read_only_file_before_fixing_any(tmp_path, runner):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (first, second):
        shutil.copy(DATA / "lint" / "offstyle.txt", p)
    second.chmod(0o444)
    before = first.read_bytes()
    result = runner.invoke(glossary_app, ["lint", "--fix", str(first), str(second)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {second}: cannot write: the file is read-only (make it writable first: chmod u+w)\n"
    )
    assert first.read_bytes() == before
