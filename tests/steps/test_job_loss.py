"""Job loss and the way back on small worlds where the answer is known: 20,000 mothers in
jobs whose start months are set by the test. Counts must lie within 4 standard errors of
the closed-form chances."""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import Status
from tests.conftest import QUIET, assert_count, make_model

N = 20_000
# No stress events and no informal care to break down: only the job-loss hazard acts.
CALM = dict(QUIET, stress_event_base=0.0, job_loss_on_care_breakdown=0.0,
            pregnancy_hazard_per_month=0.0, exit_followup_months=1000,
            work_followup_months=1000)


def _jobs(status=Status.IN_WORK, job_start=0, seed=5, **overrides):
    """Every mother in a job that started in ``job_start`` (an array or one month): left
    assistance for it (``IN_WORK``) or works part-time on assistance; before month 1."""
    model = make_model(0, seed=seed, size=N, **{**CALM, **overrides})
    m = model.mothers
    ids = np.arange(m.n)
    m.status[ids] = status
    m.parttime[ids] = status == Status.ON_ASSISTANCE
    m.ladder[ids] = 5 if status == Status.ON_ASSISTANCE else 6
    m.job_start[ids] = job_start
    m.exit_month[ids] = job_start if status == Status.IN_WORK else NEVER
    m.earnings_eur[ids] = 900.0
    m.informal_care[ids] = False
    m.n_children[ids], m.youngest_birth_month[ids] = 1, -1  # a baby: care is needed
    m.childcare_place[ids] = ids % 2 - 1  # half hold a place at provider 0
    m.place_reserved[ids] = False
    m.queue_since[ids] = NEVER
    m.return_month[ids] = NEVER
    m.last_sanction[ids] = NEVER
    m.coach[ids] = np.where(status == Status.ON_ASSISTANCE, m.coach[ids], -1)
    return model, ids


def test_the_risk_is_highest_early_and_falls_towards_the_hazard_with_tenure():
    """``hazard (1 + early factor x exp(-tenure / decay))``; a job that starts this month
    is not at risk."""
    h, early, decay = 0.03, 5.0, 2.0
    tenure = np.array([0, 1, 2, 4, 12])
    model, ids = _jobs(job_start=1 - tenure[np.arange(N) % 5], job_loss_hazard=h,
                       job_loss_early_factor=early, job_loss_early_decay_months=decay)
    m = model.mothers
    model.step()
    lost = m.job_start[ids] == NEVER
    for i, k in enumerate(tenure):
        group = ids % 5 == i
        chance = 0.0 if k == 0 else h * (1 + early * np.exp(-k / decay))
        assert_count(int(lost[group].sum()), np.full(int(group.sum()), chance))
    assert model.record.latest()["job_losses"] == lost.sum()


def test_a_stress_event_multiplies_the_risk():
    """Tenure of 100 months: the early part is gone, so the risk is the hazard, times the
    stress-event factor in a month with an event (here every followed mother has one)."""
    h, factor = 0.04, 2.5
    for chance, expected in ((0.0, h), (1.0, h * factor)):
        model, ids = _jobs(job_start=-99, job_loss_hazard=h, job_loss_stress_event_factor=factor,
                           stress_event_base=chance, stress_event_debt_factor=1.0)
        model.step()
        assert model.record.latest()["stress_events"] == (N if chance else 0)
        assert_count(int(np.count_nonzero(model.mothers.job_start[ids] == NEVER)),
                     np.full(N, expected))


def test_losing_a_part_time_job_keeps_her_on_assistance_without_earnings():
    model, ids = _jobs(status=Status.ON_ASSISTANCE, job_loss_hazard=1.0, job_loss_ladder_step=3)
    p, m = model.params, model.mothers
    model.step()
    assert np.all(m.status[ids] == Status.ON_ASSISTANCE) and not m.parttime[ids].any()
    assert np.all(m.ladder[ids] == 3) and np.all(m.earnings_eur[ids] == 0)
    assert np.all(m.job_start[ids] == NEVER) and np.all(m.return_month[ids] == NEVER)
    assert np.array_equal(m.childcare_place[ids], ids % 2 - 1)  # she keeps her place
    w = model.record.latest()
    assert w["job_losses"] == N and w["on_assistance"] == N and w["parttime_working"] == 0
    assert w["benefit_spending_eur"] == N * p.assistance_norm_eur  # the full norm again


def test_losing_a_full_job_schedules_a_return_or_ends_the_follow_up():
    """Each mother returns with the declared probability, after a geometric delay with the
    declared mean; the others find other income and are no longer followed. The return
    comes in its month, on the declared ladder step."""
    share, delay = 0.7, 4.0
    model, ids = _jobs(job_loss_hazard=1.0, return_after_job_loss=share,
                       return_after_job_loss_delay_months=delay, job_loss_ladder_step=3,
                       ladder_up_base=0.0, ladder_down_base=0.0)
    m = model.mothers
    model.step()
    assert model.record.latest()["job_losses"] == N
    assert np.all(m.job_start[ids] == NEVER) and np.all(m.earnings_eur[ids] == 0)
    assert np.all(m.childcare_place[ids] == -1)  # the place went with the job
    jobless = m.status[ids] == Status.JOBLESS
    assert np.all(m.status[ids][~jobless] == Status.NOT_FOLLOWED)
    assert np.all(m.return_month[ids][~jobless] == NEVER)
    assert_count(int(jobless.sum()), np.full(N, share))
    wait = (m.return_month[ids][jobless] - 1).astype(float)
    assert wait.min() >= 1
    assert abs(wait.mean() - delay) < 4 * wait.std(ddof=1) / np.sqrt(len(wait))

    due = ids[jobless & (m.return_month[ids] == 2)]
    assert len(due) > 0
    model.step()
    assert np.all(m.status[due] == Status.ON_ASSISTANCE) and np.all(m.ladder[due] == 3)
    assert np.all(m.returning[due]) and np.all(m.spell_start[due] == 2)
    still = ids[jobless & (m.return_month[ids] > 2)]
    assert np.all(m.status[still] == Status.JOBLESS)
    assert model.record.latest()["returns_after_job_loss"] == len(due)


def test_the_follow_up_of_a_job_ends_after_work_followup_months():
    """In month 1, jobs that began ``F`` months ago are still followed (and at risk: the
    hazard is 1); those that began ``F + 1`` months ago are no longer followed, without a
    job loss, and give up their place."""
    months = 24
    start = 1 - months - np.arange(N) % 2  # even ids: F months ago; odd ids: F + 1
    model, ids = _jobs(job_start=start, job_loss_hazard=1.0, work_followup_months=months,
                       return_after_job_loss=1.0)
    m = model.mothers
    model.step()
    ended = ids % 2 == 1
    assert np.all(m.status[ids][ended] == Status.NOT_FOLLOWED)
    assert np.all(m.job_start[ids][ended] == start[ended])  # not a job loss
    assert np.all(m.childcare_place[ids][ended] == -1)
    assert np.all(m.status[ids][~ended] == Status.JOBLESS)
    w = model.record.latest()
    assert w["job_losses"] == np.count_nonzero(~ended) and w["in_work"] == 0
