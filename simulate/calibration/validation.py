"""Validation: simulate the Rotterdam extract as it was sampled and compare it with the targets.

A validation run starts from the scenario's synthetic initial stock, simulates a burn-in
long enough that the stock's spell durations are those the model's hazards produce, then
a window (24 months for Rotterdam). The period sample of that window
(:func:`simulate.calibration.sample.period_sample`) gives each target's simulated value.
Replicates run in a process pool; each replicate's streams are keyed by (seed, replicate),
so the values do not depend on the number of processes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Self

import numpy as np
import pandas as pd

from simulate import processes
from simulate.batch import BATCH_REPLICATES, warm_worlds
from simulate.calibration.targets import TargetSet, statistics
from simulate.outcomes import mean_ci
from simulate.runner import burn_ins, simulate_replicate
from simulate.scenario import Scenario

SAMPLE_SIZE = "period_sample_women"


def replicate_statistics(scenario: Scenario, replicate: int, seed: int,
                         targets: TargetSet) -> dict[str, float]:
    """Simulate one replicate under the targets' sampling design; return every statistic."""
    result = simulate_replicate(scenario, replicate, seed, targets.months, spells=True)
    p = scenario.params()
    return statistics(targets, result.spells, result.children, size=p.size,
                      horizon_months=scenario.horizon_months,
                      target_child_age_months=p.target_child_age_months,
                      pregnancy_known_months=p.pregnancy_known_months,
                      monthly=result.monthly)


def _task(args: tuple) -> list[dict[str, float]]:
    """Some (scenario, replicate) runs, their burn-ins run together where they can
    (:func:`simulate.batch.warm_worlds`: replicates of one scenario, or scenarios whose
    worlds differ only in per-world parameters, as the points of a fit do)."""
    runs, seed, targets = args
    warm_worlds([job for scenario, r in runs
                 for job in burn_ins(scenario, [r], seed, targets.months, spells=True)])
    return [replicate_statistics(scenario, r, seed, targets) for scenario, r in runs]


class Simulator:
    """Runs batches of replicates under one targets file, in a process pool when asked.

    Use as a context manager so the pool is started once and shut down at the end.

    Args:
        targets: Targets and sampling design.
        workers: Processes; 1 runs everything in this process.
        on_run: Called with 1 after each finished replicate (progress).
    """

    def __init__(self, targets: TargetSet, workers: int = 1,
                 on_run: Callable[[int], None] | None = None) -> None:
        self.targets = targets
        self.workers = max(int(workers), 1)
        self.on_run = on_run
        self.runs = 0
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        if self.workers > 1:
            ctx = processes.context()
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def values(self, scenarios: Sequence[Scenario], reps: int, seed: int) -> list[pd.DataFrame]:
        """Statistics of replicates 0..reps-1 of each scenario, all seeded with ``seed``.

        Every scenario gets the same streams (common random numbers), so differences
        between them come from their parameters, not from noise.

        Returns:
            One frame per scenario: a row per replicate, a column per target (and
            ``period_sample_women``).
        """
        for s in scenarios:
            self.targets.check_run(s.horizon_months)
        runs = [(s, r) for s in scenarios for r in range(reps)]
        per = max(1, min(BATCH_REPLICATES, math.ceil(len(runs) / self.workers)))
        tasks = [(runs[i:i + per], seed, self.targets) for i in range(0, len(runs), per)]
        results = []
        mapped = self._pool.map(_task, tasks) if self._pool else map(_task, tasks)
        for rows in mapped:
            results.extend(rows)
            self.runs += len(rows)
            if self.on_run:
                self.on_run(len(rows))
        return [pd.DataFrame(results[i * reps:(i + 1) * reps]).rename_axis("replicate")
                for i in range(len(scenarios))]


def compare(targets: TargetSet, values: pd.DataFrame) -> pd.DataFrame:
    """Each target against the simulated mean over replicates.

    Args:
        targets: The targets.
        values: A row per replicate, a column per target (:meth:`Simulator.values`).

    Returns:
        A row per target: ``target``, ``description``, ``observed``, ``simulated`` (mean
        over replicates), ``ci_low``, ``ci_high`` (95% confidence interval of that mean),
        ``sd`` (spread between replicates), ``tolerance``, ``ok`` (the mean lies within
        the tolerance of the observed value), ``kind`` (of statistic).
    """
    rows = []
    for t in targets.targets:
        mean, low, high = mean_ci(values[t.name])
        column = values[t.name].to_numpy(dtype=float)
        column = column[~np.isnan(column)]
        ok = not math.isnan(mean) and abs(mean - t.value) <= t.tolerance + 1e-12
        rows.append({"target": t.name, "description": t.description, "observed": t.value,
                     "simulated": mean, "ci_low": low, "ci_high": high,
                     "sd": float(column.std(ddof=1)) if len(column) > 1 else math.nan,
                     "tolerance": t.tolerance, "ok": ok, "kind": t.statistic.kind})
    return pd.DataFrame(rows)


def validate(scenario: Scenario, targets: TargetSet, reps: int | None = None,
             seed: int | None = None, workers: int = 1,
             on_run: Callable[[int], None] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate ``scenario`` as the targets' data were sampled and compare.

    Args:
        scenario: The scenario (its policies included).
        targets: Targets and sampling design.
        reps: Replicates (default: the targets file's ``validation.replications``).
        seed: Root seed (default: the targets file's ``validation.seed``).
        workers: Processes; the result does not depend on it.
        on_run: Progress callback, called with 1 per finished replicate.

    Returns:
        The comparison (:func:`compare`) and the per-replicate values.
    """
    reps = targets.validation_replications if reps is None else reps
    seed = targets.validation_seed if seed is None else seed
    with Simulator(targets, workers, on_run) as sim:
        (values,) = sim.values([scenario], reps, seed)
    return compare(targets, values), values
