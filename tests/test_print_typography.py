"""What print sets as a book does: typography, one English spelling, people under their surnames,
no redundant labels, renderings set apart, a key to the abbreviations."""

from __future__ import annotations

import pytest

from glossary.printing import build_glossary
from glossary.printing.entries import differing_words, surname_first
from glossary.printing.markdown import render as render_markdown
from glossary.printing.typography import NBSP, one_spelling, typeset
from glossary.termbase.model import Concept, ConceptType, Term, Termbase


@pytest.mark.parametrize(
    ("text", "lang", "printed"),
    [
        ("Sokol'nikov", "en", "Sokol\u2019nikov"),
        ("the Writers' Union", "en", "the Writers\u2019 Union"),
        ('ob"edinenie', "en", "ob\u02baedinenie"),  # plain LC's hard sign
        ('the so-called "wreckers"', "en", "the so-called \u201cwreckers\u201d"),
        ("called 'specialists'", "en", "called \u2018specialists\u2019"),
        ('газета "Гудок"', "ru", "газета «Гудок»"),
        ("постановление № 12", "ru", f"постановление №{NBSP}12"),
        ("Б. Н. Пастухов", "ru", f"Б.{NBSP}Н.{NBSP}Пастухов"),
        ("Gosplan ʹ stays", "en", "Gosplan ʹ stays"),
    ],
)
def test_typeset(text, lang, printed):
    assert typeset(text, lang) == printed


def test_initials_only_capital_and_stop():
    # "m. masculine" is an abbreviation, not an initial; a sentence-final word is not one either
    assert typeset("m. masculine") == "m. masculine"
    assert typeset("in Tula. Then") == "in Tula. Then"


@pytest.mark.parametrize(
    ("variety", "dropped"),
    [
        (None, {"metal worker's colour"}),
        ("uk", {"metal worker's color"}),
        ("us", {"metal worker's colour"}),
    ],
)
def test_one_english_spelling(variety, dropped):
    assert one_spelling(["metal worker's color", "metal worker's colour", "smith"], variety) == dropped


def test_spelling_pairs_need_the_same_words():
    assert one_spelling(["harbour board", "port board"], "us") == set()
    assert one_spelling(["anti-party group", "antiparty group"], None) == {"antiparty group"}
    assert one_spelling(["centre", "center"], "uk") == {"center"}


def test_second_scheme_shows_only_the_words_that_differ():
    assert differing_words("Pestov Savelii Ilich", "Pestov Saveliy Ilich") == "Saveliy"
    assert differing_words("Iur'ev Iurii Il'ich", "Yur'yev Iurii Il'ich") == "Yur'yev"
    assert differing_words("a b c", "x b z") == "x … z"
    assert differing_words("one two", "one two three") == "one two three"


def test_surname_first():
    assert surname_first("Savely Pestov") == "Pestov, Savely"
    assert surname_first("Ivan the Terrible") == "Ivan the Terrible"
    assert surname_first("Pestov") == "Pestov"


def _person_termbase() -> Termbase:
    return Termbase(
        [
            Concept(
                "pestov",
                type=ConceptType.PERSON,
                subject=["industry"],
                terms=[
                    Term("Пестов Савелий Ильич", "ru", status="preferred", gender="masculine"),
                    Term("Пестов", "ru", status="admitted", gender="masculine"),
                    Term("Savely Pestov", "en", status="preferred"),
                    Term("Savelii Pestov", "en", status="admitted"),
                    Term("Pestov", "en", status="admitted"),
                ],
                definition="Director of a tractor works, no. 3.",
            ),
            Concept(
                "traktor",
                subject=["industry"],
                terms=[
                    Term("трактор", "ru", status="preferred", gender="masculine"),
                    Term("tractor", "en", status="preferred"),
                    Term("traktor", "en", status="admitted"),
                ],
            ),
            Concept(
                "depo",
                terms=[
                    Term("депо", "ru", status="preferred", gender="neuter"),
                    Term("depot", "en", status="preferred"),
                    Term("engine harbour", "en", status="admitted"),
                    Term("engine harbor", "en", status="admitted"),
                ],
            ),
        ]
    )


def test_person_entry_has_no_gender_label_and_no_repeated_surname():
    g = build_glossary(_person_termbase(), schemes=("lc",))
    pestov = next(e for e in g.entries if e.concept_id == "pestov")
    assert pestov.headword.grammar == ""
    assert pestov.variants == ()  # Пестов alone repeats the headword's first word
    # "Pestov" is the romanization printed beside the headword already
    assert [r.text for r in pestov.renderings] == ["Savely Pestov", "Savelii Pestov"]
    traktor = next(e for e in g.entries if e.concept_id == "traktor")
    assert traktor.headword.grammar == "m."  # terms keep theirs


def test_preferred_rendering_stays_even_when_it_is_the_romanization():
    tb = Termbase(
        [
            Concept(
                "kolkhoz",
                terms=[
                    Term("колхоз", "ru", status="preferred"),
                    Term("kolkhoz", "en", status="preferred"),
                    Term("collective farm", "en", status="admitted"),
                ],
            )
        ]
    )
    entry = build_glossary(tb, schemes=("lc",)).entries[0]
    assert [r.text for r in entry.renderings] == ["kolkhoz", "collective farm"]


@pytest.mark.parametrize(("spelling", "kept"), [(None, "engine harbour"), ("us", "engine harbor")])
def test_spelling_option(spelling, kept):
    g = build_glossary(_person_termbase(), schemes=("lc",), spelling=spelling)
    depo = next(e for e in g.entries if e.concept_id == "depo")
    assert [r.text for r in depo.renderings] == ["depot", kept]


def test_unknown_spelling_is_refused():
    with pytest.raises(ValueError, match="unknown spelling"):
        build_glossary(_person_termbase(), spelling="au")


def test_english_first_files_people_under_surnames():
    g = build_glossary(_person_termbase(), direction="en-ru", schemes=("lc",))
    heads = [e.headword.text for e in g.entries]
    assert "Pestov, Savely" in heads
    assert [grp.letter for grp in g.groups] == ["D", "P", "T"]  # depot, Pestov, tractor
    assert "**Pestov, Savely**, **Pestov, Savelii**" in render_markdown(g)


def test_key_lists_the_labels_used():
    g = build_glossary(_person_termbase(), schemes=("lc",))
    assert g.key == "m. masculine · nt. neuter · subject labels in small capitals."


def test_renderings_are_set_apart_from_the_gloss_in_markdown():
    text = render_markdown(build_glossary(_person_termbase(), schemes=("lc",)))
    assert "**Savely Pestov**; **Savelii Pestov**. Director of a tractor works, no. 3." in text
