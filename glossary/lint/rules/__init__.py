"""The rule registry: every rule, by stable code. Codes come in families, as in ruff:

- R1xx romanization of Russian words (consistency, house scheme, scheme mixing, soft-sign marks)
- T2xx the termbase (renderings it rejects)
- S3xx script and encoding damage (mixed scripts, mojibake, garbled characters)
- C4xx Russian titles and authors in citations (citation scheme, title case, one spelling per work)

Codes and names are stable: a rule may be retired, never renumbered.
"""

from __future__ import annotations

from ...core.errors import GlossaryError
from .base import LintContext, Rule, Token, tokenize
from .romanization import InconsistentRomanization, OffStyle, SchemeMixing, SoftSignMarks
from .script import GarbledCharacter, MixedScript, Mojibake
from .termbase import TermbaseRendering
from .titles import AuthorNameVariants, InconsistentTitle, MissingTranslation, TitleCase, TitleScheme

RULES: dict[str, type[Rule]] = {
    rule.code: rule
    for rule in (
        InconsistentRomanization,
        OffStyle,
        SchemeMixing,
        SoftSignMarks,
        TermbaseRendering,
        MixedScript,
        Mojibake,
        GarbledCharacter,
        InconsistentTitle,
        TitleScheme,
        TitleCase,
        AuthorNameVariants,
        MissingTranslation,
    )
}


class UnknownRule(GlossaryError):
    """No rule has this code or name."""


def get_rule(code_or_name: str) -> type[Rule]:
    """A rule by code (`R101`, any case) or kebab name (`inconsistent-romanization`)."""
    key = code_or_name.strip()
    if key.upper() in RULES:
        return RULES[key.upper()]
    for rule in RULES.values():
        if rule.name == key.lower():
            return rule
    raise UnknownRule(f"unknown rule {code_or_name!r} (known: {', '.join(RULES)})")


__all__ = ["RULES", "LintContext", "Rule", "Token", "UnknownRule", "get_rule", "tokenize"]
