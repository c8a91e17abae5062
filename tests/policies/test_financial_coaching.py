"""Financial coaching: a waiting list for a limited number of sessions, and its effects
through knowledge of the top-up, the believed gain and the childcare cost she weighs.

Directional tests compare paired replicates on common random numbers: the mean paired
difference must exceed 4 standard errors where an effect must exist.
"""

from __future__ import annotations

import numpy as np

import simulate
from simulate.compare import compare
from simulate.population import NEVER
from simulate.states import Status
from tests.policies.conftest import scenario

REPS = 6
# Every effect of the coaching off, so that one at a time can be switched on.
NEUTRAL = {"topup_learned_per_session": 0.0, "gain_correction_eur": 0.0,
           "childcare_topup_share": 0.0}


def _paired(alt_policy, outcomes, months=24, size=800):
    base = scenario([{"financial_coaching": NEUTRAL}], size=size)
    alt = scenario([{"financial_coaching": alt_policy}], size=size).with_changes(name="alt")
    c = compare(base, [alt], reps=REPS, seed=5, months=months)
    w = c.result.wide()
    runs = w[w.month >= 1].groupby(["scenario", "replicate"], observed=True)[outcomes].sum()
    runs = runs.sum(axis=1)
    d = runs["alt"].to_numpy() - runs[base.name].to_numpy()
    return d, d.std(ddof=1) / np.sqrt(len(d))


def test_sessions_never_exceed_capacity_and_a_waiting_list_forms():
    s = scenario([{"financial_coaching": {"sessions_per_month": 8, "sessions_per_mother": 3}}])
    policy = s.make_policies()[0]
    model = simulate.PathwaysModel(s.params(), [policy], seed=2, horizon_months=18)
    ctx = next(c for p, c in model.policy_contexts() if p is policy)
    m = model.mothers
    for _ in range(18):
        model.step()
        active = policy.participants(ctx)
        assert len(active) <= 8
        assert np.all(policy.sessions[active] <= 3)
        queue = policy.waiting(ctx)
        assert not np.intersect1d(queue, active).size
    w = model.record.wide().loc[1:]
    assert w["financial_coaching_active"].max() == 8
    assert w["financial_coaching_waiting"].min() > 0
    # Three sessions each, one a month: a budget is worked out after three months.
    done = np.flatnonzero(policy.done[: m.n] != NEVER)
    assert len(done) and np.all(policy.sessions[done] == 3)
    assert (w["financial_coaching_cost_eur"] == w["financial_coaching_active"] * 75.0).all()


def test_sessions_teach_that_the_top_up_continues():
    base = scenario([{"financial_coaching": NEUTRAL}])
    alt = scenario([{"financial_coaching": {**NEUTRAL, "topup_learned_per_session": 0.8}}])
    diffs = []
    for seed in range(REPS):
        known = []
        for s in (base, alt):
            model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=seed,
                                           horizon_months=12)
            model.run(12)
            on = model.mothers.ids_where(Status.ON_ASSISTANCE)
            known.append(model.mothers.knows_topup[on].mean())
        diffs.append(known[1] - known[0])
    d = np.array(diffs)
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(REPS), d


def test_knowing_the_top_up_means_fewer_offers_declined_for_that_belief():
    d, se = _paired({**NEUTRAL, "topup_learned_per_session": 0.9},
                    ["offers_declined_income_belief"])
    assert d.mean() < -4 * se, d


def test_a_worked_out_budget_means_more_part_time_job_starts():
    d, se = _paired({**NEUTRAL, "gain_correction_eur": 100.0}, ["job_starts_parttime"])
    assert d.mean() > 4 * se, d


def test_a_childcare_top_up_means_fewer_offers_declined_and_costs_what_it_pays():
    d, se = _paired({**NEUTRAL, "childcare_topup_share": 1.0}, ["offers_declined"])
    assert d.mean() < -4 * se, d
    s = scenario([{"financial_coaching": {**NEUTRAL, "childcare_topup_share": 0.5}}])
    w = simulate.run(s, reps=1, seed=3, months=24).wide().set_index("month").loc[1:]
    extra = w["financial_coaching_cost_eur"] - w["financial_coaching_active"] * 75.0
    assert (w["financial_coaching_childcare_topups"] > 0).any()
    assert np.all((extra > 0) == (w["financial_coaching_childcare_topups"] > 0))
