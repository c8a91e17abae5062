"""A comparison in plausible worlds at the size the uncertainty issue asks for: the shipped
baseline against ``scenarios/dedicated-coaches.yaml`` in 200 kept worlds, 10 replications
each, 36 months, on 2 worker processes, into a fresh cache.

Prints JSON: the wall time of finding the worlds (``filter_s``: drawing, running the base
under the targets' sampling design, the implausibility filter) and of the comparison in
them (``compare_s``), the CPU seconds this process spent meanwhile (``*_main_cpu_s``:
drawing, the emulator, reading results), how many worlds were drawn and kept, and the
headline answer (median, world 5-95% range, replication interval of extra exits to work
and net cost, the chance of paying back by 12/24/36 months). ``*_busy_share`` is the share
of the machine's CPU time (every core, from ``/proc/stat``) that was busy during each
phase: near 1, the phase is bound by its runs; lower, the workers waited.

    python benchmarks/worlds.py               # 200 worlds, 10 replications, 2 workers
    python benchmarks/worlds.py --worlds 20   # a quick look
    python benchmarks/worlds.py --world-draw screened   # only the seven screened ones
    python benchmarks/worlds.py --seed 20250401         # another root seed

Every core uncertainty is drawn by default (``--world-draw all``). After the first
comparison, a second programme (``--then``, default ``reserved-childcare``) is compared
in the same worlds, taken from the cache as a later comparison takes them:
``then_filter_s`` is the time to find them again, ``then_total_s`` with the comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from simulate.calibration.targets import load_targets
from simulate.experiments.executors import make_executor
from simulate.scenario import Scenario
from simulate.worlds import (
    WORLD_DRAWS,
    WorldSettings,
    compare_worlds,
    find_worlds,
    load_fit,
)

ROOT = Path(__file__).resolve().parents[1]


def cpu_ticks() -> tuple[int, int]:
    """(busy, all) clock ticks of every core since boot (``/proc/stat``; zeros elsewhere)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
    return sum(fields) - idle, sum(fields)


def busy_share(before: tuple[int, int], after: tuple[int, int]) -> float | None:
    spent = after[1] - before[1]
    return round((after[0] - before[0]) / spent, 3) if spent > 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worlds", type=int, default=200)
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--alternative", default="dedicated-coaches")
    parser.add_argument("--world-draw", choices=list(WORLD_DRAWS), default="all")
    parser.add_argument("--seed", type=int, default=None,
                        help="root seed (default: the base scenario's, as the command's)")
    parser.add_argument("--then", metavar="ALT", default="reserved-childcare",
                        help="a second programme compared afterwards in the same cached "
                             "worlds, as a later comparison is ('' to skip)")
    args = parser.parse_args()
    base = Scenario.from_yaml(ROOT / "scenarios" / "baseline.yaml")
    alt = Scenario.from_yaml(ROOT / "scenarios" / f"{args.alternative}.yaml")
    targets = load_targets(None)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, make_executor(args.workers) as executor:
        t0, c0, k0 = time.perf_counter(), time.process_time(), cpu_ticks()
        seed = base.seed if args.seed is None else args.seed
        settings = WorldSettings(worlds=args.worlds, seed=seed,
                                 screened=WORLD_DRAWS[args.world_draw])
        worlds = find_worlds(base, targets, settings, tmp, fit=load_fit(), executor=executor)
        t1, c1, k1 = time.perf_counter(), time.process_time(), cpu_ticks()
        found = compare_worlds(base, [alt], worlds, reps=args.reps, seed=seed,
                               months=base.horizon_months, executor=executor)
        t2, c2, k2 = time.perf_counter(), time.process_time(), cpu_ticks()
        later = {}
        if args.then:
            # A later comparison: the worlds come from the cache, the base runs too.
            then = Scenario.from_yaml(ROOT / "scenarios" / f"{args.then}.yaml")
            again = find_worlds(base, targets, settings, tmp, fit=load_fit(),
                                executor=executor)
            t3 = time.perf_counter()
            compare_worlds(base, [then], again, reps=args.reps, seed=seed,
                           months=base.horizon_months, executor=executor)
            later = {"then": args.then, "then_filter_s": round(t3 - t2, 1),
                     "then_total_s": round(time.perf_counter() - t2, 1)}
    s = found.summary.set_index("outcome")

    def row(outcome: str) -> dict:
        r = s.loc[outcome]
        return {k: round(float(r[k]), 1) for k in ("median", "world_low", "world_high",
                                                   "replication_low", "replication_high")}

    print(json.dumps({
        "worlds_wanted": args.worlds, "world_draw": args.world_draw, "replications": args.reps, "workers": args.workers,
        "alternative": args.alternative, "drawn": sum(worlds.drawn), "kept": len(worlds.values),
        "waves": len(worlds.drawn), "drawn_per_wave": worlds.drawn,
        "kept_per_wave": worlds.kept, "emulated_out_per_wave": worlds.emulated_out,
        "screened_ranges": {n: [round(lo, 4), round(hi, 4)]
                            for n, (lo, hi) in worlds.ranges.items()},
        "ruled_out_by": worlds.ruled_out_by,
        "filter_s": round(t1 - t0, 1), "compare_s": round(t2 - t1, 1),
        "total_s": round(t2 - t0, 1),
        # CPU of this process (drawing, the emulator, reading results) while the workers
        # wait or run: what is not the runs.
        "filter_main_cpu_s": round(c1 - c0, 1), "compare_main_cpu_s": round(c2 - c1, 1),
        "filter_busy_share": busy_share(k0, k1), "compare_busy_share": busy_share(k1, k2),
        "runs_compare": int(len(worlds.values) * args.reps),
        "extra_exits_work_total": row("extra_exits_work_total"),
        "net_cost_eur_total": row("net_cost_eur_total"),
        "pays_back": {int(r.month): round(float(r.pays_back), 3)
                      for r in found.chances.itertuples()},
        "top_drivers": found.drivers[found.drivers["rank"] <= 3][
            ["outcome", "parameter", "rho", "rho_low", "rho_high"]].round(3).to_dict("records"),
        **later,
        "cpus": os.cpu_count(), "load_average_1m": load, "python": platform.python_version(),
    }, indent=1))


if __name__ == "__main__":
    main()
