"""HTML: one self-contained file (no external requests) with screen and print CSS.

The print font travels inside the file: Libertinus Serif, subset with fontTools to the characters
the glossary uses and embedded as WOFF data URIs (under 100 KB instead of 960 KB). Print CSS sets
the paper size, two justified columns, letter headings that never end a column, and page numbers
in the bottom margin box (Chromium ≥ 131, WeasyPrint, Prince). Browsers have no running heads with the
page's first and last headword (CSS `string-set` is unsupported); the PDF has them.
"""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

from ..core.atomic import atomic_write_text
from .coverage import FACES, FONTS_DIR, printed_strings
from .entries import Entry, Form, Glossary
from .typst import PAPERS

CSS = """\
@page { size: %(paper)s; margin: 22mm 18mm 22mm 20mm;
  @bottom-center { content: counter(page); font: %(small)spt "Libertinus Serif", serif; } }
html { font-family: "Libertinus Serif", "Linux Libertine", Georgia, serif; font-size: %(size)spt;
  line-height: 1.35; font-variant-numeric: oldstyle-nums; }
body { max-width: 40em; margin: 2em auto; padding: 0 1em; }
header { text-align: center; margin-bottom: 1.5em; }
h1 { font-weight: normal; font-variant: small-caps; font-size: 2em; margin: 0 0 .4em; }
header p.preface { text-align: justify; text-indent: 1em; margin: 0; }
header p.note { font-style: italic; font-size: .92em; margin-top: .6em; }
header p.key { font-size: .92em; margin-top: .2em; }
h2 { text-align: center; font-size: 1.5em; margin: .9em 0 .4em; break-after: avoid; }
h2:first-child { margin-top: 0; }
p.entry { margin: 0 0 .35em; padding-left: 1em; text-indent: -1em; hyphens: auto; }
.hw, .tr { font-weight: bold; }
.rom, .gram, .not, .note { font-style: italic; }
.subj, .see { font-variant: small-caps; }
a.xref { color: inherit; text-decoration: none; }
a.xref:hover { text-decoration: underline; }
/* On paper: two justified columns, as in the PDF; on screen one column reads better. */
@media print {
  html { font-size: %(print_size)spt; }
  body { max-width: none; margin: 0; padding: 0; }
  main { columns: 2; column-gap: 1.6em; }
  p.entry { text-align: justify; }
}
"""


def _font_faces(glossary: Glossary) -> str:
    """@font-face rules with each face subset to the characters printed in it."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    used: dict[str, set[str]] = {face: set() for face in FACES}
    for face, text, _what, _id in printed_strings(glossary):
        used[face].update(text)
    used["regular"].update("0123456789")  # page numbers
    rules = []
    for face, chars in used.items():
        font = TTFont(FONTS_DIR / FACES[face])
        options = subset.Options()
        options.layout_features = ["*"]  # keep small caps, old-style figures, kerning
        options.flavor = "woff"  # zlib: no brotli dependency
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(chars)))
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.flavor = "woff"
        font.save(buffer)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        style = "italic" if face == "italic" else "normal"
        weight = "bold" if face == "bold" else "normal"
        rules.append(
            f'@font-face {{ font-family: "Libertinus Serif"; font-style: {style}; '
            f'font-weight: {weight}; src: url("data:font/woff;base64,{data}") format("woff"); }}'
        )
    return "\n".join(rules)


def _lang(f: Form) -> str:
    return f' lang="{escape(f.lang)}"'


def _form(f: Form, css: str) -> str:
    out = f'<span class="{css}"{_lang(f)}>{escape(f.text)}</span>'
    for i, r in enumerate(f.shown_romanizations):
        out += (
            f' <span class="rom">{escape(r)}</span>' if i == 0 else f' [<span class="rom">{escape(r)}</span>]'
        )
    if f.grammar:
        out += f' <span class="gram">{escape(f.grammar)}</span>'
    if f.note and css != "hw":
        out += f' (<span class="note">{escape(f.note)}</span>)'
    return out


def _entry(e: Entry, source: str) -> str:
    parts = [", ".join(_form(f, "hw") for f in (e.headword, *e.variants))]
    if e.subjects:
        parts.append(f'<span class="subj">{escape(", ".join(e.subjects))}</span>')
    meaning = e.meaning(lambda r: _form(r, "rj"), '<span class="not">not</span>', lambda r: _form(r, "tr"))
    if meaning:
        parts.append(meaning)
    if e.gloss:
        parts.append(escape(e.gloss))
    if e.see_also:
        refs = ", ".join(
            f'<a class="xref" href="#c-{escape(r.concept_id)}" lang="{source}">{escape(r.label)}</a>'
            for r in e.see_also
        )
        parts.append(f'<span class="see">See also</span> {refs}.')
    return f'<p class="entry" id="c-{escape(e.concept_id)}">{" ".join(parts)}</p>'


def render(glossary: Glossary, *, paper: str = "a4", font_size: float = 9.0, embed_fonts: bool = True) -> str:
    css = CSS % {
        "paper": "A4" if PAPERS.get(paper) == "a4" else "letter",
        "size": f"{font_size * 1.3:g}",  # screen reading wants larger type than paper
        "print_size": f"{font_size:g}",
        "small": f"{font_size * 0.9:g}",
    }
    fonts = _font_faces(glossary) if embed_fonts else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="slovnik">',
        f"<title>{escape(glossary.title)}</title>",
        "<style>",
        fonts,
        css,
        "</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(glossary.title)}</h1>",
    ]
    out += [f'<p class="preface">{escape(p)}</p>' for p in glossary.preface]
    if glossary.romanization_note:
        out.append(f'<p class="note">{escape(glossary.romanization_note)}</p>')
    if glossary.key:
        out.append(f'<p class="key">{escape(glossary.key)}</p>')
    out += ["</header>", "<main>"]
    source = glossary.source_lang
    for group in glossary.groups:
        out += ["<section>", f'<h2 lang="{source}">{escape(group.letter)}</h2>']
        out += [_entry(e, source) for e in group.entries]
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def write(glossary: Glossary, path: Path, *, paper: str = "a4", font_size: float = 9.0) -> None:
    atomic_write_text(path, render(glossary, paper=paper, font_size=font_size))
