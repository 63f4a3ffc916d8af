"""The citation finder's shortcuts (glossary.lint.citations) give what the plain scans give: the
name-forms parentheses searched only around each "(", and lines without a digit or "ibid" skipped
before the citation markers are looked for."""

from __future__ import annotations

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
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CITE_PIECES, max_size=12).map("".join))
def test_a_line_the_quick_test_passes_over_has_no_citation_marker(line):
    if citations._CITE_MARKERS.search(line):
        assert citations._MAY_CITE.search(line)
