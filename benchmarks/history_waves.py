"""Could plausible worlds draw every core uncertainty? Emulated history-matching waves.

Plausible worlds (docs/worlds.md) draw the calibrated parameters and seven screened core
uncertainties; the other core uncertainties (about 100) keep their values, because drawn
over their declared ranges no world reproduces the targets. History matching would shrink
those ranges in waves: run a wave of worlds, fit an emulator of each target statistic to
the runs (here ridge regression on every drawn parameter, with squares and products of the
ten that weigh most), rule out the candidate worlds whose emulated implausibility (with the
emulator's own cross-validated error added to the variance) is 3 or more on some target,
and run the next wave among the rest. This script runs such waves on the shipped baseline
and prints, per wave, how many worlds were run and how many reproduce the targets, which
targets ruled out most, and how far the emulators are from the runs.

    python benchmarks/history_waves.py --waves 4 --per-wave 300

It writes only into a temporary folder. On 2 cores a wave of 300 worlds (2 replications
each) takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from simulate.calibration.targets import load_targets
from simulate.experiments.design import Factor
from simulate.experiments.executors import Processes
from simulate.experiments.store import read_runs
from simulate.experiments.sweep import run_experiment
from simulate.parameters import PARAMETERS
from simulate.scenario import Scenario
from simulate.schema import InputError
from simulate.worlds import (
    CUTOFF,
    KNOWN_GAPS,
    TOLERANCE_SIGMAS,
    TargetsEvaluator,
    calibrated_factors,
    draw_calibrated,
    implausibility,
    load_fit,
    points_experiment,
)

ROOT = Path(__file__).resolve().parents[1]
REPS = 2
LAMBDAS = (0.01, 0.1, 1.0, 10.0)
QUADRATIC = 10   # parameters whose squares and products enter each emulator


def core_factors(fitted: set[str]) -> list[Factor]:
    """Every core uncertainty with a plausible range that the fit does not hold."""
    return [Factor(p.name, p, low=float(p.range[0]), high=float(p.range[1]))
            for p in PARAMETERS.of_kind("uncertainty")
            if p.name not in fitted and p.range is not None and p.type in (int, float)
            and p.range[0] < p.range[1]]


def ridge(a: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    penalty = lam * np.eye(a.shape[1])
    penalty[0, 0] = 0.0
    return np.linalg.solve(a.T @ a + penalty, a.T @ y)


def emulator(u: np.ndarray, y: np.ndarray):
    """A ridge emulator of ``y`` on the unit-scaled parameters ``u`` (with squares and
    products of the :data:`QUADRATIC` largest linear effects), its penalty chosen by
    five-fold cross-validation. Returns (predict, cross-validated mean squared error)."""
    linear = ridge(np.column_stack([np.ones(len(u)), u]), y, 1.0)
    top = np.argsort(-np.abs(linear[1:]))[:QUADRATIC]

    def features(x: np.ndarray) -> np.ndarray:
        cols = [np.ones(len(x)), *x.T]
        cols += [(x[:, i] - 0.5) * (x[:, j] - 0.5) for n, i in enumerate(top) for j in top[n:]]
        return np.column_stack(cols)

    a = features(u)
    fold = np.arange(len(y)) % 5
    best = min(LAMBDAS, key=lambda lam: np.mean(np.concatenate(
        [y[fold == k] - a[fold == k] @ ridge(a[fold != k], y[fold != k], lam)
         for k in range(5)]) ** 2))
    mse = float(np.mean(np.concatenate(
        [y[fold == k] - a[fold == k] @ ridge(a[fold != k], y[fold != k], best)
         for k in range(5)]) ** 2))
    beta = ridge(a, y, best)
    return (lambda x: features(x) @ beta), mse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waves", type=int, default=4)
    parser.add_argument("--per-wave", type=int, default=300)
    parser.add_argument("--candidates", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    base = Scenario.from_yaml(ROOT / "scenarios" / "baseline.yaml")
    targets = load_targets(None)
    used = [t for t in targets.targets if t.name not in KNOWN_GAPS]
    names = [t.name for t in targets.targets]
    fit = load_fit()
    calibrated = calibrated_factors(fit)
    core = core_factors(set(fit.names))
    factors = calibrated + core
    low = np.array([f.low for f in factors], float)
    high = np.array([f.high for f in factors], float)
    rng = np.random.default_rng(args.seed)
    evaluator = TargetsEvaluator(base, targets)

    def candidates(n: int) -> np.ndarray:
        """Draws of the prior: the calibrated parameters as plausible worlds draw them,
        the core ones uniformly over their ranges."""
        cal = draw_calibrated(base, fit, calibrated, n, rng)
        return np.hstack([cal, low[len(calibrated):] + rng.random((n, len(core)))
                          * (high - low)[len(calibrated):]])

    xs, ys, waves = [], [], []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Processes(args.workers) as executor:
        for wave in range(1, args.waves + 1):
            pool = candidates(args.candidates if xs else args.per_wave)
            emulated = {}
            if xs:
                u = (np.vstack(xs) - low) / (high - low)
                y_all = pd.concat(ys, ignore_index=True)
                worst = np.zeros(len(pool))
                for t in used:
                    y = y_all[t.name].to_numpy(float)
                    ok = np.isfinite(y)
                    predict, mse = emulator(u[ok], y[ok])
                    var = t.standard_error ** 2 + (t.tolerance / TOLERANCE_SIGMAS) ** 2 + mse
                    worst = np.maximum(worst, np.abs(predict((pool - low) / (high - low))
                                                     - t.value) / math.sqrt(var))
                    emulated[t.name] = {"emulator_sd": round(math.sqrt(mse), 4),
                                        "target_sd": round(math.sqrt(
                                            t.standard_error ** 2
                                            + (t.tolerance / TOLERANCE_SIGMAS) ** 2), 4)}
                survivors = pool[worst < CUTOFF]
                share = len(survivors) / len(pool)
                pool = survivors[: args.per_wave]
            else:
                share = 1.0
            rows = []
            for point in pool:
                row = tuple(f.value(float(x)) for f, x in zip(factors, point))
                try:
                    evaluator.check(dict(zip([f.name for f in factors], row)))
                except InputError:
                    continue
                rows.append(row)
            out = Path(tmp) / f"wave-{wave}"
            run_experiment(points_experiment(f"wave-{wave}", factors, rows, evaluator, REPS,
                                             args.seed, names), out, executor)
            runs = read_runs(out)
            means = runs.groupby("point")[names].mean()
            noise = runs.groupby("point")[names].var(ddof=1).mean()
            imp = implausibility(means, noise, targets, REPS)[[t.name for t in used]]
            kept = int((imp.max(axis=1, skipna=False).fillna(np.inf) < CUTOFF).sum())
            xs.append(np.array([[float(v) for v in r] for r in rows]))
            ys.append(means.reset_index(drop=True))
            ruled = (imp.fillna(np.inf) >= CUTOFF).sum().sort_values(ascending=False)
            waves.append({"wave": wave, "candidates_not_ruled_out": round(share, 3),
                          "run": len(rows), "plausible": kept,
                          "ruled_out_most_by": {k: int(v) for k, v in ruled.head(4).items()},
                          "emulators": {k: emulated[k] for k in list(ruled.index[:4])
                                        if k in emulated}})
    print(json.dumps({"parameters_drawn": len(factors), "core_drawn": len(core),
                      "replications": REPS, "waves": waves,
                      "wall_s": round(time.perf_counter() - start, 1),
                      "python": platform.python_version()}, indent=1))


if __name__ == "__main__":
    main()
