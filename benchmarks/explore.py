"""How fast the explorer answers: seconds to the first answer (3 replicates) and to the full
one (the base's replications), at the baseline's size (1,190 mothers, a burn-in of 120
months).

Two moments per programme, each programme starting with no world burned in:

- ``cold``: the first request, with nothing simulated yet (every replicate's burn-in still
  to run; the app itself starts burning in the base's worlds as soon as it starts, so a
  person opening the page a little later waits less);
- ``lever``: a lever moved after that answer: the burned-in worlds and the base's
  replicates are reused, so only the programme's months after month 0 run again.

    python benchmarks/explore.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from simulate.explore.engine import FIRST_ANSWER, Engine
from simulate.model import BURN_IN_CACHE
from simulate.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]
# A lever to move per programme, and where to.
MOVES = {"dedicated-coaches": {"dedicated_coaches.coaches": 9},
         "klaar-voor-een-kind": {"training.groups_per_year": 8}}


def measure(base: Scenario, programme: Scenario, move: dict, reps: int | None) -> dict:
    BURN_IN_CACHE.clear()  # cold: no world burned in by an earlier programme
    engine = Engine(base, reps=reps, warm=False).start()
    try:
        out = {}
        for moment, scenario in (("cold", programme),
                                 ("lever", programme.with_values(move))):
            key = engine.submit(scenario)
            answer = engine.wait(key, complete=True)
            if answer.error:
                raise SystemExit(f"{programme.name}: {answer.error}")
            out[moment] = {"first_answer_seconds": round(answer.seconds_first, 2),
                           "full_answer_seconds": round(answer.seconds_full, 2)}
        out["replications"] = engine.reps
        return out
    finally:
        engine.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programme", action="append", choices=sorted(MOVES),
                        help="programme to time (default: all of them)")
    parser.add_argument("--reps", type=int, default=None,
                        help="replications of a full answer (default: the base's)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    base = Scenario.from_yaml(ROOT / "scenarios" / "baseline.yaml")
    result: dict = {"mothers": base.params().size,
                    "burn_in_months": base.params().burn_in_months,
                    "months": base.horizon_months, "first_answer_replications": FIRST_ANSWER,
                    "load_average_before": round(os.getloadavg()[0], 2)}
    start = time.perf_counter()
    for name in args.programme or sorted(MOVES):
        programme = Scenario.from_yaml(ROOT / "scenarios" / f"{name}.yaml")
        result[name] = measure(base, programme, MOVES[name], args.reps)
    result["seconds"] = round(time.perf_counter() - start, 1)
    result["load_average_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
