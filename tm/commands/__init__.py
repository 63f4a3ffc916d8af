"""One module per command group; each exposes register(app)."""

from . import memory

COMMAND_MODULES = [memory]
