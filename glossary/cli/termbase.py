"""Termbase commands: new, add, show, search, import, export, validate, stats.

Each parses its arguments, calls glossary.termbase / glossary.termbase.formats / glossary.termbase.validate and renders
the result. Errors are not caught here: SlovnikGroup turns them into one line and exit code 2.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import GlossaryError, TermbaseError
from ..core.gctuning import without_gc
from ..core.textfile import text_codec
from ..findings import render_json, render_summary, render_text
from ..termbase import (
    OnDuplicate,
    add_terms,
    find_concept,
    homonym_phrases,
    load_termbase,
    merge_termbases,
    new_concept_id,
    save_termbase,
    search,
    stats,
    termbase_path,
    writable_path,
)
from ..termbase.formats import FORMATS, format_for, read_termbase, write_termbase
from ..termbase.ids import is_concept_id
from ..termbase.model import Concept, ConceptType, Status, Term, Termbase
from .cliutil import FormatOpt, GlossaryOpt, OutputFormat, print_json

FORMAT_IDS = ", ".join(FORMATS)
ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to", help=f"Output format ({FORMAT_IDS}); default: from the file extension.", show_default=False
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from", help=f"Input format ({FORMAT_IDS}); default: from the file extension.", show_default=False
    ),
]


def _text_encoding(value: str | None) -> str | None:
    """--encoding names a text encoding (not rot13 or base64), checked before any file is read."""
    if value is not None and (problem := text_codec(value, "encoding", " (--encoding)")) is not None:
        raise GlossaryError(problem)
    return value


EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Encoding of a CSV/TSV/JSON/PO input that is not UTF-8 (cp1251, koi8-r).",
        show_default=False,
        callback=_text_encoding,
    ),
]


def _table(headers: list[str], rows: list[list[str]]) -> None:
    """A rich table on a terminal; tab-separated plain lines when piped."""
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(*headers, box=None, pad_edge=False)
        for row in rows:
            table.add_row(*row)
        Console().print(table)
    else:
        typer.echo("\t".join(headers))
        for row in rows:
            typer.echo("\t".join(row))


def new(
    file: Annotated[Path, typer.Argument(help="The termbase file to create (format from its extension).")],
    title: Annotated[str | None, typer.Option(help="Title stored in the file's header.")] = None,
    to: ToOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Create an empty termbase FILE in the format given by its extension (or --to).

    Example: glossary new party.json --title "Party organs"
    """
    format_for(file, to)
    if file.exists() and not force:
        raise TermbaseError(f"{file}: already exists (use --force to overwrite)")
    fmt = format_for(file, to)
    # a new TBX is a working file with no concept yet: the one TBX written with an empty <body>
    write_termbase(
        Termbase(title=title), file, to, **({"allow_empty": True} if fmt.id in ("tbx", "tbx2") else {})
    )
    typer.echo(f"created {file} ({fmt.name})")


def add(
    glossary: GlossaryOpt = None,
    ru: Annotated[list[str] | None, typer.Option("--ru", help="Russian term (repeatable).")] = None,
    en: Annotated[list[str] | None, typer.Option("--en", help="English term (repeatable).")] = None,
    concept_id: Annotated[
        str | None,
        typer.Option("--id", help="Concept id; an existing id adds terms to that concept. Default: a slug."),
    ] = None,
    type_: Annotated[ConceptType, typer.Option("--type", help="Concept type.")] = ConceptType.TERM,
    definition: Annotated[str | None, typer.Option(help="One- or two-line gloss.")] = None,
    status: Annotated[Status, typer.Option(help="Status of the terms given here.")] = Status.PREFERRED,
    subject: Annotated[list[str] | None, typer.Option(help="Subject field (repeatable).")] = None,
    note: Annotated[list[str] | None, typer.Option(help="Concept note (repeatable).")] = None,
    source: Annotated[list[str] | None, typer.Option(help="Source (repeatable).")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Tag (repeatable).")] = None,
    see_also: Annotated[list[str] | None, typer.Option(help="Related concept id (repeatable).")] = None,
    pos: Annotated[str | None, typer.Option(help="Part of speech of the Russian terms.")] = None,
    gender: Annotated[str | None, typer.Option(help="Grammatical gender of the Russian terms.")] = None,
    number: Annotated[str | None, typer.Option(help="Grammatical number (plural for plural-only).")] = None,
    usage_note: Annotated[str | None, typer.Option(help="Usage note on the terms given here.")] = None,
    conventional: Annotated[str | None, typer.Option(help="Conventional English spelling (names).")] = None,
) -> None:
    """Add a concept (or terms to an existing one, with --id) and save the termbase atomically.

    Example: glossary add -g party.json --ru номенклатура --en nomenklatura --pos noun
    """
    path = writable_path(glossary)
    tb = load_termbase(path)  # the parse cached by an earlier run, if any
    if not ru and not en and not (concept_id and concept_id in tb):
        raise TermbaseError("give at least one term (--ru or --en)")
    terms = [
        Term(
            text=t.strip(),
            lang="ru",
            status=status,
            part_of_speech=pos,
            gender=gender,
            number=number,
            note=usage_note,
            conventional=conventional,
        )
        for t in ru or []
    ]
    terms += [Term(text=t.strip(), lang="en", status=status, note=usage_note) for t in en or []]
    if any(not t.text for t in terms):
        raise TermbaseError("empty term")
    cid = concept_id or new_concept_id(tb, *(en or []), *(ru or []))
    for ref in (cid, *(see_also or [])):
        if not is_concept_id(ref):
            raise TermbaseError(
                f"invalid concept id {ref!r} (letters, digits, '.', '_', '-'; e.g. ezhov-nikolai)"
            )
    concept = Concept(
        id=cid,
        type=type_,
        subject=subject or [],
        definition=definition,
        notes=note or [],
        sources=source or [],
        tags=tag or [],
        see_also=see_also or [],
        terms=terms,
    )
    existed = cid in tb
    _check_enums(terms)
    add_terms(tb, concept)
    from ..termbase.validate import check_termbase

    problems = [
        f for f in check_termbase(tb, path) if f.severity == "error" and f.extra.get("concept") == cid
    ]
    if problems:
        raise TermbaseError(f"not added: {problems[0].message}")
    save_termbase(tb, path)
    verb = "updated" if existed else "added"
    typer.echo(f"{verb} {cid} ({len(terms)} term{'s' if len(terms) != 1 else ''}) in {path}")


def _check_enums(terms: list[Term]) -> None:
    from ..termbase.model import GENDERS, NUMBERS, PARTS_OF_SPEECH

    for t in terms:
        for name, value, allowed in (
            ("part of speech", t.part_of_speech, PARTS_OF_SPEECH),
            ("gender", t.gender, GENDERS),
            ("number", t.number, NUMBERS),
        ):
            if value is not None and value not in allowed:
                raise TermbaseError(f"unknown {name} {value!r} (expected one of: {', '.join(allowed)})")


def _describe(t: Term) -> str:
    bits = [b for b in (t.part_of_speech, t.gender, t.number) if b]
    extra = f"  ({', '.join(bits)})" if bits else ""
    if t.conventional:
        extra += f"  conventional: {t.conventional}"
    for scheme, value in t.romanization.items():
        extra += f"  {scheme}: {value}"
    if t.note:
        extra += f"  — {t.note}"
    line = f"  {t.lang}  {t.status.value:<10} {t.text}{extra}"
    for label, items in (("not in", t.exclude), ("only with", t.context)):
        if items:
            line += f"\n                 {label}: {'; '.join(items)}"
    return line


def _homonym_cell(concept: Concept) -> str:
    """`; not in: …; only with: …` for a search row of a concept whose terms tell homonyms apart."""
    phrases = homonym_phrases(concept)
    labels = {"exclude": "not in", "context": "only with"}
    return "".join(f"; {labels[k]}: {', '.join(v)}" for k, v in phrases.items() if v)


def show(
    key: Annotated[str, typer.Argument(help="Concept id or any of its terms.", metavar="ID|TERM")],
    glossary: GlossaryOpt = None,
    output_format: FormatOpt = OutputFormat.text,
) -> None:
    """Show one concept: its terms with status and grammar, gloss, notes, sources, links.

    Example: glossary show ezhov-nikolai --format json
    """
    from ..termbase.formats.jsonfile import concept_to_dict

    concept = find_concept(load_termbase(glossary), key)
    if output_format is OutputFormat.json:
        print_json(concept_to_dict(concept))
        return
    head = concept.type.value + (f"; {', '.join(concept.subject)}" if concept.subject else "")
    lines = [f"{concept.id}  ({head})"]
    if concept.definition:
        lines.append(f"  {concept.definition}")
    lines += [_describe(t) for t in concept.terms]
    for label, values in (
        ("note", concept.notes),
        ("source", concept.sources),
        ("tags", concept.tags),
        ("see also", concept.see_also),
    ):
        if values:
            lines.append(f"  {label}: {'; '.join(values)}")
    typer.echo("\n".join(lines))


def search_cmd(
    query: Annotated[
        str, typer.Argument(help="Cyrillic (any inflected form), English, or a romanization in any scheme.")
    ],
    glossary: GlossaryOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
    output_format: FormatOpt = OutputFormat.text,
) -> None:
    """Find concepts by Russian (any form), English, or any romanization of the Russian.

    Example: glossary search Tukhachevskogo
    """
    hits = search(load_termbase(glossary), query, limit=limit)
    if output_format is OutputFormat.json:
        print_json([h.as_dict() for h in hits])
        return
    if not hits:
        typer.echo(f"no match for {query!r}", err=True)
        raise typer.Exit(1)
    rows = [
        [
            h.concept.id,
            h.concept.ru.text if h.concept.ru else "",
            h.concept.en.text if h.concept.en else "",
            f"{h.how}: {h.term.text}{_homonym_cell(h.concept)}",
        ]
        for h in hits
    ]
    _table(["id", "ru", "en", "matched"], rows)


def import_cmd(
    file: Annotated[Path, typer.Argument(help="File to import (any supported format).")],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="Termbase to import into (created if "
            "missing). Default: --glossary / [tool.slovnik] "
            "glossary.",
            show_default=False,
        ),
    ] = None,
    glossary: GlossaryOpt = None,
    from_: FromOpt = None,
    encoding: EncodingOpt = None,
    on_duplicate: Annotated[
        OnDuplicate,
        typer.Option(
            help="When an incoming concept id exists: fail (change nothing), merge, replace or skip."
        ),
    ] = OnDuplicate.fail,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Import even if the result has error-level "
            "problems (mixed scripts, broken links…); they stay for "
            "`glossary validate` to report.",
        ),
    ] = False,
) -> None:
    """Import FILE into the termbase: validated in full first, then written atomically.

    A failed import changes nothing.

    Example: glossary import more.csv --into party.json
    """
    target = writable_path(into or glossary)
    with without_gc():  # two termbases' worth of acyclic objects: the collector would only rescan them
        _import(file, target, from_, encoding, on_duplicate, force)


def _import(
    file: Path, target: Path, from_: str | None, encoding: str | None, on_duplicate: OnDuplicate, force: bool
) -> None:
    from ..termbase.validate import check_termbase, duplicate_ids

    incoming = read_termbase(file, from_, encoding=encoding)
    tb = load_termbase(target) if target.exists() else Termbase()
    # problems the termbase already had (a new or empty one has none: its checks would find nothing)
    before = {(f.code, f.message) for f in check_termbase(tb, target)} if len(tb) else set()
    dup = duplicate_ids(incoming, file)
    if dup:
        raise GlossaryError(f"{file}:{dup[0].line}: {dup[0].message}")
    report = merge_termbases(tb, incoming, on_duplicate)
    new_errors = [
        f for f in check_termbase(tb, target) if f.severity == "error" and (f.code, f.message) not in before
    ]
    if new_errors and not force:
        first = new_errors[0]
        came_in = incoming.get(first.extra.get("concept", "")) is not None and report.merged == 0
        where = f"{file}:{first.line}" if came_in else str(file)
        raise GlossaryError(
            f"{where}: not imported: {first.message} (--force imports anyway; "
            "`glossary validate` lists every problem)"
        )
    save_termbase(tb, target)
    counts = report.as_dict()
    done = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "nothing"
    typer.echo(f"imported {file} into {target}: {done}")


@contextlib.contextmanager
def stdout_or(out: Path, suffix: str) -> Iterator[Path]:
    """Yield *out*, or for `-` a temp file whose bytes go to stdout once it is complete.

    The writers are atomic and write by path; a temp file keeps that (nothing half-written reaches
    the pipe if the writer fails) and serves every format alike.
    """
    if str(out) != "-":
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="slovnik-") as folder:
        tmp = Path(folder) / f"stdout{suffix}"
        yield tmp
        sys.stdout.flush()
        sys.stdout.buffer.write(tmp.read_bytes())
        sys.stdout.buffer.flush()


def export(
    out: Annotated[
        Path,
        typer.Argument(
            help="Output file; the format comes from its extension. `-` writes to stdout (give --to)."
        ),
    ],
    to: ToOpt = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Write the termbase to OUT in another format (json, csv, tsv, xlsx, tbx, tbx2, po).

    Example: glossary export party.tbx -g party.json
    """
    if str(out) == "-" and not to:
        raise TermbaseError("writing to stdout (-) needs --to FORMAT")
    fmt = format_for(out, to)
    if str(out) == "-" and fmt.id == "xlsx" and sys.stdout.isatty():
        raise TermbaseError("an XLSX workbook is binary: redirect stdout to a file")
    tb = load_termbase(glossary)
    from ..termbase.formats import po as po_glossary

    skipped = po_glossary.left_out(tb) if fmt.id == "po" else []
    with stdout_or(out, fmt.extensions[0] if fmt.extensions else ".tbx") as target:
        save_termbase(tb, target, fmt.id)
    if skipped:  # on stderr: stdout may be carrying the file
        shown = ", ".join(skipped[:5]) + (f" … ({len(skipped) - 5} more)" if len(skipped) > 5 else "")
        typer.echo(
            f"{out}: left out {len(skipped)} concept{'s' * (len(skipped) > 1)} with no {tb.source_lang} "
            f"term (a PO entry needs one for its msgid): {shown}",
            err=True,
        )
    left = set(skipped)
    terms = tb.term_count - sum(len(c.terms) for c in tb if c.id in left)
    done = f"exported {len(tb) - len(skipped)} concepts ({terms} terms) to {out} ({fmt.name})"
    typer.echo(done, err=str(out) == "-")


def validate_cmd(
    file: Annotated[
        Path | None, typer.Argument(help="File to check (default: the termbase).", show_default=False)
    ] = None,
    glossary: GlossaryOpt = None,
    from_: FromOpt = None,
    encoding: EncodingOpt = None,
    output_format: FormatOpt = OutputFormat.text,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")
    ] = False,
) -> None:
    """Check a termbase: schema, duplicates, missing preferred English, mixed scripts, broken links.

    Exit code 1 when problems are found, 2 when the file cannot be read.

    Example: glossary validate party.tbx
    """
    from ..termbase.validate import check_file

    path = file or termbase_path(glossary)
    findings = check_file(path, from_, encoding=encoding)
    if output_format is OutputFormat.json:
        typer.echo(render_json(findings), nl=False)
    else:
        typer.echo(render_text(findings) + render_summary(findings), nl=False)
    if findings and not exit_zero:
        raise typer.Exit(1)


def stats_cmd(
    glossary: GlossaryOpt = None,
    output_format: FormatOpt = OutputFormat.text,
) -> None:
    """Count concepts and terms, by concept type, language and status.

    Example: glossary stats --format json
    """
    data = stats(load_termbase(glossary))
    if output_format is OutputFormat.json:
        print_json(data)
        return
    rows = [["concepts", str(data["concepts"])], ["terms", str(data["terms"])]]
    for group in ("by_type", "by_lang", "by_status"):
        rows += [[f"{group[3:]}: {k}", str(v)] for k, v in data[group].items()]
    _table(["what", "count"], rows)


def register(app: typer.Typer) -> None:
    app.command("new")(new)
    app.command("add")(add)
    app.command("show")(show)
    app.command("search")(search_cmd)
    app.command("import")(import_cmd)
    app.command("export")(export)
    app.command("validate")(validate_cmd)
    app.command("stats")(stats_cmd)
