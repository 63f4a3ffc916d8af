"""`tm check` end to end: JSON contract, exit codes, select/ignore, suppressions, SARIF, XLSX, HTML."""

import json

import pytest
from check_support import DATA

from tm.cli import app

TMX = str(DATA / "memory.tmx")
GLOSSARY = str(DATA / "termbase.json")
CONTRACT = {"check", "severity", "tuid", "source", "target", "message"}


def _json(runner, *args):
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--format", "json", *args])
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def test_json_contract_fields_for_every_finding(runner):
    result, data = _json(runner)
    assert result.exit_code == 1
    assert data and all(CONTRACT <= set(d) for d in data)
    for d in data:
        if d["check"].startswith("term-"):
            assert d["concept"] and isinstance(d["expected"], list) and d["expected"]
    forbidden = [d for d in data if d["check"] == "term-forbidden"]
    assert forbidden == [
        {
            **forbidden[0],
            "tuid": "t03",
            "concept": "nomenklatura",
            "expected": ["nomenklatura"],
            "severity": "error",
        }
    ]


def test_every_planted_fault_in_the_fixture_is_found(runner):
    _, data = _json(runner)
    found = {(d["check"], d["tuid"]) for d in data}
    assert {
        ("term-forbidden", "t03"),
        ("term-missing", "t04"),
        ("number-mismatch", "t07"),
        ("untranslated", "t10"),
        ("untranslated", "t11"),
        ("tag-mismatch", "t12"),
        ("punctuation", "t13"),
        ("inconsistent-target", "t17"),
        ("inconsistent-source", "t20"),
        ("term-inconsistent", "t02"),
        ("translit-variant", "t09"),
    } <= found
    clean = {"t01", "t05", "t06", "t08", "t14", "t15", "t16", "t18", "t21"}
    assert not {d["tuid"] for d in data} & clean


def test_select_and_ignore_by_id_and_prefix(runner):
    _, data = _json(runner, "--select", "term-")
    assert {d["check"] for d in data} <= {"term-missing", "term-forbidden", "term-inconsistent"}
    _, data = _json(runner, "--ignore", "term-,inconsistent-target", "--ignore", "punctuation")
    checks = {d["check"] for d in data}
    assert checks and not checks & {"term-missing", "term-forbidden", "inconsistent-target", "punctuation"}


def test_unknown_check_id_is_an_error(runner):
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--select", "no-such-check"])
    assert result.exit_code == 2 and "unknown check 'no-such-check'" in result.stderr


def test_clean_input_exits_zero(runner, tmp_path):
    po = tmp_path / "clean.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Тройка заседала."\nmsgstr "The troika sat."\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(po), "--glossary", GLOSSARY])
    assert result.exit_code == 0, result.stdout
    assert "All checks passed" in result.stdout


def test_unreadable_input_exits_two_with_one_line(runner, tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad), "--glossary", GLOSSARY])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1


def test_write_suppressions_then_apply_quiets_reviewed_findings(runner, tmp_path):
    sup = tmp_path / "reviewed.json"
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--write-suppressions", str(sup)])
    assert result.exit_code == 0 and sup.exists()
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--suppressions", str(sup)])
    assert result.exit_code == 0 and "suppressed" in result.stdout


def test_suppression_signature_is_stable_and_specific(runner, tmp_path):
    _, first = _json(runner)
    _, second = _json(runner)
    assert [d["signature"] for d in first] == [d["signature"] for d in second]
    assert len({d["signature"] for d in first}) == len(first)
    sup = tmp_path / "one.json"
    sup.write_text(
        json.dumps(
            {
                "format": "slovnik-suppressions",
                "version": 1,
                "suppressions": [{"signature": first[0]["signature"]}],
            }
        ),
        encoding="utf-8",
    )
    _, rest = _json(runner, "--suppressions", str(sup))
    assert len(rest) == len(first) - 1


def test_broken_suppression_file_is_a_one_line_error(runner, tmp_path):
    sup = tmp_path / "broken.json"
    sup.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--suppressions", str(sup)])
    assert result.exit_code == 2 and "broken.json:1: invalid JSON" in result.stderr


def test_sarif_output_lists_rules_and_results(runner):
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--format", "sarif"])
    log = json.loads(result.stdout)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"term-missing", "punctuation"}
    assert {r["ruleId"] for r in run["results"]} >= {"term-forbidden", "number-mismatch"}
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run["results"])


def test_xlsx_report_opens_with_openpyxl(runner, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "report.xlsx"
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 1
    wb = openpyxl.load_workbook(out)
    rows = list(wb["Findings"].iter_rows(values_only=True))
    assert rows[0][:6] == ("check", "severity", "tuid", "source", "target", "message")
    assert ("term-forbidden", "error", "t03") in {r[:3] for r in rows[1:]}
    assert wb["Summary"]["A1"].value == "check"


def test_xlsx_without_output_file_is_an_error(runner):
    result = runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--format", "xlsx"])
    assert result.exit_code == 2 and "needs an output file" in result.stderr


def test_html_report_is_self_contained_with_highlighted_terms(runner, tmp_path):
    out = tmp_path / "report.html"
    runner.invoke(app, ["check", TMX, "--glossary", GLOSSARY, "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "<mark>nomenclature</mark>" in html and "<mark>тройки</mark>" in html
    assert 'id="by-check"' in html and 'id="by-term"' in html and 'id="f-check"' in html
    assert "http://" not in html and "https://" not in html and "<link" not in html


def test_without_glossary_term_checks_are_off(runner):
    result = runner.invoke(app, ["check", TMX, "--no-glossary", "--format", "json"])
    checks = {d["check"] for d in json.loads(result.stdout)}
    assert checks and not checks & {"term-missing", "term-forbidden", "term-inconsistent"}


def test_help_lists_the_check_ids(runner):
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0 and "term-forbidden" in result.stdout


def test_a_tm_store_is_checked_like_a_file(runner, tmp_path):
    from tm.store import Store

    db = tmp_path / "memory.tmdb"
    with Store(db, create=True) as store:
        store.import_files([DATA / "memory.tmx"])
    result = runner.invoke(app, ["check", str(db), "--glossary", GLOSSARY, "--format", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert {("term-forbidden", "t03"), ("number-mismatch", "t07")} <= {(d["check"], d["tuid"]) for d in data}


def test_pyproject_settings_apply_and_the_command_line_overrides(runner, tmp_path, monkeypatch):
    _, everything = _json(runner)
    sup = tmp_path / "reviewed.json"
    sup.write_text(
        json.dumps(
            {
                "format": "slovnik-suppressions",
                "version": 1,
                "suppressions": [{"signature": everything[0]["signature"]}],
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.slovnik]\nsuppressions = "reviewed.json"\n\n'
        '[tool.slovnik.check]\nignore = ["punctuation"]\nmissing-severity = "error"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    _, data = _json(runner)
    assert "punctuation" not in {d["check"] for d in data}
    assert {d["severity"] for d in data if d["check"] == "term-missing"} == {"error"}
    assert everything[0]["signature"] not in {d["signature"] for d in data}
    _, data = _json(runner, "--ignore", "untranslated", "--missing-severity", "warning")
    assert "punctuation" in {d["check"] for d in data} and "untranslated" not in {d["check"] for d in data}
    assert {d["severity"] for d in data if d["check"] == "term-missing"} == {"warning"}


def test_a_tmx_declaring_entities_is_refused_with_one_line(runner):
    result = runner.invoke(app, ["check", str(DATA / "xxe.tmx"), "--no-glossary"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "root:" not in result.stdout
