"""TM-specific errors, all under glossary's GlossaryError root (the CLI maps them to exit 2)."""

from __future__ import annotations

from glossary.core.errors import GlossaryError


class TMWriteError(GlossaryError):
    """A unit cannot be written in the requested format (e.g. a character XML forbids)."""


class WorkerDied(GlossaryError):
    """A worker process of a parallel run died before returning its results."""
