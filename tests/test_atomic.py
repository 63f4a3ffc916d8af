import os
import stat

import pytest

from glossary.core.atomic import atomic_open, atomic_path, atomic_write_text


def test_atomic_write_follows_umask_for_new_files(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.txt"
        atomic_write_text(target, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_atomic_write_keeps_the_mode_of_a_replaced_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_path_replaces_on_success(tmp_path):
    target = tmp_path / "book.xlsx"
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"data")
    assert target.read_bytes() == b"data"


def test_missing_folder_is_named_not_the_temp_file(tmp_path):
    target = tmp_path / "nodir" / "out.tbx"
    with pytest.raises(FileNotFoundError) as info:
        atomic_write_text(target, "x")
    assert info.value.filename == str(tmp_path / "nodir")
    assert info.value.strerror == "no such folder"
