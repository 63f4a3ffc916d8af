"""The Lexicon: what romanization knows about a termbase, rebuilt when the termbase changes.

The stale cases are the point: an answer computed before a concept was added must not survive it.
"""

from __future__ import annotations

import pickle

from glossary.romanization.detection import detect_document
from glossary.romanization.lexicon import EMPTY, Lexicon
from glossary.romanization.reverse import reverse
from glossary.romanization.romanize import romanize
from glossary.termbase.model import Concept, Term, Termbase


def _trotsky() -> Concept:
    return Concept("trotsky", terms=[Term("Троцкий", "ru", conventional="Trotsky"), Term("Trotsky", "en")])


def _shliapnikov() -> Concept:
    return Concept("shliapnikov", terms=[Term("Шляпников", "ru"), Term("Shliapnikov", "en")])


def test_romanize_sees_a_conventional_spelling_added_after_a_first_call():
    tb = Termbase()
    assert romanize("Троцкий", conventional=True, termbase=tb) == "Trotskii"
    tb.add(_trotsky())
    assert romanize("Троцкий", conventional=True, termbase=tb) == "Trotsky"


def test_romanize_sees_a_term_edited_in_place_once_the_termbase_is_told():
    tb = Termbase([Concept("trotsky", terms=[Term("Троцкий", "ru")])])
    assert romanize("Троцкий", conventional=True, termbase=tb) == "Trotskii"
    tb.get("trotsky").terms[0].conventional = "Trotsky"
    tb.changed()
    assert romanize("Троцкий", conventional=True, termbase=tb) == "Trotsky"


def test_reverse_finds_a_concept_added_after_a_first_call():
    tb = Termbase()
    before = reverse("Shliapnikov", termbase=tb)
    assert not any(c.in_termbase for c in before)
    tb.add(_shliapnikov())
    after = reverse("Shliapnikov", termbase=tb)
    assert after[0].cyrillic == "Шляпников"
    assert after[0].in_termbase


def test_one_lexicon_per_termbase_version():
    tb = Termbase([_trotsky()])
    first = Lexicon.of(tb)
    assert Lexicon.of(tb) is first  # built once per version, not once per call
    tb.add(_shliapnikov())
    second = Lexicon.of(tb)
    assert second is not first
    assert "шляпников" in second.forms and "шляпников" not in first.forms


def test_two_termbases_never_share_answers():
    with_name, without = Termbase([_shliapnikov()]), Termbase()
    assert reverse("Shliapnikov", termbase=with_name)[0].in_termbase
    assert not any(c.in_termbase for c in reverse("Shliapnikov", termbase=without))


def test_a_lexicon_passed_down_is_used_as_given():
    lexicon = Lexicon.build([_trotsky()])
    assert romanize("Троцкий и Ленин", conventional=True, lexicon=lexicon) == "Trotsky i Lenin"
    assert reverse("Trotsky", lexicon=lexicon)[0].cyrillic == "Троцкий"
    assert [t.cyrillic for t in detect_document("Trotsky spoke.", lexicon=lexicon).tokens] == ["Троцкий"]


def test_no_termbase_means_no_conventional_spellings():
    assert romanize("Троцкий", conventional=True) == "Trotskii"
    assert Lexicon.of(None) is EMPTY and not EMPTY


def test_a_lexicon_pickles_its_facts_and_not_its_caches():
    lexicon = Lexicon.build([_trotsky()])
    reverse("Trotsky", lexicon=lexicon)
    lexicon.conventional_pattern()
    back = pickle.loads(pickle.dumps(lexicon))
    assert (back.forms, back.lemmas, back.english, back.conventional) == (
        lexicon.forms,
        lexicon.lemmas,
        lexicon.english,
        lexicon.conventional,
    )
    assert back.ranked == {}
