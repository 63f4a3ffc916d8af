"""`glossary lsp`: a language server (stdio, pygls) that lints the buffers an editor has open.

- `project` — the model without any LSP type: configuration, termbase, open buffers, the full lint
  pass over every open buffer (cross-file rules see them all), the quick pass over the edited
  paragraphs, and `tm check`'s per-unit checks on PO/XLIFF buffers
- `convert` — findings to LSP diagnostics (positions in the client's encoding, the fix in `data`)
- `actions` — code actions: one fix, fix all safe fixes, ignore here, add to the termbase
- `hover` — what a romanized word or a termbase term reads as
- `server` — the pygls server: document sync, debounced and cancellable checks, push and pull
  diagnostics, watched configuration and termbase files

The server calls the lint engine through its library API (`glossary.lint.engine.lint_run`), so what
it reports is what `glossary lint` reports for the same files.
"""
