"""`glossary print`: the termbase (or the part a book uses) as PDF, HTML, Markdown, DOCX or LaTeX."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..core import gctuning
from ..core.errors import GlossaryError
from .cliutil import GlossaryOpt


class SortBy(StrEnum):
    ru = "ru"
    latin = "latin"
    en = "en"


class Paper(StrEnum):
    a4 = "a4"
    letter = "letter"


class Direction(StrEnum):
    ru_en = "ru-en"
    en_ru = "en-ru"


class Spelling(StrEnum):
    uk = "uk"
    us = "us"


def _schemes(value: str | None) -> tuple[str, ...]:
    if value is None:
        from ..core.config import load_config

        value = load_config().get("scheme") or "lc"
    ids = tuple(s.strip() for s in value.split(",") if s.strip())
    if not 1 <= len(ids) <= 2:
        raise typer.BadParameter(
            "give one scheme id or two separated by a comma (lc,bgn)", param_hint="--scheme"
        )
    return ids


def print_command(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Output file; the extension picks the format: .pdf, .html, .md, .docx, .tex.",
            show_default=False,
        ),
    ],
    glossary: GlossaryOpt = None,
    scheme: Annotated[
        str | None,
        typer.Option(
            "--scheme",
            "-s",
            metavar="ID[,ID2]",
            help="Romanization scheme id, or two "
            "separated by a comma (lc,bgn: LC with BGN in brackets). "
            "Default: [tool.slovnik] scheme, else lc.",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[
        SortBy | None,
        typer.Option(
            "--sort",
            help="Order by the Russian term (ё with е, "
            "case-insensitive), by its romanization (latin), or by "
            "the English term. Default: the headword language.",
            show_default=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="KEY:VALUE",
            help="Keep only concepts matching "
            "KEY:VALUE[,KEY:VALUE…], KEY one of type, tag, "
            "subject (e.g. type:person, tag:core). Values of one "
            "key are alternatives; different keys must all "
            "match. Repeatable.",
            show_default=False,
        ),
    ] = None,
    for_paths: Annotated[
        list[Path] | None,
        typer.Option(
            "--for",
            metavar="PATH",
            help="Keep only concepts that occur "
            "in these texts or TMs (.txt, .md, .tmx, .po, "
            ".xlf). Repeatable.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title (default: the termbase title).", show_default=False)
    ] = None,
    preface: Annotated[
        Path | None,
        typer.Option(
            "--preface",
            help="Plain-text file printed before the entries; blank lines separate paragraphs.",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[Paper, typer.Option("--paper", help="Paper size (PDF, HTML, DOCX).")] = Paper.a4,
    font_size: Annotated[
        float,
        typer.Option(
            "--font-size", min=6, max=16, metavar="PT", help="Body font size in points (PDF, HTML, DOCX)."
        ),
    ] = 9.0,
    direction: Annotated[
        Direction,
        typer.Option(
            "--direction",
            help="ru-en: Russian headwords with "
            "English renderings; en-ru: the reverse (people "
            "under their surnames).",
        ),
    ] = Direction.ru_en,
    spelling: Annotated[
        Spelling | None,
        typer.Option(
            "--spelling",
            help="Where two renderings differ "
            "only by UK/US spelling (labour/labor camp), "
            "print the uk or us one. Default: the termbase's "
            "first.",
            show_default=False,
        ),
    ] = None,
    works: Annotated[
        bool,
        typer.Option(
            "--works",
            help="Print the termbase's publications as a list of "
            "works instead (romanized title in the citation scheme, "
            "Cyrillic, [translation]), sorted as a bibliography is; "
            "any format above, or .txt.",
        ),
    ] = False,
) -> None:
    """Print the termbase as a book-quality glossary (PDF) or for editors (HTML, Markdown, DOCX, LaTeX).

    Entries give the headword, its romanization, grammar, the approved renderings (preferred first),
    rejected ones as "not …", the gloss and cross-references, in alphabetical order under letter
    headings. Example: glossary print -o glossary.pdf --scheme lc,bgn --spelling uk --for chapter1.md
    """
    if works:
        _print_works(output, glossary, scheme, title, paper=paper.value, font_size=font_size)
        return
    from ..core.textfile import read_text
    from ..printing import build_glossary, parse_selection, write_glossary, writer_for
    from ..printing.sources import concepts_used_in
    from ..termbase import load_termbase

    try:
        selection = parse_selection(select or [])
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--select") from None
    schemes = _schemes(scheme)
    writer_for(output)  # an unsupported extension fails before any work is done
    # the termbase, entry list and layout data all live until the output is written: the collector's
    # passes would only rescan them (0.05–0.08 s of a 2,000-entry PDF run), and at exit once more
    with gctuning.without_gc(freeze_at_exit=True):
        termbase = load_termbase(glossary)
    # --for may read large memories: the collector stays on for that
    only = concepts_used_in(termbase, for_paths) if for_paths else None
    with gctuning.without_gc(freeze_at_exit=True):
        preface_text = read_text(preface) if preface else None
        result = build_glossary(
            termbase,
            direction=direction.value,
            schemes=schemes,
            sort=sort.value if sort else None,
            selection=selection,
            only=only,
            title=title,
            preface=preface_text,
            spelling=spelling.value if spelling else None,
        )
        if not result.groups:  # an empty book is a mistake in the selection, not a result
            chosen = " and ".join(
                x for x in ("--select" if selection else "", "--for" if for_paths else "") if x
            )
            raise GlossaryError(
                f"{output}: nothing to print: no concept "
                + (f"matches {chosen}" if chosen else "has a preferred term in the headword language")
            )
        write_glossary(result, output, paper=paper.value, font_size=font_size)
    letters = len(result.groups)
    typer.echo(
        f"{output}: {len(result.entries)} entries under {letters} letter heading{'' if letters == 1 else 's'}"
    )


def _print_works(
    output: Path, glossary, scheme: str | None, title: str | None, *, paper: str, font_size: float
) -> None:
    from ..core.config import load_config
    from ..printing.works import FORMATS, write_works
    from ..romanization.romanize import get_scheme
    from ..termbase import load_termbase

    if output.suffix.lower() not in FORMATS:
        raise GlossaryError(
            f"{output}: --works writes {', '.join(FORMATS)} (not {output.suffix or 'no extension'})"
        )
    scheme = scheme or load_config().get("citation-scheme", "lc")
    get_scheme(scheme)
    n = write_works(load_termbase(glossary), output, scheme, title, paper=paper, font_size=font_size)
    if n == 0:
        raise GlossaryError(
            f"{output}: nothing to print: the termbase has no publication with a Russian title"
        )
    typer.echo(f"{output}: {n} work{'' if n == 1 else 's'}")


def register(app: typer.Typer) -> None:
    app.command("print")(print_command)
