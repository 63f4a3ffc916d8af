"""Files as other tools write and read them (issue #18): vendor TBX v2, PO headers and comments, XLIFF
segmentation, encodings. Every fixture is in tests/data/interop, written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.cli import app as glossary_app
from glossary.errors import ParseError
from glossary.formats import tbx

INTEROP = Path(__file__).parent / "data" / "interop"


def test_tbx_v2_vendor_picklist_values_are_read_and_kept_as_notes(runner, tmp_path):
    tb = tbx.read(INTEROP / "v2_vendor_picklists.tbx")
    card_en, card_ru = tb.concepts[0].terms
    assert card_en.status.value == "preferred"  # standardizedTerm-admn-sts (TBX-Default)
    assert card_ru.part_of_speech is None and card_ru.note == "partOfSpeech: nom"
    assert card_ru.gender == "other"  # ISO 12620 otherGender
    queue = tb.concepts[1].terms[0]
    assert queue.note == "administrativeStatus: provisionallyProcessed-admn-sts"
    result = runner.invoke(glossary_app, ["import", str(INTEROP / "v2_vendor_picklists.tbx"), "--into",
                                          str(tmp_path / "tb.json")])
    assert result.exit_code == 0, result.output


def test_tbx_v3_still_holds_the_basic_picklist(tmp_path):
    v3 = tmp_path / "v3.tbx"
    v3.write_bytes(tbx.serialize(tbx.read(INTEROP / "v2_vendor_picklists.tbx")).replace(
        b"<termNote type=\"grammaticalGender\">other<", b"<termNote type=\"grammaticalGender\">neutral<"))
    with pytest.raises(ParseError) as e:
        tbx.read(v3)
    assert e.value.line is not None and "neutral" in str(e.value)
