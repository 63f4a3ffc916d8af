"""Generate the tm check benchmark: an RU→EN TMX + the same content as PO, a termbase, and ground truth.

Sentences come from templates whose term slots are filled with termbase terms inflected by pymorphy3
into the case and number the template needs (номенклатура → номенклатурой, Генеральным секретарём), and
on the English side rendered in the singular, the English plural or the romanized Russian plural
(zavods / zavody). The termbase has ~2,000 concepts: the bundled starter termbase plus concepts made from
frequent Russian nouns (wordfreq) with English renderings that are romanizations or English words, and
a share of admitted and deprecated alternatives; plus person concepts for a list of surnames.

Faults of every kind are planted at known rates and listed in truth.jsonl as {tuid, check, concept}:
term-missing, term-forbidden, term-inconsistent, translit-variant, number-mismatch, untranslated,
tag-mismatch, punctuation, inconsistent-target, inconsistent-source. Inconsistencies that arise by
chance (a random sentence generated twice, one copy carrying a planted fault) are added to the truth
too, marked "incidental": they are real inconsistencies in the data.

The generator keeps the truth unambiguous: a generated concept is dropped when any form of it has a
parse whose lemma belongs to another concept or to the template words.

    python scripts/gen_check_corpus.py -n 20000 -o /tmp/check-20k
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.recognition.words import english_bases, term_lemmas, token_keys  # noqa: E402
from glossary.romanization.romanize import romanize  # noqa: E402
from glossary.russian import morph  # noqa: E402
from tm.model import Segment, Tag, TranslationUnit  # noqa: E402

# (ru, en). Slots: {A:case:number} / {B:…} terms, {N:nomn|gent} names ({N} / {N's} in English),
# {Y} year, {K} thousands, {D} decimal, {I} small integer, {T} an inline tag.
TEMPLATES = [
    (
        "В {Y} г. вопрос о {A:loct:sing} обсуждался на пленуме.",
        "In {Y}, the question of the {A:sing} was discussed at the plenum.",
    ),
    (
        "Решение {A:gent:sing} поддержали {K} делегатов.",
        "The decision of the {A:sing} was supported by {K} delegates.",
    ),
    (
        "Доклад о {A:loct:plur} и {B:loct:plur} занял {I} страниц.",
        "The report on the {A:plur} and the {B:plur} ran to {I} pages.",
    ),
    ("{N:nomn} выступил против {A:gent:plur} в {Y} г.", "{N} spoke out against the {A:plur} in {Y}."),
    ("Приказ {N:gent} касался {A:gent:sing}.", "{N's} order concerned the {A:sing}."),
    (
        "За {Y} г. число {A:gent:plur} выросло на {D} процента.",
        "In {Y}, the number of {A:plur} grew by {D} percent.",
    ),
    ("С {A:ablt:sing} работали {K} человек.", "{K} people worked with the {A:sing}."),
    (
        "Газета писала о {A:loct:sing}{T} и о {B:loct:sing}.",
        "The newspaper wrote about the {A:sing}{T} and the {B:sing}.",
    ),
    (
        "По данным архива, {A:nomn:plur} существовали до {Y} г.",
        "According to the archive, the {A:plur} existed until {Y}.",
    ),
    ("Статья {N:gent} о {A:loct:sing} вышла в {Y} г.", "{N's} article on the {A:sing} appeared in {Y}."),
    (
        "Комиссия по {A:datv:plur} собиралась {I} раз в {Y} г.",
        "The commission on the {A:plur} met {I} times in {Y}.",
    ),
    (
        "Заседание продолжалось {I} часа, выступили {I2} ораторов.",
        "The session lasted {I} hours, and {I2} speakers took the floor.",
    ),
]
# Synonym swaps that change a sentence without changing its facts (planted inconsistencies).
EN_SWAPS = {
    "discussed": "debated",
    "supported": "backed",
    "report": "paper",
    "spoke out": "argued",
    "concerned": "dealt with",
    "grew": "rose",
    "worked": "cooperated",
    "wrote": "reported",
    "existed": "survived",
    "appeared": "came out",
    "met": "convened",
    "lasted": "went on",
}
RU_SWAPS = {
    "обсуждался": "рассматривался",
    "поддержали": "одобрили",
    "занял": "составил",
    "выступил": "высказался",
    "касался": "затрагивал",
    "выросло": "увеличилось",
    "работали": "трудились",
    "писала": "сообщала",
    "существовали": "действовали",
    "вышла": "появилась",
    "собиралась": "заседала",
    "продолжалось": "длилось",
}
GENERIC_EN = ["matter", "body", "institution", "question", "arrangement"]

SURNAMES = [
    "Ежов",
    "Ягода",
    "Яковлев",
    "Юдин",
    "Якир",
    "Ефимов",
    "Ермаков",
    "Евдокимов",
    "Троцкий",
    "Луначарский",
    "Дзержинский",
    "Ольминский",
    "Енукидзе",
    "Юровский",
    "Ярославский",
    "Ёлкин",
    "Еремеев",
    "Ярцев",
    "Юсупов",
    "Бухарин",
    "Рыков",
    "Киров",
    "Молотов",
    "Калинин",
    "Ворошилов",
    "Зиновьев",
    "Каменев",
    "Куйбышев",
    "Томский",
    "Радек",
]

SLOT = re.compile(r"\{([A-Z]\d?)(?::([a-z]+))?(?::([a-z]+))?\}|\{N's\}")


def _en_plural(word: str) -> str:
    head, _, last = word.rpartition(" ")
    if re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _filler_keys() -> tuple[set[str], set[str]]:
    ru, en = set(), set()
    words = [w for r, _ in TEMPLATES for w in re.findall(r"[А-Яа-яЁё]+", SLOT.sub(" ", r))]
    words += [w for s in RU_SWAPS.items() for w in s]
    for w in words:
        ru |= token_keys(w)
    for w in (
        [w for _, e in TEMPLATES for w in re.findall(r"[A-Za-z]+", SLOT.sub(" ", e))]
        + [w for s in EN_SWAPS.items() for p in s for w in p.split()]
        + GENERIC_EN
    ):
        en |= english_bases(w)
    return ru, en


class Concept:
    def __init__(
        self,
        cid,
        ru_words,
        en_pref,
        kind="term",
        en_admitted=None,
        en_deprecated=None,
        number=None,
        roman=False,
    ):
        self.id, self.ru_words, self.kind = cid, ru_words, kind
        self.en_pref, self.en_admitted, self.en_deprecated = en_pref, en_admitted, en_deprecated
        self.number, self.roman = number, roman

    def ru(self, case: str, number: str) -> str | None:
        """The Russian term inflected; adjectives agree with the first noun."""
        parsed = []
        for w in self.ru_words:
            ps = [p for p in morph.parses(w) if "nomn" in p.tag]
            parsed.append(ps[0] if ps else None)
        head = next((p for p in parsed if p is not None and p.tag.POS == "NOUN"), None)
        if head is None:
            return None
        out = []
        for w, p in zip(self.ru_words, parsed, strict=True):
            if p is None:
                out.append(w)
                continue
            grams = {case, number}
            if p.tag.POS in ("ADJF", "PRTF") and number == "sing" and head.tag.gender:
                grams.add(head.tag.gender)
            if self.number == "plural":
                grams.discard("sing")
                grams.add("plur")
            f = p.inflect(grams)
            if f is None:
                return None
            word = f.word
            out.append(word[:1].upper() + word[1:] if w[:1].isupper() else word)
        return " ".join(out)

    def en(self, text: str, number: str, rng: random.Random) -> str:
        if number == "sing" or self.number == "plural":
            return text
        if self.roman and text == self.en_pref and rng.random() < 0.5:
            plural = self.ru("nomn", "plur")
            if plural:
                return romanize(plural, "lc")
        return _en_plural(text)


def _ambiguous(forms: set[str], own: frozenset[str], taken: set[str]) -> bool:
    for f in forms:
        if (token_keys(f) - own) & taken:
            return True
    return False


def build_concepts(n_concepts: int, rng: random.Random, starter: Path | None):
    import wordfreq

    ru_filler, en_filler = _filler_keys()
    concepts: list[Concept] = []
    taken_ru: set[str] = set(ru_filler)
    taken_en: set[str] = set(en_filler)

    def claim(words: list[str], en_terms: list[str]) -> bool:
        own = frozenset().union(*(term_lemmas(w) for w in words))
        if own & taken_ru:
            return False
        forms = set()
        for w in words:
            for p in morph.parses(w)[:1]:
                forms.update(f.word for f in p.lexeme)
        if _ambiguous(forms, own, taken_ru):
            return False
        en_keys = set()
        for t in en_terms:
            for w in re.findall(r"[A-Za-z']+", t):
                en_keys |= english_bases(w)
        if en_keys & taken_en:
            return False
        taken_ru.update(own)
        taken_en.update(en_keys)
        return True

    if starter and starter.exists():
        from glossary.termbase import load_termbase

        for c in load_termbase(starter):
            ru, en = c.preferred("ru"), c.preferred("en")
            if ru is None or en is None or c.type.is_name or not re.fullmatch(r"[А-Яа-яЁё -]+", ru.text):
                continue
            if not re.fullmatch(r"[A-Za-z' -]+", en.text):
                continue
            adm = next((t.text for t in c.approved("en") if t is not en), None)
            dep = next((t.text for t in c.rejected("en")), None)
            words = ru.text.split()
            if not claim(words, [t for t in (en.text, adm, dep) if t]):
                continue
            cc = Concept(c.id, words, en.text, en_admitted=adm, en_deprecated=dep, number=ru.number)
            if cc.ru("gent", "sing") and cc.ru("loct", "plur"):
                concepts.append(cc)

    en_pool = [
        w
        for w in wordfreq.top_n_list("en", 40000)
        if w.isascii() and w.isalpha() and 5 <= len(w) <= 10 and not w.endswith("s")
    ]
    rng.shuffle(en_pool)
    en_iter = iter(en_pool)

    def en_word() -> str:
        return next(en_iter)

    nouns, adjs = [], []
    for w in wordfreq.top_n_list("ru", 60000):
        if not re.fullmatch(r"[а-яё]{4,}", w):
            continue
        ps = morph.parses(w)
        if not ps or not morph.is_known(w) or ps[0].normal_form != w:
            continue
        tag = ps[0].tag
        if any(g in tag for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Fixd", "Pltm", "Sgtm")):
            continue
        if tag.POS == "NOUN" and "nomn" in tag and "sing" in tag and len(morph.lemmas(w)) == 1:
            nouns.append(w)
        elif tag.POS == "ADJF" and "masc" in tag and "nomn" in tag and len(morph.lemmas(w)) == 1:
            adjs.append(w)
    rng.shuffle(nouns)
    rng.shuffle(adjs)
    multi_target = n_concepts // 12
    n_multi = 0
    for noun in nouns:
        if len(concepts) >= n_concepts - len(SURNAMES) * 2 // 3:
            break
        multi = n_multi < multi_target and adjs and rng.random() < 0.2
        words = [adjs.pop(), noun] if multi else [noun]
        roman = not multi and rng.random() < 0.5
        pref = romanize(noun, "lc") if roman else (f"{en_word()} {en_word()}" if multi else en_word())
        if roman and (not pref.isalpha() or not pref.isascii()):
            continue
        adm = en_word() if rng.random() < 0.25 else None
        dep = en_word() if rng.random() < 0.4 else None
        if not claim(words, [t for t in (pref, adm, dep) if t]):
            continue
        slug = re.sub(r"[^a-z0-9-]", "", "g-" + "-".join(romanize(w, "lc").lower() for w in reversed(words)))
        c = Concept(f"{slug}-{len(concepts)}", words, pref, en_admitted=adm, en_deprecated=dep, roman=roman)
        if c.ru("gent", "sing") and c.ru("loct", "plur"):
            concepts.append(c)
            n_multi += multi

    names = []
    for i, s in enumerate(SURNAMES):
        pref, variant = romanize(s, "bgn"), romanize(s, "lc")
        if pref == variant or not (pref.isalpha() and variant.isalpha()):
            variant = romanize(s, "wikipedia") if romanize(s, "wikipedia") != pref else None
        if variant is None or not (variant.isalpha() and variant.isascii() and pref.isascii()):
            continue
        in_termbase = i % 3 != 2
        cid = re.sub(r"[^a-z0-9-]", "", "p-" + romanize(s, "lc").lower())
        names.append((Concept(cid, [s], pref, kind="person"), variant, in_termbase))
    return concepts, names


def termbase_json(concepts, names) -> dict:
    out = []
    for c in concepts + [n for n, _, keep in names if keep]:
        terms = [{"lang": "ru", "text": " ".join(c.ru_words)}]
        if c.number == "plural":
            terms[0]["number"] = "plural"
        terms.append({"lang": "en", "text": c.en_pref, "status": "preferred"})
        if c.en_admitted:
            terms.append({"lang": "en", "text": c.en_admitted, "status": "admitted"})
        if c.en_deprecated:
            terms.append({"lang": "en", "text": c.en_deprecated, "status": "deprecated"})
        out.append({"id": c.id, "type": c.kind, "terms": terms})
    return {
        "format": "slovnik-termbase",
        "version": 1,
        "title": "tm check benchmark termbase",
        "source_lang": "ru",
        "target_lang": "en",
        "concepts": out,
    }


def _ru_number(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0") if n >= 10000 else str(n)


def generate(n_units: int, seed: int = 7, n_concepts: int = 2000, starter: Path | None = None):
    rng = random.Random(seed)
    concepts, names = build_concepts(n_concepts, rng, starter)
    sing_ok = [c for c in concepts if c.number != "plural"]
    plur_ok = concepts
    truth: list[dict] = []
    units: list[TranslationUnit] = []
    clean_pairs: list[tuple[str, str]] = []
    tag = Tag("ph", "empty", "1", (("x", "1"),), "<br/>")

    def plant(tuid, check, concept=None):
        truth.append({"tuid": tuid, "check": check, "concept": concept})

    for i in range(n_units):
        tuid = f"u{i + 1:06d}"
        r = rng.random()
        # a clean earlier pair again with a synonym on one side (each pair used once): same source,
        # another target, or another source, same target
        side = "target" if r < 0.004 else "source" if r > 0.996 else None
        if clean_pairs and side:
            pair = list(clean_pairs.pop(rng.randrange(len(clean_pairs))))
            at, synonyms = (1, EN_SWAPS) if side == "target" else (0, RU_SWAPS)
            swaps = [k for k in synonyms if re.search(rf"\b{k}\b", pair[at])]
            if swaps:
                k = rng.choice(swaps)
                pair[at] = re.sub(rf"\b{k}\b", synonyms[k], pair[at], count=1)
                units.append(
                    TranslationUnit(
                        Segment.of(pair[0]), Segment.of(pair[1]), id=tuid, source_lang="ru", target_lang="en"
                    )
                )
                plant(tuid, f"inconsistent-{side}")
                continue
        ru_t, en_t = rng.choice(TEMPLATES)
        faults: list[tuple[str, str | None]] = []
        slots: dict[str, Concept] = {}
        year, big, small = rng.randint(1917, 1991), rng.randint(1000, 99999), rng.randint(2, 99)
        small2 = rng.randint(2, 99)
        dec = f"{rng.randint(1, 9)},{rng.randint(1, 9)}"
        name, variant, _ = rng.choice(names)
        use_variant = rng.random() < 0.08
        missing = forbidden = cyrillic = None
        for key in ("A", "B"):
            m = re.search(r"\{" + key + r":(\w+):(\w+)\}", ru_t)
            if m:
                pool = sing_ok if m.group(2) == "sing" else plur_ok
                while True:
                    c = rng.choice(pool)
                    if all(c is not o for o in slots.values()):
                        break
                slots[key] = c
        if slots:
            k = rng.choice(sorted(slots))
            x = rng.random()
            if x < 0.012:
                missing = k
            elif x < 0.024 and slots[k].en_deprecated:
                forbidden = k
            elif x < 0.028:
                cyrillic = k

        def fill_ru(m, slots=slots, name=name, year=year, big=big, dec=dec, small=small, small2=small2):
            key, case, number = m.group(1), m.group(2), m.group(3)
            if key in slots:
                return slots[key].ru(case, number)
            if key == "N":
                p = [
                    p
                    for p in morph.parses(name.ru_words[0])
                    if "Surn" in p.tag and "masc" in p.tag and "nomn" in p.tag
                ]
                if not p or case == "nomn":
                    return name.ru_words[0]
                f = p[0].inflect({case})
                return f.word.capitalize() if f else name.ru_words[0]
            return {
                "Y": str(year),
                "K": _ru_number(big),
                "D": dec,
                "I": str(small),
                "I2": str(small2),
                "T": "\x00",
            }[key]

        ru_text = SLOT.sub(fill_ru, ru_t)
        spelled = variant if use_variant else name.en_pref
        if use_variant and ("{N" in ru_t):
            faults.append(("translit-variant", name.id))

        def fill_en(
            m,
            slots=slots,
            spelled=spelled,
            missing=missing,
            forbidden=forbidden,
            cyrillic=cyrillic,
            faults=faults,
            year=year,
            big=big,
            dec=dec,
            small=small,
            small2=small2,
        ):
            if m.group(0) == "{N's}":
                return spelled + "'s"
            key, number = m.group(1), m.group(2)
            if key in slots:
                c = slots[key]
                if key == missing:
                    return rng.choice(GENERIC_EN)
                if key == forbidden:
                    return c.en(c.en_deprecated, number, rng)
                if key == cyrillic:
                    return c.ru("nomn", "sing" if number == "sing" else "plur").lower()
                if c.en_admitted and rng.random() < 0.08:
                    faults.append(("term-inconsistent", c.id))
                    return c.en(c.en_admitted, number, rng)
                return c.en(c.en_pref, number, rng)
            if key == "N":
                return spelled
            return {
                "Y": str(year),
                "K": f"{big:,}",
                "D": dec.replace(",", "."),
                "I": str(small),
                "I2": str(small2),
                "T": "\x00",
            }[key]

        en_text = SLOT.sub(fill_en, en_t)
        if missing:
            faults.append(("term-missing", slots[missing].id))
        if forbidden:
            faults.append(("term-forbidden", slots[forbidden].id))
        if cyrillic:
            faults += [("untranslated", None), ("term-missing", slots[cyrillic].id)]
        x = rng.random()
        numbers = [n for n in (str(year), str(small)) if re.search(rf"(?<![\d,.]){n}(?![\d,.])", en_text)]
        if x < 0.01 and numbers:
            n = rng.choice(numbers)
            en_text = re.sub(rf"(?<![\d,.]){n}(?![\d,.])", str(int(n) + 1), en_text, count=1)
            faults.append(("number-mismatch", None))
        elif x < 0.02:
            en_text = en_text.rstrip(".")
            faults.append(("punctuation", None))
        has_tag = "\x00" in ru_text
        ru_seg = Segment([p if p else tag for p in _split_tag(ru_text, tag)])
        if has_tag and rng.random() < 0.15:
            en_text = en_text.replace("\x00", "")
            faults.append(("tag-mismatch", None))
        en_seg = Segment([p for p in _split_tag(en_text, tag)])
        y = rng.random()
        if y < 0.003:
            en_seg = Segment([])
            faults = [("untranslated", None)]
        elif y < 0.006:
            en_seg = Segment(list(ru_seg.parts))
            faults = [("untranslated", None)]
        units.append(TranslationUnit(ru_seg, en_seg, id=tuid, source_lang="ru", target_lang="en"))
        for check, concept in faults:
            plant(tuid, check, concept)
        if not has_tag and not faults:
            if len(clean_pairs) < 5000:
                clean_pairs.append((ru_text, en_text))
            elif rng.random() < 0.05:
                clean_pairs[rng.randrange(len(clean_pairs))] = (ru_text, en_text)
    _incidental(units, truth)
    return units, truth, termbase_json(concepts, names)


def _split_tag(text: str, tag: Tag) -> list:
    out: list = []
    for i, part in enumerate(text.split("\x00")):
        if i:
            out.append(tag)
        if part:
            out.append(part)
    return out


def _incidental(units, truth) -> None:
    """Inconsistencies the random draw made on its own (a sentence drawn twice, one copy faulty)."""
    planted = {(t["tuid"], t["check"]) for t in truth}
    for check, key in (("inconsistent-target", "source"), ("inconsistent-source", "target")):
        groups: dict[str, dict[str, list[str]]] = {}
        for u in units:
            s, t = " ".join(u.source.text.split()), " ".join(u.target.text.split())
            if not s or not t:
                continue
            k, v = (s, t) if key == "source" else (t, s)
            groups.setdefault(k, {}).setdefault(v, []).append(u.id)
        for variants in groups.values():
            if len(variants) < 2:
                continue
            ranked = sorted(variants.items(), key=lambda kv: -len(kv[1]))  # stable: first seen wins ties
            for _, ids in ranked[1:]:
                for tuid in ids:
                    if (tuid, check) not in planted:
                        truth.append({"tuid": tuid, "check": check, "concept": None, "incidental": True})


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--units", type=int, default=20000)
    ap.add_argument("-o", "--out", type=Path, required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--concepts", type=int, default=2000)
    args = ap.parse_args(argv)
    from tm.formats import write_tm

    args.out.mkdir(parents=True, exist_ok=True)
    units, truth, tb = generate(
        args.units, args.seed, args.concepts, ROOT / "glossary" / "data" / "starter.json"
    )
    (args.out / "termbase.json").write_text(json.dumps(tb, ensure_ascii=False, indent=1), encoding="utf-8")
    write_tm(units, args.out / "corpus.tmx", source_lang="ru", target_lang="en")
    write_tm(units, args.out / "corpus.po", source_lang="ru", target_lang="en")
    with open(args.out / "truth.jsonl", "w", encoding="utf-8") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(f"{len(units)} units, {len(tb['concepts'])} concepts, {len(truth)} planted faults -> {args.out}")


if __name__ == "__main__":
    main()
