"""`glossary translit` and `glossary schemes`."""

from __future__ import annotations

import json

from glossary.cli import app


def test_translit_text_argument(runner):
    result = runner.invoke(app, ["translit", "Тухачевский и ЕЖОВ", "--scheme", "wikipedia"])
    assert result.exit_code == 0, result.output
    assert result.output == "Tukhachevsky i YEZHOV\n"


def test_translit_reads_stdin_line_by_line(runner):
    result = runner.invoke(app, ["translit", "-", "-s", "iso9"], input="Хрущёв\nЮрий Андропов\n")
    assert result.exit_code == 0
    assert result.output == "Hruŝëv\nÛrij Andropov\n"
    assert runner.invoke(app, ["translit"], input="Ягода\n").output == "Iagoda\n"


def test_translit_json_output(runner):
    result = runner.invoke(app, ["translit", "Ежов", "-s", "bgn", "--format", "json"])
    assert json.loads(result.output) == {
        "scheme": "bgn",
        "lines": [{"source": "Ежов", "target": "Yezhov", "unmapped": []}],
    }


def test_translit_ligatures_option(runner):
    assert runner.invoke(app, ["translit", "Цюрупа", "-s", "ala-lc", "--ligatures"]).output == "T͡si͡urupa\n"


def test_unknown_scheme_is_one_line_and_exit_2(runner):
    result = runner.invoke(app, ["translit", "Ежов", "--scheme", "pinyin"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: unknown scheme 'pinyin' (valid: lc, ala-lc, bgn, iso9, gost-b, icao, wikipedia, scholarly)"
    )


def test_unmapped_letters_warn_or_fail_in_strict_mode(runner):
    result = runner.invoke(app, ["translit", "Київ", "-s", "bgn"])
    assert result.exit_code == 0
    assert "Kiїv" in result.stdout
    assert "warning: <text>:1: U+0457" in result.stderr
    strict = runner.invoke(app, ["translit", "-", "-s", "bgn", "--strict"], input="Киев\nКиїв\n")
    assert strict.exit_code == 2
    assert strict.stderr == (
        "error: <stdin>:2: U+0457 'ї' (CYRILLIC SMALL LETTER YI) at offset 2 has no romanization in bgn\n"
    )


def test_translit_conventional(runner, tmp_path):
    glossary = tmp_path / "names.json"
    glossary.write_text(
        json.dumps(
            {
                "format": "slovnik-termbase",
                "version": 1,
                "concepts": [
                    {
                        "id": "trotskii-lev",
                        "type": "person",
                        "terms": [
                            {"lang": "ru", "text": "Троцкий", "conventional": "Trotsky"},
                            {"lang": "en", "text": "Trotsky"},
                        ],
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["translit", "Троцкий и Троцкого", "-s", "lc", "--conventional", "--glossary", str(glossary)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == "Trotsky i Trotskogo\n"


def test_translit_reverse(runner):
    result = runner.invoke(app, ["translit", "--reverse", "Tukhachevskii", "-n", "2"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Tukhachevskii"
    assert "Тухачевский" in lines[1] and "lc, icao" in lines[1]
    data = json.loads(runner.invoke(app, ["translit", "-r", "Iagoda", "-f", "json"]).output)
    assert data[0]["word"] == "Iagoda" and data[0]["candidates"][0]["cyrillic"] == "Ягода"
    # words keep their signs and hyphens
    data = json.loads(runner.invoke(app, ["translit", "-r", "Zinov'ev, Bonch-Bruevich", "-f", "json"]).output)
    assert [(d["word"], d["candidates"][0]["cyrillic"]) for d in data] == [
        ("Zinov'ev", "Зиновьев"),
        ("Bonch-Bruevich", "Бонч-Бруевич"),
    ]


def test_translit_detect(runner):
    # Yezhov would not do: the bundled termbase records it as the conventional spelling (no evidence)
    text = "Tukhachevskii and Yakovlev met Iurii.\n"
    result = runner.invoke(app, ["translit", "--detect", "-"], input=text)
    assert result.exit_code == 0
    assert "consistent with every word: none" in result.output
    assert "-ий: -ii ×2" in result.output
    data = json.loads(runner.invoke(app, ["translit", "--detect", text, "-f", "json"]).output)
    assert data["mixed"] is True and data["counts"]["lc"] >= 1


def test_schemes_lists_every_scheme(runner):
    result = runner.invoke(app, ["schemes"])
    assert result.exit_code == 0
    for sid in ("lc", "ala-lc", "bgn", "iso9", "gost-b", "icao", "wikipedia", "scholarly"):
        assert any(line.startswith(sid + " ") for line in result.output.splitlines())
    data = json.loads(runner.invoke(app, ["schemes", "--format", "json"]).output)
    assert [d["id"] for d in data][:2] == ["lc", "ala-lc"]
    assert data[6]["example"] == "Tukhachevsky, Khrushchyov"


def test_translit_help(runner):
    result = runner.invoke(app, ["translit", "--help"])
    assert result.exit_code == 0 and "--reverse" in result.output and "--scheme" in result.output


def test_translit_scheme_defaults_to_the_configured_one(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.slovnik]\nscheme = "iso9"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["translit", "Жуков"]).output == "Žukov\n"
    assert runner.invoke(app, ["translit", "Жуков", "-s", "lc"]).output == "Zhukov\n"


def test_translit_reverse_reads_each_distinct_word_once(runner, monkeypatch):
    """A long document repeats its words: each is read once and its JSON written item by item,
    giving the same text as one json.dumps of the whole list."""
    import glossary.romanization.reverse as reverse_module

    calls: list[str] = []
    real = reverse_module.reverse

    def counting(word, **kwargs):
        calls.append(word)
        return real(word, **kwargs)

    monkeypatch.setattr(reverse_module, "reverse", counting)
    text = "Ezhov met Yezhov.\n" * 200 + "Ezhov 1937\n"
    result = runner.invoke(app, ["translit", "--reverse", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [item["word"] for item in data] == ["Ezhov", "met", "Yezhov"] * 200 + ["Ezhov"]
    assert sorted(calls) == ["Ezhov", "Yezhov", "met"]
    assert result.output == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert data[0]["candidates"] and data[0] == data[-1]
    text_result = runner.invoke(app, ["translit", "--reverse", "-"], input=text)
    assert text_result.exit_code == 0
    assert text_result.output.count("Ezhov\n") == 201
