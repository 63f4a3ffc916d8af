"""A real editor as the client: Neovim, headless, with `glossary lsp` configured through a small Lua
init (tests/data/lsp/init.lua), opens a file and writes the diagnostics it received. Skipped where
`nvim` is not installed (CI installs Debian's neovim)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")
INIT = Path(__file__).parent / "data" / "lsp" / "init.lua"
LINT = Path(__file__).parent / "data" / "lint"


@pytest.mark.skipif(NVIM is None, reason="nvim is not installed")
def test_neovim_receives_the_servers_diagnostics(tmp_path: Path):
    shutil.copy(LINT / "house.json", tmp_path / "house.json")
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nglossary = "house.json"\n', encoding="utf-8")
    doc = tmp_path / "chapter.md"
    doc.write_text(
        "Marshal Tukhachevskii was arrested in the spring.\nThe Tukhachevsky affair shook "
        "the army.\n\nThe plenum\u0435 of the obkom met.\n",
        encoding="utf-8",
    )
    out = tmp_path / "diagnostics.json"
    env = dict(
        os.environ,
        SLOVNIK_NVIM_OUT=str(out),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        SLOVNIK_LSP_CMD=json.dumps([sys.executable, "-c", "from glossary.cli import main; main()", "lsp"]),
    )
    subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-u", str(INIT), str(doc)],
        cwd=tmp_path,
        env=env,
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    found = json.loads(out.read_text("utf-8"))
    assert sorted((d["lnum"], d["col"], d["code"]) for d in found) == [(0, 8, "R101"), (3, 4, "S301")]
    assert all(d["source"] == "slovnik" for d in found)
    assert any("Tukhachevsky" in d["message"] for d in found)
