"""`[tool.slovnik]` in the nearest pyproject.toml: one place that reads and validates it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import limits
from .errors import ConfigError

# Every key some command reads; anything else is a typo and an error, never silently ignored.
KNOWN_KEYS = {
    "glossary",
    "scheme",
    "citation-scheme",
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "jobs",
    "suppressions",
    "lint",
    "check",
    "limits",
    "lsp",
}


@dataclass
class Config:
    """Settings from `[tool.slovnik]`; `root` is the folder holding the pyproject.toml."""

    root: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def path(self, key: str) -> Path | None:
        """A path-valued setting, resolved against the pyproject.toml's folder."""
        value = self.values.get(key)
        if value is None:
            return None
        p = Path(value)
        return p if p.is_absolute() or self.root is None else self.root / p


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None, pyproject: Path | None = None) -> Config:
    """Read `[tool.slovnik]`; a missing file or table gives an empty Config."""
    pyproject = pyproject or find_pyproject(start)
    if pyproject is None:
        return Config()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{pyproject}: invalid TOML: {e}") from e
    table = data.get("tool", {}).get("slovnik", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.slovnik] must be a table")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{pyproject}: unknown key(s) in [tool.slovnik]: {', '.join(unknown)}")
    # Limits are run-wide policy: the first config read applies them for every reader after it.
    try:
        limits.configure(table.get("limits"))
    except ConfigError as e:
        raise ConfigError(f"{pyproject}: {e}") from None
    return Config(root=pyproject.parent, values=table)
