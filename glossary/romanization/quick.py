"""The quick test before reading a romanized word: can any Cyrillic spelling the schemes allow for
it be a dictionary word or a termbase form, or end like a surname? (glossary.lint.romanized asks
it before the letter tables and before full reverse romanization.)

Every spelling all the schemes' pieces allow is searched at once (mixing schemes within a word only
adds spellings), with the silent signs the beam may insert and every scheme's extra and historical
letters, pruned by the dictionary's word prefixes (with pymorphy3's own е/ё fuzziness) and by the
termbase's forms. The beam's spellings are a subset, so "no" is exact; "yes" means: look properly.
Most words a linter asks about are English (Composers, Robespierre), and for them this costs a
fraction of the beam.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from ..russian import morph
from .engine import SCHEME_IDS, SCHEMES
from .lexicon import Lexicon
from .reverse import _CYRILLIC_RE, _inverse, _normalise_for, _piece_table, too_long


def may_read(
    word: str, *, termbase: Any = None, lexicon: Lexicon | None = None, endings: frozenset[str] = frozenset()
) -> tuple[bool, bool]:
    """(may a spelling of *word* be a known word, may one end with one of *endings*): every spelling
    any scheme's inverse allows is searched (with the silent signs, and every scheme's extra and
    historical letters), pruned by the dictionary's word prefixes (with its ё/е fuzziness) and the
    termbase's forms, so the beam's spellings, a subset, are covered. (False, False): `reverse`
    can give neither."""
    if too_long(word):
        return False, False  # reverse() passes it over
    index = lexicon if lexicon is not None else Lexicon.of(termbase)
    token = unicodedata.normalize("NFC", word.strip())
    if not token or _CYRILLIC_RE.search(token):
        return False, False
    if "-" in token.strip("-") or token.lower() in index.english:
        return True, True  # hyphenated parts, or a termbase spelling: the full reading decides
    targets: dict[str, list[str]] = {}  # the token as each scheme reads it → those schemes
    for sid in SCHEME_IDS:
        target = _normalise_for(sid, token)
        targets.setdefault(target, []).append(sid)
        if sid == "scholarly" and "ch" in target:
            targets.setdefault(target.replace("ch", "x"), []).append(sid)
    # The schemes' inverses are searched together (mixing them within a word only adds spellings).
    known = ends = False
    for latin, sids in targets.items():
        pieces, longest = _union_pieces(tuple(sids))
        known = known or _known_parse(pieces, longest, latin, index)
        ends = ends or bool(endings) and _ends_as(pieces, longest, latin, endings)
        if known and (ends or not endings):
            break
    return known, ends


_MAX_QUICK_STATES = 4000  # past this many prefixes the quick test gives up (the beam decides)


@cache
def _union_pieces(sids: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], int]:
    """(Latin piece → the Cyrillic pieces any of *sids*' inverses gives it, with the silent signs
    the beam may put after a consonant; the longest Latin piece)."""
    union: dict[str, dict[str, None]] = {}
    for sid in sids:
        for cyr, latin in SCHEMES[sid].letter_map().items():  # the extra and historical letters too
            if latin and cyr.islower():
                union.setdefault(unicodedata.normalize("NFC", latin.lower()), {})[cyr] = None
        silent = _inverse(sid).silent
        for latin, options in _piece_table(sid).items():
            out = union.setdefault(latin, {})
            for option, sign in options:
                out[option] = None
                if sign:
                    out.update(dict.fromkeys(option + mark for mark in silent))
    return {k: tuple(v) for k, v in union.items()}, max(map(len, union))


def _known_parse(pieces: dict[str, tuple[str, ...]], longest: int, latin: str, index: Lexicon) -> bool:
    """May a spelling *pieces* allow for *latin* be a known word? (False: surely not.)"""
    n = len(latin)
    stack: list[tuple[int, str, tuple[str, ...], bool]] = [(0, "", ("",), bool(index.forms))]
    seen: set[tuple[int, str]] = set()
    while stack:
        pos, folded, prefixes, in_forms = stack.pop()
        if pos == n:
            if morph.any_word(prefixes) or (in_forms and folded in index.forms):
                return True
            continue
        for end in range(pos + 1, min(pos + longest, n) + 1):
            for piece in pieces.get(latin[pos:end], ()):
                piece = piece.replace("ё", "е")
                nxt = folded + piece
                if (end, nxt) in seen:
                    continue
                seen.add((end, nxt))
                if len(seen) > _MAX_QUICK_STATES:
                    return True
                extended = morph.extend_prefixes(prefixes, piece) if prefixes else ()
                tb = in_forms and index.has_form_prefix(nxt)
                if extended or tb:
                    stack.append((end, nxt, extended, tb))
    return False


@cache
def _ending_tails(endings: frozenset[str]) -> frozenset[str]:
    return frozenset(e[k:] for e in endings for k in range(len(e)))


def _ends_as(pieces: dict[str, tuple[str, ...]], longest: int, latin: str, endings: frozenset[str]) -> bool:
    """May a spelling *pieces* allow for *latin* end with one of *endings*?"""
    tails = _ending_tails(endings)
    stack = [(len(latin), "")]  # backwards from the end: (where the tail built so far begins, tail)
    seen: set[tuple[int, str]] = set()
    while stack:
        end, tail = stack.pop()
        for start in range(max(0, end - longest), end):
            for piece in pieces.get(latin[start:end], ()):
                longer = piece + tail
                if any(longer.endswith(e) for e in endings):
                    return True
                if longer in tails and (start, longer) not in seen:
                    seen.add((start, longer))
                    stack.append((start, longer))
    return False
