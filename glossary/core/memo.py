"""Memos of pure word-level functions that another process's values can be added to.

`shared_memo` keeps a function's values in a plain dict, registered in `MEMOS` under the function's
name: a helper process of a large lint run (glossary.lint.parallel) sends the values it computed,
and they are added here, since a pure function's value computed there is the value computed here.
Each memo is bounded by `max-cached-words` (glossary.core.limits).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from . import limits

# Every shared memo, by function name.
MEMOS: dict[str, dict[tuple, Any]] = {}

_F = TypeVar("_F", bound=Callable[..., Any])


def shared_memo(fn: _F) -> _F:
    """Memoise *fn* (positional arguments only) in `MEMOS`, bounded by `max-cached-words`."""
    memo = MEMOS.setdefault(fn.__name__, {})

    @wraps(fn)
    def wrapper(*args: Any) -> Any:
        found = memo.get(args)
        if found is None:
            if len(memo) >= limits.LIMITS.max_cached_words:
                memo.clear()
            found = memo[args] = fn(*args)
        return found

    return cast(_F, wrapper)
