r"""LaTeX: `\newglossaryentry` definitions for the `glossaries` package, for books typeset in LaTeX.

Why glossaries entries and not a .bib for bib2gls: the file needs nothing but the glossaries
package (no Java, no extra build step), `\printnoidxglossary` works without makeindex or xindy, and
the entries stay readable and editable. Our collation travels with the entries twice over: they are
written in glossary order, and each has `sort={00001}`, its rank, so any indexing backend
(noidx, makeindex, xindy) reproduces Russian alphabetical order, which none of them gets right by
itself. Letter groups are therefore not computed by LaTeX: use a style without groups (e.g.
`altlist`, `index`) — the entries still appear in the right order.

Fields: name = headword, description = everything after it (romanization, grammar, renderings,
gloss); user1/user2 = romanization in the first/second scheme; user3 = grammar label; cross-references
are `\glshyperlink`s inside the description. Every value is escaped for LaTeX; Cyrillic needs
XeLaTeX or LuaLaTeX with a Cyrillic font (the header comment shows a working preamble).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.atomic import atomic_write_text
from .entries import Entry, Form, Glossary

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
}
_SPECIAL_RE = re.compile(r"[\\{}$&#^_%~]")

HEADER = r"""%% %(title)s
%% Glossary entries written by slovnik (`glossary print`): %(count)d entries, %(direction)s.
%% %(note)s
%% %(key)s
%%
%% Usage, with XeLaTeX or LuaLaTeX:
%%   \usepackage{fontspec}
%%   \setmainfont{Libertinus Serif}
%%   \usepackage[russian,english]{babel}
%%   \usepackage[nonumberlist,nopostdot]{glossaries}
%%   \makenoidxglossaries
%%   \loadglsentries{%(name)s}
%%   ...
%%   \glsaddall
%%   \printnoidxglossary[sort=def,style=altlist]
"""


def escape(text: str) -> str:
    """Escape the ten LaTeX special characters; collapse whitespace (no paragraph breaks)."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], " ".join(text.split()))


def _lang(f_lang: str, text: str) -> str:
    return rf"\foreignlanguage{{russian}}{{{text}}}" if f_lang.startswith("ru") else text


def _tail(f: Form) -> str:
    """Romanization and grammar label of a form: ` \\textit{nomenklatura} \\textit{f.}`."""
    out = ""
    for i, r in enumerate(f.shown_romanizations):
        out += rf" \textit{{{escape(r)}}}" if i == 0 else rf" [\textit{{{escape(r)}}}]"
    if f.grammar:
        out += rf" \textit{{{escape(f.grammar)}}}"
    return out


def _form(f: Form, *, bold: bool = False, note: bool | None = None) -> str:
    text = _lang(f.lang, escape(f.text))
    out = (rf"\textbf{{{text}}}" if bold else text) + _tail(f)
    if f.note and (not bold if note is None else note):
        out += f" ({escape(f.note)})"
    return out


def description(e: Entry, source: str) -> str:
    """The text after the headword: romanization, grammar, variants, renderings, gloss, see also."""
    head = e.headword
    parts = []
    tail = _tail(head).strip()
    if tail:
        parts.append(tail)
    if e.variants:
        parts.append("also " + ", ".join(_form(v, bold=True) for v in e.variants) + ";")
    if e.subjects:
        parts.append(rf"\textsc{{{escape(', '.join(e.subjects))}}}")
    meaning = e.meaning(_form, r"\textit{not}", lambda f: _form(f, bold=True, note=True))
    if meaning:
        parts.append(meaning)
    if e.gloss:
        parts.append(escape(e.gloss))
    if e.see_also:
        refs = ", ".join(
            rf"\protect\glshyperlink[{_lang(source, escape(r.label))}]{{{r.concept_id}}}" for r in e.see_also
        )
        parts.append(rf"\textsc{{see also}} {refs}.")
    return " ".join(parts)


def entry(e: Entry, rank: int, width: int, source: str) -> str:
    head = e.headword
    fields = [
        f"  name={{{_lang(head.lang, escape(head.text))}}}",
        f"  sort={{{rank:0{width}d}}}",
    ]
    for key, value in (
        ("user1", head.romanized[0] if head.romanized else ""),
        ("user2", head.romanized[1] if len(head.romanized) > 1 else ""),
        ("user3", head.grammar),
    ):
        if value:
            fields.append(f"  {key}={{{escape(value)}}}")
    fields.append(f"  description={{{description(e, source)}}}")
    return f"\\newglossaryentry{{{e.concept_id}}}{{\n" + ",\n".join(fields) + "\n}\n"


def render(glossary: Glossary, *, name: str = "glossary.tex") -> str:
    entries = glossary.entries
    width = max(4, len(str(len(entries))))
    header = HEADER % {
        "title": escape(glossary.title),
        "count": len(entries),
        "direction": glossary.direction,
        "note": escape(glossary.romanization_note),
        "key": escape(glossary.key),
        "name": name,
    }
    out = [header]
    rank = 0
    for group in glossary.groups:
        out.append(f"% --- {group.letter} ---")
        for e in group.entries:
            rank += 1
            out.append(entry(e, rank, width, glossary.source_lang))
    return "\n".join(out)


def write(glossary: Glossary, path: Path) -> None:
    atomic_write_text(path, render(glossary, name=Path(path).name))
