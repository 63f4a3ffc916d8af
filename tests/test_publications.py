"""Titles of works in the termbase: `glossary translit --title`, lint against a known work,
`glossary extract` drafting publication concepts, `glossary print --works`. Made-up data."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from glossary.cli import app
from glossary.termbase.model import Concept, ConceptType, Term, Termbase
from glossary.termbase.publications import bibliography, cite_title, publication, romanize_title

TERMBASE = {
    "format": "slovnik-termbase",
    "version": 1,
    "title": "Works",
    "source_lang": "ru",
    "target_lang": "en",
    "concepts": [
        {
            "id": "ubiistvo",
            "type": "publication",
            "terms": [
                {"lang": "ru", "text": "Убийство Сталина и Берии"},
                {"lang": "en", "text": "The murder of Stalin and Beria"},
            ],
        },
        {
            "id": "tainy",
            "type": "publication",
            "terms": [
                {"lang": "ru", "text": "Тайны Кремля", "romanization": {"bgn": "Tayny Kremlya (house)"}},
                {"lang": "en", "text": "Tainy Kremlia", "status": "admitted"},
                {"lang": "en", "text": "Secrets of the Kremlin"},
            ],
        },
        {"id": "arkhiv", "type": "publication", "terms": [{"lang": "ru", "text": "Исторический архив"}]},
        {"id": "kremlin", "type": "place", "terms": [{"lang": "ru", "text": "Кремль"}]},
    ],
}


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def _drafted_publications(tmp_path: Path, text: Path) -> list[dict]:
    """The publication concepts `glossary extract` drafts from *text* (with the test termbase)."""
    out = tmp_path / "draft.json"
    result = invoke("extract", str(text), "-o", str(out), "-g", str(_termbase(tmp_path)), "--include-known")
    assert result.exit_code == 0, result.output
    return [c for c in json.loads(out.read_text("utf-8"))["concepts"] if c["type"] == "publication"]


def _termbase(tmp_path: Path) -> Path:
    path = tmp_path / "works.json"
    path.write_text(json.dumps(TERMBASE, ensure_ascii=False), encoding="utf-8")
    return path


def test_translit_title_writes_sentence_case_lc_and_the_known_translation(tmp_path):
    tb = str(_termbase(tmp_path))
    result = invoke("translit", "--title", "Убийство Сталина и Берии", "-g", tb)
    assert result.exit_code == 0, result.output
    assert result.output == "Ubiistvo Stalina i Berii [The murder of Stalin and Beria]\n"
    unknown = invoke("translit", "--title", "Жупел Сталина", "-g", tb)
    assert unknown.output == "Zhupel Stalina\n"
    ala = invoke("translit", "--title", "Тайны Кремля", "-s", "ala-lc", "-g", tb)
    assert ala.output == "Taĭny Kremlia [Secrets of the Kremlin]\n"


def test_a_fixed_romanization_in_the_termbase_wins_for_its_scheme(tmp_path):
    tb = str(_termbase(tmp_path))
    assert (
        invoke("translit", "--title", "Тайны Кремля", "-s", "bgn", "-g", tb).output
        == "Tayny Kremlya (house) [Secrets of the Kremlin]\n"
    )


def test_a_citation_spelling_is_not_taken_for_the_translation():
    concept = Concept(
        "t",
        ConceptType.PUBLICATION,
        terms=[Term("Тайны Кремля", "ru"), Term("Tainy Kremlia", "en"), Term("Secrets of the Kremlin", "en")],
    )
    pub = publication(concept)
    assert pub is not None
    assert pub.translation == "Secrets of the Kremlin" and pub.citation_spellings == ("Tainy Kremlia",)
    assert publication(Concept("p", ConceptType.PERSON, terms=[Term("Ягода", "ru")])) is None


def test_title_functions_without_a_termbase():
    assert romanize_title("Убийство Сталина и Берии") == "Ubiistvo Stalina i Berii"
    assert cite_title("Убийство Сталина и Берии") == "Ubiistvo Stalina i Berii"


def test_lint_takes_a_known_works_words_from_the_termbase(tmp_path):
    tb = str(_termbase(tmp_path))
    notes = tmp_path / "notes.txt"
    notes.write_text("Notes\n\n1 Mukhin, *Ubiystvo Stalina i Beriia*, p. 12.\n", encoding="utf-8")
    result = invoke("lint", str(notes), "-g", tb, "--select", "C4", "--format", "json", "--exit-zero")
    found = {(f["text"], f["fix"]["replacement"]) for f in json.loads(result.stdout)}
    assert found == {("Ubiystvo", "Ubiistvo"), ("Beriia", "Berii")}  # the title's genitive, from the termbase
    fixed = invoke("lint", str(notes), "-g", tb, "--select", "C4", "--fix")
    assert fixed.exit_code in (0, 1)
    assert "*Ubiistvo Stalina i Berii*" in notes.read_text("utf-8")


def test_extract_drafts_publication_concepts_in_cyrillic_with_the_bracketed_translation(tmp_path):
    text = tmp_path / "bib.md"
    text.write_text(
        "# Bibliography\n\nOrlov, Petr. *Tainy Kremlia* [Secrets of the Kremlin]. Moscow: Nauka, 1999.\n\n"
        "Orlova, Vera. *Golod I Sovetskaia Derevnia*. Moscow: Progress, 1990.\n",
        encoding="utf-8",
    )
    terms = {tuple(t["text"] for t in c["terms"]) for c in _drafted_publications(tmp_path, text)}
    assert ("Тайны Кремля", "Secrets of the Kremlin", "Tainy Kremlia") in terms
    assert ("Голод и советская деревня", "Golod I Sovetskaia Derevnia") in terms


def test_print_works_is_sorted_as_a_bibliography(tmp_path):
    tb = _termbase(tmp_path)
    out = tmp_path / "works.md"
    result = invoke("print", "--works", "-o", str(out), "-g", str(tb))
    assert result.exit_code == 0, result.output
    lines = [line for line in out.read_text("utf-8").splitlines() if line.startswith("- ")]
    assert lines == [
        "- *Istoricheskii arkhiv* (Исторический архив)",
        "- *Tainy Kremlia* (Тайны Кремля) [Secrets of the Kremlin]",
        "- *Ubiistvo Stalina i Berii* (Убийство Сталина и Берии) [The murder of Stalin and Beria]",
    ]
    odt = invoke("print", "--works", "-o", str(tmp_path / "works.odt"), "-g", str(tb))
    assert odt.exit_code == 2 and "works.odt" in odt.output and "Traceback" not in odt.output


def test_print_works_writes_pdf_docx_and_latex_in_bibliography_order(tmp_path):
    import docx
    from pypdf import PdfReader

    tb = str(_termbase(tmp_path))
    expected = [
        "Istoricheskii arkhiv (Исторический архив)",
        "Tainy Kremlia (Тайны Кремля) [Secrets of the Kremlin]",
        "Ubiistvo Stalina i Berii (Убийство Сталина и Берии) [The murder of Stalin and Beria]",
    ]
    for name in ("works.pdf", "works.docx", "works.tex"):
        result = invoke("print", "--works", "-o", str(tmp_path / name), "-g", tb, "--paper", "letter")
        assert result.exit_code == 0, result.output
        assert result.output == f"{tmp_path / name}: 3 works\n"
    pdf = PdfReader(tmp_path / "works.pdf")
    assert [line for line in pdf.pages[0].extract_text().splitlines() if "(" in line] == expected
    assert round(float(pdf.pages[0].mediabox.width)) == 612  # US letter, 8.5 in
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "works.docx")).paragraphs]
    assert paragraphs == ["Works", *expected]
    tex = (tmp_path / "works.tex").read_text("utf-8")
    assert tex.index("Istoricheskii") < tex.index("Tainy") < tex.index("Ubiistvo")
    assert (
        "\\item \\textit{Tainy Kremlia} (\\foreignlanguage{russian}{Тайны Кремля}) [Secrets of the Kremlin]"
        in tex
    )


def test_print_works_pdf_names_a_character_the_font_cannot_draw(tmp_path):
    data = json.loads(json.dumps(TERMBASE))
    data["concepts"].append(
        {
            "id": "snow",
            "type": "publication",
            "terms": [{"lang": "ru", "text": "Зима"}, {"lang": "en", "text": "Winter \u2603"}],
        }
    )
    tb = tmp_path / "snow.json"
    tb.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = invoke("print", "--works", "-o", str(tmp_path / "works.pdf"), "-g", str(tb))
    assert result.exit_code == 2
    assert "U+2603" in result.output and "Zima" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "works.pdf").exists()


def test_bibliography_rows_carry_title_cyrillic_and_translation():
    tb = Termbase(title="t")
    tb.add(Concept("a", ConceptType.PUBLICATION, terms=[Term("Новый мир", "ru"), Term("New World", "en")]))
    assert bibliography(tb) == [("Novyi mir", "Новый мир", "New World")]


def test_extract_keeps_the_capitals_of_an_institutions_name_in_the_cyrillic_title(tmp_path):
    text = tmp_path / "bib.md"
    text.write_text(
        "# Bibliography\n\nOrlov, Petr. *Prikazy Soveta Ministrov i Glavnogo Upravleniia lesov*. "
        "Moscow: Nauka, 1999.\n",
        encoding="utf-8",
    )
    titles = {c["terms"][0]["text"] for c in _drafted_publications(tmp_path, text)}
    assert titles == {"Приказы Совета Министров и Главного управления лесов"}


def test_the_place_of_publication_after_a_bare_title_is_not_part_of_it(tmp_path):
    text = tmp_path / "bib.md"
    text.write_text(
        "# Bibliography\n\nOrlov, Petr. Golod v derevne. Sbornik dokumentov. Kazan', 1997.\n",
        encoding="utf-8",
    )
    titles = {c["terms"][0]["text"] for c in _drafted_publications(tmp_path, text)}
    assert titles == {"Голод в деревне. Сборник документов"}
