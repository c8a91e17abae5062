"""`simulate sweep` and `simulate sensitivity`: summaries, tables, offline figures, JSON."""

from __future__ import annotations

import json

import pandas as pd

from simulate.cli.main import main
from tests.experiments.conftest import GRID, write_experiment

SOBOL = {**GRID, "name": "small-sobol", "replications": 2,
         "design": {"type": "sobol", "samples": 8,
                    "parameters": {"job_offer_base": {}, "study_exit_hazard": {"high": 0.015},
                                   "sanction_months": {}}}}


def _offline(path) -> bool:
    text = path.read_text()
    return "plotly.js v" in text and "<script src=" not in text


def test_sweep_prints_and_writes_a_summary_per_point(small_dir, capsys):
    out = small_dir / "out"
    assert main(["sweep", str(write_experiment(small_dir, GRID)), "--out", str(out),
                 "--workers", "1"]) == 0
    text = capsys.readouterr().out
    assert "small-grid: 12 runs (4 design points x 3 replications)" in text
    assert "mean over replications [95% interval]" in text
    summary = pd.read_csv(out / "summary.csv")
    runs = pd.read_parquet(out / "runs.parquet")
    assert list(summary["point"]) == [0, 1, 2, 3] and summary["replications"].eq(3).all()
    means = runs.groupby("point")["exits_work_12m"].mean()
    assert summary["exits_work_12m"].tolist() == means.tolist()
    assert (summary["exits_work_12m_ci_low"] <= summary["exits_work_12m"]).all()
    assert _offline(out / "sweep.html")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"].startswith("simulate sweep ") and manifest["seed"] == 7


def test_sweep_json_and_a_rerun_that_runs_nothing(small_dir, capsys):
    path = write_experiment(small_dir, GRID)
    args = ["sweep", str(path), "--out", str(small_dir / "out"), "--workers", "2", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["runs"], first["ran"], len(first["points"])) == (12, 12, 4)
    assert first["points"][1]["sanction_months"] == 3
    assert set(first["points"][0]["exits_work_12m"]) == {"mean", "ci_low", "ci_high"}
    assert main(args) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["ran"] == 0 and again["points"] == first["points"]


def test_sensitivity_writes_indices_convergence_noise_and_figures(small_dir, capsys):
    out = small_dir / "out"
    path = write_experiment(small_dir, SOBOL)
    assert main(["sensitivity", str(path), "--out", str(out), "--workers", "1"]) == 0
    text = capsys.readouterr().out
    assert "exits_work_12m (sobol)" in text and "replicate noise: at most" in text
    for name in ("sobol", "convergence", "noise"):
        parquet, csv = pd.read_parquet(out / f"{name}.parquet"), pd.read_csv(out / f"{name}.csv")
        assert list(csv.columns) == list(parquet.columns) and len(csv) == len(parquet) > 0
    sobol = pd.read_csv(out / "sobol.csv")
    assert list(sobol.columns) == ["output", "parameter", "S1", "S1_conf", "ST", "ST_conf"]
    assert len(sobol) == 2 * 3
    assert _offline(out / "sensitivity.html")
    # The same directory, analysed again as JSON: nothing runs, the indices are the same.
    assert main(["sensitivity", str(path), "--out", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ran"] == 0 and data["method"] == "sobol"
    st = {r["parameter"]: r["ST"] for r in data["outputs"]["exits_work_12m"]["indices"]}
    rows = sobol[sobol["output"] == "exits_work_12m"]
    assert st == dict(zip(rows["parameter"], rows["ST"]))


def test_morris_from_the_command_line(small_dir, capsys):
    out = small_dir / "out"
    path = write_experiment(small_dir, {**SOBOL, "design": {**SOBOL["design"], "type": "morris",
                                                           "samples": 4}})
    assert main(["sensitivity", str(path), "--out", str(out), "--workers", "1"]) == 0
    morris = pd.read_csv(out / "morris.csv")
    assert list(morris.columns) == ["output", "parameter", "mu", "mu_star", "mu_star_conf",
                                    "sigma"]
    assert "exits_work_12m (morris)" in capsys.readouterr().out
