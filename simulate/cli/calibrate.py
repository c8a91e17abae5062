"""``simulate calibrate SCENARIO``: fit uncertain parameters to the calibration targets.

Fits the parameters listed in the targets file (or given with ``--params``) by simulated
method of moments with common random numbers (docs/calibration.md), shows progress on
stderr, prints the fit per target and the fitted values with standard errors, and writes
the scenario with the fitted values to ``--out`` (atomically, once the fit is done).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from simulate import memory
from simulate.calibration.fit import (
    Fit,
    calibrate,
    fit_errors,
    fit_file_text,
    identification,
    write_scenario,
)
from simulate.calibration.targets import check_parameters, load_targets
from simulate.cli.common import budget_int, format_table, reps_int, seed_int
from simulate.cli.validate import add_target_options, format_comparison, progress_bar, verdict
from simulate.io import atomic_write, check_new_file, command_line
from simulate.metrics import recorded_metrics
from simulate.parameters import PARAMETERS
from simulate.runner import default_workers
from simulate.scenario import Scenario
from simulate.schema import InputError, Reader


def add_parser(sub) -> None:
    p = sub.add_parser("calibrate", help="fit uncertain parameters to the calibration targets",
                       description="Fit parameters to the calibration targets by simulated "
                                   "method of moments and write a scenario with the fitted "
                                   "values.")
    p.add_argument("scenario", help="scenario YAML file to start from")
    add_target_options(p)
    p.add_argument("--out", metavar="FILE",
                   help="scenario file to write (default: SCENARIO's name with -calibrated)")
    p.add_argument("--budget", type=budget_int, metavar="RUNS",
                   help="most simulated runs (default: the targets file's "
                        "calibration.budget_runs)")
    p.add_argument("--params", metavar="A,B,C",
                   help="parameters to fit (default: the targets file's "
                        "calibration.parameters)")
    p.add_argument("--reps", type=reps_int,
                   help="replications per evaluation (default: the targets file's)")
    p.add_argument("--seed", type=seed_int, help="seed of every evaluation (default: the "
                                                 "targets file's)")
    p.add_argument("--fit", metavar="FILE",
                   help="also write the fit (fitted values, standard errors and their "
                        "correlations) to this new YAML file; `simulate compare --worlds` "
                        "draws the calibrated parameters from such a file")
    p.add_argument("--errors-only", action="store_true",
                   help="do not search: take SCENARIO's values as fitted and compute only "
                        "their standard errors and correlations (2 x parameters x reps runs); "
                        "needs --fit")
    p.add_argument("--identify", action="store_true",
                   help="afterwards, test which other uncertain parameters the targets pin "
                        "down (one more run batch per parameter)")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    scenario = Scenario.from_yaml(args.scenario)
    targets = load_targets(args.targets)
    targets.check_run(scenario.horizon_months)
    targets.check_metrics(recorded_metrics([scenario]), args.scenario)
    params = parse_params(args.params) if args.params else None
    workers = args.workers or default_workers()
    if args.errors_only:
        return errors_only(args, scenario, targets, params, workers)
    out = Path(args.out) if args.out else default_out(Path(args.scenario))
    check_writable(out)
    if args.fit:
        check_writable(Path(args.fit))
    memory.check_runs(args.scenario, [scenario.params()],
                      args.reps or targets.calibration_replications, targets.months, workers,
                      spells=True, collected=False)

    started = time.monotonic()
    report = Progress(args.budget or targets.calibration_budget_runs)
    fit = calibrate(scenario, targets, parameters=params, budget_runs=args.budget,
                    reps=args.reps, seed=args.seed, workers=workers,
                    on_run=report.run, on_evaluation=report.evaluation)
    report.close()
    calibrated = write_scenario(scenario, fit, targets, out, command_line())
    if args.fit:
        atomic_write(args.fit, fit_file_text(fit, calibrated, targets, command_line()))

    print(f"{scenario.name}: fitted {len(fit.parameters)} parameters to the targets "
          f"'{targets.name}' in {fit.runs} runs ({time.monotonic() - started:.0f} s); "
          f"{fit.message}")
    print(f"loss (sum of squared standardised residuals): {fit.start_loss:.1f} -> {fit.loss:.1f}")
    print()
    print(format_comparison(fit.comparison))
    print(verdict(fit.comparison))
    print()
    print(format_fit(fit))
    for line in warnings(fit):
        print(line)
    if args.identify:
        others = [p.name for p in PARAMETERS.of_kind("uncertainty")
                  if p.name not in fit.parameters and p.type is float and p.range
                  and p.range[0] < p.range[1]]
        bar = progress_bar(len(others) + 1, "identification")
        ident = identification(calibrated, targets, fit, others, workers=workers,
                               on_run=bar.update if bar else None)
        if bar:
            bar.close()
        print()
        print(format_identification(ident))
    print()
    print(f"calibrated scenario written to {out}; check it with `simulate validate {out}`")
    return 0


def errors_only(args: argparse.Namespace, scenario: Scenario, targets, params,
                workers: int) -> int:
    """``--errors-only``: the standard errors and correlations at the scenario's values."""
    if not args.fit:
        raise InputError("--errors-only", "", "needs --fit FILE: where to write the standard "
                         "errors and correlations", "usage")
    fit_path = Path(args.fit)
    check_writable(fit_path)
    n = len(params or targets.calibration_parameters)
    reps = args.reps or targets.calibration_replications
    bar = progress_bar(2 * n * reps + reps, "standard errors")
    fit = fit_errors(scenario, targets, parameters=params, reps=args.reps, seed=args.seed,
                     workers=workers, on_run=bar.update if bar else None)
    if bar:
        bar.close()
    atomic_write(fit_path, fit_file_text(fit, scenario, targets, command_line()))
    print(f"{scenario.name}: standard errors of {len(fit.parameters)} parameters at their "
          f"values, from {fit.runs} runs (loss {fit.loss:.1f})")
    print()
    print(format_fit(fit))
    print()
    print(f"fit written to {fit_path}")
    return 0


def parse_params(text: str) -> tuple[str, ...]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    r = Reader("--params", "usage")
    if not names:
        raise r.error("", "lists no parameters; give names separated by commas")
    return check_parameters(r, names, "params")


def default_out(scenario: Path) -> Path:
    return scenario.with_name(f"{scenario.stem}-calibrated.yaml")


def check_writable(out: Path) -> None:
    """Fail before minutes of simulation rather than after: ``out`` must be new (in an
    existing, writable directory) or a calibrated scenario this command wrote, unchanged."""
    parent = out.parent if str(out.parent) else Path(".")
    if not out.is_dir() and not parent.is_dir():
        raise InputError(out, "", f"directory {parent} does not exist", "output")
    check_new_file(out, "simulate calibrate", "--out")


class Progress:
    """Progress on stderr: a bar on a terminal, else one line per evaluated batch."""

    def __init__(self, budget: int) -> None:
        self.bar = progress_bar(budget, "calibrating")

    def run(self, n: int) -> None:
        if self.bar:
            self.bar.update(n)

    def evaluation(self, evaluations: int, runs: int, best: float) -> None:
        if self.bar:
            self.bar.set_postfix_str(f"best loss {best:.1f}")
        else:
            print(f"calibrating: {evaluations} points evaluated, {runs} runs, best loss "
                  f"{best:.1f}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar:
            self.bar.close()


def format_fit(fit: Fit) -> str:
    table = fit.table()
    rows = pd.DataFrame({
        "parameter": table["parameter"],
        "start": [f"{v:.4g}" for v in table["start"]],
        "fitted": [f"{v:.4g}" for v in table["fitted"]],
        "se": [f"{v:.2g}" for v in table["standard_error"]],
        "range": [f"{lo:g} to {hi:g}" for lo, hi in zip(table["range_low"], table["range_high"])],
        "share": [f"{v:.2f}" for v in table["se_share_of_range"]],
    })
    return format_table(rows, {"parameter": "parameter", "start": "start", "fitted": "fitted",
                               "se": "std. error", "range": "plausible range",
                               "share": "se / range"}, {})


def warnings(fit: Fit) -> list[str]:
    """Lines about fitted values at a bound and parameters the targets barely pin down."""
    lines = []
    for name in fit.at_bounds():
        lines.append(f"note: {name} ended at an end of its plausible range; the targets may "
                     "want a value outside it")
    corr = fit.correlations()
    names = list(fit.parameters)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if abs(corr.at[a, b]) >= 0.9:
                lines.append(f"note: {a} and {b} are estimated with correlation "
                             f"{corr.at[a, b]:+.2f}: the targets pin down a combination of "
                             "them")
    weak = [row.parameter for row in fit.table().itertuples() if row.se_share_of_range > 0.25]
    if weak:
        lines.append("note: weakly identified (standard error above a quarter of the range): "
                     + ", ".join(weak) + "; sensitivity analysis should vary them")
    return lines


def format_identification(ident: pd.DataFrame) -> str:
    rows = pd.DataFrame({
        "parameter": ident["parameter"],
        "effect": [f"{v:.1f}" for v in ident["effect_se"]],
        "unabsorbed": [f"{v:.1f}" for v in ident["unabsorbed_se"]],
        "target": ident["most_moved"],
        "identified": ["yes" if v else "no" for v in ident["identified"]],
    })
    head = ("Other uncertain parameters, each moved by half its range: effect on the targets "
            "and the part the fitted parameters cannot absorb, in standard errors (identified: "
            "at least 2)")
    return head + "\n" + format_table(rows, {
        "parameter": "parameter", "effect": "effect", "unabsorbed": "unabsorbed",
        "target": "target moved most", "identified": "identified"}, {})
