"""Pathways: how mothers of young children move from social assistance into work.

Quick start::

    import simulate
    scenario = simulate.Scenario.from_yaml("scenarios/baseline.yaml")
    result = simulate.run(scenario, reps=10, seed=1)
    result.monthly   # scenario, replicate, month, metric, value
    result.runs      # one row per replicate: parameters and outcomes
    result.spells    # one row per assistance spell

One run from a flat mapping of declared names to scalar outcomes (the function EMA Workbench,
Mesa and sweeps share; docs/clients.md)::

    simulate.evaluate({"job_offer_base": 0.6}, scenario="scenarios/combined.yaml",
                      base="scenarios/baseline.yaml", replicate=0)

A comparison on common random numbers, and in plausible worlds (docs/worlds.md)::

    from simulate.compare import compare
    alt = simulate.Scenario.from_yaml("scenarios/dedicated-coaches.yaml")
    comparison = compare(scenario, [alt], worlds=200, workers=2)
    comparison.table            # mean and 95% interval over replications
    comparison.worlds.summary   # median and 5-95% over plausible worlds, beside them
"""

from importlib.metadata import PackageNotFoundError, version

from simulate import policies  # noqa: F401  (registers the policy modules)
from simulate.clients import evaluate
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
           "Scenario", "__version__", "evaluate", "run", "run_many"]
