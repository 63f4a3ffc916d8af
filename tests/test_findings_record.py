"""One finding record and one severity scale for validate, lint and tm check."""

from __future__ import annotations

import json

from glossary import findings
from glossary.findings import Finding
from tm.checks import base
from tm.checks.base import CheckFinding
from tm.reports.render import render_sarif


def _unit_finding(**over) -> CheckFinding:
    fields = {
        "check": "numbers",
        "severity": "error",
        "tuid": "u1",
        "source": "В 1937 году.",
        "target": "In 1938.",
        "message": "number 1937 missing in target",
    }
    fields.update(over)
    return CheckFinding(**fields)


def test_a_tm_finding_is_a_finding_with_the_check_as_its_code():
    f = _unit_finding(path="mem.tmx", line=12)
    assert isinstance(f, Finding)
    assert (f.code, f.name, f.check, f.line, f.column) == ("numbers", "numbers", "numbers", 12, 1)


def test_one_severity_scale():
    assert base.SEVERITIES is findings.SEVERITIES
    assert base.Severity is findings.Severity


def test_tm_json_contract_keeps_its_keys():
    data = _unit_finding(concept="c1", expected=["purge"], found=None).to_dict()
    assert list(data)[:6] == ["check", "severity", "tuid", "source", "target", "message"]
    assert data["path"] is None and data["line"] is None
    assert "code" not in data and "column" not in data  # the Finding fields stay out of tm's contract


def test_sarif_reads_a_tm_finding_directly():
    log = json.loads(render_sarif([_unit_finding(), _unit_finding(path="mem.tmx", line=3, tuid="u2")]))
    first, second = log["runs"][0]["results"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "-"
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert second["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert first["properties"]["name"] == "numbers" and first["properties"]["tuid"] == "u1"
    assert "check" not in first["properties"] and "signature" in first["properties"]
