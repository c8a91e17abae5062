"""Paired comparison of an alternative scenario with a base scenario.

Both run on the same seeds, so replicate r of each faces the same random numbers (common
random numbers) and the per-replicate difference is the policy's effect plus much less
noise than with independent runs. Differences are alternative minus base, so positive
``extra_exits_work`` means more exits to work (likewise ``extra_exits_study``,
``extra_exits_noncooperation``... for every destination, and ``extra_exits_all``), positive
``change_on_assistance`` more mothers on assistance at the horizon, and positive
``benefit_saved_eur`` and ``mother_months_saved`` lower benefit spending and fewer months on
assistance under the alternative.

Where a saving comes from (:func:`saving_sources`): the mother-months saved split exactly
into those saved through exits to work, through stops for non-cooperation and through
other exits (study, a partner's income, other reasons), and the benefit saved likewise,
plus what lower payments to mothers still on assistance save (part-time earnings, sanction
cuts).

A fair comparison changes only the policies: :func:`base_differences` finds what else sets an
alternative apart, and :func:`compare` refuses such an alternative unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from simulate.outcomes import EXITS, HORIZONS, mean_ci, t_half_width, t_quantile
from simulate.parameters import PARAMETERS

SUFFIXES = (*(f"{x}m" for x in HORIZONS), "total")
# Routes off assistance (the model's off_assistance_<route> metrics) grouped by where a
# saving comes from.
SAVING_ROUTES: dict[str, tuple[str, ...]] = {
    "work": ("work",),
    "noncooperation": ("noncooperation",),
    "other_exits": ("study", "partner", "other"),
}
# Outcome stems of :func:`saving_sources` (each with every horizon suffix): the parts of
# mother_months_saved, then those of benefit_saved_eur.
SAVING_SOURCES = (*(f"mother_months_saved_via_{g}" for g in SAVING_ROUTES),
                  *(f"benefit_saved_via_{g}_eur" for g in SAVING_ROUTES),
                  "benefit_saved_via_lower_payments_eur")


def _change(outcome: str):
    return lambda b, a, s: a[f"{outcome}_{s}"] - b[f"{outcome}_{s}"]


# Paired outcomes per horizon suffix: name -> how it is computed from base (b) and alt (a).
# What changed: exits by every destination and in all, and the number on assistance.
DIFFERENCES = {
    **{f"extra_exits_{r}": _change(f"exits_{r}") for r in (*EXITS, "all")},
    "change_on_assistance": _change("on_assistance"),
    "mother_months_saved": lambda b, a, s: (b[f"mother_months_on_assistance_{s}"]
                                            - a[f"mother_months_on_assistance_{s}"]),
    "benefit_saved_eur": lambda b, a, s: (b[f"benefit_spending_eur_{s}"]
                                          - a[f"benefit_spending_eur_{s}"]),
    "intervention_cost_eur": lambda b, a, s: (a[f"intervention_spending_eur_{s}"]
                                              - b[f"intervention_spending_eur_{s}"]),
    # Regular coaches cost money: a lower caseload target hires more of them.
    "regular_coach_cost_eur": _change("regular_coach_cost_eur"),
    "regular_coach_hours": _change("regular_coach_hours"),
}


def paired_outcomes(base: Mapping[str, float], alt: Mapping[str, float]) -> dict[str, float]:
    """Differences of one replicate pair (alternative minus base) at every horizon.

    Includes ``net_cost_eur_X`` (intervention cost and extra regular-coach cost, less
    benefit saved) and ``net_cost_per_extra_exit_to_work_X`` (NaN unless there are extra exits to
    work).
    """
    out: dict[str, float] = {}
    for s in SUFFIXES:
        for name, fn in DIFFERENCES.items():
            out[f"{name}_{s}"] = float(fn(base, alt, s))
        out[f"net_cost_eur_{s}"] = (out[f"intervention_cost_eur_{s}"]
                                    + out[f"regular_coach_cost_eur_{s}"]
                                    - out[f"benefit_saved_eur_{s}"])
        extra = out[f"extra_exits_work_{s}"]
        out[f"net_cost_per_extra_exit_to_work_{s}"] = (out[f"net_cost_eur_{s}"] / extra
                                               if extra > 0 else np.nan)
    out["net_cost_per_extra_exit_to_work"] = out["net_cost_per_extra_exit_to_work_total"]
    return out


def paired_outcome_names() -> list[str]:
    """Every name :func:`paired_outcomes` returns, in its order (from the declarations,
    without running anything)."""
    names: list[str] = []
    for s in SUFFIXES:
        names += [f"{name}_{s}" for name in DIFFERENCES]
        names += [f"net_cost_eur_{s}", f"net_cost_per_extra_exit_to_work_{s}"]
    return [*names, "net_cost_per_extra_exit_to_work"]


def saving_sources(base: pd.DataFrame, alt: pd.DataFrame) -> dict[str, float]:
    """Where one replicate pair's saving comes from, at every horizon suffix.

    ``base`` and ``alt`` are the two runs' monthly metrics (one row per month, indexed by
    month). Over months 1..X:

    - ``mother_months_saved_via_<route>_X`` = sum of the change (alternative less base) in
      the mothers off assistance by that route. Both worlds hold the same mothers (by id),
      so every month the changes off assistance add up to the change on it, and the three
      routes add up exactly to ``mother_months_saved_X``;
    - ``benefit_saved_via_<route>_eur_X`` = sum of that change times the base's benefit
      per mother on assistance in the month;
    - ``benefit_saved_via_lower_payments_eur_X``: the rest of ``benefit_saved_eur_X``,
      what lower payments to the mothers still on assistance save (part-time earnings,
      sanction cuts), so that the four add up exactly to it.

    NaN at a horizon beyond the run, and everywhere when the two worlds do not hold the
    same number of mothers (a base with another population, compared with
    ``--allow-different-base``): a saving cannot then be traced mother by mother.
    """
    routes = [r for group in SAVING_ROUTES.values() for r in group]
    last = int(base.index.max())
    out: dict[str, float] = {}

    def mothers(frame: pd.DataFrame) -> pd.Series:
        return frame["on_assistance"] + sum(frame[f"off_assistance_{r}"] for r in routes)

    same = len(base) == len(alt) and bool((mothers(base) == mothers(alt)).all())
    for s in SUFFIXES:
        x = last if s == "total" else int(s[:-1])
        if x > last or not same:
            out.update({f"{stem}_{s}": np.nan for stem in SAVING_SOURCES})
            continue
        b, a = base.loc[1:x], alt.loc[1:x]
        on = b["on_assistance"].to_numpy(float)
        per_mother = np.divide(b["benefit_spending_eur"].to_numpy(float), on,
                               out=np.zeros(len(on)), where=on > 0)
        explained = 0.0
        for group, members in SAVING_ROUTES.items():
            change = sum((a[f"off_assistance_{r}"] - b[f"off_assistance_{r}"]).to_numpy(float)
                         for r in members)
            out[f"mother_months_saved_via_{group}_{s}"] = float(np.sum(change))
            out[f"benefit_saved_via_{group}_eur_{s}"] = float(np.sum(change * per_mother))
            explained += out[f"benefit_saved_via_{group}_eur_{s}"]
        saved = float(b["benefit_spending_eur"].sum() - a["benefit_spending_eur"].sum())
        out[f"benefit_saved_via_lower_payments_eur_{s}"] = saved - explained
    return out


def source_pairs(wide: pd.DataFrame, base: str, alternatives: list[str]) -> pd.DataFrame:
    """:func:`saving_sources` of every (alternative, replicate) pair of a comparison's
    monthly metrics (wide)."""
    by = {key: g.set_index("month") for key, g in wide.groupby(["scenario", "replicate"],
                                                               observed=True)}
    rows = []
    for alt in alternatives:
        for (name, rep), frame in by.items():
            if name == alt and (base, rep) in by:
                rows.append({"alternative": alt, "replicate": int(rep),
                             **saving_sources(by[(base, rep)], frame)})
    return pd.DataFrame(rows)


def cumulative_net_saving(base_monthly: pd.DataFrame, alt_monthly: pd.DataFrame) -> pd.Series:
    """Benefit saved less intervention and extra regular-coach cost, cumulated over months
    1..m (wide frames)."""
    saved = base_monthly["benefit_spending_eur"] - alt_monthly["benefit_spending_eur"]
    cost = (alt_monthly["intervention_spending_eur"] - base_monthly["intervention_spending_eur"]
            + alt_monthly["regular_coach_cost_eur"] - base_monthly["regular_coach_cost_eur"])
    net = (saved - cost).loc[lambda x: x.index >= 1]
    return net.cumsum()


def break_even(curve: pd.Series) -> float:
    """First month from which the cumulative net saving stays at or above zero.

    NaN when that does not happen within the horizon (or only in the last month, where it
    cannot be told from noise), and 0 when it never goes below zero.
    """
    values = curve.to_numpy()
    if len(values) == 0 or values[-1] < 0:
        return np.nan
    below = np.flatnonzero(values < 0)
    if len(below) == 0:
        return float(curve.index[0]) if values[0] > 0 else 0.0
    month = float(curve.index[below[-1] + 1])
    return np.nan if month == float(curve.index[-1]) and len(values) > 1 else month


def ratio_ci(numerator, denominator, level: float = 0.95) -> tuple[float, float, float]:
    """Ratio of means with a delta-method interval (paired replicates).

    Used for net cost per extra exit to work: the ratio of mean net cost to mean extra
    exits is stable where the mean of per-replicate ratios is not. NaN when the mean denominator is
    not positive (no extra exits to divide by). When the denominator's own interval
    reaches zero, the ratio's interval is unbounded (Fieller), so the bounds are NaN.
    """
    x, y = np.asarray(numerator, float), np.asarray(denominator, float)
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    n = len(x)
    if n == 0 or y.mean() <= 0:
        return np.nan, np.nan, np.nan
    r = x.mean() / y.mean()
    if n < 2:
        return r, np.nan, np.nan
    t = float(t_quantile(n, level))
    if y.std(ddof=1) > 0 and y.mean() / (y.std(ddof=1) / np.sqrt(n)) <= t:
        return r, np.nan, np.nan
    # Var(mean(x) - r mean(y)) / mean(y)^2
    resid = x - r * y
    se = np.sqrt(resid.var(ddof=1) / n) / y.mean()
    half = t * se
    return r, r - half, r + half


def summarise_pairs(pairs: pd.DataFrame, by: str = "alternative") -> pd.DataFrame:
    """Mean and 95% interval over replicate pairs, per alternative and outcome.

    Differences (and where a saving comes from, when ``pairs`` has it) get t-intervals of
    the mean; ``net_cost_per_extra_exit_to_work_X`` is a ratio of means with a delta-method
    interval.
    """
    rows = []
    for alt, group in pairs.groupby(by, sort=False, observed=True):
        for s in SUFFIXES:
            for name in (*DIFFERENCES, "net_cost_eur", *SAVING_SOURCES):
                col = f"{name}_{s}"
                if col not in group:
                    continue
                mean, lo, hi = mean_ci(group[col])
                rows.append({by: alt, "outcome": col, "mean": mean, "ci_low": lo, "ci_high": hi,
                             "replications": int(group[col].notna().sum())})
            col = f"net_cost_per_extra_exit_to_work_{s}"
            mean, lo, hi = ratio_ci(group[f"net_cost_eur_{s}"], group[f"extra_exits_work_{s}"])
            rows.append({by: alt, "outcome": col, "mean": mean, "ci_low": lo, "ci_high": hi,
                         "replications": int(group[f"net_cost_eur_{s}"].notna().sum())})
    return pd.DataFrame(rows)


# ---- running a comparison ---------------------------------------------------------------------
HEADLINE = ("extra_exits_work_12m", "extra_exits_work_24m", "extra_exits_work_36m",
            "mother_months_saved_total", "benefit_saved_eur_total", "intervention_cost_eur_total",
            "net_cost_per_extra_exit_to_work_total")


def pair_runs(runs: pd.DataFrame, base: str, alternatives: list[str]) -> pd.DataFrame:
    """Per-replicate paired outcomes of each alternative against ``base``."""
    by = {name: g.set_index("replicate") for name, g in runs.groupby("scenario", observed=True)}
    rows = []
    for alt in alternatives:
        for rep in by[base].index.intersection(by[alt].index):
            rows.append({"alternative": alt, "replicate": int(rep),
                         **paired_outcomes(by[base].loc[rep], by[alt].loc[rep])})
    return pd.DataFrame(rows)


def net_saving_curves(wide: pd.DataFrame, base: str, alt: str) -> pd.DataFrame:
    """Cumulative net saving by month (rows) and replicate (columns)."""
    curves = {}
    for rep, g in wide.groupby("replicate"):
        b = g[g.scenario == base].set_index("month")
        a = g[g.scenario == alt].set_index("month")
        curves[rep] = cumulative_net_saving(b, a)
    return pd.DataFrame(curves)


def break_even_summary(curves: pd.DataFrame, level: float = 0.95) -> dict[str, float]:
    """Break-even month of the mean curve, with the months at which the band's upper
    and lower edges break even (earliest and latest plausible month; NaN: not within
    the horizon)."""
    mean = curves.mean(axis=1)
    half = t_half_width(curves.std(axis=1, ddof=1), curves.shape[1], level)
    return {"mean": break_even(mean), "ci_low": break_even(mean + half),
            "ci_high": break_even(mean - half), "replications": int(curves.shape[1])}


class Comparison:
    """Alternatives against a base scenario on common random numbers.

    Attributes:
        result: The underlying runs of every scenario.
        pairs: One row per (alternative, replicate) with the paired differences.
        table: Mean and 95% interval per alternative and outcome, including
            ``break_even_month``.
        curves: Per alternative, cumulative net saving by month and replicate.
        worlds: The comparison in plausible worlds
            (:class:`simulate.worlds.WorldComparison`), or None.
    """

    worlds = None

    def __init__(self, result, base: str, alternatives: list[str]) -> None:
        self.result, self.base, self.alternatives = result, base, alternatives
        wide = result.wide()
        self.pairs = pair_runs(result.runs, base, alternatives)
        if len(self.pairs):
            self.pairs = self.pairs.merge(source_pairs(wide, base, alternatives),
                                          on=["alternative", "replicate"], how="left")
        self.curves = {alt: net_saving_curves(wide, base, alt) for alt in alternatives}
        table = summarise_pairs(self.pairs)
        be = [{"alternative": alt, "outcome": "break_even_month",
               **break_even_summary(self.curves[alt])} for alt in alternatives]
        self.table = pd.concat([table, pd.DataFrame(be), self._reach(wide)], ignore_index=True)

    def _reach(self, wide: pd.DataFrame) -> pd.DataFrame:
        """Mothers reached by each alternative's programmes, and extra exits to work per
        100 of them (a ratio of means with a delta-method interval)."""
        rows: list[dict[str, Any]] = []
        if "programme_reached" not in wide:
            return pd.DataFrame(rows)
        last = int(wide["month"].max())
        for alt in self.alternatives:
            reached = wide[wide.scenario == alt].pivot_table(
                index="month", columns="replicate", values="programme_reached")
            pairs = self.pairs[self.pairs.alternative == alt].set_index("replicate")
            for suffix, month in [*((f"{x}m", x) for x in HORIZONS), ("total", last)]:
                if month > last or reached.empty:
                    continue
                r = reached.loc[month].reindex(pairs.index).to_numpy(dtype=float)
                mean, lo, hi = mean_ci(r)
                rows.append({"alternative": alt, "outcome": f"reached_{suffix}", "mean": mean,
                             "ci_low": lo, "ci_high": hi, "replications": len(r)})
                ratio = [100 * v for v in ratio_ci(pairs[f"extra_exits_work_{suffix}"], r)]
                rows.append({"alternative": alt,
                             "outcome": f"extra_exits_work_per_100_reached_{suffix}",
                             "mean": ratio[0], "ci_low": ratio[1], "ci_high": ratio[2],
                             "replications": len(r)})
        return pd.DataFrame(rows)

    def value(self, alternative: str, outcome: str) -> dict[str, float]:
        row = self.table[(self.table.alternative == alternative) & (self.table.outcome == outcome)]
        return row.iloc[0][["mean", "ci_low", "ci_high"]].to_dict()


def base_differences(base, alternative, horizon: bool = True) -> list[tuple[str, Any, Any]]:
    """What besides its policies and levers sets ``alternative`` apart from ``base``.

    A fair comparison changes only what a municipality chooses: its policies and levers
    (a caseload target, a programme's places), which take effect at month 0 on the
    burned-in world (:meth:`simulate.parameters.Params.world`). The population (size and
    composition), every uncertainty, fact and setting (the general childcare supply
    among them) and the horizon stay the base's. Returns ``(field, alternative's value, base's value)`` for
    each difference, in declaration order (``population.size``,
    ``parameters.job_offer_base``, ``horizon_months``).

    Args:
        horizon: Also compare the scenarios' horizons (not when one horizon is imposed on
            every scenario).
    """
    mine, theirs = alternative.params().values, base.params().values
    out = [(f"{PARAMETERS[k].group}.{k}", mine[k], theirs[k]) for k in theirs
           if mine[k] != theirs[k] and PARAMETERS[k].kind != "lever"]
    if horizon and alternative.horizon_months != base.horizon_months:
        out.append(("horizon_months", alternative.horizon_months, base.horizon_months))
    return out


def compare(base, alternatives, reps: int | None = None, seed: int | None = None,
            months: int | None = None, workers: int = 1, spells: bool = False,
            progress: bool = False, allow_different_base: bool = False,
            worlds: int | None = None, targets=None, fit=None,
            worlds_cache: str | None = None, world_reps: int | None = None,
            max_waves: int | None = None, on_wave=None,
            world_draw: str = "all") -> Comparison:
    """Run ``base`` and each alternative on the same seeds and compare them pairwise.

    Every scenario runs with the base's replications, horizon and seed unless given.

    With ``worlds``, the comparison also runs in that many plausible worlds
    (:mod:`simulate.worlds`) and :attr:`Comparison.worlds` holds its tables: the answer's
    spread over worlds beside the replication interval, the chance of paying back, the
    acceptability curve, and what the answer hinges on.

    Args:
        worlds: Plausible worlds wanted (none: the comparison in the base's world only).
        targets: The targets a world must reproduce (default: the Rotterdam period sample).
        fit: The fit the calibrated parameters are drawn from (a path; default:
            ``simulate/calibration/fitted.yaml``).
        worlds_cache: Where worlds and their runs are kept for later comparisons (default:
            ``results/worlds``).
        world_reps: Replicates per world (default: :data:`simulate.worlds.WORLD_REPS`).
        max_waves: Waves of draws at most (default: :data:`simulate.worlds.MAX_WAVES`).
        on_wave: Called with a line after each wave of worlds.
        world_draw: Which core uncertainties no target fits the worlds draw
            (:data:`simulate.worlds.WORLD_DRAWS`): ``"all"`` (every core uncertainty the
            fit does not draw; the default), ``"fit"`` (none: only the fit's and the
            programmes' parameters, quickest), ``"screened"`` (seven: quicker, but the range
            over worlds leaves out what the others carry) or ``"entry"`` (those and the
            seventeen drawn where a mother enters).

    Raises:
        ValueError: when an alternative differs from the base in more than its policies
            (:func:`base_differences`), unless ``allow_different_base``.
        simulate.worlds.NoPlausibleWorld: when no world drawn reproduces the targets.
    """
    from simulate.runner import run_many

    for alt in alternatives:
        differences = base_differences(base, alt, horizon=months is None)
        if differences and not allow_different_base:
            field, mine, theirs = differences[0]
            raise ValueError(f"{alt.name} differs from the base {base.name} in more than its "
                             f"policies and levers: {field} is {mine!r}, the base's is "
                             f"{theirs!r}")
    reps = base.replications if reps is None else reps
    months = base.horizon_months if months is None else months
    seed = base.seed if seed is None else seed
    in_worlds = None
    if worlds:  # first, so that a comparison with no plausible world fails at once
        in_worlds = WorldsRun(base, worlds, seed, workers, progress, targets, fit,
                              worlds_cache, on_wave, max_waves, world_draw)
    result = run_many([base, *alternatives], reps=reps, seed=seed, months=months,
                      workers=workers, spells=spells, progress=progress)
    comparison = Comparison(result, base.name, [a.name for a in alternatives])
    if in_worlds is not None:
        from simulate.worlds import WORLD_REPS
        comparison.worlds = in_worlds.compare(alternatives, world_reps or WORLD_REPS, months)
    return comparison


class WorldsRun:
    """Plausible worlds of a base (:mod:`simulate.worlds`), found when made, and the
    comparison of alternatives in them.

    Raises:
        simulate.worlds.NoPlausibleWorld: when no world drawn reproduces the targets.
    """

    def __init__(self, base, worlds: int, seed: int, workers: int = 1,
                 progress: bool = False, targets=None, fit=None, cache: str | None = None,
                 on_wave=None, max_waves: int | None = None,
                 world_draw: str = "all") -> None:
        from simulate.calibration.targets import load_targets
        from simulate.worlds import (
            FITTED,
            MAX_WAVES,
            WORLD_DRAWS,
            WorldSettings,
            find_worlds,
            load_fit,
        )

        self.base, self.seed, self.workers, self.progress = base, seed, workers, progress
        if world_draw not in WORLD_DRAWS:
            raise ValueError(f"world_draw must be one of {', '.join(WORLD_DRAWS)}, "
                             f"not {world_draw!r}")
        if targets is None or isinstance(targets, str):
            targets = load_targets(targets)
        targets.check_run(base.horizon_months)
        fitted = load_fit(FITTED if fit is None else fit)
        with self._executor() as executor:
            settings = WorldSettings(worlds=worlds, seed=seed, max_waves=max_waves or MAX_WAVES,
                                     screened=WORLD_DRAWS[world_draw])
            self.found = find_worlds(base, targets, settings,
                                     cache or "results/worlds", fit=fitted, executor=executor,
                                     progress=progress, on_wave=on_wave)

    def _executor(self):
        from simulate.experiments.executors import make_executor
        return make_executor(self.workers)

    def compare(self, alternatives, reps: int, months: int):
        from simulate.worlds import compare_worlds
        with self._executor() as executor:
            return compare_worlds(self.base, alternatives, self.found, reps=reps,
                                  seed=self.seed, months=months, executor=executor,
                                  progress=self.progress)
