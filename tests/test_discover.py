"""simulate discover: PRIM over a sweep's design points, as text, JSON and a result folder
that simulate report turns into a page; bad input is one line and exit code 2, and no
folder is written into that the command did not make."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml

from simulate.cli.main import main
from simulate.discover import discover
from simulate.io import read_manifest
from simulate.report import build_report
from tests.experiments.conftest import write_experiment, write_small_scenario

pytest.importorskip("ema_workbench", reason="the ema extra (ema-workbench) is not installed")
OUTCOME = "exits_work_12m"


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    """A grid of job offers (an uncertainty) and childcare supply over a small scenario:
    its results, and a threshold of the outcome taken from them (its lower third)."""
    tmp = tmp_path_factory.mktemp("discover")
    write_small_scenario(tmp)
    path = write_experiment(tmp, {
        "name": "offers-x-childcare", "scenario": "small.yaml",
        "design": {"type": "grid", "parameters": {
            "job_offer_base": [0.05, 0.1, 0.2, 0.35, 0.5],
            "childcare_places_per_100_mothers": [10, 25, 40]}},
        "replications": 1, "seed": 2, "outputs": [OUTCOME, "on_assistance_12m"]})
    out = tmp / "results"
    assert main(["sweep", str(path), "--out", str(out), "--workers", "1"]) == 0
    values = pd.read_parquet(out / "runs.parquet")[OUTCOME]
    return out, float(values.quantile(1 / 3)) + 1e-9


def test_the_boxes_hold_the_design_points_of_interest(sweep):
    results, below = sweep
    found = discover(results, OUTCOME, below=below, threshold=0.5)
    assert found.factors == ["job_offer_base", "childcare_places_per_100_mothers"]
    assert len(found.cases) == 15 and found.of_interest == int(
        (found.cases[OUTCOME] < below).sum()) > 0
    assert found.boxes, "a box"
    box = found.boxes[0]
    inside = pd.Series(True, index=found.cases.index)
    for row in box.limits.itertuples():
        inside &= found.cases[row.factor].between(row.low, row.high)
    # The box's statistics are those of the design points inside its limits.
    assert inside.sum() == box.cases
    assert found.cases.loc[inside, "of_interest"].sum() == box.of_interest
    assert box.density == pytest.approx(box.of_interest / box.cases)
    assert box.coverage == pytest.approx(box.of_interest / found.of_interest)
    assert box.density >= 0.5 and not box.limits.empty


def test_text_json_and_a_result_folder_the_report_reads(sweep, tmp_path, capsys):
    results, below = sweep
    args = ["discover", str(results), "--outcome", OUTCOME, "--below", repr(below),
            "--threshold", "0.5"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"offers-x-childcare: {OUTCOME} below") and "box 1: coverage" in text
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == OUTCOME and data["boxes"][0]["limits"]
    out = tmp_path / "found"
    assert main([*args, "--out", str(out)]) == 0
    manifest = read_manifest(out)
    assert manifest["kind"] == "pathways-discover" and set(manifest["files"]) >= {
        "boxes.parquet", "limits.parquet", "trajectory.parquet", "cases.parquet",
        "discovery.json", "experiment.yaml", "scenario-small.yaml"}
    # The same command may replace its own result; a report written into it counts as its own.
    assert main(["report", str(out)]) == 0
    assert main([*args, "--out", str(out)]) == 0
    for lang in ("en", "nl"):
        html = build_report(out, lang)
        assert html.count('class="chart-box"') >= 2
    assert "Box 1" in build_report(out, "en") and "Kader 1" in build_report(out, "nl")


def test_the_report_refuses_a_changed_result(sweep, tmp_path, capsys):
    results, below = sweep
    out = tmp_path / "found"
    assert main(["discover", str(results), "--outcome", OUTCOME, "--below", repr(below),
                 "--threshold", "0.5", "--out", str(out)]) == 0
    limits = pd.read_parquet(out / "limits.parquet")
    limits.loc[0, "high"] = 99.0
    limits.to_parquet(out / "limits.parquet")
    capsys.readouterr()
    assert main(["report", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "limits.parquet does not match the checksum" in err


def test_a_folder_of_other_files_is_never_written_into(sweep, tmp_path, capsys):
    results, below = sweep
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert main(["discover", str(results), "--outcome", OUTCOME, "--below", repr(below),
                 "--out", str(out)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("args, message", [
    (["--outcome", "exits_all_36m", "--below", "1"], "'exits_all_36m' is not an output"),
    (["--outcome", OUTCOME, "--below", "-5"], "no design point has exits_work_12m below -5"),
    (["--outcome", OUTCOME, "--above", "-5"], "every design point has exits_work_12m above"),
    (["--outcome", OUTCOME, "--below", "5", "--over", "regular_caseload_target"],
     "'regular_caseload_target' is not a factor of this sweep"),
    (["--outcome", OUTCOME, "--below", "nan"], "is not a finite number"),
    (["--outcome", OUTCOME, "--below", "1", "--above", "2"], "not allowed with argument"),
    (["--outcome", OUTCOME], "one of the arguments --below --above is required"),
    (["--outcome", OUTCOME, "--below", "1", "--threshold", "1.5"], "is not a share"),
])
def test_bad_input_is_one_line_and_exit_2(sweep, capsys, args, message):
    results, _ = sweep
    assert main(["discover", str(results), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err


def test_only_a_finished_intact_sweep_is_read(sweep, tmp_path, capsys):
    results, below = sweep
    args = ["--outcome", OUTCOME, "--below", repr(below)]
    assert main(["discover", str(tmp_path / "nothing"), *args]) == 2
    assert "no such results folder" in capsys.readouterr().err
    other = tmp_path / "other"
    other.mkdir()
    (other / "manifest.json").write_text(json.dumps({"kind": "pathways-run"}))
    assert main(["discover", str(other), *args]) == 2
    assert "is not a result of `simulate sweep`" in capsys.readouterr().err
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for f in results.iterdir():
        if f.is_file():
            (damaged / f.name).write_bytes(f.read_bytes())
    runs = pd.read_parquet(damaged / "runs.parquet")
    runs.loc[0, OUTCOME] += 1
    runs.to_parquet(damaged / "runs.parquet")
    assert main(["discover", str(damaged), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "runs.parquet does not match the checksum" in err
    manifest = json.loads((results / "manifest.json").read_text())
    unfinished = tmp_path / "unfinished"
    unfinished.mkdir()
    (unfinished / "manifest.json").write_text(json.dumps({**manifest, "status": "running"}))
    assert main(["discover", str(unfinished), *args]) == 2
    assert "the sweep has not finished" in capsys.readouterr().err


def test_a_crossed_sweep_s_policy_is_a_category_prim_may_restrict(tmp_path):
    from tests.conftest import SCENARIOS
    for name, source in (("combined", "combined.yaml"), ("base", "baseline.yaml")):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump({
            "extends": str(SCENARIOS / source), "name": name, "horizon_months": 12,
            "population": {"size": 200, "burn_in_months": 24}}))
    path = write_experiment(tmp_path, {
        "name": "crossed", "scenario": "combined.yaml", "baseline": "base.yaml",
        "policies": {"none": {"levers": {"dedicated_coaches.coaches": 0,
                                         "reserved_childcare.places": 0}},
                     "combined": {}},
        "design": {"type": "grid", "parameters": {"job_offer_base": [0.1, 0.3, 0.5]}},
        "replications": 1, "seed": 1, "outputs": ["extra_exits_work_12m"]})
    out = tmp_path / "results"
    assert main(["sweep", str(path), "--out", str(out), "--workers", "1"]) == 0
    found = discover(out, "extra_exits_work_12m", above=0.5, threshold=0.5)
    assert found.factors == ["policy", "job_offer_base"]
    assert set(found.cases["policy"]) == {"none", "combined"}
