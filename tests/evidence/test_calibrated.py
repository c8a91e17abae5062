"""A check whose figure a parameter was set from is a target, not evidence: reported
``calibrated`` within its band (``fail`` outside it), never ``pass``, and counted apart."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest
import yaml

from simulate.calibration.targets import load_targets
from simulate.cli.evidence import format_sections, verdict
from simulate.cli.main import main
from simulate.evidence import load_checks, run_checks
from simulate.evidence.spec import checks_from_dict
from simulate.parameters import PARAMETERS
from simulate.policies import REGISTRY
from simulate.scenario import Scenario
from tests.conftest import ROOT, SCENARIOS
from tests.evidence.test_harness import _base, _checks, known_effect

DURABILITY = {"work_exit_lasts_6_months", "work_exit_lasts_18_months",
              "work_exit_back_on_assistance"}


@pytest.fixture
def calibrated_hazard(monkeypatch):
    """The closed form's intervened parameter declares the closed-form check as the figure
    it was set from."""
    declared = PARAMETERS["other_exit_hazard"]
    monkeypatch.setitem(PARAMETERS._params, "other_exit_hazard",
                        dataclasses.replace(declared, calibrated_to=("closed_form",)))


def test_a_check_within_its_band_is_calibrated_not_pass_when_a_parameter_was_set_from_it(
        calibrated_hazard):
    effect = known_effect()
    results, _ = run_checks(checks_from_dict(_checks(effect - 3, effect + 3)), _base(),
                            replications=4)
    row = results.iloc[0]
    assert row.ok and row.status == "calibrated" and row.counts_as == "target"
    assert row.calibrated_by == "other_exit_hazard"


def test_without_the_declaration_the_same_check_is_evidence_and_passes():
    effect = known_effect()
    results, _ = run_checks(checks_from_dict(_checks(effect - 3, effect + 3)), _base(),
                            replications=4)
    row = results.iloc[0]
    assert row.status == "pass" and row.counts_as == "evidence" and row.calibrated_by == ""


@pytest.mark.parametrize("inside,code,status", [(True, 0, "calibrated"), (False, 1, "fail")])
def test_a_calibrated_check_exits_0_within_its_band_and_1_outside(
        calibrated_hazard, tmp_path, capsys, inside, code, status):
    effect = known_effect()
    band = (effect - 3, effect + 3) if inside else (effect + 5, effect + 20)
    path = tmp_path / "checks.yaml"
    path.write_text(yaml.safe_dump(_checks(*band)))
    scenario = tmp_path / "base.yaml"
    scenario.write_text(_base().to_yaml())
    args = ["evidence", str(scenario), "--checks", str(path), "--workers", "1",
            "--reps", "4"]
    assert main([*args, "--json"]) == code
    row = json.loads(capsys.readouterr().out)[0]
    assert row["status"] == status and row["counts_as"] == "target"
    assert row["calibrated_by"] == ["other_exit_hazard"]
    assert main(args) == code
    text = capsys.readouterr().out
    assert "Calibrated checks (a calibrated check reproduces a figure" in text
    assert "Evidence checks" not in text  # no evidence check in this file
    assert "consistency, not evidence" in text


CASEWORKER = {"caseworker_benefit_days", "caseworker_out_of_work_days"}
DEBT = {"debt_assistance_outflow", "debt_assistance_not_to_work"}


def test_the_shipped_checks_set_from_their_figures_are_calibrated_the_others_evidence():
    base = Scenario.from_yaml(SCENARIOS / "baseline.yaml")
    by = {c.name: c.calibrated_by(base) for c in load_checks().checks}
    for name in DURABILITY:
        assert by[name] == ("job_loss_hazard", "job_loss_early_factor"), name
    for name in CASEWORKER:
        assert by[name] == ("contact_exit_effect",), name
    assert by["debt_assistance_outflow"] == ("debt_counselling.other_exit_factor",)
    assert by["debt_assistance_not_to_work"] == ("debt_counselling.other_exit_factor",
                                                 "debt_counselling.search_factor")
    assert by["work_experience_participant_effect"] == ("work_experience.job_offer_chance",)
    evidence = {n for n, params in by.items() if not params}
    assert evidence == (set(by) - DURABILITY - CASEWORKER - DEBT
                        - {"work_experience_participant_effect"})
    assert {"caseworker_employment_days", "coaching_participant_days_in_work",
            "exemption_employment"} <= evidence


def test_a_base_scenario_s_own_policy_can_make_a_check_calibrated(monkeypatch):
    """A module in the base counts too: with debt counselling in the base, a check that
    its threat factor was set from is calibrated even when the intervention is another
    module's; a check it was not set from stays evidence."""
    cls = REGISTRY["debt_counselling"]
    factor = cls.parameters["other_exit_factor"]
    monkeypatch.setitem(cls.parameters._params, "other_exit_factor", dataclasses.replace(
        factor, calibrated_to=(*factor.calibrated_to, "childcare_supply_employment")))
    checks = {c.name: c for c in load_checks().checks}
    base = Scenario.from_dict({"name": "with-debt-help",
                               "policies": [{"debt_counselling": {}}]})
    plain = Scenario.from_dict({"name": "plain"})
    places = checks["childcare_supply_employment"]
    assert places.calibrated_by(base) == ("debt_counselling.other_exit_factor",)
    assert places.calibrated_by(plain) == ()
    assert checks["childcare_supply_crowds_out"].calibrated_by(base) == ()


def test_every_calibrated_to_names_a_shipped_check_or_target():
    known = ({c.name for c in load_checks().checks}
             | set(load_targets().names())
             | set(load_targets(ROOT / "evidence" / "preregistered" / "targets.yaml").names()))
    declared = [(name, p.calibrated_to) for name, p in PARAMETERS.items()]
    declared += [(f"{policy}.{name}", p.calibrated_to) for policy, cls in REGISTRY.items()
                 for name, p in cls.parameters.items()]
    unknown = [(name, target) for name, names in declared for target in names
               if target not in known]
    assert unknown == []
    assert any(names for _, names in declared)


def _results(rows) -> pd.DataFrame:
    return pd.DataFrame([{"check": name, "status": status, "ok": status != "fail",
                          "counts_as": counts, "calibrated_by": "p" if counts == "target" else "",
                          "unit": "u", "simulated": 1.0, "ci_low": 0.0, "ci_high": 2.0,
                          "published": 1.0, "published_low": None, "published_high": None,
                          "band_low": 0.0, "band_high": 2.0}
                         for name, status, counts in rows])


def test_the_summary_counts_evidence_and_calibrated_checks_apart():
    rows = [(f"e{i}", "pass", "evidence") for i in range(11)]
    rows += [(f"t{i}", "calibrated", "target") for i in range(4)]
    assert verdict(_results(rows)) == ("11 of 11 evidence checks pass; 4 checks reproduce "
                                       "figures the model was calibrated to")
    rows[0] = ("e0", "fail", "evidence")
    rows[-1] = ("t3", "fail", "target")
    rows.append(("w", "not yet modelled", "evidence"))
    assert verdict(_results(rows)) == (
        "10 of 11 evidence checks pass (failing: e0); 3 of 4 checks reproduce figures the "
        "model was calibrated to (failing: t3); not yet modelled: w")
    assert verdict(_results(rows[:1] + [("t0", "calibrated", "target")])).endswith(
        "1 check reproduces a figure the model was calibrated to")


def test_the_text_lists_evidence_and_calibrated_checks_in_tables_of_their_own():
    text = format_sections(_results([("e0", "pass", "evidence"),
                                     ("t0", "calibrated", "target")]))
    evidence, calibrated = text.split("Calibrated checks")
    assert "e0" in evidence and "t0" not in evidence
    assert "t0" in calibrated and "e0" not in calibrated and "calibrated" in calibrated
    assert "t0: set from it: p" in calibrated


def test_a_results_table_from_before_the_split_reads_as_evidence():
    old = _results([("e0", "pass", "evidence")]).drop(columns=["counts_as", "calibrated_by"])
    assert verdict(old) == "1 of 1 evidence checks pass"


def test_simulate_params_shows_what_a_value_was_calibrated_to(capsys):
    assert main(["params", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows["job_loss_hazard"]["calibrated_to"]) == DURABILITY
    assert rows["debt_counselling.other_exit_factor"]["calibrated_to"] == [
        "debt_assistance_outflow", "debt_assistance_not_to_work"]
    assert rows["job_offer_base"]["calibrated_to"] == []
    assert main(["params"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines()
                if x.startswith("debt_counselling.other_exit_factor "))
    assert line.endswith("Calibrated to: debt_assistance_outflow, debt_assistance_not_to_work.")
    assert main(["params", "--markdown"]) == 0
    row = next(x for x in capsys.readouterr().out.splitlines()
               if x.startswith("| `job_loss_early_factor`"))
    assert "Calibrated to: `work_exit_lasts_6_months`" in row
