"""Part-time work alongside assistance, duration dependence, the infant and sanction
effects on search: one month of many mothers whose state is set by the test, so that the
chance of each event is known. Counts must lie within 4 standard errors of it."""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import Education, Status
from tests.conftest import QUIET, assert_count, make_model

N = 20_000
# Offers with any gain above a euro or two are accepted, never fail on childcare (no child needs care),
# vacancies never run out and no coach contact changes the chance.
EASY = dict(QUIET, offer_acceptance=1.0, acceptance_gain_reference_eur=0.0,
            acceptance_gain_scale_eur=1.0, vacancies_per_100_mothers=1000.0,
            coach_client_time_share=0.0, stress_event_base=0.0,
            pregnancy_hazard_per_month=0.0, exemption_other_hazard=0.0,
            exemption_request_hazard=0.0, exemption_health_hazard=0.0,
            exemption_care_hazard=0.0, ladder_up_base=0.0, ladder_down_base=0.0,
            offer_working_tie_effect=0.0, duration_dependence_floor=1.0)


def _world(ladder=3, seed=2, **overrides):
    """Mothers with the reference profile of the offer chances (mbo, confidence 0.5, no
    barriers, a child of school age), at ``ladder``; returns the model before month 1."""
    model = make_model(0, seed=seed, size=N, **{**EASY, **overrides})
    m = model.mothers
    ids = np.arange(m.n)
    m.status[ids] = Status.ON_ASSISTANCE
    m.ladder[ids] = ladder
    m.education[ids] = Education.MBO_OR_LOWER
    m.confidence[ids] = m.confidence_own[ids] = 0.5
    m.barriers[ids] = m.barriers_registered[ids] = m.barriers_referred[ids] = 0
    m.n_children[ids], m.youngest_birth_month[ids] = 1, -120   # ten years old
    m.pregnant[ids], m.due_month[ids] = False, NEVER
    m.exempt[ids] = False
    m.parttime[ids] = False
    m.knows_topup[ids] = True
    m.duration_since[ids] = 1
    m.last_sanction[ids] = NEVER
    return model, ids


def test_mothers_at_organised_activities_are_offered_part_time_work_at_the_declared_rate():
    """Below the step where mothers search, only part-time work is offered: every accepted
    offer makes her a part-time worker on assistance at ladder step 5."""
    base = 0.05
    model, ids = _world(ladder=3, job_offer_base=0.5, parttime_offer_base=base)
    model.step()
    m = model.mothers
    started = m.parttime[ids]
    assert_count(int(started.sum()), np.full(N, base))
    assert np.all(m.ladder[ids][started] == 5)
    assert np.all(m.status[ids][started] == Status.ON_ASSISTANCE)
    w = model.record.latest()
    assert w["job_starts_parttime"] == started.sum() and w["exit_work"] == 0


def test_no_part_time_offer_below_the_declared_step():
    model, ids = _world(ladder=2, parttime_offer_base=0.5, parttime_min_step=3)
    model.step()
    assert not model.mothers.parttime[ids].any()


def test_part_time_workers_search_for_a_regular_job_at_the_stepping_stone_factor():
    """A mother in part-time work is offered a regular job at job_offer_base x
    parttime_search_factor, at any step; a regular job ends assistance."""
    base, factor = 0.1, 1.8
    model, ids = _world(ladder=5, job_offer_base=base, parttime_search_factor=factor,
                        employer_flexible_share_mean=1e-6)
    m = model.mothers
    m.parttime[ids] = True
    m.job_start[ids] = -50
    m.earnings_eur[ids] = 400.0
    model.step()
    left = m.status[ids] == Status.IN_WORK
    assert_count(int(left.sum()), np.full(N, base * factor))
    w = model.record.latest()
    assert w["exit_work_from_parttime"] == w["exit_work"] == left.sum()


def test_offers_fall_with_months_on_assistance_and_rise_after_a_sanction():
    base = 0.08
    model, ids = _world(ladder=4, job_offer_base=base, parttime_offer_base=0.0,
                        employer_flexible_share_mean=1e-6, duration_dependence_floor=0.3,
                        duration_dependence_months=12.0, sanction_search_effect=2.0,
                        sanction_effect_months=6)
    m = model.mothers
    group = ids % 4
    m.duration_since[ids[group == 1]] = 1 - 36                      # three years on
    m.last_sanction[ids[group == 2]] = -2                           # sanctioned 3 months ago
    m.last_sanction[ids[group == 3]] = -9                           # ... 10 months ago
    model.step()
    expected = {0: base, 1: base * (0.3 + 0.7 * np.exp(-3.0)), 2: base * 2.0, 3: base}
    left = m.status[ids] == Status.IN_WORK
    for g, chance in expected.items():
        assert_count(int(left[group == g].sum()), np.full(int((group == g).sum()), chance))


def test_an_infant_lowers_the_chance_of_an_offer():
    base = 0.2
    model, ids = _world(ladder=4, job_offer_base=base, parttime_offer_base=0.0,
                        employer_flexible_share_mean=1e-6, employer_risk_mean=1e-6,
                        infant_search_factor=0.4, infant_age_months=12,
                        childcare_need_age_months=0)
    m = model.mothers
    m.youngest_birth_month[ids] = -3
    model.step()
    assert_count(int(np.count_nonzero(m.status[ids] == Status.IN_WORK)), np.full(N, base * 0.4))


def test_a_return_after_a_short_break_continues_the_months_on_assistance():
    """Leave in month 1, back in month 2: with a break of 6 months allowed her months on
    assistance count on from before (less the month away); with none they start again."""
    for allowed, continues in ((6, True), (0, False)):
        model = make_model(0, seed=3, size=3000, **{**QUIET, "other_exit_hazard": 0.3,
                                                     "return_other_hazard": 1.0,
                                                     "duration_break_months": allowed,
                                                     "exit_followup_months": 1000})
        m = model.mothers
        m.duration_since[: m.n] = -40
        model.run(2)
        back = np.flatnonzero(m.returning[: m.n] & (m.status[: m.n] == Status.ON_ASSISTANCE)
                              & (m.spell_start[: m.n] == 2))
        assert len(back) > 100
        expected = -39 if continues else 2
        assert np.all(m.duration_since[back] == expected)


def test_part_time_work_is_lost_at_the_declared_factor():
    h, factor = 0.02, 3.0
    model, ids = _world(ladder=5, job_offer_base=0.0, parttime_offer_base=0.0,
                        job_loss_hazard=h, job_loss_early_factor=0.0,
                        parttime_job_loss_factor=factor, job_loss_on_care_breakdown=0.0)
    m = model.mothers
    m.parttime[ids] = True
    m.job_start[ids] = -50
    m.earnings_eur[ids] = 400.0
    model.step()
    assert_count(int(np.count_nonzero(~m.parttime[ids])), np.full(N, h * factor))


def test_working_mothers_on_informal_care_register_for_a_place_more_readily():
    """Registration: childcare_register_prob x trust in formal care, times
    informal_care_register_factor for a working mother on informal care."""
    prob, factor, trust = 0.05, 3.0, 0.5
    model, ids = _world(ladder=3, parttime_offer_base=0.0, childcare_register_prob=prob,
                        informal_care_register_factor=factor, childcare_places_per_100_mothers=0.0,
                        informal_care_breakdown_hazard=0.0)
    m = model.mothers
    m.youngest_birth_month[ids] = -12              # a one-year-old needs care
    m.trust_childcare[ids] = trust
    m.queue_since[ids], m.childcare_place[ids] = NEVER, -1
    working = ids % 2 == 0
    m.parttime[ids[working]] = True
    m.ladder[ids[working]] = 5
    m.job_start[ids[working]] = -50
    m.informal_care[ids] = working
    model.step()
    registered = m.queue_since[ids] == model.month
    assert_count(int(registered[working].sum()),
                 np.full(int(working.sum()), prob * trust * factor))
    assert_count(int(registered[~working].sum()), np.full(int((~working).sum()), prob * trust))
