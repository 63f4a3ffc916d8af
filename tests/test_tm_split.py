"""TMX and PO parts for parallel reading: read in order, the parts are the file, whatever sits between units."""

from pathlib import Path

import pytest

from glossary.core.errors import ParseError
from glossary.termbase.formats import read_termbase
from tm.checks.runner import run_checks
from tm.formats import iter_units, split_units

CHECK = Path(__file__).parent / "data" / "check"
TM = Path(__file__).parent / "data" / "tm"


def _fields(tu) -> tuple:
    return (
        tu.id,
        tu.source.text,
        tu.target.text,
        tu.source_lang,
        tu.target_lang,
        tu.line,
        tu.props,
        tu.context,
        [t.kind for t in tu.source.tags],
    )


def _read_parts(parts) -> list[tuple]:
    out, left = [], None
    for part in parts:
        reader = part.reader()
        out += [_fields(tu) for tu in reader.units()]
        if part.start:
            assert reader.entry == left
        left = reader.last_target_lang
    return out


def _tricky(tmp_path: Path) -> Path:
    """The check fixture with, between its units, what a naive cut at `<tu` would break on: a unit
    commented out, a CDATA section holding `</tu> <tu>`, and a `<tuv` right after `</tu>`."""
    text = (CHECK / "memory.tmx").read_text(encoding="utf-8")
    text = text.replace(
        '    <tu tuid="t05">', '    <!-- </tu>\n    <tu tuid="gone"> -->\n    <tu tuid="t05">', 1
    )
    text = text.replace(
        "<seg>Ежов подписал приказ.</seg>", "<seg><![CDATA[Ежов </tu>\n    <tu> подписал]]> приказ.</seg>", 1
    )
    path = tmp_path / "tricky.tmx"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [200, 700, 2000])
def test_parts_read_in_order_are_the_units_of_the_file_with_their_lines(tmp_path, size):
    path = _tricky(tmp_path)
    parts = split_units(path, size=size)
    assert parts is not None and len(parts) >= 2
    assert _read_parts(parts) == [_fields(tu) for tu in iter_units(path)]


def test_no_cut_falls_inside_a_comment_or_a_cdata_section(tmp_path):
    path = _tricky(tmp_path)
    data = path.read_bytes()
    for size in range(100, 3000, 37):
        for part in split_units(path, size=size) or []:
            if part.start:
                before = data[: part.start]
                assert before.count(b"<!--") == before.count(b"-->")
                assert before.count(b"<![CDATA[") == before.count(b"]]>")
                assert data[part.start : part.start + 4] in (b"<tu ", b"<tu>")


def test_tmx_11_lang_attributes_and_props_survive_the_cut():
    parts = split_units(TM / "tmx11_lang.tmx", size=300)
    assert parts is not None
    assert _read_parts(parts) == [_fields(tu) for tu in iter_units(TM / "tmx11_lang.tmx")]


def test_files_that_cannot_be_cut_are_read_whole(tmp_path):
    assert split_units(CHECK / "memory.tmx", size=1 << 20) is None  # smaller than two parts
    utf16 = tmp_path / "utf16.tmx"
    utf16.write_bytes(
        (CHECK / "memory.tmx")
        .read_text(encoding="utf-8")
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16")
    )
    assert split_units(utf16, size=200) is None
    assert split_units(CHECK / "contexts.po", size=1 << 20) is None


def _file_error(path: Path) -> str:
    with pytest.raises(ParseError) as whole:
        list(iter_units(path))
    return str(whole.value)


def _part_errors(path: Path, size: int = 300) -> list[str]:
    """The error of every part that fails when read alone."""
    errors = []
    for part in split_units(path, size=size):
        try:
            list(part.reader().units())
        except ParseError as e:
            errors.append(str(e))
    return errors


def test_a_broken_unit_is_reported_at_its_line_from_a_part_as_from_the_file(tmp_path):
    text = (CHECK / "memory.tmx").read_text(encoding="utf-8")
    path = tmp_path / "broken.tmx"
    path.write_text(text.replace('<tu tuid="t15">', '<tu tuid="t15"><bad>', 1), encoding="utf-8")
    assert _part_errors(path) == [_file_error(path)]


def _report(path: Path, **options) -> list[dict]:
    termbase = read_termbase(CHECK / "termbase.json")
    return [f.to_dict() for f in run_checks(iter_units(path), termbase, **options).findings]


def test_workers_reading_parts_report_what_one_process_reports(tmp_path):
    path = _tricky(tmp_path)
    serial = _report(path, jobs=1)
    assert len({f["check"] for f in serial}) >= 5
    assert _report(path, jobs=2, parts=split_units(path, size=300)) == serial


def test_parts_that_assumed_another_target_language_make_the_run_read_the_file_whole(tmp_path):
    # no x-target-language and a three-language unit whose first target is German: the parts after
    # the first assume English (what the first unit leaves), the file says German from there on
    text = (
        (CHECK / "memory.tmx")
        .read_text(encoding="utf-8")
        .replace(
            '<tu tuid="t03"><tuv xml:lang="ru"><seg>Номенклатура росла быстро.</seg></tuv>',
            '<tu tuid="t03"><tuv xml:lang="ru"><seg>Номенклатура росла быстро.</seg></tuv>'
            '<tuv xml:lang="de"><seg>Die Nomenklatura wuchs schnell.</seg></tuv>',
            1,
        )
        .replace(
            'xml:lang="en"><seg>The nomenclature grew fast.</seg></tuv>',
            'xml:lang="fr"><seg>x</seg></tuv>',
            1,
        )
    )
    path = tmp_path / "multi.tmx"
    path.write_text(text, encoding="utf-8")
    parts = split_units(path, size=300)
    with pytest.raises(AssertionError):
        _read_parts(parts)  # the parts alone would not be the file
    progress: list[int] = []
    assert _report(path, jobs=2, parts=parts, on_batch=progress.append) == _report(path, jobs=1)
    assert sum(progress) == len(list(iter_units(path)))  # the parts read before the fallback are taken back
    assert any(n < 0 for n in progress)


def test_a_run_over_parts_of_a_broken_file_reports_the_error_the_file_gives(tmp_path):
    text = (CHECK / "memory.tmx").read_text(encoding="utf-8")
    path = tmp_path / "broken.tmx"
    path.write_text(
        text.replace('</tu>\n    <tu tuid="t15">', '</tu>\n    <tu tuid="t15"><tu>', 1), encoding="utf-8"
    )
    with pytest.raises(ParseError) as whole:
        list(iter_units(path))
    with pytest.raises(ParseError) as run:
        _report(path, jobs=2, parts=split_units(path, size=300))
    assert str(run.value) == str(whole.value)


# --- PO -------------------------------------------------------------------------------------------

_PO_FIELDS = (
    "source",
    "target",
    "context",
    "notes",
    "comments",
    "references",
    "flags",
    "fuzzy",
    "obsolete",
    "line",
    "source_lang",
    "target_lang",
    "previous_source",
    "source_plural",
    "target_plurals",
)


def _po_fields(tu) -> tuple:
    return tuple(getattr(tu, f) for f in _PO_FIELDS)


def _po(tmp_path: Path, encoding: str = "UTF-8") -> Path:
    """A catalogue with what a cut at any blank line would break: a comment parted from its entry by
    a blank line, runs of blank lines, plurals, previous msgids, obsolete entries."""
    entries = []
    for i in range(40):
        entries.append(
            f'#. заметка {i}\n\n#: glava{i}.txt:{i}\nmsgctxt "c{i % 3}"\nmsgid "Съезд номер {i}"\n'
            f'msgstr ""\n"Congress "\n"number {i}"\n'
        )
        if i % 7 == 0:
            entries.append(
                f'#| msgid "Старый {i}"\nmsgid "{i} делегат"\nmsgid_plural "{i} делегатов"\n'
                f'msgstr[0] "{i} delegate"\nmsgstr[1] "{i} delegates"\n\n'
            )
        if i % 11 == 0:
            entries.append(f'#~ msgid "Устаревшее {i}"\n#~ msgstr "Obsolete {i}"\n')
    text = (
        f'# Тест\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={encoding}\\n"\n'
        f'"Language: en\\n"\n"X-Source-Language: ru\\n"\n\n' + "\n".join(entries)
    )
    path = tmp_path / f"cat-{encoding}.po"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["UTF-8", "KOI8-R", "CP1251"])
@pytest.mark.parametrize("size", [150, 600, 2500])
def test_po_parts_read_in_order_are_the_entries_of_the_file_with_their_lines(tmp_path, encoding, size):
    path = _po(tmp_path, encoding)
    parts = split_units(path, size=size)
    assert parts is not None and len(parts) >= 2
    got = [_po_fields(tu) for part in parts for tu in part.reader().units()]
    assert got == [_po_fields(tu) for tu in iter_units(path)]
    assert any(tu.comments for tu in iter_units(path))  # the parted comment really is attached


def test_po_cuts_fall_between_entries_only(tmp_path):
    path = _po(tmp_path)
    data = path.read_bytes()
    for size in range(100, 3000, 41):
        for part in split_units(path, size=size) or []:
            if part.start:
                assert data[part.start - 2 : part.start] == b"\n\n"
                assert data[part.start : part.start + 1] == b"#" or data.startswith(b"msg", part.start)
                last_line = data[: part.start].rstrip(b"\n").rsplit(b"\n", 1)[-1]
                assert last_line.startswith((b"msgstr", b'"', b"#~ msgstr")), (
                    last_line
                )  # never after a comment


def test_po_without_a_header_entry_first_is_read_whole(tmp_path):
    path = tmp_path / "nohead.po"
    path.write_text(
        "".join(f'msgid "слово {i}"\nmsgstr "word {i}"\n\n' for i in range(100)), encoding="utf-8"
    )
    assert split_units(path, size=200) is None


def test_a_po_syntax_error_is_reported_at_its_line_from_a_part_as_from_the_file(tmp_path):
    path = _po(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        'msgid "Съезд номер 30"', 'msgid "Съезд номер 30" junk', 1
    )
    path.write_text(text, encoding="utf-8")
    assert _part_errors(path) == [_file_error(path)]


def test_workers_reading_po_parts_report_what_one_process_reports():
    path = CHECK / "contexts.po"
    serial = _report(path, jobs=1)
    assert serial
    assert _report(path, jobs=2, parts=split_units(path, size=60)) == serial
