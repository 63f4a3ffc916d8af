"""One module per command group; each exposes register(app)."""

from . import check, convert, memory

COMMAND_MODULES = [memory, check, convert]
