"""CSV, TSV and XLSX: the shared column mapping and every bad-input path, each naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from glossary.core.errors import ParseError
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.formats.tabular import CONCEPT_COLUMNS, TERM_COLUMNS, join_list, split_list

DATA = Path(__file__).parent / "data" / "termbase"
HEADER = "concept_id,concept_type,lang,term,status,subject"


def write_csv(tmp_path: Path, body: str, name: str = "terms.csv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def error_of(path: Path, **kw) -> ParseError:
    with pytest.raises(ParseError) as err:
        read_termbase(path, **kw)
    assert "\n" not in str(err.value)
    return err.value


def test_rows_link_terms_by_concept_id(tmp_path):
    path = write_csv(
        tmp_path,
        f"{HEADER}\nkolkhoz,term,ru,колхоз,preferred,economy|agriculture\n"
        "kolkhoz,,en,kolkhoz,,\nkolkhoz,,en,collective farm,admitted,\n",
    )
    tb = read_termbase(path)
    (c,) = tb.concepts
    assert c.subject == ["economy", "agriculture"]
    assert [(t.lang, t.text, t.status.value) for t in c.terms] == [
        ("ru", "колхоз", "preferred"),
        ("en", "kolkhoz", "preferred"),
        ("en", "collective farm", "admitted"),
    ]


def test_romanization_columns_hold_per_scheme_overrides(tmp_path):
    path = write_csv(
        tmp_path, "concept_id,lang,term,conventional,romanization:lc\nberia,ru,Берия,Beria,Beriia\n"
    )
    term = read_termbase(path).concepts[0].terms[0]
    assert term.romanization == {"lc": "Beriia"} and term.conventional == "Beria"


def test_list_cells_escape_the_separator():
    items = ["a|b", "back\\slash", "plain"]
    assert split_list(join_list(items)) == items
    assert split_list(" x | y ") == ["x", "y"]


def test_written_csv_uses_the_documented_columns(tmp_path):
    out = tmp_path / "out.csv"
    write_termbase(read_termbase(DATA / "sample.json"), out)
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [*CONCEPT_COLUMNS, *TERM_COLUMNS, "romanization:lc"]  # no term has exclude/context


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (f"{HEADER}\na,term,ru,слово,preferred,\nb,term,ru,,preferred,\n", 3, "empty 'term' column"),
        (f"{HEADER}\na,term,,слово,preferred,\n", 2, "empty 'lang' column"),
        (f"{HEADER}\n,term,ru,слово,preferred,\n", 2, "empty 'concept_id' column"),
        (f"{HEADER},colour\na,term,ru,слово,preferred,,x\n", 1, "unknown column 'colour'"),
        ("concept_id,lang\na,ru\n", 1, "missing column(s): 'term'"),
        ("concept_id,lang,term,term\na,ru,x,y\n", 1, "duplicate column 'term'"),
        (f"{HEADER}\na,term,ru,слово,preferred\n", 2, "malformed row: 5 fields, header has 6"),
        (f'{HEADER}\na,term,ru,"сло"во,preferred,\n', 2, "malformed row"),
        (f"{HEADER}\na,term,ru,слово,prefered,\n", 2, "unknown status 'prefered'"),
        (f"{HEADER}\na,persona,ru,слово,preferred,\n", 2, "unknown concept_type 'persona'"),
        (
            f"{HEADER}\na,term,ru,слово,,party\nb,term,ru,дело,,\na,term,en,word,,state\n",
            4,
            "concept 'a': subject conflicts with line 2",
        ),
        (f"{HEADER}\nочень плохо,term,ru,слово,,\n", 2, "invalid concept id"),
    ],
)
def test_csv_errors_name_the_physical_line(tmp_path, body, line, message):
    err = error_of(write_csv(tmp_path, body))
    assert err.line == line and message in err.message
    assert str(err).startswith(f"{tmp_path / 'terms.csv'}:{line}: ")


def test_line_numbers_count_quoted_newlines_and_blank_lines(tmp_path):
    body = f'{HEADER}\n\na,term,ru,слово,preferred,"two\nlines"\nb,term,ru,,preferred,\n'
    assert error_of(write_csv(tmp_path, body)).line == 5


def test_empty_file_and_whitespace_file_are_errors(tmp_path):
    assert "empty file" in error_of(write_csv(tmp_path, "")).message
    assert "empty file" in error_of(write_csv(tmp_path, "\n\n  \n")).message


def test_header_only_file_is_an_empty_termbase(tmp_path):
    assert len(read_termbase(write_csv(tmp_path, f"{HEADER}\n"))) == 0


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_encoding_is_named_in_one_line(tmp_path, encoding):
    path = tmp_path / "terms.csv"
    path.write_bytes(f"{HEADER}\nkulak,term,ru,кулак,preferred,деревня\n".encode(encoding))
    err = error_of(path)
    assert err.line == 2
    assert (
        f"not UTF-8 (looks like {encoding.upper()}" in err.message and f"--encoding {encoding}" in err.message
    )
    assert read_termbase(path, encoding=encoding).concepts[0].terms[0].text == "кулак"


def test_wrong_declared_encoding_names_the_line(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_bytes(f"{HEADER}\nkulak,term,ru,кулак,preferred,\n".encode("cp1251"))
    err = error_of(path, encoding="utf-8")
    assert err.line == 2 and "cannot decode as utf-8" in err.message


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_bytes(f"{HEADER}\nkulak,term,ru,кулак,preferred,\n".encode("utf-8-sig"))
    assert read_termbase(path).concepts[0].id == "kulak"


def test_tsv_reads_tabs(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text(
        "concept_id\tlang\tterm\nsovkhoz\tru\tсовхоз\nsovkhoz\ten\tstate farm, sovkhoz\n", encoding="utf-8"
    )
    assert [t.text for t in read_termbase(path).concepts[0].terms] == ["совхоз", "state farm, sovkhoz"]


def _workbook(path: Path, rows: list[list[str | None]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_xlsx_errors_name_the_sheet_row(tmp_path):
    path = _workbook(
        tmp_path / "terms.xlsx", [["concept_id", "lang", "term"], ["a", "ru", "слово"], ["b", "ru", None]]
    )
    err = error_of(path)
    assert err.line == 3 and "empty 'term' column" in err.message


def test_xlsx_unknown_column_and_not_a_workbook(tmp_path):
    path = _workbook(tmp_path / "terms.xlsx", [["concept_id", "lang", "term", "colour"]])
    assert "unknown column 'colour'" in error_of(path).message
    fake = tmp_path / "fake.xlsx"
    fake.write_text("concept_id,lang,term\n", encoding="utf-8")
    assert "not an XLSX workbook" in error_of(fake).message


def test_xlsx_keeps_formula_like_text_as_text(tmp_path):
    path = write_csv(tmp_path, "concept_id,lang,term\neq,en,=SUM(A1)\n")
    out = tmp_path / "out.xlsx"
    write_termbase(read_termbase(path), out)
    cell = load_workbook(out).active["J2"]
    assert cell.data_type == "s" and cell.value == "=SUM(A1)"
    assert read_termbase(out).concepts[0].terms[0].text == "=SUM(A1)"
