"""tm import / export / search / lookup / stats through the CLI, including bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shows_own_help

from tm.cli import app
from tm.store import Store

DATA = Path(__file__).parent / "data" / "tmstore"


@pytest.fixture
def store_path(tmp_path, runner) -> Path:
    path = tmp_path / "tm.db"
    result = runner.invoke(
        app, ["import", str(DATA / "history.tmx"), str(DATA / "more.tmx"), "--into", str(path)]
    )
    assert result.exit_code == 0, result.output
    return path


def test_import_reports_each_file(tmp_path, runner):
    path = tmp_path / "tm.db"
    result = runner.invoke(app, ["import", str(DATA / "history.tmx"), "--into", str(path)])
    assert result.exit_code == 0
    assert "history.tmx: 6 read, 5 added, 1 duplicates" in result.output
    assert "imported 5 units" in result.output


def test_import_json_output(tmp_path, runner):
    result = runner.invoke(
        app, ["import", str(DATA / "catalog.po"), "--into", str(tmp_path / "tm.db"), "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["read"], data["added"], data["duplicates"]) == (3, 3, 0)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("truncated.tmx", "truncated.tmx:12: invalid XML"),
        ("no-srclang.tmx", "no-srclang.tmx:4: TMX header has no srclang"),
        ("broken.po", "broken.po:10:"),
        ("xxe.tmx", "xxe.tmx:3: DOCTYPE declares entities"),
        ("laughs.tmx", "laughs.tmx:3: DOCTYPE declares entities"),
        ("wrong-encoding.po", "wrong-encoding.po:6: bytes are not valid UTF-8"),
        ("wrong-encoding.tmx", "wrong declared encoding"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_imports_nothing(store_path, runner, bad, message):
    before = Store(store_path).stats()
    result = runner.invoke(
        app, ["import", str(DATA / "catalog.po"), str(DATA / bad), "--into", str(store_path)]
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.output
    after = Store(store_path).stats()
    assert (after["units"], after["imports"]) == (before["units"], before["imports"])


def test_a_failed_first_import_leaves_no_store_behind(tmp_path, runner):
    path = tmp_path / "new.db"
    result = runner.invoke(app, ["import", str(DATA / "truncated.tmx"), "--into", str(path)])
    assert result.exit_code == 2
    assert not path.exists()


def _with_a_concurrent_first_import(monkeypatch, path):
    """Store.import_files, but another `tm import` creates and fills *path* first."""
    from tm.store import import_into

    real_import = Store.import_files
    done = []

    def import_after_a_concurrent_one(self, paths, **kw):
        if not done:
            done.append(True)
            import_into(path, [DATA / "catalog.po"])  # a second `tm import` commits first
        return real_import(self, paths, **kw)

    monkeypatch.setattr(Store, "import_files", import_after_a_concurrent_one)


def test_a_failed_first_import_keeps_a_store_another_import_made_meanwhile(tmp_path, runner, monkeypatch):
    path = tmp_path / "new.db"
    _with_a_concurrent_first_import(monkeypatch, path)
    result = runner.invoke(app, ["import", str(DATA / "truncated.tmx"), "--into", str(path)])
    assert result.exit_code == 2 and "truncated.tmx:12" in result.stderr
    monkeypatch.undo()
    assert Store(path).stats()["units"] == 3
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp store left


def test_two_first_imports_racing_both_land_in_one_store(tmp_path, runner, monkeypatch):
    path = tmp_path / "new.db"
    _with_a_concurrent_first_import(monkeypatch, path)
    result = runner.invoke(app, ["import", str(DATA / "history.tmx"), "--into", str(path)])
    assert result.exit_code == 0, result.output
    monkeypatch.undo()
    with Store(path) as store:
        assert [files for imp in store.stats()["imports"] for files in imp["files"]] == [
            str(DATA / "catalog.po"),
            str(DATA / "history.tmx"),
        ]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp store left


def test_missing_store_and_missing_file_are_errors(tmp_path, runner):
    result = runner.invoke(app, ["stats", str(tmp_path / "nope.db")])
    assert result.exit_code == 2 and "no such TM store" in result.stderr
    result = runner.invoke(app, ["import", str(tmp_path / "nope.tmx"), "--into", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "nope.tmx" in result.stderr


def test_export_writes_every_unit(store_path, tmp_path, runner):
    out = tmp_path / "out.tmx"
    result = runner.invoke(app, ["export", str(store_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "exported 7 units (ru→en)" in result.output
    from tm.formats import read_tm

    tm = read_tm(out)
    assert (len(tm), tm.source_lang) == (7, "ru")
    tagged = next(u for u in tm if u.id == "h3")
    assert tagged.source.has_tags


def test_export_to_another_format(store_path, tmp_path, runner):
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["export", str(store_path), "-o", str(out), "--to", "csv"])
    assert result.exit_code == 0, result.output
    assert "Колхоз выполнил план досрочно." in out.read_text(encoding="utf-8")


def test_export_asks_for_a_pair_when_the_store_has_several(store_path, tmp_path, runner):
    runner.invoke(app, ["import", str(DATA / "catalog.po"), "--into", str(store_path)])
    result = runner.invoke(app, ["export", str(store_path), "-o", str(tmp_path / "x.tmx")])
    assert result.exit_code == 2 and "several language pairs" in result.stderr
    result = runner.invoke(
        app, ["export", str(store_path), "-o", str(tmp_path / "x.po"), "--source-lang", "en"]
    )
    assert result.exit_code == 0 and "exported 3 units (en→ru)" in result.output


def test_search_text_marks_matches(store_path, runner):
    result = runner.invoke(app, ["search", str(store_path), "номенклатура", "--lemma"])
    assert result.exit_code == 0
    assert "[номенклатуры]" in result.output and "[номенклатурой]" in result.output
    assert "[Номенклатура]" in result.output


def test_search_json(store_path, runner):
    result = runner.invoke(
        app,
        [
            "search",
            str(store_path),
            "номенклатурой",
            "--lemma",
            "--format",
            "json",
            "--side",
            "source",
            "--limit",
            "2",
        ],
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data["hits"]) == 2
    for hit in data["hits"]:
        (start, end), *_ = hit["source_spans"]
        assert hit["source"][start:end].lower().startswith("номенклатур")


def test_lookup_text_shows_score_and_diff(store_path, runner):
    result = runner.invoke(
        app, ["lookup", str(store_path), "Пленум Центрального комитета открылся во вторник.", "--min", "60"]
    )
    assert result.exit_code == 0
    assert " 66%  #4" in result.output  # 2 of 6 words replaced
    assert "[-в понедельник-]{+во вторник+}" in result.output


def test_lookup_json(store_path, runner):
    result = runner.invoke(
        app,
        [
            "lookup",
            str(store_path),
            "Колхоз выполнил план досрочно.",
            "--format",
            "json",
            "--min",
            "50",
            "--top",
            "2",
        ],
    )
    data = json.loads(result.output)
    assert data["matches"][0]["score"] == 100
    assert data["matches"][0]["target"] == "The collective farm fulfilled the plan ahead of time."
    assert all(d["op"] == "equal" for d in data["matches"][0]["diff"])
    assert len(data["matches"]) <= 2


def test_lookup_with_context_scores_101(tmp_path, runner):
    path = tmp_path / "po.db"
    runner.invoke(app, ["import", str(DATA / "catalog.po"), "--into", str(path)])
    result = runner.invoke(app, ["lookup", str(path), "Open archive", "--context", "dialog", "-f", "json"])
    data = json.loads(result.output)
    assert [(m["score"], m["target"]) for m in data["matches"]] == [
        (101, "Открыть архивный фонд"),
        (100, "Открыть архив"),
    ]


def test_stats_text_and_json(store_path, runner):
    result = runner.invoke(app, ["stats", str(store_path), "--format", "json"])
    data = json.loads(result.output)
    assert (data["units"], data["duplicates"], data["language_pairs"]) == (7, 1, {"ru→en": 7})
    assert data["origins"] == {"history.tmx": 5, "more.tmx": 2}
    assert data["with_tags"] == 1
    text = runner.invoke(app, ["stats", str(store_path)]).output
    assert "units:        7 (8 occurrences, 1 duplicates collapsed)" in text


def test_every_store_command_has_help(runner):
    for command in ("import", "export", "search", "lookup", "stats"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and shows_own_help(result.output, app, command)
