"""Running scenarios: replicates, in one process or several, with identical results."""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import pandas as pd

from simulate import processes
from simulate.batch import (
    BATCH_REPLICATES,
    RUN_CACHE,
    BurnInJob,
    batchable,
    burn_in_jobs,
    programme_key,
    run_key,
    warm_worlds,
)
from simulate.lockstep import warm_programmes
from simulate.model import PathwaysModel
from simulate.outcomes import run_outcomes, summarise
from simulate.scenario import Scenario


@dataclass
class ReplicateResult:
    """Everything one replicate of one scenario produced."""

    scenario: str
    replicate: int
    monthly: pd.DataFrame          # wide: one row per month
    row: dict                      # parameters and scalar outcomes
    spells: pd.DataFrame | None
    children: pd.DataFrame | None

    @functools.cached_property
    def long(self) -> pd.DataFrame:
        """The monthly metrics tidy (``scenario, replicate, month, metric, value``), made
        once: an answer refined replicate by replicate collects the same ones many times."""
        long = self.monthly.reset_index().melt(id_vars="month", var_name="metric",
                                               value_name="value")
        long.insert(0, "replicate", self.replicate)
        long.insert(0, "scenario", self.scenario)
        return long


def simulate_replicate(scenario: Scenario, replicate: int, seed: int | None = None,
                       months: int | None = None, spells: bool = True,
                       on_month: Callable[[int], None] | None = None) -> ReplicateResult:
    """Run replicate ``replicate`` of ``scenario`` and collect its outputs.

    The replicate's random streams are keyed by (seed, replicate), so the result does not
    depend on which process runs it or in what order. The burn-in runs in the scenario's
    world (:meth:`simulate.parameters.Params.world`), so scenarios that differ only in
    levers and policies start from the same state at month 0.
    """
    seed = scenario.seed if seed is None else seed
    months = scenario.horizon_months if months is None else months
    params, policies = scenario.params(), scenario.make_policies()
    # A run stepped ahead in a batch (simulate.batch.BatchRun) or, with programmes or
    # levers, with its other replicates (simulate.lockstep), if one was.
    ahead = RUN_CACHE.take(run_key(params, seed, replicate, months, spells)
                           if batchable(params, policies) else
                           programme_key(params, policies, seed, replicate, months, spells))
    if ahead is not None:
        wide, spell_frame, children = ahead.monthly, ahead.spells, ahead.children
        if on_month:
            on_month(months)
    else:
        wide, spell_frame, children = _run(params, policies, seed, replicate, months, spells,
                                           on_month)
    row = {"scenario": scenario.name, "replicate": replicate, "seed": seed,
           "horizon_months": months, **scenario.flat_values(), **run_outcomes(wide)}
    if spell_frame is not None and children is not None:
        for frame in (spell_frame, children):
            frame.insert(0, "replicate", replicate)
            frame.insert(0, "scenario", scenario.name)
    return ReplicateResult(scenario.name, replicate, wide, row, spell_frame, children)


def _run(params, policies, seed: int, replicate: int, months: int, spells: bool,
         on_month: Callable[[int], None] | None):
    """Run one replicate in a model; its monthly metrics (wide), spells and children."""
    model = PathwaysModel(params, policies, seed=seed, replicate=replicate,
                          horizon_months=months, record_spells=spells)
    try:
        for _ in range(months):
            model.step()
            if on_month:
                on_month(1)
    finally:
        model.close()
    if not spells:
        return model.record.wide(), None, None
    return model.record.wide(), model.spells.frame(model.mothers), model.children.frame()


def burn_ins(scenario: Scenario, replicates: Sequence[int], seed: int | None = None,
             months: int | None = None, spells: bool = True) -> list[BurnInJob]:
    """The burn-ins :func:`simulate_replicate` runs for ``replicates`` of ``scenario``
    (for :func:`simulate.batch.warm_worlds`)."""
    seed = scenario.seed if seed is None else seed
    months = scenario.horizon_months if months is None else months
    return burn_in_jobs(scenario.params(), seed, replicates, months, spells,
                        policies=scenario.policies, scenario=scenario)


def warm(scenario: Scenario, replicates: Sequence[int], seed: int | None = None,
         months: int | None = None, spells: bool = True) -> int:
    """Run the burn-ins of ``replicates`` of ``scenario`` together (:mod:`simulate.batch`)
    before :func:`simulate_replicate` runs them one by one; each then starts from its own
    burn-in, bit for bit the one it would have run. Returns how many burn-ins ran."""
    return warm_worlds(burn_ins(scenario, replicates, seed, months, spells))


@dataclass
class RunResult:
    """Outputs of one or more scenarios over replications.

    Attributes:
        monthly: Tidy monthly metrics: scenario, replicate, month, metric, value.
        runs: One row per (scenario, replicate) with every parameter value and outcome.
        spells: One row per assistance spell (empty unless spells were recorded).
        children: Birth (or due) months of youngest children, for period sampling.
        scenarios: The scenarios, by name.
    """

    monthly: pd.DataFrame
    runs: pd.DataFrame
    spells: pd.DataFrame
    children: pd.DataFrame
    scenarios: dict[str, Scenario] = field(default_factory=dict)

    def summary(self) -> pd.DataFrame:
        """Mean and 95% confidence interval over replications of the headline outcomes."""
        return summarise(self.runs)

    def wide(self) -> pd.DataFrame:
        """Monthly metrics with one column per metric."""
        return self.monthly.pivot_table(index=["scenario", "replicate", "month"],
                                        columns="metric", values="value",
                                        observed=True).reset_index()


def collect(results: Sequence[ReplicateResult], scenarios: dict[str, Scenario]) -> RunResult:
    """Combine replicate results into tidy frames sorted by scenario order and replicate."""
    order = {name: i for i, name in enumerate(scenarios)}
    results = sorted(results, key=lambda r: (order[r.scenario], r.replicate))
    monthly_frame = pd.concat([r.long for r in results], ignore_index=True)
    monthly_frame["value"] = monthly_frame["value"].astype(float)
    names = list(scenarios)
    monthly_frame["scenario"] = pd.Categorical(monthly_frame["scenario"], categories=names)
    monthly_frame = monthly_frame.sort_values(["scenario", "replicate", "month", "metric"],
                                              kind="stable").reset_index(drop=True)
    runs = pd.DataFrame([r.row for r in results])
    spells = [r.spells for r in results if r.spells is not None]
    children = [r.children for r in results if r.children is not None]
    return RunResult(
        monthly=monthly_frame,
        runs=runs.reset_index(drop=True),
        spells=pd.concat(spells, ignore_index=True) if spells else pd.DataFrame(),
        children=pd.concat(children, ignore_index=True) if children else pd.DataFrame(),
        scenarios=dict(scenarios))


def _task(group) -> list[ReplicateResult]:
    """Every scenario of some replicates, in one process: the replicates' burn-ins run
    together, and the scenarios of a replicate share its burn-in."""
    return [simulate_replicate(scenario, replicate, seed, months, spells)
            for scenario, replicate, seed, months, spells in _warmed(group)]


def _warmed(group) -> Iterator[tuple]:
    """The runs of a task world by world (scenarios whose burn-ins are the same), each
    world's burn-ins run together just before its first run (:mod:`simulate.batch`), so
    that the burn-in cache holds them until they are used."""
    worlds: dict[tuple, list[tuple]] = {}
    for run in group:
        scenario, _, seed, months, spells = run
        key = (tuple(sorted(scenario.params().world().values.items())), seed, months, spells)
        worlds.setdefault(key, []).append(run)
    for runs in worlds.values():
        _, _, seed, months, spells = runs[0]
        replicates = sorted({r[1] for r in runs})
        # Every scenario's: a run without programmes may step whole in a batch
        # (simulate.batch.BatchRun), which then leaves the burn-ins the others start from.
        scenarios = {r[0].name: r[0] for r in runs}
        jobs = {name: burn_ins(scenario, replicates, seed, months, spells)
                for name, scenario in scenarios.items()}
        warm_worlds([job for each in jobs.values() for job in each], programmes=False)
        # Then scenario by scenario: a scenario's runs with programmes step together
        # (simulate.lockstep) just before they are taken, so that the run cache holds
        # them whatever the number of programmes compared.
        for name in scenarios:
            warm_programmes([job for job in jobs[name] if job.programme is not None])
            yield from sorted((r for r in runs if r[0].name == name), key=lambda r: r[1])


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def run_many(scenarios: Sequence[Scenario], reps: int | None = None, seed: int | None = None,
             months: int | None = None, workers: int = 1, spells: bool = True,
             progress: bool = False) -> RunResult:
    """Run several scenarios on the same seeds (common random numbers).

    Replicate r of every scenario uses the streams of (seed, r), so paired differences
    between scenarios are the policies' effects rather than noise; scenarios with the same
    world share the burn-in.
    """
    by_name = {s.name: s for s in scenarios}
    if len(by_name) != len(scenarios):
        raise ValueError("scenario names must differ: " + ", ".join(s.name for s in scenarios))
    base_seed = scenarios[0].seed if seed is None else seed
    # A task is some replicates with all their scenarios: the process runs the replicates'
    # burn-ins together (simulate.batch) and each once for all scenarios
    # (simulate.model.BurnIn); the results do not depend on the grouping.
    groups: dict[int, list[tuple]] = {}
    for s in scenarios:
        n = s.replications if reps is None else reps
        m = s.horizon_months if months is None else months
        for r in range(n):
            groups.setdefault(r, []).append((s, r, base_seed, m, spells))
    per_task = max(1, min(BATCH_REPLICATES, math.ceil(len(groups) / max(workers, 1))))
    replicates = list(groups.values())
    tasks = [[run for group in replicates[i:i + per_task] for run in group]
             for i in range(0, len(replicates), per_task)]
    total_months = sum(t[3] for group in tasks for t in group)
    bar = _progress_bar(total_months, progress)
    results: list[ReplicateResult] = []
    if workers <= 1 or len(tasks) <= 1:
        for group in tasks:
            for s, r, sd, m, sp in _warmed(group):
                results.append(simulate_replicate(s, r, sd, m, sp,
                                                  on_month=bar.update if bar else None))
    else:
        ctx = processes.context()
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for group, done in zip(tasks, pool.map(_task, tasks)):
                results.extend(done)
                if bar:
                    bar.update(sum(t[3] for t in group))
    if bar:
        bar.close()
    return collect(results, by_name)


def run(scenario: Scenario, reps: int | None = None, seed: int | None = None,
        months: int | None = None, workers: int = 1, spells: bool = True,
        progress: bool = False) -> RunResult:
    """Run one scenario over replications.

    Args:
        scenario: The scenario (see :meth:`Scenario.from_yaml`).
        reps: Replications (default: the scenario's).
        seed: Root seed (default: the scenario's).
        months: Horizon in months (default: the scenario's).
        workers: Processes to use; results are identical for any number.
        spells: Record microdata (spells and children).
        progress: Show a progress bar on stderr.

    Returns:
        A :class:`RunResult` with ``.monthly``, ``.runs`` and ``.spells``.
    """
    return run_many([scenario], reps, seed, months, workers, spells, progress)


def _progress_bar(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="month", desc="simulating", leave=False,
                dynamic_ncols=True, smoothing=0.1)


__all__ = ["ReplicateResult", "RunResult", "collect", "default_workers", "run", "run_many",
           "simulate_replicate"]
