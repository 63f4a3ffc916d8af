"""The distribution's metadata is written once: one version, typed packages."""

import tomllib
from pathlib import Path

import glossary
import tm

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_written_once():
    project = _pyproject()
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "glossary.__version__"}
    assert tm.__version__ is glossary.__version__
    # no other module of either package spells a version out
    for package in ("glossary", "tm"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if path != ROOT / "glossary" / "__init__.py":
                assert f'"{glossary.__version__}"' not in text, path


def test_both_packages_ship_py_typed():
    data = _pyproject()["tool"]["setuptools"]["package-data"]["*"]
    assert "py.typed" in data
    for package in ("glossary", "tm"):
        assert (ROOT / package / "py.typed").is_file()
