"""Which romanization schemes an English document uses, with the evidence for each.

detect_document() looks at every Latin word that reads as a Russian word (reverse() finds a reading
known to the termbase or the dictionary), records which schemes produce that exact spelling, and
which variant of each scheme-distinguishing feature it shows (-ii / -iy / -ij / -y for -ий, Ye- / E-,
iu / yu / ju for ю and я, ' / ʹ / ` / nothing for ь, kh / x / h for х, č / ch …). Words every scheme
spells alike (Lenin) are counted but carry no evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .engine import SCHEME_IDS
from .lexicon import Lexicon
from .reverse import reverse, too_long

# A Latin word with the marks romanizations use inside words (signs, tie-bars, diacritics, dots).
LATIN_WORD_RE = re.compile(
    r"[^\W\d_][^\W\d_'’ʹʺ`\u0361\ufe20\ufe21·-]*(?:['’ʹʺ`\u0361\ufe20\ufe21·-]+[^\W\d_]+)*['’ʹʺ`]?"
)
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


@dataclass(frozen=True)
class TokenEvidence:
    """One romanized Russian word in the document."""

    token: str
    line: int  # 1-based
    column: int  # 1-based
    cyrillic: str  # the best reading
    schemes: tuple[str, ...]  # schemes that produce exactly this spelling
    features: dict[str, str] = field(default_factory=dict)  # feature → variant shown
    conventional: bool = False  # the termbase's conventional spelling: chosen for the name, no evidence


@dataclass
class DocumentSchemes:
    """The schemes a document uses.

    - `tokens`: every romanized Russian word found, in order, with its evidence;
    - `counts`: scheme id → number of distinguishing words consistent with that scheme;
    - `features`: feature name → variant → number of words (e.g. {"-ий": {"-ii": 3, "-y": 5}});
    - `distinguishing`: the words not every scheme spells alike (the ones that say anything);
    - `consistent`: schemes consistent with every distinguishing word (empty when the document mixes);
    - `weights`: scheme id → evidence weighted by specificity (a word only one scheme produces counts 1,
      a word six schemes produce counts 1/6 for each);
    - `dominant`: the scheme most distinguishing words are consistent with, ties broken by `weights`
      (None without evidence);
    - `mixed`: True when no single scheme explains every distinguishing word.
    """

    tokens: list[TokenEvidence] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    features: dict[str, dict[str, int]] = field(default_factory=dict)
    # (line, column, length) of the words longer than `max_word` (glossary/core/limits.py), not analysed
    passed_over: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def distinguishing(self) -> list[TokenEvidence]:
        return [
            t for t in self.tokens if t.schemes and len(t.schemes) < len(SCHEME_IDS) and not t.conventional
        ]

    @property
    def consistent(self) -> list[str]:
        evidence = self.distinguishing
        if not evidence:
            return list(SCHEME_IDS)
        common = set(SCHEME_IDS)
        for t in evidence:
            common &= set(t.schemes)
        return [s for s in SCHEME_IDS if s in common]

    @property
    def weights(self) -> dict[str, float]:
        weights = dict.fromkeys(SCHEME_IDS, 0.0)
        for t in self.distinguishing:
            for s in t.schemes:
                weights[s] += 1 / len(t.schemes)
        return {s: round(w, 2) for s, w in weights.items()}

    @property
    def dominant(self) -> str | None:
        if not self.distinguishing:
            return None
        weights = self.weights  # ties in the count go to the more specific evidence
        best = max(SCHEME_IDS, key=lambda s: (self.counts.get(s, 0), weights[s], -SCHEME_IDS.index(s)))
        return best if self.counts.get(best) else None

    @property
    def mixed(self) -> bool:
        return bool(self.distinguishing) and not self.consistent

    def to_dict(self) -> dict:
        return {
            "dominant": self.dominant,
            "mixed": self.mixed,
            "consistent": self.consistent,
            "counts": {s: self.counts.get(s, 0) for s in SCHEME_IDS},
            "weights": self.weights,
            "features": self.features,
            "tokens": [
                {
                    "token": t.token,
                    "line": t.line,
                    "column": t.column,
                    "cyrillic": t.cyrillic,
                    "schemes": list(t.schemes),
                    "features": t.features,
                    "conventional": t.conventional,
                }
                for t in self.tokens
            ],
        }


def detect(token: str, *, termbase: Any = None, lexicon: Lexicon | None = None) -> set[str]:
    """Scheme ids consistent with a romanized token: those that produce it from its best reading."""
    candidates = reverse(token, termbase=termbase, lexicon=lexicon, limit=3)
    if not candidates:
        return set()
    return set(candidates[0].schemes)


def features_of(token: str, cyrillic: str) -> dict[str, str]:
    """The scheme-distinguishing features a romanized *token* of *cyrillic* shows."""
    t = token.lower().replace("\u0361", "").replace("\ufe20", "").replace("\ufe21", "")
    c = cyrillic.lower()
    found: dict[str, str] = {}
    if c.endswith(("ий", "ый")) and len(c) > 3:
        for ending, variant in (
            ("iĭ", "-iĭ"),
            ("yĭ", "-iĭ"),
            ("ii", "-ii"),
            ("yi", "-ii"),
            ("iy", "-iy"),
            ("yy", "-iy"),
            ("ij", "-ij"),
            ("yj", "-ij"),
            ("y", "-y"),
        ):
            if t.endswith(ending):
                found["-ий"] = variant
                break
    if c.startswith("е"):
        found["е-"] = "Ye-" if t.startswith("ye") else "Je-" if t.startswith("je") else "E-"
    if any(x in c for x in "юя") and not re.search("[ьъ][юя]", c):
        for marks, variant in (
            (("iu", "ia"), "iu/ia"),
            (("yu", "ya"), "yu/ya"),
            (("ju", "ja"), "ju/ja"),
            (("û", "â"), "û/â"),
        ):
            if any(m in t for m in marks):
                found["ю/я"] = variant
                break
    if re.search("ь(?![аеёиоуыэюя])", c):
        for mark, variant in (("ʹ", "ʹ"), ("'", "'"), ("’", "'"), ("`", "`")):
            if mark in t:
                found["ь"] = variant
                break
        else:
            found["ь"] = "omitted"
    if "х" in c:
        found["х"] = "kh" if "kh" in t else "x" if "x" in t else "ch" if "ch" in t and "č" in t else "h"
    if any(x in c for x in "жчш"):
        found["ж/ч/ш"] = "háček" if any(x in t for x in "žčšŝ") else "digraph"
    if "ё" in c or ("yo" in t and "йо" not in c):
        found["ё"] = "yë" if "yë" in t else "ë" if "ë" in t else "yo" if "yo" in t else "e"
    return found


def detect_document(text: str, *, termbase: Any = None, lexicon: Lexicon | None = None) -> DocumentSchemes:
    """Collect the romanized Russian words of an English *text* and the schemes each is consistent with."""
    from ..russian.frequency import zipf

    lexicon = lexicon if lexicon is not None else Lexicon.of(termbase)

    result = DocumentSchemes()
    counts: Counter = Counter()
    features: dict[str, Counter] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        for m in LATIN_WORD_RE.finditer(line):
            token = m.group().strip("-'’`")
            if len(token) < 3 or _CYRILLIC_RE.search(token):
                continue
            if too_long(token):
                result.passed_over.append((lineno, m.start() + 1, len(token)))
                continue
            marked = not token.isascii() or any(c in token for c in "'’`")
            if not marked and not token[:1].isupper():
                continue  # running English text; romanized names and terms are capitalised or marked
            if not marked and zipf(token.lower(), "en") >= 3.0:
                candidates = reverse(token, lexicon=lexicon, limit=1)
                if not candidates or not candidates[0].details.get("termbase_form"):
                    continue  # a common English word (Party, Army), unless spelled as a termbase form
            else:
                candidates = reverse(token, lexicon=lexicon, limit=1)
            if not candidates or not candidates[0].known:
                continue
            best = candidates[0]
            evidence = TokenEvidence(
                token,
                lineno,
                m.start() + 1,
                best.cyrillic,
                best.schemes,
                features_of(token, best.cyrillic),
                bool(best.details.get("english")),
            )
            result.tokens.append(evidence)
            # The termbase's conventional spelling (Beria, Yagoda) was chosen for the name, not by a
            # scheme: it is no evidence of the system the text follows (as in lint's R103).
            if best.schemes and len(best.schemes) < len(SCHEME_IDS) and not evidence.conventional:
                counts.update(best.schemes)
                for name, variant in evidence.features.items():
                    features.setdefault(name, Counter())[variant] += 1
    result.counts = {s: counts.get(s, 0) for s in SCHEME_IDS}
    result.features = {name: dict(c.most_common()) for name, c in features.items()}
    return result
