"""Lint settings from `[tool.slovnik]` (and its optional `[tool.slovnik.lint]` table), merged with
command-line options: the command line wins.

```toml
[tool.slovnik]
scheme = "lc"                  # house romanization scheme (default: detected from the files)
citation-scheme = "lc"         # Russian titles and names in citations (C4xx; default lc)
glossary = "terms/house.json"  # termbase (relative to pyproject.toml)
select = ["R", "T", "S"]       # rule codes or prefixes; default: R, T and S (the prose rules)
extend-select = ["C4"]         # added to the selection: here the citation rules too
ignore = ["R103"]
jobs = 1                       # processes for a large run (default: 2 when two CPUs are free)
[tool.slovnik.per-file-ignores]
"notes/*.md" = ["R102"]
```
"""

from __future__ import annotations

from typing import Any

from ..core.config import Config
from ..core.errors import ConfigError
from .engine import LintSettings


def _codes(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.slovnik] {key}: expected a list of rule codes, got {value!r}")
    return [v.strip().upper() for v in value]


def split_codes(option: str | None) -> list[str] | None:
    """`R101,S3` → ["R101", "S3"]; None stays None (option not given)."""
    if option is None:
        return None
    return [c.strip().upper() for c in option.split(",") if c.strip()]


def lint_settings(
    config: Config,
    *,
    scheme: str | None = None,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    citation_scheme: str | None = None,
) -> LintSettings:
    """Settings from *config*, overridden by the command line.

    `--select` replaces the configured selection (and its extend-select); `--extend-select` and
    `--ignore` add to the configured ones (as in ruff, where the command line refines the project's
    configuration).
    """
    values = dict(config.values)
    lint_table = values.pop("lint", {})
    if not isinstance(lint_table, dict):
        raise ConfigError("[tool.slovnik] lint: expected a table")
    unknown = sorted(
        set(lint_table)
        - {"scheme", "citation-scheme", "select", "extend-select", "ignore", "per-file-ignores", "jobs"}
    )
    if unknown:
        raise ConfigError(f"[tool.slovnik.lint]: unknown key(s): {', '.join(unknown)}")
    values.update(lint_table)

    cfg_scheme = values.get("scheme")
    if cfg_scheme is not None and not isinstance(cfg_scheme, str):
        raise ConfigError(f"[tool.slovnik] scheme: expected a scheme id, got {cfg_scheme!r}")
    chosen_scheme = scheme or cfg_scheme  # None: detected from the files being linted
    if chosen_scheme is not None:
        _check_scheme(chosen_scheme)

    citation = values.get("citation-scheme", "lc")
    if not isinstance(citation, str):
        raise ConfigError(f"[tool.slovnik] citation-scheme: expected a scheme id, got {citation!r}")
    citation = citation_scheme or citation
    _check_scheme(citation)

    cfg_select = _codes(values["select"], "select") if "select" in values else None
    cfg_extend = _codes(values.get("extend-select", []), "extend-select")
    cfg_ignore = _codes(values.get("ignore", []), "ignore")
    pfi = values.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError("[tool.slovnik] per-file-ignores: expected a table of glob = [codes]")
    per_file = {str(k): _codes(v, f"per-file-ignores {k!r}") for k, v in pfi.items()}
    jobs = values.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ConfigError(f"[tool.slovnik] jobs: expected a number of processes (1 or more), got {jobs!r}")
    return LintSettings(
        scheme=chosen_scheme,
        citation_scheme=citation,
        select=select if select is not None else cfg_select,
        extend_select=(cfg_extend if select is None else []) + (extend_select or []),
        ignore=cfg_ignore + (ignore or []),
        per_file_ignores=per_file,
        root=config.root,
        jobs=jobs,
    )


def _check_scheme(scheme_id: str) -> None:
    from ..romanization.romanize import get_scheme

    get_scheme(scheme_id)  # raises SchemeNotFound with the list of known ids
