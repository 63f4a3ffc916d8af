"""Romanization of Russian Cyrillic: the public entry points over the engine (glossary/romanization/engine.py).

`romanize()` and `romanize_report()` romanize a text in one of the eight schemes; with
`conventional=True` the names a termbase gives a conventional English spelling (Троцкий → Trotsky)
are written that way. The termbase's facts come in as a `Lexicon` (glossary/romanization/lexicon.py): pass
`termbase=tb` (its Lexicon is built once per version of tb) or `lexicon=`. Without either there are
no conventional spellings: this layer never loads a termbase itself.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Mapping
from typing import Any

from ..core.errors import UnmappedCharacterError
from .engine import (
    RUSSIAN,
    SCHEME_DIR,
    SCHEME_IDS,
    SCHEMES,
    CompiledScheme,
    Romanization,
    Scheme,
    UnmappedCharacter,
    UnmappedCharacterWarning,
    _compiled,
    _options_key,
    clear_caches,
    engine,
    get_scheme,
    load_scheme_file,
    scheme_ids,
)
from .lexicon import Lexicon, fold

_CYRILLIC_RE = re.compile("[\u0400-\u04ff\u0500-\u052f]")


def romanize(
    text: str,
    scheme: str = "lc",
    *,
    conventional: bool = False,
    termbase: Any = None,
    lexicon: Lexicon | None = None,
    strict: bool = False,
    options: Mapping[str, bool] | None = None,
) -> str:
    """Romanize *text* with *scheme*.

    conventional=True writes the conventional English spelling (Term.conventional) of names the
    termbase (or *lexicon*) knows (nominative forms; see conventional_spellings). Letters outside the
    scheme stay Cyrillic and raise UnmappedCharacterWarning, or UnmappedCharacterError with strict=True.
    """
    result = romanize_report(
        text, scheme, conventional=conventional, termbase=termbase, lexicon=lexicon, options=options
    )
    if result.unmapped:
        if strict:
            raise UnmappedCharacterError(str(result.unmapped[0]))
        warnings.warn(UnmappedCharacterWarning(str(result.unmapped[0])), stacklevel=2)
    return result.text


def romanize_report(
    text: str,
    scheme: str = "lc",
    *,
    conventional: bool = False,
    termbase: Any = None,
    lexicon: Lexicon | None = None,
    options: Mapping[str, bool] | None = None,
) -> Romanization:
    """Like romanize(), but returns the text together with every unmapped character."""
    compiled = _compiled(scheme, _options_key(options))
    if conventional:
        out = _with_conventional(text, compiled, lexicon if lexicon is not None else Lexicon.of(termbase))
        left = not out.isascii() and _CYRILLIC_RE.search(out) is not None
    else:
        out, left = compiled.convert_checked(text)
    unmapped: list[UnmappedCharacter] = []
    if left:
        nfc = unicodedata.normalize("NFC", text)
        unmapped = [
            UnmappedCharacter(m.group(), m.start(), scheme)
            for m in _CYRILLIC_RE.finditer(nfc)
            if ord(m.group()) not in compiled.table
        ]
    return Romanization(out, unmapped)


def conventional_spellings(termbase: Any) -> dict[str, str]:
    """Cyrillic name form (lower case, ё → е) → conventional English spelling, from Russian terms.

    Only the forms written in the termbase (normally the nominative) are replaced: an inflected form
    keeps its transliteration (Троцкого → Trotskogo), because an English rendering of a case would be a
    guess about syntax (дело Троцкого is "the Trotsky case", not "Trotsky's case") and bibliographic
    citations need the transliterated form.
    """
    return dict(Lexicon.of(termbase).conventional)


def _with_conventional(text: str, compiled: CompiledScheme, lexicon: Lexicon) -> str:
    pattern = lexicon.conventional_pattern()
    text = unicodedata.normalize("NFC", text)
    if pattern is None:
        return compiled.convert(text)
    spellings = lexicon.conventional
    parts: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        parts.append(compiled.convert(text[pos : m.start()]))
        name = spellings[fold(m.group())]
        caps = m.group().isupper() and len(m.group()) > 1
        parts.append(name.upper() if caps else name)
        pos = m.end()
    parts.append(compiled.convert(text[pos:]))
    return "".join(parts)


__all__ = [
    "RUSSIAN",
    "SCHEMES",
    "SCHEME_DIR",
    "SCHEME_IDS",
    "CompiledScheme",
    "Lexicon",
    "Romanization",
    "Scheme",
    "UnmappedCharacter",
    "UnmappedCharacterWarning",
    "clear_caches",
    "conventional_spellings",
    "engine",
    "get_scheme",
    "load_scheme_file",
    "romanize",
    "romanize_report",
    "scheme_ids",
]
