"""Calibration recovers parameter values from targets the model itself produced.

Statistical tests are seeded; tolerances are in the fit's own standard errors.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulate.calibration.fit import MISSING_RESIDUAL, Objective, calibrate, write_scenario
from simulate.calibration.targets import targets_from_dict
from simulate.calibration.validation import Simulator, validate
from simulate.cli.main import main
from simulate.scenario import Scenario
from simulate.schema import InputError
from tests.calibration.helpers import COMPOSITION, small_scenario, targets_data, write_yaml

TRUTH = {"study_exit_hazard": 0.013, "other_exit_hazard": 0.006}
STATISTICS = {
    "still_on_assistance": {"share": "on_assistance_at_end"},
    "exit_study": {"share": {"exit_reason": "study"}, "among": "leaver"},
    "exit_other": {"share": {"exit_reason": "other"}, "among": "leaver"},
}
REPS, DATA_SEED, FIT_SEED, SPREAD_SEED, SPREAD_REPS = 4, 101, 202, 303, 16


@pytest.fixture(scope="module")
def simulated_data(tmp_path_factory):
    return _setup(tmp_path_factory.mktemp("fit"), DATA_SEED)


def _setup(tmp_path, data_seed: int):
    """A small scenario at its defaults, and targets simulated at TRUTH with ``data_seed``.

    The targets are means over REPS data replicates; their standard errors are the spread
    between replicates (estimated from SPREAD_REPS others) over sqrt(REPS): the targets are
    exactly as precise as the simulated data are.
    """
    scenario = Scenario.from_yaml(small_scenario(tmp_path, size=600))
    placeholder = [{"name": n, "value": 0.5, "standard_error": 0.01, "tolerance": 0.03,
                    "source": "model", "statistic": s} for n, s in STATISTICS.items()]
    design = targets_data(placeholder, burn_in=24, window=12)
    truth = scenario.with_values(TRUTH)
    _, data = validate(truth, targets_from_dict(design), reps=REPS, seed=data_seed)
    _, spread = validate(truth, targets_from_dict(design), reps=SPREAD_REPS, seed=SPREAD_SEED)
    for t in design["targets"]:
        t["value"] = float(data[t["name"]].mean())
        t["standard_error"] = float(spread[t["name"]].std(ddof=1) / np.sqrt(REPS))
    return scenario, targets_from_dict(design)


@pytest.mark.slow
def test_calibration_recovers_known_values_from_independent_simulated_data(simulated_data):
    scenario, targets = simulated_data
    fit = calibrate(scenario, targets, parameters=list(TRUTH), budget_runs=400, reps=REPS,
                    seed=FIT_SEED)
    assert fit.loss < fit.start_loss
    for name, truth in TRUTH.items():
        se = fit.standard_errors[name]
        # Not vacuous: the targets pin the value down to a fifth of its size...
        assert se < 0.2 * truth, (name, se)
        # ...and the estimate lies within 3 sd of the truth, where the sd combines the
        # data's error (se) and the fit's own simulation error (the same size: REPS each).
        assert abs(fit.values[name] - truth) < 3 * np.sqrt(2) * se, (name, fit.values[name])
    # Every target is reproduced within 3 combined standard errors (the data's and the fit's
    # own, REPS replicates each); the placeholder tolerance of 3 points says nothing here.
    se_of = {t.name: t.standard_error for t in targets.targets}
    for row in fit.comparison.itertuples():
        assert abs(row.simulated - row.observed) < 3 * np.sqrt(2) * se_of[row.target], row


@pytest.mark.slow
def test_with_the_data_seed_the_fit_finds_the_exact_values(simulated_data):
    # Common random numbers: with the seed that made the data the loss is zero at the truth,
    # so the search must end close to it (well within one standard error).
    scenario, targets = simulated_data
    fit = calibrate(scenario, targets, parameters=list(TRUTH), budget_runs=400, reps=REPS,
                    seed=DATA_SEED)
    for name, truth in TRUTH.items():
        assert abs(fit.values[name] - truth) < 0.5 * fit.standard_errors[name], name
    assert fit.loss < 0.5


@pytest.mark.slow
def test_the_budget_caps_the_runs(simulated_data):
    scenario, targets = simulated_data
    fit = calibrate(scenario, targets, parameters=["study_exit_hazard"], budget_runs=10,
                    reps=2, seed=FIT_SEED)
    assert fit.runs <= 10 and "budget" in fit.message
    assert fit.loss <= fit.start_loss
    with pytest.raises(InputError, match="do not cover one search step"):
        calibrate(scenario, targets, parameters=list(TRUTH), budget_runs=5, reps=2)


def test_the_calibrated_scenario_file_says_what_it_was_calibrated_against(simulated_data,
                                                                          tmp_path):
    scenario, targets = simulated_data
    fit = calibrate(scenario, targets, parameters=["study_exit_hazard"], budget_runs=12,
                    reps=2, seed=FIT_SEED)
    out = tmp_path / "fitted.yaml"
    write_scenario(scenario, fit, targets, out, "simulate calibrate small.yaml")
    text = out.read_text()
    assert text.startswith("# Calibrated on ") and "against the targets 'test'" in text
    assert "Fitted: study_exit_hazard." in text and "# Redo: simulate calibrate" in text
    again = Scenario.from_yaml(out)
    assert again.params().study_exit_hazard == fit.values["study_exit_hazard"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_calibrate_command_writes_the_scenario(tmp_path, capsys):
    targets = write_yaml(tmp_path / "t.yaml", targets_data(
        COMPOSITION, parameters=["barrier_registration_at_entry"]))
    out = tmp_path / "out.yaml"
    code = main(["calibrate", str(small_scenario(tmp_path)), "--targets", str(targets),
                 "--budget", "8", "--reps", "2", "--workers", "1", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "barrier_registration_at_entry" in captured.out and "plausible range" in captured.out
    assert "calibrating:" in captured.err   # progress
    fitted = Scenario.from_yaml(out)
    assert "barrier_registration_at_entry" in fitted.population
    assert fitted.population["size"] == 300 and fitted.name == "small"


@pytest.mark.parametrize("args, expected", [
    (["--params", "study_exit_hazrd"], ("usage error: --params: params[0]: unknown parameter; "
                                        "did you mean 'study_exit_hazard'?")),
    (["--params", "employers"], "employers cannot be calibrated"),
    (["--out", "/nonexistent-dir/x.yaml"], "directory /nonexistent-dir does not exist"),
    (["--budget", "3", "--params", "study_exit_hazard"], "do not cover one search step"),
])
def test_calibrate_refuses_bad_input_with_one_line(tmp_path, capsys, args, expected):
    targets = write_yaml(tmp_path / "t.yaml", targets_data(COMPOSITION))
    code = main(["calibrate", str(small_scenario(tmp_path)), "--targets", str(targets),
                 "--workers", "1", *args])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert not (tmp_path / "small-calibrated.yaml").exists()


def test_a_point_breaking_a_share_group_is_far_from_every_target(simulated_data):
    scenario, targets = simulated_data
    names = ["entry_ladder_step1_share", "entry_ladder_step2_share", "entry_ladder_step3_share"]
    with Simulator(targets) as sim:
        objective = Objective(scenario, targets, names, sim, reps=2, seed=1, budget_runs=100)
        (ev,) = objective.evaluate([np.ones(3)])   # the tops of the ranges add up to 1.2
    assert sim.runs == 0
    assert ev.loss == len(targets.targets) * MISSING_RESIDUAL ** 2
