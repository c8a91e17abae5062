"""Every exit can return: scheduled returns on small worlds where the answer is known."""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import Status
from tests.conftest import ONLY_OTHER_EXIT, make_model

N = 20_000


def test_returns_after_other_exits_follow_a_geometric_delay_with_mean_one_over_hazard():
    r = 0.1
    model = make_model(1, seed=2, size=N, inflow_rate_per_month=0.0, other_exit_hazard=0.3,
                       **{**ONLY_OTHER_EXIT, "return_other_hazard": r},
                       exit_followup_months=1000)
    m = model.mothers
    left = np.flatnonzero(m.status[:N] == Status.OTHER)
    delay = (m.return_month[left] - m.exit_month[left]).astype(float)
    assert np.all(m.return_month[left] != NEVER) and delay.min() >= 1
    se = delay.std(ddof=1) / np.sqrt(len(delay))
    assert abs(delay.mean() - 1 / r) < 4 * se


def test_returns_beyond_the_follow_up_are_not_simulated():
    model = make_model(1, seed=2, size=N, inflow_rate_per_month=0.0, other_exit_hazard=0.3,
                       **{**ONLY_OTHER_EXIT, "return_other_hazard": 0.02},
                       exit_followup_months=12)
    m = model.mothers
    left = np.flatnonzero(m.status[:N] == Status.OTHER)
    scheduled = m.return_month[left] != NEVER
    # P(geometric delay <= 12) with p = 0.02.
    expected = 1 - 0.98 ** 12
    se = np.sqrt(expected * (1 - expected) / len(left))
    assert abs(scheduled.mean() - expected) < 4 * se
    assert np.all(m.return_month[left][scheduled] - 1 <= 12)


def test_a_stop_for_non_cooperation_returns_with_the_declared_share():
    # Every unmet information duty is noticed: everyone is stopped in month 1.
    share = 0.6
    model = make_model(1, seed=4, size=N, inflow_rate_per_month=0.0, lapse_hazard=0.0,
                       info_lapse_hazard=1.0, info_admin_check_rate=1.0,
                       return_noncooperation_share=share,
                       return_noncooperation_delay_months=2.0, exit_followup_months=1000,
                       **{k: 0.0 for k in ("study_exit_hazard", "partner_exit_hazard",
                                           "other_exit_hazard", "job_offer_base",
                                           "parttime_offer_base")})
    m = model.mothers
    wide = model.record.wide()
    assert wide.at[1, "sanctions"] == 0
    stopped = np.flatnonzero(m.status[:N] == Status.NONCOOPERATION)
    assert len(stopped) == wide.at[1, "exit_noncooperation"] == N
    back = m.return_month[stopped] != NEVER
    se = np.sqrt(share * (1 - share) / len(stopped))
    assert abs(back.mean() - share) < 4 * se


def test_a_return_counts_only_the_months_away():
    """Leave and come back after exactly one month: one month off assistance per exit."""
    model = make_model(24, seed=5, size=2000, inflow_rate_per_month=0.0,
                       other_exit_hazard=0.05,
                       **{**ONLY_OTHER_EXIT, "return_other_hazard": 1.0},
                       exit_followup_months=1000)
    wide = model.record.wide()
    # Everyone who left in month t is back in month t + 1: the stock only dips by one
    # month's exits.
    gap = 2000 - wide["on_assistance"].iloc[1:]
    assert (gap == wide["exit_other"].iloc[1:]).all()
    assert (wide["returns_of_leavers"].iloc[2:].to_numpy()
            == wide["exit_other"].iloc[1:-1].to_numpy()).all()
