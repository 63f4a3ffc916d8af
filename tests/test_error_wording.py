"""Errors from a library are said in slovnik's own words: every reader of a format says the same thing
for the same fault, at the file's own line, and tests hold slovnik to its words, not a library's."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import ParseError
from glossary.formats import read_termbase
from glossary.lint.sources import read_document
from glossary.printing.sources import iter_texts
from tm.formats import iter_units

# Every reader of PO files in both packages: termbase, lint source, `print --for` text, TM.
PO_READERS = {
    "termbase": read_termbase,
    "lint": read_document,
    "print": lambda path: list(iter_texts(path)),
    "tm": lambda path: list(iter_units(path)),
}


def _error(read, path: Path) -> ParseError:
    with pytest.raises(ParseError) as info:
        read(path)
    return info.value


@pytest.mark.parametrize("reader", PO_READERS)
def test_every_po_reader_reports_a_syntax_error_the_same_way(tmp_path, reader):
    path = tmp_path / "chistka.po"
    path.write_text('msgid "чистка"\nmsgstr "purge"\n\nmsgstr "a msgstr with no msgid"\n', encoding="utf-8")
    err = _error(PO_READERS[reader], path)
    assert str(err) == f"{path}:4: PO syntax error: near 'msgstr \"a msgstr with no msgid\"'"


@pytest.mark.parametrize("reader", PO_READERS)
def test_a_po_syntax_error_names_the_files_own_line_past_a_vertical_tab(tmp_path, reader):
    """str.splitlines() breaks at \\v and \\f too; the line named is the file's, counted by newlines."""
    path = tmp_path / "vt.po"
    path.write_text('msgid "стр\\vока"\nmsgstr "li\fne"\n\nmsgid "x"\nmsgid "y"\nmsgstr ""\n', encoding="utf-8")
    err = _error(PO_READERS[reader], path)
    assert (err.line, err.message.split(":")[0]) == (5, "PO syntax error")
