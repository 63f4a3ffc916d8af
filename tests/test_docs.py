"""The README is part of the interface: every command and every rule is documented there, every
command has help, and the Quick start holds exactly the two commands CI and newcomers run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import shows_own_help
from typer.main import get_command

from glossary.cli import app as glossary_app
from glossary.lint.rules import RULES
from tm.cli import app as tm_app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    for prog, app in (("glossary", glossary_app), ("tm", tm_app)):
        group = get_command(app)
        for name in sorted(group.commands):
            yield prog, app, name


COMMANDS = list(_commands())


@pytest.mark.parametrize(("prog", "app", "name"), COMMANDS, ids=[f"{p} {n}" for p, _, n in COMMANDS])
def test_every_command_has_help_and_a_readme_section_with_an_example(runner, prog, app, name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert shows_own_help(result.output, app, name)
    assert re.search(rf"^#+ .*`{prog} {name}\b", README, re.M), f"no README heading for `{prog} {name}`"
    assert re.search(rf"^\$ {prog} {name}\b", README, re.M), f"no README example run of `{prog} {name}`"


def _help_examples(app, name: str) -> list[str]:
    """The commands a help text gives as examples (`Example: glossary lint …`, back-quoted
    ones after `Examples:`), read from the command's own help text."""
    text = " ".join(get_command(app).commands[name].help.split())
    found = re.findall(r"Example: ((?:glossary|tm) [^`(]+?)(?: \(|$)", text)
    found += (
        re.findall(r"`((?:glossary|tm) [^`]+)`", text.split("Examples:", 1)[1]) if "Examples:" in text else []
    )
    return [f.strip().rstrip(";.") for f in found]


@pytest.mark.parametrize(("prog", "app", "name"), COMMANDS, ids=[f"{p} {n}" for p, _, n in COMMANDS])
def test_every_help_carries_an_example_that_runs(runner, tmp_path, monkeypatch, prog, app, name):
    """Each --help shows at least one example of its own command; an example that reads only the
    bundled examples/ (or nothing but the starter termbase) is run and must work (exit 0 or 1)."""
    import shlex
    import shutil

    examples = _help_examples(app, name)
    assert examples, f"`{prog} {name} --help` gives no example"
    assert all(e.startswith(f"{prog} {name}") for e in examples), examples
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    ran: list[str] = []  # the examples run here (the rest name files the user has)
    for example in examples:
        argv = shlex.split(example)[2:]
        files = [a for a in argv if re.search(r"[./]\w", a) and not a.startswith("-")]
        if name == "lsp" or any(not Path(f).exists() and not _written(argv, f) for f in files):
            continue  # the server waits for an editor; party.json is a file the user has: shown only
        ran.append(example)
        result = runner.invoke(app, [name, *argv])
        assert result.exit_code in (0, 1), f"{example}: {result.output}"


def _written(argv: list[str], name: str) -> bool:
    """Whether *name* is what the command writes (-o/--into NAME, or the new termbase)."""
    i = argv.index(name)
    return i > 0 and argv[i - 1] in ("-o", "--output", "--into")


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_lint_rule_is_documented_in_the_readme(code):
    rule = RULES[code]
    assert code in README and rule.name in README


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(blocks) == 2
    commands = [b.strip() for b in blocks]
    assert all("\n" not in c for c in commands), "each Quick start command is one copy-paste line"
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, ".ci/run must run the README's test command verbatim"
    assert "examples/" in commands[0], "the first command runs the main job on the bundled examples"


def test_every_limit_is_documented_once_with_its_default():
    from dataclasses import fields

    from glossary.core.limits import Limits

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    for f in fields(Limits):
        key = f.name.replace("_", "-")
        assert f"| `{key}` | {f.default}" in section, key
