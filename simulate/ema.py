"""EMA Workbench as a client: the model as an EMA ``ReplicatorModel`` built from the
declarations.

Needs the ``ema`` extra (``pip install 'pathways-simulate[ema]'``). docs/ema.md has a
worked example (``perform_experiments`` and PRIM)::

    from simulate.ema import model
    ema_model = model("scenarios/combined.yaml", base="scenarios/baseline.yaml",
                      uncertainties=["job_offer_base", "childcare_places_per_100_mothers"],
                      levers=["reserved_childcare.places"],
                      outcomes=["extra_exits_work_36m"], replications=5)

Each EMA parameter comes from a declaration (:mod:`simulate.parameters`, the policies'):
a real number is a ``RealParameter``, an integer an ``IntegerParameter``, true/false a
``BooleanParameter`` and a rule (a text parameter with choices) a ``CategoricalParameter``,
over the declared plausible range unless given one. Uncertainties must be declared as
something a municipality does not choose (uncertainty, fact or setting) and levers as
levers, so that EMA's scenarios are futures and its policies are choices. EMA names must be
Python identifiers: a policy's ``dedicated_coaches.caseload`` is named
``dedicated_coaches__caseload`` there (:func:`ema_name`) and handed to the model by its
declared name.

One experiment runs :func:`simulate.evaluate` once per replication: replication ``r`` is
the model's replicate ``r``, whose random numbers are common to every experiment (common
random numbers), so experiments differ by their values, not by luck. An outcome is the
mean over the replications; a cost per extra exit is the ratio of the means (as the
project's summaries compute it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from ema_workbench import (
    BooleanParameter,
    CategoricalParameter,
    IntegerParameter,
    RealParameter,
    ReplicatorModel,
    ScalarOutcome,
)

from simulate.clients import EXITS, OUTCOMES, ScenarioLike, evaluate, evaluator, scenario_of
from simulate.outcomes import named, ratio_parts
from simulate.parameters import Parameter
from simulate.schema import InputError

SOURCE = "simulate.ema.model"
# What may be listed as an uncertainty (everything a municipality does not choose).
NOT_CHOSEN = ("uncertainty", "fact", "setting")

Ranges = Iterable[str] | Mapping[str, Any]


def ema_name(name: str) -> str:
    """The EMA name (a Python identifier) of a declared parameter."""
    return name.replace(".", "__")


class Run:
    """What EMA calls once per replication: :func:`simulate.evaluate` at the experiment's
    values, for the replicate EMA's replication names. Picklable, so EMA's multiprocessing
    evaluator can use it."""

    def __init__(self, scenario, base, seed: int | None, months: int | None,
                 variables: Sequence[str]) -> None:
        self.scenario, self.base, self.seed, self.months = scenario, base, seed, months
        self.variables = list(variables)

    def __call__(self, replicate: int = 0, **values: Any) -> dict[str, float]:
        row = evaluate(values, scenario=self.scenario, base=self.base, replicate=replicate,
                       seed=self.seed, months=self.months)
        return {name: row[name] for name in self.variables}


def ratio_of_means(numerators, denominators) -> float:
    """A cost per extra exit over replications: mean net cost over mean extra exits (NaN
    when there are no extra exits on average)."""
    den = float(np.mean(denominators))
    return float(np.mean(numerators)) / den if den > 0 else float("nan")


def mean(values) -> float:
    """An outcome over replications: their mean."""
    return float(np.mean(values))


def parameter(name: str, declaration: Parameter, spec: Any = None):
    """The EMA parameter of one declared parameter.

    Args:
        name: Its declared name (``job_offer_base``, ``dedicated_coaches.caseload``).
        declaration: Its declaration.
        spec: ``None`` (the declared plausible range, or every choice), ``(low, high)``
            (checked against the declaration) or, for a rule, a list of choices.
    """
    kw = {"variable_name": name} if ema_name(name) != name else {}
    where = f"{name}"
    if declaration.type is bool:
        if spec is not None:
            raise InputError(SOURCE, where, "a true/false parameter takes both values; give "
                             "no range", "input")
        return BooleanParameter(ema_name(name), **kw)
    if declaration.type is str:
        choices = list(declaration.choices or ()) if spec is None else list(spec)
        for choice in choices:
            _check(declaration, choice, where)
        return CategoricalParameter(ema_name(name), choices, **kw)
    if spec is None:
        if declaration.range is None or not declaration.range[0] < declaration.range[1]:
            raise InputError(SOURCE, where, "has no declared range to explore; give "
                             "(low, high)", "input")
        low, high = declaration.range
    else:
        try:
            low, high = spec
        except (TypeError, ValueError):
            raise InputError(SOURCE, where, f"expected (low, high), got {spec!r}",
                             "input") from None
    low, high = _check(declaration, low, where), _check(declaration, high, where)
    if not low < high:
        raise InputError(SOURCE, where, f"low ({low}) must be below high ({high})", "input")
    if declaration.type is int:
        return IntegerParameter(ema_name(name), int(low), int(high), **kw)
    return RealParameter(ema_name(name), float(low), float(high), **kw)


def _check(declaration: Parameter, value: Any, where: str) -> Any:
    try:
        return declaration.check(value)
    except ValueError as err:
        raise InputError(SOURCE, where, str(err), "input") from None


def _parameters(names: Ranges, kinds: Sequence[str], what: str, evaluation) -> list:
    specs = dict(names) if isinstance(names, Mapping) else dict.fromkeys(names)
    out = []
    for name, spec in specs.items():
        try:
            declaration = evaluation.declaration(name)
        except LookupError as err:
            raise InputError(SOURCE, f"{what}.{name}", str(err.args[0]), "input") from None
        if declaration.kind not in kinds:
            other = "levers" if declaration.kind == "lever" else "uncertainties"
            raise InputError(SOURCE, f"{what}.{name}", f"is declared a {declaration.kind}, "
                             f"not one of the {what}; list it under {other}", "input")
        out.append(parameter(name, declaration, spec))
    return out


def _uncertainties(evaluation) -> list[str]:
    """Every declared uncertainty of the scenarios with a range to explore."""
    out = []
    for name in evaluation.uncertainties():
        d = evaluation.declaration(name)
        if d.type in (int, float) and d.range is not None and d.range[0] < d.range[1]:
            out.append(name)
    return out


def model(scenario: ScenarioLike, base: ScenarioLike | None = None,
          uncertainties: Ranges | None = None, levers: Ranges = (),
          outcomes: Sequence[str] | None = None, *, replications: int = 1,
          seed: int | None = None, months: int | None = None,
          name: str = "pathways") -> ReplicatorModel:
    """An EMA Workbench model of ``scenario`` (paired with ``base``, if given).

    Args:
        scenario: A :class:`simulate.scenario.Scenario` or a scenario file's path: its
            policies run in every experiment.
        base: Optional base scenario (or path): every experiment is a pair on common random
            numbers, and the paired outcomes (``extra_exits_work_36m``...) exist.
        uncertainties: Names of what EMA's scenarios vary (default: every declared
            uncertainty of the scenarios with a range), or a mapping of names to
            ``(low, high)`` (``None`` for the declared range; a list of choices for a rule).
        levers: What EMA's policies vary, likewise (default: nothing).
        outcomes: Outcome names (default: :data:`simulate.clients.OUTCOMES` with a base,
            :data:`simulate.clients.EXITS` without).
        replications: Replicates per experiment (common random numbers).
        seed: Root seed (default: the scenario's).
        months: Horizon (default: the scenario's).
        name: The EMA model's name (a Python identifier).

    Raises:
        InputError: for an unknown name, a lever listed as an uncertainty (or the other way
            round), a range outside the declaration or an unknown outcome.
    """
    alt = scenario_of(scenario)
    ref = scenario_of(base, "base") if base is not None else None
    evaluation = evaluator(alt, ref, months)
    chosen = list(outcomes) if outcomes is not None else (
        list(OUTCOMES) if ref is not None else [EXITS])
    known = evaluation.output_names()
    ema_outcomes, variables = [], []
    for outcome in chosen:
        if outcome not in known:
            raise InputError(SOURCE, f"outcomes.{outcome}", "unknown outcome; outcomes are "
                             "run outcomes such as " + ", ".join(known[:3]) +
                             " (docs/experiments.md)", "input")
        found = named(outcome)
        horizon = found.months if found is not None else None
        if horizon is not None and horizon > evaluation.months:
            raise InputError(SOURCE, f"outcomes.{outcome}", f"is beyond the horizon of "
                             f"{evaluation.months} months; give months of at least "
                             f"{horizon}", "input")
        parts = ratio_parts(outcome)
        if parts:
            ema_outcomes.append(ScalarOutcome(ema_name(outcome), variable_name=list(parts),
                                              function=ratio_of_means))
            variables += [p for p in parts if p not in variables]
        else:
            ema_outcomes.append(ScalarOutcome(ema_name(outcome), variable_name=outcome,
                                              function=mean))
            if outcome not in variables:
                variables.append(outcome)
    if not isinstance(replications, int) or isinstance(replications, bool) or replications < 1:
        raise InputError(SOURCE, "replications", f"{replications!r} is not allowed; expected "
                         "an integer of at least 1", "input")
    ema_model = ReplicatorModel(name, function=Run(alt, ref, seed, months, variables))
    ema_model.uncertainties = _parameters(
        _uncertainties(evaluation) if uncertainties is None else uncertainties,
        NOT_CHOSEN, "uncertainties", evaluation)
    ema_model.levers = _parameters(levers, ("lever",), "levers", evaluation)
    ema_model.outcomes = ema_outcomes
    ema_model.replications = [{"replicate": r} for r in range(replications)]
    return ema_model


__all__ = ["Run", "ema_name", "model", "parameter"]
