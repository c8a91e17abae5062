"""The policy interface: one base class with fixed hooks, and a registry by name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from simulate.parameters import Params, ParameterSet

if TYPE_CHECKING:
    from simulate.model import PathwaysModel


class Policy:
    """Base class of policy modules. Override only the hooks you need.

    The model calls the hooks in this order each month (see
    :class:`simulate.model.PathwaysModel` for the whole month)::

        demography, exemptions
        -> on_month_start(model)        set this month's modifiers, recruit, hold sessions
        coach contact, ladder, job offers
        -> allocate(model, rng)         hand out scarce programme resources to this
                                        month's demand (e.g. reserved childcare places)
        childcare and job starts, other exits, job loss
        -> on_month_end(model)          end-of-month actions; returns the month's metrics
                                        and cost (by default ``metrics(model)``)
        record

    A policy changes agent-level modifiers (columns ``mod_*``, coach assignments, reserved
    places, network ties); the exit mechanics stay in the model, so policies compose.
    Policies read parameters from ``self.params`` (a read-only copy); they never change
    the model's parameters. At zero intensity a policy must leave the run bit-for-bit
    unchanged, which means drawing nothing and changing nothing.

    Class attributes:
        name: Registry name used in scenario files.
        parameters: Declarations of the policy's own parameters.
        several_instances: Whether a scenario may list the module more than once.

    Args:
        params: Parameter values (validated against ``parameters``).
        label: Name of this instance, for a scenario that runs the same module twice
            (e.g. a short training and a group trajectory, both peer groups). It prefixes
            the instance's metrics and parameter names; defaults to ``name``.
    """

    name: ClassVar[str] = ""
    parameters: ClassVar[ParameterSet] = ParameterSet(())
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

    def participants(self, model: PathwaysModel) -> np.ndarray:
        """Ids of the mothers taking part in this programme now (none by default).

        Other policies use this, e.g. childcare during programme activities.
        """
        return np.zeros(0, dtype=np.int64)

    def ever_participants(self, model: PathwaysModel) -> np.ndarray:
        """Ids of the mothers who have taken part at any time (e.g. reserved places,
        aftercare for programme participants)."""
        return self.participants(model)


    def setup(self, model: PathwaysModel) -> None:
        """Called once, after the initial stock exists and before month 1."""

    def on_month_start(self, model: PathwaysModel) -> None:
        """Called after demography and exemptions, before coach contact."""

    def allocate(self, model: PathwaysModel, rng: np.random.Generator) -> None:
        """Called after job offers are made, before childcare decides on them."""

    def on_month_end(self, model: PathwaysModel) -> dict[str, float]:
        """Called after job loss; returns this month's metrics (by default :meth:`metrics`)."""
        return self.metrics(model)

    def metrics(self, model: PathwaysModel) -> dict[str, float]:
        """This month's metrics, read from state without changing it.

        The same keys every month (the model also records them for month 0). A ``cost_eur``
        entry is the month's cost; the model sums costs into ``intervention_spending_eur``.
        """
        return {}


def programme_ids(model: PathwaysModel, besides: Policy, ever: bool = True) -> np.ndarray:
    """Mothers taking part (now, or ever) in any of the model's policies other than ``besides``."""
    ids = [(p.ever_participants(model) if ever else p.participants(model))
           for p in model.policies if p is not besides]
    return np.unique(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.int64)


REGISTRY: dict[str, type[Policy]] = {}


def register(cls: type[Policy]) -> type[Policy]:
    """Class decorator: make a policy available to scenario files by its ``name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise ValueError(f"policy name {cls.name!r} is taken by {REGISTRY[cls.name].__name__}")
    REGISTRY[cls.name] = cls
    return cls


def make_policy(name: str, values: Mapping[str, Any] | None = None,
                label: str | None = None) -> Policy:
    """Instantiate a registered policy; raises KeyError for an unknown name."""
    return REGISTRY[name](values, label)


def grown(array: np.ndarray, n: int, fill) -> np.ndarray:
    """``array`` extended with ``fill`` to at least ``n`` entries (for per-mother policy state)."""
    if len(array) >= n:
        return array
    out = np.full(max(n, 2 * len(array)), fill, dtype=array.dtype)
    out[: len(array)] = array
    return out
