"""Apply safe fixes to the files they belong to: all fixes of a file at once, written atomically,
or shown as a unified diff without writing anything."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..atomic import atomic_write_bytes
from ..findings import Finding
from .document import Document


@dataclass
class FixedFile:
    """One file's text before and after its safe fixes, and the findings those fixes resolve."""

    document: Document
    original: str
    fixed: str
    applied: list[Finding]

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        path = str(self.document.path)
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"a/{path}", tofile=f"b/{path}"))

    def write(self) -> None:
        """Replace the file atomically, in its own encoding (a BOM it had is kept)."""
        atomic_write_bytes(self.document.path, self.fixed.encode(self.document.encoding))


def plan_fixes(findings: Iterable[Finding], documents: Iterable[Document]) -> list[FixedFile]:
    """Apply every safe fix to its document's text. Overlapping fixes: the first (in file order)
    wins; the same replacement of the same span from two rules is applied once."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.fixable:
            by_path[f.path].append(f)
    out = []
    for doc in documents:
        todo = by_path.get(str(doc.path))
        if not todo or doc.source is None:
            continue
        todo.sort(key=lambda f: (f.fix.start, f.fix.end))
        chosen: list[Finding] = []
        applied: list[Finding] = []
        end = -1
        for f in todo:
            if chosen and (f.fix.start, f.fix.end, f.fix.replacement) == (
                    chosen[-1].fix.start, chosen[-1].fix.end, chosen[-1].fix.replacement):
                applied.append(f)
                continue
            if f.fix.start < end:
                continue
            chosen.append(f)
            applied.append(f)
            end = f.fix.end
        text = doc.source
        for f in reversed(chosen):
            text = text[: f.fix.start] + f.fix.replacement + text[f.fix.end:]
        out.append(FixedFile(doc, doc.source, text, applied))
    return out
