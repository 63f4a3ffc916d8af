"""Written XLIFF 2.0 against the official OASIS core schema (tests/data/tm/schemas, provenance there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from tmformats_support import TMX_TAGGED, XLIFF2_TAGGED, unit

from tm.formats import iter_units, merge_targets, write_tm

SCHEMAS = Path(__file__).parent / "data" / "tm" / "schemas"


@pytest.fixture(scope="module")
def xliff2_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd")))


def assert_valid(schema: etree.XMLSchema, path: Path) -> None:
    doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    assert schema.validate(doc), [f"{e.line}: {e.message}" for e in schema.error_log]


def hostile_units():
    """Ids XLIFF 2 cannot take as they are (spaces, slashes, repeats, a multi-segment `u#2`), gettext
    language names, tags from TMX's vocabulary, notes, comments, fuzzy and approved units."""
    return [
        unit(
            "Доклад Ежова",
            "Yezhov's report",
            id="chapter 1",
            notes=["check the date"],
            comments=["from the stenogram"],
            context="plenum",
            source_lang="ru_RU",
            target_lang="en_GB",
        ),
        unit("Второй", "Second", id="chapter 1", fuzzy=True, source_lang="ru_RU", target_lang="en_GB"),
        unit("Третий", "", id="a/b#c", source_lang="ru_RU", target_lang="en_GB"),
        unit("Четвёртый", "Fourth", id="u1#2", flags=["approved"], source_lang="ru_RU", target_lang="en_GB"),
        unit("", "", source_lang="ru_RU", target_lang="en_GB"),
        unit(TMX_TAGGED.text, "", source_lang="ru_RU", target_lang="en_GB"),
    ]


def test_xliff2_written_from_hostile_units_is_schema_valid(xliff2_schema, tmp_path):
    out = tmp_path / "out.xlf"
    units = hostile_units()
    units[-1].source = TMX_TAGGED  # bpt/ept/ph/hi become sc/ec/ph/pc with originalData
    units[-1].target = XLIFF2_TAGGED
    write_tm(units, out, "xliff2", source_lang="ru_RU", target_lang="en_GB")
    assert_valid(xliff2_schema, out)
    assert [u.id for u in iter_units(out, "xliff2")] == [
        "chapter_1",
        "chapter_1-2",
        "a_b_c",
        "u1_2",
        "u5",
        "u6",
    ]


def test_xliff2_converted_from_every_fixture_is_schema_valid(xliff2_schema, tmp_path, data_dir):
    for name in (
        "tmx14_inline.tmx",
        "tmx11_lang.tmx",
        "all_srclang.tmx",
        "cp1251.po",
        "xliff12_g_x.xlf",
        "xliff2_pc_ph.xlf",
    ):
        out = tmp_path / f"{name}.xlf"
        write_tm(
            iter_units(data_dir / "tm" / name, source_lang="ru" if "all" in name else None),
            out,
            "xliff2",
            source_lang="ru",
            target_lang="en",
        )
        assert_valid(xliff2_schema, out)


def test_xliff2_targets_filled_into_an_original_stay_schema_valid(xliff2_schema, tmp_path, data_dir):
    original = data_dir / "tm" / "xliff2_pc_ph.xlf"
    assert_valid(xliff2_schema, original)
    units = list(iter_units(original))
    for u in units:
        u.target, u.fuzzy = u.source, True
    out = tmp_path / "filled.xlf"
    assert merge_targets(original, units, out) == len(units)
    assert_valid(xliff2_schema, out)


def test_the_schema_rejects_what_the_writer_must_avoid(xliff2_schema, tmp_path):
    """The check can fail: a unit id with a space and a gettext language name are invalid."""
    bad = tmp_path / "bad.xlf"
    bad.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru_RU">'
        '<file id="f1"><unit id="chapter 1"><segment><source>Один</source></segment></unit>'
        "</file></xliff>",
        encoding="utf-8",
    )
    assert not xliff2_schema.validate(etree.parse(str(bad)))
    messages = " ".join(e.message for e in xliff2_schema.error_log)
    assert "srcLang" in messages and "chapter 1" in messages
