"""The `tm` command: a thin typer app over the tm library."""

from __future__ import annotations

from glossary.cliutil import VersionOpt, make_app

from .commands import COMMAND_MODULES

app = make_app("slovnik translation memory: import, search, fuzzy lookup, QA.")


@app.callback()
def _root(version: VersionOpt = False) -> None:
    """slovnik translation memory."""


for _module in COMMAND_MODULES:
    _module.register(app)


def main() -> None:
    app()
