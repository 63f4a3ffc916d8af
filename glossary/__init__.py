"""slovnik's termbase package: concepts, formats, romanization, linting, printing."""

# The distribution's one version: pyproject.toml reads it from here, tm re-exports it.
__version__ = "0.1.0"
