"""The citation finder's shortcuts (glossary.lint.citations) give what the plain scans give: the
name-forms parentheses searched only around each "(", lines and sentences without a year after a
comma, a digit after a period or "ibid" skipped before the citation markers are looked for, and
the italics pattern whose branches open with their marker."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.lint import citations

_PIECES = st.sampled_from(
    [
        "L'viv ",
        "Lvov",
        "(",
        ")",
        ", ",
        "; ",
        "or ",
        "Lwów",
        "Lemberg",
        " ",
        "\n",
        "x",
        "Ab-",
        "’",
        "1990",
        "p. 3",
    ]
)
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_name_forms_around_parentheses_match_the_full_scan(text):
    full = [(m.span(), m.groups()) for m in citations._NAME_FORMS.finditer(text)]
    assert [(m.span(), m.groups()) for m in citations._name_forms(text)] == full


def test_name_forms_in_a_sentence():
    text = "He studied in L'viv (Lwów, Lvov) and later in Kiev (Kyiv). A note (see p. 3) follows."
    assert (
        [m.group(3) for m in citations._name_forms(text)]
        == [m.group(3) for m in citations._NAME_FORMS.finditer(text)]
        == ["Lwów, Lvov", "Kyiv"]
    )


_CITE_PIECES = st.sampled_from(
    [
        "Ibid",
        "idem",
        "op. cit",
        "loc. cit",
        "(Moscow: Nauka, 1990)",
        "Moscow: Nauka, 1990",
        "pp. 12",
        "vol. 2",
        "No. 3, 1989",
        "tom 4",
        "The",
        " ",
        ".",
        ",",
        ":",
        "Nauka",
        "(",
        ")",
        "1937",
        ", 1937",
        ",1812",
        "5",
        ". ",
        ".",
        "Sept. 4",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CITE_PIECES, max_size=12).map("".join))
def test_a_line_the_quick_test_passes_over_has_no_citation_marker(line):
    if citations._CITE_MARKERS.search(line):
        assert citations._MAY_CITE.search(line)


# The italics pattern as first written, each branch opening with its look-behind.
_ITALIC_PLAIN = re.compile(
    r"(?<![\w*])\*(?!\s)([^*\n]{1,300}?)(?<!\s)\*(?![\w*])"
    r"|(?<![\w_])_(?!\s)([^_\n]{1,300}?)(?<!\s)_(?![\w_])"
    r"|''(?!')([^'\n]{1,300}?)''"
)
_ITALIC_PIECES = st.sampled_from(["*", "**", "_", "__", "''", "'", " ", "\n", "a", "Pravda", "x_y", "1"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_ITALIC_PIECES, max_size=16).map("".join))
def test_italics_pattern_finds_what_the_plain_one_finds(text):
    plain = [(m.span(), m.groups()) for m in _ITALIC_PLAIN.finditer(text)]
    assert [(m.span(), m.groups()) for m in citations._ITALIC.finditer(text)] == plain


def test_a_citing_sentence_among_plain_ones():
    text = (
        "He was born on 5 March 1903 in Tver. See Ivanov, Istoriia (Moscow: Nauka, 1990).\n"
        "In 1937 he moved to Kiev, and by 1941 he was 38.\n"
    )
    spans = citations.citation_spans(text)
    assert [text[a:b] for a, b in spans] == ["See Ivanov, Istoriia (Moscow: Nauka, 1990)."]
