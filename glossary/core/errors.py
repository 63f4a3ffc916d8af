"""Small named exceptions. The CLI turns every GlossaryError into a one-line message and exit 2."""

from __future__ import annotations


class GlossaryError(Exception):
    """Root of every error slovnik reports to the user."""


class ParseError(GlossaryError):
    """A file could not be read: names the file, the line (when known) and the problem."""

    def __init__(self, path, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # raised in a worker process, re-raised in the parent
        return type(self), (self.path, self.line, self.message)


class WriteError(GlossaryError):
    """A file could not be written (full disk, read-only mount or file, no permission); the old file,
    if any, is unchanged."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot write: {reason}")

    def __reduce__(self):
        return type(self), (self.path, self.reason)


class FormatNotSupported(GlossaryError):
    """No reader or writer for this file name or format id."""


class TermbaseError(GlossaryError):
    """The termbase is semantically wrong (unknown concept id, duplicate id, …)."""


class SchemeNotFound(GlossaryError):
    """Unknown romanization scheme id."""


class ConfigError(GlossaryError):
    """The [tool.slovnik] configuration is invalid."""


class MissingGlyph(GlossaryError):
    """A character to be printed has no glyph in the print font (Typst would draw an empty box)."""


class UnmappedCharacterError(GlossaryError):
    """A Cyrillic character has no romanization in the chosen scheme (strict mode)."""


class WordTooLong(GlossaryError):
    """A word is past the longest word the romanizer, reverse romanizer and recogniser analyse
    (`max_word` in glossary/core/limits.py): asked for explicitly, it is refused rather than passed over."""
