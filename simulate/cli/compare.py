"""``simulate compare BASE ALT [ALT ...]``: paired comparison on common random numbers."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from simulate import memory
from simulate.cli.common import (add_run_options, choose_workers, format_table, nan_to_none,
                                 show_progress)
from simulate.cli.run import write_run_files
from simulate.compare import HEADLINE, compare
from simulate.io import atomic_dir
from simulate.report.text import TEXT
from simulate.scenario import Scenario
from simulate.schema import InputError

MONEY = ("benefit_saved_eur_total", "intervention_cost_eur_total",
         "net_cost_per_extra_exit_total")


def label(outcome: str) -> str:
    text = TEXT["en"][f"label_{outcome}"]
    return f"{text} (EUR)" if outcome in MONEY else text


def add_parser(sub) -> None:
    p = sub.add_parser("compare", help="compare alternatives with a base scenario",
                       description="Run all scenarios on the same seeds and report paired "
                                   "differences of each alternative against the base, with "
                                   "95%% intervals.")
    p.add_argument("base", help="base scenario YAML")
    p.add_argument("alternatives", nargs="+", metavar="ALT", help="alternative scenario YAML")
    add_run_options(p, "output directory (default: results/compare-<base name>)")
    p.add_argument("--spells", action="store_true", help="also write spells.parquet")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    base = Scenario.from_yaml(args.base)
    alternatives = [Scenario.from_yaml(a) for a in args.alternatives]
    names = [base.name] + [a.name for a in alternatives]
    for path, name in zip(args.alternatives, names[1:]):
        if names.count(name) > 1:
            raise InputError(path, "name", f"{name!r} is used by another scenario in this "
                             "comparison; names must differ", "scenario")
    out = Path(args.out or Path("results") / f"compare-{base.name}")
    reps = args.reps or base.replications
    months = args.months or base.horizon_months
    seed = base.seed if args.seed is None else args.seed
    work = reps * months * sum(s.params().size for s in [base, *alternatives])
    memory.check_runs(args.base, [s.params() for s in [base, *alternatives]], reps, months,
                      choose_workers(args.workers, work), args.spells)
    manifest = {"kind": "pathways-compare", "command": args.command_line, "seed": seed, "replications": reps,
                "months": months, "base": base.name, "alternatives": names[1:]}
    with atomic_dir(out, "pathways-compare") as tmp:  # made first: see `simulate run`
        comparison = compare(base, alternatives, reps=reps, seed=seed, months=months,
                             workers=choose_workers(args.workers, work), spells=args.spells,
                             progress=show_progress())
        write_run_files(comparison.result, tmp, spells=args.spells, manifest=manifest,
                        frames={"comparison": comparison.table, "pairs": comparison.pairs})
    out = out.resolve()
    if args.json:
        print(json.dumps(as_json(comparison, months)))
    else:
        print(f"{len(alternatives)} alternative(s) against {base.name}: {reps} replication "
              f"pairs on common random numbers, seed {seed}, {months} months "
              "(mean difference and 95% confidence interval)")
        print(format_comparison(comparison, months))
        print(f"results written to {out}/")
    return 0


def _fmt(outcome: str, x: float, months: int) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        if outcome == "break_even_month":
            return f"not within {months} months"
        return "-"
    if outcome == "break_even_month":
        return f"month {x:.0f}"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.1f}"


def format_comparison(comparison, months: int) -> str:
    rows = comparison.table[comparison.table.outcome.isin([*HEADLINE, "break_even_month"])].copy()
    order = {o: i for i, o in enumerate([*HEADLINE, "break_even_month"])}
    rows["rank"] = rows.outcome.map(order)
    rows = rows.sort_values(["alternative", "rank"], key=lambda c: c.map(
        {a: i for i, a in enumerate(comparison.alternatives)}) if c.name == "alternative" else c)
    rows["what"] = rows.outcome.map(label)
    rows["estimate"] = [_fmt(o, m, months) for o, m in zip(rows.outcome, rows["mean"])]
    rows["interval"] = [f"{_fmt(o, lo, months)} to {_fmt(o, hi, months)}"
                        if not (math.isnan(lo) and math.isnan(hi)) else "-"
                        for o, lo, hi in zip(rows.outcome, rows.ci_low, rows.ci_high)]
    return format_table(rows, {"alternative": "alternative", "what": "outcome",
                               "estimate": "estimate", "interval": "95% CI"}, {})


def as_json(comparison, months: int) -> dict:
    out = {}
    for alt in comparison.alternatives:
        rows = comparison.table[comparison.table.alternative == alt]
        entry = {r.outcome: {"mean": nan_to_none(r.mean), "ci_low": nan_to_none(r.ci_low),
                             "ci_high": nan_to_none(r.ci_high)} for r in rows.itertuples()}
        be = entry["break_even_month"]
        be["within_horizon"] = be["mean"] is not None
        be["horizon_months"] = months
        out[alt] = entry
    return out
