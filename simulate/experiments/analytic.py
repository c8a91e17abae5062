"""Analytic test functions with known sensitivity indices, run like the model.

:class:`Ishigami` is an evaluator (see :mod:`simulate.experiments.evaluate`) for the
Ishigami-Homma function, the standard check of Sobol estimators (SALib tests against it):

    y = sin(x1) + a sin(x2)^2 + b x3^4 sin(x1),   x1, x2, x3 uniform on [-pi, pi],

plus a factor ``x4`` on [0, 1] that the function ignores (its indices are 0). Running an
experiment with it goes through exactly the same design, executor, storage and analysis
code as the model, so recovering :func:`ishigami_indices` checks that pipeline.

Optional noise (``noise_sd``) adds a standard normal draw times ``noise_sd``, drawn from
the project's streams keyed by (seed, replicate, design point): the same replicate at
another point gets an independent draw. That is the pessimistic case for a stochastic
model, where common random numbers cancel nothing; averaging replicates per point is then
the only defence, which the tests measure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from simulate.experiments.evaluate import Evaluation
from simulate.parameters import Parameter, ParameterSet
from simulate.rng import Streams, stable_hash

SOURCE = "Ishigami and Homma (1990), the usual test function of Sobol estimators"
NOISE_STREAM = "ishigami.noise"

DECLARATIONS = ParameterSet((
    *(Parameter(f"x{i}", 0.0, "1", (-math.pi, math.pi), SOURCE, f"Input {i}.",
                bounds=(-math.pi, math.pi)) for i in (1, 2, 3)),
    Parameter("x4", 0.5, "1", (0.0, 1.0), "none: a check that an unused input scores 0",
              "An input the function ignores.", bounds=(0.0, 1.0)),
))


def ishigami(x1: float, x2: float, x3: float, a: float = 7.0, b: float = 0.1) -> float:
    """The Ishigami-Homma function."""
    return math.sin(x1) + a * math.sin(x2) ** 2 + b * x3 ** 4 * math.sin(x1)


def ishigami_indices(a: float = 7.0, b: float = 0.1) -> dict[str, dict[str, float]]:
    """Exact first-order (S1) and total (ST) indices of x1..x4 for uniform inputs."""
    pi4, pi8 = math.pi ** 4, math.pi ** 8
    v1 = 0.5 * (1 + b * pi4 / 5) ** 2
    v2 = a ** 2 / 8
    v13 = b ** 2 * pi8 * (1 / 18 - 1 / 50)
    total = v1 + v2 + v13
    return {"S1": {"x1": v1 / total, "x2": v2 / total, "x3": 0.0, "x4": 0.0},
            "ST": {"x1": (v1 + v13) / total, "x2": v2 / total, "x3": v13 / total, "x4": 0.0}}


class Ishigami:
    """Evaluator of the Ishigami function (output ``y``).

    Args:
        a: Coefficient of sin(x2)^2 (7 in the literature).
        b: Coefficient of x3^4 sin(x1) (0.1 in the literature).
        noise_sd: Standard deviation of the added noise (0: deterministic).
    """

    monthly_series = False

    def __init__(self, a: float = 7.0, b: float = 0.1, noise_sd: float = 0.0) -> None:
        self.a, self.b, self.noise_sd = a, b, noise_sd

    def declaration(self, name: str) -> Parameter:
        if name not in DECLARATIONS:
            raise LookupError(f"unknown input; the Ishigami function has {', '.join(DECLARATIONS)}")
        return DECLARATIONS[name]

    def uncertainties(self) -> list[str]:
        return list(DECLARATIONS)

    def output_names(self) -> list[str]:
        return ["y"]

    def check(self, values: Mapping[str, Any]) -> None:
        """Every value within the declared bounds is valid."""

    def digest(self) -> str:
        return f"ishigami-{self.a!r}-{self.b!r}-{self.noise_sd!r}"

    def describe(self) -> dict[str, Any]:
        return {"function": "ishigami", "a": self.a, "b": self.b, "noise_sd": self.noise_sd}

    def evaluate(self, values: Mapping[str, Any], replicate: int, seed: int,
                 monthly: bool = False) -> Evaluation:
        x = {name: float(values.get(name, DECLARATIONS[name].default)) for name in DECLARATIONS}
        y = ishigami(x["x1"], x["x2"], x["x3"], self.a, self.b)
        if self.noise_sd:
            point = stable_hash(*(repr(x[n]) for n in DECLARATIONS)) >> 2
            z = Streams(seed, replicate).normal(NOISE_STREAM, 0, np.array([point]))[0]
            y += self.noise_sd * float(z)
        return Evaluation({"y": y})
