"""The `glossary` command: a thin typer app over the glossary library."""

from __future__ import annotations

from .cliutil import VersionOpt, make_app
from .commands import COMMAND_MODULES

app = make_app("slovnik termbase tools: keep a Russian–English glossary, romanize, lint, print.")


@app.callback()
def _root(version: VersionOpt = False) -> None:
    """slovnik termbase tools."""


for _module in COMMAND_MODULES:
    _module.register(app)


def main() -> None:
    app()
