"""`glossary lsp` with workspace files (`[tool.slovnik.lsp] workspace`): files that are not open are
read from disk into the full pass, so cross-file rules span them, and `workspace/diagnostic` reports
them (with result ids); an open buffer wins over its file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from glossary.core import limits
from glossary.core.errors import ConfigError
from glossary.lsp.project import Buffer, Project
from tests.test_lsp import SERVER, _params, _project, _until

HOUSE = "The Tukhachevsky affair shook the army.\n"  # the spelling the run settles on
OFF = "Marshal Tukhachevskii was arrested in the spring.\n"  # the other one


@pytest.fixture
def project(tmp_path: Path) -> Path:
    _project(tmp_path, "[tool.slovnik.lsp]\nworkspace = true\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / ".git").mkdir()  # skipped as `glossary lint FOLDER` skips it
    (tmp_path / ".git" / "x.md").write_text(HOUSE * 3, encoding="utf-8")
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


def _open_buffer(client: LanguageClient, path: Path, text: str) -> str:
    """Open *path* with *text* in the editor (the file on disk keeps what it has)."""
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    return uri


def _write(client: LanguageClient, path: Path, text: str) -> None:
    """Write *path* and tell the server, as a client watching the files does."""
    path.write_text(text, encoding="utf-8")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=path.as_uri(), type=lsp.FileChangeType.Created)]
        )
    )


def _r101(diagnostics: list[lsp.Diagnostic]) -> list[str]:
    return [d.message for d in diagnostics if d.code == "R101"]


@pytest.mark.asyncio
async def test_a_cross_file_rule_spans_files_that_are_not_open(client: LanguageClient, project: Path):
    # on disk a.md has the house spelling twice; the buffer the editor has holds the other one
    _write(client, project / "a.md", HOUSE * 2)
    _write(client, project / "notes" / "b.md", HOUSE)
    uri = _open_buffer(client, project / "a.md", OFF)
    found = await _until(client, uri, lambda d: bool(_r101(d)))
    # b.md (not open) is counted; a.md's disk text and .git/x.md are not
    assert "`Tukhachevskii` ×1, `Tukhachevsky` ×1" in _r101(found)[0]
    # a file created on disk and reported by the client joins the group
    _write(client, project / "c.md", HOUSE)
    found = await _until(client, uri, lambda d: any("`Tukhachevsky` ×2" in m for m in _r101(d)))


@pytest.mark.asyncio
async def test_findings_in_a_file_that_is_not_open_are_pushed(client: LanguageClient, project: Path):
    _write(client, project / "notes" / "b.md", OFF)
    _open_buffer(client, project / "a.md", HOUSE)
    # b.md's spelling disagrees with the open buffer's: the finding is b's, pushed for b's URI
    found = await _until(client, (project / "notes" / "b.md").as_uri(), lambda d: bool(_r101(d)))
    assert found[0].range.start.line == 0 and found[0].data["text"] == "Tukhachevskii"


@pytest.mark.asyncio
async def test_workspace_diagnostic_reports_the_files_that_are_not_open(
    puller: LanguageClient, project: Path
):
    b = project / "notes" / "b.md"
    _write(puller, b, OFF)
    uri = _open_buffer(puller, project / "a.md", HOUSE)
    first = await puller.workspace_diagnostic_async(lsp.WorkspaceDiagnosticParams(previous_result_ids=[]))
    reports = {item.uri: item for item in first.items}
    assert set(reports) == {uri, b.as_uri()}  # the open buffer and the file not open; not .git's
    assert reports[b.as_uri()].kind == "full"
    assert _r101(reports[b.as_uri()].items) and not _r101(reports[uri].items)
    # asked again with the result ids: nothing changed
    again = await puller.workspace_diagnostic_async(
        lsp.WorkspaceDiagnosticParams(
            previous_result_ids=[lsp.PreviousResultId(uri=u, value=r.result_id) for u, r in reports.items()]
        )
    )
    assert {item.uri: item.kind for item in again.items}[b.as_uri()] == "unchanged"
    # b.md repaired on disk: a full report without the finding
    b.write_text(HOUSE, encoding="utf-8")
    puller.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=b.as_uri(), type=lsp.FileChangeType.Changed)]
        )
    )
    await asyncio.sleep(0.5)
    after = await puller.workspace_diagnostic_async(
        lsp.WorkspaceDiagnosticParams(
            previous_result_ids=[lsp.PreviousResultId(uri=u, value=r.result_id) for u, r in reports.items()]
        )
    )
    report = {item.uri: item for item in after.items}[b.as_uri()]
    assert report.kind == "full" and not _r101(report.items)


def test_workspace_files_are_found_as_lint_finds_them_within_the_limits(
    project: Path, monkeypatch: pytest.MonkeyPatch
):
    for name in ("a.md", "b.txt", "notes/c.md"):
        (project / name).write_text(HOUSE, encoding="utf-8")
    (project / "d.docx").write_bytes(b"")  # no place an editor could show a finding
    model = Project(project)
    model.load()
    assert [p.relative_to(project.resolve()).as_posix() for p in model.find_workspace()] == [
        "a.md",
        "b.txt",
        "notes/c.md",
    ]
    assert model.workspace_note is None
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_workspace_files=2))
    model.forget_workspace()
    assert len(model.find_workspace()) == 2 and "1 of 3 workspace files left out" in (
        model.workspace_note or ""
    )
    # the open buffer wins over its file: a.md is linted from the buffer only
    outcomes = model.lint([Buffer((project / "a.md").as_uri(), OFF, 1)], disk=model.find_workspace())
    assert [o.on_disk for o in outcomes.values()] == [True, False]


def test_a_bad_workspace_setting_is_a_configuration_error(tmp_path: Path):
    _project(tmp_path, '[tool.slovnik.lsp]\nworkspace = "yes"\n')
    model = Project(tmp_path)
    with pytest.raises(ConfigError, match=r"\[tool.slovnik.lsp\] workspace: expected true, false or a list"):
        model.load()
    _project(tmp_path, "[tool.slovnik.lsp]\nworkspaces = true\n")
    with pytest.raises(ConfigError, match=r"\[tool.slovnik.lsp\]: expected a table with the key `workspace`"):
        model.load()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def optioned(lsp_client: LanguageClient, tmp_path: Path):
    _project(tmp_path)  # no [tool.slovnik.lsp]: the client's initializationOptions name the files
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "b.md").write_text(OFF, encoding="utf-8")
    (tmp_path / "c.md").write_text(OFF, encoding="utf-8")
    params = _params(tmp_path, pull=True)
    params.initialization_options = {"workspace": ["notes"]}
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_initialization_options_name_the_workspace_files(optioned: LanguageClient, tmp_path: Path):
    uri = _open_buffer(optioned, tmp_path / "a.md", HOUSE)
    report = await optioned.workspace_diagnostic_async(lsp.WorkspaceDiagnosticParams(previous_result_ids=[]))
    by_uri = {item.uri: item for item in report.items}
    b = (tmp_path / "notes" / "b.md").resolve().as_uri()
    assert set(by_uri) == {uri, b}  # notes/ only: c.md is outside what the client named
    assert _r101(by_uri[b].items)
