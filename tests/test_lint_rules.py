"""Each lint rule on its own fixture: what it reports (positive) and what it leaves alone (negative).

The termbase is tests/data/lint/house.json, passed explicitly so the bundled starter may change freely.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.lint.engine import LintSettings, lint_documents
from glossary.lint.rules import RULES, get_rule
from glossary.lint.sources import read_document

LINT = Path(__file__).parent / "data" / "lint"


def lint(house, *names, select=None, scheme="lc", tmp_text=None):
    docs = [read_document(LINT / n) for n in names]
    return lint_documents(docs, LintSettings(scheme=scheme, select=select), house)


def brief(findings):
    return [
        (f.code, f.line, f.text, f.fix.replacement if f.fix else f.extra.get("suggestion")) for f in findings
    ]


# ---------------------------------------------------------------- R101


def test_r101_groups_spellings_of_one_name_with_the_house_form_as_fix(house):
    found = lint(house, "names.txt", select=["R101"])
    assert brief(found) == [
        ("R101", 2, "Tukhachevsky", "Tukhachevskii"),
        ("R101", 3, "Dostoevsky", "Dostoevskii"),
        ("R101", 3, "Dostoyevsky", "Dostoevskii"),
    ]
    dost = found[1]
    assert dost.extra["variants"] == ["Dostoevskii", "Dostoevsky", "Dostoyevsky"]
    assert dost.extra["cyrillic"] == "Достоевский"
    assert dost.fixable


def test_r101_groups_across_files(house, tmp_path):
    (tmp_path / "a.txt").write_text("Marshal Tukhachevskii was arrested.\n")
    (tmp_path / "b.txt").write_text("The Tukhachevsky affair followed.\n")
    docs = [read_document(tmp_path / "a.txt"), read_document(tmp_path / "b.txt")]
    found = lint_documents(docs, LintSettings(scheme="lc", select=["R101"]), house)
    assert [(Path(f.path).name, f.text) for f in found] == [("b.txt", "Tukhachevsky")]


def test_r101_never_groups_different_words(house, tmp_path):
    # Same skeleton, different dictionary words: беря (taking) and Берия are not one word.
    (tmp_path / "a.txt").write_text("Beriia came later; the wolves were Beria-like.\nKirov and Kirova.\n")
    found = lint_documents(
        [read_document(tmp_path / "a.txt")], LintSettings(scheme="lc", select=["R101"]), house
    )
    assert found == []


def test_r101_honours_conventional_spelling_as_canonical(house, tmp_path):
    (tmp_path / "a.txt").write_text("Trotsky wrote to Trotskii's son.\n")
    found = lint_documents(
        [read_document(tmp_path / "a.txt")], LintSettings(scheme="lc", select=["R101"]), house
    )
    assert brief(found) == [("R101", 1, "Trotskii", "Trotsky")]


def test_r101_consistent_text_is_clean(house):
    assert lint(house, "consistent.txt", select=["R101"]) == []


# ---------------------------------------------------------------- R102


def test_r102_flags_words_outside_the_house_scheme(house):
    found = lint(house, "offstyle.txt", select=["R102"])
    assert brief(found) == [("R102", 1, "Nikolay", "Nikolai"), ("R102", 1, "Yenukidze", "Enukidze")]
    assert found[0].extra["cyrillic"] == "николай"


def test_r102_follows_the_scheme_and_honours_conventional_spellings(house):
    found = lint(house, "offstyle.txt", select=["R102"], scheme="wikipedia")
    # Nikolay and Yenukidze are Wikipedia style; Tomskii is not; Trotsky is the termbase's spelling
    assert brief(found) == [("R102", 2, "Tomskii", "Tomsky")]


def test_r102_leaves_english_words_and_consistent_text_alone(house):
    assert lint(house, "consistent.txt", select=["R102"]) == []


# ---------------------------------------------------------------- R103


def test_r103_reports_mixing_once_per_file_with_evidence(house):
    found = lint(house, "mixing.txt", select=["R103"])
    assert len(found) == 1
    f = found[0]
    assert f.extra["dominant"] == "lc"
    assert set(f.extra["not_fitting"]) == {"Nikolay", "Yenukidze", "Voznesensky"}
    assert "-ий: -ii ×2 (`Tomskii`), -y ×1 (`Voznesensky`)" in f.message


def test_r103_single_system_is_clean(house):
    assert lint(house, "consistent.txt", select=["R103"]) == []


# ---------------------------------------------------------------- R104


def test_r104_same_word_with_and_without_marks(house):
    found = lint(house, "softsign.txt", select=["R104"])
    assert brief(found) == [("R104", 2, "oblast", "oblast'"), ("R104", 2, "oblastʹ", "oblast'")]
    assert found[0].extra["variants"] == ["oblast", "oblast'", "oblastʹ"]


def test_r104_mark_character_minority_across_words(house):
    found = lint(house, "marks.txt", select=["R104"])
    assert brief(found) == [("R104", 2, "Gorʹkii", "Gor'kii")]


def test_r104_does_not_join_different_words(house, tmp_path):
    (tmp_path / "a.txt").write_text("His mat' was ill. The gym mat was old.\n")
    found = lint_documents(
        [read_document(tmp_path / "a.txt")], LintSettings(scheme="lc", select=["R104"]), house
    )
    assert found == []


# ---------------------------------------------------------------- T201


def test_t201_deprecated_rendering_with_preferred_as_fix(house):
    found = lint(house, "termbase.txt", select=["T201"])
    assert brief(found) == [
        ("T201", 1, "nomenclature", "nomenklatura"),
        ("T201", 2, "Minister", "People's commissar"),
    ]
    assert found[0].fixable and found[0].extra["concept"] == "nomenklatura"


def test_t201_inflected_rejected_form_gets_a_suggestion_not_a_safe_fix(house, tmp_path):
    (tmp_path / "a.txt").write_text("Two nomenclatures competed.\n")
    found = lint_documents([read_document(tmp_path / "a.txt")], LintSettings(select=["T201"]), house)
    assert len(found) == 1 and not found[0].fixable


def test_t201_preferred_renderings_are_clean(house):
    assert lint(house, "consistent.txt", select=["T201"]) == []


# ---------------------------------------------------------------- S3xx


def test_s301_mixed_script_fixed_to_the_majority_script(house):
    found = lint(house, "script.txt", select=["S301"])
    assert brief(found) == [("S301", 1, "plenumе", "plenume"), ("S301", 1, "Мoсква", "Москва")]
    assert all(f.fixable for f in found)


def test_s302_mojibake_is_repaired_by_ftfy_and_clean_accents_pass(house):
    found = lint(house, "mojibake.txt", select=["S302"])
    assert brief(found) == [("S302", 1, "Ð¡Ñ‚Ð°Ð»Ð¸Ð½", "Сталин")]


def test_s303_garbled_letter_but_not_chemical_formulas(house):
    found = lint(house, "mojibake.txt", select=["S303"])
    assert brief(found) == [("S303", 3, "H₃tte", None)]


def test_script_rules_are_clean_on_clean_text(house):
    assert lint(house, "consistent.txt", "names.txt", select=["S"]) == []


# ---------------------------------------------------------------- registry


def test_every_rule_has_a_stable_code_kebab_name_and_documented_sections():
    assert list(RULES) == [
        "R101",
        "R102",
        "R103",
        "R104",
        "T201",
        "S301",
        "S302",
        "S303",
        "C401",
        "C402",
        "C403",
        "C404",
        "C405",
    ]
    for code, rule in RULES.items():
        assert rule.code == code and rule.name == rule.name.lower() and " " not in rule.name
        doc = rule.documentation()
        for section in ("What it does:", "Why:", "Example", "Use instead:"):
            assert section in doc, (code, section)
        assert rule.title() and not rule.title().endswith(":")


def test_get_rule_by_code_or_name():
    assert get_rule("r101") is get_rule("inconsistent-romanization")
    with pytest.raises(Exception, match="unknown rule"):
        get_rule("X999")


def test_t201_keeps_an_english_possessive(house, tmp_path):
    (tmp_path / "a.txt").write_text("The nomenclature's privileges grew.\n")
    found = lint_documents([read_document(tmp_path / "a.txt")], LintSettings(select=["T201"]), house)
    assert brief(found) == [("T201", 1, "nomenclature's", "nomenklatura's")]
    assert found[0].fixable


def test_s302_span_leaves_surrounding_punctuation_out(house, tmp_path):
    (tmp_path / "a.txt").write_text("He met (cafÃ©), then left.\n")
    found = lint_documents([read_document(tmp_path / "a.txt")], LintSettings(select=["S302"]), house)
    assert brief(found) == [("S302", 1, "cafÃ©", "café")]


def test_ordinary_and_rare_english_words_are_not_read_as_russian(house):
    # wordfreq decides: Serology, centralist, Getty, Howard, coup, pace are English; Lian and Jair
    # are more frequent in English than their Russian readings are in Russian.
    assert lint(house, "english.txt", select=["R"]) == []


def test_s301_without_a_russian_look_alike_gets_no_fix(house, tmp_path):
    # Latin s has no Russian look-alike (ѕ is Macedonian): report, but do not "fix" to ѕ
    (tmp_path / "a.txt").write_text("Сохраните sрезервную копию.\n", encoding="utf-8")
    found = lint_documents([read_document(tmp_path / "a.txt")], LintSettings(select=["S301"]), house)
    assert [(f.text, f.fix) for f in found] == [("sрезервную", None)]


def test_r101_spelling_with_only_a_reading_russian_never_uses_joins_the_group(house, tmp_path):
    # A letter table reads Voznesenski as the dictionary adverb вознесенски (never seen in Russian
    # text): that reading must neither split the group nor keep the spelling out of it. The names
    # lexicon reads it as the conventional -i form of Вознесенский, so its fix is as safe as the other.
    (tmp_path / "a.txt").write_text("Voznesenskii planned; Voznesensky resigned.\nThe Voznesenski case.\n")
    found = lint_documents(
        [read_document(tmp_path / "a.txt")], LintSettings(scheme="lc", select=["R101"]), house
    )
    assert [(f.line, f.text) for f in found] == [(1, "Voznesensky"), (2, "Voznesenski")]
    assert {f.extra["cyrillic"] for f in found} == {"Вознесенский"}
    assert [f.fix.safe for f in found] == [True, True]


def test_r101_splits_a_skeleton_group_into_one_group_per_word(house, tmp_path):
    # лучше and лучшие share a scheme-neutral key; each word's own spellings are still grouped.
    (tmp_path / "a.txt").write_text("They said luchshe and lučše.\nThe luchshie and the luchshiye left.\n")
    found = lint_documents(
        [read_document(tmp_path / "a.txt")], LintSettings(scheme="lc", select=["R101"]), house
    )
    assert [(f.text, f.extra["cyrillic"], f.fix.replacement) for f in found] == [
        ("lučše", "лучше", "luchshe"),
        ("luchshiye", "лучшие", "luchshie"),
    ]


def test_s301_leaves_a_russian_ending_on_a_latin_acronym_alone(house, tmp_path):
    # "BIOSа" inflects an acronym (no look-alike typed by mistake); "Cобытие" starts with a Latin C
    (tmp_path / "a.txt").write_text("Настройки BIOSа и USBшный порт. Cобытие.\n", encoding="utf-8")
    found = lint_documents([read_document(tmp_path / "a.txt")], LintSettings(select=["S301"]), house)
    assert brief(found) == [("S301", 1, "Cобытие", "Событие")]
