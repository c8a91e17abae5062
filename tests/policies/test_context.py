"""The policy contract: scoped draws that refuse reuse, declared metrics, no-op settings."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import simulate
from simulate.policies import REGISTRY, Metric, Policy, StreamReuseError, cost_metric
from tests.policies.conftest import scenario


class _Twice(Policy):
    """Draws the same stream twice in a month: the old peer-group recruitment bug."""

    name = "twice"
    metrics = (cost_metric("nothing"),)

    def __init__(self, overlap: bool) -> None:
        super().__init__()
        self.overlap = overlap

    def on_month_start(self, ctx):
        on = ctx.on_assistance()
        ctx.uniform("invite", on[:50])
        ctx.uniform("invite", on[25:75] if self.overlap else on[50:100])

    def report(self, ctx):
        return {"cost_eur": 0.0}


def _model(policies, size=400):
    s = scenario([], size=size)
    params = s.params().replace(burn_in_months=0)
    return simulate.PathwaysModel(params, policies, seed=1, horizon_months=2)


def test_a_second_draw_of_a_stream_for_the_same_mothers_is_refused():
    with pytest.raises(StreamReuseError, match="drew stream 'twice:invite' twice"):
        _model([_Twice(overlap=True)]).step()


def test_draws_for_other_mothers_of_the_same_stream_are_allowed():
    model = _model([_Twice(overlap=False)])
    model.step()
    model.step()  # a new month starts afresh


def test_asking_twice_for_a_generator_in_a_month_is_refused():
    class Gen(_Twice):
        def on_month_start(self, ctx):
            ctx.generator("ties")
            ctx.generator("ties")

    with pytest.raises(StreamReuseError):
        _model([Gen(overlap=False)]).step()


def test_two_groups_in_one_month_recruit_with_their_own_draws():
    """groups_per_year above 12 starts two groups some months: each group's invitations
    are drawn afresh (the guard would refuse a repeat)."""
    model = _model(list(scenario([{"peer_groups": {"groups_per_year": 24,
                                                   "acceptance_rate": 0.5}}],
                                 size=1500).make_policies()), size=1500)
    model.run(2)
    groups = model.policies[0].groups
    assert len(groups) == 4
    assert not set(groups[0].members) & set(groups[1].members)


def test_metrics_that_differ_from_the_declaration_are_refused():
    class Undeclared(_Twice):
        metrics = (Metric("seen", "mothers", "seen"), cost_metric("nothing"))

        def on_month_start(self, ctx):
            pass

    with pytest.raises(ValueError, match="missing \\['seen'\\]"):
        _model([Undeclared(overlap=False)])


def test_two_policies_with_one_metric_name_are_refused():
    class A(_Twice):
        def on_month_start(self, ctx):
            pass

    a, b = A(overlap=False), A(overlap=False)
    b.label = "twice"  # the same label: the same metric names
    with pytest.raises(ValueError, match="two policies report a metric named"):
        _model([a, b])


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_registered_policy_declares_a_cost_reach_and_zero_settings(name):
    cls = REGISTRY[name]
    assert [m.name for m in cls.metrics if m.cost] == ["cost_eur"]
    assert any(m.reach for m in cls.metrics)
    assert cls.zero and all(k in cls.parameters for k in cls.zero)


def test_a_policy_without_zero_settings_cannot_register():
    from simulate.policies import register

    class NoZero(Policy):
        name = "no_zero_here"
        title, title_nl = "nothing", "niets"
        metrics = (cost_metric("nothing"),)

    with pytest.raises(ValueError, match="no zero settings"):
        register(NoZero)
    assert "no_zero_here" not in REGISTRY


@pytest.mark.parametrize("title,title_nl,words_nl,problem", [
    ("", "niets", "plaatsen", "no title in English and Dutch"),
    ("nothing", "", "plaatsen", "no title in English and Dutch"),
    ("nothing", "niets", "", "is charted but has no words"),
])
def test_a_policy_names_itself_and_its_charted_metrics_in_both_languages(title, title_nl,
                                                                         words_nl, problem):
    """Reports and the explorer take a module's words from its declarations: a module
    without them cannot register."""
    from simulate.policies import register

    class Unnamed(Policy):
        name = "unnamed_here"
        metrics = (Metric("unnamed_places", "places", "Places.", chart="childcare", kind="stock",
                          words="places", words_nl=words_nl),
                   cost_metric("nothing"))
        zero: ClassVar[dict] = {}

    Unnamed.title, Unnamed.title_nl = title, title_nl
    with pytest.raises(ValueError, match=problem):
        register(Unnamed)
    assert "unnamed_here" not in REGISTRY


def test_a_second_conversation_with_the_same_mothers_is_refused_whatever_their_barriers():
    """A conversation draws a barrier's detection only for those who have it, but the guard
    counts the whole conversation: a second one with any of the same mothers in the month
    is refused, even with mothers who have no barrier at all."""
    class Talk(_Twice):
        def on_month_start(self, ctx):
            m = ctx.mothers
            on = ctx.on_assistance()
            clear = on[m.barriers[on] == 0][:5]
            ctx.disclose(clear)
            ctx.disclose(clear)

    with pytest.raises(StreamReuseError, match="drew stream 'twice:detect:"):
        _model([Talk(overlap=False)]).step()

    class Contact(_Twice):
        def on_month_start(self, ctx):
            on = ctx.on_assistance()
            ctx.contact(on[:5])
            ctx.contact(on[3:8])

    with pytest.raises(StreamReuseError, match="drew stream 'twice:contact:"):
        _model([Contact(overlap=False)]).step()


def test_a_policy_s_per_mother_state_lives_in_the_mothers_table_and_grows_with_it():
    """Declared state is a column of the mothers' table, one per instance (by label): it
    starts at its fill, keeps what the policy writes, and grows as mothers arrive."""
    s = scenario([{"peer_groups": {"label": "a", "groups_per_year": 2}},
                  {"peer_groups": {"label": "b", "groups_per_year": 2}}], size=300)
    model = simulate.PathwaysModel(s.params(), s.make_policies(), seed=3, horizon_months=30)
    a, b = model.policies
    capacity = len(a.member_of)
    assert a.member_of is model.mothers.column("a:member_of")
    assert a.member_of is not b.member_of
    a.informed[:] = False
    a.informed[5] = True
    assert model.mothers.column("a:informed")[5] and not b.informed[5]
    while model.mothers.n <= capacity:
        model.step()
    assert len(a.member_of) > capacity and len(a.informed) == len(model.mothers.status)
    assert (a.member_of[model.mothers.n:] == -1).all()  # new rows hold the fill


def test_a_policy_reads_only_the_modules_it_declares():
    """Links between modules are declared (``uses``): a policy that reads another module's
    participants without naming it is refused, and every declared link names a module."""
    class Nosy(Policy):
        name = "nosy_here"

        def on_month_start(self, ctx):
            ctx.participants_of("peer_groups")

    with pytest.raises(LookupError, match="add it to Nosy.uses"):
        _model([Nosy()]).step()
    Nosy.uses = ("peer_groups",)
    _model([Nosy()]).step()
    assert all(u in REGISTRY for cls in REGISTRY.values() for u in cls.uses)


@settings(max_examples=40, deadline=None)
@given(share=st.floats(allow_nan=True, allow_infinity=True, width=32),
       row=st.integers(-5, 10_000), step=st.integers(-3, 9))
def test_a_policy_changes_the_mothers_only_through_guarded_writers(share, row, step):
    """ctx.mothers is read-only; the writers refuse a share outside 0 to 1, rows that are no
    mothers and ladder steps a policy may not set, and do exactly their update otherwise."""
    model = _model([], size=200)
    ctx = simulate.policies.PolicyContext(model, _Twice(overlap=False))
    m = ctx.mothers
    with pytest.raises(ValueError, match="read-only"):
        m.confidence[0] = 1.0
    n = model.mothers.n
    ids = np.array([row])
    before = float(model.mothers.confidence[min(max(row, 0), n - 1)])
    if not (0 <= row < n) or not (0 <= share <= 1):
        with pytest.raises(ValueError):
            ctx.gain("confidence", ids, np.float32(share))
    else:
        ctx.gain("confidence", ids, np.float32(share))
        expected = np.float32(before) + np.float32(share) * (1 - np.float32(before))
        assert model.mothers.confidence[row] == expected
    if 1 <= step <= 4 and 0 <= row < n:
        ctx.raise_ladder(ids, step)
        assert model.mothers.ladder[row] >= step
    else:
        with pytest.raises(ValueError):
            ctx.raise_ladder(ids, step)
    with pytest.raises(ValueError, match="not a level"):
        ctx.gain("stress", np.array([0]), 0.5)
