"""Content checks for the bundled starter termbase (glossary/data/starter.json).

The file is loaded with plain json so these checks hold whatever the readers do, and then once through
glossary.termbase.formats.read_termbase to prove the shipped file loads with the real reader.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "glossary" / "data" / "starter.json"

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
YEARS = re.compile(r"^(\d{4})–(\d{4})\b")


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(STARTER.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def concepts(data) -> list[dict]:
    return data["concepts"]


@pytest.fixture(scope="module")
def by_id(concepts) -> dict[str, dict]:
    return {c["id"]: c for c in concepts}


def terms(concept: dict, lang: str, status: str | None = None) -> list[dict]:
    return [
        t for t in concept["terms"] if t["lang"] == lang and (status is None or t.get("status") == status)
    ]


def texts(concept: dict, lang: str, status: str | None = None) -> list[str]:
    return [t["text"] for t in terms(concept, lang, status)]


def test_header_names_the_format_and_languages(data):
    assert data["format"] == "slovnik-termbase"
    assert data["version"] == 1
    assert (data["source_lang"], data["target_lang"]) == ("ru", "en")
    assert "Surname Given-name Patronymic" in data["description"]


def test_has_at_least_230_concepts_and_65_persons(concepts):
    types = Counter(c["type"] for c in concepts)
    assert len(concepts) >= 230
    assert types["person"] >= 65
    for kind in ("term", "organization", "publication", "place", "event"):
        assert types[kind] >= 5, kind


def test_ids_are_unique_lowercase_ascii_slugs(concepts):
    ids = [c["id"] for c in concepts]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    bad = [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)]
    assert bad == []


def test_see_also_targets_exist_and_are_not_self_links(concepts, by_id):
    dangling = [
        (c["id"], x) for c in concepts for x in c.get("see_also", []) if x not in by_id or x == c["id"]
    ]
    assert dangling == []


def test_every_concept_has_exactly_one_preferred_term_per_language(concepts):
    wrong = [
        (c["id"], lang) for c in concepts for lang in ("ru", "en") if len(terms(c, lang, "preferred")) != 1
    ]
    assert wrong == []


def test_every_concept_has_definition_subject_and_russian_part_of_speech(concepts):
    for c in concepts:
        assert c.get("definition") and len(c["definition"]) >= 20, c["id"]
        assert c.get("subject"), c["id"]
        assert terms(c, "ru", "preferred")[0].get("part_of_speech"), c["id"]


def test_no_duplicate_term_within_a_concept(concepts):
    dups = []
    for c in concepts:
        seen = Counter((t["lang"], t["text"]) for t in c["terms"])
        dups += [(c["id"], key) for key, n in seen.items() if n > 1]
    assert dups == []


def test_no_word_mixes_scripts_and_english_terms_have_no_cyrillic(concepts):
    """Roman numerals (XX съезд) are Latin words next to Cyrillic ones, which is normal Russian."""
    bad = []
    for c in concepts:
        for t in c["terms"]:
            words = re.findall(r"\w+", t["text"])
            if any(CYRILLIC.search(w) and LATIN.search(w) for w in words):
                bad.append((c["id"], t["text"]))
            if t["lang"] == "en" and CYRILLIC.search(t["text"]):
                bad.append((c["id"], t["text"]))
            if t["lang"] == "ru" and not CYRILLIC.search(t["text"]):
                bad.append((c["id"], t["text"]))
    assert bad == []


def test_project_validator_reports_nothing():
    from glossary.termbase.validate import check_file

    assert [(f.code, f.text) for f in check_file(STARTER)] == []


def test_glossary_validate_on_the_starter_exits_0(runner):
    from glossary.cli import app

    result = runner.invoke(app, ["validate", str(STARTER)])
    assert result.exit_code == 0, result.output


def test_decree_is_dekret_and_ukaz_is_qualified(by_id):
    """Both were 'decree' (TB102): декрет keeps it, указ is the ukaz or a Presidium decree."""
    assert texts(by_id["dekret"], "en", "preferred") == ["decree"]
    assert texts(by_id["ukaz"], "en", "preferred") == ["ukaz"]
    assert "Presidium decree" in texts(by_id["ukaz"], "en", "admitted")
    assert "decree" not in texts(by_id["ukaz"], "en")


@pytest.mark.parametrize(
    "word",
    [
        "area",
        "region",
        "territory",
        "district",
        "province",
        "county",
        "staff",
        "personnel",
        "cell",
        "limit",
        "decision",
        "board",
        "pull",
        "connections",
        "passport",
        "specialist",
        "publicity",
        "CC",
    ],
)
def test_ordinary_words_are_not_terms_that_match_in_any_case(concepts, word):
    """Ordinary English words make tm check noisy on any text: they are not admitted, or only capitalised
    in names (Moscow Region) with case-sensitive matching."""
    loose = [
        (c["id"], t["text"])
        for c in concepts
        for t in terms(c, "en")
        if t["text"].lower() == word.lower() and t.get("match") != "case"
    ]
    assert loose == []
    assert not [c["id"] for c in concepts for t in terms(c, "en") if t["text"] == word]


def test_acronyms_and_capitalised_english_terms_match_case_sensitively(concepts):
    """СЛОН the camp, not слон the elephant; the Right, not the right time; Short Course, not short courses.
    An office written in lower case too (general secretary) sets `lemma` by hand."""
    loose = []
    for c in concepts:
        for t in c["terms"]:
            words = re.findall(r"[^\W\d_]+", t["text"])
            acronym = any(len(w) > 1 and w.isupper() for w in words)
            name = t["lang"] == "en" and any(w[0].isupper() for w in words)
            if (acronym or name) and t.get("match") is None:  # a mode set by hand is a reviewed choice
                loose.append((c["id"], t["text"]))
    assert loose == []


def test_russian_plural_only_terms_are_marked_plural(by_id):
    for cid in ("lishentsy", "kadry", "spetsposelentsy", "byvshie-liudi"):
        ru = terms(by_id[cid], "ru", "preferred")[0]
        assert ru["number"] == "plural", cid
    assert terms(by_id["lishentsy"], "ru", "preferred")[0]["text"] == "лишенцы"


def test_yo_is_written_where_russian_spelling_has_it(by_id):
    assert "Хрущёв Никита Сергеевич" in texts(by_id["khrushchev-nikita"], "ru")
    assert "Горбачёв" in texts(by_id["gorbachev-mikhail"], "ru")
    assert "Будённый Семён Михайлович" in texts(by_id["budennyi-semen"], "ru")


def test_known_deprecated_renderings_are_recorded(by_id):
    assert texts(by_id["nomenklatura"], "en", "deprecated") == ["nomenclature"]
    assert "Secretary General" in texts(by_id["generalnyi-sekretar"], "en", "deprecated")
    assert "Beriya" in texts(by_id["beriia-lavrentii"], "en", "deprecated")
    assert "Trotski" in texts(by_id["trotskii-lev"], "en", "deprecated")


def test_kolkhoz_prefers_the_loan_and_admits_the_translation(by_id):
    kolkhoz = by_id["kolkhoz"]
    assert texts(kolkhoz, "en", "preferred") == ["kolkhoz"]
    assert "collective farm" in texts(kolkhoz, "en", "admitted")


def test_multi_word_terms_are_present(concepts):
    ru_texts = {t["text"] for c in concepts for t in terms(c, "ru")}
    for phrase in (
        "генеральный секретарь",
        "Особое совещание",
        "пятилетний план",
        "Большой террор",
        "враг народа",
        "показательный процесс",
    ):
        assert phrase in ru_texts


def test_persons_follow_the_naming_convention(concepts):
    persons = [c for c in concepts if c["type"] == "person"]
    for p in persons:
        full = terms(p, "ru", "preferred")[0]
        surname = full["text"].split()[0]
        assert len(full["text"].split()) >= 2, p["id"]
        assert full["part_of_speech"] == "properNoun", p["id"]
        assert surname in texts(p, "ru", "admitted"), p["id"]
        en = texts(p, "en", "preferred")[0]
        assert en.split()[-1] in texts(p, "en", "admitted"), p["id"]
        years = YEARS.match(p["definition"])
        assert years, p["id"]
        born, died = map(int, years.groups())
        assert 1850 < born < died <= 2025, p["id"]
        assert died - born < 100, p["id"]


def test_patronymics_are_given_for_all_but_pen_names(concepts):
    short = [
        c["id"]
        for c in concepts
        if c["type"] == "person" and len(terms(c, "ru", "preferred")[0]["text"].split()) < 3
    ]
    assert short == ["gorkii-maksim"]


@pytest.mark.parametrize(
    "cid, surname, conventional",
    [
        ("trotskii-lev", "Троцкий", "Trotsky"),
        ("beriia-lavrentii", "Берия", "Beria"),
        ("ezhov-nikolai", "Ежов", "Yezhov"),
        ("iagoda-genrikh", "Ягода", "Yagoda"),
        ("vyshinskii-andrei", "Вышинский", "Vyshinsky"),
        ("zinovev-grigorii", "Зиновьев", "Zinoviev"),
        ("eltsin-boris", "Ельцин", "Yeltsin"),
        ("gorkii-maksim", "Горький", "Gorky"),
        ("lunacharskii-anatolii", "Луначарский", "Lunacharsky"),
    ],
)
def test_conventional_english_spellings_sit_on_the_russian_surname(by_id, cid, surname, conventional):
    term = next(t for t in terms(by_id[cid], "ru") if t["text"] == surname)
    assert term["conventional"] == conventional


def test_surnames_without_a_conventional_spelling_carry_none(by_id):
    stalin = next(t for t in terms(by_id["stalin-iosif"], "ru") if t["text"] == "Сталин")
    assert "conventional" not in stalin


def test_periodicals_are_matched_case_sensitively(concepts):
    """Правда the paper, not правда the truth."""
    loose = [
        c["id"]
        for c in concepts
        if c["type"] == "publication"
        and terms(c, "ru", "preferred")[0].get("match") != "case"
        and terms(c, "ru", "preferred")[0]["text"][0].isupper()
        and len(terms(c, "ru", "preferred")[0]["text"].split()) == 1
    ]
    assert loose == []


def test_shipped_file_is_what_the_builder_produces():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_starter.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_file_is_pretty_printed_utf8_one_concept_per_block():
    text = STARTER.read_text(encoding="utf-8")
    assert "\\u04" not in text  # ensure_ascii=False: Cyrillic is written as is
    blocks = re.findall(r'^    \{\n      "id": ', text, flags=re.M)
    assert len(blocks) == len(json.loads(text)["concepts"])


def test_loads_through_the_project_reader(concepts):
    from glossary.termbase.formats import read_termbase

    tb = read_termbase(STARTER)
    assert len(tb) == len(concepts)
    assert tb.term_count == sum(len(c["terms"]) for c in concepts)
    nomenklatura = tb.get("nomenklatura")
    assert nomenklatura.en.text == "nomenklatura"
    assert [t.text for t in nomenklatura.rejected("en")] == ["nomenclature"]
    assert tb.get("lishentsy").ru.number == "plural"
