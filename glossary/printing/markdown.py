"""Markdown: one paragraph per entry under `##` letter headings (CommonMark; renders on GitHub).

    **номенклатура** *nomenklatura* *f.* (party) **nomenklatura**; *not* nomenclature (a false friend).
    The list of senior posts … *See also* **Центральный комитет**, **аппарат**.

Cross-references are the referenced headwords in bold rather than links: heading and paragraph
anchors differ between Markdown renderers, a bold headword is found in every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.atomic import atomic_write_text
from .entries import Entry, Form, Glossary

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    """Backslash-escape Markdown punctuation; collapse whitespace (an entry is one paragraph)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def romanized(f: Form) -> str:
    """`*nomenklatura*`, then `[*nomenklatura*]` for a second scheme where it differs."""
    return " ".join(
        f"*{escape(r)}*" if i == 0 else f"\\[*{escape(r)}*\\]" for i, r in enumerate(f.shown_romanizations)
    )


def form(f: Form, *, bold: bool = False, note: bool = True) -> str:
    parts = [f"**{escape(f.text)}**" if bold else escape(f.text), romanized(f)]
    if f.grammar:
        parts.append(f"*{escape(f.grammar)}*")
    text = " ".join(p for p in parts if p)
    if f.note and note:
        text += f" ({escape(f.note)})"
    return text


def entry(e: Entry) -> str:
    head = ", ".join(form(f, bold=True, note=False) for f in (e.headword, *e.variants))
    parts = [head]
    if e.subjects:
        parts.append(f"({escape(', '.join(e.subjects))})")
    meaning = e.meaning(form, "*not*", lambda f: form(f, bold=True))
    if meaning:
        parts.append(meaning)
    if e.gloss:
        parts.append(escape(e.gloss))
    if e.see_also:
        parts.append("*See also* " + ", ".join(f"**{escape(r.label)}**" for r in e.see_also) + ".")
    return " ".join(parts)


def render(glossary: Glossary) -> str:
    lines = [f"# {escape(glossary.title)}", ""]
    for paragraph in glossary.preface:
        lines += [escape(paragraph), ""]
    if glossary.romanization_note:
        lines += [f"*{escape(glossary.romanization_note)}*", ""]
    if glossary.key:
        lines += [escape(glossary.key), ""]
    for group in glossary.groups:
        lines += [f"## {escape(group.letter)}", ""]
        for e in group.entries:
            lines += [entry(e), ""]
    return "\n".join(lines)


def write(glossary: Glossary, path: Path) -> None:
    atomic_write_text(path, render(glossary))
