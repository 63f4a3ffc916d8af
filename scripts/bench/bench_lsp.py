"""Language server speed and memory: `glossary lsp` driven over stdio by pygls's client.

The document: --size-kb of generated English dense with romanized Russian (bench_lint's text, seed
1937, one blank line every five sentences so it has paragraphs), as Markdown; or --text FILE. The
server is started fresh, the document opened, and the first (cold) diagnostics awaited. Then:

- latency: --edits edits, one at a time, each typing a word into a sentence in the middle of the
  document and waiting for the diagnostics of that version: the first push (the quick pass over the
  edited paragraph) and the second (the full pass over the whole buffer, after the typing pause);
  medians and maxima;
- memory: --burst edits typed back to back (each waits only for its quick pass, so full passes are
  started and cancelled), then the full pass; the server's RSS before and after the burst.

    .venv/bin/python scripts/bench/bench_lsp.py [--size-kb 150] [--edits 15] [--burst 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).parent))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def document(size_kb: int, text_file: str | None) -> str:
    if text_file:
        return Path(text_file).read_text("utf-8")
    from bench_lint import make_text

    lines = make_text(size_kb * 1000).split("\n")
    return "\n".join(line + ("\n" if i % 5 == 4 else "") for i, line in enumerate(lines))


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("bench", "1")
        self.pushes: dict[int | None, list[float]] = {}
        self.event = asyncio.Event()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-kb", type=int, default=150)
    parser.add_argument("--text", default=None)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--burst", type=int, default=1000)
    args = parser.parse_args()
    text = document(args.size_kb, args.text)
    client = Client()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_push(params: lsp.PublishDiagnosticsParams) -> None:
        client.pushes.setdefault(params.version, []).append(time.perf_counter())
        client.event.set()

    async def pushes(version: int, n: int, timeout: float = 300) -> list[float]:
        end = time.perf_counter() + timeout
        while len(client.pushes.get(version, [])) < n:
            client.event.clear()
            try:
                await asyncio.wait_for(client.event.wait(), max(end - time.perf_counter(), 0.001))
            except TimeoutError:
                raise SystemExit(f"no diagnostics for version {version}") from None
        return client.pushes[version]

    await client.start_io(sys.executable, "-c", "from glossary.cli import main; main()", "lsp")
    assert client._server is not None
    pid = client._server.pid
    root = Path.cwd()
    await client.initialize_async(
        lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri())
    )
    client.initialized(lsp.InitializedParams())
    uri = (root / "bench-lsp.md").as_uri()
    t0 = time.perf_counter()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await pushes(1, 1)
    cold = time.perf_counter() - t0
    lines = text.split("\n")
    middle = len(lines) // 2
    while not lines[middle].strip():
        middle += 1
    version = 1

    def edit(word: str) -> float:
        nonlocal version
        version += 1
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    lsp.TextDocumentContentChangePartial(
                        range=lsp.Range(
                            start=lsp.Position(line=middle, character=0),
                            end=lsp.Position(line=middle, character=0),
                        ),
                        text=word,
                    )
                ],
            )
        )
        return time.perf_counter()

    words = ["Dzerzhinskii ", "Dzerzhinsky ", "Yezhov ", "Ezhov ", "Iagoda ", "Yagoda "]
    quick, full = [], []
    for i in range(args.edits):
        sent = edit(words[i % len(words)])
        first, second = (await pushes(version, 2))[:2]
        quick.append(first - sent)
        full.append(second - sent)
    before = rss_mb(pid)
    t1 = time.perf_counter()
    for i in range(args.burst):
        edit("a " if i % 2 == 0 else "b ")
        await pushes(version, 1)
    burst = time.perf_counter() - t1
    await pushes(version, 2)
    after = rss_mb(pid)
    load = os.getloadavg()
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.0f} ms, max {max(xs) * 1000:.0f} ms"  # noqa: E731
    print(
        f"document: {len(text.encode('utf-8')) / 1000:.0f} KB, {len(lines)} lines; load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print(f"first diagnostics after open (cold): {cold:.1f} s")
    print(f"after an edit, quick pass (edited paragraph): {ms(quick)} over {len(quick)} edits")
    print(f"after an edit, full pass (whole buffer, after the {0.35 * 1000:.0f} ms pause): {ms(full)}")
    print(
        f"burst of {args.burst} edits: {burst:.1f} s ({burst / max(args.burst, 1) * 1000:.0f} ms per edit and "
        f"its diagnostics); server RSS {before:.0f} MB before, {after:.0f} MB after"
    )
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


if __name__ == "__main__":
    asyncio.run(main())
