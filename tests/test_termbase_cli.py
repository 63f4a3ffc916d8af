"""CLI: every termbase command, and every bad-input path (exit 2, one line, no traceback)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import shows_own_help

from glossary.cli import app
from glossary.termbase import STARTER_PATH

DATA = Path(__file__).parent / "data" / "termbase"


@pytest.fixture
def tb_file(tmp_path, monkeypatch):
    """A copy of the sample termbase in a folder with no pyproject.toml above it."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "tb.json"
    shutil.copy(DATA / "sample.json", path)
    return path


def run(runner, *args):
    return runner.invoke(app, [str(a) for a in args])


def assert_one_line_error(result, *fragments):
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in err


# --- new ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["new.json", "new.csv", "new.tsv", "new.xlsx", "new.tbx", "new.po"])
def test_new_creates_an_empty_termbase_that_reads_back(runner, tmp_path, name):
    path = tmp_path / name
    result = run(runner, "new", path, "--title", "Mine")
    assert result.exit_code == 0 and path.exists()
    stats = run(runner, "stats", "-g", path, "--format", "json")
    assert json.loads(stats.stdout)["concepts"] == 0


def test_new_refuses_to_overwrite_and_unknown_extensions(runner, tb_file):
    assert_one_line_error(run(runner, "new", tb_file), "already exists")
    assert_one_line_error(
        run(runner, "new", tb_file.with_suffix(".docx")), "json, csv, tsv, xlsx, tbx, tbx2, po"
    )


# --- add ----------------------------------------------------------------------------------------------


def test_add_creates_a_concept_with_a_slug_id(runner, tb_file):
    result = run(
        runner,
        "add",
        "-g",
        tb_file,
        "--ru",
        "раскулачивание",
        "--en",
        "dekulakization",
        "--definition",
        "The campaign against better-off peasants.",
        "--pos",
        "noun",
        "--gender",
        "neuter",
        "--subject",
        "economy",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"added dekulakization (2 terms) in {tb_file}"
    shown = json.loads(run(runner, "show", "-g", tb_file, "dekulakization", "--format", "json").stdout)
    assert shown["terms"][0] == {
        "lang": "ru",
        "text": "раскулачивание",
        "status": "preferred",
        "part_of_speech": "noun",
        "gender": "neuter",
    }


def test_add_to_an_existing_concept_with_a_status(runner, tb_file):
    result = run(
        runner, "add", "-g", tb_file, "--id", "obkom", "--en", "province committee", "--status", "deprecated"
    )
    assert result.exit_code == 0 and "updated obkom" in result.stdout
    data = json.loads(tb_file.read_text(encoding="utf-8"))
    assert data["concepts"][1]["terms"][-1] == {
        "lang": "en",
        "text": "province committee",
        "status": "deprecated",
    }


def test_add_bad_inputs_change_nothing(runner, tb_file):
    before = tb_file.read_bytes()
    assert_one_line_error(run(runner, "add", "-g", tb_file), "at least one term")
    assert_one_line_error(
        run(runner, "add", "-g", tb_file, "--ru", "слово", "--pos", "nounish"),
        "unknown part of speech 'nounish'",
    )
    assert_one_line_error(
        run(runner, "add", "-g", tb_file, "--ru", "Moнал", "--en", "Monal"), "mixes Cyrillic and Latin"
    )
    assert tb_file.read_bytes() == before


def test_add_refuses_the_bundled_starter(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_one_line_error(run(runner, "add", "--ru", "слово"), "starter is read-only")


# --- show / search --------------------------------------------------------------------------------------


def test_show_by_id_and_by_term(runner, tb_file):
    by_id = run(runner, "show", "-g", tb_file, "nomenklatura")
    assert by_id.exit_code == 0
    assert by_id.stdout.splitlines()[:3] == [
        "nomenklatura  (term; party, administration)",
        "  The list of leading posts filled only with the party's approval, and the people who held them.",
        "  ru  preferred  номенклатура  (noun, feminine, singular)",
    ]
    assert "  en  deprecated nomenclature  — A false friend: means a system of names." in by_id.stdout
    assert run(runner, "show", "-g", tb_file, "Leon Trotsky").stdout.startswith("trotsky-lev  (person)")
    assert_one_line_error(run(runner, "show", "-g", tb_file, "politburo"), "no concept with id or term")


def test_search_text_json_and_no_match(runner, tb_file):
    result = run(runner, "search", "-g", tb_file, "номенклатуре")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "id\tru\ten\tmatched",
        "nomenklatura\tноменклатура\tnomenklatura\tlemma: номенклатура",
    ]
    hits = json.loads(run(runner, "search", "-g", tb_file, "Trockogo", "--format", "json").stdout)
    assert hits[0]["id"] == "trotsky-lev"
    missing = run(runner, "search", "-g", tb_file, "politburo")
    assert missing.exit_code == 1 and "no match" in missing.stderr


# --- import -------------------------------------------------------------------------------------------


def write_csv(path: Path, body: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(body.encode(encoding))
    return path


CSV_NEW = "concept_id,concept_type,lang,term,status\nkolkhoz,term,ru,колхоз,preferred\nkolkhoz,,en,kolkhoz,\n"


def test_import_adds_concepts_atomically(runner, tb_file, tmp_path):
    src = write_csv(tmp_path / "new.csv", CSV_NEW)
    result = run(runner, "import", src, "--into", tb_file)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"imported {src} into {tb_file}: 1 added"
    assert json.loads(run(runner, "stats", "-g", tb_file, "--format", "json").stdout)["concepts"] == 6


def test_import_into_a_new_file_creates_it(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = write_csv(tmp_path / "new.csv", CSV_NEW)
    assert run(runner, "import", src, "--into", tmp_path / "fresh.tbx").exit_code == 0
    assert (tmp_path / "fresh.tbx").exists()


def test_failed_imports_change_nothing(runner, tb_file, tmp_path):
    before = tb_file.read_bytes()
    clash = write_csv(tmp_path / "clash.csv", "concept_id,lang,term\nobkom,en,party committee\n")
    assert_one_line_error(run(runner, "import", clash, "--into", tb_file), "already in the termbase: 'obkom'")
    broken = write_csv(tmp_path / "broken.csv", CSV_NEW + "kolkhoz,,en,,admitted\n")
    assert_one_line_error(
        run(runner, "import", broken, "--into", tb_file), "broken.csv:4: empty 'term' column"
    )
    legacy = write_csv(tmp_path / "legacy.csv", CSV_NEW, "cp1251")
    assert_one_line_error(
        run(runner, "import", legacy, "--into", tb_file), "legacy.csv:2: not UTF-8 (looks like CP1251"
    )
    mixed = write_csv(tmp_path / "mixed.csv", "concept_id,lang,term\nmonal,ru,Moнал\nmonal,en,Monal\n")
    assert_one_line_error(
        run(runner, "import", mixed, "--into", tb_file), "mixed.csv:2: not imported", "mixes Cyrillic"
    )
    empty = write_csv(tmp_path / "empty.csv", "")
    assert_one_line_error(run(runner, "import", empty, "--into", tb_file), "empty.csv: empty file")
    assert tb_file.read_bytes() == before
    assert sorted(p.name for p in tb_file.parent.iterdir() if p.name.startswith(".")) == []


def test_import_with_declared_encoding_and_merge(runner, tb_file, tmp_path):
    legacy = write_csv(
        tmp_path / "legacy.csv", "concept_id,lang,term,status\nobkom,en,oblast committee,admitted\n", "koi8-r"
    )
    assert (
        run(
            runner, "import", legacy, "--into", tb_file, "--encoding", "koi8-r", "--on-duplicate", "merge"
        ).exit_code
        == 0
    )
    shown = run(runner, "show", "-g", tb_file, "obkom").stdout
    assert "oblast committee" in shown and "regional party committee" in shown


# --- export -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "to"),
    [
        ("out.tbx", None),
        ("out.tbx", "tbx2"),
        ("out.csv", None),
        ("out.xlsx", None),
        ("out.po", None),
        ("out.txt", "tsv"),
    ],
)
def test_export_writes_every_format(runner, tb_file, tmp_path, name, to):
    out = tmp_path / name
    result = run(runner, "export", out, "-g", tb_file, *(["--to", to] if to else []))
    assert result.exit_code == 0 and "exported 5 concepts (14 terms)" in result.stdout
    reread = run(runner, "stats", "-g", out, "--format", "json") if not to else None
    if reread is not None:
        assert json.loads(reread.stdout)["terms"] == 14


def test_export_bad_format(runner, tb_file, tmp_path):
    assert_one_line_error(
        run(runner, "export", tmp_path / "out.docx", "-g", tb_file), "unknown termbase extension"
    )
    assert_one_line_error(
        run(runner, "export", tmp_path / "out.x", "-g", tb_file, "--to", "xliff"), "unknown format 'xliff'"
    )


# --- validate -----------------------------------------------------------------------------------------


def test_validate_clean_file_exits_0(runner, tb_file):
    result = run(runner, "validate", "-g", tb_file)
    assert result.exit_code == 0 and result.stdout == "All checks passed!\n"


def test_validate_findings_exit_1_in_text_and_json(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = write_csv(
        tmp_path / "bad.csv", "concept_id,lang,term,see_also\nmonal,ru,Moнал,nowhere\nmonal,en,Monal,\n"
    )
    text = run(runner, "validate", bad)
    assert text.exit_code == 1
    assert (
        text.stdout.splitlines()[0]
        == f"{bad}:2:1: TB301 term 'Moнал' of 'monal' mixes Cyrillic and Latin letters in 'Moнал'"
    )
    found = json.loads(run(runner, "validate", bad, "--format", "json").stdout)
    assert {f["code"] for f in found} == {"TB301", "TB401"}
    assert run(runner, "validate", bad, "--exit-zero").exit_code == 0


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('<?xml version="1.0"?>\n<martif><text>\n</martif>\n', "x.tbx:3: invalid XML"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n<martif>&e;</martif>\n',
            "x.tbx:2: DOCTYPE declares entities",
        ),
    ],
)
def test_validate_unreadable_xml_exits_2(runner, tmp_path, content, fragment):
    path = tmp_path / "x.tbx"
    path.write_text(content, encoding="utf-8")
    assert_one_line_error(run(runner, "validate", path), fragment)


def test_missing_file_is_a_one_line_error(runner, tmp_path):
    assert_one_line_error(run(runner, "validate", tmp_path / "nope.json"), "nope.json")
    assert_one_line_error(run(runner, "stats", "-g", tmp_path / "nope.csv"), "nope.csv")


# --- stats and resolution -------------------------------------------------------------------------------


def test_stats_json_and_plain_text_when_piped(runner, tb_file):
    data = json.loads(run(runner, "stats", "-g", tb_file, "--format", "json").stdout)
    assert data["concepts"] == 5 and data["terms"] == 14 and data["by_type"]["person"] == 1
    text = run(runner, "stats", "-g", tb_file).stdout
    assert text.splitlines()[:3] == ["what\tcount", "concepts\t5", "terms\t14"]


def test_glossary_location_comes_from_pyproject(runner, tb_file, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nglossary = "tb.json"\n', encoding="utf-8")
    sub = tmp_path / "docs"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert json.loads(run(runner, "stats", "--format", "json").stdout)["concepts"] == 5


def test_default_is_the_bundled_starter(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert STARTER_PATH.is_file()
    data = json.loads(run(runner, "stats", "--format", "json").stdout)
    assert data["concepts"] >= 200


def test_every_termbase_command_has_help(runner):
    for command in ("new", "add", "show", "search", "import", "export", "validate", "stats"):
        result = run(runner, command, "--help")
        assert result.exit_code == 0 and shows_own_help(result.stdout, app, command)


def test_add_refuses_an_id_the_formats_cannot_store(runner, tb_file):
    before = tb_file.read_bytes()
    assert_one_line_error(
        run(runner, "add", "-g", tb_file, "--id", "Bad Id", "--ru", "слово"), "invalid concept id 'Bad Id'"
    )
    assert tb_file.read_bytes() == before


def test_import_force_keeps_problems_for_validate(runner, tb_file, tmp_path):
    mixed = write_csv(tmp_path / "mixed.csv", "concept_id,lang,term\nmonal,ru,Moнал\nmonal,en,Monal\n")
    assert run(runner, "import", mixed, "--into", tb_file, "--force").exit_code == 0
    result = run(runner, "validate", "-g", tb_file)
    assert result.exit_code == 1 and "TB301" in result.stdout


# --- output paths: stdout, missing or read-only folders ------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("csv", "concept_id,"), ("json", "{"), ("tbx", "<?xml"), ("tbx2", "<?xml"), ("po", "#")],
)
def test_export_to_stdout_writes_the_file_there_and_the_summary_to_stderr(runner, tb_file, fmt, start):
    result = run(runner, "export", "-", "--to", fmt, "-g", tb_file)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start)
    assert "exported" in result.stderr and "exported" not in result.stdout


def test_export_to_stdout_needs_a_format(runner, tb_file):
    assert_one_line_error(run(runner, "export", "-", "-g", tb_file), "needs --to")


def test_export_into_a_missing_folder_names_that_folder(runner, tb_file, tmp_path):
    result = run(runner, "export", tmp_path / "nowhere" / "out.tbx", "-g", tb_file)
    assert_one_line_error(result, f"{tmp_path / 'nowhere'}: no such folder")
    assert ".tmp" not in result.stderr


def test_export_into_a_read_only_folder_names_that_folder(runner, tb_file, tmp_path, monkeypatch):
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p) != folder and real_access(p, mode, **kw))
    result = run(runner, "export", folder / "out.csv", "-g", tb_file)
    assert_one_line_error(result, f"{folder}: folder is not writable")
    assert list(folder.iterdir()) == []
