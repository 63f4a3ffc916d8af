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
