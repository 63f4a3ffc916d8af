"""A term's exclude and context phrases tell homonyms apart, in recognition, tm check, every termbase
format and the termbase commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_support import tu
from typer.testing import CliRunner

from glossary.cli import app as glossary_app
from glossary.core.errors import TermbaseError
from glossary.recognition.recognize import TermIndex
from glossary.termbase import STARTER_PATH
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.model import Concept, Term, Termbase
from glossary.termbase.validate import check_termbase
from tm.checks import select_checks
from tm.checks.base import CheckOptions
from tm.checks.runner import run_checks
from tm.cli import app as tm_app

FIST = ["кулаком по столу", "сжать кулак", "/[Кк]улак\\w* правой/"]


def fist_termbase(**extra: list[str]) -> Termbase:
    return Termbase(
        [
            Concept(
                "kulak",
                terms=[
                    Term("кулак", "ru", part_of_speech="noun", **{"exclude": list(FIST), **extra}),
                    Term("kulak", "en"),
                ],
            ),
            Concept(
                "troika",
                terms=[
                    Term("тройка", "ru", part_of_speech="noun", context=["НКВД", "особое совещание"]),
                    Term("troika", "en", exclude=["troika of horses"]),
                ],
            ),
        ]
    )


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(fist_termbase())


def found(index: TermIndex, text: str) -> list[str]:
    return [m.concept_id for m in index.find_ru(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Он ударил кулаком по столу.",
        "Кулак по столу — и все замолчали.",  # the same exclusion, written once in another form
        "Она сжала кулаки.",
        "Удар кулаком правой руки.",  # the /…/ phrase
    ],
)
def test_an_occurrence_inside_an_excluded_phrase_is_not_the_term(index, text):
    assert found(index, text) == []


@pytest.mark.parametrize("text", ["Кулаков выселяли в Сибирь.", "Кулак отказался сдать хлеб."])
def test_the_term_outside_its_exclusions_is_still_found(index, text):
    assert found(index, text) == ["kulak"]


def test_an_exclusion_drops_only_the_occurrence_inside_it(index):
    text = "Кулак ударил кулаком по столу."
    assert [(m.concept_id, m.start) for m in index.find_ru(text)] == [("kulak", 0)]


def test_context_words_decide_whether_the_term_counts(index):
    assert found(index, "Тройка лошадей мчалась по степи.") == []
    assert found(index, "Дело рассмотрела тройка НКВД.") == ["troika"]
    assert found(index, "Тройка, как и особое совещание, судила заочно.") == ["troika"]


def test_english_terms_honour_their_exclusions(index):
    assert [m.concept_id for m in index.find_en("A troika of horses.")] == []
    assert [m.concept_id for m in index.find_en("The troika sentenced him.")] == ["troika"]


def test_a_bad_regex_phrase_is_a_termbase_error_naming_the_concept():
    tb = fist_termbase(context=["/(раскулач/"])
    with pytest.raises(TermbaseError, match="'kulak'.*context '/\\(раскулач/'"):
        TermIndex(tb).find_ru("Кулака раскулачили.")


def _check(units, termbase: Termbase):
    ids = select_checks(["term-missing", "term-forbidden"])
    result = run_checks(units, index=TermIndex(termbase), checks=ids, options=CheckOptions())
    return [(f.check, f.tuid, f.concept) for f in result.findings]


def test_tm_check_does_not_expect_kulak_for_a_fist():
    units = [
        tu("Он ударил кулаком по столу.", "He banged his fist on the table.", "1"),
        tu("Кулаков выселяли в Сибирь.", "They were deported to Siberia.", "2"),
        tu("Кулака лишили земли.", "The kulak lost his land.", "3"),
    ]
    assert _check(units, fist_termbase()) == [("term-missing", "2", "kulak")]


def test_the_starter_termbase_knows_the_fist():
    units = [
        tu("Он ударил кулаком по столу.", "He banged his fist on the table.", "1"),
        tu("Больной с трудом сжимает кулак.", "The patient can hardly clench his fist.", "2"),
        tu("Кулаков выселяли в Сибирь.", "They were deported to Siberia.", "3"),
    ]
    assert _check(units, read_termbase(STARTER_PATH)) == [("term-missing", "3", "kulak")]


def test_tm_check_cli_reports_a_bad_phrase_regex_in_one_line(tmp_path):
    tb = fist_termbase(context=["/(раскулач/"])
    write_termbase(tb, tmp_path / "tb.json")
    (tmp_path / "mem.tsv").write_text("source\ttarget\nКулака раскулачили.\tThe kulak was expropriated.\n")
    result = CliRunner().invoke(tm_app, ["check", str(tmp_path / "mem.tsv"), "-g", str(tmp_path / "tb.json")])
    assert result.exit_code == 2
    assert "'kulak'" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_validate_reports_a_phrase_that_is_no_regex_and_a_bad_regex_term():
    tb = fist_termbase(exclude=["/[кулак/", "/кулак\\w+/"])
    tb.add(Concept("bad", terms=[Term("(тройк", "ru", match="regex"), Term("troika", "en")]))
    codes = [(f.code, f.extra["concept"]) for f in check_termbase(tb) if f.code == "TB305"]
    assert codes == [("TB305", "kulak"), ("TB305", "bad")]


@pytest.mark.parametrize("ext", [".json", ".csv", ".tsv", ".xlsx", ".tbx", ".po"])
def test_every_format_keeps_the_phrases(tmp_path, ext):
    tb = fist_termbase(context=["раскулачивание", "a|b\\c"])
    write_termbase(tb, tmp_path / f"tb{ext}")
    back = read_termbase(tmp_path / f"tb{ext}")
    assert [(t.exclude, t.context) for c in back for t in c.terms] == [
        (t.exclude, t.context) for c in tb for t in c.terms
    ]


def test_csv_writes_the_phrase_columns_only_when_a_term_has_them(tmp_path):
    plain = Termbase([Concept("a", terms=[Term("кулак", "ru"), Term("kulak", "en")])])
    write_termbase(plain, tmp_path / "plain.csv")
    write_termbase(fist_termbase(), tmp_path / "fist.csv")
    assert "exclude" not in (tmp_path / "plain.csv").read_text().splitlines()[0]
    header = (tmp_path / "fist.csv").read_text().splitlines()[0].split(",")
    assert header[-2:] == ["exclude", "context"]


def test_tbx_carries_each_phrase_as_a_slovnik_note(tmp_path):
    write_termbase(fist_termbase(), tmp_path / "tb.tbx")
    text = (tmp_path / "tb.tbx").read_text()
    assert "<note>slovnik:exclude=кулаком по столу</note>" in text
    assert "<note>slovnik:context=НКВД</note>" in text


def test_json_schema_accepts_the_phrases_and_refuses_an_empty_one(tmp_path):
    write_termbase(fist_termbase(), tmp_path / "tb.json")
    data = json.loads((tmp_path / "tb.json").read_text())
    assert data["concepts"][0]["terms"][0]["exclude"] == FIST
    data["concepts"][0]["terms"][0]["exclude"].append(" ")
    (tmp_path / "bad.json").write_text(json.dumps(data, ensure_ascii=False))
    result = CliRunner().invoke(glossary_app, ["validate", str(tmp_path / "bad.json")])
    assert result.exit_code != 0 and "TB001" in result.output


def test_show_and_search_print_the_phrases(tmp_path):
    write_termbase(fist_termbase(), tmp_path / "tb.json")
    g = ["-g", str(tmp_path / "tb.json")]
    shown = CliRunner().invoke(glossary_app, ["show", "kulak", *g])
    assert shown.exit_code == 0
    assert "not in: кулаком по столу; сжать кулак; /[Кк]улак\\w* правой/" in shown.output
    searched = CliRunner().invoke(glossary_app, ["search", "тройкой", *g])
    assert "only with: НКВД, особое совещание" in searched.output
    assert "not in: troika of horses" in searched.output
    as_json = CliRunner().invoke(glossary_app, ["search", "кулака", *g, "--format", "json"])
    assert json.loads(as_json.output)[0]["exclude"] == FIST


def test_a_tbx_termbase_with_phrases_drives_tm_check(tmp_path):
    """tests/data/interop/homonyms.tbx (also in the interop sweep): kulak counts only with a peasant or
    раскулачивание in the unit, and never inside «кулаком по столу»."""
    tbx = Path(__file__).parent / "data" / "interop" / "homonyms.tbx"
    memory = tmp_path / "mem.tsv"
    memory.write_text(
        "source\ttarget\n"
        "Крестьянин ударил кулаком по столу.\tThe peasant banged his fist on the table.\n"
        "Кулака и его семью выселили.\tThe family was deported.\n"
        "Кулаков, то есть зажиточных крестьян, выселяли.\tThe well-off peasants were deported.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(tm_app, ["check", str(memory), "-g", str(tbx), "--select", "term-missing"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "[term-missing]" in line]
    assert len(lines) == 1 and lines[0].startswith(f"{memory}:4:") and "(kulak)" in lines[0]


def test_a_regex_term_honours_word_phrase_exclusions():
    tb = Termbase(
        [
            Concept(
                "kulak",
                terms=[
                    Term("[Кк]улак[а-я]*", "ru", match="regex", exclude=["кулаком по столу"]),
                    Term("kulak", "en"),
                ],
            )
        ]
    )
    index = TermIndex(tb)
    assert found(index, "Он стукнул кулаком по столу.") == []
    assert found(index, "Кулаки стучали кулаком по столу.") == ["kulak"]
