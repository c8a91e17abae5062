"""Exemptions have reasons, tied to the child's age and the barriers."""

from __future__ import annotations

import numpy as np

from simulate.states import Barrier, ExemptionReason, Status
from tests.conftest import make_model

ONLY = {"exemption_request_hazard": 0.0, "exemption_health_hazard": 0.0,
        "exemption_care_hazard": 0.0, "exemption_other_hazard": 0.0,
        "exemption_at_entry_share": 0.0, "inflow_rate_per_month": 0.0}


def _model(**hazards):
    return make_model(1, seed=2, size=10_000, **{**ONLY, **hazards})


def test_a_health_exemption_needs_a_health_barrier():
    model = make_model(0, seed=2, size=10_000, **{**ONLY, "exemption_health_hazard": 1.0})
    m = model.mothers
    n = m.n
    health = (m.barriers[:n] & np.uint8(1 << Barrier.HEALTH)) != 0  # before the month
    model.step()
    on = m.status[:n] == Status.ON_ASSISTANCE
    assert np.all(m.exempt[:n][on] == health[on])
    assert np.all(m.exempt_reason[:n][on & health] == ExemptionReason.HEALTH)


def test_a_request_needs_a_child_under_5_and_a_pregnancy_alone_does_not_qualify():
    model = make_model(0, seed=2, size=10_000, **{**ONLY, "exemption_request_hazard": 1.0})
    m = model.mothers
    n = m.n
    young = (m.n_children[:n] > 0) & (1 - m.youngest_birth_month[:n] < 60)
    expecting = m.pregnant[:n] & (m.n_children[:n] == 0) & (m.due_month[:n] > 1)
    assert expecting.sum() > 100  # expecting a first child, not born in month 1
    model.step()
    on = (m.status[:n] == Status.ON_ASSISTANCE) & (young | expecting)
    assert np.all(m.exempt[:n][on] == young[on]) and not m.exempt[:n][expecting & on].any()


def test_a_review_ends_a_health_exemption_once_the_barrier_is_resolved():
    model = make_model(0, seed=3, size=4000, **{**ONLY, "exemption_renewal_prob": 1.0})
    m = model.mothers
    n = m.n
    m.exempt[:n] = True
    m.exempt_since[:n] = -5  # the review falls in month 1
    m.exempt_long[:n] = False
    m.exempt_reason[:n] = ExemptionReason.HEALTH
    health = (m.barriers[:n] & np.uint8(1 << Barrier.HEALTH)) != 0
    model.step()
    on = m.status[:n] == Status.ON_ASSISTANCE
    assert np.all(m.exempt[:n][on] == health[on])


def test_long_term_exemptions_are_reviewed_less_often():
    model = make_model(0, seed=4, size=4000, **{**ONLY, "exemption_renewal_prob": 0.0})
    m = model.mothers
    n = m.n
    m.exempt[:n] = True
    m.exempt_since[:n] = -5
    m.exempt_reason[:n] = ExemptionReason.OTHER
    m.exempt_long[:n] = np.arange(n) % 2 == 0
    model.step()
    on = m.status[:n] == Status.ON_ASSISTANCE
    assert np.all(m.exempt[:n][on] == m.exempt_long[:n][on])
