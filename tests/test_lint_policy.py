"""`glossary lint` on text it has never seen: the detected house scheme, one fix policy shared by
R101/R102/R104, citations kept out of fixes, idempotent `--fix`, standard input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.lint.engine import LintSettings, lint_run
from glossary.lint.romanized import Romanized
from glossary.lint.sources import read_document
from glossary.termbase.formats import read_termbase

LINT = Path(__file__).parent / "data" / "lint"
HOUSE = str(LINT / "house.json")

# Wikipedia-style romanization throughout, with one word in another system (Verkhovskiy).
WIKI = (
    "Grigory Zinoviev met Dmitry Verkhovsky and Yevgeny Volkov in Moscow.\n"
    "Later Grigory Zinoviev and Verkhovskiy argued with Georgy Lvov.\n"
    "Trotsky and Yeltsin are spelled as English writes them; Yuri Orlov too.\n"
)


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def run(tmp_path, text, *, scheme=None, select=None, termbase=None, name="a.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return lint_run([read_document(tmp_path / name)], LintSettings(scheme=scheme, select=select), termbase)


# ---------------------------------------------------------------- the house scheme


def test_without_a_configured_scheme_the_dominant_system_is_the_house_scheme(tmp_path, house):
    result = run(tmp_path, WIKI, termbase=house)
    assert (result.house.scheme, result.house.source) == ("wikipedia", "detected")
    assert 0 < result.house.words and result.house.fitting < result.house.words  # Verkhovskiy does not fit
    # The Wikipedia spellings are the house style: only the one word in another system is reported.
    r1 = [(f.code, f.text, f.fix.replacement) for f in result.findings if f.code in ("R101", "R102")]
    assert r1 == [("R101", "Verkhovskiy", "Verkhovsky")]


def test_a_configured_scheme_wins_over_detection(tmp_path, house):
    result = run(tmp_path, WIKI, scheme="lc", termbase=house)
    assert (result.house.scheme, result.house.source) == ("lc", "configured")
    off = {f.text for f in result.findings if f.code == "R102"}
    assert {"Grigory", "Yevgeny", "Georgy"} <= off


def test_conventional_english_forms_are_never_off_style(tmp_path, house):
    result = run(tmp_path, WIKI, scheme="lc", termbase=house, select=["R102"])
    assert not {f.text for f in result.findings} & {"Trotsky", "Yeltsin", "Yuri"}


def test_dmitry_reads_as_the_name_whatever_the_house_scheme():
    # With LC letters `Dmitry` also spells дмитры (a form no Russian text uses): the name wins.
    for scheme in ("lc", "wikipedia", "bgn"):
        reading = Romanized(None, scheme).reading("Dmitry")
        assert reading is not None and reading.cyrillic == "дмитрий"
        assert not Romanized(None, scheme).english_like("Dmitry")


def test_summary_and_json_say_which_house_scheme_was_used_and_why(tmp_path):
    (tmp_path / "a.txt").write_text(WIKI, encoding="utf-8")
    text = invoke("lint", str(tmp_path / "a.txt"), "-g", HOUSE).output
    assert "house scheme: wikipedia (detected, " in text and " words)" in text
    assert (
        "house scheme: bgn (configured)"
        in invoke("lint", str(tmp_path / "a.txt"), "-g", HOUSE, "--scheme", "bgn").output
    )
    data = json.loads(invoke("lint", str(tmp_path / "a.txt"), "-g", HOUSE, "--format", "json").output)
    r1 = [f for f in data if f["code"].startswith("R")]
    assert r1 and all((f["house_scheme"], f["house_scheme_source"]) == ("wikipedia", "detected") for f in r1)
    sarif = json.loads(invoke("lint", str(tmp_path / "a.txt"), "-g", HOUSE, "--format", "sarif").output)
    assert sarif["runs"][0]["properties"]["houseScheme"]["scheme"] == "wikipedia"


def test_a_text_without_romanized_words_falls_back_to_the_default(tmp_path):
    result = run(tmp_path, "The committee met on Tuesday and adjourned.\n")
    assert (result.house.scheme, result.house.source) == ("lc", "default")


# ---------------------------------------------------------------- one fix policy


def test_r101_and_r102_propose_the_same_fix_for_one_word(tmp_path, house):
    text = "Verkhovskiy spoke. Verkhovsky answered. Verkhovskiy left.\nKhrustalev and Khrustalyov met.\n"
    for scheme in ("lc", "wikipedia", "bgn"):
        found = run(tmp_path, text, scheme=scheme, termbase=house, select=["R101", "R102"]).findings
        proposed: dict[tuple, set[str]] = {}
        for f in found:
            replacement = f.fix.replacement if f.fix else f.extra.get("suggestion")
            proposed.setdefault((f.line, f.column), set()).add(replacement)
        assert found and all(len(v) == 1 for v in proposed.values()), (scheme, proposed)


def test_the_termbases_preferred_spelling_wins(tmp_path):
    # The preferred English term romanizes the Russian word (LC); the press spelling is conventional.
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
                        "id": "izv",
                        "terms": [
                            {
                                "lang": "ru",
                                "text": "Известия",
                                "status": "preferred",
                                "conventional": "Izvestia",
                            },
                            {"lang": "en", "text": "Izvestiia", "status": "preferred"},
                            {"lang": "en", "text": "Izvestia", "status": "admitted"},
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    termbase = read_termbase(tb)
    for scheme in ("wikipedia", "lc"):
        found = run(
            tmp_path,
            "Izvestia printed it; Izvestiia denied it; Izvestia again.\n",
            scheme=scheme,
            termbase=termbase,
            select=["R1"],
        ).findings
        assert [(f.code, f.text, f.fix.replacement, f.fixable) for f in found] == [
            ("R101", "Izvestia", "Izvestiia", True),
            ("R101", "Izvestia", "Izvestiia", True),
        ]


def test_the_house_form_wins_over_the_majority(tmp_path, house):
    # Four off-house spellings and one house spelling: the house form is the fix (the issue's
    # Grigory ×7 → Grigorii came from judging a Wikipedia-style text by LC).
    text = "Lavrentiy came. Lavrentiy went. Lavrentiy spoke. Lavrentiy sat. Lavrentii stood.\n"
    found = run(tmp_path, text, scheme="lc", termbase=house, select=["R101"]).findings
    assert {f.fix.replacement for f in found} == {"Lavrentii"} and len(found) == 4


def test_a_conventional_spelling_the_text_prefers_is_not_rewritten_to_the_scheme(tmp_path, house):
    # "Dostoevsky" follows no scheme (Wikipedia writes Dostoyevsky): a conventional English form,
    # never an R102 finding, so the text's usual spelling stays and the stray one follows it.
    text = (
        "Dostoevsky wrote at night. Dostoevsky gambled. Dostoevsky wrote again.\n"
        "A critic compared Dostoyevsky with Whitman; Nikolay Volkov and Yevgeny Ivanov agreed.\n"
    )
    found = run(tmp_path, text, scheme="wikipedia", termbase=house, select=["R1"]).findings
    assert [(f.code, f.text, f.fix.replacement) for f in found if f.code != "R103"] == [
        ("R101", "Dostoyevsky", "Dostoevsky")
    ]
    # Once the house form is the text's usual spelling, it wins.
    text = "Dostoyevsky wrote. Dostoyevsky gambled. Dostoevsky wrote again. Nikolay Volkov agreed.\n"
    found = run(tmp_path, text, scheme="wikipedia", termbase=house, select=["R101"]).findings
    assert [(f.text, f.fix.replacement) for f in found] == [("Dostoevsky", "Dostoyevsky")]


def test_fix_is_idempotent_and_the_report_describes_the_fixed_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Verkhovskiy spoke.\nVerkhovsky answered, and Khrustalev met Khrustalyov.\n"
        "The plenum\u0435 met.\n" + WIKI,
        encoding="utf-8",
    )
    first = invoke("lint", str(path), "-g", HOUSE, "--fix", "--format", "json")
    remaining = json.loads(first.output)
    fixed_lines = path.read_text("utf-8").splitlines()
    for f in remaining:  # every finding reported points at the fixed text
        assert fixed_lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["text"]
    assert "Verkhovskiy" not in path.read_text("utf-8") and "Khrustalev " not in path.read_text("utf-8")
    second = invoke("lint", str(path), "-g", HOUSE, "--diff")
    assert second.exit_code in (0, 1) and "Would fix 0 findings" in second.output
    text = invoke("lint", str(tmp_path / "a.txt"), "-g", HOUSE, "--fix").output
    assert "Fixed" not in text  # nothing left to fix


# ---------------------------------------------------------------- citations

CITED = """\
The commissar Nikolai Ezhov ran the NKVD; later Yezhov fell, and Yezhov was shot.
Lavrentii Beriia replaced him; Tukhachevskii and Voznesenskii were named in the *Izvestiia Sovetov* report.
A study, Petrov, Narkom Ezhov (Moscow: Nauka, 1990), tells the story; see also "People's Commissar Nikolai Ezhov" and *Genrikh Iagoda*.
Quoted Russian: "Ubiistvo Stalina i Beriia" was the phrase.
Tukhachevsky and Voznesensky are the spellings of the body text, and Yezhov again.

Notes

1 Petrov, *Ezhov i Iagoda*, p. 12; Ibid., p. 14.
2 N.A. Voznesenskii o perspektivakh, in Voprosy ekonomiki, No. 3, 1989.

References

Jansen, Marc. Stalin's Loyal Executioner: People's Commissar Nikolai Ezhov. Stanford, 2002.
Smirnov, I. Tukhachevskii i ego vremia. Moscow, 1991.
"""


def test_fix_leaves_titles_references_and_notes_as_they_were(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text(CITED, encoding="utf-8")
    # The prose rules leave citations alone; the C4xx rules, which write titles in the citation
    # scheme on purpose, have their own tests (test_lint_titles.py).
    result = invoke("lint", str(path), "-g", HOUSE, "--scheme", "wikipedia", "--fix", "--ignore", "C4")
    assert result.exit_code in (0, 1), result.output
    before, after = CITED.splitlines(), path.read_text("utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed, "the prose has off-house spellings to fix"
    for line in (
        "(Moscow: Nauka, 1990)",
        '"People\'s Commissar Nikolai Ezhov"',
        "*Genrikh Iagoda*",
        '"Ubiistvo Stalina i Beriia"',
        "*Izvestiia Sovetov*",
    ):
        assert line in path.read_text("utf-8"), line
    assert after[7:] == before[7:]  # notes and references untouched
    assert "The commissar Nikolai Yezhov" in after[0]  # the prose itself is fixed


def test_citations_are_not_judged_by_the_prose_house_scheme(tmp_path, house):
    result = run(tmp_path, CITED, scheme="wikipedia", termbase=house, select=["R1", "T"])
    doc = result.documents[0]
    for f in result.findings:
        start = doc._line_starts[f.line - 1] + f.column - 1
        assert not doc.in_citation(start, start + len(f.text)), (f.code, f.line, f.text)


def test_citation_spans_of_each_shape():
    from glossary.lint.citations import citation_spans

    text = (
        "Body text names Ezhov here.\n"
        "He cites Petrov, Narkom (Moscow: Nauka, 1990), at length.\n"
        'Italic *Inoi Stalin* but not *gorkom*; quoted "Zhupel Stalina" but not "we won the vote today".\n'
        "A reference (Getty 115) and (Zhukov, *Inoy* 307-9) in a sentence.\n"
        "His father, Efim (sometimes spelled Yefim), farmed.\n"
        "[7] Letter to brother Mihail, 1 July 1880.\n"
        "\nBibliography\n\nZhukov, Iu. Inoi Stalin. Moscow, 2003.\n"
    )
    spans = [text[a:b] for a, b in citation_spans(text)]
    assert "Body text names Ezhov here." not in " ".join(spans)
    assert any("(Moscow: Nauka, 1990)" in s for s in spans)
    assert "*Inoi Stalin*" in spans and "*gorkom*" not in spans
    assert '"Zhupel Stalina"' in spans and '"we won the vote today"' not in spans
    assert "(Getty 115)" in spans and "(Zhukov, *Inoy* 307-9)" in spans
    assert "Zhukov, Iu. Inoi Stalin. Moscow, 2003." in spans
    assert "[7] Letter to brother Mihail, 1 July 1880." in spans
    # The word whose spelling the parenthesis names is a mention too (a fix would print
    # "Yefim (sometimes spelled Yefim)"); the rest of the sentence is prose.
    assert "Efim (sometimes spelled Yefim)" in spans and not any("father" in s for s in spans)


def test_html_italics_are_titles(tmp_path, house):
    (tmp_path / "a.html").write_text(
        "<p>Yezhov fell. Yezhov was shot. <i>Narkom Ezhov</i> is a book; <em>Ezhov</em> too.</p>",
        encoding="utf-8",
    )
    doc = read_document(tmp_path / "a.html")
    found = lint_run([doc], LintSettings(scheme="wikipedia", select=["R1"]), house).findings
    assert [f.text for f in found] == []


# ---------------------------------------------------------------- standard input


def test_stdin_is_linted_under_the_given_name_and_format():
    text = "Marshal Tukhachevskii was arrested; the Tukhachevsky affair.\n\n`Tukhachevskiy`\n"
    out = invoke(
        "lint",
        "-",
        "--stdin-filename",
        "chapter.md",
        "-g",
        HOUSE,
        "--scheme",
        "lc",
        "--format",
        "json",
        input=text,
    )
    data = json.loads(out.stdout)
    assert {f["path"] for f in data} == {"chapter.md"}
    assert "Tukhachevskiy" not in {f["text"] for f in data}  # a Markdown code span: not prose
    plain = invoke("lint", "-", "-g", HOUSE, "--scheme", "lc", "--format", "json", input=text)
    assert {f["path"] for f in json.loads(plain.stdout)} == {"-"}


def test_stdin_fix_writes_the_fixed_text_to_stdout():
    text = "Marshal Tukhachevskii was arrested; the Tukhachevsky affair.\n"
    out = invoke("lint", "-", "--stdin-filename", "a.txt", "-g", HOUSE, "--scheme", "lc", "--fix", input=text)
    assert out.stdout == "Marshal Tukhachevskii was arrested; the Tukhachevskii affair.\n"
    assert "Fixed 1 finding." in out.stderr


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["lint", "-", "README.md"], "standard input"),
        (["lint", "-", "--stdin-filename", "notes.rtf"], ".rtf"),
        (["lint", "README.md", "--stdin-filename", "a.md"], "--stdin-filename"),
    ],
)
def test_stdin_misuse_exits_2_with_one_line(args, fragment):
    result = invoke(*args, input="text\n")
    assert result.exit_code == 2 and fragment in result.output
    assert len(result.output.strip().splitlines()) <= 2 and "Traceback" not in result.output


def test_a_slip_no_scheme_or_convention_explains_never_becomes_the_groups_target(tmp_path, house):
    # Dmitrevna drops a letter of Дмитриевна: it is written by no scheme and by no convention, so
    # however often it is used it is not the conventional form; the house scheme's spelling is.
    text = (
        "Olga Dmitrevna wrote to Anna Dmitrievna.\nOlga Dmitrevna wrote again.\n"
        "Grigory Zinoviev and Yevgeny Volkov replied.\n"
    )
    result = run(tmp_path, text, scheme="wikipedia", termbase=house)
    targets = {
        f.fix.replacement
        for f in result.findings
        if f.code == "R101" and f.extra.get("cyrillic") == "Дмитриевна"
    }
    assert targets == {"Dmitriyevna"}
