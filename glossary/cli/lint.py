"""`glossary lint`, `glossary rule`, `glossary extract`: the romanization-style linter and term
extraction. Thin: parse options, call glossary.lint / glossary.extract, render."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..core.config import load_config
from ..findings import (
    render_github,
    render_json,
    render_sarif,
    render_statistics,
    render_summary,
    render_text,
)
from ..termbase.model import Termbase
from .cliutil import GlossaryOpt, OutputFormat, SchemeOpt, fail, print_json, progress_enabled

PROGRESS_MIN_FILES = 20


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


def _load_termbase(glossary: Path | None) -> Termbase | None:
    from ..termbase import STARTER_PATH, load_termbase, termbase_path

    path = termbase_path(glossary)
    if glossary is None and path == STARTER_PATH and not path.exists():
        return None  # a source checkout without the starter data: lint without a termbase
    return load_termbase(glossary)


def _lint_with_progress(paths: list[Path], settings, termbase):
    from ..lint.engine import collect_files, lint_paths

    files = collect_files(paths)
    if len(files) < PROGRESS_MIN_FILES or not progress_enabled():
        return lint_paths(files, settings, termbase)
    from rich.progress import Progress

    from ..lint.engine import lint_run, read_documents

    with Progress(transient=True) as progress:  # its refresh thread ends before the lint runs
        task = progress.add_task("reading", total=len(files))
        documents = read_documents(files, on_read=lambda _path: progress.advance(task))
    return lint_run(documents, settings, termbase)


def _lint_stdin(name: str | None, settings, termbase):
    from ..lint.engine import lint_run
    from ..lint.sources import read_stdin

    return lint_run([read_stdin(sys.stdin.buffer.read(), name)], settings, termbase)


def _apply_fixes(result, settings, termbase, *, write: bool):
    """Apply the safe fixes, then lint the fixed text again so that the report describes it.
    Returns (fixed files, number of findings fixed, the new result)."""
    from dataclasses import replace

    from ..core.atomic import check_target
    from ..lint.engine import lint_run
    from ..lint.fix import plan_fixes
    from ..lint.sources import reread

    planned = [p for p in plan_fixes(result.findings, result.documents) if p.changed]
    if not planned:
        return planned, 0, result
    if write:
        for p in planned:  # a read-only file or mount is refused before any file is fixed
            check_target(p.document.path)
        for p in planned:
            p.write()
    fixed = {id(p.document): p for p in planned}
    documents = [reread(d, fixed[id(d)].fixed) if id(d) in fixed else d for d in result.documents]
    # The fixed text is judged as a new run would judge it (a detected house scheme is detected
    # again, so the summary's counts and the termbase-vs-house choice are the fixed text's), by the
    # same house scheme: should detection now pick another, the first one is kept.
    rerun = lint_run(documents, settings, termbase, romanized=result.romanized)
    if result.house is not None and (rerun.house is None or rerun.house.scheme != result.house.scheme):
        rerun = lint_run(
            documents, replace(settings, scheme=result.house.scheme), termbase, romanized=result.romanized
        )
        rerun.house = result.house
    return planned, sum(len(p.applied) for p in planned), rerun


def lint(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders to check (.txt .md .html .docx "
            ".po .tmx .xlf); folders are searched recursively; "
            "`-` reads standard input."
        ),
    ],
    scheme: SchemeOpt = None,
    glossary: GlossaryOpt = None,
    select: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated rule codes or prefixes to check "
            "(replaces the configured selection), e.g. R1,S301.",
            show_default=False,
        ),
    ] = None,
    extend_select: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated rule codes or prefixes to check as well (added to the selection), "
            "e.g. C4 for the citation rules.",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated rule codes or prefixes to skip (added to the configured ignores).",
            show_default=False,
        ),
    ] = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Apply safe fixes to the files (atomically); with "
            "`-`, write the fixed text to standard output.",
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the safe fixes as a unified diff; write nothing.")
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help="The name of the text read from `-`: its extension picks the format, and findings carry it.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        LintFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LintFormat.text,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count findings per rule instead of listing them.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")
    ] = False,
    citation_scheme: Annotated[
        str | None,
        typer.Option(
            "--citation-scheme",
            help="Romanization scheme of "
            "Russian titles and names in citations (C4xx "
            "rules); default `citation-scheme` in "
            "[tool.slovnik], else lc.",
            show_default=False,
        ),
    ] = None,
    diff_base: Annotated[
        str | None,
        typer.Option(
            "--diff-base",
            help="Report only findings on lines "
            "added or changed since this git revision (e.g. "
            "origin/main); files git does not track count as new.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check English text for inconsistent or off-style romanization of Russian, rejected termbase
    renderings, mixed scripts and mojibake.

    Exit status: 0 clean, 1 findings (or, with --diff, fixes to apply), 2 error.

    Example: glossary lint examples/article.md --select R1 --format json
    """
    from ..lint.config import lint_settings, split_codes
    from ..lint.fix import plan_fixes
    from ..lint.rules import RULES

    if fix and diff:
        fail("--fix and --diff cannot be combined", hint="--diff shows what --fix would change")
    from_stdin = Path("-") in paths
    if from_stdin and len(paths) > 1:
        fail("`-` (standard input) cannot be combined with other paths")
    if stdin_filename is not None and not from_stdin:
        fail("--stdin-filename names the text read from `-`", hint="pass `-` as the path")
    settings = lint_settings(
        load_config(),
        scheme=scheme,
        select=split_codes(select),
        extend_select=split_codes(extend_select),
        ignore=split_codes(ignore),
        citation_scheme=citation_scheme,
    )
    termbase = _load_termbase(glossary)
    result = (
        _lint_stdin(stdin_filename, settings, termbase)
        if from_stdin
        else _lint_with_progress(paths, settings, termbase)
    )
    _note_passed_over(result.documents)

    if diff:
        planned = [p for p in plan_fixes(result.findings, result.documents) if p.changed]
        for p in planned:
            typer.echo(p.diff(), nl=False)
        n = sum(len(p.applied) for p in planned)
        typer.echo(
            f"Would fix {n} finding{'s' if n != 1 else ''} in {len(planned)} "
            f"file{'s' if len(planned) != 1 else ''}.",
            err=True,
        )
        raise typer.Exit(0 if exit_zero or not planned else 1)

    fixed_count = 0
    if fix:
        planned, fixed_count, result = _apply_fixes(result, settings, termbase, write=not from_stdin)
        if from_stdin:  # the fixed text is the output; the report goes to stderr (as ruff does)
            doc = result.documents[0]
            typer.echo(planned[0].fixed if planned else (doc.source or doc.text), nl=False)
    findings = result.findings
    if diff_base is not None:
        from .gitdiff import changed_lines, only_changed

        findings = only_changed(findings, changed_lines(diff_base))
    report_to_stderr = fix and from_stdin
    house = result.house

    if output_format is LintFormat.json:
        typer.echo(render_json(findings), nl=False, err=report_to_stderr)
    elif output_format is LintFormat.sarif:
        from .. import __version__

        typer.echo(
            render_sarif(
                findings,
                "slovnik",
                [r.meta() for r in RULES.values()],
                version=__version__,
                properties={"houseScheme": house.to_dict()} if house else None,
            ),
            nl=False,
            err=report_to_stderr,
        )
    elif output_format is LintFormat.github:
        typer.echo(render_github(findings), nl=False, err=report_to_stderr)
    elif statistics:
        typer.echo(render_statistics(findings), nl=False, err=report_to_stderr)
    else:
        typer.echo(render_text(findings), nl=False, err=report_to_stderr)
        summary = (f"{house.describe()}\n" if house is not None else "") + render_summary(findings)
        if fixed_count:
            summary = f"Fixed {fixed_count} finding{'s' if fixed_count != 1 else ''}.\n" + (
                summary if findings else f"{house.describe()}\n" if house is not None else ""
            )
        typer.echo(summary, nl=False, err=report_to_stderr)
    raise typer.Exit(0 if exit_zero or not findings else 1)


def rule(
    code: Annotated[
        str | None, typer.Argument(help="Rule code (R101) or name (off-style).", show_default=False)
    ] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="Explain every rule.")] = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
) -> None:
    """Explain a lint rule: what it does, why, an example and what to write instead.

    Example: glossary rule R101
    """
    from ..lint.rules import RULES, get_rule

    if code is None and not all_rules:
        fail("give a rule code (e.g. R101) or --all", hint="codes: " + ", ".join(RULES))
    chosen = list(RULES.values()) if all_rules or code is None else [get_rule(code)]
    if output_format is OutputFormat.json:
        print_json(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "title": r.title(),
                    "fixable": r.fixable,
                    "severity": r.severity,
                    "explanation": r.documentation(),
                }
                for r in chosen
            ]
        )
        return
    blocks = []
    for r in chosen:
        fixable = "Fix: safe fix available (`--fix`)." if r.fixable else "Fix: none (fix by hand)."
        blocks.append(
            f"# {r.code} {r.name}\n\n{r.title()}\n\n{_format_doc(r.documentation())}\n\n{fixable}\n"
        )
    typer.echo("\n".join(blocks), nl=False)


def _format_doc(doc: str) -> str:
    """Put each section (What it does / Why / Example / Use instead) in its own paragraph."""
    out: list[str] = []
    for line in doc.splitlines():
        if line.split(":", 1)[0] in (
            "What it does",
            "Fix policy",
            "Why",
            "Example",
            "Use instead",
        ) or line.startswith("Example ("):
            if out:
                out.append("")
        out.append(line)
    return "\n".join(out)


def extract(
    paths: Annotated[list[Path], typer.Argument(help="English texts to mine for romanized Russian terms.")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Draft termbase to write (.csv, .tbx, .json, … — any format `glossary import` reads).",
        ),
    ],
    glossary: GlossaryOpt = None,
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count",
            help="Keep candidates seen at least this often (glossed candidates are always kept).",
        ),
    ] = 1,
    include_known: Annotated[
        bool, typer.Option("--include-known", help="Also write candidates the termbase already has.")
    ] = False,
) -> None:
    """Extract candidate terms (italicised romanized words, inline glosses, acronyms with their
        expansions) into a draft termbase that `glossary import` reads.

    Example: glossary extract examples/article.md -o draft.csv
    """
    from ..extract import extract_candidates, write_draft
    from ..lint.engine import collect_files
    from ..lint.sources import read_document

    termbase = _load_termbase(glossary)
    documents = [read_document(p) for p in collect_files(paths)]
    candidates = extract_candidates(documents, termbase)
    _note_passed_over(documents)
    written = write_draft(candidates, output, include_known=include_known, min_count=min_count)
    known = sum(c.known for c in candidates)
    typer.echo(
        f"wrote {written} candidate{'s' if written != 1 else ''} to {output} "
        f"({known} already in the termbase{'' if include_known else ', not written'})"
    )


def _note_passed_over(documents) -> None:
    """Words past max_word were not analysed: say so once, on stderr (not a finding)."""
    from ..lint.longwords import passed_over_note

    note = passed_over_note(documents)
    if note:
        typer.echo(note, err=True)


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)
    app.command("rule")(rule)
    app.command("extract")(extract)
