"""What lint's start-up leaves out and the shortcuts it takes (issue 15): a lint run imports neither
pydantic (typer's option conversion) nor the termbase format modules, the per-command app parses
like the whole app, and the context rules tried letter by letter give what one regex pass gives."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.cli import _app_for, app
from glossary.romanization.engine import SCHEME_IDS, SCHEMES, engine

_PROBE = """
import sys
from glossary.cli import main
try:
    main()
except SystemExit as e:
    code = e.code
print("\\n" + repr((code, sorted(m for m in sys.modules if m.split(".")[0] in {0}))), file=sys.stderr)
"""


def _lint_modules(tmp_path, args: list[str], watched: set[str]) -> tuple[int, list[str]]:
    probe = _PROBE.replace("{0}", repr(watched))
    proc = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    code, modules = ast.literal_eval(proc.stderr.strip().splitlines()[-1])
    return code, modules


def test_a_lint_run_imports_no_pydantic_and_no_termbase_format_module(tmp_path):
    text = tmp_path / "one.txt"
    text.write_text("The delegates met Molotovv and Vyshinskii in the Kremlin.\n", encoding="utf-8")
    watched = {"pydantic", "lxml", "polib", "openpyxl"}
    code, modules = _lint_modules(tmp_path, ["lint", str(text), "--format", "json", "--exit-zero"], watched)
    assert code == 0
    assert modules == []


def test_a_bad_option_value_still_gets_typers_own_message_and_exit_code(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", "from glossary.cli import main; main()", "lint", "--format", "xml", "x.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 2
    assert "'xml' is not one of 'text', 'json', 'sarif', 'github'" in proc.stderr


def test_the_per_command_app_holds_the_named_commands_module_only():
    assert _app_for(["glossary", "--help"]) is app
    assert _app_for(["glossary", "lnit"]) is app  # a mistyped command: the whole app says so
    lint_app = _app_for(["glossary", "lint", "x.txt"])
    names = {info.name for info in lint_app.registered_commands}
    assert "lint" in names and "rule" in names
    assert "translit" not in names and "new" not in names
    every = {info.name for info in app.registered_commands}
    for name in every:
        one = _app_for(["glossary", name])
        assert name in {info.name for info in one.registered_commands}


def test_json_of_a_lint_run_is_the_same_through_both_apps(tmp_path):
    from typer.testing import CliRunner

    text = tmp_path / "t.txt"
    text.write_text("Khrushchev met Khrushchov; Yezhov and Ezhov.\n", encoding="utf-8")
    args = ["lint", str(text), "--format", "json", "--exit-zero"]
    runner = CliRunner()
    whole = runner.invoke(app, args)
    alone = runner.invoke(_app_for(["glossary", *args]), args)
    assert whole.exit_code == alone.exit_code == 0
    assert json.loads(whole.stdout) == json.loads(alone.stdout)


def test_without_typers_private_conversion_the_cli_answers_the_same(tmp_path, monkeypatch):
    """The plain-option shortcut uses typer internals; a typer that moved them runs its own
    conversion instead (cliutil's guarded import), with the same answers and errors."""
    from typer.testing import CliRunner

    from glossary.cli import cliutil

    text = tmp_path / "t.txt"
    text.write_text("Yezhov and Ezhov met.\n", encoding="utf-8")
    args = ["lint", str(text), "--format", "json", "--exit-zero"]
    fast = CliRunner().invoke(_app_for(["glossary", *args]), args)
    monkeypatch.setattr(cliutil, "RuntimeParam", None)
    slow = CliRunner().invoke(_app_for(["glossary", *args]), args)
    assert fast.exit_code == slow.exit_code == 0
    assert json.loads(fast.stdout) == json.loads(slow.stdout)
    bad = CliRunner().invoke(_app_for(["glossary", "lint"]), ["lint", str(text), "--format", "yaml"])
    assert bad.exit_code == 2


_LETTERS = "ъЪьаеоиыйкстСТ -.\n'"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=400))
def test_rules_tried_letter_by_letter_equal_one_regex_pass(text):
    for scheme_id in SCHEME_IDS:
        for options in ({}, *({name: True} for name in SCHEMES[scheme_id].options)):
            compiled = engine(scheme_id, options)
            if compiled.rules_re is None:
                continue
            assert compiled._rules(text) == compiled.rules_re.sub(compiled._rule_sub, text), scheme_id


def test_rules_letter_by_letter_path_is_taken_for_sparse_final_hard_signs():
    compiled = engine("lc")
    text = "объявил съезд в городе Кремль. " * 40 + "мiръ бытъ ОБЪЁМЪ "
    positions = sorted(i for i, ch in enumerate(text) if ch in "ъЪ")
    assert compiled._rules_at(text, positions) == compiled.rules_re.sub(compiled._rule_sub, text)
    assert compiled._rules(text) == compiled.rules_re.sub(compiled._rule_sub, text)
    assert "бытъ" not in compiled._rules(text)
