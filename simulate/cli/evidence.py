"""``simulate evidence [SCENARIO]``: the model's policy responses against published evaluations.

Runs every check of the checks file (default: the shipped ``simulate/evidence/checks.yaml``)
on the base scenario (default: ``scenarios/baseline.yaml``) with common random numbers, and
prints per check the study, the simulated effect with its 95% interval, the published
figure, the band that counts as agreement and the verdict. Evidence checks and the checks
whose figure a parameter was set from (``calibrated``: targets, not evidence) are listed
and counted apart. Exit code 0 when no modelled check fails (a calibrated check within its
band is not a failure), 1 when one fails, 2 on bad input. Checks whose policy module does
not exist yet are listed as "not yet modelled".
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import pandas as pd

from simulate import __version__
from simulate.cli.common import format_table, nan_to_none, positive_int, seed_int, show_progress
from simulate.evidence import FAIL, NOT_MODELLED, load_checks, run_checks
from simulate.evidence.run import groups, split
from simulate.io import atomic_dir, check_replaceable, write_manifest, write_parquet
from simulate.runner import default_workers
from simulate.scenario import Scenario

DEFAULT_SCENARIO = Path("scenarios") / "baseline.yaml"
RESULT_KIND = "pathways-evidence"
JSON_FIELDS = ("check", "title", "study", "design", "statistic", "unit", "horizon_months",
               "simulated", "ci_low", "ci_high", "published", "published_low",
               "published_high", "band_low", "band_high", "replications", "ok", "status",
               "counts_as", "calibrated_by")
CALIBRATED_NOTE = ("a calibrated check reproduces a figure that a parameter of the model was "
                   "set from: it shows consistency, not evidence")


def add_parser(sub) -> None:
    p = sub.add_parser("evidence", help="check the model's policy responses against "
                                        "published evaluations",
                       description="Run every evidence check on common random numbers and "
                                   "compare the simulated effect with the published one. Exit "
                                   "code 0 when no modelled check fails (a check reported "
                                   "'calibrated' is within its band), 1 otherwise.")
    p.add_argument("scenario", nargs="?", default=str(DEFAULT_SCENARIO),
                   help=f"base scenario YAML (default: {DEFAULT_SCENARIO} in the current "
                        "directory)")
    p.add_argument("--checks", metavar="FILE",
                   help="checks file (default: the shipped simulate/evidence/checks.yaml)")
    p.add_argument("--reps", type=positive_int,
                   help="replications per check (default: the checks file's)")
    p.add_argument("--seed", type=seed_int, help="root seed (default: the checks file's)")
    p.add_argument("--only", metavar="NAME", action="append",
                   help="run only this check (repeatable)")
    p.add_argument("--workers", type=positive_int,
                   help="processes (default: all cores); results are identical for any number")
    p.add_argument("--out", metavar="DIR",
                   help="write results there (results.parquet, values.parquet, manifest.json) "
                        "for `simulate report DIR`")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list with one object per check")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    scenario = Scenario.from_yaml(args.scenario)
    checks = load_checks(args.checks)
    if args.only:
        from dataclasses import replace

        from simulate.schema import InputError
        names = [c.name for c in checks.checks]
        for name in args.only:
            if name not in names:
                raise InputError(checks.source, "checks", f"no check named {name!r} (checks: "
                                 + ", ".join(names) + ")", "evidence")
        checks = replace(checks, checks=tuple(c for c in checks.checks if c.name in args.only))
    out = check_replaceable(args.out, RESULT_KIND) if args.out else None
    tasks = sum(g.replications for g in groups(checks, scenario, args.reps, args.seed))
    bar = None
    if show_progress():
        from tqdm import tqdm
        bar = tqdm(total=tasks, unit="replicate", desc="evidence", leave=False)
    start = time.perf_counter()
    results, values = run_checks(checks, scenario, replications=args.reps, seed=args.seed,
                                 workers=args.workers or default_workers(),
                                 on_task=bar.update if bar else None)
    seconds = time.perf_counter() - start
    if bar:
        bar.close()
    if out is not None:
        seed = checks.seed if args.seed is None else args.seed
        with atomic_dir(out, RESULT_KIND) as tmp:
            write_parquet(results, tmp / "results.parquet")
            write_parquet(values, tmp / "values.parquet")
            (tmp / f"scenario-{scenario.name}.yaml").write_text(scenario.to_yaml())
            if Path(checks.source).is_file():
                (tmp / "checks.yaml").write_bytes(Path(checks.source).read_bytes())
            write_manifest(tmp, {"kind": RESULT_KIND, "package_version": __version__,
                                 "command": args.command_line, "scenario": scenario.name,
                                 "scenario_digest": scenario.digest(),
                                 "checks": checks.source, "seed": seed,
                                 "replications": int(results["replications"].max()),
                                 "seconds": round(seconds, 1)})
    if args.json:
        print(json.dumps(results_json(results)))
    else:
        print(f"{scenario.name} against {len(results)} published findings: paired runs on "
              f"common random numbers ({seconds:.0f} s)")
        print("simulated: mean effect over replications and its 95% confidence interval; "
              "status: pass or calibrated when the mean lies in the band, FAIL when not")
        print()
        print(format_sections(results))
        print()
        print(verdict(results))
        if out is not None:
            print(f"results written to {out}/ (simulate report {out})")
    return 1 if bool((results.status == FAIL).any()) else 0


def results_json(results: pd.DataFrame) -> list[dict]:
    """One object per check; ``calibrated_by`` is a list of parameter names."""
    def field(row, k):
        if k == "ok":
            return bool(row[k])
        if k == "calibrated_by":
            return [n for n in str(row[k]).split(", ") if n]
        return nan_to_none(row[k].item() if hasattr(row[k], "item") else row[k])
    return [{k: field(row, k) for k in JSON_FIELDS} for _, row in results.iterrows()]


def _num(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{x:.3g}" if abs(x) < 10 else f"{x:.0f}"


def _span(low, high) -> str:
    low, high = _num(low), _num(high)
    if not low and not high:
        return "-"
    return f"{low or '...'} to {high or '...'}"


def format_results(results: pd.DataFrame) -> str:
    rows = pd.DataFrame({
        "check": results["check"],
        "unit": results["unit"],
        "simulated": [_num(v) or "-" for v in results["simulated"]],
        "interval": [_span(lo, hi) for lo, hi in zip(results["ci_low"], results["ci_high"])],
        "published": [(_num(v) + (f" ({_span(lo, hi)})" if _num(lo) else "")) or "in words"
                      for v, lo, hi in zip(results["published"], results["published_low"],
                                           results["published_high"])],
        "band": [_span(lo, hi) for lo, hi in zip(results["band_low"], results["band_high"])],
        "status": ["FAIL" if s == FAIL else s for s in results["status"]],
    })
    return format_table(rows, {"check": "check", "unit": "unit", "simulated": "simulated",
                               "interval": "95% CI", "published": "published",
                               "band": "band", "status": "status"}, {})


def format_sections(results: pd.DataFrame) -> str:
    """The evidence checks, then the calibrated ones (with the parameters set from each),
    in tables of their own."""
    evidence, calibrated = split(results)
    parts = []
    if len(evidence):
        parts += ["Evidence checks", format_results(evidence)]
    if len(calibrated):
        parts += ["", f"Calibrated checks ({CALIBRATED_NOTE})", format_results(calibrated),
                  *(f"  {r.check}: set from it: {r.calibrated_by}"
                    for r in calibrated.itertuples())]
    return "\n".join(parts)


def verdict(results: pd.DataFrame) -> str:
    """"11 of 11 evidence checks pass; 4 checks reproduce figures the model was calibrated
    to", naming the checks that fail and those not yet modelled."""
    evidence, calibrated = split(results[results.status != NOT_MODELLED])
    parts = []
    if len(evidence):
        failed = evidence.loc[evidence.status == FAIL, "check"].tolist()
        parts.append(f"{len(evidence) - len(failed)} of {len(evidence)} evidence checks pass"
                     + (f" (failing: {', '.join(failed)})" if failed else ""))
    if len(calibrated):
        failed = calibrated.loc[calibrated.status == FAIL, "check"].tolist()
        n = len(calibrated)
        within = f"{n - len(failed)} of {n}" if failed else str(n)
        verb = "reproduces a figure" if n == 1 and not failed else "reproduce figures"
        parts.append(f"{within} check{'s' if n > 1 or failed else ''} {verb} the model was "
                     "calibrated to" + (f" (failing: {', '.join(failed)})" if failed else ""))
    waiting = results.loc[results.status == NOT_MODELLED, "check"].tolist()
    if waiting:
        parts.append(f"not yet modelled: {', '.join(waiting)}")
    return "; ".join(parts) or "no checks"
