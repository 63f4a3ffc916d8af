"""The official schemas, loaded once, with no network: TMX 1.4b DTD, XLIFF 1.2 strict and 2.0 XSDs,
TBX core RELAX NG (tests/data/tm/schemas/README.md says where each comes from)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from glossary.termbase.formats.tbx import relaxng
from tm.formats.tmx import DTD_PATH

SCHEMAS = Path(__file__).parent / "data" / "tm" / "schemas"
_XML_XSD = SCHEMAS / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"


@cache
def xliff12() -> etree.XMLSchema:
    # the OASIS file imports xml.xsd from w3.org: point it at the local copy
    text = (
        (SCHEMAS / "xliff-core-1.2-strict.xsd")
        .read_bytes()
        .replace(
            b'schemaLocation="http://www.w3.org/2001/xml.xsd"',
            f'schemaLocation="{_XML_XSD.as_uri()}"'.encode(),
        )
    )
    return etree.XMLSchema(etree.fromstring(text, base_url=str(SCHEMAS) + "/"))


@cache
def xliff2() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff_core_2.0.xsd")))


@cache
def tmx() -> etree.DTD:
    return etree.DTD(str(DTD_PATH))


@cache
def tbx() -> etree.RelaxNG:
    return relaxng()


def errors(validator, path: Path) -> list[str]:
    """Every validity error of the file at *path* under *validator* (an empty list when valid)."""
    doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    return [] if validator.validate(doc) else [f"{e.line}: {e.message}" for e in validator.error_log]
