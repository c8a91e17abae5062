"""What a run with programmes costs alone and with its other replicates (a lockstep).

For each scenario, ``--replicates`` replicates (10, as a comparison over plausible worlds
runs a world's) are run for 36 months from their burn-ins, which are run first and cached
(as a comparison's base leaves them): each alone, as :func:`simulate.runner.simulate_replicate`
steps one, and all together (:func:`simulate.lockstep.run_together`). CPU seconds per run,
building the model (its burn-in restored, its programmes set up) included; the two are
alternated ``--repeat`` times and the best of each kept, since the machine's speed drifts.
``same`` says whether every run's monthly record is the same both ways.

    python benchmarks/lockstep.py --json
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import pandas as pd

from simulate.batch import warm_burn_ins
from simulate.lockstep import run_together
from simulate.model import BURN_IN_CACHE
from simulate.runner import _run
from simulate.scenario import Scenario

SCENARIOS = ("scenarios/dedicated-coaches.yaml", "scenarios/reserved-childcare.yaml",
             "scenarios/all-modules.yaml")


def measure(path: str, replicates: int, months: int, repeat: int, seed: int = 5) -> dict:
    scenario = Scenario.from_yaml(path)
    params = scenario.params()
    reps = list(range(replicates))
    BURN_IN_CACHE.clear()
    warm_burn_ins(params, seed, reps, months, False)
    alone_s, together_s, same = [], [], True
    for _ in range(repeat):
        start = time.process_time()
        alone = [_run(params, scenario.make_policies(), seed, r, months, False, None)[0]
                 for r in reps]
        alone_s.append((time.process_time() - start) / replicates)
        start = time.process_time()
        together = run_together(params, scenario.make_policies, seed, reps, months, False)
        together_s.append((time.process_time() - start) / replicates)
        for a, b in zip(alone, together):
            try:
                pd.testing.assert_frame_equal(a, b.monthly, check_exact=True)
            except AssertionError:
                same = False
    BURN_IN_CACHE.clear()
    return {"alone_cpu_s": round(min(alone_s), 4), "together_cpu_s": round(min(together_s), 4),
            "speedup": round(min(alone_s) / min(together_s), 2), "same": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object on one line")
    parser.add_argument("--replicates", type=int, default=10)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    out = {Scenario.from_yaml(path).name: measure(path, args.replicates, args.months,
                                                  args.repeat)
           for path in SCENARIOS}
    out.update({"replicates": args.replicates, "months": args.months,
                "python": platform.python_version()})
    print(json.dumps(out) if args.json else json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
