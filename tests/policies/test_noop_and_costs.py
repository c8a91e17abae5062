"""Zero intensity is an exact no-op; costs add up; bad policy input is one line."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import simulate
from simulate.cli.main import main
from simulate.policies import REGISTRY
from tests.policies.conftest import scenario


def zero_settings(name: str, flip: bool) -> dict:
    """A registered policy's declared zero settings; with ``flip``, every yes/no option
    also set against its default (secondary options switched on): still a no-op."""
    cls = REGISTRY[name]
    values = dict(cls.zero)
    if flip:
        for p in cls.parameters.values():
            if p.type is bool and p.name not in values:
                values[p.name] = not p.default
    return values


@pytest.mark.parametrize("flip", [False, True])
@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_zero_intensity_is_bit_for_bit_the_baseline(name, flip):
    base = simulate.run(scenario([]), reps=2, seed=3, months=24)
    zero = simulate.run(scenario([{name: zero_settings(name, flip)}]), reps=2, seed=3,
                        months=24)
    # Every metric the baseline has is identical; the policy's own metrics are all zero
    # (or the declared fixed amounts it reports, such as places held).
    own = sorted(set(zero.monthly.metric) - set(base.monthly.metric))
    assert own, "the policy reports metrics"
    shared = zero.monthly[zero.monthly.metric.isin(base.monthly.metric.unique())]
    pd.testing.assert_frame_equal(shared.reset_index(drop=True),
                                  base.monthly.reset_index(drop=True), check_categorical=False)
    assert (zero.monthly[zero.monthly.metric.isin(own)]["value"] == 0).all()
    pd.testing.assert_frame_equal(zero.spells, base.spells)


def test_all_modules_at_zero_together_are_a_no_op():
    base = simulate.run(scenario([]), reps=1, seed=5, months=18)
    together = [{name: zero_settings(name, flip=True)} for name in sorted(REGISTRY)]
    zero = simulate.run(scenario(together), reps=1, seed=5, months=18)
    pd.testing.assert_frame_equal(zero.spells, base.spells)


def test_zero_reserved_places_is_a_no_op_beside_another_programme():
    """With 0 places, nothing of the module runs beside another programme."""
    coaches = {"dedicated_coaches": {"coaches": 3}}
    with_zero = scenario([coaches, {"reserved_childcare": zero_settings("reserved_childcare",
                                                                         flip=True)}])
    base = simulate.run(scenario([coaches]), reps=1, seed=2, months=18)
    zero = simulate.run(with_zero, reps=1, seed=2, months=18)
    pd.testing.assert_frame_equal(zero.spells, base.spells)
    assert (zero.wide()["intervention_spending_eur"]
            == base.wide()["intervention_spending_eur"]).all()


def test_costs_add_up_month_by_month():
    s = scenario([
        {"dedicated_coaches": {"coaches": 3, "caseload": 40, "cost_per_coach_month_eur": 6000,
                               "overhead_eur_per_month": 1000}},
        {"reserved_childcare": {"places": 12, "cost_per_place_month_eur": 1000,
                                "eligibility": "programme"}},
        {"peer_groups": {"groups_per_year": 6, "cost_per_session_eur": 300,
                         "cost_per_group_start_eur": 400, "childcare_during_sessions": True,
                         "childcare_cost_per_child_session_eur": 20}},
        {"aftercare": {"months": 6, "cost_per_month_eur": 100}},
    ])
    w = simulate.run(s, reps=1, seed=2, months=24).wide().set_index("month").loc[1:]
    parts = ["dedicated_coaches_cost_eur", "reserved_childcare_cost_eur", "peer_groups_cost_eur",
             "aftercare_cost_eur"]
    assert np.allclose(w[parts].sum(axis=1), w["intervention_spending_eur"])
    assert np.allclose(w["dedicated_coaches_cost_eur"], 3 * 6000 + 1000)
    assert np.allclose(w["reserved_childcare_cost_eur"], 12 * 1000)
    assert np.allclose(w["aftercare_cost_eur"], 100 * w["aftercare_supported"])
    assert (w["aftercare_supported"] > 0).any()
    # Group costs: every session, every start, childcare per attending mother of a young child.
    assert np.allclose(w["peer_groups_cost_eur"], 300 * w["peer_group_sessions"]
                       + 400 * w["peer_groups_started"]
                       + 20 * w["peer_group_childcare_child_sessions"])
    assert (w["peer_group_childcare_child_sessions"] > 0).any()


def test_paired_intervention_cost_is_the_sum_of_monthly_spending():
    base, alt = scenario([]), scenario([{"dedicated_coaches": {"coaches": 2}}])
    from simulate.compare import compare
    c = compare(base, [alt.with_changes(name="alt")], reps=2, seed=1, months=12)
    w = c.result.wide()
    spend = w[(w.scenario == "alt") & (w.month >= 1)].groupby("replicate")["intervention_spending_eur"].sum()
    assert np.allclose(c.pairs.set_index("replicate")["intervention_cost_eur_total"], spend)
    assert np.allclose(spend, 2 * 6500 * 12)


BAD_POLICIES = {
    "unknown parameter": ("dedicated_coaches: {coachs: 3}", "policies[0].dedicated_coaches.coachs"),
    "wrong type": ("dedicated_coaches: {coaches: many}", "policies[0].dedicated_coaches.coaches"),
    "out of range": ("peer_groups: {acceptance_rate: 1.5}", "policies[0].peer_groups.acceptance_rate"),
    "bad choice": ("peer_groups: {facilitator: robot}", "policies[0].peer_groups.facilitator"),
    "not a mapping": ("aftercare: [1, 2]", "policies[0].aftercare"),
    "bad label": ("peer_groups: {label: 'a b'}", "policies[0].peer_groups.label"),
}


@pytest.mark.parametrize("case", list(BAD_POLICIES))
def test_bad_policy_input_is_one_line_and_exit_2(case, tmp_path, capsys):
    entry, field = BAD_POLICIES[case]
    path = tmp_path / "s.yaml"
    path.write_text(f"name: x\npolicies:\n  - {entry}\n")
    assert main(["run", str(path), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"scenario error: {path}: {field}: "), err
    assert not (tmp_path / "o").exists()


def test_same_module_twice_needs_labels_and_prefixes_metrics(tmp_path, capsys):
    path = tmp_path / "s.yaml"
    path.write_text("name: x\npolicies:\n  - peer_groups: {}\n  - peer_groups: {}\n")
    assert main(["run", str(path)]) == 2
    assert "listed twice" in capsys.readouterr().err
    s = scenario([{"peer_groups": {"label": "short", "sessions": 2}},
                  {"peer_groups": {"label": "long", "sessions": 12}}])
    r = simulate.run(s, reps=1, seed=1, months=6)
    metrics = set(r.monthly.metric)
    assert {"short_peer_group_participants", "long_peer_group_participants",
            "short_cost_eur", "long_cost_eur"} <= metrics
    assert {"short.sessions", "long.sessions"} <= set(r.runs.columns)
    assert s.with_values({"long.sessions": 6}).policies[1].values["sessions"] == 6


def test_reserved_childcare_may_be_listed_only_once(tmp_path, capsys):
    path = tmp_path / "s.yaml"
    path.write_text("name: x\npolicies:\n  - reserved_childcare: {label: a}\n"
                    "  - reserved_childcare: {label: b}\n")
    assert main(["run", str(path)]) == 2
    assert "only once" in capsys.readouterr().err
