"""Every error the README shows is what the command prints today.

The README's console blocks are read for each `$ command` whose output holds an `error:` line (and the
`glossary validate` runs that list findings); each is run in an empty folder holding inputs made up
here to show the same fault, and its output (with `; echo "exit $?"` or a following `$ echo $?`)
must equal the README's lines. A documented error without inputs below fails, as does an entry below
whose command the README no longer shows.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from glossary.cli import app as glossary_app
from tm.cli import app as tm_app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DATA = Path(__file__).parent / "data"
_FINDING = re.compile(r"^\S+:\d+:\d+: [A-Z]+\d+ ")
_ECHO_EXIT = '; echo "exit $?"'


def documented_errors() -> dict[str, list[str]]:
    """{command: the output lines the README shows for it} for every documented error run."""
    found: dict[str, list[str]] = {}
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", README, re.M | re.S):
        runs: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                runs.append((line[2:], []))
            elif runs:
                runs[-1][1].append(line)
        for i, (command, output) in enumerate(runs):
            while output and not output[-1].strip():
                output.pop()
            shows_error = any(line.startswith("error:") for line in output)
            shows_findings = command.startswith("glossary validate") and any(map(_FINDING.match, output))
            if not (shows_error or shows_findings):
                continue
            if i + 1 < len(runs) and runs[i + 1][0] == "echo $?":
                output = [*output, *runs[i + 1][1][:1]]
            assert found.get(command, output) == output, f"`{command}` is documented with two outputs"
            found[command] = output
    return found


# -- the inputs each documented error needs (made up here; the names are the README's) -------------


def _glossary(*args: str) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(glossary_app, list(args))
    assert result.exit_code == 0, result.output


def _tm(*args: str) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(tm_app, list(args))
    assert result.exit_code == 0, result.output


def _party() -> None:
    _glossary("new", "party.json", "--title", "Party organs")


def _more_csv() -> str:
    """The `cat more.csv` the README shows."""
    block = README.split("$ cat more.csv\n", 1)[1]
    return "".join(line + "\n" for line in block.splitlines()[:4])


def _at_line(number: int, head: str, entry: str, tail: str) -> str:
    """*head*, blank lines, then *entry* starting on line *number*, then *tail*."""
    pad = number - 1 - head.count("\n")
    assert pad >= 0
    return head + "\n" * pad + entry + tail


TBX2_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n'
    "<martifHeader><fileDesc><sourceDesc><p>made up for the README test</p></sourceDesc></fileDesc>"
    "</martifHeader>\n<text><body>\n"
)
TBX2_TAIL = "</body></text>\n</martif>\n"


def _term_entry(cid: str, en: str | None, ru: str | None) -> str:
    sets = "".join(
        f'<langSet xml:lang="{lang}"><tig><term>{text}</term></tig></langSet>'
        for lang, text in (("en", en), ("ru", ru))
        if text
    )
    return f'<termEntry id="{cid}">{sets}</termEntry>\n'


def _monal_tbx() -> None:
    text = TBX2_HEAD
    for line, entry in (
        (17, _term_entry("monal", "Monal", "Moнал")),
        (22, _term_entry("omemo", "OMEMO", "OMEMO")),
        (38, _term_entry("https-quicksy-im", "https://quicksy.im", None)),
    ):
        text = _at_line(line, text, entry, "")
    Path("monal-glossary_ru.tbx").write_text(text + TBX2_TAIL, encoding="utf-8")


def _poorly_formed_tbx() -> None:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2">\n<tbxHeader><fileDesc><sourceDesc><p>made up</p></sourceDesc>'
        "</fileDesc></tbxHeader>\n<text><body>\n"
    )
    entry = '<conceptEntry id="c1"><langSec xml:lang="en">\n<termSec>\n<term>chart\n</termSec>\n'
    text = _at_line(39, head, entry, "</langSec></conceptEntry>\n</body></text>\n</tbx>\n")
    Path("TBX_test_files__poorly_formed_xml.tbx").write_text(text, encoding="utf-8")


def _copy(folder: str, *names: str) -> None:
    for name in names:
        shutil.copy(DATA / folder / name, name)


def _mixed_store() -> None:
    _copy("tmstore", "history.tmx", "more.tmx", "catalog.po")
    _tm("import", "history.tmx", "more.tmx", "--into", "tm.db")
    _tm("import", "catalog.po", "--into", "tm.db")


def _read_only_store(monkeypatch) -> None:
    """As on read-only media (the tests may run as root, who may write to a chmod 444 file)."""
    os.mkdir("shared")
    _copy("tmstore", "catalog.po", "history.tmx")
    _tm("import", "history.tmx", "--into", "shared/tm.db")
    real_access, shared = os.access, os.path.abspath("shared")
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, *a, **kw: (
            False
            if (mode == os.W_OK and os.path.abspath(path).startswith(shared))
            else real_access(path, mode, *a, **kw)
        ),
    )


def _locked_store(monkeypatch) -> None:
    """Another import holds the write lock; the clock runs a minute per look so no one waits."""
    import itertools
    import sqlite3

    from tm.store import storewrite

    _copy("tmstore", "history.tmx", "more.tmx")
    _tm("import", "history.tmx", "--into", "tm.db")
    holder = sqlite3.connect("tm.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(storewrite.time, "monotonic", itertools.count(0, 10).__next__)
    monkeypatch.setattr(storewrite, "_HOLDER", holder, raising=False)  # kept open while the test runs


SETUPS = {
    "glossary add -g party.json --ru Moнал --en Monal": lambda mp: _party(),
    "glossary import more.csv --into party.json": lambda mp: (
        _party(),
        Path("more.csv").write_text(_more_csv(), encoding="utf-8"),
        _glossary("import", "more.csv", "--into", "party.json"),
    ),
    "glossary import broken.csv --into party.json": lambda mp: (
        _party(),
        Path("broken.csv").write_text(
            _more_csv().splitlines(keepends=True)[0]
            + "kulak,term,society,ru,кулак,preferred,noun,masculine,\n"
            "kulak,,,en,,preferred,,,\n",
            encoding="utf-8",
        ),
    ),
    "glossary import kulak-cp1251.csv --into party.json": lambda mp: (
        _party(),
        Path("kulak-cp1251.csv").write_bytes(
            (
                _more_csv().splitlines(keepends=True)[0]
                + "kulak,term,society,ru,кулак,preferred,noun,masculine,\n"
            ).encode("cp1251")
        ),
    ),
    "glossary import weblate-glossary_ru.tbx --into w.json": lambda mp: Path(
        "weblate-glossary_ru.tbx"
    ).write_text(
        _at_line(491, TBX2_HEAD, _term_entry("shart", "chart", "сhart"), TBX2_TAIL), encoding="utf-8"
    ),
    "glossary export out/party.tbx -g party.json": lambda mp: _party(),
    "glossary validate monal-glossary_ru.tbx": lambda mp: _monal_tbx(),
    "glossary validate TBX_test_files__poorly_formed_xml.tbx": lambda mp: _poorly_formed_tbx(),
    "glossary translit x -s pinyin": lambda mp: None,
    "glossary print -o x.pdf -g cjk.json": lambda mp: Path("cjk.json").write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": [{"id": "kitai", "definition": "China (中国).", '
        '"terms": [{"lang": "ru", "text": "Китай"}, {"lang": "en", "text": "China"}]}]}',
        encoding="utf-8",
    ),
    "tm convert billion_laughs.tmx -o x.csv": lambda mp: _copy("tm", "billion_laughs.tmx"),
    "tm convert truncated.tmx -o out.po": lambda mp: _copy("tm", "truncated.tmx"),
    "tm convert cp1251.po -o out/memory.tmx": lambda mp: _copy("tm", "cp1251.po"),
    'tm import catalog.po truncated.tmx --into tm.db; echo "exit $?"': lambda mp: _copy(
        "tmstore", "catalog.po", "truncated.tmx"
    ),
    'tm import xxe.tmx --into tm.db; echo "exit $?"': lambda mp: _copy("tmstore", "xxe.tmx"),
    "tm export tm.db -o out.tmx": lambda mp: _mixed_store(),
    "tm import catalog.po --into shared/tm.db": _read_only_store,
    "tm import catalog.po --into missing-folder/tm.db": lambda mp: _copy("tmstore", "catalog.po"),
    "tm import more.tmx --into tm.db --timeout 60      # while another import runs": _locked_store,
}

DOCUMENTED = documented_errors()


def test_every_documented_error_has_inputs_here_and_every_entry_here_is_documented():
    assert sorted(set(DOCUMENTED) - set(SETUPS)) == [], "add the inputs of these README examples to SETUPS"
    assert sorted(set(SETUPS) - set(DOCUMENTED)) == [], "the README no longer shows these; drop them"


@pytest.mark.parametrize("command", sorted(DOCUMENTED))
def test_documented_error_is_what_the_command_prints(runner, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    SETUPS[command](monkeypatch)
    echoed = command.removesuffix(_ECHO_EXIT)
    line = echoed.split("  #")[0].strip()  # without a trailing shell comment
    prog, *args = shlex.split(line)
    result = runner.invoke({"glossary": glossary_app, "tm": tm_app}[prog], args)
    printed = result.output.rstrip("\n").splitlines()
    if echoed != command:
        printed.append(f"exit {result.exit_code}")
    elif DOCUMENTED[command][-1].isdigit():  # a following `$ echo $?`
        printed.append(str(result.exit_code))
    assert printed == DOCUMENTED[command]
    assert "Traceback" not in result.output
