"""Text, JSON and SARIF renderings of tm check findings (SARIF by glossary.findings: a CheckFinding
is a Finding)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from glossary import findings as gf
from tm.checks import CHECKS
from tm.checks.base import CheckFinding

_SARIF_LEVEL: dict[str, gf.Severity] = {"error": "error", "warning": "warning", "note": "note"}


def render_text(findings: Sequence[CheckFinding], units: int) -> str:
    """One line per finding (`path:line: [check] tuid: message`) and a summary by check."""
    lines = []
    for f in findings:
        where = f"{f.path or '-'}:{f.line}" if f.line else (f.path or "-")
        lines.append(f"{where}: {f.severity} [{f.check}] {f.tuid[:40]}: {f.message}")
    counts = Counter(f.check for f in findings)
    if findings:
        lines.append("")
        lines.append(
            f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in {units} units: "
            + ", ".join(f"{c} {n}" for c, n in counts.most_common())
        )
    else:
        lines.append(f"All checks passed ({units} units).")
    return "\n".join(lines) + "\n"


def render_json(findings: Sequence[CheckFinding]) -> str:
    """The JSON contract: an array of `CheckFinding.to_dict()`, one finding per line (greppable, and
    written by json's C encoder: `indent=` would switch to the pure-Python one, 3× slower)."""
    if not findings:
        return "[]\n"
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    return "[\n  " + ",\n  ".join(dumps(f.to_dict()) for f in findings) + "\n]\n"


def rules() -> list[gf.RuleMeta]:
    return [
        gf.RuleMeta(c.id, c.id, c.title, (c.run.__doc__ or c.title).strip(), _SARIF_LEVEL[c.severity])
        for c in CHECKS.values()
    ]


def render_sarif(findings: Sequence[CheckFinding]) -> str:
    from glossary import __version__

    return gf.render_sarif(findings, "slovnik tm check", rules(), version=__version__)
