"""`glossary lsp`: the language server on standard input and output (see glossary.lsp)."""

from __future__ import annotations

from typing import Annotated

import typer


def lsp(
    stdio: Annotated[
        bool,
        typer.Option(
            "--stdio",
            help="Talk over standard input and output (the "
            "default and only transport; accepted because editors pass "
            "it).",
        ),
    ] = True,
) -> None:
    """Run the language server: lint diagnostics while you type, quick fixes, fix all, hover, for
        plain text, Markdown, HTML, PO and XLIFF (see README, "Editors").

    Example: glossary lsp (started by the editor over stdio)
    """
    from ..lsp.server import serve

    serve()


def register(app: typer.Typer) -> None:
    app.command("lsp")(lsp)
