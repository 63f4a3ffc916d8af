"""term-missing and term-forbidden: lemma-aware on the Russian side, inflection-aware on the English side."""

import pytest
from check_support import termbase, tu

from glossary.recognition.recognize import TermIndex
from tm.checks import select_checks
from tm.checks.base import CheckOptions
from tm.checks.runner import run_checks


@pytest.fixture(scope="module")
def index():
    return TermIndex(termbase())


def _run(units, index, ids=("term-missing", "term-forbidden"), **options):
    result = run_checks(units, index=index, checks=select_checks(list(ids)), options=CheckOptions(**options))
    return [(f.check, f.tuid, f.concept) for f in result.findings], result


def test_oblique_multiword_term_rendered_by_its_approved_term_is_clean(index):
    found, _ = _run(
        [tu("Его избрали Генеральным секретарём.", "He was elected General Secretary.", "1")], index
    )
    assert found == []


def test_admitted_rendering_is_fine(index):
    found, _ = _run([tu("Доклад Генерального секретаря.", "The Secretary General's report.", "1")], index)
    assert found == []


def test_missing_term_in_an_oblique_case_is_reported_with_expected_renderings(index):
    found, result = _run(
        [tu("Решения тройки не обжаловались.", "The commission's decisions stood.", "7")], index
    )
    assert found == [("term-missing", "7", "troika")]
    f = result.findings[0]
    assert f.expected == ["troika"] and f.severity == "warning"
    assert f.source[slice(*f.source_spans[0])] == "тройки"


def test_missing_severity_is_configurable(index):
    _, result = _run([tu("Решения тройки.", "The decisions.", "1")], index, missing_severity="error")
    assert result.findings[0].severity == "error"


def test_deprecated_rendering_is_an_error_with_the_approved_term_expected(index):
    found, result = _run([tu("Номенклатуру расширили.", "The nomenclature was widened.", "3")], index)
    assert found == [("term-forbidden", "3", "nomenklatura")]
    f = result.findings[0]
    assert f.severity == "error" and f.expected == ["nomenklatura"] and f.found == "nomenclature"
    assert f.target[slice(*f.target_spans[0])] == "nomenclature"


def test_superseded_multiword_rendering_is_forbidden(index):
    found, _ = _run([tu("Лишенцев лишили пайков.", "The disenfranchised lost their rations.", "1")], index)
    assert found == [("term-forbidden", "1", "lishentsy")]


def test_romanized_inflection_counts_as_the_rendering(index):
    found, _ = _run([tu("В колхозах и тройках.", "In the kolkhozy and the troiki.", "1")], index)
    assert found == []


def test_english_plural_counts_as_the_rendering(index):
    found, _ = _run([tu("Колхозы и тройки.", "Kolkhozes and troikas.", "1")], index)
    assert found == []


def test_a_term_inside_another_word_is_not_a_source_term(index):
    found, _ = _run(
        [tu("Перестройка и надстройка; ежовщина.", "Perestroika and superstructure; the Terror.", "1")], index
    )
    assert found == []


def test_a_forbidden_word_is_only_an_error_when_the_concept_is_in_the_source(index):
    found, _ = _run(
        [tu("Список должностей утвердили.", "The nomenclature of posts was approved.", "1")], index
    )
    assert found == []


def test_case_sensitive_term_ignores_the_common_word(index):
    found, _ = _run([tu("По правде говоря, это так.", "To tell the truth, it is so.", "1")], index)
    assert found == []
    found, _ = _run([tu("Об этом писала «Правда».", "The newspaper wrote about it.", "2")], index)
    assert found == [("term-missing", "2", "pravda")]


def test_untranslated_targets_are_left_to_the_untranslated_check(index):
    found, _ = _run([tu("Решения тройки.", "", "1"), tu("Решения тройки.", "Решения тройки.", "2")], index)
    assert found == []


def test_english_to_russian_memory_swaps_the_roles(index):
    units = [
        tu("The troika met.", "Тройка собралась.", "1", source_lang="en", target_lang="ru"),
        tu("The troika met.", "Комиссия собралась.", "2", source_lang="en", target_lang="ru"),
    ]
    found, result = _run(units, index)
    assert found == [("term-missing", "2", "troika")]
    assert result.findings[0].expected == ["тройка"]


def test_without_a_termbase_term_checks_do_not_run():
    result = run_checks(
        [tu("Решения тройки.", "The decisions.", "1")], None, checks=select_checks(["term-missing"])
    )
    assert result.findings == [] and result.checks == []
