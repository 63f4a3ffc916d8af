"""The names lexicon and the conventional spellings: engine, shipped data, and R101 groups they make.

One sentence per kind of variant R101 used to miss: -i/-y for -ий, x for кс, -itch/-off/Tch-, a surname
no dictionary knows, and Dmitry taken for English.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.lint.engine import LintSettings, lint_documents
from glossary.lint.romanized import Romanized
from glossary.lint.sources import read_document
from glossary.russian import names
from glossary.termbase.model import Termbase

ROOT = Path(__file__).resolve().parent.parent


def r101_groups(tmp_path, text: str) -> dict[str, set[str]]:
    """Russian form → the spellings R101 reports as one word (an empty termbase: the lexicon alone)."""
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    found = lint_documents([read_document(tmp_path / "a.txt")], LintSettings(select=["R101"]), Termbase())
    groups: dict[str, set[str]] = {}
    for f in found:
        groups.setdefault(f.extra["cyrillic"].lower(), set()).update(f.extra["variants"])
    return groups


# ---------------------------------------------------------------- the engine, on data made here


def tiny_lexicon() -> names.Lexicon:
    return names.Lexicon(
        {
            "latin": {
                "aleksei": "алексей 3 g",
                "yury": "юрий 5 g",
                "yuriy": "юрий 2 g",
                "ivanov": "иванов 9 s",
            },
            "surname_endings": ["ов", "нов"],
        }
    )


def test_conventions_rewrite_to_an_observed_spelling():
    lex = tiny_lexicon()
    assert lex.reading("yury") == names.NameReading("юрий", "g", 5)
    # -i for -ий: both scheme forms are observed; the more often observed one is the reading
    assert lex.reading("yuri") == names.NameReading("юрий", "g", 5, ("ending-i",))
    assert lex.reading("alexei").conventions == ("x-ks",)
    assert lex.reading("ivanoff").cyrillic == "иванов"
    assert lex.reading("petroff") is None  # a rewrite counts only when the lexicon observed the result


def test_convention_places_respect_position_and_neighbour():
    assert "ivanov" in dict(names.rewrites("ivanoff"))
    assert names.rewrites("offer") == ()  # -off only at the end
    assert "ksenia" not in dict(names.rewrites("xenia"))  # x-ks only after a vowel
    assert "chaikovsky" in dict(names.rewrites("tchaikovsky"))
    assert "pavlovich" in dict(names.rewrites("pavlovitch"))


def test_surname_shape_comes_from_the_lexicon_endings():
    lex = tiny_lexicon()
    assert lex.surname_shaped("сидоров")
    assert not lex.surname_shaped("сидорук")


def test_conventions_file_matches_its_schema():
    data = json.loads(names.CONVENTIONS_PATH.read_text(encoding="utf-8"))
    schema = json.loads(
        (names.CONVENTIONS_PATH.parent / "conventions.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(data, schema)
    # every example of a convention is read by it (against the shipped lexicon)
    for conv in data["conventions"]:
        for example in conv["examples"]:
            assert any(conv["name"] in used for _, used in names.rewrites(example.lower())), example


def test_shipped_lexicon_knows_names_and_their_provenance():
    lex = names.lexicon()
    assert lex.reading("dmitry").cyrillic == "дмитрий"
    assert lex.reading("yuri").cyrillic == "юрий"
    assert lex.reading("alexei").cyrillic == "алексей"
    assert "s" in lex.reading("tchaikovsky").kind
    notice = (names.LEXICON_PATH.parent / "README.md").read_text(encoding="utf-8")
    assert "CC0" in notice and "wd_russian_80" in notice
    assert names.LEXICON_PATH.stat().st_size < 3_000_000


def test_build_keeps_russian_names_only(tmp_path):
    spec = importlib.util.spec_from_file_location("build_names", ROOT / "scripts" / "build_names.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text(
        "dmitry\tд м и т р и й\t7\n"  # a Russian given name
        "butusov\tю р и й\t1\n"  # misaligned: the Latin is another word
        "munoz\tм у н ь о с\t4\n"  # a Spanish name in Russian letters
        "alexei\tа л е к с е й\t2\n"  # kept through the x-ks convention
        "tumelyaev\tт у м е л я е в\t1\n",
        encoding="utf-8",
    )  # unknown, but a surname's ending
    spellings, _kinds = build.from_wikidata(tsv)
    assert set(spellings) == {"dmitry", "alexei", "tumelyaev"}


# ---------------------------------------------------------------- R101 on sentences made up here


def test_r101_groups_i_and_y_for_ii(tmp_path):
    groups = r101_groups(tmp_path, "Yuri Orlov signed the letter; a year later Yury Orlov denied it.\n")
    assert groups.get("юрий") == {"Yuri", "Yury"}


def test_r101_groups_x_for_ks(tmp_path):
    groups = r101_groups(tmp_path, "Alexei Rudin chaired the meeting, and Aleksei Rudin closed it.\n")
    assert groups.get("алексей") == {"Alexei", "Aleksei"}


@pytest.mark.parametrize(
    ("text", "cyrillic", "spellings"),
    [
        (
            "The Rachmaninoff recital was long; Rachmaninov played twice.\n",
            "рахманинов",
            {"Rachmaninoff", "Rachmaninov"},
        ),
        (
            "Tchaikovsky wrote it, and Chaikovsky's publisher printed it.\n",
            "чайковский",
            {"Tchaikovsky", "Chaikovsky"},
        ),
        (
            "Ivan Petrovitch left the city; Petrovich returned in spring.\n",
            "петрович",
            {"Petrovitch", "Petrovich"},
        ),
    ],
)
def test_r101_groups_older_french_forms(tmp_path, text, cyrillic, spellings):
    assert r101_groups(tmp_path, text).get(cyrillic) == spellings


def test_r101_groups_a_surname_no_dictionary_knows(tmp_path):
    groups = r101_groups(tmp_path, "General Tumelyaev held the bridge until Tumelyayev was recalled.\n")
    assert groups.get("тумеляев") == {"Tumelyaev", "Tumelyayev"}


def test_dmitry_is_a_russian_name_not_english(tmp_path):
    rom = Romanized(None, "lc")
    assert not rom.english_like("Dmitry")
    assert rom.reading("Dmitry").cyrillic == "дмитрий"
    groups = r101_groups(tmp_path, "Dmitry Volkov spoke first; then Dmitri Volkov answered.\n")
    assert groups.get("дмитрий") == {"Dmitry", "Dmitri"}


def test_different_names_are_not_joined(tmp_path):
    # София and Софья share a skeleton but are two names: no group may hold both.
    groups = r101_groups(tmp_path, "Sofiya Orlova and Sofya Petrova met; Sofya left.\n")
    assert not any({"Sofiya", "Sofya"} <= v for v in groups.values())


def test_r101_reads_a_spelling_that_mixes_schemes_as_the_name(tmp_path):
    # Yevgenii (BGN's Ye-, LC's -ii) is no scheme's spelling; a letter table reads it as the plural
    # евгении. The lexicon's skeleton index reads it as the given name, so it joins Yevgeny.
    groups = r101_groups(tmp_path, "Yevgeny Orlov wrote first; Yevgenii Orlov replied.\n")
    assert groups.get("евгений") == {"Yevgeny", "Yevgenii"}


def test_a_marked_word_is_not_read_through_the_skeleton_index():
    # Engels' is an English possessive: its mark must not become the soft sign of a name.
    assert Romanized(None, "lc").reading("Engels'") is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["tch", "i", "y", "x", "off", "eff", "itch", "ia", "sch", "ch", "a", "o", "b", "k", "e"]
        ),
        max_size=6,
    ).map("".join)
)
def test_a_word_the_pieces_search_passes_over_has_no_convention_place(word):
    from glossary.russian.names import _pieces, conventions

    if _pieces().search(word) is None:
        assert not any(c.places(word) for c in conventions())
