r"""The termbase's publications as a list of works (`glossary print --works`): romanized title in the
citation scheme, the Cyrillic title, the English translation in brackets, sorted as a bibliography
is (by the romanized title, with the Unicode Collation Algorithm: case, marks and punctuation
weigh only after the letters).

Every format `glossary print` writes: Markdown, plain text, HTML, LaTeX (a `list` to `\input`), DOCX
(hanging-indent paragraphs, the Cyrillic tagged Russian) and PDF (Typst, works.typ, with the
glossary's fonts and the same glyph check)."""

from __future__ import annotations

import html
from pathlib import Path

from ..core.atomic import atomic_write_bytes
from ..termbase.model import Termbase
from ..termbase.publications import bibliography

FORMATS = (".md", ".txt", ".html", ".tex", ".docx", ".pdf")
Row = tuple[str, str, str | None]


def works(termbase: Termbase, scheme: str = "lc") -> list[tuple[str, str, str | None]]:
    from .collation import collation_key

    rows = bibliography(termbase, scheme)
    return sorted(rows, key=lambda row: (collation_key(row[0]), row[1]))


def render(rows: list[Row], suffix: str, title: str) -> str:
    """The list as text: Markdown, HTML, LaTeX or plain text by *suffix*."""
    if suffix == ".tex":
        return _latex(rows, title)
    if suffix == ".html":
        items = "\n".join(
            f"<li><i>{html.escape(lat)}</i> ({html.escape(cyr)})"
            + (f" [{html.escape(tr)}]" if tr else "")
            + "</li>"
            for lat, cyr, tr in rows
        )
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n<ul>\n{items}\n</ul>\n</body></html>\n"
        )
    if suffix == ".md":
        lines = [f"# {title}", ""] + [
            f"- *{lat}* ({cyr})" + (f" [{tr}]" if tr else "") for lat, cyr, tr in rows
        ]
        return "\n".join(lines) + "\n"
    return "\n".join(f"{lat} ({cyr})" + (f" [{tr}]" if tr else "") for lat, cyr, tr in rows) + "\n"


def write_works(
    termbase: Termbase,
    path: Path,
    scheme: str = "lc",
    title: str | None = None,
    *,
    paper: str = "a4",
    font_size: float = 10.0,
) -> int:
    """Write the list of works to *path* (any of FORMATS, by its extension); returns how many works."""
    rows = works(termbase, scheme)
    suffix, title = path.suffix.lower(), title or "Works"
    if suffix == ".pdf":
        atomic_write_bytes(path, _pdf(rows, title, paper, font_size))
    elif suffix == ".docx":
        _docx(rows, title, path, paper, font_size)
    else:
        atomic_write_bytes(path, render(rows, suffix, title).encode("utf-8"))
    return len(rows)


def _latex(rows: list[Row], title: str) -> str:
    from .latex import escape

    items = "\n".join(
        f"\\item \\textit{{{escape(lat)}}} (\\foreignlanguage{{russian}}{{{escape(cyr)}}})"
        + (f" [{escape(tr)}]" if tr else "")
        for lat, cyr, tr in rows
    )
    return (
        f"% {escape(title)}: {len(rows)} works, written by slovnik (`glossary print --works`).\n"
        "% Usage, with XeLaTeX or LuaLaTeX: \\usepackage{fontspec} \\setmainfont{Libertinus Serif}\n"
        "%   \\usepackage[russian,english]{babel} ... \\input{works.tex}\n"
        "\\begin{list}{}{\\setlength{\\leftmargin}{1.5em}\\setlength{\\itemindent}{-1.5em}}\n"
        f"{items}\n\\end{{list}}\n"
    )


def _docx(rows: list[Row], title: str, path: Path, paper: str, font_size: float) -> None:
    import docx
    from docx.shared import Mm, Pt

    from ..core.atomic import atomic_path
    from .docx import LANG_TAGS
    from .typst import PAPERS

    document = docx.Document()
    document.core_properties.title = title
    section = document.sections[0]
    section.page_width, section.page_height = (
        (Mm(210), Mm(297)) if PAPERS.get(paper) == "a4" else (Mm(215.9), Mm(279.4))
    )
    document.styles["Normal"].font.size = Pt(font_size)
    document.add_heading(title, level=1)
    for lat, cyr, tr in rows:
        p = document.add_paragraph()
        p.paragraph_format.left_indent = Mm(8)
        p.paragraph_format.first_line_indent = -Mm(8)
        p.add_run(lat).italic = True
        p.add_run(" (")
        _tag(p.add_run(cyr), LANG_TAGS.get("ru"))
        p.add_run(")" + (f" [{tr}]" if tr else ""))
    with atomic_path(path) as tmp:
        document.save(str(tmp))


def _tag(run, lang: str | None) -> None:
    """Mark a run's language (Word's spelling and hyphenation use it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if lang:
        element = OxmlElement("w:lang")
        element.set(qn("w:val"), lang)
        run._r.get_or_add_rPr().append(element)


def _pdf(rows: list[Row], title: str, paper: str, font_size: float) -> bytes:
    """Check every printed character against the shipped fonts, then compile works.typ."""
    import json

    import typst

    from ..core.errors import GlossaryError
    from .typst import PAPERS, PRINTING_DIR, _timestamp, compiler

    if paper not in PAPERS:
        raise GlossaryError(f"unknown paper size {paper!r} (expected one of {', '.join(PAPERS)})")
    _check_glyphs(rows, title)
    data = {
        "title": title,
        "paper": PAPERS[paper],
        "font_size": font_size,
        "works": [{"title": lat, "cyrillic": cyr, "translation": tr} for lat, cyr, tr in rows],
    }
    try:
        return compiler(PRINTING_DIR / "works.typ").compile(
            format="pdf", sys_inputs={"data": json.dumps(data, ensure_ascii=False)}, timestamp=_timestamp()
        )
    except typst.TypstError as e:  # a template bug, not user input: still one line
        raise GlossaryError(f"typst: {e.message}") from e


def _check_glyphs(rows: list[Row], title: str) -> None:
    """MissingGlyph for the first character the shipped faces cannot draw."""
    from .coverage import check_strings

    strings: list[tuple[str, str, str, str | None]] = [("bold", title, "the title", None)]
    for lat, cyr, tr in rows:
        strings += [("italic", lat, f"work {lat!r}", None), ("regular", cyr, f"work {lat!r}", None)]
        strings += [("regular", tr, f"work {lat!r}, translation", None)] if tr else []
    check_strings(strings)
