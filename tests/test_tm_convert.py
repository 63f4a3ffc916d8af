"""tm convert through the real app (CliRunner on tm.cli.app)."""

from __future__ import annotations

from lxml import etree

from tm.cli import app
from tm.formats import iter_units
from tm.formats.tmx import DTD_PATH


def test_convert_tmx11_to_po_keeps_direction_and_text(runner, data_dir, tmp_path):
    out = tmp_path / "memory.po"
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "tmx11_lang.tmx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "converted 3 units (ru-RU→en)" in result.output
    units = list(iter_units(out))
    assert [(u.source_lang, u.target_lang) for u in units] == [("ru-RU", "en")] * 3
    assert units[0].source.text == "Пленум ЦК утвердил новый состав Политбюро."


def test_convert_po_to_tmx_writes_a_dtd_valid_file(runner, data_dir, tmp_path):
    out = tmp_path / "memory.tmx"
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "cp1251.po"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert etree.DTD(str(DTD_PATH)).validate(etree.parse(str(out)))
    first, plural = iter_units(out)
    assert first.fuzzy and first.context == "party" and len(plural.target_plurals) == 2


def test_convert_with_explicit_format_and_languages(runner, data_dir, tmp_path):
    out = tmp_path / "pair.data"
    result = runner.invoke(
        app,
        [
            "convert",
            str(data_dir / "tm" / "all_srclang.tmx"),
            "-o",
            str(out),
            "--to",
            "csv",
            "--source-lang",
            "ru",
            "--target-lang",
            "de",
        ],
    )
    assert result.exit_code == 0, result.output
    u = next(iter_units(out, "csv"))
    assert (u.source.text, u.target.text, u.source_lang, u.target_lang) == (
        "коллективизация",
        "Kollektivierung",
        "ru",
        "de",
    )


def test_convert_fills_an_xliff_template(runner, data_dir, tmp_path):
    filled_tmx = tmp_path / "filled.tmx"
    runner.invoke(app, ["convert", str(data_dir / "tm" / "xliff12_g_x.xlf"), "-o", str(filled_tmx)])
    out = tmp_path / "out.xlf"
    result = runner.invoke(
        app,
        ["convert", str(filled_tmx), "-o", str(out), "--template", str(data_dir / "tm" / "xliff12_g_x.xlf")],
    )
    assert result.exit_code == 0, result.output
    assert [u.target.text for u in iter_units(out)][0] == "Memoirs of an Old Bolshevik"


def test_bad_input_is_one_line_exit_2_and_writes_nothing(runner, data_dir, tmp_path):
    out = tmp_path / "out.po"
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "truncated.tmx"), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "truncated.tmx:7: invalid XML" in lines[0]
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_entity_bomb_is_refused_with_exit_2(runner, data_dir, tmp_path):
    result = runner.invoke(
        app, ["convert", str(data_dir / "tm" / "billion_laughs.tmx"), "-o", str(tmp_path / "x.csv")]
    )
    assert result.exit_code == 2 and "declares entities" in result.output


def test_unknown_output_extension_is_exit_2(runner, data_dir, tmp_path):
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "koi8r.po"), "-o", str(tmp_path / "x.doc")])
    assert result.exit_code == 2 and "unknown TM format '.doc'" in result.output


def test_template_only_for_xliff_output(runner, data_dir, tmp_path):
    result = runner.invoke(
        app,
        [
            "convert",
            str(data_dir / "tm" / "koi8r.po"),
            "-o",
            str(tmp_path / "x.tmx"),
            "--template",
            str(data_dir / "tm" / "xliff12_g_x.xlf"),
        ],
    )
    assert result.exit_code == 2 and "--template applies to XLIFF output only" in result.output


def test_convert_has_help(runner):
    result = runner.invoke(app, ["convert", "--help"])
    assert result.exit_code == 0 and "--source-lang" in result.output and "xliff2" in result.output


def test_template_without_language_needs_target_lang(runner, tmp_path):
    pot = tmp_path / "messages.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Open"\nmsgstr ""\n',
        encoding="utf-8",
    )
    out = tmp_path / "messages.tmx"
    result = runner.invoke(app, ["convert", str(pot), "-o", str(out)])
    assert result.exit_code == 2 and "pass --target-lang" in result.output and not out.exists()
    result = runner.invoke(app, ["convert", str(pot), "-o", str(out), "--target-lang", "ru"])
    assert result.exit_code == 0, result.output
    assert "(en→ru)" in result.output and next(iter_units(out)).source.text == "Open"


def test_convert_to_stdout_streams_the_file_and_keeps_the_summary_on_stderr(runner, data_dir):
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "cp1251.po"), "-o", "-", "--to", "tmx"])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    assert etree.DTD(str(DTD_PATH)).validate(root)
    assert "converted 2 units" in result.stderr


def test_convert_to_stdout_without_a_format_is_one_line_error(runner, data_dir):
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "cp1251.po"), "-o", "-"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: writing to stdout (-o -) needs --to FORMAT"


def test_convert_into_a_missing_folder_names_the_folder_not_a_temp_file(runner, data_dir, tmp_path):
    out = tmp_path / "nowhere" / "memory.tmx"
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "cp1251.po"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {out.parent}: no such folder"


def test_progress_on_a_terminal_never_writes_into_the_converted_file_on_stdout(runner, data_dir, monkeypatch):
    import tm.cli.convert as convert

    monkeypatch.setattr(convert, "progress_enabled", lambda: True)  # as if stderr were a terminal
    result = runner.invoke(app, ["convert", str(data_dir / "tm" / "cp1251.po"), "-o", "-", "--to", "tmx"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"<?xml")
    etree.fromstring(result.stdout_bytes)
