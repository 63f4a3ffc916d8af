"""tm check findings as GitHub Actions workflow commands (annotations on a pull request), through
the renderer glossary lint uses: each finding at its unit's line, at the level of its severity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from glossary import findings as gf
from tm.checks import CHECKS
from tm.checks.base import CheckFinding

from .render import to_finding


def render_github(findings: Sequence[CheckFinding], paths: Sequence[Path] = ()) -> str:
    """Workflow commands for *findings*. The readers name a unit's file by its base name: *paths*
    (the files checked) give the path as written on the command line, which is what GitHub needs."""
    named = {p.name: str(p) for p in paths}
    out = [to_finding(f) for f in findings]
    out = [replace(f, path=named.get(f.path, f.path), name=CHECKS[f.code].title if f.code in CHECKS else f.name)
           for f in out]
    return gf.render_github(out, level=None)
