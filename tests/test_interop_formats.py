"""Files as other tools write and read them (issue #18): vendor TBX v2, PO headers and comments, XLIFF
segmentation, encodings. Every fixture is in tests/data/interop, written for these tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import interop_schemas
import pytest

from glossary.cli import app as glossary_app
from glossary.core.errors import ParseError
from glossary.termbase.formats import tbx
from tm.cli import app as tm_app
from tm.formats import iter_units, write_tm

INTEROP = Path(__file__).parent / "data" / "interop"


def test_tbx_v2_vendor_picklist_values_are_read_and_kept_as_notes(runner, tmp_path):
    tb = tbx.read(INTEROP / "v2_vendor_picklists.tbx")
    card_en, card_ru = tb.concepts[0].terms
    assert card_en.status.value == "preferred"  # standardizedTerm-admn-sts (TBX-Default)
    assert card_ru.part_of_speech is None and card_ru.note == "partOfSpeech: nom"
    assert card_ru.gender == "other"  # ISO 12620 otherGender
    queue = tb.concepts[1].terms[0]
    assert queue.note == "administrativeStatus: provisionallyProcessed-admn-sts"
    result = runner.invoke(
        glossary_app,
        ["import", str(INTEROP / "v2_vendor_picklists.tbx"), "--into", str(tmp_path / "tb.json")],
    )
    assert result.exit_code == 0, result.output


def test_tbx_v3_still_holds_the_basic_picklist(tmp_path):
    v3 = tmp_path / "v3.tbx"
    v3.write_bytes(
        tbx.serialize(tbx.read(INTEROP / "v2_vendor_picklists.tbx")).replace(
            b'<termNote type="grammaticalGender">other<', b'<termNote type="grammaticalGender">neutral<'
        )
    )
    with pytest.raises(ParseError) as e:
        tbx.read(v3)
    assert e.value.line is not None and "neutral" in str(e.value)


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True)


needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt not installed")


@needs_msgfmt
@pytest.mark.parametrize(
    "name, forms",
    [
        ("uk_plurals.po", "nplurals=3; plural=(n%10==1 && n%100!=11"),  # the catalogue's own rule, kept
        ("de_plurals.po", "nplurals=2; plural=(n != 1);"),  # none in the input: the language's
    ],
)
def test_po_written_for_other_languages_has_their_plural_forms(runner, tmp_path, name, forms):
    out = tmp_path / "out.po"
    result = runner.invoke(tm_app, ["convert", str(INTEROP / name), "-o", str(out), "--source-lang", "en"])
    assert result.exit_code == 0, result.output
    assert forms in out.read_text(encoding="utf-8")
    check = msgfmt_check(out)
    assert check.returncode == 0, check.stderr


@needs_msgfmt
def test_po_plural_forms_follow_the_target_language_count(tmp_path):
    units = list(iter_units(INTEROP / "uk_plurals.po", source_lang="en"))
    for lang, count in (("ar", 6), ("de", 2), ("ja", 1)):
        out = tmp_path / f"{lang}.po"
        write_tm(units, out, "po", source_lang="en", target_lang=lang)
        plural = [u for u in iter_units(out) if u.source_plural is not None][0]
        assert len(plural.target_plurals) == count
        check = msgfmt_check(out)
        assert check.returncode == 0, check.stderr


def test_xliff12_from_tmx_ph_assoc_is_schema_valid_and_comes_back_as_tmx_letters(runner, tmp_path):
    out = tmp_path / "out.xlf"
    result = runner.invoke(tm_app, ["convert", str(INTEROP / "ph_assoc.tmx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert interop_schemas.errors(interop_schemas.xliff12(), out) == []
    assert 'assoc="preceding"' in out.read_text(encoding="utf-8")
    back = tmp_path / "back.tmx"
    result = runner.invoke(tm_app, ["convert", str(out), "-o", str(back)])
    assert result.exit_code == 0, result.output
    text = back.read_text(encoding="utf-8")
    assert 'assoc="p"' in text and 'assoc="f"' in text and 'assoc="b"' in text
    assert interop_schemas.errors(interop_schemas.tmx(), back) == []


def test_segmented_xliff12_is_read_whole_and_written_schema_valid(runner, tmp_path):
    first, second = iter_units(INTEROP / "segmented.xlf")
    assert first.target.text == "Клапан закрыт. Открывайте его медленно."  # no indentation, no marks
    assert [t.kind for t in first.target.parts if not isinstance(t, str)] == ["g", "g"]
    assert second.target.text == "Проверьте манометр."
    out = tmp_path / "out.xlf"
    result = runner.invoke(tm_app, ["convert", str(INTEROP / "segmented.xlf"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert interop_schemas.errors(interop_schemas.xliff12(), out) == []


def test_xliff2_with_no_units_is_schema_valid(tmp_path):
    out = tmp_path / "empty.xlf"
    assert write_tm([], out, "xliff2", source_lang="ru", target_lang="en") == 0
    assert interop_schemas.errors(interop_schemas.xliff2(), out) == []
    assert list(iter_units(out, "xliff2")) == []


@pytest.mark.parametrize(
    "name, where, words",
    [
        ("xliff2_two_sources.xlf", ":13:", "more than one <source>"),
        ("xliff2_no_file.xlf", ": ", "no <file>"),
    ],
)
def test_xliff2_structure_errors_are_one_line(runner, tmp_path, name, where, words):
    result = runner.invoke(tm_app, ["convert", str(INTEROP / name), "-o", str(tmp_path / "out.tmx")])
    assert result.exit_code == 2
    assert f"{name}{where}" in result.output and words in result.output
    assert not (tmp_path / "out.tmx").exists()


@pytest.mark.parametrize("option", ["--source-lang", "--target-lang"])
def test_language_options_must_be_bcp47(runner, tmp_path, option):
    result = runner.invoke(
        tm_app, ["convert", str(INTEROP / "segmented.xlf"), "-o", str(tmp_path / "o.xlf"), option, "r u"]
    )
    assert result.exit_code == 2 and "not a BCP 47 language tag" in result.output
    assert not (tmp_path / "o.xlf").exists()
    result = runner.invoke(
        tm_app,
        ["convert", str(INTEROP / "segmented.xlf"), "-o", str(tmp_path / "o.xlf"), option, "sr_RS@latin"],
    )
    assert result.exit_code == 0, result.output


def test_po_comment_without_a_space_is_a_translator_comment():
    log_out, front, draft = iter_units(INTEROP / "ru_bare_comment.po", source_lang="en")
    assert log_out.notes == ["menu item"] and log_out.line == 11
    assert front.notes == ["\tshown on the front page"] and front.references == ["front.module:12"]
    assert draft.fuzzy


def test_mo_is_read_as_a_tm_and_refused_as_output(runner, tmp_path):
    units = list(iter_units(INTEROP / "ru_bare_comment.mo", source_lang="en"))
    # msgfmt keeps translations only: no comments, no fuzzy entry
    assert [(u.source.text, u.target.text, u.context, u.target_lang) for u in units] == [
        ("Log out", "Выйти", None, "ru"),
        ("Front page", "Главная", "page", "ru"),
    ]
    result = runner.invoke(
        tm_app,
        ["convert", str(INTEROP / "ru_bare_comment.po"), "-o", str(tmp_path / "x.mo"), "--source-lang", "en"],
    )
    assert result.exit_code == 2 and "input format only" in result.output
    bad = tmp_path / "bad.mo"
    bad.write_bytes(b"\xde\x12\x04\x95 not really")
    result = runner.invoke(tm_app, ["convert", str(bad), "-o", str(tmp_path / "x.tmx")])
    assert result.exit_code == 2 and "bad.mo: not a readable gettext MO file" in result.output


@pytest.mark.parametrize("name", ["no_language.po", "template.pot"])
@pytest.mark.parametrize("ext", [".csv", ".tsv", ".pot", ".po", ".xlf"])
def test_convert_asks_only_for_the_languages_the_output_declares(runner, tmp_path, name, ext):
    out = tmp_path / f"out{ext}"
    result = runner.invoke(tm_app, ["convert", str(INTEROP / name), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (unit,) = iter_units(out)
    assert unit.source.text in ("Print", "Cancel")


def test_convert_to_tmx_still_needs_the_target_language(runner, tmp_path):
    result = runner.invoke(
        tm_app, ["convert", str(INTEROP / "no_language.po"), "-o", str(tmp_path / "o.tmx")]
    )
    assert result.exit_code == 2
    assert "no_language.po: the file does not name its target language; pass --target-lang" in result.output


def test_convert_refuses_a_tm_from_a_language_to_itself(runner, tmp_path):
    result = runner.invoke(
        tm_app,
        ["convert", str(INTEROP / "uk_plurals.po"), "-o", str(tmp_path / "o.tmx"), "--source-lang", "uk"],
    )
    assert result.exit_code == 2
    assert "source and target language are both uk; pass the other one with --target-lang" in result.output
    assert not (tmp_path / "o.tmx").exists()


@pytest.mark.parametrize("name", ["excel_unicode.csv", "excel_unicode.tsv"])
def test_tm_reads_utf16_tables_by_their_bom(name):
    units = list(iter_units(INTEROP / name))
    assert (units[0].source.text, units[0].target.text, units[0].target_lang) == (
        "Save changes",
        "Сохранить изменения",
        "ru",
    )


def test_tm_encoding_option_reads_a_legacy_table(runner, tmp_path):
    out = tmp_path / "o.po"
    result = runner.invoke(tm_app, ["convert", str(INTEROP / "cp1251.csv"), "-o", str(out)])
    assert result.exit_code == 2 and "pass --encoding cp1251" in result.output
    result = runner.invoke(
        tm_app, ["convert", str(INTEROP / "cp1251.csv"), "-o", str(out), "--encoding", "cp1251"]
    )
    assert result.exit_code == 0, result.output
    assert next(iter_units(out)).source.text == "Закрыть окно"
    result = runner.invoke(
        tm_app,
        ["import", str(INTEROP / "cp1251.csv"), "--into", str(tmp_path / "s.db"), "--encoding", "cp1251"],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        tm_app, ["convert", str(INTEROP / "segmented.xlf"), "-o", str(out), "--encoding", "cp1251"]
    )
    assert result.exit_code == 2 and "--encoding applies to PO, POT, CSV and TSV" in result.output


def test_glossary_reads_a_utf16_csv_by_its_bom(tmp_path):
    from glossary.termbase.formats import read_termbase

    tb = read_termbase(INTEROP / "glossary_utf16.csv")
    assert [t.text for t in tb.concepts[0].terms] == ["продовольственная карточка", "ration card"]


@needs_msgfmt
def test_po_glossary_export_leaves_out_concepts_with_no_russian_term(runner, tmp_path):
    out = tmp_path / "g.po"
    result = runner.invoke(glossary_app, ["export", str(out), "-g", str(INTEROP / "untranslated.csv")])
    assert result.exit_code == 0, result.output
    assert "exported 2 concepts (3 terms)" in result.output
    assert f"{out}: left out 1 concept with no ru term" in result.output and "glasnost" in result.output
    text = out.read_text(encoding="utf-8")
    assert 'msgid "спутник"' in text and 'msgid "перестройка"' in text and "glasnost" not in text
    check = msgfmt_check(out)
    assert check.returncode == 0, check.stderr


def test_placeholders_against_a_word_are_not_mixed_script(runner):
    result = runner.invoke(glossary_app, ["validate", str(INTEROP / "software_ru.po"), "--format", "json"])
    mixed = [f for f in json.loads(result.output) if f["code"] == "TB301"]
    assert [f["line"] for f in mixed] == [15]  # Moнал only; not %sошибка or {0}файлов


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_tm_check_names_each_file_by_the_path_given(runner, fmt, monkeypatch):
    monkeypatch.chdir(INTEROP)
    result = runner.invoke(tm_app, ["check", "a/mem.csv", "b/mem.csv", "--format", fmt])
    assert result.exit_code == 1, result.output
    if fmt == "text":
        assert "a/mem.csv:2: error [number-mismatch]" in result.output
        assert "b/mem.csv:2: error [untranslated]" in result.output
    elif fmt == "json":
        assert {f["path"] for f in json.loads(result.output)} == {"a/mem.csv", "b/mem.csv"}
    else:
        uris = {
            loc["physicalLocation"]["artifactLocation"]["uri"]
            for run in json.loads(result.output)["runs"]
            for r in run["results"]
            for loc in r["locations"]
        }
        assert uris == {"a/mem.csv", "b/mem.csv"}


def test_tm_import_of_a_folder_reads_its_tm_files_and_export_ru_takes_ru_RU(runner, tmp_path):
    store = tmp_path / "s.db"
    result = runner.invoke(tm_app, ["import", str(INTEROP / "regional"), "--into", str(store)])
    assert result.exit_code == 0, result.output
    assert "imported 4 units" in result.output
    out = tmp_path / "ru.tmx"
    result = runner.invoke(tm_app, ["export", str(store), "-o", str(out), "--source-lang", "ru"])
    assert result.exit_code == 0, result.output
    assert sorted(u.source.text for u in iter_units(out)) == [
        "Дверь открыта.",
        "Лифт не работает.",
        "Окно закрыто.",
        "Свет погас.",
    ]
    result = runner.invoke(tm_app, ["export", str(store), "-o", str(out), "--source-lang", "ru-RU"])
    assert result.exit_code == 0, result.output
    assert len(list(iter_units(out))) == 2  # ru-RU asks for the region: plain ru is not it


def test_tm_import_of_a_folder_with_no_tm_files_says_so(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here", encoding="utf-8")
    result = runner.invoke(tm_app, ["import", str(tmp_path), "--into", str(tmp_path / "s.db")])
    assert result.exit_code == 2 and "is a folder with no TM files in it" in result.output


def test_configured_suppressions_file_not_written_yet_is_no_error(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.slovnik]\nsuppressions = "qa/suppressions.json"\n', encoding="utf-8"
    )
    shutil.copy(INTEROP / "a" / "mem.csv", tmp_path / "mem.csv")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(tm_app, ["check", "mem.csv"])
    assert result.exit_code == 1 and "number-mismatch" in result.output
    result = runner.invoke(tm_app, ["check", "mem.csv", "--suppressions", "missing.json"])
    assert result.exit_code == 2  # named on the command line: it must exist


def test_translit_detect_reads_the_file_it_is_given(runner):
    result = runner.invoke(glossary_app, ["translit", "--detect", str(INTEROP / "essay.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    tokens = {t["token"] for t in json.loads(result.output)["tokens"]}
    assert {"Yezhov", "Ezhov", "Tukhachevskii"} <= tokens


def test_translit_reverse_with_no_latin_word_is_an_error(runner):
    result = runner.invoke(glossary_app, ["translit", "--reverse", "1937"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: <text>: no romanized (Latin-letter) word to reverse"


@needs_msgfmt
def test_po_msgstr_takes_the_msgid_newlines(runner, tmp_path):
    out = tmp_path / "o.po"
    result = runner.invoke(tm_app, ["convert", str(INTEROP / "newlines.tmx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    usage, done = iter_units(out)
    assert usage.target.text == "Использование: backup [ПАРАМЕТР]\n" and done.target.text == "Готово."
    check = msgfmt_check(out)
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize(
    "app, args, words",
    [
        (tm_app, ["convert", "{po}", "-o", "{out}.xlsx", "--source-lang", "en"], "holds a control character"),
        (tm_app, ["convert", "{po}", "-o", "{out}.tmx", "--source-lang", "en"], "cannot write as TMX"),
        (glossary_app, ["export", "{out}.xlsx", "-g", "{po}"], "holds a control character"),
        (glossary_app, ["export", "{out}.tbx", "-g", "{po}"], "holds a control character"),
    ],
)
def test_a_control_character_is_refused_in_one_line_by_xml_and_xlsx_writers(tmp_path, app, args, words):
    # a subprocess: openpyxl's abandoned write-only sheet printed "Exception ignored" tracebacks at exit
    command = "tm" if app is tm_app else "glossary"
    argv = [a.format(po=INTEROP / "control_char.po", out=tmp_path / "out") for a in args]
    done = subprocess.run([str(Path(sys.executable).parent / command), *argv], capture_output=True, text=True)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_tm_check_subject_keeps_other_fields_concepts_out(runner, tmp_path, monkeypatch):
    args = [
        "check",
        str(INTEROP / "medical.csv"),
        "-g",
        str(INTEROP / "subjects.csv"),
        "--select",
        "term-",
        "--format",
        "json",
    ]
    every = {f["concept"] for f in json.loads(runner.invoke(tm_app, args).output)}
    assert every == {"guberniya", "fever", "clinic"}
    medical = {
        f["concept"] for f in json.loads(runner.invoke(tm_app, [*args, "--subject", "Medicine"]).output)
    }
    assert medical == {"fever", "clinic"}  # «Province» no longer expects губерния; no-subject concepts stay
    (tmp_path / "pyproject.toml").write_text(
        '[tool.slovnik.check]\nsubject = ["history"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    history = {f["concept"] for f in json.loads(runner.invoke(tm_app, args).output)}
    assert history == {"guberniya", "clinic"}
