"""glossary.recognition.recognize: Russian by lemma, English by inflection and romanized inflection."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.recognition.recognize import TermIndex
from glossary.recognition.words import english_bases
from glossary.termbase.model import Concept, Term, Termbase


def _termbase() -> Termbase:
    return Termbase(
        [
            Concept("troika", terms=[Term("тройка", "ru"), Term("troika", "en")]),
            Concept(
                "gensek",
                terms=[
                    Term("Генеральный секретарь", "ru"),
                    Term("General Secretary", "en"),
                    Term("Secretary General", "en", status="admitted"),
                ],
            ),
            Concept("ezhov-nikolai", type="person", terms=[Term("Ежов", "ru"), Term("Yezhov", "en")]),
            Concept(
                "kolkhoz",
                terms=[
                    Term("колхоз", "ru"),
                    Term("kolkhoz", "en"),
                    Term("collective farm", "en", status="admitted"),
                ],
            ),
            Concept(
                "lishentsy",
                terms=[
                    Term("лишенцы", "ru", number="plural"),
                    Term("lishentsy", "en"),
                    Term("the disenfranchised", "en", status="deprecated"),
                ],
            ),
            Concept(
                "nomenklatura",
                terms=[
                    Term("номенклатура", "ru"),
                    Term("nomenklatura", "en"),
                    Term("nomenclature", "en", status="deprecated"),
                ],
            ),
            Concept(
                "pravda",
                type="publication",
                terms=[Term("Правда", "ru", match="case"), Term("Pravda", "en", match="case")],
            ),
            Concept(
                "tass", type="organization", terms=[Term("ТАСС", "ru", match="exact"), Term("TASS", "en")]
            ),
            Concept(
                "five-year-plan",
                terms=[Term(r"пятилетк[аиеуой]+", "ru", match="regex"), Term("Five-Year Plan", "en")],
            ),
        ]
    )


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(_termbase())


def _ru(index, text):
    return [(m.concept_id, m.text) for m in index.find_ru(text)]


def _en(index, text):
    return [(m.concept_id, m.text) for m in index.find_en(text)]


def test_multiword_term_is_found_in_an_oblique_case(index):
    assert _ru(index, "Он стал Генеральным секретарём в 1922 году.") == [("gensek", "Генеральным секретарём")]


def test_russian_term_is_found_in_every_case_and_number(index):
    text = "номенклатуры, номенклатурой, номенклатурам и о номенклатуре"
    assert [t for _, t in _ru(index, text)] == [
        "номенклатуры",
        "номенклатурой",
        "номенклатурам",
        "номенклатуре",
    ]


def test_match_offsets_point_at_the_matched_text(index):
    text = "Тройки НКВД; решение тройки."
    for m in index.find_ru(text):
        assert text[m.start : m.end] == m.text
    assert [m.text for m in index.find_ru(text)] == ["Тройки", "тройки"]


def test_term_is_never_found_inside_another_word(index):
    assert _ru(index, "перестройка, надстройка и ежовщина") == []


def test_surname_term_is_not_the_genitive_plural_of_a_common_noun(index):
    # Ежов as written is the surname; ежей (of hedgehogs) shares the lemma ёж with one parse of ежов
    assert _ru(index, "у ежей иголки") == []
    assert _ru(index, "Ежова арестовали") == [("ezhov-nikolai", "Ежова")]


def test_plural_only_term_matches_its_oblique_forms(index):
    assert _ru(index, "списки лишенцев") == [("lishentsy", "лишенцев")]


def test_case_mode_separates_the_newspaper_from_the_truth(index):
    assert _ru(index, "по правде говоря, в «Правде» писали") == [("pravda", "Правде")]


def test_exact_mode_matches_only_the_written_form(index):
    assert _ru(index, "сообщение ТАСС") == [("tass", "ТАСС")]
    assert _ru(index, "сообщение Тассом") == []


def test_regex_mode_uses_the_pattern_but_never_inside_a_word(index):
    assert _ru(index, "первой пятилетки") == [("five-year-plan", "пятилетки")]
    assert _ru(index, "сверхпятилетки") == []


def test_longest_match_wins_over_a_term_inside_it():
    tb = Termbase(
        [
            Concept("secretary", terms=[Term("секретарь", "ru")]),
            Concept("gensek", terms=[Term("генеральный секретарь", "ru")]),
        ]
    )
    assert _ru(TermIndex(tb), "генерального секретаря и секретаря") == [
        ("gensek", "генерального секретаря"),
        ("secretary", "секретаря"),
    ]


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("troikas", "troika"),
        ("kolkhozes", "kolkhoz"),
        ("Secretary's", "secretary"),
        ("secretaries", "secretary"),
        ("men", "man"),
        ("Purges’", "purge"),
        ("wolves", "wolf"),
    ],
)
def test_english_bases_include_the_uninflected_form(form, base):
    assert base in english_bases(form)


def test_english_term_is_found_in_plural_and_possessive(index):
    assert _en(index, "the General Secretary's troikas") == [
        ("gensek", "General Secretary's"),
        ("troika", "troikas"),
    ]
    assert _en(index, "kolkhozes and collective farms") == [
        ("kolkhoz", "kolkhozes"),
        ("kolkhoz", "collective farms"),
    ]


def test_english_inflection_applies_inside_multiword_terms(index):
    matches = index.find_en("two Secretaries General")
    assert [(m.concept_id, m.term.text) for m in matches] == [("gensek", "Secretary General")]


def test_english_term_is_not_found_inside_another_word(index):
    assert _en(index, "troikaship and Pravdaist nomenclatures") == [("nomenklatura", "nomenclatures")]


def test_romanized_russian_inflections_are_found(index):
    found = _en(index, "the troiki of the kolkhozy; the lishentsev; Yezhova")
    assert found == [
        ("troika", "troiki"),
        ("kolkhoz", "kolkhozy"),
        ("lishentsy", "lishentsev"),
        ("ezhov-nikolai", "Yezhova"),
    ]


def test_romanized_forms_are_found_in_any_scheme(index):
    assert _en(index, "Ezhov, Ežov, Yezhov's, Jezhov") == [
        ("ezhov-nikolai", "Ezhov"),
        ("ezhov-nikolai", "Ežov"),
        ("ezhov-nikolai", "Yezhov's"),
        ("ezhov-nikolai", "Jezhov"),
    ]


def test_romanized_inflection_picks_the_closest_term_of_the_concept(index):
    (m,) = index.find_en("the nomenklatury")
    assert m.term.text == "nomenklatura"


def test_case_mode_in_english(index):
    assert _en(index, "Pravda said the pravda") == [("pravda", "Pravda")]


_WORDS = [
    "Генеральным",
    "секретарём",
    "тройки",
    "перестройка",
    "Ежова",
    "ежей",
    "номенклатуры",
    "и",
    "в",
    "«Правде»",
    "правде",
    "ТАСС",
    "пятилетки",
    "колхозах",
    "1937",
    "№",
    "—",
    ",",
    ".",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from([" ", "  ", "\u00a0", " - "]))
def test_russian_matches_are_ordered_non_overlapping_slices_of_the_text(words, sep):
    index = TermIndex(_termbase())
    text = sep.join(words)
    matches = index.find_ru(text)
    for m in matches:
        assert text[m.start : m.end] == m.text and m.text.strip() == m.text
    spans = sorted({(m.start, m.end) for m in matches})
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert not [m for m in matches if m.concept_id == "troika" and m.text.lower().startswith("перестрой")]


def test_typographic_apostrophes_in_terms_and_text_are_the_same():
    tb = Termbase([Concept("narkom", terms=[Term("нарком", "ru"), Term("People’s Commissar", "en")])])
    index = TermIndex(tb)
    assert _en(index, "the People's Commissars") == [("narkom", "People's Commissars")]
    assert _en(index, "the People’s Commissar’s office") == [("narkom", "People’s Commissar’s")]


def test_a_substantivised_participle_noun_term_is_not_its_short_form():
    zek = Concept("zek", terms=[Term("заключённый", "ru", part_of_speech="noun"), Term("prisoner", "en")])
    index = TermIndex(Termbase([zek]), romanized=False)
    assert _ru(index, "Заключённые строили канал, заключённых кормили плохо.") == [
        ("zek", "Заключённые"),
        ("zek", "заключённых"),
    ]
    assert _ru(index, "Договор заключён, соглашение заключено.") == []  # short forms: never a noun
    # without the part of speech the term stands for every use of the participle, short forms included
    bare = TermIndex(Termbase([Concept("zek", terms=[Term("заключённый", "ru")])]), romanized=False)
    assert _ru(bare, "Договор заключён.") == [("zek", "заключён")]


def test_a_name_starting_with_ya_is_not_an_english_word_without_the_y():
    yakir = Concept("iakir", type="person", terms=[Term("Якир", "ru"), Term("Yakir", "en")])
    index = TermIndex(Termbase([yakir]))
    assert _en(index, "Yakir and Iakir were shot; Jakira is the genitive.") == [
        ("iakir", "Yakir"),
        ("iakir", "Iakir"),
        ("iakir", "Jakira"),
    ]
    assert _en(index, "Akira Kurosawa filmed it.") == []


def test_a_surname_the_dictionary_misreads_is_matched_as_itself():
    # pymorphy3 reads Чаянов as the genitive plural of the first name Чаян, with no nominative parse
    chayanov = Concept("chaianov", type="person", terms=[Term("Чаянов", "ru"), Term("Chayanov", "en")])
    index = TermIndex(Termbase([chayanov]))
    assert _ru(index, "Чаянов писал, Чаянову дали срок, о Чаянове забыли.") == [
        ("chaianov", "Чаянов"),
        ("chaianov", "Чаянову"),
        ("chaianov", "Чаянове"),
    ]
    assert _ru(index, "Чаян пришёл.") == []  # the first name is someone else
    assert _en(index, "Chayanov wrote it; Jackie Chan did not.") == [("chaianov", "Chayanov")]


def test_a_surname_is_not_found_in_a_form_of_the_first_name_it_shares_letters_with():
    # Андреев is also the genitive plural of Андрей, whose prepositional Андрее romanizes as Andree
    andreev = Concept(
        "andreev", type="person", terms=[Term("Андреев Андрей Андреевич", "ru"), Term("Andreyev", "en")]
    )
    index = TermIndex(Termbase([andreev]))
    assert _en(index, "Andre Gide met Andreyev and spoke of Andreyeva.") == [
        ("andreev", "Andreyev"),
        ("andreev", "Andreyeva"),
    ]
