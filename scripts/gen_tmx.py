"""Generate a large ru→en TMX 1.4b of realistic Soviet-history sentences (for benchmarks and kill tests).

Sentences are built from templates whose slots are noun phrases, names and verbs inflected by pymorphy3
into the case, number and gender the template needs (номенклатура → номенклатуры, номенклатурой…), so
the TM exercises real Russian morphology. Nouns come from glossary/data/starter.json when it exists
plus a built-in list. Deterministic for a given --seed; written as a stream (constant memory).

    python scripts/gen_tmx.py -n 1000000 -o /tmp/tm-1m.tmx
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "glossary" / "data" / "starter.json"

# (Russian lemma, English singular, English plural)
NOUNS = [
    ("номенклатура", "nomenklatura", "nomenklaturas"),
    ("решение", "decision", "decisions"),
    ("комиссия", "commission", "commissions"),
    ("съезд", "congress", "congresses"),
    ("пленум", "plenum", "plenums"),
    ("постановление", "resolution", "resolutions"),
    ("комитет", "committee", "committees"),
    ("совет", "soviet", "soviets"),
    ("колхоз", "collective farm", "collective farms"),
    ("завод", "factory", "factories"),
    ("партия", "party", "parties"),
    ("организация", "organisation", "organisations"),
    ("репрессия", "repression", "repressions"),
    ("чистка", "purge", "purges"),
    ("пятилетка", "five-year plan", "five-year plans"),
    ("директива", "directive", "directives"),
    ("наркомат", "people's commissariat", "people's commissariats"),
    ("аппарат", "apparatus", "apparatuses"),
    ("секретарь", "secretary", "secretaries"),
    ("делегат", "delegate", "delegates"),
    ("рабочий", "worker", "workers"),
    ("крестьянин", "peasant", "peasants"),
    ("кулак", "kulak", "kulaks"),
    ("трибунал", "tribunal", "tribunals"),
    ("приговор", "sentence", "sentences"),
    ("процесс", "trial", "trials"),
    ("лагерь", "camp", "camps"),
    ("ссылка", "exile", "exiles"),
    ("доклад", "report", "reports"),
    ("письмо", "letter", "letters"),
    ("архив", "archive", "archives"),
    ("документ", "document", "documents"),
    ("газета", "newspaper", "newspapers"),
    ("программа", "programme", "programmes"),
    ("реформа", "reform", "reforms"),
    ("кампания", "campaign", "campaigns"),
    ("оппозиция", "opposition", "oppositions"),
    ("фракция", "faction", "factions"),
    ("область", "region", "regions"),
    ("район", "district", "districts"),
    ("город", "city", "cities"),
    ("армия", "army", "armies"),
    ("война", "war", "wars"),
    ("договор", "treaty", "treaties"),
    ("граница", "border", "borders"),
    ("промышленность", "industry", "industries"),
    ("урожай", "harvest", "harvests"),
    ("голод", "famine", "famines"),
    ("перепись", "census", "censuses"),
    ("бюджет", "budget", "budgets"),
    ("министерство", "ministry", "ministries"),
    ("управление", "directorate", "directorates"),
    ("следствие", "investigation", "investigations"),
    ("показание", "testimony", "testimonies"),
    ("заседание", "session", "sessions"),
    ("резолюция", "resolution", "resolutions"),
    ("инструкция", "instruction", "instructions"),
    ("норма", "quota", "quotas"),
    ("план", "plan", "plans"),
    ("выборы", "election", "elections"),
]

# Nouns that can act (subjects, "a session of …") and events one speaks at.
BODIES = {
    "комиссия",
    "съезд",
    "пленум",
    "комитет",
    "совет",
    "партия",
    "организация",
    "наркомат",
    "министерство",
    "управление",
    "трибунал",
    "фракция",
    "оппозиция",
    "аппарат",
}
EVENTS = {"съезд", "пленум", "заседание", "процесс", "совет", "кампания", "выборы"}

# (Russian lemma, English)
ADJECTIVES = [
    ("центральный", "central"),
    ("партийный", "party"),
    ("советский", "Soviet"),
    ("местный", "local"),
    ("областной", "regional"),
    ("районный", "district"),
    ("государственный", "state"),
    ("революционный", "revolutionary"),
    ("новый", "new"),
    ("старый", "old"),
    ("большой", "large"),
    ("секретный", "secret"),
    ("особый", "special"),
    ("военный", "military"),
    ("хозяйственный", "economic"),
    ("политический", "political"),
    ("чрезвычайный", "extraordinary"),
    ("краевой", "territorial"),
    ("городской", "city"),
    ("сельский", "rural"),
    ("первый", "first"),
    ("последний", "last"),
    ("важный", "important"),
    ("закрытый", "closed"),
    ("открытый", "open"),
    ("официальный", "official"),
]

# (Russian surname, English spelling)
PERSONS = [
    ("Сталин", "Stalin"),
    ("Молотов", "Molotov"),
    ("Каганович", "Kaganovich"),
    ("Ворошилов", "Voroshilov"),
    ("Ежов", "Yezhov"),
    ("Берия", "Beria"),
    ("Бухарин", "Bukharin"),
    ("Зиновьев", "Zinoviev"),
    ("Каменев", "Kamenev"),
    ("Киров", "Kirov"),
    ("Микоян", "Mikoyan"),
    ("Жданов", "Zhdanov"),
    ("Маленков", "Malenkov"),
    ("Хрущёв", "Khrushchev"),
    ("Рыков", "Rykov"),
    ("Орджоникидзе", "Ordzhonikidze"),
    ("Калинин", "Kalinin"),
    ("Ягода", "Yagoda"),
]

CITIES = [
    ("Москва", "Moscow"),
    ("Ленинград", "Leningrad"),
    ("Киев", "Kiev"),
    ("Харьков", "Kharkov"),
    ("Свердловск", "Sverdlovsk"),
    ("Новосибирск", "Novosibirsk"),
    ("Тбилиси", "Tbilisi"),
    ("Минск", "Minsk"),
    ("Горький", "Gorky"),
    ("Ростов", "Rostov"),
]

# (Russian infinitive, English past) — agree in gender/number with the subject noun phrase.
VERBS = [
    ("рассмотреть", "considered"),
    ("утвердить", "approved"),
    ("отклонить", "rejected"),
    ("обсудить", "discussed"),
    ("подписать", "signed"),
    ("осудить", "condemned"),
    ("поддержать", "supported"),
    ("проверить", "inspected"),
    ("изменить", "changed"),
    ("отменить", "revoked"),
    ("подготовить", "prepared"),
    ("направить", "sent"),
]

# Each template: Russian with slots, English with the same slots. Slot syntax {kind:case[:number]}
# (np = adjective + noun, s = acting body (subject), b = body, e = event, p = person, c = city,
# v = verb agreeing with the subject {s}).
TEMPLATES = [
    ("В {y} году {s:nomn} {v} {np:accs}.", "In {y} the {s} {v} the {np}."),
    ("{s:nomn} {v} {np:accs} на заседании {b:gent}.", "The {s} {v} the {np} at a session of the {b}."),
    ("По указанию {p:gent} {s:nomn} {v} {np:accs}.", "On {p}'s instructions the {s} {v} the {np}."),
    ("{p:nomn} выступил с докладом о {np:loct}.", "{p} gave a report on the {np}."),
    ("{p:nomn} выступил на {e:loct} в {c:loct} в {y} году.", "{p} spoke at the {e} in {c} in {y}."),
    ("В {c:loct} {s:nomn} {v} {np:accs} и {np2:accs}.", "In {c} the {s} {v} the {np} and the {np2}."),
    ("Члены {np:gent} получили {np2:accs:plur} от {p:gent}.", "Members of the {np} received {np2} from {p}."),
    (
        "Из-за {np:gent} {s:nomn} {v} {np2:accs} в {y} году.",
        "Because of the {np} the {s} {v} the {np2} in {y}.",
    ),
    ("Вопрос о {np:loct} обсуждался на {e:loct}.", "The question of the {np} was discussed at the {e}."),
    ("{p:nomn} подписал {np:accs} о {np2:loct}.", "{p} signed the {np} on the {np2}."),
    ("Согласно {np:datv}, {s:nomn} {v} {np2:accs}.", "According to the {np}, the {s} {v} the {np2}."),
    ("После {np:gent} в {c:loct} начались {np2:nomn:plur}.", "After the {np} in {c}, {np2} began."),
    ("В архиве сохранились {np:nomn:plur} {p:gent} за {y} год.", "The archive holds {p}'s {np} for {y}."),
    ("{np:nomn:plur} {np2:gent} были направлены в {c:accs}.", "The {np} of the {np2} were sent to {c}."),
    (
        "{s:nomn} {v} {np:accs} {np2:gent} без обсуждения.",
        "The {s} {v} the {np} of the {np2} without debate.",
    ),
    ("К {y} году число {np:gent:plur} выросло вдвое.", "By {y} the number of {np} had doubled."),
    (
        "{p:nomn} потребовал от {np:gent} ускорить {np2:accs}.",
        "{p} demanded that the {np} speed up the {np2}.",
    ),
    ("О {np:loct} {p:nomn} писал в письме {p2:datv}.", "{p} wrote about the {np} in a letter to {p2}."),
    ("На {e:loct} {y} года {p:nomn} критиковал {np2:accs}.", "At the {e} of {y}, {p} criticised the {np2}."),
    (
        "Работа {np:gent} в {c:loct} была признана неудовлетворительной.",
        "The work of the {np} in {c} was found unsatisfactory.",
    ),
]


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _noun_parse(word: str):
    for p in _morph().parse(word):
        if "NOUN" in p.tag and p.tag.case == "nomn":
            return p
    return _morph().parse(word)[0]


@cache
def inflect(word: str, case: str, number: str = "sing", gender: str | None = None) -> str:
    """*word* (a lemma) in the requested grammemes; the lemma itself if pymorphy3 cannot inflect."""
    parse = _noun_parse(word)
    grammemes = {case, number}
    if gender and number == "sing":
        grammemes.add(gender)
    form = parse.inflect(grammemes) or parse.inflect({case})
    out = form.word if form else word
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


@cache
def _adjective_form(adj: str, case: str, number: str, gender: str, animate: bool) -> str:
    parse = next((p for p in _morph().parse(adj) if "ADJF" in p.tag), _morph().parse(adj)[0])
    grammemes = {case, number} | ({gender} if number == "sing" else set())
    if case == "accs" and (number == "plur" or gender == "masc"):
        grammemes.add("anim" if animate else "inan")
    form = parse.inflect(grammemes)
    return form.word if form else adj


@cache
def _noun_facts(word: str) -> tuple[str, bool, bool]:
    tag = _noun_parse(word).tag
    return (tag.gender or "masc"), ("anim" in tag), ("Pltm" in tag)


@cache
def _verb_past(verb: str, gender: str, number: str) -> str:
    parse = next(p for p in _morph().parse(verb) if "INFN" in p.tag)
    form = parse.inflect({"past", "plur"} if number == "plur" else {"past", gender})
    return form.word if form else verb


def _starter_nouns() -> list[tuple[str, str, str]]:
    """Single-word noun terms of the starter termbase (ru preferred, en preferred)."""
    if not STARTER.exists():
        return []
    data = json.loads(STARTER.read_text(encoding="utf-8"))
    out = []
    for concept in data.get("concepts", []):
        if concept.get("type", "term") != "term":
            continue
        ru = [
            t
            for t in concept.get("terms", [])
            if t.get("lang") == "ru"
            and " " not in t.get("text", "")
            and t.get("status", "preferred") == "preferred"
            and t.get("part_of_speech") in (None, "noun")
        ]
        en = [
            t
            for t in concept.get("terms", [])
            if t.get("lang") == "en" and t.get("status", "preferred") in ("preferred", "admitted")
        ]
        if ru and en and ru[0]["text"].isalpha() and ru[0]["text"].islower():
            out.append((ru[0]["text"], en[0]["text"], _plural(en[0]["text"])))
    return out


def _plural(noun: str) -> str:
    """Regular English plural of the last word (good enough for generated sentences)."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


class Generator:
    """Deterministic sentence-pair generator."""

    def __init__(self, seed: int = 1):
        self.rng = random.Random(seed)
        known = {n[0] for n in NOUNS}
        self.nouns = NOUNS + [n for n in _starter_nouns() if n[0] not in known]
        self.bodies = [n for n in NOUNS if n[0] in BODIES]
        self.events = [n for n in NOUNS if n[0] in EVENTS]

    def noun_phrase(self, case: str, number: str, kind: str = "np") -> tuple[str, str]:
        rng = self.rng
        pool = self.bodies if kind in ("s", "b") else self.events if kind == "e" else self.nouns
        noun, en_sing, en_plur = rng.choice(pool)
        gender, animate, plurale = _noun_facts(noun)
        if plurale:
            number = "plur"
        ru_noun = inflect(noun, case, number)
        en = en_plur if number == "plur" else en_sing
        if rng.random() < 0.7:
            adj, en_adj = rng.choice(ADJECTIVES)
            return f"{_adjective_form(adj, case, number, gender, animate)} {ru_noun}", f"{en_adj} {en}"
        return ru_noun, en

    def pair(self) -> tuple[str, str]:
        """One (Russian, English) sentence pair."""
        rng = self.rng
        ru_template, en_template = rng.choice(TEMPLATES)
        values_ru: dict[str, str] = {}
        values_en: dict[str, str] = {}
        subject_agree = ("masc", "sing")
        year = str(rng.randint(1917, 1991))
        values_ru["y"] = values_en["y"] = year
        for slot in _slots(ru_template):
            name, _, rest = slot.partition(":")
            case, _, number = rest.partition(":")
            number = number or ("plur" if rng.random() < 0.2 else "sing")
            if name in ("np", "np2", "s", "b", "e"):
                if name in ("s", "e"):
                    number = rest.partition(":")[2] or "sing"
                ru, en = self.noun_phrase(case or "nomn", number, name)
                if name == "s":
                    head = ru.split()[-1]
                    tag = _morph().parse(head)[0].tag
                    subject_agree = (tag.gender or "masc", tag.number or "sing")
            elif name in ("p", "p2"):
                surname, en = rng.choice(PERSONS)
                ru = inflect(surname, case or "nomn")
            elif name == "c":
                city, en = rng.choice(CITIES)
                ru = inflect(city, case or "nomn")
            else:
                continue
            values_ru[slot] = ru
            values_en[name] = en
        verb, en_verb = rng.choice(VERBS)
        values_ru["v"] = _verb_past(verb, *subject_agree)
        values_en["v"] = en_verb
        ru = _fill(ru_template, values_ru)
        ru = ru[:1].upper() + ru[1:]
        en = _fill(en_template, values_en)
        return ru, en[:1].upper() + en[1:]


def _fill(template: str, values: dict[str, str]) -> str:
    for slot in _slots(template):
        template = template.replace("{" + slot + "}", values[slot], 1)
    return template


def _slots(template: str) -> list[str]:
    out, i = [], 0
    while (start := template.find("{", i)) >= 0:
        end = template.index("}", start)
        out.append(template[start + 1 : end])
        i = end + 1
    return out


def iter_pairs(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    gen = Generator(seed)
    for _ in range(n):
        yield gen.pair()


def write_tmx(path: Path, n: int, seed: int = 1) -> None:
    """Write *n* TUs as TMX 1.4b, streaming (the file is never held in memory)."""
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '  <header creationtool="slovnik-gen_tmx" creationtoolversion="1" segtype="sentence" '
            'o-tmf="slovnik" adminlang="en" srclang="ru" datatype="plaintext"/>\n  <body>\n'
        )
        for i, (ru, en) in enumerate(iter_pairs(n, seed), 1):
            out.write(
                f'    <tu tuid="{i}" creationdate="20240101T000000Z">\n'
                f'      <tuv xml:lang="ru"><seg>{escape(ru)}</seg></tuv>\n'
                f'      <tuv xml:lang="en"><seg>{escape(en)}</seg></tuv>\n    </tu>\n'
            )
        out.write("  </body>\n</tmx>\n")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1_000_000, help="number of TUs (default 1,000,000)")
    ap.add_argument("-o", "--output", type=Path, required=True, help="TMX file to write")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args(argv)
    write_tmx(args.output, args.n, args.seed)
    print(f"wrote {args.n} TUs to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
