"""Scenario discovery over a sweep's results: in which futures does an outcome fall below
(or rise above) a threshold?

PRIM (the Patient Rule Induction Method; Friedman and Fisher 1999, as used for scenario
discovery by Bryant and Lempert 2010) is EMA Workbench's
(:mod:`ema_workbench.analysis.prim`): this module prepares its input from a result
directory of ``simulate sweep`` and reads its boxes back out; it holds no copy of the
algorithm.

One case is one design point: its factor values (levers, uncertainties and, in an
experiment crossed with policies, the policy as a category) and its outcome, the mean over
the point's replicates (a cost per extra exit the ratio of the means, as the sweep's
summary has it). A case is *of interest* when the outcome is below (``--below``) or above
(``--above``) the threshold. PRIM peels the box of all cases until the share of cases of
interest inside it (its *density*) is as high as it can get while the box keeps enough
cases; the box's *coverage* is the share of all cases of interest that lie in it. Each
restricted factor gets EMA's quasi-p-value (a one-sided binomial test of whether
restricting it is luck). After a box is found its cases are set aside and PRIM looks for
the next, up to ``boxes`` boxes, while a box reaches the density threshold.
"""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulate.experiments.store import DESIGN, RUNS, sample_column
from simulate.experiments.summary import point_means
from simulate.io import damaged_file, read_manifest
from simulate.outcomes import ratio_parts
from simulate.schema import InputError

KIND = "discover"
RESULT_KIND = "pathways-discover"
EXPERIMENT_KIND = "pathways-experiment"
# Defaults of PRIM's settings (EMA Workbench's, except the density threshold).
THRESHOLD = 0.8
PEEL_ALPHA = 0.05
MASS_MIN = 0.05
BOXES = 3
MAX_BOXES = 20


@dataclass
class Box:
    """One box PRIM found.

    Attributes:
        number: 1 for the first box, 2 for the next (found among the cases the first left).
        coverage: Share of all cases of interest that lie in the box.
        density: Share of the cases in the box that are of interest.
        mass: Share of all cases that lie in the box.
        cases: Cases in the box.
        of_interest: Cases of interest in the box.
        limits: One row per restricted factor: ``factor``, ``low``, ``high`` (numbers) or
            ``categories`` (a policy's names), the factor's range over all cases
            (``min``, ``max``) and the quasi-p-values of the lower and upper limit
            (``qp_low``, ``qp_high``; NaN for a side not restricted).
        trajectory: The peeling trajectory: ``step``, ``coverage``, ``density``, ``mass``,
            ``restricted``; ``chosen`` marks the box reported.
    """

    number: int
    coverage: float
    density: float
    mass: float
    cases: int
    of_interest: int
    limits: pd.DataFrame
    trajectory: pd.DataFrame

    @property
    def significance(self) -> float:
        """The box's largest quasi-p-value: every restriction is at least this unlikely to
        be luck (NaN when nothing is restricted)."""
        values = self.limits[["qp_low", "qp_high"]].to_numpy(dtype=float)
        return float(np.nanmax(values)) if np.isfinite(values).any() else math.nan

    def to_dict(self) -> dict[str, Any]:
        limits = []
        for row in self.limits.itertuples():
            item: dict[str, Any] = {"factor": row.factor}
            if isinstance(row.categories, list):
                item["categories"] = row.categories
            else:
                item.update(low=_plain(row.low), high=_plain(row.high), min=_plain(row.min),
                            max=_plain(row.max))
            item.update(qp_low=_plain(row.qp_low), qp_high=_plain(row.qp_high))
            limits.append(item)
        return {"box": self.number, "coverage": self.coverage, "density": self.density,
                "mass": self.mass, "cases": self.cases, "of_interest": self.of_interest,
                "significance": _plain(self.significance), "limits": limits}


@dataclass
class Discovery:
    """What :func:`discover` found.

    Attributes:
        outcome: The outcome analysed.
        direction: ``below`` or ``above``.
        value: The threshold of the outcome.
        factors: The factors PRIM could restrict.
        cases: The design points analysed (factor values, the outcome, ``of_interest``).
        boxes: The boxes, best first.
        dropped: Design points left out because the outcome has no value there.
        settings: PRIM's settings.
        experiment: The experiment's name.
    """

    outcome: str
    direction: str
    value: float
    factors: list[str]
    cases: pd.DataFrame
    boxes: list[Box]
    dropped: int
    settings: dict[str, Any]
    experiment: str = ""

    @property
    def of_interest(self) -> int:
        return int(self.cases["of_interest"].sum())

    def to_dict(self) -> dict[str, Any]:
        return {"experiment": self.experiment, "outcome": self.outcome,
                "direction": self.direction, "value": self.value, "factors": self.factors,
                "cases": len(self.cases), "of_interest": self.of_interest,
                "dropped": self.dropped, "settings": self.settings,
                "boxes": [b.to_dict() for b in self.boxes]}


def _plain(x: Any) -> Any:
    if isinstance(x, (np.integer, np.floating)):
        x = x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def read_results(path: str | Path) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """The manifest, design and runs of a finished sweep, verified against its checksums.

    Raises:
        InputError: for a folder that is not a finished, intact result of ``simulate sweep``.
    """
    path = Path(path)
    if not path.is_dir():
        raise InputError(path, "", "no such results folder; give the --out folder of "
                         "`simulate sweep`", KIND)
    manifest = read_manifest(path)
    if manifest is None or manifest.get("kind") != EXPERIMENT_KIND:
        raise InputError(path, "", "is not a result of `simulate sweep` (no manifest.json of "
                         "an experiment)", KIND)
    if manifest.get("status") != "complete" or not (path / RUNS).is_file():
        raise InputError(path, "", "the sweep has not finished; run the same `simulate "
                         "sweep` command again to complete it", KIND)
    problem = damaged_file(path, manifest)
    if problem:
        raise InputError(path, "", f"{problem}; run the sweep again into a new folder", KIND)
    try:
        design = pd.read_parquet(path / DESIGN)
        runs = pd.read_parquet(path / RUNS)
    except Exception as err:  # noqa: BLE001 (pyarrow raises many kinds of error)
        raise InputError(path, "", f"cannot read its Parquet files "
                         f"({err.__class__.__name__})", KIND) from None
    return manifest, design, runs


def factor_names(manifest: dict, design: pd.DataFrame) -> list[str]:
    """The design's factors, in the experiment's order (policy first when crossed)."""
    listed = [f.get("name") for f in manifest.get("design", {}).get("factors", [])
              if isinstance(f, dict)]
    names = [n for n in listed if isinstance(n, str) and n in design.columns]
    raw = {sample_column(c) for c in design.columns}
    return names or [c for c in design.columns if c != "point" and c not in raw]


def cases_of(path: str | Path, outcome: str, over: list[str] | None = None
             ) -> tuple[dict, pd.DataFrame, list[str], int]:
    """The design points of a sweep as PRIM's cases: the factors and the outcome's mean.

    Returns:
        ``(manifest, cases, factors, dropped)``; ``dropped`` counts points without a value of
        the outcome (a cost per extra exit where there are no extra exits).
    """
    manifest, design, runs = read_results(path)
    outputs = [c for c in runs.columns if c not in design.columns
               and c not in ("run", "replicate", "seed")]
    named = [o for o in manifest.get("outputs") or outputs if o in runs.columns]
    if outcome not in runs.columns or (ratio_parts(outcome) and not all(
            p in runs.columns for p in ratio_parts(outcome) or ())):
        raise InputError("--outcome", "", f"{outcome!r} is not an output of this sweep; its "
                         f"outputs: {', '.join(named)}", KIND)
    factors = factor_names(manifest, design)
    if over:
        for name in over:
            if name not in factors:
                raise InputError("--over", "", f"{name!r} is not a factor of this sweep; its "
                                 f"factors: {', '.join(factors)}", KIND)
        factors = [f for f in factors if f in over]
    varying = [f for f in factors if design[f].nunique() > 1]
    if not varying:
        raise InputError("--over" if over else str(path), "", "no factor of the sweep takes "
                         "more than one value, so there is nothing to find a box in", KIND)
    means = point_means(runs, [outcome])
    cases = design.set_index("point").loc[means.index, varying].copy()
    cases[outcome] = means[outcome]
    missing = cases[outcome].isna()
    return manifest, cases[~missing].reset_index(), varying, int(missing.sum())


def discover(path: str | Path, outcome: str, *, below: float | None = None,
             above: float | None = None, over: list[str] | None = None,
             threshold: float = THRESHOLD, peel_alpha: float = PEEL_ALPHA,
             mass_min: float = MASS_MIN, boxes: int = BOXES) -> Discovery:
    """PRIM over the design points of a sweep's results (see the module docstring).

    Args:
        path: The results folder of ``simulate sweep``.
        outcome: An output of the sweep (``extra_exits_work_36m``).
        below: Cases of interest have the outcome below this...
        above: ... or above this (give exactly one).
        over: The factors PRIM may restrict (default: every factor that varies).
        threshold: Lowest density of a box worth reporting.
        peel_alpha: Share of the cases peeled off per step.
        mass_min: Smallest share of all cases a box keeps.
        boxes: Most boxes to look for.

    Raises:
        InputError: for results that are not a finished sweep, an unknown outcome or
            factor, or a threshold that leaves no case (or only cases) of interest.
    """
    if (below is None) == (above is None):
        raise InputError("--below/--above", "", "give one of --below X or --above X", KIND)
    direction, value = ("below", below) if below is not None else ("above", above)
    assert value is not None
    manifest, cases, factors, dropped = cases_of(path, outcome, over)
    y = (cases[outcome] < value) if direction == "below" else (cases[outcome] > value)
    lo, hi = cases[outcome].min(), cases[outcome].max()
    if not y.any() or y.all():
        which = "no" if not y.any() else "every"
        raise InputError(f"--{direction}", "", f"{which} design point has {outcome} "
                         f"{direction} {value:g} (it runs from {lo:.4g} to {hi:.4g}); choose "
                         "a threshold between", KIND)
    x = cases[factors].copy()
    for name in factors:
        if not pd.api.types.is_numeric_dtype(x[name]) or pd.api.types.is_bool_dtype(x[name]):
            x[name] = x[name].astype(str)
        elif pd.api.types.is_integer_dtype(x[name]):
            x[name] = x[name].astype(np.int64)
        else:
            x[name] = x[name].astype(np.float64)
    found = _prim(x, y.to_numpy(), threshold, peel_alpha, mass_min, boxes)
    cases = cases.assign(of_interest=y.to_numpy())
    settings = {"threshold": threshold, "peel_alpha": peel_alpha, "mass_min": mass_min,
                "boxes": boxes}
    return Discovery(outcome, direction, float(value), factors, cases, found, dropped,
                     settings, str(manifest.get("experiment", "")))


def _prim(x: pd.DataFrame, y: np.ndarray, threshold: float, peel_alpha: float,
          mass_min: float, boxes: int) -> list[Box]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # EMA's notes on optional packages at import
        from ema_workbench.analysis import prim

        finder = prim.Prim(x, y, threshold=threshold, peel_alpha=peel_alpha,
                           mass_min=mass_min)
        out: list[Box] = []
        for number in range(1, boxes + 1):
            box = finder.find_box()
            if box is None or len(box.peeling_trajectory) < 2:
                break  # no data left, or EMA's "dump box": nothing meets the threshold
            chosen = box._cur_box
            if box.peeling_trajectory["density"].iloc[chosen] < threshold:
                break
            out.append(_box(number, box, chosen, finder.box_init, list(x.columns)))
    return out


def _box(number: int, box, chosen: int, initial: pd.DataFrame, factors: list[str]) -> Box:
    stats = box.peeling_trajectory.iloc[chosen]
    limits = box.box_lims[chosen]
    qp = box.qp[chosen] if chosen < len(box.qp) else {}
    rows = []
    for name in factors:
        low, high = limits[name].iloc[0], limits[name].iloc[1]
        start_low, start_high = initial[name].iloc[0], initial[name].iloc[1]
        qp_low, qp_high = (qp.get(name) or [-1, -1])[:2]
        if isinstance(low, (set, frozenset)):
            if set(low) == set(start_low):
                continue
            rows.append({"factor": name, "categories": sorted(map(str, low)), "low": np.nan,
                         "high": np.nan, "min": np.nan, "max": np.nan,
                         "qp_low": _qp(qp_low), "qp_high": _qp(qp_high)})
            continue
        if low == start_low and high == start_high:
            continue
        rows.append({"factor": name, "categories": None, "low": float(low),
                     "high": float(high), "min": float(start_low), "max": float(start_high),
                     "qp_low": _qp(qp_low) if low > start_low else np.nan,
                     "qp_high": _qp(qp_high) if high < start_high else np.nan})
    trajectory = pd.DataFrame({
        "step": np.arange(len(box.peeling_trajectory)),
        "coverage": box.peeling_trajectory["coverage"].astype(float).to_numpy(),
        "density": box.peeling_trajectory["density"].astype(float).to_numpy(),
        "mass": box.peeling_trajectory["mass"].astype(float).to_numpy(),
        "restricted": box.peeling_trajectory["res_dim"].astype(int).to_numpy()})
    trajectory["chosen"] = trajectory["step"] == trajectory["step"].iloc[chosen]
    return Box(number, float(stats["coverage"]), float(stats["density"]), float(stats["mass"]),
               int(stats["n"]), int(stats["k"]),
               pd.DataFrame(rows, columns=["factor", "categories", "low", "high", "min", "max",
                                           "qp_low", "qp_high"]), trajectory)


def _qp(value: Any) -> float:
    value = float(value)
    return math.nan if value < 0 else value


def box_frames(found: Discovery) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The boxes' limits and trajectories as two tables (``box`` first in each)."""
    limits = [b.limits.assign(box=b.number) for b in found.boxes]
    paths = [b.trajectory.assign(box=b.number) for b in found.boxes]
    columns = ["box", "factor", "categories", "low", "high", "min", "max", "qp_low", "qp_high"]
    limit_frame = (pd.concat(limits, ignore_index=True)[columns] if limits
                   else pd.DataFrame(columns=columns))
    limit_frame["categories"] = [json.dumps(c) if isinstance(c, list) else None
                                 for c in limit_frame["categories"]]
    trajectory = (pd.concat(paths, ignore_index=True) if paths else pd.DataFrame(
        columns=["step", "coverage", "density", "mass", "restricted", "chosen", "box"]))
    return limit_frame, trajectory[["box", "step", "coverage", "density", "mass",
                                    "restricted", "chosen"]]


def box_table(found: Discovery) -> pd.DataFrame:
    """One row per box: its number, coverage, density, mass, cases and significance."""
    return pd.DataFrame([{"box": b.number, "coverage": b.coverage, "density": b.density,
                          "mass": b.mass, "cases": b.cases, "of_interest": b.of_interest,
                          "significance": b.significance} for b in found.boxes],
                        columns=["box", "coverage", "density", "mass", "cases",
                                 "of_interest", "significance"])


__all__ = ["Box", "Discovery", "box_frames", "box_table", "cases_of", "discover",
           "read_results"]
