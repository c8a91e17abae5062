"""Support groups after a peer group: who joins, when they meet, what they change."""

from __future__ import annotations

import numpy as np

import simulate
from tests.policies.conftest import scenario

GROUPS = {"peer_groups": {"groups_per_year": 12, "group_size": 8, "sessions": 4,
                          "sessions_per_month": 4.33, "acceptance_rate": 0.5,
                          "tie_per_month": 0.0}}


def _run(seed, months=12, **support):
    s = scenario([GROUPS, {"support_group": {"meetings_per_year": 6, **support}}])
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=seed,
                                   horizon_months=months)
    model.run(months)
    return model


def test_former_members_form_support_groups_that_meet_six_times_a_year():
    model = _run(seed=1, months=8)
    groups, support = model.policies
    members = set(groups.ever_participants(model.contexts[0]))
    joined = support.ever_participants(model.contexts[1])
    assert len(joined) > 20 and set(joined) <= members
    for g in support.groups:
        assert len(np.intersect1d(g.members, groups.participants(model.contexts[0]))) == 0
    # Each support group meets every other month from its second month: k = 1, 3, 5, ...
    assert [support.meets(k) for k in range(13)] == [k % 2 == 1 and k < 12 for k in range(13)]
    w = model.record.wide()
    assert (w["support_group_attendees"] <= w["support_group_members"]).all()
    assert w["support_group_attendees"].sum() > 0


def test_support_group_ties_only_within_one_support_group():
    """With no ties formed in the peer groups, every tie is a support group's and joins two
    members of the same support group."""
    model = _run(seed=2, months=12, tie_per_meeting=0.3)
    support = model.policies[1]
    a, b, group, _ = model.network.edges()
    assert len(a) > 0
    by_id = {g.network_id: set(g.members) for g in support.groups}
    assert all(x in by_id[k] and y in by_id[k] for x, y, k in zip(a, b, group))


def test_a_professional_s_support_keeps_more_members_coming():
    """Paired over seeds: more attendances over a year with support (one-sided, 4 standard
    errors), at a cost per meeting."""
    def attended(support, seed):
        w = _run(seed, professional_support=support, attendance_decay=0.3).record.wide()
        return w["support_group_attendees"].sum()

    d = np.array([attended(True, s) - attended(False, s) for s in range(6)])
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(len(d)), d


def test_support_groups_leave_former_members_more_ties():
    """Paired over seeds, with ties formed in the peer groups too: a year on, former members
    hold more peer ties with support groups than without (one-sided, 4 standard errors)."""
    def ties(per_year, seed):
        s = scenario([{"peer_groups": {**GROUPS["peer_groups"], "tie_per_month": 0.15}},
                      {"support_group": {"meetings_per_year": per_year}}])
        model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=seed,
                                       horizon_months=12)
        model.run(12)
        ids = model.policies[0].ever_participants(model.contexts[0])
        return model.mothers.peer_ties[ids].mean()

    d = np.array([ties(6, s) - ties(0, s) for s in range(6)])
    assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(len(d)), d
