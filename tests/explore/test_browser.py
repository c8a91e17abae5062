"""The explorer in real headless Chromium, offline, as a policy officer uses it: move a lever,
see the answer change to exactly what ``simulate compare`` gives for the same settings, seed
and replications; pin settings side by side; switch language; download the setting; and a
layout that fits at 1400 and 390 pixels (nothing wider than its box: the page, the tables,
the levers, the tiles).

Runs the shipped baseline (1,190 mothers, a burn-in of 120 months) with 3 replications.
Under `make screenshots`, screenshots in English and Dutch at both widths go to
``test-artifacts/``. Needs Debian's chromium and Playwright's Python driver; skipped with
the reason where either is missing.
"""

from __future__ import annotations

import shlex
import signal
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from simulate.compare import compare
from simulate.scenario import Scenario
from tests.conftest import SCENARIOS
from tests.explore.test_cli import start, stop
from tests.report.test_browser import (
    ARTEFACTS,
    FLAGS,
    SCREENSHOTS,
    WIDTHS,
    _browser_or_skip,
)

REPS = 3
COACHES = "dedicated_coaches.coaches"

OVERFLOW = """() => {
  const doc = document.documentElement;
  const wide = [];
  if (doc.scrollWidth > doc.clientWidth + 1) {
    const past = Array.from(document.querySelectorAll('body *'))
      .filter(el => el.getBoundingClientRect().right > doc.clientWidth + 1)
      .slice(-3).map(el => el.tagName + '.' + el.className + '#' + el.id);
    wide.push({what: 'page', scroll: doc.scrollWidth, client: doc.clientWidth, past: past});
  }
  const boxes = 'table, .lever, .tile, .picker, .topline, .progress, .actions, pre, .card, '
              + '.js-plotly-plot, .levers details, .pin-list li, .head, .details, .pins';
  for (const el of document.querySelectorAll(boxes)) {
    if (el.offsetParent === null || el.closest('details:not([open])')) continue;  // not shown
    if (el.scrollWidth > el.clientWidth + 1)
      wide.push({what: el.className || el.tagName, key: el.dataset.lever || el.dataset.tile,
                 scroll: el.scrollWidth, client: el.clientWidth});
  }
  // A number may not stick out of its tile or cell.
  for (const el of document.querySelectorAll('.num')) {
    const box = el.closest('.tile, td, li');
    if (!box || el.offsetParent === null || el.closest('details:not([open])')) continue;
    const [r, b] = [el.getBoundingClientRect(), box.getBoundingClientRect()];
    if (r.right > b.right + 1 || r.left < b.left - 1)
      wide.push({what: 'number', text: el.textContent, right: r.right, box: b.right});
  }
  return wide;
}"""

NUMBERS = """() => Object.fromEntries(Array.from(
  document.querySelectorAll('[data-tile] > .value [data-outcome], #table [data-outcome]'))
  .map(el => [el.dataset.outcome, el.dataset.value]))"""


# How long the page may wait for the explorer's server (its engine runs the model in this
# machine's other process while the rest of the suite runs beside it).
SERVER_WAIT_MS = 120_000


def _answered(page, command: str, unlike: dict[str, str] | None = None) -> dict[str, str]:
    """Wait for the answer whose reproducing command is ``command`` (and whose extra exits
    to work differ from ``unlike``'s, for a setting that has the same command); its
    numbers by outcome (as the page holds them, the float's repr)."""
    before = (unlike or {}).get("extra_exits_work_total")
    page.wait_for_function("""([c, before]) => {
      const command = document.querySelector('#command');
      const work = document.querySelector('[data-tile="work"] [data-outcome]');
      return command && command.textContent === c && work && work.dataset.value !== before
        && document.querySelectorAll('#table [data-outcome]').length > 5;
    }""", arg=[command, before], timeout=SERVER_WAIT_MS)
    return page.evaluate(NUMBERS)


def _set(page, key: str, value) -> None:
    box = page.locator(f'[data-lever="{key}"] input[type=number]')
    box.fill(str(value))
    box.press("Enter")


def _note(page, key: str) -> str:
    return page.locator(f'[data-lever="{key}"] [class^="note-"]').inner_text(timeout=30_000)


def _fits(page, name: str, shots: bool = SCREENSHOTS) -> None:
    """Nothing wider than its box at both widths, every section open; a screenshot at
    each (with ``shots``: under `make screenshots`)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    ARTEFACTS.mkdir(exist_ok=True)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)
        page.wait_for_function("() => !document.querySelector('.dash-graph--pending')")
        # The charts follow the window (responsive), after a moment: wait until nothing
        # sticks out, up to 5 s, and then check (a page that never fits fails below).
        try:
            page.wait_for_function(f"() => ({OVERFLOW})().length === 0", timeout=5000)
        except PlaywrightTimeout:
            pass
        if shots:
            page.wait_for_timeout(500)  # a settled picture
        wide = page.evaluate(OVERFLOW)
        assert wide == [], f"{name} at {width} px: {wide}"
        if shots:
            page.screenshot(path=str(ARTEFACTS / f"explore-{name}-{width}.png"),
                            full_page=True)
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


@pytest.mark.browser
def test_a_moved_lever_gives_compares_numbers_offline_and_the_page_fits(tmp_path):
    chromium, sync_playwright = _browser_or_skip()
    base_path = SCENARIOS / "baseline.yaml"
    coaches_path = SCENARIOS / "dedicated-coaches.yaml"
    cwd = tmp_path / "here"
    cwd.mkdir()
    proc, url = start(cwd, str(coaches_path), str(SCENARIOS / "klaar-voor-een-kind.yaml"),
                      "--base", str(base_path), "--port", "0", "--reps", str(REPS),
                      "--lang", "en")
    base = Scenario.from_yaml(base_path)
    seed = str(base.seed)
    alt = Scenario.from_yaml(coaches_path).with_values({COACHES: 9})
    # simulate compare's numbers for the setting the page moves to, worked out meanwhile.
    pool = ThreadPoolExecutor(1)
    expected_table = pool.submit(lambda: compare(base, [alt], reps=REPS).table)
    requests, problems = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
            context = browser.new_context(accept_downloads=True,
                                          viewport={"width": WIDTHS[0], "height": 900})
            page = context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))

            def route(r):
                requests.append(r.request.url)
                if r.request.url.startswith(url):
                    r.continue_()
                else:  # offline: nothing may leave this machine's server
                    r.abort()

            context.route("**/*", route)
            page.goto(url)

            # The programme as shipped: its own file reproduces the numbers.
            first = _answered(page, shlex.join(["simulate", "compare", str(base_path),
                                                str(coaches_path), "--reps", str(REPS),
                                                "--seed", seed]))
            # Move a lever: 9 dedicated coaches instead of 6.
            _set(page, COACHES, 9)
            moved = _answered(page, shlex.join(["simulate", "compare", str(base_path),
                                                "dedicated-coaches-adjusted.yaml", "--reps",
                                                str(REPS), "--seed", seed]), unlike=first)
            assert moved["extra_exits_work_total"] != first["extra_exits_work_total"]
            table = expected_table.result()
            expected = dict(zip(table.outcome, table["mean"].astype(float)))
            assert len(moved) > 15
            for outcome, shown in moved.items():
                assert shown == repr(expected[outcome]), outcome

            # The settings download as a scenario file simulate compare accepts.
            with page.expect_download() as download:
                page.click("#download-button")
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
            assert saved.name == "dedicated-coaches-adjusted.yaml"
            data = yaml.safe_load(saved.read_text())
            assert data["policies"][0]["dedicated_coaches"]["coaches"] == 9
            assert Scenario.from_yaml(saved).digest() == Scenario.from_dict(
                {**alt.to_dict(), "name": data["name"], "description": data["description"]},
                warn=False).digest()

            # Outside the plausible range: allowed, with the command line's warning.
            declaration = Scenario.from_yaml(coaches_path).make_policies()[0].parameters[
                "coaches"]
            _set(page, COACHES, 31)
            assert _note(page, COACHES) == declaration.plausible(31)
            # Outside the hard bounds: refused, and the answer stays the last allowed one.
            _set(page, COACHES, 1001)
            page.wait_for_selector(f'[data-lever="{COACHES}"] .note-refuse')
            assert "1001 is out of range" in _note(page, COACHES)
            assert page.locator(".refusal .note-refuse").count() == 1
            adjusted = shlex.join(["simulate", "compare", str(base_path),
                                   "dedicated-coaches-adjusted.yaml", "--reps", str(REPS),
                                   "--seed", seed])
            _set(page, COACHES, 9)
            assert _answered(page, adjusted) == moved

            # Side by side: pin 9 coaches, then 4 coaches.
            page.click("#pin-button")
            page.wait_for_selector('li[data-pin="A"]', timeout=SERVER_WAIT_MS)
            _set(page, COACHES, 4)
            _answered(page, adjusted, unlike=moved)
            page.click("#pin-button")
            page.wait_for_selector('li[data-pin="B"]', timeout=SERVER_WAIT_MS)
            page.wait_for_selector("#chart-pins .main-svg", timeout=SERVER_WAIT_MS)
            page.wait_for_selector("#chart-net .main-svg", timeout=SERVER_WAIT_MS)
            _fits(page, "en")

            # In Dutch: the same setting and numbers, in Dutch words.
            page.click("#lang-switch")
            page.wait_for_selector("text=Wat het oplevert ten opzichte van de basis")
            page.wait_for_selector('li[data-pin="B"]', timeout=SERVER_WAIT_MS)
            page.wait_for_selector("#chart-net .main-svg", timeout=SERVER_WAIT_MS)
            assert page.locator(f'[data-lever="{COACHES}"] input[type=number]').input_value() \
                == "4"
            _fits(page, "nl")

            # A programme with many modules: its levers fit too, every section open.
            page.click("#programme-choice")
            page.click("text=Klaar voor een kind")
            page.wait_for_selector('[data-lever="dona_daria.groups_per_year"]',
                                   state="attached")
            _fits(page, "nl-many-levers", shots=False)
            browser.close()
    finally:
        pool.shutdown()
        code, err = stop(proc, signal.SIGINT)
    assert code == 0, err
    assert problems == []
    outside = [u for u in requests if not u.startswith(url)]
    assert requests and outside == []
    assert list(cwd.iterdir()) == []
