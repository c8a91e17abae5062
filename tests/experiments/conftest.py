"""Small experiments over a small scenario, so that whole sweeps take a second or two."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulate.experiments import Experiment
from tests.conftest import ROOT, SCENARIOS

EXPERIMENTS = ROOT / "experiments"


def write_small_scenario(directory: Path, name: str = "small", **overrides) -> Path:
    """A 200-mother, 12-month version of the baseline (plus ``overrides`` parameters)."""
    path = directory / f"{name}.yaml"
    data = {"extends": str(SCENARIOS / "baseline.yaml"), "name": name,
            "population": {"size": 200, "burn_in_months": 24}, "horizon_months": 12}
    if overrides:
        data["parameters"] = overrides
    path.write_text(yaml.safe_dump(data))
    return path


def write_experiment(directory: Path, data: dict, name: str = "experiment.yaml") -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


GRID = {
    "name": "small-grid",
    "scenario": "small.yaml",
    "design": {"type": "grid", "parameters": {"job_offer_base": [0.06, 0.12],
                                              "sanction_months": [1, 3]}},
    "replications": 3,
    "seed": 7,
    "outputs": ["exits_work_12m", "on_assistance_12m"],
}


@pytest.fixture
def small_dir(tmp_path) -> Path:
    """A directory holding small.yaml (the scenario the test experiments refer to)."""
    write_small_scenario(tmp_path)
    return tmp_path


@pytest.fixture
def grid_experiment(small_dir) -> Experiment:
    """A 2 x 2 grid with 3 replicates (12 runs) over the small scenario, monthly series on."""
    return Experiment.from_yaml(write_experiment(small_dir, {**GRID, "monthly": True}))
