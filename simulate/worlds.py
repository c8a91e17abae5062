"""Plausible worlds: a comparison in every world the data allow, not only in the fitted one.

``simulate compare`` reports the luck of 1,190 mothers: an interval over replications in one
world, the one with every parameter at its default. Most of what is uncertain lies in the
parameters. This module draws *worlds* (one value for each uncertain parameter), keeps those
in which the base reproduces the calibration targets (history matching), runs the paired
comparison in every kept world, and says what the answer hinges on.

**What a world draws:**

- *The calibrated parameters* (those the calibration fits, ``simulate/calibration/fitted.yaml``)
  from what the fit says of them: a normal distribution around the fitted values with the
  precision of the fit, ``(J'J)`` of the Jacobian ``J`` of the standardised residuals
  (docs/calibration.md), truncated to their plausible ranges. Many of their standard errors
  exceed their ranges, but their combinations are pinned down: drawn one by one, most
  worlds break the targets; drawn together with their correlations, most reproduce them.
  The truncated normal is drawn by Gibbs sampling (:func:`truncated_normal`).
- *Every compared programme's declared uncertainties* (``label.parameter``) over their
  plausible ranges, most likely at the scenario's values (a triangular distribution; a
  Latin hypercube, a stream per parameter, so adding a programme to a comparison does not
  change another's draws). The targets say nothing about them: a programme does not run
  in the base.
- *Core uncertainties no target fits* (:data:`WORLD_DRAWS`: every one by default,
  ``--world-draw all``; the screened seven, or those and the ones drawn at entry, for a
  quicker look), each within the part of its range where the base
  reproduces the targets (a one-at-a-time scan, :func:`screen_ranges`), most likely at the
  base's value (:func:`around`). Drawn over their full declared ranges, no world of 300
  reproduced the targets (docs/calibration.md, "What the data do not pin down"). Those not
  drawn keep their values, and the command and the report say how many
  (:attr:`Worlds.held`).

**Which worlds are plausible.** For a world ``x`` and target ``t`` with observed value
``z_t``, the implausibility is::

    I_t(x) = |mean_t(x) - z_t| / sqrt(se_t^2 + d_t^2 + v_t / reps)

with ``mean_t(x)`` the mean over ``reps`` replicates of the target's statistic in the base
run in world ``x`` (under the targets' sampling design; each world with random numbers of
its own, :class:`OwnLuck`), ``se_t`` the target's standard error,
``d_t = tolerance / 3`` the declared discrepancy between the model and the figure (a
target's tolerance read as three of its standard deviations), and ``v_t`` the variance
between replicates pooled over the worlds. A world is kept when ``I_t(x) < 3`` on every
target used (Pukelsheim's three-sigma rule, as in history matching). Targets the base
itself misses are left out by name, with the reason (:data:`KNOWN_GAPS`); every other target
counts, so a target no world can meet leaves no world, and the command says so. Once enough
worlds have run, an emulator of them (:class:`Emulator`, a linear regression per target
with its cross-validated error) screens each later wave's draws: those it finds
implausible by the same rule, its error added to the variance, are counted and not run.

**The comparison in every world.** Each kept world runs the base and every alternative on
common random numbers (``reps`` replicates). Per world and alternative, the mean over
replicates is the world's answer; the spread of those answers over worlds is the world
interval, apart from the replication interval (the luck of the mothers within a world).
From the same runs: the chance that an alternative breaks even by month 12, 24 and 36 (its
world mean net cost at that month is at most zero), the acceptability curve (the chance that
its net cost per extra exit to work is below a threshold, read as the chance that
``threshold x extra exits - net cost`` is positive), the chance that one alternative beats
another, and what the answer hinges on: the Spearman rank correlation of each drawn
parameter with the world answers (with its Fisher interval), and the value of the top
parameter at which the answer flips (a straight line through the world answers).

Every run is an experiment (:mod:`simulate.experiments`): stored with checksums, resumed
after a kill with the same numbers, run on any executor. Worlds are cached under a directory
named by a hash of everything that decides them (the base's values, the targets, the fit,
the settings), so a later comparison with the same base and targets reuses them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulate.batch import AT_ENTRY, PER_WORLD, BurnInJob
from simulate.calibration.targets import TargetSet
from simulate.calibration.validation import replicate_statistics
from simulate.compare import paired_outcome_names
from simulate.experiments.design import Design, DesignMatrix, Factor
from simulate.experiments.evaluate import POLICY, Evaluation, Evaluator, PolicyEvaluator
from simulate.experiments.executors import Executor
from simulate.experiments.spec import Experiment
from simulate.experiments.store import read_runs
from simulate.experiments.sweep import run_experiment
from simulate.io import code_digest
from simulate.outcomes import (
    HORIZONS,
    flip_sentence,
    higher_is_better,
    t_half_width,
)
from simulate.parameters import PARAMETERS, Parameter, held_parameters
from simulate.policies import REGISTRY
from simulate.rng import Streams
from simulate.runner import burn_ins
from simulate.scenario import Scenario
from simulate.schema import InputError

# Core uncertainties no target fits that the Morris screening (docs/evidence.md) ranks among
# the twenty that move a programme's extra exits to work most: worlds draw them too, within
# the part of their range where the base, all else at its values, reproduces the targets.
SCREENED = ("acceptance_gain_reference_eur", "childcare_net_cost_eur", "net_pay_share",
            "exempt_contact_factor", "ladder_up_base", "confidence_mean",
            "lapse_stress_effect")
# What worlds draw of the core uncertainties no target fits (``--world-draw``): none (only
# the fit's parameters and the programmes': the quickest look, with no scan); the screened
# seven; beside them every uncertainty drawn where a mother enters (simulate.batch.AT_ENTRY:
# barrier prevalences, network, psychology, the inflow's children); or every core uncertainty
# (simulate.batch.PER_WORLD), less those the fit draws; a draw of the entry ladder's shares
# that adds up to more than one is refused and counted. Each is narrowed by the same
# one-at-a-time scan (docs/worlds.md).
WORLD_DRAWS = {"fit": (), "screened": SCREENED,
               "entry": SCREENED + tuple(sorted(n for n in AT_ENTRY if n not in SCREENED)),
               "all": SCREENED + tuple(sorted(n for n in PER_WORLD if n not in SCREENED
                                              and PARAMETERS[n].kind == "uncertainty"))}
SCAN_POINTS = 9            # grid points per screened parameter in the one-at-a-time scan
WORLD_REPS = 10            # replications per world in a comparison, unless told
MAX_WAVES = 4              # waves of draws before giving up on the worlds wanted
EMULATOR_RIDGE = 1.0       # ridge penalty of the emulator, on standardised parameters
EMULATOR_FOLDS = 5         # folds of the cross-validation that measures the emulator's error
EMULATOR_PER_CALIBRATED = 4  # worlds run per calibrated parameter before the emulator screens
CANDIDATES_MOST = 50       # draws the emulator looks at, at most, per world a wave runs
CUTOFF = 3.0               # implausibility at or above which a world is ruled out
WAVE_PART = 96             # worlds a wave runs at a time, stopping once enough are kept
TOLERANCE_SIGMAS = 3.0     # a target's tolerance is this many sd of the model's discrepancy
WORLDS_STREAM = "worlds.calibrated"
PROGRAMME_STREAM = "worlds.programme"
GIBBS_BURN_IN = 100        # Gibbs sweeps of each chain before its state is a draw
FITTED = Path(__file__).parent / "calibration" / "fitted.yaml"
# Targets left out of the plausibility filter, each with why: the calibrated base misses
# them too, so no world near the fit could meet them (docs/calibration.md, "Gaps").
KNOWN_GAPS = {
    "stock_outflow_12m": "the calibrated base misses it as well (0.33 against 0.25 ± 0.07): "
                         "it counts everyone on assistance and every benefit that ends, and "
                         "pulls against still_on_assistance (docs/calibration.md, Gaps)",
}
KNOWN_GAPS_NL = {
    "stock_outflow_12m": "ook het gekalibreerde basismodel haalt dit niet (0,33 tegen 0,25 ± "
                         "0,07): het telt iedereen in de bijstand en elke uitkering die "
                         "stopt, en staat op gespannen voet met still_on_assistance "
                         "(docs/calibration.md, Gaps)",
}
# Thresholds of the acceptability curve: net cost per extra exit to work, EUR.
THRESHOLDS = tuple(range(0, 100_001, 2_500))
# Outcomes whose drivers are ranked, and whose flip is told in words.
HEADLINES = ("extra_exits_work_total", "net_cost_eur_total")
# Outcomes summarised over worlds (world interval beside replication interval).
SUMMARISED = ("extra_exits_work_12m", "extra_exits_work_24m", "extra_exits_work_36m",
              "extra_exits_work_total", "mother_months_saved_total", "benefit_saved_eur_total",
              "intervention_cost_eur_total", "net_cost_eur_total",
              "net_cost_per_extra_exit_to_work_total")
WORLD_LOW, WORLD_HIGH = 0.05, 0.95
# Below this pull (sqrt of the share of the spread over worlds that is not luck), the
# worlds differ little more than the luck of their replications: more are needed.
LUCK_PULL = 0.5


class NoPlausibleWorld(Exception):
    """No drawn world reproduces the targets (the message says which ruled most out)."""


@dataclass(frozen=True)
class WorldSettings:
    """How plausible worlds are found.

    Attributes:
        worlds: Plausible worlds wanted.
        filter_reps: Replicates of the base per world when checking the targets.
        per_wave: Worlds drawn in the first wave (default: the worlds wanted plus a half,
            at least 10). A later wave draws what is still wanted divided by the share
            kept so far, plus a fifth (at least 10; ``per_wave`` when none was kept).
        max_waves: Waves at most.
        cutoff: Implausibility below which a world is kept, on every target used.
        seed: Root seed of the draws and of the runs.
        leave_out: Targets left out of the filter, with the reason (default: the
            :data:`KNOWN_GAPS` the targets file has).
        wave_part: Worlds a wave runs at a time, in draw order; the wave stops after the
            part that brings the worlds kept to ``worlds``.
    """

    worlds: int
    filter_reps: int = 2
    per_wave: int | None = None
    max_waves: int = MAX_WAVES
    cutoff: float = CUTOFF
    seed: int = 20250401
    leave_out: tuple[tuple[str, str], ...] | None = None
    screened: tuple[str, ...] = SCREENED
    wave_part: int = WAVE_PART

    @property
    def wave_size(self) -> int:
        return self.per_wave or max(10, math.ceil(1.5 * self.worlds))

    def next_wave(self, drawn: int, kept: int, still: int | None = None) -> int:
        """Worlds to draw next, after ``drawn`` run of which ``kept`` were plausible; with
        ``still``, the worlds still wanted when ``drawn`` and ``kept`` count only the waves
        the emulator screened (the first of those draws half as many again as wanted)."""
        if still is not None and (drawn == 0 or kept == 0):
            return max(10, math.ceil(1.5 * still))
        if drawn == 0 or kept == 0:
            return self.wave_size
        still = self.worlds - kept if still is None else still
        return max(10, math.ceil(1.2 * still * drawn / kept))

    def left_out(self, targets: TargetSet) -> dict[str, str]:
        known = dict(KNOWN_GAPS if self.leave_out is None else self.leave_out)
        return {t.name: known[t.name] for t in targets.targets if t.name in known}

    def describe(self) -> dict[str, Any]:
        return {"worlds": self.worlds, "filter_reps": self.filter_reps,
                "per_wave": self.wave_size, "max_waves": self.max_waves,
                "cutoff": self.cutoff, "seed": self.seed,
                "leave_out": sorted(dict(self.leave_out or KNOWN_GAPS)),
                "screened": list(self.screened), "scan_points": SCAN_POINTS,
                "wave_part": self.wave_part}


# ---- what the fit says ---------------------------------------------------------------------
@dataclass(frozen=True)
class FitFile:
    """The calibration's fit (``simulate calibrate --fit``): fitted values, standard errors
    and the Jacobian of the standardised residuals per rescaled parameter."""

    source: str
    names: tuple[str, ...]
    fitted: np.ndarray
    standard_errors: np.ndarray
    jacobian: np.ndarray

    def precision(self, names: Sequence[str]) -> np.ndarray:
        """Precision of the estimates of ``names`` (a subset, in their order), per unit
        of each parameter: ``(J'J)`` of the Jacobian columns rescaled to units."""
        idx = [self.names.index(n) for n in names]
        width = np.array([_range(n)[1] - _range(n)[0] for n in names], dtype=float)
        j = self.jacobian[:, idx] / width
        return j.T @ j

    def digest(self) -> str:
        return _hash([list(self.names), self.fitted.tolist(), self.jacobian.tolist()])


def load_fit(path: str | Path = FITTED) -> FitFile:
    """Read a fit file.

    Raises:
        InputError: naming the file and the field when it is not a fit file.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise InputError(path, "", f"cannot read the fit: {err}", "fit") from None
    if not isinstance(data, dict) or not isinstance(data.get("parameters"), dict):
        raise InputError(path, "parameters", "a mapping of parameter to fitted value and "
                         "standard error is required (write one with `simulate calibrate "
                         "--fit`)", "fit")
    names = tuple(data["parameters"])
    for n in names:
        if n not in PARAMETERS or PARAMETERS[n].range is None:
            raise InputError(path, f"parameters.{n}", "is not a declared parameter with a "
                             "plausible range", "fit")
    try:
        fitted = np.array([float(v["fitted"]) for v in data["parameters"].values()])
        se = np.array([float(v["standard_error"]) for v in data["parameters"].values()])
        jac = np.array(data.get("jacobian"), dtype=float)
    except (TypeError, KeyError, ValueError):
        raise InputError(path, "parameters", "each parameter needs numbers 'fitted' and "
                         "'standard_error', and the file a 'jacobian' (targets x parameters)",
                         "fit") from None
    if jac.ndim != 2 or jac.shape[1] != len(names) or not np.isfinite(jac).all():
        raise InputError(path, "jacobian", f"must be a table of finite numbers with "
                         f"{len(names)} columns, one per parameter", "fit")
    return FitFile(str(path), names, fitted, se, jac)


def _range(name: str) -> tuple[float, float]:
    declared = PARAMETERS[name].range
    assert declared is not None, name  # load_fit admits only parameters with a range
    return float(declared[0]), float(declared[1])


def _ends(f: Factor) -> tuple[float, float]:
    """A sampled factor's low and high ends."""
    assert f.low is not None and f.high is not None, f.name
    return float(f.low), float(f.high)


# ---- what varies -------------------------------------------------------------------------------
def _spread(bounds: tuple[float, float]) -> bool:
    return bounds[1] > bounds[0]


def calibrated_factors(fit: FitFile) -> list[Factor]:
    """The fit's parameters, each over its plausible range."""
    return [Factor(n, PARAMETERS[n], low=_range(n)[0], high=_range(n)[1]) for n in fit.names]


def programme_factors(scenarios: Sequence[Scenario]) -> list[Factor]:
    """Every declared uncertainty of the scenarios' programmes (``label.parameter``)."""
    out: dict[str, Factor] = {}
    for s in scenarios:
        for spec in s.policies:
            for p in REGISTRY[spec.name].parameters.of_kind("uncertainty"):
                name = f"{spec.key}.{p.name}"
                if p.uncertain and name not in out:
                    low, high = p.range  # type: ignore[misc]  # _uncertain: it has one
                    out[name] = Factor(name, p, low=float(low), high=float(high))
    return list(out.values())


def truncated_normal(mean: np.ndarray, precision: np.ndarray, low: np.ndarray,
                     high: np.ndarray, n: int, rng: np.random.Generator,
                     burn_in: int = GIBBS_BURN_IN) -> np.ndarray:
    """``n`` independent draws of a normal distribution with ``mean`` and ``precision``
    truncated to the box ``[low, high]``, by Gibbs sampling: ``n`` chains, each started at
    the mean clipped to the box, update each coordinate in turn from its normal conditional
    on the others (mean ``m_i - sum_{j != i} Q_ij (x_j - m_j) / Q_ii``, variance
    ``1 / Q_ii``) truncated to its interval; each chain's state after ``burn_in`` sweeps is
    one draw. A coordinate the precision does not touch is uniform over its interval."""
    from scipy.stats import truncnorm

    mean = np.asarray(mean, float)
    low, high = np.asarray(low, float), np.asarray(high, float)
    q = np.asarray(precision, float)
    diag = np.diag(q)
    k = len(mean)
    x = np.tile(np.clip(mean, low, high), (n, 1))
    flat = diag <= 1e-12 * max(1.0, float(np.max(diag, initial=0.0)))
    for _ in range(burn_in):
        for i in range(k):
            u = rng.random(n)
            if flat[i]:
                x[:, i] = low[i] + u * (high[i] - low[i])
                continue
            sd = 1.0 / math.sqrt(diag[i])
            m = mean[i] - ((x - mean) @ q[i] - q[i, i] * (x[:, i] - mean[i])) / diag[i]
            a = np.clip((low[i] - m) / sd, -40.0, 40.0)
            b = np.clip((high[i] - m) / sd, -40.0, 40.0)
            x[:, i] = truncnorm.ppf(u, a, b, loc=m, scale=sd)
    return np.clip(x, low, high)  # a last-ulp overshoot of the quantile function


def latin_hypercube(n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` points of a one-dimensional Latin hypercube on [0, 1), in random order."""
    return (rng.permutation(n) + rng.random(n)) / n


def draw_calibrated(base: Scenario, fit: FitFile, factors: Sequence[Factor], n: int,
                    rng: np.random.Generator) -> np.ndarray:
    """``n`` draws of the calibrated parameters, centred on the base's values."""
    names = [f.name for f in factors]
    values = base.params()
    mean = np.array([float(values[n_]) for n_ in names])
    low = np.array([_ends(f)[0] for f in factors])
    high = np.array([_ends(f)[1] for f in factors])
    return truncated_normal(mean, fit.precision(names), low, high, n, rng)


def triangular(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """The triangular distribution's quantiles at ``u``: from ``low`` to ``high``, most
    likely at ``mode`` (a value at an end gives a one-sided triangle)."""
    if high <= low:
        return np.full_like(u, low, dtype=float)
    c = (mode - low) / (high - low)
    left = low + np.sqrt(u * (high - low) * (mode - low))
    right = high - np.sqrt((1 - u) * (high - low) * (high - mode))
    return np.where(u < c, left, right)


def draw_programmes(factors: Sequence[Factor], modes: Mapping[str, float], n: int,
                    seed: int) -> pd.DataFrame:
    """``n`` values of each programme uncertainty over its plausible range, most likely at
    the scenario's own value (``modes``; a triangular distribution, as probabilistic
    sensitivity analysis uses where a range and a best guess are all that is known), so
    that the worlds are centred where the comparison without worlds is. A Latin hypercube
    column per parameter, each from its own stream: one programme's draws do not depend
    on another's."""
    cols = {}
    for f in factors:
        u = latin_hypercube(n, Streams(seed).generator(f"{PROGRAMME_STREAM}.{f.name}"))
        low, high = _ends(f)
        mode = min(max(float(modes[f.name]), low), high)
        if f.parameter.type is int:  # whole numbers: the triangle over [low, high + 1)
            x = np.floor(triangular(u, low, mode + 0.5, high + 1.0))
        else:
            x = triangular(u, low, mode, high)
        cols[f.name] = [f.value(float(v)) for v in x]
    return pd.DataFrame(cols, index=pd.RangeIndex(n, name="world"))


# ---- the targets of a world ----------------------------------------------------------------
class TargetsEvaluator:
    """A world's calibration statistics: the base run under the targets' sampling design."""

    monthly_series = False

    def __init__(self, scenario: Scenario, targets: TargetSet) -> None:
        self.scenario = scenario
        self.targets = targets

    def declaration(self, name: str) -> Parameter:
        return PARAMETERS[name]

    def uncertainties(self) -> list[str]:
        return [p.name for p in PARAMETERS.of_kind("uncertainty")]

    def output_names(self) -> list[str]:
        return [t.name for t in self.targets.targets]

    def check(self, values: Mapping[str, Any]) -> None:
        self.scenario.with_values(dict(values), source=self.scenario.source or "world")

    def describe(self) -> dict[str, Any]:
        return {"scenario": self.scenario.to_dict(), "targets": self.targets.source,
                "target_values": [[t.name, t.value, t.standard_error, t.tolerance]
                                  for t in self.targets.targets]}

    def digest(self) -> str:
        return _hash(self.describe())

    def evaluate(self, values: Mapping[str, Any], replicate: int, seed: int,
                 monthly: bool = False) -> Evaluation:
        world = self.scenario.with_values(dict(values), source=self.scenario.source or "world")
        return Evaluation(replicate_statistics(world, replicate, seed, self.targets))

    def burn_ins(self, values: Mapping[str, Any], replicates: Sequence[int],
                 seed: int) -> list[BurnInJob]:
        """The burn-ins :meth:`evaluate` runs (:func:`simulate.runner.burn_ins`)."""
        world = self.scenario.with_values(dict(values), source=self.scenario.source or "world")
        return burn_ins(world, replicates, seed, self.targets.months, spells=True)


class OwnLuck:
    """``evaluator`` with every world drawing its own random numbers: the seed of the world
    with ``values`` is hashed from the root seed and those values (:func:`world_seed`).

    The plausibility filter runs each world's base a few times and asks whether its mean
    lies within each target's band, allowing for the replicates' noise. With the same
    replicates in every world (common random numbers), that noise is one draw shared by
    all worlds, not a noise that averages out: a root seed whose base happens to lie off
    centre on a target tilts the scan's ranges and the kept worlds the same way
    (docs/worlds.md, "Which worlds are kept"). Comparisons within a world keep common
    random numbers; only the filter gives each world its own luck.
    """

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator
        self.monthly_series = evaluator.monthly_series

    def declaration(self, name: str) -> Parameter:
        return self.evaluator.declaration(name)

    def uncertainties(self) -> list[str]:
        return self.evaluator.uncertainties()

    def output_names(self) -> list[str]:
        return self.evaluator.output_names()

    def check(self, values: Mapping[str, Any]) -> None:
        self.evaluator.check(values)

    def describe(self) -> dict[str, Any]:
        return {"own_luck": True, **self.evaluator.describe()}

    def digest(self) -> str:
        return _hash(["own luck", self.evaluator.digest()])

    def evaluate(self, values: Mapping[str, Any], replicate: int, seed: int,
                 monthly: bool = False) -> Evaluation:
        return self.evaluator.evaluate(values, replicate, world_seed(seed, values), monthly)

    def burn_ins(self, values: Mapping[str, Any], replicates: Sequence[int],
                 seed: int) -> list[BurnInJob]:
        """The burn-ins the world runs (none known when the evaluator does not say)."""
        burn_ins = getattr(self.evaluator, "burn_ins", None)
        return [] if burn_ins is None else burn_ins(values, replicates,
                                                    world_seed(seed, values))


def world_seed(seed: int, values: Mapping[str, Any]) -> int:
    """The root seed of the world with ``values`` in a filter rooted at ``seed``: a hash of
    both (the same in every process), below 2**62."""
    text = json.dumps([int(seed), sorted((str(k), float(v)) for k, v in values.items())])
    return int(hashlib.sha256(text.encode()).hexdigest()[:15], 16)


def _hash(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PointsDesign(Design):
    """A design of given points, named in digests by the hash of its points."""

    points_sha256: str = ""

    def describe(self) -> dict[str, Any]:
        return {**super().describe(), "points_sha256": self.points_sha256}


def points_experiment(name: str, factors: Sequence[Factor], rows: list[tuple[Any, ...]],
                      evaluator: Evaluator, replications: int, seed: int,
                      outputs: Sequence[str], crossed: bool = False) -> Experiment:
    """An experiment that runs ``evaluator`` at the given points (rows of factor values)."""
    design = PointsDesign(type="sample", factors=tuple(factors), samples=len(rows),
                          crossed=crossed, points_sha256=_hash([list(r) for r in rows]))
    matrix = DesignMatrix([f.name for f in factors], None, list(rows))
    return Experiment(name=name, design=design, evaluator=evaluator,
                      replications=replications, seed=seed, outputs=tuple(outputs),
                      matrix=matrix)


def implausibility(means: pd.DataFrame, noise: pd.Series, targets: TargetSet,
                   reps: int, emulator_error: pd.Series | None = None) -> pd.DataFrame:
    """``I_t`` of every world (row) and target (column); NaN where a statistic is NaN.
    For an emulator's predictions, ``emulator_error`` (its squared error per target) adds
    to the variance."""
    out = {}
    for t in targets.targets:
        var = (t.standard_error ** 2 + (t.tolerance / TOLERANCE_SIGMAS) ** 2
               + float(np.nan_to_num(noise.get(t.name, 0.0))) / reps)
        if emulator_error is not None:
            var += float(np.nan_to_num(emulator_error.get(t.name, np.inf), nan=np.inf))
        out[t.name] = (means[t.name] - t.value).abs() / math.sqrt(var)
    return pd.DataFrame(out, index=means.index)


# ---- the emulator -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Emulator:
    """History matching's emulator: a cheap stand-in for the base's statistics in a world,
    so that draws it already finds implausible are not run. Per target, a ridge regression
    on the drawn parameters standardised over the worlds it is fitted to (every world run
    so far: the scan's points and the waves'), with its error: the mean squared error of a
    :data:`EMULATOR_FOLDS`-fold cross-validation, which
    :func:`implausibility` adds to a prediction's variance (so a target it predicts poorly
    rules out little). It also carries the luck of the replicates, counted once more.

    Attributes:
        centre, scale: Each parameter's mean and standard deviation over the worlds fitted
            to (a parameter that did not vary has scale 1).
        coef: Per target (column), the intercept and a coefficient per parameter.
        error: Per target, the cross-validated squared error (infinite for a target with
            too few finite values to fit).
    """

    centre: np.ndarray
    scale: np.ndarray
    coef: pd.DataFrame
    error: pd.Series

    @staticmethod
    def _design(x: np.ndarray, centre: np.ndarray, scale: np.ndarray) -> np.ndarray:
        return np.column_stack([np.ones(len(x)), (np.asarray(x, float) - centre) / scale])

    @classmethod
    def fit(cls, x: np.ndarray, y: pd.DataFrame, judged: np.ndarray | None = None,
            ridge: float = EMULATOR_RIDGE, folds: int = EMULATOR_FOLDS) -> Emulator:
        """Fit to worlds ``x`` (rows of parameter values) with mean statistics ``y``; the
        error is measured on the worlds ``judged`` (a mask; default all): the drawn ones,
        as the draws it will screen, not the scan's, which lie close to the base and are
        easier to predict."""
        x = np.asarray(x, float)
        centre, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale <= 1e-12 * np.maximum(np.abs(centre), 1.0)] = 1.0
        a = cls._design(x, centre, scale)
        penalty = ridge * np.eye(a.shape[1])
        penalty[0, 0] = 0.0  # the intercept is not shrunk

        def solve(rows: np.ndarray, target: np.ndarray) -> np.ndarray:
            return np.linalg.solve(a[rows].T @ a[rows] + penalty, a[rows].T @ target[rows])

        coef, error = {}, {}
        for name in y.columns:
            target = y[name].to_numpy(float)
            finite = np.flatnonzero(np.isfinite(target))
            measured = finite if judged is None else finite[judged[finite]]
            if len(measured) < 2 * folds:
                coef[name], error[name] = np.zeros(a.shape[1]), np.inf
                continue
            fold = np.full(len(target), -1)
            fold[measured] = np.arange(len(measured)) % folds
            squared = 0.0
            for f in range(folds):
                b = solve(finite[fold[finite] != f], target)
                rows = measured[fold[measured] == f]
                squared += float(((target[rows] - a[rows] @ b) ** 2).sum())
            coef[name], error[name] = solve(finite, target), squared / len(measured)
        return cls(centre, scale, pd.DataFrame(coef), pd.Series(error))

    def predict(self, x: np.ndarray) -> pd.DataFrame:
        """Each world's (row of ``x``) predicted statistics."""
        return pd.DataFrame(self._design(x, self.centre, self.scale) @ self.coef.to_numpy(),
                            columns=self.coef.columns)

    def plausible(self, x: np.ndarray, noise: pd.Series, targets: TargetSet, reps: int,
                  cutoff: float) -> np.ndarray:
        """Whether each world's emulated implausibility is below ``cutoff`` on every
        target."""
        imp = implausibility(self.predict(x), noise, targets, reps, self.error)
        return (imp.max(axis=1, skipna=False).fillna(0.0) < cutoff).to_numpy()


def _screen(points: np.ndarray, draw: Callable[[int], np.ndarray], size: int,
            plausible: Callable[[np.ndarray], np.ndarray]) -> tuple[np.ndarray, int]:
    """The first ``size`` of ``points`` and further draws (``draw(n)``) that ``plausible``
    lets through, looking at no more than :data:`CANDIDATES_MOST` per world wanted (a draw
    costs about a millisecond); returns them and how many it ruled out on the way."""
    taken: list[np.ndarray] = []
    looked = 0
    while sum(map(len, taken)) < size and looked < CANDIDATES_MOST * size:
        ok = plausible(points)
        wanted = size - sum(map(len, taken))
        upto = int(np.flatnonzero(ok)[wanted - 1]) + 1 if ok.sum() >= wanted else len(points)
        taken.append(points[:upto][ok[:upto]])
        looked += upto
        if sum(map(len, taken)) < size and looked < CANDIDATES_MOST * size:
            points = draw(max(size, 2000))
    chosen = np.vstack(taken)
    return chosen, looked - len(chosen)


# ---- finding worlds -------------------------------------------------------------------------
@dataclass
class Worlds:
    """Plausible worlds and how they were found.

    Attributes:
        factors: The calibrated factors drawn.
        values: One row per kept world (index ``world``), a column per factor.
        worst: Each kept world's largest implausibility over the targets used.
        drawn: Worlds run per wave.
        kept: Worlds kept per wave.
        invalid: Draws refused (shares adding up to more than one...), not run.
        ruled_out_by: Per target used, how many of the worlds run it ruled out.
        used: The targets used.
        left_out: Targets left out, with the reason.
        directory: Where the waves are stored.
        settings: How they were found.
    """

    factors: list[Factor]
    values: pd.DataFrame
    worst: pd.Series
    drawn: list[int]
    kept: list[int]
    invalid: int
    ruled_out_by: dict[str, int]
    used: list[str]
    left_out: dict[str, str]
    directory: Path
    settings: WorldSettings
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    emulated_out: list[int] = field(default_factory=list)

    @property
    def held(self) -> list[str]:
        """The model's uncertain parameters these worlds do not draw: kept at the base's
        values (none with ``--world-draw all``)."""
        return held_parameters(f.name for f in self.factors
                               if f.name not in self.ranges or _spread(self.ranges[f.name]))

    def summary(self) -> str:
        """One line: how many worlds were kept out of how many drawn, and on what."""
        line = (f"{sum(self.kept)} of {sum(self.drawn)} worlds drawn are plausible "
                f"(implausibility below {self.settings.cutoff:g} on each of {len(self.used)} "
                f"targets), {len(self.values)} used")
        if sum(self.emulated_out):
            line += (f"; {sum(self.emulated_out)} more drawn were not run: the emulator of "
                     "the worlds run before finds them implausible")
        not_scanned = [n for n in self.held if n not in self.ranges]
        if not_scanned:
            line += (f"; {len(not_scanned)} uncertain parameters of the model keep their "
                     "values (--world-draw all draws them too: slower, and the range over "
                     "worlds can widen a lot, docs/worlds.md)")
        if self.left_out:
            line += "; targets left out: " + "; ".join(f"{k}, {v}"
                                                      for k, v in self.left_out.items())
        return line

    def causes(self, top: int = 3) -> str:
        """The targets that ruled out most worlds."""
        items = sorted(self.ruled_out_by.items(), key=lambda kv: -kv[1])[:top]
        return ", ".join(f"{k} ({v})" for k, v in items if v) or "none"


CACHE_MARK = ".pathways-worlds-cache"


def cache_root(root: str | Path) -> Path:
    """``root`` as a worlds cache: made (with a mark saying so) when new or empty, used when
    it carries the mark. A folder this package did not make is never written into.

    Raises:
        InputError: (kind ``output``) for a folder that holds something else.
    """
    path = Path(root).expanduser()
    if path.exists() and not path.is_dir():
        raise InputError(path, "", "is a file, not a folder; give a new folder for "
                         "--worlds-cache", "output")
    if path.is_dir() and not (path / CACHE_MARK).is_file() and any(path.iterdir()):
        raise InputError(path, "", "holds files that are not a worlds cache; nothing was "
                         "written there; give a new or empty folder for --worlds-cache",
                         "output")
    path.mkdir(parents=True, exist_ok=True)
    (path / CACHE_MARK).touch()
    return path


def worlds_directory(base: Scenario, targets: TargetSet, fit: FitFile,
                     settings: WorldSettings, root: str | Path) -> Path:
    """The cache directory of the worlds of this base, targets, fit and settings."""
    # The model's code is part of the key: other code makes other worlds, in a new directory.
    key = _hash({"scenario": base.flat_values(), "fit": fit.digest(), "code": code_digest(),
                 "targets": TargetsEvaluator(base, targets).describe(),
                 "settings": settings.describe(), "format": 1})
    return Path(root) / f"worlds-{base.name}-{key}"


def scan_points(name: str) -> list[float]:
    """The values of ``name`` the one-at-a-time scan tries: :data:`SCAN_POINTS` evenly over
    its declared range, or, for a whole number, those rounded (each once)."""
    low, high = _range(name)
    grid = np.linspace(low, high, SCAN_POINTS)
    if PARAMETERS[name].type is int:
        return [float(x) for x in sorted({round(float(x)) for x in grid})]
    return [float(PARAMETERS[name].check(float(x))) for x in grid]


def around(f: Factor, mode: float, u: np.ndarray) -> np.ndarray:
    """``f`` over its range at the unit draws ``u``, most likely at ``mode`` (the base's
    value; a triangular distribution, as for a programme's parameters, so that the worlds
    centre where the base is); a whole number over ``[low, high + 1)`` peaking at ``mode
    + 0.5``, which :meth:`Factor.value` rounds down."""
    low, high = _ends(f)
    mode = min(max(mode, low), high)
    if f.parameter.type is int:
        return triangular(u, low, mode + 0.5, high + 1.0)
    return triangular(u, low, mode, high)


def screen_ranges(base: Scenario, evaluator: Evaluator, settings: WorldSettings,
                  targets: TargetSet, directory: Path, executor: Executor | None,
                  progress: bool, note: Callable[[str], None] | None = None,
                  fitted: Sequence[str] = (),
                  seen: list[tuple[pd.DataFrame, pd.DataFrame]] | None = None,
                  ) -> dict[str, tuple[float, float]]:
    """The part of each screened parameter's range where the base reproduces the targets,
    all else at its values: a one-at-a-time scan over :data:`SCAN_POINTS` points of the
    declared range (the first wave of history matching, one parameter at a time), after the
    base itself. The range kept runs from the lowest plausible point to the highest, so
    the scan tries both ends of every range first and the points between only where an end
    is ruled out: a parameter plausible at both ends keeps its whole range, as a scan of
    every point would find. A parameter with no plausible point keeps its value (a range
    of one), as every one does when the base itself misses the targets (``note`` says so).
    Parameters the fit draws (``fitted``) are not scanned. Each point run joins ``seen``
    (its values of the scanned parameters, its mean statistics), for the emulator.
    """
    names = [n for n in settings.screened if n in PARAMETERS and PARAMETERS[n].uncertain
             and n not in fitted]
    if not names:
        return {}
    values = base.params()
    start = tuple(float(values[n]) for n in names)
    grids = {n: scan_points(n) for n in names}
    factors = [Factor(n, PARAMETERS[n], low=_range(n)[0], high=_range(n)[1]) for n in names]
    statistics = [t.name for t in targets.targets]
    variances: list[pd.Series] = []  # per run: the variance between its points' replicates

    def run(name: str, where: list[tuple[str, float]]) -> pd.DataFrame:
        """Each point's mean statistics; its variances join ``variances``."""
        rows = [tuple(x if m == n else s for m, s in zip(names, start)) for n, x in where]
        experiment = points_experiment(name, factors, rows, evaluator,
                                       settings.filter_reps, settings.seed, statistics)
        run_experiment(experiment, directory / name, executor, progress=progress)
        by_point = read_runs(directory / name).groupby("point")[statistics]
        variances.append(by_point.var(ddof=1))
        means = by_point.mean()
        if seen is not None:
            seen.append((pd.DataFrame(rows, columns=names, index=means.index), means))
        return means

    def plausible(name: str, where: list[tuple[str, float]]) -> list[bool]:
        means = run(name, where)
        # The base's own noise, beside that of every scanned point so far.
        noise = (base_noise + pd.concat(variances[1:]).mean()) / 2
        worst = implausibility(means, noise, targets, settings.filter_reps).max(
            axis=1, skipna=False).fillna(np.inf).to_numpy()
        return list(worst < settings.cutoff)

    # The base first: where it misses the targets, a scan around it says nothing, and the
    # screened parameters keep their values (the waves then look for worlds near the fit).
    means = run("scan-base", [("", np.nan)])
    base_noise = variances[0].mean()
    imp = implausibility(means, base_noise, targets, settings.filter_reps).iloc[0].fillna(
        np.inf)
    if not imp.max() < settings.cutoff:
        if note is not None:
            note(f"worlds, scan: the base itself misses the targets (implausibility "
                 f"{imp.max():.1f} on {imp.idxmax()}); the {len(names)} core uncertainties "
                 "scanned keep their values")
        return {n: (x, x) for n, x in zip(names, start)}
    ends = [(n, x) for n in names for x in dict.fromkeys((grids[n][0], grids[n][-1]))]
    ok = [where for where, good in zip(ends, plausible("scan-ends", ends)) if good]
    inner = [(n, x) for n in names if any((n, x) not in ok for x in (grids[n][0], grids[n][-1]))
             for x in grids[n][1:-1]]
    if inner:
        ok += [where for where, good in zip(inner, plausible("scan-inner", inner)) if good]
    out_ranges = {}
    for n, s in zip(names, start):
        xs = [x for m, x in ok if m == n]
        low, high = (min(xs), max(xs)) if xs else (s, s)
        out_ranges[n] = (min(low, s), max(high, s))
    return out_ranges


def scan_line(ranges: Mapping[str, tuple[float, float]]) -> str:
    """One line on what the scan kept of each range: those it narrowed, with their declared
    range, and how many keep all of it (or their value, when the base missed)."""
    fixed = [n for n, (lo, hi) in ranges.items() if hi <= lo]
    whole = [n for n, (lo, hi) in ranges.items()
             if hi > lo and (lo, hi) == tuple(map(float, _range(n)))]
    narrowed = [n for n in ranges if n not in fixed and n not in whole]
    parts = [f"{n} {ranges[n][0]:.3g} to {ranges[n][1]:.3g} (of {_range(n)[0]:.3g} to "
             f"{_range(n)[1]:.3g})" for n in narrowed]
    said = []
    if whole:
        said.append(f"{len(whole)} keep their whole range")
    if parts:
        said.append(f"{len(parts)} narrowed: " + "; ".join(parts))
    if fixed:
        said.append(f"{len(fixed)} keep their value")
    return (f"worlds, scan of {len(ranges)} core uncertainties (the part of each range where "
            "the base reproduces the targets): " + "; ".join(said))


def find_worlds(base: Scenario, targets: TargetSet, settings: WorldSettings,
                root: str | Path, fit: FitFile | None = None, executor: Executor | None = None,
                progress: bool = False, on_wave: Callable[[str], None] | None = None,
                evaluator: Evaluator | None = None) -> Worlds:
    """Draw worlds in waves and keep those where the base reproduces the targets.

    Args:
        base: The base scenario; its values of the calibrated parameters are the centre.
        targets: The calibration targets.
        settings: How many worlds, waves, the cutoff and the seed.
        root: Cache root; the waves go under :func:`worlds_directory` (reused, resumed).
        fit: The fit the calibrated parameters are drawn from (default: :data:`FITTED`).
        executor: Where runs run (default: this process).
        progress: Progress bars on stderr.
        on_wave: Called with a line after each wave.
        evaluator: Computes a world's statistics (default: :class:`TargetsEvaluator`);
            tests pass a function with a known answer.

    Raises:
        NoPlausibleWorld: when no world drawn reproduces the targets.
    """
    fit = load_fit() if fit is None else fit
    calibrated = calibrated_factors(fit)
    left_out = settings.left_out(targets)
    used = [t for t in targets.targets if t.name not in left_out]
    used_set = dataclasses.replace(targets, targets=tuple(used))
    root = cache_root(root)
    if evaluator is None:
        directory = worlds_directory(base, targets, fit, settings, root)
    else:
        key = _hash([evaluator.digest(), fit.digest(), settings.describe(), code_digest()])
        directory = Path(root) / f"worlds-{key}"
    # Each world its own luck in the filter (OwnLuck).
    evaluator = OwnLuck(TargetsEvaluator(base, targets) if evaluator is None else evaluator)
    names = [t.name for t in targets.targets]
    rng = Streams(settings.seed).generator(WORLDS_STREAM)
    drawn: list[int] = []
    kept: list[int] = []
    invalid = 0
    kept_values: list[pd.DataFrame] = []
    kept_worst: list[pd.Series] = []
    all_means: list[pd.DataFrame] = []
    all_var: list[pd.DataFrame] = []
    seen_x: list[np.ndarray] = []        # every world run so far, for the emulator
    seen_y: list[pd.DataFrame] = []
    drawn_mask: list[np.ndarray] = []    # which of those were drawn (not the scan's)
    seen: list[tuple[pd.DataFrame, pd.DataFrame]] = []
    ranges = screen_ranges(base, evaluator, settings, used_set, directory, executor, progress,
                           on_wave, fit.names, seen)
    start = base.params()  # the scanned parameters are most likely at the base's values
    screened = [Factor(n, PARAMETERS[n], low=lo, high=hi) for n, (lo, hi) in ranges.items()]
    factors = [*calibrated, *screened]
    if on_wave and ranges:
        on_wave(scan_line(ranges))

    def draw(size: int) -> np.ndarray:
        points = draw_calibrated(base, fit, calibrated, size, rng)
        if screened:
            points = np.hstack([points, np.column_stack(
                [around(f, float(start[f.name]), latin_hypercube(size, rng))
                 for f in screened])])
        return points

    # The scan's points as worlds: every parameter it did not move at the base's value.
    for values, means in seen:
        seen_x.append(np.column_stack([values[f.name] if f.name in values
                                       else np.full(len(values), float(start[f.name]))
                                       for f in factors]))
        seen_y.append(means)
        drawn_mask.append(np.zeros(len(means), dtype=bool))
    emulated_out: list[int] = []     # per wave: draws the emulator ruled out, not run
    emulated: list[bool] = []        # per wave: whether the emulator screened its draws
    for wave in range(1, settings.max_waves + 1):
        emulate = sum(drawn) >= EMULATOR_PER_CALIBRATED * len(calibrated) and bool(all_var)
        if emulate:  # the rate at which screened draws are plausible
            size = settings.next_wave(
                sum(d for d, e in zip(drawn, emulated) if e),
                sum(k for k, e in zip(kept, emulated) if e), settings.worlds - sum(kept))
        else:
            size = settings.next_wave(sum(drawn), sum(kept))
        emulated.append(emulate)
        points, out_by_emulator = draw(size), 0
        if emulate:
            # History matching's next wave: draws the emulator of every world run so far
            # already finds implausible are not run.
            emulator = Emulator.fit(np.vstack(seen_x), pd.concat(seen_y)[names],
                                    np.concatenate(drawn_mask))
            points, out_by_emulator = _screen(points, draw, size, functools.partial(
                emulator.plausible, noise=pd.concat(all_var).mean(), targets=used_set,
                reps=settings.filter_reps, cutoff=settings.cutoff))
        emulated_out.append(out_by_emulator)
        rows = []
        for point in points:
            row = tuple(f.value(float(x)) for f, x in zip(factors, point))
            try:
                evaluator.check(dict(zip([f.name for f in factors], row)))
            except InputError:
                invalid += 1
                continue
            rows.append(row)
        if not rows:
            if on_wave and out_by_emulator:
                on_wave(f"worlds, wave {wave}: the emulator finds none of {out_by_emulator} "
                        "drawn plausible")
            break
        # The wave runs in parts, in draw order, and stops once enough worlds are kept:
        # a wave is sized by the share kept before, and the emulator's screen makes the
        # later ones keep more, so a whole last wave ran about twice the worlds it needed.
        part_means: list[pd.DataFrame] = []
        part_var: list[pd.DataFrame] = []
        for part, first in enumerate(range(0, len(rows), settings.wave_part), start=1):
            chunk = rows[first:first + settings.wave_part]
            experiment = points_experiment(f"worlds-wave-{wave}-part-{part}", factors, chunk,
                                           evaluator, settings.filter_reps, settings.seed,
                                           names)
            out = directory / f"wave-{wave}-part-{part}"
            run_experiment(experiment, out, executor, progress=progress)
            runs = read_runs(out)
            index = pd.Index(np.arange(first, first + len(chunk)), name="point")
            part_means.append(runs.groupby("point")[names].mean().set_axis(index, axis=0))
            part_var.append(runs.groupby("point")[names].var(ddof=1).set_axis(index, axis=0))
            # Judged with the noise pooled over every world run so far, this part's too.
            means = pd.concat(part_means)
            noise = pd.concat([*all_var, *part_var]).mean()
            worst = implausibility(means, noise, used_set, settings.filter_reps).max(
                axis=1, skipna=False).fillna(np.inf)
            good = (worst < settings.cutoff).to_numpy()
            if sum(kept) + int(good.sum()) >= settings.worlds:
                break
        run_rows = rows[:len(means)]
        stopped = len(run_rows) < len(rows)
        all_means.append(means)
        all_var.append(pd.concat(part_var))
        seen_x.append(np.array(run_rows, dtype=float))
        seen_y.append(means)
        drawn_mask.append(np.ones(len(means), dtype=bool))
        values = pd.DataFrame(run_rows, columns=[f.name for f in factors], index=means.index)
        kept_values.append(values[good])
        kept_worst.append(worst[good])
        drawn.append(len(run_rows))
        kept.append(int(good.sum()))
        if on_wave:
            screened_line = (f" ({out_by_emulator} more drawn, which the emulator finds "
                             "implausible, not run)" if out_by_emulator else "")
            stopped_line = (f"; enough found, {len(rows) - len(run_rows)} more drawn not run"
                            if stopped else "")
            on_wave(f"worlds, wave {wave}: {int(good.sum())} of {len(run_rows)} drawn "
                    f"reproduce the targets{screened_line}{stopped_line}")
        if sum(kept) >= settings.worlds:
            break
    noise = pd.concat(all_var).mean() if all_var else pd.Series(dtype=float)
    means_all = pd.concat(all_means) if all_means else pd.DataFrame(columns=names)
    imp_all = implausibility(means_all, noise, used_set, settings.filter_reps)
    ruled = {t.name: int((imp_all[t.name].fillna(np.inf) >= settings.cutoff).sum())
             for t in used}
    values = (pd.concat(kept_values, ignore_index=True).iloc[: settings.worlds]
              if kept_values else pd.DataFrame(columns=[f.name for f in factors]))
    worst = (pd.concat(kept_worst, ignore_index=True).iloc[: settings.worlds]
             if kept_worst else pd.Series(dtype=float))
    found = Worlds(factors, values.rename_axis("world"), worst.rename_axis("world"), drawn,
                   kept, invalid, ruled, [t.name for t in used], left_out, directory, settings,
                   ranges, emulated_out)
    if len(found.values) == 0:
        more = (f"; the emulator ruled out {sum(emulated_out)} more drawn without running "
                "them" if sum(emulated_out) else "")
        raise NoPlausibleWorld(
            f"no world is plausible: none of {sum(drawn)} drawn reproduces the targets "
            f"'{targets.name}' (ruled out most by {found.causes()}){more}; check the "
            "targets file or the fit")
    return found


# ---- the comparison in every world --------------------------------------------------------------
@dataclass
class WorldComparison:
    """A comparison in every plausible world.

    Attributes:
        worlds: The kept worlds.
        factors: Every drawn parameter (calibrated, then programmes').
        values: The drawn values per world (index ``world``).
        per_world: Per (alternative, world): the mean over replicates of each paired
            outcome, and ``<outcome>_half`` the half-width of its 95% replication interval.
        summary: Per alternative and outcome: ``median``, ``world_low``/``world_high`` (5%
            and 95% over worlds of the world answers with the luck of the replicates taken
            out, :func:`_without_luck`), ``replication_half`` (median over worlds of the 95%
            replication half-width), ``replication_low``/``replication_high`` (the median
            plus and minus it).
        chances: Per alternative and month: the chance of breaking even by then.
        acceptability: Per alternative and threshold: the chance that the net cost per
            extra exit to work is below it.
        beats: Per ordered pair of alternatives: the chance of more extra exits to work and
            of a lower net cost.
        drivers: Per alternative, outcome and parameter: Spearman's rho with the world
            answers, its 95% interval, its square (share of the spread) and rank.
        flips: Per alternative and headline outcome: the top driver and the value at which
            the answer flips (NaN when it does not within the parameter's range).
        months: The horizon.
        reps: Replicates per world.
    """

    worlds: Worlds
    factors: list[Factor]
    values: pd.DataFrame
    per_world: pd.DataFrame
    summary: pd.DataFrame
    chances: pd.DataFrame
    acceptability: pd.DataFrame
    beats: pd.DataFrame
    drivers: pd.DataFrame
    flips: pd.DataFrame
    months: int
    reps: int

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables as written to a comparison directory (``worlds_<name>.parquet``)."""
        values = self.values.reset_index()
        values.columns = [str(c) for c in values.columns]
        return {"worlds_summary": self.summary, "worlds_chances": self.chances,
                "worlds_acceptability": self.acceptability, "worlds_beats": self.beats,
                "worlds_drivers": self.drivers, "worlds_flips": self.flips,
                "worlds_per_world": self.per_world, "worlds_values": values}

    def describe(self) -> dict[str, Any]:
        """Plain data for the manifest and ``--json``."""
        w = self.worlds
        return {"kept": len(w.values), "plausible": sum(w.kept), "drawn": sum(w.drawn),
                "emulated_out": sum(w.emulated_out),
                "waves": len(w.drawn), "luck_dominates": sorted(
                    {r.alternative for r in self.summary.itertuples()
                     if r.outcome in HEADLINES and r.luck_dominates}),
                "invalid": w.invalid, "targets_used": w.used, "left_out": w.left_out,
                "left_out_nl": {k: KNOWN_GAPS_NL.get(k, v) for k, v in w.left_out.items()},
                "ruled_out_by": w.ruled_out_by, "cutoff": w.settings.cutoff,
                "replications": self.reps, "months": self.months,
                "calibrated": [f.name for f in w.factors if f.name not in w.ranges],
                "held": w.held,
                "screened": {n: [lo, hi] for n, (lo, hi) in w.ranges.items()},
                "programmes": [f.name for f in self.factors[len(w.factors):]]}


def compare_worlds(base: Scenario, alternatives: Sequence[Scenario], worlds: Worlds,
                   reps: int, seed: int, months: int, root: str | Path | None = None,
                   executor: Executor | None = None, progress: bool = False,
                   evaluator: Evaluator | None = None) -> WorldComparison:
    """Run the paired comparison of each alternative against ``base`` in every kept world.

    Args:
        base, alternatives: The scenarios (alternatives differ only in policies and levers).
        worlds: The kept worlds (:func:`find_worlds`).
        reps: Replicates per world (common random numbers within a world).
        seed: Root seed.
        months: Horizon.
        root: Where the runs are stored (default: beside the worlds).
        evaluator: Runs a (policy, world) point (default: the model's
            :class:`~simulate.experiments.evaluate.PolicyEvaluator`); tests pass a function.
    """
    names = [a.name for a in alternatives]
    programmes = programme_factors([base, *alternatives])
    modes: dict[str, float] = {}
    for scenario in (base, *alternatives):
        values = scenario.flat_values()
        modes.update({f.name: float(values[f.name]) for f in programmes
                      if f.name in values and f.name not in modes})
    drawn = draw_programmes(programmes, modes, len(worlds.values), worlds.settings.seed)
    values = pd.concat([worlds.values.reset_index(drop=True), drawn.reset_index(drop=True)],
                       axis=1).rename_axis("world")
    factors = [*worlds.factors, *programmes]
    if evaluator is None:
        evaluator = PolicyEvaluator({a.name: a for a in alternatives}, base, months)
    policy = Factor(POLICY, evaluator.declaration(POLICY), values=tuple(names))
    rows = [(alt, *row) for row in values.itertuples(index=False, name=None) for alt in names]
    outputs = list(dict.fromkeys(o for o in paired_outcome_names()
                                 if o in set(evaluator.output_names())))
    experiment = points_experiment("worlds-compare", [policy, *factors], rows, evaluator,
                                   reps, seed, outputs, crossed=True)
    key = _hash([evaluator.digest(), [list(r) for r in rows], reps, seed, months])
    out = (cache_root(root) if root else worlds.directory) / f"compare-{key}"
    run_experiment(experiment, out, executor, progress=progress)
    runs = read_runs(out)
    point = runs["point"].to_numpy()
    runs = runs.assign(alternative=[names[p % len(names)] for p in point],
                       world=point // len(names))
    own = {a.name: [*(f.name for f in worlds.factors),
                    *(f.name for f in programme_factors([base, a]))] for a in alternatives}
    return analyse(runs, values, factors, worlds, names, months, reps, own)


def analyse(runs: pd.DataFrame, values: pd.DataFrame, factors: list[Factor], worlds: Worlds,
            alternatives: Sequence[str], months: int, reps: int,
            own: Mapping[str, Sequence[str]] | None = None) -> WorldComparison:
    """The tables of :class:`WorldComparison` from one row per (alternative, world,
    replicate) with paired outcomes. ``own`` names the parameters that can move each
    alternative's answer (the calibrated ones and its own programmes'; default: all):
    only those are ranked as its drivers, so that another programme's draws, which cannot
    touch it, are not read as a cause."""
    outcomes = [c for c in runs.columns if c not in ("point", "replicate", "alternative",
                                                     "world", "seed")
                and pd.api.types.is_numeric_dtype(runs[c])]
    grouped = runs.groupby(["alternative", "world"], sort=False)
    means = grouped[outcomes].mean()
    # The ratio is a ratio of means in each world, not a mean of ratios.
    for s in ("12m", "24m", "36m", "total"):
        col = f"net_cost_per_extra_exit_to_work_{s}"
        if col in means and f"net_cost_eur_{s}" in means:
            extra = means[f"extra_exits_work_{s}"]
            means[col] = np.where(extra > 0, means[f"net_cost_eur_{s}"] / extra.where(extra > 0),
                                  np.nan)
    sd = grouped[outcomes].std(ddof=1)
    half = sd.apply(lambda c: t_half_width(c, reps))
    per_world = pd.concat([means, half.add_suffix("_half")], axis=1).reset_index()
    expected = _without_luck(per_world, sd.reset_index(), outcomes, reps)
    summary = _summary(expected, per_world, alternatives)
    chances = _chances(expected, alternatives, months)
    acceptability = _acceptability(expected, alternatives)
    beats = _beats(expected, alternatives)
    own = own or {a: [f.name for f in factors] for a in alternatives}
    drivers = _drivers(per_world, values, factors, alternatives, own)
    flips = _flips(expected, values, factors, drivers, alternatives)
    return WorldComparison(worlds, factors, values, per_world, summary, chances,
                           acceptability, beats, drivers, flips, months, reps)


def _without_luck(per_world: pd.DataFrame, sd: pd.DataFrame, outcomes: Sequence[str],
                  reps: int) -> pd.DataFrame:
    """Each world's answer with the luck of its replicates taken out: per alternative and
    outcome, the world means are pulled toward their median by ``k = sqrt(1 - v / V)``,
    with ``V`` their variance over worlds and ``v`` the mean over worlds of the variance of
    a world mean over ``reps`` replicates (one-way analysis of variance). What is left
    spreads as the parameters do; ``k`` is 0 when the worlds differ no more than luck."""
    out = per_world.copy()
    out.attrs["pull"] = {}
    for alt in out.alternative.unique():
        rows = (out.alternative == alt).to_numpy()
        noise = sd[(sd.alternative == alt).to_numpy()]
        for o in outcomes:
            x = out.loc[rows, o].to_numpy(float)
            ok = np.isfinite(x)
            if ok.sum() < 2:
                continue
            total = float(np.var(x[ok], ddof=1))
            luck = float(np.nanmean(noise[o].to_numpy(float) ** 2)) / reps if reps > 1 else 0.0
            k = math.sqrt(max(0.0, 1.0 - luck / total)) if total > 0 else 0.0
            centre = float(np.median(x[ok]))
            out.loc[rows, o] = centre + k * (x - centre)
            out.attrs["pull"][(alt, o)] = k
    return out


def _summary(expected: pd.DataFrame, per_world: pd.DataFrame,
             alternatives: Sequence[str]) -> pd.DataFrame:
    rows = []
    for alt in alternatives:
        g = expected[expected.alternative == alt]
        for o in SUMMARISED:
            if o not in g:
                continue
            x = g[o].to_numpy(float)
            ok = x[np.isfinite(x)]
            med = float(np.median(ok)) if len(ok) else np.nan
            lo, hi = (np.quantile(ok, [WORLD_LOW, WORLD_HIGH]) if len(ok) else (np.nan, np.nan))
            h = per_world[per_world.alternative == alt].get(f"{o}_half")
            rep = float(np.nanmedian(h)) if h is not None and np.isfinite(h).any() else np.nan
            k = expected.attrs.get("pull", {}).get((alt, o), np.nan)
            rows.append({"alternative": alt, "outcome": o, "median": med,
                         "world_low": float(lo), "world_high": float(hi),
                         "replication_half": rep, "replication_low": med - rep,
                         "replication_high": med + rep, "worlds": len(ok),
                         # Luck dominates where the worlds differ little more than it.
                         "luck_dominates": bool(not k >= LUCK_PULL), "pull": float(k)})
    return pd.DataFrame(rows)


def _chances(per_world: pd.DataFrame, alternatives: Sequence[str], months: int) -> pd.DataFrame:
    rows = []
    for alt in alternatives:
        g = per_world[per_world.alternative == alt]
        for m in (*(x for x in HORIZONS if x <= months), ):
            col = f"net_cost_eur_{m}m"
            if col in g:
                rows.append({"alternative": alt, "month": m,
                             "pays_back": float((g[col] <= 0).mean())})
        if months not in HORIZONS and "net_cost_eur_total" in g:
            rows.append({"alternative": alt, "month": months,
                         "pays_back": float((g["net_cost_eur_total"] <= 0).mean())})
    return pd.DataFrame(rows)


def _acceptability(per_world: pd.DataFrame, alternatives: Sequence[str]) -> pd.DataFrame:
    rows = []
    for alt in alternatives:
        g = per_world[per_world.alternative == alt]
        extra = g["extra_exits_work_total"].to_numpy(float)
        cost = g["net_cost_eur_total"].to_numpy(float)
        for t in THRESHOLDS:
            # Net benefit at willingness to pay t per extra exit to work.
            rows.append({"alternative": alt, "threshold_eur": t,
                         "probability": float(np.mean(t * extra - cost > 0))})
    return pd.DataFrame(rows)


def _beats(per_world: pd.DataFrame, alternatives: Sequence[str]) -> pd.DataFrame:
    rows = []
    by = {a: per_world[per_world.alternative == a].set_index("world") for a in alternatives}
    for a in alternatives:
        for b in alternatives:
            if a == b:
                continue
            x, y = by[a], by[b].reindex(by[a].index)
            rows.append({"alternative": a, "other": b,
                         "more_exits_to_work": float((x["extra_exits_work_total"]
                                                      > y["extra_exits_work_total"]).mean()),
                         "lower_net_cost": float((x["net_cost_eur_total"]
                                                  < y["net_cost_eur_total"]).mean())})
    return pd.DataFrame(rows)


def spearman(x: np.ndarray, y: np.ndarray, level: float = 0.95) -> tuple[float, float, float]:
    """Spearman's rank correlation with its Fisher-z interval (NaN for constant input)."""
    rho, lo, hi, _ = spearman_test(x, y, level)
    return rho, lo, hi


def spearman_test(x: np.ndarray, y: np.ndarray,
                  level: float = 0.95) -> tuple[float, float, float, float]:
    """:func:`spearman` and the two-sided p-value of no correlation, from the same
    Fisher-z approximation (standard error 1.06 / sqrt(n - 3), Fieller et al. 1957)."""
    from scipy.stats import norm, spearmanr

    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    n = len(x)
    if n < 4 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return np.nan, np.nan, np.nan, np.nan
    rho = float(spearmanr(x, y).statistic)
    z, se = math.atanh(max(min(rho, 0.999999), -0.999999)), 1.06 / math.sqrt(n - 3)
    q = float(norm.ppf(0.5 + level / 2))
    return (rho, math.tanh(z - q * se), math.tanh(z + q * se),
            float(2 * norm.sf(abs(z) / se)))


def holm(p: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment of p-values: below 0.05 after it, a result stands
    with at most a 5% chance that any of the family is chance (family-wise error)."""
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    scaled = (len(p) - np.arange(len(p))) * p[order]
    out = np.empty(len(p))
    out[order] = np.minimum(np.maximum.accumulate(scaled), 1.0)
    return out


# The columns of the drivers' table: per (alternative, headline, parameter) the rank
# correlation and its 95% interval, the share of spread it stands for, its rank, how many
# parameters were tested together, the Holm-adjusted p-value and whether it is clear.
DRIVER_COLUMNS = ("alternative", "outcome", "parameter", "rho", "rho_low", "rho_high", "share",
                  "p", "rank", "tested", "p_holm", "clear")


def _drivers(per_world: pd.DataFrame, values: pd.DataFrame, factors: list[Factor],
             alternatives: Sequence[str], own: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    rows = []
    for alt in alternatives:
        g = per_world[per_world.alternative == alt].set_index("world")
        v = values.reindex(g.index)
        for o in HEADLINES:
            found: list[dict[str, Any]] = []
            for f in (f for f in factors if f.name in set(own[alt])):
                rho, lo, hi, p = spearman_test(v[f.name].to_numpy(float),
                                               g[o].to_numpy(float))
                if np.isfinite(rho):
                    found.append({"alternative": alt, "outcome": o, "parameter": f.name,
                                  "rho": rho, "rho_low": lo, "rho_high": hi,
                                  "share": rho * rho, "p": p})
            # Some thirty parameters are tested at once: a correlation is clear only when
            # it stands after Holm's adjustment over all of them.
            for r, p_holm in zip(found, holm(np.array([r["p"] for r in found]))):
                r.update(p_holm=float(p_holm), clear=bool(p_holm < 0.05), tested=len(found))
            found.sort(key=lambda r: -r["share"])
            for rank, r in enumerate(found, 1):
                rows.append({**r, "rank": rank})
    return pd.DataFrame(rows, columns=list(DRIVER_COLUMNS))


def _flips(per_world: pd.DataFrame, values: pd.DataFrame, factors: list[Factor],
           drivers: pd.DataFrame, alternatives: Sequence[str]) -> pd.DataFrame:
    """Per alternative and headline: the top driver and where a straight line through the
    world answers crosses the answer's turning point (zero extra exits; zero net cost)."""
    rows = []
    by_name = {f.name: f for f in factors}
    for alt in alternatives:
        g = per_world[per_world.alternative == alt].set_index("world")
        for o in HEADLINES:
            top = drivers[(drivers.alternative == alt) & (drivers.outcome == o)
                          & (drivers["rank"] == 1)]
            y = g[o].to_numpy(float)
            higher = higher_is_better(o)
            good = (y > 0) if higher else (y <= 0)
            row = {"alternative": alt, "outcome": o, "share_good": float(np.mean(good)),
                   "parameter": None, "value": np.nan, "good_when": None, "low": np.nan,
                   "high": np.nan}
            if len(top):
                name = str(top.iloc[0]["parameter"])
                f = by_name[name]
                x = values.reindex(g.index)[name].to_numpy(float)
                ok = np.isfinite(x) & np.isfinite(y)
                low, high = _ends(f)
                row.update(parameter=name, low=low, high=high)
                if ok.sum() >= 3 and np.ptp(x[ok]) > 0:
                    slope, intercept = np.polyfit(x[ok], y[ok], 1)
                    if slope != 0:
                        cross = -intercept / slope
                        if low < cross < high:
                            row["value"] = float(cross)
                        # Which side of the crossing gives the good answer.
                        up_good = (slope > 0) == higher
                        row["good_when"] = "above" if up_good else "below"
            rows.append(row)
    return pd.DataFrame(rows)


__all__ = ["CUTOFF", "FITTED", "KNOWN_GAPS", "KNOWN_GAPS_NL", "NoPlausibleWorld", "WorldComparison",
           "WorldSettings", "Worlds", "analyse", "compare_worlds", "find_worlds",
           "flip_sentence", "load_fit", "programme_factors", "spearman", "truncated_normal"]
