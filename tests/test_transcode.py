"""Romanizing a long text through the cp1251 codec (glossary.romanization.transcode) gives exactly
what str.translate gives, whatever the text holds; and the whole-text path with its marks for
unmapped letters gives the text and the unmapped letters the plain passes give, in every scheme."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.romanization import engine as E
from glossary.romanization.romanize import romanize_report
from glossary.romanization.transcode import Transcoder

# Mapped and unmapped Cyrillic (in cp1251 and not), ALL-CAPS words, what context rules look at,
# Latin, characters cp1251 lacks, the private-use characters the passes use, an astral character.
_PIECES = st.sampled_from(
    [
        "объект",
        "ОБЪЕКТ",
        "Ежов ",
        "ЕЖОВ",
        "ЦК",
        "щука",
        "Щ",
        "ё",
        "ий ",
        " ",
        "\n",
        ".",
        "—",
        "«",
        "»",
        "№",
        "ѣ",
        "Ѣ",
        "ђ",
        "ґ",
        "ї",
        "é",
        "ʹ",
        "abc",
        "\ue0e0",
        "\ue0e1",
        "\x98",
        "😀",
        "1990",
    ]
)
_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(E.SCHEME_IDS))
def test_the_codec_gives_what_translate_gives(text, scheme):
    compiled = E.engine(scheme)
    for table in (compiled.fast_table, compiled.marked_table):
        assert Transcoder(table)(text) == text.translate(table)


def _plain(compiled: E.CompiledScheme, nfc: str) -> tuple[str, bool]:
    """The passes as first written: ALL-CAPS words, rules, str.translate, then a scan for Cyrillic."""

    def caps(m) -> str:
        word = m.group()
        if any(c in E._UPPER_VOWELS for c in word):
            return compiled._lower(word.lower()).upper()
        return word

    out = E._CAPS_RE.sub(caps, nfc)
    if compiled.rules_re is not None:
        out = compiled._rules(out)
    out = out.translate(compiled.fast_table)
    return out, E._CYRILLIC.search(out) is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=400).map("".join), st.sampled_from(E.SCHEME_IDS))
def test_whole_text_romanization_matches_the_plain_passes(text, scheme):
    compiled = E.engine(scheme)
    out, left = _plain(compiled, text)
    report = romanize_report(text, scheme)
    assert report.text == out
    assert bool(report.unmapped) == left


def test_a_long_text_with_a_letter_outside_the_scheme():
    text = "Объект обсуждения: ЦК и ЕЖОВ. " * 40 + "Сербская буква ђ и ЂАК."
    report = romanize_report(text, "lc")
    assert len(text) > E._TRANSCODE_FROM
    assert report.text.endswith("Serbskaia bukva ђ i ЂAK.")
    assert [(u.char, u.offset) for u in report.unmapped] == [("ђ", text.index("ђ")), ("Ђ", text.index("Ђ"))]
    assert "\ue0e0" not in report.text and "\ue0e1" not in report.text
