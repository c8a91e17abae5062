"""The policy interface: one base class with fixed hooks, declared metrics, and a registry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from simulate.metrics import Metric, cost_metric
from simulate.module import Module, State
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    PRACTICE,
    Parameter,
    Params,
    count,
)

if TYPE_CHECKING:
    from simulate.policies.context import PolicyContext
    from simulate.population import Mothers

# Metric and cost_metric are declared in simulate.metrics, State in simulate.module; policy
# modules import them from here too.
__all__ = ["REGISTRY", "ROTTERDAM_TARGET_GROUP", "ROTTERDAM_TARGET_GROUP_NL", "Metric",
           "Policy", "State", "cost_metric", "longest_waiting", "make_policy", "register",
           "target_group_parameters"]


def _column(name: str) -> property:
    def get(self: Policy) -> np.ndarray:
        return self._mothers.column(f"{self.label}:{name}")

    return property(get, doc=f"The policy's per-mother column {name!r} (see State).")


class Policy(Module):
    """Base class of policy modules (a :class:`simulate.module.Module`: title, parameters,
    state and metrics declared on the class). Override only the hooks you need.

    The model calls the hooks in this order each month (see
    :class:`simulate.model.PathwaysModel` for the whole month)::

        demography, exemptions
        -> on_month_start(ctx)          set this month's modifiers, recruit, hold sessions
        coach contact, ladder, job offers
        -> allocate(ctx)                hand out scarce programme resources to this
                                        month's demand (e.g. reserved childcare places)
        childcare and job starts, other exits, job loss
        -> on_month_end(ctx)            end-of-month actions; returns the month's metrics
                                        (by default ``report(ctx)``)
        record

    A policy works through its :class:`simulate.policies.context.PolicyContext`: scoped
    random draws, the target-group predicate, the modifier columns, this month's offers,
    coaches and childcare places. It reads its parameters from ``self.params``. At its
    ``zero`` settings it must leave a run bit-for-bit unchanged (tested for every
    registered policy).

    Class attributes:
        name: Registry name used in scenario files.
        title, title_nl: What the programme is, in a few words, in English and Dutch
            (reports and the explorer name it so).
        parameters: Declarations of the policy's own parameters.
        metrics: The monthly metrics :meth:`report` returns, exactly (one of them the cost).
        state: Its per-mother columns (:class:`State`), read and written as attributes.
        uses: The other modules whose participants or services it reads (registry names):
            the context refuses a link that is not declared here.
        zero: Parameter values at which the policy is an exact no-op.
        several_instances: Whether a scenario may list the module more than once.

    Args:
        params: Parameter values (validated against ``parameters``).
        label: Name of this instance, for a scenario that runs the same module twice. It
            prefixes the instance's metrics, parameter names and random streams; defaults
            to ``name``.
    """

    uses: ClassVar[tuple[str, ...]] = ()
    zero: ClassVar[dict[str, Any]] = {}
    # False for modules whose state is shared through the model (a second instance would
    # count the first one's resources as its own).
    several_instances: ClassVar[bool] = True

    def __init__(self, params: Params | Mapping[str, Any] | None = None,
                 label: str | None = None) -> None:
        if not isinstance(params, Params):
            params = Params.from_overrides(params or {}, self.parameters)
        self.params = params
        self.label = label or self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.params.values!r}, label={self.label!r})"

    def bind(self, mothers: Mothers) -> None:
        """Join a model: the mothers' table allocates this policy's :attr:`state`."""
        self._mothers = mothers
        for col in self.state:
            mothers.declare(f"{self.label}:{col.name}", col.dtype, col.fill)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        """Ids of the mothers taking part in this programme now (none by default)."""
        return np.zeros(0, dtype=np.int64)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        """Ids of the mothers who have taken part at any time."""
        return self.participants(ctx)

    def setup(self, ctx: PolicyContext) -> None:
        """Called once, at month 0, after the burn-in."""

    def on_month_start(self, ctx: PolicyContext) -> None:
        """Called after demography and exemptions, before coach contact."""

    def allocate(self, ctx: PolicyContext) -> None:
        """Called after job offers are made, before childcare decides on them."""

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        """Called after job loss; returns this month's metrics (by default :meth:`report`)."""
        return self.report(ctx)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        """This month's metrics, read from state without changing it: exactly the names in
        :attr:`metrics` (the model also records them for month 0, with costs at zero)."""
        return {}


REGISTRY: dict[str, type[Policy]] = {}


def register(cls: type[Policy]) -> type[Policy]:
    """Class decorator: make a policy available to scenario files by its ``name``.

    Raises:
        ValueError: for a missing or taken name, a missing title, a charted metric without
            words, metrics without exactly one cost, or zero settings that are not declared
            parameters.
    """
    problems = cls.declaration_problems()
    if problems:
        raise ValueError(problems[0])
    if cls.name in REGISTRY and REGISTRY[cls.name].__qualname__ != cls.__qualname__:
        raise ValueError(f"policy name {cls.name!r} is taken by {REGISTRY[cls.name].__name__}")
    costs = [m for m in cls.metrics if m.cost]
    if len(costs) != 1 or costs[0].name != "cost_eur":
        raise ValueError(f"{cls.__name__} must declare exactly one cost metric, cost_eur")
    for key, value in cls.zero.items():
        if key not in cls.parameters:
            raise ValueError(f"{cls.__name__}: zero setting {key!r} is not a parameter")
        cls.parameters[key].check(value)
    if not cls.zero:
        raise ValueError(f"{cls.__name__} declares no zero settings (its exact no-op)")
    for col in cls.state:
        if col.name in vars(cls) and not isinstance(vars(cls)[col.name], property):
            raise ValueError(f"{cls.__name__}: state {col.name!r} is also a class attribute")
        setattr(cls, col.name, _column(col.name))
    REGISTRY[cls.name] = cls
    return cls


def make_policy(name: str, values: Mapping[str, Any] | None = None,
                label: str | None = None) -> Policy:
    """Instantiate a registered policy; raises KeyError for an unknown name."""
    return REGISTRY[name](values, label)


ROTTERDAM_TARGET_GROUP = "004:446: the women informed had a child under two"


def longest_waiting(ids: np.ndarray, since: np.ndarray) -> np.ndarray:
    """``ids`` in waiting-list order: the earliest ``since`` (month she joined) first, then
    the lower id."""
    return ids[np.lexsort((ids, since[ids]))]


ROTTERDAM_TARGET_GROUP_NL = "004:446: de geïnformeerde vrouwen hadden een kind jonger dan twee jaar"


def target_group_parameters(source: str = ROTTERDAM_TARGET_GROUP,
                            max_child_age_months: int = 24,
                            source_nl: str = ROTTERDAM_TARGET_GROUP_NL) -> tuple[Parameter, ...]:
    """The levers that say who a programme is for: ``max_child_age_months``,
    ``include_pregnant`` and ``include_exempt`` (read with ``ctx.target_group``);
    ``source_nl`` is ``source`` in Dutch."""
    return (
        count("max_child_age_months", max_child_age_months, (12, 60), source,
              "Eligible with a youngest child under this age (or pregnant, if included).",
              lo=0, hi=216, unit="months", kind="lever",
              doc_nl="Doelgroep: jongste kind jonger dan deze leeftijd (of zwanger, als "
              "zwangeren meedoen).", unit_nl="maanden", source_nl=source_nl),
        Parameter("include_pregnant", True, "flag", None, PRACTICE + ": target group",
                  "Pregnant women are eligible.", kind="lever", type=bool,
                  doc_nl="Zwangere vrouwen horen bij de doelgroep.", unit_nl="ja/nee",
                  source_nl="evaluatie- en praktijkrapporten: doelgroep"),
        Parameter("include_exempt", True, "flag", None, ASSUMPTION,
                  "Mothers with an exemption from the work obligation are eligible.",
                  kind="lever", type=bool,
                  doc_nl="Moeders met een ontheffing van de arbeidsverplichting horen bij de "
                  "doelgroep.", unit_nl="ja/nee", source_nl=ASSUMPTION_NL),
    )
