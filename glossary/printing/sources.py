"""`--for`: the concepts a set of texts or translation memories uses (the glossary for one book).

glossary never imports tm, so the few formats `--for` accepts are read here, for their text only:
plain text and Markdown (.txt, .md), TMX (every <seg>, any language), PO/POT (msgid and msgstr,
plurals included) and XLIFF 1.2/2.x (<source> and <target>). Recognition is the linter's and the TM
checks' own: glossary.recognition.recognize.TermIndex, Russian by lemma, English by inflection and romanization.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.errors import FormatNotSupported
from ..termbase.model import Termbase

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
TM_SUFFIXES = (".tmx", ".po", ".pot", ".xlf", ".xliff")


def iter_texts(path: Path) -> Iterator[str]:
    """The translatable text of *path*, in pieces (one per segment for TM files)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from ..core.textfile import read_text

        yield read_text(path)
    elif suffix == ".tmx":
        yield from _xml_texts(path, {"seg"})
    elif suffix in (".xlf", ".xliff"):
        yield from _xml_texts(path, {"source", "target"})
    elif suffix in (".po", ".pot"):
        yield from _po_texts(path)
    else:
        raise FormatNotSupported(
            f"{path}: --for reads {', '.join(TEXT_SUFFIXES + TM_SUFFIXES)} "
            f"files, not {suffix or 'files without an extension'}"
        )


# Inline codes whose content is the original document's markup, not text (TMX bpt/ept/ph/it,
# XLIFF 1.2 bpt/ept/ph/it; XLIFF 2 keeps markup in attributes).
_NATIVE_CODE = {"bpt", "ept", "ph", "it", "ut"}


def _segment_text(element) -> str:
    from ..core.xmlsafe import local_name

    parts = [element.text or ""]
    for child in element:
        if local_name(child) not in _NATIVE_CODE:
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _xml_texts(path: Path, names: set[str]) -> Iterator[str]:
    from ..core.xmlsafe import local_name, parse_xml

    for element in parse_xml(path).iter():
        if local_name(element) in names:
            text = _segment_text(element)
            if text.strip():
                yield text


def _po_texts(path: Path) -> Iterator[str]:
    from ..core.pofile import load_po

    catalog = load_po(path)
    for entry in catalog:
        if entry.obsolete:
            continue
        yield entry.msgid
        if entry.msgid_plural:
            yield entry.msgid_plural
        yield entry.msgstr
        yield from entry.msgstr_plural.values()


def concepts_used_in(termbase: Termbase, paths: Iterable[Path]) -> set[str]:
    """Ids of the concepts whose terms occur (Russian or English) in any of *paths*."""
    from ..recognition.recognize import TermIndex

    index = TermIndex(termbase)
    found: set[str] = set()
    for path in paths:
        for text in iter_texts(path):
            # A text may hold both languages (a TM, a bilingual draft): look for both.
            found.update(m.concept_id for m in index.find_ru(text))
            found.update(m.concept_id for m in index.find_en(text))
    return found
