"""slovnik's termbase package: concepts, formats, romanization, linting, printing."""

__version__ = "0.1.0"
