"""Speed of the vectorised engine against an idiomatic per-agent Mesa implementation.

Both run in this process, on the same initial population and the same rules
(``benchmarks/reference_mesa.py``). Throughput is agent-months per second, counting every
mother followed in a month (on assistance or in work). With ``--memory`` it also runs the
engine on a million mothers for 120 months in a child process and reports its peak
resident memory.

    python benchmarks/engine.py --json
    python benchmarks/engine.py --json --memory
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference_mesa import ReferenceModel  # noqa: E402

from simulate.model import PathwaysModel  # noqa: E402
from simulate.parameters import Params  # noqa: E402
from simulate.states import Status  # noqa: E402


def _followed(model: PathwaysModel) -> int:
    s = model.mothers.status[: model.mothers.n]
    return int(((s == Status.ON_ASSISTANCE) | (s == Status.IN_WORK)).sum())


def time_engine(params: Params, months: int, seed: int) -> tuple[float, int]:
    start = time.perf_counter()
    model = PathwaysModel(params, seed=seed, horizon_months=months, record_spells=False)
    agent_months = 0
    for _ in range(months):
        model.step()
        agent_months += _followed(model)
    return time.perf_counter() - start, agent_months


def time_reference(params: Params, months: int, seed: int) -> tuple[float, int]:
    start = time.perf_counter()
    model = ReferenceModel(params, seed=seed)
    agent_months = 0
    for _ in range(months):
        model.step()
        agent_months += len(model.mothers)
    return time.perf_counter() - start, agent_months


def memory_run(size: int, months: int) -> dict:
    """Run the engine in a child process and read its peak resident memory."""
    code = (
        "import resource, time, json\n"
        "from simulate.model import PathwaysModel\n"
        "from simulate.parameters import Params\n"
        f"t = time.perf_counter(); m = PathwaysModel(Params.from_overrides({{'size': {size}}}), "
        f"seed=1, horizon_months={months}, record_spells=True)\n"
        f"m.run({months})\n"
        "spells = m.spells.frame(m.mothers)\n"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'mothers_created': int(m.mothers.n),"
        " 'spells': len(spells),"
        " 'peak_rss_gb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="initial mothers")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--memory", action="store_true",
                        help="also measure 1,000,000 mothers over 120 months")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    params = Params.from_overrides({"size": args.size})
    time_engine(params, 2, args.seed)  # warm-up (imports, caches)
    t_e, am_e = time_engine(params, args.months, args.seed)
    t_r, am_r = time_reference(params, args.months, args.seed)
    result = {
        "size": args.size, "months": args.months,
        "engine_seconds": round(t_e, 3), "reference_seconds": round(t_r, 3),
        "agent_months_engine": am_e, "agent_months_reference": am_r,
        "agent_months_per_s_engine": round(am_e / t_e),
        "agent_months_per_s_reference": round(am_r / t_r),
        "speedup": round((am_e / t_e) / (am_r / t_r), 1),
        "python": platform.python_version(), "cpu_count": os.cpu_count(),
    }
    if args.memory:
        mem = memory_run(1_000_000, 120)
        result.update({"million_mothers_120_months_seconds": round(mem["seconds"], 1),
                       "million_mothers_120_months_peak_gb": round(mem["peak_rss_gb"], 2),
                       "million_mothers_120_months_mothers_created": mem["mothers_created"],
                       "million_mothers_120_months_spells": mem["spells"]})
    result["peak_rss_gb_this_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2, 3)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
