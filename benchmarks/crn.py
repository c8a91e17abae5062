"""Variance reduction from common random numbers in a paired comparison.

Estimates the standard error of the 24-month extra-exits-to-work effect of
``scenarios/dedicated-coaches.yaml`` against ``scenarios/baseline.yaml`` two ways at an equal
number of runs: with common random numbers (replicate r of both scenarios on the same
streams, paired differences) and with independent seeds (the alternative on other
streams, difference of means).

    python benchmarks/crn.py --json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from simulate.runner import run_many
from simulate.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=40, help="runs per scenario and design")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--alternative", default=str(ROOT / "scenarios/dedicated-coaches.yaml"))
    parser.add_argument("--outcome", default="exits_work_24m")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    base = Scenario.from_yaml(ROOT / "scenarios/baseline.yaml")
    alt = Scenario.from_yaml(args.alternative)
    start = time.perf_counter()
    paired = run_many([base, alt], reps=args.reps, seed=args.seed, months=24,
                      workers=args.workers, spells=False).runs
    other = run_many([alt], reps=args.reps, seed=args.seed + 1_000_003, months=24,
                     workers=args.workers, spells=False).runs

    def outcome(runs, name):
        return runs[runs.scenario == name].sort_values("replicate")[args.outcome].to_numpy()

    b, a, a_ind = outcome(paired, base.name), outcome(paired, alt.name), outcome(other, alt.name)
    n = args.reps
    se_paired = float((a - b).std(ddof=1) / np.sqrt(n))
    se_independent = float(np.sqrt(a_ind.var(ddof=1) / n + b.var(ddof=1) / n))
    result = {
        "outcome": args.outcome, "alternative": alt.name, "runs_per_scenario": n,
        "effect_paired": round(float((a - b).mean()), 3),
        "effect_independent": round(float(a_ind.mean() - b.mean()), 3),
        "se_paired": round(se_paired, 4), "se_independent": round(se_independent, 4),
        "variance_reduction": round((se_independent / se_paired) ** 2, 1),
        "seconds": round(time.perf_counter() - start, 1),
    }
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
