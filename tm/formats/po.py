"""Gettext PO/POT via polib.

msgid is the source, msgstr the target. The file is read in the charset its header declares (KOI8-R,
CP1251 …; `glossary.core.pofile`, shared with the termbase and lint readers); a charset that cannot be
right, bytes that do not decode in it, or a syntax error become a one-line ParseError with the line.
Direction: the target language is the header `Language` (or the caller's `target_lang`); the source
language is the caller's `source_lang`, else our `X-Source-Language` header, else the other side of
ru/en (gettext catalogues of an `ru` team have English msgids; ours, ru→en, have Russian ones).

PO has no inline markup: tags are written as their native code (a TMX `<bpt>&lt;b&gt;</bpt>` becomes
`<b>` in the msgid), so text survives but tag structure does not. polib parses a file whole, so
`iter_units` holds one catalogue in memory; writing is streamed entry by entry.
"""

from __future__ import annotations

import hashlib
import re
import struct
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polib

from glossary.core.atomic import atomic_open
from glossary.core.errors import ParseError
from glossary.core.pofile import load_po
from glossary.core.textfile import ascii_compatible, bom_encoding, po_charset, read_input
from tm.model import Segment, Tag, TranslationUnit

from .parts import cut_lines, read_part

PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "en": "nplurals=2; plural=(n != 1);",
}
_OTHER_SIDE = {"ru": "en", "en": "ru"}


def _primary(lang: str | None) -> str | None:
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def plural_forms(lang: str | None) -> str | None:
    """The Plural-Forms header for *lang*: ours for ru/en, else Babel's table (CLDR with gettext's
    traditional choices), else None (a language Babel does not know)."""
    primary = _primary(lang)
    if not lang or not primary:
        return None
    if primary in PLURAL_FORMS:
        return PLURAL_FORMS[primary]
    from babel.core import UnknownLocaleError
    from babel.messages.plurals import get_plural

    for tag in (lang.replace("-", "_"), primary):
        try:
            return get_plural(tag).plural_forms
        except (UnknownLocaleError, ValueError):
            continue
    return None


def same_language(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _primary(a) == _primary(b)


def nplurals(forms: str | None) -> int | None:
    m = re.search(r"nplurals\s*=\s*(\d+)", forms or "")
    return int(m.group(1)) if m else None


def _load(path: Path, read: Path | None = None, encoding: str | None = None) -> polib.POFile:
    """Parse *read* (default *path*: a part of the file is read from a copy) naming *path* in errors."""
    return load_po(path, encoding, option="--encoding" if encoding else None, read=read)


def _team_lang(po: polib.POFile) -> str | None:
    """Old catalogues have no Language header, only `Language-Team: Russian <ru@li.org>`."""
    m = re.search(r"<([a-z]{2,3})@", po.metadata.get("Language-Team", ""))
    return m.group(1) if m else None


def languages(po: polib.POFile, source_lang: str | None, target_lang: str | None) -> tuple[str, str | None]:
    target = target_lang or po.metadata.get("Language") or _team_lang(po)
    source = (
        source_lang or po.metadata.get("X-Source-Language") or _OTHER_SIDE.get(_primary(target) or "", "en")
    )
    return source, target


def _unit(entry: polib.POEntry, origin: str, source_lang: str, target_lang: str | None) -> TranslationUnit:
    if entry.msgid_plural:
        plurals = [Segment.of(entry.msgstr_plural[k]) for k in sorted(entry.msgstr_plural)]
        target = plurals[0] if plurals else Segment()
    else:
        plurals = None
        target = Segment.of(entry.msgstr)
    unit = TranslationUnit(
        source=Segment.of(entry.msgid),
        target=target,
        source_lang=source_lang,
        target_lang=target_lang,
        context=entry.msgctxt,
        origin=origin,
        line=getattr(entry, "linenum", None),
    )  # an MO entry has no line
    # most entries have no comments, flags or history: only what an entry has is set
    if entry.tcomment:
        unit.notes = entry.tcomment.split("\n")
    if entry.comment:
        unit.comments = entry.comment.split("\n")
    if entry.occurrences:
        unit.references = [f"{f}:{n}" if n else f for f, n in entry.occurrences]
    if entry.flags:
        unit.flags = [f for f in entry.flags if f != "fuzzy"]
        unit.fuzzy = bool(entry.fuzzy)
    if entry.obsolete:
        unit.obsolete = True
    if entry.previous_msgid is not None:
        unit.previous_source = entry.previous_msgid
    if entry.previous_msgctxt is not None:
        unit.previous_context = entry.previous_msgctxt
    if plurals is not None:
        unit.source_plural = Segment.of(entry.msgid_plural)
        unit.target_plurals = plurals
    return unit


def iter_units(
    path: str | Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    header: dict | None = None,
    read: Path | None = None,
    encoding: str | None = None,
) -> Iterator[TranslationUnit]:
    path = Path(path)
    po = _load(path, read, encoding)
    source, target = languages(po, source_lang, target_lang)
    if header is not None:
        header.update(po.metadata)
        header.update(source_lang=source, target_lang=target)
    origin = path.name
    for entry in po:  # polib's iteration includes obsolete entries, skips the header
        if entry.msgid == "" and not entry.msgctxt:
            continue
        yield _unit(entry, origin, source, target)


def iter_mo(
    path: str | Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    header: dict | None = None,
) -> Iterator[TranslationUnit]:
    """The translations of a compiled gettext catalogue (.mo): what msgfmt kept of the PO (no
    comments, no fuzzy or untranslated entries), read by polib in the charset its header names."""
    path = Path(path)
    data = read_input(path, text=False)
    try:
        mo = polib.mofile(data)
    except (OSError, ValueError, LookupError, IndexError, struct.error):
        raise ParseError(path, None, "not a readable gettext MO file") from None
    source, target = languages(mo, source_lang, target_lang)
    if header is not None:
        header.update(mo.metadata)
        header.update(source_lang=source, target_lang=target)
    for entry in mo:
        if entry.msgid == "" and not entry.msgctxt:
            continue
        yield _unit(entry, path.name, source, target)


def _text(segment: Segment | None) -> str:
    """Plain text with each tag's native code put back in place."""
    if segment is None:
        return ""
    return "".join(p if isinstance(p, str) else p.code for p in segment.parts if isinstance(p, str | Tag))


def entry_for(unit: TranslationUnit, count: int | None = None) -> polib.POEntry:
    """The PO entry of *unit*; a plural entry gets *count* msgstr[] forms (the target language's
    nplurals: missing forms repeat the last, extra ones are dropped), else as many as the unit has."""
    entry = polib.POEntry(
        msgid=_text(unit.source),
        msgctxt=unit.context,
        tcomment="\n".join(unit.notes),
        comment="\n".join(unit.comments),
        occurrences=[tuple(r.rsplit(":", 1)) if re.search(r":\d+$", r) else (r, "") for r in unit.references],
        flags=list(unit.flags),
        obsolete=unit.obsolete,
        previous_msgid=unit.previous_source,
        previous_msgctxt=unit.previous_context,
    )
    if unit.fuzzy:
        entry.flags.insert(0, "fuzzy")
    if unit.source_plural is not None:
        entry.msgid_plural = _text(unit.source_plural)
        plurals = unit.target_plurals or [unit.target, unit.target]
        if count:
            plurals = (plurals + [plurals[-1]] * count)[:count]
        entry.msgstr_plural = {i: same_newlines(entry.msgid, _text(s)) for i, s in enumerate(plurals)}
    else:
        entry.msgstr = same_newlines(entry.msgid, _text(unit.target))
    return entry


def same_newlines(msgid: str, msgstr: str) -> str:
    """*msgstr* beginning and ending with a newline exactly where *msgid* does: gettext requires it
    (`msgfmt -c` fails otherwise), while TMX and XLIFF let a translation drop or add one."""
    if not msgstr or not msgid:
        return msgstr
    if msgid.startswith("\n") != msgstr.startswith("\n"):
        msgstr = "\n" + msgstr if msgid.startswith("\n") else msgstr.lstrip("\n")
    if msgid.endswith("\n") != msgstr.endswith("\n"):
        msgstr = msgstr + "\n" if msgid.endswith("\n") else msgstr.rstrip("\n")
    return msgstr


def _render(entry: polib.POEntry, wrapwidth: int) -> str:
    """polib's rendering, except that comments are not re-wrapped (polib wraps them at *wrapwidth*,
    which would split one extracted comment into several on every round trip)."""
    lines = [f"# {line}" for line in entry.tcomment.split("\n")] if entry.tcomment else []
    if entry.comment and not entry.obsolete:  # gettext keeps no extracted comments on obsolete entries
        lines += [f"#. {line}" for line in entry.comment.split("\n")]
    entry.tcomment = entry.comment = ""
    return "".join(f"{line}\n" for line in lines) + entry.__unicode__(wrapwidth)


def _distinct_context(seen: dict, msgctxt: str | None, msgid: str) -> str | None:
    """gettext allows one entry per msgctxt + msgid; a TM may hold several translations of one
    source (TMX alternatives). Later ones get the context `<msgctxt> (alternative N)`."""
    n = seen.get(key := _key(msgctxt, msgid), 0) + 1
    seen[key] = n
    if n == 1:
        return msgctxt
    alt = f"{msgctxt} (alternative {n})" if msgctxt else f"(alternative {n})"
    seen[_key(alt, msgid)] = 1
    return alt


def _key(msgctxt: str | None, msgid: str) -> bytes:
    """A 16-byte digest instead of the strings: a million-entry TM keeps ~50 MB less in memory."""
    context = "\x01" if msgctxt is None else "\x02" + msgctxt  # no context ≠ the context "None"
    return hashlib.blake2b(f"{context}\x04{msgid}".encode(), digest_size=16).digest()


def write(
    units: Iterable[TranslationUnit],
    path: str | Path,
    *,
    source_lang: str | None,
    target_lang: str | None,
    template: bool = False,
    metadata: dict[str, str] | None = None,
    wrapwidth: int = 78,
) -> int:
    """Write PO (or POT with *template*: msgstr left empty), header first, then entry by entry."""
    head = polib.POFile(wrapwidth=wrapwidth)
    head.header = "Translation memory written by slovnik."
    head.metadata = {
        "Project-Id-Version": "slovnik",
        # `msgfmt --check` warns when any of these three is missing
        "PO-Revision-Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": "slovnik",
        "Language-Team": "none",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if source_lang:
        head.metadata["X-Source-Language"] = source_lang
    if not template and target_lang:  # without one (a catalogue that names none) Language is left out
        head.metadata["Language"] = target_lang
        forms = plural_forms(target_lang)
        if forms:
            head.metadata["Plural-Forms"] = forms
    head.metadata.update(metadata or {})
    count = nplurals(head.metadata.get("Plural-Forms")) if not template else None
    written = 0
    seen: dict[bytes, int] = {}
    with atomic_open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(str(head))
        for unit in units:
            entry = entry_for(unit, count)
            if entry.msgid == "" and entry.msgctxt is None:
                continue  # msgid "" without msgctxt is the header: an empty segment has no entry
            if not entry.obsolete:
                entry.msgctxt = _distinct_context(seen, entry.msgctxt, entry.msgid)
            if template:  # a template carries no translations, so nothing is fuzzy either
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
                entry.msgstr = ""
                entry.msgstr_plural = {i: "" for i in entry.msgstr_plural} if entry.msgid_plural else {}
            fh.write("\n" + _render(entry, wrapwidth))
            written += 1
    return written


# --- parts, for parallel readers ------------------------------------------------------------------

# An entry ends with its msgstr (or a continuation string, or the same in an obsolete #~ entry); the
# next starts with a comment or a keyword. Only a blank line between two such lines is a cut point:
# a comment separated from its msgid by a blank line stays with it.
_ENTRY_END = re.compile(rb'(?:#~\s*)?(?:msgstr|")')
_ENTRY_START = (b"#", b"msgctxt", b"msgid")


@dataclass(frozen=True)
class POPart:
    """Bytes [start, end) of a PO file holding whole entries. A part is parsed from a temporary copy
    that starts with the file's header entry (its charset and Language) and is padded with newlines,
    so polib reports the file's own line numbers."""

    path: str
    start: int
    end: int
    head_end: int  # bytes [0, head_end) are the header entry and what precedes it
    line: int

    def reader(self) -> _PartReader:
        return _PartReader(self)


class _PartReader:
    entry = last_target_lang = None  # no reader state crosses PO entries

    def __init__(self, part: POPart):
        self.part = part

    def units(self) -> Iterator[TranslationUnit]:
        part = self.part
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "part.po"
            copy.write_bytes(read_part(part.path, part.start, part.end, part.head_end, part.line))
            yield from iter_units(part.path, read=copy)


def split(path: str | Path, size: int) -> list[POPart] | None:
    """Cut a PO file into parts of about *size* bytes at blank lines between entries, or None (no
    header entry first, a charset that is not ASCII-compatible, smaller than two parts)."""
    path = Path(path)
    data = read_input(path)
    n = len(data)
    if n < 2 * size:
        return None
    charset = po_charset(data)[0] or "utf-8"
    if bom_encoding(data) not in (None, "utf-8-sig") or not ascii_compatible(charset):
        return None  # UTF-16/32: byte offsets do not fall on lines; the reader names a bad charset
    first = re.search(rb"^(msgctxt|msgid) ", data, re.M)
    if first is None or not data.startswith(b'msgid ""', first.start()):
        return None  # no header entry to give every part the charset (or it is not first)
    head_end = data.find(b"\n\n", first.start())
    if head_end < 0:
        return None
    head_end += 1
    cuts = [0]
    frm = head_end + size
    while frm < n:
        blank = data.find(b"\n\n", frm)
        if blank < 0:
            break
        start = blank + 2
        while data[start : start + 1] == b"\n":
            start += 1
        before = data.rfind(b"\n", 0, blank) + 1
        if data.startswith(_ENTRY_START, start) and _ENTRY_END.match(data, before):
            cuts.append(start)
            frm = start + size
        else:
            frm = blank + 1
    if len(cuts) < 2:
        return None
    bounds = [*cuts, n]
    return [
        POPart(str(path), bounds[k], bounds[k + 1], head_end, line)
        for k, line in enumerate(cut_lines(data, cuts))
    ]
