from glossary import __version__
from glossary.cli import app as glossary_app
from tm.cli import app as tm_app


def test_glossary_version(runner):
    result = runner.invoke(glossary_app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"slovnik {__version__}"


def test_tm_version(runner):
    result = runner.invoke(tm_app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output
