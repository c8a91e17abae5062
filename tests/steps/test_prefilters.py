"""The steps compute a chance only where the month's uniform could fall below it (below an
upper bound of the chance). These tests switch the bounds off (every mother a candidate)
and check that a step then changes exactly the same mothers in exactly the same way, for
parameter values and policy multipliers across their hard bounds."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulate.population import COLUMNS
from simulate.states import Status
from simulate.steps import exits, ladder, sanctions
from tests.conftest import make_model

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _world(values: dict, seed: int):
    """A small world run for a few months, with policy multipliers spread over their
    columns as a policy might set them."""
    model = make_model(3, seed=seed, size=600, **values)
    m, rng = model.mothers, np.random.default_rng(seed)
    n = m.n
    m.mod_ladder_up[:n] = rng.choice([0.0, 0.5, 1.0, 1.7, 3.0], n)
    m.mod_exit_other[:n] = rng.choice([0.0, 1.0, 2.0, 4.0], n)
    m.contacted[:n] = rng.random(n) < 0.4
    m.stress_event[:n] = rng.random(n) < 0.2
    # Values outside [0, 1] too: the bounds read this month's columns, not their range.
    m.confidence[:n] = rng.choice([-0.5, 0.0, 0.3, 1.0, 1.5], n).astype(np.float32)
    m.stress[:n] = rng.choice([-0.5, 0.0, 0.5, 1.0, 1.5], n).astype(np.float32)
    m.trust_services[:n] = rng.choice([-2.0, 0.0, 0.5, 1.0, 1.5], n).astype(np.float32)
    return model


def _same_state(a, b) -> None:
    n = a.mothers.n
    assert b.mothers.n == n
    for name in COLUMNS:
        assert np.array_equal(getattr(a.mothers, name)[:n], getattr(b.mothers, name)[:n]), name
    assert a.tally == b.tally


def _compare(model, run, module, bound: str, everyone) -> None:
    bounded, unbounded = model, copy.deepcopy(model)
    run(bounded)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, bound, everyone)
        run(unbounded)
    _same_state(bounded, unbounded)


@SETTINGS
@given(values=st.fixed_dictionaries({
    "ladder_up_base": st.floats(0.0, 1.0),
    "ladder_down_base": st.floats(0.0, 1.0),
    "confidence_floor": st.floats(0.0, 1.0),
    "ladder_contact_effect": st.floats(0.0, 5.0),
    "ladder_network_effect": st.floats(0.0, 5.0),
    "ladder_exempt_factor": st.floats(0.0, 3.0),
    "ladder_stress_effect": st.floats(0.0, 5.0),
    "ladder_fast_change_effect": st.floats(0.0, 5.0),
    "ladder_event_down_factor": st.floats(0.0, 5.0),
    "ladder_barrier_penalty": st.floats(0.0, 1.0),
    "stress_event_base": st.floats(0.0, 1.0),
    "stress_event_debt_factor": st.floats(0.0, 1.0 / 0.9),
}), seed=st.integers(1, 50))
def test_ladder_bounds_leave_every_step_as_without_them(values, seed):
    model = _world(values, seed)
    _compare(model, ladder.step, ladder, "largest_chances", lambda _: (1.0, 1.0))


@SETTINGS
@given(values=st.fixed_dictionaries({
    "lapse_hazard": st.floats(0.0, 1.0 / 12),
    "info_lapse_hazard": st.floats(0.0, 1.0 / 12),
    "lapse_low_trust_effect": st.floats(0.0, 3.0),
    "lapse_stress_effect": st.floats(0.0, 2.0),
}), seed=st.integers(1, 50))
def test_lapse_bound_leaves_every_lapse_as_without_it(values, seed):
    model = _world(values, seed)

    def run(mdl):
        sanctions.step(mdl, mdl.mothers.ids_where(Status.ON_ASSISTANCE))

    _compare(model, run, sanctions, "largest_lapse_factor", lambda _: np.inf)


@SETTINGS
@given(values=st.fixed_dictionaries({
    "study_exit_hazard": st.floats(0.0, 0.05),
    "study_young_factor": st.floats(0.0, 2.5),
    "study_student_finance_factor": st.floats(0.0, 2.5),
    "partner_exit_hazard": st.floats(0.0, 0.1),
    "other_exit_hazard": st.floats(0.0, 0.08),
}), seed=st.integers(1, 50))
def test_exit_bounds_leave_every_exit_as_without_them(values, seed):
    model = _world(values, seed)
    _compare(model, exits.step, exits, "largest_hazards",
             lambda _: (1.0, exits.THIRD))


def test_the_bounds_hold_a_real_share_of_mothers_out():
    """The point of the bounds: at the defaults most mothers need no chance computed."""
    model = make_model(2, size=2000)
    up, down = ladder.largest_chances(model)
    assert up + down < 0.5
    most = sanctions.largest_lapse_factor(model)
    assert max(model.params.lapse_hazard, model.params.info_lapse_hazard) * most < 0.5
    study, other = exits.largest_hazards(model)
    assert study < 0.1 and other < 0.1
