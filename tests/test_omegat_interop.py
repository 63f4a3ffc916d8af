"""OmegaT 3.6 (the version Debian ships) reading what slovnik writes, run headless: a project in
console mode auto-translates from slovnik's TMX in tm/auto, and OmegaT's own TBX reader (called from
a one-file Java program, tests/data/interop/omegat/ReadTbx.java) reads slovnik's TBX v2. OmegaT 3.6
refuses TBX v3, which the last test records. Skipped where OmegaT (or, for the TBX tests, a JDK) is
not installed (`.ci/run` installs both)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from glossary.cli import app as glossary_app
from tm.cli import app as tm_app
from tm.formats import iter_units, write_tm

INTEROP = Path(__file__).parent / "data" / "interop"
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")

pytestmark = pytest.mark.skipif(
    shutil.which("omegat") is None or not OMEGAT_JAR.exists(), reason="OmegaT 3.6 not installed"
)
# a one-file Java program is compiled on launch: that needs a JDK, not only the JRE OmegaT runs on
needs_jdk = pytest.mark.skipif(shutil.which("javac") is None, reason="no JDK (javac) installed")

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>RU</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneRussianTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def _run(cmd: list[str], home: Path) -> subprocess.CompletedProcess:
    # OmegaT keeps its settings under $HOME/.omegat: a test's own home leaves the user's alone
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(home)}
    )


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    return project


def test_omegat_auto_translates_from_slovnik_tmx(runner, tmp_path):
    project = _project(tmp_path)
    (project / "source" / "doc.txt").write_text(
        "Дверь открыта.\n\nОкно закрыто.\n\nСвет погас.\n\nНовая строка.\n", encoding="utf-8"
    )
    memory = project / "tm" / "auto" / "memory.tmx"
    result = runner.invoke(
        tm_app,
        [
            "convert",
            str(INTEROP / "regional" / "mixed_regions.tmx"),
            "-o",
            str(memory),
            "--source-lang",
            "ru",
            "--target-lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    done = _run(["omegat", "--mode=console-translate", str(project)], tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (project / "target" / "doc.txt").read_text(encoding="utf-8").split("\n\n") == [
        "The door is open.",
        "The window is shut.",
        "The light went out.",
        "Новая строка.\n",
    ]


def _read_tbx(path: Path, home: Path) -> subprocess.CompletedProcess:
    return _run(
        ["java", "-cp", str(OMEGAT_JAR), str(INTEROP / "omegat" / "ReadTbx.java"), str(path), "ru", "en"],
        home,
    )


@needs_jdk
def test_omegat_reads_slovnik_tbx_v2(runner, tmp_path):
    out = tmp_path / "terms.tbx"
    result = runner.invoke(
        glossary_app, ["export", str(out), "--to", "tbx2", "-g", str(INTEROP / "untranslated.csv")]
    )
    assert result.exit_code == 0, result.output
    done = _read_tbx(out, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["спутник\tsatellite", "перестройка\t"]


@needs_jdk
def test_omegat_36_refuses_tbx_v3(runner, tmp_path):
    out = tmp_path / "terms.tbx"
    result = runner.invoke(glossary_app, ["export", str(out), "-g", str(INTEROP / "untranslated.csv")])
    assert result.exit_code == 0, result.output
    done = _read_tbx(out, tmp_path)
    assert done.returncode != 0 and done.stdout == ""  # why `--to tbx2` exists: README says so


@pytest.mark.parametrize("fmt, translated", [("xliff", True), ("xliff2", False)])
def test_omegat_36_translates_slovnik_xliff_12_but_not_xliff_2(tmp_path, fmt, translated):
    project = _project(tmp_path)
    units = list(iter_units(INTEROP / "regional" / "mixed_regions.tmx", source_lang="ru", target_lang="en"))
    for unit in units:
        unit.target = (
            unit.source
        )  # OmegaT 3.6 translates XLIFF 1.2 <target> elements: pre-filled with the source
    write_tm(units, project / "source" / "doc.xlf", fmt, source_lang="ru", target_lang="en")
    write_tm(
        iter_units(INTEROP / "regional" / "mixed_regions.tmx", source_lang="ru", target_lang="en"),
        project / "tm" / "auto" / "memory.tmx",
        "tmx",
        source_lang="ru",
        target_lang="en",
    )
    done = _run(["omegat", "--mode=console-translate", str(project)], tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert ("The door is open." in (project / "target" / "doc.xlf").read_text(encoding="utf-8")) is translated
