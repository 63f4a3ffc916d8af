"""Report renderers: HTML escaping and highlighting, XLSX safety, SARIF severities."""

import json

from tm.checks.base import CheckFinding
from tm.checks.runner import CheckResult
from tm.reports.html import highlight, render_html
from tm.reports.render import render_sarif
from tm.reports.xlsx import write_xlsx


def _finding(**kw):
    base = dict(
        check="term-missing",
        severity="warning",
        tuid="1",
        source="Решения тройки.",
        target="The <b>decisions</b>.",
        message="missing",
        concept="troika",
        expected=["troika"],
        source_spans=[(8, 14)],
    )
    base.update(kw)
    return CheckFinding(**base)


def test_highlight_escapes_and_marks_spans():
    assert highlight("a <тройки> b", [(3, 9)]) == "a &lt;<mark>тройки</mark>&gt; b"


def test_html_escapes_segment_markup_and_lists_the_term():
    html = render_html(CheckResult([_finding()], 1, ["term-missing"]))
    assert "The &lt;b&gt;decisions&lt;/b&gt;." in html and "<mark>тройки</mark>" in html
    assert 'data-value="troika"' in html


def test_xlsx_never_turns_a_segment_into_a_formula(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    write_xlsx(CheckResult([_finding(target="=SUM(A1:A9)")], 1, ["term-missing"]), out)
    ws = load_workbook(out)["Findings"]
    cell = ws.cell(2, 5)
    assert cell.value == "=SUM(A1:A9)" and cell.data_type == "s"


def test_sarif_levels_follow_severity():
    log = json.loads(render_sarif([_finding(), _finding(check="term-forbidden", severity="error", tuid="2")]))
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert results["term-missing"]["level"] == "warning" and results["term-forbidden"]["level"] == "error"
    assert results["term-missing"]["properties"]["concept"] == "troika"
