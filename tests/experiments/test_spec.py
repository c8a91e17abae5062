"""Experiment files: valid ones load as documented; every bad one is one line and exit code 2."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from simulate.cli.main import main
from simulate.experiments import Experiment
from simulate.experiments.spec import TOP_KEYS
from simulate.parameters import PARAMETERS
from simulate.schema import InputError
from tests.conftest import ROOT
from tests.experiments.conftest import EXPERIMENTS, GRID, write_experiment


def _with(change: dict) -> dict:
    """GRID with nested keys changed (``None`` deletes a key)."""
    data = copy.deepcopy(GRID)
    for path, value in change.items():
        *parents, last = path.split(".")
        node = data
        for p in parents:
            node = node[p]
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return data


SOBOL = {"type": "sobol", "parameters": {"job_offer_base": {}}, "samples": 8}

BAD = [
    # (change to GRID, field in the message, words in the message)
    ({"name": None}, "name", "is required"),
    ({"replications": 0}, "replications", "out of range"),
    ({"outputs": None}, "outputs", "is required"),
    ({"colour": "red"}, "colour", "unknown key"),
    ({"scenario": "missing.yaml"}, "scenario", "file not found"),
    ({"design.type": "factorial"}, "design.type", "grid, sobol, morris, sample"),
    ({"design.samples": 8}, "design.samples", "not used by a grid design"),
    ({"design.parameters": {}}, "design.parameters", "at least one parameter"),
    ({"design.parameters": {"job_ofer_base": [0.1]}}, "design.parameters.job_ofer_base",
     "did you mean 'job_offer_base'"),
    ({"design.parameters": {"job_offer_base": [0.1, 1.5]}},
     "design.parameters.job_offer_base[1]", "out of range"),
    ({"design.parameters": {"job_offer_base": [0.1, 0.1]}},
     "design.parameters.job_offer_base[1]", "listed twice"),
    ({"design.parameters": {"job_offer_base": 0.1}}, "design.parameters.job_offer_base",
     "non-empty list"),
    ({"design.parameters": {"dedicated_coaches.caseload": [20]}},
     "design.parameters.dedicated_coaches.caseload", "has no policy 'dedicated_coaches'"),
    ({"design": {**SOBOL, "samples": 100}}, "design.samples", "not a power of 2"),
    ({"design": {**SOBOL, "parameters": {"job_offer_base": {"low": 0.5, "high": 2.0}}}},
     "design.parameters.job_offer_base.high", "out of range"),
    ({"design": {**SOBOL, "parameters": {"job_offer_base": {"low": 0.2, "high": 0.1}}}},
     "design.parameters.job_offer_base", "must be below"),
    ({"design": {**SOBOL, "parameters": {"job_offer_base": {"lo": 0.1}}}},
     "design.parameters.job_offer_base.lo", "unknown key"),
    ({"design": {**SOBOL, "exclude": ["job_offer_base"]}}, "design.exclude",
     "all_uncertainties"),
    ({"design": {"type": "morris", "parameters": {"job_offer_base": {}}, "samples": 4,
                 "levels": 5}}, "design.levels", "odd"),
    ({"design": {**SOBOL, "parameters": {"job_offer_base": {}}, "second_order": True}},
     "design.second_order", "at least two"),
    ({"outputs": ["exits_wrk_12m"]}, "outputs[0]", "did you mean 'exits_work_12m'"),
    ({"outputs": ["exits_work_24m"]}, "outputs[0]", "beyond the horizon of 12 months"),
    ({"outputs": ["extra_exits_work_12m"]}, "outputs[0]", "unknown output"),
    ({"outputs": ["exits_work_12m", "exits_work_12m"]}, "outputs[1]", "listed twice"),
    ({"monthly": "yes"}, "monthly", "true or false"),
    ({"analysis": {"resamples": 1}}, "analysis.resamples", "out of range"),
    ({"baseline": "small.yaml"}, "baseline", "same name"),
    ({"design.parameters": {"entry_ladder_step1_share": [0.2, 0.5],
                            "entry_ladder_step2_share": [0.45]}},
     "design", "point 1"),
]


@pytest.mark.parametrize("change,field,words", BAD, ids=[b[1] + ":" + b[2] for b in BAD])
def test_bad_experiment_is_one_line_naming_the_field(small_dir, capsys, change, field, words):
    path = write_experiment(small_dir, _with(change))
    assert main(["sweep", str(path), "--out", str(small_dir / "out"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"experiment error: {path}: {field}: ")
    assert words in err
    assert not (small_dir / "out").exists()  # nothing half-written


def test_yaml_problems_are_one_line(small_dir, capsys):
    path = small_dir / "dup.yaml"
    path.write_text("name: a\nname: b\n")
    assert main(["sweep", str(path)]) == 2
    assert "duplicate key 'name'" in capsys.readouterr().err
    path.write_text("name: [unclosed\n")
    assert main(["sensitivity", str(path)]) == 2
    assert "not valid YAML" in capsys.readouterr().err


def test_the_command_exits_2_with_one_line_and_no_traceback(small_dir):
    path = write_experiment(small_dir, _with({"replications": -1}))
    done = subprocess.run([sys.executable, "-m", "simulate", "sweep", str(path)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        (f"experiment error: {path}: replications: -1 is out of range; expected an integer "
         "from 1 to 10000000")]


def test_sensitivity_refuses_a_grid(small_dir, capsys):
    path = write_experiment(small_dir, GRID)
    assert main(["sensitivity", str(path), "--out", str(small_dir / "out")]) == 2
    assert "a grid design has no sensitivity analysis" in capsys.readouterr().err


def test_a_valid_file_resolves_defaults_and_runs(small_dir):
    e = Experiment.from_yaml(write_experiment(small_dir, _with({"seed": None})))
    assert (e.name, e.seed, e.replications, e.points, e.runs) == ("small-grid", 20250101, 3, 4, 12)
    assert e.evaluator.months == 12
    assert [e.locate(r) for r in (0, 2, 3, 11)] == [(0, 0), (0, 2), (1, 0), (3, 2)]
    assert e.matrix.values(1) == {"job_offer_base": 0.06, "sanction_months": 3}


def test_ratio_outputs_bring_their_parts(small_dir):
    write_experiment(small_dir, {"extends": "small.yaml", "name": "more-offers",
                                 "parameters": {"job_offer_base": 0.12}}, "alt.yaml")
    e = Experiment.from_yaml(write_experiment(small_dir, _with({
        "scenario": "alt.yaml", "baseline": "small.yaml",
        "outputs": ["net_cost_per_extra_exit_to_work_12m", "base.exits_work_12m"]})))
    assert e.columns == ["net_cost_per_extra_exit_to_work_12m", "base.exits_work_12m",
                         "net_cost_eur_12m", "extra_exits_work_12m"]


@pytest.mark.parametrize("old,new", [
    ("net_cost_per_extra_exit_12m", "net_cost_per_extra_exit_to_work_12m"),
    ("net_cost_per_extra_exit", "net_cost_per_extra_exit_to_work")])
def test_the_old_name_of_the_net_cost_per_extra_exit_to_work_is_one_line_naming_the_new(
        small_dir, capsys, old, new):
    write_experiment(small_dir, {"extends": "small.yaml", "name": "more-offers",
                                 "parameters": {"job_offer_base": 0.12}}, "alt.yaml")
    path = write_experiment(small_dir, _with({"scenario": "alt.yaml", "baseline": "small.yaml",
                                              "outputs": ["extra_exits_work_12m", old]}))
    assert main(["sweep", str(path), "--out", str(small_dir / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "outputs[1]" in err
    assert f"{old!r} has been renamed {new!r}" in err
    assert not (small_dir / "out").exists()


def test_digest_ignores_comments_but_not_what_runs(small_dir):
    path = write_experiment(small_dir, GRID)
    first = Experiment.from_yaml(path).digest()
    path.write_text("# a comment\n" + path.read_text())
    assert Experiment.from_yaml(path).digest() == first
    assert Experiment.from_yaml(write_experiment(small_dir, _with({"seed": 8}))).digest() != first
    assert Experiment.from_yaml(
        write_experiment(small_dir, _with({"outputs": ["exits_work_12m"]}))).digest() != first


def test_all_uncertainties_takes_declared_ranges_and_exclusions(small_dir):
    uncertain = [p.name for p in PARAMETERS.of_kind("uncertainty")]
    e = Experiment.from_yaml(write_experiment(small_dir, _with({"design": {
        "type": "morris", "all_uncertainties": True, "exclude": ["job_offer_base"],
        "parameters": {"entry_ladder_step1_share": {"high": 0.3},
                       "entry_ladder_step2_share": {"high": 0.4},
                       "entry_ladder_step3_share": {"high": 0.3}},
        "samples": 2}})))
    names = [f.name for f in e.design.factors]
    assert names == [n for n in uncertain if n != "job_offer_base"]
    by_name = {f.name: f for f in e.design.factors}
    assert (by_name["entry_ladder_step1_share"].low, by_name["entry_ladder_step1_share"].high) == (
        PARAMETERS["entry_ladder_step1_share"].range[0], 0.3)
    assert (by_name["ladder_up_base"].low, by_name["ladder_up_base"].high) == \
        PARAMETERS["ladder_up_base"].range


def test_every_top_key_is_documented():
    from simulate.experiments import spec

    for key in TOP_KEYS:
        assert f"\n    {key}:" in spec.__doc__, key


def test_shipped_experiments_load():
    smoke = Experiment.from_yaml(EXPERIMENTS / "smoke-grid.yaml")
    assert smoke.design.type == "grid" and smoke.runs <= 200
    sobol = Experiment.from_yaml(EXPERIMENTS / "sobol-baseline.yaml")
    assert (sobol.design.type, len(sobol.design.factors), sobol.design.samples,
            sobol.evaluator.months, sobol.runs) == ("sobol", 8, 512, 36, 9216)
    assert all(f.parameter.kind == "uncertainty" for f in sobol.design.factors)
    forty = Experiment.from_yaml(EXPERIMENTS / "sobol-40.yaml")
    assert (len(forty.design.factors), forty.design.samples, forty.runs) == (40, 1024, 43_008)
    assert all(f.parameter.kind == "uncertainty" for f in forty.design.factors)
    morris = Experiment.from_yaml(EXPERIMENTS / "morris-screening.yaml")
    explorable = {n for n in morris.evaluator.uncertainties()
                  if len(set(morris.evaluator.declaration(n).range or ())) == 2}
    assert {f.name for f in morris.design.factors} == explorable


def test_caseload_childcare_grid_loads():
    if not (ROOT / "scenarios" / "combined.yaml").exists():
        pytest.skip("scenarios/combined.yaml (the combined programme) does not exist yet")
    e = Experiment.from_yaml(EXPERIMENTS / "caseload-childcare-grid.yaml")
    assert e.matrix.names == ["dedicated_coaches.caseload", "reserved_childcare.places",
                              "childcare_places_per_100_mothers"]
    kinds = [f.parameter.kind for f in e.design.factors]
    assert kinds == ["lever", "lever", "uncertainty"]  # what discover can find boxes over
    assert e.evaluator.baseline is not None and "net_cost_eur_36m" in e.columns


def test_input_error_is_raised_in_python_too(small_dir):
    with pytest.raises(InputError, match="replications"):
        Experiment.from_yaml(write_experiment(small_dir, _with({"replications": "two"})))


def test_a_late_point_that_breaks_a_share_group_is_refused_by_its_number(small_dir):
    """The design's rules run over every point, so a point far down that breaks a share
    group is found, not only a bad first point."""
    shares = [round(0.1 + i / 100, 2) for i in range(9)] + [0.9]
    path = write_experiment(small_dir, {
        **GRID, "design": {"type": "grid",
                           "parameters": {"share_entry_student_finance": shares}}})
    with pytest.raises(InputError, match=r"point 9 \(share_entry_student_finance=0\.9\)"):
        Experiment.from_yaml(path)
