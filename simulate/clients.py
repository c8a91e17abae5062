"""One evaluation for every client: Python code, EMA Workbench, Mesa and sweeps.

:func:`evaluate` is one run (a pair with a base) from a flat mapping of declared parameter
names to scalar outcomes by name, the same run a sweep makes of a design point
(:class:`simulate.experiments.evaluate.ScenarioEvaluator` does the work for both)::

    import simulate
    simulate.evaluate({"job_offer_base": 0.6, "dedicated_coaches.caseload": 60},
                      scenario="scenarios/combined.yaml", base="scenarios/baseline.yaml",
                      replicate=3)
    # {"exits_work_36m": ..., "base.exits_work_36m": ..., "extra_exits_work_36m": ...}

Names are as in scenario and experiment files: a core parameter (``job_offer_base``) or
``policy.param`` for a policy the scenario lists. A core value applies to the scenario and
the base; a policy's to the scenarios that list the policy. Values may be numpy or pandas
scalars. Which value takes effect when is one rule for every entry point
(docs/experiments.md): the world (uncertainties, facts, settings) shapes the burn-in; levers
and programmes take effect at month 0.

:data:`OUTCOMES` names the outcomes that the clients (the EMA adapter's defaults, the docs'
examples, the tests) use, so that a renamed outcome is renamed here once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from simulate.scenario import MAX_HORIZON, MAX_SEED, Scenario
from simulate.schema import InputError, check_number

# Outcomes the clients name (paired with a base unless said otherwise).
EXTRA_EXITS = "extra_exits_work_36m"          # extra exits to work by month 36
NET_COST = "net_cost_eur_36m"                 # net cost (cost less benefit saved), EUR
COST_PER_EXIT = "net_cost_per_extra_exit_to_work_36m"  # net cost per extra exit to work, EUR
EXITS = "exits_work_36m"                      # exits to work by month 36 (one scenario)
OUTCOMES = (EXTRA_EXITS, NET_COST, COST_PER_EXIT)

KIND = "input"
SOURCE = "simulate.evaluate"
# Evaluators kept for later calls (each keeps its recent base runs).
EVALUATORS = 8
_evaluators: dict[tuple, Any] = {}

ScenarioLike = Scenario | str | os.PathLike[str]


def scenario_of(value: ScenarioLike, field: str = "scenario") -> Scenario:
    """A :class:`Scenario`, or one read from a scenario file's path.

    Raises:
        InputError: for a file that is not a valid scenario.
    """
    if isinstance(value, Scenario):
        return value
    if isinstance(value, (str, os.PathLike)):
        return Scenario.from_yaml(Path(value))
    raise InputError(SOURCE, field, f"expected a Scenario or a scenario file's path, got "
                     f"{type(value).__name__}", KIND)


def evaluator(scenario: ScenarioLike, base: ScenarioLike | None = None,
              months: int | None = None):
    """The :class:`~simulate.experiments.evaluate.ScenarioEvaluator` of a scenario (and a
    base), kept for later calls so that its cached base runs are reused."""
    from simulate.experiments.evaluate import ScenarioEvaluator

    alt = scenario_of(scenario)
    ref = scenario_of(base, "base") if base is not None else None
    if ref is not None and ref.name == alt.name:
        raise InputError(SOURCE, "base", f"has the same name as the scenario ({alt.name!r}); "
                         "a pair needs two differently named scenarios", KIND)
    if months is not None:
        months = _integer(months, "months", MAX_HORIZON, low=1)
    key = (alt.digest(), ref.digest() if ref else None, months)
    if key not in _evaluators:
        if len(_evaluators) >= EVALUATORS:
            _evaluators.pop(next(iter(_evaluators)))
        _evaluators[key] = ScenarioEvaluator(alt, ref, months)
    return _evaluators[key]


def _integer(value: Any, field: str, high: int, low: int = 0) -> int:
    try:
        return int(check_number(value, integer=True, low=low, high=high))
    except ValueError as err:
        raise InputError(SOURCE, field, str(err), KIND) from None


def check_values(values: Mapping[str, Any], evaluation) -> dict[str, Any]:
    """``values`` checked against their declarations, as plain Python values.

    Raises:
        InputError: naming an unknown parameter (or a policy the scenarios do not list) or
            a value that is not allowed, and what is allowed.
    """
    if not isinstance(values, Mapping):
        raise InputError(SOURCE, "values", f"expected a mapping of parameter names to values, "
                         f"got {type(values).__name__}", KIND)
    out = {}
    for name, value in values.items():
        if not isinstance(name, str):
            raise InputError(SOURCE, "values", f"names must be text, got {name!r}", KIND)
        try:
            out[name] = evaluation.declaration(name).check(value)
        except LookupError as err:
            raise InputError(SOURCE, f"values.{name}", str(err.args[0]), KIND) from None
        except ValueError as err:
            raise InputError(SOURCE, f"values.{name}", str(err), KIND) from None
    return out


def evaluate(values: Mapping[str, Any] | None = None, *, scenario: ScenarioLike,
             base: ScenarioLike | None = None, replicate: int = 0, seed: int | None = None,
             months: int | None = None) -> dict[str, float]:
    """One run of ``scenario`` (a pair with ``base``) at ``values``: its scalar outcomes.

    Args:
        values: Parameter values by declared name (``job_offer_base``,
            ``dedicated_coaches.caseload``); numpy and pandas scalars are fine.
        scenario: A :class:`Scenario` or the path of a scenario file.
        base: Optional base scenario (or path): the run becomes a pair on common random
            numbers, and the outcomes include the base's (``base.NAME``) and the paired
            differences (``extra_exits_work_36m``, ``net_cost_eur_36m``,
            ``net_cost_per_extra_exit_to_work_36m``...), as in a sweep.
        replicate: Replicate number: its random streams (common to every scenario and
            every value, so two calls differ by their values, not by luck).
        seed: Root seed (default: the scenario's).
        months: Horizon in months (default: the scenario's, 36 in every shipped one).

    Returns:
        Every scalar outcome by name (floats; NaN where an outcome has no value, such as a
        cost per extra exit without extra exits).

    Raises:
        InputError: for an unknown name, a bad value (one line naming it and what is
            allowed) or a scenario file that is not valid.
    """
    evaluation = evaluator(scenario, base, months)
    given = check_values(values or {}, evaluation)
    evaluation.check(given)
    replicate = _integer(replicate, "replicate", MAX_SEED)
    root = evaluation.scenario.seed if seed is None else _integer(seed, "seed", MAX_SEED)
    row = evaluation.evaluate(given, replicate, root).row
    return {name: float(row[name]) for name in evaluation.output_names()}


__all__ = ["COST_PER_EXIT", "EXITS", "EXTRA_EXITS", "NET_COST", "OUTCOMES", "evaluate",
           "evaluator", "scenario_of"]
