"""The link with the social services: who it meets, when, and what it changes."""

from __future__ import annotations

import numpy as np

import simulate
from tests.policies.conftest import scenario

GROUPS = {"peer_groups": {"groups_per_year": 12, "group_size": 8, "sessions": 4,
                          "sessions_per_month": 4.33, "acceptance_rate": 0.5}}


def _run(visits, seed, months=12, **link):
    s = scenario([GROUPS, {"services_link": {"visits": visits, **link}}])
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=seed,
                                   horizon_months=months)
    model.run(months)
    return model


def test_members_are_met_in_their_first_month_and_the_month_after_their_group():
    """Groups of 4 weekly sessions run one month: each member is met at the start in that
    month and (if still on assistance) at the end in the next; never a non-member."""
    model = _run("start_and_end", seed=1, months=6)
    groups, link = model.policies
    members = groups.ever_participants(model.contexts[0])
    met = link.ever_participants(model.contexts[1])
    assert len(members) >= 30 and set(met) <= set(members)
    w = model.record.wide()
    started = w["peer_group_new_members"]
    # Month 1: only starters (no group has ended yet); later months: starters and enders.
    assert w.loc[1, "services_link_met"] == started.loc[1]
    assert (w.loc[2:, "services_link_met"] > started.loc[2:]).all()
    assert np.allclose(w["services_link_cost_eur"], 10.0 * w["services_link_met"])


def test_only_the_end_meets_members_after_their_group():
    model = _run("end", seed=1, months=6)
    w = model.record.wide()
    assert w.loc[1, "services_link_met"] == 0 and w.loc[2:, "services_link_met"].sum() > 0


def test_the_link_raises_members_trust_in_services():
    """Paired over seeds (same seed, same groups): members' mean trust in services after a
    year is higher with the link (one-sided, 4 standard errors)."""
    def trust(visits, seed):
        model = _run(visits, seed, trust_gain_per_visit=0.3)
        ids = model.policies[0].ever_participants(model.contexts[0])
        return model.mothers.trust_services[ids].mean()

    d = np.array([trust("start_and_end", s) - trust("none", s) for s in range(6)])
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(len(d)), d
