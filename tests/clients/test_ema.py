"""EMA Workbench as a client: parameters from the declarations, replications as the model's
common-random-number replicates, and the worked example of docs/ema.md (PRIM on the
shipped combined scenario) run as it is written."""

from __future__ import annotations

import os
import re
import warnings

import numpy as np
import pytest
import yaml

pytest.importorskip("ema_workbench", reason="the ema extra (ema-workbench) is not installed")
from ema_workbench import (
    BooleanParameter,
    CategoricalParameter,
    IntegerParameter,
    RealParameter,
    perform_experiments,
)

import simulate
from simulate.ema import ema_name, model
from tests.conftest import ROOT, SCENARIOS


def _example() -> str:
    text = (ROOT / "docs" / "ema.md").read_text()
    section = text[text.index("## Example"):]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


@pytest.fixture
def small(tmp_path):
    def write(name: str, source: str):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump({
            "extends": str(SCENARIOS / source), "name": name, "horizon_months": 12,
            "population": {"size": 200, "burn_in_months": 24}}))
        return path
    return write("alt", "combined.yaml"), write("base", "baseline.yaml")


def test_the_docs_example_finds_a_prim_box_on_the_combined_scenario(monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # The docs' own code, run as a reader would run it.
        exec(compile(_example(), "docs/ema.md", "exec"), namespace)  # noqa: S102
    experiments, outcomes, box = (namespace[k] for k in ("experiments", "outcomes", "box"))
    pathways = namespace["pathways"]
    assert len(experiments) == 20 * 2 and pathways.nreplications == 2
    assert "combined" in str(namespace["combined"].name)
    assert set(outcomes) == {"extra_exits_work_12m", "net_cost_eur_12m"}
    y = namespace["y"]
    chosen = box.peeling_trajectory.iloc[box._cur_box]
    # A box: it restricts at least one uncertainty, holds low-exit futures more densely
    # than the whole set does, and covers some of them.
    assert chosen["res_dim"] >= 1
    assert chosen["density"] > y.mean() and chosen["coverage"] > 0
    limits = box.box_lims[box._cur_box]
    names = [u.name for u in pathways.uncertainties]
    restricted = [n for n in names if (limits[n].iloc[0] > experiments[n].min())
                  or (limits[n].iloc[1] < experiments[n].max())]
    assert restricted


def test_parameters_come_from_the_declarations(small):
    alt, base = small
    m = model(alt, base=base, uncertainties=["job_offer_base", "childcare_places_per_100_mothers",
                                             "peer_groups.attendance_base"],
              levers={"reserved_childcare.places": (0, 60), "reserved_childcare.additional": None,
                      "peer_groups.facilitator": None, "dedicated_coaches.caseload": None},
              outcomes=["extra_exits_work_12m"])
    kinds = {p.name: p for p in [*m.uncertainties, *m.levers]}
    assert isinstance(kinds["job_offer_base"], RealParameter)
    assert (kinds["job_offer_base"].lower_bound, kinds["job_offer_base"].upper_bound) == \
        simulate.PARAMETERS["job_offer_base"].range
    places = kinds[ema_name("reserved_childcare.places")]
    assert isinstance(places, IntegerParameter) and (places.lower_bound,
                                                     places.upper_bound) == (0, 60)
    assert places.variable_name == ["reserved_childcare.places"]
    assert isinstance(kinds["reserved_childcare__additional"], BooleanParameter)
    facilitator = kinds["peer_groups__facilitator"]
    assert isinstance(facilitator, CategoricalParameter)
    assert sorted(c.value for c in facilitator.categories) == sorted(
        ["professional", "former_participant", "none"])
    assert all(p.name.isidentifier() for p in kinds.values())


@pytest.mark.parametrize("kwargs, message", [
    ({"uncertainties": ["regular_caseload_target"]}, "is declared a lever"),
    ({"levers": ["job_offer_base"]}, "is declared a uncertainty"),
    ({"uncertainties": ["nope"]}, "unknown parameter"),
    ({"uncertainties": {"job_offer_base": (0.5, 3.0)}}, "out of range"),
    ({"uncertainties": {"job_offer_base": (0.5, 0.2)}}, "must be below"),
    ({"outcomes": ["extra_exits"]}, "unknown outcome"),
    ({"replications": 0}, "at least 1"),
    ({"outcomes": ["extra_exits_work_24m"]}, "beyond the horizon of 12 months"),
])
def test_bad_arguments_are_one_line(small, kwargs, message):
    alt, base = small
    with pytest.raises(simulate.InputError) as err:
        model(alt, base=base, **{"uncertainties": ["job_offer_base"],
                                 "outcomes": ["extra_exits_work_12m"], **kwargs})
    assert message in err.value.line() and "\n" not in err.value.line()


def test_replications_are_the_model_s_common_random_number_replicates(small):
    alt, base = small
    m = model(alt, base=base, uncertainties=["job_offer_base"],
              levers=["dedicated_coaches.caseload"], replications=3,
              outcomes=["extra_exits_work_12m", "net_cost_per_extra_exit_to_work_12m"], seed=9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        experiments, outcomes = perform_experiments(m, scenarios=2, policies=1)
    for i, row in experiments.iterrows():
        values = {"job_offer_base": row["job_offer_base"],
                  "dedicated_coaches.caseload": row["dedicated_coaches__caseload"]}
        runs = [simulate.evaluate(values, scenario=alt, base=base, replicate=r, seed=9)
                for r in range(3)]
        extra = np.mean([r["extra_exits_work_12m"] for r in runs])
        assert outcomes["extra_exits_work_12m"][i] == pytest.approx(extra, rel=1e-12)
        cost = np.mean([r["net_cost_eur_12m"] for r in runs])
        expected = cost / extra if extra > 0 else np.nan
        assert outcomes["net_cost_per_extra_exit_to_work_12m"][i] == pytest.approx(expected,
                                                                          nan_ok=True)


def test_the_model_pickles_for_ema_s_multiprocessing_evaluator(small):
    import pickle
    alt, base = small
    m = model(alt, base=base, uncertainties=["job_offer_base"], outcomes=["exits_work_12m"])
    again = pickle.loads(pickle.dumps(m.function))
    assert again.variables == m.function.variables
    assert os.fspath(alt)  # the scenario travels as data, not as a path to reopen
