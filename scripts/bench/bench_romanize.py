"""Romanization throughput: glossary.romanization.romanize vs iuliia, transliterate and translitua on the same ~10 MB text.

    .venv/bin/python scripts/bench/bench_romanize.py [--mb 10] [--runs 5] [--seed 1]

The text is built here (not shipped): Russian word forms from wordfreq's frequency list, drawn by
frequency, in sentences with a capitalised first word, some Title-case names, some ALL-CAPS words,
punctuation and numbers. Each engine romanizes the whole text; the median of --runs runs is reported
in MB/s, and ratios against ours. Our engine starts every run freshly compiled (cold). Pairs: our `wikipedia` vs iuliia WIKIPEDIA (the most context rules),
our `iso9` vs iuliia GOST_779 (a plain table), our `lc` vs transliterate's `ru` pack (reversed=True), our `ala-lc` and `lc` vs translitua 2.0's
RussianALALC (the fastest peer measured: one regex pass and one str.translate; it has no ALL-CAPS
handling, so ЦК comes out T͡sK where ours gives TsK).
Then our output is compared with iuliia's word by word, and every difference is classified: ё left
Cyrillic by iuliia, ALL-CAPS words (iuliia writes YeZhOV), ye after е/ё (WP:RUS, Alekseyev); any
other difference is listed and makes the script exit 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
import warnings

CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def build_text(megabytes: float, seed: int) -> str:
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("ru", 50_000) if w.isalpha() and set(w) <= CYRILLIC]
    weights = [word_frequency(w, "ru") ** 0.6 for w in words]  # flatter than Zipf: more distinct forms
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        sentence = rng.choices(words, weights, k=rng.randint(6, 18))
        for i, w in enumerate(sentence):
            r = rng.random()
            if r < 0.04:
                sentence[i] = w.capitalize()
            elif r < 0.045:
                sentence[i] = w.upper()
        sentence[0] = sentence[0].capitalize()
        if rng.random() < 0.2:
            sentence.insert(rng.randrange(len(sentence)), str(rng.randint(1900, 1991)))
        line = (
            " ".join(sentence)
            + rng.choice([".", ".", ".", "!", "?", ";"])
            + ("\n" if rng.random() < 0.15 else " ")
        )
        out.append(line)
        size += len(line.encode("utf-8"))
    return "".join(out)


def timed(fn, text: str, runs: int) -> tuple[float, str]:
    times = []
    result = ""
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def timed_pair(ours, peer, text: str, runs: int) -> tuple[tuple[float, str], tuple[float, str]]:
    """Both engines, run after run in turn (ours, peer, ours, …): on a shared machine whose load
    changes, each ratio compares the two under the same load."""
    times: tuple[list[float], list[float]] = ([], [])
    results = ["", ""]
    for _ in range(runs):
        for k, fn in enumerate((ours, peer)):
            t0 = time.perf_counter()
            results[k] = fn(text)
            times[k].append(time.perf_counter() - t0)
    return (statistics.median(times[0]), results[0]), (statistics.median(times[1]), results[1])


def classify(source: str, ours: str, theirs: str) -> str:
    if any(c in CYRILLIC for c in theirs):
        return "ё left Cyrillic by iuliia"
    letters = [c for c in source if c in CYRILLIC]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "ALL-CAPS word (iuliia: per-letter title case)"
    if re.sub("(?<=e|o)ye", "e", ours.lower()) == theirs.lower() and re.search("[её]е", source.lower()):
        return "ye after е/ё (WP:RUS; iuliia omits it)"
    return "other"


def compare(text: str, ours: str, theirs: str, label: str) -> int:
    import unicodedata

    def tokens(s: str) -> list[str]:  # keep empty tokens so the three lists stay aligned
        return unicodedata.normalize("NFC", s).replace("\n", " ").split(" ")

    src, a, b = tokens(text), tokens(ours), tokens(theirs)
    if not (len(src) == len(a) == len(b)):
        print(f"  {label}: token counts differ ({len(src)}, {len(a)}, {len(b)})")
        return 1
    kinds: dict[str, list[tuple[str, str, str]]] = {}
    for s, x, y in zip(src, a, b, strict=True):
        if x != y:
            kinds.setdefault(classify(s, x, y), []).append((s, x, y))
    same = len(src) - sum(len(v) for v in kinds.values())
    print(f"  {label}: {same}/{len(src)} words identical")
    for kind, rows in sorted(kinds.items()):
        distinct = list(dict.fromkeys(rows))
        print(
            f"    {kind}: {len(rows)} words ({len(distinct)} distinct), e.g. "
            + "; ".join(f"{s} → ours {x}, iuliia {y}" for s, x, y in distinct[: 3 if kind != "other" else 20])
        )
    return len(kinds.get("other", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    import iuliia
    import transliterate
    import translitua

    from glossary.romanization.romanize import clear_caches, romanize

    def cold(scheme_id: str):
        def run(t: str) -> str:
            clear_caches()  # every run compiles the scheme again: no advantage from run 1
            return romanize(t, scheme_id)

        return run

    text = build_text(args.mb, args.seed)
    mb = len(text.encode("utf-8")) / 1_000_000
    print(
        f"text: {mb:.1f} MB UTF-8, {len(text):,} characters, {len(text.split()):,} words; "
        f"{args.runs} runs each, median; Python {platform.python_version()}, {platform.machine()}, "
        f"iuliia {getattr(iuliia, '__version__', '?')}, transliterate {transliterate.__version__}, "
        f"translitua {_version('translitua')}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    warnings.simplefilter("ignore", DeprecationWarning)
    romanize("а", "wikipedia"), romanize("а", "iso9"), romanize("а", "lc")  # load the schemes once

    pairs = [
        ("wikipedia", cold("wikipedia"), "iuliia WIKIPEDIA", iuliia.WIKIPEDIA.translate),
        ("iso9", cold("iso9"), "iuliia GOST_779", iuliia.GOST_779.translate),
        ("lc", cold("lc"), "transliterate ru", lambda t: transliterate.translit(t, "ru", reversed=True)),
        (
            "ala-lc",
            cold("ala-lc"),
            "translitua RussianALALC",
            lambda t: translitua.translit(t, translitua.RussianALALC),
        ),
        (
            "lc",
            cold("lc"),
            "translitua RussianALALC",
            lambda t: translitua.translit(t, translitua.RussianALALC),
        ),
    ]
    others = 0
    print("\n| our scheme | ours MB/s | peer | peer MB/s | ratio |\n|---|---|---|---|---|")
    outputs = []
    for ours_id, ours_fn, peer, peer_fn in pairs:
        (t_ours, out_ours), (t_peer, out_peer) = timed_pair(ours_fn, peer_fn, text, args.runs)
        print(f"| {ours_id} | {mb / t_ours:.1f} | {peer} | {mb / t_peer:.1f} | {t_peer / t_ours:.1f}× |")
        outputs.append((ours_id, peer, out_ours, out_peer))
    print("\nword-by-word comparison with iuliia:")
    for ours_id, peer, out_ours, out_peer in outputs:
        if peer.startswith("iuliia"):
            others += compare(text, out_ours, out_peer, f"{ours_id} vs {peer}")
    return 1 if others else 0


if __name__ == "__main__":
    sys.exit(main())
