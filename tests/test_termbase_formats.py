"""One contract for every termbase format: each subclass sets only the format id."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from termbase_strategies import termbases

from glossary.core.errors import FormatNotSupported, ParseError, WriteError
from glossary.termbase.formats import FORMATS, format_for, get_format, read_termbase, write_termbase
from glossary.termbase.formats.jsonfile import from_dict
from glossary.termbase.model import Termbase

SAMPLE = Path(__file__).parent / "data" / "termbase" / "sample.json"


def project(tb: Termbase, holds: frozenset[str]) -> dict:
    """What a format is expected to give back: every concept, and the header fields it holds."""
    return {
        "title": tb.title if "title" in holds else None,
        "description": tb.description if "description" in holds else None,
        "langs": (tb.source_lang, tb.target_lang) if "langs" in holds else ("ru", "en"),
        "concepts": tb.concepts,
    }


class TermbaseFormatContract:
    """Every reader/writer pair must satisfy these; subclasses set `fmt` only."""

    fmt: str

    @property
    def format(self):
        return get_format(self.fmt)

    def path(self, folder: Path, stem: str = "termbase") -> Path:
        ext = self.format.extensions[0] if self.format.extensions else ".tbx"
        return folder / f"{stem}{ext}"

    def round_trip(self, tb: Termbase, folder: Path) -> Termbase:
        path = self.path(folder)
        write_termbase(tb, path, self.fmt)
        return read_termbase(path, self.fmt)

    def test_sample_round_trips_without_loss(self, tmp_path):
        tb = read_termbase(SAMPLE)
        back = self.round_trip(copy.deepcopy(tb), tmp_path)
        assert project(back, self.format.holds) == project(tb, self.format.holds)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.differing_executors],
    )
    @given(tb=termbases())
    def test_any_termbase_round_trips_without_loss(self, tb, tmp_path_factory):
        back = self.round_trip(tb, tmp_path_factory.mktemp(self.fmt))
        assert project(back, self.format.holds) == project(tb, self.format.holds)

    def test_empty_termbase_round_trips(self, tmp_path):
        if self.fmt in ("tbx", "tbx2"):  # a TBX <body> holds one conceptEntry or more: no valid empty file
            with pytest.raises(WriteError, match="no concepts"):
                write_termbase(Termbase(), self.path(tmp_path), self.fmt)
            assert not self.path(tmp_path).exists()
            return
        assert len(self.round_trip(Termbase(), tmp_path)) == 0

    def test_write_replaces_the_file_and_leaves_no_temp_files(self, tmp_path):
        path = self.path(tmp_path)
        path.write_text("old", encoding="utf-8")
        write_termbase(read_termbase(SAMPLE), path, self.fmt)
        assert [p.name for p in tmp_path.iterdir()] == [path.name]
        assert len(read_termbase(path, self.fmt)) == 5

    def test_empty_file_is_a_one_line_parse_error(self, tmp_path):
        path = self.path(tmp_path)
        path.write_bytes(b"")
        with pytest.raises(ParseError) as err:
            read_termbase(path, self.fmt)
        assert str(path) in str(err.value) and "empty" in str(err.value)
        assert "\n" not in str(err.value)

    def test_garbage_is_a_parse_error_naming_the_file(self, tmp_path):
        path = self.path(tmp_path)
        path.write_bytes(b'<<"not a termbase,\n\x01\x02 at all\n')
        with pytest.raises(ParseError) as err:
            read_termbase(path, self.fmt)
        assert str(err.value).startswith(str(path))

    def test_extension_selects_this_format(self):
        if self.format.extensions:
            assert format_for(f"x{self.format.extensions[0]}") is self.format


class TestJson(TermbaseFormatContract):
    fmt = "json"


class TestCsv(TermbaseFormatContract):
    fmt = "csv"


class TestTsv(TermbaseFormatContract):
    fmt = "tsv"


class TestXlsx(TermbaseFormatContract):
    fmt = "xlsx"


class TestTbx(TermbaseFormatContract):
    fmt = "tbx"


class TestTbx2(TermbaseFormatContract):
    fmt = "tbx2"


class TestPo(TermbaseFormatContract):
    fmt = "po"


def test_every_registered_format_has_a_contract_subclass():
    tested = {cls.fmt for cls in TermbaseFormatContract.__subclasses__()}
    assert tested == set(FORMATS)


def test_unknown_extension_lists_the_format_ids():
    with pytest.raises(FormatNotSupported) as err:
        format_for("glossary.docx")
    assert "json, csv, tsv, xlsx, tbx, tbx2, po" in str(err.value)


def test_unknown_format_id_lists_the_format_ids():
    with pytest.raises(FormatNotSupported, match="expected one of: json"):
        get_format("xliff")


def test_tbx_extension_reads_v2_and_writes_v3(tmp_path):
    tb = read_termbase(SAMPLE)
    v2 = tmp_path / "v2.tbx"
    write_termbase(tb, v2, "tbx2")
    assert b"<martif" in v2.read_bytes()
    assert read_termbase(v2).concepts == tb.concepts
    v3 = tmp_path / "v3.tbx"
    write_termbase(tb, v3)
    head = v3.read_bytes()[:600]
    assert b"<tbx " in head and b'type="TBX-Basic"' in head and b'style="dca"' in head


def test_json_writer_keeps_the_documented_top_level_keys(tmp_path):
    out = tmp_path / "tb.json"
    write_termbase(from_dict(json.loads(SAMPLE.read_text(encoding="utf-8"))), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "slovnik-termbase" and data["version"] == 1
    assert data["concepts"][0]["terms"][0] == {
        "lang": "ru",
        "text": "номенклатура",
        "status": "preferred",
        "part_of_speech": "noun",
        "gender": "feminine",
        "number": "singular",
    }
