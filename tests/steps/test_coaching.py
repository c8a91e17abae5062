"""Contact, disclosure, lapses and sanctions on small worlds where the answer is known."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.states import Barrier, Status
from simulate.steps.coaching import _assign, least_loaded
from tests.conftest import make_model

NO_EXITS = {"study_exit_hazard": 0.0, "partner_exit_hazard": 0.0, "other_exit_hazard": 0.0,
            "job_offer_base": 0.0, "parttime_offer_base": 0.0, "inflow_rate_per_month": 0.0,
            "info_lapse_hazard": 0.0, "no_show_hazard": 0.0}


def _noticed_share(caseload: float, seed: int = 3) -> tuple[float, float, int]:
    model = make_model(12, seed=seed, size=6000, regular_caseload_target=caseload,
                       regular_caseload_max=int(caseload) + 1, lapse_hazard=0.05,
                       lapse_low_trust_effect=0.0, lapse_stress_effect=0.0,
                       exemption_at_entry_share=0.0, exemption_request_hazard=0.0,
                       exemption_health_hazard=0.0, exemption_care_hazard=0.0,
                       exemption_other_hazard=0.0, exempt_contact_factor=1.0, **NO_EXITS)
    w = model.record.wide().iloc[1:]
    return w["lapses_noticed"].sum() / w["lapses"].sum(), w["lapses"].sum(), model


def test_lower_caseloads_notice_more_lapses_at_the_rate_contact_gives():
    p = make_model(0).params
    shares = {}
    for caseload in (150.0, 50.0):
        share, lapses, model = _noticed_share(caseload)
        rate = model.coaches.contacts[0] / caseload
        contact = 1 - np.exp(-rate)
        expected = (p.lapse_admin_check_rate
                    + (1 - p.lapse_admin_check_rate) * p.lapse_notice_per_contact * contact)
        se = np.sqrt(expected * (1 - expected) / lapses)
        assert abs(share - expected) < 4 * se, (caseload, share, expected)
        shares[caseload] = share
    assert shares[50.0] > shares[150.0]


def test_a_sanction_cuts_the_benefit_in_the_spending():
    cut = 0.3
    model = make_model(3, seed=1, size=3000, lapse_hazard=0.2, lapse_admin_check_rate=1.0,
                       sanction_benefit_cut_share=cut, sanction_months=1, **NO_EXITS)
    w = model.record.wide()
    norm = model.params.assistance_norm_eur
    for t in (1, 2, 3):
        assert w.at[t, "sanctioned"] > 0
        expected = norm * (w.at[t, "on_assistance"] - cut * w.at[t, "sanctioned"])
        assert w.at[t, "benefit_spending_eur"] == pytest.approx(expected, rel=1e-9)


def test_exempt_mothers_keep_the_information_duty_but_not_the_work_obligation():
    model = make_model(0, seed=2, size=4000, **{**NO_EXITS, "lapse_hazard": 0.1,
                                                "info_lapse_hazard": 0.05, "no_show_hazard": 0.0,
                                                "info_admin_check_rate": 0.5,
                                                "return_noncooperation_share": 0.0},
                       exemption_at_entry_share=0.5, exemption_renewal_prob=1.0)
    m = model.mothers
    for _ in range(6):
        model.step()
        # No breach of a work obligation they do not have, so no sanctions (exemptions
        # change before the lapses of a month, not after) ...
        n = m.n
        sanctioned = m.last_sanction[:n] == model.month
        assert sanctioned.any() and not (sanctioned & m.exempt[:n]).any()
    w = model.record.wide().iloc[1:]
    # ... but unmet information duties, noticed, stop the benefit of anyone.
    assert w["info_lapses"].sum() > 0
    assert w["exit_noncooperation"].sum() == w["info_lapses_noticed"].sum() > 0


def test_an_unmet_information_duty_is_noticed_at_the_declared_rate():
    """Without contact (no coaches have time), a lapse is noticed by data matching alone."""
    admin = 0.3
    model = make_model(6, seed=5, size=8000, **{**NO_EXITS, "info_lapse_hazard": 0.05, "no_show_hazard": 0.0,
                                                "info_admin_check_rate": admin,
                                                "return_noncooperation_share": 0.0},
                       coach_client_time_share=0.0)
    w = model.record.wide().iloc[1:]
    lapses, noticed = w["info_lapses"].sum(), w["info_lapses_noticed"].sum()
    se = np.sqrt(admin * (1 - admin) / lapses)
    assert abs(noticed / lapses - admin) < 4 * se


@pytest.mark.parametrize("trust", [0.2, 0.5, 0.9])
def test_detection_rises_with_trust_as_declared(trust):
    """With trust held fixed, a contact detects each unregistered barrier with probability
    base x (1 + effect x (2 trust - 1))."""
    model = make_model(0, seed=7, size=20_000, barrier_registration_at_entry=0.0,
                       trust_gain_per_contact=0.0, psych_reversion_per_month=0.0,
                       regular_caseload_target=10.0, regular_caseload_max=11,
                       barrier_debts_resolution=0.0, **NO_EXITS)
    m = model.mothers
    n = m.n
    m.trust_services[:n] = trust
    m.trust_services_own[:n] = trust
    debts = np.uint8(1 << Barrier.DEBTS)
    had = (m.barriers[:n] & debts) != 0
    model.step()
    met = m.contacted[:n] & had
    detected = (m.barriers_registered[:n] & debts) != 0
    p = model.params
    expected = p.barrier_detection_per_contact * (1 + p.disclosure_trust_effect * (2 * trust - 1))
    share = detected[met].mean()
    se = np.sqrt(expected * (1 - expected) / met.sum())
    assert abs(share - expected) < 4 * se


def test_only_referrals_taken_up_resolve():
    model = make_model(6, seed=3, size=3000, referral_uptake_per_contact=0.0,
                       barrier_registration_at_entry=1.0, barrier_debts_resolution=1.0,
                       barrier_health_resolution=1.0, barrier_language_resolution=1.0,
                       barrier_care_resolution=1.0, **NO_EXITS)
    w = model.record.wide()
    assert w["barriers_resolved"].sum() == 0 and w["referrals_taken_up"].sum() == 0
    model = make_model(6, seed=3, size=3000, referral_uptake_per_contact=1.0,
                       disclosure_trust_effect=0.0, barrier_registration_at_entry=1.0,
                       barrier_debts_resolution=1.0, barrier_health_resolution=1.0,
                       barrier_language_resolution=1.0, barrier_care_resolution=1.0, **NO_EXITS)
    w = model.record.wide()
    # Every contacted mother takes up her referrals; they resolve in the same month.
    assert w["referrals_taken_up"].sum() == w["barriers_resolved"].sum() > 0


def test_regular_coaches_follow_the_caseload_target_and_cost_money():
    model = make_model(1, size=1200, regular_caseload_target=100.0,
                       regular_coach_cost_per_month_eur=7000.0)
    w = model.record.wide()
    assert w.at[1, "regular_coaches"] == 12
    assert w.at[1, "regular_coach_cost_eur"] == 12 * 7000.0
    assert w.at[1, "regular_coach_hours"] == 12 * model.params.coach_hours_per_month


def test_a_lower_caseload_lever_hires_coaches_at_month_0():
    from simulate.model import PathwaysModel
    from simulate.parameters import Params
    base = Params.from_overrides({"size": 1200, "burn_in_months": 6})
    alt = base.replace(regular_caseload_target=60.0)
    a = PathwaysModel(alt, seed=1, burn_in_params=base)
    b = PathwaysModel(base, seed=1)
    # Identical worlds at month 0 (same burn-in), then twice the coaches.
    assert np.array_equal(a.mothers.status[: a.mothers.n], b.mothers.status[: b.mothers.n])
    assert a.record.latest()["regular_coaches"] == 20 and b.record.latest()["regular_coaches"] == 10
    assert Status.ON_ASSISTANCE in set(a.mothers.status[: a.mothers.n])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=0, max_size=12),
       st.integers(0, 300))
def test_least_loaded_matches_one_newcomer_at_a_time(workers, k):
    """Each newcomer in turn joins the least-loaded worker with room (ties to the lower
    index), exactly as a loop over newcomers would place them."""
    load = np.array([w[0] for w in workers], dtype=np.int64)
    capacity = np.array([w[1] for w in workers], dtype=np.int64)
    expected, current = [], load.copy()
    for _ in range(k):
        room = np.flatnonzero(current < capacity)
        if len(room) == 0:
            break
        pick = room[np.argmin(current[room])]
        expected.append(pick)
        current[pick] += 1
    assert least_loaded(load, capacity, k).tolist() == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(lambda k: st.tuples(
    st.just(k),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=k, max_size=4 * k),
    st.lists(st.integers(0, k - 1), max_size=120))))
def test_compiled_assignment_is_least_loaded_within_each_replicate(case):
    """The compiled assignment of a batch (coaches stacked in equal blocks, mothers of
    several replicates mixed) makes, replicate by replicate, the choices of
    least_loaded among that replicate's own coaches, and counts the new clients."""
    k, workers, owners = case
    per = len(workers) // k
    load = np.array([w[0] for w in workers[: per * k]], dtype=np.int64)
    capacity = np.array([w[1] for w in workers[: per * k]], dtype=np.int64)
    pool = np.flatnonzero(np.arange(len(load)) % 3 != 1)  # some coaches take nobody new
    ids = np.arange(100, 100 + len(owners), dtype=np.int64)
    of_id = np.array(owners, dtype=np.int64)
    expected_got, expected_coach, expected_load = [], [], load.copy()
    for r in range(k):
        who, mine = ids[of_id == r], pool[pool // per == r]
        chosen = mine[least_loaded(load[mine], capacity[mine], len(who))]
        expected_got += who[: len(chosen)].tolist()
        expected_coach += chosen.tolist()
        expected_load += np.bincount(chosen, minlength=len(load))
    new_load = load.copy()
    got, coach = _assign(ids, of_id, pool, pool // per, new_load, capacity, k)
    assert got.tolist() == expected_got and coach.tolist() == expected_coach
    assert np.array_equal(new_load, expected_load)


def test_trust_never_passes_full_whatever_the_coachs_multiplier():
    """A contact closes at most the whole gap to full trust: with a gain per contact of
    1 and a multiplier of 3, trust reaches 1 and stays there (it overshot, then went
    negative, before)."""
    from simulate.steps.coaching import contact

    model = make_model(1, size=300, trust_gain_per_contact=1.0)
    m = model.mothers
    ids = m.ids_where(Status.ON_ASSISTANCE)[:100]
    for month in range(3):
        contact(model, ids, 3.0, lambda names, who, month=month: {
            n: model.streams.uniform(f"test:{n}", month, who) for n in names})
    assert np.all(m.trust_services[ids] == 1.0)
