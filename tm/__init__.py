"""slovnik's translation-memory package: formats, embedded store, fuzzy lookup, QA."""

__version__ = "0.1.0"
