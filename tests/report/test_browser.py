"""The report in real headless Chromium, offline: no console errors, every chart drawn.

Needs Debian's chromium (``make test`` installs it when missing) and Playwright's Python
driver; where either is unavailable the test is skipped with the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulate.report import build_report
from tests.conftest import ROOT

ARTEFACTS = ROOT / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps"]


def _browser_or_skip():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian chromium is not installed and could not be installed here "
                    "(make test tries `apt-get install chromium`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the Python package playwright is not installed (pip install -e '.[test]')")
    return chromium, sync_playwright


@pytest.mark.browser
@pytest.mark.parametrize("kind,lang", [("compare", "en"), ("compare", "nl"), ("run", "en"),
                                       ("sweep", "nl"), ("sobol", "en"), ("morris", "nl")])
def test_report_renders_offline_in_chromium(request, tmp_path, kind, lang):
    chromium, sync_playwright = _browser_or_skip()
    directory = request.getfixturevalue(f"{kind}_dir")
    html = build_report(directory, lang=lang)
    charts = html.count('class="chart-box"')
    assert charts >= 2
    name = f"{kind}-{lang}"
    page_file = tmp_path / f"report-{name}.html"
    page_file.write_text(html, encoding="utf-8")
    url = page_file.resolve().as_uri()
    problems, outside = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))

        def route(r):
            if r.request.url == url:
                r.continue_()
            else:  # offline: nothing may leave the file
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(url, wait_until="load")
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0")
        drawn = page.evaluate("""() => Array.from(document.querySelectorAll('.chart-box')).map(box => {
            const div = box.querySelector('.js-plotly-plot');
            return {id: box.dataset.chart, svg: div ? div.querySelectorAll('svg.main-svg').length : 0,
                    traces: div && div.data ? div.data.length : 0,
                    drawn: div ? div.querySelectorAll('.scatterlayer .trace, .barlayer .trace, .heatmaplayer image, .hm image').length : 0};
        })""")
        ARTEFACTS.mkdir(exist_ok=True)
        shot = ARTEFACTS / f"report-{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert problems == [] and outside == []
    assert len(drawn) == charts
    for chart in drawn:
        assert chart["svg"] > 0 and chart["traces"] > 0 and chart["drawn"] > 0, chart
    assert Path(shot).stat().st_size > 10_000
