"""Run the selected rules over a set of files: read, check, filter (select/ignore, per-file ignores,
suppression comments), sort."""

from __future__ import annotations

import fnmatch
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ConfigError
from ..findings import Finding
from ..termbase.model import Termbase
from .document import Document
from .romanized import Romanized
from .rules import RULES, LintContext, Rule
from .rules.analysis import DEFAULT_SCHEME, Analysis, HouseScheme, analysis
from .sources import is_supported, read_document

# The rules a run checks when nothing is selected: the prose families. The citation rules (C4xx)
# judge titles by another scheme and rewrite references, so a book that wants its references in
# one style asks for them (`extend-select = ["C4"]`), as ruff keeps its optional families off.
DEFAULT_SELECT: tuple[str, ...] = ("R", "T", "S")


@dataclass
class LintSettings:
    """What to check and how. `select` None means the default families (DEFAULT_SELECT);
    `extend_select` adds to whichever selection applies; entries are codes or code prefixes.
    `scheme` None: the house scheme is detected from the files being linted."""

    scheme: str | None = None
    citation_scheme: str = "lc"  # titles and names in citations (C4xx)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    root: Path | None = None  # per-file-ignores patterns are relative to this folder
    jobs: int | None = None  # processes for a large run (glossary.lint.parallel); None: as many as help

    def __post_init__(self) -> None:
        for where, codes in (
            ("select", self.select or []),
            ("extend-select", self.extend_select),
            ("ignore", self.ignore),
            *((f"per-file-ignores {k!r}", v) for k, v in self.per_file_ignores.items()),
        ):
            for code in codes:
                validate_code(code, where)

    def rules(self) -> list[type[Rule]]:
        """The rules in force, in registry order."""
        chosen = []
        selected = [*(self.select if self.select is not None else DEFAULT_SELECT), *self.extend_select]
        for code, rule in RULES.items():
            if not _matches(code, selected):
                continue
            if _matches(code, self.ignore):
                continue
            if rule.opt_in and code not in {c.strip().upper() for c in selected}:
                continue  # an opt-in rule runs only when its own code is selected
            chosen.append(rule)
        return chosen

    def ignored_for(self, path: Path) -> list[str]:
        if not self.per_file_ignores:
            return []
        names = {path.as_posix(), path.name}
        try:
            names.add(path.resolve().relative_to((self.root or Path.cwd()).resolve()).as_posix())
        except ValueError:
            pass
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if any(fnmatch.fnmatch(n, pattern) for n in names):
                out.extend(codes)
        return out


def validate_code(code: str, where: str = "select") -> None:
    """A rule code or prefix (`R1`, `R101`, `ALL`) must name at least one rule."""
    c = code.strip().upper()
    if c and (c == "ALL" or any(known.startswith(c) for known in RULES)):
        return
    raise ConfigError(f"{where}: unknown rule code or prefix {code!r} (known: {', '.join(RULES)})")


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(p.upper() == "ALL" or code.startswith(p.strip().upper()) for p in prefixes)


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Files named on the command line, plus supported files found under named folders."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and is_supported(p)
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


@dataclass
class LintResult:
    findings: list[Finding]
    documents: list[Document]
    house: HouseScheme | None = None  # None when no R1xx rule ran
    romanized: Romanized | None = field(default=None, repr=False)  # readings, reusable by a re-run


def lint_documents(
    documents: list[Document], settings: LintSettings, termbase: Termbase | None = None
) -> list[Finding]:
    """Run every selected rule over *documents* and drop what the files or settings suppress."""
    return lint_run(documents, settings, termbase).findings


def lint_run(
    documents: list[Document],
    settings: LintSettings,
    termbase: Termbase | None = None,
    romanized: Romanized | None = None,
) -> LintResult:
    """lint_documents, with the house scheme used and why. *romanized*: the word readings of an
    earlier run with the same termbase (a re-run after `--fix` need not read every word again)."""
    with _no_collections():
        return _lint_run(documents, settings, termbase, romanized)


@contextmanager
def _no_collections() -> Iterator[None]:
    """No garbage collection during a run: a run makes a few hundred thousand objects and almost
    no cyclic garbage (382 objects on the 750 KB prose set, as many on the 142 KB essay: none of it
    grows with the text), so collections would visit the run's objects (0.14 s on the prose set)
    and free nothing. Collections resume after the run as they were."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _lint_run(
    documents: list[Document],
    settings: LintSettings,
    termbase: Termbase | None,
    romanized: Romanized | None,
) -> LintResult:
    ctx = LintContext(
        documents,
        scheme=settings.scheme or DEFAULT_SCHEME,
        termbase=termbase,
        romanized=romanized,
        citation_scheme=settings.citation_scheme,
    )
    rules = settings.rules()
    _prefetch_frequencies(ctx)
    house = None
    helper = None
    try:
        if any(rule.code.startswith("R") for rule in rules):
            an = analysis(ctx)
            helper = _start_helper(ctx, an, rules, settings.jobs)
            if settings.scheme is not None:
                house = HouseScheme(settings.scheme, "configured")
            else:
                house = an.detect_house()
                an.set_scheme(house.scheme, detected=house.source != "default")
            romanized = an.romanized
        found: dict[str, list[Finding]] = {}
        for rule in rules:
            if helper is None or rule.code not in helper.codes:
                found[rule.code] = list(rule().check(ctx))
        if helper is not None:  # its rules, once this process's own are done (it may share them)
            found.update(helper.findings())
        findings: list[Finding] = []
        for rule in rules:
            findings.extend(
                _with_house(found[rule.code], house)
                if house is not None and rule.code.startswith("R")
                else found[rule.code]
            )
    finally:
        if helper is not None:
            helper.close()
    by_path = {str(d.path): d for d in documents}
    kept = []
    ignores = {str(d.path): settings.ignored_for(d.path) for d in documents}
    for f in _one_per_problem(findings):
        doc = by_path.get(f.path)
        if doc is not None and doc.suppressed(f.line, f.code):
            continue
        if _matches(f.code, ignores.get(f.path, [])):
            continue
        kept.append(f)
    return LintResult(sorted(kept, key=Finding.sort_key), documents, house, romanized)


def _start_helper(ctx: LintContext, an: Analysis, rules: list[type[Rule]], jobs: int | None):
    """A helper process for a large run (glossary.lint.parallel): this process prepares its share of
    the words meanwhile and takes over the helper's; None when the run stays in one process."""
    from . import parallel

    if not parallel.worthwhile(ctx, jobs):
        return None
    mine, theirs = an.shares(parallel.OWN_SHARE, [w for rule in rules for w in rule.words_to_read(ctx)])
    helper = parallel.start(ctx, an, [r for r in rules if r.per_document], theirs)
    try:
        an.prepare(mine)
        helper.take_readings(an)  # if it failed, detection reads its words here
    except BaseException:
        helper.close()
        raise
    return helper


def _prefetch_frequencies(ctx: LintContext) -> None:
    """The English frequencies of every word of the run in a few queries (rules ask word by word)."""
    from ..russian.frequency import prefetch
    from .romanized import strip_marks

    prefetch(
        (strip_marks(w).lower() for text, (word, _) in ctx.token_texts.items() for w in (text, word)), "en"
    )


def _with_house(findings: Iterable[Finding], house: HouseScheme) -> Iterator[Finding]:
    """R1xx findings carry the house scheme they were judged by (JSON/SARIF data)."""
    for f in findings:
        f.extra.setdefault("house_scheme", house.scheme)
        f.extra.setdefault("house_scheme_source", house.source)
        yield f


def _one_per_problem(findings: list[Finding]) -> list[Finding]:
    """Two rules that flag the same word with the same fix (R101 and R102 on `Lavrentiy` → `Lavrentii`)
    make one finding: the more specific rule, which comes first in the registry, keeps it."""
    seen: set[tuple] = set()
    out = []
    for f in findings:
        if f.fix is not None or "suggestion" in f.extra:
            replacement = f.fix.replacement if f.fix is not None else f.extra["suggestion"]
            key = (f.path, f.line, f.column, f.end_line, f.end_column, replacement)
            if key in seen:
                continue
            seen.add(key)
        out.append(f)
    return out


def read_documents(paths: Sequence[Path], on_read: Callable[[Path], None] | None = None) -> list[Document]:
    """Every file of *paths* read (folders are searched for supported files); *on_read* is told of
    each as it is read."""
    documents = []
    for path in collect_files(paths):
        documents.append(read_document(path))
        if on_read is not None:
            on_read(path)
    return documents


def lint_paths(paths: Sequence[Path], settings: LintSettings, termbase: Termbase | None = None) -> LintResult:
    """Read every file (folders are searched for supported files), then lint them together."""
    return lint_run(read_documents(paths), settings, termbase)
