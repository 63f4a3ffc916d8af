"""The pygls server: document sync, checks scheduled after edits, push and pull diagnostics, code
actions, hover, the addTerm command and the watched configuration and termbase files.

Scheduling: an edit starts a quick pass over the edited paragraphs after QUICK_DELAY and a full pass
over every open buffer once the typing has paused for FULL_DELAY. A newer edit cancels both: a
waiting pass never starts, a running full pass stops at its next step (between reading, linting and
the TM checks), and whatever a pass finishes for an older version of a buffer is dropped. The two
passes run in two worker threads, so a quick pass never waits behind a full one.

Diagnostics are pushed (`textDocument/publishDiagnostics`) to clients that cannot pull them; a
client that can (LSP 3.17 `textDocument/diagnostic`, `workspace/diagnostic`) pulls them, with a
result id per buffer version and pass, and is told to pull again when a full pass or a reload
changed them (`workspace/diagnostic/refresh`).

Workspace files (`[tool.slovnik.lsp] workspace`, or `initializationOptions: {"workspace": …}`): the
full pass lints the files that are not open with the open buffers; their findings are pushed to
clients that do not pull (only when they changed) and answer `workspace/diagnostic` for clients that
do, with a result id that stays the same while the findings do. The file list is found again when
the client reports a file created or deleted (`workspace/didChangeWatchedFiles`), and a file is read
again when its size or time changed.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace.position_codec import PositionCodec

from .. import __version__
from ..core.errors import GlossaryError
from . import actions
from .convert import SOURCE, Lines, diagnostics
from .hover import hover_markdown
from .project import (
    WORKSPACE_SUFFIXES,
    Buffer,
    Cancelled,
    Outcome,
    Project,
    read_buffer,
    stamp,
    uri_to_path,
    workspace_paths,
)

QUICK_DELAY = 0.02  # seconds after an edit before the quick pass (coalesces a burst of keystrokes)
FULL_DELAY = 0.35  # seconds of no edits before the full pass
POLL_INTERVAL = 1.0  # how often the watched files are looked at (for clients that do not watch)

log = logging.getLogger("slovnik.lsp")


class SlovnikServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("slovnik", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.project = Project()
        self.outcomes: dict[str, Outcome] = {}  # the last pass published for each buffer
        self.result_ids: dict[str, str] = {}
        self.generation = 0  # bumped by every edit and reload: a pass started before is out of date
        self.full_gen = -1  # the generation the last finished full pass saw
        self.quick_pool = ThreadPoolExecutor(1, thread_name_prefix="slovnik-quick")
        self.full_pool = ThreadPoolExecutor(1, thread_name_prefix="slovnik-full")
        self.quick_tasks: dict[str, asyncio.Task] = {}
        self.full_task: asyncio.Task | None = None
        self.full_lock = asyncio.Lock()
        self.pull = False  # the client pulls diagnostics
        self.refresh = False  # … and accepts workspace/diagnostic/refresh
        self.stamps: dict[Path, tuple[int, int] | None] = {}
        self.load_error: str | None = None
        # workspace files not open, as the last full pass saw them, and their result ids
        self.disk_outcomes: dict[str, Outcome] = {}
        self.disk_ids: dict[str, str] = {}
        self.workspace_note: str | None = None

    # ------------------------------------------------------------ state

    def codec(self) -> PositionCodec:
        return PositionCodec(encoding=self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def buffer(self, uri: str) -> Buffer | None:
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        return Buffer(uri, doc.source, doc.version, doc.language_id or "")

    def buffers(self) -> list[Buffer]:
        return [b for uri in list(self.workspace.text_documents) if (b := self.buffer(uri)) is not None]

    def load_project(self) -> None:
        try:
            self.project.load()
            self.load_error = None
        except GlossaryError as e:
            self.load_error = str(e)
            self.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"slovnik: {e}")
            )
        self.stamps = {p: stamp(p) for p in self.project.watched()}

    # ------------------------------------------------------------ publishing

    def publish(self, outcome: Outcome) -> None:
        self.outcomes[outcome.uri] = outcome
        self.result_ids[outcome.uri] = f"{outcome.version}:{self.generation}:{int(outcome.complete)}"
        if not self.pull:
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(
                    uri=outcome.uri, diagnostics=diagnostics(outcome, self.codec()), version=outcome.version
                )
            )

    def ask_to_pull(self) -> None:
        if self.pull and self.refresh:
            self.workspace_diagnostic_refresh(None)

    # ------------------------------------------------------------ the passes

    def edited(self, uri: str) -> None:
        self.generation += 1
        old = self.quick_tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        if self.full_task is not None and not self.full_task.done():
            self.full_task.cancel()  # the quick pass schedules the next one when it is done
        if uri in self.outcomes:
            self.quick_tasks[uri] = asyncio.ensure_future(self.quick(uri, self.generation))
        else:
            self.schedule_full(FULL_DELAY)

    async def quick(self, uri: str, generation: int) -> None:
        await asyncio.sleep(QUICK_DELAY)
        buffer, last = self.buffer(uri), self.outcomes.get(uri)
        if buffer is not None and last is not None and last.problem is None:
            loop = asyncio.get_running_loop()
            outcome = await loop.run_in_executor(self.quick_pool, self.project.lint_quick, buffer, last)
            current = self.buffer(uri)
            if current is None or current.version != buffer.version or generation != self.generation:
                return  # a newer edit has its own quick pass
            self.publish(outcome)
        # the full pass waits for a pause in the typing, counted from the end of the quick pass (so
        # it never competes with one for the interpreter)
        self.schedule_full(FULL_DELAY)

    def schedule_full(self, delay: float) -> None:
        if self.full_task is not None and not self.full_task.done():
            self.full_task.cancel()
        self.full_task = asyncio.ensure_future(self._full_later(delay))

    async def _full_later(self, delay: float) -> None:
        await asyncio.sleep(delay)
        await self.run_full()

    async def run_full(self) -> None:
        """A full pass over every open buffer; publishes what is still current when it ends."""
        async with self.full_lock:
            generation = self.generation
            buffers = self.buffers()
            loop = asyncio.get_running_loop()
            project = self.project

            def work() -> dict[str, Outcome]:
                disk = project.find_workspace() if project.workspace_roots() else []
                return project.lint(buffers, lambda: self.generation != generation, disk)

            try:
                found = await loop.run_in_executor(self.full_pool, work)
            except Cancelled:
                return
            self.full_gen = generation
            for buffer in buffers:
                current = self.buffer(buffer.uri)
                if current is None or current.version != buffer.version:
                    continue  # edited meanwhile: its own passes follow
                self.publish(found[buffer.uri])
            self.publish_disk({uri: o for uri, o in found.items() if o.on_disk})
            self.ask_to_pull()

    def publish_disk(self, fresh: dict[str, Outcome]) -> None:
        """The workspace files' outcomes of a full pass: pushed (when not pulled) if they changed."""
        if project_note := self.project.workspace_note:
            if project_note != self.workspace_note:
                self.window_show_message(
                    lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=f"slovnik: {project_note}")
                )
        self.workspace_note = project_note
        gone = [uri for uri in self.disk_outcomes if uri not in fresh]
        for uri in gone:
            del self.disk_outcomes[uri]
            self.disk_ids.pop(uri, None)
            if not self.pull and uri not in self.workspace.text_documents:
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for uri, outcome in fresh.items():
            result_id = f"disk:{outcome.signature() & 0xFFFFFFFFFFFF:x}"
            self.disk_outcomes[uri] = outcome
            if self.disk_ids.get(uri) == result_id:
                continue
            self.disk_ids[uri] = result_id
            if not self.pull:
                self.text_document_publish_diagnostics(
                    lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics(outcome, self.codec()))
                )

    async def settled(self, uri: str) -> Outcome | None:
        """The full pass's outcome for the buffer as it is now (running one if needed)."""
        buffer = self.buffer(uri)
        if buffer is None:
            return None
        outcome = self.outcomes.get(uri)
        if outcome is None or not outcome.complete or outcome.version != buffer.version:
            await self.run_full()
            outcome = self.outcomes.get(uri)
        return outcome

    async def reload(self, termbase_only: bool = False) -> None:
        loop = asyncio.get_running_loop()
        async with self.full_lock:
            if termbase_only:
                try:
                    await loop.run_in_executor(self.full_pool, self.project.reload_termbase)
                except GlossaryError as e:
                    self.window_show_message(
                        lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"slovnik: {e}")
                    )
            else:
                await loop.run_in_executor(self.full_pool, self.load_project)
            self.stamps = {p: stamp(p) for p in self.project.watched()}
            self.generation += 1
        await self.run_full()

    async def poll(self) -> None:
        """Reload when pyproject.toml or the termbase changed on disk (any client, watching or not)."""
        while True:
            await asyncio.sleep(POLL_INTERVAL)
            changed = [p for p, old in self.stamps.items() if stamp(p) != old]
            if changed:
                await self.reload(termbase_only=all(p != self.project.pyproject for p in changed))


server = SlovnikServer()


@server.feature(lsp.INITIALIZE)
def initialize(ls: SlovnikServer, params: lsp.InitializeParams) -> None:
    root = None
    if params.workspace_folders:
        root = uri_to_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        root = uri_to_path(params.root_uri)
    ls.project.root = root
    options = params.initialization_options
    if isinstance(options, dict) and "workspace" in options:
        try:
            ls.project.workspace_option = workspace_paths(
                options["workspace"], root, "initializationOptions: workspace"
            )
        except GlossaryError as e:
            ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"slovnik: {e}"))
    caps = params.capabilities
    ls.pull = caps.text_document is not None and caps.text_document.diagnostic is not None
    ls.refresh = bool(
        caps.workspace and caps.workspace.diagnostics and caps.workspace.diagnostics.refresh_support
    )
    ls.load_project()


@server.feature(lsp.INITIALIZED)
async def initialized(ls: SlovnikServer, params: lsp.InitializedParams) -> None:
    caps = ls.client_capabilities
    watch = caps.workspace and caps.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        globs = ["**/pyproject.toml"] + [str(p) for p in ls.project.watched()]
        if ls.project.workspace_roots():
            globs.append("**/*.{" + ",".join(sorted(s.lstrip(".") for s in WORKSPACE_SUFFIXES)) + "}")
        await ls.client_register_capability_async(
            lsp.RegistrationParams(
                registrations=[
                    lsp.Registration(
                        id="slovnik-watch",
                        method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in globs]
                        ),
                    )
                ]
            )
        )
    asyncio.ensure_future(ls.poll())
    if ls.project.workspace_roots():
        ls.schedule_full(0)  # the workspace's findings, before any file is opened


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SlovnikServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.generation += 1
    ls.schedule_full(0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SlovnikServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.edited(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SlovnikServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.outcomes.pop(uri, None)
    ls.result_ids.pop(uri, None)
    if not ls.pull:
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.generation += 1
    ls.schedule_full(FULL_DELAY)  # the others lose a partner of their cross-file rules


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: SlovnikServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = uri_to_path(params.text_document.uri)
    files = ls.project.workspace_files
    if files is not None and path.suffix.lower() in WORKSPACE_SUFFIXES and path.resolve() not in files:
        ls.project.forget_workspace()  # a new file saved from the editor (for clients that do not watch)
    if path in ls.stamps:
        await ls.reload(termbase_only=path != ls.project.pyproject)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def watched_changed(ls: SlovnikServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    paths = {uri_to_path(c.uri) for c in params.changes}
    if any(p.name == "pyproject.toml" for p in paths):
        await ls.reload()
    elif paths & set(ls.project.watched()):
        await ls.reload(termbase_only=True)
    elif ls.project.workspace_roots() and any(p.suffix.lower() in WORKSPACE_SUFFIXES for p in paths):
        if any(c.type != lsp.FileChangeType.Changed for c in params.changes):
            ls.project.forget_workspace()  # created or deleted: find the files again
        ls.generation += 1
        ls.schedule_full(FULL_DELAY)


# ------------------------------------------------------------ pull diagnostics


@server.feature(
    lsp.TEXT_DOCUMENT_DIAGNOSTIC,
    lsp.DiagnosticOptions(identifier=SOURCE, inter_file_dependencies=True, workspace_diagnostics=True),
)
async def document_diagnostic(ls: SlovnikServer, params: lsp.DocumentDiagnosticParams):
    uri = params.text_document.uri
    outcome = await ls.settled(uri)
    if outcome is None:
        return lsp.RelatedFullDocumentDiagnosticReport(items=[])
    result_id = ls.result_ids[uri]
    if params.previous_result_id == result_id:
        return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return lsp.RelatedFullDocumentDiagnosticReport(
        items=diagnostics(outcome, ls.codec()), result_id=result_id
    )


@server.feature(lsp.WORKSPACE_DIAGNOSTIC)
async def workspace_diagnostic(ls: SlovnikServer, params: lsp.WorkspaceDiagnosticParams):
    previous = {p.uri: p.value for p in params.previous_result_ids}
    items: list[Any] = []
    if ls.project.workspace_roots() and ls.full_gen != ls.generation:
        await ls.run_full()  # the workspace files as they are now
    for buffer in ls.buffers():
        outcome = await ls.settled(buffer.uri)
        if outcome is None:
            continue
        result_id = ls.result_ids[buffer.uri]
        if previous.get(buffer.uri) == result_id:
            items.append(
                lsp.WorkspaceUnchangedDocumentDiagnosticReport(
                    uri=buffer.uri, version=outcome.version, result_id=result_id
                )
            )
        else:
            items.append(
                lsp.WorkspaceFullDocumentDiagnosticReport(
                    uri=buffer.uri,
                    version=outcome.version,
                    items=diagnostics(outcome, ls.codec()),
                    result_id=result_id,
                )
            )
    for uri, outcome in list(ls.disk_outcomes.items()):
        if uri in ls.workspace.text_documents:
            continue
        result_id = ls.disk_ids[uri]
        if previous.get(uri) == result_id:
            items.append(
                lsp.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, version=None, result_id=result_id)
            )
        else:
            items.append(
                lsp.WorkspaceFullDocumentDiagnosticReport(
                    uri=uri, version=None, items=diagnostics(outcome, ls.codec()), result_id=result_id
                )
            )
    return lsp.WorkspaceDiagnosticReport(items=items)


# ------------------------------------------------------------ code actions, command, hover


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, actions.FIX_ALL]),
)
async def code_action(ls: SlovnikServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    buffer = ls.buffer(uri)
    if buffer is None:
        return []
    lines = Lines(buffer.text, ls.codec())
    only = params.context.only
    wants_fix_all = only is None or any(actions.FIX_ALL.startswith(str(k)) for k in only)
    wants_quick = only is None or lsp.CodeActionKind.QuickFix in only
    out: list[lsp.CodeAction] = []
    if wants_quick and params.context.diagnostics:
        outcome = ls.outcomes.get(uri)
        document = outcome.document if outcome is not None and outcome.version == buffer.version else None
        if document is None:
            try:
                document = read_buffer(buffer)
            except GlossaryError:
                document = None
        for diagnostic in params.context.diagnostics:
            fix = actions.fix_action(diagnostic, buffer, lines)
            if fix is not None:
                out.append(fix)
            if document is not None:
                ignore = actions.ignore_action(diagnostic, buffer, document, lines)
                if ignore is not None:
                    out.append(ignore)
            out += actions.add_term_actions(diagnostic)
    if wants_fix_all:
        outcome = await ls.settled(uri)
        if outcome is not None and outcome.version == buffer.version:
            fix_all = actions.fix_all_action(outcome, buffer, lines)
            if fix_all is not None:
                out.append(fix_all)
    return out


@server.command(actions.ADD_TERM_COMMAND)
async def add_term(ls: SlovnikServer, *args: Any) -> str:
    try:
        word, cyrillic, status = actions.arguments(list(args))
        target = ls.project.termbase_target()
        loop = asyncio.get_running_loop()
        done = await loop.run_in_executor(ls.full_pool, actions.add_rendering, target, word, cyrillic, status)
    except GlossaryError as e:
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"slovnik: {e}"))
        return f"error: {e}"
    ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Info, message=f"slovnik: {done}"))
    await ls.reload(termbase_only=True)
    return done


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
async def hover(ls: SlovnikServer, params: lsp.HoverParams) -> lsp.Hover | None:
    buffer = ls.buffer(params.text_document.uri)
    if buffer is None:
        return None
    lines = Lines(buffer.text, ls.codec())
    offset = lines.offset(params.position)
    i = params.position.line
    if i >= len(lines.lines):
        return None
    line, column = lines.lines[i], offset - lines.starts[i]
    project = ls.project
    scheme = project.house.scheme if project.house else project.settings.scheme or "lc"
    loop = asyncio.get_running_loop()
    found = await loop.run_in_executor(
        ls.quick_pool,
        lambda: hover_markdown(line, column, project.termbase, project.hover_romanized(), scheme),
    )
    if found is None:
        return None
    text, start, end = found
    codec = ls.codec()
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
        range=lsp.Range(
            start=lsp.Position(line=i, character=codec.client_num_units(line[:start])),
            end=lsp.Position(line=i, character=codec.client_num_units(line[:end])),
        ),
    )


def serve() -> None:
    """Run the server on standard input and output until the client exits."""
    logging.basicConfig(level=logging.WARNING, format="slovnik lsp: %(message)s")
    server.start_io()
