"""Offers, the believed net gain and employers' view of arranged care."""

from __future__ import annotations

import numpy as np
import pytest

from simulate.parameters import Params
from simulate.steps.money import believed_gain, benefit, childcare_cost, net_pay
from tests.conftest import make_model


def test_benefit_is_the_norm_less_net_earnings_above_the_disregard():
    p = Params()
    gross = np.array([0.0, 500.0, 1200.0, 3000.0])
    net = p.net_pay_share * gross
    kept = np.minimum(p.earnings_disregard_rate * net, p.earnings_disregard_cap_eur)
    expected = np.maximum(p.assistance_norm_eur - (net - kept), 0.0)
    assert np.allclose(benefit(p, gross), expected)
    assert benefit(p, np.array([0.0]))[0] == p.assistance_norm_eur
    assert benefit(p, np.array([3000.0]))[0] == 0.0


def test_an_unaware_mother_sees_a_loss_in_part_time_work():
    model = make_model(0, size=100)
    p, m = model.params, model.mothers
    ids = np.array([0, 1])
    m.knows_topup[ids] = [True, False]
    hours = np.full(2, p.parttime_hours_per_week)
    earnings = hours * p.weeks_per_month * p.hourly_wage_eur
    gain = believed_gain(model, ids, earnings, hours, np.array([False, False]))
    kept = min(p.earnings_disregard_rate * net_pay(p, earnings[0]), p.earnings_disregard_cap_eur)
    assert gain[0] == pytest.approx(kept)
    assert gain[1] == pytest.approx(net_pay(p, earnings[1]) - p.assistance_norm_eur)
    assert gain[1] < 0 < gain[0]
    # Paying for formal care herself lowers the gain by its cost.
    with_care = believed_gain(model, ids, earnings, hours, np.array([True, True]))
    assert np.allclose(gain - with_care, childcare_cost(p, hours))


def test_the_gain_compares_net_pay_with_the_net_benefit():
    """Earnings enter net (net_pay_share of gross) and assistance is the net norm, so a
    full-time job's gain is net pay less the norm less the childcare she pays."""
    model = make_model(0, size=100)
    p, m = model.params, model.mothers
    ids = np.array([0])
    m.parttime[ids], m.knows_topup[ids] = False, True
    hours = np.array([p.fulltime_hours_per_week])
    earnings = hours * p.weeks_per_month * p.hourly_wage_eur
    assert benefit(p, earnings)[0] == 0.0  # a full job ends assistance
    gain = believed_gain(model, ids, earnings, hours, np.array([True]))
    expected = (p.net_pay_share * earnings[0] - p.assistance_norm_eur
                - p.childcare_net_cost_eur * hours[0] / p.childcare_cost_hours_per_week)
    assert gain[0] == pytest.approx(expected)


def test_policy_modifiers_change_the_believed_gain_as_declared():
    model = make_model(0, size=100)
    p, m = model.params, model.mothers
    ids = np.array([0, 1])
    m.knows_topup[ids], m.parttime[ids] = [True, False], False
    hours = np.array([p.parttime_hours_per_week, p.fulltime_hours_per_week])
    earnings = hours * p.weeks_per_month * p.hourly_wage_eur
    care = np.array([True, True])
    neutral = believed_gain(model, ids, earnings, hours, care)
    # A municipal top-up halves the childcare cost she weighs.
    m.mod_care_cost[ids] = 0.5
    topped = believed_gain(model, ids, earnings, hours, care)
    assert np.allclose(topped - neutral, 0.5 * childcare_cost(p, hours))
    m.mod_care_cost[ids] = 1.0
    # A correction of her belief is added in EUR.
    m.mod_gain_eur[ids] = 80.0
    assert np.allclose(believed_gain(model, ids, earnings, hours, care) - neutral, 80.0)
    m.mod_gain_eur[ids] = 0.0


def _offers(seed=3, **overrides):
    model = make_model(12, seed=seed, size=6000, **overrides)
    return model.record.wide().iloc[1:]


def test_knowing_the_top_up_continues_means_more_part_time_starts():
    aware = _offers(knows_topup_share=1.0)["job_starts_parttime"].sum()
    unaware = _offers(knows_topup_share=0.0)["job_starts_parttime"].sum()
    assert aware > unaware + 4 * np.sqrt(aware + unaware)


def test_arranged_care_lowers_employers_perceived_risk():
    # Many mothers hold a formal place, and employers are wary of the others.
    setting = {"employer_risk_mean": 0.8, "childcare_places_per_100_mothers": 40.0,
               "initial_formal_childcare_share": 0.6}
    kind = _offers(employer_arranged_care_factor=0.0, **setting)["job_offers"].sum()
    wary = _offers(employer_arranged_care_factor=1.0, **setting)["job_offers"].sum()
    assert kind > wary + 4 * np.sqrt(kind + wary)


def test_a_coach_contact_raises_the_offer_chance():
    more = _offers(offer_contact_effect=1.5)["job_offers"].sum()
    none = _offers(offer_contact_effect=0.0)["job_offers"].sum()
    assert more > none + 4 * np.sqrt(more + none)


def _hiring(vacancies_per_100):
    """Many searching mothers with high offer chances, so employers run out of vacancies
    when they are scarce."""
    return make_model(0, seed=6, size=6000, job_offer_base=0.9, search_min_step=1,
                      employer_risk_mean=0.1, inflow_rate_per_month=0.0,
                      vacancies_per_100_mothers=vacancies_per_100)


def _per_employer(model, attribute):
    return np.array([getattr(e, attribute) for e in model.employers])


def test_employers_offer_no_more_than_their_vacancies_and_the_rest_are_counted():
    """The same month with scarce vacancies and with so many that none is short (the
    declared maximum): the mothers who would get an offer are the same (same draws), so
    each employer offers the smaller of what it would offer and its vacancies, and
    ``offers_over_vacancies`` counts the rest."""
    scarce, unlimited = _hiring(2.0), _hiring(1000.0)
    scarce.step()
    unlimited.step()
    wanted = _per_employer(unlimited, "offers_made")
    assert unlimited.record.latest()["offers_over_vacancies"] == 0
    assert unlimited.record.latest()["job_offers"] == wanted.sum()
    assert np.all(wanted <= _per_employer(unlimited, "vacancies"))
    vacancies, made = _per_employer(scarce, "vacancies"), _per_employer(scarce, "offers_made")
    assert np.any(wanted > vacancies)  # the cap binds
    assert np.array_equal(made, np.minimum(wanted, vacancies))
    w = scarce.record.latest()
    assert w["job_offers"] == made.sum()
    assert w["offers_over_vacancies"] == (wanted - made).sum()


def test_the_vacancy_cap_holds_every_month():
    model = _hiring(2.0)
    over = 0
    for _ in range(6):
        model.step()
        made, vacancies = _per_employer(model, "offers_made"), _per_employer(model, "vacancies")
        assert np.all(made <= vacancies)
        assert model.record.latest()["job_offers"] == made.sum()
        over += model.record.latest()["offers_over_vacancies"]
    assert over > 0
