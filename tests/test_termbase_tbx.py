"""TBX v3 and v2: schema validity of what we write, the readers on both styles, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from glossary.core.errors import ParseError
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.formats.tbx import RNG_PATH, relaxng, schema_errors

DATA = Path(__file__).parent / "data" / "termbase"


def test_shipped_schema_carries_its_provenance():
    note = RNG_PATH.with_name(RNG_PATH.name + ".txt").read_text(encoding="utf-8")
    assert "LTAC-Global/TBX-Basic_dialect" in note and "7b3d903" in note


def test_written_tbx_v3_validates_against_the_official_rng(tmp_path):
    out = tmp_path / "sample.tbx"
    write_termbase(read_termbase(DATA / "sample.json"), out)
    schema = relaxng()
    assert schema.validate(etree.parse(str(out))), schema.error_log
    assert schema_errors(out) == []


def test_schema_check_reports_lines_of_an_invalid_file(tmp_path):
    bad = tmp_path / "bad.tbx"
    bad.write_text(
        V3.format(
            entry='<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>'
            '<termNote type="usageStatus">admitted</termNote></termSec></langSec>'
            "</conceptEntry>"
        ),
        encoding="utf-8",
    )
    errors = schema_errors(bad)
    assert errors and all(e.line for e in errors)


def test_dca_and_dct_styles_read_to_the_same_model():
    dca = read_termbase(DATA / "v3_dca.tbx")
    dct = read_termbase(DATA / "v3_dct.tbx")
    assert dca.concepts == dct.concepts
    politburo = dca.get("politburo")
    assert politburo.definition == "The small standing body of the Central Committee that made policy."
    assert politburo.sources == ["fixture notes"] and politburo.see_also == ["orgburo"]
    assert [(t.lang, t.text, t.status.value) for t in politburo.terms] == [
        ("ru", "политбюро", "preferred"),
        ("en", "Politburo", "preferred"),
        ("en", "Political Bureau", "admitted"),
    ]
    assert politburo.terms[0].gender == "neuter"
    assert dca.get("orgburo").definition == "The bureau that handled appointments."  # from langSec
    assert dca.title == "Party organs"


def test_v2_tool_export_loads_with_repeated_ids_empty_terms_and_untyped_descrip():
    tb = read_termbase(DATA / "v2_tool_export.tbx")
    assert [c.id for c in tb] == ["1", "collective-farm", "state-farm", "komsomol", "obkom"]
    assert tb.get("collective-farm").definition == "A farm run jointly by its members."
    assert [t.lang for t in tb.get("state-farm").terms] == ["en"]  # the empty <term/> is skipped
    assert tb.get("komsomol").notes == ["The K and o are Latin letters here."]
    obkom = tb.get("obkom")
    assert obkom.terms[0].part_of_speech == "noun" and obkom.sources == ["own notes"]
    assert obkom.terms[1].status.value == "admitted"


def test_slovnik_fields_travel_as_prefixed_notes_and_come_back(tmp_path):
    tb = read_termbase(DATA / "sample.json")
    tb.get("obkom").notes.append("slovnik: a user note that looks like ours")
    out = tmp_path / "x.tbx"
    write_termbase(tb, out)
    text = out.read_text(encoding="utf-8")
    assert "<note>slovnik:conceptType=organization</note>" in text
    assert "<note>slovnik:conventional=Trotsky</note>" in text
    assert "<note>slovnik:romanization:lc=Trotskii</note>" in text
    assert "<note>slovnik:grammaticalNumber=plural</note>" in text
    assert 'id="_1937"' in text  # an id that is not an XML name gets a "_"
    assert read_termbase(out).concepts == tb.concepts


V3 = (
    '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
    'xmlns="urn:iso:std:iso:30042:ed-2">\n<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc>'
    "</fileDesc></tbxHeader>\n<text><body>\n{entry}\n</body></text></tbx>\n"
)
TERM = '<langSec xml:lang="en"><termSec><term>x</term></termSec></langSec>'

BAD_V3 = {
    "two terms in one termSec": (
        '<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>\n<term>y</term>'
        "</termSec></langSec></conceptEntry>",
        6,
        "more than one <term>",
    ),
    "term not first": (
        '<conceptEntry id="a"><langSec xml:lang="en"><termSec><note>n</note><term>x</term>'
        "</termSec></langSec></conceptEntry>",
        5,
        "<term> must come first",
    ),
    "partOfSpeech off the picklist": (
        '<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>\n'
        '<termNote type="partOfSpeech">nominal</termNote></termSec></langSec></conceptEntry>',
        6,
        "partOfSpeech 'nominal' is not an allowed value",
    ),
    "definition at term level": (
        '<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>\n'
        '<descrip type="definition">d</descrip></termSec></langSec></conceptEntry>',
        6,
        "definition is not allowed at term level",
    ),
    "admin without type": (
        f'<conceptEntry id="a">\n<admin>x</admin>{TERM}</conceptEntry>',
        6,
        "<admin> has no type attribute",
    ),
    "two descrips in one group": (
        f'<conceptEntry id="a"><descripGrp><descrip type="definition">a</descrip>\n'
        f'<descrip type="definition">b</descrip></descripGrp>{TERM}</conceptEntry>',
        6,
        "more than one <descrip> in one <descripGrp>",
    ),
    "wrong transac type": (
        f'<conceptEntry id="a"><transacGrp>\n<transac type="creation">x</transac></transacGrp>{TERM}'
        "</conceptEntry>",
        6,
        "transac type 'creation' is not allowed",
    ),
    "unknown usageStatus": (
        '<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>\n'
        '<termNote type="usageStatus">sometimes</termNote></termSec></langSec></conceptEntry>',
        6,
        "usageStatus 'sometimes' is not an allowed value",
    ),
    "repeated conceptEntry id": (
        f'<conceptEntry id="a">{TERM}</conceptEntry>\n<conceptEntry id="a">{TERM}</conceptEntry>',
        6,
        "duplicate conceptEntry id 'a' (first at line 5)",
    ),
    "langSec without language": (
        '<conceptEntry id="a">\n<langSec><termSec><term>x</term></termSec></langSec></conceptEntry>',
        6,
        "<langSec> has no xml:lang",
    ),
    "end tag missing": (
        f'<conceptEntry id="a">{TERM}\n<note>open</conceptEntry>',
        6,
        "invalid XML: closing tag",
    ),
}


@pytest.mark.parametrize("case", list(BAD_V3), ids=list(BAD_V3))
def test_bad_tbx_gives_a_one_line_error_with_the_line(tmp_path, case):
    entry, line, message = BAD_V3[case]
    path = tmp_path / "bad.tbx"
    path.write_text(V3.format(entry=entry), encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    assert err.value.line == line
    assert message in err.value.message
    assert "\n" not in str(err.value) and str(err.value).startswith(f"{path}:{line}: ")


def test_text_outside_p_in_the_header_is_reported(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text(
        V3.format(entry=f'<conceptEntry id="a">{TERM}</conceptEntry>').replace(
            "<sourceDesc><p>t</p></sourceDesc>", "<sourceDesc>bare text</sourceDesc>"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match=r":3: text directly in <sourceDesc>"):
        read_termbase(path)


def test_element_out_of_place_in_text_is_reported(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text(
        V3.format(entry=f'<conceptEntry id="a">{TERM}</conceptEntry>').replace(
            "<text><body>", '<text>\n<admin type="source">x</admin><body>'
        ),
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match=r":5: unexpected <admin> in <text>"):
        read_termbase(path)


def test_not_a_tbx_root_is_reported(tmp_path):
    path = tmp_path / "x.tbx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"/>\n', encoding="utf-8")
    with pytest.raises(ParseError, match=r"x.tbx:2: not a TBX file: root element is <tmx>"):
        read_termbase(path)


XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE martif [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
    '<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>&secret;</term>'
    "</tig></langSet></termEntry></body></text></martif>\n"
)
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10)
    )
    + ']>\n<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol9;'
    "</term></tig></langSet></termEntry></body></text></martif>\n"
)


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_declarations_are_refused_in_one_line(tmp_path, payload):
    path = tmp_path / "attack.tbx"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(ParseError) as err:
        read_termbase(path)
    assert err.value.line == 3  # the first entity declaration
    assert "DOCTYPE declares entities" in str(err.value) and "\n" not in str(err.value)


def test_undeclared_entity_is_an_error_not_a_lookup(tmp_path):
    path = tmp_path / "ext.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://example.invalid/x.dtd">\n'
        '<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig>'
        "<term>&ext;</term></tig></langSet></termEntry></body></text></martif>\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="invalid XML"):
        read_termbase(path)
