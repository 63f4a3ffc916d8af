"""Apply safe fixes to the files they belong to: all fixes of a file at once, written atomically,
or shown as a unified diff without writing anything."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.atomic import atomic_write_bytes
from ..findings import Finding, Fix
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
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.fixed.splitlines(keepends=True),
                fromfile=f"a/{path}",
                tofile=f"b/{path}",
            )
        )

    def write(self) -> None:
        """Replace the file atomically, in its own encoding (a BOM it had is kept)."""
        atomic_write_bytes(self.document.path, self.fixed.encode(self.document.encoding))


def plan_fixes(findings: Iterable[Finding], documents: Iterable[Document]) -> list[FixedFile]:
    """Apply every safe fix to its document's text. Overlapping fixes: the first (in file order)
    wins; the same replacement of the same span from two rules is applied once."""
    by_path: dict[str, list[tuple[Fix, Finding]]] = defaultdict(list)
    for f in findings:
        if f.fixable and f.fix is not None:
            by_path[f.path].append((f.fix, f))
    out = []
    for doc in documents:
        todo = by_path.get(str(doc.path))
        if not todo or doc.source is None:
            continue
        todo.sort(key=lambda pair: (pair[0].start, pair[0].end))
        chosen: list[Fix] = []
        applied: list[Finding] = []
        end = -1
        for fix, f in todo:
            if chosen and (fix.start, fix.end, fix.replacement) == (
                chosen[-1].start,
                chosen[-1].end,
                chosen[-1].replacement,
            ):
                applied.append(f)
                continue
            if fix.start < end:
                continue
            chosen.append(fix)
            applied.append(f)
            end = fix.end
        text = doc.source
        for fix in reversed(chosen):
            text = text[: fix.start] + fix.replacement + text[fix.end :]
        out.append(FixedFile(doc, doc.source, text, applied))
    return out
