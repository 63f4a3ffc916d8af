"""How many of `glossary lint`'s findings a copy-editor wants, and how many variant clusters it finds.

    .venv/bin/python scripts/bench/lint_accuracy.py FOLDER --classify C.json --clusters K.json
        [--findings saved.json] [--show unclassified|noise|all]

Runs `glossary lint --format json` with default settings (no scheme, the bundled termbase) over
FOLDER and scores the findings against two files the measurer keeps *outside the repository* (they
describe third-party text, which stays out of the project):

- C.json, the classification: {"KEY": {"verdict": "true" | "noise", "reason": "..."}}, where KEY is
  `CODE FILE:LINE:COLUMN TEXT → FIX` (FILE is the name inside FOLDER; ` → FIX` only for a finding
  that proposes a spelling). Every finding must be classified by
  reading it in context; unclassified ones are listed and left out of the precision.
- K.json, the variant clusters found by reading the texts: [{"name": "Юрий", "spellings": ["Yuri",
  "Yury"]}, ...]. A cluster is found when one R101 group (its `variants`) holds two of its
  spellings, or an R1xx/T2xx finding rewrites one of its spellings to another (T201: Krushchev, a
  spelling the termbase rejects, → Khrushchev). A group whose variants
  fall in two different clusters joins two different names: listed as a wrong join.

Prints precision per rule, per family (R, T and S: the prose rules; C: the citation-title rules)
and overall, cluster recall, and the wrong joins.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

FAMILIES = {"R, T, S": ("R", "T", "S"), "C": ("C",)}


def finding_key(finding: dict, root: Path) -> str:
    """`CODE FILE:LINE:COLUMN TEXT` and, for a finding with a fix, ` → REPLACEMENT`: a finding whose
    proposed spelling changes is judged again."""
    name = Path(finding["path"]).resolve().relative_to(root).as_posix()
    key = f"{finding['code']} {name}:{finding['line']}:{finding['column']} {finding['text']}"
    fix = (finding.get("fix") or {}).get("replacement") or finding.get("suggestion")
    return f"{key} → {fix}" if fix else key


def run_lint(folder: Path) -> list[dict]:
    glossary = Path(sys.executable).with_name("glossary")
    done = subprocess.run(
        [str(glossary), "lint", "--format", "json", "--exit-zero", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"glossary lint failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)


def precision(findings: list[dict], keys: list[str], verdicts: dict) -> tuple[dict, list[str]]:
    """{rule: (wanted, classified, total)} with "all" for the total, and the unclassified keys."""
    wanted: Counter = Counter()
    classified: Counter = Counter()
    total: Counter = Counter()
    missing = []
    for finding, key in zip(findings, keys, strict=True):
        for rule in (finding["code"], "all"):
            total[rule] += 1
        verdict = verdicts.get(key, {}).get("verdict")
        if verdict is None:
            missing.append(key)
            continue
        for rule in (finding["code"], "all"):
            classified[rule] += 1
            wanted[rule] += verdict == "true"
    return {rule: (wanted[rule], classified[rule], total[rule]) for rule in total}, missing


def clusters_found(findings: list[dict], clusters: list[dict]) -> tuple[list[str], list[str], list[tuple]]:
    """(names found, names missed, wrong joins: (variants, clusters they span))."""
    index = {s.lower(): c["name"] for c in clusters for s in c["spellings"]}
    groups = {tuple(sorted(f["variants"])) for f in findings if f["code"] == "R101" and f.get("variants")}
    pairs = {
        (_bare(f["text"]), _bare(f["fix"]["replacement"]))
        for f in findings
        if f["code"][:2] in ("R1", "T2") and f.get("fix")
    }
    found = set()
    for cluster in clusters:
        spellings = {s.lower() for s in cluster["spellings"]}
        if any(len(spellings & {v.lower() for v in g}) >= 2 for g in groups) or any(
            a.lower() in spellings and b.lower() in spellings for a, b in pairs
        ):
            found.add(cluster["name"])
    joins = []
    for g in groups:
        names = {index[v.lower()] for v in g if v.lower() in index}
        if len(names) > 1:
            joins.append((g, sorted(names)))
    order = [c["name"] for c in clusters]
    return [n for n in order if n in found], [n for n in order if n not in found], joins


def _bare(word: str) -> str:
    """The word without a possessive ending (Krushchev's → Krushchev)."""
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--classify", type=Path, required=True)
    parser.add_argument("--clusters", type=Path, required=True)
    parser.add_argument(
        "--findings", type=Path, help="read saved `lint --format json` output instead of running"
    )
    parser.add_argument("--show", choices=["unclassified", "noise", "all"], default="unclassified")
    args = parser.parse_args()
    root = args.folder.resolve()
    findings = json.loads(args.findings.read_text()) if args.findings else run_lint(root)
    verdicts = json.loads(args.classify.read_text()) if args.classify.exists() else {}
    clusters = json.loads(args.clusters.read_text())
    keys = [finding_key(f, root) for f in findings]

    house = next(
        ((f["house_scheme"], f.get("house_scheme_source")) for f in findings if f.get("house_scheme")), None
    )
    print(f"{len(findings)} findings over {root.name}/ (house scheme: {house})")
    per_rule, missing = precision(findings, keys, verdicts)
    print("| rule | findings | wanted | noise | precision |")
    print("|---|---|---|---|---|")
    # Per family too: the prose rules (R1xx romanization, T2xx termbase, S3xx script) and the
    # citation-title rules (C4xx) answer different questions and are judged apart as well.
    for name, prefixes in FAMILIES.items():
        rules = [r for r in per_rule if r != "all" and r.startswith(prefixes)]
        if rules:
            per_rule[name] = tuple(sum(per_rule[r][i] for r in rules) for i in range(3))
    for rule in sorted(per_rule, key=lambda r: (r == "all", r in FAMILIES, r)):
        wanted, classified, total = per_rule[rule]
        share = f"{100 * wanted / classified:.1f} %" if classified else "—"
        print(f"| {rule} | {total} | {wanted} | {classified - wanted} | {share} |")
    found, missed, joins = clusters_found(findings, clusters)
    print(
        f"clusters found: {len(found)} of {len(clusters)} ({100 * len(found) / max(len(clusters), 1):.1f} %)"
    )
    if missed:
        print("missed: " + ", ".join(missed))
    print(f"groups joining two names: {len(joins)}")
    for variants, names in joins:
        print(f"  {', '.join(variants)} → {' + '.join(names)}")
    if missing:
        print(f"{len(missing)} findings not classified")
    for finding, key in zip(findings, keys, strict=True):
        verdict = verdicts.get(key, {})
        show = (
            args.show == "all"
            or (args.show == "unclassified" and not verdict)
            or (args.show == "noise" and verdict.get("verdict") == "noise")
        )
        if show:
            print(f"  {key} [{finding.get('policy', '')}] {verdict.get('reason', '')}")


if __name__ == "__main__":
    main()
