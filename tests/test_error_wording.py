"""Errors from a library are said in slovnik's own words: every reader of a format says the same thing
for the same fault, at the file's own line, and tests hold slovnik to its words, not a library's."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.core.errors import ParseError
from glossary.lint.sources import read_document
from glossary.printing.sources import iter_texts
from glossary.termbase.formats import read_termbase
from tm.formats import iter_units

# Every reader of PO files in both packages: termbase, lint source, `print --for` text, TM.
PO_READERS = {
    "termbase": read_termbase,
    "lint": read_document,
    "print": lambda path: list(iter_texts(path)),
    "tm": lambda path: list(iter_units(path)),
}


def _error(read, path: Path) -> ParseError:
    with pytest.raises(ParseError) as info:
        read(path)
    return info.value


@pytest.mark.parametrize("reader", PO_READERS)
def test_every_po_reader_reports_a_syntax_error_the_same_way(tmp_path, reader):
    path = tmp_path / "chistka.po"
    path.write_text('msgid "чистка"\nmsgstr "purge"\n\nmsgstr "a msgstr with no msgid"\n', encoding="utf-8")
    err = _error(PO_READERS[reader], path)
    assert str(err) == f"{path}:4: PO syntax error: near 'msgstr \"a msgstr with no msgid\"'"


@pytest.mark.parametrize("reader", PO_READERS)
def test_a_po_syntax_error_names_the_files_own_line_past_a_vertical_tab(tmp_path, reader):
    """str.splitlines() breaks at \\v and \\f too; the line named is the file's, counted by newlines."""
    path = tmp_path / "vt.po"
    path.write_text(
        'msgid "стр\\vока"\nmsgstr "li\fne"\n\nmsgid "x"\nmsgid "y"\nmsgstr ""\n', encoding="utf-8"
    )
    err = _error(PO_READERS[reader], path)
    assert (err.line, err.message.split(":")[0]) == (5, "PO syntax error")


# -- JSON Schema: the keyword and values of an error, in slovnik's words ----------------------------

SCHEMA = {
    "type": "object",
    "required": ["id", "lang"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z]+$"},
        "lang": {"enum": ["ru", "en"]},
        "version": {"const": 1},
        "terms": {"type": "array", "minItems": 1, "maxItems": 2},
        "note": {"type": ["string", "null"], "minLength": 1},
        "tags": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}},
    },
}


@pytest.mark.parametrize(
    ("instance", "words"),
    [
        ({}, "missing keys 'id', 'lang'"),
        ({"id": "kulak"}, "missing key 'lang'"),
        ({"id": "kulak", "lang": "ru", "colour": 1}, "unknown key 'colour'"),
        ({"id": 7, "lang": "ru"}, "expected a string, not a whole number"),
        ({"id": "kulak", "lang": "ru", "note": []}, "expected a string or null, not a list"),
        ({"id": "kulak", "lang": "de"}, "'de' is not an allowed value (expected one of: ru, en)"),
        ({"id": "kulak", "lang": "ru", "version": 2}, "2 is not an allowed value (expected 1)"),
        ({"id": "Kulak", "lang": "ru"}, "'Kulak' is not in the required form (^[a-z]+$)"),
        ({"id": "kulak", "lang": "ru", "terms": []}, "must not be empty"),
        ({"id": "kulak", "lang": "ru", "note": ""}, "must not be empty"),
        ({"id": "kulak", "lang": "ru", "terms": [1, 2, 3]}, "has 3 entries (maximum 2)"),
        (
            {"id": "kulak", "lang": "ru", "tags": {"Bad": 1}},
            "key 'Bad' is not in the required form (^[a-z]+$)",
        ),
    ],
)
def test_schema_errors_are_described_from_their_keyword_not_jsonschemas_message(instance, words):
    import jsonschema

    from glossary.core.schemacheck import describe

    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(instance))
    assert {describe(e) for e in errors} == {words}


def test_a_termbase_missing_two_keys_says_so_once(tmp_path):
    from glossary.termbase.formats import jsonfile

    path = tmp_path / "tb.json"
    path.write_text(
        '{"format": "slovnik-termbase", "version": 1, "concepts": [\n  {"terms": [{}]}\n]}\n',
        encoding="utf-8",
    )
    text, data = jsonfile.load_json(path)
    assert [str(e) for e in jsonfile.schema_errors(path, text, data)] == [
        f"{path}:2: concepts[0]: missing key 'id'",
        f"{path}:2: concepts[0].terms[0]: missing keys 'lang', 'text'",
    ]


# -- the CLI boundary --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda tmp: tmp / "missing.json", "no such file"),
        (lambda tmp: (tmp / "folder.json").mkdir() or tmp / "folder.json", "is a folder, not a file"),
        (
            lambda tmp: (tmp / "plain").write_text("x") and tmp / "plain" / "tb.json",
            "a part of the path is not a folder",
        ),
    ],
)
def test_a_file_the_os_cannot_open_is_named_in_slovniks_words(runner, tmp_path, make, problem):
    from glossary.cli import app

    path = make(tmp_path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: {problem}\n"


@pytest.mark.parametrize(
    "cli, args, option",
    [
        ("glossary", ["lint", "--no-such-option", "x.txt"], "--no-such-option"),
        ("glossary", ["lint", "x.txt", "--scheme"], "--scheme"),
        ("glossary", ["print", "-o", "x.pdf", "--paper", "a5"], "--paper"),
        ("glossary", ["print"], "--output"),
        ("glossary", ["translit", "Ежов", "--format", "xml"], "--format"),
        ("tm", ["convert", "x.po", "-o", "x.tmx", "--source-lang"], "--source-lang"),
        ("tm", ["convert"], "in_file"),
        ("tm", ["import", "catalog.po"], "--into"),
    ],
)
def test_usage_errors_exit_2_and_name_the_option(runner, tmp_path, monkeypatch, cli, args, option):
    """click words usage errors itself; what slovnik promises is exit 2 and the option named."""
    from glossary.cli import app as glossary_app
    from tm.cli import app as tm_app

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(glossary_app if cli == "glossary" else tm_app, args)
    assert result.exit_code == 2
    assert option in result.output and "Traceback" not in result.output
    assert not list(tmp_path.iterdir())
