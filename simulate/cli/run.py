"""``simulate run SCENARIO``: replications of one scenario, a summary and tidy outputs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from simulate import __version__, memory
from simulate.cli.common import (
    add_run_options,
    choose_workers,
    format_table,
    nan_to_none,
    show_progress,
)
from simulate.io import atomic_dir, atomic_write, code_digest, write_manifest, write_parquet
from simulate.outcomes import HORIZONS
from simulate.report.text import is_share, outcome_words
from simulate.runner import RunResult, run
from simulate.scenario import Scenario


def add_parser(sub) -> None:
    p = sub.add_parser("run", help="run one scenario over replications",
                       description="Run one scenario; print a summary; write monthly, runs "
                                   "(and spells) Parquet files.")
    p.add_argument("scenario", help="scenario YAML file")
    add_run_options(p, "output directory (default: results/<scenario name>)")
    p.add_argument("--spells", action="store_true",
                   help="also write spells.parquet (one row per assistance spell)")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    scenario = Scenario.from_yaml(args.scenario)
    out = Path(args.out or Path("results") / scenario.name)
    reps = args.reps or scenario.replications
    months = args.months or scenario.horizon_months
    seed = scenario.seed if args.seed is None else args.seed
    workers = choose_workers(args.workers, reps * months * scenario.params().size)
    memory.check_runs(args.scenario, [scenario.params()], reps, months, workers, args.spells)
    # The temporary directory is made first: an output that cannot be written is refused
    # before the simulation, not after it.
    with atomic_dir(out, "pathways-run") as tmp:
        result = run(scenario, reps=reps, seed=seed, months=months, workers=workers,
                     spells=args.spells, progress=show_progress())
        write_run_files(result, tmp, spells=args.spells,
                        manifest={"kind": "pathways-run", "command": args.command_line,
                                  "seed": seed, "replications": reps, "months": months})
    out = out.resolve()
    summary = result.summary()
    if args.json:
        print(json.dumps(summary_json(summary, scenario.name, reps, seed, months, out)))
    else:
        print(f"{scenario.name}: {reps} replications, seed {seed}, {months} months "
              f"(mean and 95% confidence interval over replications)")
        print(format_summary(summary))
        print(f"results written to {out}/")
    return 0


def write_run_files(result: RunResult, directory: Path, spells: bool, manifest: dict,
                    frames: dict | None = None) -> None:
    """Write a run's outputs, then the manifest listing them with their checksums, into
    ``directory`` (a temporary one that then replaces the result directory as a whole: see
    :func:`simulate.io.atomic_dir`). ``frames`` are further tables to write (name: frame)."""
    write_parquet(result.monthly, directory / "monthly.parquet")
    write_parquet(result.runs, directory / "runs.parquet")
    if spells:
        write_parquet(result.spells, directory / "spells.parquet")
        write_parquet(result.children, directory / "children.parquet")
    for name, frame in (frames or {}).items():
        write_parquet(frame, directory / f"{name}.parquet")
    for name, scenario in result.scenarios.items():
        atomic_write(directory / f"scenario-{name}.yaml", scenario.to_yaml())
    write_manifest(directory, {"package_version": __version__, "code_digest": code_digest(),
                               **manifest,
                               "scenarios": {n: {"file": s.source, "digest": s.digest()}
                                             for n, s in result.scenarios.items()}})


def format_summary(summary) -> str:
    rows = summary.copy()
    rows["what"] = [outcome_words(o, "en") for o in rows["outcome"]]
    rows["interval"] = [
        "-" if nan_to_none(lo) is None else
        (f"{lo:.3f} to {hi:.3f}" if is_share(o) else f"{lo:.1f} to {hi:.1f}")
        for o, lo, hi in zip(rows["outcome"], rows["ci_low"], rows["ci_high"])]
    rows["value"] = ["-" if nan_to_none(m) is None else
                     (f"{m:.3f}" if is_share(o) else f"{m:.1f}")
                     for o, m in zip(rows["outcome"], rows["mean"])]
    return format_table(rows, {"what": "outcome", "value": "mean", "interval": "95% CI"}, {})


def summary_json(summary, name: str, reps: int, seed: int, months: int, out: Path) -> dict:
    return {"scenario": name, "replications": reps, "seed": seed, "months": months,
            "horizons_months": list(HORIZONS), "out": str(out),
            "outcomes": {row.outcome: {"mean": nan_to_none(row.mean),
                                       "ci_low": nan_to_none(row.ci_low),
                                       "ci_high": nan_to_none(row.ci_high)}
                         for row in summary.itertuples()}}
