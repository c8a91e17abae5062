"""Debt counselling: a waiting list for a limited number of trajectories, and its effects
through the debts barrier, stress and exits for other reasons.

Directional tests compare paired replicates on common random numbers: the mean paired
difference must exceed 4 standard errors where an effect must exist.
"""

from __future__ import annotations

import numpy as np

import simulate
from simulate.compare import compare
from simulate.policies.debt_counselling import DEBTS
from simulate.population import NEVER
from simulate.states import Status
from tests.policies.conftest import scenario

REPS = 6
# Every effect of a trajectory off, so that one at a time can be switched on.
NEUTRAL = {"resolution_hazard": 0.0, "stress_relief_per_month": 0.0, "other_exit_factor": 1.0,
           "search_factor": 1.0}


def _paired(alt_policy, outcome, months=24, size=800, base_policy=None):
    base = scenario([{"debt_counselling": base_policy}] if base_policy else [], size=size)
    alt = scenario([{"debt_counselling": alt_policy}], size=size).with_changes(name="alt")
    c = compare(base, [alt], reps=REPS, seed=7, months=months)
    w = c.result.wide()
    w = w[w.month >= 1]
    if isinstance(outcome, str) and outcome in c.result.runs:
        runs = c.result.runs.set_index(["scenario", "replicate"])[outcome]
    else:  # a monthly metric, or several added up, summed over the months
        runs = w.groupby(["scenario", "replicate"], observed=True)[outcome].sum()
        if not isinstance(outcome, str):
            runs = runs.sum(axis=1)
    d = runs["alt"].to_numpy() - runs[base.name].to_numpy()
    return d, d.std(ddof=1) / np.sqrt(len(d))


def test_trajectories_never_exceed_capacity_and_take_only_registered_debts():
    s = scenario([{"debt_counselling": {"trajectories": 12, "duration_months": 6}}])
    policy = s.make_policies()[0]
    model = simulate.PathwaysModel(s.params(), [policy], seed=2, horizon_months=24)
    ctx = next(c for p, c in model.policy_contexts() if p is policy)
    m = model.mothers
    waited = started = 0
    for _ in range(24):
        model.step()
        active = policy.participants(ctx)
        assert len(active) <= 12
        assert np.all(policy.start[active] > model.month - 6)  # ends after its duration
        queue = policy.waiting(ctx)
        # Registered debts (or resolved by the model's own referral since joining).
        assert np.all(((m.barriers_registered[queue] & DEBTS) != 0)
                      | ((m.barriers[queue] & DEBTS) == 0))
        assert np.all(m.status[queue] == Status.ON_ASSISTANCE)
        assert not np.intersect1d(queue, active).size
        waited = max(waited, len(queue))
        started += len(active[policy.start[active] == model.month])
    record = model.record.wide()
    assert record.loc[1:, "debt_counselling_active"].max() == 12
    assert waited > 0 and started > 12  # a waiting list forms; places are used again
    assert (record.loc[1:, "debt_counselling_cost_eur"]
            == record.loc[1:, "debt_counselling_active"] * 100.0).all()


def test_the_longest_waiting_start_first():
    s = scenario([{"debt_counselling": {"trajectories": 5}}])
    policy = s.make_policies()[0]
    model = simulate.PathwaysModel(s.params(), [policy], seed=3, horizon_months=12)
    ctx = next(c for p, c in model.policy_contexts() if p is policy)
    checked = 0
    for _ in range(12):
        before = policy.queued.copy()
        model.step()
        new = policy.participants(ctx)
        new = new[policy.start[new] == model.month]
        still = policy.waiting(ctx)
        if len(new) and len(still):
            joined = np.where(before[new] == NEVER, model.month, before[new])
            assert joined.max() <= policy.queued[still].min()
            checked += 1
    assert checked


def test_trajectories_resolve_debts_faster():
    """All barriers resolved: the model's referrals and the trajectories'."""
    d, se = _paired({**NEUTRAL, "resolution_hazard": 0.08},
                    ["barriers_resolved", "debt_counselling_resolved"], base_policy=NEUTRAL)
    assert d.mean() > 4 * se, d


def test_trajectories_lower_stress():
    d, se = _paired({**NEUTRAL, "stress_relief_per_month": 0.2}, "mean_stress",
                    base_policy=NEUTRAL)
    assert d.mean() < -4 * se, d


def test_a_trajectory_without_its_effects_leaves_exits_to_work_unchanged():
    """Creditors take most of a job's gain, but the arrangement's duty to seek work keeps her
    taking offers: a trajectory with its effects off changes no exit to work (the same
    draws, so exactly)."""
    d, _ = _paired({**NEUTRAL, "trajectories": 60}, "exits_work_24m", base_policy=NEUTRAL)
    assert np.all(d == 0), d


def test_the_threat_effect_raises_exits_for_other_reasons_and_outflow():
    d, se = _paired({**NEUTRAL, "other_exit_factor": 3.0}, "exits_other_24m",
                    base_policy=NEUTRAL)
    assert d.mean() > 4 * se, d
    d, se = _paired({**NEUTRAL, "other_exit_factor": 3.0}, "exits_all_24m",
                    base_policy=NEUTRAL)
    assert d.mean() > 2 * se, d


def test_the_duty_to_seek_work_raises_exits_to_work():
    """Wsnp art. 3:105: a debt arrangement obliges her to seek work, so more mothers in a
    trajectory leave for work than the same mothers with the arrangement's other effects
    only (4 standard errors)."""
    d, se = _paired({**NEUTRAL, "search_factor": 1.5, "trajectories": 60}, "exits_work_24m",
                    base_policy={**NEUTRAL, "trajectories": 60})
    assert d.mean() > 4 * se, (d.mean(), se)
