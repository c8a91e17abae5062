"""``simulate discover RESULTS --outcome NAME --below X``: scenario discovery (PRIM).

Finds the ranges of a sweep's factors (its uncertainties, levers and, crossed with
policies, the policy) under which an outcome falls below (or rises above) a threshold, with
EMA Workbench's PRIM (:mod:`simulate.discover`). Prints the boxes (``--json``: as JSON);
``--out DIR`` writes them for ``simulate report DIR``. Needs the ``ema`` extra.
"""

from __future__ import annotations

import argparse
import json
import math
import warnings
from pathlib import Path

from simulate import __version__
from simulate.cli.common import bounded_int
from simulate.io import (
    atomic_dir,
    atomic_write,
    check_replaceable,
    read_manifest,
    sha256_file,
    write_json,
    write_manifest,
    write_parquet,
)
from simulate.schema import InputError

RESULT_KIND = "pathways-discover"
KIND = "discover"


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _share(text: str) -> float:
    value = _finite(text)
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a share above 0 and at most 1")
    return value


def _names(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give factor names separated by commas")
    return names


def add_parser(sub) -> None:
    from simulate.discover import BOXES, MASS_MIN, MAX_BOXES, PEEL_ALPHA, THRESHOLD

    p = sub.add_parser(
        "discover", help="scenario discovery: where does an outcome fall below a threshold?",
        description="Run PRIM (EMA Workbench's) over the design points of a `simulate sweep` "
                    "result: the ranges of its factors under which OUTCOME is below (or "
                    "above) a threshold, with coverage, density and quasi-p-values. Needs "
                    "the ema extra (pip install 'pathways-simulate[ema]').")
    p.add_argument("results", help="the --out folder of `simulate sweep`")
    p.add_argument("--outcome", required=True, help="an output of the sweep, e.g. "
                   "extra_exits_work_36m")
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--below", type=_finite, metavar="X",
                      help="design points of interest have the outcome below X")
    side.add_argument("--above", type=_finite, metavar="X",
                      help="design points of interest have the outcome above X")
    p.add_argument("--over", type=_names, metavar="NAMES",
                   help="factors PRIM may restrict, separated by commas (default: every "
                        "factor of the sweep that varies)")
    p.add_argument("--threshold", type=_share, default=THRESHOLD, metavar="SHARE",
                   help=f"lowest density of a box (default {THRESHOLD})")
    p.add_argument("--peel-alpha", type=_share, default=PEEL_ALPHA, metavar="SHARE",
                   help=f"share of the points peeled off per step (default {PEEL_ALPHA})")
    p.add_argument("--mass-min", type=_share, default=MASS_MIN, metavar="SHARE",
                   help=f"smallest share of the points a box keeps (default {MASS_MIN})")
    p.add_argument("--boxes", type=bounded_int(1, MAX_BOXES, "boxes"), default=BOXES,
                   help=f"most boxes to look for (default {BOXES})")
    p.add_argument("--json", action="store_true", help="print the boxes as one JSON object")
    p.add_argument("--out", metavar="DIR",
                   help="write the boxes there (boxes.parquet, limits.parquet, "
                        "trajectory.parquet, cases.parquet, manifest.json) for "
                        "`simulate report DIR`")
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # EMA's notes on optional packages
            import ema_workbench  # noqa: F401
    except ImportError:
        raise InputError("simulate discover", "", "needs EMA Workbench for PRIM: pip install "
                         "'pathways-simulate[ema]'", KIND) from None
    from simulate.discover import box_frames, box_table, discover

    out = check_replaceable(args.out, RESULT_KIND) if args.out else None
    found = discover(args.results, args.outcome, below=args.below, above=args.above,
                     over=args.over, threshold=args.threshold, peel_alpha=args.peel_alpha,
                     mass_min=args.mass_min, boxes=args.boxes)
    if out is not None:
        results = Path(args.results)
        limits, trajectory = box_frames(found)
        with atomic_dir(out, RESULT_KIND) as tmp:
            write_parquet(box_table(found), tmp / "boxes.parquet")
            write_parquet(limits, tmp / "limits.parquet")
            write_parquet(trajectory, tmp / "trajectory.parquet")
            write_parquet(found.cases, tmp / "cases.parquet")
            write_json(found.to_dict(), tmp / "discovery.json")
            # The sweep's scenarios and experiment file: the report names factors by them.
            for source in sorted(results.glob("scenario-*.yaml")) + [
                    results / "experiment.yaml"]:
                if source.is_file():
                    atomic_write(tmp / source.name, source.read_bytes())
            sweep = read_manifest(results) or {}
            baseline = (sweep.get("evaluator") or {}).get("baseline")
            base = baseline.get("name") if isinstance(baseline, dict) else None
            write_manifest(tmp, {
                "kind": RESULT_KIND, "package_version": __version__,
                "base": base.get("en") if isinstance(base, dict) else base,
                "seed": sweep.get("seed"), "replications": sweep.get("replications"),
                "command": args.command_line, "results": str(results.resolve()),
                "results_manifest_sha256": sha256_file(results / "manifest.json"),
                "experiment": found.experiment, "outcome": found.outcome,
                "direction": found.direction, "value": found.value,
                "factors": found.factors, "settings": found.settings,
                "points": len(found.cases), "of_interest": found.of_interest,
                "dropped": found.dropped, "boxes": len(found.boxes)})
    if args.json:
        print(json.dumps(found.to_dict()))
        return 0
    print(describe(found))
    if out is not None:
        print(f"results written to {out}/ (simulate report {out})")
    return 0


def describe(found) -> str:
    """The boxes as text."""
    lines = [(f"{found.experiment or 'sweep'}: {found.outcome} {found.direction} "
             f"{found.value:g} in {found.of_interest} of {len(found.cases)} design points "
             f"(means over replicates; PRIM of EMA Workbench, density threshold "
             f"{found.settings['threshold']:g})")]
    if found.dropped:
        lines.append(f"{found.dropped} design points without a value of {found.outcome} "
                     "were left out")
    if not found.boxes:
        lines.append(f"no box reaches a density of {found.settings['threshold']:g}; try a "
                     "lower --threshold, another threshold of the outcome or more design "
                     "points")
    for box in found.boxes:
        significance = ("" if math.isnan(box.significance)
                        else f", quasi-p at most {box.significance:.3g}")
        lines.append(f"box {box.number}: coverage {box.coverage:.0%}, density "
                     f"{box.density:.0%}, {box.cases} design points{significance}")
        for row in box.limits.itertuples():
            if isinstance(row.categories, list):
                lines.append(f"  {row.factor}: {', '.join(row.categories)}")
            else:
                lines.append(f"  {row.factor}: {row.low:.4g} to {row.high:.4g} (of "
                             f"{row.min:.4g} to {row.max:.4g})")
    return "\n".join(lines)
