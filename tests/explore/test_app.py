"""The page's parts without a browser: every shipped programme's levers become controls in
both languages, and the numbers the page tags are the comparison table's."""

from __future__ import annotations

import math

import pytest

from simulate.explore import app as page_app
from simulate.explore import levers as lv
from simulate.explore.programmes import Explorer, shipped_programmes
from tests.conftest import SCENARIOS


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from _walk(child)


def _tagged(components) -> dict[str, str]:
    found = {}
    for root in components if isinstance(components, list) else [components]:
        for c in _walk(root):
            attrs = c.to_plotly_json()["props"]
            if "data-outcome" in attrs:
                found[attrs["data-outcome"]] = attrs["data-value"]
    return found


@pytest.fixture(scope="module")
def shipped():
    return Explorer(SCENARIOS / "baseline.yaml", shipped_programmes(SCENARIOS), warm=False)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_programme_gets_a_control_for_each_lever(shipped, lang):
    for key, programme in shipped.programmes.items():
        controls = page_app.lever_controls(shipped, key, {}, lang)
        ids = [c.id for root in controls for c in _walk(root) if isinstance(
            getattr(c, "id", None), dict) and c.id["type"] in ("number", "choice")]
        assert sorted(i["key"] for i in ids) == sorted(lv.levers(programme.scenario)), key
    assert page_app.page(shipped, lang)


def test_the_tagged_numbers_are_the_tables(small):
    base_path, paths = small
    explorer = Explorer(base_path, list(paths.values()), reps=3, warm=False)
    engine = explorer.engine.start()
    try:
        key = engine.submit(explorer.setting("groups", {"training.groups_per_year": 6}))
        answer = engine.wait(key, complete=True)
    finally:
        engine.stop()
    table = answer.comparison.table
    means = dict(zip(table.outcome, table["mean"].astype(float)))
    for lang in ("en", "nl"):
        tiles = [page_app.tile_view(x) for x in page_app.tiles(answer.comparison, lang, 12)]
        shown = {**_tagged(tiles), **_tagged(page_app.numbers_table(answer.comparison, lang,
                                                                    12))}
        assert len(shown) > 15
        for outcome, value in shown.items():
            assert value == repr(means[outcome]) or (math.isnan(means[outcome])
                                                     and value == "nan"), outcome
        figures = page_app.figures(explorer, answer.comparison, lang)
        assert {"net", "work", "costs", "glance", "programme_costs"} <= set(figures)
        pins = page_app.pins_view(explorer, [{"key": key, "programme": "groups",
                                              "values": {"training.groups_per_year": 6}}], lang)
        assert _tagged(pins)["extra_exits_work_total"] == repr(means["extra_exits_work_total"])
