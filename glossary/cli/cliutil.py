"""What both CLIs share: the error-mapping group, shared options (defined once), output helpers.

Commands parse arguments, call the library and render; they never catch library errors themselves.
The group below turns every GlossaryError (and OS errors on user files) into one line on stderr and
exit code 2, so no user ever sees a traceback for bad input.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import sys
import traceback
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from ..core.errors import GlossaryError, WriteError


class SlovnikGroup(TyperGroup):
    """A typer group that maps library errors to `error: …` + exit 2."""

    def invoke(self, ctx):  # noqa: D102 - click API
        try:
            return super().invoke(ctx)
        except WriteError as e:
            _release_failed_writers(e)
            fail(str(e))
        except GlossaryError as e:
            fail(str(e))
        except UnicodeDecodeError as e:
            fail(f"cannot decode input as {e.encoding}: {e.reason}")
        except (FileNotFoundError, IsADirectoryError, PermissionError, NotADirectoryError) as e:
            fail(f"{e.filename}: {os_problem(e)}")
        except BrokenPipeError:  # `glossary … | head` is not an error
            sys.stderr.close()
            raise typer.Exit(0) from None


# The operating system's sentences ("No such file or directory") in slovnik's words; a strerror that
# slovnik set itself (atomic writes: "no such folder") is kept.
_OS_PROBLEMS = {
    errno.ENOENT: "no such file",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def os_problem(error: OSError) -> str:
    if error.errno in _OS_PROBLEMS and error.strerror == os.strerror(error.errno):
        return _OS_PROBLEMS[error.errno]
    return error.strerror or str(error)


def _release_failed_writers(error: BaseException | None) -> None:
    """Free now, quietly, what a failed write left half-open (zipfile under openpyxl/python-docx):
    collected at exit, it would retry its flush on the full disk and print "Exception ignored"
    tracebacks after the one-line error."""
    hook, sys.unraisablehook = sys.unraisablehook, lambda _: None
    try:
        while error is not None:
            traceback.clear_frames(error.__traceback__)
            error = error.__cause__ or error.__context__
        gc.collect()
    finally:
        sys.unraisablehook = hook


def fail(message: str, hint: str | None = None, code: int = 2) -> NoReturn:
    """Print one line (plus an optional hint) on stderr and exit with *code*."""
    typer.echo(f"error: {message}", err=True)
    if hint:
        typer.echo(f"hint: {hint}", err=True)
    raise typer.Exit(code)


def make_app(help_text: str, command_modules=()) -> typer.Typer:
    """A typer app with the error-mapping group, `--version`, and the commands of *command_modules*
    (each module exposes register(app))."""
    app = typer.Typer(
        cls=SlovnikGroup,
        no_args_is_help=True,
        help=help_text,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @app.callback()
    def _root(version: VersionOpt = False) -> None:
        from ..core.config import load_config

        # [tool.slovnik] is read before every command, so its limits apply whether or not the
        # command reads the rest (a termbase given by --glossary needs no config look-up)
        load_config()

    for module in command_modules:
        module.register(app)
    return app


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


# Shared options, defined once.
GlossaryOpt = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        "-g",
        help="Termbase file (any supported format). Default: "
        "[tool.slovnik] glossary in pyproject.toml, else the bundled starter termbase.",
        show_default=False,
    ),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
SchemeOpt = Annotated[
    str | None,
    typer.Option(
        "--scheme", "-s", help="Romanization scheme id (see `glossary schemes`).", show_default=False
    ),
]


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"slovnik {__version__}")
        raise typer.Exit()


VersionOpt = Annotated[
    bool,
    typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
]


def progress_enabled() -> bool:
    """Progress bars only on a terminal: piped output stays clean."""
    return sys.stderr.isatty()
