"""Running evidence checks: the base and each intervention side by side, on the same luck.

Checks that share a population size and number of replications form a group. For each
replicate of a group, one base world and one world per distinct intervention are built
from the same seed and replicate (so they share the burn-in and every random draw that the
intervention does not change) and stepped month by month together; each check's statistic
watches its pair of worlds (:mod:`simulate.evidence.statistics`). Replicates are
independent tasks, so the results are the same for any number of worker processes.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from simulate import processes
from simulate.batch import BATCH_REPLICATES, warm_burn_ins
from simulate.compare import ratio_ci
from simulate.evidence.spec import Check, CheckSet
from simulate.evidence.statistics import make_statistic
from simulate.lockstep import Lockstep
from simulate.model import PathwaysModel
from simulate.outcomes import mean_ci
from simulate.scenario import Scenario

PASS, CALIBRATED, FAIL, NOT_MODELLED = "pass", "calibrated", "fail", "not yet modelled"
# What a check counts as: evidence, or a target (its figure set a parameter of the model,
# so agreeing with it shows consistency, not evidence).
EVIDENCE, TARGET = "evidence", "target"


@dataclass(frozen=True)
class Group:
    """Checks run on the same worlds: one base and one alternative per intervention."""

    base: Scenario
    checks: tuple[Check, ...]
    replications: int
    seed: int

    @property
    def horizon_months(self) -> int:
        return max(c.outcome.horizon_months for c in self.checks)

    def alternatives(self) -> dict[str, Scenario]:
        out: dict[str, Scenario] = {}
        for c in self.checks:
            if c.outcome.paired:
                out.setdefault(c.intervention_key(), c.alternative(self.base))
        return out


def groups(checks: CheckSet, base: Scenario, replications: int | None = None,
           seed: int | None = None) -> list[Group]:
    """The modelled checks grouped by population size and replications."""
    by: dict[tuple[int, int], list[Check]] = {}
    for c in checks.checks:
        if not c.modelled:
            continue
        reps = replications or c.replications or checks.replications
        size = c.size or base.params().size
        by.setdefault((size, reps), []).append(c)
    out = []
    for (size, reps), members in by.items():
        scenario = base if size == base.params().size else base.with_values({"size": size})
        out.append(Group(scenario, tuple(members), reps,
                         checks.seed if seed is None else seed))
    return out


def _world(scenario: Scenario, base: Scenario, seed: int, replicate: int,
           horizon: int) -> PathwaysModel:
    return PathwaysModel(scenario.params(), scenario.make_policies(), seed=seed,
                         replicate=replicate, horizon_months=horizon, record_spells=False,
                         burn_in_params=base.params())


def run_replicates(group: Group, replicates: Sequence[int]) -> list[dict[str, tuple[float, float]]]:
    """Every check of ``group`` for each of ``replicates``: per replicate, check name to
    (numerator, denominator). Each scenario's replicates step their months together
    (:class:`simulate.lockstep.Lockstep`), each as alone."""
    horizon = group.horizon_months
    bases = [_world(group.base, group.base, group.seed, r, horizon) for r in replicates]
    alts = {key: [_world(s, group.base, group.seed, r, horizon) for r in replicates]
            for key, s in group.alternatives().items()}
    watch: list[list[tuple[str, Any, PathwaysModel, PathwaysModel]]] = []
    for i in range(len(replicates)):
        watch.append([])
        for c in group.checks:
            alt = alts[c.intervention_key()][i] if c.outcome.paired else bases[i]
            stat = make_statistic(c.outcome.statistic, c.outcome.options)
            watch[-1].append((c.name, stat, bases[i], alt))
    models = [bases, *alts.values()]
    steppers = [Lockstep.of(each) for each in models]
    try:
        for pairs in watch:
            for _, stat, base, alt in pairs:
                stat.start(base, alt)
        for _ in range(horizon):
            for lock, each in zip(steppers, models):
                if lock is None:
                    for model in each:
                        model.step()
                else:
                    lock.run(1)
            for pairs in watch:
                for _, stat, base, alt in pairs:
                    stat.observe(base, alt)
    finally:
        for each in models:
            for model in each:
                model.close()
    return [{name: stat.value() for name, stat, _, _ in pairs} for pairs in watch]


def _task(args) -> list[tuple[int, int, dict[str, tuple[float, float]]]]:
    """Some replicates of a group, their burn-ins run together (:mod:`simulate.batch`) and
    their months stepped together (:func:`run_replicates`)."""
    index, group, replicates = args
    warm_burn_ins(group.base.params(), group.seed, replicates, group.horizon_months,
                  record_spells=False)
    return [(index, r, values) for r, values in zip(replicates, run_replicates(group, replicates))]


def run_checks(checks: CheckSet, base: Scenario, replications: int | None = None,
               seed: int | None = None, workers: int = 1,
               on_task: Callable[[], object] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run every modelled check.

    Returns:
        ``(results, values)``: one row per check (every check, the not-yet-modelled ones
        included) with the simulated effect, its 95% interval, the published figure, the
        band and the verdict; and one row per check and replicate with the replicate's
        numerator and denominator.
    """
    gs = groups(checks, base, replications, seed)
    tasks = []
    for i, g in enumerate(gs):
        per = max(1, min(BATCH_REPLICATES, math.ceil(g.replications / max(workers, 1))))
        tasks += [(i, g, list(range(r, min(r + per, g.replications))))
                  for r in range(0, g.replications, per)]
    done: list[tuple[int, int, dict]] = []
    with contextlib.ExitStack() as stack:
        if workers <= 1 or len(tasks) <= 1:
            results: Iterable[list] = map(_task, tasks)
        else:
            ctx = processes.context()
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers, mp_context=ctx))
            results = pool.map(_task, tasks)
        for result in results:
            done.extend(result)
            if on_task:
                for _ in result:
                    on_task()
    rows = [{"check": name, "replicate": r, "numerator": num, "denominator": den}
            for _, r, values in sorted(done, key=lambda x: (x[0], x[1]))
            for name, (num, den) in values.items()]
    values = pd.DataFrame(rows, columns=["check", "replicate", "numerator", "denominator"])
    return summarise(checks, values, gs, base), values


def summarise(checks: CheckSet, values: pd.DataFrame, gs: Sequence[Group],
              base: Scenario) -> pd.DataFrame:
    """One row per check. ``status`` is ``pass`` (in the band), ``calibrated`` (in the
    band, but a parameter was set from this check's figure), ``fail`` (outside the band)
    or ``not yet modelled``; ``counts_as`` is ``evidence`` or ``target`` (calibrated);
    ``calibrated_by`` names the parameters set from it."""
    reps = {c.name: g.replications for g in gs for c in g.checks}
    rows = []
    for c in checks.checks:
        by = c.calibrated_by(base)
        row = {"check": c.name, "title": c.title, "study": c.study.citation,
               "design": c.study.design, "statistic": c.outcome.statistic,
               "horizon_months": c.outcome.horizon_months, "unit": c.outcome.unit,
               "published": c.published.value, "published_low": c.published.low,
               "published_high": c.published.high, "band_low": c.band.low,
               "band_high": c.band.high, "replications": reps.get(c.name, 0),
               "counts_as": TARGET if by else EVIDENCE, "calibrated_by": ", ".join(by)}
        if not c.modelled:
            row.update(simulated=np.nan, ci_low=np.nan, ci_high=np.nan, ok=False,
                       status=NOT_MODELLED,
                       missing=", ".join(c.missing))
            rows.append(row)
            continue
        v = values[values.check == c.name]
        num, den = v.numerator.to_numpy(float), v.denominator.to_numpy(float)
        if np.all(den == 1.0):
            mean, lo, hi = mean_ci(num)
        else:
            mean, lo, hi = ratio_ci(num, den)
        ok = bool(np.isfinite(mean) and c.band.contains(mean))
        status = FAIL if not ok else CALIBRATED if by else PASS
        row.update(simulated=mean, ci_low=lo, ci_high=hi, ok=ok, status=status, missing="")
        rows.append(row)
    return pd.DataFrame(rows)


def split(results: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(evidence checks, calibrated checks) of a results table; one written before checks
    were told apart (no ``counts_as``) holds evidence checks only."""
    if "counts_as" not in results:
        return results, results.iloc[:0]
    target = results["counts_as"] == TARGET
    return results[~target], results[target]
