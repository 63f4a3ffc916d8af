"""`glossary lsp` end to end over stdio with pytest-lsp: open, edit, push and pull diagnostics, code
actions (one fix, fix all = `glossary lint --fix`, ignore here, add to the termbase), hover, and
the configuration and termbase reloaded when they change on disk."""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient
from typer.testing import CliRunner

from glossary.cli import app

LINT = Path(__file__).parent / "data" / "lint"
SERVER = [sys.executable, "-c", "from glossary.cli import main; main()", "lsp"]
TIMEOUT = 120  # the first check loads the dictionaries (seconds on a loaded machine)

# Made-up prose: one name written two ways (R101), a mixed-script word (S301).
TEXT = (
    "Marshal Tukhachevskii was arrested in the spring.\n"
    "The Tukhachevsky affair shook the army.\n"
    "\n"
    "The plenum\u0435 of the obkom met.\n"
)


def _project(root: Path, extra: str = "") -> None:
    shutil.copy(LINT / "house.json", root / "house.json")
    (root / "pyproject.toml").write_text(
        f'[tool.slovnik]\nglossary = "house.json"\n{extra}', encoding="utf-8"
    )


def _params(root: Path, pull: bool) -> lsp.InitializeParams:
    text_document = lsp.TextDocumentClientCapabilities(
        diagnostic=lsp.DiagnosticClientCapabilities() if pull else None,
        publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(),
    )
    workspace = lsp.WorkspaceClientCapabilities(
        diagnostics=lsp.DiagnosticWorkspaceClientCapabilities(refresh_support=True) if pull else None
    )
    return lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(text_document=text_document, workspace=workspace),
        root_uri=root.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name="t")],
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    _project(tmp_path)
    return tmp_path


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(_params(project, pull=False))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def puller(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(_params(project, pull=True))
    yield
    await lsp_client.shutdown_session()


def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown", version: int = 1) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )
    return uri


async def _until(client: LanguageClient, uri: str, test, timeout: float = TIMEOUT) -> list[lsp.Diagnostic]:
    """Wait for pushed diagnostics of *uri* that pass *test*."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while True:
        found = client.diagnostics.get(uri)
        if found is not None and test(found):
            return found
        left = end - loop.time()
        if left <= 0:
            raise AssertionError(f"no diagnostics passing the test; last: {found}")
        try:
            await asyncio.wait_for(client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), left)
        except TimeoutError:
            pass


def _codes(diagnostics: list[lsp.Diagnostic]) -> list[tuple[int, str]]:
    return sorted((d.range.start.line, str(d.code)) for d in diagnostics)


def _change(
    client: LanguageClient, uri: str, version: int, line: int, start: int, end: int, text: str
) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                lsp.TextDocumentContentChangePartial(
                    range=lsp.Range(
                        start=lsp.Position(line=line, character=start),
                        end=lsp.Position(line=line, character=end),
                    ),
                    text=text,
                )
            ],
        )
    )


@pytest.mark.asyncio
async def test_open_reports_the_buffer_with_code_docs_severity_and_fix(client: LanguageClient, project: Path):
    uri = _open(client, project / "a.md", TEXT)
    found = await _until(client, uri, lambda d: len(d) >= 2)
    assert _codes(found) == [(0, "R101"), (3, "S301")]
    s301 = next(d for d in found if d.code == "S301")
    assert (s301.range.start.character, s301.range.end.character) == (4, 11)  # `plenumе`
    assert s301.source == "slovnik" and s301.severity is not None
    assert s301.data["fix"]["replacement"] == "plenume" and s301.data["fix"]["safe"] is True
    doc = Path(s301.code_description.href.removeprefix("file://"))
    assert doc.read_text("utf-8").startswith("# S301 ")


@pytest.mark.asyncio
async def test_an_edit_updates_diagnostics_from_the_buffer_not_the_disk(
    client: LanguageClient, project: Path
):
    uri = _open(client, project / "a.md", TEXT)
    await _until(client, uri, lambda d: any(x.code == "S301" for x in d))
    # repair the mixed-script word in the buffer only: its finding goes, the disk still has it
    _change(client, uri, 2, 3, 4, 11, "plenum")
    found = await _until(client, uri, lambda d: not any(x.code == "S301" for x in d))
    assert any(x.code == "R101" for x in found)
    assert "plenum\u0435" in (project / "a.md").read_text("utf-8")
    # a new line with a mixed-script word: found in the edited paragraph, lines after it moved
    _change(client, uri, 3, 0, 0, 0, "The plenum\u0435 first.\n")
    found = await _until(client, uri, lambda d: any(x.code == "S301" for x in d))
    assert _codes(found) == [(0, "S301"), (1, "R101")]


@pytest.mark.asyncio
async def test_cross_file_rule_sees_every_open_buffer(client: LanguageClient, project: Path):
    a = _open(client, project / "a.md", "Marshal Tukhachevskii was arrested in the spring.\n")
    b = _open(client, project / "b.md", "The Tukhachevsky affair shook the army.\n")
    # alone, neither buffer has a finding; together, a's spelling disagrees with b's
    found_a = await _until(client, a, lambda d: any(x.code == "R101" for x in d))
    assert "`Tukhachevsky` ×1" in found_a[0].message
    assert len(await _until(client, b, lambda d: len(d) == 0)) == 0


@pytest.mark.asyncio
async def test_fix_all_gives_the_text_glossary_lint_fix_writes(client: LanguageClient, project: Path):
    uri = _open(client, project / "a.md", TEXT)
    await _until(client, uri, lambda d: len(d) >= 2)
    got = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
            context=lsp.CodeActionContext(diagnostics=[], only=["source.fixAll.slovnik"]),
        )
    )
    (action,) = got
    assert action.kind == "source.fixAll.slovnik"
    new_text = action.edit.document_changes[0].edits[0].new_text
    cli_copy = project / "cli.md"
    cli_copy.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(cli_copy), "-g", str(project / "house.json"), "--fix"])
    assert result.exit_code in (0, 1), result.output
    assert new_text == cli_copy.read_text("utf-8") != TEXT


@pytest.mark.asyncio
async def test_quick_fix_ignore_here_and_add_to_termbase_actions(client: LanguageClient, project: Path):
    # a configured house scheme: the termbase's preferred spelling then wins over it (a detected
    # house would keep its conventional form over another scheme's preferred one: R101's policy)
    _project(project, 'scheme = "wikipedia"\n')
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[
                lsp.FileEvent(uri=(project / "pyproject.toml").as_uri(), type=lsp.FileChangeType.Changed)
            ]
        )
    )
    uri = _open(client, project / "a.md", TEXT)
    found = await _until(client, uri, lambda d: len(d) >= 2)
    r101 = next(d for d in found if d.code == "R101")
    assert r101.range.start.line == 0 and r101.data["text"] == "Tukhachevskii"
    got = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=r101.range,
            context=lsp.CodeActionContext(diagnostics=[r101], only=[lsp.CodeActionKind.QuickFix]),
        )
    )
    titles = [a.title for a in got]
    fix = next(a for a in got if a.edit and a.edit.document_changes[0].edits[0].range == r101.range)
    assert fix.edit.document_changes[0].edits[0].new_text == r101.data["fix"]["replacement"]
    ignore = next(a for a in got if a.title.startswith("Ignore R101"))
    assert ignore.edit.document_changes[0].edits[0].new_text == " <!-- slovnik: ignore[R101] -->"
    assert "Add `Tukhachevskii` to the termbase as the preferred rendering of Тухачевский" in titles
    assert "Add `Tukhachevskii` to the termbase as the admitted rendering of Тухачевский" in titles
    # run "add as preferred" (lsprotocol reads a code action with a command back as a bare Command,
    # losing the arguments: the test gives them as the action does)
    await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(
            command="slovnik.addTerm", arguments=["Tukhachevskii", "Тухачевский", "preferred"]
        )
    )
    data = json.loads((project / "house.json").read_text("utf-8"))
    assert "Tukhachevskii" in json.dumps(data, ensure_ascii=False)
    # the termbase now prefers the other spelling: the finding moves to it
    found = await _until(client, uri, lambda d: [x.range.start.line for x in d if x.code == "R101"] == [1])


@pytest.mark.asyncio
async def test_hover_on_a_romanized_word_and_a_termbase_term(client: LanguageClient, project: Path):
    uri = _open(client, project / "a.md", TEXT)
    await _until(client, uri, lambda d: len(d) >= 2)
    got = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=1, character=8)
        )
    )
    assert got is not None and "**Тухачевский**" in got.contents.value
    assert "House scheme (wikipedia): `Tukhachevsky`" in got.contents.value
    assert (got.range.start.character, got.range.end.character) == (4, 16)


@pytest.mark.asyncio
async def test_configuration_change_on_disk_reloads_and_refreshes(client: LanguageClient, project: Path):
    uri = _open(client, project / "a.md", TEXT)
    await _until(client, uri, lambda d: any(x.code == "S301" for x in d))
    _project(project, 'ignore = ["S3"]\n')
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[
                lsp.FileEvent(uri=(project / "pyproject.toml").as_uri(), type=lsp.FileChangeType.Changed)
            ]
        )
    )
    found = await _until(client, uri, lambda d: not any(x.code == "S301" for x in d))
    assert any(x.code == "R101" for x in found)


@pytest.mark.asyncio
async def test_pull_diagnostics_with_result_ids(puller: LanguageClient, project: Path):
    uri = _open(puller, project / "a.md", TEXT)
    first = await puller.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert first.kind == "full" and {str(d.code) for d in first.items} >= {"R101", "S301"}
    again = await puller.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id
        )
    )
    assert again.kind == "unchanged" and again.result_id == first.result_id
    assert not puller.diagnostics.get(uri)  # a client that pulls is not pushed to
    _change(puller, uri, 2, 3, 4, 11, "plenum")
    after = await puller.text_document_diagnostic_async(
        lsp.DocumentDiagnosticParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id
        )
    )
    assert after.kind == "full" and "S301" not in {str(d.code) for d in after.items}
    workspace = await puller.workspace_diagnostic_async(lsp.WorkspaceDiagnosticParams(previous_result_ids=[]))
    assert [item.uri for item in workspace.items] == [uri]


PO = (
    'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Заседание 12 мая."\nmsgstr "The meeting of 13 May."\n\n'
    'msgid "Открыть файл"\nmsgstr "Открыть файл"\n'
)


@pytest.mark.asyncio
async def test_po_buffer_gets_tm_check_findings_on_the_target(client: LanguageClient, project: Path):
    uri = _open(client, project / "a.po", PO, language="po")
    found = await _until(
        client, uri, lambda d: {"number-mismatch", "untranslated"} <= {str(x.code) for x in d}
    )
    numbers = next(d for d in found if d.code == "number-mismatch")
    assert numbers.source == "slovnik tm check" and numbers.range.start.line == 4
    untranslated = next(d for d in found if d.code == "untranslated")
    assert untranslated.range.start.line == 7


@pytest.mark.asyncio
async def test_an_unreadable_buffer_is_one_diagnostic_not_a_crash(client: LanguageClient, project: Path):
    uri = _open(client, project / "bad.po", 'msgid "a"\nmsgstr "b\n', language="po")
    found = await _until(client, uri, lambda d: len(d) == 1)
    assert found[0].code == "unreadable" and found[0].severity == lsp.DiagnosticSeverity.Error
    good = _open(client, project / "a.md", TEXT)
    await _until(client, good, lambda d: len(d) >= 2)  # the server is still serving
