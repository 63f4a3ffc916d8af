"""The `glossary` command: a thin typer app over the glossary library."""

from __future__ import annotations

from .cliutil import make_app
from .commands import COMMAND_MODULES

app = make_app(
    "slovnik termbase tools: keep a Russian–English glossary, romanize, lint, print.", COMMAND_MODULES
)


def main() -> None:
    app()
