"""Hypothesis strategies for termbases (shared by the termbase format contract tests)."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from glossary.termbase.model import (
    GENDERS,
    MATCH_MODES,
    NUMBERS,
    PARTS_OF_SPEECH,
    Concept,
    ConceptType,
    Status,
    Term,
    Termbase,
)

# Cyrillic (with ё), Latin, digits and the characters formats like to choke on: CSV quotes and
# separators, XML specials, our list separator and escape, PO's backslash, a formula's "=".
ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЯabcdekxyzABCXYZéü0123456789 -'’.,;:|\\&<>\"()=/#%{}[]\u00a0"
)


def _clean(s: str) -> str:
    # Values are single-line and trimmed; a no-break space inside a value is data and must survive.
    return re.sub(r"[ \t\r\n]+", " ", s).strip()


text = st.text(alphabet=ALPHABET, min_size=1, max_size=24).map(_clean).filter(bool)
maybe_text = st.none() | text
texts = st.lists(text, max_size=2)
concept_ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)


@st.composite
def terms(draw, lang: str):
    return Term(
        text=draw(text),
        lang=lang,
        status=draw(st.sampled_from(list(Status))),
        part_of_speech=draw(st.none() | st.sampled_from(PARTS_OF_SPEECH)),
        gender=draw(st.none() | st.sampled_from(GENDERS)),
        number=draw(st.none() | st.sampled_from(NUMBERS)),
        note=draw(maybe_text),
        romanization=draw(st.dictionaries(st.sampled_from(["lc", "bgn", "iso9"]), text, max_size=2)),
        conventional=draw(maybe_text),
        match=draw(st.none() | st.sampled_from(MATCH_MODES)),
        exclude=draw(texts),
        context=draw(texts),
    )


@st.composite
def concepts(draw, concept_id: str, ids: list[str]):
    # Terms grouped by language (TBX stores them per langSec); always a Russian one (PO's msgid).
    term_list = (
        draw(st.lists(terms("ru"), min_size=1, max_size=2))
        + draw(st.lists(terms("en"), max_size=3))
        + draw(st.lists(terms("de"), max_size=1))
    )
    return Concept(
        id=concept_id,
        type=draw(st.sampled_from(list(ConceptType))),
        subject=draw(texts),
        definition=draw(maybe_text),
        notes=draw(texts),
        sources=draw(texts),
        tags=draw(texts),
        see_also=draw(st.lists(st.sampled_from(ids) | concept_ids, max_size=2)),
        terms=term_list,
    )


@st.composite
def termbases(draw, max_concepts: int = 4):
    ids = draw(st.lists(concept_ids, min_size=1, max_size=max_concepts, unique=True))
    tb = Termbase(title=draw(maybe_text), description=draw(maybe_text))
    for cid in ids:
        tb.add(draw(concepts(cid, ids)))
    return tb
