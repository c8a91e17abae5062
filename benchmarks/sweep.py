"""Throughput of experiments: the smoke grid on 1 and 2 workers, and the Sobol experiment.

Each measurement runs a whole experiment into a fresh temporary directory, as
``simulate sweep`` does: running, writing parts, compacting. Wall time is measured around
:func:`simulate.experiments.run_experiment`, after the worker processes have started and
imported the package (as this process has), so that 1 and 2 workers compare like for
like; the one-off start of the workers is reported apart (``worker_start_s``).

- ``runs_per_s_1``: ``experiments/smoke-grid.yaml`` in this process (``--workers 1``);
- ``runs_per_s_2``: the same with 2 local worker processes; ``scaling`` is their ratio;
- ``sobol_wall_s``: ``experiments/sobol-baseline.yaml`` (9,216 runs) on 2 worker processes,
  from starting the workers to the written sensitivity analysis (skip with
  ``--skip-sobol``); ``sobol_worker_cpu_s`` is the CPU time the workers spent on the runs,
  which does not depend on other load on the machine (``load_average_1m`` before and
  ``load_average_1m_after`` tell whether there was any);
- ``sobol40_wall_s`` (with ``--sobol-40``, about 31 minutes): ``experiments/sobol-40.yaml``
  (forty uncertainties, N = 1024, 43,008 runs) likewise, with ``sobol40_worker_cpu_s``;
- ``morris_core_wall_s`` (with ``--morris-core``): the Morris design of
  ``experiments/morris-screening.yaml`` over the baseline alone, so over every core
  uncertainty (10 trajectories of 136 points, 1,360 runs), on 2 worker processes, with
  ``morris_core_worker_cpu_s``: every point is a world of its own, so how fast it runs
  says whether worlds that differ in any core uncertainty share a batch.

    python benchmarks/sweep.py --json
    python benchmarks/sweep.py --json --skip-sobol
    python benchmarks/sweep.py --json --skip-sobol --sobol-40
    python benchmarks/sweep.py --json --skip-sobol --morris-core
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from simulate.experiments import (
    Experiment,
    InProcess,
    Processes,
    run_experiment,
    write_sensitivity_outputs,
)
from simulate.runner import default_workers

ROOT = Path(__file__).resolve().parents[1]
SMOKE = ROOT / "experiments" / "smoke-grid.yaml"
SOBOL = ROOT / "experiments" / "sobol-baseline.yaml"
SOBOL_40 = ROOT / "experiments" / "sobol-40.yaml"
MORRIS = ROOT / "experiments" / "morris-screening.yaml"


def morris_core() -> Experiment:
    """The shipped Morris design over the baseline alone: every core uncertainty."""
    import yaml

    data = yaml.safe_load(MORRIS.read_text(encoding="utf-8"))
    data.pop("baseline")
    data.update(name="morris-core", scenario=str(ROOT / "scenarios" / "baseline.yaml"),
                outputs=["exits_work_24m", "on_assistance_36m"])
    return Experiment.from_dict(data, source=str(MORRIS))


def time_sweep(experiment: Experiment, workers: int,
               analyse: bool = False) -> tuple[float, float, float]:
    """Run (and optionally analyse) ``experiment`` from scratch.

    Returns:
        Seconds to start the workers, seconds to run (and analyse), and CPU seconds the
        workers spent on the runs.
    """
    cpu = []
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with InProcess() if workers == 1 else Processes(workers) as executor:
            if workers > 1:
                executor.start()
            started = time.perf_counter()
            run_experiment(experiment, Path(tmp) / "out", executor,
                           on_part=lambda part: cpu.append(part.cpu_seconds))
            if analyse:
                write_sensitivity_outputs(experiment, Path(tmp) / "out")
            return started - start, time.perf_counter() - started, sum(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object on one line")
    parser.add_argument("--skip-sobol", action="store_true",
                        help="leave out the long Sobol experiment")
    parser.add_argument("--sobol-40", action="store_true",
                        help="also run the forty-uncertainty Sobol experiment (about 31 minutes)")
    parser.add_argument("--morris-core", action="store_true",
                        help="also run a Morris screening of every core uncertainty")
    args = parser.parse_args()

    smoke = Experiment.from_yaml(SMOKE)
    _, t1, _ = time_sweep(smoke, 1)
    start, t2, _ = time_sweep(smoke, 2)
    result = {
        "experiment": smoke.name, "runs": smoke.runs,
        "runs_per_s_1": round(smoke.runs / t1, 2), "runs_per_s_2": round(smoke.runs / t2, 2),
        "scaling": round(t1 / t2, 3), "worker_start_s": round(start, 2),
        "cores": default_workers(), "load_average_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
    }
    if not args.skip_sobol:
        sobol = Experiment.from_yaml(SOBOL)
        start, wall, cpu = time_sweep(sobol, 2, analyse=True)
        result.update(sobol_runs=sobol.runs, sobol_wall_s=round(start + wall, 1),
                      sobol_worker_cpu_s=round(cpu, 1),
                      load_average_1m_after=round(os.getloadavg()[0], 2))
    if args.sobol_40:
        sobol = Experiment.from_yaml(SOBOL_40)
        start, wall, cpu = time_sweep(sobol, 2, analyse=True)
        result.update(sobol40_runs=sobol.runs, sobol40_wall_s=round(start + wall, 1),
                      sobol40_worker_cpu_s=round(cpu, 1),
                      load_average_1m_after_40=round(os.getloadavg()[0], 2))
    if args.morris_core:
        morris = morris_core()
        start, wall, cpu = time_sweep(morris, 2, analyse=True)
        result.update(morris_core_runs=morris.runs, morris_core_wall_s=round(start + wall, 1),
                      morris_core_worker_cpu_s=round(cpu, 1),
                      load_average_1m_after_morris=round(os.getloadavg()[0], 2))
    print(json.dumps(result) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
