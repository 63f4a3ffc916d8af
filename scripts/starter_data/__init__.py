"""Data for the starter termbase, as compact Python calls that expand to the JSON concept dicts.

`term()` builds a concept of the field (or an organization, publication, place or event),
`person()` a person concept with the naming convention documented in DESCRIPTION.
"""

from __future__ import annotations

import re

TITLE = "slovnik starter termbase: Soviet political history, 1917–1991"

DESCRIPTION = (
    "Russian–English termbase for Soviet political history (1917–1991, emphasis on the 1920s–1950s): "
    "party and state organs and offices, the security apparatus, society and economy, territorial units, "
    "periodicals, organizations, places, events and persons. "
    "Conventions: Russian terms use ё where Russian spelling has it (Хрущёв, Семён); a plural-only Russian "
    "term carries number 'plural'; English acronyms are preferred where English-language scholarship uses "
    "them (NKVD, OGPU). Terms of the field prefer the romanized loan where historians keep it (kolkhoz, "
    "troika, nomenklatura) and admit the translation (collective farm). "
    "Persons: the Russian preferred term is the full name in reference-work order, 'Surname Given-name "
    "Patronymic' (Тухачевский Михаил Николаевич), and the bare surname is admitted so that a text naming "
    "only the surname is recognised; the English preferred term is the usual English form 'Given-name "
    "Surname' (Mikhail Tukhachevsky), the surname alone admitted; where the usual English spelling "
    "differs from Library of Congress romanization, the Russian surname carries it as `conventional` "
    "(Троцкий → Trotsky); birth–death years open each person's definition. Each person's English "
    "preferred name follows that person's usual English form (Andrei Zhdanov, Andrey Vyshinsky), not one "
    "system across persons: conventional forms are per person, so `glossary lint` never reports a "
    "person's preferred English full name. "
    "Periodicals prefer the Library of Congress form used in bibliographies (Izvestiia) and record the "
    "press spelling as conventional (Izvestia). Romanizations are derived from the Cyrillic by scheme and "
    "are not stored."
)

# Library of Congress romanization without diacritics; used for ids and to decide whether a name
# needs a `conventional` English spelling.
_LC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "'",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}


def lc(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        r = _LC.get(low, ch)
        out.append(r.capitalize() if ch != low and r else r)
    return "".join(out)


def slug(text: str) -> str:
    s = lc(text).lower().replace("'", "")
    return "".join(ch if ch.isalnum() else "-" for ch in s).strip("-")


def _t(lang: str, text: str, status: str = "preferred", **kw) -> dict:
    d = {"lang": lang, "text": text, "status": status}
    d.update({k: v for k, v in kw.items() if v is not None})
    return d


def _ru_alt(item) -> dict:
    """An admitted Russian term: a str, or (text, gender, number) / (text, gender, number, pos), or a dict."""
    if isinstance(item, dict):
        return {"lang": "ru", "status": "admitted", **item}
    if isinstance(item, str):
        return _t("ru", item, "admitted", part_of_speech="noun")
    text, gender, number, *rest = item
    return _t(
        "ru", text, "admitted", part_of_speech=rest[0] if rest else "noun", gender=gender, number=number
    )


def _en(item, status: str) -> dict:
    """An English term: a str, or (text, note), or a dict of extra fields."""
    if isinstance(item, dict):
        return {"lang": "en", "status": status, **item}
    if isinstance(item, tuple):
        return _t("en", item[0], status, note=item[1])
    return _t("en", item, status)


def _concept(cid: str, typ: str, subject: list, d: str, notes, tags, see, terms: list) -> dict:
    """The concept dict in the starter's key order (notes only when there are any)."""
    c = {"id": cid, "type": typ, "subject": subject, "definition": d}
    if notes:
        c["notes"] = list(notes)
    c["tags"] = list(tags)
    c["see_also"] = list(see)
    c["terms"] = terms
    return c


def term(
    cid: str,
    ru: str,
    en,
    *,
    d: str,
    s: str | tuple = (),
    g: str | None = "masculine",
    n: str | None = "singular",
    pos: str = "noun",
    ru_alt=(),
    en_alt=(),
    en_bad=(),
    en_old=(),
    see=(),
    tags=(),
    notes=(),
    typ: str = "term",
    conv: str | None = None,
    ru_match: str | None = None,
    ru_note: str | None = None,
    ru_exclude=(),
) -> dict:
    """One concept. `s` subject(s); `g`/`n` gender and number of the Russian preferred term;
    `en_bad` deprecated and `en_old` superseded English renderings, each (text, note) or text;
    `ru_exclude` the phrases in which the Russian preferred term is a homonym (кулаком по столу)."""
    subject = [s] if isinstance(s, str) else list(s)
    terms = [
        _t(
            "ru",
            ru,
            part_of_speech=pos,
            gender=g,
            number=n,
            conventional=conv,
            match=ru_match,
            note=ru_note,
            exclude=list(ru_exclude) or None,
        )
    ]
    terms += [_ru_alt(x) for x in ru_alt]
    terms.append(_en(en, "preferred"))
    terms += [_en(x, "admitted") for x in en_alt]
    terms += [_en(x, "deprecated") for x in en_bad]
    terms += [_en(x, "superseded") for x in en_old]
    return _concept(cid, typ, subject, d, notes, tags, see, terms)


def person(
    surname: str,
    given: str,
    patronymic: str | None,
    en: str,
    *,
    d: str,
    s="party",
    female: bool = False,
    ru_alt=(),
    en_alt=(),
    en_bad=(),
    see=(),
    tags=(),
    notes=(),
    cid: str | None = None,
) -> dict:
    """A person. `en` is the usual English 'Given Surname'; its last word is the English surname."""
    gender = "feminine" if female else "masculine"
    full = " ".join(p for p in (surname, given, patronymic) if p)
    en_surname = en.split()[-1]
    conv = en_surname if en_surname != lc(surname) else None
    terms = [
        _t("ru", full, part_of_speech="properNoun", gender=gender, number="singular", match="case"),
        _t(
            "ru",
            surname,
            "admitted",
            part_of_speech="properNoun",
            gender=gender,
            number="singular",
            conventional=conv,
            match="case",
        ),
    ]
    for alt in ru_alt:
        terms.append(
            _t(
                "ru",
                alt,
                "admitted",
                part_of_speech="properNoun",
                gender=gender,
                number="singular",
                match="case",
            )
        )
    terms.append(_t("en", en, match="case"))
    terms.append(_t("en", en_surname, "admitted", match="case"))
    if conv:
        # scholarly texts write the LC form; admitting it keeps it apart from the deprecated variants
        terms.append(
            _t(
                "en",
                lc(surname),
                "admitted",
                match="case",
                note="Library of Congress romanization, usual in scholarly texts",
            )
        )
    for alt in en_alt:
        terms.append({**_en(alt, "admitted"), "match": "case"})
    for bad in en_bad:
        terms.append({**_en(bad, "deprecated"), "match": "case"})
    subject = [s] if isinstance(s, str) else list(s)
    return _concept(cid or f"{slug(surname)}-{slug(given)}", "person", subject, d, notes, tags, see, terms)


_WORD = re.compile(r"[^\W\d_]+")


def default_match(term: dict) -> None:
    """Case-sensitive matching where the letter case carries the meaning, unless a term sets its own mode:
    acronyms in either language (СЛОН the camp, not слон the elephant; KGB, not kgb) and English terms with a
    capital, which are names (Short Course, not short courses; the Right, not the right time)."""
    if term.get("match"):
        return
    words = _WORD.findall(term["text"])
    if any(len(w) > 1 and w.isupper() for w in words) or (
        term["lang"] == "en" and any(w[0].isupper() for w in words)
    ):
        term["match"] = "case"


def build_concepts() -> list[dict]:
    from . import events, names, organs, persons, security, society, territory

    concepts = []
    for module in (organs, security, society, territory, names, events, persons):
        concepts.extend(module.CONCEPTS)
    for concept in concepts:
        for term in concept["terms"]:
            default_match(term)
    return concepts
