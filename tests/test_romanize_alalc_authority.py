"""`ala-lc` and `lc` against the Library of Congress's own ALA-LC tables, letter by letter.

tests/data/alalc_russian.json holds every Russian mapping of LC's scriptshifter tables (CC0; see
alalc_russian.README.md for provenance). `ala-lc` with its `ligatures` option must write exactly what
the table writes; without the option it writes the same letters without the tie-bar. Plain `lc`
deliberately drops every diacritic and ligature (й i, ё e, э e, ц ts, ю iu, я ia, і i, ѳ f, ѵ y) and
writes the signs as ASCII `'` and `"` — the practice of English-language Slavic studies — and that is
all it drops: with the marks taken off, the table's letters and `lc`'s are the same.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from glossary.romanization.romanize import romanize

TABLE = json.loads((Path(__file__).parent / "data" / "alalc_russian.json").read_text(encoding="utf-8"))
MAPPINGS = {**TABLE["letters"], **TABLE["pre-1918"]}
TIE_BAR = "\u0361"
# scriptshifter marks a capital soft sign with a double low line under the prime (ʹ̳): a sign has no
# capital in the printed table, and slovnik writes the sign itself in either case.
CAPITAL_SIGN_MARK = "\u0333"
# What `lc` writes for the table's signs (ASCII, as most journals print them).
LC_SIGNS = {"ʹ": "'", "ʺ": '"'}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _table(cyr: str) -> str:
    return _nfc(MAPPINGS[cyr].replace(CAPITAL_SIGN_MARK, ""))


def _in_word(cyr: str, scheme: str, **options: bool) -> str:
    """The letter's romanization inside a word (`а…а`), so a word-final rule (the pre-1918 final ъ,
    which ALA-LC leaves out) does not apply and capitals are romanized as a capital initial."""
    word = ("а" + cyr + "а") if cyr.islower() else (cyr + "а")
    out = _nfc(romanize(word, scheme, strict=True, options=options or None))
    return out[1:-1] if cyr.islower() else out[:-1]


def _strip_marks(s: str) -> str:
    s = "".join(LC_SIGNS.get(ch, ch) for ch in s)
    return _nfc("".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch)))


def test_the_table_covers_the_russian_alphabet_in_both_cases() -> None:
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    assert set(alphabet) | set(alphabet.upper()) <= set(TABLE["letters"])
    assert set("іѣѳѵ") <= set(TABLE["pre-1918"])


@pytest.mark.parametrize("cyr", sorted(MAPPINGS))
def test_ala_lc_with_ligatures_writes_what_the_table_writes(cyr: str) -> None:
    table = _table(cyr)
    ours = _in_word(cyr, "ala-lc", ligatures=True)
    if cyr.isupper() and len(table) > 1 and table.isupper() and TIE_BAR not in table:
        table = table[0] + table[1:].lower()  # Zh, Kh, Shch: a capital initial, as in a word
    if cyr.isupper() and TIE_BAR in table:
        table = table[0] + table[1:].lower()  # T͡S → T͡s, I͡A → I͡a inside a capitalised word
    assert ours == table, f"{cyr}: ala-lc writes {ours!r}, the LC table {table!r}"


@pytest.mark.parametrize("cyr", sorted(MAPPINGS))
def test_ala_lc_without_ligatures_differs_only_by_the_tie_bar(cyr: str) -> None:
    table = _table(cyr).replace(TIE_BAR, "")
    ours = _in_word(cyr, "ala-lc")
    assert ours.lower() == table.lower()
    assert any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", ours)) == any(
        unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", table)
    ), "ala-lc keeps diacritics"


@pytest.mark.parametrize("cyr", sorted(MAPPINGS))
def test_lc_is_the_table_without_diacritics_ligatures_or_primes(cyr: str) -> None:
    ours = _in_word(cyr, "lc")
    assert ours.lower() == _strip_marks(_table(cyr)).lower()
    assert ours.isascii(), f"lc writes {ours!r} for {cyr}: plain lc is ASCII"


def test_lc_drops_exactly_the_marks_ala_lc_keeps() -> None:
    """The letters where the two schemes part are those the table writes with a mark."""
    differ = {c for c in MAPPINGS if _in_word(c, "lc") != _in_word(c, "ala-lc", ligatures=True)}
    marked = {c for c in MAPPINGS if not _table(c).isascii()}
    assert differ == marked
    assert {"й", "ё", "э", "ц", "ю", "я", "ь", "ъ"} <= differ
