import pytest

from glossary.config import load_config
from glossary.errors import ConfigError


def test_known_keys_and_tables_are_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.slovnik]\nscheme = "bgn"\nglossary = "t.json"\n[tool.slovnik.check]\nignore = ["punctuation"]\n',
        encoding="utf-8")
    config = load_config(tmp_path)
    assert config.get("scheme") == "bgn"
    assert config.path("glossary") == tmp_path / "t.json"
    assert config.get("check") == {"ignore": ["punctuation"]}


def test_an_unknown_key_is_an_error_naming_it(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nschem = "lc"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key.*schem"):
        load_config(tmp_path)
