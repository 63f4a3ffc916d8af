"""kill -9 in the middle of an import leaves the store exactly as it was before that import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tm.store import Store

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "tmstore"

# The child imports with a small page cache so the half-done transaction really reaches the WAL file
# before it is killed, and reports its progress on stdout.
CHILD = """
import sys
from tm.store import Store

def progress(path, done):
    print(done, flush=True)

Store(sys.argv[1], cache_kib=256).import_files([sys.argv[2]], progress=progress)
print("finished", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_import_leaves_the_store_unchanged(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_tmx
    finally:
        sys.path.pop(0)
    big = tmp_path / "big.tmx"
    gen_tmx.write_tmx(big, 20_000, seed=3)

    store_path = tmp_path / "tm.db"
    with Store(store_path, create=True) as store:
        store.import_files([DATA / "history.tmx"])
        before = store.stats()
    wal = store_path.with_name(store_path.name + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store_path), str(big)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 30
        for line in child.stdout:
            assert line.strip() != "finished", "the import finished before it could be killed"
            if int(line) >= 5000:
                break
            assert time.monotonic() < deadline
        wal_during = wal.stat().st_size
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert wal_during > wal_before  # the killed transaction had written pages

    with Store(store_path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.conn.execute("INSERT INTO concordance(concordance) VALUES ('integrity-check')")
        after = store.stats()
        for key in ("units", "occurrences", "imports", "index_words", "language_pairs"):
            assert after[key] == before[key], key
        assert store.lookup("Список номенклатуры утверждал секретариат.")[0].score == 100
        assert len(store.search("номенклатура", lemma=True)) == 3
        store.import_files([DATA / "more.tmx"])  # and the store still takes new imports
        assert len(store) == before["units"] + 2
