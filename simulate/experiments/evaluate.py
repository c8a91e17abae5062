"""Evaluators: what one run of an experiment computes.

An evaluator turns the parameter values of a design point and a replicate number into
named scalar outputs (and, on request, monthly series). The experiment machinery (design,
executors, durable storage, sensitivity analysis) only talks to this interface, so the
model can be swapped for a function with known sensitivity indices
(:class:`simulate.experiments.analytic.Ishigami`) to check the whole pipeline.

:class:`ScenarioEvaluator` runs the model: one scenario, or, when a baseline is given, a
pair that shares the design point's values and the replicate's random streams (common
random numbers), so that paired outputs (``extra_exits_work_24m``,
``net_cost_per_extra_exit_to_work``...) measure the policy rather than noise.
:class:`PolicyEvaluator` runs an experiment's named policies, each in every future of its
design (a ``policy`` factor picks the policy's :class:`ScenarioEvaluator`).
:func:`simulate.evaluate` is one run of a :class:`ScenarioEvaluator`, for any client.

Evaluators are pickled to worker processes; each worker keeps the first copy it receives
(see :mod:`simulate.experiments.sweep`), so caches on the evaluator live as long as the
worker.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from simulate.batch import BurnInJob
from simulate.compare import paired_outcome_names, paired_outcomes
from simulate.outcomes import BASE_PREFIX, run_outcome_names
from simulate.parameters import PARAMETERS, Parameter
from simulate.policies import REGISTRY
from simulate.runner import ReplicateResult, burn_ins, simulate_replicate
from simulate.scenario import Scenario
from simulate.schema import unknown

# Base runs kept per worker: a lever grid with a baseline repeats the same base run for
# every lever value, so a handful of entries turns those repeats into look-ups.
BASE_CACHE_ENTRIES = 64


@dataclass
class Monthly:
    """Monthly series of one simulated scenario: ``values[month_index, metric_index]``."""

    scenario: str
    months: np.ndarray
    metrics: list[str]
    values: np.ndarray


@dataclass
class Evaluation:
    """What one run produced: scalar outputs by name, and monthly series when asked."""

    row: dict[str, float]
    monthly: list[Monthly] | None = None


class Evaluator(Protocol):
    """The interface the experiment machinery uses (see the module docstring).

    Attributes:
        monthly_series: Whether :meth:`evaluate` can return monthly series.
    """

    monthly_series: bool

    def declaration(self, name: str) -> Parameter:
        """The declaration of a parameter that a design may vary.

        Raises:
            LookupError: with a message naming what is allowed.
        """

    def uncertainties(self) -> list[str]:
        """Names of every declared uncertain parameter, for ``all_uncertainties``."""

    def output_names(self) -> list[str]:
        """Every output name a run produces."""

    def check(self, values: Mapping[str, Any]) -> None:
        """Raise :class:`simulate.schema.InputError` if the values do not make a valid run."""

    def digest(self) -> str:
        """Hash of everything that determines the outputs besides the design and seeds."""

    def describe(self) -> dict[str, Any]:
        """Plain data for the manifest."""

    def evaluate(self, values: Mapping[str, Any], replicate: int, seed: int,
                 monthly: bool = False) -> Evaluation:
        """Run replicate ``replicate`` at ``values`` with root seed ``seed``."""


class ScenarioEvaluator:
    """Runs the model for a scenario, or for a baseline and an alternative as a pair.

    A design value applies to every scenario it exists in: core parameters to both
    scenarios of a pair, ``policy.param`` values to the scenarios that list the policy.

    Args:
        scenario: The scenario (the alternative when a baseline is given).
        baseline: Optional base scenario; runs become pairs with paired outputs.
        months: Horizon in months (default: the scenario's).
    """

    monthly_series = True

    def __init__(self, scenario: Scenario, baseline: Scenario | None = None,
                 months: int | None = None) -> None:
        self.scenario = scenario
        self.baseline = baseline
        self.months = scenario.horizon_months if months is None else months
        self._base_cache: dict[tuple, ReplicateResult] = {}

    def __getstate__(self) -> dict[str, Any]:
        # Caches are per process; a worker starts with empty ones.
        return {**self.__dict__, "_base_cache": {}}

    @property
    def scenarios(self) -> list[Scenario]:
        return [self.scenario] + ([self.baseline] if self.baseline else [])

    # ---- declarations -------------------------------------------------------------------
    def _policies(self) -> dict[str, str]:
        """The scenarios' policy instances: label (or name) -> registry name."""
        names: dict[str, str] = {}
        for s in self.scenarios:
            for spec in s.policies:
                names.setdefault(spec.key, spec.name)
        return names

    def declaration(self, name: str) -> Parameter:
        if "." in name:
            policy, _, param = name.partition(".")
            if policy not in self._policies():
                listed = ", ".join(self._policies()) or "none"
                raise LookupError(f"the scenario has no policy {policy!r} (its policies: "
                                  f"{listed})")
            declarations = REGISTRY[self._policies()[policy]].parameters
            if param not in declarations:
                raise LookupError(unknown(param, list(declarations), f"{policy} parameter"))
            return declarations[param]
        if name not in PARAMETERS:
            raise LookupError(unknown(name, list(PARAMETERS), "parameter"))
        return PARAMETERS[name]

    def uncertainties(self) -> list[str]:
        names = [p.name for p in PARAMETERS.of_kind("uncertainty")]
        for key, policy in self._policies().items():
            declared = REGISTRY[policy].parameters.of_kind("uncertainty")
            names += [f"{key}.{p.name}" for p in declared]
        return names

    # ---- values -----------------------------------------------------------------------------
    def _split(self, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The values that apply to each of :attr:`scenarios`."""
        out = []
        for s in self.scenarios:
            own = {spec.key for spec in s.policies}
            out.append({k: v for k, v in values.items()
                        if "." not in k or k.partition(".")[0] in own})
        return out

    def check(self, values: Mapping[str, Any]) -> None:
        for s, own in zip(self.scenarios, self._split(values)):
            s.with_values(own, source=s.source or s.name)

    # ---- outputs ----------------------------------------------------------------------------
    def output_names(self) -> list[str]:
        # The declared outcomes (simulate.outcomes, simulate.compare): a test keeps them
        # equal to what runs produce.
        names = run_outcome_names()
        if self.baseline is not None:
            names += [BASE_PREFIX + k for k in run_outcome_names()]
            names += paired_outcome_names()
        return names

    def digest(self) -> str:
        text = json.dumps(self.describe(), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def describe(self) -> dict[str, Any]:
        return {"scenario": self.scenario.to_dict(),
                "baseline": self.baseline.to_dict() if self.baseline else None,
                "months": self.months}

    # ---- running ------------------------------------------------------------------------------
    def evaluate(self, values: Mapping[str, Any], replicate: int, seed: int,
                 monthly: bool = False) -> Evaluation:
        own = self._split(values)
        alt = self._simulate(self.scenario, own[0], replicate, seed)
        row = dict(alt.row)
        results = [alt]
        if self.baseline is not None:
            base = self._base(self.baseline, own[1], replicate, seed)
            row.update({BASE_PREFIX + k: v for k, v in base.row.items()})
            row.update(paired_outcomes(base.row, alt.row))
            results.append(base)
        series = [_monthly(r) for r in results] if monthly else None
        return Evaluation(row, series)

    def burn_ins(self, values: Mapping[str, Any], replicates: Sequence[int],
                 seed: int) -> list[BurnInJob]:
        """The burn-ins :meth:`evaluate` runs for ``replicates`` at ``values``, so that a
        sweep runs them together first (:func:`simulate.batch.warm_worlds`); the base's
        and the alternative's are one where they share a world."""
        return [job for scenario, own in zip(self.scenarios, self._split(values))
                for job in burn_ins(scenario.with_values(own) if own else scenario,
                                    replicates, seed, self.months, spells=False)]

    def _simulate(self, scenario: Scenario, values: dict[str, Any], replicate: int,
                  seed: int) -> ReplicateResult:
        changed = scenario.with_values(values) if values else scenario
        # The burn-in runs in the point's world (its uncertainties; every lever at its
        # default): a design point's levers take effect at month 0, as in compare and run.
        return simulate_replicate(changed, replicate, seed=seed, months=self.months,
                                  spells=False)

    def _base(self, baseline: Scenario, values: dict[str, Any], replicate: int,
              seed: int) -> ReplicateResult:
        key = (tuple(sorted(values.items())), replicate, seed)
        if key not in self._base_cache:
            if len(self._base_cache) >= BASE_CACHE_ENTRIES:
                self._base_cache.pop(next(iter(self._base_cache)))
            self._base_cache[key] = self._simulate(baseline, values, replicate, seed)
        return self._base_cache[key]


# Keys of a runner row that identify the run rather than measure it.
RUN_KEYS = ("scenario", "replicate", "seed", "horizon_months")


def _outcomes(scenario: Scenario, row: Mapping[str, Any]) -> dict[str, Any]:
    """The outcomes of a runner row: everything but the run's keys and parameter values."""
    skip = set(RUN_KEYS) | set(scenario.flat_values())
    return {k: v for k, v in row.items() if k not in skip}



def _monthly(result: ReplicateResult) -> Monthly:
    wide = result.monthly
    return Monthly(result.scenario, wide.index.to_numpy(dtype=np.int64), list(wide.columns),
                   wide.to_numpy(dtype=np.float64))


POLICY = "policy"


def policy_parameter(names: list[str]) -> Parameter:
    """The design factor that names the policy a run simulates (an experiment's ``policies``)."""
    return Parameter(POLICY, names[0], "named policy", None, "the experiment file",
                     "The named policy of the experiment that a run simulates.", kind="lever",
                     type=str, choices=tuple(names))


class PolicyEvaluator:
    """Named policies, each a scenario (run as a pair with the baseline, if any), crossed
    with the design's futures: a run's ``policy`` value picks the policy, the other values
    are the future it runs in (:class:`ScenarioEvaluator` runs it).

    Every policy runs in every future on the same random numbers: replicate r of every
    point uses the streams of (seed, r), whatever its policy.

    Args:
        policies: Policy name to its scenario (levers already set), in file order.
        baseline: Optional base scenario of every pair.
        months: Horizon in months.
    """

    monthly_series = True

    def __init__(self, policies: dict[str, Scenario], baseline: Scenario | None,
                 months: int) -> None:
        self.policies = {name: ScenarioEvaluator(s, baseline, months)
                         for name, s in policies.items()}
        self.baseline = baseline
        self.months = months
        self.parameter = policy_parameter(list(policies))
        self._share_base_runs()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._share_base_runs()

    def _share_base_runs(self) -> None:
        # The baseline of a future is the same run for every policy: one cache for all.
        shared: dict[tuple, ReplicateResult] = {}
        for evaluator in self.policies.values():
            evaluator._base_cache = shared

    @property
    def scenarios(self) -> list[Scenario]:
        return [e.scenario for e in self.policies.values()] + (
            [self.baseline] if self.baseline else [])

    def declaration(self, name: str) -> Parameter:
        if name == POLICY:
            return self.parameter
        problems = []
        for evaluator in self.policies.values():
            try:
                return evaluator.declaration(name)
            except LookupError as err:
                problems.append(str(err.args[0]))
        raise LookupError(problems[0] if "." not in name else
                          f"no policy's scenario has the policy {name.partition('.')[0]!r}")

    def uncertainties(self) -> list[str]:
        names: list[str] = []
        for evaluator in self.policies.values():
            names += [n for n in evaluator.uncertainties() if n not in names]
        return names

    def output_names(self) -> list[str]:
        """The outputs every policy's runs produce."""
        lists = [e.output_names() for e in self.policies.values()]
        common = set.intersection(*(set(names) for names in lists))
        return [n for n in lists[0] if n in common]

    def _pick(self, values: Mapping[str, Any]) -> tuple[ScenarioEvaluator, dict[str, Any]]:
        rest = {k: v for k, v in values.items() if k != POLICY}
        return self.policies[values[POLICY]], rest

    def check(self, values: Mapping[str, Any]) -> None:
        evaluator, rest = self._pick(values)
        evaluator.check(rest)

    def digest(self) -> str:
        text = json.dumps(self.describe(), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def describe(self) -> dict[str, Any]:
        return {"policies": {name: e.scenario.to_dict() for name, e in self.policies.items()},
                "baseline": self.baseline.to_dict() if self.baseline else None,
                "months": self.months}

    def evaluate(self, values: Mapping[str, Any], replicate: int, seed: int,
                 monthly: bool = False) -> Evaluation:
        evaluator, rest = self._pick(values)
        return evaluator.evaluate(rest, replicate, seed, monthly)

    def burn_ins(self, values: Mapping[str, Any], replicates: Sequence[int],
                 seed: int) -> list[BurnInJob]:
        evaluator, rest = self._pick(values)
        return evaluator.burn_ins(rest, replicates, seed)
