"""The TM store under contention and failure: an import waits for another's lock (--timeout), readers
never traceback on a busy store, a full disk or a read-only store is one line, a failed or killed
first import leaves no store, and import/lookup/search run concurrently with right answers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import tm.store
from tm.cli import app
from tm.store import Store

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "tmstore"


@pytest.fixture
def store_path(tmp_path, runner) -> Path:
    path = tmp_path / "tm.db"
    result = runner.invoke(app, ["import", str(DATA / "history.tmx"), "--into", str(path)])
    assert result.exit_code == 0, result.output
    return path


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another import, mid-transaction: it holds the store's write lock."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO imports(at, files, read, added, duplicates) VALUES ('now', '[]', 0, 0, 0)")
    return conn


def units(path: Path) -> int:
    with Store(path) as store:
        return len(store)


def test_an_import_waits_for_the_lock_with_a_note_and_fails_when_the_timeout_expires(store_path, runner):
    other = hold_write_lock(store_path)
    try:
        started = time.monotonic()
        result = runner.invoke(
            app, ["import", str(DATA / "more.tmx"), "--into", str(store_path), "--timeout", "1"]
        )
        waited = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"waiting for the lock on {store_path} held by another import… (up to 1 s)",
        f"error: {store_path}: still locked by another import after 1 s; nothing was imported "
        "(--timeout SECONDS waits longer)",
    ]
    assert 1 <= waited < 10
    assert units(store_path) == 5


def test_an_import_goes_ahead_when_the_other_import_finishes(store_path, runner):
    other = hold_write_lock(store_path)
    release = threading.Timer(1.0, other.commit)
    release.start()
    try:
        result = runner.invoke(app, ["import", str(DATA / "more.tmx"), "--into", str(store_path)])
    finally:
        release.join()
        other.close()
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"waiting for the lock on {store_path} held by another import…")
    assert units(store_path) == 7


@pytest.mark.parametrize(
    "args",
    [
        ["search", "{store}", "план"],
        ["lookup", "{store}", "Колхоз выполнил план."],
        ["stats", "{store}"],
        ["export", "{store}", "-o", "{out}"],
    ],
)
def test_readers_work_while_an_import_holds_the_lock(store_path, runner, tmp_path, args):
    other = hold_write_lock(store_path)
    try:
        result = runner.invoke(app, [a.format(store=store_path, out=tmp_path / "out.tmx") for a in args])
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "args",
    [
        ["search", "{store}", "план"],
        ["lookup", "{store}", "Колхоз выполнил план."],
        ["stats", "{store}"],
        ["export", "{store}", "-o", "{out}"],
        ["import", str(DATA / "more.tmx"), "--into", "{store}", "--timeout", "0"],
    ],
)
def test_a_store_locked_outright_is_one_line_not_a_traceback(store_path, runner, tmp_path, monkeypatch, args):
    monkeypatch.setattr(tm.store, "BUSY_MS", 200)
    other = sqlite3.connect(store_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")  # as a crashed store's recovery or a foreign tool
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM meta WHERE key = 'nothing'")
    try:
        result = runner.invoke(app, [a.format(store=store_path, out=tmp_path / "out.tmx") for a in args])
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 2
    error = result.stderr.splitlines()[-1]
    assert error.startswith(f"error: {store_path}: ") and "lock" in error, result.stderr
    assert "Traceback" not in result.output


def _full_after(pages: int, monkeypatch) -> None:
    """SQLite's own SQLITE_FULL, as on a full disk: the store may not grow past *pages* pages."""
    real_connect = Store._connect

    def connect(self):
        conn = real_connect(self)
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(Store, "_connect", connect)


def _big_tmx(folder: Path) -> Path:
    """A TMX of 300 made-up units: more than fits in the pages a store starts with."""
    path = folder / "big.tmx"
    tus = "".join(
        f'<tu><tuv xml:lang="ru"><seg>Протокол заседания номер {n} утверждён.</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Minutes of meeting {n} approved.</seg></tuv></tu>'
        for n in range(300)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ru" '
        f'datatype="plaintext" segtype="sentence" o-tmf="x" adminlang="en" creationtool="t" '
        f'creationtoolversion="1"/><body>{tus}</body></tmx>',
        encoding="utf-8",
    )
    return path


def test_a_first_import_onto_a_full_disk_leaves_no_store_and_no_temp(tmp_path, runner, monkeypatch):
    big = _big_tmx(tmp_path)
    _full_after(13, monkeypatch)  # room for the empty store's tables, not for the units
    path = tmp_path / "tm.db"
    result = runner.invoke(app, ["import", str(big), "--into", str(path)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"error: {path}: cannot import; nothing was imported: no space left on the device\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["big.tmx"]


def test_an_import_onto_a_full_disk_keeps_the_store_as_it_was(store_path, runner, monkeypatch):
    with Store(store_path) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    _full_after(pages, monkeypatch)
    result = runner.invoke(app, ["import", str(_big_tmx(store_path.parent)), "--into", str(store_path)])
    assert result.exit_code == 2
    assert result.stderr.endswith("cannot import; nothing was imported: no space left on the device\n")
    monkeypatch.undo()
    assert units(store_path) == 5


def test_a_read_only_store_is_refused_even_for_root_and_stays_searchable(store_path, runner):
    store_path.chmod(0o444)
    before = sorted(p.name for p in store_path.parent.iterdir())
    result = runner.invoke(app, ["import", str(DATA / "more.tmx"), "--into", str(store_path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {store_path}: the TM store is read-only\n"
    assert sorted(p.name for p in store_path.parent.iterdir()) == before
    assert runner.invoke(app, ["search", str(store_path), "план"]).exit_code == 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_a_first_import_killed_leaves_a_temp_store_the_next_import_removes(tmp_path, runner):
    path = tmp_path / "tm.db"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import time
        from glossary.core.atomic import temp_beside
        from tm.store import Store
        with temp_beside({str(path)!r}) as tmp, Store(tmp, create=True) as store:
            store.import_files([{str(DATA / "history.tmx")!r}])
            store.conn.execute("BEGIN IMMEDIATE")
            print("importing", flush=True)
            time.sleep(60)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "importing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert not path.exists() and [p for p in tmp_path.iterdir() if p.name.startswith(".tm.db.slovnik-")]
    result = runner.invoke(app, ["import", str(DATA / "more.tmx"), "--into", str(path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert units(path) == 2


def test_import_lookup_and_search_run_eight_way_concurrently_with_right_answers(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import stress_store
    finally:
        sys.path.pop(0)
    report = stress_store.run(tmp_path, seconds=3, units=40, seed=100, final_sample=10, in_process=True)
    assert report["failures"] == 0, report["failure_samples"]
    assert all(report["runs"].get(kind, 0) >= 2 for kind in ("import", "lookup", "search")), report["runs"]
    assert report["units_in_store"] == 100 + report["units_imported"] >= 100 + 2 * 40


def test_a_new_store_on_a_read_only_mount_is_one_line(tmp_path, runner, monkeypatch):
    import glossary.core.atomic

    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, path):
            self.f_flag = real_statvfs(path).f_flag | (os.ST_RDONLY if Path(path) == tmp_path else 0)

    monkeypatch.setattr(glossary.core.atomic.os, "statvfs", ReadOnly)
    path = tmp_path / "tm.db"
    result = runner.invoke(app, ["import", str(DATA / "more.tmx"), "--into", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: cannot create a TM store: the file system is read-only\n"
