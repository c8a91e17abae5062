"""docs/policies.md's worked example is a policy in one file that runs from a scenario."""

from __future__ import annotations

import re
import sys
import types

import numpy as np
import pytest

import simulate
from simulate.compare import compare
from simulate.policies import REGISTRY
from tests.conftest import ROOT
from tests.policies.conftest import scenario


@pytest.fixture
def liaison():
    text = (ROOT / "docs" / "policies.md").read_text()
    code = re.search(r"```python\n(\"\"\"Employer liaison.*?)```", text, re.DOTALL).group(1)
    module = types.ModuleType("employer_liaison_example")
    sys.modules[module.__name__] = module
    exec(compile(code, "docs/policies.md", "exec"), module.__dict__)  # noqa: S102
    try:
        yield REGISTRY["employer_liaison"]
    finally:
        REGISTRY.pop("employer_liaison", None)
        sys.modules.pop(module.__name__, None)


def test_the_worked_example_runs_from_a_scenario_and_raises_offers(liaison, tmp_path):
    path = tmp_path / "employer-liaison.yaml"
    path.write_text(f"name: employer-liaison\nextends: {ROOT / 'scenarios' / 'baseline.yaml'}\n"
                    "population: {size: 800, burn_in_months: 24}\n"
                    "policies:\n  - employer_liaison: {capacity: 30}\n")
    alt = simulate.Scenario.from_yaml(path)
    base = scenario([], size=800).with_changes(name="base")
    base = base.with_values({"burn_in_months": 24})
    c = compare(base, [alt], reps=6, seed=3, months=12)
    w = c.result.wide()
    w = w[w.month >= 1].groupby(["scenario", "replicate"])[["job_offers"]].sum()
    d = (w.loc["employer-liaison"] - w.loc["base"])["job_offers"].to_numpy()
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(len(d))
    runs = c.result.runs.set_index("scenario")
    assert (runs.loc["employer-liaison", "employer_liaison.capacity"] == 30).all()
    monthly = c.result.wide()
    spend = monthly[(monthly.scenario == "employer-liaison") & (monthly.month >= 1)]
    assert np.allclose(spend["employer_liaison_cost_eur"],
                       80.0 * spend["liaison_introductions"])
    assert (spend["liaison_introductions"] == 30).all()


def test_the_worked_example_is_a_no_op_at_zero(liaison):
    base = simulate.run(scenario([], size=600), reps=1, seed=2, months=6)
    zero = simulate.run(scenario([{"employer_liaison": dict(liaison.zero)}], size=600),
                        reps=1, seed=2, months=6)
    import pandas as pd
    pd.testing.assert_frame_equal(zero.spells, base.spells)
