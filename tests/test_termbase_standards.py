"""Written termbases against the standards' own checkers: TBX-Basic Schematron, msgfmt, translate-toolkit.

The RELAX NG half of TBX-Basic is tested in test_termbase_tbx.py; here the DCA Schematron (the
other half of conformance: picklists, levels, internal links) runs through saxonche (XSLT 3), and the
PO and TBX v2 files go through the tools translators actually use.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from glossary.termbase import STARTER_PATH
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.model import Concept, ConceptType, Status, Term, Termbase

DATA = Path(__file__).parent / "data" / "termbase"
SCH_NS = "{http://purl.oclc.org/dsdl/schematron}"


def schematron_xslt(sch_path: Path) -> str:
    """Compile ISO Schematron (xslt2 binding, patterns/rules/asserts) to an XSLT that prints failures.

    As the ISO skeleton does: one mode per pattern, rules in order (the first matching rule of a
    pattern fires, hence descending priorities), each failed assert printed as `path: message`.
    """
    sch = etree.parse(str(sch_path)).getroot()
    ns = "".join(f' xmlns:{n.get("prefix")}="{n.get("uri")}"' for n in sch.iter(SCH_NS + "ns"))

    def attr(text: str) -> str:
        return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")

    patterns = list(sch.iter(SCH_NS + "pattern"))
    out = [
        f'<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"{ns}>',
        '<xsl:output method="text"/><xsl:template match="/">',
    ]
    out += [f'<xsl:apply-templates select="/" mode="p{i}"/>' for i in range(len(patterns))]
    out.append("</xsl:template>")
    for i, pattern in enumerate(patterns):
        for k, rule in enumerate(pattern.iter(SCH_NS + "rule")):
            out.append(
                f'<xsl:template match="{attr(rule.get("context"))}" mode="p{i}" priority="{1000 - k}">'
            )
            for check in rule.iter(SCH_NS + "assert"):
                message = attr(" ".join("".join(check.itertext()).split()))
                out.append(
                    f'<xsl:if test="not({attr(check.get("test"))})"><xsl:value-of select="path()"/>'
                    f"<xsl:text>: {message}&#10;</xsl:text></xsl:if>"
                )
            out.append(f'<xsl:apply-templates select="@*|node()" mode="p{i}"/></xsl:template>')
        out.append(
            f'<xsl:template match="@*|node()" mode="p{i}" priority="-10">'
            f'<xsl:apply-templates select="@*|node()" mode="p{i}"/></xsl:template>'
        )
    out.append("</xsl:stylesheet>")
    return "\n".join(out)


@pytest.fixture(scope="module")
def schematron():
    saxonche = pytest.importorskip("saxonche", reason="the Schematron check needs saxonche (XSLT 2+)")
    processor = saxonche.PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(
        stylesheet_text=schematron_xslt(DATA / "schemas" / "TBX-Basic_DCA.sch")
    )

    def failures(path: Path) -> list[str]:
        report = executable.transform_to_string(source_file=str(path)) or ""
        return [line for line in report.splitlines() if line.strip()]

    return failures


def hard_concepts() -> Termbase:
    """Every field the TBX mapping has to place, with ids and notes that are easy to get wrong."""
    return Termbase(
        title="Test",
        description="Notes: one\ntwo",
        concepts=[
            Concept(
                id="1937",
                type=ConceptType.EVENT,
                subject=["security"],
                definition="Year of the purge.",
                notes=["slovnik:looks like ours"],
                sources=["Conquest 1990"],
                tags=["core"],
                see_also=["nkvd", "missing-id"],
                terms=[
                    Term(
                        "Ежовщина",
                        "ru",
                        Status.PREFERRED,
                        part_of_speech="properNoun",
                        gender="feminine",
                        number="singular",
                        romanization={"lc": "Ezhovshchina"},
                        match="exact",
                        exclude=["ежовщина в колхозе", "/ежовщин\\w* & <не то>/"],
                        context=["НКВД", "slovnik:1937"],
                    ),
                    Term("Yezhovshchina", "en", Status.PREFERRED, note="the common English spelling"),
                    Term("the Great Terror", "en", Status.ADMITTED),
                    Term("Yezhov terror", "en", Status.SUPERSEDED),
                ],
            ),
            Concept(
                id="nkvd",
                type=ConceptType.ORGANIZATION,
                see_also=["1937"],
                terms=[
                    Term("НКВД", "ru", part_of_speech="phrase", conventional="NKVD"),
                    Term("NKVD", "en"),
                    Term("People's Commissariat", "en-GB", Status.DEPRECATED),
                ],
            ),
        ],
    )


@pytest.mark.parametrize("termbase", ["starter", "hard"])
def test_written_tbx_v3_passes_the_tbx_basic_dca_schematron(schematron, tmp_path, termbase):
    tb = read_termbase(STARTER_PATH) if termbase == "starter" else hard_concepts()
    out = tmp_path / "out.tbx"
    write_termbase(tb, out)
    assert schematron(out) == []


def test_schematron_runner_reports_a_file_that_breaks_the_rules(schematron, tmp_path):
    """The check can fail: a picklist violation and a DCT-style (foreign namespace) element are reported."""
    out = tmp_path / "out.tbx"
    write_termbase(hard_concepts(), out)
    text = out.read_text(encoding="utf-8")
    text = text.replace("preferredTerm-admn-sts", "bestTerm", 1).replace(
        '<conceptEntry id="nkvd">', '<conceptEntry id="nkvd"><x:grade xmlns:x="urn:example">A</x:grade>'
    )
    out.write_text(text, encoding="utf-8")
    failures = schematron(out)
    assert any("administrativeStatus" in f for f in failures)
    assert any("DCT style elements are not permitted" in f for f in failures)


def test_written_tbx_v2_is_read_by_translate_toolkit(tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx", reason="translate-toolkit is in the bench extra")
    out = tmp_path / "out.tbx"
    write_termbase(hard_concepts(), out, "tbx2")
    store = tbx.tbxfile.parsefile(str(out))
    assert [u.source for u in store.units] == ["Ежовщина", "НКВД"]
    assert [u.target for u in store.units] == ["Yezhovshchina", "NKVD"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("termbase", ["starter", "hard"])
def test_written_po_glossary_passes_msgfmt_check(tmp_path, termbase):
    tb = read_termbase(STARTER_PATH) if termbase == "starter" else hard_concepts()
    out = tmp_path / "out.po"
    write_termbase(tb, out)
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
