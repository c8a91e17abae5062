"""The peer groups' participation funnel, trajectory schedules and the one ladder channel.

Direction tests are paired over seeds on common random numbers: a paired mean difference
must exceed 4 standard errors where an effect must exist. Probabilities that the funnel
computes are checked exactly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from simulate.compare import compare
from simulate.model import PathwaysModel
from simulate.policies import make_policy
from simulate.policies.context import PolicyContext
from simulate.runner import simulate_replicate
from simulate.states import Status
from simulate.steps import ladder
from tests.conftest import QUIET, make_model
from tests.policies.conftest import scenario

FUNNEL = ("peer_group_informed", "peer_group_selected", "peer_group_invited",
          "peer_group_intake_attended", "peer_group_registered", "peer_group_no_shows",
          "peer_group_new_members", "peer_group_completed")


def _group(**values):
    base = {"groups_per_year": 6, "group_size": 10, "sessions": 2, "sessions_per_month": 2,
            "selected_per_group": 40}
    return {"peer_groups": {**base, **values}}


def _totals(base, alternatives, reps=6, months=12, seed=5):
    """Funnel totals per scenario and replicate over months 1..months."""
    c = compare(base, alternatives, reps=reps, seed=seed, months=months)
    w = c.result.wide()
    return w[w.month >= 1].groupby(["scenario", "replicate"], observed=True)[
        list(FUNNEL)].sum()


def _paired(totals, low, high, column):
    d = totals.loc[high, column].to_numpy() - totals.loc[low, column].to_numpy()
    return d.mean(), d.std(ddof=1) / np.sqrt(len(d))


def test_the_funnel_narrows_stage_by_stage_and_invitations_are_finite():
    s = scenario([_group(intake=True, selected_per_group=12)], size=500)
    t = pd.DataFrame([simulate_replicate(s, r, 5, 12, spells=False).monthly.loc[1:, list(FUNNEL)]
                      .sum() for r in range(3)])
    assert (t["peer_group_invited"] <= t["peer_group_selected"]).all()
    assert (t["peer_group_intake_attended"] <= t["peer_group_selected"]).all()
    assert (t["peer_group_registered"] <= t["peer_group_intake_attended"]).all()
    started = t["peer_group_new_members"] + t["peer_group_no_shows"]
    assert (started <= t["peer_group_registered"]).all()
    # Six rounds of 12 selected: at most 72, and fewer start than the 60 places.
    assert (t["peer_group_selected"] <= 72).all() and (t["peer_group_new_members"] < 60).all()


def test_acceptance_rises_with_confidence_and_trust_and_falls_with_exemption_and_no_care():
    model = make_model(0, size=300, burn_in_months=0, **QUIET)
    policy = make_policy("peer_groups", {"acceptance_rate": 0.4})
    ctx = PolicyContext(model, policy)
    m, ids = model.mothers, np.arange(4)
    m.status[ids] = Status.ON_ASSISTANCE
    m.exempt[ids] = False
    m.n_children[ids] = 1
    m.youngest_birth_month[ids] = model.month - 12  # a child of one: needs care
    m.childcare_place[ids] = -1

    def chance(**cols):
        for k, v in cols.items():
            getattr(m, k)[ids] = v
        return policy.acceptance(ctx, ids)[0]

    mid = chance(confidence=0.5, trust_services=0.5)
    assert np.isclose(mid, 0.4 * 0.5)  # no childcare at sessions, no place: factor 0.5
    assert chance(confidence=0.9) > mid > chance(confidence=0.1, trust_services=0.5)
    chance(confidence=0.5)
    assert chance(trust_services=0.9) > mid > chance(trust_services=0.1)
    chance(trust_services=0.5)
    assert chance(exempt=True) < mid
    chance(exempt=False)
    assert chance(childcare_place=0) > mid  # a place of her own: the sessions are no problem
    m.childcare_place[ids] = -1
    cared = make_policy("peer_groups", {"acceptance_rate": 0.4,
                                        "childcare_during_sessions": True})
    assert cared.acceptance(PolicyContext(model, cared), ids)[0] > mid


def test_childcare_at_sessions_and_a_lower_no_childcare_factor_move_registrations():
    """Paired over 6 seeds: with childcare at the sessions more mothers register (4 SE)."""
    base = scenario([_group(acceptance_no_childcare_factor=0.2)], size=500).with_changes(
        name="no-care")
    alt = scenario([_group(acceptance_no_childcare_factor=0.2,
                           childcare_during_sessions=True)], size=500).with_changes(name="care")
    t = _totals(base, [alt])
    mean, se = _paired(t, "no-care", "care", "peer_group_registered")
    assert mean > 4 * se, (mean, se)


def test_more_no_shows_mean_fewer_starters():
    """Paired over 6 seeds: raising the no-show share raises no-shows and lowers starters
    (4 SE each)."""
    low = scenario([_group(no_show_share=0.05)], size=500).with_changes(name="few")
    high = scenario([_group(no_show_share=0.3)], size=500).with_changes(name="many")
    t = _totals(low, [high])
    mean, se = _paired(t, "few", "many", "peer_group_no_shows")
    assert mean > 4 * se, (mean, se)
    mean, se = _paired(t, "many", "few", "peer_group_new_members")
    assert mean > 4 * se, (mean, se)


def test_the_acceptance_rate_now_changes_who_starts():
    """The funnel binds: groups no longer always fill, so the acceptance rate matters."""
    low = scenario([_group(acceptance_rate=0.15)], size=500).with_changes(name="low")
    high = scenario([_group(acceptance_rate=0.5)], size=500).with_changes(name="high")
    t = _totals(low, [high])
    mean, se = _paired(t, "low", "high", "peer_group_new_members")
    assert mean > 4 * se, (mean, se)


def test_a_stress_event_in_the_starting_month_raises_no_shows():
    """Paired over 6 seeds, with stress events in half the months: a larger stress factor
    means more no-shows (4 SE)."""
    stress = {"stress_event_base": 0.5}  # many stress events, the same in both arms
    low = scenario([_group(no_show_stress_factor=1.0)], size=500).with_values(
        stress).with_changes(name="calm")
    high = scenario([_group(no_show_stress_factor=3.0)], size=500).with_values(
        stress).with_changes(name="stress")
    t = _totals(low, [high])
    mean, se = _paired(t, "calm", "stress", "peer_group_no_shows")
    assert mean > 4 * se, (mean, se)


def test_trajectory_schedules_follow_the_sources():
    kw = make_policy("peer_groups", {"intensive_months": 2, "intensive_sessions_per_month": 8.7,
                                     "intensive_session_hours": 5, "internship_months": 1,
                                     "internship_meetings_per_month": 4.33,
                                     "internship_meeting_hours": 2, "sessions": 9,
                                     "sessions_per_month": 1, "session_hours": 2.5})
    assert kw.duration() == 12  # 004:817: 12 months
    assert [kw.schedule(k) for k in (0, 1)] == [(8.7, 5.0, False)] * 2
    assert kw.schedule(2) == (4.33, 2.0, True)  # a weekly theme meeting in the internship
    assert [kw.schedule(k) for k in range(3, 12)] == [(1.0, 2.5, False)] * 9


def test_childcare_arranged_for_a_trajectory_is_an_actual_place():
    """Members with a young child and no place get a free place at the start (held by
    them); with few places the same groups arrange fewer and more members reach the
    internship without care."""
    s = scenario([_group(arrange_childcare=True, intensive_months=2, internship_months=1,
                         sessions=3, sessions_per_month=1, max_child_age_months=48)],
                 size=600).with_values({"childcare_places_per_100_mothers": 40.0})
    few = s.with_values({"childcare_places_per_100_mothers": 1.0}).with_changes(name="few")
    # Two worlds: the general childcare supply is an uncertainty, not a lever.
    c = compare(s, [few], reps=2, seed=3, months=8, allow_different_base=True)
    w = c.result.wide().groupby("scenario", observed=True)[
        ["peer_group_childcare_places_arranged",
         "peer_group_internship_without_childcare"]].sum()
    assert (w.loc["few", "peer_group_childcare_places_arranged"]
            < w.loc[s.name, "peer_group_childcare_places_arranged"])
    assert (w.loc["few", "peer_group_internship_without_childcare"]
            >= w.loc[s.name, "peer_group_internship_without_childcare"])


def test_peer_ties_do_not_push_the_ladder():
    """The ladder's network term counts a mother's own ties only: the same world with and
    without peer ties moves up and down identically (one ladder channel for peer groups:
    the members' modifier while the group runs)."""
    def run(peer_ties):
        model = make_model(0, seed=4, size=3000, **QUIET)
        model.mothers.peer_ties[: model.mothers.n] = peer_ties
        ladder.step(model)
        return model.mothers.ladder[: model.mothers.n].copy()

    assert np.array_equal(run(0), run(5))


def test_a_format_recruiting_from_the_intake_takes_only_its_attendees():
    """Rotterdam's trajectories drew on the start meetings (004:811, 004:815): every member
    of the second format attended the first format's intake."""
    s = scenario([{"peer_groups": {"label": "start", "groups_per_year": 6, "intake": True,
                                   "selected_per_group": 30, "sessions": 2,
                                   "sessions_per_month": 2}},
                  {"peer_groups": {"label": "trajectory", "groups_per_year": 6,
                                   "first_start_month": 2, "recruitment": "intake",
                                   "acceptance_rate": 0.5, "sessions": 4}}], size=500)
    model = PathwaysModel(s.params(), s.make_policies(), seed=3, horizon_months=12)
    model.run(12)
    start, trajectory = model.policies
    members = np.concatenate([g.members for g in trajectory.groups])
    assert len(members) > 5
    assert start.intake_attended[members].all()


def test_registrations_beyond_the_places_wait_for_the_next_group():
    """With few places and eager mothers a waiting list forms, groups never exceed their
    places, and the next group starts with the mothers who were waiting."""
    s = scenario([_group(group_size=4, acceptance_rate=0.7, selected_per_group=30)], size=500)
    model = PathwaysModel(s.params(), s.make_policies(), seed=3, horizon_months=6)
    policy = model.policies[0]
    waiting = None
    for _ in range(6):
        before = len(policy.groups) if hasattr(policy, "groups") else 0
        model.step()
        if waiting is not None and len(policy.groups) > before:
            placed = policy.groups[-1].members
            still = waiting[model.mothers.status[waiting] == Status.ON_ASSISTANCE]
            # The waiting come first (no-shows leave the group in its first month).
            assert np.isin(placed, waiting).sum() + policy.counts["no_shows"] >= min(len(still), 4)
        waiting = policy.waiting.copy() if hasattr(policy, "waiting") else None
    assert (model.record.wide()["peer_group_waiting"] > 0).any()
    assert all(len(g.members) <= 4 for g in policy.groups)


def test_work_experience_places_are_finite():
    """With two places per group, at most two members per group start an internship and the
    others ready for one wait; with places for all, nobody ready is left without one. The
    municipality arranges childcare, so that members with a young child are ready too."""
    def run(places):
        s = scenario([_group(intensive_months=1, internship_months=1, sessions=2,
                             sessions_per_month=1, internship_places=places,
                             acceptance_rate=0.6, arrange_childcare=True)],
                     size=500)
        model = PathwaysModel(s.params(), s.make_policies(), seed=2, horizon_months=10)
        model.run(10)
        return model.record.wide(), len(model.policies[0].groups)

    few, groups = run(2)
    assert 0 < few["peer_group_internship_placements"].sum() <= 2 * groups
    assert few["peer_group_internship_unplaced"].sum() > 0
    enough, _ = run(50)
    assert enough["peer_group_internship_unplaced"].sum() == 0
    assert (enough["peer_group_internship_placements"].sum()
            > few["peer_group_internship_placements"].sum())


def _internship_run(kept: float):
    """A trajectory with a 1-month internship on a frozen ladder: per intern, her step and
    state just before the month her internship ends, and her step just after it."""
    s = scenario([_group(intensive_months=1, internship_months=1, sessions=2,
                         sessions_per_month=1, internship_places=16, acceptance_rate=0.6,
                         internship_completion=0.9, internship_step_kept=kept,
                         groups_per_year=12, group_size=16, selected_per_group=60,
                         arrange_childcare=True)], size=2000)
    s = s.with_values({"ladder_up_base": 0.0, "ladder_down_base": 0.0})
    model = PathwaysModel(s.params(), s.make_policies(), seed=2, horizon_months=10)
    policy, m = model.policies[0], model.mothers
    before, after, eligible = [], [], []
    for _ in range(10):
        ending = [g for g in policy.groups if model.month + 1 - g.start == 1]
        step, free = m.ladder.copy(), (m.status == Status.ON_ASSISTANCE) & ~m.parttime
        model.step()
        for g in ending:
            before.append(step[g.interns])
            eligible.append(free[g.interns] & (m.status[g.interns] == Status.ON_ASSISTANCE)
                            & ~m.parttime[g.interns])
            after.append(m.ladder[g.interns].copy())
    return np.concatenate(before), np.concatenate(after), np.concatenate(eligible)


def test_an_internship_is_a_ladder_step_only_while_it_lasts_unless_she_keeps_it():
    """Step 4 is unpaid work or an internship (docs/model.md): with internship_step_kept 0
    a completed month's internship leaves her on the step she held; with 1 every completer
    below step 4 stays on it (the ladder's own moves are frozen here)."""
    before, after, ok = _internship_run(0.0)
    assert ok.sum() > 40
    assert np.array_equal(after[ok], before[ok])
    before, after, ok = _internship_run(1.0)
    low = ok & (before < 4)
    assert low.sum() > 30
    raised = low & (after == 4)
    # Completers (those who attended, with care, and 0.9 of them) are raised; nobody is
    # moved otherwise.
    assert raised.sum() >= 0.25 * low.sum()
    assert np.array_equal(after[low & ~raised], before[low & ~raised])


def test_an_arranged_place_is_taken_as_far_as_she_trusts_formal_care():
    """Childcare arranged before the start is an offer: a mother who does not trust formal
    care does not take it (004:1058), one who does takes a free place."""
    def arranged(trust: float) -> int:
        s = scenario([_group(arrange_childcare=True, max_child_age_months=48,
                             acceptance_rate=0.6)], size=600)
        s = s.with_values({"childcare_places_per_100_mothers": 40.0})
        model = PathwaysModel(s.params(), s.make_policies(), seed=3, horizon_months=4)
        for _ in range(4):
            model.mothers.trust_childcare[:] = trust  # newcomers too
            model.step()
        return int(model.record.wide()["peer_group_childcare_places_arranged"].sum())

    # Trust set at each month's start still grows within a month for a few (childcare
    # used or met at activities), so distrust leaves almost none, not exactly none.
    none, full = arranged(0.0), arranged(1.0)
    assert full > 10 and none <= 0.1 * full
