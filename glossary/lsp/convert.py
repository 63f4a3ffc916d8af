"""Findings as LSP diagnostics: ranges in the client's position encoding, the rule's documentation
as `codeDescription`, the fix (and what hover and code actions need) in `data`."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.workspace.position_codec import PositionCodec

from ..findings import Finding
from .project import Outcome, UnitIssue

SOURCE = "slovnik"
TM_SOURCE = "slovnik tm check"
_SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "note": lsp.DiagnosticSeverity.Information,
}


class Lines:
    """A text's lines and offsets, to turn code-point positions into client positions."""

    def __init__(self, text: str, codec: PositionCodec):
        self.lines = text.split("\n")
        self.codec = codec
        encoding = str(codec.encoding or lsp.PositionEncodingKind.Utf16)
        # counted by the codecs in C (pygls counts character by character in Python)
        if encoding == lsp.PositionEncodingKind.Utf8:
            self.units = lambda s: len(s.encode("utf-8", "surrogatepass"))
        elif encoding == lsp.PositionEncodingKind.Utf32:
            self.units = len
        else:
            self.units = lambda s: len(s.encode("utf-16-le", "surrogatepass")) // 2
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def position(self, line: int, column: int) -> lsp.Position:
        """1-based line, 1-based code-point column → LSP position."""
        i = min(max(line - 1, 0), len(self.lines) - 1)
        prefix = self.lines[i][: max(column - 1, 0)]
        return lsp.Position(line=i, character=self.units(prefix))

    def at_offset(self, offset: int) -> lsp.Position:
        import bisect

        i = bisect.bisect_right(self.starts, offset) - 1
        return lsp.Position(line=i, character=self.units(self.lines[i][: offset - self.starts[i]]))

    def offset(self, position: lsp.Position) -> int:
        """LSP position → offset of the text (clamped to the text)."""
        i = min(max(position.line, 0), len(self.lines) - 1)
        line = self.lines[i]
        # client units → code points: count characters until their units reach the position
        units, col = 0, 0
        while col < len(line) and units < position.character:
            units += self.units(line[col])
            col += 1
        return self.starts[i] + col


@cache
def rule_doc_uri(code: str) -> str:
    """A file URI of the rule's documentation (what `glossary rule CODE` prints), written once per
    server into the cache folder (a private temporary folder when the cache is off)."""
    from .. import __version__
    from ..core.atomic import atomic_write_text
    from ..core.termcache import cache_dir
    from ..lint.rules import RULES

    base = cache_dir()
    folder = (base / f"lsp-rules-{__version__}") if base is not None else Path(_private_dir())
    path = folder / f"{code}.md"
    rule = RULES.get(code)
    if rule is not None:
        text = f"# {rule.code} {rule.name}\n\n{rule.title()}\n\n{rule.documentation()}\n"
    else:
        text = _tm_check_doc(code)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
    except OSError:
        pass  # the link points nowhere; the diagnostic is still right
    return path.as_uri()


@cache
def _private_dir() -> str:
    return tempfile.mkdtemp(prefix="slovnik-lsp-rules-")


def _tm_check_doc(check_id: str) -> str:
    from tm.checks import CHECKS

    check = CHECKS.get(check_id)
    title = check.title if check is not None else check_id
    return f'# tm check: {check_id}\n\n{title}.\n\nSee `tm check --help` and README, "Checking a TM".\n'


def finding_data(f: Finding, uri: str) -> dict[str, Any]:
    """What code actions and hover need from a finding, carried in the diagnostic's `data`."""
    data: dict[str, Any] = {"uri": uri, "code": f.code, "text": f.text}
    if f.fix is not None:
        data["fix"] = {
            "replacement": f.fix.replacement,
            "safe": f.fix.safe,
            "message": f.fix.message,
            "start": f.fix.start,
            "end": f.fix.end,
        }
    elif "suggestion" in f.extra:
        data["suggestion"] = f.extra["suggestion"]
    for key in ("cyrillic", "canonical", "variants", "concept", "preferred", "house_scheme"):
        if f.extra.get(key) is not None:
            data[key] = f.extra[key]
    return data


def lint_diagnostic(f: Finding, lines: Lines, uri: str) -> lsp.Diagnostic:
    start = lines.position(f.line, f.column)
    end = lines.position(f.end_line or f.line, f.end_column or f.column)
    return lsp.Diagnostic(
        range=lsp.Range(start=start, end=end),
        message=f.message,
        severity=_SEVERITY.get(f.severity),
        code=f.code,
        code_description=lsp.CodeDescription(href=rule_doc_uri(f.code)),
        source=SOURCE,
        data=finding_data(f, uri),
    )


def unit_diagnostic(issue: UnitIssue, lines: Lines, uri: str) -> lsp.Diagnostic:
    f: Any = issue.finding
    data: dict[str, Any] = {"uri": uri, "code": f.check, "tuid": f.tuid, "signature": f.signature}
    if f.expected:
        data["expected"] = list(f.expected)
    return lsp.Diagnostic(
        range=lsp.Range(start=lines.at_offset(issue.start), end=lines.at_offset(issue.end)),
        message=f.message,
        severity=_SEVERITY.get(f.severity),
        code=f.check,
        code_description=lsp.CodeDescription(href=rule_doc_uri(f.check)),
        source=TM_SOURCE,
        data=data,
    )


def diagnostics(outcome: Outcome, codec: PositionCodec) -> list[lsp.Diagnostic]:
    """Every diagnostic of one pass over one buffer."""
    lines = Lines(outcome.text, codec)
    if outcome.problem is not None:
        line, message = outcome.problem
        at = lines.position(line or 1, 1)
        end = lsp.Position(line=at.line, character=lines.units(lines.lines[at.line]))
        return [
            lsp.Diagnostic(
                range=lsp.Range(start=at, end=end),
                message=message,
                severity=lsp.DiagnosticSeverity.Error,
                code="unreadable",
                source=SOURCE,
            )
        ]
    out = [lint_diagnostic(f, lines, outcome.uri) for f in outcome.findings]
    out += [unit_diagnostic(u, lines, outcome.uri) for u in outcome.units]
    return out
