"""Work-experience places: capacity and waiting list, childcare for the hours, step 4 while
placed, the host's job offer, and placements asked for by another programme.

Directional tests pair replicates on common random numbers: the mean paired difference
must exceed 4 standard errors where an effect must exist.
"""

from __future__ import annotations

import numpy as np

import simulate
from simulate.compare import compare
from simulate.policies import Policy
from simulate.policies.work_experience import WorkExperience, request_placement
from simulate.population import NEVER
from simulate.states import Status
from tests.policies.conftest import scenario

REPS = 8


def _model(settings, months=24, size=600, seed=1, extra=(), first=(), values=None):
    s = scenario([{"work_experience": settings}], size=size).with_values(values or {})
    policies = [*first, *s.make_policies(), *extra]
    return simulate.PathwaysModel(s.params(), policies, seed=seed, horizon_months=months)


def test_places_are_never_exceeded_a_waiting_list_forms_and_placements_hold_step_4():
    model = _model({"places": 5, "referral_per_contact": 0.3})
    policy = model.policies[0]
    m, waited = model.mothers, 0
    for _ in range(24):
        model.step()
        on = policy.participants(None)
        held = np.count_nonzero(policy.matched != NEVER)
        assert len(on) + held <= 5
        waited = max(waited, model.record.latest()["work_experience_waiting"])
        still = on[(m.status[on] == Status.ON_ASSISTANCE) & ~m.parttime[on]]
        assert (m.ladder[still] == 4).all()
        # Nobody is placed without the childcare the hours need (an informal arrangement
        # may break down later in the month of the start).
        need = still[model.contexts[0].needs_care(still)]
        started = need[policy.started[need] == model.month]
        assert ((m.childcare_place[started] >= 0) | m.informal_care[started]
                | m.care_broke[started]).all()
    assert waited > 0
    assert policy.ever.sum() > 5


def test_without_any_childcare_only_mothers_who_need_none_start():
    model = _model({"places": 20, "referral_per_contact": 0.3},
                   values={"informal_care_per_tie": 0.0,
                           "childcare_places_per_100_mothers": 0.0})
    policy, ctx = model.policies[0], model.contexts[0]
    lapsed = 0
    for _ in range(18):
        model.step()
        on = policy.participants(ctx)
        assert not ctx.needs_care(on[policy.started[on] == model.month]).any()
        lapsed += model.record.latest()["work_experience_care_lapsed"]
    assert lapsed > 0


def test_the_host_s_job_offer_raises_job_starts():
    """Paired over replicates: a likelier offer by the host in a placement's last month
    means more job starts (full jobs and part-time work) over two years."""
    def s(chance):
        return scenario([{"work_experience": {"places": 60, "referral_per_contact": 0.5,
                                              "months": 3, "dropout_hazard": 0.0,
                                              "job_offer_chance": chance}}],
                        size=1200).with_changes(
            name=f"c{chance}")
    c = compare(s(0.0), [s(0.9)], reps=REPS, seed=11, months=24)
    w = c.result.wide()
    starts = w[w.month >= 1].assign(
        n=lambda d: d.filter(like="job_starts_care_").sum(axis=1)).groupby(
        ["scenario", "replicate"], observed=True)["n"].sum()
    d = starts["c0.9"].to_numpy() - starts["c0.0"].to_numpy()
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(REPS), d


def test_cost_is_places_in_use_and_childcare_for_their_hours():
    s = scenario([{"work_experience": {"places": 20, "referral_per_contact": 0.3,
                                       "cost_per_place_month_eur": 500,
                                       "childcare_cost_per_hour_eur": 10,
                                       "hours_per_week": 18}}])
    w = simulate.run(s, reps=1, seed=2, months=18).wide().set_index("month").loc[1:]
    childcare = w["work_experience_cost_eur"] - 500 * w["work_experience_active"]
    users = childcare / (18 * 4.33 * 10)
    assert np.allclose(users, users.round()) and (users >= 0).all() and (users > 0).any()
    assert (users <= w["work_experience_active"]).all()
    assert np.allclose(w["intervention_spending_eur"], w["work_experience_cost_eur"])


class Internship(Policy):
    """A stand-in for a programme that asks for places (e.g. an internship phase)."""

    name = "internship_stand_in"
    uses = ("work_experience",)

    def __init__(self, month: int, k: int) -> None:
        super().__init__({})
        self.when, self.k = month, k
        self.asked = self.added = np.zeros(0, dtype=np.int64)

    def on_month_start(self, ctx) -> None:
        if ctx.month == self.when:
            on = ctx.on_assistance()
            self.asked = on[~ctx.mothers.parttime[on]][: self.k]
            self.added = request_placement(ctx, self.asked)


def test_another_programme_can_ask_for_placements():
    asking = Internship(month=2, k=12)
    model = _model({"places": 30, "programme_only": True}, extra=[asking]).run(12)
    placed = model.policies[0].ever_participants(None)
    assert len(asking.added) == 12
    assert len(placed) > 0 and np.isin(placed, asking.added).all()
    # Without places nobody is put on a list.
    refused = Internship(month=2, k=12)
    _model({"places": 0}, extra=[refused]).run(3)
    assert len(refused.asked) == 12 and len(refused.added) == 0
    # And without the module at all.
    alone = Internship(month=2, k=12)
    s = scenario([])
    simulate.PathwaysModel(s.params(), [alone], seed=1, horizon_months=3).run(3)
    assert len(alone.added) == 0


def test_requests_go_ahead_of_coaches_referrals_when_programme_first():
    """The asking programme runs first in the month, so its requests meet the coaches'
    referrals of the same month on the list: with 2 places, both go to requests."""
    for first in (True, False):
        asking = Internship(month=1, k=40)
        model = _model({"places": 2, "referral_per_contact": 1.0, "programme_first": first},
                       first=[asking]).run(1)
        policy: WorkExperience = model.policies[1]
        matched = np.flatnonzero((policy.matched == 1) | (policy.started == 1))
        referred = np.flatnonzero(policy.wait_since == 1)
        assert len(matched) == 2 and len(referred) > 0
        if first:
            assert np.isin(matched, asking.added).all()
        else:
            # One list in random order: the two with the lowest priority draws.
            waiting = np.concatenate([matched, referred])
            u = model.streams.uniform(f"{policy.label}:priority", 1, waiting)
            assert set(matched) == set(waiting[np.argsort(u)[:2]])


def test_a_case_file_on_hold_gets_more_offers_that_end_assistance_accepted():
    """Paired over replicates: with the file on hold (and a strong factor), mothers on a
    placement decline fewer offers, so more leave assistance for work."""
    def s(hold):
        return scenario([{"work_experience": {"places": 60, "referral_per_contact": 0.5,
                                              "case_on_hold": hold,
                                              "on_hold_acceptance_factor": 2.0}}],
                        size=1200).with_changes(name=f"hold{hold}")
    c = compare(s(False), [s(True)], reps=REPS, seed=5, months=24)
    w = c.result.wide()
    declined = w[w.month >= 1].groupby(["scenario", "replicate"], observed=True)[
        "offers_declined"].sum()
    d = declined["holdFalse"].to_numpy() - declined["holdTrue"].to_numpy()
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(REPS), d
    runs = c.result.runs.set_index(["scenario", "replicate"])["exits_work_24m"]
    d = runs["holdTrue"].to_numpy() - runs["holdFalse"].to_numpy()
    assert d.mean() > -2.33 * d.std(ddof=1) / np.sqrt(REPS), d


def test_the_host_offers_a_job_also_where_step_4_does_not_search():
    """With search from step 5 only and no offers of part-time work, nobody on a placement
    searches: every placement that ends in work ends in the host's offer, in its last
    month."""
    model = _model({"places": 40, "referral_per_contact": 0.5, "months": 3,
                    "job_offer_chance": 1.0, "dropout_hazard": 0.0},
                   values={"search_min_step": 5, "parttime_offer_base": 0.0})
    policy, m = model.policies[0], model.mothers
    to_work = 0
    for _ in range(18):
        n = m.n
        started, parttime = policy.started[:n].copy(), m.parttime[:n].copy()
        model.step()
        # A job started this month by a mother on a placement (not yet in part-time work,
        # which searches for a regular job): in the placement's last month (of 3).
        went = np.flatnonzero((m.job_start[:n] == model.month) & (started != NEVER)
                              & ~parttime)
        assert (model.month - started[went] == 2).all()
        to_work += len(went)
    assert to_work > 0


def test_lock_in_means_fewer_placements_left_early_for_other_work():
    """Paired over replicates, without the host's offer: a stronger lock-in (a lower
    search factor) means fewer placements end in work from another employer."""
    def s(factor):
        return scenario([{"work_experience": {"places": 60, "referral_per_contact": 0.5,
                                              "job_offer_chance": 0.0,
                                              "search_factor": factor}}],
                        size=1200).with_changes(name=f"f{factor}")
    c = compare(s(1.0), [s(0.4)], reps=REPS, seed=7, months=18)
    w = c.result.wide()
    left = w[w.month >= 1].groupby(["scenario", "replicate"], observed=True)[
        "work_experience_to_work"].sum()
    d = left["f1.0"].to_numpy() - left["f0.4"].to_numpy()
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(REPS), d
