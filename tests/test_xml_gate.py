"""The one XML gate (glossary.core.xmlsafe): every XML reader goes through it, the prolog is
judged by slovnik before libxml2 reads the body, and errors are slovnik's one line — whatever
libxml2 the installed lxml carries."""

from __future__ import annotations

import ast
import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from glossary.cli import app as glossary_app
from glossary.core import xmlsafe
from glossary.core.errors import ParseError
from tm.cli import app as tm_app
from tm.formats import iter_units

TMX = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"
 srclang="ru" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="ru"><seg>{ru}</seg></tuv><tuv xml:lang="en"><seg>Plenum</seg></tuv></tu>
</body>
</tmx>
"""
ENTITIES = '<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>'
EXTERNAL = '<!DOCTYPE tmx [\n<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd">\n%remote;\n]>'


def _one_line_error(result, where: str, words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and where in lines[0] and words in lines[0], result.output


@pytest.mark.parametrize("doctype", [ENTITIES, EXTERNAL], ids=["entity-chain", "parameter-entity"])
def test_entity_declarations_are_refused_at_their_line_by_slovnik(runner, tmp_path, doctype):
    path = tmp_path / "attack.tmx"
    path.write_text(TMX.format(doctype=doctype, ru="&b;"), encoding="utf-8")
    result = runner.invoke(tm_app, ["convert", str(path), "-o", str(tmp_path / "x.csv")])
    _one_line_error(result, "attack.tmx:3:", "DOCTYPE declares entities")
    assert not (tmp_path / "x.csv").exists()


def test_an_undefined_entity_under_an_external_dtd_is_an_error_not_dropped_text(runner, tmp_path):
    path = tmp_path / "omegat.tmx"
    path.write_text(
        TMX.format(doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">', ru="Пленум &nbsp;2024"), encoding="utf-8"
    )
    result = runner.invoke(tm_app, ["convert", str(path), "-o", str(tmp_path / "x.csv")])
    _one_line_error(result, "omegat.tmx:7:", "undefined entity &nbsp;")


def test_a_named_external_dtd_is_never_loaded_and_the_file_reads(tmp_path):
    path = tmp_path / "omegat.tmx"
    path.write_text(
        TMX.format(doctype='<!DOCTYPE tmx SYSTEM "file:///nonexistent/tmx14.dtd">', ru="Пленум &amp; съезд"),
        encoding="utf-8",
    )
    (unit,) = iter_units(path)
    assert unit.source.text == "Пленум & съезд"


def test_utf16_documents_are_judged_too(tmp_path):
    path = tmp_path / "wide.tmx"
    text = TMX.format(doctype=ENTITIES, ru="&b;").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path.write_bytes("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    with pytest.raises(ParseError) as err:
        list(iter_units(path))
    assert err.value.line == 3 and "DOCTYPE declares entities" in err.value.message
    clean = tmp_path / "clean.tmx"
    clean.write_bytes(
        TMX.format(doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">', ru="Пленум")
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16")
    )
    assert [u.source.text for u in iter_units(clean)] == ["Пленум"]


def test_line_numbers_survive_the_blanked_doctype(tmp_path):
    path = tmp_path / "broken.tmx"
    doctype = '<!DOCTYPE tmx\n  SYSTEM\n  "tmx14.dtd">'
    path.write_text(TMX.format(doctype=doctype, ru="Пленум <b>съезд"), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        list(iter_units(path))
    assert err.value.line == 9 and err.value.message.startswith("invalid XML: ")


def test_a_tmx_read_from_a_pipe_is_read_whole(runner, tmp_path):
    """The emptiness check must not drain a pipe before the parser reads it."""
    data = TMX.format(doctype="", ru="Пленум ЦК").encode("utf-8")
    read_end, write_end = os.pipe()

    def feed():
        with os.fdopen(write_end, "wb") as fh:
            fh.write(data)

    threading.Thread(target=feed).start()
    out = tmp_path / "out.csv"
    try:
        result = runner.invoke(tm_app, ["convert", f"/dev/fd/{read_end}", "--from", "tmx", "-o", str(out)])
    finally:
        os.close(read_end)
    assert result.exit_code == 0, result.output
    assert "Пленум ЦК" in out.read_text(encoding="utf-8")


def test_an_empty_or_endless_prolog_is_one_line(tmp_path):
    with pytest.raises(ParseError, match="empty file"):
        xmlsafe.parse_xml(tmp_path / "e.xml", b"  \n")
    with pytest.raises(ParseError, match="no root element in the first"):
        list(xmlsafe.iterparse("c.xml", source=io.BytesIO(b"<!--" + b"x" * (2 << 20) + b"-->")))


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (b"<a>\n<b>x</c>\n</a>", 2, "invalid XML: closing tag"),
        (b"<a>\n<b>x</b>\n", 3, "invalid XML: the file ends inside an element"),
        (b"<a>\nR&D</a>", 2, "invalid XML: '&' not followed by an entity name"),
        (b"<a/>\n<b/>", 2, "invalid XML: text after the end of the root element"),
    ],
)
def test_syntax_errors_are_in_slovnik_words_the_same_in_both_parsers(body, line, words):
    for read in (
        lambda: xmlsafe.parse_xml("x.xml", body),
        lambda: list(xmlsafe.iterparse("x.xml", source=io.BytesIO(body))),
    ):
        with pytest.raises(ParseError) as err:
            read()
        assert (err.value.line, err.value.message.startswith(words)) == (line, True), str(err.value)
        assert "\n" not in str(err.value)


# --- XLSX and DOCX packages ------------------------------------------------------------------------


def _workbook(path: Path, rows) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _rewrite(src: Path, dst: Path, member: str, change, compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == member else data)
    return dst


SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def tm_workbook(tmp_path) -> Path:
    return _workbook(tmp_path / "tm.xlsx", [["source", "target"], ["Пленум ЦК", "Central Committee plenum"]])


@pytest.mark.parametrize(
    ("name", "change", "words"),
    [
        (
            "bomb",
            lambda d: d.replace(b"</sheetData>", b"<!--" + b" " * (3 << 20) + b"--></sheetData>"),
            "over the 200:1 limit",
        ),
        ("badxml", lambda d: d.replace(b"</sheetData>", b"<row></sheetData>"), "invalid XML: closing tag"),
        ("entities", lambda d: b'<!DOCTYPE w [<!ENTITY a "b">]>' + d, "DOCTYPE declares entities"),
        (
            "undefined",
            lambda d: d.replace(b"</sheetData>", b"</sheetData><!-- -->").replace(
                b"<sheetData>", b"<sheetData>&nbsp;"
            ),
            "undefined entity &nbsp;",
        ),
        (
            "far-row",  # a few bytes that readers would fill out to a million rows
            lambda d: (
                d.replace(b'<row r="2"', b'<row r="1048576"')
                .replace(b'r="A2"', b'r="A1048576"')
                .replace(b'r="B2"', b'r="B1048576"')
            ),
            "readers would build 2,097,152 cells",
        ),
        (
            "far-column",
            lambda d: (
                d.replace(b'<row r="2"', b'<row r="100"')
                .replace(b'r="A2"', b'r="A100"')
                .replace(b'r="B2"', b'r="XFD100"')
            ),
            "100 rows × 16,384 columns",
        ),
        (
            "past-the-sheet",
            lambda d: d.replace(b'<row r="2"', b'<row r="99999999999999999999"'),
            "row reference",
        ),
        (
            "past-the-columns",
            lambda d: d.replace(b'r="B2"', b'r="ZZZ2"'),
            "cell reference ZZZ2 is outside a sheet",
        ),
        ("not-a-reference", lambda d: d.replace(b'r="B2"', b'r="2B"'), "2B is not a cell reference"),
    ],
)
def test_damaged_workbooks_are_one_line_in_both_clis(runner, tmp_path, tm_workbook, name, change, words):
    bad = _rewrite(tm_workbook, tmp_path / f"{name}.xlsx", SHEET, change)
    result = runner.invoke(tm_app, ["convert", str(bad), "-o", str(tmp_path / "x.tmx")])
    _one_line_error(result, f"{name}.xlsx", words)
    result = runner.invoke(glossary_app, ["import", str(bad), "--into", str(tmp_path / "tb.json")])
    _one_line_error(result, f"{name}.xlsx", words)


def test_a_sheet_that_skips_rows_reads_and_its_empty_rows_are_no_units(runner, tmp_path, tm_workbook):
    far = _rewrite(
        tm_workbook,
        tmp_path / "gap.xlsx",
        SHEET,
        lambda d: (
            d.replace(b'<row r="2"', b'<row r="40"')
            .replace(b'r="A2"', b'r="A40"')
            .replace(b'r="B2"', b'r="B40"')
        ),
    )
    units = list(iter_units(far, source_lang="ru", target_lang="en"))
    assert [(u.source.text, u.target.text) for u in units] == [("Пленум ЦК", "Central Committee plenum")]


def test_the_sheet_cell_limit_is_configurable(tmp_path, tm_workbook, monkeypatch):
    from glossary.core import limits

    wide = _rewrite(tm_workbook, tmp_path / "wide.xlsx", SHEET, lambda d: d.replace(b'r="B2"', b'r="XFD2"'))
    xmlsafe.open_zip(wide).close()  # 2 × 16,384 cells: within the default
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_sheet_cells=20_000))
    with pytest.raises(ParseError, match="max-sheet-cells"):
        xmlsafe.open_zip(wide)


def test_a_member_larger_than_the_limit_is_refused_before_inflating(tmp_path, tm_workbook, monkeypatch):
    from glossary.core import limits

    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_zip_member=100))
    with pytest.raises(ParseError, match="over the 100-byte limit"):
        xmlsafe.open_zip(tm_workbook)


def test_a_corrupt_deflate_stream_is_one_line(runner, tmp_path, tm_workbook):
    data = bytearray(tm_workbook.read_bytes())
    with zipfile.ZipFile(tm_workbook) as z:
        info = z.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 5 : start + 25] = b"\xff" * 20
    bad = tmp_path / "zlib.xlsx"
    bad.write_bytes(bytes(data))
    result = runner.invoke(tm_app, ["convert", str(bad), "-o", str(tmp_path / "x.tmx")])
    _one_line_error(result, "zlib.xlsx", "damaged ZIP member")


def test_a_docx_bomb_is_refused_by_lint(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Tukhachevsky and Tukhachevskii.")
    good = tmp_path / "good.docx"
    document.save(good)
    bomb = _rewrite(
        good,
        tmp_path / "bomb.docx",
        "word/document.xml",
        lambda d: d.replace(b"</w:body>", b"<!--" + b"0" * (3 << 20) + b"--></w:body>"),
    )
    result = runner.invoke(glossary_app, ["lint", str(bomb)])
    _one_line_error(result, "bomb.docx", "over the 200:1 limit")


# --- no other way in --------------------------------------------------------------------------------

PACKAGES = [Path(__file__).parent.parent / "glossary", Path(__file__).parent.parent / "tm"]
GATE = Path(xmlsafe.__file__).resolve()
PARSE_CALLS = {
    "parse",
    "iterparse",
    "XMLParser",
    "fromstring",
    "XML",
    "XMLPullParser",
    "HTMLParser",
    "ElementTree",
    "iterwalk",
    "XMLID",
    "XMLDTDID",
}


def test_no_module_but_the_gate_parses_xml():
    offenders = []
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            if path.resolve() == GATE:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr in PARSE_CALLS
                    and isinstance(node.value, ast.Name)
                    and node.value.id in {"etree", "ET", "ElementTree"}
                ):
                    offenders.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")
                if isinstance(node, ast.ImportFrom) and node.module in {
                    "xml.etree.ElementTree",
                    "xml.dom.minidom",
                    "xml.sax",
                    "lxml.html",
                }:
                    offenders.append(f"{path.name}:{node.lineno} from {node.module}")
    assert offenders == []


@pytest.mark.parametrize("declared", ["utf16", "rot13"])
def test_a_declared_encoding_python_cannot_stream_is_one_line(declared):
    """UTF-16 declared on bytes with no BOM; a bytes-to-bytes codec named as the encoding."""
    body = f'<?xml version="1.0" encoding="{declared}"?>\n<a>x</a>'.encode("ascii")
    with pytest.raises(ParseError) as err:
        list(xmlsafe.iterparse("d.xml", source=io.BytesIO(body)))
    assert err.value.line == 1 and err.value.message.startswith("invalid XML") and "\n" not in str(err.value)


def test_a_member_in_a_compression_method_zipfile_cannot_read_is_one_line(runner, tmp_path, tm_workbook):
    stored = _rewrite(tm_workbook, tmp_path / "stored.xlsx", SHEET, lambda d: d, zipfile.ZIP_STORED)
    data = bytearray(stored.read_bytes())
    with zipfile.ZipFile(stored) as z:
        info = z.getinfo(SHEET)
    data[info.header_offset + 8 : info.header_offset + 10] = (99).to_bytes(2, "little")  # local header
    central = data.rfind(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 8], 0, len(data))
    at = data.find(SHEET.encode(), data.find(b"PK\x01\x02")) - 46
    for entry in (central, at):
        if entry >= 0 and data[entry : entry + 4] == b"PK\x01\x02":
            data[entry + 10 : entry + 12] = (99).to_bytes(2, "little")  # central directory
    bad = tmp_path / "method.xlsx"
    bad.write_bytes(bytes(data))
    result = runner.invoke(tm_app, ["convert", str(bad), "-o", str(tmp_path / "x.tmx")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    assert "method.xlsx" in result.output


def test_packages_missing_their_main_part_are_one_line(runner, tmp_path, tm_workbook):
    import docx

    no_book = tmp_path / "nobook.xlsx"
    with zipfile.ZipFile(tm_workbook) as zin, zipfile.ZipFile(no_book, "w") as zout:
        for info in zin.infolist():
            if info.filename != "xl/workbook.xml":
                zout.writestr(info.filename, zin.read(info))
    result = runner.invoke(tm_app, ["convert", str(no_book), "-o", str(tmp_path / "x.tmx")])
    _one_line_error(result, "nobook.xlsx", "not a readable XLSX workbook")
    document = docx.Document()
    document.add_paragraph("Tukhachevsky.")
    good = tmp_path / "good.docx"
    document.save(good)
    odd = _rewrite(
        good,
        tmp_path / "odd.docx",
        "word/document.xml",
        lambda d: (
            b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"/>'
        ),
    )
    result = runner.invoke(glossary_app, ["lint", str(odd)])
    _one_line_error(result, "odd.docx", "not a readable DOCX file")


def test_a_member_needing_a_newer_zip_version_is_one_line(runner, tmp_path, tm_workbook):
    data = bytearray(tm_workbook.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (128).to_bytes(2, "little")  # "version needed to extract": 12.8
    bad = tmp_path / "version.xlsx"
    bad.write_bytes(bytes(data))
    result = runner.invoke(tm_app, ["convert", str(bad), "-o", str(tmp_path / "x.tmx")])
    _one_line_error(result, "version.xlsx", "not a readable XLSX workbook")


def test_library_warnings_never_add_lines_to_an_error(runner, tmp_path, tm_workbook):
    # a sheet entry with no relationship id: openpyxl warns on stderr, drops it and reads on
    odd = _rewrite(
        tm_workbook,
        tmp_path / "sheets.xlsx",
        "xl/workbook.xml",
        lambda d: d.replace(b"</sheets>", b'<sheet name="Extra" sheetId="9"/></sheets>'),
    )
    with pytest.warns(UserWarning):  # the library does warn on this file
        import openpyxl

        openpyxl.load_workbook(odd)
    # a real process: pytest would capture the warning before it reached stderr
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tm.cli import main; main()",
            "convert",
            str(odd),
            "-o",
            str(tmp_path / "x.tmx"),
            "--source-lang",
            "ru",
            "--target-lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "Warning" not in done.stderr, done.stderr
