"""Rotterdam's project workers and start meetings (004): capacity, costs and directions.

Directional tests pair replicates on common random numbers: the mean paired difference
must exceed 4 standard errors where an effect must exist (REPS replicates).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import simulate
from simulate.agents import ProjectWorkerAgent
from simulate.compare import compare
from simulate.population import NEVER
from tests.policies.conftest import scenario

REPS = 6


def _paired(base_policies, alt_policies, outcome, months=12, size=600, first=1):
    """Paired differences (alt - base) of ``outcome`` summed over months >= first, or, for
    an outcome ending in "@end", its value in the last month."""
    base = scenario(base_policies, size=size).with_changes(name="base")
    alt = scenario(alt_policies, size=size).with_changes(name="alt")
    w = compare(base, [alt], reps=REPS, seed=7, months=months).result.wide()
    if outcome.endswith("@end"):
        v = w[w.month == months].set_index(["scenario", "replicate"])[outcome[:-4]]
    else:
        v = w[w.month >= first].groupby(["scenario", "replicate"], observed=True)[outcome].sum()
    return v["alt"].to_numpy() - v["base"].to_numpy()


def _above(d, k=4.0):
    return d.mean() > k * d.std(ddof=1) / np.sqrt(len(d))


def _run(policies, months=18, size=600, seed=3):
    return simulate.run(scenario(policies, size=size), reps=1, seed=seed,
                        months=months).wide().set_index("month").loc[1:]


# ---- project workers ----------------------------------------------------------------------
def test_project_workers_are_mesa_agents_with_their_hours_and_clients():
    s = scenario([{"project_workers": {"workers": 3, "clients_per_worker": 50}}])
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=1, horizon_months=2)
    model.run(2)
    workers = list(model.agents_by_type[ProjectWorkerAgent])
    assert len(workers) == 3 and all(w.clients_max == 50 for w in workers)
    assert workers[0].contact_capacity == 130 * 0.4 / 1.5


def test_project_worker_caseloads_and_the_jobcoach_stay_within_capacity_and_queues_show():
    w = _run([{"project_workers": {"workers": 2, "clients_per_worker": 40,
                                   "jobcoach_clients": 5}}])
    assert (w["project_workers_active"] <= 80).all()
    assert (w["project_worker_caseload_mean"] <= 40).all()
    assert (w["jobcoach_clients"] <= 5).all() and (w["jobcoach_clients"] > 0).any()
    assert (w["project_workers_waiting"] > 0).all() and (w["jobcoach_waiting"] > 0).any()
    assert (w["project_workers_reached"].diff().dropna() >= 0).all()


def test_project_worker_cost_is_their_posts_and_the_jobcoach_share():
    w = _run([{"project_workers": {"workers": 3, "hours_per_month": 65, "jobcoach_fte": 0.5,
                                   "cost_per_fte_month_eur": 6000}}], months=3)
    assert np.allclose(w["project_workers_cost_eur"], (3 * 0.5 + 0.5) * 6000)


def test_project_workers_add_contacts_that_build_trust_and_get_barriers_told():
    on = [{"project_workers": {"workers": 3}}]
    assert _above(_paired([], on, "mean_trust_services@end"))
    assert _above(_paired([], on, "barriers_detected"))


def test_the_jobcoach_brings_more_exits_to_work():
    base = [{"project_workers": {"workers": 3, "jobcoach_offer_boost": 1.0,
                                 "jobcoach_clients": 40}}]
    alt = [{"project_workers": {"workers": 3, "jobcoach_offer_boost": 3.0,
                                "jobcoach_clients": 40}}]
    assert _above(_paired(base, alt, "exit_work", months=18, size=800))


def test_project_worker_aftercare_lowers_job_loss():
    base = [{"project_workers": {"workers": 3, "aftercare_months": 12,
                                 "aftercare_job_loss_reduction": 0.1, "jobcoach_offer_boost": 3.0}}]
    alt = [{"project_workers": {"workers": 3, "aftercare_months": 12,
                                "aftercare_job_loss_reduction": 0.6, "jobcoach_offer_boost": 3.0}}]
    assert _above(-_paired(base, alt, "job_losses", months=24, size=800))


# ---- start meetings -----------------------------------------------------------------------
def test_invitations_are_finite_and_only_those_invited_come():
    w = _run([{"start_meetings": {"meetings_per_year": 12, "invitations_per_meeting": 10}}])
    assert (w["start_meetings_held"] == 1).all()
    assert (w["start_meeting_invited"] == 10).all()
    assert (w["start_meeting_attended"] <= w["start_meeting_invited"]).all()
    assert (w["start_meetings_waiting"] > 0).all()
    assert w["start_meetings_reached"].iloc[-1] == w["start_meeting_attended"].sum()


def test_start_meeting_cost_is_meetings_and_children_minded():
    w = _run([{"start_meetings": {"cost_per_meeting_eur": 1000,
                                  "childcare_cost_per_child_eur": 30}}])
    assert np.allclose(w["start_meetings_cost_eur"], 1000 * w["start_meetings_held"]
                       + 30 * w["start_meeting_children_minded"])
    assert (w["start_meeting_children_minded"] <= w["start_meeting_attended"]).all()
    assert (w["start_meeting_children_minded"] > 0).any()


def test_childcare_on_site_and_the_obligation_bring_more_mothers():
    on_site = [{"start_meetings": {"childcare_on_site": True}}]
    own = [{"start_meetings": {"childcare_on_site": False}}]
    assert _above(_paired(own, on_site, "start_meeting_attended"))
    exempt_stays = [{"start_meetings": {"attendance_exempt_factor": 0.2}}]
    exempt_comes = [{"start_meetings": {"attendance_exempt_factor": 1.0}}]
    assert _above(_paired(exempt_stays, exempt_comes, "start_meeting_attended"))


def test_trusting_mothers_come_more_often():
    """With a strong trust effect, mothers who came trusted services more at month 0 than
    those invited who never came (seeded, 4 standard errors)."""
    s = scenario([{"start_meetings": {"attendance_trust_effect": 1.0, "max_invitations": 1,
                                      "meetings_per_year": 24}}], size=1000)
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=2, horizon_months=12)
    trust0 = model.mothers.trust_services[: model.mothers.n].copy()
    model.run(12)
    policy = model.policies[0]
    n = len(trust0)
    came = np.flatnonzero(policy.attended[:n] != NEVER)
    stayed = np.flatnonzero((policy.invitations[:n] > 0) & (policy.attended[:n] == NEVER))
    a, b = trust0[came], trust0[stayed]
    se = np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    assert a.mean() - b.mean() > 4 * se


def test_start_meetings_build_trust_and_confidence_and_get_barriers_told():
    on = [{"start_meetings": {"meetings_per_year": 24}}]
    assert _above(_paired([], on, "mean_trust_services@end"))
    assert _above(_paired([], on, "barriers_detected"))


def test_an_expert_by_experience_raises_confidence_more():
    without = [{"start_meetings": {"meetings_per_year": 24, "expert_share": 0.0,
                                   "expert_effect": 3.0}}]
    with_ = [{"start_meetings": {"meetings_per_year": 24, "expert_share": 1.0,
                                 "expert_effect": 3.0}}]
    assert _above(_paired(without, with_, "mean_confidence@end"))


def test_project_workers_take_their_clients_from_the_start_meetings():
    s = scenario([{"start_meetings": {}},
                  {"project_workers": {"recruitment": "start_meetings"}}])
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=4, horizon_months=12)
    model.run(12)
    meetings, workers = model.policies
    clients = workers.ever_participants(None)
    assert len(clients) > 0
    assert np.isin(clients, meetings.ever_participants(None)).all()


# ---- dedicated coaches who keep their regular clients -----------------------------------
def test_dedicated_coaches_who_keep_their_regular_clients_mark_a_pool_and_change_nothing_else():
    """Not exclusive (004:278): mothers join the programme up to coaches x caseload but keep
    their regular coach, so by itself the module leaves the run bit for bit unchanged and
    charges only its overhead."""
    base = simulate.run(scenario([]), reps=1, seed=3, months=12)
    mixed = simulate.run(scenario([{"dedicated_coaches": {
        "coaches": 3, "caseload": 30, "exclusive": False, "overhead_eur_per_month": 500}}]),
        reps=1, seed=3, months=12)
    pd.testing.assert_frame_equal(mixed.spells, base.spells)
    w = mixed.wide().set_index("month").loc[1:]
    # Places refill at the month's start; some leave assistance during the month.
    assert w["dedicated_participants"].between(75, 90).all()
    assert (w["dedicated_caseload_max"] <= 30).all()
    assert np.allclose(w["dedicated_coaches_cost_eur"], 500)
    assert (w["coach_contacts"].to_numpy() == base.wide().set_index("month").loc[1:][
        "coach_contacts"].to_numpy()).all()


def test_start_meetings_invite_the_dedicated_coaches_pool_only():
    s = scenario([{"dedicated_coaches": {"coaches": 3, "caseload": 30, "exclusive": False}},
                  {"start_meetings": {"recruitment": "dedicated_coaches"}}])
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=4, horizon_months=12)
    model.run(12)
    coaches, meetings = model.policies
    invited = np.flatnonzero(meetings.invitations > 0)
    assert len(invited) > 0
    assert np.isin(invited, coaches.ever_participants(None)).all()


def test_editing_a_project_worker_agent_changes_what_the_model_does():
    s = scenario([{"project_workers": {"workers": 2, "clients_per_worker": 60}}])
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=1, horizon_months=4)
    for worker in model.agents_by_type[ProjectWorkerAgent]:
        worker.clients_max = 10
    model.run(2)
    assert model.record.wide()["project_workers_active"].max() <= 20
