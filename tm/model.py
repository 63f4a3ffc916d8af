"""The translation-memory model: TranslationUnit with structured inline markup.

Vocabulary from the formats: source/target (TMX tuv, XLIFF), msgctxt/msgid/msgstr (PO), tuid, props,
notes, fuzzy, obsolete. Inline codes (TMX bpt/ept/ph/it/hi/ut, XLIFF 1.2 g/x/bx/ex/ph/bpt/ept/it/mrk,
XLIFF 2 ph/pc/sc/ec/mrk/sm/em) are kept as Tag parts of a Segment so they survive a round trip.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

TagPos = Literal["open", "close", "empty"]


@dataclass(frozen=True)
class Tag:
    """An inline element. Paired elements with content (hi, g, pc, mrk) become an open and a close Tag.

    `code` is the native code the element carries (TMX `<bpt>{\\b}</bpt>` → "{\\b}"); `attrs` are its
    XML attributes in document order, as (name, value) pairs.
    """

    kind: str
    pos: TagPos = "empty"
    id: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()
    code: str = ""

    def attr(self, name: str, default: str | None = None) -> str | None:
        for k, v in self.attrs:
            if k == name:
                return v
        return default


@dataclass
class Segment:
    """Text with inline tags: a list of str and Tag parts."""

    parts: list[str | Tag] = field(default_factory=list)

    @classmethod
    def of(cls, text: str | None) -> Segment:
        return cls([text] if text else [])

    @property
    def text(self) -> str:
        """The plain text, tags removed (what is searched, matched and checked)."""
        return "".join(p for p in self.parts if isinstance(p, str))

    @property
    def tags(self) -> list[Tag]:
        return [p for p in self.parts if isinstance(p, Tag)]

    @property
    def has_tags(self) -> bool:
        return any(isinstance(p, Tag) for p in self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def normalized(self) -> Segment:
        """Adjacent strings merged, empty strings dropped (so equal segments compare equal)."""
        out: list[str | Tag] = []
        for p in self.parts:
            if isinstance(p, str):
                if not p:
                    continue
                if out and isinstance(out[-1], str):
                    out[-1] = out[-1] + p
                    continue
            out.append(p)
        return Segment(out)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Segment):
            return self.normalized().parts == other.normalized().parts
        return NotImplemented


@dataclass
class TranslationUnit:
    """One translation unit (TMX tu, PO entry, XLIFF trans-unit/unit)."""

    source: Segment
    target: Segment = field(default_factory=Segment)
    id: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    context: str | None = None
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    fuzzy: bool = False
    obsolete: bool = False
    previous_source: str | None = None
    previous_context: str | None = None
    source_plural: Segment | None = None
    target_plurals: list[Segment] = field(default_factory=list)
    created: str | None = None
    changed: str | None = None
    creator: str | None = None
    changer: str | None = None
    origin: str | None = None
    line: int | None = None

    @property
    def source_text(self) -> str:
        return self.source.text

    @property
    def target_text(self) -> str:
        return self.target.text

    def prop(self, name: str) -> str | None:
        for k, v in self.props:
            if k == name:
                return v
        return None

    @property
    def ref(self) -> str:
        """A stable human reference: tuid, else msgctxt + msgid, else the source text."""
        if self.id:
            return self.id
        if self.context:
            return f"{self.context}\x04{self.source_text}"
        return self.source_text


@dataclass
class TranslationMemory:
    """A TM read from a file: header facts plus units. Readers that stream yield units instead."""

    units: list[TranslationUnit] = field(default_factory=list)
    source_lang: str | None = None
    target_lang: str | None = None
    header: dict[str, str] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    @classmethod
    def of(
        cls, units: Iterable[TranslationUnit], source_lang: str | None = None, target_lang: str | None = None
    ) -> TranslationMemory:
        return cls(list(units), source_lang, target_lang)
