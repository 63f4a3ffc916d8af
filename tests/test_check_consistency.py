"""Cross-unit checks (pandas group-bys): inconsistent-target/-source, term-inconsistent, translit-variant."""

from check_support import DATA, termbase, tu

from glossary.recognition.recognize import TermIndex
from tm.checks import select_checks
from tm.checks.runner import run_checks
from tm.formats import iter_units


def _run(units, check, tb=None):
    index = TermIndex(tb) if tb is not None else None
    return run_checks(units, index=index, checks=select_checks([check])).findings


def test_same_source_different_target_flags_the_minority():
    units = [
        tu("Заседание закрыто.", "The meeting is closed.", "a"),
        tu("Заседание закрыто.", "The meeting is closed.", "b"),
        tu("Заседание закрыто.", "The session is adjourned.", "c"),
    ]
    (f,) = _run(units, "inconsistent-target")
    assert f.tuid == "c" and f.expected == ["The meeting is closed."]
    assert f.extra["variants"] == [
        {"text": "The meeting is closed.", "count": 2},
        {"text": "The session is adjourned.", "count": 1},
    ]


def test_context_keeps_apart_what_should_be_apart():
    units = [tu("Открыть", "Open", "a", context="menu"), tu("Открыть", "Opened", "b", context="status")]
    assert _run(units, "inconsistent-target") == []


def test_po_msgctxt_separates_and_plain_duplicates_are_flagged():
    found = _run(iter_units(DATA / "contexts.po"), "inconsistent-target")
    assert [(f.tuid, f.target) for f in found] == [("Закрыть", "Shut")]


def test_tmx_context_prop_separates_duplicates():
    found = _run(iter_units(DATA / "memory.tmx"), "inconsistent-target")
    assert [f.tuid for f in found] == ["t17"]


def test_same_target_different_sources():
    units = [
        tu("Вопрос снят.", "Withdrawn.", "a"),
        tu("Предложение отозвано.", "Withdrawn.", "b"),
        tu("Вопрос снят.", "Withdrawn.", "c"),
    ]
    assert [f.tuid for f in _run(units, "inconsistent-source")] == ["b"]


def test_whitespace_differences_are_not_inconsistencies():
    units = [
        tu("Заседание  закрыто.", "The meeting is closed.", "a"),
        tu("Заседание закрыто.", "The meeting  is closed. ", "b"),
    ]
    assert _run(units, "inconsistent-target") == []


def test_term_inconsistent_reports_minority_rendering_with_counts():
    units = [
        tu("Генеральный секретарь выступил.", "The General Secretary spoke.", "a"),
        tu("Слово Генеральному секретарю.", "The floor to the General Secretary.", "b"),
        tu("Генеральный секретарь ушёл.", "The Secretary General left.", "c"),
    ]
    (f,) = _run(units, "term-inconsistent", termbase())
    assert (f.tuid, f.concept, f.expected) == ("c", "gensek", ["General Secretary"])
    assert f.extra["renderings"] == {"General Secretary": 2, "Secretary General": 1}


def test_term_inconsistent_is_quiet_when_one_rendering_is_used_in_any_form():
    units = [
        tu("Колхоз построили.", "The kolkhoz was built.", "a"),
        tu("Колхозы росли.", "The kolkhozes grew.", "b"),
    ]
    assert _run(units, "term-inconsistent", termbase()) == []


def test_translit_variant_with_a_termbase_prefers_its_spelling():
    units = [
        tu("Ежов подписал.", "Ezhov signed.", "a"),
        tu("Ежов ушёл.", "Ezhov left.", "b"),
        tu("Приказ Ежова.", "Yezhov's order.", "c"),
    ]
    found = _run(units, "translit-variant", termbase())
    assert [(f.tuid, f.found, f.expected) for f in found] == [
        ("a", "Ezhov", ["Yezhov"]),
        ("b", "Ezhov", ["Yezhov"]),
    ]


def test_translit_variant_without_a_termbase_uses_the_majority():
    units = [
        tu("Бухарин выступил.", "Bukharin spoke.", "a"),
        tu("Бухарин ушёл.", "Bukharin left.", "b"),
        tu("Бухарина арестовали.", "Boukharine was arrested.", "c"),
        tu("Ежов подписал.", "Yezhov signed.", "d"),
        tu("Ежов ушёл.", "Ezhov left.", "e"),
    ]
    found = _run(units, "translit-variant")
    assert {f.tuid for f in found} >= {"e"}
    assert all(f.concept is None for f in found)


def test_inflected_name_forms_are_not_spelling_variants():
    units = [tu("Ежов подписал.", "Yezhov signed.", "a"), tu("Жена Ежова.", "Yezhova, his wife.", "b")]
    assert _run(units, "translit-variant", termbase()) == []


def test_term_inconsistent_without_a_termbase_flags_the_translated_minority():
    units = [
        tu("Колхоз построили.", "The kolkhoz was built.", "a"),
        tu("Колхозы росли.", "The kolkhozy grew.", "b"),
        tu("В колхозе работали.", "They worked in the kolkhoz.", "c"),
        tu("Колхоза не стало.", "The kolkhoz was gone.", "c2"),
        tu("Колхоз закрыли.", "The collective farm was closed.", "d"),
    ]
    found = _run(units, "term-inconsistent")
    assert [(f.tuid, f.severity, f.extra["lemma"]) for f in found] == [("d", "note", "колхоз")]
    assert f"{found[0].extra['renderings']}" == "{'kolkhoz': 4, '(translated)': 1}"
    # free variation (one in three) is not reported
    assert _run(units[:3] + units[4:], "term-inconsistent") == []


def test_term_inconsistent_without_a_termbase_ignores_names_and_consistent_nouns():
    units = [tu(f"Ежов и колхоз № {i}.", f"Yezhov and kolkhoz No. {i}.", str(i)) for i in range(4)]
    units.append(tu("Он и колхоз № 9.", "He and the kolkhoz No. 9.", "x"))
    assert _run(units, "term-inconsistent") == []


def test_a_word_of_another_terms_rendering_is_not_a_romanization():
    from glossary.termbase.model import Concept, Term, Termbase

    tb = Termbase([Concept("x", terms=[Term("инцидент", "ru"), Term("staten spotty", "en")])])
    units = [tu(f"Статья № {i} вышла.", f"Article No. {i} appeared.", str(i)) for i in range(5)]
    units.append(tu("Статья об инциденте вышла.", "The staten spotty article appeared.", "x"))
    assert _run(units, "term-inconsistent", tb) == []


def test_name_and_rendering_checks_leave_an_english_source_alone():
    units = [
        tu("Yezhov signed.", "Ежов подписал.", "a", source_lang="en", target_lang="ru"),
        tu("Ezhov left.", "Ежов ушёл.", "b", source_lang="en", target_lang="ru"),
    ]
    assert _run(units, "translit-variant") == []
