"""Run our engine over the samples of the iuliia scheme files and classify every difference.

    .venv/bin/python scripts/bench/compare_iuliia.py /work/shared/corpus/iuliia-schemas [--markdown]

For the seven schemes both projects have, every iuliia sample is romanized by glossary.romanization.romanize (with
the options that match iuliia's choices: ALA-LC ligatures, BGN/PCGN middle dots). A difference is
explained when it is one of the known, documented kinds:

- `yo-left-cyrillic`: iuliia's table maps ё to ё, so its expected output still contains Cyrillic;
- `bgn-sign-typography`: iuliia writes the BGN/PCGN signs as ’ ” (quotation marks), we write the
  modifier letters ʹ ʺ that the BGN tables print;
Anything else is printed as UNEXPLAINED and makes the script exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.romanization.romanize import romanize

SHARED = {  # iuliia name → (our id, our options)
    "ala_lc": ("ala-lc", {"ligatures": True}),
    "bgn_pcgn": ("bgn", {"dots": True}),
    "gost_779": ("iso9", {}),
    "gost_779_alt": ("gost-b", {}),
    "icao_doc_9303": ("icao", {}),
    "wikipedia": ("wikipedia", {}),
    "scientific": ("scholarly", {}),
}


def classify(scheme_id: str, options: dict, cyrillic: str, theirs: str, ours: str) -> str | None:
    if ours == theirs:
        return None
    fixed = theirs
    kinds = []
    if "ё" in fixed.lower():
        yo = romanize("ё", scheme_id, options=options)
        yo_title = romanize("Ё", scheme_id, options=options)
        # iuliia's BGN writes yё where the rule adds y: replace the Cyrillic only
        fixed = fixed.replace("ё", yo[-1:] if scheme_id == "bgn" else yo).replace("Ё", yo_title)
        if scheme_id == "bgn":
            fixed = fixed.replace("Yë", "Yë")
        kinds.append("yo-left-cyrillic")
    if scheme_id == "bgn" and any(c in fixed for c in "’”"):
        fixed = fixed.replace("’", "ʹ").replace("”", "ʺ")
        kinds.append("bgn-sign-typography")
    if fixed == ours and kinds:
        return "+".join(kinds)
    return "UNEXPLAINED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schemas", type=Path, help="folder with iuliia's scheme JSON files")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table of the deviations")
    parser.add_argument("--our-samples", action="store_true", help="also run iuliia on our own samples")
    args = parser.parse_args(argv)
    unexplained = 0
    rows = []
    for name, (scheme_id, options) in SHARED.items():
        data = json.loads((args.schemas / f"{name}.json").read_text(encoding="utf-8"))
        same = 0
        for cyrillic, theirs in data["samples"]:
            ours = romanize(cyrillic, scheme_id, options=options)
            kind = classify(scheme_id, options, cyrillic, theirs, ours)
            if kind is None:
                same += 1
                continue
            unexplained += kind == "UNEXPLAINED"
            rows.append((name, scheme_id, cyrillic, theirs, ours, kind))
        print(f"{name:14} → {scheme_id:9} {same}/{len(data['samples'])} samples identical")
    if args.markdown:
        # only the words that differ: the samples' sentences stay in iuliia's files
        print("\n| iuliia | ours | word | iuliia output | our output | kind |\n|---|---|---|---|---|---|")
        for name, scheme_id, cyrillic, theirs, ours, kind in rows:
            for src, t, o in zip(cyrillic.split(), theirs.split(), ours.split(), strict=True):
                if t != o:
                    print(f"| {name} | {scheme_id} | {src} | {t} | {o} | {kind} |")
    else:
        for row in rows:
            print("  " + " | ".join(row))
    print(f"{len(rows)} deviations, {unexplained} unexplained")
    if args.our_samples:
        our_samples_through_iuliia()
    return 1 if unexplained else 0


def our_samples_through_iuliia() -> None:
    """The other direction: iuliia's engine on our own samples (where the two differ, and why)."""
    import warnings

    import iuliia

    from glossary.romanization.romanize import SCHEMES

    warnings.simplefilter("ignore", DeprecationWarning)
    print("\n| our scheme | Cyrillic | ours | iuliia |\n|---|---|---|---|")
    for name, (scheme_id, options) in SHARED.items():
        peer = getattr(iuliia, name.upper())
        for sample in SCHEMES[scheme_id].samples:
            wanted = {
                k: v
                for k, v in options.items()
                if sample.options.get(k, SCHEMES[scheme_id].options[k].default) != v
            }
            if wanted or any(
                sample.options.get(k) != v for k, v in sample.options.items() if k not in options
            ):
                continue  # the sample is for other options than iuliia's
            theirs = peer.translate(sample.cyrillic)
            if theirs != sample.latin:
                print(f"| {scheme_id} | {sample.cyrillic} | {sample.latin} | {theirs} |")


if __name__ == "__main__":
    sys.exit(main())
