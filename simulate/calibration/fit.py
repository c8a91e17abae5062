"""Calibration: fit uncertain parameters to the targets by simulated method of moments.

Method (docs/calibration.md):

- Each target k gives a standardised residual ``(simulated_k - observed_k) / se_k``, where
  ``simulated_k`` is the mean over R replicates of the period-sample statistic and ``se_k``
  the sampling error of the observed value (binomial from the sample size for shares).
  The loss is the sum of squared residuals: a method-of-moments criterion whose weights
  are the inverse sampling variances, so a target from 855 women counts more than one
  from 394 and a precise target more than a coarse one.
- Every evaluation uses the same seed and replicates (common random numbers), so two
  parameter vectors differ by their parameters' effect, not by noise, and finite
  differences are meaningful.
- Parameters move within their plausible ranges, rescaled to [0, 1]. The loss is
  minimised with scipy's trust-region reflective least squares (Gauss-Newton steps within
  the box), with forward differences over a fixed step of the range: a step large enough
  that the simulated statistics, which move in small jumps as single mothers change their
  decisions, change smoothly.
- The search stops at convergence or when the budget of simulated runs is spent; the best
  point evaluated is returned.
- Standard errors come from a central-difference Jacobian ``J`` at the fitted point (steps
  of a tenth of each range): ``(J' W J)^-1`` with ``W`` the inverse sampling variances,
  the method-of-moments variance when the targets' errors are independent. It leaves out
  the simulation error of the fit itself (a factor ``sqrt(1 + 1/S)`` for S simulated
  samples per observed one) and correlations between targets.
"""

from __future__ import annotations

import datetime as _dt
import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import least_squares

from simulate.calibration.targets import TargetSet
from simulate.calibration.validation import Simulator, compare
from simulate.io import atomic_write, seal
from simulate.parameters import PARAMETERS
from simulate.scenario import Scenario
from simulate.schema import InputError

# Forward-difference step of the search, as a share of each parameter's plausible range.
DIFF_STEP = 0.05
# Central-difference step of the standard errors: larger, so that the slope is not blurred
# by single mothers changing their decisions.
SE_STEP = 0.1
# Residual given to a target a parameter vector cannot produce (empty denominator).
MISSING_RESIDUAL = 100.0
# Significant digits of the fitted values written to a scenario file.
DIGITS = 4


class BudgetSpent(Exception):
    """The budget of simulated runs does not cover the next batch."""


@dataclass
class Evaluation:
    """One parameter vector and what the targets say about it."""

    values: dict[str, float]
    residuals: np.ndarray
    replicates: pd.DataFrame

    @property
    def loss(self) -> float:
        return float(np.sum(self.residuals ** 2))


@dataclass
class Fit:
    """The result of a calibration.

    Attributes:
        parameters: The fitted parameters, in order.
        start: Their values before the fit.
        values: The fitted values (rounded to :data:`DIGITS` significant digits).
        standard_errors: Approximate standard errors of the fitted values.
        comparison: The fit per target at the fitted values (:func:`compare`).
        loss: Sum of squared standardised residuals at the fitted values.
        start_loss: The same before the fit.
        runs: Simulated replicates spent.
        evaluations: Parameter vectors evaluated.
        message: Why the search stopped.
        jacobian: d standardised residual / d rescaled parameter at the fitted values
            (targets x parameters), from which standard errors and correlations come.
    """

    parameters: tuple[str, ...]
    start: dict[str, float]
    values: dict[str, float]
    standard_errors: dict[str, float]
    comparison: pd.DataFrame
    loss: float
    start_loss: float
    runs: int
    evaluations: int
    message: str
    jacobian: np.ndarray = field(repr=False, default_factory=lambda: np.zeros((0, 0)))

    def at_bounds(self) -> list[str]:
        """Fitted parameters that ended at an end of their plausible range."""
        out = []
        for name in self.parameters:
            lo, hi = _range(name)
            if min(abs(self.values[name] - lo), abs(hi - self.values[name])) <= 1e-3 * (hi - lo):
                out.append(name)
        return out

    def correlations(self) -> pd.DataFrame:
        """Correlations of the fitted values' estimates (from the Jacobian).

        A correlation near -1 or 1 means the targets pin down a combination of the two
        parameters rather than each of them.
        """
        names = list(self.parameters)
        if self.jacobian.size == 0:
            return pd.DataFrame(np.nan, index=names, columns=names)
        cov = np.linalg.pinv(self.jacobian.T @ self.jacobian)
        sd = np.sqrt(np.clip(np.diag(cov), 1e-300, None))
        return pd.DataFrame(cov / np.outer(sd, sd), index=names, columns=names)

    def covariance(self) -> pd.DataFrame:
        """Covariance of the fitted values' estimates, in the parameters' own units
        (``(J' W J)^-1``, as the standard errors): what :mod:`simulate.worlds` draws the
        calibrated parameters from."""
        names = list(self.parameters)
        if self.jacobian.size == 0:
            return pd.DataFrame(np.nan, index=names, columns=names)
        width = np.array([_range(n)[1] - _range(n)[0] for n in names], dtype=float)
        j = self.jacobian / width
        return pd.DataFrame(np.linalg.pinv(j.T @ j), index=names, columns=names)

    def table(self) -> pd.DataFrame:
        """The fitted parameters: start, fitted value, standard error, plausible range."""
        rows = []
        for name in self.parameters:
            lo, hi = _range(name)
            se = self.standard_errors[name]
            rows.append({"parameter": name, "start": self.start[name],
                         "fitted": self.values[name], "standard_error": se,
                         "range_low": lo, "range_high": hi,
                         "se_share_of_range": se / (hi - lo)})
        return pd.DataFrame(rows)


def _range(name: str) -> tuple[float, float]:
    """The plausible range of a fitted parameter (the targets admit only those with one)."""
    declared = PARAMETERS[name].range
    if declared is None:
        raise ValueError(f"{name} has no plausible range to fit within")
    return declared


def _round(x: float) -> float:
    return float(f"{x:.{DIGITS}g}")


class Objective:
    """Standardised residuals of the targets as a function of the rescaled parameters.

    Args:
        scenario: The scenario whose parameters change.
        targets: Targets and sampling design.
        parameters: Names of the parameters that change.
        simulator: Runs the replicates (shared pool).
        reps, seed: Replicates per evaluation and their seed (the same every time).
        budget_runs: Most replicates to simulate.
        on_evaluation: Called after each batch with (evaluations, runs, best loss).
    """

    def __init__(self, scenario: Scenario, targets: TargetSet, parameters: Sequence[str],
                 simulator: Simulator, reps: int, seed: int, budget_runs: int,
                 on_evaluation: Callable[[int, int, float], None] | None = None) -> None:
        self.scenario, self.targets, self.simulator = scenario, targets, simulator
        self.parameters = tuple(parameters)
        ranges = np.array([PARAMETERS[n].range for n in self.parameters], dtype=float)
        self.low, self.width = ranges[:, 0], ranges[:, 1] - ranges[:, 0]
        self.reps, self.seed, self.budget_runs = reps, seed, budget_runs
        self.on_evaluation = on_evaluation
        self.observed = np.array([t.value for t in targets.targets])
        self.se = np.array([t.standard_error for t in targets.targets])
        self.cache: dict[tuple[float, ...], Evaluation] = {}
        self.best: Evaluation | None = None
        self.last_jacobian: np.ndarray | None = None

    # Rescaled coordinates: 0 and 1 are the ends of each parameter's plausible range.
    def to_values(self, u: np.ndarray) -> dict[str, float]:
        theta = self.low + np.clip(u, 0.0, 1.0) * self.width
        return {n: float(v) for n, v in zip(self.parameters, theta)}

    def to_unit(self, values: dict[str, float]) -> np.ndarray:
        theta = np.array([values[n] for n in self.parameters], dtype=float)
        return np.clip((theta - self.low) / self.width, 0.0, 1.0)

    def evaluate(self, points: Sequence[np.ndarray]) -> list[Evaluation]:
        """Evaluate several points in one batch (one pool pass), using the cache."""
        keys = [tuple(np.round(u, 12)) for u in points]
        todo = list(dict.fromkeys(k for k in keys if k not in self.cache))
        if todo:
            if self.simulator.runs + len(todo) * self.reps > self.budget_runs:
                raise BudgetSpent
            scenarios = {k: self._scenario(self.to_values(np.array(k))) for k in todo}
            feasible = {k: s for k, s in scenarios.items() if s is not None}
            frames = dict(zip(feasible, self.simulator.values(
                list(feasible.values()), self.reps, self.seed)))
            for key in todo:
                frame = frames.get(key, pd.DataFrame(columns=self.targets.names()))
                ev = Evaluation(self.to_values(np.array(key)), self._residuals(frame), frame)
                self.cache[key] = ev
                if self.best is None or ev.loss < self.best.loss:
                    self.best = ev
            if self.on_evaluation and self.best is not None:
                self.on_evaluation(len(self.cache), self.simulator.runs, self.best.loss)
        return [self.cache[k] for k in keys]

    def _scenario(self, values: dict[str, float]) -> Scenario | None:
        """The scenario at ``values``; None where they break a rule (shares adding up to
        more than one), which the search then sees as a point far from every target."""
        try:
            return self.scenario.with_values(values, source="<calibration>")
        except InputError:
            return None

    def _residuals(self, frame: pd.DataFrame) -> np.ndarray:
        simulated = np.array([frame[t.name].astype(float).mean() for t in self.targets.targets])
        r = (simulated - self.observed) / self.se
        return np.where(np.isnan(r), MISSING_RESIDUAL, r)

    def residuals(self, u: np.ndarray) -> np.ndarray:
        return self.evaluate([u])[0].residuals

    def jacobian(self, u: np.ndarray) -> np.ndarray:
        """Forward differences, stepping inwards at the upper end of a range."""
        steps = np.where(u + DIFF_STEP <= 1.0, DIFF_STEP, -DIFF_STEP)
        points = [u] + [u + np.eye(len(u))[j] * steps[j] for j in range(len(u))]
        evs = self.evaluate(points)
        base = evs[0].residuals
        jac = np.column_stack([(ev.residuals - base) / s for ev, s in zip(evs[1:], steps)])
        self.last_jacobian = jac
        return jac

    def central_jacobian(self, u: np.ndarray, step: float = SE_STEP) -> np.ndarray:
        """Central differences over ``step`` either side (one-sided at a range's end)."""
        eye = np.eye(len(u))
        up = [np.clip(u + step * eye[j], 0.0, 1.0) for j in range(len(u))]
        down = [np.clip(u - step * eye[j], 0.0, 1.0) for j in range(len(u))]
        evs = self.evaluate(up + down)
        n = len(u)
        return np.column_stack([(evs[j].residuals - evs[n + j].residuals) / (up[j][j] - down[j][j])
                                for j in range(n)])


def calibrate(scenario: Scenario, targets: TargetSet, parameters: Sequence[str] | None = None,
              budget_runs: int | None = None, reps: int | None = None, seed: int | None = None,
              workers: int = 1, on_run: Callable[[int], None] | None = None,
              on_evaluation: Callable[[int, int, float], None] | None = None) -> Fit:
    """Fit ``parameters`` of ``scenario`` to ``targets``.

    Args:
        scenario: Starting point; its current values are the search's start.
        targets: Targets and sampling design.
        parameters: Names to fit (default: the targets file's ``calibration.parameters``).
        budget_runs: Most replicates to simulate (default: the file's ``budget_runs``).
        reps: Replicates per evaluation (default: the file's).
        seed: Seed of every evaluation (default: the file's).
        workers: Processes; results do not depend on it.
        on_run: Progress callback, called with 1 per finished replicate.
        on_evaluation: Called after each batch with (evaluations, runs, best loss so far).

    Returns:
        The :class:`Fit`.

    Raises:
        InputError: when there is nothing to fit or the budget does not cover one search
            step.
    """
    parameters = tuple(parameters if parameters is not None else targets.calibration_parameters)
    if not parameters:
        raise InputError(targets.source, "calibration.parameters",
                         "no parameters to fit; list them in the targets file or pass --params",
                         "targets")
    reps = targets.calibration_replications if reps is None else reps
    seed = targets.calibration_seed if seed is None else seed
    budget = targets.calibration_budget_runs if budget_runs is None else budget_runs
    # Runs kept back for the standard errors' Jacobian at the end.
    reserve = 2 * len(parameters) * reps
    least = (len(parameters) + 1) * reps + reserve
    if budget < least:
        raise InputError("--budget", "", f"{budget} runs do not cover one search step and the "
                         f"standard errors: {len(parameters)} parameters and {reps} replicates "
                         f"need at least {least} ((3 x parameters + 1) x replicates)", "usage")
    targets.check_run(scenario.horizon_months)
    current = scenario.params()

    with Simulator(targets, workers, on_run) as sim:
        obj = Objective(scenario, targets, parameters, sim, reps, seed, budget - reserve,
                        on_evaluation)
        start_values = {n: float(current[n]) for n in parameters}
        u0 = obj.to_unit(start_values)
        try:
            start_loss = obj.evaluate([u0])[0].loss
            result = least_squares(obj.residuals, u0, jac=obj.jacobian, bounds=(0.0, 1.0),
                                   method="trf", x_scale=1.0, ftol=1e-4, xtol=1e-3,
                                   max_nfev=10_000)
            message = result.message
        except BudgetSpent:
            message = f"the budget of {budget} runs is spent"
        best = obj.best
        if best is None:  # the budget check above pays for the start point's evaluation
            raise BudgetSpent
        obj.budget_runs = budget
        jac = obj.central_jacobian(obj.to_unit(best.values))
        rounded = {n: _round(v) for n, v in best.values.items()}

    return Fit(parameters=parameters, start=start_values, values=rounded,
               standard_errors=standard_errors(jac, obj.width, parameters),
               comparison=compare(targets, best.replicates), loss=best.loss,
               start_loss=start_loss, runs=sim.runs, evaluations=len(obj.cache),
               message=message, jacobian=jac)


def fit_errors(scenario: Scenario, targets: TargetSet, parameters: Sequence[str] | None = None,
               reps: int | None = None, seed: int | None = None, workers: int = 1,
               on_run: Callable[[int], None] | None = None) -> Fit:
    """The standard errors and correlations of ``scenario``'s values of ``parameters``, taken
    as fitted, without a search: the central-difference Jacobian at those values (as at the
    end of :func:`calibrate`), in ``2 x parameters x reps`` runs."""
    parameters = tuple(parameters if parameters is not None else targets.calibration_parameters)
    reps = targets.calibration_replications if reps is None else reps
    seed = targets.calibration_seed if seed is None else seed
    targets.check_run(scenario.horizon_months)
    current = scenario.params()
    values = {n: float(current[n]) for n in parameters}
    with Simulator(targets, workers, on_run) as sim:
        obj = Objective(scenario, targets, parameters, sim, reps, seed,
                        (2 * len(parameters) + 1) * reps)
        centre = obj.evaluate([obj.to_unit(values)])[0]
        jac = obj.central_jacobian(obj.to_unit(values))
    return Fit(parameters=parameters, start=values, values=values,
               standard_errors=standard_errors(jac, obj.width, parameters),
               comparison=compare(targets, centre.replicates), loss=centre.loss,
               start_loss=centre.loss, runs=sim.runs, evaluations=len(obj.cache),
               message="standard errors at the given values (no search)", jacobian=jac)


def fit_file_text(fit: Fit, scenario: Scenario, targets: TargetSet, command: str) -> str:
    """The fit as YAML: each parameter's fitted value and standard error, and the
    correlations of the estimates (read by :func:`simulate.worlds.load_fit`)."""
    import yaml

    corr = fit.correlations()
    data = {
        "scenario": scenario.name,
        "targets": targets.name,
        "parameters": {n: {"fitted": _round(fit.values[n]),
                           "standard_error": float(f"{fit.standard_errors[n]:.4g}")}
                       for n in fit.parameters},
        "correlations": [[round(float(x), 4) for x in row] for row in corr.to_numpy()],
        # d standardised residual / d rescaled parameter (0 and 1 the ends of its range):
        # its cross-product is the precision of the estimates.
        "targets_order": [t.name for t in targets.targets],
        "jacobian": [[float(f"{x:.5g}") for x in row] for row in fit.jacobian],
    }
    header = textwrap.wrap(
        f"The fit of {len(fit.parameters)} parameters of '{scenario.name}' to the targets "
        f"'{targets.name}': fitted values, standard errors and the correlations of the "
        "estimates (rows and columns in the order of `parameters`), from the central-"
        "difference Jacobian at the fitted values (docs/calibration.md), and that Jacobian. Plausible worlds "
        "(`simulate compare --worlds`) draw the calibrated parameters from them.", 88)
    return ("\n".join(f"# {line}" for line in header) + f"\n# Redo: {command}\n"
            + yaml.safe_dump(data, sort_keys=False, width=100))


def standard_errors(jacobian: np.ndarray, width: np.ndarray,
                    parameters: Sequence[str]) -> dict[str, float]:
    """Method-of-moments standard errors from the Jacobian of standardised residuals.

    Args:
        jacobian: d residual / d rescaled parameter (targets x parameters).
        width: Width of each parameter's range (rescaled to parameter units).
        parameters: Their names.

    Returns:
        Name to standard error; infinite for a parameter the targets do not move.
    """
    if jacobian.size == 0:
        return {n: math.nan for n in parameters}
    j = jacobian / width  # per unit of the parameter
    info = j.T @ j
    cov = np.linalg.pinv(info)
    out = {}
    for i, name in enumerate(parameters):
        out[name] = math.inf if info[i, i] <= 1e-12 else float(math.sqrt(max(cov[i, i], 0.0)))
    return out


def identification(scenario: Scenario, targets: TargetSet, fit: Fit, others: Sequence[str],
                   step: float = 0.5, threshold: float = 2.0, reps: int | None = None,
                   seed: int | None = None,
                   workers: int = 1,
                   on_run: Callable[[int], None] | None = None) -> pd.DataFrame:
    """How well the targets pin down parameters that were not fitted.

    Each parameter in ``others`` is moved by ``step`` of its plausible range from the
    calibrated scenario. Its effect on the targets (in standard errors) is split into the
    part the fitted parameters could absorb (the projection on their Jacobian's columns)
    and the rest. A parameter whose remaining effect is below ``threshold`` standard errors
    is not identified by these targets: with the fitted parameters re-fitted, any of its values
    in that neighbourhood fits the data as well, so sensitivity analysis must cover it.

    Args:
        scenario: The calibrated scenario.
        targets: Targets and sampling design.
        fit: The calibration (for its Jacobian).
        others: Parameters to examine.
        step: Share of each range to move by (towards the range's farther end).
        threshold: Unabsorbed effect, in standard errors, that counts as identified.
        reps, seed, workers, on_run: As for :func:`calibrate`.

    Returns:
        A row per parameter: ``effect_se`` (size of its effect on the targets, in standard
        errors), ``unabsorbed_se`` (what the fitted parameters cannot compensate),
        ``most_moved`` (the target it moves most), ``identified``.
    """
    reps = targets.calibration_replications if reps is None else reps
    seed = targets.calibration_seed if seed is None else seed
    observed_se = np.array([t.standard_error for t in targets.targets])
    names = targets.names()
    params = scenario.params()
    scenarios, moves = [scenario], []
    for name in others:
        lo, hi = _range(name)
        value = float(params[name])
        delta = step * (hi - lo) * (1.0 if hi - value >= value - lo else -1.0)
        try:
            moved = scenario.with_values({name: value + delta}, source="<identification>")
        except InputError:
            # A share group would add up to more than one: move the other way.
            delta = -delta
            moved = scenario.with_values({name: value + delta}, source="<identification>")
        moves.append(delta)
        scenarios.append(moved)
    with Simulator(targets, workers, on_run) as sim:
        frames = sim.values(scenarios, reps, seed)
    base = np.array([frames[0][n].mean() for n in names])
    basis = fit.jacobian
    rows = []
    for name, delta, frame in zip(others, moves, frames[1:]):
        effect = (np.array([frame[n].mean() for n in names]) - base) / observed_se
        effect = np.nan_to_num(effect)
        if basis.size:
            coef, *_ = np.linalg.lstsq(basis, effect, rcond=None)
            rest = effect - basis @ coef
        else:
            rest = effect
        rows.append({"parameter": name, "moved_by": delta,
                     "effect_se": float(np.linalg.norm(effect)),
                     "unabsorbed_se": float(np.linalg.norm(rest)),
                     "most_moved": names[int(np.argmax(np.abs(effect)))],
                     "identified": bool(np.linalg.norm(rest) >= threshold)})
    return pd.DataFrame(rows)


def _display(path: str) -> str:
    """A path relative to the working directory when it lies below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


def write_scenario(scenario: Scenario, fit: Fit, targets: TargetSet, path: str | Path,
                   command: str) -> Scenario:
    """Write ``scenario`` with the fitted values to ``path`` (atomically), with a header
    saying it was calibrated, against what, how, and how to redo it.

    Returns:
        The calibrated scenario.
    """
    calibrated = scenario.with_values(fit.values, source=str(path))
    missed = [row.target for row in fit.comparison.itertuples() if not row.ok]
    today = _dt.date.today().isoformat()
    text = " ".join([
        f"Calibrated on {today} against the targets '{targets.name}'",
        f"({_display(targets.source)}): {len(targets.targets)} targets of a simulated period",
        f"sample ({targets.burn_in_months}-month burn-in, {targets.window_months}-month",
        "window), fitted by simulated method of moments with common random numbers",
        "(docs/calibration.md). Fitted: " + ", ".join(fit.parameters) + ".",
        f"Loss {fit.loss:.1f} (from {fit.start_loss:.1f}) after {fit.runs} runs;",
        "every target within tolerance." if not missed
        else "outside tolerance: " + ", ".join(missed) + "."])
    header = [f"# {line}" for line in textwrap.wrap(text, 88)] + [f"# Redo: {command}"]
    text = "\n".join(header) + "\n" + calibrated.to_yaml()
    # Sealed, so a later calibration may replace the file only while nobody has edited it.
    atomic_write(path, seal(text, "simulate calibrate", ("#", "")))
    return calibrated
