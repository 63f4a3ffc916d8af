"""tm convert: one TM file to another format, streamed (no store needed)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from glossary.cli.cliutil import progress_enabled
from glossary.cli.termbase import stdout_or
from glossary.core.errors import FormatNotSupported, GlossaryError
from tm.cli.memory import language_tag
from tm.formats import FORMATS, READERS, format_for, iter_units, po, write_tm
from tm.model import TranslationUnit

_IDS = ", ".join(FORMATS)
# The languages each output declares: TMX names both (srclang, every tuv's xml:lang); XLIFF requires
# the source language only (XLIFF 2 wants trgLang once a target is written); PO, POT and the tables write what they are given.
_NEEDS = {
    "tmx": ("source", "target"),
    "xliff": ("source",),
    "xliff2": ("source", "target"),
    "po": (),
    "pot": (),
    "csv": (),
    "tsv": (),
    "xlsx": (),
}


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)


def convert(
    in_file: Annotated[
        Path,
        typer.Argument(help="TM file to read (TMX, PO/POT, XLIFF 1.2/2, CSV/TSV, XLSX).", show_default=False),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="File to write; `-` for stdout (give --to).", show_default=False),
    ],
    to: Annotated[
        str | None,
        typer.Option("--to", help=f"Output format: {_IDS} (default: by extension).", show_default=False),
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="Input format (default: by extension).", show_default=False)
    ] = None,
    source_lang: Annotated[
        str | None,
        typer.Option(
            "--source-lang",
            help="Source language: picks the source tuv of a multilingual TMX, overrides the "
            "PO/XLIFF declaration, and is the srclang written.",
            show_default=False,
            callback=language_tag,
        ),
    ] = None,
    target_lang: Annotated[
        str | None,
        typer.Option(
            "--target-lang", help="Target language (same rules).", show_default=False, callback=language_tag
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Encoding of a PO/POT/CSV/TSV input that is not UTF-8 or does not say (cp1251, "
            "koi8-r, utf-16); a BOM is honoured without it.",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="XLIFF output only: an original XLIFF whose structure is kept; its targets are "
            "filled from IN (matched by id, else source text).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Convert a translation memory between formats, unit by unit (constant memory for TMX/XLIFF/CSV).

    Example: tm convert memory.tmx -o memory.po --source-lang ru --target-lang en
    """
    in_fmt = from_ or format_for(in_file).id
    if str(output) == "-" and not to:
        raise GlossaryError("writing to stdout (-o -) needs --to FORMAT")
    out_fmt = to or format_for(output).id
    if out_fmt.lower() in READERS and out_fmt.lower() not in FORMATS:
        raise FormatNotSupported(f"{output}: {READERS[out_fmt.lower()].name} is an input format only")
    if out_fmt not in FORMATS:
        raise FormatNotSupported(f"unknown output format {out_fmt!r} (known: {_IDS})")
    if template is not None and out_fmt not in ("xliff", "xliff2"):
        raise GlossaryError("--template applies to XLIFF output only")
    header: dict = {}
    units = iter_units(
        in_file, in_fmt, source_lang=source_lang, target_lang=target_lang, header=header, encoding=encoding
    )
    first = next(units, None)  # reading the first unit fills the header (TMX srclang, PO Language)
    src = source_lang or header.get("source_lang") or (first.source_lang if first else None)
    tgt = target_lang or header.get("target_lang") or (first.target_lang if first else None)
    needed = _NEEDS.get(out_fmt, ("source", "target"))
    for side, lang in (("source", src), ("target", tgt)):
        if side in needed and not lang:
            raise GlossaryError(
                f"{in_file}: the file does not name its {side} language; pass --{side}-lang "
                f"({out_fmt} output needs it)"
            )
    if src and tgt and src.replace("_", "-").lower() == tgt.replace("_", "-").lower():
        # a catalogue read with --source-lang equal to its own Language: a TM from a language to itself
        raise GlossaryError(
            f"{in_file}: source and target language are both {src}; pass the other one with "
            f"--{'target' if source_lang else 'source'}-lang"
        )
    stream: Iterable[TranslationUnit] = chain([first], units) if first is not None else iter(())
    if progress_enabled():
        from rich.console import Console
        from rich.progress import track

        # on stderr: stdout may be carrying the converted file (-o -)
        stream = track(
            stream, description=f"converting {in_file.name}", transient=True, console=Console(stderr=True)
        )
    options: dict = {"template": template} if template is not None else {}
    forms = header.get("Plural-Forms")
    if (
        out_fmt == "po"
        and forms
        and (tgt == header.get("target_lang") or po.same_language(header.get("target_lang"), tgt))
    ):
        options["metadata"] = {"Plural-Forms": forms}  # the catalogue's own rule, kept as it was
    with stdout_or(
        output, FORMATS[out_fmt].extensions[0] if FORMATS[out_fmt].extensions else ".xlf"
    ) as target:
        written = write_tm(stream, target, out_fmt, source_lang=src, target_lang=tgt, **options)
    to_stderr = str(output) == "-"  # stdout carries the converted file
    if template is not None:
        typer.echo(
            f"filled {written:,} targets of {template} from {in_file} [{in_fmt}] into {output}", err=to_stderr
        )
    else:
        typer.echo(
            f"converted {written:,} units ({src or '?'}→{tgt or '?'}) from {in_file} [{in_fmt}] to {output} "
            f"[{out_fmt}]",
            err=to_stderr,
        )
