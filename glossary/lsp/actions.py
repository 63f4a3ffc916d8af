"""Code actions: the fix of one finding, every safe fix at once (`source.fixAll.slovnik`, the text
`glossary lint --fix` writes), "ignore here" (the suppression comment the readers understand) and
"add to the termbase" (a spelling the termbase lacks, written back atomically)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp

from ..core.errors import GlossaryError
from ..lint.fix import plan_fixes
from ..lint.sources import Document
from ..termbase.model import Concept, Status, Term
from .convert import SOURCE, Lines
from .project import Buffer, Outcome, read_buffer

FIX_ALL = "source.fixAll.slovnik"
ADD_TERM_COMMAND = "slovnik.addTerm"


def _edit(uri: str, version: int | None, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(
        document_changes=[
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=edits,
            )
        ]
    )


def fix_action(diagnostic: lsp.Diagnostic, buffer: Buffer, lines: Lines) -> lsp.CodeAction | None:
    """The fix a diagnostic carries, if the text under it is still the text it was found on."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    fix = data.get("fix")
    if not fix or diagnostic.source != SOURCE:
        return None
    a, b = lines.offset(diagnostic.range.start), lines.offset(diagnostic.range.end)
    if buffer.text[a:b] != data.get("text"):
        return None  # stale: the buffer changed under the diagnostic
    title = fix.get("message") or f"Replace with `{fix['replacement']}`"
    return lsp.CodeAction(
        title=f"{title} ({diagnostic.code})",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=bool(fix.get("safe")),
        edit=_edit(
            buffer.uri, buffer.version, [lsp.TextEdit(range=diagnostic.range, new_text=fix["replacement"])]
        ),
    )


def fixed_text(outcome: Outcome) -> str | None:
    """The buffer with every safe fix applied, as `glossary lint --fix` applies them; None when
    there is nothing to fix."""
    if outcome.document is None:
        return None
    planned = [p for p in plan_fixes(outcome.findings, [outcome.document]) if p.changed]
    return planned[0].fixed if planned else None


def fix_all_action(outcome: Outcome, buffer: Buffer, lines: Lines) -> lsp.CodeAction | None:
    text = fixed_text(outcome)
    if text is None:
        return None
    whole = lsp.Range(start=lsp.Position(line=0, character=0), end=lines.at_offset(len(buffer.text)))
    count = sum(f.fixable for f in outcome.findings)
    return lsp.CodeAction(
        title=f"slovnik: fix all safe fixes ({count})",
        kind=FIX_ALL,
        edit=_edit(buffer.uri, buffer.version, [lsp.TextEdit(range=whole, new_text=text)]),
    )


# ------------------------------------------------------------ ignore here

_HTML_BLOCK = re.compile(
    r"<(p|li|h[1-6]|td|th|dd|dt|blockquote|figcaption|caption|div|section|article|"
    r"aside|header|footer)\b[^>]*>",
    re.I,
)
_UNIT_START = re.compile(r"<(trans-unit|unit|tu)\b")


def _directive(code: str) -> str:
    return f"slovnik: ignore[{code}]"


def ignore_edit(buffer: Buffer, document: Document, line: int, code: str) -> tuple[int, str, int] | None:
    """(offset, text to insert, line the finding is on afterwards) for a directive that suppresses
    *code* on 1-based *line*, in the comment syntax of the buffer's format."""
    text = buffer.text
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    i = line - 1
    kind = document.kind
    if kind == "text":
        return starts[i] + len(lines[i]), f"  # {_directive(code)}", line
    if kind == "markdown":
        return starts[i] + len(lines[i]), f" <!-- {_directive(code)} -->", line
    if kind == "po":
        j = i
        while j > 0 and lines[j - 1].strip():
            j -= 1
        return starts[j], f"# {_directive(code)}\n", line + 1
    if kind == "html":
        at = None
        for m in _HTML_BLOCK.finditer(text, 0, starts[i] + len(lines[i])):
            if m.start() <= starts[i] + len(lines[i]):
                at = m.start()
        if at is None:
            return None
        return at, f"<!-- {_directive(code)} -->", line
    if kind in ("xliff", "tmx"):
        at = None
        for m in _UNIT_START.finditer(text, 0, starts[i] + len(lines[i])):
            at = m.start()
        if at is None:
            return None
        indent_start = text.rfind("\n", 0, at) + 1
        indent = text[indent_start:at] if not text[indent_start:at].strip() else ""
        return at, f"<!-- {_directive(code)} -->\n{indent}", line + 1
    return None


def ignore_action(
    diagnostic: lsp.Diagnostic, buffer: Buffer, document: Document, lines: Lines
) -> lsp.CodeAction | None:
    """Insert the suppression comment, offered only when the reader is seen to honour it."""
    if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str) or diagnostic.code == "unreadable":
        return None
    line = diagnostic.range.start.line + 1
    planned = ignore_edit(buffer, document, line, diagnostic.code)
    if planned is None:
        return None
    offset, insert, after = planned
    edited = Buffer(
        buffer.uri, buffer.text[:offset] + insert + buffer.text[offset:], buffer.version, buffer.language
    )
    try:
        if not read_buffer(edited).suppressed(after, diagnostic.code):
            return None
    except GlossaryError:
        return None
    at = lines.at_offset(offset)
    return lsp.CodeAction(
        title=f"Ignore {diagnostic.code} here ({_directive(diagnostic.code)})",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_edit(
            buffer.uri, buffer.version, [lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=insert)]
        ),
    )


# ------------------------------------------------------------ add to the termbase


def add_term_actions(diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    """For a romanized word the lint read as Russian: record its spelling in the termbase."""
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    word, cyrillic = data.get("text"), data.get("cyrillic")
    if diagnostic.source != SOURCE or not word or not cyrillic or not str(diagnostic.code).startswith("R"):
        return []
    return [
        lsp.CodeAction(
            title=f"Add `{word}` to the termbase as the {status} rendering of {cyrillic}",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            command=lsp.Command(
                title=f"Add to termbase ({status})",
                command=ADD_TERM_COMMAND,
                arguments=[word, cyrillic, status],
            ),
        )
        for status in ("preferred", "admitted")
    ]


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def add_rendering(path: Path, word: str, cyrillic: str, status: str) -> str:
    """Record *word* as an English rendering (preferred or admitted) of the concept whose Russian
    term is *cyrillic* (a new concept when there is none) and write the termbase atomically.
    Returns what was done, in one line."""
    from ..termbase import load_termbase, new_concept_id, save_termbase

    wanted = Status.parse(status)
    if wanted not in (Status.PREFERRED, Status.ADMITTED):
        raise GlossaryError(f"a spelling is added as preferred or admitted, not {status!r}")
    tb = load_termbase(path)
    key = _fold(cyrillic)
    concept: Concept | None = next(
        (c for c in tb if any(t.lang.startswith("ru") and _fold(t.text) == key for t in c.terms)), None
    )
    if concept is None:
        concept = Concept(
            new_concept_id(tb, word, cyrillic), terms=[Term(cyrillic, "ru"), Term(word, "en", wanted)]
        )
        tb.add(concept)
        done = f"added {concept.id}: {cyrillic} = {word} ({wanted.value})"
    else:
        same = next((t for t in concept.terms_in("en") if t.text == word), None)
        if wanted is Status.PREFERRED:
            for t in concept.terms_in("en"):
                if t.status is Status.PREFERRED and t is not same:
                    t.status = Status.ADMITTED  # one preferred rendering per concept
        if same is None:
            concept.terms.append(Term(word, "en", wanted))
        else:
            same.status = wanted
        tb.changed()
        done = f"{concept.id}: {word} is now {wanted.value}"
    save_termbase(tb, path)
    return done


def arguments(args: Any) -> tuple[str, str, str]:
    """The addTerm command's arguments ([word, cyrillic, status]), checked."""
    if isinstance(args, list) and len(args) == 1 and isinstance(args[0], list):
        args = args[0]
    if not (isinstance(args, list) and len(args) == 3 and all(isinstance(a, str) for a in args)):
        raise GlossaryError(f"{ADD_TERM_COMMAND} takes [word, cyrillic, status]")
    return args[0], args[1], args[2]
