"""`glossary translit` (romanize, reverse, detect) and `glossary schemes`.

The commands parse arguments, call glossary.romanization.romanize / glossary.romanization.reverse and render; an unknown scheme
raises SchemeNotFound, which SlovnikGroup prints as one line with exit code 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..core.textfile import bounded_lines, read_text
from ..romanization.romanize import SCHEMES, get_scheme, romanize_report
from .cliutil import FormatOpt, GlossaryOpt, OutputFormat, SchemeOpt, print_json

TextArg = Annotated[
    str | None,
    typer.Argument(
        help="Text to process; `-` or nothing reads standard input line by line.", show_default=False
    ),
]


def _lines(text: str | None):
    if text is None or text == "-":
        yield from bounded_lines(sys.stdin)
    else:
        yield text


def _termbase(glossary):
    """The termbase for conventional names and reverse ranking: --glossary, config or the starter."""
    from ..termbase import STARTER_PATH, load_termbase, termbase_path

    path = termbase_path(glossary)
    if glossary is None and path == STARTER_PATH and not path.exists():
        return None
    return load_termbase(glossary)


def translit(
    text: TextArg = None,
    scheme: SchemeOpt = None,
    reverse: Annotated[
        bool,
        typer.Option(
            "--reverse",
            "-r",
            help="Romanized → Cyrillic: ranked candidates for each word, with scores and schemes.",
        ),
    ] = False,
    detect: Annotated[
        bool,
        typer.Option(
            "--detect",
            "-d",
            help="Which schemes the romanized text uses, "
            "with the evidence per feature; TEXT may name a text file.",
        ),
    ] = False,
    conventional: Annotated[
        bool,
        typer.Option(
            "--conventional",
            "-c",
            help="Write the conventional English spelling of names the termbase knows (Trotsky).",
        ),
    ] = False,
    ligatures: Annotated[
        bool, typer.Option("--ligatures", help="ala-lc: write the tie-bar ligatures (t͡s, i͡u, i͡a).")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Candidates per word with --reverse.")] = 5,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Fail on a Cyrillic letter the scheme does not define instead of warning."
        ),
    ] = False,
    glossary: GlossaryOpt = None,
    output_format: FormatOpt = OutputFormat.text,
    title: Annotated[
        bool,
        typer.Option(
            "--title",
            help="TEXT is the Russian title of a work: write it "
            "as a citation does (the citation scheme, default lc; the "
            "termbase's fixed spelling and ` [translation]` when it knows "
            "the work).",
        ),
    ] = False,
) -> None:
    """Romanize Russian TEXT (or standard input) with a scheme; --reverse and --detect go the other way.

    Examples: `glossary translit "Тухачевский" -s wikipedia` prints Tukhachevsky;
    `glossary translit --reverse Tukhachevskii`; `glossary translit --detect essay.txt`.
    """
    if reverse and detect:
        raise typer.BadParameter("--reverse and --detect exclude each other")
    if title and (reverse or detect):
        raise typer.BadParameter("--title romanizes a Cyrillic title; it excludes --reverse and --detect")
    if title:
        _title(text, scheme, glossary, output_format)
    elif reverse:
        _reverse(text, glossary, limit, output_format)
    elif detect:
        _detect(text, glossary, output_format)
    else:
        if scheme is None:  # --scheme, else [tool.slovnik] scheme, else lc
            from ..core.config import load_config

            scheme = load_config().get("scheme", "lc")
        _romanize(text, scheme, conventional, ligatures, strict, glossary, output_format)


def _romanize(text, scheme, conventional, ligatures, strict, glossary, output_format) -> None:
    from ..core.errors import UnmappedCharacterError

    get_scheme(scheme)  # an unknown id fails before any input is read
    options = {"ligatures": True} if ligatures else None
    termbase = _termbase(glossary) if conventional else None
    results = []
    source = "<text>" if text not in (None, "-") else "<stdin>"
    for lineno, line in enumerate(_lines(text), 1):
        report = romanize_report(line, scheme, conventional=conventional, termbase=termbase, options=options)
        if report.unmapped:
            more = len(report.unmapped) - 1
            where = f"{source}:{lineno}: {report.unmapped[0]}" + (f" (+{more} more)" if more else "")
            if strict:
                raise UnmappedCharacterError(where)
            typer.echo(f"warning: {where}", err=True)
        if output_format is OutputFormat.json:
            results.append(
                {
                    "source": line.rstrip("\n"),
                    "target": report.text.rstrip("\n"),
                    "unmapped": [u.char for u in report.unmapped],
                }
            )
        else:
            typer.echo(report.text.rstrip("\n"))
    if output_format is OutputFormat.json:
        print_json({"scheme": scheme, "lines": results})


def _title(text, scheme, glossary, output_format) -> None:
    from ..core.config import load_config
    from ..termbase.publications import cite_title, find_publication

    if scheme is None:  # --scheme, else [tool.slovnik] citation-scheme, else lc
        scheme = load_config().get("citation-scheme", "lc")
    get_scheme(scheme)
    termbase = _termbase(glossary)
    results = []
    for line in _lines(text):
        line = line.rstrip("\n")
        cited = cite_title(line, scheme, termbase)
        if output_format is OutputFormat.json:
            found = find_publication(termbase, line)
            results.append(
                {
                    "source": line,
                    "target": cited,
                    "concept": found.id if found else None,
                    "translation": found.translation if found else None,
                }
            )
        else:
            typer.echo(cited)
    if output_format is OutputFormat.json:
        print_json({"scheme": scheme, "titles": results})


def _reverse(text, glossary, limit, output_format) -> None:
    from ..core import limits
    from ..core.errors import WordTooLong
    from ..romanization.detection import LATIN_WORD_RE
    from ..romanization.reverse import reverse, too_long

    source = "<text>" if text not in (None, "-") else "<stdin>"
    words = []
    for lineno, line in enumerate(_lines(text), 1):
        for word in LATIN_WORD_RE.findall(line):
            if too_long(word):  # asked for by name, so refused (lint and search pass it over)
                raise WordTooLong(
                    f"{source}:{lineno}: a word of {len(word)} letters ({limits.quote(word)}) "
                    f"is past the limit of {limits.LIMITS.max_word} letters "
                    "(max-word in [tool.slovnik.limits])"
                )
            words.append(word)
    if not words:  # `--reverse 1937`: nothing to reverse is an input error, not an empty answer
        from ..core.errors import GlossaryError

        raise GlossaryError(f"{source}: no romanized (Latin-letter) word to reverse")
    from ..romanization.lexicon import Lexicon

    termbase = _termbase(glossary)
    lexicon = Lexicon.of(termbase)  # built once: a document repeats its words many times
    readings: dict[str, list[dict]] = {}
    data = []
    for word in words:
        candidates = readings.get(word)
        if candidates is None:
            candidates = readings[word] = [
                {
                    "cyrillic": c.cyrillic,
                    "score": c.score,
                    "schemes": list(c.schemes),
                    "known": c.known,
                    "in_termbase": c.in_termbase,
                }
                for c in reverse(word, lexicon=lexicon, limit=limit)
            ]
        data.append({"word": word, "candidates": candidates})
    if output_format is OutputFormat.json:
        _print_json_list(data)
        return
    lines = []
    for item in data:
        lines.append(item["word"])
        if not item["candidates"]:
            lines.append("  (no candidates)")
        for c in item["candidates"]:
            mark = "*" if c["in_termbase"] else "+" if c["known"] else " "
            schemes = ", ".join(c["schemes"]) or "no scheme (loose reading)"
            lines.append(f"  {c['score']:.3f} {mark} {c['cyrillic']}  [{schemes}]")
    # one write: echo per line costs ~30 µs each, which on a long document outweighs the reading
    typer.echo("\n".join(lines))


def _print_json_list(items: list[dict]) -> None:
    """`print_json(items)`'s text, written item by item: each distinct word's item is encoded once
    (a document repeats its words) and the whole text, ~200× the input, is never held at once."""
    import json
    import sys

    encoded: dict[str, str] = {}
    out = sys.stdout
    out.write("[" if items else "[]")
    for i, item in enumerate(items):
        text = encoded.get(item["word"])
        if text is None:
            text = encoded[item["word"]] = "\n  " + json.dumps(item, ensure_ascii=False, indent=2).replace(
                "\n", "\n  "
            )
        out.write(text if i == 0 else "," + text)
    out.write("\n]\n" if items else "\n")


def _empty_termbase():
    from ..termbase.model import Termbase

    return Termbase()


def _text_file(text: str | None) -> Path | None:
    """The file TEXT names, when it is one word naming an existing file (`--detect essay.txt`): the
    document is what a user asks to analyse, not its name."""
    if text is None or text == "-" or "\n" in text or len(text) > 4096:
        return None
    path = Path(text)
    try:
        return path if path.is_file() else None
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL
        return None


def _detect(text, glossary, output_format) -> None:
    from ..core import limits
    from ..romanization.detection import detect_document

    termbase = _termbase(glossary)
    file = _text_file(text)
    document = read_text(file) if file is not None else "".join(_lines(text))
    result = detect_document(document, termbase=termbase if termbase is not None else _empty_termbase())
    if result.passed_over:
        line, column, length = result.passed_over[0]
        more = f" (+{len(result.passed_over) - 1} more)" if len(result.passed_over) > 1 else ""
        source = str(file) if file is not None else "<text>" if text not in (None, "-") else "<stdin>"
        typer.echo(
            f"note: {source}:{line}:{column}: a word of {length} letters passed over{more}, longer than "
            f"max-word ({limits.LIMITS.max_word} letters, [tool.slovnik.limits])",
            err=True,
        )
    if output_format is OutputFormat.json:
        print_json(result.to_dict())
        return
    evidence = result.distinguishing
    typer.echo(f"romanized Russian words: {len(result.tokens)} ({len(evidence)} distinguish schemes)")
    if not evidence:
        typer.echo("no evidence for any particular scheme")
        return
    consistent = ", ".join(result.consistent) or "none (the text mixes schemes)"
    typer.echo(f"dominant scheme: {result.dominant}; consistent with every word: {consistent}")
    typer.echo(
        "words consistent with each scheme: "
        + ", ".join(f"{s} {n}" for s, n in sorted(result.counts.items(), key=lambda kv: -kv[1]) if n)
    )
    typer.echo(
        "weighted evidence (1/number of schemes per word): "
        + ", ".join(f"{s} {w:g}" for s, w in sorted(result.weights.items(), key=lambda kv: -kv[1]) if w)
    )
    for name, variants in result.features.items():
        shown = ", ".join(f"{v} ×{n}" for v, n in variants.items())
        typer.echo(f"  {name}: {shown}")
        for variant in variants:
            example = next(t for t in evidence if t.features.get(name) == variant)
            typer.echo(f"    {variant}: e.g. {example.token} ({example.cyrillic}), line {example.line}")


def schemes(output_format: FormatOpt = OutputFormat.text) -> None:
    """List the romanization schemes: id, name, source of the rules and an example.

    Example: glossary schemes
    """
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "source": s.source,
            "url": s.url,
            "example": s.romanize("Тухачевский, Хрущёв"),
            "options": list(s.options),
        }
        for s in SCHEMES.values()
    ]
    if output_format is OutputFormat.json:
        print_json(rows)
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        typer.echo(f"{r['id']:<{width}}  {r['name']}")
        typer.echo(
            f"{'':<{width}}  e.g. {r['example']}"
            + (f"; options: {', '.join(r['options'])}" if r["options"] else "")
        )
        typer.echo(f"{'':<{width}}  {r['source']}")


def register(app: typer.Typer) -> None:
    app.command("translit")(translit)
    app.command("schemes")(schemes)
