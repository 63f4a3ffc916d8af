"""The HTML report in a real headless Chromium: it renders, and clicking a filter filters."""

import os
from pathlib import Path

import pytest
from cdp_pipe import CHROMIUM, Browser
from check_support import DATA

from tm.cli import app

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"
)


@pytest.fixture
def report(runner, tmp_path) -> Path:
    out = tmp_path / "report.html"
    runner.invoke(
        app,
        [
            "check",
            str(DATA / "memory.tmx"),
            "--glossary",
            str(DATA / "termbase.json"),
            "--format",
            "html",
            "-o",
            str(out),
        ],
    )
    return out


def _visible(browser) -> list[str]:
    return browser.eval(
        "[].slice.call(document.querySelectorAll('#findings tbody tr'))"
        ".filter(function(r){return r.offsetParent!==null}).map(function(r){return r.dataset.check})"
    )


def test_report_renders_and_a_click_on_a_summary_row_filters(report, tmp_path):
    shots = Path(os.environ.get("SLOVNIK_SCREENSHOTS", tmp_path))
    browser = Browser()
    try:
        browser.open(report)
        everything = _visible(browser)
        assert len(everything) > 5 and "term-forbidden" in everything
        assert (
            browser.eval("document.getElementById('count').textContent")
            == f"{len(everything)} of {len(everything)} findings shown"
        )
        browser.screenshot(shots / "check-report.png")
        browser.click('#by-check tr[data-value="term-forbidden"]')
        assert _visible(browser) == ["term-forbidden"]
        assert browser.eval("document.getElementById('f-check').value") == "term-forbidden"
        marks = "[].map.call(document.querySelectorAll('#findings tr:not(.hidden) mark'),function(m){return m.textContent})"
        assert browser.eval(marks) == ["Номенклатура", "nomenclature"]
        browser.screenshot(shots / "check-report-filtered.png")
        assert (shots / "check-report-filtered.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        browser.click('#by-term tr[data-value="troika"]')
        assert _visible(browser) == []  # check = term-forbidden and term = troika: nothing
        browser.eval(
            "document.getElementById('f-check').value='';"
            "document.getElementById('f-check').dispatchEvent(new Event('change'))"
        )
        assert _visible(browser) == ["term-missing"]
    finally:
        browser.close()
