"""Named policies crossed with sampled futures: every policy runs in every future on the
same random numbers, a run is what simulate.evaluate gives, schema errors are one line
(exit 2), and the sweep resumes like every sweep."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

import simulate
from simulate.cli.main import main
from simulate.experiments import Experiment, read_runs, run_experiment
from simulate.scenario import Scenario
from tests.conftest import SCENARIOS
from tests.experiments.conftest import write_experiment

POLICIES = ("coaches", "combined", "combined-cheap")


def _small(directory, name: str, source: str):
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump({
        "extends": str(SCENARIOS / source), "name": name, "horizon_months": 12,
        "population": {"size": 200, "burn_in_months": 24}}))
    return path


def _data(**changes) -> dict:
    data = {
        "name": "policies-x-futures",
        "scenario": "combined.yaml",
        "baseline": "base.yaml",
        "policies": {"coaches": "coaches.yaml", "combined": {},
                     "combined-cheap": {"levers": {"dedicated_coaches.caseload": 80,
                                                   "reserved_childcare.places": 10}}},
        "design": {"type": "sample", "samples": 3,
                   "parameters": {"childcare_places_per_100_mothers": {},
                                  "job_offer_base": {}}},
        "replications": 2, "seed": 4,
        "outputs": ["extra_exits_work_12m", "net_cost_eur_12m", "base.exits_work_12m"],
    }
    data.update(changes)
    return data


@pytest.fixture
def folder(tmp_path):
    _small(tmp_path, "combined", "combined.yaml")
    _small(tmp_path, "coaches", "dedicated-coaches.yaml")
    _small(tmp_path, "base", "baseline.yaml")
    return tmp_path


@pytest.fixture
def crossed(folder) -> Experiment:
    return Experiment.from_yaml(write_experiment(folder, _data()))


def test_every_policy_runs_in_every_future(crossed, folder):
    assert crossed.design.crossed and crossed.design.policies == POLICIES
    assert crossed.points == 3 * len(POLICIES) and crossed.runs == 2 * crossed.points
    run_experiment(crossed, folder / "out")
    runs = read_runs(folder / "out")
    assert list(runs.columns[:5]) == ["run", "point", "replicate", "seed", "policy"]
    design = pd.DataFrame([crossed.matrix.values(p) for p in range(crossed.points)])
    futures = design.drop(columns="policy").drop_duplicates()
    assert len(futures) == 3
    for _, future in futures.iterrows():
        points = design.index[(design[future.index] == future).all(axis=1)]
        assert sorted(design.loc[points, "policy"]) == sorted(POLICIES)
        for replicate in range(2):
            rows = runs[runs.point.isin(points) & (runs.replicate == replicate)]
            # One baseline run per future and replicate, shared by every policy.
            assert rows["base.exits_work_12m"].nunique() == 1


def test_a_run_is_simulate_evaluate_of_its_policy_in_its_future(crossed, folder):
    run_experiment(crossed, folder / "out")
    runs = read_runs(folder / "out").set_index(["point", "replicate"])
    base = Scenario.from_yaml(folder / "base.yaml")
    cheap = Scenario.from_yaml(folder / "combined.yaml").with_values(
        {"dedicated_coaches.caseload": 80, "reserved_childcare.places": 10})
    coaches = Scenario.from_yaml(folder / "coaches.yaml")
    scenarios = {"combined-cheap": cheap, "coaches": coaches}
    for point in range(crossed.points):
        values = crossed.matrix.values(point)
        policy = values.pop("policy")
        if policy not in scenarios:
            continue
        got = simulate.evaluate(values, scenario=scenarios[policy], base=base, replicate=1,
                                seed=4)
        for name in crossed.outputs:
            assert runs.loc[(point, 1), name] == got[name], (point, name)


def test_a_grid_of_futures_crosses_too(folder):
    experiment = Experiment.from_yaml(write_experiment(folder, _data(design={
        "type": "grid", "parameters": {"childcare_places_per_100_mothers": [10, 30]}})))
    rows = [experiment.matrix.values(p) for p in range(experiment.points)]
    assert [(r["policy"], r["childcare_places_per_100_mothers"]) for r in rows] == [
        (p, v) for v in (10, 30) for p in POLICIES]


def test_an_interrupted_crossed_sweep_resumes_to_the_same_results(crossed, folder):
    run_experiment(crossed, folder / "whole", batch_size=3)

    class Crash(Exception):
        pass

    def crash(part):
        if part.stop >= 6:
            raise Crash

    with pytest.raises(Crash):
        run_experiment(crossed, folder / "out", batch_size=3, on_part=crash)
    assert run_experiment(crossed, folder / "out", batch_size=4).ran == crossed.runs - 6
    pd.testing.assert_frame_equal(read_runs(folder / "out"), read_runs(folder / "whole"))


@pytest.mark.parametrize("changes, field, message", [
    ({"policies": {}}, "policies", "list at least one policy"),
    ({"policies": {"a/b": "coaches.yaml"}}, "policies.a/b", "letters, digits"),
    ({"policies": {"x": {"levers": {}, "budget": 3}}}, "policies.x.budget", "unknown key"),
    ({"policies": {"x": {"levers": {"job_offer_base": 0.2}}}},
     "policies.x.levers.job_offer_base", "is declared a uncertainty, not a lever"),
    ({"policies": {"x": {"levers": {"dedicated_coaches.caseload": 5000}}}},
     "policies.x.levers.dedicated_coaches.caseload", "out of range"),
    ({"policies": {"x": {"levers": {"work_experience.places": 3}}}},
     "policies.x.levers.work_experience.places", "no policy 'work_experience'"),
    ({"policies": {"x": "missing.yaml"}}, "policies.x", "file not found"),
    ({"policies": {"x": "odd.yaml"}}, "policies.x",
     "differs from the baseline in more than its policies and levers"),
    ({"policies": {"policy": "coaches.yaml"}}, "policies.policy", "is taken"),
    ({"design": {"type": "sample", "samples": 2,
                 "parameters": {"regular_caseload_target": {}}}},
     "design.parameters.regular_caseload_target", "is a lever; with policies"),
    ({"scenario": None, "policies": {"x": {"levers": {"dedicated_coaches.caseload": 60}}}},
     "policies.x.scenario", "is required"),
])
def test_schema_errors_are_one_line_and_exit_2(folder, capsys, changes, field, message):
    odd = folder / "odd.yaml"
    odd.write_text(yaml.safe_dump({"extends": "combined.yaml", "name": "odd",
                                   "parameters": {"job_offer_base": 0.2}}))
    data = {k: v for k, v in _data(**changes).items() if v is not None}
    path = write_experiment(folder, data)
    assert main(["sweep", str(path), "--out", str(folder / "out"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"experiment error: {path}: {field}: ") and message in err, err
    assert not (folder / "out").exists()


def test_a_crossed_design_has_no_sensitivity_analysis(crossed, folder, capsys):
    path = write_experiment(folder, _data(design={
        "type": "sobol", "samples": 4, "parameters": {"job_offer_base": {},
                                                      "childcare_places_per_100_mothers": {}}}))
    assert main(["sensitivity", str(path), "--out", str(folder / "s"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "crossed with policies has no sensitivity" in err
