"""slovnik's translation-memory package: formats, embedded store, fuzzy lookup, QA."""

from glossary import __version__  # one version for the distribution, written in glossary/__init__.py

__all__ = ["__version__"]
