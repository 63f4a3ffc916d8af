"""Scans rewritten for speed find exactly what they found as first written: patterns whose
branches open with the character they need and look behind afterwards (so a search skips ahead),
and lint's tokens built by map() over the matches rather than a loop."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.lint import sources
from glossary.lint.rules import base, script

_GARBLED_PLAIN = re.compile(
    r"\ufffd|(?<=[^\W\d_])[^\w\s](?=[a-zà-ÿа-я]{2})|(?<=[^\W\d_])[⁰-₟](?=[a-zа-я]{2})"
)
_CODE_SPAN_PLAIN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n\s*\n).)+?)(?<!`)\1(?!`)", re.S)


def _found(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(["H", "tte", "₃", "²", "\ufffd", "·", "-", ".", " ", "ab", "1", "é", "ов"]),
        max_size=14,
    ).map("".join)
)
def test_garbled_character_pattern_finds_what_the_plain_one_finds(text):
    assert _found(script._GARBLED_RE, text) == _found(_GARBLED_PLAIN, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["`", "``", "```", "a", " ", "\n", "\n\n", "x y"]), max_size=14).map("".join))
def test_code_span_pattern_finds_what_the_plain_one_finds(text):
    assert _found(sources._CODE_SPAN_RE, text) == _found(_CODE_SPAN_PLAIN, text)


def test_the_patterns_on_a_sentence():
    assert [m.group() for m in script._GARBLED_RE.finditer("the manual H₃tte and Mosc\ufffdw")] == [
        "₃",
        "\ufffd",
    ]
    assert [m.group(2) for m in sources._CODE_SPAN_RE.finditer("run `glossary lint` or ``a ` b``")] == [
        "glossary lint",
        "a ` b",
    ]


def _tokens_one_by_one(text: str) -> list[tuple[str, int, int]]:
    """Lint's tokens as first written: a loop over the matches."""
    out = []
    for m in base.WORD_RE.finditer(text):
        word, (start, end) = m.group(), m.span()
        if word[-1] in base._MARKS and (
            word[-1] in '"″' or (start > 0 and text[start - 1] in base._OPENING_QUOTES)
        ):
            word, end = word[:-1], end - 1
        out.append((word, start, end))
    return out


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(["oblast", "'", "’", "ʹ", '"', "″", " ", "‘", "s", "1", "Ob", "-", "\n"]), max_size=16
    ).map("".join)
)
def test_tokens_are_what_the_loop_over_matches_gives(text):
    assert [tuple(t) for t in base.tokenize(text)] == _tokens_one_by_one(text)
