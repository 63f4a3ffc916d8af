"""Each reader on our own fixtures (tests/data/tm): the phenomena real files show, and bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
from itertools import islice
from pathlib import Path

import pytest
from lxml import etree
from tmformats_support import TMX_TAGGED, unit

from glossary.core.errors import FormatNotSupported, ParseError
from tm.formats import format_for, iter_units, read_tm, write_tm
from tm.formats.tabular import segment_to_text
from tm.formats.tmx import DTD_PATH
from tm.formats.xliff import merge_targets
from tm.formats.xliff2 import merge_targets as merge_targets2
from tm.model import Segment, Tag

# -- TMX -------------------------------------------------------------------------------------------


def test_tmx11_lang_attribute_gives_languages_and_dates(data_dir):
    units = list(iter_units(data_dir / "tm" / "tmx11_lang.tmx"))
    assert [(u.source_lang, u.target_lang) for u in units] == [("ru-RU", "en")] * 3
    first = units[0]
    assert first.source.text == "Пленум ЦК утвердил новый состав Политбюро."
    assert first.target.text.startswith("The Central Committee plenum")
    assert (first.created, first.changed, first.creator) == ("20240301T101200Z", "20240301T101500Z", "editor")
    assert units[1].props == [("file", "chapter2.txt"), ("id", "para-14")]
    assert units[1].context == "para-14"  # OmegaT keys alternative translations by id
    assert not units[2].target and units[2].target_lang == "en"


def test_tmx14_inline_markup_becomes_tags(data_dir):
    t1, t2, _ = iter_units(data_dir / "tm" / "tmx14_inline.tmx")
    assert t1.id == "t1" and t1.notes == ["Checked against the 1937 edition."]
    assert t1.props == [("x-domain", "politics")]
    assert (t1.created, t1.creator, t1.changed, t1.changer) == (
        "20240102T030405Z",
        "anna",
        "20240203T040506Z",
        "boris",
    )
    assert t1.source.text == "Доклад Ежова на пленумеСтенограмма, л. 12."
    kinds = [(p.kind, p.pos) for p in t1.source.tags]
    assert kinds == [("bpt", "open"), ("ept", "close"), ("ph", "empty"), ("sub", "open"), ("sub", "close")]
    assert t1.source.tags[0].code == "{\\b " and t1.source.tags[4].code == "}"
    assert [(p.kind, p.pos) for p in t2.source.tags] == [
        ("hi", "open"),
        ("hi", "close"),
        ("it", "open"),
        ("ut", "empty"),
    ]
    assert t2.source.tags[3].code == "<br/>"


def test_tu_level_srclang_overrides_the_header(data_dir):
    t3 = list(iter_units(data_dir / "tm" / "tmx14_inline.tmx"))[2]
    assert (t3.source_lang, t3.source.text, t3.target.text) == ("en", "five-year plan", "пятилетка")


def test_srclang_all_takes_the_callers_pair(data_dir):
    path = data_dir / "tm" / "all_srclang.tmx"
    assert [(u.source.text, u.target.text) for u in iter_units(path)] == [
        ("collectivization", "коллективизация")
    ]
    u = next(iter_units(path, source_lang="ru", target_lang="de"))
    assert (u.source_lang, u.source.text, u.target_lang, u.target.text) == (
        "ru",
        "коллективизация",
        "de",
        "Kollektivierung",
    )


@pytest.mark.parametrize(
    "name, line, words",
    [
        ("no_srclang.tmx", 3, "no srclang"),
        ("truncated.tmx", 7, "invalid XML"),
        ("xxe.tmx", 3, "declares entities"),
        ("billion_laughs.tmx", 3, "declares entities"),
        ("wrong_encoding.tmx", 5, "encoding"),
        ("syntax_error.po", 9, "PO syntax error"),
        ("wrong_charset.po", 1, "not valid UTF-8"),  # the header comment is already Cyrillic
    ],
)
def test_bad_input_is_one_line_naming_file_and_line(data_dir, name, line, words):
    path = data_dir / "tm" / name
    with pytest.raises(ParseError) as err:
        list(iter_units(path))
    assert (err.value.path, err.value.line) == (str(path), line)
    assert words in err.value.message
    assert str(err.value).startswith(f"{path}:{line}: ") and "\n" not in str(err.value)


def test_tmx_is_read_as_a_stream(data_dir):
    """The first unit arrives before the parser reaches the truncation at the end of the file."""
    units = iter_units(data_dir / "tm" / "truncated.tmx")
    assert next(units).source.text == "чистка"
    with pytest.raises(ParseError):
        next(units)


def test_written_tmx_is_valid_against_the_tmx14_dtd(tmp_path, data_dir):
    dtd = etree.DTD(str(DTD_PATH))
    sources = [
        data_dir / "tm" / n for n in ("tmx14_inline.tmx", "koi8r.po", "xliff12_g_x.xlf", "xliff2_pc_ph.xlf")
    ]
    for source in sources:
        tm = read_tm(source)
        out = tmp_path / f"{source.stem}.tmx"
        write_tm(tm, out, source_lang=tm.source_lang, target_lang=tm.target_lang)
        assert dtd.validate(etree.parse(str(out))), (source.name, dtd.error_log.filter_from_errors())


def test_tmx_header_srclang_is_the_tm_source_language(tmp_path):
    out = tmp_path / "en-ru.tmx"
    write_tm(
        [unit("state", "государство", source_lang="en", target_lang="ru")],
        out,
        source_lang="en",
        target_lang="ru",
    )
    header = etree.parse(str(out)).getroot().find("header")
    assert header.get("srclang") == "en"
    assert next(iter_units(out)).source.text == "state"


def test_tags_from_other_formats_are_mapped_to_tmx_elements(tmp_path, data_dir):
    xliff_units = list(iter_units(data_dir / "tm" / "xliff12_g_x.xlf"))
    out = tmp_path / "from-xliff.tmx"
    write_tm(xliff_units, out, source_lang="ru", target_lang="en")
    back = list(iter_units(out))
    assert [t.kind for t in back[0].source.tags] == ["hi", "hi"]  # g → hi
    assert [t.kind for t in back[1].source.tags] == ["ph"]  # x → ph
    assert back[0].source.text == xliff_units[0].source.text


# -- PO --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["koi8r.po", "cp1251.po"])
def test_po_in_a_declared_legacy_charset_reads_cyrillic(data_dir, name):
    first, plural = iter_units(data_dir / "tm" / name)
    assert (first.source_lang, first.target_lang) == ("ru", "en")
    assert first.source.text == "Генеральный секретарь" and first.target.text == "General Secretary"
    assert first.context == "party" and first.fuzzy and first.comments == ["Из стенограммы съезда"]
    assert first.references == ["chapter1.txt:12"] and first.line == 9
    assert plural.source_plural.text == "{n} делегатов"
    assert [s.text for s in plural.target_plurals] == ["{n} delegate", "{n} delegates"]


def test_software_catalogue_reads_as_en_to_ru(tmp_path):
    path = tmp_path / "ru.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n\n'
        '#. Menu item\n#| msgid "Open file"\n#, fuzzy\nmsgid "Open"\nmsgstr "Открыть"\n\n'
        '#~ msgid "Close"\n#~ msgstr "Закрыть"\n',
        encoding="utf-8",
    )
    opened, closed = iter_units(path)
    assert (opened.source_lang, opened.target_lang) == ("en", "ru")
    assert opened.previous_source == "Open file" and opened.fuzzy
    assert closed.obsolete and closed.target.text == "Закрыть"
    assert read_tm(path, source_lang="en", target_lang="ru-RU").target_lang == "ru-RU"


def test_po_keeps_native_codes_of_tags_as_text(tmp_path):
    out = tmp_path / "tagged.po"
    write_tm([unit("x", target="")], out, source_lang="ru", target_lang="en")
    write_tm([type(unit("x"))(TMX_TAGGED, TMX_TAGGED)], out, source_lang="ru", target_lang="en")
    assert next(iter_units(out)).source.text == "Доклад <b>Ежова</b> на пленуме<br/>1937."


# -- XLIFF -----------------------------------------------------------------------------------------


def test_xliff12_units_tags_notes_and_states(data_dir):
    u1, u2, u3, u4 = iter_units(data_dir / "tm" / "xliff12_g_x.xlf")
    assert (u1.id, u1.context, u1.source_lang, u1.target_lang) == ("1", "title", "ru", "en")
    assert [(t.kind, t.pos, t.id) for t in u1.source.tags] == [("g", "open", "1"), ("g", "close", "1")]
    assert u1.notes == ["Title as in the 1961 translation."]
    assert u2.comments == ["Line break must stay."] and not u2.target
    assert [t.kind for t in u2.source.tags] == ["x"]
    assert u3.flags == ["approved"] and not u3.fuzzy
    assert u4.fuzzy and u4.target.text == "CC of the VKP(b)"  # alt-trans is not the target


def test_xliff2_pc_ph_take_their_codes_from_original_data(data_dir):
    u1, s1, s2 = iter_units(data_dir / "tm" / "xliff2_pc_ph.xlf")
    assert (u1.id, u1.context, u1.notes) == ("u1", "heading", ["Decree title; keep the date format."])
    pc_open, pc_close, ph = u1.source.tags
    assert (pc_open.kind, pc_open.code, pc_close.code, ph.kind, ph.code) == (
        "pc",
        "<b>",
        "</b>",
        "ph",
        "<br/>",
    )
    assert u1.target.text == "Resolution of the USSR CECof 1 December 1934"
    assert (s1.id, s2.id, s2.fuzzy, bool(s1.target)) == ("u2#s1", "u2#s2", True, False)


def test_xliff12_write_back_fills_targets_and_keeps_the_rest(tmp_path, data_dir):
    original = data_dir / "tm" / "xliff12_g_x.xlf"
    units = list(iter_units(original))
    units[1].target = Segment(["Chapter one.", units[1].source.tags[0], "Exile to Turukhansk"])
    units[3].fuzzy = False
    out = tmp_path / "filled.xlf"
    assert merge_targets(original, units, out) == 4
    root = etree.parse(str(out)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    assert root.find("x:file/x:header/x:note", ns).text.startswith("Fixture for slovnik")
    assert len(root.findall(".//x:alt-trans", ns)) == 1 and root.find(".//x:group", ns).get("id") == "ch1"
    back = list(iter_units(out))
    assert back[1].target == units[1].target and not back[3].fuzzy
    assert root.findall(".//x:target", ns)[1].get("state") == "translated"


def test_xliff_write_with_template_option_merges(tmp_path, data_dir):
    original = data_dir / "tm" / "xliff2_pc_ph.xlf"
    units = list(iter_units(original))
    units[1].target = Segment.of("First sentence.")
    out = tmp_path / "filled.xlf"
    write_tm(units, out, "xliff2", source_lang="ru", target_lang="en", template=original)
    back = list(iter_units(out))
    assert [u.target.text for u in back][:2] == [
        "Resolution of the USSR CECof 1 December 1934",
        "First sentence.",
    ]
    assert back[0].source.tags[0].code == "<b>"  # originalData kept
    assert merge_targets2(original, [], tmp_path / "same.xlf") == 0


def test_xliff2_written_from_scratch_carries_original_data(tmp_path, data_dir):
    units = list(iter_units(data_dir / "tm" / "xliff2_pc_ph.xlf"))
    out = tmp_path / "scratch.xlf"
    write_tm(units, out, "xliff2", source_lang="ru", target_lang="en")
    assert format_for(out).id == "xliff2"
    assert next(iter_units(out)).source == units[0].source


# -- tabular and the registry ----------------------------------------------------------------------


def test_csv_without_source_column_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("ru,en\nчистка,purge\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"bad.csv:1: no 'source' column"):
        list(iter_units(path))


def test_csv_bad_json_cell_names_its_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('source,target,props\nчистка,purge,\nсъезд,congress,"[oops"\n', encoding="utf-8")
    with pytest.raises(ParseError, match=r"bad.csv:3: bad cell"):
        list(iter_units(path))


def test_csv_minimal_columns_and_unknown_columns_become_props(tmp_path):
    path = tmp_path / "min.csv"
    path.write_text("source,target,domain\nчистка,purge,politics\n", encoding="utf-8")
    u = next(iter_units(path, source_lang="ru", target_lang="en"))
    assert (u.source.text, u.target.text, u.props, u.source_lang, u.line) == (
        "чистка",
        "purge",
        [("domain", "politics")],
        "ru",
        2,
    )


def test_tabular_tag_text_form_keeps_literal_brackets(tmp_path):
    seg = Segment(["a ⟦b⟧ ", Tag("ph", "empty", "1", (("x", "1"),), "<br/>"), "c"])
    out = tmp_path / "t.tsv"
    write_tm([type(unit("x"))(seg, seg)], out, source_lang="ru", target_lang="en")
    assert next(iter_units(out)).source == seg
    assert segment_to_text(seg) == 'a ⟦⟧b⟧ ⟦["ph","empty","1",[["x","1"]],"<br/>"]⟧c'


def test_unknown_extension_and_xliff_sniffing(tmp_path, data_dir):
    with pytest.raises(FormatNotSupported):
        format_for(tmp_path / "memory.docx")
    assert format_for(data_dir / "tm" / "xliff12_g_x.xlf").id == "xliff"
    assert format_for(data_dir / "tm" / "xliff2_pc_ph.xlf").id == "xliff2"
    assert format_for(tmp_path / "new.xliff").id == "xliff"


def test_iter_units_is_lazy(data_dir):
    assert len(list(islice(iter_units(data_dir / "tm" / "tmx11_lang.tmx"), 1))) == 1


def test_corpus_check_script_reports_counts_and_one_line_errors(data_dir, capsys):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "check_corpus_formats.py"
    spec = importlib.util.spec_from_file_location("check_corpus_formats", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(data_dir / "tm")]) == 1  # the bad-input fixtures are there on purpose
    out = capsys.readouterr().out.splitlines()
    by_name = {line.split()[1].rstrip(":"): line for line in out}
    assert by_name["tmx11_lang.tmx"].startswith("ok") and "units 3, translated 2" in by_name["tmx11_lang.tmx"]
    assert (
        by_name["xxe.tmx"].startswith("error")
        and "xxe.tmx:3: DOCTYPE declares entities" in by_name["xxe.tmx"]
    )


def test_xliff12_without_namespace_reads_and_writes_back(tmp_path, data_dir):
    plain = tmp_path / "plain.xlf"
    text = (data_dir / "tm" / "xliff12_g_x.xlf").read_text(encoding="utf-8")
    plain.write_text(text.replace(' xmlns="urn:oasis:names:tc:xliff:document:1.2"', ""), encoding="utf-8")
    units = list(iter_units(plain))
    assert [t.kind for t in units[1].source.tags] == ["x"] and units[1].comments == ["Line break must stay."]
    units[1].target = Segment(["Chapter one.", units[1].source.tags[0], "Exile"])
    merge_targets(plain, units, tmp_path / "out.xlf")
    root = etree.parse(str(tmp_path / "out.xlf")).getroot()
    assert root.nsmap == {} and etree.tostring(root.findall(".//target")[1], encoding="unicode").startswith(
        '<target state="translated">Chapter one.<x id="2" ctype="lb"/>Exile</target>'
    )


def test_registry_merge_targets_dispatches_by_xliff_version(tmp_path, data_dir):
    from tm.formats import merge_targets as merge_any

    original = data_dir / "tm" / "xliff2_pc_ph.xlf"
    units = list(iter_units(original))
    units[1].target = Segment.of("First sentence.")
    assert merge_any(original, units, tmp_path / "out.xlf") == 3
    with pytest.raises(FormatNotSupported):
        merge_any(data_dir / "tm" / "koi8r.po", units, tmp_path / "out.po")


def test_tmx_with_sub_it_ut_and_tu_srclang_round_trips_whole(tmp_path, data_dir):
    from tmformats_support import comparable

    units = list(iter_units(data_dir / "tm" / "tmx14_inline.tmx"))
    out = tmp_path / "again.tmx"
    write_tm(units, out, source_lang="ru", target_lang="en")
    assert [comparable(u) for u in iter_units(out)] == [comparable(u) for u in units]


def test_utf16_tmx_as_trados_exports_it(tmp_path, data_dir):
    text = (data_dir / "tm" / "tmx14_inline.tmx").read_text(encoding="utf-8")
    path = tmp_path / "trados.tmx"
    path.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert [u.source.text for u in iter_units(path)] == [
        u.source.text for u in iter_units(data_dir / "tm" / "tmx14_inline.tmx")
    ]


@pytest.mark.parametrize(
    "fmt, words",
    [("tmx", "not a TMX file"), ("xliff", "not an XLIFF 1.2 file"), ("xliff2", "not an XLIFF 2 file")],
)
def test_other_xml_is_not_taken_for_a_tm(tmp_path, fmt, words):
    path = tmp_path / "page.xml"
    path.write_text('<?xml version="1.0"?>\n<html><body><p>чистка</p></body></html>\n', encoding="utf-8")
    with pytest.raises(ParseError, match=words):
        list(iter_units(path, fmt))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt not installed")
def test_written_po_is_accepted_by_msgfmt_even_with_repeated_sources(tmp_path, data_dir):
    units = list(iter_units(data_dir / "tm" / "cp1251.po")) + [
        unit("Генеральный секретарь", "Secretary General", context="party"),  # an alternative
        unit("Генеральный секретарь", "General Secretary"),
        unit("", "nothing to translate"),  # would be a second header: not written
    ]
    out = tmp_path / "alt.po"
    assert write_tm(units, out, source_lang="ru", target_lang="en") == 4
    subprocess.run(["msgfmt", "-o", os.devnull, str(out)], check=True, capture_output=True)
    assert [u.context for u in iter_units(out)] == ["party", None, "party (alternative 2)", None]


def test_po_keeps_long_comments_unwrapped(tmp_path):
    note = "Переводчику: " + "см. протокол заседания Политбюро от 5 марта 1953 года, " * 3
    u = unit("протокол", "minutes", notes=[note.strip()], comments=["Extracted: " + "x" * 120])
    out = tmp_path / "long.po"
    write_tm([u], out, source_lang="ru", target_lang="en")
    back = next(iter_units(out))
    assert (back.notes, back.comments) == (u.notes, u.comments)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt not installed")
def test_written_po_passes_msgfmt_check_without_a_warning(tmp_path, data_dir):
    out = tmp_path / "memory.po"
    write_tm(iter_units(data_dir / "tm" / "tmx14_inline.tmx"), out, source_lang="ru", target_lang="en")
    result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(out)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_xliff_ids_are_unique_and_xliff2_ids_are_nmtokens(tmp_path, fmt):
    """TMX tuids may repeat and hold spaces or slashes; XLIFF ids may not (2.0: xs:NMTOKEN)."""
    units = [
        unit("Один", "One", id="chapter 1"),
        unit("Два", "Two", id="chapter 1"),
        unit("Три", "Three", id="a/b#c"),
        unit("Четыре", "Four"),
    ]
    out = tmp_path / "out.xlf"
    write_tm(units, out, fmt, source_lang="ru", target_lang="en")
    ids = [u.id for u in iter_units(out, fmt)]
    expected = (
        ["chapter 1", "chapter 1-2", "a/b#c", "4"]
        if fmt == "xliff"
        else ["chapter_1", "chapter_1-2", "a_b_c", "u4"]
    )
    assert ids == expected


@pytest.mark.parametrize("fmt", ["tmx", "xliff", "xliff2"])
def test_gettext_language_names_are_written_as_bcp47_tags(tmp_path, fmt):
    """PO headers say `ru_RU` or `sr@latin`; xml:lang and XLIFF's xs:language need `ru-RU`, `sr-Latn`."""
    out = tmp_path / f"out.{'tmx' if fmt == 'tmx' else 'xlf'}"
    u = unit("Partija", "Партия", source_lang="sr@latin", target_lang="ru_RU")
    write_tm([u], out, fmt, source_lang="sr@latin", target_lang="ru_RU")
    back = read_tm(out, fmt)
    assert (back.source_lang, back.target_lang) == ("sr-Latn", "ru-RU")
    assert b"_RU" not in out.read_bytes() and b"@latin" not in out.read_bytes()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("source,target\nКулак,kulak,extra\n", 2, "more fields than the header"),  # not a shifted row
        ("source,target\nКулак,kulak\nЦК,CC,extra\n", 3, "more fields than the header"),
        ('source,target\n"Кулак,kulak\n', 2, "a quoted field is never closed"),
        (
            '\nsource,target\nКулак,kulak\n\n"ЦК,\nCC",x,y\n',
            5,
            "more fields than the header",
        ),  # blanks, 2 lines
    ],
)
def test_malformed_csv_rows_name_their_line(tmp_path, text, line, words):
    path = tmp_path / "tm.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match=words) as err:
        list(iter_units(path))
    assert err.value.line == line


def test_cp1251_csv_names_the_line_and_the_likely_encoding(tmp_path):
    path = tmp_path / "tm.csv"
    path.write_bytes("source,target\r\nКулак,kulak\r\n".encode("cp1251"))
    with pytest.raises(
        ParseError,
        match=r"not UTF-8: .* \(looks like CP1251; convert it to UTF-8 or pass --encoding cp1251\)",
    ) as err:
        list(iter_units(path))
    assert err.value.line == 2


@pytest.mark.parametrize("name", ["empty.tmx", "empty.po", "empty.xlf", "blank.tmx"])
def test_an_empty_file_is_an_error_not_an_empty_memory(tmp_path, name):
    path = tmp_path / name
    path.write_text("\n  \n" if name.startswith("blank") else "", encoding="utf-8")
    with pytest.raises(ParseError, match="empty file"):
        list(iter_units(path))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_value_under_no_header_is_an_error_not_a_made_up_prop(tmp_path, fmt):
    """pandas names such a column `Unnamed: 2`; that is not a prop anyone wrote."""
    path = tmp_path / f"tm.{fmt}"
    if fmt == "csv":
        path.write_text("source,target,\nКулак,kulak,\nЦК,CC,stray\n", encoding="utf-8")
    else:
        from openpyxl import Workbook

        wb = Workbook()
        for row in (["source", "target"], ["Кулак", "kulak"], ["ЦК", "CC", "stray"]):
            wb.active.append(row)
        wb.save(path)
    with pytest.raises(ParseError, match="a value in column 3, which has no header") as err:
        list(iter_units(path))
    assert err.value.line == 3


def test_unterminated_po_string_is_a_syntax_error_with_its_line():
    from glossary.core.errors import ParseError
    from tm.formats import read_tm

    with pytest.raises(ParseError) as info:
        read_tm(Path(__file__).parent / "data" / "tm" / "unterminated.po")
    assert str(info.value).endswith("unterminated.po:5: PO syntax error: unterminated string")
