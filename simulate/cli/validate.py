"""``simulate validate [SCENARIO]``: the scenario against the calibration targets.

Simulates the targets' sampling design (burn-in, then the window of the period sample)
and prints, for each target, the observed value, the simulated mean over replications
with its 95% confidence interval, the tolerance and whether the mean lies within it.
Exit code 0 when every target is within tolerance, 1 otherwise, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pandas as pd

from simulate import memory
from simulate.calibration.targets import load_targets
from simulate.calibration.validation import SAMPLE_SIZE, validate
from simulate.cli.common import (
    format_table,
    nan_to_none,
    reps_int,
    seed_int,
    show_progress,
    workers_int,
)
from simulate.metrics import recorded_metrics
from simulate.runner import default_workers
from simulate.scenario import Scenario

DEFAULT_SCENARIO = Path("scenarios") / "baseline.yaml"  # relative to the working directory
SHARE_KINDS = ("share", "long_term_share", "metric_share")
JSON_FIELDS = ("target", "description", "observed", "simulated", "ci_low", "ci_high", "sd",
               "tolerance", "ok")


def add_parser(sub) -> None:
    p = sub.add_parser("validate", help="compare a scenario with the calibration targets",
                       description="Simulate the period sample the targets come from and "
                                   "compare each target with the simulated value. Exit code "
                                   "0 when all are within tolerance, 1 otherwise.")
    p.add_argument("scenario", nargs="?", default=str(DEFAULT_SCENARIO),
                   help=f"scenario YAML file (default: {DEFAULT_SCENARIO} in the current "
                        "directory)")
    add_target_options(p)
    p.add_argument("--reps", type=reps_int,
                   help="replications (default: the targets file's validation.replications)")
    p.add_argument("--seed", type=seed_int,
                   help="root seed (default: the targets file's validation.seed)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list with one object per target")
    p.set_defaults(func=main)


def add_target_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--targets", metavar="FILE",
                   help="targets file (default: the Rotterdam period sample, "
                        "simulate/calibration/targets.yaml)")
    p.add_argument("--workers", type=workers_int,
                   help="processes (default: all cores); results are identical for any number")


def progress_bar(total: int, desc: str):
    """A progress bar on stderr when it is a terminal, else None."""
    if not show_progress():
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="run", desc=desc, leave=False, dynamic_ncols=True)


def main(args: argparse.Namespace) -> int:
    scenario = Scenario.from_yaml(args.scenario)
    targets = load_targets(args.targets)
    targets.check_run(scenario.horizon_months)
    targets.check_metrics(recorded_metrics([scenario]), args.scenario)
    reps = args.reps or targets.validation_replications
    seed = targets.validation_seed if args.seed is None else args.seed
    memory.check_runs(args.scenario, [scenario.params()], reps, targets.months,
                      args.workers or default_workers(), spells=True, collected=False)
    bar = progress_bar(reps, "validating")
    comparison, values = validate(scenario, targets, reps=reps, seed=seed,
                                  workers=args.workers or default_workers(),
                                  on_run=bar.update if bar else None)
    if bar:
        bar.close()
    if args.json:
        print(json.dumps(comparison_json(comparison)))
    else:
        print(f"{scenario.name} against the targets '{targets.name}': {reps} replications, "
              f"seed {seed}, {targets.burn_in_months}-month burn-in then a "
              f"{targets.window_months}-month window")
        print("simulated: mean over replications and its 95% confidence interval; "
              "ok: the mean is within the tolerance of the observed value")
        print()
        print(format_comparison(comparison))
        print()
        print(f"period sample: {values[SAMPLE_SIZE].mean():,.0f} women per replication on "
              "average")
        print(verdict(comparison))
    return 0 if bool(comparison["ok"].all()) else 1


def comparison_json(comparison: pd.DataFrame) -> list[dict]:
    return [{k: (bool(row[k]) if k == "ok" else nan_to_none(row[k])) for k in JSON_FIELDS}
            for _, row in comparison.iterrows()]


def _fmt(value: float, kind: str, tolerance: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if kind in SHARE_KINDS:
        return f"{100 * value:.1f} pt" if tolerance else f"{100 * value:.1f}%"
    if kind == "stock_ratio":
        return f"{value:.3f}"
    if kind == "metric_total":
        return f"{value:.1f}"
    return f"{value:.2f}"


def format_comparison(comparison: pd.DataFrame) -> str:
    """The comparison as a plain-text table (shares in percent, tolerances in points)."""
    rows = pd.DataFrame({
        "target": comparison["target"],
        "observed": [_fmt(v, k) for v, k in zip(comparison["observed"], comparison["kind"])],
        "simulated": [_fmt(v, k) for v, k in zip(comparison["simulated"], comparison["kind"])],
        "interval": [f"{_fmt(lo, k)} to {_fmt(hi, k)}" for lo, hi, k in
                     zip(comparison["ci_low"], comparison["ci_high"], comparison["kind"])],
        "tolerance": [_fmt(v, k, tolerance=True)
                      for v, k in zip(comparison["tolerance"], comparison["kind"])],
        "ok": ["yes" if ok else "NO" for ok in comparison["ok"]],
    })
    return format_table(rows, {"target": "target", "observed": "observed",
                               "simulated": "simulated", "interval": "95% CI",
                               "tolerance": "tolerance", "ok": "ok"}, {})


def verdict(comparison: pd.DataFrame) -> str:
    missed = comparison.loc[~comparison["ok"], "target"].tolist()
    if not missed:
        return f"all {len(comparison)} targets within tolerance"
    return f"{len(missed)} of {len(comparison)} targets outside tolerance: " + ", ".join(missed)
