"""Lasting informal care, formal places and registrations on small worlds."""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import Status
from tests.conftest import make_model

QUIET = {"study_exit_hazard": 0.0, "partner_exit_hazard": 0.0, "other_exit_hazard": 0.0,
         "job_offer_base": 0.0, "parttime_offer_base": 0.0, "inflow_rate_per_month": 0.0,
         "lapse_hazard": 0.0, "info_lapse_hazard": 0.0, "no_show_hazard": 0.0}


def _with_arrangements(months: int, **overrides):
    model = make_model(0, seed=4, size=20_000, **{**QUIET, **overrides})
    m = model.mothers
    n = m.n
    m.informal_care[:n] = True
    m.youngest_birth_month[:n] = -1  # every child a baby: care is needed for years
    m.n_children[:n] = 1
    model.run(months)
    return model


def test_informal_arrangements_last_and_break_down_at_the_declared_hazard():
    b = 0.05
    model = _with_arrangements(1, informal_care_breakdown_hazard=b, stress_event_base=0.0)
    broke = model.record.latest()["informal_care_breakdowns"]
    se = np.sqrt(20_000 * b * (1 - b))
    assert abs(broke - 20_000 * b) < 4 * se
    # Those that did not break down are still there next month: arrangements last.
    held = model.mothers.informal_care[:20_000].sum()
    assert held == 20_000 - broke


def test_stress_events_multiply_the_breakdown_hazard():
    b, factor = 0.04, 3.0
    model = _with_arrangements(1, informal_care_breakdown_hazard=b, stress_event_base=1.0,
                               stress_event_debt_factor=1.0,
                               informal_breakdown_event_factor=factor)
    broke = model.record.latest()["informal_care_breakdowns"]
    p = b * factor
    assert abs(broke - 20_000 * p) < 4 * np.sqrt(20_000 * p * (1 - p))


def test_a_breakdown_costs_a_working_mother_her_job_without_a_formal_place():
    model = make_model(0, seed=5, size=10_000, **QUIET, informal_care_breakdown_hazard=1.0,
                       job_loss_on_care_breakdown=0.5, job_loss_hazard=0.0,
                       stress_event_base=0.0, return_after_job_loss=0.0)
    m = model.mothers
    n = m.n
    m.youngest_birth_month[:n] = -1
    m.n_children[:n] = 1
    m.informal_care[:n] = True
    m.status[:n] = Status.IN_WORK
    m.exit_month[:n] = 0
    m.job_start[:n] = 0
    m.childcare_place[:n] = -1
    m.queue_since[:n] = NEVER
    model.step()
    w = model.record.latest()
    assert w["informal_care_breakdowns"] == n
    lost = w["job_losses_care_breakdown"]
    assert abs(lost - n / 2) < 4 * np.sqrt(n / 4)
    assert w["job_losses"] == lost


def test_registrations_end_when_the_child_reaches_school_age():
    model = make_model(0, seed=6, size=2000, **QUIET)
    m = model.mothers
    n = m.n
    m.n_children[:n] = 1
    m.youngest_birth_month[:n] = -model.params.childcare_need_age_months  # turns 4 now
    m.queue_since[:n] = -3
    m.informal_care[:n] = True
    m.pregnant[:n] = False  # no new baby who would need care again
    model.step()
    assert np.all(m.queue_since[:n] == NEVER) and not m.informal_care[:n].any()
    assert model.record.latest()["childcare_queue"] == 0


def test_the_queue_counts_those_waiting_for_a_free_place_apart():
    model = make_model(3, seed=7, size=3000, childcare_places_per_100_mothers=2.0,
                       childcare_register_prob=0.5)
    w = model.record.latest()
    assert 0 < w["childcare_waiting_for_place"] < w["childcare_queue"]
