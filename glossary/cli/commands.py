"""One module per command group; each exposes register(app)."""

from . import lint, lsp, printing, termbase, translit

COMMAND_MODULES = [termbase, translit, printing, lint, lsp]
