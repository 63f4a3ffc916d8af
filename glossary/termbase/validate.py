"""Termbase checks: the format's schema, then semantic checks over the model. Returns Findings.

Codes (TB = termbase):

    TB001 schema-violation        the file breaks its format's schema (JSON Schema, TBX RELAX NG)
    TB101 duplicate-id            two concepts share an id
    TB102 duplicate-term          the same term (language + text) in two concepts
    TB103 repeated-term           the same term twice in one concept
    TB201 no-preferred-target     a concept has no preferred term in the target language (English)
    TB202 several-preferred       more than one preferred term in one language of a concept
    TB203 no-source-term          a concept has no term in the source language (Russian)
    TB204 no-terms                a concept has no terms at all
    TB301 mixed-script            Cyrillic and Latin letters inside one word of a term (homoglyphs)
    TB302 source-without-cyrillic a Russian term with no Cyrillic letter
    TB303 target-with-cyrillic    an English term containing Cyrillic letters
    TB304 unknown-scheme          a romanization override names a scheme glossary.romanization.romanize lacks
    TB305 bad-regex               a regex term, or a `/…/` exclude or context phrase, is no regular expression
    TB401 unknown-see-also        see_also names a concept id that does not exist
    TB402 self-see-also           a concept refers to itself
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..core import limits
from ..findings import Finding, RuleMeta
from .formats import format_for, jsonfile, read_termbase, tbx
from .model import Status, Term, Termbase, phrase_regex

RULES: dict[str, RuleMeta] = {
    r.code: r
    for r in (
        RuleMeta("TB001", "schema-violation", "The file breaks its format's schema", severity="error"),
        RuleMeta("TB101", "duplicate-id", "Two concepts share an id", severity="error"),
        RuleMeta("TB102", "duplicate-term", "The same term in two concepts"),
        RuleMeta("TB103", "repeated-term", "The same term twice in one concept", severity="error"),
        RuleMeta("TB201", "no-preferred-target", "No preferred target-language term"),
        RuleMeta("TB202", "several-preferred", "More than one preferred term in one language"),
        RuleMeta("TB203", "no-source-term", "No source-language term"),
        RuleMeta("TB204", "no-terms", "A concept without terms"),
        RuleMeta("TB301", "mixed-script", "Cyrillic and Latin letters inside one word", severity="error"),
        RuleMeta("TB302", "source-without-cyrillic", "A Russian term without Cyrillic letters"),
        RuleMeta("TB303", "target-with-cyrillic", "An English term with Cyrillic letters"),
        RuleMeta(
            "TB304", "unknown-scheme", "A romanization override for an unknown scheme", severity="error"
        ),
        RuleMeta("TB305", "bad-regex", "A regular expression that does not compile", severity="error"),
        RuleMeta("TB401", "unknown-see-also", "see_also names an unknown concept", severity="error"),
        RuleMeta("TB402", "self-see-also", "A concept refers to itself"),
    )
}

_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"\w+")


def _regexes(t: Term) -> list[tuple[str, str]]:
    """(what, pattern) for every regular expression a term holds: its text in regex mode, and its
    `/…/` exclude and context phrases (glossary.recognition.homonyms)."""
    out = [("the text", t.text)] if t.match == "regex" else []
    for field in ("exclude", "context"):
        for phrase in getattr(t, field):
            pattern = phrase_regex(phrase)
            if pattern is not None:
                out.append((f"{field} {limits.quote(phrase)!r}", pattern))
    return out


def _regex_problem(pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except re.error as e:
        return str(e)
    return None


def _finding(code: str, message: str, path: str, line: int | None, text: str = "", **extra) -> Finding:
    rule = RULES[code]
    return Finding(
        code=code,
        name=rule.name,
        message=message,
        path=path,
        line=line or 1,
        column=1,
        text=text,
        severity=rule.severity,
        extra=extra,
    )


# Placeholders of software strings, which sit against words without a space (`%sошибка`, `{0}файлов`):
# printf (`%s`, `%1$d`, `%-5.2f`, `%lu`), Python (`%(name)s`) and brace formats (`{0}`, `{name}`).
_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn]"
    r"|%\([^)\s]{1,40}\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]|\{[\w.\[\]:!]{0,40}\}"
)


def mixed_words(text: str) -> list[str]:
    """Words of *text* that mix Cyrillic and Latin letters (Moнал with a Latin M and o); placeholders
    are not letters of a word."""
    if "%" in text or "{" in text:
        text = _PLACEHOLDER.sub(" ", text)
    return [w for w in _WORD.findall(text) if _CYR.search(w) and _LAT.search(w)]


def duplicate_ids(tb: Termbase, path: str | Path = "<termbase>") -> list[Finding]:
    """TB101 alone: a concept id used again (what an import refuses outright, found without the
    other checks' cost)."""
    out: list[Finding] = []
    seen_ids: dict[str, int | None] = {}
    for c in tb.concepts:
        if c.id in seen_ids:
            out.append(
                _finding(
                    "TB101",
                    f"concept id {limits.quote(c.id)!r} is used again (first at line "
                    f"{seen_ids[c.id] or '?'})",
                    str(path),
                    c.line,
                    c.id,
                    concept=c.id,
                )
            )
        else:
            seen_ids[c.id] = c.line
    return out


def check_termbase(tb: Termbase, path: str | Path = "<termbase>") -> list[Finding]:
    """Semantic checks over a loaded termbase."""
    p = str(path)
    out: list[Finding] = []
    src, tgt = tb.source_lang, tb.target_lang
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    spelled: dict[tuple[str, str], str] = {}
    ids = {c.id for c in tb.concepts}
    from ..romanization.engine import scheme_ids

    schemes = scheme_ids()
    out += duplicate_ids(tb, p)
    for c in tb.concepts:
        line = c.line
        if not c.terms:
            out.append(
                _finding("TB204", f"concept {limits.quote(c.id)!r} has no terms", p, line, concept=c.id)
            )
            continue
        in_concept: set[tuple[str, str]] = set()
        for t in c.terms:
            # Within a concept, case and ё variants are deliberate (ГУЛАГ/ГУЛаг, Будённый/Буденный);
            # across concepts they are the same word.
            if (t.lang, t.text) in in_concept:
                out.append(
                    _finding(
                        "TB103",
                        f"concept {limits.quote(c.id)!r} lists the {t.lang} term {limits.quote(t.text)!r} twice",
                        p,
                        line,
                        t.text,
                        concept=c.id,
                    )
                )
            in_concept.add((t.lang, t.text))
            key = (t.lang.split("-")[0], t.text.casefold().replace("ё", "е"))
            if c.id not in owners[key]:
                owners[key].append(c.id)
                spelled.setdefault(key, t.text)
            mixed = mixed_words(t.text)
            if mixed:
                out.append(
                    _finding(
                        "TB301",
                        f"term {limits.quote(t.text)!r} of {limits.quote(c.id)!r} mixes Cyrillic and Latin "
                        f"letters in {', '.join(repr(w) for w in mixed)}",
                        p,
                        line,
                        t.text,
                        concept=c.id,
                        words=mixed,
                    )
                )
            for scheme in t.romanization:
                if scheme not in schemes:
                    out.append(
                        _finding(
                            "TB304",
                            f"term {limits.quote(t.text)!r} of {limits.quote(c.id)!r} overrides the romanization "
                            f"of unknown scheme {limits.quote(scheme)!r} (known: {', '.join(schemes)})",
                            p,
                            line,
                            t.text,
                            concept=c.id,
                        )
                    )
            for what, pattern in _regexes(t):
                problem = _regex_problem(pattern)
                if problem:
                    out.append(
                        _finding(
                            "TB305",
                            f"{what} of term {limits.quote(t.text)!r} of {limits.quote(c.id)!r} is not a "
                            f"regular expression ({problem})",
                            p,
                            line,
                            t.text,
                            concept=c.id,
                        )
                    )
            lang = t.lang.split("-")[0]
            if lang == src and src == "ru" and not _CYR.search(t.text):
                out.append(
                    _finding(
                        "TB302",
                        f"Russian term {limits.quote(t.text)!r} of {limits.quote(c.id)!r} has no Cyrillic letter",
                        p,
                        line,
                        t.text,
                        concept=c.id,
                    )
                )
            if lang == tgt and src == "ru" and _CYR.search(t.text) and not mixed:
                out.append(
                    _finding(
                        "TB303",
                        f"{t.lang} term {limits.quote(t.text)!r} of {limits.quote(c.id)!r} contains Cyrillic",
                        p,
                        line,
                        t.text,
                        concept=c.id,
                    )
                )
        if not c.terms_in(src):
            out.append(
                _finding("TB203", f"concept {limits.quote(c.id)!r} has no {src} term", p, line, concept=c.id)
            )
        if not any(t.status is Status.PREFERRED for t in c.terms_in(tgt)):
            what = "no preferred" if c.terms_in(tgt) else "no"
            out.append(
                _finding(
                    "TB201", f"concept {limits.quote(c.id)!r} has {what} {tgt} term", p, line, concept=c.id
                )
            )
        for lang in c.languages:
            preferred = [t.text for t in c.terms if t.lang == lang and t.status is Status.PREFERRED]
            if len(preferred) > 1:
                out.append(
                    _finding(
                        "TB202",
                        f"concept {limits.quote(c.id)!r} has {len(preferred)} preferred {lang} "
                        f"terms: {', '.join(preferred)}",
                        p,
                        line,
                        concept=c.id,
                    )
                )
        for ref in c.see_also:
            if ref == c.id:
                out.append(
                    _finding(
                        "TB402",
                        f"concept {limits.quote(c.id)!r} lists itself in see_also",
                        p,
                        line,
                        ref,
                        concept=c.id,
                    )
                )
            elif ref not in ids:
                out.append(
                    _finding(
                        "TB401",
                        f"concept {limits.quote(c.id)!r}: see_also {limits.quote(ref)!r} is not a concept id",
                        p,
                        line,
                        ref,
                        concept=c.id,
                    )
                )
    lines = {c.id: c.line for c in tb.concepts}
    for (lang, folded), concept_ids in owners.items():
        text = spelled[lang, folded]
        if len(concept_ids) > 1:
            first, *others = concept_ids
            for other in others:
                out.append(
                    _finding(
                        "TB102",
                        f"{lang} term {limits.quote(text)!r} is in {limits.quote(first)!r} and {limits.quote(other)!r}",
                        p,
                        lines.get(other),
                        text,
                        concepts=concept_ids,
                    )
                )
    return sorted(out, key=lambda f: (f.line, f.code))


def check_file(path: Path, fmt: str | None = None, *, encoding: str | None = None) -> list[Finding]:
    """Schema findings for *path*, then (if the schema holds) the semantic checks.

    Files that cannot be read at all (not well-formed, undecodable) raise ParseError instead.
    """
    path = Path(path)
    kind = format_for(path, fmt).id
    if kind == "json":
        text, data = jsonfile.load_json(path, encoding=encoding)
        errors = jsonfile.schema_errors(path, text, data)
        if errors:
            return [_finding("TB001", e.message, str(path), e.line) for e in errors]
    findings: list[Finding] = []
    if kind == "tbx" and _is_tbx_basic_v3(path):
        findings += [_finding("TB001", e.message, str(path), e.line) for e in tbx.schema_errors(path)]
    tb = read_termbase(path, fmt, encoding=encoding)
    return findings + check_termbase(tb, path)


def _is_tbx_basic_v3(path: Path) -> bool:
    """The shipped RNG is TBX-Basic's: TBX-Core and TBX-Min files (other picklists) are not held to it."""
    from ..core.xmlsafe import local_name, parse_xml

    root = parse_xml(path).getroot()
    return local_name(root) == "tbx" and root.get("type") == "TBX-Basic"
