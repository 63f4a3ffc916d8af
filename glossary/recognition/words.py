"""The words of term recognition (glossary.recognition.recognize): the keys a Russian token or term
word stands for (lemma and part of speech, by pymorphy3), a term word's inflected forms, letter case
agreement, and the base forms of an English word form.
"""

from __future__ import annotations

from functools import lru_cache

from ..russian import morph


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _case_shape(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def case_agrees(term_word: str, token: str) -> bool:
    want = _case_shape(term_word)
    if want == "upper":
        return token.isupper()
    if want == "title":
        return token[:1].isupper()
    return True  # a lower-case term word may open a sentence


_POS_GROUP = {
    "ADJF": "ADJ",
    "ADJS": "ADJ",
    "COMP": "ADJ",
    "PRTF": "ADJ",
    "PRTS": "ADJ",
    "INFN": "VERB",
    "GRND": "VERB",
    "NUMR": "NUM",
}


def _pos(parse) -> str:
    pos = parse.tag.POS or "X"
    return _POS_GROUP.get(pos, pos)


def _keys(parses) -> frozenset[str]:
    """lemma|part-of-speech keys: стали (form of сталь, noun) never matches the verb стать. A full
    adjective or participle that pymorphy3 marks as possibly used as a noun (Subx: заключённый, the
    prisoner) also gets a lemma|SUBST key, which is what a one-word noun term built on it matches."""
    keys = {f"{p.normal_form.replace('ё', 'е')}|{_pos(p)}" for p in parses}
    keys.update(f"{p.normal_form.replace('ё', 'е')}|SUBST" for p in parses if "Subx" in p.tag)
    return frozenset(keys)


@lru_cache(maxsize=500_000)
def token_keys(word: str) -> frozenset[str]:
    """Keys of every parse of a text token (all parses count), and the token itself as a noun lemma
    (what a term word pymorphy3 cannot put in the nominative stands for: see `term_lemmas`)."""
    return _keys(morph.parses(word)) | {f"{fold(word)}|NOUN"}


@lru_cache(maxsize=100_000)
def term_lemmas(word: str) -> frozenset[str]:
    """Keys a term word stands for: a term is written in its dictionary form, so only nominative
    parses count (Ежов is the surname, not genitive plural of ёж). A word with none is either a
    genitive inside a term (враг народа) or a surname pymorphy3 does not know (Чаянов, read as the
    genitive plural of the name Чаян): its parses count, and the word itself as a noun lemma, which
    is how pymorphy3 lemmatises the surname's other forms (Чаянову → чаянов)."""
    parses = morph.parses(word)
    nominative = [p for p in parses if "nomn" in p.tag]
    if nominative:
        return _keys(nominative)
    own = f"{fold(word)}|NOUN"
    if word[:1].isupper():  # a name: its misread parses (the name Чаян) are someone else
        return frozenset({own})
    return _keys(parses) | {own}


@lru_cache(maxsize=100_000)
def noun_lemmas(word: str) -> frozenset[str]:
    """Keys of a one-word noun term: its noun parses, and for a substantivised adjective or participle
    (заключённый, the prisoner) the SUBST key, which its short forms lack (договор заключён is no
    prisoner). The plain term keys when the word has neither."""
    keys = frozenset(k for k in term_lemmas(word) if k.endswith(("|NOUN", "|SUBST")))
    return keys or term_lemmas(word)


@lru_cache(maxsize=100_000)
def lexeme_forms(word: str) -> frozenset[str]:
    """Every inflected form of a Russian term word (its nominative parses' lexemes), lower-case."""
    parses = morph.parses(word)
    # no nominative parse: the word's lexeme is not known (the first parse of Чаянов is the name Чаян,
    # whose forms would make "Chan" a romanized Chayanov), so only the word itself
    nominative = [p for p in parses if "nomn" in p.tag]
    forms = {fold(word)}
    for p in nominative:
        forms.update(fold(f.word) for f in p.lexeme)
    return frozenset(forms)


# --- English inflection -------------------------------------------------------------------------

_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "people": "person",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "oxen": "ox",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "media": "medium",
    "data": "datum",
    "theses": "thesis",
    "analyses": "analysis",
    "crises": "crisis",
    "bases": "basis",
    "indices": "index",
    "appendices": "appendix",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "leaves": "leaf",
    "halves": "half",
    "selves": "self",
    "shelves": "shelf",
    "thieves": "thief",
    "wolves": "wolf",
}


@lru_cache(maxsize=200_000)
def english_bases(token: str) -> frozenset[str]:
    """Candidate base forms of an English word form (lower-case): itself, minus a possessive, minus a
    plural ending. Over-generation (news → new) is harmless: candidates are only compared with term
    words, never shown."""
    w = token.lower().replace("’", "'")
    written = w
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    out = {w, written}
    if w in _IRREGULAR:
        out.add(_IRREGULAR[w])
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])  # troikas, secretaries' stem handled below
        if w.endswith("es"):
            out.add(w[:-2])  # kolkhozes, churches, taxes
        if w.endswith("ies"):
            out.add(w[:-3] + "y")  # secretaries
        if w.endswith("ves"):
            out.update((w[:-3] + "f", w[:-3] + "fe"))
    return frozenset(out)
