"""Commands of this group are registered by register(app)."""

import typer


def register(app: typer.Typer) -> None:
    pass
