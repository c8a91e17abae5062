"""Design values reach labelled policy instances (two peer-group formats in one scenario)."""

from __future__ import annotations

from simulate.experiments.evaluate import ScenarioEvaluator
from simulate.scenario import Scenario
from tests.conftest import SCENARIOS


def test_label_qualified_values_are_declared_and_applied():
    scenario = Scenario.from_yaml(SCENARIOS / "klaar-voor-een-kind.yaml")
    ev = ScenarioEvaluator(scenario.with_values({"size": 300}), months=3)
    assert ev.declaration("training.sessions").name == "sessions"
    assert "dona_daria.acceptance_rate" in ev.uncertainties()
    row = ev.evaluate({"training.sessions": 4, "dona_daria.groups_per_year": 0}, 0, 1).row
    assert row["training.sessions"] == 4 and row["dona_daria.groups_per_year"] == 0
