"""One diagnostic record for every checker (glossary validate, glossary lint, tm check) and its renderers.

A `Finding` says what is wrong, where (1-based line and column in the checked file) and, when a safe
mechanical repair exists, how to fix it. Renderers only format: `render_text` (ruff's concise
`path:line:col: CODE message`), `render_json` (the documented contract), `render_sarif` (SARIF 2.1.0)
and `render_github` (workflow commands that become annotations on a pull request).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning", "note"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")  # worst first

SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@dataclass(frozen=True)
class Fix:
    """Replace the file's characters [start, end) with *replacement*.

    Offsets index the decoded text of the file (not the extracted prose), so a fix can be applied
    without re-parsing. `safe` fixes are applied by `--fix`; unsafe ones are only shown.
    """

    replacement: str
    start: int
    end: int
    safe: bool = True
    message: str = ""


@dataclass(frozen=True)
class RuleMeta:
    """What a renderer needs to know about a rule: code, kebab name, one-line title, long help."""

    code: str
    name: str
    title: str
    help: str = ""
    severity: Severity = "warning"


@dataclass
class Finding:
    """One problem at one place. `line`/`column` are 1-based; the end is exclusive (column after)."""

    code: str
    name: str
    message: str
    path: str
    line: int
    column: int
    text: str = ""
    end_line: int | None = None
    end_column: int | None = None
    severity: Severity = "warning"
    fix: Fix | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.end_line is None:
            self.end_line = self.line
        if self.end_column is None:
            self.end_column = self.column + len(self.text)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.safe

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)

    def properties(self) -> dict[str, Any]:
        """What a SARIF result's property bag carries: the rule name and the rule-specific data."""
        return {"name": self.name, **self.extra}

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: fixed keys first, rule-specific data (variants, cyrillic, …) after."""
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "severity": self.severity,
            "fix": None
            if self.fix is None
            else {
                "replacement": self.fix.replacement,
                "safe": self.fix.safe,
                "message": self.fix.message,
            },
        }
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """By place: path, line, column, code (a finding without a path or a line sorts as `-`, line 1)."""
    return sorted(findings, key=_place)


def _place(f: Finding) -> tuple[str, int, int, str]:
    return (f.path or "-", f.line or 1, f.column, f.code)


# ---------------------------------------------------------------- text


def render_text(findings: Iterable[Finding]) -> str:
    """ruff's concise format: `path:line:col: CODE [*] message`, `[*]` marking a safe fix."""
    lines = []
    for f in sorted_findings(findings):
        mark = " [*]" if f.fixable else ""
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.code}{mark} {f.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_summary(findings: Sequence[Finding]) -> str:
    """The closing line(s) of text output, worded like ruff's."""
    if not findings:
        return "All checks passed!\n"
    n = len(findings)
    out = f"Found {n} error{'s' if n != 1 else ''}.\n"
    fixable = sum(f.fixable for f in findings)
    if fixable:
        out += f"[*] {fixable} fixable with the `--fix` option.\n"
    return out


def statistics(findings: Iterable[Finding]) -> list[tuple[int, str, str, int]]:
    """(count, code, name, fixable count) per rule, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[tuple[str, str]] = Counter()
    for f in findings:
        counts[f.code, f.name] += 1
        fixable[f.code, f.name] += f.fixable
    return [
        (n, code, name, fixable[code, name])
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]


def render_statistics(findings: Iterable[Finding]) -> str:
    rows = statistics(findings)
    return "".join(f"{n:>5}\t{code}\t{'[*] ' if fx else ''}{name}\n" for n, code, name, fx in rows)


# ---------------------------------------------------------------- json


def render_json(findings: Iterable[Finding]) -> str:
    """A JSON array of findings (see `Finding.to_dict`), sorted by path, line and column."""
    return json.dumps([f.to_dict() for f in sorted_findings(findings)], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- github


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def render_github(findings: Iterable[Finding], level: str | None = "error") -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.

    *level* forces one annotation level (ruff uses `error` for every diagnostic); `None` maps each
    finding's severity instead.
    """
    lines = []
    for f in sorted_findings(findings):
        kind = level or _GITHUB_LEVEL[f.severity]
        props = ",".join(
            [
                f"title={_escape_property(f'{f.code} {f.name}')}",
                f"file={_escape_property(f.path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
            ]
        )
        lines.append(f"::{kind} {props}::{_escape_data(f'{f.code} {f.message}')}")
    return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------- sarif


def _artifact_uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    # A relative URI reference: forward slashes, percent-encoding for spaces and the like.
    from urllib.parse import quote

    return quote(p.as_posix())


def _sarif_rule(rule: RuleMeta) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "defaultConfiguration": {"level": rule.severity},
    }
    if rule.help:
        entry["fullDescription"] = {"text": rule.help}
        entry["help"] = {"text": rule.help}
    return entry


def _sarif_result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    uri = _artifact_uri(f.path or "-")  # a tm finding read from standard input has no path
    region: dict[str, Any] = {
        "startLine": f.line or 1,  # nor, from a store or a spreadsheet, a line
        "startColumn": f.column,
        "endLine": f.end_line or 1,
        "endColumn": f.end_column,
    }
    if f.text:
        region["snippet"] = {"text": f.text}
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": f.severity,
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
    }
    if f.code in rule_index:
        result["ruleIndex"] = rule_index[f.code]
    if f.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": f.fix.message or f"Replace with {f.fix.replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")
                                },
                                "insertedContent": {"text": f.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    properties = f.properties()
    if f.fix is not None:
        properties["fixSafe"] = f.fix.safe
    result["properties"] = properties
    return result


def sarif_log(
    findings: Iterable[Finding],
    tool_name: str,
    rules: Iterable[RuleMeta],
    *,
    version: str | None = None,
    information_uri: str | None = None,
    properties: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The SARIF 2.1.0 log as a dict (one run; every known rule is listed in the driver).
    *properties*: the run's property bag (lint's house scheme)."""
    rule_list = list(rules)
    rule_index = {r.code: i for i, r in enumerate(rule_list)}
    driver: dict[str, Any] = {"name": tool_name, "rules": [_sarif_rule(r) for r in rule_list]}
    if version:
        driver["version"] = version
    if information_uri:
        driver["informationUri"] = information_uri
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(f, rule_index) for f in sorted_findings(findings)],
    }
    if properties:
        run["properties"] = properties
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(
    findings: Iterable[Finding],
    tool_name: str,
    rules: Iterable[RuleMeta],
    *,
    version: str | None = None,
    information_uri: str | None = None,
    properties: dict[str, Any] | None = None,
) -> str:
    """SARIF 2.1.0 JSON text (validates against the OASIS schema)."""
    log = sarif_log(
        findings, tool_name, rules, version=version, information_uri=information_uri, properties=properties
    )
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
