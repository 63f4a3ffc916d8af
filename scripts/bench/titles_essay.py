"""Titles in citations (C4xx) on one real text: what the rules find, what `--fix` changes, and
whether a second run is clean.

    .venv/bin/python scripts/bench/titles_essay.py ../shared/corpus/000_e77f1c82b5a1bb7e.txt

Prints: findings per rule; the works C401 finds cited in more than one way (their title spellings);
C404's author-name variants; the words `--fix` changes, with how many of them lie outside a
title/publisher run (prose touched: should be 0); and the C4xx findings left after the fix.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from glossary.lint.engine import LintSettings, lint_run
from glossary.lint.fix import plan_fixes
from glossary.lint.rules.titles import work_groups
from glossary.lint.sources import read_document
from glossary.lint.titles import runs
from glossary.termbase import STARTER_PATH, load_termbase


def main(path: Path) -> None:
    termbase = load_termbase(STARTER_PATH)
    settings = LintSettings(select=["C4"])
    doc = read_document(path)
    result = lint_run([doc], settings, termbase)
    print(f"{path.name}: {len(doc.text):,} characters")
    print("findings per rule:", dict(sorted(Counter(f.code for f in result.findings).items())))

    from glossary.lint.rules.base import LintContext

    ctx = LintContext([doc], termbase=termbase)
    groups = [g for g in work_groups(ctx) if len({r.text for r in g}) > 1]
    reported = {(f.line, f.column) for f in result.findings if f.code == "C401"}
    print(
        f"works cited in more than one way (C401 groups with a reported word): "
        f"{sum(any(doc.position(w.start) in reported for r in g for w in r.words) for g in groups)}"
    )
    for g in groups:
        if any(doc.position(w.start) in reported for r in g for w in r.words):
            print("  ", " | ".join(sorted({r.text for r in g}, key=lambda t: (-len(t), t))))
    for f in result.findings:
        if f.code == "C404":
            print("author:", f.message)

    title_spans = [(r.start, r.end) for r in runs(ctx) if r.kind in ("title", "publisher")]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        shutil.copyfile(path, copy)
        copy.chmod(0o644)
        fixed_doc = read_document(copy)
        planned = plan_fixes(lint_run([fixed_doc], settings, termbase).findings, [fixed_doc])
        changed = [f for p in planned for f in p.applied]
        outside = [f for f in changed if not any(a <= f.fix.start and f.fix.end <= b for a, b in title_spans)]
        words = Counter((f.text, f.fix.replacement) for f in changed)
        print(
            f"--fix: {len(changed)} fixes, {len(words)} distinct changes, {len(outside)} outside a title run"
        )
        for p in planned:
            p.write()
        again = lint_run([read_document(copy)], settings, termbase).findings
        print(
            f"after --fix: {len(again)} C4xx findings "
            f"({dict(Counter(f.code for f in again))}; fixable left: {sum(f.fixable for f in again)})"
        )
        left = sorted({f.text for f in again})
        if left:
            print("  left:", ", ".join(left))
        print(
            "changes:",
            ", ".join(
                f"{a}→{b}×{n}" if n > 1 else f"{a}→{b}"
                for (a, b), n in sorted(words.items(), key=lambda x: re.sub(r"\W", "", x[0][0]).lower())
            ),
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
