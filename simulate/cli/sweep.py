"""``simulate sweep EXPERIMENT``: run every run of an experiment file, durably.

Runs go to local processes (default: all cores), this process (``--workers 1``) or a Dask
cluster (``--dask local`` or ``--dask tcp://HOST:8786``); results are identical whichever.
Finished runs are stored in ``--out`` as they complete, so the same command resumes after
an interruption. See :mod:`simulate.experiments`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pandas as pd

from simulate import memory
from simulate.cli.common import format_table, nan_to_none, positive_int, show_progress, workers_int
from simulate.experiments.executors import make_executor
from simulate.experiments.outputs import write_sweep_outputs
from simulate.experiments.spec import Experiment
from simulate.experiments.sweep import MAX_BATCH_RUNS, TASKS_PER_WORKER, SweepReport, run_experiment
from simulate.parameters import Params
from simulate.runner import default_workers

# Design points printed in the terminal summary; summary.csv has them all.
SHOWN_POINTS = 20


def add_parser(sub) -> None:
    p = sub.add_parser("sweep", help="run an experiment file (grid or sampled design)",
                       description="Run every run of an experiment file, storing each as it "
                                   "finishes; print and write a summary per design point.")
    add_experiment_options(p)
    p.set_defaults(func=main)


def add_experiment_options(p: argparse.ArgumentParser) -> None:
    """Options shared by ``sweep`` and ``sensitivity``."""
    p.add_argument("experiment", help="experiment YAML file (see docs/experiments.md)")
    p.add_argument("--out", metavar="DIR",
                   help="result directory (default: results/<experiment name>); the same "
                        "command with the same DIR resumes an interrupted run")
    p.add_argument("--workers", type=workers_int, default=None,
                   help="worker processes (default: all cores); 1 runs in this process; "
                        "results are identical for any number")
    p.add_argument("--dask", metavar="local|ADDRESS", type=dask_address,
                   help="run on Dask: 'local' starts a LocalCluster of --workers processes; "
                        "an address such as tcp://HOST:8786 uses a running scheduler")
    p.add_argument("--batch-size", type=positive_int, default=None,
                   help=f"runs per task (default: the runs spread over {TASKS_PER_WORKER} "
                        f"tasks per worker, at most {MAX_BATCH_RUNS} runs each)")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")


DASK_ADDRESS = re.compile(r"(tcp|tls|ws|wss|ucx)://[A-Za-z0-9_.\-]+(:[0-9]{1,5})?|"
                          r"(tcp|tls|ws|wss|ucx)://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


def dask_address(text: str) -> str:
    """An argparse type: 'local' or a scheduler address such as tcp://HOST:8786."""
    if text == "local" or DASK_ADDRESS.fullmatch(text):
        return text
    shown = text if len(text) <= 40 else text[:37] + "..."
    raise argparse.ArgumentTypeError(f"{shown!r} is neither 'local' nor a scheduler address "
                                     "such as tcp://HOST:8786")


def check_memory(args: argparse.Namespace, experiment: Experiment) -> None:
    """Refuse, before anything runs, an experiment whose runs need more memory than the
    machine has on the workers asked for (a Dask cluster's workers are elsewhere)."""
    per_run = experiment_run_bytes(experiment)
    workers = 1 if args.dask else min(args.workers or default_workers(), experiment.runs)
    need = memory.processes_bytes(per_run, workers) + memory.design_bytes(
        experiment.points, len(experiment.design.factors))
    memory.check(need, args.experiment, f"running it on {workers} worker(s)",
                 "use fewer --workers, or a smaller population or horizon")


def experiment_run_bytes(experiment: Experiment) -> int:
    """Peak memory of the heaviest run of a model experiment (0 for other evaluators): the
    design's extremes of the parameters that size a run, both scenarios of a pair."""
    scenarios = getattr(experiment.evaluator, "scenarios", [])
    months = getattr(experiment.evaluator, "months", 0)
    total = 0
    for scenario in scenarios:
        values = dict(scenario.params().values)
        for factor in experiment.design.factors:
            if factor.name in SIZING and factor.parameter.type in (int, float):
                candidates = [*factor.values, *(v for v in (factor.low, factor.high)
                                                if v is not None)]
                values[factor.name] = SIZING[factor.name](candidates)
        total += memory.run_bytes(Params(values), months)
    return total


# Parameters that set how large a run is, and which end of their values is the largest.
SIZING = {"size": max, "inflow_rate_per_month": max, "regular_caseload_target": min,
          "employers": max, "childcare_providers": max}


def execute(args: argparse.Namespace,
            experiment: Experiment) -> tuple[Path, SweepReport | None]:
    """Run the experiment's missing runs; ``None`` as report when interrupted."""
    out = Path(args.out or Path("results") / experiment.name)
    check_memory(args, experiment)
    try:
        with make_executor(args.workers, args.dask) as executor:
            report = run_experiment(experiment, out, executor, args.batch_size,
                                    progress=show_progress(),
                                    command=getattr(args, "command_line", None))
    except KeyboardInterrupt:
        print(f"interrupted; finished runs are kept in {out}/: run the same command again to "
              "resume", file=sys.stderr)
        return out, None
    return out, report


def main(args: argparse.Namespace) -> int:
    experiment = Experiment.from_yaml(args.experiment)
    out, report = execute(args, experiment)
    if report is None:
        return 130
    summary = write_sweep_outputs(experiment, out)
    if args.json:
        print(json.dumps({**report_json(report, experiment),
                          "points": points_json(summary, experiment)}))
    else:
        print(report_line(report, experiment))
        print(format_points(summary, experiment))
        print(f"results written to {out}/ (runs.parquet, summary.csv, sweep.html)")
    return 0


def report_line(report: SweepReport, experiment: Experiment) -> str:
    """One line: the experiment's size and what this command ran, where and how fast."""
    rate = report.ran / report.seconds if report.seconds > 0 else float("nan")
    done = (f"ran {report.ran} runs {report.executor} in {report.seconds:.1f} s "
            f"({rate:.1f} runs/s)" if report.ran else "all runs were already done")
    return (f"{experiment.name}: {report.runs} runs ({experiment.points} design points x "
            f"{experiment.replications} replications); {done}")


def report_json(report: SweepReport, experiment: Experiment) -> dict:
    """The report as plain data for ``--json``."""
    return {"experiment": experiment.name, "out": str(report.out), "runs": report.runs,
            "points": experiment.points, "replications": experiment.replications,
            "ran": report.ran, "seconds": report.seconds, "executor": report.executor}


def points_json(summary: pd.DataFrame, experiment: Experiment) -> list[dict]:
    """Per design point: factor values, and each output's mean and interval."""
    rows = []
    for _, row in summary.iterrows():
        item = {name: _plain(row[name]) for name in experiment.matrix.names}
        for output in experiment.outputs:
            item[output] = {key: nan_to_none(float(row[f"{output}{suffix}"]))
                            for key, suffix in (("mean", ""), ("ci_low", "_ci_low"),
                                                ("ci_high", "_ci_high"))}
        rows.append(item)
    return rows


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def format_points(summary: pd.DataFrame, experiment: Experiment) -> str:
    """The first design points with each output's mean and interval, as a text table."""
    shown = summary.head(SHOWN_POINTS).copy()
    columns = {name: name for name in experiment.matrix.names}
    for output in experiment.outputs:
        shown[output] = [_mean_ci(m, lo, hi) for m, lo, hi in zip(
            shown[output], shown[f"{output}_ci_low"], shown[f"{output}_ci_high"])]
        columns[output] = output
    for name in experiment.matrix.names:
        shown[name] = [f"{v:.4g}" if isinstance(v, float) else str(v) for v in shown[name]]
    text = format_table(shown, columns, {})
    level = f"{experiment.analysis.confidence_level:.0%}"
    text = f"mean over replications [{level} interval]\n" + text
    if len(summary) > SHOWN_POINTS:
        text += f"\n... {len(summary) - SHOWN_POINTS} more design points in summary.csv"
    return text


def _mean_ci(mean: float, low: float, high: float) -> str:
    if nan_to_none(mean) is None:
        return "-"
    if nan_to_none(low) is None:
        return f"{mean:.4g}"
    return f"{mean:.4g} [{low:.4g}, {high:.4g}]"
