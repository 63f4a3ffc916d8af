"""How slovnik tunes CPython's cyclic garbage collector, in one place.

slovnik builds large structures with no reference cycles (a termbase, a term index, the rows a TM
check keeps). The cyclic collector cannot free any of them, yet each full pass rescans them all; on
large inputs that is a third of a run. Three tools, each used where a module says why:

- `without_gc()`: the collector off while such a structure is built; what was built then goes to the
  oldest generation unscanned, so the next collections do not rescan it either.
- `freeze()` / `unfreeze()`: move everything alive now out of the collector's reach (still freed by
  reference counting), e.g. a large termbase for the rest of the run, or what a TM check keeps.
- `fewer_young_collections()`: a higher threshold for the youngest generation during a long run.

Forked workers inherit frozen objects without copying them: a collection writes to every object it
visits, and each write copies a page.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_gc(*, freeze_at_exit: bool = False) -> Iterator[None]:
    """The cyclic collector off inside the block. On leaving, what the block allocated goes to the
    oldest generation unscanned (freeze + unfreeze); if objects were frozen before the block (a large
    termbase, see `freeze`), everything stays frozen instead, since unfreezing would undo that.

    *freeze_at_exit*: also freeze at interpreter exit, so the last collections at shutdown do not scan
    everything once more (a command whose data lives until its output is written)."""
    enabled = gc.isenabled()
    frozen = gc.get_freeze_count() > 0
    gc.disable()
    if freeze_at_exit:
        atexit.unregister(gc.freeze)  # registered once, run only at exit
        atexit.register(gc.freeze)
    try:
        yield
    finally:
        gc.freeze()
        if not frozen:
            gc.unfreeze()
        if enabled:
            gc.enable()


def freeze() -> None:
    """Move every object alive now out of the collector's reach. They are still freed by reference
    counting; only a reference cycle alive now and dropped later would stay until `unfreeze`."""
    gc.freeze()


def unfreeze() -> None:
    """Give everything `freeze` moved back to the collector (its oldest generation)."""
    gc.unfreeze()


@contextmanager
def fewer_young_collections(threshold: int = 20_000) -> Iterator[None]:
    """Collect the youngest generation only every *threshold* allocations (CPython's default is a few
    hundred) inside the block; on leaving, the thresholds are restored and whatever was frozen inside
    the block is given back to the collector."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], threshold), *thresholds[1:])
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
