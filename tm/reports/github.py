"""tm check findings as GitHub Actions workflow commands (annotations on a pull request), through
the renderer glossary lint uses: each finding at its unit's line, at the level of its severity."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from glossary import findings as gf
from tm.checks import CHECKS
from tm.checks.base import CheckFinding


def render_github(findings: Sequence[CheckFinding], paths: Sequence[Path] = ()) -> str:
    """Workflow commands for *findings*. The readers name a unit's file by its base name: *paths*
    (the files checked) give the path as written on the command line, which is what GitHub needs."""
    named = {p.name: str(p) for p in paths}
    out: list[gf.Finding] = []
    for f in findings:  # a CheckFinding is a Finding: a copy named for the annotation
        shown = copy.copy(f)
        shown.path = named.get(f.path, f.path) if f.path is not None else f.path
        shown.name = CHECKS[f.code].title if f.code in CHECKS else f.name
        out.append(shown)
    return gf.render_github(out, level=None)
