"""Replicates combined per design point: means for analysis, intervals for reports.

Additive outputs are averaged over replicates. ``net_cost_per_extra_exit_to_work*`` is a ratio:
per point it is the ratio of the mean net cost to the mean extra exits to work (NaN when
the mean extra exits are not positive), as :func:`simulate.compare.ratio_ci` estimates it,
because the mean of per-replicate ratios is
unstable when a replicate has few extra exits. Experiments therefore store a ratio's
numerator and denominator beside it (:func:`companions`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from simulate.compare import ratio_ci
from simulate.outcomes import ratio_parts, t_half_width


def companions(outputs: Sequence[str]) -> list[str]:
    """The outputs plus the numerators and denominators their ratios need."""
    columns = list(outputs)
    for name in outputs:
        for part in ratio_parts(name) or ():
            if part not in columns:
                columns.append(part)
    return columns


def point_means(runs: pd.DataFrame, outputs: Sequence[str]) -> pd.DataFrame:
    """Replicate means per design point (index ``point``), one column per output."""
    means = runs.groupby("point", sort=True)[companions(outputs)].mean()
    for name in outputs:
        parts = ratio_parts(name)
        if parts:
            num, den = means[parts[0]], means[parts[1]]
            means[name] = (num / den).where(den > 0)
    return means[list(outputs)]


def summarise_points(runs: pd.DataFrame, design: pd.DataFrame, outputs: Sequence[str],
                     level: float = 0.95) -> pd.DataFrame:
    """Mean and confidence interval over replicates, one row per design point.

    Args:
        runs: One row per run with ``point`` and the outputs (and ratio companions).
        design: One row per point: ``point`` and the factor values.
        outputs: Outputs to summarise.
        level: Confidence level of the intervals.

    Returns:
        ``point``, the factors, ``replications``, then ``OUTPUT``, ``OUTPUT_ci_low`` and
        ``OUTPUT_ci_high`` for each output: t-intervals of the mean for additive outputs,
        delta-method intervals (:func:`simulate.compare.ratio_ci`) for ratios.
    """
    groups = runs.groupby("point", sort=True)
    out = design.set_index("point").loc[groups.size().index].copy()
    out["replications"] = groups.size()
    means = point_means(runs, outputs)
    for name in outputs:
        parts = ratio_parts(name)
        if parts:
            cis = [ratio_ci(g[parts[0]], g[parts[1]], level)[1:] for _, g in groups]
            low, high = (np.array(c, dtype=float) for c in zip(*cis))
        else:
            half = t_half_width(groups[name].std(ddof=1).to_numpy(),
                                groups[name].count().to_numpy(), level)
            low, high = means[name].to_numpy() - half, means[name].to_numpy() + half
        out[name] = means[name]
        out[f"{name}_ci_low"] = low
        out[f"{name}_ci_high"] = high
    return out.reset_index()
