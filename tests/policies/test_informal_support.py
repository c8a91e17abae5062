"""Informal support works through trust, confidence, stress, disclosure and ties, within its
volunteers and commissioned matches.

Direction tests pair a run with the programme against the baseline on the same seed
(common random numbers) and compare the same mothers: those of the month-0 population who
were ever matched (later arrivals can get other ids once exits differ). Over seeds the
mean paired difference must exceed 4 standard errors in the expected direction.
"""

from __future__ import annotations

import numpy as np

import simulate
from tests.policies.conftest import scenario

SEEDS = (1, 2, 3, 4, 5)
SIZE = 400


def _pair(settings: dict, months: int, seed: int, base: dict | None = None, **changes):
    """(baseline model, programme model, ids of month-0 mothers ever matched); with
    ``base``, the baseline runs the programme at those settings; ``changes`` change the
    model's parameters in both."""
    runs = []
    for policies in ([{"informal_support": base}] if base else [], [{"informal_support": settings}]):
        s = scenario(policies, size=SIZE).with_values(changes)
        model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=seed,
                                       horizon_months=0)
        n0 = model.mothers.n
        model.run(months)
        runs.append(model)
    ever = runs[1].policies[0].ever_participants(None)
    return runs[0], runs[1], ever[ever < n0]


def _paired(settings, months, measure, base_settings=None, **changes):
    diffs = []
    for seed in SEEDS:
        base, alt, ids = _pair(settings, months, seed, base_settings, **changes)
        assert len(ids) >= 10, (seed, len(ids))
        diffs.append(measure(alt, ids) - measure(base, ids))
    d = np.array(diffs)
    return d.mean(), d.std(ddof=1) / np.sqrt(len(d))


PLENTY = {"volunteers": 40, "matches_per_year": 120, "signup_per_month": 0.04}


def test_visits_raise_trust_and_confidence_and_lower_stress():
    def mean_of(column):
        return lambda model, ids: float(getattr(model.mothers, column)[ids].mean())

    for column, sign in (("trust_services", 1), ("confidence", 1), ("stress", -1)):
        mean, se = _paired(PLENTY, 12, mean_of(column))
        assert sign * mean > 4 * se, (column, mean, se)


def test_trust_and_visits_lead_to_barriers_being_resolved():
    """A conversation at a visit works as at a coach contact: barriers are told and
    referrals taken up, so the matched mothers are left with fewer barriers without help
    than the same mothers without the programme (in a world where half the barriers go unregistered at
    entry, so there is something to tell); with no disclosure at visits nothing is told or
    taken up."""
    def barriers(model, ids):
        """Barriers she still has without help for them taken up."""
        m = model.mothers
        return int(np.bitwise_count(m.barriers[ids] & ~m.barriers_referred[ids]).sum())

    settings = {**PLENTY, "disclosure_factor": 1.0, "trust_gain_per_visit": 0.05}
    mean, se = _paired(settings, 18, barriers, barrier_registration_at_entry=0.5)
    assert mean < -4 * se, (mean, se)
    _, alt, _ = _pair({**settings, "disclosure_factor": 0.0}, 12, SEEDS[0])
    w = alt.record.wide()
    assert w["informal_support_barriers_told"].sum() == 0
    assert w["informal_support_referrals_taken_up"].sum() == 0


def test_the_volunteer_as_a_tie_pushes_mothers_up_the_ladder():
    """Only the volunteer's tie acts (no trust, confidence, stress, disclosure or lasting
    ties): with it counted as a full tie, the same matches bring more steps up the ladder
    than with it not counted. Ties push hard here (the top of ``ladder_network_effect``'s
    range), so that the test has power; a few steps a seed, so the bound is 3 standard
    errors (one-sided, p < 0.002), as for the disclosure of gender-sensitive coaches."""
    quiet = {**PLENTY, "trust_gain_per_visit": 0.0, "confidence_gain_per_visit": 0.0,
             "stress_relief_per_visit": 0.0, "disclosure_factor": 0.0, "network_people": 0,
             "volunteer_tie_weight": 0.0}
    def steps_up(model, ids):
        return float(model.record.wide()["ladder_up"].sum())
    mean, se = _paired({**quiet, "volunteer_tie_weight": 1.0}, 12, steps_up, base_settings=quiet,
                       ladder_network_effect=1.5)
    assert mean > 3 * se, (mean, se)


def test_completed_matches_leave_lasting_ties_that_can_take_on_care():
    settings = {**PLENTY, "months": 3, "network_people": 6, "lasting_tie_share": 0.5,
                "dropout_per_month": 0.0}
    for seed in SEEDS[:2]:
        base, alt, ids = _pair(settings, 12, seed)
        gained = (alt.mothers.network_ties[ids].astype(int)
                  - base.mothers.network_ties[ids].astype(int))
        assert np.all(gained >= 0) and gained.sum() > 2 * len(ids) * 0.5  # about 3 each
        w = alt.record.wide()
        assert w["informal_support_new_ties"].sum() >= gained.sum()
    # More ties, more chance her network takes on care when a job needs it.
    def arranged(model, ids):
        return int(model.record.wide()["informal_care_arranged"].sum())
    mean, se = _paired({**settings, "network_people": 10, "lasting_tie_share": 0.6}, 24,
                       arranged)
    assert mean > -2.33 * se, (mean, se)


def test_volunteers_and_commissioned_matches_limit_the_programme():
    """Active matches never exceed the volunteers' capacity, new matches never exceed the
    commission, and scarce volunteers leave a waiting list that more volunteers shorten."""
    waiting = {}
    for volunteers in (5, 40):
        s = scenario([{"informal_support": {"volunteers": volunteers, "matches_per_year": 60,
                                            "signup_per_month": 0.03}}], size=SIZE)
        model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=7,
                                       horizon_months=0)
        policy = model.policies[0]
        for _ in range(24):
            model.step()
            assert (policy.start >= 0).sum() <= volunteers
            assert policy.started <= (model.month * 60) // 12
        w = model.record.wide()
        waiting[volunteers] = w["informal_support_waiting"].sum()
        assert w["informal_support_new_matches"].sum() == policy.ever.sum()
    assert waiting[5] > 0 and waiting[40] < waiting[5]


def test_only_first_children_and_low_trust_when_the_programme_says_so():
    s = scenario([{"informal_support": {**PLENTY, "first_child_only": True,
                                        "max_trust_services": 0.4,
                                        "trust_gain_per_visit": 0.0}}], size=SIZE)
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=3, horizon_months=0)
    policy = model.policies[0]
    matched = 0
    for _ in range(12):
        before = model.mothers.trust_services.copy()
        model.step()
        m, new = model.mothers, np.flatnonzero(policy.start == model.month)
        first = (m.n_children[new] == 0) | ((m.n_children[new] == 1) & ~m.pregnant[new])
        assert np.all(first) and np.all(before[new] <= 0.4 + 1e-6)
        matched += len(new)
    assert matched > 5


def test_a_professionals_hours_cost_per_running_match_and_change_nothing_else():
    hours = 2.0
    runs = [simulate.run(scenario([{"informal_support": {"professional_hours_per_match_month": h}}],
                                  size=SIZE), reps=1, seed=4, months=18).wide()
            for h in (0.0, hours)]
    rate = simulate.policies.REGISTRY["informal_support"].parameters[
        "staff_cost_per_hour_eur"].default
    extra = runs[1]["informal_support_cost_eur"] - runs[0]["informal_support_cost_eur"]
    expected = runs[0]["informal_support_active"] * hours * rate
    np.testing.assert_allclose(extra.to_numpy(), expected.to_numpy(), rtol=1e-9)
    assert expected.sum() > 0
    for column in ("on_assistance", "exit_work", "ladder_up"):
        assert runs[0][column].equals(runs[1][column]), column
