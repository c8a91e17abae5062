from __future__ import annotations

import simulate
from tests.conftest import SCENARIOS


def scenario(policies, size=800, **changes) -> simulate.Scenario:
    """The baseline with a smaller population and the given policies."""
    data = {"extends": str(SCENARIOS / "baseline.yaml"), "name": "t", "policies": policies,
            "population": {"size": size, "burn_in_months": 48}}
    return simulate.Scenario.from_dict(data, source=str(SCENARIOS / "test.yaml")).with_changes(**changes)
