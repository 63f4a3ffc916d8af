"""The bundled example files (examples/) that the README's Quick start runs on: valid in their formats,
carrying the planted problems they are meant to show, and recognisable with the starter termbase."""

from __future__ import annotations

import re
from pathlib import Path

import ftfy
import polib
import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TMX_DTD = ROOT / "tm" / "formats" / "data" / "tmx14.dtd"
STARTER = ROOT / "glossary" / "data" / "starter.json"

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")


def hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@pytest.fixture(scope="module")
def tmx():
    return etree.parse(str(EXAMPLES / "memory.tmx"), hardened_parser())


@pytest.fixture(scope="module")
def units(tmx) -> dict[str, dict[str, str]]:
    out = {}
    for tu in tmx.iter("tu"):
        segs = {
            tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): "".join(tuv.find("seg").itertext())
            for tuv in tu.iter("tuv")
        }
        out[tu.get("tuid")] = segs
    return out


def test_memory_tmx_is_valid_against_the_tmx14_dtd(tmx):
    dtd = etree.DTD(str(TMX_DTD))
    assert dtd.validate(tmx), dtd.error_log.filter_from_errors()
    header = tmx.find("header")
    assert header.get("srclang") == "ru"
    assert tmx.getroot().get("version") == "1.4"


def test_memory_tmx_has_about_forty_ru_en_units_with_inline_markup_and_context(tmx, units):
    assert 38 <= len(units) <= 45
    assert all(set(segs) == {"ru", "en"} for segs in units.values())
    assert tmx.find(".//bpt") is not None and tmx.find(".//ept") is not None and tmx.find(".//ph") is not None
    assert len(tmx.findall(".//tu/prop[@type='x-context']")) == 2


def test_memory_tmx_plants_the_documented_faults(units):
    assert "nomenclature" in units["t002"]["en"]
    assert "Ezhov" in units["t006"]["en"] and "Yezhov" in units["t005"]["en"]
    assert "12 000" in units["t007"]["ru"] and "1,200" in units["t007"]["en"]
    assert not units["t009"]["en"].endswith(".")
    assert "wrecking" not in units["t011"]["en"]
    assert units["t019"]["ru"] == units["t019"]["en"]
    assert units["t020"]["ru"] == units["t021"]["ru"] and units["t020"]["en"] != units["t021"]["en"]
    assert "Secretary General" in units["t032"]["en"]


def test_memory_tmx_uses_starter_terms_in_oblique_cases(units):
    source = " ".join(segs["ru"] for segs in units.values())
    for form in ("номенклатуры", "Генеральным секретарём", "тройкой", "колхозов", "лишенцев"):
        assert form in source


def test_po_memory_loads_and_separates_a_repeated_msgid_by_msgctxt():
    po = polib.pofile(str(EXAMPLES / "memory_ru_en.po"))
    assert len(po) >= 15
    assert po.metadata["Language"] == "en"
    with_context = [e for e in po if e.msgctxt]
    assert len(with_context) == 2
    assert with_context[0].msgid == with_context[1].msgid
    assert with_context[0].msgstr != with_context[1].msgstr


def test_article_is_a_markdown_article_of_800_to_1200_words():
    text = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert 800 <= len(text.split()) <= 1200


def test_article_hides_one_cyrillic_letter_in_a_latin_word_and_one_mojibake_word():
    text = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    mixed = [w for w in re.findall(r"\w+", text) if CYRILLIC.search(w) and LATIN.search(w)]
    assert mixed == ["pl\u0435num"]
    assert ftfy.fix_text(text) != text
    assert "Khrushch\u00ebv" in ftfy.fix_text(text)


def test_article_carries_the_planted_romanization_variants():
    text = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    for a, b in (
        ("Tukhachevsky", "Tukhachevskii"),
        ("Yezhov", "Ezhov"),
        ("Iagoda", "Yagoda"),
        ("Lavrentii", "Lavrenty"),
        ("Zinov'ev", "Zinoviev"),
        ("oblast'", "oblast "),
    ):
        assert a in text and b in text
    assert "nomenclature" in text
    assert '*lishentsy* ("the disenfranchised")' in text
    assert "*kraikom* [territorial party committee]" in text
    assert "NKVD\n(People's Commissariat for Internal Affairs)" in text


def test_sample_russian_text_mentions_starter_concepts_in_inflected_forms():
    from glossary.recognition.recognize import TermIndex
    from glossary.termbase.formats import read_termbase

    index = TermIndex(read_termbase(STARTER))
    text = (EXAMPLES / "sample_ru.txt").read_text(encoding="utf-8")
    found = {m.concept_id: m.text for m in index.find_ru(text)}
    assert found["lishentsy"] == "лишенцев"
    assert found["obkom"] == "обкомов"
    assert found["kraikom"] == "крайкомов"
    assert found["osoboe-soveshchanie"] == "Особое совещание"
    assert "nomenklatura" in found and "troika" in found and "ezhov-nikolai" in found


def test_example_memories_load_through_the_project_readers():
    from tm.formats import read_tm

    tmx = read_tm(EXAMPLES / "memory.tmx")
    assert (len(tmx.units), tmx.source_lang, tmx.target_lang) == (42, "ru", "en")
    contexts = {u.id: u.context for u in tmx.units if u.context}
    assert contexts == {"t022": "resolution on a petition", "t023": "ruling on an appeal"}
    po = read_tm(EXAMPLES / "memory_ru_en.po")
    assert len(po.units) == 16
    assert sorted(u.context for u in po.units if u.context) == ["archive heading", "running text"]
