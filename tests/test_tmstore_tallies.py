"""Store tallies (stats without a table scan), the version 1 upgrade, and read-only stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tm.cli import app
from tm.model import Segment, Tag, TranslationUnit
from tm.store import _SCAN_TALLIES, SCHEMA_VERSION, Store, StoreError

DATA = Path(__file__).parent / "data" / "tmstore"


def tu(source: str, target: str, **kw) -> TranslationUnit:
    kw.setdefault("source_lang", "ru")
    kw.setdefault("target_lang", "en")
    return TranslationUnit(Segment.of(source), Segment.of(target), **kw)


def scanned(store: Store) -> dict:
    return {(k, n): v for k, n, v in store.conn.execute(_SCAN_TALLIES) if v}


def kept(store: Store) -> dict:
    return {key: v for key, v in store.tallies().items() if v}


def mixed_units() -> list[TranslationUnit]:
    tagged = TranslationUnit(
        Segment(["Пленум ", Tag("ph", "standalone", "1", (), "<br/>"), "открылся."]),
        Segment.of("The plenum opened."),
        source_lang="ru",
        target_lang="en",
    )
    return [
        tu("Колхоз выполнил план.", "The farm met the plan."),
        tu("Колхоз выполнил план.", "The farm met the plan."),  # duplicate: one occurrence more
        tu("Съезд открылся.", "", origin="b.po"),  # untranslated
        tu("Съезд открылся.", "The congress opened.", context="ctx"),
        tu("Open file", "Открыть файл", source_lang="en", target_lang="ru"),
        tu("Без языка", "No language", source_lang=None, target_lang=None),
        tagged,
    ]


def test_tallies_kept_by_imports_equal_a_scan_of_the_rows(tmp_path):
    with Store(tmp_path / "tm.db", create=True) as store:
        store.import_units(mixed_units()[:4], origin="a.tmx")
        store.import_units(mixed_units(), origin="c.tmx")
        store.import_files([DATA / "history.tmx", DATA / "catalog.po"])
        assert kept(store) == scanned(store)


def test_stats_counts_from_the_tallies(tmp_path):
    with Store(tmp_path / "tm.db", create=True) as store:
        store.import_units(mixed_units(), origin="a.tmx")
        stats = store.stats()
    assert (
        stats["units"],
        stats["occurrences"],
        stats["untranslated"],
        stats["with_tags"],
        stats["with_context"],
    ) == (6, 7, 1, 1, 1)
    assert stats["language_pairs"] == {"ru→en": 4, "en→ru": 1, "?→?": 1}
    assert stats["origins"] == {"a.tmx": 5, "b.po": 1}


def test_a_failed_import_leaves_the_tallies_alone(tmp_path):
    with Store(tmp_path / "tm.db", create=True) as store:
        store.import_units(mixed_units())
        before = store.tallies()

        def units():
            yield from mixed_units()
            yield tu("Новая", "New")
            raise RuntimeError("reader died")

        with pytest.raises(RuntimeError):
            store.import_units(units())
        assert store.tallies() == before


def test_a_version_1_store_is_upgraded_on_open(tmp_path):
    path = tmp_path / "tm.db"
    with Store(path, create=True) as store:
        store.import_units(mixed_units(), origin="a.tmx")
        expected = store.stats()
        store.conn.execute("DROP TABLE tallies")
        store.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.meta("schema_version") == str(SCHEMA_VERSION)
        assert store.stats() | {"wal_bytes": 0} == expected | {"wal_bytes": 0}


def test_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "tm.db"
    Store(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(path)


def test_a_read_only_store_can_be_searched_looked_up_exported_but_not_imported_into(tmp_path, monkeypatch):
    import tm.store

    path = tmp_path / "tm.db"
    with Store(path, create=True) as store:
        store.import_units(mixed_units())
    # As on read-only media (the tests may run as root, who may write to a chmod 444 file).
    monkeypatch.setattr(tm.store.os, "access", lambda _path, mode: mode != tm.store.os.W_OK)
    with Store(path) as store:
        assert store.readonly
        assert store.stats()["units"] == len(store) == 6
        assert store.search("план")[0].unit.target.text == "The farm met the plan."
        assert store.lookup("Колхоз выполнил план.")[0].score == 100
        assert len(list(store.iter_units())) == 6
        with pytest.raises(StoreError, match="the TM store is read-only"):
            store.import_units([tu("Новая", "New")])


def test_cli_refuses_to_create_a_store_in_a_missing_folder(tmp_path, runner):
    result = runner.invoke(
        app, ["import", str(DATA / "catalog.po"), "--into", str(tmp_path / "no" / "tm.db")]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {tmp_path / 'no' / 'tm.db'}: cannot create a TM store: folder "
        f"{tmp_path / 'no'} is missing or not writable"
    )
