"""`simulate validate`: exit codes, table and JSON; the shipped baseline passes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from scipy import stats

from simulate.calibration.targets import targets_from_dict
from simulate.calibration.validation import validate
from simulate.cli.main import main
from simulate.scenario import Scenario
from tests.calibration.helpers import (
    COMPOSITION,
    share_target,
    small_scenario,
    targets_data,
    write_yaml,
)
from tests.conftest import t_interval

ROOT = Path(__file__).resolve().parents[2]


def _validate(tmp_path, capsys, targets, *extra):
    path = write_yaml(tmp_path / "targets.yaml", targets_data(targets))
    code = main(["validate", str(small_scenario(tmp_path)), "--targets", str(path),
                 "--workers", "1", *extra])
    return code, capsys.readouterr()


def test_exit_0_when_every_target_is_within_tolerance(tmp_path, capsys):
    code, out = _validate(tmp_path, capsys, COMPOSITION)
    assert code == 0, out.out
    assert "education_mbo_or_lower" in out.out and "95% CI" in out.out
    assert "all 2 targets within tolerance" in out.out


def test_exit_1_when_a_target_is_missed(tmp_path, capsys):
    missed = share_target("hbo_wo_half", 0.5, {"share": {"education": "hbo_wo"}})
    code, out = _validate(tmp_path, capsys, [*COMPOSITION, missed])
    assert code == 1
    assert "1 of 3 targets outside tolerance: hbo_wo_half" in out.out


def test_json_lists_one_object_per_target(tmp_path, capsys):
    missed = share_target("hbo_wo_half", 0.5, {"share": {"education": "hbo_wo"}})
    code, out = _validate(tmp_path, capsys, [*COMPOSITION, missed], "--json", "--reps", "4",
                          "--seed", "3")
    rows = json.loads(out.out)
    assert code == 1 and [r["target"] for r in rows] == [
        "education_mbo_or_lower", "entry_student_finance", "hbo_wo_half"]
    # The 95% t-interval of the mean over the 4 replicates, from the replicates' spread.
    half = stats.t.ppf(0.975, 3) / np.sqrt(4)
    for row in rows:
        assert {"target", "observed", "simulated", "ci_low", "ci_high", "tolerance",
                "ok"} <= set(row)
        assert row["sd"] > 0
        spread = half * row["sd"]
        assert np.allclose([row["ci_low"], row["ci_high"]],
                           [row["simulated"] - spread, row["simulated"] + spread], rtol=1e-9)
        assert row["ok"] == (abs(row["simulated"] - row["observed"]) <= row["tolerance"])
    assert [r["ok"] for r in rows] == [True, True, False]


def test_exit_2_on_bad_input(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.yaml")]) == 2
    assert capsys.readouterr().err.startswith("scenario error: ")
    # A usage error is an exit code, never an exception out of main.
    assert main(["validate", "--reps", "0"]) == 2
    assert "--reps: 0 must be at least 1" in capsys.readouterr().err


def test_results_do_not_depend_on_the_number_of_workers(tmp_path):
    scenario = Scenario.from_yaml(small_scenario(tmp_path, size=200))
    targets = targets_from_dict(targets_data(COMPOSITION, burn_in=6, window=6))
    one, values = validate(scenario, targets, reps=2, seed=4, workers=1)
    two, _ = validate(scenario, targets, reps=2, seed=4, workers=2)
    assert one.equals(two)
    # Each target's mean and interval are those of its replicates.
    for row in one.itertuples():
        assert row.simulated == values[row.target].mean()
        assert np.allclose([row.ci_low, row.ci_high], t_interval(values[row.target]), rtol=1e-9)


# Targets the shipped baseline misses, each named with its reason in docs/calibration.md
# ("Gaps"). A target missed that is not listed here fails the test; one listed here that the
# baseline meets fails it too, so the list cannot go stale.
KNOWN_GAPS = {"stock_outflow_12m"}


def test_the_shipped_baseline_passes_validation_but_for_its_documented_gaps(capsys):
    # The promise of docs/calibration.md: the default command passes on the default scenario
    # for every target but those the doc names as gaps.
    code = main(["validate", "--json"])
    rows = json.loads(capsys.readouterr().out)
    failed = {r["target"] for r in rows if not r["ok"]}
    assert failed == KNOWN_GAPS, [(r["target"], r["observed"], round(r["simulated"], 4))
                                  for r in rows if not r["ok"]]
    assert code == (1 if KNOWN_GAPS else 0)
    gaps = (ROOT / "docs" / "calibration.md").read_text().split("## Gaps", 1)[1]
    for name in KNOWN_GAPS:
        assert f"`{name}`" in gaps, f"docs/calibration.md, Gaps: explain {name}"
