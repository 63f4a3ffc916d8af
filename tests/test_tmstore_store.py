"""The TM store: import/export round trip, dedupe, transactional imports, readers during a write."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.core.errors import ParseError
from tm.model import Segment, Tag, TranslationUnit
from tm.store import Store, StoreError, unit_key, unitcodec

DATA = Path(__file__).parent / "data" / "tmstore"


def tu(source: str, target: str, **kw) -> TranslationUnit:
    kw.setdefault("source_lang", "ru")
    kw.setdefault("target_lang", "en")
    return TranslationUnit(Segment.of(source), Segment.of(target), **kw)


@pytest.fixture
def store(tmp_path) -> Store:
    with Store(tmp_path / "tm.db", create=True) as s:
        yield s


def rich_unit() -> TranslationUnit:
    return TranslationUnit(
        source=Segment(
            [
                "Пленум ",
                Tag("bpt", "open", "1", (("x", "1"),), "<b>"),
                "ЦК",
                Tag("ept", "close", "1", (), "</b>"),
                " открылся.",
            ]
        ),
        target=Segment(
            [
                "The ",
                Tag("bpt", "open", "1", (("x", "1"),), "<b>"),
                "CC",
                Tag("ept", "close", "1", (), "</b>"),
                " plenum opened.",
            ]
        ),
        id="u-7",
        source_lang="ru",
        target_lang="en",
        context="minutes",
        props=[("x-topic", "party")],
        notes=["checked"],
        comments=["translator's remark"],
        flags=["c-format"],
        fuzzy=True,
        previous_source="Пленум открылся.",
        created="20240301T120000Z",
        creator="editor",
        origin="a.tmx",
        line=12,
    )


def test_stored_unit_comes_back_with_every_field(store):
    unit = rich_unit()
    store.import_units([unit])
    (back,) = list(store.iter_units())
    assert back == unit


def test_store_requires_create_for_a_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no such TM store"):
        Store(tmp_path / "missing.db")


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all, just text" * 100)
    with pytest.raises(StoreError, match="cannot open as a TM store"):
        Store(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(StoreError, match="not a TM store"):
        Store(other)


def test_identical_units_are_stored_once_with_their_count(store):
    report = store.import_units(
        [
            tu("Колхоз выполнил план.", "The farm met the plan."),
            tu("Колхоз выполнил план.", "The farm met the plan."),
            tu("Колхоз выполнил план.", "The collective farm met the plan."),
            tu("Колхоз выполнил план.", "The farm met the plan.", context="2"),
        ]
    )
    assert (report.read, report.added, report.duplicates) == (4, 3, 1)
    store.import_units([tu("Колхоз выполнил план.", "The farm met the plan.")])
    stats = store.stats()
    assert (stats["units"], stats["occurrences"], stats["duplicates"]) == (3, 5, 2)
    (match, *_) = store.lookup("Колхоз выполнил план.")
    assert match.count == 3


def test_units_without_source_text_are_skipped(store):
    report = store.import_units([tu("", "orphan"), tu("Текст", "Text")])
    assert (report.read, report.added, report.skipped) == (2, 1, 1)


def test_import_of_files_then_export_round_trips(store, tmp_path):
    report = store.import_files([DATA / "history.tmx", DATA / "more.tmx"])
    assert (report.read, report.added, report.duplicates) == (8, 7, 1)
    from tm.formats import iter_units, write_tm

    out = tmp_path / "out.tmx"
    written = write_tm(store.iter_units(), out, source_lang="ru", target_lang="en")
    assert written == 7
    originals = {u.id: u for u in iter_units(DATA / "history.tmx")} | {
        u.id: u for u in iter_units(DATA / "more.tmx")
    }
    for unit in iter_units(out):
        assert unit.source == originals[unit.id].source
        assert unit.target == originals[unit.id].target
    assert [u.id for u in store.iter_units()] == ["h1", "h2", "h3", "h4", "h5", "m1", "m2"]


def test_a_bad_second_file_imports_nothing(store):
    store.import_files([DATA / "more.tmx"])
    before = store.stats()
    with pytest.raises(ParseError) as err:
        store.import_files([DATA / "history.tmx", DATA / "truncated.tmx"])
    assert err.value.path.endswith("truncated.tmx") and err.value.line
    after = store.stats()
    assert after["units"] == before["units"] == 2
    assert after["imports"] == before["imports"]
    assert store.search("номенклатура", lemma=True) == []
    assert store.lookup("Пленум Центрального комитета открылся в понедельник.") == []


def test_an_exception_inside_the_unit_stream_rolls_back(store):
    def units():
        yield tu("Первый", "First")
        raise RuntimeError("reader died")

    with pytest.raises(RuntimeError):
        store.import_units(units())
    assert len(store) == 0
    assert store.stats()["index_words"] == 0


def test_readers_work_while_a_writer_imports(tmp_path):
    path = tmp_path / "tm.db"
    with Store(path, create=True) as s:
        s.import_units([tu("Старая запись архива.", "An old archive record.")])
    started, release = threading.Event(), threading.Event()

    def slow_units():
        for i in range(500):
            if i == 100:
                started.set()
                release.wait(10)
            yield tu(f"Новая запись номер {i}.", f"New record number {i}.")

    writer = Store(path)
    thread = threading.Thread(target=lambda: writer.import_units(slow_units()))
    thread.start()
    try:
        assert started.wait(10)
        with Store(path) as reader:  # the import holds the write lock: reads still see the old snapshot
            t0 = time.perf_counter()
            assert len(reader) == 1
            assert [h.unit.source_text for h in reader.search("архива")] == ["Старая запись архива."]
            assert reader.lookup("Старая запись архива.")[0].score == 100
            assert time.perf_counter() - t0 < 5
    finally:
        release.set()
        thread.join(20)
        writer.close()
    with Store(path) as reader:
        assert len(reader) == 501


def test_many_imports_compact_the_fuzzy_index(store):
    for i in range(12):
        store.import_units([tu(f"Донесение номер {i} о положении в районе.", f"Report {i} on the district.")])
    chunks = store.conn.execute("SELECT count(*) FROM sequences").fetchone()[0]
    assert chunks <= 8
    matches = store.lookup("Донесение номер 3 о положении в районе.", top=20, min_score=50)
    assert len(matches) == 12 and matches[0].score == 100


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
_tags = st.builds(
    Tag,
    kind=st.sampled_from(["bpt", "ept", "ph", "it", "hi"]),
    pos=st.sampled_from(["open", "close", "empty"]),
    id=st.none() | st.text("0123456789", min_size=1),
    attrs=st.lists(st.tuples(st.text("abcx", min_size=1), _text), max_size=2).map(tuple),
    code=_text,
)
_segments = st.lists(_text | _tags, max_size=4).map(Segment)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    source=_segments,
    target=_segments,
    context=st.none() | _text,
    notes=st.lists(_text, max_size=2),
    props=st.lists(st.tuples(_text, _text), max_size=2),
    fuzzy=st.booleans(),
)
def test_unit_json_codec_round_trips(source, target, context, notes, props, fuzzy):
    unit = TranslationUnit(source, target, context=context, notes=notes, props=props, fuzzy=fuzzy)
    assert unitcodec.loads(unitcodec.dumps(unit)) == unit


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    units=st.lists(
        st.builds(
            TranslationUnit,
            source=_segments.map(lambda s: Segment(["Слово ", *s.parts])),
            target=_segments,
            context=st.none() | _text,
            notes=st.lists(_text, max_size=2),
            fuzzy=st.booleans(),
            source_lang=st.just("ru"),
            target_lang=st.just("en"),
        ),
        max_size=6,
    )
)
def test_store_round_trips_units_in_order(tmp_path_factory, units):
    with Store(tmp_path_factory.mktemp("prop") / "tm.db", create=True) as store:
        store.import_units(units)
        expected, seen = [], set()
        for unit in units:  # the first of identical units is kept
            if unit_key(unit) not in seen:
                seen.add(unit_key(unit))
                expected.append(unit)
        assert list(store.iter_units()) == expected


def test_lookup_sees_units_imported_through_the_same_store_object(store):
    store.import_units([tu("Первое донесение из района.", "First report from the district.")])
    assert store.lookup("Второе донесение из района.", min_score=50)[0].score == 75
    store.import_units([tu("Второе донесение из района.", "Second report from the district.")])
    assert store.lookup("Второе донесение из района.")[0].score == 100


def test_lookup_sees_units_imported_by_another_connection(tmp_path):
    path = tmp_path / "tm.db"
    with Store(path, create=True) as reader, Store(path) as writer:
        writer.import_units([tu("Первое донесение из района.", "First report.")])
        assert reader.lookup("Первое донесение из района.")[0].score == 100
        writer.import_units([tu("Второе донесение из района.", "Second report.")])
        assert reader.lookup("Второе донесение из района.")[0].score == 100


def test_progress_reports_units_read_per_file(store):
    calls = []
    store.import_files(
        [DATA / "history.tmx", DATA / "more.tmx"], progress=lambda p, n: calls.append((Path(p).name, n))
    )
    assert calls[-2:] == [("history.tmx", 6), ("more.tmx", 2)]
