"""``simulate compare BASE ALT [ALT ...]``: paired comparison on common random numbers."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from simulate import memory
from simulate.calibration.targets import load_targets
from simulate.cli.common import (
    add_run_options,
    bounded_int,
    choose_workers,
    format_table,
    nan_to_none,
    reps_int,
    show_progress,
)
from simulate.cli.run import write_run_files
from simulate.compare import HEADLINE, SAVING_SOURCES, base_differences, compare
from simulate.io import atomic_dir
from simulate.outcomes import EXITS, FEW_WORLDS, HORIZONS, flip_sentence, named
from simulate.report.text import SOURCES, is_money, outcome_words, saving_source
from simulate.runner import default_workers
from simulate.scenario import Scenario
from simulate.schema import InputError
from simulate.worlds import (
    FITTED,
    MAX_WAVES,
    WORLD_DRAWS,
    WORLD_REPS,
    NoPlausibleWorld,
    load_fit,
)

# What changed: exits by destination over the whole run, the number on assistance at each
# horizon.
CHANGES = (*(f"extra_exits_{r}_total" for r in (*EXITS, "all")),
           *(f"change_on_assistance_{x}m" for x in HORIZONS))
# Where the saving comes from, over the whole run.
SOURCE_ROWS = tuple(f"{stem}_total" for stem in SAVING_SOURCES)
SUMMARY = (*HEADLINE, "break_even_month", *CHANGES, *SOURCE_ROWS)
worlds_int = bounded_int(2, 100_000, "worlds")
waves_int = bounded_int(1, 100, "waves")


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
    w = p.add_argument_group("plausible worlds (docs/worlds.md)")
    w.add_argument("--worlds", type=worlds_int, metavar="N",
                   help="also run the comparison in N plausible worlds: the calibrated "
                        "parameters drawn from their fit and every programme's declared "
                        "uncertainties over their ranges, kept where the base reproduces the "
                        "calibration targets; reports the spread over worlds, the chance of "
                        "paying back and what the answer hinges on")
    w.add_argument("--world-reps", type=reps_int, metavar="R", default=WORLD_REPS,
                   help=f"replications per world (default: {WORLD_REPS})")
    w.add_argument("--max-waves", type=waves_int, metavar="W", default=MAX_WAVES,
                   help="waves of draws at most before giving up on finding N plausible "
                        f"worlds (default: {MAX_WAVES}; the first draws 1.5 N, at least 10, "
                        "each later one what is still wanted over the share kept so far)")
    w.add_argument("--world-draw", choices=list(WORLD_DRAWS), default="all",
                   help="core uncertainties no target fits that the worlds draw: 'all', "
                        "every one (default); 'fit', none (only the fitted parameters and "
                        "the programmes'; quickest); 'screened', only the seven the Morris "
                        "screening ranked high (about twice as fast, but the range over "
                        "worlds leaves out what the others carry); or 'entry', those and "
                        "the seventeen drawn where a mother enters (docs/worlds.md)")
    w.add_argument("--targets", metavar="FILE",
                   help="targets a world must reproduce (default: the Rotterdam period "
                        "sample, simulate/calibration/targets.yaml)")
    w.add_argument("--fit", metavar="FILE",
                   help="fit the calibrated parameters are drawn from (written by `simulate "
                        "calibrate --fit`; default: simulate/calibration/fitted.yaml)")
    w.add_argument("--worlds-cache", metavar="DIR", default="results/worlds",
                   help="where worlds and their runs are kept, so a later comparison reuses "
                        "them and a killed one resumes (default: results/worlds)")
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
    workers = choose_workers(args.workers, work)
    if args.worlds:
        workers = args.workers or default_workers()
        if different:
            raise InputError(args.alternatives[0], "--worlds", "plausible worlds need "
                             "alternatives that differ from the base only in policies and "
                             "levers", "compare")
        targets = load_targets(args.targets)
        targets.check_run(base.horizon_months)
        load_fit(args.fit or FITTED)
    try:
        comparison = run_and_write(args, out, base, alternatives, reps, seed, months, workers,
                                   manifest)
    except NoPlausibleWorld as err:  # nothing was written: atomic_dir removed its folder
        print(f"compare: {err}", file=sys.stderr)
        return 1
    out = out.resolve()
    if args.json:
        data = as_json(comparison, months)
        if comparison.worlds is not None:
            data = {"alternatives": data, "worlds": worlds_json(comparison.worlds)}
        print(json.dumps(data))
    else:
        print(f"{len(alternatives)} alternative(s) against {base.name}: {reps} replication "
              f"pairs on common random numbers, seed {seed}, {months} months "
              "(mean difference and 95% confidence interval)")
        print(format_comparison(comparison, months))
        print()
        for name in comparison.alternatives:
            print(f"{name}: {source_sentence(comparison, name)}")
        if comparison.worlds is not None:
            print()
            print(format_worlds(comparison.worlds))
        print(f"results written to {out}/")
    return 0


def run_and_write(args, out: Path, base, alternatives, reps: int, seed: int, months: int,
                  workers: int, manifest: dict):
    """Run the comparison (and, with ``--worlds``, its plausible worlds) and write it."""
    with atomic_dir(out, "pathways-compare") as tmp:  # made first: see `simulate run`
        comparison = compare(
            base, alternatives, reps=reps, seed=seed, months=months, workers=workers,
            spells=args.spells, progress=show_progress(), allow_different_base=True,
            worlds=args.worlds, targets=args.targets, fit=args.fit,
            worlds_cache=args.worlds_cache, world_reps=args.world_reps,
            max_waves=args.max_waves, on_wave=lambda line: print(line, file=sys.stderr),
            world_draw=args.world_draw)
        frames = {"comparison": comparison.table, "pairs": comparison.pairs}
        if comparison.worlds is not None:
            frames.update(comparison.worlds.frames())
            manifest["worlds"] = comparison.worlds.describe()
        write_run_files(comparison.result, tmp, spells=args.spells, manifest=manifest,
                        frames=frames)
    return comparison


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


WORLD_ROWS = ("extra_exits_work_total", "net_cost_eur_total",
              "net_cost_per_extra_exit_to_work_total", "benefit_saved_eur_total",
              "intervention_cost_eur_total")


def format_worlds(found) -> str:
    """The comparison in plausible worlds: how many were kept, each alternative's answer
    over worlds beside its replication interval, its chance of paying back, and what the
    answer hinges on."""
    lines = [found.worlds.summary() + ".", ""]
    s = found.summary[found.summary.outcome.isin(WORLD_ROWS)].copy()
    s["what"] = [label(o, found.months) for o in s.outcome]
    saves = {r.alternative for r in found.summary.itertuples()
             if r.outcome == "net_cost_eur_total" and r.median <= 0}
    ratio = s.outcome == "net_cost_per_extra_exit_to_work_total"
    s = s[~(ratio & s.alternative.isin(saves))]  # a saving per exit is no cost per exit
    s["med"] = [_fmt(o, x, found.months) for o, x in zip(s.outcome, s["median"])]
    s["worlds_range"] = [
        "not distinguishable from chance" if luck else
        f"{_fmt(o, lo, found.months)} to {_fmt(o, hi, found.months)}"
        for o, lo, hi, luck in zip(s.outcome, s.world_low, s.world_high, s.luck_dominates)]
    s["luck"] = [f"± {_fmt(o, h, found.months)}" if not math.isnan(h) else "-"
                 for o, h in zip(s.outcome, s.replication_half)]
    lines.append(f"Over plausible worlds ({found.reps} replications each): median, 5-95% "
                 "range over worlds, and the 95% replication interval within a world")
    lines.append(format_table(s, {"alternative": "alternative", "what": "outcome",
                                  "med": "median", "worlds_range": "worlds 5-95%",
                                  "luck": "replication 95%"}, {}))
    lucky = found.describe()["luck_dominates"]
    if lucky:
        lines.append(f"warning: with {found.reps} replications per world, chance still "
                     f"dominates the figures of {', '.join(lucky)}; rerun with --world-reps 10 "
                     "or more before deciding")
    lines.append("")
    c = found.chances.pivot(index="alternative", columns="month", values="pays_back")
    lines.append("Chance of paying back (net cost at most zero) by month: "
                 + "; ".join(f"{alt} " + ", ".join(f"{m}: {100 * p:.0f}%"
                                                   for m, p in row.items())
                             for alt, row in c.iterrows()))
    for row in found.flips.to_dict("records"):
        lines.append(flip_sentence(row, row["alternative"], "en", found.months))
    if len(found.worlds.values) < FEW_WORLDS:
        lines.append(f"note: with only {len(found.worlds.values)} worlds, some of the rank "
                     "correlations below are chance")
    top = found.drivers[found.drivers["rank"] <= 3]
    for (alt, outcome), g in top.groupby(["alternative", "outcome"], sort=False):
        lines.append(f"{alt}, {label(outcome, found.months)} hinges most on: " + "; ".join(
            f"{r.parameter} (rank correlation {r.rho:+.2f}, {r.rho_low:+.2f} to "
            f"{r.rho_high:+.2f}" + ("" if r.clear else
                                   f"; may be chance among the {r.tested} tested") + ")"
            for r in g.itertuples()))
    return "\n".join(lines)


def worlds_json(found) -> dict:
    """The comparison in plausible worlds as plain data."""
    def records(frame):
        return [{k: nan_to_none(v) for k, v in r.items()} for r in frame.to_dict("records")]
    return {**found.describe(), "summary": records(found.summary),
            "pays_back": records(found.chances), "acceptability": records(found.acceptability),
            "beats": records(found.beats), "drivers": records(found.drivers),
            "flips": [{**{k: nan_to_none(v) for k, v in r.items()},
                       "sentence": flip_sentence(r, r["alternative"], "en", found.months)}
                      for r in found.flips.to_dict("records")]}
