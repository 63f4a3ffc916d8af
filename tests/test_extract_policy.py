"""`glossary extract` on sentences made up here: no guessed Cyrillic for acronyms, names keep their
form and are persons, English plurals stay English, titles keep their form, no gloss lifted from the
sentence after a name."""

from __future__ import annotations

from pathlib import Path

from glossary.extract import draft_termbase, extract_candidates
from glossary.lint.sources import read_document
from glossary.termbase.model import Concept, ConceptType, Term, Termbase


def _extract(tmp_path: Path, text: str, termbase: Termbase | None = None):
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    return {c.latin: c for c in extract_candidates([read_document(tmp_path / "a.md")], termbase)}


def test_an_acronym_gets_no_guessed_cyrillic(tmp_path):
    found = _extract(tmp_path, "The SR (Party of Socialist Revolutionaries) split in 1917.\n")
    assert found["SR"].cyrillic is None


def test_an_acronym_gets_the_termbases_cyrillic(tmp_path):
    tb = Termbase([Concept("sr", terms=[Term("ПСР", "ru"), Term("SR", "en")])])
    found = _extract(tmp_path, "The SR (Party of Socialist Revolutionaries) split in 1917.\n", tb)
    assert found["SR"].cyrillic == "ПСР"


def test_an_english_word_in_capitals_is_no_acronym(tmp_path):
    assert "PARTY" not in _extract(tmp_path, "The PARTY (Bolshevik faction) met at night.\n")


def test_a_surname_keeps_its_form_is_a_person_and_gets_no_lifted_gloss(tmp_path):
    found = _extract(tmp_path, "Later *Kamenev* (who had been exiled) returned to Moscow.\n")
    cand = found["Kamenev"]
    assert (cand.cyrillic, cand.person, cand.gloss) == ("Каменев", True, None)
    concept = next(iter(draft_termbase([cand])))
    assert concept.type is ConceptType.PERSON


def test_a_plain_capitalised_word_with_an_unquoted_aside_is_no_candidate(tmp_path):
    assert "Sovnarkom" not in _extract(tmp_path, "The Sovnarkom (then meeting daily) agreed.\n")


def test_an_english_plural_is_not_read_as_russian(tmp_path):
    assert _extract(tmp_path, 'The *purges*, or "cleansings", went on.\n') == {}


def test_a_common_noun_still_goes_to_its_dictionary_form(tmp_path):
    found = _extract(tmp_path, "The *kolkhozy*, or collective farms, grew.\n")
    assert [c.cyrillic for c in found.values()] == ["колхоз"]


def test_a_title_keeps_its_own_form(tmp_path):
    found = _extract(tmp_path, "He wrote sketches for the weekly *Oskolki* in those years.\n")
    assert found["Oskolki"].cyrillic == "Осколки"
    assert not found["Oskolki"].person
