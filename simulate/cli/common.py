"""Pieces the subcommands share: argument types, progress, tables."""

from __future__ import annotations

import argparse
import math
import sys

import pandas as pd

from simulate.runner import default_workers
from simulate.scenario import MAX_HORIZON


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def months_int(text: str) -> int:
    value = positive_int(text)
    if value > MAX_HORIZON:
        raise argparse.ArgumentTypeError(f"{value} is more than {MAX_HORIZON} months")
    return value


def seed_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"{value} must be from 0 to 2^63-1")
    return value


def add_run_options(parser: argparse.ArgumentParser, out_help: str) -> None:
    parser.add_argument("--reps", type=positive_int, help="replications (default: the scenario's)")
    parser.add_argument("--seed", type=seed_int, help="root seed (default: the scenario's)")
    parser.add_argument("--months", type=months_int,
                        help="horizon in months, at most 1200 (default: the scenario's)")
    parser.add_argument("--out", metavar="DIR", help=out_help)
    parser.add_argument("--workers", type=positive_int, default=None,
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
