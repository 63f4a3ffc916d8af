"""Printed output: what the golden files (tests/data/print/golden, scripts/golden.py print) cannot
show: self-contained HTML, and the escaping of LaTeX and Markdown special characters."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def test_html_is_self_contained_with_subset_fonts():
    from glossary.printing import build_glossary, html
    from glossary.termbase.formats import read_termbase

    glossary = build_glossary(read_termbase(ROOT / "tests" / "data" / "print" / "termbase.json"))
    page = html.render(glossary)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing fetched from elsewhere
    faces = re.findall(r"base64,([A-Za-z0-9+/=]+)", page)
    assert len(faces) == 3
    assert all(1_000 < len(f) < 150_000 for f in faces)  # subsets, not the 300 KB originals
    assert "@page { size: A4" in page and "columns: 2" in page and "@media print" in page


def test_latex_escapes_special_characters():
    from glossary.printing import build_glossary, latex
    from glossary.termbase.model import Concept, Term, Termbase

    tb = Termbase(
        [
            Concept(
                "x",
                definition=r"50% of R&D_{costs} #1 ~ $5 \ ^",
                terms=[Term("НИОКР", "ru"), Term("R&D", "en")],
            )
        ]
    )
    out = latex.render(build_glossary(tb))
    assert r"50\% of R\&D\_\{costs\} \#1 \textasciitilde{} \$5 \textbackslash{} \textasciicircum{}" in out
    body = out.split("\\newglossaryentry", 1)[1]
    assert body.count("{") == body.count("}")


def test_markdown_escapes_markup_characters():
    from glossary.printing import build_glossary, markdown
    from glossary.termbase.model import Concept, Term, Termbase

    tb = Termbase(
        [
            Concept(
                "x",
                definition="Use *this* [not] that_one <b>",
                terms=[Term("слово", "ru"), Term("word", "en")],
            )
        ]
    )
    out = markdown.render(build_glossary(tb))
    assert r"Use \*this\* \[not\] that\_one \<b\>" in out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_latex_escape_leaves_no_active_special_character(text):
    from glossary.printing.latex import escape

    out = escape(text)
    # Remove the escapes we emit; nothing special may remain.
    rest = re.sub(r"\\text(?:backslash|asciicircum|asciitilde)\{\}|\\[{}$&#_%]", "", out)
    assert not re.search(r"[\\{}$&#^_%~]", rest)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_markdown_escape_keeps_the_text(text):
    from glossary.printing.markdown import escape

    assert re.sub(r"\\(.)", r"\1", escape(text)) == " ".join(text.split())
