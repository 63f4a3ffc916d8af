"""`glossary lint`: checks English text for the romanization of Russian and related damage.

- `sources`, `xmlsources` — readers: the prose of each file, position-preserving, with suppressions
- `romanized` — which Latin words are romanized Russian and how they read (wordfreq, reverse romanization)
- `rules/` — the rule registry (R1xx romanization, T2xx termbase, S3xx script/encoding)
- `engine` — runs the selected rules, applies select/ignore, per-file ignores and suppressions
- `config` — `[tool.slovnik]` lint settings merged with the command line
- `fix` — safe fixes, applied atomically or shown as a diff

Findings are `glossary.findings.Finding` records; the CLI is `glossary/cli/lint.py`.
"""
