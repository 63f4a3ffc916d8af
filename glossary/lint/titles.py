"""Russian titles, names and publishers cited in romanized form, found inside citations.

Inside the citation spans of a document (`glossary.lint.citations`: reference sections, sentences that
cite, italic and quoted titles), a *run* is a stretch of romanized Russian words — words the lint's
romanized-word reader takes for Russian and reads back into a dictionary (or termbase) word form —
joined only by spaces and light punctuation (`: , . -`), with the Russian function words (`i`, `v`,
`na`, `o`, `dlia`, …) allowed between them. Quotes, italic marks, digits and English words end a run.
A run is

- an *author* when it is the `Surname, Given` head of a reference entry or of a parenthetical
  reference (`Zhukov, Iurii.`, `(Zhukov, Iu. N.`),
- a *publisher* when it stands between `Place:` and a year (`Moscow: Izd. Politicheskoi literatury, 1991`),
- a *title* when it is italic or quoted, or holds a word that is no proper name (`Tainy Kremlia`,
  `Konets kar'ery`); a run of proper names only (`Lavrentii Beria`) outside italics is a name.

Each word of a title carries its Russian reading, so a rule can write it in the citation scheme and in
the scheme's title case (`titlecase.json`: sentence case for LC), and compare works across files.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..core import limits
from .citations import reference_entries, title_spans
from .romanized import (
    ENGLISH_ZIPF,
    Reading,
    english_zipf,
    is_acronym,
    is_latin_word,
    normalize_marks,
    strip_marks,
)
from .titleforms import (
    CitedWord,
    _function_cyrillic,
    is_proper,
    keeps_own_case,
    organisation_capitals,
)

if TYPE_CHECKING:
    from ..termbase.model import Termbase
    from .rules.base import LintContext, Token
    from .sources import Document

# Words a Russian title writes in lower case between others (prepositions, conjunctions, particles),
# in the spellings of every scheme.
FUNCTION_WORDS = frozenset(
    "i v vo na s so k ko o ob obo po za iz ot do u pri bez dlia dlya dlja pod nad pered ili kak ne ni "
    "a no da li zhe by".split()
)
_GAP = re.compile(r"(?:\(b\))?[ \t]*(?:[,:;?!]|\.|[-–—])?[ \t]*")  # VKP(b) i Sovet
# A place and publisher before a year: "Moscow: Nauka, 1990" (the run is the publisher).
_YEAR_AFTER = re.compile(r"[ \t]*,[ \t]*(?:1[5-9]|20)\d\d\b")
_PLACE_BEFORE = re.compile(r"[A-Z][\w.'’ -]{1,30}:[ \t]*$")
# The head of a reference entry or parenthetical reference: "Zhukov, Iurii." "(Zhukov, Iu. N.,".
AUTHOR_HEAD = re.compile(
    r"(?:^[ \t]*(?:\d{1,4}\.?[ \t]+|\[\d{1,4}\](?:\(#\))?[ \t]+)?|\(|;[ \t])"
    r"(?P<surname>[A-Z][a-z]+(?:['’ʹ][a-z]+)*(?:-[A-Z][a-z]+)?),[ \t]+"
    r"(?P<given>(?:[A-Z][a-z]{0,3}\.[ \t]?){1,3}|[A-Z][a-z]+(?:['’ʹ][a-z]+)*(?:[ \t][A-Z][a-z]{0,3}\.)?)"
    r"(?=[ \t.,;:)*\"“(]|$)",
    re.M,
)
_INITIAL = re.compile(r"[A-Z][a-z]{0,3}\.")


@dataclass(frozen=True)
class Run:
    """A run of romanized Russian words in one document (see the module docstring)."""

    doc: Document
    start: int
    end: int
    words: tuple[CitedWord, ...]
    kind: str  # "title", "publisher" or "name"
    marked: bool  # italic or quoted in the source

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]


def runs(ctx: LintContext) -> list[Run]:
    """Every run of every document (computed once per lint context)."""
    cached = getattr(ctx, "_title_runs", None)
    if cached is None:
        cached = [run for doc in ctx.documents for run in _document_runs(ctx, doc)]
        ctx._title_runs = cached  # type: ignore[attr-defined]
        ctx._title_forms = _termbase_forms(ctx, cached)  # type: ignore[attr-defined]
    return cached


def _termbase_forms(ctx: LintContext, found: list[Run]) -> dict[int, tuple[str, str]]:
    """id of a run's word → (the spelling a termbase publication gives that word in the citation
    scheme, the publication's Cyrillic title), for every title run that is a publication's title
    word for word (by lemma: the reading
    Beriia, берия, matches the title's Берии, and the title's own form wins)."""
    from ..core.termcache import derived

    titles = [run for run in found if run.kind == "title"]
    if ctx.termbase is None or not titles:
        return {}  # no title to match: the termbase's publications (thousands in a large one) unread
    scheme = ctx.citation_scheme or "lc"
    known = derived(
        ctx.termbase, f"lint-publications-{scheme}", list, lambda tb: _publication_words(tb, scheme)
    )
    out: dict[int, tuple[str, str]] = {}
    for run in titles:
        for lemmas, latin, pub_title in known:
            if len(lemmas) != len(run.words):
                continue
            if all(_word_matches(w, ls) for w, ls in zip(run.words, lemmas, strict=True)):
                for w, form in zip(run.words, latin, strict=True):
                    out[id(w)] = (form, pub_title)
                break
    return out


_WORDS = re.compile(r"[^\W\d_]+(?:['’ʹʺ\"][^\W\d_]+)*['’ʹ]?")


def _publication_words(termbase: Termbase, scheme: str) -> list[tuple[list[frozenset[str]], list[str], str]]:
    """(each title word's lemmas and own form, its spelling in *scheme*, the Cyrillic title) for every
    publication of the termbase whose title romanizes word for word: built once per termbase version
    and citation scheme, and kept in the disk cache (it loads the morphological dictionary)."""
    from ..russian import morph
    from ..termbase.publications import publications, romanize_title

    known = []
    for pub in publications(termbase):
        words = _WORDS.findall(pub.cyrillic)
        latin = _WORDS.findall(romanize_title(pub.cyrillic, scheme, termbase))
        if words and len(words) == len(latin):
            known.append(([morph.lemmas(w.lower()) | {w.lower()} for w in words], latin, pub.cyrillic))
    return known


def _word_matches(word: CitedWord, lemmas: frozenset[str]) -> bool:
    from ..russian import morph

    if word.reading is None:
        cyr = _function_cyrillic(word.text.lower()) if word.function else None
        return cyr is not None and cyr in lemmas
    return bool((morph.lemmas(word.reading.cyrillic) | {word.reading.cyrillic}) & lemmas)


def _document_runs(ctx: LintContext, doc: Document) -> Iterator[Run]:
    from .rules.analysis import analysis

    romanized = analysis(ctx).romanized
    text = doc.text
    spans = [
        (a, b)
        for a, b in title_spans(text, doc.italics)
        if b - a <= limits.LIMITS.max_title and doc.in_citation(a, b)
    ]
    seen: dict[str, bool] = getattr(ctx, "_russian_spans", {})
    ctx._russian_spans = seen  # type: ignore[attr-defined]  # a title cited again is judged once
    russian = []
    for a, b in spans:
        inner = text[a:b]
        if inner not in seen:
            seen[inner] = _russian_span(romanized, inner)
        if seen[inner]:
            russian.append((a, b))
    marked_spans = Spans(russian)
    english_spans = Spans([s for s in spans if s not in set(russian)])
    heads = Spans(
        [
            (m.start("surname"), m.end())
            for m in AUTHOR_HEAD.finditer(text)
            if doc.in_citation(m.start(), m.end())
        ]
    )
    entries = Spans(reference_entries(text))
    current: list[tuple[Token, Reading | None, bool]] = []
    # Words that join a run only when a Russian word follows (see _waiting), with their readings.
    pending: list[tuple[Token, Reading | None, bool]] = []
    for tok in _cited_tokens(ctx.tokens(doc), doc.citations):
        word = latin_lookalike(tok.text)
        inside = bool(marked_spans.around(tok.start))
        kind = _word_kind(romanized, word, text[tok.end : tok.end + 1], inside)
        last = pending[-1][0] if pending else current[-1][0] if current else None
        joined = last is not None and _joins(text, last, tok, marked_spans, heads)
        if len(pending) < _MAX_WAITING and (kind is None or (kind[1] and pending and joined)):
            # Documenty in "Raskulachivanie. Documenty I Materialy"; in a bibliography entry "slovo na
            # plenume", "v voinakh XX veka", and a run that opens with a misspelt word (Stenograma).
            in_entry = bool(entries.around(tok.start))
            waiting = kind if kind is not None else _waiting(romanized, word, in_entry)
            if waiting is not None and joined:
                pending.append((tok, *waiting))
                continue
            # A title opens with a capital: a lower-case word is no opening ("[trans. Sov. Phys.").
            opening = in_entry and word[:1].isupper() and _opens_title(text, tok.start, marked_spans)
            if waiting is not None and opening:
                yield from _finish(ctx, doc, current, marked_spans, heads, english_spans)
                current, pending = [], [(tok, *waiting)]
                continue
        if kind is None or not joined:
            yield from _finish(ctx, doc, current, marked_spans, heads, english_spans)
            current, pending = [], []
        if kind is not None:
            current += pending
            pending = []
            current.append((tok, kind[0], kind[1]))
    yield from _finish(ctx, doc, current, marked_spans, heads, english_spans)


_MAX_WAITING = 3
# A Russian word English also has (slovo, sil, Del, veka) is read as Russian in a bibliography entry
# between Russian words when English uses it less than this (the, in, to, on: far more).
_WEAK_ZIPF = 4.5


def latin_lookalike(word: str) -> str:
    """The word with its Cyrillic look-alike letters read as Latin (`plenumе` with a Cyrillic е), when
    most of its letters are Latin; else the word itself. The runs find and read a title's words so;
    the words keep their own letters (S301 reports the look-alikes)."""
    if word.isascii():
        return word
    from .rules.script import homoglyph_fix

    fixed = homoglyph_fix(word)
    return fixed[0] if fixed is not None and fixed[1] == "Latin" else word


def _waiting(romanized, word: str, in_entry: bool) -> tuple[Reading | None, bool] | None:
    """(reading, False) for a word that joins a run only when a Russian word follows: a misspelt
    Russian word no table reads (Documenty, Beriii; lower case only in a bibliography entry:
    iul'skogo), or, in a bibliography entry, a Russian word a scheme writes exactly that English also
    has (slovo, sil); None for any other word."""
    if _unread(word, lower_too=in_entry):
        return None, False
    if not in_entry or not is_latin_word(word) or len(strip_marks(word)) < 3 or keeps_own_case(word):
        return None
    if english_zipf(word) >= _WEAK_ZIPF:
        return None
    reading = _reading(romanized, word)
    return (reading, False) if _written_by_a_scheme(reading) else None


# A dictionary word's reverse-romanization score is 0.6–1.0; a word no scheme writes so is read only
# from this score up (Ubystvo as убийство 0.80: yes; Potery as потерь 0.57, for потери: no).
_LOOSE_READING_SCORE = 0.6


def _loose_reading(romanized, word: str) -> Reading | None:
    reading = romanized.reading(latin_lookalike(word))
    if reading is not None and not reading.schemes and reading.score < _LOOSE_READING_SCORE:
        return None
    return reading


def _unread(word: str, *, lower_too: bool = False) -> bool:
    """A capitalised Latin word English does not know (a misspelt Russian word: Documenty, Beriii);
    *lower_too*: in lower case too (iul'skogo)."""
    return (
        is_latin_word(word)
        and (lower_too or word[:1].isupper())
        and english_zipf(word) < 1.5
        and len(word) >= 4
    )


def _cited_tokens(tokens: list[Token], citations: list[tuple[int, int]]) -> Iterator[Token]:
    """The tokens inside the citation spans, in order (by bisection: most of a text cites nothing)."""
    starts = [t.start for t in tokens]
    last = -1
    for a, b in citations:
        i = max(bisect.bisect_left(starts, a), last + 1)
        while i < len(tokens) and tokens[i].start < b:
            yield tokens[i]
            last = i
            i += 1


class Spans:
    """Sorted (start, end) spans, some nested, with the spans around an offset found by bisection
    (a linear scan per word made the runs of a 1 MB text quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def around(self, offset: int) -> list[tuple[int, int]]:
        """The spans holding *offset*, outermost first."""
        i = bisect.bisect_right(self.starts, offset) - 1
        out = []
        while i >= 0 and self.starts[i] >= offset - self.longest:
            a, b = self.spans[i]
            if a <= offset < b:
                out.append((a, b))
            i -= 1
        return out[::-1]

    def covers(self, start: int, end: int) -> bool:
        return any(end <= b for _a, b in self.around(start))


def _written_by_a_scheme(reading: Reading | None) -> bool:
    return reading is not None and any(s != "termbase" for s in reading.schemes)


def _russian_span(romanized, inner: str) -> bool:
    """An italic or quoted title mostly in romanized Russian: more than half its words of three
    letters or more are written exactly so by a scheme from a Russian word (Tayny, Kar'ery; not
    Presidium, a loose reading, nor an English title naming Georgi Dimitrov)."""
    from .rules.base import tokenize

    words = [t.text for t in tokenize(inner) if len(strip_marks(t.text)) >= 3]
    # The cheap tests first: a word English knows well is read (slowly) only when it could be a
    # Russian name (candidate() weighs the names lexicon): Stalin yes, Diary and Terror no.
    russian = sum(
        w.lower() in FUNCTION_WORDS
        or keeps_own_case(w)
        or _name_spelled_so(romanized, w)
        or (
            romanized.candidate(w, marked=True)
            and (_proper_reading(romanized, w) or _spelled_so(romanized.reading(w)))
        )
        for w in words
    )
    return russian * 2 > len(words)


def _reading(romanized, word: str) -> Reading | None:
    """The word's reading without full reverse romanization: a reading made earlier (the R1xx rules
    read the prose), the termbase's or the names lexicon's, else a letter table's. A word only reverse
    romanization could read (a misspelling) has none here: the rules then compare its letters
    (C401) and leave it unfixed, and a title's words cost no reverse search (most of lint's time)."""
    from .tables import table_readings

    key = normalize_marks(word).lower()
    cached = romanized._readings.get(key, False)
    if cached is not False:
        return cached
    if key in romanized.known_spellings or (word[:1].isupper() and romanized.name_reading(word)):
        return romanized.reading(word)
    fast = table_readings(romanized.scheme, key, word[:1].isupper())
    if not fast:
        return None
    cyr, schemes = fast[0]
    return Reading(word, cyr, 0.9, tuple(c for c, _ in fast), schemes)


def _spelled_so(reading: Reading | None) -> bool:
    """A scheme or the termbase writes the word exactly so (Pravda, Tayny; not a loose reading)."""
    return reading is not None and bool(reading.schemes)


def _name_spelled_so(romanized, word: str) -> bool:
    """A capitalised word the names lexicon reads as a name that a scheme writes exactly so (Stalin;
    not Diary, which only a loose skeleton match turns into a name)."""
    from ..romanization.romanize import SCHEME_IDS, romanize

    if not word[:1].isupper():
        return False
    name = romanized.name_reading(word)
    key = normalize_marks(word).lower()
    return name is not None and any(normalize_marks(romanize(name, s)).lower() == key for s in SCHEME_IDS)


def _proper_reading(romanized, word: str) -> bool:
    if not word[:1].isupper():
        return False
    reading = _reading(romanized, word)
    # A name the lexicon reads (Voznesenski), but no English word it reads loosely (Diary as дярий).
    return (
        reading is not None
        and reading.name
        and (english_zipf(word) < ENGLISH_ZIPF or _written_by_a_scheme(reading))
    )


def _word_kind(romanized, word: str, after: str, inside: bool) -> tuple[Reading | None, bool] | None:
    """(reading, is a function word) for a word of a Russian title, name or publisher; None for
    anything else. *inside*: the word stands in an italic or quoted Russian title, where every word
    belongs to the title (an English-looking Stalin or Mif too)."""
    if not is_latin_word(word):
        return None
    if len(word) <= 2 and word[:1].isupper() and after == ".":
        return None, False  # an initial or abbreviation (I.V. Stalina, Ch. 13): written as it is
    if word.lower() in FUNCTION_WORDS:
        return None, True
    if keeps_own_case(word):
        return None, False  # SSSR, TsK: part of a run, written as it is
    if inside:
        if len(strip_marks(word)) <= 2:
            return None, True  # vy, my, zhe: short words written as they are
        reading = _reading(romanized, word)
        if english_zipf(word) >= ENGLISH_ZIPF and not _written_by_a_scheme(reading):
            return None  # an English word beside a name (the Tukhachevskii Affair)
        return reading, False
    if english_zipf(word) >= ENGLISH_ZIPF:
        # A name a scheme writes so (Stalin), not an English word (Terror, Table) or exonym (Moscow).
        reading = _reading(romanized, word)
        return (
            (reading, False)
            if word[:1].isupper() and reading is not None and reading.name and _written_by_a_scheme(reading)
            else None
        )
    if not romanized.candidate(word, marked=True) or romanized.english_like(word):
        return None
    reading = _reading(romanized, word)
    # Outside an italic or quoted Russian title only a spelling some scheme writes exactly counts
    # (Commissar, a loose reading of комиссар, is English).
    if reading is None or not (
        _written_by_a_scheme(reading) or reading.name or "termbase" in reading.schemes
    ):
        return None
    return reading, False


_BEFORE_START = re.compile(r"(?:^|[.(\[;,—–-])[ \t*_\"“«'‘]*$")


def _given_name(reading: Reading | None) -> bool:
    from ..russian import morph

    return reading is not None and any(
        p.is_known and "Name" in p.tag for p in morph.parses(reading.cyrillic)[:1]
    )


def _opens_title(text: str, start: int, marked: Spans) -> bool:
    """Does a run starting at *start* open a title (or a part of one)? Yes at the start of an italic
    or quoted title, and after a line start or `. ( ; ,` — not after a word, a digit or a colon
    (`1937: vybory …`, a subtitle, is lower case in sentence case)."""
    around = marked.around(start)
    if around:  # the innermost title (an italic title inside a stray quotation)
        a, _b = max(around)
        return not any(ch.isalnum() for ch in text[a:start])
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_BEFORE_START.search(text[max(line_start, start - 20) : start]))


def _joins(text: str, prev: Token, tok: Token, marked: Spans, heads: Spans) -> bool:
    gap = text[prev.end : tok.start]
    if "\n" in gap or not _GAP.fullmatch(gap):
        return False
    # A run never crosses the edge of an italic or quoted title or of an author head.
    for spans in (marked, heads):
        if spans.around(prev.start) != spans.around(tok.start):
            return False
    return True


def _finish(
    ctx: LintContext,
    doc: Document,
    items: list[tuple[Token, Reading | None, bool]],
    marked_spans: Spans,
    heads: Spans,
    english_spans: Spans,
) -> Iterator[Run]:
    if (
        len(items) > 1
        and "." in doc.text[items[-2][0].end : items[-1][0].start]
        and _YEAR_AFTER.match(doc.text, items[-1][0].end)
    ):
        items = items[:-1]  # "… Sbornik dokumentov. Kazan', 1997": the place of publication
    while items and items[-1][2]:
        items = items[:-1]
    while items and items[0][2]:
        items = items[1:]
    if not items:
        return
    first_tok, first_reading = items[0][0], items[0][1]
    if (
        len(items) > 1
        and first_reading is not None
        and doc.text[first_tok.end : items[1][0].start].startswith(",")
        and is_proper(ctx, CitedWord(first_tok.text, first_tok.start, first_tok.end, first_reading))
    ):
        # "*Zhukov, Inoy* 486": an author's name, then the title (which opens after the comma)
        yield Run(
            doc,
            first_tok.start,
            first_tok.end,
            (CitedWord(first_tok.text, first_tok.start, first_tok.end, first_reading),),
            "name",
            False,
        )
        items = items[1:]
        while items and items[0][2]:
            items = items[1:]
        if not items:
            return
        after_name = True
    else:
        after_name = False
    start, end = items[0][0].start, items[-1][0].end
    marked = marked_spans.covers(start, end)
    in_head = heads.covers(start, end)
    words = []
    opens = after_name or _opens_title(doc.text, start, marked_spans)

    def unread(t: Token, r: Reading | None, f: bool) -> bool:
        return (
            r is None
            and not f
            and len(strip_marks(t.text)) >= 3
            and not keeps_own_case(t.text)
            and is_latin_word(latin_lookalike(t.text))
        )

    if any(unread(t, r, f) for t, r, f in items):
        from .rules.analysis import analysis

        # A word of a run no letter table reads (a misspelling: Ubystvo, dekabrskogo) gets the
        # full reverse reading now: only the words of runs pay for it, not every word that cites.
        romanized = analysis(ctx).romanized
        items = [(t, _loose_reading(romanized, t.text) if unread(t, r, f) else r, f) for t, r, f in items]
    for i, (tok, reading, function) in enumerate(items):
        prev = items[i - 1][0] if i else None
        # A part of a title begins after a full stop that ends a word (not after an initial: I.V.)
        first = (
            opens
            if prev is None
            else (any(p in doc.text[prev.end : tok.start] for p in ".?!") and len(prev.text) > 1)
        )
        surname = prev is not None and tok.text[:1].isupper() and _given_name(items[i - 1][1])
        words.append(CitedWord(tok.text, tok.start, tok.end, reading, function, first, surname))
    content = [w for w in words if not w.function and w.reading is not None]
    if not content:
        return
    kept = organisation_capitals(ctx, words)
    words = [replace(w, organisation=True) if i in kept else w for i, w in enumerate(words)]
    common = any(not is_proper(ctx, w) for w in content)
    # (XX in "v voinakh XX veka" is a numeral, not an initial)
    initials = any(
        w.reading is None and not w.function and len(w.text) <= 2 and not is_acronym(w.text) for w in words
    )
    in_english = not marked and english_spans.covers(start, end)
    # Initials in a run of names (Khaustov, V.N, V.P. Naumov) make it a list of authors; a title
    # may hold them too (Rech' I.V. Stalina), after a word that is no name.
    authors = initials and not marked and bool(content) and is_proper(ctx, content[0])
    if in_head or in_english or authors:
        kind = "name"
    elif _PLACE_BEFORE.search(doc.text[max(0, start - 40) : start]) and _YEAR_AFTER.match(doc.text, end):
        kind = "publisher"
    elif (
        marked
        and len(words) == 1
        and (
            romanized_english(ctx, words[0].text)
            or (_quoted(doc.text, start, marked_spans) and not _short_title(doc.text, start, end))
        )
    ):
        kind = "name"  # one italic or quoted word English also has ("Proletariat"), or a quoted term
    elif marked and (common or len(words) >= 2):
        kind = "title"
    elif not marked and len(content) >= 2 and common:
        kind = "title"
    else:
        kind = "name"
    yield Run(doc, start, end, tuple(words), kind, marked)


_REFERENCE_BEFORE = re.compile(
    r"(?:[A-Z][\w'’]+,?|\(|;|[Ss]ee|article|book|essay|titled|called)[ \t]*"
    r"[*_\"“«]?(?:[A-Z]\.[ \t]?)*$"
)
_REFERENCE_AFTER = re.compile(r"[*_\"”»]?[,.]?[ \t]*(?:\d|pp?\.|Ch\.|[,;)]|$)")


def _quoted(text: str, start: int, marked: Spans) -> bool:
    return any(text[a] in '"“«' for a, _b in marked.around(start))


def _short_title(text: str, start: int, end: int) -> bool:
    """A one-word title is a short reference (`Zhukov, *Inoy* 345`, `(*Tayny*, pp. 47-51)`, `"Repressii" 23`),
    not a Russian term quoted in prose ("the Yezhovshchina.")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    return bool(_REFERENCE_BEFORE.search(text[max(line_start, start - 30) : start])) or bool(
        _REFERENCE_AFTER.match(after)
    )


def romanized_english(ctx: LintContext, word: str) -> bool:
    from .rules.analysis import analysis

    return bool(analysis(ctx).romanized.english_like(word))
