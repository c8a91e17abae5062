"""Scalar outcomes of a run and summaries over replications."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from simulate.states import EXIT_REASONS

HORIZONS = (12, 24, 36)
EXITS = tuple(EXIT_REASONS.values())  # work, study, noncooperation, partner, other


def run_outcomes(wide: pd.DataFrame) -> dict[str, float]:
    """Outcomes of one run from its monthly metrics (one row per month, month 0 first).

    At each horizon X in 12, 24 and 36 months (NaN when the run is shorter), and over the
    whole run (suffix ``total``): cumulative exits by destination over months 1..X,
    mothers on assistance at X, the share of the initial stock on assistance at X,
    mother-months on assistance and spending over months 1..X.
    """
    last = int(wide.index.max())
    out: dict[str, float] = {}
    for x in HORIZONS:
        out.update(_outcomes_at(wide, x, f"{x}m"))
    out.update(_outcomes_at(wide, last, "total"))
    return out


def _outcomes_at(wide: pd.DataFrame, x: int, suffix: str) -> dict[str, float]:
    names = ([f"exits_{r}" for r in (*EXITS, "all")]
             + ["on_assistance", "share_on_assistance", "mother_months_on_assistance",
                "benefit_spending_eur", "intervention_spending_eur", "regular_coach_cost_eur",
                "regular_coach_hours"])
    if x > int(wide.index.max()):
        return {f"{name}_{suffix}": np.nan for name in names}
    window = wide.loc[(wide.index >= 1) & (wide.index <= x)]
    out = {f"exits_{r}_{suffix}": float(window[f"exit_{r}"].sum()) for r in EXITS}
    out[f"exits_all_{suffix}"] = sum(out[f"exits_{r}_{suffix}"] for r in EXITS)
    out[f"on_assistance_{suffix}"] = float(wide.at[x, "on_assistance"])
    stock = float(wide.at[0, "cohort_on_assistance"])  # the stock on assistance at month 0
    out[f"share_on_assistance_{suffix}"] = (float(wide.at[x, "cohort_on_assistance"]) / stock
                                            if stock else np.nan)
    for metric in ("on_assistance", "benefit_spending_eur", "intervention_spending_eur",
                   "regular_coach_cost_eur", "regular_coach_hours"):
        name = "mother_months_on_assistance" if metric == "on_assistance" else metric
        out[f"{name}_{suffix}"] = float(window[metric].sum())
    return out


def t_quantile(n, level: float = 0.95):
    """The t quantile of a two-sided ``level`` interval for the mean of ``n`` values.

    Every confidence interval of a mean in the package uses this (and
    :func:`t_half_width`). ``n`` may be an array; the quantile is NaN where ``n < 2``.
    """
    n = np.asarray(n, dtype=float)
    return stats.t.ppf(0.5 + level / 2, np.where(n > 1, n - 1, np.nan))


def t_half_width(sd, n, level: float = 0.95):
    """Half-width of the t confidence interval of a mean: t * sd / sqrt(n).

    Args:
        sd: Standard deviation of the values (``ddof=1``); scalar or array.
        n: Number of values; scalar or array (NaN half-width where ``n < 2``).
        level: Confidence level.
    """
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return t_quantile(n, level) * np.asarray(sd, dtype=float) / np.sqrt(n)


def mean_ci(values, level: float = 0.95) -> tuple[float, float, float]:
    """Mean and the t-based confidence interval of the mean (NaN bounds for one value)."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return np.nan, np.nan, np.nan
    mean = float(x.mean())
    if len(x) < 2:
        return mean, np.nan, np.nan
    half = float(t_half_width(x.std(ddof=1), len(x), level))
    return mean, mean - half, mean + half


SUMMARY_ROWS = tuple(
    [f"share_on_assistance_{x}m" for x in HORIZONS]
    + [f"exits_{r}_{x}m" for r in (*EXITS, "all") for x in HORIZONS])


def summarise(runs: pd.DataFrame, outcomes=SUMMARY_ROWS, by: str = "scenario") -> pd.DataFrame:
    """Mean and 95% confidence interval over replications, per scenario and outcome."""
    rows = []
    for scenario, group in runs.groupby(by, sort=False, observed=True):
        for outcome in outcomes:
            if outcome not in group:
                continue
            mean, lo, hi = mean_ci(group[outcome])
            rows.append({by: scenario, "outcome": outcome, "mean": mean, "ci_low": lo,
                         "ci_high": hi, "replications": int(group[outcome].notna().sum())})
    return pd.DataFrame(rows)
