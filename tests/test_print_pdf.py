"""PDF through Typst: text extracts exactly, fonts are embedded, missing glyphs fail loudly."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from glossary.core.errors import GlossaryError, MissingGlyph
from glossary.printing import build_glossary
from glossary.printing.coverage import check_coverage, cmap, cmap_ranges
from glossary.printing.typst import render_pdf
from glossary.termbase.formats import read_termbase
from glossary.termbase.model import Concept, Term, Termbase

DATA = Path(__file__).parent / "data" / "print"
PDFTOTEXT = shutil.which("pdftotext")


def pdf_text(pdf: bytes, page: int | None = None) -> str:
    """Text of the PDF (or one 1-based page): poppler's pdftotext when installed, else pypdf.

    pdftotext in content-stream order (-raw), which is Typst's reading order: its default
    column-guessing sometimes reads the top of the right column before an entry that runs into it
    from the foot of the left one."""
    if PDFTOTEXT:
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return subprocess.run(
            [PDFTOTEXT, "-raw", "-enc", "UTF-8", *pages, "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode("utf-8")
    reader = PdfReader(io.BytesIO(pdf))
    chosen = [reader.pages[page - 1]] if page else reader.pages
    return "\n".join(p.extract_text() for p in chosen)


def flat(text: str) -> str:
    return " ".join(text.split())


def body_text(pdf: bytes) -> str:
    """The entries' text, pages joined without their running heads and page numbers, so that an
    entry running over a page break reads on."""
    if PDFTOTEXT:
        pages = pdf_text(pdf).split("\f")
    else:
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    bodies = []
    for number, page in enumerate(pages, 1):
        lines = page.strip().splitlines()
        bodies.extend(lines[1 if number > 1 else 0 : -1])  # running head (none on page 1), page number
    return flat(unhyphenate("\n".join(bodies)))


def unhyphenate(text: str) -> str:
    """Lines joined back where Typst hyphenated a word. A word's own hyphen never ends a line (the
    template keeps such words whole), so a letter, a hyphen and a line break is always hyphenation."""
    return re.sub(r"(?<=[^\W\d_])[-\u2010\xad]\n(?=[^\W\d_])", "", text)


@pytest.fixture(scope="module")
def glossary():
    termbase = read_termbase(DATA / "termbase.json")
    preface = (DATA / "preface.txt").read_text(encoding="utf-8")
    return build_glossary(termbase, schemes=("lc", "bgn"), preface=preface)


@pytest.fixture(scope="module")
def pdf(glossary) -> bytes:
    return render_pdf(glossary)


def test_every_headword_and_romanization_extracts_exactly(glossary, pdf):
    text = flat(pdf_text(pdf))
    missing = []
    for entry in glossary.entries:
        for form in (entry.headword, *entry.variants):
            for piece in (form.text, *form.shown_romanizations):
                if flat(piece) not in text:
                    missing.append(piece)
    assert missing == []
    assert "Хрущёв, Никита Сергеевич" in text  # ё survives (no decomposition, no е)


def test_english_first_glossary_extracts_russian_renderings(glossary):
    termbase = read_termbase(DATA / "termbase.json")
    en_ru = build_glossary(termbase, direction="en-ru", schemes=("ala-lc",))
    text = flat(unhyphenate(pdf_text(render_pdf(en_ru))))
    for entry in en_ru.entries:
        assert entry.headword.text in text
        for form in entry.renderings:
            assert form.text in text
            assert form.romanized[0] in text


def test_fonts_are_embedded_libertinus(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            # "/GEPKWP+LibertinusSerif-Regular-Identity-H": subset tag + PostScript name + encoding
            seen.add(re.sub(r"^/[A-Z]{6}\+|-Identity-H$", "", str(font["/BaseFont"])))
    assert seen and all(name.startswith("LibertinusSerif") for name in seen)
    assert {"LibertinusSerif-Regular", "LibertinusSerif-Bold", "LibertinusSerif-Italic"} <= seen


def test_title_page_bookmarks_and_metadata(glossary, pdf):
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == glossary.title
    assert [item.title for item in reader.outline] == [g.letter for g in glossary.groups]
    first = flat(pdf_text(pdf, 1))
    assert first.startswith("Soviet Politics: A Working Glossary")  # small caps extract as the text
    assert "Romanization: Library of Congress" in first


def test_paper_sizes(glossary):
    a4 = PdfReader(io.BytesIO(render_pdf(glossary, paper="a4"))).pages[0].mediabox
    letter = PdfReader(io.BytesIO(render_pdf(glossary, paper="letter"))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def _long_termbase(n: int = 160) -> Termbase:
    syllables = [
        "ба",
        "ве",
        "го",
        "ду",
        "жи",
        "зо",
        "ка",
        "ле",
        "ми",
        "но",
        "пу",
        "ры",
        "са",
        "ту",
        "фе",
        "ха",
    ]
    concepts = []
    for i in range(n):
        word = syllables[i % 16] + syllables[(i // 16) % 16] + syllables[(i * 7) % 16]
        concepts.append(
            Concept(
                f"c{i:04d}",
                definition="A made-up entry for pagination tests, long enough "
                "to wrap onto a second line in a narrow column.",
                terms=[Term(word, "ru", part_of_speech="noun", gender="masculine"), Term(f"term {i}", "en")],
            )
        )
    return Termbase(concepts, title="Long")


def page_lines(pdf: bytes, page: int) -> list[str]:
    """Non-empty lines of one page in visual order (pdftotext -layout, else pypdf)."""
    if PDFTOTEXT:
        text = subprocess.run(
            [PDFTOTEXT, "-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page), "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
    else:
        text = PdfReader(io.BytesIO(pdf)).pages[page - 1].extract_text()
    return [line for line in text.splitlines() if line.strip()]


def test_running_heads_show_first_and_last_headword_of_the_page():
    glossary = build_glossary(_long_termbase())
    pdf = render_pdf(glossary)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 3
    order = [e.headword.text for e in glossary.entries]
    assert page_lines(pdf, 1)[0].strip() == "Long"  # page 1 opens with the title, no running head
    for page in range(2, pages + 1):
        lines = page_lines(pdf, page)
        first, last = lines[0].split()  # the running head: two headwords, left and right
        assert lines[-1].strip() == str(page)  # the page number
        body = " ".join(lines[1:-1])
        on_page = [i for i, word in enumerate(order) if re.search(rf"(?<!\w){word}(?!\w)", body)]
        assert order[min(on_page)] == first and order[max(on_page)] == last


def test_missing_glyph_is_refused_naming_character_and_entry():
    tb = Termbase(
        [
            Concept(
                "zhongguo",
                definition="China, written 中国 in Chinese.",
                terms=[Term("Китай", "ru"), Term("China", "en")],
            )
        ]
    )
    with pytest.raises(MissingGlyph) as info:
        render_pdf(build_glossary(tb))
    message = str(info.value)
    assert "entry 'zhongguo', gloss" in message
    assert "'中' (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D)" in message
    assert "\n" not in message


def test_coverage_is_checked_per_face():
    # Cyrillic omega is in Libertinus Serif Regular but not in Bold: fine in a gloss, not in a headword.
    assert ord("ѡ") in cmap("regular") and ord("ѡ") not in cmap("bold")
    in_gloss = Termbase(
        [Concept("a", definition="Old letter ѡ.", terms=[Term("омега", "ru"), Term("omega", "en")])]
    )
    check_coverage(build_glossary(in_gloss))
    in_headword = Termbase([Concept("b", terms=[Term("ѡмега", "ru"), Term("omega", "en")])])
    with pytest.raises(MissingGlyph, match=r"entry 'b', headword: Libertinus Serif \(bold\)"):
        check_coverage(build_glossary(in_headword))


@pytest.mark.parametrize("face", ["regular", "italic", "bold"])
def test_cached_cmap_matches_the_font_file(face):
    # glossary/printing/fonts/cmap.json is regenerated by scripts/fonts_from_typst.py with the fonts.
    assert cmap(face) == {cp for first, last in cmap_ranges(face) for cp in range(first, last + 1)}


def test_pre_1918_letters_and_romanization_marks_are_covered_in_every_face():
    for face in ("regular", "italic", "bold"):
        assert all(ord(c) in cmap(face) for c in "ѣѢіІѳѲѵѴёЁʹʺ’ĭëėžšč")


def test_font_size_changes_the_layout_and_is_range_checked():
    glossary = build_glossary(_long_termbase(80))
    small = len(PdfReader(io.BytesIO(render_pdf(glossary, font_size=7))).pages)
    large = len(PdfReader(io.BytesIO(render_pdf(glossary, font_size=13))).pages)
    assert large > small
    with pytest.raises(GlossaryError, match="font size 40 pt is out of range"):
        render_pdf(glossary, font_size=40)


@pytest.fixture(scope="module")
def starter():
    from glossary.termbase import STARTER_PATH

    glossary = build_glossary(read_termbase(STARTER_PATH), schemes=("lc", "bgn"))
    return glossary, body_text(render_pdf(glossary))


def test_bundled_starter_round_trips_every_headword_and_romanization(starter):
    glossary, text = starter
    pieces = [
        p
        for e in glossary.entries
        for f in (e.headword, *e.variants)
        for p in (f.text, *f.shown_romanizations)
    ]
    assert len(pieces) > 1000
    assert [p for p in pieces if flat(p) not in text] == []


def test_cross_references_are_never_broken_at_a_hyphen(starter):
    # The labels are headwords: hyphenated like any word, never broken at a hyphen of their own.
    glossary, text = starter
    lines = [f"See also {', '.join(r.label for r in e.see_also)}." for e in glossary.entries if e.see_also]
    assert len(lines) > 300
    assert any("-" in line for line in lines)  # машинно-тракторная станция
    assert [line for line in lines if flat(line) not in text] == []
