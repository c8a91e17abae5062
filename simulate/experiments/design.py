"""Experimental designs: which parameter values each design point gets.

Four designs, all over named *factors* (declared parameters, core or ``policy.param``):

- ``grid``: every combination of listed values, the first factor varying slowest;
- ``sobol``: Saltelli's cross-sampling of a scrambled Sobol' sequence
  (:func:`SALib.sample.sobol.sample`), N * (D + 2) points, or N * (2D + 2) with
  second-order indices;
- ``morris``: N one-at-a-time trajectories of D + 1 points on a ``levels``-level grid
  (:func:`SALib.sample.morris.sample`);
- ``sample``: a Latin hypercube of N points (:func:`SALib.sample.latin.sample`).

SALib samples real numbers in each factor's bounds. Integer factors are sampled on
``[low, high + 1)`` and floored (capped at ``high``), so every integer of the range is
equally likely; true/false factors are sampled on ``[0, 2)`` and floored. The SALib-scale
sample (``x``) is kept beside the model values because Morris elementary effects are
computed on it.

The sample is drawn from the experiment's root seed through the project's named streams
(:meth:`simulate.rng.Streams.generator`), so the same experiment always has the same
design.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulate.parameters import Parameter
from simulate.rng import Streams

TYPES = ("grid", "sobol", "morris", "sample")
DESIGN_STREAM = "experiment.design"


@dataclass(frozen=True)
class Factor:
    """One varied parameter.

    Attributes:
        name: Parameter name as written in the experiment file (``policy.param`` for a
            policy's parameter).
        parameter: Its declaration (type, bounds, plausible range).
        values: Grid values (grid designs only), already checked against the declaration.
        low: Lowest value of a sampled factor (from the declaration's range unless
            overridden).
        high: Highest value of a sampled factor.
    """

    name: str
    parameter: Parameter
    values: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None

    def bounds(self) -> list[float]:
        """Bounds of the SALib problem for this factor."""
        if self.parameter.type is bool:
            return [0.0, 2.0]
        low, high = self._limits()
        if self.parameter.type is int:
            return [float(low), float(high) + 1.0]
        return [float(low), float(high)]

    def _limits(self) -> tuple[float, float]:
        if self.low is None or self.high is None:
            raise ValueError(f"{self.name} takes listed values, not a range")
        return self.low, self.high

    def value(self, x: float) -> Any:
        """The model value of SALib sample value ``x``."""
        if self.parameter.type is bool:
            return bool(x >= 1.0)
        low, high = self._limits()
        if self.parameter.type is int:
            return min(math.floor(x), int(high))
        # Clip guards against a last-ulp overshoot of SALib's scaling.
        return self.parameter.check(min(max(float(x), low), high))

    def column(self, x: np.ndarray) -> list[Any]:
        """:meth:`value` of each of ``x`` (a SALib sample's column), computed for the whole
        column: the same values, of the same Python types."""
        x = np.asarray(x, dtype=np.float64)
        if self.parameter.type is bool:
            return (x >= 1.0).tolist()
        if not np.isfinite(x).all():
            return [self.value(v) for v in x]  # the check's own error
        low, high = self._limits()
        if self.parameter.type is int:
            return np.minimum(np.floor(x), int(high)).astype(np.int64).tolist()
        out = np.clip(x, low, high)
        if len(out):  # every value lies between these two, which the declaration allows
            self.parameter.check(float(out.min()))
            self.parameter.check(float(out.max()))
        return out.tolist()

    def describe(self) -> dict[str, Any]:
        """Plain data for manifests and digests."""
        if self.values:
            return {"name": self.name, "values": list(self.values)}
        return {"name": self.name, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class Design:
    """A validated design (build it with :func:`simulate.experiments.spec.read_design`).

    Attributes:
        type: One of :data:`TYPES`.
        factors: The varied parameters, in file order.
        samples: Sobol base samples N, Morris trajectories or Latin hypercube points.
        second_order: Sobol: sample for second-order indices too.
        levels: Morris: number of grid levels.
    """

    type: str
    factors: tuple[Factor, ...]
    samples: int = 0
    second_order: bool = False
    levels: int = 4
    crossed: bool = False

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.factors]

    @property
    def futures(self) -> tuple[Factor, ...]:
        """The factors the design type samples (or grids): all but a crossed policy's."""
        return self.factors[1:] if self.crossed else self.factors

    @property
    def policies(self) -> tuple[Any, ...]:
        """The named policies crossed with every future (empty when not crossed)."""
        return self.factors[0].values if self.crossed else ()

    @property
    def step(self) -> int:
        """Design points per Sobol base sample or per Morris trajectory (1 otherwise)."""
        d = len(self.futures)
        if self.type == "sobol":
            return 2 * d + 2 if self.second_order else d + 2
        if self.type == "morris":
            return d + 1
        return 1

    @property
    def size(self) -> int:
        """Number of design points."""
        if self.type == "grid":
            futures = math.prod(len(f.values) for f in self.futures)
        else:
            futures = self.samples * self.step
        return futures * max(len(self.policies), 1)

    def problem(self) -> dict[str, Any]:
        """The SALib problem (names and sampling bounds) of the sampled factors."""
        return {"num_vars": len(self.futures), "names": [f.name for f in self.futures],
                "bounds": [f.bounds() for f in self.futures]}

    def describe(self) -> dict[str, Any]:
        return {"type": self.type, "factors": [f.describe() for f in self.factors],
                "samples": self.samples, "second_order": self.second_order,
                "levels": self.levels, **({"crossed": True} if self.crossed else {})}

    def matrix(self, seed: int) -> DesignMatrix:
        """Draw the design: SALib-scale sample and model values of every point.

        Crossed with policies, every future (a grid point or sample) is repeated once per
        policy, the policy varying fastest: point ``future * policies + policy``.
        """
        x: np.ndarray | None = None
        if self.type == "grid":
            rows = list(itertools.product(*(f.values for f in self.futures)))
        else:
            x = self._salib_sample(seed)
            rows = list(zip(*(f.column(x[:, j]) for j, f in enumerate(self.futures))))
        if self.crossed:
            rows = [(policy, *row) for row in rows for policy in self.policies]
            if x is not None:
                x = np.repeat(x, len(self.policies), axis=0)
        return DesignMatrix(self.names, x, rows)

    def _salib_sample(self, seed: int) -> np.ndarray:
        # Imported here: SALib is only needed for sampled designs.
        from SALib.sample import latin, morris, sobol

        rng = Streams(seed).generator(DESIGN_STREAM)
        problem = self.problem()
        if self.type == "sobol":
            return sobol.sample(problem, self.samples, calc_second_order=self.second_order,
                                scramble=True, seed=rng)
        if self.type == "morris":
            return morris.sample(problem, self.samples, num_levels=self.levels, seed=rng)
        return latin.sample(problem, self.samples, seed=rng)


@dataclass(frozen=True)
class DesignMatrix:
    """The points of a design.

    Attributes:
        names: Factor names (the columns).
        x: SALib-scale sample, one row per point (``None`` for a grid).
        rows: Model values, one tuple per point, in factor order.
    """

    names: list[str]
    x: np.ndarray | None
    rows: list[tuple[Any, ...]]

    def __len__(self) -> int:
        return len(self.rows)

    def values(self, point: int) -> dict[str, Any]:
        """Parameter values of one design point, by name."""
        return dict(zip(self.names, self.rows[point]))
