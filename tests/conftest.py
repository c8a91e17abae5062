"""Shared helpers. Statistical tests are seeded; tolerances are stated in standard errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulate.model import PathwaysModel
from simulate.parameters import Params

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"


def make_model(months: int = 0, seed: int = 1, policies=(), **overrides) -> PathwaysModel:
    """A model with parameter overrides, run for ``months`` (no burn-in unless given)."""
    overrides.setdefault("burn_in_months", 0)
    model = PathwaysModel(Params.from_overrides(overrides), policies, seed=seed,
                          horizon_months=max(months, 1))
    return model.run(months)


# Parameters that leave only one constant exit hazard ('other') active.
ONLY_OTHER_EXIT = dict(study_exit_hazard=0.0, partner_exit_hazard=0.0, job_offer_base=0.0,
                       lapse_hazard=0.0, return_other_hazard=0.0)


@pytest.fixture
def baseline_path() -> Path:
    return SCENARIOS / "baseline.yaml"
