"""One contract for every TM format: each subclass sets only the format id; what a format can hold
is looked up in CAPABILITIES (documented in the readme), so the same tests run everywhere."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tmformats_support import TMX_TAGGED, XLIFF2_TAGGED, XLIFF_TAGGED, comparable, unit

from tm.formats import FORMATS, format_for, iter_units, read_tm, write_tm
from tm.formats.po import same_newlines
from tm.model import Segment, Tag, TranslationUnit

EXT = {
    "tmx": ".tmx",
    "po": ".po",
    "pot": ".pot",
    "xliff": ".xlf",
    "xliff2": ".xlf",
    "csv": ".csv",
    "tsv": ".tsv",
    "xlsx": ".xlsx",
}
_ALL = {
    "tags",
    "ids",
    "notes",
    "comments",
    "context",
    "fuzzy",
    "obsolete",
    "plurals",
    "props",
    "dates",
    "flags",
    "references",
    "previous",
    "approved",
}
CAPABILITIES = {
    "tmx": _ALL - {"approved"},
    "po": {"notes", "comments", "context", "fuzzy", "obsolete", "plurals", "flags", "references", "previous"},
    "pot": {
        "notes",
        "comments",
        "context",
        "fuzzy",
        "obsolete",
        "plurals",
        "flags",
        "references",
        "previous",
    },
    "xliff": {"tags", "ids", "notes", "comments", "context", "fuzzy", "approved"},
    "xliff2": {"tags", "ids", "notes", "comments", "context", "fuzzy", "approved"},
    "csv": _ALL,
    "tsv": _ALL,
    "xlsx": _ALL,
}
TAGGED = {"xliff": XLIFF_TAGGED, "xliff2": XLIFF2_TAGGED}

# Text as translators type it: Cyrillic with ё, Latin, digits, XML/CSV specials, quotes, newlines.
TEXT = st.text(
    alphabet=st.sampled_from(
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБЁЖЩЯabcxyzXYZ0189 .,;:!?-—«»\"'<>&/\\%{}()[]=\n\r\t")
    ),
    min_size=1,
    max_size=25,
)
LINE = (
    st.text(
        alphabet=st.sampled_from(list("абвгдеёжзийАБЯabcXYZ019.,-—«»&<'\"    ")), min_size=1, max_size=100
    )
    .map(str.strip)
    .filter(bool)
)


class TMFormatContract:
    FORMAT: str = ""

    @property
    def caps(self) -> set[str]:
        return CAPABILITIES[self.FORMAT]

    def path(self, tmp_path, name: str = "tm"):
        return tmp_path / f"{name}{EXT[self.FORMAT]}"

    def round_trip(self, tmp_path, units: list[TranslationUnit]) -> list[TranslationUnit]:
        path = self.path(tmp_path)
        written = write_tm(units, path, self.FORMAT, source_lang="ru", target_lang="en")
        assert written == len(units)
        return list(iter_units(path, self.FORMAT))

    @property
    def target_lang(self) -> str | None:
        return None if self.FORMAT == "pot" else "en"  # a template names no translation language

    def expected(self, u: TranslationUnit) -> TranslationUnit:
        if self.FORMAT == "pot":  # a template keeps no translations
            u = comparable(u)
            u.target = Segment()
            u.target_lang = None
            u.fuzzy = False
            u.target_plurals = [Segment(), Segment(), Segment()][: len(u.target_plurals)]
            return u
        if self.FORMAT == "po":  # gettext: a msgstr begins and ends with a newline where its msgid does
            u = comparable(u)
            u.target = Segment.of(same_newlines(u.source.text, u.target.text)).normalized()
            u.target_plurals = [
                Segment.of(same_newlines(u.source.text, s.text)).normalized() for s in u.target_plurals
            ]
            return u
        return comparable(u)

    def test_cyrillic_source_and_target_round_trip(self, tmp_path):
        units = [
            unit(
                "Пленум ЦК утвердил состав Политбюро.",
                "The plenum approved the Politburo.",
                id="a1" if "ids" in self.caps else None,
            ),
            unit(
                "ёлка «Правды» & <газета>",
                "the «Pravda» tree & <newspaper>",
                id="a2" if "ids" in self.caps else None,
            ),
        ]
        back = self.round_trip(tmp_path, units)
        assert [self.expected(u) for u in back] == [self.expected(u) for u in units]

    def test_every_unit_carries_languages_origin_and_line(self, tmp_path):
        path = self.path(tmp_path)
        write_tm(
            [unit("чистка", "purge"), unit("оттепель", "the Thaw")],
            path,
            self.FORMAT,
            source_lang="ru",
            target_lang="en",
        )
        back = list(iter_units(path))
        assert [(u.source_lang, u.target_lang, u.origin) for u in back] == [
            ("ru", self.target_lang, path.name)
        ] * 2
        lines = [u.line for u in back]
        assert all(isinstance(n, int) and n > 0 for n in lines) and lines == sorted(set(lines))

    def test_read_tm_reports_the_direction(self, tmp_path):
        path = self.path(tmp_path)
        write_tm([unit("съезд", "congress")], path, self.FORMAT, source_lang="ru", target_lang="en")
        tm = read_tm(path)
        assert (tm.source_lang, tm.target_lang, len(tm)) == ("ru", self.target_lang, 1)

    def test_untranslated_unit_keeps_an_empty_target(self, tmp_path):
        back = self.round_trip(tmp_path, [unit("Совнарком", "", id="u1" if "ids" in self.caps else None)])
        assert back[0].source.text == "Совнарком" and not back[0].target

    def test_empty_memory_round_trips(self, tmp_path):
        assert self.round_trip(tmp_path, []) == []

    def test_inline_tags_survive_or_degrade_to_their_native_code(self, tmp_path):
        tagged = TAGGED.get(self.FORMAT, TMX_TAGGED)
        back = self.round_trip(
            tmp_path, [TranslationUnit(tagged, tagged, id="t1", source_lang="ru", target_lang="en")]
        )
        if "tags" in self.caps:
            assert back[0].source == tagged
            if self.FORMAT != "pot":
                assert back[0].target == tagged
        else:  # PO has no inline markup: the native codes stay in the text
            assert back[0].source.text == "".join(p if isinstance(p, str) else p.code for p in tagged.parts)

    def test_notes_context_and_fuzzy_round_trip(self, tmp_path):
        u = unit(
            "генсек",
            "General Secretary",
            id="n1" if "ids" in self.caps else None,
            notes=["Проверено по стенограмме."],
            comments=["из главы 2"],
            context="party",
            fuzzy=True,
        )
        back = self.round_trip(tmp_path, [u])[0]
        assert back.notes == u.notes
        assert back.comments == u.comments
        assert back.context == u.context
        assert back.fuzzy is (self.FORMAT != "pot")

    def test_plurals_round_trip_where_the_format_has_them(self, tmp_path):
        u = unit(
            "{n} делегат",
            "{n} delegate",
            source_plural=Segment.of("{n} делегата"),
            target_plurals=[Segment.of("{n} delegate"), Segment.of("{n} delegates")],
        )
        back = self.round_trip(tmp_path, [u])[0]
        if "plurals" in self.caps:
            assert self.expected(back) == self.expected(u)
        else:
            assert back.source.text == "{n} делегат" and back.source_plural is None

    def test_format_for_finds_this_format_from_the_file_name(self, tmp_path):
        path = self.path(tmp_path)
        write_tm([unit("a", "b")], path, self.FORMAT, source_lang="ru", target_lang="en")
        assert format_for(path).id == self.FORMAT

    def test_failed_write_leaves_the_old_file_untouched(self, tmp_path):
        path = self.path(tmp_path)
        write_tm([unit("старое", "old")], path, self.FORMAT, source_lang="ru", target_lang="en")
        before = path.read_bytes()

        def broken():
            yield unit("новое", "new")
            raise RuntimeError("source went away")

        with pytest.raises(RuntimeError):
            write_tm(broken(), path, self.FORMAT, source_lang="ru", target_lang="en")
        assert path.read_bytes() == before
        assert os.listdir(tmp_path) == [path.name]  # no temp file left behind

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.differing_executors],
    )
    @given(data=st.data())
    def test_units_write_then_read_give_the_same_units(self, tmp_path_factory, data):
        # gettext holds one entry per msgctxt + msgid (the writer renames repeats, tested elsewhere)
        unique = (lambda u: (u.context, u.source.text)) if self.FORMAT in ("po", "pot") else None
        if self.FORMAT in ("xliff", "xliff2"):  # XLIFF ids are unique in a file (the writer renames repeats)
            unique = lambda u: u.id  # noqa: E731
        units = data.draw(st.lists(units_for(self.FORMAT, self.caps), max_size=4, unique_by=unique))
        tmp = tmp_path_factory.mktemp(self.FORMAT)
        back = self.round_trip(tmp, units)
        assert [self.expected(u) for u in back] == [self.expected(u) for u in units]


def tagged_segment(fmt: str):
    """Text interleaved with tags the format's own reader would produce."""

    def tag_group(n: int):
        if fmt in ("xliff",):
            return st.sampled_from(
                [
                    [Tag("x", "empty", str(n), (("id", str(n)),))],
                    [Tag("g", "open", str(n), (("id", str(n)),)), "в", Tag("g", "close", str(n))],
                ]
            )
        if fmt == "xliff2":
            return st.sampled_from(
                [
                    [Tag("ph", "empty", str(n), (("id", str(n)),))],
                    [Tag("pc", "open", str(n), (("id", str(n)),)), "в", Tag("pc", "close", str(n))],
                ]
            )
        return st.sampled_from(
            [
                [Tag("ph", "empty", str(n), (("x", str(n)),), "<br/>")],
                [
                    Tag("bpt", "open", str(n), (("i", str(n)),), "<b>"),
                    "ж",
                    Tag("ept", "close", str(n), (("i", str(n)),), "</b>"),
                ],
                [Tag("hi", "open", None, (("type", "em"),)), "я", Tag("hi", "close")],
            ]
        )

    return st.lists(
        st.one_of(TEXT.map(lambda t: [t]), st.integers(1, 9).flatmap(tag_group)), min_size=1, max_size=5
    ).map(lambda chunks: Segment([p for c in chunks for p in c]))


@st.composite
def units_for(draw, fmt: str, caps: set[str]):
    plain = TEXT.map(Segment.of)
    seg = tagged_segment(fmt) if "tags" in caps else plain
    source = draw(seg.filter(lambda s: s.text.strip() != "" or s.has_tags))
    if fmt in ("po", "pot"):
        source = draw(plain)
    target = draw(st.one_of(st.just(Segment()), seg if "tags" in caps else plain))
    u = TranslationUnit(source, target, source_lang="ru", target_lang="en")
    if "ids" in caps:
        u.id = f"u{draw(st.integers(0, 10**6))}"
    if "notes" in caps:
        u.notes = draw(st.lists(LINE, max_size=2))
    if "comments" in caps:
        u.comments = draw(st.lists(LINE, max_size=2))
    if "context" in caps:
        u.context = draw(st.none() | LINE)
    if "fuzzy" in caps and u.target:
        u.fuzzy = draw(st.booleans())
    if "approved" in caps and u.target and not u.fuzzy:
        u.flags = draw(st.sampled_from([[], ["approved"]]))
    if "flags" in caps:
        u.flags = draw(
            st.lists(st.sampled_from(["c-format", "python-format", "no-wrap"]), unique=True, max_size=2)
        )
    if "references" in caps:
        u.references = draw(
            st.lists(st.sampled_from(["src/a.c:12", "doc/index.rst:3"]), unique=True, max_size=2)
        )
    if "props" in caps:
        u.props = draw(
            st.lists(st.tuples(st.sampled_from(["x-domain", "file", "x-project"]), LINE), max_size=2)
        )
    if "dates" in caps:
        u.created = draw(st.none() | st.just("20240102T030405Z"))
        u.creator = draw(st.none() | st.sampled_from(["anna", "борис"]))
    if "plurals" in caps and draw(st.booleans()):
        u.source_plural = draw(plain)
        # as many forms as the target language (en) has: a PO writer gives it exactly nplurals
        u.target_plurals = draw(st.lists(plain, min_size=2, max_size=2))
        u.target = u.target_plurals[0]
    if "obsolete" in caps and not (u.source_plural or u.comments or u.references):  # gettext drops them
        u.obsolete = draw(st.booleans())
    if "previous" in caps and u.fuzzy and not u.obsolete:
        u.previous_source = draw(st.none() | LINE)
    return u


def test_every_registered_format_has_a_contract_subclass():
    covered = {cls.FORMAT for cls in TMFormatContract.__subclasses__()}
    assert covered == set(FORMATS)


class TestTMX(TMFormatContract):
    FORMAT = "tmx"


class TestPO(TMFormatContract):
    FORMAT = "po"


class TestPOT(TMFormatContract):
    FORMAT = "pot"


class TestXLIFF12(TMFormatContract):
    FORMAT = "xliff"


class TestXLIFF2(TMFormatContract):
    FORMAT = "xliff2"


class TestCSV(TMFormatContract):
    FORMAT = "csv"


class TestTSV(TMFormatContract):
    FORMAT = "tsv"


class TestXLSX(TMFormatContract):
    FORMAT = "xlsx"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_tmx_written_from_any_tag_vocabulary_is_dtd_valid_and_keeps_text(tmp_path_factory, data):
    from lxml import etree

    from tm.formats.tmx import DTD_PATH

    vocabulary = data.draw(st.sampled_from(["tmx", "xliff", "xliff2"]))
    units = data.draw(st.lists(units_for(vocabulary, CAPABILITIES["tmx"]), min_size=1, max_size=3))
    out = tmp_path_factory.mktemp("dtd") / "any.tmx"
    write_tm(units, out, source_lang="ru", target_lang="en")
    dtd = etree.DTD(str(DTD_PATH))
    assert dtd.validate(etree.parse(str(out))), dtd.error_log.filter_from_errors()
    back = list(iter_units(out))
    assert [(u.source.text, u.target.text) for u in back] == [(u.source.text, u.target.text) for u in units]
