"""The ordered entry list behind every printed output: collation, letters, selection, --for."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.core.errors import FormatNotSupported, ParseError, SchemeNotFound
from glossary.printing import build_glossary, parse_selection
from glossary.printing.collation import collator
from glossary.printing.entries import collation_key, index_form, letter_of
from glossary.printing.sources import concepts_used_in, iter_texts
from glossary.termbase.formats import read_termbase
from glossary.termbase.model import Concept, Term, Termbase

DATA = Path(__file__).parent / "data" / "print"


@pytest.fixture(scope="module")
def termbase() -> Termbase:
    return read_termbase(DATA / "termbase.json")


def ru_termbase(*words: str) -> Termbase:
    return Termbase(
        [Concept(f"c{i}", terms=[Term(w, "ru"), Term(f"en {i}", "en")]) for i, w in enumerate(words)]
    )


def headwords(glossary) -> list[str]:
    return [e.headword.text for e in glossary.entries]


def test_yo_sorts_with_ye_not_after_ya():
    words = ["ячейка", "ёлка", "ель", "еда", "ёж", "Ежов", "жена"]
    assert sorted(words, key=collation_key) == ["еда", "ёж", "Ежов", "ёлка", "ель", "жена", "ячейка"]


def test_sorting_ignores_letter_case():
    words = ["ГУЛАГ", "генсек", "Газета", "гвардия"]
    assert sorted(words, key=collation_key) == ["Газета", "гвардия", "генсек", "ГУЛАГ"]


def test_short_i_is_a_letter_after_i():
    assert sorted(["йод", "ия", "июнь", "Иосиф"], key=collation_key) == ["Иосиф", "июнь", "ия", "йод"]


def test_punctuation_and_spaces_are_ignored_at_first_level():
    # «Правда» files under П, letter by letter: "перестройка" < "Политбюро" < "«Правда»" < "правило"
    words = ["правило", "«Правда»", "Политбюро", "перестройка"]
    assert sorted(words, key=collation_key) == ["перестройка", "Политбюро", "«Правда»", "правило"]


def test_letter_headings_put_yo_under_ye_and_keep_short_i():
    assert letter_of("ёлка") == "Е"
    assert letter_of("йод") == "Й"
    assert letter_of("«Правда»") == "П"
    assert letter_of("Žukov") == "Z"
    assert letter_of("1937") == "0–9"


def test_congresses_numbered_in_roman_file_under_their_noun_in_numeric_order():
    glossary = build_glossary(
        ru_termbase(
            "XX съезд", "съезд Советов", "X съезд", "XVII съезд", "ссылка", "сталинизм", "IV конференция"
        ),
        schemes=("lc",),
    )
    assert [(g.letter, [e.headword.text for e in g.entries]) for g in glossary.groups] == [
        ("К", ["IV конференция"]),
        ("С", ["ссылка", "сталинизм", "X съезд", "XVII съезд", "XX съезд", "съезд Советов"]),
    ]
    # By romanization too: XVII sʺezd files under S.
    assert {g.letter for g in build_glossary(ru_termbase("XVII съезд"), sort="latin").groups} == {"S"}


@pytest.mark.parametrize("text", ["XIV", "IIII съезд", "VV съезд", "CID 5", "Иван", "MIG-15"])
def test_only_a_valid_roman_numeral_before_a_word_moves(text):
    assert index_form(text) == text


def test_lazy_collator_gives_the_full_ducet_keys():
    import pyuca

    full = pyuca.Collator()
    words = [
        "Ёж",
        "ёлка",
        "й",
        "и\u0306",
        "Й",
        "ǅ",
        "Straße",
        "日本",
        "ΑΒΓ",
        "a\u0301b",
        "Øre",
        "İ",
        "«Правда»",
        "sʺezd",
        "Tʹ",
        "съезд 0017",
        "x\u0306\u0301",
    ]
    assert [collation_key(w)[0] for w in words] == [
        full.sort_key("".join(c for c in w if c.isalnum())) for w in words
    ]


# Letters of the scripts a glossary prints, with combining marks (breve, diaeresis, acute, caron,
# dot above) in any order, so that contractions (и + breve = й) and blocked/unblocked non-starters
# both occur, and characters the table gives no weights of their own (CJK, an unassigned code point).
_COLLATION_ALPHABET = st.sampled_from(
    list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЕЁИЙЗУЎіїґєѣѳѵ")
    + list("aeiouzAEIOUZßøıİǅ0123")
    + [
        "\u0306",
        "\u0308",
        "\u0301",
        "\u030c",
        "\u0307",
        "\u0327",
        "\u0323",
        "\u02b9",
        "\u02ba",
        "日",
        "\U000e0080",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_COLLATION_ALPHABET, min_size=1, max_size=8).map("".join))
@example("и\u0327\u0306")  # a breve not blocked by the cedilla before it: и + breve = й
@example("у\u0323\u0306ж")
@example("и\u0306\u0306")
def test_fast_collator_keys_equal_pyuca_keys(word):
    assert collator().sort_key(word) == _pyuca_collator().sort_key(word)


@cache
def _pyuca_collator():
    import pyuca

    return pyuca.Collator()  # the whole DUCET table parsed, once for all examples


def test_build_groups_entries_under_letters_in_russian_order(termbase):
    glossary = build_glossary(termbase)
    letters = [g.letter for g in glossary.groups]
    assert letters == ["А", "Г", "Е", "К", "Л", "Н", "П", "Т", "Х", "Ц", "Ч"]
    group_e = next(g for g in glossary.groups if g.letter == "Е")
    assert [e.headword.text for e in group_e.entries] == [
        "единоначалие",
        "Ежов, Николай Иванович",
        "ежовщина",
        "ёлка",
    ]
    assert headwords(glossary).index("генеральный секретарь") < headwords(glossary).index("ГУЛАГ")


def test_sort_by_english_and_by_romanization(termbase):
    by_en = build_glossary(termbase, sort="en")
    english = [e.renderings[0].text for e in by_en.entries]
    assert english == sorted(english, key=str.casefold)
    by_latin = build_glossary(termbase, sort="latin", schemes=("bgn",))
    latin = [e.headword.romanized[0] for e in by_latin.entries]
    assert latin == sorted(latin, key=collation_key)
    assert by_latin.groups[0].letter == "A"


def test_entry_content_preferred_first_rejected_as_not(termbase):
    glossary = build_glossary(termbase, schemes=("lc", "bgn"))
    apparat = next(e for e in glossary.entries if e.concept_id == "apparat")
    assert [r.text for r in apparat.renderings] == ["apparat", "apparatus"]
    assert [r.text for r in apparat.rejected] == ["machine"]
    assert apparat.headword.grammar == "m."
    assert apparat.headword.romanized == ("apparat", "apparat")
    gensek = next(e for e in glossary.entries if e.concept_id == "gensek")
    assert [v.text for v in gensek.variants] == ["генсек"]
    assert gensek.headword.romanized[1] == "generalʹnyy sekretarʹ"
    lishentsy = next(e for e in glossary.entries if e.concept_id == "lishentsy")
    assert lishentsy.headword.grammar == "n. pl."


def test_romanization_override_on_term_wins():
    tb = Termbase(
        [Concept("x", terms=[Term("Троцкий", "ru", romanization={"lc": "Trotsky"}), Term("Trotsky", "en")])]
    )
    entry = build_glossary(tb, schemes=("lc", "bgn")).entries[0]
    assert entry.headword.romanized == ("Trotsky", "Trotskiy")


def test_cross_references_only_to_printed_entries(termbase):
    everything = build_glossary(termbase)
    nomenklatura = next(e for e in everything.entries if e.concept_id == "nomenklatura")
    assert [r.label for r in nomenklatura.see_also] == ["Центральный комитет", "аппарат"]
    only_terms = build_glossary(termbase, selection=parse_selection(["type:term"]))
    nomenklatura = next(e for e in only_terms.entries if e.concept_id == "nomenklatura")
    assert [r.concept_id for r in nomenklatura.see_also] == ["apparat"]  # tsk is an organization


def test_selection_by_type_tag_and_subject(termbase):
    persons = build_glossary(termbase, selection=parse_selection(["type:person"]))
    assert {e.concept_id for e in persons.entries} == {"ezhov-nikolai", "khrushchev-nikita"}
    core_party = build_glossary(termbase, selection=parse_selection(["tag:core,subject:party"]))
    assert {e.concept_id for e in core_party.entries} == {"nomenklatura", "tsk", "politburo"}
    either = build_glossary(termbase, selection=parse_selection(["type:person,type:event"]))
    assert {e.concept_id for e in either.entries} == {"ezhov-nikolai", "khrushchev-nikita", "ezhovshchina"}


@pytest.mark.parametrize(
    "spec, message",
    [
        ("kind:term", "unknown selector key 'kind'"),
        ("type:persons", "unknown concept type 'persons'"),
        ("type", "bad selector 'type'"),
    ],
)
def test_bad_selector_is_refused(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_selection([spec])


def test_unknown_scheme_fails_before_printing(termbase):
    with pytest.raises(SchemeNotFound):
        build_glossary(termbase, schemes=("lc", "nope"))


def test_en_ru_direction_has_english_headwords_and_romanized_renderings(termbase):
    glossary = build_glossary(termbase, direction="en-ru")
    purge = next(e for e in glossary.entries if e.concept_id == "chistka")
    assert purge.headword.text == "purge"
    assert purge.renderings[0].text == "чистка"
    assert purge.renderings[0].romanized == ("chistka",)
    assert purge.headword.romanized == ()
    assert glossary.groups[0].letter == "A"


def test_for_finds_concepts_in_markdown_text(termbase):
    found = concepts_used_in(termbase, [DATA / "chapter.md"])
    # номенклатура, Политбюро, аппарат by lemma; "kolkhozes" by English inflection
    assert found == {"nomenklatura", "politburo", "apparat", "kolkhoz"}


def test_for_reads_tmx_segments_without_inline_codes(termbase):
    texts = list(iter_texts(DATA / "segments.tmx"))
    assert "Газета «Правда» вышла утром." in texts
    assert not any("<i>" in t for t in texts)
    assert concepts_used_in(termbase, [DATA / "segments.tmx"]) == {"troika", "pravda"}


def test_for_reads_po_and_skips_obsolete_entries(termbase):
    assert concepts_used_in(termbase, [DATA / "messages.po"]) == {"chistka"}


def test_for_refuses_tmx_declaring_entities():
    with pytest.raises(ParseError, match="declares entities"):
        list(iter_texts(DATA / "xxe.tmx"))


def test_for_refuses_unknown_file_kinds(tmp_path):
    path = tmp_path / "book.rtf"
    path.write_text("{\\rtf1}")
    with pytest.raises(FormatNotSupported, match=r"--for reads"):
        list(iter_texts(path))


def test_for_limits_the_glossary(termbase):
    only = concepts_used_in(termbase, [DATA / "chapter.md"])
    glossary = build_glossary(termbase, only=only)
    assert headwords(glossary) == ["аппарат", "колхоз", "номенклатура", "Политбюро"]


RUSSIAN_WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЕЖ", min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(st.lists(RUSSIAN_WORDS, min_size=2, max_size=30))
def test_collation_is_russian_alphabetical_order_with_yo_as_ye(words):
    # а…я are contiguous in Unicode in alphabetical order (й between и and к), so once case and ё
    # are folded, code point order is the Russian order the collation must produce.
    folded = [w.lower().replace("ё", "е") for w in sorted(words, key=collation_key)]
    assert folded == sorted(folded)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщэюяabcdežšz «»-1", min_size=1, max_size=10).filter(
            lambda w: any(c.isalnum() for c in w)
        ),
        min_size=1,
        max_size=25,
        unique=True,
    )
)
def test_each_letter_heading_occurs_once(words):
    tb = Termbase([Concept(f"c{i}", terms=[Term(w, "ru"), Term("x", "en")]) for i, w in enumerate(words)])
    letters = [g.letter for g in build_glossary(tb, schemes=()).groups]
    assert len(letters) == len(set(letters))
