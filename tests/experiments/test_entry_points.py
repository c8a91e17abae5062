"""One rule for when a value takes effect, so every entry point gives the same numbers.

The world (uncertainties, facts, settings) shapes the burn-in; levers and programmes take
effect at month 0 (docs/experiments.md). ``simulate.evaluate``, ``compare`` and a sweep are
run on the same values, seed and replicate, for sampled levers (a core one and a policy's)
and sampled uncertainties, and must agree to the last bit.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import yaml

import simulate
from simulate.compare import compare
from simulate.experiments import Experiment, read_runs, run_experiment
from simulate.model import PathwaysModel
from simulate.parameters import PARAMETERS, Params
from simulate.scenario import Scenario
from tests.conftest import SCENARIOS
from tests.experiments.conftest import write_experiment

SEED = 5
REPS = 2
LEVERS = ("regular_caseload_target", "dedicated_coaches.caseload")
UNCERTAINTIES = ("childcare_places_per_100_mothers", "job_offer_base")
OUTPUTS = ("exits_work_12m", "base.exits_work_12m", "extra_exits_work_12m",
           "net_cost_eur_12m", "benefit_saved_eur_12m")


def _small(directory, name: str, source: str):
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump({
        "extends": str(SCENARIOS / source), "name": name,
        "population": {"size": 200, "burn_in_months": 24}, "horizon_months": 12}))
    return path


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    """A Latin hypercube over two levers and two uncertainties, run as pairs, and the two
    scenarios it ran."""
    directory = tmp_path_factory.mktemp("entry-points")
    alt, base = _small(directory, "alt", "combined.yaml"), _small(directory, "base",
                                                                  "baseline.yaml")
    path = write_experiment(directory, {
        "name": "entry-points", "scenario": "alt.yaml", "baseline": "base.yaml",
        "design": {"type": "sample", "parameters": {n: {} for n in LEVERS + UNCERTAINTIES},
                   "samples": 3},
        "replications": REPS, "seed": SEED, "outputs": list(OUTPUTS[2:]) + ["exits_work_12m"]})
    experiment = Experiment.from_yaml(path)
    run_experiment(experiment, directory / "out")
    runs = read_runs(directory / "out").set_index(["point", "replicate"])
    return experiment, runs, Scenario.from_yaml(alt), Scenario.from_yaml(base)


def test_the_kinds_that_are_sampled_are_what_the_test_says():
    assert PARAMETERS["regular_caseload_target"].kind == "lever"
    assert PARAMETERS["childcare_places_per_100_mothers"].kind == "uncertainty"
    assert PARAMETERS["job_offer_base"].kind == "uncertainty"
    from simulate.policies import REGISTRY
    assert REGISTRY["dedicated_coaches"].parameters["caseload"].kind == "lever"


def test_evaluate_and_a_sweep_give_the_same_numbers(swept):
    experiment, runs, alt, base = swept
    for point in range(experiment.points):
        values = experiment.matrix.values(point)
        for replicate in range(REPS):
            got = simulate.evaluate(values, scenario=alt, base=base, replicate=replicate,
                                    seed=SEED)
            row = runs.loc[(point, replicate)]
            for name in experiment.outputs:
                assert got[name] == row[name], (point, replicate, name)


def test_compare_gives_the_same_numbers_as_evaluate(swept):
    experiment, runs, alt, base = swept
    for point in range(experiment.points):
        values = experiment.matrix.values(point)
        core = {k: v for k, v in values.items() if "." not in k}
        result = compare(base.with_values(core), [alt.with_values(values)], reps=REPS,
                         seed=SEED)
        pairs = result.pairs.set_index("replicate")
        for replicate in range(REPS):
            got = simulate.evaluate(values, scenario=alt, base=base, replicate=replicate,
                                    seed=SEED)
            for name in ("extra_exits_work_12m", "net_cost_eur_12m", "benefit_saved_eur_12m"):
                assert pairs.loc[replicate, name] == got[name] == runs.loc[
                    (point, replicate), name], (point, replicate, name)


def test_every_point_varies_the_sampled_values(swept):
    experiment, runs, *_ = swept
    design = pd.DataFrame([experiment.matrix.values(p) for p in range(experiment.points)])
    for name in LEVERS + UNCERTAINTIES:
        assert design[name].nunique() == experiment.points, name
    # The sampled values change the outcome: the comparison above compares numbers that
    # depend on the values, not constants.
    assert runs["exits_work_12m"].nunique() > 1


def test_the_burn_in_does_not_depend_on_a_lever_but_on_an_uncertainty():
    def month_0(**values):
        params = Params.from_overrides({"size": 200, "burn_in_months": 24, **values})
        model = PathwaysModel(params, seed=3)
        try:
            return model.mothers.status[: model.mothers.n].copy(), model
        finally:
            model.close()

    a, model_a = month_0(regular_caseload_target=60.0)
    b, model_b = month_0(regular_caseload_target=180.0)
    np.testing.assert_array_equal(a, b)
    # The lever did take effect at month 0: coaches for its caseload target.
    assert model_a.record.latest()["regular_coaches"] == math.ceil(200 / 60)
    assert model_b.record.latest()["regular_coaches"] == math.ceil(200 / 180)
    c, _ = month_0(childcare_places_per_100_mothers=35.0)
    d, _ = month_0(childcare_places_per_100_mothers=5.0)
    assert not np.array_equal(c, d) or len(c) != len(d)


def test_values_may_be_numpy_and_pandas_scalars(swept):
    experiment, runs, alt, base = swept
    values = experiment.matrix.values(0)
    frame = pd.DataFrame([values])
    as_numpy = {k: (np.float32(v) if isinstance(v, float) and k == "job_offer_base"
                    else np.int64(v) if isinstance(v, int) else v)
                for k, v in values.items()}
    from_frame = frame.iloc[0].to_dict()
    for given in (as_numpy, from_frame):
        got = simulate.evaluate(given, scenario=alt, base=base, replicate=0, seed=SEED)
        assert np.isfinite(got["exits_work_12m"])
    exact = simulate.evaluate(from_frame, scenario=alt, base=base, replicate=0, seed=SEED)
    assert exact["extra_exits_work_12m"] == runs.loc[(0, 0), "extra_exits_work_12m"]


@pytest.mark.parametrize("values, message", [
    ({"nope": 1}, "values.nope: unknown parameter"),
    ({"work_experience.places": 3},
     "values.work_experience.places: the scenario has no policy 'work_experience'"),
    ({"job_offer_base": np.int64(4)}, "values.job_offer_base: 4 is out of range"),
    ({"job_offer_base": "high"}, "values.job_offer_base: text 'high' is not a number"),
    ({"dedicated_coaches.recruitment": "oldest"}, "is not allowed; expected one of"),
])
def test_bad_values_are_one_line_naming_the_value(swept, values, message):
    *_, alt, base = swept
    with pytest.raises(simulate.InputError) as err:
        simulate.evaluate(values, scenario=alt, base=base)
    assert message in err.value.line() and "\n" not in err.value.line()
