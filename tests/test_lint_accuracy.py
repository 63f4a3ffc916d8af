"""The miss and noise classes found by classifying every finding of `glossary lint` on unseen prose
(scripts/bench/lint_accuracy.py): one test per class, each on sentences made up for it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from glossary.cli import app
from glossary.lint.engine import LintSettings, lint_run
from glossary.lint.sources import read_document
from glossary.russian.names import conventional_forms, conventions
from glossary.termbase.formats import read_termbase

LINT = Path(__file__).parent / "data" / "lint"

# Wikipedia-style romanization (Ye-, -y for -ий, -yev) with the usual English -ai/-ei/-oi.
WIKI = (
    "Grigory Volkov met Yevgeny Orlov and Georgy Lebedev at the Bolshoi.\n"
    "Sergei Mikhailovich Petrov and Nikolai Sergeyevich Zaitsev watched from the Moika embankment.\n"
    "Yelena Belyayeva and Vasily Kuibyshev arrived later with Andrei Yevseyev.\n"
)


def run(tmp_path, text, *, scheme=None, select=None, termbase=None):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return lint_run([read_document(path)], LintSettings(scheme=scheme, select=select), termbase)


def codes(result, *wanted):
    return [
        (f.code, f.text, f.fix.replacement if f.fix else None) for f in result.findings if f.code in wanted
    ]


def test_english_ai_ei_oi_forms_are_never_off_style(tmp_path, house):
    # Bolshoi, Mikhailovich, Nikolai, Moika, Kuibyshev: Wikipedia writes -ay/-ey/-oy, English -ai/-ei/-oi.
    result = run(tmp_path, WIKI, termbase=house)
    assert result.house.scheme == "wikipedia"
    assert codes(result, "R102", "R103") == []


def test_a_schemes_habit_is_still_off_style_and_its_fix_keeps_the_english_convention(tmp_path, house):
    # E- is LC's habit, not an English convention: under the Wikipedia house Evsei is reported, and
    # the fix keeps the conventional -ei (Yevsei, not Yevsey); the fixed word is in style.
    result = run(tmp_path, WIKI + "Evsei Kuznetsov wrote to them.\n", termbase=house, select=["R102"])
    assert codes(result, "R102") == [("R102", "Evsei", "Yevsei")]
    fixed = run(tmp_path, WIKI + "Yevsei Kuznetsov wrote to them.\n", termbase=house, select=["R102"])
    assert codes(fixed, "R102") == []


def test_conventions_data_separates_english_conventions_from_scheme_habits():
    accepted = {c.name: c.accepted for c in conventions()}
    assert accepted["oi"] and accepted["ia-ya"] and not accepted["initial-e"] and not accepted["ending-y"]
    assert "bolshoy" in conventional_forms("bolshoi")
    assert "yelena" not in conventional_forms("elena")  # E- only reads the name; it is no convention


def test_conventional_forms_are_no_evidence_of_mixed_systems(tmp_path, house):
    # Two LC-looking words that are the usual English forms (Nikolai, Natalia) beside Wikipedia
    # spellings: R103 has nothing to say; two real LC spellings (-ii, E-) it does report.
    text = WIKI + "Natalia Orlova and Nikolai Zaitsev came too.\n"
    assert codes(run(tmp_path, text, termbase=house, select=["R103"]), "R103") == []
    mixed = WIKI + "Evgenii Lebedev and Vasilii Zaitsev came too.\n"
    assert [f.code for f in run(tmp_path, mixed, termbase=house, select=["R103"]).findings] == ["R103"]


def test_a_letter_no_scheme_writes_marks_another_languages_spelling(tmp_path, house):
    # Andreï (French) beside Andrei: not a romanization variant, no group.
    text = WIKI + "The Quai Andreï Sakharov is named after Andrei Sakharov; Andrei Sakharov spoke.\n"
    assert [
        f for f in run(tmp_path, text, termbase=house, select=["R101"]).findings if f.text == "Andreï"
    ] == []


def _periodical_termbase(tmp_path) -> Path:
    tb = tmp_path / "tb.json"
    tb.write_text(
        json.dumps(
            {
                "format": "slovnik-termbase",
                "version": 1,
                "source_lang": "ru",
                "target_lang": "en",
                "concepts": [
                    {
                        "id": "nm",
                        "terms": [
                            {
                                "lang": "ru",
                                "text": "Новый мир",
                                "status": "preferred",
                                "conventional": "Novy Mir",
                            },
                            {"lang": "en", "text": "Novyi mir", "status": "preferred"},
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    return tb


def test_a_detected_house_takes_the_termbases_conventional_spelling_over_another_schemes(tmp_path):
    # The termbase prefers the LC form (bibliographies) and records the press spelling; a text in
    # Wikipedia style gets the press spelling, a configured scheme keeps the termbase's preference.
    termbase = read_termbase(_periodical_termbase(tmp_path))
    text = WIKI + "He wrote for Novy Mir; Novyi Mir refused; Novy Mir again.\n"
    detected = run(tmp_path, text, termbase=termbase, select=["R101"])
    assert {(f.text, f.fix.replacement) for f in detected.findings} == {("Novyi", "Novy")}
    configured = run(tmp_path, text, scheme="wikipedia", termbase=termbase, select=["R101"])
    assert {(f.text, f.fix.replacement) for f in configured.findings} == {("Novy", "Novyi")}


def test_a_womans_surname_follows_the_spelling_chosen_for_the_mans(tmp_path, house):
    # Dostoevsky (conventional, the text's majority) → Dostoevskaya, not the house Dostoyevskaya.
    text = (
        WIKI + "Dostoevsky wrote; Dostoevsky travelled; Dostoyevsky returned.\n"
        "Anna Dostoevskaya kept a diary; Dostoevskaya typed; Dostoyevskaya edited.\n"
    )
    found = codes(run(tmp_path, text, termbase=house, select=["R101", "R102"]), "R101", "R102")
    assert sorted(found) == [("R101", "Dostoyevskaya", "Dostoevskaya"), ("R101", "Dostoyevsky", "Dostoevsky")]


def test_spellings_of_a_word_no_dictionary_knows_group_when_schemes_agree(tmp_path, house):
    # Наркомюст is in no dictionary or lexicon: LC's Narkomiust and the scholarly Narkomjust agree
    # on it; nothing anchors the reading, so the majority is suggested, never applied.
    text = WIKI + "The Narkomiust ruled; the Narkomjust objected; the Narkomiust won.\n"
    found = run(tmp_path, text, termbase=house, select=["R101"]).findings
    assert [
        (f.text, f.extra["suggestion"] if not f.fix else f.fix.replacement, f.fixable) for f in found
    ] == [("Narkomjust", "Narkomiust", False)]


def test_y_after_zh_sh_ch_is_a_slip_for_i(tmp_path, house):
    # Russian never writes жы: Dzerzhynsky is Dzerzhinsky misspelt.
    text = WIKI + "Felix Dzerzhinsky led it; Dzerzhinsky resigned; Dzerzhynsky returned.\n"
    found = codes(run(tmp_path, text, termbase=house, select=["R101"]), "R101")
    assert found == [("R101", "Dzerzhynsky", "Dzerzhinsky")]


def test_fix_on_all_classes_converges_in_one_pass(tmp_path):
    text = (
        WIKI + "Grigoriy Orlov met Dostoevsky; Dostoevsky and Dostoyevsky; "
        "Anna Dostoevskaya and Dostoyevskaya; Felix Dzerzhinsky and Dzerzhynsky.\n"
    )
    path = tmp_path / "b.txt"
    path.write_text(text, encoding="utf-8")
    first = CliRunner().invoke(app, ["lint", "--fix", "--exit-zero", str(path)])
    assert first.exit_code == 0 and "Fixed" in first.output
    fixed = path.read_text(encoding="utf-8")
    assert "Dostoyevsk" not in fixed and "Grigory Orlov" in fixed
    # A second pass has nothing to apply (--diff exits 0 when no fix is left).
    second = CliRunner().invoke(app, ["lint", "--diff", str(path)])
    assert second.exit_code == 0, second.output
    assert path.read_text(encoding="utf-8") == fixed


def test_r102_alone_says_when_the_word_is_the_schemes_own_form(tmp_path, house):
    # Nikolay is what Wikipedia writes; the run's spelling (Nikolai ×3) wins by the fix policy.
    text = "Nikolai Volkov met Nikolai Orlov, Nikolai Petrov and Nikolay Zaitsev; Grigory Lebedev and Yevgeny Belov came.\n"
    found = run(tmp_path, text, termbase=house, select=["R102"]).findings
    assert [(f.text, f.fix.replacement) for f in found] == [("Nikolay", "Nikolai")]
    assert (
        "is the wikipedia form of" in found[0].message
        and "not wikipedia romanization" not in found[0].message
    )


def test_spellings_the_text_names_are_not_rewritten(tmp_path, house):
    # "Efim (sometimes spelled Yefim)" and "L'viv Station (L'vov, Lwow)" name spellings: fixing
    # Efim would print "Yefim (sometimes spelled Yefim)". A plain list of persons is still prose.
    from glossary.lint.citations import citation_spans

    text = (
        "Her uncle, Efim (sometimes spelled Yefim), ran a mill near L'viv Station (L'vov, Lwow).\n"
        "The troika (Volkov, Orlov, Zaitsev) met Efim later.\n"
    )
    spans = [text[a:b] for a, b in citation_spans(text)]
    assert spans == ["Efim (sometimes spelled Yefim)", "L'vov, Lwow"]
    found = run(tmp_path, WIKI + text, termbase=house, select=["R1"]).findings
    assert [(f.line, f.text) for f in found if f.code in ("R101", "R102")] == [(5, "Efim")]


def test_the_report_after_fix_judges_the_fixed_text_as_a_new_run_would(tmp_path):
    # Under a detected house the termbase's conventional spelling won (Novyi → Novy); the report
    # after --fix must not turn round and ask for the termbase's preferred LC form, and its house
    # line counts the fixed text.
    tb = _periodical_termbase(tmp_path)
    path = tmp_path / "c.txt"
    path.write_text(
        WIKI + "Evgenii wrote for Novy Mir; Novyi Mir refused; Novy Mir again.\n", encoding="utf-8"
    )
    fixed = CliRunner().invoke(app, ["lint", "--fix", "--exit-zero", "-g", str(tb), str(path)])
    assert "Novyi" not in path.read_text(encoding="utf-8")
    assert "[*]" not in fixed.output  # nothing fixable is left in the report
    fresh = CliRunner().invoke(app, ["lint", "--exit-zero", "-g", str(tb), str(path)])
    house = [line for line in fresh.output.splitlines() if line.startswith("house scheme:")]
    assert house and house[0] in fixed.output.splitlines()  # the house line counts the fixed text


def test_a_rarer_form_of_a_given_name_groups_with_the_names_spelling(tmp_path, house):
    # Gavril reads by the letter tables as Гаврил, itself a given name, while the names lexicon has
    # seen it written for Гавриил: both readings stand, so it groups with Gavriil (the house form).
    # A common noun the tables read (Gorki: горки, hills) still keeps the place apart from the writer.
    text = WIKI + (
        "Gavriil Zotov and Gavriil Belov wrote to Gavril Orlov.\n"
        "Lenin rested at Gorki; Maxim Gorky visited Gorki twice.\n"
    )
    found = run(tmp_path, text, termbase=house, select=["R101"]).findings
    assert [(f.text, f.fix.replacement if f.fix else None) for f in found] == [("Gavril", "Gavriil")]


def test_script_repairs_inside_a_citation_are_shown_never_applied(tmp_path):
    # A Cyrillic е typed into a Latin word, and UTF-8 read as Windows-1251 (Р’РѕР№РЅР° for Война):
    # in prose the repair is safe; inside a title or a reference entry it is reported with the
    # repair but `--fix` leaves the citation as its source prints it.
    broken = "Война".encode().decode("cp1251")
    text = (
        "The plenumе of the district committee met twice; the word " + broken + " was in the minutes.\n"
        "\n"
        "[1] Orlov, P. *Rech' na plenumе raikoma* (Tula: Priokskoe, 1961).\n"
        "[2] Belov, I. *Rasskazy: " + broken + " i mir v derevne* (Tula: Priokskoe, 1963).\n"
    )
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    found = run(tmp_path, text, select=["S301", "S302"]).findings
    assert [(f.code, f.line, f.fix.replacement, f.fix.safe) for f in found] == [
        ("S301", 1, "plenume", True),
        ("S302", 1, "Война", True),
        ("S301", 3, "plenume", False),
        ("S302", 4, "Война", False),
    ]
    fixed = CliRunner().invoke(app, ["lint", "--fix", "--exit-zero", "--select", "S3", str(path)])
    assert fixed.exit_code == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("The plenume of") and "the word Война was" in lines[0]
    assert lines[2:] == text.splitlines()[2:]  # the reference entries as written
    again = CliRunner().invoke(app, ["lint", "--exit-zero", "--select", "S3", str(path)])
    assert "[*]" not in again.output


def test_sch_for_shch_is_read_and_grouped_but_never_accepted(tmp_path, house):
    # sch for щ after a vowel (Ivaschenko for Ivashchenko) is a common English slip: the spelling
    # reads as the same name and joins its group, fixed to the group's spelling. German words with
    # sch (Fischer, Mischa) read as no Russian name and stay out.
    text = WIKI + (
        "Stepan Ivashchenko wrote twice; Ivashchenko signed; Ivaschenko replied.\n"
        "Mischa Fischer and Greta Fischer kept the minutes.\n"
    )
    found = run(tmp_path, text, termbase=house, select=["R1"]).findings
    assert [(f.code, f.text, f.fix.replacement if f.fix else None) for f in found] == [
        ("R101", "Ivaschenko", "Ivashchenko")
    ]
    assert "sch-shch" not in {c.name for c in conventions() if c.accepted}
