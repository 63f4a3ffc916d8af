"""The `tm` command: a thin typer app over the tm library."""

from __future__ import annotations

from glossary.cli.cliutil import exit_without_collection, make_app

from .commands import COMMAND_MODULES

app = make_app("slovnik translation memory: import, search, fuzzy lookup, QA.", COMMAND_MODULES)


def main() -> None:
    try:
        app()
    finally:
        exit_without_collection()
