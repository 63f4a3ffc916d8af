"""The language server's model, without any LSP type: one project (its `[tool.slovnik]`
configuration and termbase) and the buffers an editor has open.

Two passes produce findings for a buffer:

- the *full* pass lints every open buffer together through `lint_run`, as `glossary lint` lints the
  files named on its command line, so cross-file rules (one name spelled two ways in two chapters)
  see them all, and runs `tm check`'s per-unit checks on PO and XLIFF buffers;
- the *quick* pass, right after an edit, lints only the edited paragraphs (the rest of the buffer
  blanked, so every offset stays the file's) under the house scheme of the last full pass, and keeps
  the last full pass's findings elsewhere, moved by the lines the edit added or removed. What only a
  whole-run view can see (a spelling that disagrees with one outside the edited paragraphs) waits
  for the next full pass, which follows as soon as the typing pauses.

With `[tool.slovnik.lsp] workspace` (or the client's `initializationOptions`), the full pass also
reads the workspace's files that are not open, found as `glossary lint FOLDER` finds them, from disk
(an open buffer wins over its file), so cross-file rules span the whole project and the files not
open get findings of their own (workspace diagnostics). A file is read again only when its size or
modification time changed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from ..core import limits
from ..core.config import Config, find_pyproject, load_config
from ..core.errors import ConfigError, GlossaryError, ParseError
from ..findings import Finding
from ..lint.config import lint_settings
from ..lint.engine import LintSettings, collect_files, lint_run
from ..lint.romanized import Romanized
from ..lint.rules.analysis import HouseScheme
from ..lint.sources import READERS, Document, read_document, read_text
from ..termbase.model import Termbase

if TYPE_CHECKING:
    from tm.checks import Check
    from tm.checks.base import CheckFinding, CheckOptions
    from tm.checks.runner import CheckContext

# The reader for a buffer whose name has no extension lint knows, by the editor's language id.
LANGUAGE_SUFFIX = {
    "plaintext": ".txt",
    "text": ".txt",
    "markdown": ".md",
    "html": ".html",
    "po": ".po",
    "gettext": ".po",
    "xliff": ".xlf",
    "xml": ".xlf",
}
TM_SUFFIXES = frozenset({".po", ".pot", ".xlf", ".xliff"})
# Workspace files the server reads from disk: what lint reads but DOCX (its findings have no place
# in the file an editor could show).
WORKSPACE_SUFFIXES = frozenset(READERS) - {".docx"}


def uri_to_path(uri: str) -> Path:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    return Path(unquote(parsed.path or uri).lstrip("/") or "untitled")


@dataclass
class Buffer:
    """An open document as the editor has it (not as it is on disk)."""

    uri: str
    text: str
    version: int | None = None
    language: str = ""

    @property
    def path(self) -> Path:
        return uri_to_path(self.uri)

    @property
    def suffix(self) -> str:
        suffix = self.path.suffix.lower()
        if suffix in READERS:
            return suffix
        return LANGUAGE_SUFFIX.get(self.language, ".txt")


@dataclass
class UnitIssue:
    """A `tm check` finding placed on its unit's target: [start, end) offsets of the buffer."""

    finding: CheckFinding
    start: int
    end: int


@dataclass
class Outcome:
    """What one pass found in one buffer. `problem`: the buffer cannot be read ((line, message)),
    so there is nothing else to report."""

    uri: str
    version: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    units: list[UnitIssue] = field(default_factory=list)
    problem: tuple[int | None, str] | None = None
    document: Document | None = None
    complete: bool = True
    on_disk: bool = False  # a workspace file that is not open, read from disk

    def signature(self) -> int:
        """Equal for two passes that found the same (a workspace file's result id)."""
        return hash(
            (
                self.problem,
                tuple((f.code, f.line, f.column, f.end_line, f.end_column, f.message) for f in self.findings),
                tuple((u.finding.code, u.start, u.end, u.finding.message) for u in self.units),
            )
        )


@dataclass
class DiskFile:
    """A workspace file as last read from disk, with its stamp (`stamp`: modification time, size)."""

    stamp: tuple[int, int] | None
    text: str = ""
    document: Document | None = None
    problem: tuple[int | None, str] | None = None
    units: list[UnitIssue] | None = None  # tm check's, once computed (config and termbase as loaded)


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Cancelled(Exception):
    """A newer edit made this pass pointless."""


def read_buffer(buffer: Buffer) -> Document:
    """The buffer's prose with the reader for its kind (raises ParseError like the file readers)."""
    suffix = buffer.suffix
    data = buffer.text.encode("utf-8")
    if len(data) > limits.LIMITS.max_input:
        raise ParseError(buffer.path, None, f"input larger than {limits.LIMITS.max_input} bytes")
    if suffix in (".po", ".pot"):
        data = _po_bytes(buffer.text, data)
    return READERS.get(suffix, read_text)(buffer.path, data)


def _po_bytes(text: str, data: bytes) -> bytes:
    """A PO buffer in the charset its header declares (the reader decodes by it)."""
    from ..core.textfile import po_charset

    declared = po_charset(data)[0]
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return text.encode(declared)
        except (LookupError, UnicodeEncodeError):
            return data
    return data


class Project:
    """Configuration, termbase and the word readings reused from check to check."""

    def __init__(self, root: Path | None = None):
        self.root = root
        self.config = Config()
        self.settings = LintSettings(jobs=1)  # a server never forks (it may run threads)
        self.termbase: Termbase | None = None
        self.termbase_file: Path | None = None
        self.pyproject: Path | None = None
        self.house: HouseScheme | None = None
        self._romanized: Romanized | None = None  # the full pass's readings
        self._quick_romanized: Romanized | None = None  # the quick pass's (another thread)
        self._check_context: CheckContext | None = None
        self._checks: list[Check] = []
        self._check_options: CheckOptions | None = None
        # workspace files: what [tool.slovnik.lsp] workspace names (relative to pyproject.toml), or
        # the client's initializationOptions (relative to the workspace root), which win
        self.workspace_config: list[Path] = []
        self.workspace_option: list[Path] | None = None
        self.workspace_files: list[Path] | None = None  # found (None: to find again)
        self.workspace_note: str | None = None  # what the limits left out, for the user
        self._disk: dict[Path, DiskFile] = {}

    # ------------------------------------------------------------ configuration and termbase

    def load(self) -> None:
        """(Re)read pyproject.toml and the termbase. Raises GlossaryError (the old state is kept)."""
        from tm.checks import select_checks
        from tm.checks.base import SEVERITIES, CheckOptions

        pyproject = find_pyproject(self.root)
        config = load_config(self.root)
        settings = replace(lint_settings(config), jobs=1)  # a server never forks (it may run threads)
        termbase_file = config.path("glossary")
        termbase = self._read_termbase(termbase_file)
        check = config.get("check", {}) or {}
        if not isinstance(check, dict):
            check = {}
        checks = [
            c
            for c in select_checks(_split(check.get("select")) or None, _split(check.get("ignore")))
            if c.kind == "unit"
        ]
        severity = check.get("missing-severity", "warning")
        if severity not in SEVERITIES:
            raise GlossaryError(
                f"[tool.slovnik.check] missing-severity: expected one of "
                f"{', '.join(SEVERITIES)}, got {severity!r}"
            )
        table = config.get("lsp", {})
        if not isinstance(table, dict) or set(table) - {"workspace"}:
            raise ConfigError("[tool.slovnik.lsp]: expected a table with the key `workspace`")
        workspace = workspace_paths(
            table.get("workspace", False), config.root or self.root, "[tool.slovnik.lsp] workspace"
        )
        self.config, self.settings, self.pyproject = config, settings, pyproject
        self.termbase, self.termbase_file = termbase, termbase_file
        self._checks, self._check_options = checks, CheckOptions(missing_severity=severity)
        self._check_context = None
        self._romanized = self._quick_romanized = None
        self.house = None
        self.workspace_config = workspace
        self.workspace_files, self._disk = None, {}

    @staticmethod
    def _read_termbase(path: Path | None) -> Termbase | None:
        from ..termbase import STARTER_PATH, load_termbase

        if path is None and not STARTER_PATH.exists():
            return None
        return load_termbase(path)

    def reload_termbase(self) -> None:
        self.termbase = self._read_termbase(self.termbase_file)
        self._check_context = None
        self._romanized = self._quick_romanized = None
        for entry in self._disk.values():
            entry.units = None

    # ------------------------------------------------------------ workspace files

    def workspace_roots(self) -> list[Path]:
        return self.workspace_option if self.workspace_option is not None else self.workspace_config

    def find_workspace(self) -> list[Path]:
        """The workspace files to lint with the open buffers (found again after `forget_workspace`),
        within `max-workspace-files` and `max-workspace-bytes`."""
        if self.workspace_files is not None:
            return self.workspace_files
        roots = [p for p in self.workspace_roots() if p.exists()]
        found = [p for p in collect_files(roots) if p.suffix.lower() in WORKSPACE_SUFFIXES]
        files: list[Path] = []
        total, left_out = 0, 0
        for path in found:
            size = (stamp(path) or (0, 0))[1]
            if (
                len(files) >= limits.LIMITS.max_workspace_files
                or total + size > limits.LIMITS.max_workspace_bytes
            ):
                left_out += 1
                continue
            files.append(path)
            total += size
        self.workspace_note = (
            f"{left_out} of {len(found)} workspace files left out: past max-workspace-files "
            f"({limits.LIMITS.max_workspace_files}) or max-workspace-bytes "
            f"({limits.LIMITS.max_workspace_bytes}) ([tool.slovnik.limits])"
            if left_out
            else None
        )
        self.workspace_files = files
        keep = set(files)
        self._disk = {p: e for p, e in self._disk.items() if p in keep}
        return files

    def forget_workspace(self) -> None:
        """Files were created or deleted: find them again at the next full pass."""
        self.workspace_files = None

    def _disk_file(self, path: Path) -> DiskFile:
        """The workspace file as it is on disk now (read again only when its stamp changed)."""
        now = stamp(path)
        entry = self._disk.get(path)
        if entry is not None and entry.stamp == now:
            return entry
        entry = DiskFile(now)
        try:
            entry.document = read_document(path)
            entry.text = entry.document.source if entry.document.source is not None else entry.document.text
        except GlossaryError as e:
            entry.problem = _problem(e)
        except OSError as e:
            entry.problem = (None, f"{path}: cannot read: {e.strerror or e}")
        self._disk[path] = entry
        return entry

    def termbase_target(self) -> Path:
        """The termbase file edits go to (the starter is read-only: TermbaseError)."""
        from ..termbase import writable_path

        return writable_path(self.termbase_file) if self.termbase_file is not None else writable_path(None)

    def watched(self) -> list[Path]:
        """Files whose change must reload the project."""
        return [p for p in (self.pyproject, self.termbase_file) if p is not None]

    def hover_romanized(self) -> Romanized:
        """Word readings for hover: the quick pass's (hover runs in its thread)."""
        if self._quick_romanized is None:
            scheme = self.house.scheme if self.house else self.settings.scheme or "lc"
            self._quick_romanized = Romanized(self.termbase, scheme)
        return self._quick_romanized

    # ------------------------------------------------------------ the full pass

    def lint(
        self,
        buffers: list[Buffer],
        cancelled: Callable[[], bool] = lambda: False,
        disk: Sequence[Path] = (),
    ) -> dict[str, Outcome]:
        """Every buffer, and every file of *disk* that is not open, linted together; PO/XLIFF ones
        also get tm check's per-unit findings. Keyed by URI."""
        outcomes: dict[str, Outcome] = {}
        documents: list[Document] = []
        owners: dict[str, Outcome] = {}
        open_paths = {b.path.resolve() for b in buffers}
        on_disk: list[tuple[Path, DiskFile, Outcome]] = []
        for path in disk:
            if path in open_paths:
                continue  # the editor's text wins over the file's
            if cancelled():
                raise Cancelled
            entry = self._disk_file(path)
            outcome = Outcome(path.as_uri(), None, entry.text, problem=entry.problem, on_disk=True)
            outcome.document = entry.document
            outcomes[outcome.uri] = outcome
            on_disk.append((path, entry, outcome))
            if entry.document is not None:
                documents.append(entry.document)
                owners[str(entry.document.path)] = outcome
        for buffer in buffers:
            outcome = Outcome(buffer.uri, buffer.version, buffer.text)
            outcomes[buffer.uri] = outcome
            try:
                outcome.document = read_buffer(buffer)
            except GlossaryError as e:
                outcome.problem = _problem(e)
                continue
            documents.append(outcome.document)
            owners[str(outcome.document.path)] = outcome
        if cancelled():
            raise Cancelled
        if documents:
            try:
                result = lint_run(documents, self.settings, self.termbase, romanized=self._romanized)
            except GlossaryError as e:
                for outcome in owners.values():
                    outcome.problem = _problem(e)
                return outcomes
            self._romanized = _bounded(result.romanized)
            self.house = result.house or self.house
            for f in result.findings:
                if f.path in owners:
                    owners[f.path].findings.append(f)
        for buffer in buffers:
            if cancelled():
                raise Cancelled
            outcome = outcomes[buffer.uri]
            if buffer.suffix in TM_SUFFIXES and outcome.problem is None:
                try:
                    outcome.units = self.check_units(buffer)
                except GlossaryError as e:
                    outcome.problem = _problem(e)
        for path, entry, outcome in on_disk:
            if path.suffix.lower() not in TM_SUFFIXES or outcome.problem is not None:
                continue
            if cancelled():
                raise Cancelled
            if entry.units is None:  # a unit's findings depend on its file alone: kept till it changes
                try:
                    entry.units = self.check_units(Buffer(outcome.uri, entry.text))
                except GlossaryError as e:
                    entry.problem = _problem(e)
                    entry.units = []
            outcome.problem = entry.problem
            outcome.units = entry.units
        return outcomes

    # ------------------------------------------------------------ the quick pass

    def lint_quick(self, buffer: Buffer, last: Outcome) -> Outcome:
        """The edited paragraphs of *buffer* linted alone; *last*'s findings kept elsewhere (see
        the module docstring). *last* must be a pass over this buffer's earlier text."""
        outcome = Outcome(buffer.uri, buffer.version, buffer.text, complete=False)
        try:
            document = read_buffer(buffer)
        except GlossaryError as e:
            outcome.problem = _problem(e)
            return outcome
        outcome.document = document
        first, last_line, shift_lines, shift_chars = changed_paragraphs(last.text, buffer.text)
        window, delta = _window(document, first, last_line)
        settings = self.settings
        if self.house is not None:
            settings = replace(settings, scheme=self.house.scheme)
        result = lint_run([window], settings, self.termbase, romanized=self._quick_romanized)
        self._quick_romanized = _bounded(result.romanized)
        inside = [_moved(f, 0, delta) for f in result.findings if first < f.line <= last_line]
        old_last = last_line - shift_lines
        kept = [f for f in last.findings if f.line <= first]
        kept += [_moved(f, shift_lines, shift_chars) for f in last.findings if f.line > old_last]
        outcome.findings = sorted(kept + inside, key=Finding.sort_key)
        start = _offset_of_line(buffer.text, first)
        end_old = _offset_of_line(last.text, old_last)
        outcome.units = [u for u in last.units if u.end <= start] + [
            UnitIssue(u.finding, u.start + shift_chars, u.end + shift_chars)
            for u in last.units
            if u.start >= end_old
        ]
        return outcome

    # ------------------------------------------------------------ tm check on PO/XLIFF

    def check_units(self, buffer: Buffer) -> list[UnitIssue]:
        """tm check's per-unit checks over the buffer's units, placed on each unit's target."""
        from tm.checks.base import UnitRow
        from tm.checks.runner import CheckContext
        from tm.formats import iter_units

        if not self._checks or self._check_options is None:
            return []
        checks = [c for c in self._checks if self.termbase is not None or not c.needs_termbase]
        if self._check_context is None:
            self._check_context = CheckContext(self.termbase, self._check_options)
        ctx: CheckContext = self._check_context
        with tempfile.TemporaryDirectory(prefix="slovnik-lsp-") as folder:
            # the TM readers read files: the buffer goes to one of the same name in a private folder
            temp = Path(folder) / f"buffer{buffer.suffix}"
            temp.write_bytes(
                _po_bytes(buffer.text, buffer.text.encode("utf-8"))
                if buffer.suffix in (".po", ".pot")
                else buffer.text.encode("utf-8")
            )
            rows = [UnitRow.of(i, tu) for i, tu in enumerate(iter_units(temp)) if not tu.obsolete]
        ctx.new_batch()
        found: list[CheckFinding] = []
        for check in checks:
            found.extend(check.run(rows, ctx))
        lines = buffer.text.split("\n")
        starts = _line_starts(lines)
        out = []
        for f in found:
            start, end = target_range(buffer.suffix, lines, starts, f.line, f.target, f.target_spans)
            out.append(UnitIssue(f, start, end))
        return sorted(out, key=lambda u: (u.start, u.finding.check))


def workspace_paths(value: object, base: Path | None, where: str) -> list[Path]:
    """`workspace = true` (the folder *base*) or a list of folders and files relative to it."""
    if value is False or value is None:
        return []
    if value is True:
        return [(base or Path.cwd()).resolve()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [((base or Path.cwd()) / v).resolve() for v in value]
    raise ConfigError(f"{where}: expected true, false or a list of folders and files, got {value!r}")


def _split(value: object) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [str(v).strip() for v in value if str(v).strip()]


def _problem(error: GlossaryError) -> tuple[int | None, str]:
    if isinstance(error, ParseError):
        return error.line, error.message
    return None, str(error)


def _bounded(romanized: Romanized | None) -> Romanized | None:
    """The readings to reuse, unless they grew past the limit (a long session stays flat)."""
    if romanized is None or len(romanized._readings) > limits.LIMITS.max_cached_words:
        return None
    return romanized


def _line_starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _offset_of_line(text: str, line: int) -> int:
    """Offset where 0-based *line* starts (the text's length past the last line)."""
    offset = 0
    for _ in range(line):
        nl = text.find("\n", offset)
        if nl < 0:
            return len(text)
        offset = nl + 1
    return offset


def changed_paragraphs(old: str, new: str) -> tuple[int, int, int, int]:
    """(first, last, line shift, character shift): the 1-based lines first+1..last of *new* hold every
    change from *old*, widened to whole paragraphs (blank-line delimited); lines after *last* are the
    old ones moved by the shifts."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    n = min(len(old_lines), len(new_lines))
    prefix = 0
    while prefix < n and old_lines[prefix] == new_lines[prefix]:
        prefix += 1
    suffix = 0
    while suffix < n - prefix and old_lines[-1 - suffix] == new_lines[-1 - suffix]:
        suffix += 1
    first, last = prefix, len(new_lines) - suffix
    while first > 0 and new_lines[first - 1].strip():
        first -= 1
    while last < len(new_lines) and new_lines[last].strip():
        last += 1
    return first, last, len(new_lines) - len(old_lines), len(new) - len(old)


def _window(document: Document, first: int, last: int) -> tuple[Document, int]:
    """*document* cut to its lines first+1..last, and the amount to add to an offset of the cut
    document to get the buffer's. The lines above stay as empty lines (line numbers and suppression
    comments keep their meaning) but for the nearest heading (a reference section's heading decides
    what cites); the text after is left out, so the work is the edited paragraphs'."""
    source = document.source if document.source is not None else document.text
    text_lines, source_lines = document.text.split("\n"), source.split("\n")
    before_text, before_source = [""] * first, [""] * first
    head = _heading_above(source_lines, first)
    if head is not None:
        before_text[head], before_source[head] = text_lines[head], source_lines[head]
    a = sum(len(line) + 1 for line in text_lines[:first])
    b = a + sum(len(line) + 1 for line in text_lines[first:last])
    text = "\n".join(before_text + text_lines[first:last])
    cut = "\n".join(before_source + source_lines[first:last])
    w0 = len("\n".join(before_text)) + 1 if first else 0
    delta = a - w0
    italics = [(s - delta, e - delta) for s, e in document.italics if a <= s and e <= b]
    return Document(
        document.path,
        document.kind,
        text,
        cut if document.source is not None else None,
        document.encoding,
        document.suppressions,
        italics,
    ), delta


def _heading_above(lines: list[str], first: int) -> int | None:
    """The nearest line above *first* that looks like a heading (Markdown `#`, or a short line
    without a full stop alone between blank lines)."""
    for i in range(first - 1, max(first - 400, 0) - 1, -1):
        content = lines[i].strip()
        if content.startswith("#") or (
            content
            and len(content) < 60
            and not content.endswith(".")
            and (i == 0 or not lines[i - 1].strip())
            and (i + 1 >= len(lines) or not lines[i + 1].strip())
        ):
            return i
    return None


def _moved(f: Finding, lines: int, chars: int) -> Finding:
    fix = replace(f.fix, start=f.fix.start + chars, end=f.fix.end + chars) if f.fix is not None else None
    return replace(
        f,
        line=f.line + lines,
        end_line=(f.end_line or f.line) + lines,
        fix=fix,
        extra=dict(f.extra),
        path=f.path,
    )


def target_range(
    suffix: str,
    lines: list[str],
    starts: list[int],
    line: int | None,
    target: str,
    spans: list[tuple[int, int]],
) -> tuple[int, int]:
    """Buffer offsets of a unit's target (of the first span of it a check pointed at, when the span's
    text is found there): the unit starts on 1-based *line*."""
    if line is None or not lines:
        return 0, 0
    i = max(line - 1, 0)
    if suffix in (".po", ".pot"):
        while i < len(lines) and not lines[i].lstrip().startswith("msgstr"):
            i += 1
        if i == len(lines):
            return starts[line - 1], starts[line - 1] + len(lines[line - 1])
        j = i
        while j + 1 < len(lines) and lines[j + 1].lstrip().startswith('"'):
            j += 1
        a = starts[i] + max(lines[i].find('"'), 0)
        b = starts[j] + len(lines[j])
    else:
        while i < len(lines) and "<target" not in lines[i]:
            i += 1
        if i == len(lines):
            return starts[line - 1], starts[line - 1] + len(lines[line - 1])
        a = starts[i] + lines[i].find("<target")
        j = i
        while j < len(lines) and "</target>" not in lines[j] and not lines[j].rstrip().endswith("/>"):
            j += 1
        j = min(j, len(lines) - 1)
        close = lines[j].find("</target>")
        b = starts[j] + (close + len("</target>") if close >= 0 else len(lines[j]))
    if spans and target:
        s, e = spans[0]
        piece = target[s:e]
        region = "\n".join(lines[i : j + 1])
        k = region.find(piece, a - starts[i]) if piece else -1
        if k >= 0:
            return starts[i] + k, starts[i] + k + len(piece)
    return a, b
