"""Mutators: each takes the bytes of a file and a `random.Random` and returns damaged bytes, or None
when it does not apply (no closing tag to delete, not a ZIP archive, …).

They aim at what broke or could break slovnik's readers: flipped and cut bytes, deleted closing
tags, words thousands of letters long (the romanizers' beam search), deep nesting (recursive
parsers), wrong and lying charsets, XML entities, numbers past Python's digit limit, and ZIP damage
(bad deflate data, a member gone, a member rewritten, a zip bomb). Everything is drawn from the
`Random` passed in, so an input is a pure function of (seed file, random state).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable

ZIP_EXTS = (".xlsx", ".docx")
Mutator = Callable[[bytes, random.Random], "bytes | None"]

# Letter runs that once cost the reverse romanizer time and memory with the square of their length,
# plus plain ones; Cyrillic ones reach the forward romanizer and the lemmatizer.
_WORD_UNITS = [b"y", b"i", b"Yi", b"ia", b"shch", b"a", b"ab", "ы".encode(), "щ".encode(), "аб".encode()]
_WORD_SIZES = [200, 2_000, 8_000, 30_000]
_NEST_SIZES = [100, 1_000, 20_000, 200_000]
_INTERESTING = [
    b"\x00",
    b"\xff",
    b"\x80",
    b"\xc3",
    b"<",
    b">",
    b"&",
    b'"',
    b"'",
    b"\\",
    b"\n",
    b"\r",
    b"\t",
    b",",
    b";",
    b"#",
    b"[",
    b"{",
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
]
_CHARSETS = [
    "utf-16",
    "UTF-16LE",
    "utf-32",
    "koi8-r",
    "cp1251",
    "latin-1",
    "ascii",
    "utf-7",
    "utf-8-sig",
    "rot13",
    "base64",
    "zlib",
    "hex",
    "idna",
    "x-unknown",
    "",
    "utf-8\x00",
    "mbcs",
    "cp037",
]
_ENCODINGS = [
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1251",
    "koi8-r",
    "latin-1",
    "cp1252",
    "mac-cyrillic",
    "utf-8-sig",
    "cp866",
]
_TAG_NAMES = [b"x", b"b", b"g", b"mrk", b"pc", b"ph", b"bpt", b"sub", b"span", b"div", b"p", b"w:r", b"seg"]
_WORD_RE = re.compile(rb"(?:[A-Za-z]|[\xd0\xd1][\x80-\xbf])+")
_CLOSE_RE = re.compile(rb"</[^<>\s]{1,40}>")
_OPEN_RE = re.compile(rb"<[A-Za-z][^<>]{0,200}>")
_TEXT_RE = re.compile(rb">([^<>]{1,200})<")
_JSON_STRING_RE = re.compile(rb'"(?:[^"\\\n]|\\.){0,200}"')
_NUMBER_RE = re.compile(rb"(?<![\w.])\d+(?![\w.])")
_CHARSET_RE = re.compile(rb"(charset=|encoding=[\"']|<meta charset=[\"']?)([A-Za-z0-9_.:-]*)")


def _pos(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def _pick(pattern: re.Pattern, data: bytes, rng: random.Random, limit: int = 400) -> re.Match | None:
    """A random match among the first *limit* (enough spread, without scanning a huge file twice)."""
    matches = []
    for m in pattern.finditer(data):
        matches.append(m)
        if len(matches) >= limit:
            break
    return rng.choice(matches) if matches else None


# --- bytes, any format -------------------------------------------------------------------------


def flip_bits(data: bytes, rng: random.Random) -> bytes | None:
    if not data:
        return None
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def interesting_bytes(data: bytes, rng: random.Random) -> bytes | None:
    out = data
    for _ in range(rng.randint(1, 4)):
        i = _pos(out, rng)
        drop = rng.choice([0, 0, 1])
        out = out[:i] + rng.choice(_INTERESTING) + out[i + drop :]
    return out


def delete_range(data: bytes, rng: random.Random) -> bytes | None:
    if len(data) < 2:
        return None
    i = rng.randrange(len(data))
    n = min(len(data) - i, rng.choice([1, 4, 16, 256, 4096]))
    return data[:i] + data[i + n :]


def duplicate_range(data: bytes, rng: random.Random) -> bytes | None:
    if not data:
        return None
    i = rng.randrange(len(data))
    chunk = data[i : i + rng.choice([8, 64, 1024, 16384])]
    j = _pos(data, rng)
    return data[:j] + chunk * rng.choice([1, 2, 50]) + data[j:]


def insert_random(data: bytes, rng: random.Random) -> bytes | None:
    i = _pos(data, rng)
    return data[:i] + rng.randbytes(rng.choice([1, 8, 64, 1024])) + data[i:]


def truncate(data: bytes, rng: random.Random) -> bytes | None:
    if not data:
        return None
    return data[: rng.randrange(len(data))]


def line_endings(data: bytes, rng: random.Random) -> bytes | None:
    if b"\n" not in data:
        return None
    return data.replace(b"\n", rng.choice([b"\r", b"\r\n", b"", b"\x85", "\u2028".encode(), b"\n\n\n"]))


def bom(data: bytes, rng: random.Random) -> bytes | None:
    mark = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xef\xbb\xbf" * 2])
    i = 0 if rng.random() < 0.7 else _pos(data, rng)
    return data[:i] + mark + data[i:]


# --- text structure ----------------------------------------------------------------------------


def huge_word(data: bytes, rng: random.Random) -> bytes | None:
    """Replace a word with one thousands of letters long (or add one where there is none)."""
    unit = rng.choice(_WORD_UNITS)
    size = rng.choice(_WORD_SIZES)
    word = unit * max(1, size // len(unit))
    m = _pick(_WORD_RE, data, rng)
    if m is None:
        i = _pos(data, rng)
        return data[:i] + word + data[i:]
    return data[: m.start()] + (word if rng.random() < 0.7 else m.group() + word) + data[m.end() :]


def huge_line(data: bytes, rng: random.Random) -> bytes | None:
    """One line of ~1 MB of short words (the error quoting a whole line, per-line work)."""
    m = _pick(_WORD_RE, data, rng)
    i = m.end() if m else _pos(data, rng)
    words = rng.choice([b"Trotskii ", b"nomenklatura obkom ", b"a b ", "слово ".encode()])
    return data[:i] + words * (rng.choice([50_000, 250_000]) // len(words)) + data[i:]


def delete_closing_tag(data: bytes, rng: random.Random) -> bytes | None:
    m = _pick(_CLOSE_RE, data, rng)
    if m is None:
        return None
    if rng.random() < 0.3:  # every closing tag of that name
        return data.replace(m.group(), b"")
    return data[: m.start()] + data[m.end() :]


def delete_opening_tag(data: bytes, rng: random.Random) -> bytes | None:
    m = _pick(_OPEN_RE, data, rng)
    return None if m is None else data[: m.start()] + data[m.end() :]


def swap_tag(data: bytes, rng: random.Random) -> bytes | None:
    """Move a tag elsewhere (crossed elements) or repeat it."""
    m = _pick(_OPEN_RE, data, rng) if rng.random() < 0.5 else _pick(_CLOSE_RE, data, rng)
    if m is None:
        return None
    rest = data[: m.start()] + data[m.end() :]
    j = _pos(rest, rng)
    return rest[:j] + m.group() * rng.choice([1, 2, 100]) + rest[j:]


def deep_nesting(data: bytes, rng: random.Random) -> bytes | None:
    """Wrap a value in thousands of levels: JSON arrays/objects, XML elements, Markdown quotes."""
    n = rng.choice(_NEST_SIZES)
    kind = rng.choice(["json", "json", "xml", "xml", "text"])
    if kind == "json":
        m = _pick(_JSON_STRING_RE, data, rng)
        if m is None:
            return None
        if rng.random() < 0.5:
            before, after = b"[" * n, b"]" * n
        else:
            before, after = b'{"a":' * n, b"}" * n
        if rng.random() < 0.2:
            after = b""  # unclosed
        return data[: m.start()] + before + m.group() + after + data[m.end() :]
    if kind == "xml":
        m = _pick(_TEXT_RE, data, rng)
        if m is None:
            return None
        name = rng.choice(_TAG_NAMES)
        before = b"<" + name + b">"
        after = b"" if rng.random() < 0.2 else b"</" + name + b">"
        return data[: m.start(1)] + before * n + m.group(1) + after * n + data[m.end(1) :]
    i = _pos(data, rng)
    prefix = rng.choice([b">", b"- ", b"  * ", b"(", b"[", b"*", b"<div>", b"`"])
    return data[:i] + b"\n" + prefix * min(n, 20_000) + b" text\n" + data[i:]


def reencode(data: bytes, rng: random.Random) -> bytes | None:
    """The same text in another encoding, its declaration left as it was (or wrong)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return text.encode(rng.choice(_ENCODINGS), errors="replace")


def lie_charset(data: bytes, rng: random.Random) -> bytes | None:
    """Change a declared charset (PO header, XML declaration, HTML meta) to a wrong or bogus one."""
    m = _pick(_CHARSET_RE, data, rng)
    if m is None:
        if data.startswith(b"<?xml") or rng.random() < 0.5:
            return None
        decl = b'<?xml version="1.0" encoding="' + rng.choice(_CHARSETS).encode() + b'"?>\n'
        return decl + data
    return data[: m.start(2)] + rng.choice(_CHARSETS).encode() + data[m.end(2) :]


def bad_utf8(data: bytes, rng: random.Random) -> bytes | None:
    seq = rng.choice(
        [
            b"\xff",
            b"\xc3",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\xc0\x80",
            b"\xe2\x82",
            b"\x00",
            b"\x1b[31m",
            b"\x7f",
            b"\xc2\x85",
        ]
    )
    m = _pick(_WORD_RE, data, rng)
    i = m.start() if m else _pos(data, rng)
    return data[:i] + seq + data[i:]


# --- format-specific ---------------------------------------------------------------------------

_XML_INSERTS = [
    b"&undefined;",
    b"&#0;",
    b"&#xD800;",
    b"&#x110000;",
    b"&#99999999999;",
    b"&amp",
    b"&",
    b"<!-- x",
    b"<![CDATA[",
    b"]]>",
    b"<?pi x?>",
    b"\x01",
    b"\x0c",
    b"<a b='1' b='2'/>",
    b"<x:y/>",
    b'<x xmlns="">',
]
_DOCTYPES = [
    b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/hostname">]>',
    b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY f "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>',
    b'<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd">',
    b'<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
]


def xml_damage(data: bytes, rng: random.Random) -> bytes | None:
    if b"<" not in data[:4096]:
        return None
    if rng.random() < 0.3:  # a DOCTYPE with entities, after the declaration if any
        end = data.find(b"?>") + 2 if data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")) else 0
        doctype = rng.choice(_DOCTYPES)
        body = data[end:]
        if rng.random() < 0.5:  # and use the entity in a text node
            m = _pick(_TEXT_RE, body, rng)
            if m:
                name = b"&g;" if b"ENTITY g" in doctype else b"&e;"
                body = body[: m.start(1)] + name + body[m.start(1) :]
        return data[:end] + doctype + body
    m = _pick(_TEXT_RE, data, rng)
    i = m.start(1) if m else _pos(data, rng)
    return data[:i] + rng.choice(_XML_INSERTS) + data[i:]


def json_damage(data: bytes, rng: random.Random) -> bytes | None:
    m = _pick(_JSON_STRING_RE, data, rng)
    if m is None:
        return None
    value = rng.choice(
        [
            b'"\\ud800"',
            b'"a\\udfff b"',
            b'"\\u0000"',
            b"9" * 5000,
            b"1e999999",
            b"NaN",
            b"-Infinity",
            b"null",
            b"true",
            b"[]",
            b"{}",
            b'{"id": []}',
            b'"\\x41"',
            b'"' + b"\\" * 3,
            b"0x10",
            b'["a", "b"]',
            b'{"__proto__": 1}',
        ]
    )
    return data[: m.start()] + value + data[m.end() :]


def number_damage(data: bytes, rng: random.Random) -> bytes | None:
    m = _pick(_NUMBER_RE, data, rng)
    if m is None:
        return None
    return (
        data[: m.start()]
        + rng.choice([b"0", b"-1", b"99999999999999999999", b"9" * 5000, b"1.5", b"", b"NaN", b"\xd9\xa3"])
        + data[m.end() :]
    )


def csv_damage(data: bytes, rng: random.Random) -> bytes | None:
    i = _pos(data, rng)
    piece = rng.choice(
        [
            b'"',
            b'"a""b',
            b",,,,,,,,,,,",
            b"\t\t\t",
            b'"' + b"x" * 200_000 + b'"',
            b"\x00",
            b"\r",
            b"=cmd|' /C calc'!A0",
            b"\n,\n",
            b";",
        ]
    )
    return data[:i] + piece + data[i:]


def po_damage(data: bytes, rng: random.Random) -> bytes | None:
    if b"msgid" not in data:
        return None
    piece = rng.choice(
        [
            b'\nmsgid "x',
            b'\nmsgstr[99] "x"\n',
            b'"\\q"',
            b'"\\x"',
            b'"\\777"',
            b'\n#~ msgid "a"\n',
            b'\nmsgctxt "c"\n',
            b'\nmsgid_plural "p"\n',
            b"\n#, fuzzy, fuzzy\n",
            b'\n#| msgid "old"\n',
            b'"Plural-Forms: nplurals=1000000; plural=(n%;\\n"\n',
            b'\nmsgid ""\nmsgstr ""\n',
            b'\n"continuation without a keyword"\n',
            b"\nmsgstr\n",
        ]
    )
    m = _pick(re.compile(rb"\n"), data, rng)
    i = m.start() if m else _pos(data, rng)
    return data[:i] + piece + data[i:]


# --- ZIP containers (XLSX, DOCX) ---------------------------------------------------------------


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info, zf.read(info)) for info in zf.infolist()]
    except Exception:  # any damage: this mutator does not apply
        return None


def build_zip(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    """A ZIP of *members* with fixed timestamps (the same members give the same bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for info, content in members:
            name = info if isinstance(info, str) else info.filename
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED if isinstance(info, str) else info.compress_type
            zf.writestr(zi, content)
    return buf.getvalue()


def _text_member(members, rng):
    xml = [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]
    # the sheet and the document body are where the readers look hardest
    main = [
        i for i in xml if re.search(r"sheet\d*\.xml$|document\.xml$|sharedStrings", members[i][0].filename)
    ]
    pool = main if main and rng.random() < 0.7 else xml
    return rng.choice(pool) if pool else None


def zip_member(data: bytes, rng: random.Random) -> bytes | None:
    """Damage one XML member with a text mutator and zip it up again (the archive stays valid)."""
    members = _members(data)
    if not members:
        return None
    i = _text_member(members, rng)
    if i is None:
        return None
    info, content = members[i]
    for _ in range(8):
        out = rng.choice(MEMBER_MUTATORS)(content, rng)
        if out is not None:
            members[i] = (info, out)
            return build_zip(members)
    return None


def zip_drop_member(data: bytes, rng: random.Random) -> bytes | None:
    members = _members(data)
    if not members or len(members) < 2:
        return None
    members.pop(rng.randrange(len(members)))
    return build_zip(members)


def zip_raw_damage(data: bytes, rng: random.Random) -> bytes | None:
    """Flip bytes inside a member's deflate stream, or make its sizes lie (zlib and CRC errors)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = [i for i in zf.infolist() if i.compress_size > 8]
            directory = zf.start_dir
    except Exception:
        return None
    if not infos:
        return None
    info = rng.choice(infos)
    out = bytearray(data)
    if rng.random() < 0.7:
        local = info.header_offset
        start = (
            local
            + 30
            + int.from_bytes(data[local + 26 : local + 28], "little")
            + int.from_bytes(data[local + 28 : local + 30], "little")
        )
        for _ in range(rng.randint(1, 4)):
            at = start + rng.randrange(info.compress_size)
            # a damaged archive's offsets may point anywhere, below 0 too: keep the flip inside the file
            out[at if 0 <= at < len(out) else len(out) - 1] ^= 0xFF
        return bytes(out)
    # make the central directory's uncompressed size of this member lie
    at = directory
    while data[at : at + 4] == b"PK\x01\x02":
        n, m, k = (int.from_bytes(data[at + o : at + o + 2], "little") for o in (28, 30, 32))
        if data[at + 46 : at + 46 + n] == info.filename.encode():
            out[at + 24 : at + 28] = rng.choice([0, 1, 0xFFFFFFFF, 0x7FFFFFFF]).to_bytes(4, "little")
            return bytes(out)
        at += 46 + n + m + k
    return None


_BOMB_CACHE: dict[tuple, bytes] = {}


def zip_bomb(data: bytes, rng: random.Random) -> bytes | None:
    """Pad the sheet or the document body with megabytes of repeated rows or paragraphs: a small
    archive that inflates to tens or hundreds of MB."""
    members = _members(data)
    if not members:
        return None
    targets = [
        i for i, (info, _) in enumerate(members) if re.search(r"sheet\d*\.xml$|document\.xml$", info.filename)
    ]
    if not targets:
        return None
    i = rng.choice(targets)
    size = rng.choice([8, 64, 300]) << 20
    key = (hash(data), i, size)
    if key in _BOMB_CACHE:
        return _BOMB_CACHE[key]
    info, content = members[i]
    if info.filename.endswith("document.xml"):
        anchor, unit = b"<w:body>", b"<w:p><w:r><w:t>Yi nomenklatura</w:t></w:r></w:p>"
    else:
        anchor, unit = b"<sheetData>", b'<row><c t="inlineStr"><is><t>Yi</t></is></c></row>'
    at = content.find(anchor)
    at = at + len(anchor) if at >= 0 else content.find(b">") + 1
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compresslevel=1) as zf:
        for j, (other, body) in enumerate(members):
            zi = zipfile.ZipInfo(other.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            if j != i:
                zf.writestr(zi, body)
                continue
            with zf.open(zi, "w", force_zip64=True) as fh:  # streamed: the parent never holds it whole
                fh.write(content[:at])
                block = unit * ((1 << 20) // len(unit))
                for _ in range(size // len(block)):
                    fh.write(block)
                fh.write(content[at:])
    out = buf.getvalue()
    if len(_BOMB_CACHE) < 32:
        _BOMB_CACHE[key] = out
    return out


BYTE_MUTATORS: list[Mutator] = [
    flip_bits,
    interesting_bytes,
    delete_range,
    duplicate_range,
    insert_random,
    truncate,
]
TEXT_MUTATORS: list[Mutator] = [
    huge_word,
    huge_line,
    delete_closing_tag,
    delete_opening_tag,
    swap_tag,
    deep_nesting,
    reencode,
    lie_charset,
    bad_utf8,
    xml_damage,
    line_endings,
    bom,
    json_damage,
    number_damage,
    csv_damage,
    po_damage,
]
# What zip_member applies to an XML part (no re-encoding of a whole part: that is a charset test).
MEMBER_MUTATORS: list[Mutator] = [
    flip_bits,
    interesting_bytes,
    delete_range,
    truncate,
    huge_word,
    delete_closing_tag,
    delete_opening_tag,
    swap_tag,
    deep_nesting,
    xml_damage,
    lie_charset,
    bad_utf8,
    number_damage,
]
ZIP_MUTATORS: list[Mutator] = [
    zip_member,
    zip_member,
    zip_member,
    zip_member,
    zip_drop_member,
    zip_raw_damage,
    zip_raw_damage,
    zip_bomb,
]


def mutators_for(ext: str) -> list[Mutator]:
    if ext in ZIP_EXTS:
        return ZIP_MUTATORS * 3 + BYTE_MUTATORS  # mostly inside the archive, where the parsers are
    return TEXT_MUTATORS * 2 + BYTE_MUTATORS


def mutate(
    data: bytes, ext: str, rng: random.Random, others: list[tuple[bytes, str]], exts: list[str]
) -> tuple[bytes, str, list[str]]:
    """Apply 1-4 mutators (fewer more often); sometimes splice in another seed or give the file
    another format's extension. Returns (bytes, extension, names of the mutators applied)."""
    names: list[str] = []
    count = 1
    while count < 4 and rng.random() < 0.4:
        count += 1
    for _ in range(count):
        roll = rng.random()
        if roll < 0.04 and others:
            other, _ext = rng.choice(others)
            data = data[: _pos(data, rng)] + other[rng.randrange(len(other) + 1) :]
            names.append("splice")
            continue
        if roll < 0.08:
            ext = rng.choice(exts)
            names.append("rename")
            continue
        for _attempt in range(10):
            fn = rng.choice(mutators_for(ext))
            out = fn(data, rng)
            if out is not None:
                data = out
                names.append(fn.__name__)
                break
    return data, ext, names
