"""Exits to study, a partner's income and other reasons on small worlds where the answer is
known: one month of 20,000 mothers whose ages and entry reasons are set by the test.
Counts must lie within 4 standard errors of the closed-form chances."""

from __future__ import annotations

import numpy as np
import pytest

from simulate.parameters import ParameterError, Params
from simulate.states import EntryReason, Status
from tests.conftest import QUIET, assert_count, make_model

N = 20_000
HAZARDS = ("study_exit_hazard", "partner_exit_hazard", "other_exit_hazard")
DESTINATION = {"study_exit_hazard": Status.STUDY, "partner_exit_hazard": Status.PARTNER,
               "other_exit_hazard": Status.OTHER}
NO_RETURNS = {"return_study_hazard": 0.0, "return_partner_hazard": 0.0,
              "return_other_hazard": 0.0}


def _month(seed=3, ages=(35.0,), reasons=(EntryReason.OTHER,), months_on=0, **hazards):
    """Status after one month of mothers aged ``ages`` with ``reasons`` (cycled over ids),
    on assistance for ``months_on`` months at the start of it, and those ages and
    reasons."""
    model = make_model(0, seed=seed, size=N, **{**QUIET, **NO_RETURNS, **hazards})
    m = model.mothers
    ids = np.arange(m.n)
    age = np.asarray(ages)[ids % len(ages)]
    reason = np.asarray(reasons)[(ids // len(ages)) % len(reasons)]
    m.status[ids] = Status.ON_ASSISTANCE
    m.birth_month[ids] = 1 - 12 * age  # her age in month 1
    m.entry_reason[ids] = reason
    m.duration_since[ids] = 1 - months_on
    model.step()
    return model, m.status[ids].copy(), age, reason


def test_exits_follow_the_closed_form_hazards():
    """Study: base x young factor (under the age limit) x student-finance factor; partner
    and other: their constant hazards."""
    h = {"study_exit_hazard": 0.02, "partner_exit_hazard": 0.03, "other_exit_hazard": 0.04,
         "study_young_factor": 2.0, "study_young_age_years": 27.0,
         "study_student_finance_factor": 1.5}
    model, status, age, reason = _month(
        ages=(22.0, 35.0), reasons=(EntryReason.STUDENT_FINANCE_END, EntryReason.INCOME_LOSS),
        **h)
    for young in (True, False):
        for finance in (True, False):
            group = ((age < 27) == young) & ((reason == EntryReason.STUDENT_FINANCE_END) == finance)
            k = int(group.sum())
            study = 0.02 * (2.0 if young else 1.0) * (1.5 if finance else 1.0)
            for s, chance in ((Status.STUDY, study), (Status.PARTNER, 0.03),
                              (Status.OTHER, 0.04)):
                assert_count(int(np.count_nonzero(status[group] == s)), np.full(k, chance))
    w = model.record.latest()
    assert (w["exit_study"], w["exit_partner"], w["exit_other"]) == tuple(
        int(np.count_nonzero(status == s)) for s in (Status.STUDY, Status.PARTNER, Status.OTHER))
    assert w["on_assistance"] == np.count_nonzero(status == Status.ON_ASSISTANCE)


def test_exits_fall_with_months_on_assistance_as_declared():
    """After ``months`` on assistance each hazard is its value times floor + (1 - floor) x
    exp(-months / duration_dependence_months)."""
    h = {"study_exit_hazard": 0.03, "partner_exit_hazard": 0.03, "other_exit_hazard": 0.05,
         "study_young_factor": 1.0, "study_student_finance_factor": 1.0,
         "duration_dependence_floor": 0.4, "duration_dependence_months": 12.0}
    for months in (0, 24):
        _, status, _, _ = _month(months_on=months, **h)
        factor = 0.4 + 0.6 * np.exp(-months / 12.0)
        for s, hazard in ((Status.STUDY, 0.03), (Status.PARTNER, 0.03), (Status.OTHER, 0.05)):
            assert_count(int(np.count_nonzero(status == s)), np.full(N, hazard * factor))


@pytest.mark.parametrize("raised", ["study_exit_hazard", "partner_exit_hazard",
                                    "other_exit_hazard"])
def test_raising_one_hazard_moves_only_stayers_to_that_exit(raised):
    """Competing hazards share one uniform per mother: raising one hazard moves mothers
    from "stay" to that exit and leaves who leaves for the others untouched (common random
    numbers across scenarios depend on it)."""
    low = dict.fromkeys(HAZARDS, 0.02)
    _, before, _, _ = _month(**low)
    _, after, _, _ = _month(**{**low, raised: 0.08})
    target = DESTINATION[raised]
    for hazard, s in DESTINATION.items():
        if hazard != raised:
            assert np.array_equal(before == s, after == s), f"leavers for {hazard} changed"
    moved = (before != target) & (after == target)
    assert moved.sum() > 0 and np.all(before[moved] == Status.ON_ASSISTANCE)
    assert np.all(after[before == target] == target)


@pytest.mark.parametrize("values", [{"study_exit_hazard": 0.1, "study_young_factor": 4.0},
                                    {"partner_exit_hazard": 0.4}, {"other_exit_hazard": 0.34}])
def test_an_exit_hazard_above_its_third_of_the_draw_is_refused(values):
    with pytest.raises(ParameterError, match="at most 0.333"):
        Params.from_overrides(values)
