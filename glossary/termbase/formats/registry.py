"""One registry API for file formats, shared by the termbase formats (glossary.termbase.formats) and the TM
formats (tm.formats):

    registry.get(fmt) -> Format                   # by id (--from/--to), case-insensitive
    registry.for_path(path, fmt=None) -> Format   # fmt if given, else by the file's extension

Each package keeps its own Format record (what a termbase or a TM format can do differs) and its own
wording for an unknown format; both records have `id`, `extensions`, `read` and `write`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from ...core.errors import FormatNotSupported


class FormatRecord(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def extensions(self) -> tuple[str, ...]: ...


F = TypeVar("F", bound=FormatRecord)


class FormatRegistry(Generic[F]):
    """Formats by id, in registration order (the order help texts list them in)."""

    def __init__(
        self,
        formats: Iterable[F],
        *,
        unknown_id: Callable[[str, list[str]], str],
        unknown_extension: Callable[[Path, str, list[F]], str],
        sniff: Callable[[F, Path], F] | None = None,
    ):
        """*unknown_id*(fmt, ids) and *unknown_extension*(path, suffix, formats) word the errors;
        *sniff*(format, path) may pick a sibling format from the file's content (XLIFF 1.2 / 2.x)."""
        self.by_id: dict[str, F] = {f.id: f for f in formats}
        self._unknown_id = unknown_id
        self._unknown_extension = unknown_extension
        self._sniff = sniff

    def __iter__(self) -> Iterator[F]:
        return iter(self.by_id.values())

    def get(self, fmt: str) -> F:
        found = self.by_id.get(fmt.lower())
        if found is None:
            raise FormatNotSupported(self._unknown_id(fmt, list(self.by_id)))
        return found

    def for_path(self, path: str | Path, fmt: str | None = None) -> F:
        if fmt:
            return self.get(fmt)
        path = Path(path)
        suffix = path.suffix.lower()
        for f in self.by_id.values():
            if suffix in f.extensions:
                return self._sniff(f, path) if self._sniff is not None else f
        raise FormatNotSupported(self._unknown_extension(path, suffix, list(self.by_id.values())))
