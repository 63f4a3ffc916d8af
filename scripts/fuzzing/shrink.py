"""Shrink a failing input by delta debugging: drop pieces while the same failure (same key) still
happens. Text is cut by lines first, then by bytes; a readable ZIP by members, then inside each
member's content (the archive rebuilt each time, so the cut never just breaks the container).
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable, Sequence

# Tests candidates (all of one round, best first) and returns the index of the first that still
# fails the same way, or None.
Probe = Callable[[list[bytes]], "int | None"]


class Budget:
    def __init__(self, seconds: float, tests: int):
        self.deadline = time.monotonic() + seconds
        self.tests = tests

    def spend(self, n: int) -> bool:
        if self.tests < n or time.monotonic() > self.deadline:
            return False
        self.tests -= n
        return True


def ddmin(parts: Sequence[bytes], probe: Probe, budget: Budget, join=b"".join, batch: int = 1) -> list[bytes]:
    """The classic complement-removal ddmin over *parts*: a smaller list whose join still fails."""
    parts = list(parts)
    n = 2
    while len(parts) >= 2:
        size = -(-len(parts) // n)
        candidates = [parts[:i] + parts[i + size :] for i in range(0, len(parts), size)]
        found = None
        for start in range(0, len(candidates), batch):
            chunk = candidates[start : start + batch]
            if not budget.spend(len(chunk)):
                return parts
            hit = probe([join(c) for c in chunk])
            if hit is not None:
                found = chunk[hit]
                break
        if found is not None:
            parts = found
            n = max(n - 1, 2)
        elif n >= len(parts):
            break
        else:
            n = min(n * 2, len(parts))
    return parts


def _chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def shrink_bytes(data: bytes, probe: Probe, budget: Budget, batch: int = 1) -> bytes:
    lines = data.splitlines(keepends=True)
    if len(lines) > 1:
        data = b"".join(ddmin(lines, probe, budget, batch=batch))
    # big blocks first (a 30,000-letter word goes in a few steps), then single bytes
    for size in (4096, 256, 16, 1):
        if len(data) <= size or len(data) // size > 4096:
            continue
        data = b"".join(ddmin(_chunks(data, size), probe, budget, batch=batch))
    return data


def _read_zip(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info.filename, zf.read(info)) for info in zf.infolist()]
    except Exception:
        return None


def shrink_zip(data: bytes, probe: Probe, budget: Budget, build, batch: int = 1) -> bytes:
    """*build*(members) makes an archive; members are dropped, then each one's content shrunk."""
    members = _read_zip(data)
    if not members or build(members) is None or probe([build(members)]) is None:
        return shrink_bytes(data, probe, budget, batch)  # the damage is in the container itself
    names = [m[0] for m in members]
    contents = dict(members)

    def rebuild(keep: Sequence[str], override: dict[str, bytes] | None = None) -> bytes:
        return build([(n, (override or {}).get(n, contents[n])) for n in keep])

    kept = ddmin(
        [n.encode() for n in names],
        lambda cands: probe(cands),
        budget,
        join=lambda ns: rebuild([x.decode() for x in ns]),
        batch=batch,
    )
    keep = [n.decode() for n in kept]
    for name in sorted(keep, key=lambda n: -len(contents[n])):

        def member_probe(cands: list[bytes], name=name) -> int | None:
            return probe([rebuild(keep, {name: c}) for c in cands])

        contents[name] = shrink_bytes(contents[name], member_probe, budget, batch)
    return rebuild(keep)
