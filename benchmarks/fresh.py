"""What a new parameter set costs, and how far the engine is from a floor kernel.

Two of the performance targets are measured here, in this process:

- ``fresh_run_cpu_s``: CPU seconds of one fresh run of the shipped baseline (1,190
  mothers): building the model, which runs the 120-month burn-in, then 36 months. The mean
  over ``--runs`` seeds, each run alone.
- ``fresh_run_cpu_s_batch_16``: the same when the burn-ins of 16 replicates run together
  (:mod:`simulate.batch`, as runs, comparisons, sweeps and the evidence checks do), then
  each replicate's 36 months; ``burn_in_cpu_s_batch_K`` is the burn-in alone per
  replicate in a batch of ``K``.
- ``fresh_run_cpu_s_whole_batch_K`` and ``fresh_run_cpu_s_worlds_whole_batch_K``: the same
  when each run is stepped whole in a batch of ``K`` (:class:`simulate.batch.BatchRun`, as
  runs without programmes are), replicates of one world or one-replicate worlds.
- ``fresh_run_cpu_s_worlds_alone`` and ``fresh_run_cpu_s_worlds_batch_16``: fresh runs of
  different worlds (the calibrated parameters drawn as plausible worlds draw them), one
  replicate each, as a Sobol design has them: each alone, and with the burn-ins of 16
  worlds in one batch.
- ``engine_vs_floor_*``: the engine's agent-months per second over 36 monthly steps from
  the initial stock (no burn-in), against a floor kernel in the same process: per
  mother-month one counter-based uniform (the engine's SplitMix64 hash written in numpy,
  as the performance issue defines the floor), one compare and one update of a column. The ratio is the share of the floor's speed the engine
  reaches; 1/110 is written 0.0091. ``engine_vs_floor_1190_batch_64`` is the engine with
  64 replicates of 1,190 mothers stepped together (:class:`simulate.batch.BatchRun`)
  against the floor at 1,190 mothers; ``engine_vs_floor_76160_batch_64`` against the floor
  on all 76,160 mothers at once.

    python benchmarks/fresh.py --json
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import numpy as np

from simulate.batch import (
    BATCH_REPLICATES,
    BatchBurnIn,
    BatchRun,
    burn_in_jobs,
    warm_burn_ins,
    warm_worlds,
)
from simulate.model import BURN_IN_CACHE, PathwaysModel
from simulate.parameters import Params
from simulate.rng import _GOLDEN, Streams, _splitmix, _to_unit
from simulate.scenario import Scenario
from simulate.states import Status

BASELINE = "scenarios/baseline.yaml"


def fresh_runs(runs: int, months: int, first_seed: int = 1000) -> dict:
    """CPU seconds per fresh baseline run (burn-in and ``months``), and the burn-in's part."""
    params = Scenario.from_yaml(BASELINE).params()
    build = step = 0.0
    for seed in range(runs):
        start = time.process_time()
        model = PathwaysModel(params, seed=first_seed + seed, horizon_months=months)
        built = time.process_time()
        model.run(months)
        step += time.process_time() - built
        build += built - start
        model.close()
    return {"fresh_run_cpu_s": round((build + step) / runs, 4),
            "fresh_run_build_cpu_s": round(build / runs, 4),
            "fresh_run_months_cpu_s": round(step / runs, 4)}


def batched_runs(runs: int, months: int, batch: int, first_seed: int = 2000) -> dict:
    """CPU seconds per fresh baseline run when the burn-ins of ``batch`` replicates run
    together (:func:`simulate.batch.warm_burn_ins`), then each run's months alone; and the
    burn-in per replicate in batches of 1 to 64 (:class:`simulate.batch.BatchBurnIn`)."""
    params = Scenario.from_yaml(BASELINE).params()
    out = {}
    for k in (1, 4, 16, 64):
        start = time.process_time()
        BatchBurnIn(params.world(), [(first_seed + k, r) for r in range(k)],
                    params.burn_in_months, months, True).split()
        out[f"burn_in_cpu_s_batch_{k}"] = round((time.process_time() - start) / k, 4)
    start = time.process_time()
    for first in range(0, runs, batch):
        replicates = range(first, min(first + batch, runs))
        warm_burn_ins(params, first_seed, replicates, months, True)
        for r in replicates:
            model = PathwaysModel(params, seed=first_seed, replicate=r, horizon_months=months)
            model.run(months)
            model.close()
        BURN_IN_CACHE.clear()
    out[f"fresh_run_cpu_s_batch_{batch}"] = round((time.process_time() - start) / runs, 4)
    return out


def world_runs(runs: int, months: int, batch: int, first_seed: int = 3000) -> dict:
    """CPU seconds per fresh run of ``runs`` different worlds, one replicate each (as a
    Sobol design or the worlds filter has them): the calibrated parameters drawn as plausible
    worlds draw them (:func:`simulate.worlds.draw_calibrated`), alone and with the burn-ins
    of ``batch`` worlds run together (:func:`simulate.batch.warm_worlds`)."""
    from simulate.worlds import calibrated_factors, draw_calibrated, load_fit

    scenario = Scenario.from_yaml(BASELINE)
    fit = load_fit()
    factors = calibrated_factors(fit)
    draws = draw_calibrated(scenario, fit, factors, runs, np.random.default_rng(first_seed))
    worlds = [scenario.params().replace(**{f.name: f.value(float(x))
                                           for f, x in zip(factors, row)}) for row in draws]

    def run_all(together: bool) -> float:
        start = time.process_time()
        for first in range(0, runs, batch):
            part = worlds[first:first + batch]
            if together:
                warm_worlds([j for p in part for j in burn_in_jobs(p, first_seed, [0], months,
                                                                     True)])
            for p in part:
                model = PathwaysModel(p, seed=first_seed, replicate=0, horizon_months=months)
                model.run(months)
                model.close()
            BURN_IN_CACHE.clear()
        return round((time.process_time() - start) / runs, 4)

    return {"fresh_run_cpu_s_worlds_alone": run_all(False),
            f"fresh_run_cpu_s_worlds_batch_{batch}": run_all(True)}


def whole_runs(runs: int, months: int, batch: int, first_seed: int = 4000) -> dict:
    """CPU seconds per fresh baseline run stepped whole in a batch of ``batch``
    (:class:`simulate.batch.BatchRun`: the burn-in and every month together, each month
    recorded per replicate), replicates of one world and one-replicate worlds, to the same
    outputs as a model's run (its record, mothers, spells and children)."""
    from simulate.worlds import calibrated_factors, draw_calibrated, load_fit

    scenario = Scenario.from_yaml(BASELINE)
    params = scenario.params()
    fit = load_fit()
    factors = calibrated_factors(fit)
    draws = draw_calibrated(scenario, fit, factors, runs, np.random.default_rng(first_seed))
    worlds = [params.replace(**{f.name: f.value(float(x)) for f, x in zip(factors, row)})
              for row in draws]

    def per_run(of: list[Params], replicates: list[int]) -> float:
        start = time.process_time()
        for first in range(0, runs, batch):
            part = slice(first, first + batch)
            BatchRun(of[part], [(first_seed, r) for r in replicates[part]], months).run().results()
        return round((time.process_time() - start) / runs, 4)

    return {f"fresh_run_cpu_s_whole_batch_{batch}": per_run([params] * runs, list(range(runs))),
            f"fresh_run_cpu_s_worlds_whole_batch_{batch}": per_run(worlds, [0] * runs)}


def engine_rate(size: int, months: int, seed: int) -> float:
    """Agent-months per second of the engine's monthly steps from the initial stock."""
    params = Params.from_overrides({"size": size, "burn_in_months": 0})
    model = PathwaysModel(params, seed=seed, horizon_months=months, record_spells=False)
    agent_months, start = 0, time.perf_counter()
    for _ in range(months):
        model.step()
        s = model.mothers.status[: model.mothers.n]
        agent_months += int(((s == Status.ON_ASSISTANCE) | (s == Status.IN_WORK)).sum())
    seconds = time.perf_counter() - start
    model.close()
    return agent_months / seconds


def engine_rate_batched(size: int, months: int, replicates: int, seed: int) -> float:
    """The same for ``replicates`` replicates stepped together (:class:`BatchRun`, as
    runs without programmes step): agent-months of all of them per second."""
    params = Params.from_overrides({"size": size, "burn_in_months": 0})
    batch = BatchRun(params, [(seed, r) for r in range(replicates)], months,
                     record_spells=False)
    start = time.perf_counter()
    batch.run()
    seconds = time.perf_counter() - start
    agent_months = sum(int(wide.loc[1:, ["on_assistance", "in_work"]].to_numpy().sum())
                       for wide in (record.wide() for record in batch.records))
    return agent_months / seconds


def floor_rate(size: int, months: int, seed: int) -> float:
    """Agent-months per second of one draw, compare and update per mother-month."""
    streams = Streams(seed)
    ids = np.arange(size)
    state = np.zeros(size, dtype=np.int8)
    start = time.perf_counter()
    for t in range(months):
        key = np.uint64((streams._key("floor", t) + 0x9E3779B97F4A7C15) & (2**64 - 1))
        z = ids.astype(np.uint64)
        z *= _GOLDEN
        z += key
        hit = _to_unit(_splitmix(z)) < 0.05
        state[hit] ^= 1
    return size * months / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="fresh baseline runs to time")
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out: dict = {"python": platform.python_version()}
    # One-off costs first (loading the compiled kernels, caches of lookup tables).
    warm_up = Params.from_overrides({"size": 100, "burn_in_months": 3})
    BatchBurnIn(warm_up.world(), [(0, 0), (0, 1)], 3, 3, True).split()
    PathwaysModel(warm_up, seed=0, horizon_months=3).close()
    out.update(fresh_runs(args.runs, args.months))
    out.update(batched_runs(max(args.runs, BATCH_REPLICATES), args.months, BATCH_REPLICATES))
    out.update(world_runs(max(args.runs, BATCH_REPLICATES), args.months, BATCH_REPLICATES))
    for size in (BATCH_REPLICATES, 64):
        out.update(whole_runs(max(args.runs, size), args.months, size))
    for size in (20_000, 1_190):
        engine = max(engine_rate(size, args.months, seed) for seed in (1, 2))
        floor = max(floor_rate(size, args.months, seed) for seed in (1, 2, 3))
        out[f"engine_agent_months_per_s_{size}"] = round(engine)
        out[f"floor_agent_months_per_s_{size}"] = round(floor)
        out[f"engine_vs_floor_{size}"] = round(engine / floor, 4)
    # The measure at 1,190 mothers is batched: 64 replicates stepped together,
    # against the floor kernel at 1,190 mothers and at all 64 x 1,190 at once.
    engine = max(engine_rate_batched(1_190, args.months, 64, seed) for seed in (1, 2))
    floor = max(floor_rate(64 * 1_190, args.months, seed) for seed in (1, 2, 3))
    out["engine_agent_months_per_s_1190_batch_64"] = round(engine)
    out["engine_vs_floor_1190_batch_64"] = round(engine / out["floor_agent_months_per_s_1190"], 4)
    out["engine_vs_floor_76160_batch_64"] = round(engine / floor, 4)
    print(json.dumps(out) if args.json else "\n".join(f"{k}: {v}" for k, v in out.items()))


if __name__ == "__main__":
    main()
