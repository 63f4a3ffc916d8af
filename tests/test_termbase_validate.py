"""validate: one test per check, plus schema findings for JSON and TBX files."""

from __future__ import annotations

import json
from pathlib import Path

from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.model import Concept, Status, Term, Termbase
from glossary.termbase.validate import RULES, check_file, check_termbase, mixed_words

DATA = Path(__file__).parent / "data" / "termbase"


def concept(cid: str, *terms: tuple[str, str, str], **kw) -> Concept:
    return Concept(id=cid, terms=[Term(text=t, lang=lang, status=Status(s)) for lang, t, s in terms], **kw)


def codes(tb: Termbase) -> list[str]:
    return [f.code for f in check_termbase(tb)]


GOOD = concept("kulak", ("ru", "кулак", "preferred"), ("en", "kulak", "preferred"))


def test_a_clean_termbase_has_no_findings():
    assert codes(Termbase(concepts=[GOOD])) == []
    assert check_file(DATA / "sample.json") == []


def test_duplicate_term_in_two_concepts():
    other = concept("fist", ("ru", "Кулак", "preferred"), ("en", "fist", "preferred"))
    findings = check_termbase(Termbase(concepts=[GOOD, other]))
    assert [f.code for f in findings] == ["TB102"]
    assert findings[0].message == "ru term 'кулак' is in 'kulak' and 'fist'"


def test_same_term_twice_in_one_concept_but_case_variants_are_fine():
    twice = concept(
        "k", ("ru", "кулак", "preferred"), ("ru", "кулак", "admitted"), ("en", "kulak", "preferred")
    )
    assert codes(Termbase(concepts=[twice])) == ["TB103"]
    variants = concept(
        "g", ("ru", "ГУЛАГ", "preferred"), ("ru", "ГУЛаг", "admitted"), ("en", "Gulag", "preferred")
    )
    assert codes(Termbase(concepts=[variants])) == []


def test_concept_without_preferred_english():
    admitted_only = concept("k", ("ru", "кулак", "preferred"), ("en", "kulak", "admitted"))
    no_english = concept("b", ("ru", "бедняк", "preferred"))
    findings = check_termbase(Termbase(concepts=[admitted_only, no_english]))
    assert [f.message for f in findings if f.code == "TB201"] == [
        "concept 'k' has no preferred en term",
        "concept 'b' has no en term",
    ]


def test_several_preferred_and_no_source_and_no_terms():
    two = concept(
        "t", ("ru", "тройка", "preferred"), ("en", "troika", "preferred"), ("en", "troyka", "preferred")
    )
    english_only = concept("e", ("en", "purge", "preferred"))
    empty = Concept(id="z")
    assert codes(Termbase(concepts=[two, english_only, empty])) == ["TB202", "TB203", "TB204"]


def test_mixed_script_inside_a_word():
    assert mixed_words("Moнал QR-код") == ["Moнал"]
    mixed = concept("m", ("ru", "Moнал", "preferred"), ("en", "Monal", "preferred"))
    findings = check_termbase(Termbase(concepts=[mixed]))
    assert [f.code for f in findings] == ["TB301"] and findings[0].severity == "error"


def test_script_of_russian_and_english_terms():
    latin_ru = concept("r", ("ru", "OGPU", "preferred"), ("en", "OGPU", "preferred"))
    cyr_en = concept("c", ("ru", "ЧК", "preferred"), ("en", "ЧК", "preferred"))
    assert codes(Termbase(concepts=[latin_ru])) == ["TB302"]
    assert codes(Termbase(concepts=[cyr_en])) == ["TB303"]


def test_see_also_to_unknown_id_and_to_itself():
    c = concept("k", ("ru", "кулак", "preferred"), ("en", "kulak", "preferred"), see_also=["nowhere", "k"])
    assert sorted(codes(Termbase(concepts=[c]))) == ["TB401", "TB402"]


def test_duplicate_concept_id_from_a_json_file(tmp_path):
    data = json.loads((DATA / "sample.json").read_text(encoding="utf-8"))
    data["concepts"].append(dict(data["concepts"][0]))
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    findings = check_file(path)
    dup = [f for f in findings if f.code == "TB101"]
    assert len(dup) == 1 and dup[0].line > 9 and "first at line 9" in dup[0].message


def test_json_schema_violations_are_all_reported_as_findings(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": [\n'
        '{"id": "a", "type": "persona", "terms": []},\n{"id": "b", "terms": [{"lang": "ru"}]}\n]}',
        encoding="utf-8",
    )
    findings = check_file(path)
    assert [(f.code, f.line) for f in findings] == [("TB001", 2), ("TB001", 3)]


def test_tbx_v3_schema_findings_come_from_the_rng(tmp_path):
    path = tmp_path / "x.tbx"
    write_termbase(read_termbase(DATA / "sample.json"), path)
    assert check_file(path) == []
    assert [f.code for f in check_file(DATA / "v3_dca.tbx")][:1] == ["TB001"]  # usageStatus is not TBX-Basic


def test_every_rule_has_a_kebab_name_and_title():
    for code, rule in RULES.items():
        assert code.startswith("TB") and rule.name == rule.name.lower() and rule.title


def test_romanization_override_for_an_unknown_scheme():
    c = concept("k", ("ru", "кулак", "preferred"), ("en", "kulak", "preferred"))
    c.terms[0].romanization = {"lc": "kulak", "klingon": "qulaq"}
    findings = check_termbase(Termbase(concepts=[c]))
    assert [f.code for f in findings] == ["TB304"] and "'klingon'" in findings[0].message
