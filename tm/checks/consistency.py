"""Cross-unit checks: group-bys over DataFrames of normalised keys.

Nothing here loops over units in Python except to phrase the findings of the groups that failed, so the
same code runs unchanged on a Dask DataFrame partitioned by key. Frames (built by the runner):

- units: unit, tuid, path, line, source, target, ctx, src_key, tgt_key
- terms: unit, concept, rendering, approved, preferred, text, start, end (source concepts rendered in the target)
- names: unit, key, spelling, preferred (romanized Russian names in the target)
- lemmas: unit, lemma, spelling (source nouns outside the termbase; spelling = their romanization in
  the target, "" when they were translated)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from .base import CheckFinding


@dataclass
class Frames:
    """The tables corpus checks read, built from what the per-unit stage collected. A corpus check
    declares the tables it reads (`Check.data`); the runner collects only those."""

    units: pd.DataFrame  # one row per unit: its texts, comparison keys and where it is
    terms: pd.DataFrame  # one row per termbase term found in a source (`terms.term_rows`)
    names: pd.DataFrame  # one row per Russian name found romanized in a target (`terms.name_rows`)
    lemmas: pd.DataFrame | None = None  # one row per uncovered Russian noun (`terms.lemma_rows`)


TABLES = ("units", "terms", "names", "lemmas")  # the fields of Frames


def _variants(df: pd.DataFrame, group: list[str], value: str, prefer: str | None = None) -> pd.DataFrame:
    """Rows (group…, value, n, rank) for groups with more than one distinct value; rank 0 = the most
    frequent value (ties: the *prefer* column's True rows, then first seen)."""
    counts = df.groupby(group + [value], sort=False).size().rename("n").reset_index()
    counts["_order"] = range(len(counts))
    counts["_prefer"] = 0
    if prefer is not None:
        preferred = df[df[prefer]].drop_duplicates(group + [value])[group + [value]].assign(_p=1)
        counts = counts.merge(preferred, on=group + [value], how="left")
        counts["_prefer"] = counts["_p"].fillna(0)
        counts = counts.drop(columns="_p")
    nvalues = counts.groupby(group, sort=False)[value].transform("size")
    multi = counts[nvalues > 1].sort_values(
        group + ["n", "_prefer", "_order"], ascending=[True] * len(group) + [False, False, True]
    )
    multi["rank"] = multi.groupby(group, sort=False).cumcount()
    return multi.drop(columns=["_order", "_prefer"])


def _summary(multi: pd.DataFrame, group: list[str], value: str) -> dict[tuple, list[tuple[str, int]]]:
    out: dict[tuple, list[tuple[str, int]]] = {}
    for rec in multi.itertuples(index=False):
        key = tuple(getattr(rec, g) for g in group)
        out.setdefault(key, []).append((getattr(rec, value), int(rec.n)))
    return out


def _flagged(df: pd.DataFrame, multi: pd.DataFrame, group: list[str], value: str) -> pd.DataFrame:
    """The rows of *df* whose value is not their group's most frequent one."""
    minority = multi[multi["rank"] > 0][group + [value]]
    return df.merge(minority, on=group + [value], how="inner")


def _inconsistent(frames: Frames, ctx, check: str, key: str, value: str, what: str) -> Iterator[CheckFinding]:
    df = frames.units
    df = df[(df["tgt_key"] != "") & (df["src_key"] != "")]
    # a key seen once cannot vary: one hashing pass keeps the few repeated ones for the group-by
    df = df[df[key].duplicated(keep=False)]
    if df.empty:
        return
    group = ["ctx", key]
    multi = _variants(df[["unit", "ctx", key, value]], group, value)
    if multi.empty:
        return
    summary = _summary(multi, group, value)
    flagged = _flagged(df, multi, group, value)
    for rec in flagged.itertuples(index=False):
        variants = summary[(rec.ctx, getattr(rec, key))]
        listing = "; ".join(f"“{_short(v)}” ×{n}" for v, n in variants)
        yield ctx.finding_at(
            check,
            rec,
            f"same {what}, {len(variants)} different {'targets' if what == 'source' else 'sources'}: {listing}",
            expected=[variants[0][0]],
            extra={"variants": [{"text": v, "count": n} for v, n in variants]},
        )


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def check_inconsistent_target(frames: Frames, ctx) -> Iterator[CheckFinding]:
    """Same source (in the same context) translated differently."""
    yield from _inconsistent(frames, ctx, "inconsistent-target", "src_key", "tgt_key", "source")


def check_inconsistent_source(frames: Frames, ctx) -> Iterator[CheckFinding]:
    """Same target (in the same context) for different sources."""
    yield from _inconsistent(frames, ctx, "inconsistent-source", "tgt_key", "src_key", "target")


def term_report(frames: Frames) -> dict[str, dict[str, int]]:
    """Per concept: how often each rendering is used in the targets (the per-term report)."""
    terms = frames.terms
    if terms.empty:
        return {}
    counts = (
        terms.drop_duplicates(["unit", "concept", "rendering"])
        .groupby(["concept", "rendering"], sort=False)
        .size()
    )
    out: dict[str, dict[str, int]] = {}
    for (concept, rendering), n in counts.items():
        out.setdefault(concept, {})[rendering] = int(n)
    return out


def check_term_inconsistent(frames: Frames, ctx) -> Iterator[CheckFinding]:
    """One concept rendered by several approved terms across the memory: the minority renderings are
    flagged (deprecated renderings are term-forbidden errors already, but count in the report).
    Without a termbase entry, a source noun romanized in most units but translated in some (or the
    reverse) is flagged as a note."""
    yield from _lemma_inconsistent(frames, ctx)
    terms = frames.terms
    if terms.empty:
        return
    per_unit = terms.drop_duplicates(["unit", "concept", "rendering"])
    if ctx.index is not None:  # spellings of one name are translit-variant's business
        names = [cid for cid, c in ctx.index.concepts.items() if c.type.is_name]
        per_unit = per_unit[~per_unit["concept"].isin(names)]
    multi = _variants(per_unit, ["concept"], "rendering")
    if multi.empty:
        return
    summary = _summary(multi, ["concept"], "rendering")
    approved = per_unit[per_unit["approved"]]
    multi_ok = _variants(approved, ["concept"], "rendering", prefer="preferred")
    if multi_ok.empty:
        return
    flagged = _flagged(approved, multi_ok, ["concept"], "rendering")
    units = _units_at(frames, flagged["unit"])
    mains = dict(multi_ok[multi_ok["rank"] == 0][["concept", "rendering"]].itertuples(index=False, name=None))
    for rec in flagged.itertuples(index=False):
        variants = summary[(rec.concept,)]
        main = mains[rec.concept]
        listing = ", ".join(f"“{v}” ×{n}" for v, n in variants)
        yield ctx.finding_at(
            "term-inconsistent",
            units[rec.unit],
            f"{rec.concept} rendered as “{rec.text}” here; across the memory: {listing}",
            concept=rec.concept,
            expected=[main],
            found=rec.text,
            target_spans=[(int(rec.start), int(rec.end))],
            extra={"renderings": {v: n for v, n in variants}},
        )


def check_translit_variant(frames: Frames, ctx) -> Iterator[CheckFinding]:
    """One Russian name romanized differently across targets (Yezhov here, Ezhov there)."""
    names = frames.names
    if names.empty:
        return
    names = names.assign(spelling_key=names["spelling"].str.casefold()).drop_duplicates(
        ["unit", "key", "spelling_key"]
    )
    multi = _variants(names, ["key"], "spelling_key")
    if multi.empty:
        return
    preferred = names.drop_duplicates("key").set_index("key")["preferred"].str.casefold()
    first = names.drop_duplicates(["key", "spelling_key"])
    spellings = dict(
        zip(zip(first["key"], first["spelling_key"], strict=True), first["spelling"], strict=True)
    )
    summary = _summary(multi, ["key"], "spelling_key")
    main = multi[multi["rank"] == 0].set_index("key")["spelling_key"]
    groups = multi[["key"]].drop_duplicates()
    candidates = names.merge(groups, on="key")
    # the termbase's spelling when it has one, else the most frequent spelling
    want = candidates["key"].map(preferred).replace("", None).fillna(candidates["key"].map(main))
    flagged = candidates[candidates["spelling_key"] != want].assign(want=want)
    units = _units_at(frames, flagged["unit"])
    for rec in flagged.itertuples(index=False):
        variants = [(spellings[(rec.key, k)], n) for k, n in summary[(rec.key,)]]
        expected = spellings.get((rec.key, rec.want), rec.want)
        listing = ", ".join(f"{v} ×{n}" for v, n in variants)
        concept = None if rec.key.startswith("name:") else rec.key
        name = rec.key.removeprefix("name:")
        yield ctx.finding_at(
            "translit-variant",
            units[rec.unit],
            f"{name} romanized as “{rec.spelling}” here, “{expected}” elsewhere ({listing})",
            concept=concept,
            expected=[expected],
            found=rec.spelling,
            extra={"variants": [{"text": v, "count": n} for v, n in variants]},
        )


def _lemma_inconsistent(
    frames: Frames, ctx, min_majority: int = 3, max_share: float = 0.2
) -> Iterator[CheckFinding]:
    lemmas = frames.lemmas
    if lemmas is None or lemmas.empty:
        return
    per_unit = lemmas.sort_values("spelling", ascending=False, kind="stable").drop_duplicates(
        ["unit", "lemma"]
    )
    per_unit = per_unit.assign(romanized=per_unit["spelling"] != "")
    stats = per_unit.groupby("lemma")["romanized"].agg(["sum", "count"])
    stats["other"] = stats["count"] - stats["sum"]
    majority = stats[["sum", "other"]].max(axis=1)
    minority = stats[["sum", "other"]].min(axis=1)
    # a real habit (kolkhoz ×40, collective farm ×3), not free variation (virus ×257, other words ×101)
    mixed = stats[
        (minority > 0) & (majority >= min_majority) & (minority <= max_share * (majority + minority))
    ]
    if mixed.empty:
        return
    flagged = per_unit.merge(mixed, left_on="lemma", right_index=True)
    flagged = flagged[flagged["romanized"] == (flagged["sum"] < flagged["other"])]
    romanized = per_unit[
        per_unit["romanized"] & per_unit["lemma"].isin(mixed.index)
    ]  # the flagged lemmas' only
    spellings = romanized.groupby("lemma")["spelling"].agg(lambda s: s.value_counts().index[0])
    units = _units_at(frames, flagged["unit"])
    for rec in flagged.itertuples(index=False):
        roman = spellings.get(rec.lemma, "")
        how = f"rendered as “{rec.spelling}”" if rec.romanized else "rendered by another word"
        yield ctx.finding_at(
            "term-inconsistent",
            units[rec.unit],
            f"{rec.lemma} {how} here; as “{roman}” (its romanization) in {int(rec.sum)} units, by other "
            f"words in {int(rec.other)}",
            severity="note",
            found=rec.spelling or None,
            extra={"lemma": rec.lemma, "renderings": {roman: int(rec.sum), "(translated)": int(rec.other)}},
        )


class _Unit:
    """A units-frame row addressed by index (what ctx.finding_at reads)."""

    __slots__ = ("unit", "tuid", "path", "line", "source", "target")

    def __init__(self, unit, tuid, path, line, source, target):
        self.unit, self.tuid, self.path, self.line, self.source, self.target = (
            unit,
            tuid,
            path,
            line,
            source,
            target,
        )


def _units_at(frames: Frames, ids: pd.Series) -> dict[int, _Unit]:
    """The units-frame rows of the flagged units, looked up in one vectorised step."""
    wanted = list(dict.fromkeys(ids.tolist()))
    if not wanted:
        return {}
    rows = frames.units.set_index("unit").loc[wanted, ["tuid", "path", "line", "source", "target"]]
    return {
        u: _Unit(u, *values)
        for u, values in zip(wanted, rows.itertuples(index=False, name=None), strict=True)
    }
