"""The JSON format's schema errors, and PO glossaries as Poedit/Weblate and other tools leave them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from glossary.core.errors import ParseError
from glossary.termbase.formats import po as po_glossary
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.formats.jsonfile import SCHEMA_PATH, value_lines
from glossary.termbase.model import Concept, Term, Termbase

DATA = Path(__file__).parent / "data" / "termbase"


def test_schema_is_shipped_in_the_package_and_is_valid():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_error_names_file_line_and_json_path(tmp_path):
    data = json.loads((DATA / "sample.json").read_text(encoding="utf-8"))
    data["concepts"][1]["terms"][2]["status"] = "prefered"
    path = tmp_path / "tb.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    line = next(
        i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if '"prefered"' in text
    )
    assert err.value.line == line
    assert err.value.message.startswith("concepts[1].terms[2].status: 'prefered' is not an allowed value")


def test_unknown_key_and_missing_term_text_are_schema_errors(tmp_path):
    path = tmp_path / "tb.json"
    path.write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": [\n'
        '  {"id": "a", "colour": "red", "terms": [{"lang": "ru"}]}\n]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match=r"tb.json:2: concepts\[0\]: unknown key 'colour'"):
        read_termbase(path)


def test_invalid_json_names_line_and_column(tmp_path):
    path = tmp_path / "tb.json"
    path.write_text('{"format": "slovnik-termbase",\n "version": 1,\n "concepts": [,]}\n', encoding="utf-8")
    with pytest.raises(ParseError, match=r"tb.json:3: invalid JSON") as err:
        read_termbase(path)
    assert err.value.message.endswith("(column 15)")  # what the parser says in between is its own


def test_value_lines_maps_every_path():
    lines = value_lines('{\n "a": [\n  1,\n  {"b": "x"}\n ]\n}')
    assert lines[("a",)] == 2 and lines[("a", 0)] == 3 and lines[("a", 1, "b")] == 4


def test_concept_lines_are_recorded_for_findings():
    tb = read_termbase(DATA / "sample.json")
    assert tb.get("nomenklatura").line == 9


# --- PO -------------------------------------------------------------------------------------------------


def test_po_entry_layout_is_a_glossary_for_translators(tmp_path):
    out = tmp_path / "g.po"
    write_termbase(read_termbase(DATA / "sample.json"), out)
    po = polib.pofile(str(out))
    entry = po.find("номенклатура", msgctxt="nomenklatura")
    assert entry.msgstr == "nomenklatura"
    assert "en deprecated: nomenclature" in entry.comment
    assert "definition: The list of leading posts" in entry.comment
    assert po.metadata["Language"] == "en" and po.metadata["X-Source-Language"] == "ru"


def test_po_msgstr_edited_in_a_po_editor_becomes_the_preferred_rendering(tmp_path):
    out = tmp_path / "g.po"
    write_termbase(read_termbase(DATA / "sample.json"), out)
    po = polib.pofile(str(out))
    po.find("обком", msgctxt="obkom").msgstr = "oblast party committee"
    po.save()
    terms = read_termbase(out).get("obkom").terms_in("en")
    assert [(t.text, t.status.value) for t in terms] == [
        ("oblast party committee", "preferred"),
        ("obkom", "admitted"),
        ("regional party committee", "admitted"),
    ]


def test_foreign_po_glossary_reads_msgid_and_msgstr(tmp_path):
    path = tmp_path / "other.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        '#. A translator note\nmsgid "совнарком"\nmsgstr "Sovnarkom"\n\n'
        '#, fuzzy\nmsgid "нарком"\nmsgstr "people\'s commissar"\n\n'
        'msgid "главк"\nmsgstr ""\n',
        encoding="utf-8",
    )
    tb = read_termbase(path)
    assert [c.id for c in tb] == ["c0001", "c0002", "c0003"]
    first = tb.concepts[0]
    assert [(t.lang, t.text) for t in first.terms] == [("ru", "совнарком"), ("en", "Sovnarkom")]
    assert first.notes == ["A translator note"]
    assert tb.concepts[1].terms[1].status.value == "admitted"  # fuzzy: not confirmed
    assert [t.lang for t in tb.concepts[2].terms] == ["ru"]


def test_po_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\nnonsense here\n', encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    assert err.value.line == 6 and "\n" not in str(err.value)


def test_po_leaves_out_a_concept_without_a_russian_term(tmp_path):
    tb = Termbase(
        concepts=[
            Concept(id="x", terms=[Term(text="only English", lang="en")]),
            Concept(id="y", terms=[Term(text="слово", lang="ru")]),
        ]
    )
    assert po_glossary.left_out(tb) == ["x"]
    write_termbase(tb, tmp_path / "x.po")
    assert [c.id for c in read_termbase(tmp_path / "x.po")] == ["y"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_written_po_passes_msgfmt_check(tmp_path):
    out = tmp_path / "g.po"
    write_termbase(read_termbase(DATA / "sample.json"), out)
    result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(out)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""


# --- schema check engines and line mapping -----------------------------------------------------------


def test_schema_errors_are_the_same_with_and_without_the_fast_engine(tmp_path, monkeypatch):
    """jsonschema-rs only gates `valid?`; an invalid file gets jsonschema's messages either way."""
    from glossary.core import schemacheck
    from glossary.termbase.formats import jsonfile

    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": [\n'
        '  {"id": "a", "terms": [{"lang": "ru", "text": "а", "status": "best"}]}]}',
        encoding="utf-8",
    )
    good = jsonfile.SCHEMA_PATH.parent / "starter.json"
    results = []
    for fast in (schemacheck._fast_is_valid(jsonfile.SCHEMA_PATH), None):
        monkeypatch.setattr(schemacheck, "_fast_is_valid", lambda _path, fast=fast: fast)
        text, data = jsonfile.load_json(bad)
        errors = [str(e) for e in jsonfile.schema_errors(bad, text, data)]
        text, data = jsonfile.load_json(good)
        results.append((errors, jsonfile.schema_errors(good, text, data)))
    assert results[0] == results[1]
    assert results[0][0] == [
        f"{bad}:2: concepts[0].terms[0].status: 'best' is not an allowed value "
        "(expected one of: preferred, admitted, deprecated, superseded)"
    ]
    assert results[0][1] == []


def test_value_lines_with_a_depth_maps_the_same_lines_as_the_full_walk():
    from glossary.termbase import STARTER_PATH
    from glossary.termbase.formats.jsonfile import value_lines

    text = STARTER_PATH.read_text(encoding="utf-8")
    full = value_lines(text)
    assert value_lines(text, depth=2) == {k: v for k, v in full.items() if len(k) <= 2}
    assert full[("concepts", 0, "terms", 0)] > full[("concepts", 0)]


def test_po_in_cp1251_declaring_utf8_names_the_line_and_the_likely_encoding(tmp_path):
    path = tmp_path / "kulak.po"
    path.write_bytes(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "kulak"\nmsgid "кулак"\nmsgstr "kulak"\n'.encode("cp1251")
    )
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    assert (
        str(err.value) == f"{path}:6: bytes are not valid UTF-8 (looks like CP1251; pass --encoding cp1251)"
    )
    assert read_termbase(path, encoding="cp1251").get("kulak").ru.text == "кулак"


def test_po_with_a_vertical_tab_in_a_string_reads_with_an_explicit_encoding(tmp_path):
    from glossary.termbase.formats import read_termbase

    po = tmp_path / "vt.po"
    po.write_bytes(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "тройка"\nmsgstr ""\n"troika\\n"\n"\x0bboard"\n'.encode()
    )
    for encoding in (None, "utf-8"):
        tb = read_termbase(po, encoding=encoding) if encoding else read_termbase(po)
        assert [t.text for t in tb.concepts[0].terms_in("ru")] == ["тройка"]
