"""A letter table applied to a long text through the cp1251 codec: what `str.translate(table)` gives,
in about half the time (glossary.romanization.engine uses it for texts of more than a few hundred
characters).

`str.translate` makes an int object and does a table look-up in Python's object protocol for every
character (≈ 37 ns each on Russian text). Russian text fits in cp1251, one byte a letter: encoding
it runs in C (≈ 3 ns a character), and a charmap decode with one output string per byte value
looks its byte up among the small ints Python keeps ready (≈ 17 ns). A run of characters cp1251
lacks (a ʹ a context rule wrote, ĭ in an ALL-CAPS word already romanized, Latin é, ѣ) is written as
cp1251's one unassigned byte by an error handler that keeps the run, translated the ordinary way,
and the decoded text gets the runs back in order.
"""

from __future__ import annotations

import codecs
import threading

_CODEC = "cp1251"
_HOLE = 0x98  # the one byte value cp1251 leaves unassigned: never the encoding of a character
_HOLE_TEXT = "\ue0e1"  # what the hole decodes to, replaced by the runs; a private-use character
_ERRORS = "slovnik-transcode"
_runs = threading.local()  # the current text's runs (one list per thread)


def _keep_run(error: UnicodeError) -> tuple[bytes, int]:
    assert isinstance(error, UnicodeEncodeError)
    table, kept = _runs.current
    kept.append(error.object[error.start : error.end].translate(table))
    return bytes([_HOLE]), error.end


codecs.register_error(_ERRORS, _keep_run)


class Transcoder:
    """`transcoder(text) == text.translate(table)` for a table that maps characters to strings or
    code points (a list indexed by code point, as CompiledScheme makes)."""

    def __init__(self, table: list[int | str]):
        self.table = table
        decoding: list[str] = []
        for byte in range(256):
            if byte == _HOLE:
                decoding.append(_HOLE_TEXT)
                continue
            char = bytes([byte]).decode(_CODEC)
            out = table[ord(char)] if ord(char) < len(table) else char
            decoding.append(out if isinstance(out, str) else chr(out))
        self.decoding = decoding

    def __call__(self, text: str) -> str:
        kept: list[str] = []
        _runs.current = (self.table, kept)
        data = text.encode(_CODEC, _ERRORS)
        out = codecs.charmap_decode(data, "strict", self.decoding)[0]
        if not kept:
            return out
        pieces = out.split(_HOLE_TEXT)  # one hole per kept run, and no other (_HOLE_TEXT is a run)
        joined = [pieces[0]]
        for run, piece in zip(kept, pieces[1:], strict=True):
            joined += (run, piece)
        return "".join(joined)
