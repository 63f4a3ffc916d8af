"""Concordance: word, phrase and Russian-lemma search over the store, with highlighting."""

from __future__ import annotations

import pytest

from tm.model import Segment, TranslationUnit
from tm.store import Store, StoreError


def tu(source: str, target: str, source_lang: str = "ru", target_lang: str = "en") -> TranslationUnit:
    return TranslationUnit(
        Segment.of(source), Segment.of(target), source_lang=source_lang, target_lang=target_lang
    )


UNITS = [
    tu("Номенклатура обкома собралась на заседание.", "The obkom nomenklatura met."),
    tu(
        "Список номенклатуры утверждал секретариат.", "The nomenklatura list was approved by the Secretariat."
    ),
    tu("Он руководил номенклатурой двадцать лет.", "He ran the nomenklatura for twenty years."),
    tu("Пленум Центрального комитета открылся.", "The Central Committee plenum opened."),
    tu("Комитет центрального района закрылся.", "The committee of the central district closed."),
    tu("Стали выплавили больше плана.", "More steel was smelted than planned."),
    # an en→ru software catalogue: the Russian side is the target
    tu("Open the nomenklatura list", "Открыть список номенклатуры", "en", "ru"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("search") / "tm.db", create=True) as s:
        s.import_units(UNITS)
        yield s


def sources(hits) -> set[str]:
    return {h.unit.source_text for h in hits}


def test_lemma_search_finds_every_case_form(store):
    hits = store.search("номенклатура", lemma=True)
    assert sources(hits) == {UNITS[i].source_text for i in (0, 1, 2, 6)}


def test_lemma_search_from_an_inflected_query(store):
    assert sources(store.search("номенклатурой", lemma=True)) == sources(
        store.search("номенклатура", lemma=True)
    )


def test_word_search_without_lemma_matches_the_form_only(store):
    assert sources(store.search("номенклатуры")) == {UNITS[1].source_text, UNITS[6].source_text}


def test_lemma_highlight_marks_the_inflected_word_on_the_russian_side(store):
    (hit,) = [h for h in store.search("номенклатура", lemma=True) if h.id == 3]
    text = hit.unit.source_text
    assert [text[a:b] for a, b in hit.source_spans] == ["номенклатурой"]
    (en_ru,) = [h for h in store.search("номенклатура", lemma=True) if h.unit.source_lang == "en"]
    assert [en_ru.unit.target_text[a:b] for a, b in en_ru.target_spans] == ["номенклатуры"]
    assert en_ru.source_spans == []


def test_lemma_search_limited_to_one_side(store):
    assert sources(store.search("номенклатура", lemma=True, side="target")) == {UNITS[6].source_text}
    assert UNITS[6].source_text not in sources(store.search("номенклатура", lemma=True, side="source"))


def test_word_highlight_spans_come_from_fts(store):
    (hit,) = store.search("секретариат")
    assert [hit.unit.source_text[a:b] for a, b in hit.source_spans] == ["секретариат"]
    (hit,) = store.search("Secretariat", side="target")
    assert [hit.unit.target_text[a:b] for a, b in hit.target_spans] == ["Secretariat"]


def test_all_words_must_occur_but_a_phrase_needs_them_together(store):
    assert sources(store.search("центрального комитета")) == {UNITS[3].source_text}
    assert sources(store.search("центрального комитет", lemma=True)) == {
        UNITS[3].source_text,
        UNITS[4].source_text,
    }
    phrase = store.search('"центральный комитет"', lemma=True)
    assert sources(phrase) == {UNITS[3].source_text}
    (hit,) = store.search('"Центрального комитета"')
    assert [hit.unit.source_text[a:b] for a, b in hit.source_spans] == ["Центрального комитета"]


def test_side_restricts_word_search(store):
    assert store.search("nomenklatura", side="source") != []
    assert {h.unit.source_lang for h in store.search("nomenklatura", side="source")} == {"en"}
    assert len(store.search("nomenklatura", side="target")) == 3


def test_an_ambiguous_form_searches_every_lemma(store):
    # «стали» is both сталь (steel, genitive) and стать (to become, past plural)
    assert sources(store.search("сталь", lemma=True)) == {UNITS[5].source_text}
    assert sources(store.search("стали", lemma=True)) == {UNITS[5].source_text}


def test_fts_syntax_in_user_input_is_searched_as_text(store):
    assert store.search('AND OR NOT "( * комитет') == []
    assert store.search("NEAR(план)") == []


def test_a_query_without_words_is_an_error(store):
    with pytest.raises(StoreError, match="nothing to search"):
        store.search("  !! ")


def test_limit_caps_the_hits(store):
    assert len(store.search("номенклатура", lemma=True, limit=2)) == 2
