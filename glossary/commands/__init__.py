"""One module per command group; each exposes register(app)."""

from . import termbase, translit

COMMAND_MODULES = [termbase, translit]
