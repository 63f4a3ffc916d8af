"""tm import / export / search / lookup / stats: the embedded TM store from the command line.

Thin layer: parse options, call tm.store / tm.store.fuzzy, render text or JSON. Library errors (ParseError,
StoreError, FormatNotSupported) are turned into one-line messages and exit 2 by the app's group.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import nullcontext
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.cliutil import FormatOpt, OutputFormat, print_json, progress_enabled
from tm.formats._xml import is_language_tag
from tm.model import TranslationUnit
from tm.store import DEFAULT_LOCK_TIMEOUT, Hit, Store, StoreError, import_into

if TYPE_CHECKING:
    from rich.progress import TaskID

StoreArg = Annotated[Path, typer.Argument(help="The TM store (an SQLite file).", show_default=False)]


def language_tag(value: str | None) -> str | None:
    """Option callback: a language option must be a BCP 47 tag (it is written into xml:lang, srcLang …)."""
    if value is not None and not is_language_tag(value):
        raise typer.BadParameter(f"{value!r} is not a BCP 47 language tag (e.g. ru, en-GB, sr-Latn)")
    return value


SourceLangOpt = Annotated[
    str | None,
    typer.Option(
        "--source-lang", help="Source language (e.g. ru).", show_default=False, callback=language_tag
    ),
]
TargetLangOpt = Annotated[
    str | None,
    typer.Option(
        "--target-lang", help="Target language (e.g. en).", show_default=False, callback=language_tag
    ),
]


class SideChoice(StrEnum):
    source = "source"
    target = "target"
    both = "both"


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("export")(export)
    app.command("search")(search)
    app.command("lookup")(lookup)
    app.command("stats")(stats)


def import_(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="TM files (TMX, PO/POT, MO, XLIFF 1.2/2.x, CSV/TSV, XLSX) or folders of them.",
            show_default=False,
        ),
    ],
    into: Annotated[
        Path,
        typer.Option("--into", help="The store to import into (created if missing).", show_default=False),
    ],
    from_: Annotated[
        str | None,
        typer.Option("--from", help="Format of the files (default: by extension).", show_default=False),
    ] = None,
    source_lang: SourceLangOpt = None,
    target_lang: TargetLangOpt = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Encoding of PO/POT/CSV/TSV files that are not UTF-8 or do not say (cp1251, koi8-r, "
            "utf-16); a BOM is honoured without it.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            metavar="SECONDS",
            help="How long to wait while another import holds the store.",
        ),
    ] = DEFAULT_LOCK_TIMEOUT,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Import TM files into a store, all in one transaction.

    If any file cannot be read, nothing is imported and the error names the file and line. Identical
    units (same source, target and context) are stored once with a count. While another import holds
    the store, this one waits (up to --timeout seconds) and says so on stderr.

    Example: tm import examples/memory.tmx --into tm.db
    """
    files = _expand_folders(files)
    with _import_progress() as progress:

        def waiting() -> None:
            note = f"waiting for the lock on {into} held by another import… (up to {timeout:g} s)"
            if progress is None:
                typer.echo(note, err=True)
            else:  # through the live display, which would otherwise draw over it
                progress.progress.console.print(note, markup=False, highlight=False)

        report = import_into(
            into,
            files,
            fmt=from_,
            source_lang=source_lang,
            target_lang=target_lang,
            progress=progress,
            timeout=timeout,
            on_wait=waiting,
            encoding=encoding,
        )
    if fmt == OutputFormat.json:
        print_json({"store": str(into), **report.to_dict()})
        return
    for f in report.files:
        typer.echo(
            f"{f.path}: {f.read:,} read, {f.added:,} added, {f.duplicates:,} duplicates"
            + (f", {f.skipped:,} without source text skipped" if f.skipped else "")
        )
    typer.echo(f"imported {report.added:,} units into {into} in {report.seconds:.1f} s")


class _RichProgress:
    """Callback for Store.import_files that drives a rich progress display (one task per file)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            MofNCompleteColumn(),
            TextColumn("units"),
            TimeElapsedColumn(),
            transient=True,
            console=Console(stderr=True),
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        self.progress.__exit__(*exc)

    def __call__(self, path: str, done: int) -> None:
        if path not in self.tasks:
            self.tasks[path] = self.progress.add_task(Path(path).name, total=None)
        self.progress.update(self.tasks[path], completed=done)


def _import_progress():
    return _RichProgress() if progress_enabled() else nullcontext(None)


def export(
    store_path: StoreArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (format by extension).", show_default=False)
    ],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Output format: tmx, po, pot, xliff, xliff2, csv, tsv, xlsx (default: by extension).",
            show_default=False,
        ),
    ] = None,
    source_lang: SourceLangOpt = None,
    target_lang: TargetLangOpt = None,
) -> None:
    """Export the units of a store to a TM file (written atomically).

    Example: tm export tm.db -o memory.po --source-lang ru
    """
    from tm.formats import write_tm

    with Store(store_path) as store:
        pairs = store.language_pairs()
        chosen = [(s, t) for s, t in pairs if _matches(s, source_lang) and _matches(t, target_lang)]
        if not chosen:
            raise StoreError(
                f"{store_path}: no units for that language pair (store has "
                f"{_pairs_text(pairs) or 'no units'})"
            )
        # `ru` asks for ru-RU too; pairs that still differ once the languages asked for are set need a choice
        if len({(source_lang or s, target_lang or t) for s, t in chosen}) > 1:
            raise StoreError(
                f"{store_path}: several language pairs ({_pairs_text(chosen)}); choose one with "
                f"--source-lang/--target-lang"
            )
        src, tgt = source_lang or chosen[0][0], target_lang or chosen[0][1]
        units: Iterable[TranslationUnit] = chain.from_iterable(store.iter_units(s, t) for s, t in chosen)
        total = sum(pairs[pair] for pair in chosen)
        if progress_enabled():
            from rich.console import Console
            from rich.progress import track

            units = track(
                units,
                total=total,
                description=f"exporting to {output.name}",
                transient=True,
                console=Console(stderr=True),
            )
        written = write_tm(
            units,
            output,
            to,
            source_lang=source_lang or src or "und",
            target_lang=target_lang or tgt or "und",
        )
    typer.echo(f"exported {written:,} units ({src}→{tgt}) to {output}")


def _expand_folders(files: list[Path]) -> list[Path]:
    """Each folder replaced by the TM files directly in it (by extension, sorted); a folder with none
    is an error that says so."""
    from tm.formats import READERS

    known = {ext for f in READERS.values() for ext in f.extensions}
    out: list[Path] = []
    for path in files:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in known and p.is_file())
        if not found:
            raise StoreError(
                f"{path}: is a folder with no TM files in it (known: {', '.join(sorted(known))})"
            )
        out.extend(found)
    return out


def _matches(tag: str | None, wanted: str | None) -> bool:
    """Whether the stored language *tag* is the language asked for: the same tag, or a regional or
    script variant of it (ru matches ru-RU and ru_RU; ru-RU does not match ru)."""
    if not wanted:
        return True
    tag, wanted = (tag or "").replace("_", "-").lower(), wanted.replace("_", "-").lower()
    return tag == wanted or tag.startswith(wanted + "-")


def _pairs_text(pairs) -> str:
    return ", ".join(f"{s}→{t}" for s, t in pairs)


def search(
    store_path: StoreArg,
    query: Annotated[
        str,
        typer.Argument(help='Words to find (all of them); "a phrase" in double quotes.', show_default=False),
    ],
    lemma: Annotated[
        bool,
        typer.Option(
            "--lemma",
            help="Match every form of the Russian words (номенклатура finds номенклатуры, номенклатурой).",
        ),
    ] = False,
    side: Annotated[
        SideChoice, typer.Option("--side", help="Search the source, the target or both.")
    ] = SideChoice.both,
    phrase: Annotated[bool, typer.Option("--phrase", help="The words must occur together in order.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many results.")] = 20,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Concordance: find units containing words, a phrase or (with --lemma) any form of Russian words.

    Example: tm search tm.db номенклатура --lemma
    """
    with Store(store_path) as store:
        hits = store.search(query, lemma=lemma, side=side.value, phrase=phrase, limit=limit)
    if fmt == OutputFormat.json:
        print_json({"query": query, "lemma": lemma, "side": side.value, "hits": [_hit_json(h) for h in hits]})
        return
    if not hits:
        typer.echo("no matches")
        return
    tty = sys.stdout.isatty()
    for h in hits:
        u = h.unit
        typer.echo(
            f"#{h.id} {u.source_lang or '?'}→{u.target_lang or '?'}"
            + (f" ×{h.count}" if h.count > 1 else "")
            + (f"  {u.origin}" if u.origin else "")
        )
        typer.echo(f"  source: {_highlight(u.source_text, h.source_spans, tty)}")
        typer.echo(f"  target: {_highlight(u.target_text, h.target_spans, tty)}")


def _hit_json(h: Hit) -> dict:
    u = h.unit
    return {
        "id": h.id,
        "source": u.source_text,
        "target": u.target_text,
        "source_lang": u.source_lang,
        "target_lang": u.target_lang,
        "context": u.context,
        "origin": u.origin,
        "count": h.count,
        "source_spans": [list(s) for s in h.source_spans],
        "target_spans": [list(s) for s in h.target_spans],
    }


def _highlight(text: str, spans: list[tuple[int, int]], tty: bool) -> str:
    """Matched words in bold on a terminal, in [brackets] otherwise."""
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        word = text[start:end]
        out.append(typer.style(word, bold=True, fg="yellow") if tty else f"[{word}]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def lookup(
    store_path: StoreArg,
    segment: Annotated[str, typer.Argument(help="The new source segment.", show_default=False)],
    min_score: Annotated[
        int, typer.Option("--min", min=0, max=101, help="Lowest match percentage shown.")
    ] = 75,
    top: Annotated[int, typer.Option("--top", min=1, help="At most this many matches.")] = 5,
    context: Annotated[
        str | None,
        typer.Option(
            "--context",
            help="Context of the segment (PO msgctxt): an exact match with the same context scores 101.",
            show_default=False,
        ),
    ] = None,
    prev: Annotated[
        str | None,
        typer.Option(
            "--prev",
            help="The preceding source segment: an exact match that followed the same segment scores 101.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
) -> None:
    """Fuzzy lookup: the best earlier translations of a segment, with match % and a word diff.

    Example: tm lookup tm.db "Пленум Центрального комитета открылся." --min 60
    """
    with Store(store_path) as store:
        matches = store.lookup(segment, min_score=min_score, top=top, context=context, prev_source=prev)
    if fmt == OutputFormat.json:
        print_json(
            {
                "query": segment,
                "min": min_score,
                "matches": [
                    {
                        "score": m.score,
                        "id": m.id,
                        "source": m.unit.source_text,
                        "target": m.unit.target_text,
                        "context": m.unit.context,
                        "origin": m.unit.origin,
                        "count": m.count,
                        "context_match": m.context_match,
                        "diff": [vars(d) for d in m.diff],
                    }
                    for m in matches
                ],
            }
        )
        return
    if not matches:
        typer.echo(f"no match of {min_score}% or more")
        return
    for m in matches:
        typer.echo(
            f"{m.score:>3}%  #{m.id}"
            + (" (context match)" if m.context_match else "")
            + (f"  ×{m.count}" if m.count > 1 else "")
        )
        typer.echo(f"  source: {m.unit.source_text}")
        typer.echo(f"  target: {m.unit.target_text}")
        if any(d.op != "equal" for d in m.diff):
            typer.echo(f"  diff:   {render_diff(m.diff)}")


def render_diff(ops) -> str:
    """`[-deleted-]`, `{+inserted+}`, `[-old-]{+new+}` — the wdiff convention."""
    parts = []
    for d in ops:
        if d.op == "equal":
            parts.append(d.tm)
        elif d.op == "delete":
            parts.append(f"[-{d.tm}-]")
        elif d.op == "insert":
            parts.append(f"{{+{d.query}+}}")
        else:
            parts.append(f"[-{d.tm}-]{{+{d.query}+}}")
    return " ".join(parts)


def stats(store_path: StoreArg, fmt: FormatOpt = OutputFormat.text) -> None:
    """Store statistics: units, duplicates, language pairs, origins, imports, size.

    Example: tm stats tm.db
    """
    with Store(store_path) as store:
        data = store.stats()
    if fmt == OutputFormat.json:
        print_json(data)
        return
    typer.echo(f"store:        {data['path']}")
    typer.echo(
        f"units:        {data['units']:,} ({data['occurrences']:,} occurrences, "
        f"{data['duplicates']:,} duplicates collapsed)"
    )
    typer.echo(f"untranslated: {data['untranslated']:,}")
    typer.echo(f"with tags:    {data['with_tags']:,}")
    typer.echo(f"with context: {data['with_context']:,}")
    typer.echo("languages:    " + (", ".join(f"{k} {v:,}" for k, v in data["language_pairs"].items()) or "-"))
    typer.echo(f"index words:  {data['index_words']:,}")
    typer.echo(f"size:         {data['size_bytes'] / 1e6:.1f} MB (+ {data['wal_bytes'] / 1e6:.1f} MB WAL)")
    typer.echo("origins:")
    for origin, n in data["origins"].items():
        typer.echo(f"  {n:>10,}  {origin}")
    typer.echo("imports:")
    for imp in data["imports"]:
        typer.echo(
            f"  #{imp['id']} {imp['at']}  {imp['added']:,} added, {imp['duplicates']:,} duplicates  "
            + ", ".join(imp["files"])
        )
