"""Termbase and TM formats answer through one registry API (glossary.termbase.formats.registry)."""

import pytest

import glossary.termbase.formats as termbase_formats
import tm.formats as tm_formats
from glossary.core.errors import FormatNotSupported


@pytest.mark.parametrize(
    ("module", "path", "fmt_id"),
    [
        (termbase_formats, "terms.tbx", "tbx"),
        (termbase_formats, "terms.TSV", "tsv"),
        (tm_formats, "memory.tmx", "tmx"),
        (tm_formats, "memory.POT", "pot"),
    ],
)
def test_the_extension_picks_the_format_and_an_id_overrides_it(module, path, fmt_id):
    found = module.format_for(path)
    assert found.id == fmt_id and found is module.get_format(fmt_id.upper())
    assert callable(found.read) and callable(found.write)
    other = next(f for f in module.FORMATS.values() if f.id != fmt_id)
    assert module.format_for(path, other.id) is other


@pytest.mark.parametrize("module", [termbase_formats, tm_formats])
def test_an_unknown_extension_or_id_is_one_error_naming_it(module):
    with pytest.raises(FormatNotSupported, match=r"notes\.docx: unknown .*'\.docx'"):
        module.format_for("notes.docx")
    with pytest.raises(FormatNotSupported, match="unknown .*'rtf'"):
        module.get_format("rtf")


def test_xliff_files_are_told_apart_by_their_content(tmp_path):
    two = tmp_path / "two.xlf"
    two.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>', encoding="utf-8")
    one = tmp_path / "one.xlf"
    one.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>', encoding="utf-8")
    assert tm_formats.format_for(two).id == "xliff2"
    assert tm_formats.format_for(one).id == "xliff"
    assert tm_formats.format_for(two, "xliff").id == "xliff"  # a named format is not second-guessed
