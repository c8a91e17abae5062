"""``simulate compare BASE ALT [ALT ...]``: paired comparison on common random numbers."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from simulate import memory
from simulate.cli.common import (
    add_run_options,
    choose_workers,
    format_table,
    nan_to_none,
    show_progress,
)
from simulate.cli.run import write_run_files
from simulate.compare import HEADLINE, SAVING_SOURCES, base_differences, compare
from simulate.io import atomic_dir
from simulate.outcomes import EXITS, HORIZONS, named
from simulate.report.text import SOURCES, is_money, outcome_words, saving_source
from simulate.scenario import Scenario
from simulate.schema import InputError

# What changed: exits by destination over the whole run, the number on assistance at each
# horizon.
CHANGES = (*(f"extra_exits_{r}_total" for r in (*EXITS, "all")),
           *(f"change_on_assistance_{x}m" for x in HORIZONS))
# Where the saving comes from, over the whole run.
SOURCE_ROWS = tuple(f"{stem}_total" for stem in SAVING_SOURCES)
SUMMARY = (*HEADLINE, "break_even_month", *CHANGES, *SOURCE_ROWS)


def label(outcome: str, months: int | None = None) -> str:
    text = outcome_words(outcome, "en", months)
    return f"{text} (EUR)" if is_money(outcome) else text


def add_parser(sub) -> None:
    p = sub.add_parser("compare", help="compare alternatives with a base scenario",
                       description="Run all scenarios on the same seeds and report paired "
                                   "differences of each alternative against the base, with "
                                   "95% intervals. An alternative may differ from the base "
                                   "only in its policies.")
    p.add_argument("base", help="base scenario YAML")
    p.add_argument("alternatives", nargs="+", metavar="ALT", help="alternative scenario YAML")
    add_run_options(p, "output directory (default: results/compare-<base name>)")
    p.add_argument("--spells", action="store_true", help="also write spells.parquet")
    p.add_argument("--allow-different-base", action="store_true",
                   help="compare alternatives whose population, horizon or other non-policy "
                        "parameters differ from the base's (the report says so at the top)")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    base = Scenario.from_yaml(args.base)
    alternatives = [Scenario.from_yaml(a) for a in args.alternatives]
    names = [base.name] + [a.name for a in alternatives]
    for path, name in zip(args.alternatives, names[1:]):
        if names.count(name) > 1:
            raise InputError(path, "name", f"{name!r} is used by another scenario in this "
                             "comparison; names must differ", "scenario")
    different = {}
    for path, alt in zip(args.alternatives, alternatives):
        found = base_differences(base, alt, horizon=args.months is None)
        if found and not args.allow_different_base:
            field, mine, theirs = found[0]
            raise InputError(path, field, f"{mine!r} here, {theirs!r} in the base {args.base}; "
                             "an alternative may differ from the base only in its policies "
                             "and levers (give --allow-different-base to compare anyway)",
                             "compare")
        if found:
            different[alt.name] = [list(d) for d in found]
            print(f"warning: {alt.name} differs from the base in more than its policies: "
                  + "; ".join(f"{f} {m!r} (base {t!r})" for f, m, t in found), file=sys.stderr)
    out = Path(args.out or Path("results") / f"compare-{base.name}")
    reps = args.reps or base.replications
    months = args.months or base.horizon_months
    seed = base.seed if args.seed is None else args.seed
    work = reps * months * sum(s.params().size for s in [base, *alternatives])
    memory.check_runs(args.base, [s.params() for s in [base, *alternatives]], reps, months,
                      choose_workers(args.workers, work), args.spells)
    manifest = {"kind": "pathways-compare", "command": args.command_line, "seed": seed,
                "replications": reps, "months": months, "base": base.name,
                "alternatives": names[1:], "different_base": different}
    with atomic_dir(out, "pathways-compare") as tmp:  # made first: see `simulate run`
        comparison = compare(base, alternatives, reps=reps, seed=seed, months=months,
                             workers=choose_workers(args.workers, work), spells=args.spells,
                             progress=show_progress(), allow_different_base=True)
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
        print()
        for name in comparison.alternatives:
            print(f"{name}: {source_sentence(comparison, name)}")
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


def _within(outcome: str, months: int) -> bool:
    """Outcomes at a horizon beyond the run are left out."""
    found = named(outcome)
    return found is None or found.months is None or found.months <= months


def format_comparison(comparison, months: int) -> str:
    """Per alternative: the headline outcomes, break-even, and what changed (exits by
    destination, mothers on assistance)."""
    order = {o: i for i, o in enumerate(o for o in SUMMARY if _within(o, months))}
    rank = {a: i for i, a in enumerate(comparison.alternatives)}
    rows = comparison.table[comparison.table.outcome.isin(order)].copy()
    rows = rows.assign(_a=rows.alternative.map(rank), _o=rows.outcome.map(order))
    rows = rows.sort_values(["_a", "_o"])
    rows["what"] = [label(o, months) for o in rows.outcome]
    rows["estimate"] = [_fmt(o, m, months) for o, m in zip(rows.outcome, rows["mean"])]
    rows["interval"] = [f"{_fmt(o, lo, months)} to {_fmt(o, hi, months)}"
                        if not (math.isnan(lo) and math.isnan(hi)) else "-"
                        for o, lo, hi in zip(rows.outcome, rows.ci_low, rows.ci_high)]
    return format_table(rows, {"alternative": "alternative", "what": "outcome",
                               "estimate": "estimate", "interval": "95% CI"}, {})


def saving_parts(comparison, alt: str) -> tuple[dict[str, float], float]:
    """The mean benefit saved over the whole run by source, and in all."""
    def mean(outcome: str) -> float:
        return float(comparison.value(alt, outcome)["mean"])
    return ({k: mean(f"benefit_saved_via_{k}_eur_total") for k in SOURCES},
            mean("benefit_saved_eur_total"))


def source_sentence(comparison, alt: str) -> str:
    """Where the alternative's benefit saving comes from, in one sentence."""
    return saving_source(*saving_parts(comparison, alt), "en") or (
        "Where the saving comes from cannot be traced: the base and the alternative do not "
        "hold the same mothers.")


def as_json(comparison, months: int) -> dict:
    """Every outcome of the comparison table by alternative, with its interval, and
    ``saving_source``: where the benefit saved over the whole run comes from, as a
    sentence and as each source's share of it (null when nothing was saved)."""
    out = {}
    for alt in comparison.alternatives:
        rows = comparison.table[comparison.table.alternative == alt]
        entry = {r.outcome: {"mean": nan_to_none(r.mean), "ci_low": nan_to_none(r.ci_low),
                             "ci_high": nan_to_none(r.ci_high)} for r in rows.itertuples()}
        be = entry["break_even_month"]
        be["within_horizon"] = be["mean"] is not None
        be["horizon_months"] = months
        parts, saved = saving_parts(comparison, alt)
        entry["saving_source"] = {
            "sentence": source_sentence(comparison, alt),
            "share_of_benefit_saved": {k: (nan_to_none(v / saved) if saved > 0 else None)
                                       for k, v in parts.items()}}
        out[alt] = entry
    return out
