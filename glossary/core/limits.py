"""Input limits: the policy stated once (README, "Limits").

Every reader and engine that could be made to spend memory or time out of proportion to what a
user means by its input checks one of these numbers; nothing else in the tree hard-codes a limit.
Each can be raised in `[tool.slovnik.limits]` (keys as the field names, with `-` for `_`), for the
rare real file that needs more: a limit protects a run, it is not a judgement on the data.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    # Longest word (letters) the romanizer, reverse romanizer and recogniser analyse; a longer
    # "word" is no Russian name or term (the longest real ones are ~35 letters) and is passed over
    # with a note, so work per word stays linear in its length.
    max_word: int = 64
    # Largest uncompressed size of one ZIP member (an XLSX sheet, a DOCX body) read into memory.
    max_zip_member: int = 256 * MiB
    # Largest compression ratio of a ZIP member over 1 MiB: real XML parts compress 5-30×, bombs 1000×.
    max_zip_ratio: int = 200
    # Most cells a reader builds for one XLSX sheet (its rows up to the last × its columns up to
    # the widest), past one per byte of the sheet's XML: readers fill every row and column a sheet
    # skips, so `<row r="1048576">` alone would build a million rows. Real sheets need far fewer
    # cells than they have bytes (an empty cell is left out, a written one costs 10+ bytes).
    max_sheet_cells: int = 1_000_000
    # Longest stretch of an input line quoted in an error message (cut with "…").
    max_quoted: int = 120
    # Deepest nesting of a JSON termbase (real ones nest 6 deep).
    max_json_depth: int = 64
    # Largest input file read whole into memory (a stream past it is refused, never read to the end).
    max_input: int = 2048 * MiB
    # Longest line of a text read as a stream (a TM's CSV/TSV), and longest CSV/TSV field: a long
    # definition runs to kilobytes; a longer "line" is an endless stream or a binary file.
    max_line: int = 32 * MiB
    # Longest XML prolog (declaration, comments, DOCTYPE) read before the root element.
    max_prolog: int = 1 * MiB
    # Longest italic or quoted span (characters) the C4xx rules take for a title: the longest real
    # Russian titles with subtitles run to ~250; a whole italic page is emphasis, and a bound keeps
    # the lookup of the titles around a word cheap.
    max_title: int = 600
    # Most distinct words the language server keeps readings of between checks (words typed letter
    # by letter add one each); past it the cache starts again, so a long session stays flat.
    max_cached_words: int = 200_000
    # Most files, and most bytes of them, `glossary lsp` reads from the workspace (`[tool.slovnik.lsp]
    # workspace`) to lint with the open buffers: every full pass after a pause in the typing lints
    # them all, so they bound the work of each pause; files past them are left out, with a message.
    max_workspace_files: int = 1000
    max_workspace_bytes: int = 8 * MiB


# Read it as `limits.LIMITS.max_word` at the point of use (not imported by name): `configure` replaces it.
LIMITS = Limits()


def configure(table: dict[str, Any] | None) -> Limits:
    """Apply `[tool.slovnik.limits]`; unknown keys and non-positive values are errors."""
    global LIMITS
    if not table:
        return LIMITS
    if not isinstance(table, dict):
        raise ConfigError("[tool.slovnik.limits] must be a table")
    names = {f.name for f in fields(Limits)}
    changes: dict[str, int] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in names:
            raise ConfigError(f"unknown key in [tool.slovnik.limits]: {key}")
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"[tool.slovnik.limits] {key} must be a positive whole number")
        changes[name] = value
    LIMITS = replace(LIMITS, **changes)
    return LIMITS


def quote(text: str, limit: int | None = None) -> str:
    """*text* for an error message: cut to the quoting limit with "…", and every character that does
    not print (a control, a line or paragraph separator, a stray CR) escaped as `\\xNN`/`\\uNNNN`, so
    the message stays one visible line whatever the input held."""
    limit = limit or LIMITS.max_quoted
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def passed_over_note(where: str, count: int, length: int) -> str:
    """The one note a run prints for the words it passed over as longer than `max_word`: *count* of
    them, the first *length* letters long, at *where* (file:line[:column])."""
    limit = f"longer than max-word ({LIMITS.max_word} letters, [tool.slovnik.limits])"
    if count == 1:
        return f"note: {where}: a word of {length} letters passed over, {limit}"
    return f"note: {where}: {count} words passed over, {limit}; this is the first"
