"""Sort keys for printed glossaries: the Unicode Collation Algorithm with pyuca's DUCET table.

pyuca's own Collator parses all 30,000 table lines when it is made (0.2 s) and computes a key with
list slicing at every step (15 µs a word); a 2,000-entry print run spent 0.07 s here even with the
table parsed lazily. `DucetCollator` reads the table as sorted lines and parses those of a character
the first time a key needs it (by bisection), and its key loop takes a character's weights straight
from the table when no contraction starts with it: the keys are pyuca's, bit for bit (tests compare
them with `pyuca.Collator` on generated strings).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import lru_cache


def _collator_class():
    import pyuca
    from pyuca.collator import COLL_ELEMENT_PATTERN

    class DucetCollator(pyuca.Collator):
        def load(self, filename):
            with open(filename, encoding="utf-8") as keys:
                # Sorted, the lines of one first code point form two runs: "0435 0306 ; …" (the
                # contractions it starts) and "0435 ; …" (the letter itself).
                self._lines = sorted(keys.read().splitlines())
            self._filed: set[int] = set()
            at = bisect_left(self._lines, "@implicitweights")
            while at < len(self._lines) and self._lines[at].startswith("@implicitweights"):
                span, base = self._lines[at][len("@implicitweights") :].split("#", 1)[0].split(";")
                start, end = span.split("..")
                self.implicit_weights.append([int(start, 16), int(end, 16), int(base, 16)])
                at += 1

        def _file(self, cp: int) -> None:
            """Put the table lines that begin with code point *cp* into the trie."""
            self._filed.add(cp)
            lines = self._lines
            for sep in (" ", ";"):
                prefix = f"{cp:04X}{sep}"
                at = bisect_left(lines, prefix)
                while at < len(lines) and lines[at].startswith(prefix):
                    chars, elements = lines[at].split("#", 1)[0].split(";", 1)
                    self.table.add(
                        [int(x, 16) for x in chars.split()],
                        [[int(w, 16) for w in m.groups()] for m in COLL_ELEMENT_PATTERN.finditer(elements)],
                    )
                    at += 1

        def sort_key(self, string):
            normalized = unicodedata.normalize("NFD", string)
            key = [ord(ch) for ch in normalized]
            for cp in set(key) - self._filed:
                self._file(cp)
            return self.sort_key_from_collation_elements(self._elements(key))

        def _elements(self, key: list[int]) -> list:
            """pyuca's collation_elements on a list of code points (consumed)."""
            combining = unicodedata.combining
            root = self.table.root
            top = root.children or {}
            elements: list = []
            pos = 0
            while pos < len(key):
                node = top.get(key[pos])
                # Fast path: a character in the table that starts no contraction is one step of
                # pyuca's loop that yields just its own weights (no non-starter can extend it).
                if node is not None and node.value and node.children is None:
                    elements.extend(node.value)
                    pos += 1
                    continue
                # pyuca's step: the longest prefix in the table ...
                node, end, value = root, pos, None
                for at in range(pos, len(key)):
                    if node.children is None or key[at] not in node.children:
                        break
                    node = node.children[key[at]]
                    if node.value:
                        end, value = at + 1, node.value
                # ... extended by an unblocked non-starter that forms a longer contraction with it.
                last_class = None
                for at in range(end, len(key)):
                    combining_class = combining(chr(key[at]))
                    if combining_class == 0 or combining_class == last_class:
                        break
                    last_class = combining_class
                    extended = self._lookup([*key[pos:end], key[at]])
                    if extended is not None:
                        del key[at]
                        value = extended
                        break
                if not value:
                    value = self.implicit_weight(key[pos])
                    end = pos + 1
                elements.extend(value)
                pos = end
            return elements

        def _lookup(self, chars: list[int]):
            """The table's value for exactly *chars*, or None."""
            node = self.table.root
            for cp in chars:
                if node.children is None or cp not in node.children:
                    return None
                node = node.children[cp]
            return node.value or None

        def sort_key_from_collation_elements(self, collation_elements):
            # Levels 1–3, each closed by a 0, then level 4 (DUCET's elements carry 3 weights).
            return (
                *[e[0] for e in collation_elements if e[0]],
                0,
                *[e[1] for e in collation_elements if e[1]],
                0,
                *[e[2] for e in collation_elements if e[2]],
                0,
                *[e[3] for e in collation_elements if len(e) > 3 and e[3]],
            )

    return DucetCollator


@lru_cache(maxsize=1)
def collator():
    """The shared DUCET collator (the table is read on first use)."""
    return _collator_class()()


def collation_key(text: str) -> tuple:
    """Sort key: the UCA key of the letters and digits (letter-by-letter), then the raw string as a
    last, deterministic tie-break (ГУЛАГ and Гулаг, Правда and «Правда»)."""
    letters = "".join(ch for ch in text if ch.isalnum())
    return (collator().sort_key(letters), text)
