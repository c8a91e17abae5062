"""The evidence harness on a small world whose effect is known in closed form, the shipped
checks, and bad check files."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulate.cli.main import main
from simulate.evidence import load_checks, run_checks
from simulate.evidence.spec import checks_from_dict
from simulate.evidence.statistics import DAYS_PER_MONTH
from simulate.policies import REGISTRY
from simulate.scenario import Scenario
from simulate.schema import InputError
from tests.conftest import ONLY_OTHER_EXIT

H0, H1, HORIZON, SIZE = 0.05, 0.08, 12, 4000


def _base() -> Scenario:
    """Only a constant 'other' exit hazard, no inflow, no burn-in: a closed form."""
    return Scenario.from_dict({"name": "closed-form",
                               "population": {"size": SIZE, "inflow_rate_per_month": 0.0,
                                              "burn_in_months": 0},
                               "parameters": {**ONLY_OTHER_EXIT, "other_exit_hazard": H0}})


def known_effect() -> float:
    """Days on assistance over months 1..H per mother: each month she is still on with
    probability (1 - h)^t, so the effect of h0 -> h1 is the difference of the sums."""
    t = np.arange(1, HORIZON + 1)
    return DAYS_PER_MONTH * float(((1 - H1) ** t).sum() - ((1 - H0) ** t).sum())


def _checks(low: float, high: float) -> dict:
    return {"replications": 12, "seed": 3, "checks": [{
        "name": "closed_form", "study": {"title": "t", "citation": "c", "design": "rct",
                                         "population": "p"},
        "model_population": "the whole stock",
        "intervention": {"parameters": {"other_exit_hazard": H1}},
        "outcome": {"statistic": "days_on_assistance", "horizon_months": HORIZON},
        "published": {"value": known_effect(), "standard_error": 1.0},
        "band": {"low": low, "high": high, "reasoning": "known in closed form"}}]}


def test_a_check_around_the_known_effect_passes_and_its_interval_covers_it():
    effect = known_effect()
    results, values = run_checks(checks_from_dict(_checks(effect - 3, effect + 3)), _base())
    row = results.iloc[0]
    assert row.status == "pass" and row.ok
    # 12 replicates of 4,000 mothers: the interval is narrow and must cover the truth.
    assert row.ci_low <= effect <= row.ci_high
    assert row.ci_high - row.ci_low < 3
    assert len(values) == 12


def test_a_check_whose_band_excludes_the_known_effect_fails(capsys, tmp_path):
    effect = known_effect()
    path = tmp_path / "checks.yaml"
    path.write_text(yaml.safe_dump(_checks(effect + 5, effect + 20)))
    scenario = tmp_path / "base.yaml"
    scenario.write_text(_base().to_yaml())
    code = main(["evidence", str(scenario), "--checks", str(path), "--json", "--workers", "1"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1 and rows[0]["status"] == "fail" and rows[0]["ok"] is False
    assert rows[0]["ci_low"] <= effect <= rows[0]["ci_high"]
    for key in ("check", "simulated", "ci_low", "ci_high", "published", "band_low",
                "band_high", "ok", "status"):
        assert key in rows[0]


def test_results_do_not_depend_on_the_number_of_workers():
    checks = checks_from_dict(_checks(-100, 100))
    one, _ = run_checks(checks, _base(), replications=4, workers=1)
    two, _ = run_checks(checks, _base(), replications=4, workers=2)
    assert one.simulated.tolist() == two.simulated.tolist()


def test_every_shipped_check_parses_and_a_missing_module_is_not_yet_modelled():
    checks = load_checks()
    assert len(checks.checks) >= 13
    assert {c.study.design for c in checks.checks} <= {"rct", "quasi-experiment",
                                                         "administrative"}
    debt = next(c for c in checks.checks if c.name == "debt_assistance_outflow")
    assert debt.requires == ("debt_counselling",)
    if "debt_counselling" in REGISTRY:
        assert debt.modelled and debt.policies
    else:
        assert not debt.modelled and debt.missing == ["debt_counselling"]


def test_every_shipped_check_runs_on_a_small_base(capsys, tmp_path):
    base = Scenario.from_yaml("scenarios/baseline.yaml").with_values(
        {"size": 400, "burn_in_months": 24})
    path = tmp_path / "base.yaml"
    path.write_text(base.to_yaml())
    code = main(["evidence", str(path), "--reps", "2", "--json", "--workers", "2"])
    rows = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert {r["check"] for r in rows} == {c.name for c in load_checks().checks}
    for r in rows:
        assert r["status"] in ("pass", "calibrated", "fail", "not yet modelled")
        assert r["counts_as"] == ("target" if r["calibrated_by"] else "evidence")
        assert r["status"] != "pass" or r["counts_as"] == "evidence"
        # A ratio of means has no value when its denominator's mean is not positive (two
        # replicates of a small world may add no place in use); every other check has one.
        ratio = r["statistic"] in ("working_per_extra_place", "outflow_not_to_work_share")
        if r["status"] != "not yet modelled" and not ratio:
            assert r["simulated"] is not None, r["check"]


VALID = _checks(-100, 100)


@pytest.mark.parametrize("change,field", [
    (lambda d: d["checks"][0].pop("band"), "checks[0].band"),
    (lambda d: d["checks"][0]["outcome"].update(statistic="days_on_benefit"),
     "checks[0].outcome.statistic"),
    (lambda d: d["checks"][0]["outcome"].update(horizon_months=0), "checks[0].outcome"),
    (lambda d: d["checks"][0]["study"].update(design="anecdote"), "checks[0].study.design"),
    (lambda d: d["checks"][0]["intervention"]["parameters"].update(other_exit_hazard=2),
     "checks[0].intervention.parameters.other_exit_hazard"),
    (lambda d: d["checks"][0]["band"].update(low=5, high=1), "checks[0].band"),
    (lambda d: d["checks"][0]["published"].update(interval=[1, 2]), "checks[0].published"),
    (lambda d: d["checks"].append(copy.deepcopy(d["checks"][0])), "checks[1].name"),
    (lambda d: d["checks"][0].update(colour="red"), "checks[0].colour"),
])
def test_bad_check_files_give_exit_2_and_one_line(tmp_path, capsys, change, field):
    data = copy.deepcopy(VALID)
    change(data)
    path = tmp_path / "checks.yaml"
    path.write_text(yaml.safe_dump(data))
    scenario = tmp_path / "base.yaml"
    scenario.write_text(_base().to_yaml())
    assert main(["evidence", str(scenario), "--checks", str(path)]) == 2
    # The closed-form base has zero hazards, outside their plausible ranges: warned about
    # on lines of their own. The bad checks file is one line.
    errors = [line for line in capsys.readouterr().err.splitlines()
              if " warning: " not in line]
    assert len(errors) == 1 and errors[0].startswith("evidence error: ") and field in errors[0]


def _mutations():
    leaf = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                     st.floats(allow_nan=True), st.text(max_size=8),
                     st.lists(st.integers(), max_size=3))
    paths = st.sampled_from([
        ("checks", 0, "name"), ("checks", 0, "study"), ("checks", 0, "study", "design"),
        ("checks", 0, "outcome"), ("checks", 0, "outcome", "horizon_months"),
        ("checks", 0, "outcome", "statistic"), ("checks", 0, "published", "value"),
        ("checks", 0, "published", "standard_error"), ("checks", 0, "band", "low"),
        ("checks", 0, "band"), ("checks", 0, "intervention", "parameters"),
        ("checks", 0, "intervention", "policies"), ("checks", 0, "requires"),
        ("checks", 0, "replications"), ("checks", 0, "size"), ("replications",), ("seed",),
        ("checks",)])
    return st.tuples(paths, leaf)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_generated_bad_values_are_input_errors_never_crashes(mutation):
    (path, value) = mutation
    data = copy.deepcopy(VALID)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        checks_from_dict(data, "generated.yaml")
    except InputError as err:
        assert err.line().startswith("evidence error: generated.yaml: ")
        assert "\n" not in err.line()
