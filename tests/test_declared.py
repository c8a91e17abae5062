"""Metrics and outcomes are declared once: what runs record and return is exactly what the
declarations say, and the tools read units, kinds and money from them, not from names."""

from __future__ import annotations

import pytest

from simulate.compare import paired_outcome_names, paired_outcomes
from simulate.experiments.evaluate import ScenarioEvaluator, _outcomes
from simulate.metrics import (
    CORE,
    KINDS,
    PROGRAMME_REACHED,
    core_metric,
    metric_names,
    recorded_metrics,
)
from simulate.outcomes import DECLARED, named, run_outcome_names
from simulate.report.text import is_money, outcome_words
from simulate.runner import simulate_replicate
from tests.policies.conftest import scenario


@pytest.fixture(scope="module")
def pair():
    base = scenario([], size=200)
    alt = scenario([{"dedicated_coaches": {"coaches": 2}}], size=200, name="alt")
    return base, alt, simulate_replicate(base, 0, months=3, spells=False), \
        simulate_replicate(alt, 0, months=3, spells=False)


def test_a_run_records_exactly_the_declared_core_metrics_in_order(pair):
    _, _, base, alt = pair
    assert list(base.monthly.columns) == list(metric_names())
    alt_scenario = pair[1]
    assert [c for c in alt.monthly.columns if core_metric(c) is not None] == list(metric_names())
    # Every column a run records is a declared metric, under the name the scenario gives it.
    assert set(alt.monthly.columns) == set(recorded_metrics([alt_scenario]))
    assert set(base.monthly.columns) == set(recorded_metrics([pair[0]]))
    assert PROGRAMME_REACHED.name in alt.monthly.columns


def test_every_core_metric_says_what_kind_it_is_and_money_is_declared():
    assert all(m.kind in KINDS and m.kind for m in CORE)
    money = {m.name for m in CORE if m.money}
    assert money == {"regular_coach_cost_eur", "benefit_spending_eur",
                     "intervention_spending_eur"}
    assert is_money("benefit_spending_eur") and not is_money("on_assistance")
    recorded = recorded_metrics([scenario([{"dedicated_coaches": {"coaches": 2}},
                                           {"peer_groups": {"label": "kvw"}}])])
    assert recorded["dedicated_coaches_cost_eur"].money  # a policy's cost, by its declaration
    assert recorded["kvw_cost_eur"].money and recorded["kvw_peer_group_selected"].unit
    assert not recorded["dedicated_participants"].money


def test_a_run_returns_exactly_the_declared_outcomes(pair):
    base, alt, b, a = pair
    assert list(_outcomes(base, b.row)) == run_outcome_names()
    assert list(paired_outcomes(b.row, a.row)) == paired_outcome_names()
    evaluator = ScenarioEvaluator(alt, base, months=3)
    row = evaluator.evaluate({}, 0, 1).row
    assert {k for k in row if named(k) is not None} == set(evaluator.output_names())


def test_every_outcome_a_comparison_returns_has_words_a_unit_and_a_money_flag():
    for name in [*run_outcome_names(), *paired_outcome_names(), "break_even_month"]:
        found = named(name)
        assert found is not None, name
        assert found.outcome.unit and found.outcome.words and found.outcome.words_nl
    assert is_money("net_cost_per_extra_exit_to_work_24m")
    assert is_money("base.benefit_spending_eur_total")
    assert not is_money("extra_exits_work_24m") and not is_money("break_even_month")


@pytest.mark.parametrize("name,lang,words", [
    ("exits_work_24m", "en", "exits to work within 24 months"),
    ("on_assistance_36m", "nl", "moeders in de bijstand na 36 maanden"),
    ("base.exits_work_total", "en", "exits to work over the whole run (base)"),
    ("net_cost_per_extra_exit_to_work", "en", "net cost per extra exit to work, whole run"),
    ("share_nonsense_12m", "en", "share nonsense 12m"),
])
def test_outcome_words_come_from_the_declarations(name, lang, words):
    assert outcome_words(name, lang) == words


def test_a_stem_is_declared_once():
    stems = [o.stem for o in DECLARED]
    assert len(stems) == len(set(stems))


def test_every_policy_metric_says_whether_it_is_a_stock_a_flow_or_a_mean():
    from simulate.policies import REGISTRY

    kinds = {m.kind for cls in REGISTRY.values() for m in cls.metrics}
    assert kinds <= {"stock", "flow", "mean"} and "" not in kinds
    costs = [m for cls in REGISTRY.values() for m in cls.metrics if m.cost]
    assert all(m.kind == "flow" and m.money for m in costs)


def test_no_code_reads_what_an_outcome_is_from_its_name():
    """Horizons, money, confidence columns and renamed outputs come from declarations, not
    from a name's ending: none of the patterns that used to decide them is left."""
    import re

    from tests.conftest import ROOT

    patterns = [r"_\(\\d\+\)m", r"endswith\(\"_conf\"\)", r"endswith\(\"_eur\"\)",
                r"\"_eur\" in", r"startswith\(\"extra_exits", r"startswith\(old",
                r"startswith\(\"x\.\"\)"]
    found = []
    for path in (ROOT / "simulate").rglob("*.py"):
        text = path.read_text()
        found += [f"{path.name}: {p}" for p in patterns if re.search(p, text)]
    assert found == []
