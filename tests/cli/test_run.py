"""`simulate run`: summary, JSON and the Parquet outputs."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from simulate.cli.main import main
from tests.conftest import SCENARIOS, t_interval


def _scenario_file(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nname: small\n"
                    "population: {size: 300}\nreplications: 3\nhorizon_months: 24\n")
    return path


def test_run_writes_outputs_and_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "res"
    assert main(["run", str(_scenario_file(tmp_path)), "--out", str(out), "--spells"]) == 0
    text = capsys.readouterr().out
    assert "exits to work within 24 months" in text and "95% CI" in text
    monthly = pd.read_parquet(out / "monthly.parquet")
    runs = pd.read_parquet(out / "runs.parquet")
    spells = pd.read_parquet(out / "spells.parquet")
    assert list(monthly.columns) == ["scenario", "replicate", "month", "metric", "value"]
    assert len(runs) == 3 and runs["size"].eq(300).all()
    assert {"replicate", "mother_id", "start_month", "end_month", "exit_reason",
            "returning"} <= set(spells.columns)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["replications"] == 3 and manifest["seed"] == 20250101


def test_json_summary_matches_the_runs_table(tmp_path, capsys):
    out = tmp_path / "res"
    assert main(["run", str(_scenario_file(tmp_path)), "--out", str(out), "--json",
                 "--reps", "4", "--seed", "9", "--months", "13"]) == 0
    data = json.loads(capsys.readouterr().out)
    runs = pd.read_parquet(out / "runs.parquet")
    assert data["replications"] == 4 and data["seed"] == 9 and data["months"] == 13
    assert data["outcomes"]["exits_work_12m"]["mean"] == runs["exits_work_12m"].mean()
    assert data["outcomes"]["exits_work_24m"]["mean"] is None  # beyond the horizon
    ci = data["outcomes"]["exits_all_12m"]["ci_low"], data["outcomes"]["exits_all_12m"]["ci_high"]
    assert np.allclose(ci, t_interval(runs["exits_all_12m"]), rtol=1e-9)
    assert not (out / "spells.parquet").exists()


def test_rerun_replaces_the_output_directory(tmp_path, capsys):
    out = tmp_path / "res"
    path = _scenario_file(tmp_path)
    main(["run", str(path), "--out", str(out), "--spells", "--reps", "2"])
    main(["run", str(path), "--out", str(out), "--reps", "2"])
    assert not (out / "spells.parquet").exists()  # nothing stale from the first run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res", "small.yaml"]


def test_an_existing_directory_that_is_not_a_result_is_never_replaced(tmp_path, capsys):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("important")
    code = main(["run", str(_scenario_file(tmp_path)), "--out", str(precious), "--reps", "1",
                 "--months", "2"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith(f"output error: {precious}: ")
    assert (precious / "thesis.txt").read_text() == "important"
    assert sorted(p.name for p in precious.iterdir()) == ["thesis.txt"]
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert main(["run", str(_scenario_file(tmp_path)), "--out", str(a_file)]) == 2
    # An empty directory is used, and an earlier result is replaced.
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["run", str(_scenario_file(tmp_path)), "--out", str(empty), "--reps", "1",
                 "--months", "2"]) == 0
    assert (empty / "runs.parquet").exists()
    assert oct((empty).stat().st_mode & 0o777) != oct(0o700)  # not private
