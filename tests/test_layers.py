"""The package's import graph: no cycle among its modules, and each layer imports only from layers
beneath it. The layer order is data (LAYERS); README "Architecture" draws the same picture.

Imports are read from the source (an ast walk, every `import` in a function body included: a lazy
import is still a dependency); `if TYPE_CHECKING:` blocks are left out (they never run).
`from package import module` counts as importing the module, not the package's __init__.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("glossary", "tm")

# Bottom first. A module belongs to the layer of its longest listed prefix; a layer may import its own
# modules and those of every layer listed before it, never one listed after it.
LAYERS: list[tuple[str, ...]] = [
    ("glossary", "tm"),  # the package roots: __version__ only
    ("glossary.core",),  # errors, limits, atomic writes, config, schema, cache, decoding, XML gate
    ("glossary.findings",),  # one Finding, one Severity, renderers
    ("glossary.russian",),  # morphology, names lexicon
    ("glossary.romanization",),  # schemes, engine, skeleton, Lexicon, reverse, detection
    ("glossary.termbase",),  # model, ids, formats, load/save/edit/search, validate
    ("glossary.recognition",),  # the term matcher
    ("glossary.lint",),  # readers, rules, engine, fixes
    ("glossary.extract",),  # candidate terms from texts
    ("glossary.printing",),  # printed glossaries
    ("tm.errors", "tm.model"),  # translation units
    ("tm.formats",),  # TMX, XLIFF, PO, tabular readers and writers
    ("tm.store",),  # the SQLite store, its codec, fuzzy index
    ("tm.checks",),  # QA checks and their runner
    ("tm.reports",),  # HTML, XLSX, text/JSON/SARIF renderings
    ("glossary.lsp",),  # the language server: lint and tm check on editor buffers
    ("glossary.cli", "tm.cli"),  # the two typer apps, one module per command group
]


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _runtime_nodes(tree: ast.AST):
    """Every node but those under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

    def known(target: str) -> str | None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    out: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(filter(None, (known(a.name) for a in node.names)))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(
                    package[: len(package) - node.level + 1] + ([node.module] if node.module else [])
                )
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                target = sub if sub in modules else known(base)
                if target:
                    out.add(target)
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def layer_of(module: str) -> int:
    best, best_len = None, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    assert best is not None, f"{module} is in no layer: add its folder to LAYERS"
    return best


def test_no_import_cycle():
    assert _cycles(_graph()) == []


def test_each_layer_imports_only_from_the_layers_beneath_it():
    upward = sorted(
        f"{m} -> {t}" for m, targets in _graph().items() for t in targets if layer_of(t) > layer_of(m)
    )
    assert upward == []


def test_every_module_has_a_layer():
    for module in _modules():
        layer_of(module)


def test_the_checks_see_a_cycle_and_an_upward_import():
    # the test's own machinery on a made-up graph: a detector that cannot fail proves nothing
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
    assert (
        layer_of("glossary.core.errors") < layer_of("glossary.romanization.engine") < layer_of("glossary.cli")
    )
