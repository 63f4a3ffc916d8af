"""CI and pre-commit: `tm check --format github`, `glossary lint --diff-base REF` (only findings on
changed lines) and the repository's `.pre-commit-hooks.yaml` run through `pre-commit try-repo`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app as glossary_app
from tm.cli import app as tm_app

REPO = Path(__file__).resolve().parent.parent
GIT = shutil.which("git")
PO = (
    'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Заседание 12 мая."\nmsgstr "The meeting of 13 May."\n'
)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run([GIT, *args], cwd=cwd, check=True, capture_output=True)


def _repo(path: Path) -> Path:
    _git(path, "init", "-q")
    _git(path, "config", "user.email", "test@example.org")
    _git(path, "config", "user.name", "test")
    return path


def test_tm_check_github_annotations_name_the_file_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "ru.po").write_text(PO, encoding="utf-8")
    result = CliRunner().invoke(tm_app, ["check", "po/ru.po", "--no-glossary", "--format", "github"])
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert line.startswith("::error title=number-mismatch ")
    assert ",file=po/ru.po,line=4," in line and line.endswith("13")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_diff_base_reports_only_findings_on_changed_lines(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / "a.md").write_text("The plenum\u0435 met.\n\nNothing to see.\n", encoding="utf-8")
    _git(repo, "add", "a.md")
    _git(repo, "commit", "-qm", "first")
    (repo / "a.md").write_text("The plenum\u0435 met.\n\nThe obkom\u0435 met.\n", encoding="utf-8")
    (repo / "new.md").write_text("The raikom\u0435 met.\n", encoding="utf-8")
    run = CliRunner().invoke(glossary_app, ["lint", "a.md", "new.md", "--select", "S", "--diff-base", "HEAD"])
    assert run.exit_code == 1
    assert [ln.split(": ")[0] for ln in run.output.splitlines() if "S301" in ln] == ["a.md:3:5", "new.md:1:5"]
    everything = CliRunner().invoke(glossary_app, ["lint", "a.md", "--select", "S"])
    assert "a.md:1:5" in everything.output  # the unchanged line has a finding too
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "second")
    clean = CliRunner().invoke(
        glossary_app, ["lint", "a.md", "new.md", "--select", "S", "--diff-base", "HEAD"]
    )
    assert clean.exit_code == 0, clean.output


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_diff_base_with_an_unknown_revision_is_one_line_and_exit_2(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / "a.md").write_text("Text.\n", encoding="utf-8")
    run = CliRunner().invoke(glossary_app, ["lint", "a.md", "--diff-base", "no-such-revision"])
    assert run.exit_code == 2
    assert run.output.startswith("error: --diff-base: ") and len(run.output.strip().splitlines()) == 1


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_pre_commit_try_repo_runs_both_hooks(tmp_path):
    """pre-commit installs this repository in its own virtualenv (minutes the first time)."""
    (tmp_path / "project").mkdir()
    repo = _repo(tmp_path / "project")
    (repo / "a.md").write_text("The plenum\u0435 met.\n", encoding="utf-8")
    (repo / "ru.po").write_text(PO, encoding="utf-8")
    _git(repo, "add", "-A")
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert "- hook id: glossary-lint" in out and "a.md:1:5: S301" in out
    assert "- hook id: tm-check" in out and "ru.po:4: error [number-mismatch]" in out


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="ru" target-language="en" datatype="plaintext" original="a">
    <body>
      <trans-unit id="1">
        <source>Заседание 12 мая.</source>
        <target>The meeting of 13 May.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Пленум 5 июня.</source>
        <target>{target}</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def _lines(output: str) -> list[str]:
    """`file:line [check]` of each finding tm check printed."""
    return sorted(
        f"{ln.split(': ')[0]} {ln.split('[')[1].split(']')[0]}" for ln in output.splitlines() if "[" in ln
    )


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_tm_check_diff_base_reports_only_findings_in_changed_units(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    po = PO + '\n#: menu\nmsgid "Открыть файл"\nmsgstr "Open the file"\n'
    (repo / "ru.po").write_text(po, encoding="utf-8")
    (repo / "ru.xlf").write_text(XLIFF.format(target="The plenum of 5 June."), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "first")
    # each file: an old finding in its first unit; an edit to the second unit's target line only
    (repo / "ru.po").write_text(po.replace('"Open the file"', '"Открыть файл"'), encoding="utf-8")
    (repo / "ru.xlf").write_text(XLIFF.format(target="The plenum of 6 June."), encoding="utf-8")
    (repo / "new.po").write_text(PO, encoding="utf-8")  # untracked: every finding is new
    args = ["check", "ru.po", "ru.xlf", "new.po", "--no-glossary"]
    everything = CliRunner().invoke(tm_app, args)
    assert _lines(everything.output) == [
        "new.po:4 number-mismatch",
        "ru.po:4 number-mismatch",
        "ru.po:7 untranslated",
        "ru.xlf:5 number-mismatch",
        "ru.xlf:9 number-mismatch",
    ]
    run = CliRunner().invoke(tm_app, [*args, "--diff-base", "HEAD"])
    assert run.exit_code == 1
    # the PO entry starts at its comment (line 7), the changed msgstr is line 9; the XLIFF unit's
    # tag is line 9, its changed target line 11
    assert _lines(run.output) == [
        "new.po:4 number-mismatch",
        "ru.po:7 untranslated",
        "ru.xlf:9 number-mismatch",
    ]
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "second")
    clean = CliRunner().invoke(tm_app, [*args, "--diff-base", "HEAD"])
    assert clean.exit_code == 0 and _lines(clean.output) == [], clean.output
    bad = CliRunner().invoke(tm_app, [*args, "--diff-base", "no-such-revision"])
    assert bad.exit_code == 2
    assert bad.output.startswith("error: --diff-base: ") and len(bad.output.strip().splitlines()) == 1


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_a_changed_binary_file_counts_as_new_as_a_whole(tmp_path, monkeypatch):
    from glossary.cli.gitdiff import changed_lines, touches

    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / "a.docx").write_bytes(b"PK\x03\x04\x00\x00one")
    (repo / "b.md").write_text("one\ntwo\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "first")
    (repo / "a.docx").write_bytes(b"PK\x03\x04\x00\x00two")
    changed = changed_lines("HEAD")
    assert touches(changed, repo / "a.docx", 40, None)  # git shows no lines of it: all count
    assert not touches(changed, repo / "b.md", 1, None)  # unchanged
