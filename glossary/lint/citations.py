"""Where a document cites rather than writes: spans that lint must not rewrite toward prose spellings.

A title, a reference-list entry or a footnote reference reproduces how *someone else* wrote a name
(an English book about "Nikolai Ezhov", a Russian title in Library of Congress romanization, a
journal's own spelling), so the prose house scheme does not apply to it. The R1xx and T2xx rules
skip these spans (no finding, no fix); script-damage rules (S3xx) still look inside them, but
their repairs there are unsafe: shown, never applied by `--fix`.

Found on the position-preserving prose `text` of a Document, format-neutral:

- reference sections: everything under a heading such as *Bibliography*, *References*, *Sources*,
  *Further reading*, *Works cited*, *External links* (up to the next heading), and numbered
  reference-list entries (`[12] Zaloga, Steve (2002). …`);
- sentences that cite: a place and year (`(Moscow: Nauka, 1990)`, `(Moscow, 2000)`, `Moscow: Nauka, 1990`),
  page or volume numbers (`p. 308`, `pp. 4-5`, `vol. 2`), an issue with its year (`No. 3, 1989`),
  `Ibid.`, `op. cit.`, and the sentences of the same paragraph written mostly in words English does
  not know (the rest of a Russian title);
- parenthetical references (`(Getty 115)`, `(Kirilina 175)`) and spellings the text mentions
  rather than uses (`Efim (sometimes spelled Yefim)`: both words; `L'viv (L'vov, Lwów)`: a
  parenthesis listing other forms of the name before it);
- titles: an italic span (`*…*`, `_…_`, `''…''`, or the italic elements a reader reports) that
  starts with a capital letter (not a whole italic sentence: that is emphasis), and a double-quoted span written in title case or mostly in words
  English does not know (quoted romanized Russian: "Zhupel Stalina").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SECTION_WORDS = (
    r"bibliography|references|sources|works cited|further reading|literature|"
    r"reading list|external links|selected works|publications"
)
_REFERENCE_HEADING = re.compile(
    rf"^(?:#+\s*)?(?:(?:selected|select|supplemental|supplementary|additional|"
    rf"primary|secondary|general|main)\s+)?(?:{_SECTION_WORDS})\b[\w ]*#*$",
    re.I,
)
_HEADING = re.compile(r"^(?:#{1,6}\s+\S.*|[^\s#*\-\[(\d].{0,70})$")
_TERMINAL = tuple('.,;:!?)]"”»*')

# Strong signs that a sentence cites a publication.
_CITE_MARKERS = re.compile(
    r"\([A-Z][\w.'’ -]{1,40}(?::[^()]{1,80})?,\s*(?:1[5-9]|20)\d\d\)"  # (Moscow: Nauka, 1990)
    r"|\b(?:pp?|vols?|Vol|tom|vyp|str|ss)\.\s?\d"  # p. 3, vol. 2
    r"|\b(?:No|Nos|no)\.\s?\d+[,;]?\s+(?:\(?(?:1[5-9]|20)\d\d\b|pp?\.)"  # No. 3, 1989
    r"|\b(?:Ibid|ibid|Idem|idem)\b|\b(?:op|loc)\. cit\b"
    r"|\b[A-Z][a-z]+(?:\.? [A-Z][a-z]+)?:\s[^.;:()]{2,80},\s(?:1[5-9]|20)\d\d\b"  # Moscow: Nauka, 1990
)
# Every _CITE_MARKERS branch holds ", 1990" (a comma, then a year), ". 3" (a period, then a digit),
# "bid", "dem" or ". cit": a line or sentence with none of them cites nothing. (Each branch here
# opens with a literal character, so a search skips ahead to one; the markers' own search tries
# every position of every sentence.)
_MAY_CITE = re.compile(r",\s*(?:1[5-9]|20)\d\d|\.\s?\d|bid|dem|\. cit")
# (Getty 115), (Kirilina 175), (Getty, "Excesses" 115, 135; Thurston, 70), (*Lubianka B*, Nos. 344):
# a parenthesis that opens with a capitalised name or title and holds a page-like number.
_PAREN_REFERENCE = re.compile(
    r"\((?:[Ss]ee |[Cc]f\. )?[*_\"“]?[A-Z][^()\n]{0,200}?\b\d{1,4}\b[^()\n]{0,200}\)"
)
# A numbered reference-list entry: "[12] Zaloga, Steve (2002). The Kremlin's Nuclear Sword …"
# (the essay style "[12](#) …", a link back to the text, opens a note that may be commentary).
_REFERENCE_ENTRY = re.compile(r"^[ \t]*(?:\[\d{1,4}\]|\^)[ \t]+\S.*$", re.M)
# Efim (sometimes spelled Yefim), Iagoda (also transliterated Yagoda): the text names spellings, it
# does not use them: both the word before and the parenthesis are left as written.
_SPELLING_MENTION = re.compile(
    r"\([^()\n]{0,40}\b(?:spelled|spelt|transliterated|romani[sz]ed|also written)\b"
    r"[^()\n]{0,80}\)"
)
_WORD_BEFORE = re.compile(r"(?<![\w'’ʹ-])[^\W\d_][\w'’ʹ-]{0,40}\s$")
# L'viv (L'vov, Lwów), L'viv University (L'vov): a parenthesis listing other forms of the name
# before it (one of the two words before; each item a single capitalised word with the same first
# letter) names spellings too.
# (Word pieces are bounded and anchored at a word start: a 100,000-letter "word" stays linear.)
_NAME_FORMS = re.compile(
    r"(?<![\w'’ʹ-])([^\W\d_])[\w'’ʹ-]{0,40}\s(?:([^\W\d_])[\w'’ʹ-]{0,40}\s)?"
    r"\(((?:[^\W\d_][\w'’ʹ-]{0,40})(?:\s*[,;]\s*(?:or\s+)?[^\W\d_][\w'’ʹ-]{0,40}){0,3})\)"
)
_SENTENCE_END = re.compile(r"(?<=[a-z\d]{3}[.!?])\s+(?=[\"“*_(\[]?[A-Z])|(?<=[.!?][\"”)])\s+(?=[A-Z])")
# Each branch opens with its marker and looks behind it afterwards (`\*(?<![\w*]\*)`, not
# `(?<![\w*])\*`): a pattern whose every branch starts with a literal is searched by skipping to
# those characters, one that starts with a look-behind is tried at every position of the text.
_ITALIC = re.compile(
    r"\*(?<![\w*]\*)(?!\s)([^*\n]{1,300}?)(?<!\s)\*(?![\w*])"
    r"|_(?<![\w_]_)(?!\s)([^_\n]{1,300}?)(?<!\s)_(?![\w_])"
    r"|''(?!')([^'\n]{1,300}?)''"
)
_QUOTED = re.compile(r"\"([^\"\n]{1,300})\"|“([^”\n]{1,300})”|«([^»\n]{1,300})»")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʹ][^\W\d_]+)*")
# Words a title leaves in lower case, in English and in romanized Russian.
_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with v vo i na s so k ko "
    "o ob po za iz ot do u pri bez dlia dlya".split()
)


def citation_spans(text: str, italics: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of *text* that cite (see the module docstring).

    *italics*: spans the reader knows are italic (HTML `<i>`, `<em>`, `<cite>`), besides the
    `*…*` / `_…_` markup found in the text itself.
    """
    spans: list[tuple[int, int]] = []
    spans += _reference_sections(text)
    for start, end in _paragraphs(text):
        if _MAY_CITE.search(text, start, end) is None:
            continue  # nothing in this line cites (the common case, cheaply)
        sentences = _sentences_of(text, start, end)
        citing = [_MAY_CITE.search(text, a, b) is not None and _cites(text[a:b]) for a, b in sentences]
        for (a, b), cites in zip(sentences, citing, strict=True):
            # In a paragraph that cites, a sentence mostly in words English does not know is part
            # of the reference too (a Russian title: "Tragediia Sovetskoi Derevni. Tom 3. …").
            if cites or (any(citing) and _mostly_foreign(text[a:b])):
                spans.append((a, b))
    spans += [(m.start(), m.end()) for m in _PAREN_REFERENCE.finditer(text)]
    for m in _SPELLING_MENTION.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 42), m.start())
        spans.append((before.start() if before else m.start(), m.end()))
    spans += [
        (m.start(3), m.end(3))
        for m in _name_forms(text)
        if any(_forms_of(initial, m.group(3)) for initial in m.groups()[:2] if initial)
    ]
    spans += [(m.start(), m.end()) for m in _REFERENCE_ENTRY.finditer(text)]
    spans += title_spans(text, italics)
    return _merge(spans)


def reference_entries(text: str) -> list[tuple[int, int]]:
    """Sorted spans of the lines of reference sections and of numbered reference-list entries: where
    a line is a bibliography entry, not a sentence that cites (glossary.lint.titles reads a Russian
    word English also has as Russian only there)."""
    spans = _reference_sections(text) + [(m.start(), m.end()) for m in _REFERENCE_ENTRY.finditer(text)]
    return sorted(spans)


def title_spans(text: str, italics: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sorted (start, end) spans of the italic and quoted titles of *text* (markup included), as
    `citation_spans` finds them; used to tell a title from the words around it (glossary.lint.titles)."""
    spans: list[tuple[int, int]] = []
    for m in _ITALIC.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if _is_title(inner, italic=True):
            spans.append((m.start(), m.end()))
    spans += [(a, b) for a, b in italics if _is_title(text[a:b], italic=True)]
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if _is_title(inner, italic=False):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def _name_forms(text: str) -> Iterable[re.Match[str]]:
    """`_NAME_FORMS.finditer(text)`, searched only around each "(": a match holds one "(", with at
    most two words (41 characters each) and their spaces before it, so it starts within
    _NAME_FORMS_REACH of it, and ends at the first ")" after it; the rest of the text is never
    scanned."""
    end = 0
    at = text.find("(")
    while at != -1:
        close = text.find(")", at)  # the listed forms hold no ")": a match ends at the first one
        if close == -1:
            return
        m = _NAME_FORMS.search(text, max(end, at - _NAME_FORMS_REACH), close + 1)
        if m is not None and m.start() <= at:
            yield m
            end = m.end()
            at = text.find("(", end)
        else:
            at = text.find("(", at + 1)


_NAME_FORMS_REACH = 2 * (41 + 1) + 2


def _forms_of(initial: str, listed: str) -> bool:
    """Are the words of *listed* other forms of a name beginning with *initial* (capitalised, same
    first letter: L'vov, Lwów after L'viv)?"""
    items = [w for w in re.split(r"\s*[,;]\s*(?:or\s+)?", listed) if w]
    return initial.isupper() and all(w[:1] == initial for w in items)


def _is_title(inner: str, *, italic: bool) -> bool:
    """Italics that start with a capital are a title (`*Inoi Stalin*`, `*Pravda*`), lower-case
    italics a foreign term (`*gorkom*`). A quotation is a title when it is in title case or mostly in
    words English does not know (romanized Russian)."""
    words = _WORD.findall(inner)
    if not words:
        return False
    if italic:  # a whole sentence in italics is emphasis, not a title
        return words[0][:1].isupper() and not (len(words) > 8 and inner.rstrip().endswith((".", "!", "?")))
    if all(w[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS) and words[0][:1].isupper():
        return True
    return _mostly_foreign(inner)


def _mostly_foreign(text: str) -> bool:
    """More than half of the words of three letters or more are rare in English (Zipf < 2.5)."""
    from .romanized import english_zipf

    long_words = [w for w in _WORD.findall(text) if len(w) >= 3]
    foreign = sum(english_zipf(w) < 2.5 for w in long_words)
    return bool(long_words) and foreign * 2 > len(long_words)


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each non-blank line (a heading or a list entry is one line)."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset, offset + len(line)
        offset += len(line) + 1


def _is_heading(line: str, before_blank: bool, after_blank: bool) -> bool:
    s = line.strip()
    if s.startswith("#"):
        return True
    return (
        before_blank
        and after_blank
        and 0 < len(s) <= 70
        and not s.endswith(_TERMINAL)
        and len(s.split()) <= 8
        and bool(_HEADING.match(s))
        and s[:1].isupper()
    )


def _reference_sections(text: str) -> list[tuple[int, int]]:
    """Every line under a reference-section heading, up to the next heading."""
    lines = text.split("\n")
    out = []
    offset = 0
    inside = False
    for i, line in enumerate(lines):
        blank_before = i == 0 or not lines[i - 1].strip()
        blank_after = i + 1 >= len(lines) or not lines[i + 1].strip()
        # A line with digits does not end a reference section (a page footer: "Furr 17").
        if (
            line.strip()
            and _is_heading(line, blank_before, blank_after)
            and not (inside and any(ch.isdigit() for ch in line))
        ):
            inside = bool(_REFERENCE_HEADING.match(line.strip()))
        elif inside and line.strip():
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _cites(sentence: str) -> bool:
    return _CITE_MARKERS.search(sentence) is not None


def _sentences_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rough sentences of the line text[start:end]: a split after a word of three or more letters
    and `.!?`, so initials and abbreviations (`Iu. N.`, `pp.`, `Dr.`) do not end one."""
    line = text[start:end]
    pos = 0
    out = []
    for m in _SENTENCE_END.finditer(line):
        out.append((start + pos, start + m.start()))
        pos = m.end()
    out.append((start + pos, end))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
