"""Speed of the vectorised engine against an idiomatic per-agent Mesa implementation, and
against an earlier version of the engine.

Both run in this process, on the same initial population and the same rules
(``benchmarks/reference_mesa.py``). Throughput is agent-months per second, counting every
mother followed in a month (on assistance or in work). The engine is timed over its
monthly steps from the initial stock (no burn-in: the burn-in is more of the same steps,
timed apart as ``burn_in_seconds_60_months``). With ``--against REF`` the engine of git
revision REF (default: the revision before the welfare-dynamics rework) is timed the same
way in a child process in the same run, on the same machine. With ``--memory`` it also
runs the engine on a million mothers for 120 months in a child process and reports its
peak resident memory.

    python benchmarks/engine.py --json
    python benchmarks/engine.py --json --against 97a124f
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

from reference_mesa import ReferenceModel

from simulate.model import PathwaysModel
from simulate.parameters import Params
from simulate.states import Status


def _followed(model: PathwaysModel) -> int:
    s = model.mothers.status[: model.mothers.n]
    return int(((s == Status.ON_ASSISTANCE) | (s == Status.IN_WORK)).sum())


def time_engine(params: Params, months: int, seed: int) -> tuple[float, int]:
    """Seconds for ``months`` monthly steps (construction excluded) and agent-months."""
    if "burn_in_months" in params.values:
        params = params.replace(burn_in_months=0)
    model = PathwaysModel(params, seed=seed, horizon_months=months, record_spells=False)
    start = time.perf_counter()
    agent_months = 0
    for _ in range(months):
        model.step()
        agent_months += _followed(model)
    return time.perf_counter() - start, agent_months


def time_burn_in(size: int, months: int, seed: int) -> float:
    start = time.perf_counter()
    PathwaysModel(Params.from_overrides({"size": size, "burn_in_months": months}), seed=seed,
                  record_spells=False)
    return time.perf_counter() - start


PREVIOUS = "97a124f"  # main before the welfare-dynamics rework
CHILD = """
import json, sys, time
sys.path.insert(0, {src!r})
from simulate.model import PathwaysModel
from simulate.parameters import Params
from simulate.states import Status

def run(months):
    model = PathwaysModel(Params.from_overrides({{'size': {size}}}), seed={seed},
                          horizon_months=max(months, 1), record_spells=False)
    start = time.perf_counter()
    am = 0
    for _ in range(months):
        model.step()
        s = model.mothers.status[: model.mothers.n]
        am += int(((s == Status.ON_ASSISTANCE) | (s == Status.IN_WORK)).sum())
    return time.perf_counter() - start, am

run(2)
best = min(run({months}) for _ in range({repeats}))
print(json.dumps({{"seconds": best[0], "agent_months": best[1]}}))
"""


def time_sources(src: Path, size: int, months: int, seed: int, repeats: int) -> dict:
    """Time the engine whose ``simulate`` package lies in ``src``, in a child process."""
    code = CHILD.format(src=str(src), size=size, seed=seed, months=months, repeats=repeats)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=src)
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_revision(ref: str, size: int, months: int, seed: int, repeats: int) -> dict:
    """Time the engine of git revision ``ref`` in a child process (its sources only)."""
    import shutil
    import tarfile
    import tempfile

    root = Path(__file__).resolve().parents[1]
    tmp = Path(tempfile.mkdtemp(prefix="pathways-bench-"))
    try:
        archive = subprocess.run(["git", "-C", str(root), "archive", ref, "simulate"],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        return time_sources(tmp, size, months, seed, repeats)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def time_reference(params: Params, months: int, seed: int) -> tuple[float, int]:
    """Seconds for ``months`` monthly steps (construction excluded, as for the engine)."""
    model = ReferenceModel(params, seed=seed)
    start = time.perf_counter()
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
    parser.add_argument("--against", metavar="REF", default=PREVIOUS,
                        help="git revision whose engine to time as well ('' to skip)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="engine timings per version; the fastest counts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    params = Params.from_overrides({"size": args.size, "burn_in_months": 0})
    time_engine(params, 2, args.seed)  # warm-up (imports, caches)
    t_e, am_e = min(time_engine(params, args.months, args.seed) for _ in range(args.repeats))
    t_r, am_r = time_reference(params, args.months, args.seed)
    result = {
        "size": args.size, "months": args.months,
        "engine_seconds": round(t_e, 3), "reference_seconds": round(t_r, 3),
        "agent_months_engine": am_e, "agent_months_reference": am_r,
        "agent_months_per_s_engine": round(am_e / t_e),
        "agent_months_per_s_reference": round(am_r / t_r),
        "speedup": round((am_e / t_e) / (am_r / t_r), 1),
        "burn_in_seconds_60_months": round(time_burn_in(args.size, 60, args.seed), 3),
        "python": platform.python_version(), "cpu_count": os.cpu_count(),
    }
    if args.against:
        # Both engines timed the same way (a child process each, the model's own default
        # start), so that neither gains from the other's setup.
        old = time_revision(args.against, args.size, args.months, args.seed, args.repeats)
        new = time_sources(Path(__file__).resolve().parents[1], args.size, args.months,
                           args.seed, args.repeats)
        rate_old = old["agent_months"] / old["seconds"]
        rate_new = new["agent_months"] / new["seconds"]
        result.update({
            "previous_revision": args.against,
            "previous_engine_seconds": round(old["seconds"], 3),
            "agent_months_per_s_previous": round(rate_old),
            "engine_seconds_same_setup": round(new["seconds"], 3),
            "agent_months_per_s_same_setup": round(rate_new),
            # Time per agent-month of this engine relative to the previous one (1.25 = 25%
            # slower), both measured in a child process with the same code.
            "slowdown_vs_previous": round(rate_old / rate_new, 3),
        })
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
