"""The TMX and PO readers' shortcuts give what their general paths give.

The TMX reader reads a plain `<seg>` without walking inline markup, takes the two tuvs of a unit as
they stand when their languages are exactly the expected ones, and looks up dates, notes and props
only where the element has any; the inline reader skips normalising parts that need none; the PO
reader screens the text for unterminated strings with one regex. Each test here sets a shortcut
against the general rule it stands in for, on the cases where a careless shortcut would differ.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from glossary.core.errors import ParseError
from glossary.core.textfile import _MAYBE_UNTERMINATED, _unterminated_line, refuse_unterminated_po_strings
from tm.formats import iter_units, tmx, xliff
from tm.formats._inline import read_parts, read_segment
from tm.formats._xml import XML_LANG
from tm.model import Segment, Tag, TranslationUnit


def _doc(tus: str, srclang: str = "ru", target: str | None = "en", header_props: str = "") -> bytes:
    prop = f'<prop type="x-target-language">{target}</prop>' if target else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header srclang="{srclang}" '
        f'creationtool="t" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext">'
        f"{prop}{header_props}</header>\n<body>\n{tus}\n</body>\n</tmx>\n"
    ).encode()


def _read(
    doc: bytes, source_lang: str | None = None, target_lang: str | None = None, header: dict | None = None
) -> list[TranslationUnit]:
    reader = tmx._Reader(
        Path("mem.tmx"), source_lang, target_lang, {} if header is None else header, source=io.BytesIO(doc)
    )
    return list(reader.units())


def _tu(*tuvs: tuple[str, str], attrs: str = "", extra: str = "") -> str:
    return (
        f"<tu{attrs}>{extra}"
        + "".join(f'<tuv xml:lang="{lang}"><seg>{text}</seg></tuv>' for lang, text in tuvs)
        + "</tu>"
    )


def _general_segment(el) -> Segment:
    return Segment(read_parts(el, tmx.SPEC)).normalized() if el is not None else Segment()


# --- plain segs ----------------------------------------------------------------------------------

SEGS = [
    "<seg/>",
    "<seg></seg>",
    "<seg> </seg>",
    "<seg>\n   \t</seg>",
    "<seg>Доклад Ежова</seg>",
    "<seg><![CDATA[]]></seg>",
    "<seg><![CDATA[<b>]]> и &amp; &#1103;</seg>",
    '<seg>до <ph x="1">&lt;br/&gt;</ph> после</seg>',
    '<seg><ph x="1"/></seg>',
    '<seg><bpt i="1">&lt;b&gt;</bpt>Ежов<ept i="1">&lt;/b&gt;</ept></seg>',
    '<seg><hi x="1">выделено</hi></seg>',
    "<seg> <ph>a<sub>внутри</sub>b</ph> </seg>",
]


@pytest.mark.parametrize("seg", SEGS)
def test_a_seg_reads_as_the_general_inline_reader_reads_it(seg):
    tuv = etree.fromstring(f'<tuv xml:lang="ru">{seg}</tuv>')
    expected = _general_segment(tuv[0])
    assert repr(read_segment(tmx._seg(tuv), tmx.SPEC)) == repr(expected)  # as the reader finds the seg
    assert repr(read_segment(tuv[0], tmx.SPEC)) == repr(expected)


def test_empty_and_blank_segs_keep_their_text_and_nothing_more():
    units = _read(_doc(_tu(("ru", ""), ("en", " ")) + _tu(("ru", "\n  "), ("en", "<![CDATA[]]>"))))
    assert [(u.source.parts, u.target.parts) for u in units] == [([], [" "]), (["\n  "], [])]


def test_a_seg_after_a_note_in_its_tuv_is_still_found():
    doc = _doc(
        '<tu><tuv xml:lang="ru"><note>n</note><seg>Ежов</seg></tuv>'
        '<tuv xml:lang="en"><seg>Yezhov</seg><note>m</note></tuv></tu>'
    )
    (unit,) = _read(doc)
    assert (unit.source.text, unit.target.text, unit.notes) == ("Ежов", "Yezhov", ["n", "m"])


@pytest.mark.parametrize(
    "content, parts",
    [
        ("а<!-- c -->б", ["аб"]),
        ("<!-- c -->б", ["б"]),
        ("а<?pi x?>б<!-- c --><ph x='1'/>в", ["аб", Tag("ph", "empty", "1", (("x", "1"),)), "в"]),
        ("<hi>а<!-- c -->б</hi>", [Tag("hi", "open"), "аб", Tag("hi", "close")]),
    ],
)
def test_text_on_both_sides_of_a_comment_is_one_string(content, parts):
    el = etree.fromstring(f"<seg>{content}</seg>")  # a tree parsed with comments (write-back does)
    segment = read_segment(el, tmx.SPEC)
    assert segment.parts == parts
    assert repr(segment) == repr(Segment(read_parts(el, tmx.SPEC)).normalized())


def test_xliff_inline_parts_are_the_normalised_general_parts():
    q = f"{{{xliff.NS}}}"
    el = etree.fromstring(
        f'<source xmlns="{xliff.NS}">а <g id="1">б<x id="2"/>в</g><bpt id="3">&lt;b&gt;'
        f'<sub>г</sub>д</bpt><mrk mtype="term" mid="m">е</mrk><foo>ж</foo><bar/></source>'
    )
    segment = read_segment(el, xliff.SPEC)
    assert repr(segment) == repr(Segment(read_parts(el, xliff.SPEC)).normalized())
    assert segment.text == "а бвгеж" and el.tag == q + "source"


def test_an_empty_kind_with_stray_text_stays_one_empty_tag_and_an_unknown_one_becomes_a_pair():
    el = etree.fromstring(f'<source xmlns="{xliff.NS}"><x id="1">stray</x><foo>kept</foo></source>')
    assert read_segment(el, xliff.SPEC).parts == [
        Tag("x", "empty", "1", (("id", "1"),)),
        Tag("foo", "open"),
        "kept",
        Tag("foo", "close"),
    ]


# --- which tuv is the source, which the target -------------------------------------------------


def test_tuv_languages_in_another_case_are_matched_and_kept_as_written():
    (unit,) = _read(_doc(_tu(("RU", "Ежов"), ("En-Us", "Yezhov")), srclang="ru", target="en-us"))
    assert (unit.source.text, unit.source_lang, unit.target.text, unit.target_lang) == (
        "Ежов",
        "RU",
        "Yezhov",
        "En-Us",
    )


def test_an_exact_tag_wins_over_an_earlier_primary_subtag_match():
    # "ru-RU" comes first but only shares the primary subtag; "RU" is the source tag itself
    (unit,) = _read(
        _doc(_tu(("ru-RU", "региональный"), ("RU", "основной")), srclang="ru", target=None),
        target_lang="ru-RU",
    )
    assert (unit.source.text, unit.target.text) == ("основной", "региональный")


def test_primary_subtags_match_when_no_tag_matches_exactly():
    (unit,) = _read(_doc(_tu(("ru-RU", "Ежов"), ("en-GB", "Yezhov")), srclang="ru", target="en-US"))
    assert (unit.source_lang, unit.target_lang, unit.target.text) == ("ru-RU", "en-GB", "Yezhov")


def test_target_before_source_is_read_the_right_way_round():
    (unit,) = _read(_doc(_tu(("en", "Yezhov"), ("ru", "Ежов"))))
    assert (unit.source.text, unit.target.text) == ("Ежов", "Yezhov")


def test_of_three_tuvs_the_target_is_the_one_in_the_target_language():
    units = _read(
        _doc(
            _tu(("ru", "Ежов"), ("de", "Jeschow"), ("en", "Yezhov"))
            + _tu(("ru", "Сталин"), ("en", "Stalin"), ("de", "Stalin (de)"))
        )
    )
    assert [(u.target.text, u.target_lang) for u in units] == [("Yezhov", "en"), ("Stalin", "en")]


def test_without_a_named_target_language_the_last_one_seen_is_preferred():
    units = _read(
        _doc(
            _tu(("ru", "а"), ("de", "A"))
            + _tu(("ru", "б"), ("en", "B"), ("de", "B (de)"))
            + _tu(("ru", "в"), ("en", "C")),
            target=None,
        )
    )
    assert [u.target_lang for u in units] == ["de", "de", "en"]


def test_source_and_target_in_the_same_language_take_the_tuvs_in_order():
    (unit,) = _read(_doc(_tu(("ru", "первый"), ("ru", "второй")), target="ru"))
    assert (unit.source.text, unit.target.text) == ("первый", "второй")


def test_a_unit_with_no_source_tuv_is_skipped_and_one_without_target_has_an_empty_one():
    units = _read(
        _doc(_tu(("en", "only English"), ("de", "nur Deutsch")) + _tu(("ru", "один"))), target_lang="en"
    )
    assert [(u.source.text, u.target, u.target_lang) for u in units] == [("один", Segment(), "en")]


def test_a_tu_srclang_overrides_the_header():
    (unit,) = _read(_doc(_tu(("en", "Yezhov"), ("ru", "Ежов"), attrs=' srclang="en"'), target="ru"))
    assert (unit.source_lang, unit.source.text, unit.target.text) == ("en", "Yezhov", "Ежов")


# --- dates, notes and props ----------------------------------------------------------------------


def test_dates_are_read_from_the_tu_then_the_target_then_the_source():
    doc = _doc(
        '<tu tuid="1" creationdate="20200101T000000Z"><tuv xml:lang="ru" creationid="ann" '
        'changeid="src"><seg>а</seg></tuv><tuv xml:lang="en" changeid="bob"><seg>a</seg></tuv></tu>'
    )
    (unit,) = _read(doc)
    assert (unit.created, unit.changed, unit.creator, unit.changer) == (
        "20200101T000000Z",
        None,
        "ann",
        "bob",
    )


def test_a_date_on_the_tuv_alone_is_found():
    (unit,) = _read(
        _doc(
            '<tu tuid="9"><tuv xml:lang="ru"><seg>а</seg></tuv>'
            '<tuv xml:lang="en" changedate="20210202T000000Z"><seg>a</seg></tuv></tu>'
        )
    )
    assert unit.changed == "20210202T000000Z"


def test_tuid_and_srclang_alone_are_no_dates():
    (unit,) = _read(_doc(_tu(("ru", "а"), ("en", "a"), attrs=' tuid="t1" srclang="ru"')))
    assert (unit.id, unit.created, unit.changed, unit.creator, unit.changer) == ("t1", None, None, None, None)


def test_props_and_notes_of_the_tu_and_of_every_tuv_are_read():
    doc = _doc(
        '<tu><note>tu note</note><prop type="file">a.txt</prop><prop type="x-context">ctx</prop>'
        '<tuv xml:lang="ru"><prop type="p">v</prop><seg>а</seg></tuv>'
        '<tuv xml:lang="de"><note>de note</note><seg>A</seg></tuv>'
        '<tuv xml:lang="en"><seg>a</seg></tuv></tu>'
    )
    (unit,) = _read(doc)
    assert (unit.notes, unit.props, unit.context) == (["tu note", "de note"], [("file", "a.txt")], "ctx")


def test_header_props_are_read_and_tu_props_stay_out_of_the_header():
    header: dict = {}
    units = _read(
        _doc(
            _tu(("ru", "а"), ("en", "a"), extra='<prop type="x-context">c</prop>'),
            target="en-GB",
            header_props='<prop type="project">p</prop>',
        ),
        header=header,
    )
    assert header["target_lang"] == "en-GB" and header["prop:project"] == "p"
    assert not any(k == "prop:x-context" for k in header)
    assert units[0].context == "c"


# --- every shortcut at once, against the general rule ---------------------------------------------


def _pick_general(tuvs, lang, exclude=None):
    """The documented rule: the first tuv whose tag equals *lang* ignoring case, else the first
    whose primary subtag does; without *lang*, the first tuv."""
    candidates = [t for t in tuvs if t is not exclude]
    if lang is None:
        return candidates[0] if candidates else None
    for key in (str.lower, lambda tag: tag.split("-")[0].lower()):
        for t in candidates:
            if key(t[0]) == key(lang):
                return t
    return None


def _general_units(doc: bytes, source_lang, target_lang) -> list[TranslationUnit]:
    """What the reader yields, computed the slow way: whole tree, no shortcut."""
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, resolve_entities=False)
    root = etree.fromstring(doc, parser)
    header = root.find("header")
    last = target_lang
    for prop in header.iterchildren("prop"):
        if prop.get("type") == "x-target-language" and prop.text and target_lang is None:
            last = prop.text
    reader = tmx._Reader(Path("mem.tmx"), source_lang, target_lang, {})
    out = []
    for tu in root.iter("tu"):
        tuvs = [(t.get(XML_LANG) or t.get("lang"), t) for t in tu if t.tag == "tuv"]
        if not tuvs:
            continue
        srclang = tu.get("srclang") or header.get("srclang")
        srclang = source_lang if srclang == "*all*" else srclang
        source = _pick_general(tuvs, srclang)
        if source is None:
            continue
        target = _pick_general(tuvs, target_lang or last, exclude=source)
        if target is None and target_lang is None:
            target = _pick_general(tuvs, None, exclude=source)
        if target is not None:
            last = target[0]
        segs = [tmx._seg(t[1]) if t else None for t in (source, target)]
        unit = TranslationUnit(
            source=_general_segment(segs[0]),
            target=_general_segment(segs[1]),
            id=tu.get("tuid"),
            source_lang=source[0],
            target_lang=target[0] if target else last,
            origin="mem.tmx",
            line=tu.sourceline,
        )
        for attr, name in tmx._DATES:
            value = tu.get(attr) or (target[1].get(attr) if target else None) or source[1].get(attr)
            if value:
                setattr(unit, name, value)
        reader._extras(unit, tu, [t for _, t in tuvs])
        out.append(unit)
    return out


LANGS = ["ru", "RU", "ru-RU", "ru-ru", "Ru-rU", "en", "EN", "en-US", "en-us", "en-GB", "de", "DE-de"]
FRAGMENTS = [
    "Ежов",
    "",
    " ",
    "\n ",
    "a &amp; b",
    '<ph x="1">&lt;br/&gt;</ph>',
    "<ph/>",
    '<bpt i="1">&lt;b&gt;</bpt>',
    '<ept i="1">&lt;/b&gt;</ept>',
    "<hi>в</hi>",
    "<!-- c -->",
    "<?pi x?>",
    "<![CDATA[<cd>]]>",
    "<ph>a<sub>b</sub>c</ph>",
]
TUV_ATTRS = ["", ' creationid="ann"', ' changedate="20210101T000000Z"', ' o-encoding="utf8"']
TU_ATTRS = [
    "",
    ' tuid="t"',
    ' tuid=""',
    ' srclang="ru"',
    ' srclang="EN"',
    ' srclang="*all*"',
    ' creationdate="20200101T000000Z"',
    ' usagecount="2"',
    ' tuid="q" changeid="bob"',
]
EXTRAS = [
    "",
    "<note>n</note>",
    '<prop type="x-context">c</prop>',
    '<prop type="id">k</prop>',
    '<prop type="x-fuzzy">true</prop>',
    "<!-- between -->",
]

tuv_st = st.builds(
    lambda lang, attrs, before, content: (
        f'<tuv xml:lang="{lang}"{attrs}>{before}<seg>' + "".join(content) + "</seg></tuv>"
    ),
    st.sampled_from(LANGS),
    st.sampled_from(TUV_ATTRS),
    st.sampled_from(["", "", "<note>t</note>"]),
    st.lists(st.sampled_from(FRAGMENTS), max_size=3),
)
tu_st = st.builds(
    lambda attrs, extra, tuvs: f"<tu{attrs}>{extra}{''.join(tuvs)}</tu>",
    st.sampled_from(TU_ATTRS),
    st.sampled_from(EXTRAS),
    st.lists(tuv_st, max_size=4),
)


@settings(max_examples=300)
@given(
    tus=st.lists(tu_st, min_size=1, max_size=6),
    srclang=st.sampled_from(["ru", "RU", "ru-RU", "*all*", "en"]),
    target=st.sampled_from([None, "en", "EN-us", "de"]),
    source_lang=st.sampled_from([None, "ru", "EN"]),
    target_lang=st.sampled_from([None, "en", "En-GB", "ru"]),
)
def test_the_reader_yields_what_the_general_rules_give(tus, srclang, target, source_lang, target_lang):
    doc = _doc("\n".join(tus), srclang=srclang, target=target)
    got = _read(doc, source_lang, target_lang)
    assert [repr(u) for u in got] == [repr(u) for u in _general_units(doc, source_lang, target_lang)]


# --- PO: the unterminated-string screen -----------------------------------------------------------


def _refused(text: str) -> bool:
    try:
        refuse_unterminated_po_strings(Path("x.po"), text)
    except ParseError:
        return True
    return False


PO_TOKENS = [
    "msgid",
    "msgstr",
    "msgstr[0]",
    "msgstr[12]",
    "msgctxt",
    "msgid_plural",
    "#~",
    "#",
    "#|",
    " ",
    "\t",
    "\v",
    "\f",
    "\r",
    "\x85",
    "\xa0",
    "\u2028",
    '"',
    "\\",
    "a",
    "я",
    '"\\"',
    "\\n",
    "[",
    "]",
    "٣",
]


@pytest.mark.parametrize(
    "text, refused",
    [
        ('msgid "Ежов"\nmsgstr "Yezhov"\n', False),
        ('msgid "Ежов\nmsgstr "Yezhov"\n', True),
        ('msgid "a\\"\nmsgstr ""\n', True),
        ('msgid "a\\\\"\nmsgstr ""\n', False),
        ('#~ msgid "old"  \r\n#~ msgstr "alt\n', True),
        ('msgid ""\n"continued \\"quoted\\" "\t\nmsgstr ""\n', False),
        ('"', True),
        ('msgid "a" "b"\n', True),
        ('# msgid "not a string line\n', False),
        ('msgstr[1] "x\\\n', True),
    ],
)
def test_the_screen_finds_exactly_the_lines_the_check_refuses(text, refused):
    assert _refused(text) is refused
    assert (_unterminated_line(text) is not None) is refused
    assert (_MAYBE_UNTERMINATED.search("\n" + text) is not None) is refused


@settings(max_examples=400)
@given(st.lists(st.lists(st.sampled_from(PO_TOKENS), max_size=8).map("".join), min_size=1, max_size=4))
def test_the_screen_agrees_with_the_line_by_line_check(lines):
    text = "\n".join(lines)
    assert (_MAYBE_UNTERMINATED.search("\n" + text) is not None) is (_unterminated_line(text) is not None)


# --- PO: units set only what an entry has --------------------------------------------------------


def test_po_entries_with_and_without_comments_flags_and_history(tmp_path):
    path = tmp_path / "m.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        'msgid "Ежов"\nmsgstr "Yezhov"\n\n'
        "# note one\n# note two\n#. extracted\n#: a.py:3 b.py\n#, fuzzy, python-format\n"
        '#| msgctxt ""\n#| msgid ""\nmsgctxt "ctx"\nmsgid "Сталин"\nmsgstr "Stalin"\n\n'
        '#, fuzzy\nmsgid "НКВД"\nmsgid_plural "НКВД (мн.)"\nmsgstr[0] "NKVD"\nmsgstr[1] ""\n\n'
        '#~ msgid "старое"\n#~ msgstr "old"\n',
        encoding="utf-8",
    )
    plain, full, plural, old = iter_units(path)
    assert plain == TranslationUnit(
        Segment(["Ежов"]), Segment(["Yezhov"]), source_lang="ru", target_lang="en", origin="m.po", line=6
    )
    assert (full.notes, full.comments, full.references, full.flags, full.fuzzy) == (
        ["note one", "note two"],
        ["extracted"],
        ["a.py:3", "b.py"],
        ["python-format"],
        True,
    )
    assert (full.previous_source, full.previous_context, full.context) == ("", "", "ctx")
    assert (plural.flags, plural.fuzzy, plural.source_plural, plural.target) == (
        [],
        True,
        Segment(["НКВД (мн.)"]),
        Segment(["NKVD"]),
    )
    assert (
        plural.target_plurals == [Segment(["NKVD"]), Segment()] and plural.target is plural.target_plurals[0]
    )
    assert (old.obsolete, old.fuzzy, old.previous_source, old.notes) == (True, False, None, [])
