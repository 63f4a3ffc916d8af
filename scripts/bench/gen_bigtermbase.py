"""Write a large, realistic, deterministic termbase for benchmarks (50,000 concepts by default).

    .venv/bin/python scripts/bench/gen_bigtermbase.py OUT.json [--concepts 50000] [--seed 13] [--csv OUT.csv]

The bundled starter comes first, unchanged; the rest copies the starter's shapes (the mix of concept
types, terms per concept, statuses, grammar, `match`, conventional spellings, see-also links inside a
subject) with synthetic Russian words built from Russian stems and endings (so pymorphy3 parses them
as it parses rare real words), English phrases assembled from the starter's English vocabulary, and
LC romanizations for names. Nothing is read from ../shared. Same seed, same file.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from glossary.romanization.romanize import romanize
from glossary.termbase import STARTER_PATH
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.ids import slugify
from glossary.termbase.model import Concept, ConceptType, Status, Term, Termbase

_ONSETS = (
    "б",
    "в",
    "г",
    "д",
    "ж",
    "з",
    "к",
    "л",
    "м",
    "н",
    "п",
    "р",
    "с",
    "т",
    "ф",
    "х",
    "ц",
    "ч",
    "ш",
    "щ",
    "бр",
    "вл",
    "гр",
    "др",
    "кр",
    "пл",
    "пр",
    "ст",
    "тр",
    "св",
    "ск",
    "сл",
    "зв",
    "хв",
)
_VOWELS = ("а", "а", "о", "о", "у", "е", "е", "и", "и", "ы", "я", "ю")
# spellings Russian does not write (жы, шю, кы …): a stem with one is drawn again
_UNRUSSIAN = re.compile("[жшчщ][ыяю]|[кгх][ыяю]|ц[юя]|йй")
_CODAS = ("", "", "", "н", "р", "л", "с", "т", "к", "м", "в", "ст", "нт", "рк")
# Endings by part of speech and gender, the productive suffixes of the field's vocabulary.
_NOUN_ENDINGS = {
    "masculine": ("ком", "изм", "ец", "ник", "ант", "ор", "ист", "ат", "ком", "строй"),
    "feminine": ("ость", "ция", "ка", "ура", "ия", "ница", "ада", "ема"),
    "neuter": ("ство", "ение", "ание", "бюро", "ие", "ище"),
}
_ADJ_ENDINGS = {
    "masculine": ("ский", "ный", "овый", "енный"),
    "feminine": ("ская", "ная", "овая", "енная"),
    "neuter": ("ское", "ное", "овое", "енное"),
}
_SURNAME_ENDINGS = ("ов", "ев", "ин", "ский", "енко", "ович", "як", "ук", "ёв", "ицкий")
_GIVEN = (
    ("Николай", "Nikolai", "Николаевич"),
    ("Михаил", "Mikhail", "Михайлович"),
    ("Григорий", "Grigorii", "Григорьевич"),
    ("Лев", "Lev", "Львович"),
    ("Алексей", "Aleksei", "Алексеевич"),
    ("Иван", "Ivan", "Иванович"),
    ("Сергей", "Sergei", "Сергеевич"),
    ("Пётр", "Petr", "Петрович"),
    ("Андрей", "Andrei", "Андреевич"),
    ("Фёдор", "Fedor", "Фёдорович"),
    ("Яков", "Iakov", "Яковлевич"),
    ("Вячеслав", "Viacheslav", "Вячеславович"),
)
_PLACE_HEADS = (
    ("область", "feminine", "Oblast"),
    ("район", "masculine", "District"),
    ("уезд", "masculine", "Uezd"),
    ("губерния", "feminine", "Province"),
)
_ORG_HEADS = (
    ("комитет", "masculine", "Committee"),
    ("трест", "masculine", "Trust"),
    ("управление", "neuter", "Directorate"),
    ("комиссия", "feminine", "Commission"),
)
_WEIGHTED_STATUS = (Status.ADMITTED,) * 6 + (Status.DEPRECATED,) * 2 + (Status.SUPERSEDED,)


class Words:
    """Synthetic Russian words, each used once, from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def stem(self) -> str:
        while True:
            stem = "".join(
                self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) + self.rng.choice(_CODAS)
                for _ in range(self.rng.choice((1, 2, 2, 3)))
            )
            if stem not in self.used and not _UNRUSSIAN.search(stem):
                self.used.add(stem)
                return stem

    def noun(self, gender: str) -> str:
        return self.stem() + self.rng.choice(_NOUN_ENDINGS[gender])

    def adjective(self, gender: str) -> str:
        return self.stem() + self.rng.choice(_ADJ_ENDINGS[gender])

    def surname(self) -> str:
        return (self.stem() + self.rng.choice(_SURNAME_ENDINGS)).capitalize()


def _english_vocabulary(starter: Termbase) -> list[str]:
    words = {
        w
        for c in starter
        for t in c.terms_in("en")
        for w in t.text.split()
        if w.isalpha() and w.islower() and len(w) > 3
    }
    return sorted(words)


def _ru_term(
    text: str,
    status: Status,
    gender: str,
    pos: str = "noun",
    match: str | None = None,
    conventional: str | None = None,
) -> Term:
    return Term(
        text=text,
        lang="ru",
        status=status,
        part_of_speech=pos,
        gender=gender,
        number="singular",
        match=match,
        conventional=conventional,
    )


def _en_term(text: str, status: Status = Status.PREFERRED, match: str | None = "case") -> Term:
    return Term(text=text, lang="en", status=status, match=match)


def _person(rng: random.Random, words: Words) -> tuple[list[Term], str]:
    surname = words.surname()
    given, given_lc, patronymic = rng.choice(_GIVEN)
    lc = romanize(surname, "lc")
    conventional = None
    if lc.endswith("ii") and rng.random() < 0.5:
        conventional = lc[:-2] + "y"  # the Trotsky pattern
    english = conventional or lc
    terms = [
        _ru_term(f"{surname} {given} {patronymic}", Status.PREFERRED, "masculine", "properNoun", "case"),
        _ru_term(surname, Status.ADMITTED, "masculine", "properNoun", "case", conventional),
        _en_term(f"{given_lc} {english}"),
        _en_term(english, Status.ADMITTED),
    ]
    return terms, f"{lc}-{given_lc}"


def _headed(rng: random.Random, words: Words, heads) -> tuple[list[Term], str]:
    head, gender, en_head = rng.choice(heads)
    adjective = words.adjective(gender)
    text = f"{adjective.capitalize()} {head}"
    lc = romanize(adjective, "lc").capitalize()
    return [_ru_term(text, Status.PREFERRED, gender, match="case"), _en_term(f"{lc} {en_head}")], text


def _term(rng: random.Random, words: Words, vocabulary: list[str]) -> tuple[list[Term], str]:
    gender = rng.choice(("masculine", "masculine", "feminine", "neuter"))
    noun = words.noun(gender)
    terms = []
    if rng.random() < 0.5:
        terms.append(_ru_term(f"{words.adjective(gender)} {noun}", Status.PREFERRED, gender))
        terms.append(_ru_term(noun, rng.choice(_WEIGHTED_STATUS), gender))
    else:
        terms.append(_ru_term(noun, Status.PREFERRED, gender))
    english = " ".join(rng.sample(vocabulary, rng.choice((1, 2, 2, 3))))
    terms.append(_en_term(english, match=rng.choice(("case", None))))
    if rng.random() < 0.4:
        terms.append(_en_term(romanize(noun, "lc"), Status.ADMITTED, None))
    if rng.random() < 0.2:
        terms.append(_en_term(" ".join(rng.sample(vocabulary, 2)), rng.choice(_WEIGHTED_STATUS), None))
    return terms, noun


def generate(n_concepts: int, seed: int = 13) -> Termbase:
    starter = read_termbase(STARTER_PATH)
    rng = random.Random(seed)
    words = Words(rng)
    vocabulary = _english_vocabulary(starter)
    subjects = sorted({s for c in starter for s in c.subject}) or ["general"]
    tb = Termbase(
        concepts=list(starter.concepts),
        title="Synthetic benchmark termbase",
        description=f"{n_concepts} concepts generated by scripts/bench/gen_bigtermbase.py "
        f"(seed {seed}); not real data.",
    )
    ids = {c.id for c in starter}
    # the starter's mix of concept types
    types = [c.type for c in starter]
    cluster: list[str] = []
    while len(tb.concepts) < n_concepts:
        kind = rng.choice(types)
        if kind is ConceptType.PERSON:
            terms, slug = _person(rng, words)
        elif kind is ConceptType.PLACE:
            terms, slug = _headed(rng, words, _PLACE_HEADS)
        elif kind in (ConceptType.ORGANIZATION, ConceptType.PUBLICATION, ConceptType.EVENT):
            terms, slug = _headed(rng, words, _ORG_HEADS)
        else:
            terms, slug = _term(rng, words, vocabulary)
        base = slugify(slug) or "c"
        cid, n = base, 2
        while cid in ids:
            cid, n = f"{base}-{n}", n + 1
        ids.add(cid)
        if len(cluster) >= rng.randint(3, 8):
            cluster = []
        concept = Concept(
            id=cid,
            type=kind,
            subject=[rng.choice(subjects)],
            definition=f"Synthetic {kind.value} {len(tb.concepts)} for benchmarks.",
            see_also=list(cluster[-2:]),
            terms=terms,
        )
        cluster.append(cid)
        tb.concepts.append(concept)
    return tb


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="termbase file to write (format from its extension)")
    ap.add_argument("--concepts", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--csv", type=Path, help="also write the same termbase as CSV (for import)")
    args = ap.parse_args(argv)
    tb = generate(args.concepts, args.seed)
    write_termbase(tb, args.out)
    if args.csv:
        write_termbase(tb, args.csv)
    print(f"{args.out}: {len(tb)} concepts, {tb.term_count} terms", file=sys.stderr)


if __name__ == "__main__":
    main()
