"""Mesa's SolaraViz on the model, rendered headless (no browser, no server): the declared
levers are its sliders, and a slider's value reaches the model it builds."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

solara = pytest.importorskip("solara", reason="the viz extra (solara) is not installed")
pytest.importorskip("mesa.visualization", reason="Mesa's visualisation needs the viz extra")
v = pytest.importorskip("ipyvuetify", reason="the viz extra (ipyvuetify) is not installed")
go = pytest.importorskip("plotly.graph_objects")

from simulate.mesa_viz import CHARTS, levers, page
from simulate.model import PathwaysModel
from simulate.scenario import Scenario
from tests.conftest import SCENARIOS

COMBINED = SCENARIOS / "combined.yaml"


@pytest.fixture
def rendered():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Mesa's own components trip solara's hook check
        element = page(COMBINED, size=300, seed=1)
        _box, rc = solara.render(solara.AppLayout(children=[element]), handle_error=False)
    yield rc
    rc.close()


def _charts(rc) -> dict[str, object]:
    return {f.layout.title.text: f for f in rc.find(go.FigureWidget).widgets}


def test_every_lever_of_the_scenario_is_an_input(rendered):
    labels = [w.label for w in rendered.find(v.Slider).widgets]
    names = levers(Scenario.from_yaml(COMBINED))
    numeric = [n for n, (p, _) in names.items() if p.type in (int, float)]
    assert "dedicated_coaches.caseload" in numeric and "regular_caseload_target" in numeric
    for name in numeric:
        assert any(label.startswith(f"{name} (") for label in labels), name
    # A lever's slider runs over its declared plausible range from the scenario's value.
    caseload = rendered.find(v.Slider, label="dedicated_coaches.caseload (mothers per coach)")
    assert (caseload.widget.min, caseload.widget.max) == (20, 120)
    assert caseload.widget.v_model == 40
    # Uncertainties are not inputs: a municipality does not choose them.
    assert not any(label.startswith("job_offer_base") for label in labels)
    assert not any(label.startswith("childcare_places_per_100_mothers") for label in labels)
    # True/false levers are tick boxes, rules are choices.
    boxes = [w.label for w in rendered.find(v.Checkbox).widgets]
    assert "reserved_childcare.additional" in boxes
    choices = [w.label for w in rendered.find(v.Select).widgets]
    assert "dedicated_coaches.recruitment" in choices


def test_the_charts_show_the_model_and_step_with_it(rendered):
    charts = _charts(rendered)
    assert set(charts) == set(CHARTS)
    direct = PathwaysModel(scenario=COMBINED, size=300, seed=1)
    first = charts["Mothers on assistance and in work"].data[0]
    assert list(first.y) == [direct.record.latest()["on_assistance"]]
    rendered.find(v.Btn, children=["Step"]).widget.click()
    direct.step()
    first = _charts(rendered)["Mothers on assistance and in work"].data[0]
    np.testing.assert_array_equal(first.y, direct.record.series("on_assistance"))


def test_a_slider_s_value_reaches_the_model_at_reset(rendered):
    slider = rendered.find(v.Slider, label="regular_caseload_target (mothers per coach)")
    slider.widget.v_model = 200.0
    rendered.find(v.Btn, children=["Reset"]).widget.click()
    rendered.find(v.Btn, children=["Step"]).widget.click()
    shown = _charts(rendered)["Mean caseload of a coach"].data[0].y
    expected = PathwaysModel(scenario=COMBINED, size=300, seed=1,
                             regular_caseload_target=200.0).run(1)
    default = PathwaysModel(scenario=COMBINED, size=300, seed=1).run(1)
    np.testing.assert_allclose(shown, expected.record.series("coach_caseload_mean"))
    assert not np.allclose(shown, default.record.series("coach_caseload_mean"))
