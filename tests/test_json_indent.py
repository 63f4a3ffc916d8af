"""The fast indented JSON writer gives exactly json.dumps(value, ensure_ascii=False, indent=2)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.termbase.formats import jsonindent

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_same_text_as_json_dumps(value):
    assert jsonindent.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_odd_keys_values_and_nesting_fall_back_to_the_same_text():
    value = {
        "a": [1.5, float("inf"), (1, "x"), {}, [], [[]]],
        "b": {1: "int key", None: True},
        "c": '«кавычки» \u2028 \x00 "q" \\',
        "d": [{"e": {"f": ["g", "h"]}}],
    }
    assert jsonindent.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
