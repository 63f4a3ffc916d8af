"""The Finding record and its four renderers (SARIF validated against the OASIS 2.1.0 schema)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from glossary.findings import (
    Finding,
    Fix,
    RuleMeta,
    render_github,
    render_json,
    render_sarif,
    render_statistics,
    render_summary,
    render_text,
)

SCHEMA = json.loads((Path(__file__).parent / "data" / "lint" / "sarif-schema-2.1.0.json").read_text("utf-8"))
RULES = [
    RuleMeta("R101", "inconsistent-romanization", "One Russian word written several ways", "Long help."),
    RuleMeta("S301", "mixed-script", "Latin and Cyrillic letters in one word", severity="error"),
]


def _findings() -> list[Finding]:
    return [
        Finding(
            "S301",
            "mixed-script",
            "Mixed Latin/Cyrillic letters in `plenumе`",
            "docs/b file.md",
            3,
            7,
            text="plenumе",
            severity="error",
            fix=Fix("plenume", 40, 47),
        ),
        Finding(
            "R101",
            "inconsistent-romanization",
            "`Tukhachevskii` is also written `Tukhachevsky`",
            "a.txt",
            10,
            1,
            text="Tukhachevskii",
            extra={"variants": ["Tukhachevskii", "Tukhachevsky"], "cyrillic": "Тухачевский"},
        ),
    ]


def test_end_column_defaults_to_the_column_after_the_text():
    f = _findings()[1]
    assert (f.end_line, f.end_column) == (10, 1 + len("Tukhachevskii"))


def test_text_output_is_ruff_concise_sorted_by_path_and_marks_safe_fixes():
    out = render_text(_findings())
    assert out.splitlines() == [
        "a.txt:10:1: R101 `Tukhachevskii` is also written `Tukhachevsky`",
        "docs/b file.md:3:7: S301 [*] Mixed Latin/Cyrillic letters in `plenumе`",
    ]


def test_summary_counts_findings_and_fixable_ones():
    assert render_summary(_findings()) == "Found 2 errors.\n[*] 1 fixable with the `--fix` option.\n"
    assert render_summary([]) == "All checks passed!\n"


def test_statistics_lists_each_rule_with_its_count():
    out = render_statistics(_findings() + _findings()[:1])
    assert out.splitlines()[0].split("\t") == ["    2", "S301", "[*] mixed-script"]


def test_json_contract_has_required_keys_and_rule_specific_data():
    data = json.loads(render_json(_findings()))
    assert isinstance(data, list) and len(data) == 2
    for item in data:
        assert {"code", "name", "message", "path", "line", "column", "text"} <= item.keys()
    r101 = data[0]
    assert r101["variants"] == ["Tukhachevskii", "Tukhachevsky"]
    assert r101["cyrillic"] == "Тухачевский"
    assert data[1]["fix"] == {"replacement": "plenume", "safe": True, "message": ""}


def test_sarif_output_validates_against_the_official_schema():
    log = json.loads(render_sarif(_findings(), "slovnik-lint", RULES, version="0.1.0"))
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["R101", "S301"]
    first, second = run["results"]
    assert first["ruleId"] == "R101" and first["ruleIndex"] == 0
    assert first["properties"]["cyrillic"] == "Тухачевский"
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/b%20file.md"
    replacement = second["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "plenume"
    assert replacement["deletedRegion"] == {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 14}


def test_sarif_with_no_findings_still_validates():
    jsonschema.validate(json.loads(render_sarif([], "slovnik-lint", RULES)), SCHEMA)


def test_the_schema_copy_rejects_a_broken_log():
    log = json.loads(render_sarif(_findings(), "slovnik-lint", RULES))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)


def test_github_annotations_escape_separators_in_properties_and_newlines_in_data():
    f = Finding(
        "T201",
        "termbase-rendering",
        "use `nomenklatura`\nnot this",
        "dir,x/a:b.md",
        2,
        5,
        text="nomenclature",
    )
    out = render_github([f])
    assert out == (
        "::error title=T201 termbase-rendering,file=dir%2Cx/a%3Ab.md,line=2,col=5,endLine=2,"
        "endColumn=17::T201 use `nomenklatura`%0Anot this\n"
    )
    assert render_github([f], level=None).startswith("::warning ")
