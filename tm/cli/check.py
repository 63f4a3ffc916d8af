"""`tm check`: terminology and consistency QA over TM files or a TM store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.cliutil import GlossaryOpt, OutputOpt, fail, progress_enabled
from glossary.core.config import load_config
from glossary.core.errors import GlossaryError

if TYPE_CHECKING:  # tm.formats loads lxml: the command imports it when it runs
    from tm.formats import Part


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"
    sarif = "sarif"
    github = "github"


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _is_store(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _units(paths: list[Path]):
    from tm.checks.runner import given_path
    from tm.formats import iter_units

    for path in paths:
        if _is_store(path):
            from tm.store import Store

            with Store(path) as store:
                for tu in store.iter_units():
                    if tu.origin is None:
                        tu.origin = str(path)
                    yield tu
        else:
            yield from given_path(iter_units(path), str(path))


def _parts(paths: list[Path], jobs: int) -> list[Part] | None:
    """The files cut into parts for the workers to read themselves, when every file can be cut."""
    from tm.formats import split_units

    if jobs < 2 or any(_is_store(p) for p in paths):
        return None
    parts: list[Part] = []
    for path in paths:
        try:
            # a few parts per worker: they finish close together, and each holds little
            size = min(max(path.stat().st_size // (jobs * 8), 1 << 20), 16 << 20)
            cut = split_units(path, size=size)
        except (OSError, GlossaryError):
            return None  # the reader reports it, in the order of the files
        if cut is None:
            return None
        parts += cut
    return parts


def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="TM files (TMX, PO, XLIFF, CSV/TSV, XLSX) or TM stores.", show_default=False),
    ],
    glossary: GlossaryOpt = None,
    no_glossary: Annotated[
        bool,
        typer.Option(
            "--no-glossary",
            help="Run without a termbase (term checks off; consistency and name checks stay).",
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select", help="Run only these checks (ids or prefixes like `term-`; repeat or comma-separate)."
        ),
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these checks.")] = None,
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat.text,
    output: OutputOpt = None,
    suppressions: Annotated[
        Path | None,
        typer.Option(
            "--suppressions",
            help="Suppression file: findings listed there stay quiet. Default: [tool.slovnik] suppressions.",
            show_default=False,
        ),
    ] = None,
    write_suppressions: Annotated[
        Path | None,
        typer.Option(
            "--write-suppressions",
            help="Accept the current findings: write their signatures to FILE and exit 0.",
            show_default=False,
        ),
    ] = None,
    missing_severity: Annotated[
        str | None,
        typer.Option(
            "--missing-severity",
            help="Severity of term-missing: warning (default) or error.",
            show_default=False,
        ),
    ] = None,
    subject: Annotated[
        list[str] | None,
        typer.Option(
            "--subject",
            help="The memory's subject fields (repeat or "
            "comma-separate): term checks use only concepts with one of them, or with none. Default: "
            "[tool.slovnik.check] subject; none given = every concept.",
            show_default=False,
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    diff_base: Annotated[
        str | None,
        typer.Option(
            "--diff-base",
            help="Report only findings in units with a line added or changed since this git revision "
            "(e.g. origin/main); files git does not track count as new.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes for the per-unit checks (default: one per core, at most 4; 1 = no workers).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check translations against the termbase and for consistency.

    Terms are recognised by lemma on the Russian side (any case and number, multi-word, never inside
    another word) and by inflection and romanization on the English side. Exit 0 when clean, 1 on
    findings, 2 on errors. Check ids: term-missing, term-forbidden, inconsistent-target,
    inconsistent-source, term-inconsistent, translit-variant, number-mismatch, untranslated,
    tag-mismatch, punctuation.

    Example: tm check examples/memory.tmx --format json
    """
    from tm.checks import select_checks
    from tm.checks.base import SEVERITIES, CheckOptions
    from tm.checks.runner import default_jobs, run_checks
    from tm.checks.suppress import apply_suppressions, read_suppressions
    from tm.checks.suppress import write_suppressions as write_sup

    config = load_config()
    settings = config.get("check", {}) or {}
    if not isinstance(settings, dict):
        settings = {}
    chosen = select_checks(
        _split(select) or _split(settings.get("select")) or None,
        _split(ignore) or _split(settings.get("ignore")),
    )
    severity = missing_severity or settings.get("missing-severity", "warning")
    if severity not in SEVERITIES:
        fail(f"--missing-severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    if output_format is CheckFormat.xlsx and output is None:
        fail("--format xlsx needs an output file (-o report.xlsx)")

    termbase = None
    if not no_glossary:
        from glossary.termbase import load_termbase

        termbase = load_termbase(glossary)
        subjects = _split(subject) or _split(settings.get("subject"))
        if subjects:
            from tm.checks.terms import in_subjects

            termbase = in_subjects(termbase, subjects)
    options = CheckOptions(missing_severity=severity, paths_as_given=True)

    progress = None
    on_batch = None
    if progress_enabled():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress = Progress(
            SpinnerColumn(),
            TextColumn("checking {task.completed} units"),
            TimeElapsedColumn(),
            transient=True,
        )
        task = progress.add_task("check", total=None)
        progress.start()

        def on_batch(n: int) -> None:
            progress.advance(task, n)

    try:
        jobs = jobs or default_jobs()
        result = run_checks(
            _units(paths),
            termbase,
            checks=chosen,
            options=options,
            jobs=jobs,
            on_batch=on_batch,
            parts=_parts(paths, jobs),
        )
    finally:
        if progress is not None:
            progress.stop()
    if result.passed_over is not None:
        typer.echo(result.passed_over.note(), err=True)

    if write_suppressions is not None:
        n = write_sup(result.findings, write_suppressions)
        typer.echo(f"wrote {n} suppressions to {write_suppressions}", err=True)
        raise typer.Exit(0)
    sup_path = suppressions or config.path("suppressions")
    if suppressions is None and sup_path is not None and not sup_path.exists():
        sup_path = None  # configured but not written yet (--write-suppressions creates it): nothing to apply
    if sup_path is not None:
        result.findings, result.suppressed = apply_suppressions(result.findings, read_suppressions(sup_path))
    if diff_base is not None:
        from glossary.cli.gitdiff import changed_lines

        result.findings = in_changed_units(result.findings, changed_lines(diff_base))

    _render(result, output_format, output, termbase, paths)
    if result.findings and not exit_zero:
        raise typer.Exit(1)


def in_changed_units(findings: list, changed: dict[Path, set[int]]) -> list:
    """The findings whose unit has a changed line. A unit's lines run from its first (a PO entry's
    first comment, a `tu`/`trans-unit`/`segment` tag, a CSV row) to the line before the next unit's,
    so an edited target a few lines below its unit's tag counts."""
    import bisect

    from glossary.cli.gitdiff import touches
    from tm.formats import iter_units

    starts: dict[str, list[int]] = {}
    out = []
    for f in findings:
        if f.path is None or f.line is None:
            continue  # a unit read without a place cannot be on a changed line
        path = Path(f.path)
        if f.path not in starts:
            starts[f.path] = []
            if touches(changed, path, 1, None):  # a changed file: where its units start
                try:
                    starts[f.path] = sorted({tu.line for tu in iter_units(path) if tu.line is not None})
                except (OSError, GlossaryError):
                    pass  # a unit then counts by its own line
        known = starts[f.path]
        if not known:
            last: int | None = f.line
        else:
            i = bisect.bisect_right(known, f.line)
            last = known[i] - 1 if i < len(known) else None  # the last unit runs to the end
        if touches(changed, path, f.line, last):
            out.append(f)
    return out


def _render(result, output_format: CheckFormat, output: Path | None, termbase, paths: list[Path]) -> None:
    from glossary.core.atomic import atomic_write_text
    from tm.reports import render

    if output_format is CheckFormat.xlsx:
        from tm.reports.xlsx import write_xlsx

        assert output is not None  # refused above without -o
        write_xlsx(result, output)
        return
    if output_format is CheckFormat.html:
        from tm.reports.html import render_html

        text = render_html(result, termbase=termbase)
    elif output_format is CheckFormat.json:
        text = render.render_json(result.findings)
    elif output_format is CheckFormat.sarif:
        text = render.render_sarif(result.findings)
    elif output_format is CheckFormat.github:
        from tm.reports.github import render_github

        text = render_github(result.findings, paths)
    else:
        text = render.render_text(result.findings, result.units)
        if result.suppressed:
            text += f"({result.suppressed} suppressed)\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(output, text)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
