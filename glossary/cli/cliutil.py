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
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

try:  # typer's private conversion API (loaded by typer.core in any case); see plain_coercion
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # a typer that moved them: its own conversion runs (slower start-up, same result)
    RuntimeParam = None  # type: ignore[assignment,misc]
from typer.core import TyperGroup

from ..core.errors import GlossaryError, WriteError


class SlovnikGroup(TyperGroup):
    """A typer group that maps library errors to `error: …` + exit 2."""

    def parse_args(self, ctx, args):  # noqa: D102 - click API
        plain_coercion(self, ctx)
        return super().parse_args(ctx, args)

    def get_command(self, ctx, cmd_name):  # noqa: D102 - click API
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            # A subcommand's context takes its help option names from this one (none of slovnik's
            # commands sets its own), so its --help option is the one this context makes.
            plain_coercion(command, ctx)
        return command

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


def exit_without_collection() -> None:
    """Called as a command ends: the interpreter's last garbage collection at exit would visit every
    object the run made (0.1 s after linting 750 KB) only to free memory the system takes back
    anyway, so they are frozen out of it (gc.freeze). Output is written and files closed by then."""
    gc.freeze()


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


# ---------------------------------------------------------------- option values without pydantic
#
# typer converts every option value through a pydantic TypeAdapter built per parameter on first use:
# importing pydantic and building the adapters is ~0.1 s, a third of a short run's start-up. For the
# plain annotations slovnik's commands use (str, bool, Path, an Enum of choices, a list of them) a
# value from the command line is converted here with typer's own functions, as its adapters do;
# anything else, and every value those functions refuse, goes through typer's own conversion (so
# its error messages are typer's).


def plain_coercion(command: Any, ctx: Any) -> None:
    """Give each plain parameter of *command* (its --help option too) the conversion below (typer's
    is built on demand, so a parameter that already has one is left alone)."""
    if RuntimeParam is None:
        return
    params = list(getattr(command, "params", ()))
    if not getattr(command, "context_settings", None) and hasattr(command, "get_help_option"):
        params.append(command.get_help_option(ctx))
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", True) is not None:
            continue  # not a typer parameter of this typer version, or already converted
        leaf = _plain_leaf(descriptor)
        if leaf is not None:
            param._runtime_param = _PlainParam(descriptor.parameter_info, descriptor.annotation, leaf)


def _plain_leaf(descriptor: Any) -> Any:
    """The leaf annotation when typer's adapter would only call its own str / path / choice
    conversion (the order of typer's build_leaf_adapter); None for anything else."""
    from typing import get_args, get_origin

    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    annotation = descriptor.annotation
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation) or (None,)
    if isinstance(annotation, type) and (
        issubclass(annotation, Enum) or annotation in (str, bool) or issubclass(annotation, Path)
    ):
        return annotation
    return None


class _PlainParam(RuntimeParam or object):  # type: ignore[misc]
    """typer's RuntimeParam for a plain annotation (see above)."""

    leaf: type

    def __init__(self, parameter_info: Any, annotation: Any, leaf: type) -> None:
        object.__setattr__(self, "parameter_info", parameter_info)
        object.__setattr__(self, "annotation", annotation)
        object.__setattr__(self, "leaf", leaf)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            if isinstance(value, (list, tuple)) and self.leaf is not self.annotation:
                return [self._leaf(item, param, ctx) for item in value]
            if self.leaf is self.annotation:
                return self._leaf(value, param, ctx)
        except Exception:  # noqa: BLE001 - refused: typer's own conversion says why, in its words
            pass
        typer_param = build_runtime_param(param.type_descriptor)
        param._runtime_param = typer_param
        return typer_param._coerce_value(value, param=param, ctx=ctx)

    def _leaf(self, value: Any, param: Any, ctx: Any) -> Any:
        info, leaf = self.parameter_info, self.leaf
        if leaf is bool and isinstance(value, bool):
            return value  # a flag's own value; a string for a bool goes to typer
        if not isinstance(value, str) or leaf is bool:
            raise TypeError("not a command-line string")
        if issubclass(leaf, Enum):
            return coerce_cli_choice(value, choices=list(leaf), case_sensitive=info.case_sensitive, ctx=ctx)
        if leaf is str:
            return value
        path_type: Any = info.path_type or leaf
        if path_type is str or path_type is bytes:
            raise TypeError("a path typer keeps as text")
        return coerce_cli_path(path_type(value), info, path_type=path_type, param=param, ctx=ctx)
