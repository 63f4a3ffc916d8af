"""Every reader, fed random bytes or a damaged valid file, returns a result or raises a GlossaryError
(which the CLI turns into one line and exit 2) — never another exception.

The library-level half of the fuzzing (scripts/fuzz.py drives the CLIs with far more inputs). The
valid files are made up here and written with slovnik's own writers; the damage is drawn by
Hypothesis (derandomized: the same examples on every run) from cuts, insertions of the bytes
parsers choke on, and, for XLSX/DOCX, the same damage inside an archive member.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossary.core.errors import GlossaryError
from glossary.lint.sources import read_document
from glossary.printing.sources import iter_texts
from glossary.termbase.formats import read_termbase, write_termbase
from glossary.termbase.model import Concept, Status, Term, Termbase
from tm.formats import iter_units, read_tm, write_tm

FUZZ = settings(
    max_examples=15,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Bytes that parsers of these formats treat specially.
TOKENS = [
    b"<",
    b">",
    b"</",
    b"/>",
    b"&",
    b"&#0;",
    b"&undefined;",
    b"&#xD800;",
    b"<![CDATA[",
    b"]]>",
    b'<!DOCTYPE r [<!ENTITY e "x">]>',
    b'"',
    b"'",
    b"\\",
    b"\\ud800",
    b"\\u",
    b"\n",
    b"\r",
    b"\t",
    b",",
    b";",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"msgid ",
    b"msgstr ",
    b"msgstr[7] ",
    b"msgctxt ",
    b"#, fuzzy\n",
    b"charset=utf-16",
    b"charset=nonsense",
    b'encoding="utf-16"',
    b'encoding="x-none"',
    b"9" * 5000,
    b"1e999",
    b"NaN",
    b"null",
    b"=",
    b"<seg>",
    b"<tu>",
    b"<tuv>",
    b"<source>",
    b"<target>",
    b"<g>",
    b"<w:t>",
    b"<c>",
    b"<row>",
    b"<termSec>",
    b"<martif>",
    b"```",
    b"> ",
    b"* ",
    b"<div>",
    b'"\\ud800"',
    b"[" * 3000,
    b'{"a": ' * 3000,
    b"<g>" * 3000,
]
# Declared charsets a damaged file may carry: wrong, unknown, or not a text codec at all.
CHARSETS = [b"utf-16", b"UTF-32", b"koi8-r", b"nonsense", b"rot13", b"base64", b"utf-7", b""]
_CHARSET_RE = re.compile(rb"(charset=|encoding=[\"'])([A-Za-z0-9_.:-]*)")


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """*data* with one to three cuts, insertions or overwrites."""
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "insert", "delete", "overwrite", "truncate", "charset"]))
        piece = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=6))
        if op == "insert":
            data = data[:i] + piece + data[i:]
        elif op == "delete":
            data = data[:i] + data[i + draw(st.integers(1, 64)) :]
        elif op == "charset":
            data = _CHARSET_RE.sub(lambda m: m.group(1) + draw(st.sampled_from(CHARSETS)), data, count=1)
        elif op == "overwrite":
            data = data[:i] + piece + data[i + len(piece) :]
        else:
            data = data[:i]
    return data


@st.composite
def damaged_zip(draw, data: bytes) -> bytes:
    """An archive one of whose XML members is damaged (the container itself stays readable), or,
    now and then, damage to the archive bytes themselves."""
    if draw(st.integers(0, 4)) == 0:
        return draw(damaged(data))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist()]
    i = draw(st.sampled_from([n for n, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]))
    members[i] = (members[i][0], draw(damaged(members[i][1])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members:
            zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body)
    return buf.getvalue()


# --- valid files, made up here ------------------------------------------------------------------


def _termbase() -> Termbase:
    def term(text, lang, status=Status.PREFERRED):
        return Term(text=text, lang=lang, status=status)

    return Termbase(
        title="Fuzz fixture",
        concepts=[
            Concept(
                id="raikom",
                definition="A district committee of the party.",
                terms=[
                    term("райком", "ru"),
                    term("raikom", "en"),
                    term("district committee", "en", Status.ADMITTED),
                ],
            ),
            Concept(
                id="sovnarkhoz",
                subject=["economy"],
                notes=["Regional economic council."],
                terms=[term("совнархоз", "ru"), term("sovnarkhoz", "en")],
            ),
        ],
    )


_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="fixture" creationtoolversion="1" segtype="sentence"
 o-tmf="none" adminlang="en" srclang="ru" datatype="plaintext"/><body>
<tu tuid="1"><tuv xml:lang="ru"><seg>Райком собрался в среду.</seg></tuv>
<tuv xml:lang="en"><seg>The raikom met on <bpt i="1">&lt;b&gt;</bpt>Wednesday<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="ru"><seg>Совнархоз закрыли в 1965 году.</seg></tuv>
<tuv xml:lang="en"><seg>The sovnarkhoz was closed in 1965.</seg></tuv></tu>
</body></tmx>
"""

_TEXTS = {
    ".txt": "The raikom met on Wednesday.\nThe sovnarkhoz was closed in 1965, said Khrushchev.\n",
    ".md": "# Notes\n\nThe *raikom* met on [Wednesday](https://example.org).\n\n```\ncode raikom\n```\n"
    "> The sovnarkhoz was closed.\n",
    ".html": '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Notes</title></head><body>'
    "<p>The <i>raikom</i> met on Wednesday.</p><script>var x = '<p>';</script></body></html>\n",
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, bytes]:
    """Valid files, by name: termbases (tb.*), memories (tm.*) and texts (doc.*)."""
    folder = tmp_path_factory.mktemp("seeds")
    tb = _termbase()
    names = {
        "tb.json": "json",
        "tb.csv": "csv",
        "tb.tsv": "tsv",
        "tb.xlsx": "xlsx",
        "tb.tbx": "tbx",
        "tb2.tbx": "tbx2",
        "tb.po": "po",
    }
    for name, fmt in names.items():
        write_termbase(tb, folder / name, fmt)
    (folder / "tm.tmx").write_text(_TMX, encoding="utf-8")
    memory = read_tm(folder / "tm.tmx")
    for name, fmt in {
        "tm.po": "po",
        "tm.xlf": "xliff",
        "tm2.xlf": "xliff2",
        "tm.csv": "csv",
        "tm.tsv": "tsv",
        "tm.xlsx": "xlsx",
    }.items():
        write_tm(memory.units, folder / name, fmt, source_lang="ru", target_lang="en")
    for ext, text in _TEXTS.items():
        (folder / f"doc{ext}").write_text(text, encoding="utf-8")
    import docx

    document = docx.Document()
    for line in _TEXTS[".txt"].splitlines():
        document.add_paragraph(line)
    document.save(folder / "doc.docx")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# --- the readers --------------------------------------------------------------------------------


def _termbase_reader(fmt):
    return lambda path: read_termbase(path, fmt)


def _tm_reader(fmt):
    return lambda path: list(iter_units(path, fmt))


# (case id, seed file name, the file name the reader is given, reader)
READERS = [
    *[
        (f"termbase-{seed}", seed, seed, _termbase_reader(fmt))
        for seed, fmt in [
            ("tb.json", "json"),
            ("tb.csv", "csv"),
            ("tb.tsv", "tsv"),
            ("tb.xlsx", "xlsx"),
            ("tb.tbx", "tbx"),
            ("tb2.tbx", "tbx"),
            ("tb.po", "po"),
        ]
    ],
    *[
        (f"tm-{seed}", seed, seed, _tm_reader(fmt))
        for seed, fmt in [
            ("tm.tmx", "tmx"),
            ("tm.po", "po"),
            ("tm.xlf", "xliff"),
            ("tm2.xlf", "xliff2"),
            ("tm.csv", "csv"),
            ("tm.tsv", "tsv"),
            ("tm.xlsx", "xlsx"),
        ]
    ],
    *[
        (f"lint-{seed}", seed, seed, read_document)
        for seed in ["doc.txt", "doc.md", "doc.html", "doc.docx", "tm.po", "tm.tmx", "tm.xlf", "tm2.xlf"]
    ],
    *[
        (f"for-{seed}", seed, seed, lambda p: list(iter_texts(p)))
        for seed in ["doc.txt", "doc.md", "tm.tmx", "tm.po", "tm2.xlf"]
    ],
]


def _case(case_id: str, kind: str):
    return pytest.param(case_id, id=case_id)


# Damage at the places where it bites, which random cuts seldom hit: applied to every seed it fits
# (None: it does not), as explicit examples on top of the drawn ones.
def _deep_json(data: bytes) -> bytes | None:
    m = re.search(rb'": ("[^"]*")', data)
    return (
        None if m is None else data[: m.start(1)] + b"[" * 3000 + m.group(1) + b"]" * 3000 + data[m.end(1) :]
    )


def _surrogate_json(data: bytes) -> bytes | None:
    m = re.search(rb'": ("[^"]*")', data)
    return None if m is None else data[: m.start(1)] + b'"\\ud800 x"' + data[m.end(1) :]


def _charset(name: bytes):
    def damage(data: bytes) -> bytes | None:
        m = re.search(rb"charset=([A-Za-z0-9_-]+)", data)
        return None if m is None else data[: m.start(1)] + name + data[m.end(1) :]

    return damage


def _deep_xml(data: bytes) -> bytes | None:
    m = re.search(rb">([^<>\s][^<>]*)</", data)
    return (
        None
        if m is None
        else data[: m.start(1)] + b"<g>" * 3000 + m.group(1) + b"</g>" * 3000 + data[m.end(1) :]
    )


def _laughs(data: bytes) -> bytes | None:
    if not data.startswith(b"<?xml"):
        return None
    end = data.index(b"?>") + 2
    entities = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b"<!ENTITY " + n + b' "' + (b"&" + p + b";") * 10 + b'">'
        for p, n in zip(
            [b"a", b"b", b"c", b"d", b"e", b"f"], [b"b", b"c", b"d", b"e", b"f", b"g"], strict=True
        )
    )
    body = re.sub(rb">([^<>\s][^<>]*)</", rb">&g;\1</", data[end:], count=1)
    return data[:end] + b"<!DOCTYPE r [" + entities + b"]>" + body


TARGETED = [
    _deep_json,
    _surrogate_json,
    _charset(b"utf-16"),
    _charset(b"nonsense"),
    _charset(b"rot13"),
    _deep_xml,
    _laughs,
]


def _check(reader, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        reader(path)
    except GlossaryError:
        pass


_BY_ID = {case[0]: case[1:] for case in READERS}


@pytest.mark.parametrize("case_id", [_case(c[0], "damaged") for c in READERS])
def test_damaged_file_gives_a_result_or_a_glossary_error(case_id, seeds, tmp_path):
    seed, name, reader = _BY_ID[case_id]
    strategy = damaged_zip(seeds[seed]) if name.endswith((".xlsx", ".docx")) else damaged(seeds[seed])

    @FUZZ
    @given(strategy)
    def run(data):
        _check(reader, tmp_path / name, data)

    if not name.endswith((".xlsx", ".docx")):
        for damage in TARGETED:
            data = damage(seeds[seed])
            if data is not None:
                run = example(data)(run)
    run()


@pytest.mark.parametrize("case_id", [_case(c[0], "bytes") for c in READERS])
def test_random_bytes_give_a_result_or_a_glossary_error(case_id, seeds, tmp_path):
    seed, name, reader = _BY_ID[case_id]

    @settings(FUZZ, max_examples=6)
    @given(st.binary(max_size=200) | st.sampled_from([b"", b"\xef\xbb\xbf", b"PK\x03\x04", b"<", b"{"]))
    def run(data):
        _check(reader, tmp_path / name, data)

    run()


def test_the_seeds_are_read_without_error(seeds, tmp_path):
    """The damage tests mean something only if the undamaged files are read cleanly."""
    for _case_id, seed, name, reader in READERS:
        path = tmp_path / name
        path.write_bytes(seeds[seed])
        assert reader(path) is not None
