"""Per-unit text checks: number-mismatch, untranslated, tag-mismatch, punctuation."""

import pytest
from check_support import Tag, tu

from tm.checks import select_checks
from tm.checks.runner import run_checks
from tm.checks.text import final_mark, numbers


def _ids(units, check):
    return [f.tuid for f in run_checks(units, None, checks=select_checks([check])).findings]


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("12 000 человек", "12,000 people"),
        ("12\u00a0000 человек", "12,000 people"),
        ("рост на 3,5 процента", "growth of 3.5 percent"),
        ("в 1937 г.", "in 1937"),
        ("1 500 000 рублей", "1,500,000 roubles"),
        ("с 1928 по 1932 г.", "from 1932 back to 1928"),
        ("в 30-е годы", "in the 1930s"),
        ("три пятилетки, 5 лет", "three plans, five years"),
    ],
)
def test_equal_numbers_in_russian_and_english_notation_pass(ru, en):
    assert _ids([tu(ru, en, "1")], "number-mismatch") == []


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("рост на 3,5 процента", "growth of 5.3 percent"),
        ("12 000 человек", "1,200 people"),
        ("в 1937 г.", "in 1938"),
        ("3,5 тонны", "35 tons"),
    ],
)
def test_different_numbers_are_reported(ru, en):
    assert _ids([tu(ru, en, "1")], "number-mismatch") == ["1"]


def test_number_values_are_parsed_locale_aware():
    assert numbers("12 000 и 3,5", "ru") == numbers("12,000 and 3.5", "en")


def test_untranslated_empty_identical_and_cyrillic_left():
    units = [
        tu("Съезд открылся.", "", "empty"),
        tu("Съезд открылся.", "Съезд открылся.", "same"),
        tu("Лишенцы голосовать не могли.", "The лишенцы could not vote.", "cyr"),
        tu("Съезд открылся.", "The congress opened.", "ok"),
        tu("1937", "1937", "digits"),
    ]
    assert _ids(units, "untranslated") == ["empty", "same", "cyr"]


def test_cyrillic_in_a_russian_target_is_expected():
    assert (
        _ids(
            [tu("The troika met.", "Тройка собралась.", "1", source_lang="en", target_lang="ru")],
            "untranslated",
        )
        == []
    )


def test_tag_mismatch_compares_inline_tags():
    ph = Tag("ph", "empty", "1", (("x", "1"),), "<br/>")
    units = [
        tu(["строка", ph, "строка"], ["line", ph, "line"], "same"),
        tu(["строка", ph, "строка"], ["line line"], "lost"),
        tu(["<b>жирный</b> %s"], ["<b>bold</b> %s"], "text-ok"),
        tu(["<b>жирный</b> %s"], ["bold %d"], "text-bad"),
    ]
    assert _ids(units, "tag-mismatch") == ["lost", "text-bad"]


@pytest.mark.parametrize(
    ("ru", "en", "flagged"),
    [
        ("«Правда» писала об этом.", "“Pravda” wrote about it.", False),
        ("Он сказал: «Нет».", "He said: “No.”", False),
        ("Съезд открылся.", "The congress opened", True),
        ("Кто виноват?", "Who is to blame.", True),
        ("И так далее…", "And so on...", False),
        ("Заголовок", "Heading", False),
    ],
)
def test_punctuation_final_mark(ru, en, flagged):
    assert _ids([tu(ru, en, "1")], "punctuation") == (["1"] if flagged else [])


def test_final_mark_ignores_closing_quotes():
    assert final_mark("«Нет.»") == final_mark("“No.”") == "stop"


def test_numbers_inside_recognised_terms_do_not_count():
    from glossary.recognition.recognize import TermIndex
    from glossary.termbase.model import Concept, Term, Termbase

    tb = Termbase([Concept("25k", terms=[Term("двадцатипятитысячник", "ru"), Term("25,000er", "en")])])
    units = [
        tu("Приехали двадцатипятитысячники.", "The 25,000ers arrived.", "term"),
        tu("Приехали 25 человек.", "The 26 people arrived.", "plain"),
    ]
    found = run_checks(units, index=TermIndex(tb), checks=select_checks(["number-mismatch"])).findings
    assert [f.tuid for f in found] == ["plain"]


def test_a_percent_sign_in_prose_is_not_a_placeholder():
    assert _ids([tu("В 14 % случаев.", "In 14% cases.", "1")], "tag-mismatch") == []


def test_abbreviated_year_ranges_equal_full_ones():
    assert _ids([tu("в 2010–2011 годах", "in 2010–11", "1")], "number-mismatch") == []
    assert _ids([tu("в 2010–2012 годах", "in 2010–11", "2")], "number-mismatch") == ["2"]


def test_percentages_and_percentage_ranges_are_not_placeholders():
    assert _ids([tu("от 48 % до 50 %", "48%-50%", "1"), tu("строка %s", "line", "2")], "tag-mismatch") == [
        "2"
    ]
