"""Early identification in pregnancy: who is identified and when, capacity and the waiting
list, and the early conversations' effects on the women reached (trust, barriers told,
childcare registration, the exemption on request).

The effects are paired per woman: the same seed with and without the programme gives the
same women (arrivals and draws do not depend on policies), so each woman reached is
compared with herself in the baseline run; over seeds, the mean paired difference must
exceed 4 standard errors.
"""

from __future__ import annotations

import numpy as np

import simulate
from simulate.population import NEVER
from tests.policies.conftest import scenario

SEEDS = range(1, 7)


def _pair(settings, months, seed, size=800, values=None):
    """(baseline model, programme model) run for ``months`` on the same seed."""
    out = []
    for policies in ([], [{"early_identification": settings}]):
        s = scenario(policies, size=size).with_values(values or {})
        out.append(simulate.PathwaysModel(s.params(), s.make_policies(), seed=seed,
                                          horizon_months=months).run(months))
    return out


def _paired(settings, months, measure, values=None):
    """Per seed: the mean over women reached of ``measure(model, ids)``, programme less
    baseline; returns the differences."""
    d = []
    for seed in SEEDS:
        base, alt = _pair(settings, months, seed, values=values)
        ids = alt.policies[0].ever_participants(None)
        assert len(ids) > 10
        d.append(measure(alt, ids).mean() - measure(base, ids).mean())
    return np.array(d)


def _clear(d):
    return d.mean() > 4 * d.std(ddof=1) / np.sqrt(len(d))


def test_only_pregnancies_of_women_on_assistance_are_identified_after_the_lag():
    s = scenario([{"early_identification": {"capacity": 500, "identified_share": 1.0,
                                            "identification_lag_months": 3}}], size=800)
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=2, horizon_months=12)
    policy, m = model.policies[0], model.mothers
    known_months = s.params().pregnancy_known_months
    for _ in range(12):
        model.step()
        new = np.flatnonzero(policy.started == model.month)
        known = m.due_month[new] - known_months
        assert (model.month - known >= 3).all()
        assert (m.spell_start[new] <= known).all() and m.pregnant[new].all()
    assert policy.ever.sum() > 20


def test_capacity_is_never_exceeded_and_late_women_leave_the_list():
    s = scenario([{"early_identification": {"capacity": 5, "identified_share": 0.9}}],
                 size=800)
    r = simulate.run(s, reps=1, seed=3, months=18).wide().set_index("month")
    assert (r["early_active"] <= 5).all() and (r["early_active"] == 5).any()
    assert r["early_waiting"].max() > 0 and r["early_too_late"].sum() > 0


def test_women_reached_trust_services_more_and_have_fewer_barriers_untold():
    settings = {"capacity": 200, "identified_share": 0.9}
    trust = _paired(settings, 9, lambda model, ids: model.mothers.trust_services[ids])
    assert _clear(trust), trust

    def untold(model, ids):
        m = model.mothers
        return np.bitwise_count(m.barriers[ids] & ~m.barriers_registered[ids]).astype(float)

    # With most barriers registered at entry (as calibrated) few are left to tell: a base
    # where half go unregistered shows the conversations' effect.
    d = -_paired(settings, 9, untold, values={"barrier_registration_at_entry": 0.5})
    assert _clear(d), d


def test_registering_in_pregnancy_gets_more_women_registered_or_placed():
    # Without the childcare-trust gain, only the registration in pregnancy acts.
    settings = {"capacity": 200, "identified_share": 0.9, "register_in_pregnancy": True,
                "childcare_trust_gain_per_conversation": 0.0}

    def in_childcare(model, ids):
        m = model.mothers
        return ((m.childcare_place[ids] >= 0) | (m.queue_since[ids] != NEVER)).astype(float)

    d = _paired(settings, 12, in_childcare)
    assert _clear(d), d


def test_the_exemption_conversation_changes_requests_in_its_direction():
    """With a high request hazard (so requests are common) and a factor of 0.25, fewer women
    reached have an exemption on request."""
    settings = {"capacity": 200, "identified_share": 0.9, "exemption_request_factor": 0.25,
                "months_after_birth": 12}

    def requested(model, ids):
        return model.mothers.spell_exempt_request[ids].astype(float)

    d = -_paired(settings, 15, requested, values={"exemption_request_hazard": 0.1})
    assert _clear(d), d


def test_the_request_factor_is_reset_when_a_woman_leaves_the_programme():
    s = scenario([{"early_identification": {"capacity": 50, "months_after_birth": 1,
                                            "exemption_request_factor": 0.5}}], size=600)
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=4, horizon_months=18)
    policy, m = model.policies[0], model.mothers
    for _ in range(18):
        model.step()
        on = policy.participants(None)
        assert (m.exemption_request_factor[on] == np.float32(0.5)).all()
        off = np.setdiff1d(np.arange(m.n), on)
        assert (m.exemption_request_factor[off] == 1.0).all()
    assert policy.ever.sum() > len(policy.participants(None))
