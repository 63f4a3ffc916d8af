"""Reverse-romanization accuracy and skeleton collisions over the starter termbase.

For every Russian word of the termbase (and, with --inflected, its case forms), romanize it in each of
the eight schemes, run glossary.romanization.reverse.reverse() on the romanization and count how often the right
word comes first (compared with ё folded to е and case ignored). Run twice: ranking with the termbase,
and with the dictionary alone (an empty termbase). Also reports skeleton collisions between different
starter words, skeleton invariance across schemes, and English words (wordfreq top N) sharing a key.

    .venv/bin/python scripts/bench/reverse_accuracy.py [--termbase FILE] [--inflected] [--english 20000]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from glossary.romanization.reverse import reverse, skeleton
from glossary.romanization.romanize import SCHEME_IDS, romanize
from glossary.termbase import STARTER_PATH, load_termbase
from glossary.termbase.model import Termbase

CASES = ("gent", "datv", "ablt", "loct")


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def starter_words(tb) -> list[str]:
    words: dict[str, str] = {}
    for concept in tb:
        for term in concept.terms_in("ru"):
            for w in re.findall(r"[А-Яа-яЁё]+", term.text):
                if len(w) > 1:
                    words.setdefault(fold(w), w)
    return sorted(words.values(), key=fold)


def inflected(words: list[str]) -> list[str]:
    from glossary.russian import morph

    forms: dict[str, str] = {}
    for w in words:
        parses = [p for p in morph.parses(w) if p.is_known and "NOUN" in p.tag]
        if not parses:
            continue
        for case in CASES:
            f = parses[0].inflect({case})
            if f is not None:
                form = f.word if w.islower() else f.word.capitalize()
                if fold(form) != fold(w):
                    forms.setdefault(fold(form), form)
    return sorted(forms.values(), key=fold)


def accuracy(words: list[str], termbase) -> tuple[dict[str, tuple[int, int]], list[tuple]]:
    per_scheme: dict[str, list[int]] = {s: [0, 0] for s in SCHEME_IDS}
    misses = []
    for w in words:
        for s in SCHEME_IDS:
            latin = romanize(w, s)
            candidates = reverse(latin, termbase=termbase, limit=1)
            ok = bool(candidates) and fold(candidates[0].cyrillic) == fold(w)
            per_scheme[s][0] += ok
            per_scheme[s][1] += 1
            if not ok:
                misses.append((s, w, latin, candidates[0].cyrillic if candidates else None))
    return {s: (a, b) for s, (a, b) in per_scheme.items()}, misses


def report_accuracy(title: str, words, termbase) -> float:
    t0 = time.perf_counter()
    per_scheme, misses = accuracy(words, termbase)
    elapsed = time.perf_counter() - t0
    right = sum(a for a, _ in per_scheme.values())
    total = sum(b for _, b in per_scheme.values())
    print(
        f"\n{title}: {right}/{total} = {100 * right / total:.1f} % right first "
        f"({len(words)} words × 8 schemes, {1000 * elapsed / total:.1f} ms per reverse)"
    )
    print("  " + "  ".join(f"{s} {100 * a / b:.1f}" for s, (a, b) in per_scheme.items()))
    for s, w, latin, got in misses[:12]:
        print(f"  miss {s:9} {w} → {latin} → {got}")
    return right / total


def transliterate_report(words: list[str], termbase) -> None:
    """The transliterate package's Latin → Cyrillic mode on the same romanizations, beside ours."""
    from transliterate import translit

    for scheme in ("lc", "wikipedia", "bgn", "gost-b"):
        theirs = ours = 0
        for w in words:
            latin = romanize(w, scheme)
            theirs += fold(translit(latin, "ru")) == fold(w)
            best = reverse(latin, termbase=termbase, limit=1)
            ours += bool(best) and fold(best[0].cyrillic) == fold(w)
        print(
            f"  {scheme:9} transliterate 'ru': {100 * theirs / len(words):5.1f} %   "
            f"reverse(): {100 * ours / len(words):5.1f} %"
        )


def skeleton_report(words: list[str], english_n: int) -> None:
    keys: dict[str, set[str]] = defaultdict(set)
    for w in words:
        keys[skeleton(w)].add(fold(w))
    collisions = {k: v for k, v in keys.items() if len(v) > 1}
    print(f"\nskeleton: {len(words)} starter words, {len(keys)} keys, {len(collisions)} collisions")
    for k, v in list(collisions.items())[:20]:
        print(f"  {k}: {', '.join(sorted(v))}")
    broken = Counter()
    examples = []
    for w in words:
        for s in SCHEME_IDS:
            if skeleton(romanize(w, s)) != skeleton(w):
                broken[s] += 1
                examples.append((s, w, romanize(w, s)))
    print(
        f"skeleton invariance: {sum(broken.values())} of {len(words) * 8} romanizations get another key "
        f"{dict(broken)} {examples[:5]}"
    )
    if english_n:
        from wordfreq import top_n_list

        romanized = {skeleton(romanize(w, s)): w for w in words for s in SCHEME_IDS}
        spellings = {fold(romanize(w, s)) for w in words for s in SCHEME_IDS}
        same_key = [e for e in top_n_list("en", english_n) if skeleton(e) in romanized]
        identical = [e for e in same_key if fold(e) in spellings]
        other = [e for e in same_key if fold(e) not in spellings]
        print(
            f"English top {english_n}: {len(same_key)} share a key with a starter romanization; "
            f"{len(identical)} of them are spelled exactly like one ({', '.join(identical[:15])}), "
            f"{len(other)} differ in spelling ({', '.join(f'{e}~{romanized[skeleton(e)]}' for e in other[:15])})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--termbase", type=Path, default=STARTER_PATH)
    parser.add_argument("--inflected", action="store_true", help="also measure case forms (pymorphy3)")
    parser.add_argument("--english", type=int, default=20000, help="English words to test keys against")
    args = parser.parse_args(argv)
    tb = load_termbase(args.termbase)
    words = starter_words(tb)
    print(f"{args.termbase}: {len(tb.concepts)} concepts, {len(words)} distinct Russian words")
    with_tb = report_accuracy("with the termbase", words, tb)
    report_accuracy("dictionary only (empty termbase)", words, Termbase())
    if args.inflected:
        forms = inflected(words)
        report_accuracy("inflected forms, with the termbase", forms, tb)
        report_accuracy("inflected forms, dictionary only", forms, Termbase())
    print("\nright word first, transliterate's reverse mode vs ours (dictionary only):")
    transliterate_report(words, Termbase())
    skeleton_report(words, args.english)
    return 0 if with_tb >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
