"""search and show: Cyrillic in any inflected form, English, any romanization; lookup by id or term."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.core.errors import TermbaseError
from glossary.termbase import find_concept, search, slugify, stats
from glossary.termbase.formats import read_termbase

DATA = Path(__file__).parent / "data" / "termbase"


@pytest.fixture(scope="module")
def tb():
    return read_termbase(DATA / "sample.json")


def ids(hits) -> list[str]:
    return [h.concept.id for h in hits]


def test_inflected_russian_finds_the_concept(tb):
    assert ids(search(tb, "номенклатурой")) == ["nomenklatura"]
    assert ids(search(tb, "лишенцев")) == ["lishentsy"]
    assert search(tb, "областного комитета")[0].how == "lemma"


def test_english_text_finds_the_concept(tb):
    assert ids(search(tb, "Nomenclature")) == ["nomenklatura"]
    assert ids(search(tb, "party committee")) == ["obkom"]


def test_conventional_spelling_and_stored_override(tb):
    assert ids(search(tb, "Trotsky")) == ["trotsky-lev"]
    assert search(tb, "Trotskii")[0].how == "romanization"


def test_any_romanization_scheme_finds_the_russian(tb):
    # Neither spelling is stored: the scheme-neutral skeleton of the Cyrillic matches both.
    assert ids(search(tb, "Trockij")) == ["trotsky-lev"]  # ISO 9 / scholarly
    assert ids(search(tb, "nomenklaturoi")) == ["nomenklatura"]  # an inflected form, LC style


def test_results_are_ranked_exact_first(tb):
    hits = search(tb, "obkom")
    assert hits[0].concept.id == "obkom" and hits[0].how == "exact" and hits[0].score == 1.0


def test_empty_query_is_an_error(tb):
    with pytest.raises(TermbaseError):
        search(tb, "  ")


def test_find_concept_by_id_term_or_conventional(tb):
    assert find_concept(tb, "obkom").id == "obkom"
    assert find_concept(tb, "Областной комитет").id == "obkom"
    assert find_concept(tb, "trotsky").id == "trotsky-lev"
    with pytest.raises(TermbaseError, match="no concept with id or term 'politburo'"):
        find_concept(tb, "politburo")


def test_stats_counts_and_breakdowns(tb):
    data = stats(tb)
    assert data["concepts"] == 5 and data["terms"] == 14
    assert data["by_type"] == {"term": 2, "organization": 1, "person": 1, "event": 1}
    assert data["by_lang"] == {"en": 8, "ru": 6}
    assert data["by_status"]["deprecated"] == 1


def test_slugify_romanizes_cyrillic():
    assert slugify("Ежов Николай") == "ezhov-nikolai"
    assert slugify("Five-Year Plan!") == "five-year-plan"


def test_english_plurals_find_the_singular_term(tb):
    assert ids(search(tb, "obkoms"))[:1] == ["obkom"]
    assert ids(search(tb, "regional party committees")) == ["obkom"]
