"""C4xx: Russian titles and authors' names in citations, end to end through `glossary lint`.

Every citation here is made up for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from glossary.cli import app

NOTES = """\
The archive opened in 1991, and the Kremlin papers with it.

Notes

1 Petrov, *Tayny Kremlia*, p. 12.
2 Ivanov, Iu. N., "Zhupel Stalina," *Komsomolskaya Pravda*, 3 May 2001.
3 Sidorova (*Tayny*, pp. 40-41) disagrees.
"""

BIBLIOGRAPHY = """\
# Bibliography

Ivanov, Yu. N. *Tainy Kremlia: Stalin i Molotov*. Moscow: Nauka, 1999.

Sidorova, Anna. *Golod I Sovetskaia Derevnia*. Moscow: Progress, 1990.
"""


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def _write(tmp_path: Path) -> tuple[Path, Path]:
    notes = tmp_path / "notes.txt"
    bib = tmp_path / "bibliography.md"
    notes.write_text(NOTES, encoding="utf-8")
    bib.write_text(BIBLIOGRAPHY, encoding="utf-8")
    return notes, bib


def _findings(*args: str) -> list[dict]:
    result = invoke("lint", "--format", "json", "--exit-zero", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _brief(findings: list[dict]) -> list[tuple[str, str, int, str, str | None]]:
    out = []
    for f in findings:
        fix = f.get("fix") or {}
        out.append(
            (
                f["code"],
                Path(f["path"]).name,
                f["line"],
                f["text"],
                fix.get("replacement") if fix else f.get("suggestion"),
            )
        )
    return out


def test_one_work_cited_two_ways_across_files_is_reported_with_the_lc_spelling(tmp_path):
    notes, bib = _write(tmp_path)
    found = _brief(_findings(str(notes), str(bib), "--select", "C401"))
    assert ("C401", "notes.txt", 5, "Tayny", "Tainy") in found  # the full title: Tayny / Tainy
    assert ("C401", "notes.txt", 7, "Tayny", "Tainy") in found  # the short title joins the work
    assert all(f[3] != "Tainy" for f in found)  # the LC spelling is the one to use, never reported


def test_title_not_in_the_citation_scheme_gets_the_scheme_spelling(tmp_path):
    notes, bib = _write(tmp_path)
    found = _brief(_findings(str(notes), str(bib), "--select", "C402"))
    assert ("C402", "notes.txt", 6, "Komsomolskaya", "Komsomol'skaia") in found
    assert ("C402", "notes.txt", 5, "Tayny", "Tainy") in found


def test_sentence_case_lowers_common_words_and_keeps_proper_names(tmp_path):
    notes, bib = _write(tmp_path)
    found = _brief(_findings(str(notes), str(bib), "--select", "C403"))
    assert ("C403", "notes.txt", 6, "Pravda", "pravda") in found
    assert ("C403", "bibliography.md", 5, "I", "i") in found
    assert ("C403", "bibliography.md", 5, "Derevnia", "derevnia") in found
    words = {f[3] for f in found}
    assert not words & {"Stalin", "Molotov", "Kremlia", "Stalina", "Golod", "Tainy"}


def test_the_same_author_with_two_spellings_of_an_initial(tmp_path):
    notes, bib = _write(tmp_path)
    found = _brief(_findings(str(notes), str(bib), "--select", "C404"))
    assert found == [("C404", "bibliography.md", 3, "Yu", "Iu")]


def test_missing_translation_is_off_unless_selected_by_its_code(tmp_path):
    notes, bib = _write(tmp_path)
    assert not [f for f in _findings(str(notes), str(bib)) if f["code"] == "C405"]
    assert not [f for f in _findings(str(notes), str(bib), "--select", "C4") if f["code"] == "C405"]
    found = _findings(str(notes), str(bib), "--select", "C405")
    assert {f["text"] for f in found} >= {"Tayny Kremlia"}
    glossed = tmp_path / "glossed.txt"
    glossed.write_text(
        "Notes\n\n1 Petrov, *Tayny Kremlia* [Secrets of the Kremlin], p. 12.\n", encoding="utf-8"
    )
    assert _findings(str(glossed), "--select", "C405") == []


def test_fix_makes_citations_consistent_and_leaves_the_prose(tmp_path):
    notes, bib = _write(tmp_path)
    result = invoke("lint", str(notes), str(bib), "--select", "C4", "--fix")
    assert result.exit_code in (0, 1), result.output
    fixed_notes, fixed_bib = notes.read_text("utf-8"), bib.read_text("utf-8")
    assert "*Tainy Kremlia*" in fixed_notes and "(*Tainy*, pp. 40-41)" in fixed_notes
    assert "*Komsomol'skaia pravda*" in fixed_notes
    assert "Ivanov, Iu. N. *Tainy Kremlia: Stalin i Molotov*" in fixed_bib
    assert "*Golod i sovetskaia derevnia*" in fixed_bib
    assert fixed_notes.splitlines()[0] == NOTES.splitlines()[0]  # prose untouched
    again = invoke("lint", str(notes), str(bib), "--select", "C4")
    assert again.exit_code == 0, again.output


def test_citation_scheme_setting_changes_the_target_and_the_title_rule(tmp_path, monkeypatch):
    notes, bib = _write(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\ncitation-scheme = "bgn"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = _brief(_findings("notes.txt", "bibliography.md", "--select", "C4"))
    assert ("C401", "bibliography.md", 3, "Tainy", "Tayny") in found  # BGN writes тайны as Tayny
    assert not [f for f in found if f[0] == "C403"]  # BGN has no title rule: case left as written
    cli = _brief(_findings(str(notes), str(bib), "--select", "C402", "--citation-scheme", "ala-lc"))
    assert ("C402", "notes.txt", 6, "Komsomolskaya", "Komsomolʹskaia") in cli


def test_unknown_citation_scheme_is_one_line_and_exit_2(tmp_path):
    notes, _bib = _write(tmp_path)
    result = invoke("lint", str(notes), "--citation-scheme", "nonesuch")
    assert result.exit_code == 2
    assert "nonesuch" in result.output and "Traceback" not in result.output


def test_prose_and_english_titles_are_not_taken_for_russian_titles(tmp_path):
    text = tmp_path / "prose.txt"
    text.write_text(
        'The purge was later called the "Ezhovshchina." A reader of *The Secret Kremlin* (London: '
        'Hale, 1990) or of "Stalin\'s Last Years" (Oxford, 2004), p. 3, finds the Terror there.\n',
        encoding="utf-8",
    )
    assert _findings(str(text), "--select", "C4") == []


def test_titles_in_html_and_the_english_side_of_po(tmp_path):
    html = tmp_path / "notes.html"
    html.write_text(
        "<p>See Petrov, <i>Tayny Kremlia</i> (Moscow: Nauka, 1999), p. 4.</p>\n", encoding="utf-8"
    )
    po = tmp_path / "notes.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "См. Петров, «Тайны Кремля», с. 4."\n'
        'msgstr "See Petrov, *Tayny Kremlia* (Moscow: Nauka, 1999), p. 4."\n',
        encoding="utf-8",
    )
    found = _brief(_findings(str(html), str(po), "--select", "C402"))
    assert ("C402", "notes.html", 1, "Tayny", "Tainy") in found
    assert ("C402", "notes.po", 6, "Tayny", "Tainy") in found


def test_rule_documentation_is_available_by_code_and_name():
    for code in ("C401", "C402", "C403", "C404", "C405"):
        result = invoke("rule", code)
        assert result.exit_code == 0
        assert "What it does" in result.output and code in result.output
    assert invoke("rule", "title-case").exit_code == 0


def test_an_author_named_given_name_first_before_a_title_is_compared_too(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(
        'Notes\n\n1 Quoted by Yuri Petrov, "Tayny Kremlia," p. 3.\n\n'
        "Bibliography\n\nPetrov, Iurii. *Tainy Kremlia*. Moscow: Nauka, 1999.\n\n"
        "Yuri Petrov, the historian, wrote it in 1999.\n",
        encoding="utf-8",
    )
    found = _brief(_findings(str(notes), "--select", "C404"))
    assert found == [("C404", "notes.txt", 3, "Yuri", "Iurii")]  # the prose mention is no citation


def test_a_bibliography_title_opening_with_a_misspelt_word_and_holding_a_cyrillic_lookalike(tmp_path):
    notes = tmp_path / "notes.txt"
    # "vystavkе" ends in a Cyrillic е; "Zakluchitel'nye" is misspelt (no table reads it)
    notes.write_text(
        "Notes\n\n1 Orlov, *Zakliuchitel'nye*, p. 9.\n\n"
        "Bibliography\n\n"
        "Orlov, Petr. Zakluchitel'nye zametki o vystavk\u0435 moskovskikh khudozhnikov. Moscow: Nauka, 1998.\n",
        encoding="utf-8",
    )
    found = _findings(str(notes), "--select", "C4")
    brief = _brief(found)
    assert ("C401", "notes.txt", 7, "Zakluchitel'nye", "Zakliuchitel'nye") in brief
    mixed = [f for f in found if f["text"] == "vystavk\u0435"]
    assert [(f["code"], f["fix"]["replacement"]) for f in mixed] == [("C402", "vystavke")]
    assert mixed[0]["fix"]["safe"] is False  # look-alikes are left to the writer (S301)


def test_russian_words_english_also_has_join_a_bibliography_title(tmp_path):
    bib = tmp_path / "bibliography.md"
    bib.write_text(
        "# Bibliography\n\n"
        "Sergeev, Oleg. Istoriia vnutrennikh Del v gody voiny. Moscow: Nauka, 2003.\n\n"
        "Sergeeva, Anna. Molotov. Rasskazy o voinakh XX veka. Moscow: Nauka, 2005.\n\n"
        "Petrova, A. Vestnik 4, 11 (1970) [trans. Sov. Studies 2, 9 (1971)].\n",
        encoding="utf-8",
    )
    found = _brief(_findings(str(bib), "--select", "C4"))
    assert not [f for f in found if f[2] == 7]  # a lower-case abbreviation opens no title
    assert ("C403", "bibliography.md", 3, "Del", "del") in found  # between two Russian words
    assert not [f for f in found if f[1:3] == ("bibliography.md", 5)]  # Molotov opens a title: kept
    # the same words in a note's sentence are prose: no run reaches them
    note = tmp_path / "note.txt"
    note.write_text("Notes\n\n1 Sergeev, *Istoriia*, p. 4. Del Monte saw it in 1953.\n", encoding="utf-8")
    assert not [f for f in _findings(str(note), "--select", "C4") if f["text"] == "Del"]


def test_the_first_word_of_an_institutions_name_keeps_its_capital(tmp_path):
    bib = tmp_path / "bibliography.md"
    bib.write_text(
        "# Bibliography\n\n"
        "Orlov, Petr. *Prikazy Soveta Ministrov i Glavnogo Upravleniia lesov*. Moscow: Nauka, 1999.\n\n"
        "Orlova, Anna. *Zasedaniia Voennogo Soveta v Kieve*. Moscow: Nauka, 2000.\n\n"
        "Orlov, Ivan. *Rasskazy o Glavnom*. Moscow: Nauka, 2001.\n",
        encoding="utf-8",
    )
    found = _brief(_findings(str(bib), "--select", "C403"))
    kept = {(3, "Soveta"), (3, "Ministrov"), (3, "Glavnogo"), (5, "Voennogo")}
    assert not {(f[2], f[3]) for f in found} & kept  # Совет Министров, Главное управление, Военный совет
    assert ("C403", "bibliography.md", 3, "Upravleniia", "upravleniia") in found
    assert ("C403", "bibliography.md", 5, "Soveta", "soveta") in found  # Военный совет: совет in lower case
    assert ("C403", "bibliography.md", 7, "Glavnom", "glavnom") in found  # no institution's name


def test_an_organisation_in_the_termbase_keeps_its_capitals_in_a_title(tmp_path):
    bib = tmp_path / "bibliography.md"
    bib.write_text(
        "# Bibliography\n\nOrlov, Petr. *Prigovory Osobogo Soveshchaniia*. Moscow: Nauka, 1999.\n",
        encoding="utf-8",
    )
    termbase = tmp_path / "terms.json"
    termbase.write_text(
        json.dumps(
            {
                "format": "slovnik-termbase",
                "version": 1,
                "source_lang": "ru",
                "target_lang": "en",
                "concepts": [
                    {
                        "id": "osso",
                        "type": "organization",
                        "terms": [
                            {"lang": "ru", "text": "Особое совещание"},
                            {"lang": "en", "text": "Special Board"},
                        ],
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    plain = {f[3] for f in _brief(_findings(str(bib), "--select", "C403"))}
    assert {"Osobogo", "Soveshchaniia"} <= plain
    known = _brief(_findings(str(bib), "--select", "C403", "--glossary", str(termbase)))
    assert [(f[3], f[4]) for f in known] == [("Soveshchaniia", "soveshchaniia")]


def test_one_authors_surname_written_two_ways_is_reported_but_not_a_womans_form(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "Notes\n\n1 Zhoukov, Iu. N., *Tainy Kremlia*, p. 3.\n2 Orlova, A. *Golod*, p. 5.\n"
        "3 Popkov, A. *Golod*, p. 6.\n\n"
        "Bibliography\n\nZhukov, Iu. N. *Tainy Kremlia*. Moscow: Nauka, 1999.\n\n"
        "Orlov, A. *Golod*. Moscow: Nauka, 1990.\n\nPopov, A. *Golod*. Moscow: Nauka, 1991.\n\n"
        "Sokoloff, Boris. *Inoi Kreml'*. Moscow: Nauka, 1995.\n\n"
        "Sokolov, Boris. *Inoi Kreml'*. Moscow: Nauka, 1996.\n",
        encoding="utf-8",
    )
    found = _findings(str(notes), "--select", "C404")
    brief = sorted((f["line"], f["text"], f["fix"]["replacement"], f["fix"]["safe"]) for f in found)
    # Zhoukov reads loosely (жоуков): a suggestion; Sokoloff reads as соколов: a safe fix
    assert brief == [(3, "Zhoukov", "Zhukov", False), (15, "Sokoloff", "Sokolov", True)]
