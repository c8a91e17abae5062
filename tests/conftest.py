"""Shared helpers. Statistical tests are seeded; tolerances are stated in standard errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import stats

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
ONLY_OTHER_EXIT = {"study_exit_hazard": 0.0, "partner_exit_hazard": 0.0, "job_offer_base": 0.0,
                   "parttime_offer_base": 0.0, "lapse_hazard": 0.0, "info_lapse_hazard": 0.0,
                   "no_show_hazard": 0.0, "return_other_hazard": 0.0,
                   "duration_dependence_floor": 1.0, "contact_exit_effect": 0.0}


# Nothing moves mothers off assistance or into work: no exits, offers, lapses or arrivals,
# so a test can watch one step alone.
QUIET = {"study_exit_hazard": 0.0, "partner_exit_hazard": 0.0, "other_exit_hazard": 0.0,
         "job_offer_base": 0.0, "parttime_offer_base": 0.0, "lapse_hazard": 0.0,
         "info_lapse_hazard": 0.0, "no_show_hazard": 0.0, "inflow_rate_per_month": 0.0,
         "contact_exit_effect": 0.0}


def assert_count(count: int, probs, k: float = 4.0) -> None:
    """``count`` events among independent trials with chances ``probs`` lies within ``k``
    standard errors of its expectation."""
    probs = np.asarray(probs, dtype=float)
    expected = probs.sum()
    se = np.sqrt((probs * (1 - probs)).sum())
    assert abs(count - expected) <= k * se, (
        f"{count} events, expected {expected:.1f} +- {k:g} x {se:.1f}")


def t_interval(values, level: float = 0.95) -> tuple[float, float]:
    """The t-interval of the mean of ``values``, computed by SciPy (the reference the
    model's own interval code must agree with)."""
    x = np.asarray(values, dtype=float)
    return stats.t.interval(level, len(x) - 1, loc=x.mean(), scale=stats.sem(x))


@pytest.fixture
def baseline_path() -> Path:
    return SCENARIOS / "baseline.yaml"
