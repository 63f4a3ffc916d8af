"""`glossary lint`, `glossary rule`, `glossary extract` end to end: output formats (golden files),
exit codes, --fix/--diff, configuration, suppression, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import golden
import jsonschema
import pytest
from conftest import shows_own_help
from typer.testing import CliRunner

from glossary.cli import app

LINT = Path(__file__).parent / "data" / "lint"
HOUSE = str(LINT / "house.json")
GOLDEN = golden.SETS["lint"].folder  # the lint golden files (tests/test_golden.py keeps them current)
SARIF_SCHEMA = json.loads((LINT / "sarif-schema-2.1.0.json").read_text("utf-8"))


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_sarif_output_validates_against_the_sarif_schema():
    log = json.loads((GOLDEN / "lint.sarif").read_text("utf-8"))
    jsonschema.validate(log, SARIF_SCHEMA)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [
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


def test_json_output_contract():
    data = json.loads((GOLDEN / "lint.json").read_text("utf-8"))
    assert data, "the golden case has findings"
    for item in data:
        assert {"code", "name", "message", "path", "line", "column", "text"} <= item.keys()
        assert item["line"] >= 1 and item["column"] >= 1
    r101 = [d for d in data if d["code"] == "R101"]
    assert r101 and all({"variants", "cyrillic"} <= d.keys() for d in r101)


def test_exit_codes_clean_findings_exit_zero_and_errors():
    assert invoke("lint", str(LINT / "consistent.txt"), "-g", HOUSE).exit_code == 0
    assert invoke("lint", str(LINT / "names.txt"), "-g", HOUSE).exit_code == 1
    assert invoke("lint", str(LINT / "names.txt"), "-g", HOUSE, "--exit-zero").exit_code == 0
    missing = invoke("lint", str(LINT / "no-such-file.txt"), "-g", HOUSE)
    assert missing.exit_code == 2 and "no-such-file.txt" in missing.output
    broken = invoke("lint", str(LINT / "formats" / "broken.po"), "-g", HOUSE)
    assert broken.exit_code == 2 and "broken.po:3: PO syntax error" in broken.output
    assert "Traceback" not in broken.output


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--select", "X9"], "unknown rule code or prefix 'X9'"),
        (["--scheme", "nope"], "nope"),
    ],
)
def test_bad_options_exit_2_with_one_line(args, fragment):
    result = invoke("lint", str(LINT / "names.txt"), "-g", HOUSE, *args)
    assert result.exit_code == 2 and fragment in result.output


def test_select_and_ignore_by_prefix():
    out = invoke(
        "lint", str(LINT / "names.txt"), "-g", HOUSE, "--select", "R1", "--ignore", "R103", "--format", "json"
    ).output
    assert {f["code"] for f in json.loads(out)} == {"R101"}


def test_fix_then_relint_is_clean_for_fixed_rules(tmp_path):
    for name in ("names.txt", "softsign.txt", "script.txt"):
        shutil.copy(LINT / name, tmp_path / name)
    files = [str(tmp_path / n) for n in ("names.txt", "softsign.txt", "script.txt")]
    result = invoke("lint", *files, "-g", HOUSE, "--fix", "--select", "R101,R104,S301")
    assert result.exit_code == 0, result.output
    assert "Fixed 7 findings." in result.output
    assert (
        (tmp_path / "script.txt").read_text("utf-8").startswith("The plenume of the committee met in Москва.")
    )
    assert "Dostoevskii know that Dostoevskii and Dostoevskii" in (tmp_path / "names.txt").read_text("utf-8")
    assert invoke("lint", *files, "-g", HOUSE, "--select", "R101,R104,S301").exit_code == 0


def test_diff_writes_nothing_and_matches_what_fix_writes(tmp_path):
    path = tmp_path / "softsign.txt"
    shutil.copy(LINT / "softsign.txt", path)
    before = path.read_bytes()
    result = invoke("lint", str(path), "-g", HOUSE, "--diff")
    assert result.exit_code == 1
    assert path.read_bytes() == before
    assert "-Each oblast sent a delegate, and the oblastʹ leaders voted." in result.output
    assert "+Each oblast' sent a delegate, and the oblast' leaders voted." in result.output
    invoke("lint", str(path), "-g", HOUSE, "--fix")
    assert (
        path.read_text("utf-8").splitlines()[1]
        == "Each oblast' sent a delegate, and the oblast' leaders voted."
    )
    assert invoke("lint", str(path), "-g", HOUSE, "--diff").exit_code == 0


def test_fix_keeps_a_po_file_valid_and_only_touches_msgstr(tmp_path):
    import polib

    path = tmp_path / "a.po"
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "пленуме"\nmsgstr "the plenum\u0435 met"\n',
        encoding="utf-8",
    )
    assert invoke("lint", str(path), "-g", HOUSE, "--fix").exit_code == 0
    assert polib.pofile(str(path))[0].msgstr == "the plenume met"


def test_fix_and_diff_together_are_refused():
    result = invoke("lint", str(LINT / "names.txt"), "-g", HOUSE, "--fix", "--diff")
    assert result.exit_code == 2 and "cannot be combined" in result.output


def _project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    shutil.copy(LINT / "offstyle.txt", tmp_path / "docs" / "offstyle.txt")
    shutil.copy(LINT / "house.json", tmp_path / "house.json")
    return tmp_path


def test_config_scheme_glossary_and_per_file_ignores(tmp_path, monkeypatch):
    root = _project(tmp_path, '[tool.slovnik]\nscheme = "wikipedia"\nglossary = "house.json"\n')
    monkeypatch.chdir(root)
    out = json.loads(invoke("lint", "docs", "--format", "json", "--select", "R102").output)
    assert [(f["text"], f["fix"]["replacement"]) for f in out] == [("Tomskii", "Tomsky")]
    # the command line wins over the configuration
    out = json.loads(invoke("lint", "docs", "--format", "json", "--select", "R102", "--scheme", "lc").output)
    assert [f["text"] for f in out] == ["Nikolay", "Yenukidze"]
    (root / "pyproject.toml").write_text(
        '[tool.slovnik]\nglossary = "house.json"\nignore = ["R103"]\n'
        '[tool.slovnik.per-file-ignores]\n"docs/*.txt" = ["R102"]\n'
    )
    assert invoke("lint", "docs").exit_code == 0


def test_config_errors_exit_2(tmp_path, monkeypatch):
    root = _project(tmp_path, '[tool.slovnik]\nselect = "R1,Q7"\n')
    monkeypatch.chdir(root)
    result = invoke("lint", "docs")
    assert result.exit_code == 2 and "unknown rule code or prefix 'Q7'" in result.output


def test_markdown_suppression_comment(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "Nikolay Yenukidze.\n\n<!-- slovnik: ignore[R102] -->\nNikolay Yenukidze.\n", encoding="utf-8"
    )
    out = json.loads(
        invoke(
            "lint", str(path), "-g", HOUSE, "--select", "R102", "--scheme", "lc", "--format", "json"
        ).output
    )
    assert [f["line"] for f in out] == [1, 1]


def test_html_docx_and_tmx_inputs(tmp_path):
    import docx

    html = tmp_path / "a.html"
    html.write_text("<p>The plenum\u0435 met.</p><pre>plenum\u0435</pre>", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Intro.")
    document.add_paragraph("The plenum\u0435 met.")
    document.save(tmp_path / "a.docx")
    shutil.copy(LINT / "formats" / "sample.tmx", tmp_path / "a.tmx")
    out = json.loads(
        invoke(
            "lint", str(tmp_path), "-g", HOUSE, "--format", "json", "--scheme", "lc", "--select", "S301,R102"
        ).output
    )
    got = sorted((Path(f["path"]).name, f["code"], f["line"], f["column"], f["text"]) for f in out)
    assert got == [
        ("a.docx", "S301", 2, 5, "plenumе"),
        ("a.html", "S301", 1, 8, "plenumе"),
        ("a.tmx", "R102", 5, 73, "Yezhov"),
        ("a.tmx", "R102", 5, 104, "Nikolay"),
        ("a.tmx", "R102", 9, 34, "Yagoda"),
    ]
    docx_finding = next(f for f in out if f["path"].endswith(".docx"))
    assert docx_finding["fix"] is None and docx_finding["suggestion"] == "plenume"


def test_rule_command_explains_one_or_all_rules():
    result = invoke("rule", "off-style")
    assert result.exit_code == 0 and result.output.startswith("# R102 off-style\n")
    everything = invoke("rule", "--all").output
    assert all(f"# {code} " in everything for code in ("R101", "R104", "S303", "T201"))
    data = json.loads(invoke("rule", "--all", "--format", "json").output)
    assert [d["code"] for d in data][:2] == ["R101", "R102"]
    unknown = invoke("rule", "Z1")
    assert unknown.exit_code == 2 and "unknown rule" in unknown.output
    assert invoke("rule").exit_code == 2


@pytest.mark.parametrize("suffix", [".csv", ".tbx", ".json"])
def test_extract_writes_a_draft_that_glossary_import_accepts(tmp_path, suffix):
    draft = tmp_path / f"draft{suffix}"
    result = invoke("extract", str(LINT / "extract.md"), "-o", str(draft), "-g", HOUSE)
    assert result.exit_code == 0, result.output
    assert "already in the termbase" in result.output
    target = tmp_path / "mine.json"
    imported = invoke("import", str(draft), "--into", str(target))
    assert imported.exit_code == 0, imported.output
    from glossary.termbase.formats import read_termbase

    tb = read_termbase(target)
    assert {c.id for c in tb} >= {"gorkom", "tolkach", "vydvizhenets", "dvoika", "ogpu"}
    assert "kraikom" not in {c.id for c in tb}  # known: in house.json already


def test_every_command_has_help():
    for command in ("lint", "rule", "extract"):
        result = invoke(command, "--help")
        assert result.exit_code == 0 and shows_own_help(result.output, app, command)


def test_citation_rules_run_only_when_selected(tmp_path, monkeypatch):
    """A plain run checks R, T and S; C4xx join with --extend-select or extend-select in the config,
    and --select replaces both."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text(
        "# Notes\n\n1. Petrov, Ivan. *Tayny Kremlia*. Moscow, 1999.\n2. Petrov. *Tainy Kremlia*, p. 4.\n",
        encoding="utf-8",
    )

    def codes(*args: str) -> set[str]:
        result = invoke("lint", "notes.md", "--format", "json", "--exit-zero", *args)
        assert result.exit_code == 0, result.output
        return {f["code"][:2] for f in json.loads(result.output)}

    assert "C4" not in codes()
    assert "C4" in codes("--extend-select", "C4")
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nextend-select = ["C4"]\n', encoding="utf-8")
    assert "C4" in codes()
    assert codes("--select", "R") <= {"R1"}  # --select replaces the configured extension too
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nextend-select = ["Q9"]\n', encoding="utf-8")
    result = invoke("lint", "notes.md")
    assert result.exit_code == 2 and "extend-select" in result.output
