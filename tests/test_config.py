import pytest

from glossary.core.config import load_config
from glossary.core.errors import ConfigError


def test_known_keys_and_tables_are_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.slovnik]\nscheme = "bgn"\nglossary = "t.json"\n[tool.slovnik.check]\nignore = ["punctuation"]\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.get("scheme") == "bgn"
    assert config.path("glossary") == tmp_path / "t.json"
    assert config.get("check") == {"ignore": ["punctuation"]}


def test_an_unknown_key_is_an_error_naming_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nschem = "lc"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key.*schem"):
        load_config(tmp_path)


def test_limits_are_read_from_the_config_and_checked(tmp_path, monkeypatch):
    from glossary.core import limits

    monkeypatch.setattr(limits, "LIMITS", limits.Limits())
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.slovnik.limits]\nmax-word = 200\n", encoding="utf-8")
    load_config(pyproject=pyproject)
    assert limits.LIMITS.max_word == 200 and limits.LIMITS.max_quoted == limits.Limits().max_quoted
    for bad, words in [("max-word = 0", "positive whole number"), ("max-words = 9", "unknown key")]:
        pyproject.write_text(f"[tool.slovnik.limits]\n{bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=words) as err:
            load_config(pyproject=pyproject)
        assert str(err.value).startswith(str(pyproject))
