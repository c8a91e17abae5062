"""Pieces the subcommands share: argument types, progress, tables."""

from __future__ import annotations

import argparse
import math
import sys

import pandas as pd

from simulate.experiments.spec import MAX_RUNS
from simulate.runner import default_workers
from simulate.scenario import MAX_HORIZON, MAX_REPLICATIONS, MAX_SEED
from simulate.schema import fmt

# Hard bounds of the command-line numbers (a scenario's own replications are bounded the
# same way; MAX_RUNS bounds an experiment's runs).
MAX_WORKERS = 1024
MAX_BUDGET_RUNS = 1_000_000


def bounded_int(low: int, high: int, what: str):
    """An argparse type: an integer from ``low`` to ``high``."""
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            shown = text if len(text) <= 20 else text[:17] + "..."
            raise argparse.ArgumentTypeError(f"{shown!r} is not an integer") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"{fmt(value)} must be at least {low}")
        if value > high:
            raise argparse.ArgumentTypeError(f"{fmt(value)} is more than {fmt(high)}, the most "
                                             f"allowed for {what}")
        return value

    parse.__name__ = what  # argparse names the type in its messages
    return parse


positive_int = bounded_int(1, MAX_RUNS, "runs")
reps_int = bounded_int(1, MAX_REPLICATIONS, "replications")
workers_int = bounded_int(1, MAX_WORKERS, "workers")
months_int = bounded_int(1, MAX_HORIZON, "months")
seed_int = bounded_int(0, MAX_SEED, "a seed")
budget_int = bounded_int(1, MAX_BUDGET_RUNS, "runs")


def add_run_options(parser: argparse.ArgumentParser, out_help: str) -> None:
    parser.add_argument("--reps", type=reps_int,
                        help=f"replications, at most {MAX_REPLICATIONS:,} (default: the "
                             "scenario's)")
    parser.add_argument("--seed", type=seed_int, help="root seed (default: the scenario's)")
    parser.add_argument("--months", type=months_int,
                        help="horizon in months, at most 1200 (default: the scenario's)")
    parser.add_argument("--out", metavar="DIR", help=out_help)
    parser.add_argument("--workers", type=workers_int, default=None,
                        help="processes (default: all cores for large runs, else 1); "
                             "results are identical for any number")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")


def choose_workers(requested: int | None, agent_months: float) -> int:
    """Processes pay off only for large runs; results do not depend on the choice."""
    if requested is not None:
        return requested
    return default_workers() if agent_months > 2e7 else 1


def show_progress() -> bool:
    return sys.stderr.isatty()


def nan_to_none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def format_table(frame: pd.DataFrame, columns: dict[str, str], formats: dict[str, str]) -> str:
    """Plain-text table with aligned columns; ``columns`` maps frame columns to headings."""
    cells = [[heading for heading in columns.values()]]
    for _, row in frame.iterrows():
        line = []
        for col in columns:
            value = row[col]
            if isinstance(value, float) and math.isnan(value):
                line.append("-")
            elif col in formats:
                line.append(format(value, formats[col]))
            else:
                line.append(str(value))
        cells.append(line)
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    out = []
    for j, r in enumerate(cells):
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(r, widths))))
        if j == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
