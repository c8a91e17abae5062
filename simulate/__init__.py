"""Pathways: how mothers of young children move from social assistance into work.

Quick start::

    import simulate
    scenario = simulate.Scenario.from_yaml("scenarios/baseline.yaml")
    result = simulate.run(scenario, reps=10, seed=1)
    result.monthly   # scenario, replicate, month, metric, value
    result.runs      # one row per replicate: parameters and outcomes
    result.spells    # one row per assistance spell
"""

from importlib.metadata import PackageNotFoundError, version

from simulate import policies  # noqa: F401  (registers the policy modules)
from simulate.model import PathwaysModel
from simulate.parameters import PARAMETERS, Parameter, Params
from simulate.runner import RunResult, run, run_many
from simulate.scenario import Scenario
from simulate.schema import InputError

try:
    __version__ = version("pathways-simulate")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = ["PARAMETERS", "InputError", "Parameter", "Params", "PathwaysModel", "RunResult",
           "Scenario", "__version__", "run", "run_many"]
