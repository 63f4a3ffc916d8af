"""Which lines of which files changed since a git revision: `git diff --unified=0 REF`, read for
the new side's line numbers. CI reports only the findings on those lines (`--diff-base REF`)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from ..core.errors import GlossaryError

_FILE = re.compile(r"^\+\+\+ (?:b/(.*)|/dev/null)$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_BINARY = re.compile(r"^Binary files (?:a/.*|/dev/null) and b/(.*) differ$")


class GitError(GlossaryError):
    """git is missing, the folder is no repository, or the revision is unknown."""


class Located(Protocol):
    path: str
    line: int


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("--diff-base needs git, and git is not installed") from None
    if done.returncode != 0:
        first = done.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        raise GitError(
            f"--diff-base: git {' '.join(args[:2])} failed: {first[0] if first else 'exit ' + str(done.returncode)}"
        )
    return done.stdout.decode("utf-8", "surrogateescape")


def changed_lines(base: str, cwd: Path | None = None) -> dict[Path, set[int]]:
    """Resolved path → 1-based lines added or changed since *base* (the work tree against it)."""
    cwd = cwd or Path.cwd()
    if base.startswith("-"):
        raise GitError(f"--diff-base: {base!r} is not a revision")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    out: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", base, "--"], cwd).splitlines():
        m = _FILE.match(line)
        if m:
            current = out.setdefault((top / m.group(1)).resolve(), set()) if m.group(1) else None
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            current.update(range(start, start + count))
            continue
        m = _BINARY.match(line)
        if m:  # a DOCX, XLSX or TM store has no lines to compare: changed, it is new as a whole
            out[(top / m.group(1)).resolve()] = _ALL
            current = None
    # files git does not track yet are new: every line of them is changed
    for name in _git(["ls-files", "--others", "--exclude-standard", "--full-name"], top).splitlines():
        out[(top / name).resolve()] = _ALL
    return out


class _AllLines(set):
    def __contains__(self, item: object) -> bool:
        return True


_ALL: set[int] = _AllLines()


def touches(changed: dict[Path, set[int]], path: Path, first: int, last: int | None) -> bool:
    """Whether lines *first*..*last* (None: to the end) of *path* hold a changed line."""
    lines = changed.get(path.resolve())
    if lines is None:
        return False
    if isinstance(lines, _AllLines):
        return True
    return any(first <= n and (last is None or n <= last) for n in lines)


def only_changed(findings: Iterable[Located], changed: dict[Path, set[int]]) -> list:
    """The findings on changed lines (untracked files count as all new; others drop out)."""
    return [f for f in findings if f.line in changed.get(Path(f.path).resolve(), ())]
