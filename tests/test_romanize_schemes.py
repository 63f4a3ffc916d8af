"""Every sample of every scheme, and the engine's case, normalisation and pass-through behaviour."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.core.errors import ParseError, SchemeNotFound, UnmappedCharacterError
from glossary.romanization.romanize import (
    RUSSIAN,
    SCHEME_DIR,
    SCHEMES,
    CompiledScheme,
    UnmappedCharacterWarning,
    get_scheme,
    load_scheme_file,
    romanize,
    romanize_report,
    scheme_ids,
)

ALL_SAMPLES = [
    pytest.param(sid, sample, id=f"{sid}:{sample.cyrillic}:{','.join(sample.options)}")
    for sid in scheme_ids()
    for sample in SCHEMES[sid].samples
]


@pytest.mark.parametrize(("scheme_id", "sample"), ALL_SAMPLES)
def test_scheme_sample(scheme_id, sample):
    assert romanize(sample.cyrillic, scheme_id, options=sample.options) == sample.latin


def test_the_eight_scheme_ids_are_the_interface():
    assert scheme_ids() == ["lc", "ala-lc", "bgn", "iso9", "gost-b", "icao", "wikipedia", "scholarly"]


@pytest.mark.parametrize("scheme_id", scheme_ids())
def test_every_scheme_has_several_samples_and_a_source(scheme_id):
    scheme = SCHEMES[scheme_id]
    assert len(scheme.samples) >= 5
    assert scheme.url.startswith("http") and scheme.source and scheme.comments
    # caps are exercised by every scheme's own samples
    assert any(s.cyrillic.isupper() for s in scheme.samples)


@pytest.mark.parametrize("scheme_id", scheme_ids())
def test_every_context_rule_changes_the_output_of_some_sample(scheme_id):
    scheme = SCHEMES[scheme_id]
    for name, option in [(None, None), *scheme.options.items()]:
        rules = scheme.rules if option is None else option.rules
        samples = [s for s in scheme.samples if (name is None) == (not s.options)]
        for rule in rules:
            without = dataclasses.replace(
                scheme,
                rules=tuple(r for r in scheme.rules if r is not rule),
                options={
                    n: dataclasses.replace(o, rules=tuple(r for r in o.rules if r is not rule))
                    for n, o in scheme.options.items()
                },
            )
            fired = [
                s.cyrillic
                for s in samples
                if CompiledScheme(without, s.options).convert(s.cyrillic) != s.latin
            ]
            assert fired, f"{scheme_id}: no sample exercises rule {rule.name}"


@pytest.mark.parametrize(
    ("scheme_id", "expected"),
    [
        ("lc", "EZHOV"),
        ("bgn", "YEZHOV"),
        ("wikipedia", "YEZHOV"),
        ("iso9", "EŽOV"),
        ("gost-b", "EZHOV"),
    ],
)
def test_all_caps_words_stay_all_caps(scheme_id, expected):
    assert romanize("ЕЖОВ", scheme_id) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Щербаков", "Shcherbakov"),
        ("ЩЕРБАКОВ", "SHCHERBAKOV"),
        ("щербаков", "shcherbakov"),
        ("ЦК ВКП(б)", "TsK VKP(b)"),
        ("НКВД СССР", "NKVD SSSR"),
        ("ГУЛАГ", "GULAG"),
        ("Я и ты", "Ia i ty"),
        ("Ю. В. Андропов", "Iu. V. Andropov"),
    ],
)
def test_case_is_kept_per_word(text, expected):
    assert romanize(text, "lc") == expected


def test_title_case_keeps_context_rules_title_cased():
    assert romanize("Ельцин Ёлкин", "bgn") == "Yelʹtsin Yëlkin"
    assert romanize("ЕЛЬЦИН", "wikipedia") == "YELTSIN"


def test_decomposed_input_is_normalised():
    decomposed = unicodedata.normalize("NFD", "Хрущёв Йошкар-Ола Андрей")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert romanize(decomposed, "lc") == "Khrushchev Ioshkar-Ola Andrei"
    assert romanize(decomposed, "iso9") == "Hruŝëv Joškar-Ola Andrej"


def test_non_cyrillic_passes_through_untouched():
    text = "Stalin (1878–1953) said: «ok» — 100 % naïve ß"
    for sid in scheme_ids():
        assert romanize(text, sid) == text
    assert romanize("Ленин — Lenin, 1917.", "lc") == "Lenin — Lenin, 1917."


def test_ukrainian_letters_use_the_named_rule_where_the_scheme_defines_them():
    assert romanize("Ґалаґан Київ Єнакієве", "iso9") == "G̀alag̀an Kiïv Ênakìêve"
    assert romanize("Київ", "scholarly") == "Kijiv"
    assert "extra" not in SCHEMES["iso9"].extra_letters
    assert "ukrainian-belarusian" in SCHEMES["iso9"].extra_letters


def test_ukrainian_letters_are_reported_where_the_scheme_lacks_them():
    report = romanize_report("Київ", "bgn")
    assert report.text == "Kiїv"
    assert [(u.char, u.offset) for u in report.unmapped] == [("ї", 2)]
    with pytest.warns(UnmappedCharacterWarning, match="U\\+0457"):
        assert romanize("Київ", "bgn") == "Kiїv"
    with pytest.raises(UnmappedCharacterError, match="no romanization in wikipedia"):
        romanize("ґанок", "wikipedia", strict=True)


def test_russian_text_raises_no_unmapped_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        romanize("Съешь же ещё этих мягких булок", "bgn")


def test_unknown_scheme_lists_the_valid_ids():
    with pytest.raises(SchemeNotFound, match="valid: lc, ala-lc, bgn"):
        get_scheme("pinyin")
    with pytest.raises(SchemeNotFound):
        romanize("да", "pinyin")


def test_unknown_option_is_an_error():
    with pytest.raises(SchemeNotFound, match="no option"):
        romanize("ц", "lc", options={"ligatures": True})


def test_scheme_file_errors_name_the_file_and_key(tmp_path):
    data = json.loads((SCHEME_DIR / "lc.json").read_text(encoding="utf-8"))
    del data["letters"]["щ"]
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ParseError, match=r"broken\.json: letters: missing key 'щ'"):
        load_scheme_file(bad)
    data = json.loads((SCHEME_DIR / "lc.json").read_text(encoding="utf-8"))
    data["rules"][0]["after"] = ["vowels"]
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ParseError, match=r"broken\.json: rules/0/after/0"):
        load_scheme_file(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ParseError, match=r"broken\.json:1: invalid JSON"):
        load_scheme_file(bad)


_cyrillic_text = st.text(alphabet=st.sampled_from(RUSSIAN + RUSSIAN.upper() + " -.,"), max_size=40)


@pytest.mark.parametrize("scheme_id", scheme_ids())
@given(text=_cyrillic_text)
def test_russian_input_never_leaves_cyrillic_in_the_output(scheme_id, text):
    out = romanize(text, scheme_id)
    assert not any("\u0400" <= c <= "\u052f" for c in out)


def test_conventional_spellings_replace_known_name_forms():
    from glossary.termbase.model import Concept, ConceptType, Term, Termbase

    tb = Termbase(
        concepts=[
            Concept(
                "trotskii-lev", ConceptType.PERSON, terms=[Term("Троцкий", "ru", conventional="Trotsky")]
            ),
            Concept(
                "khrushchev", ConceptType.PERSON, terms=[Term("Хрущёв", "ru", conventional="Khrushchev")]
            ),
            Concept(
                "pravda",
                ConceptType.PUBLICATION,
                terms=[Term("Комсомольская правда", "ru", conventional="Komsomolskaya Pravda")],
            ),
        ]
    )
    text = "Троцкий, ТРОЦКИЙ и Хрущев читали «Комсомольскую правду» и «Комсомольская правда»; Троцкого"
    assert romanize(text, "lc", conventional=True, termbase=tb) == (
        "Trotsky, TROTSKY i Khrushchev chitali «Komsomol'skuiu pravdu» i «Komsomolskaya Pravda»; Trotskogo"
    )
    assert romanize("Троцкий", "lc", termbase=tb) == "Trotskii"  # conventional spellings are opt-in
    assert romanize("Троцкий", "iso9", conventional=True, termbase=tb) == "Trotsky"


def test_conventional_spellings_come_from_the_termbase_passed():
    from glossary.termbase import STARTER_PATH

    if not STARTER_PATH.exists():
        pytest.skip("the bundled starter termbase is not built")
    from glossary.termbase import load_termbase

    assert romanize("Ежов и Ельцин", "lc", conventional=True, termbase=load_termbase()) == "Yezhov i Yeltsin"
    # the engine loads no termbase of its own: without one there are no conventional spellings
    assert romanize("Ежов и Ельцин", "lc", conventional=True) == "Ezhov i El'tsin"


def test_repeated_calls_and_odd_whitespace_give_the_same_output():
    text = "Ежов, ЕЖОВ и ежов.\nЕжов\tЕЖОВ  ежов"
    first = romanize(text, "bgn")
    assert first == "Yezhov, YEZHOV i yezhov.\nYezhov\tYEZHOV  yezhov"
    assert romanize(text, "bgn") == first
    assert romanize("Ежов\x00Ельцин", "wikipedia") == "Yezhov\x00Yeltsin"  # control characters pass


_words = st.text(alphabet=st.sampled_from(RUSSIAN), min_size=2, max_size=12).filter(
    lambda w: w[0] not in "ъь" and any(c in "аеёиоуыэюя" for c in w)
)


@pytest.mark.parametrize("scheme_id", scheme_ids())
@given(word=_words)
def test_case_is_decided_once_per_word(scheme_id, word):
    lower = romanize(word, scheme_id)
    assert romanize(word.upper(), scheme_id) == lower.upper()
    assert romanize(word.capitalize(), scheme_id) == lower[:1].upper() + lower[1:]
