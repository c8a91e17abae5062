"""Scalar outcomes of a run and summaries over replications."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from simulate.states import EXIT_REASONS

HORIZONS = (12, 24, 36)
# Columns of a sensitivity table (SALib's names) that hold the half-width of an index's
# confidence interval, with the index they belong to.
INDEX_CONFIDENCE = {"S1_conf": "S1", "ST_conf": "ST", "S2_conf": "S2",
                    "mu_star_conf": "mu_star"}
EXITS = tuple(EXIT_REASONS.values())  # work, study, noncooperation, partner, other
# Every outcome with a horizon is named ``<stem>_<X>m`` for X in HORIZONS and
# ``<stem>_total`` for the whole run.
SUFFIXES = (*(f"{x}m" for x in HORIZONS), "total")
# Outcomes of an experiment's baseline run are its outcomes under this prefix.
BASE_PREFIX = "base."


@dataclass(frozen=True)
class Outcome:
    """A scalar outcome, declared once: what the CLI, the JSON, ``compare`` and the report
    call it and how they show it.

    Attributes:
        stem: Its name; with a horizon, ``<stem>_<X>m`` and ``<stem>_total`` are recorded.
        unit: Unit, in words.
        words, words_nl: What it is, in English and Dutch ("exits to work").
        stock: A level at the horizon ("at 24 months"), not a sum over the months up to it
            ("within 24 months").
        money: An amount in euros.
        better: "higher" or "lower" when a municipality would want it so, "" otherwise.
        horizon: Recorded at every horizon (False for a single figure of the run).
        ratio: For a ratio of two outcomes at the same horizon, their stems (numerator,
            denominator): a mean over replications is the ratio of their means.
    """

    stem: str
    unit: str
    words: str
    words_nl: str
    stock: bool = False
    money: bool = False
    better: str = ""
    horizon: bool = True
    ratio: tuple[str, str] | None = None

    def names(self) -> list[str]:
        """The recorded names: one per horizon suffix, or the stem alone."""
        return [f"{self.stem}_{s}" for s in SUFFIXES] if self.horizon else [self.stem]


# The net cost per extra exit to work is the ratio of these two (at the same horizon).
COST_PER_EXIT = ("net_cost_eur", "extra_exits_work")

DECLARED: tuple[Outcome, ...] = (
    Outcome("exits_work", unit="mothers", better="higher",
            words="exits to work",
            words_nl="uitstroom naar werk"),
    Outcome("exits_study", unit="mothers",
            words="exits to study",
            words_nl="uitstroom naar studie"),
    Outcome("exits_noncooperation", unit="mothers",
            words="stops for non-cooperation",
            words_nl="beëindigingen wegens niet meewerken"),
    Outcome("exits_partner", unit="mothers",
            words="exits to a partner's income",
            words_nl="uitstroom naar een inkomen van de partner"),
    Outcome("exits_other", unit="mothers",
            words="exits for other reasons",
            words_nl="uitstroom om andere redenen"),
    Outcome("exits_all", unit="mothers",
            words="all exits",
            words_nl="alle uitstroom"),
    Outcome("on_assistance", unit="mothers", stock=True, better="lower",
            words="mothers on assistance",
            words_nl="moeders in de bijstand"),
    Outcome("share_on_assistance", unit="share", stock=True, better="lower",
            words="share of the initial stock still on assistance",
            words_nl="aandeel van de beginstand nog in de bijstand"),
    Outcome("mother_months_on_assistance", unit="mother-months", better="lower",
            words="mother-months on assistance",
            words_nl="bijstandsmaanden"),
    Outcome("benefit_spending_eur", unit="EUR", money=True, better="lower",
            words="benefit spending",
            words_nl="uitkeringslasten"),
    Outcome("intervention_spending_eur", unit="EUR", money=True, better="lower",
            words="intervention spending",
            words_nl="kosten van de interventies"),
    Outcome("regular_coach_cost_eur", unit="EUR", money=True, better="lower",
            words="cost of regular coaches",
            words_nl="kosten van de reguliere klantmanagers"),
    Outcome("regular_coach_hours", unit="hours",
            words="hours of regular coaches",
            words_nl="uren van de reguliere klantmanagers"),
    Outcome("extra_exits_work", unit="mothers", better="higher",
            words="extra exits to work",
            words_nl="extra uitstroom naar werk"),
    Outcome("extra_exits_study", unit="mothers",
            words="extra exits to study",
            words_nl="extra uitstroom naar studie"),
    Outcome("extra_exits_noncooperation", unit="mothers",
            words="extra stops for non-cooperation",
            words_nl="extra beëindigingen wegens niet meewerken"),
    Outcome("extra_exits_partner", unit="mothers",
            words="extra exits to a partner's income",
            words_nl="extra uitstroom naar een inkomen van de partner"),
    Outcome("extra_exits_other", unit="mothers",
            words="extra exits for other reasons",
            words_nl="extra uitstroom om andere redenen"),
    Outcome("extra_exits_all", unit="mothers",
            words="extra exits (all destinations)",
            words_nl="extra uitstroom (alle bestemmingen)"),
    Outcome("change_on_assistance", unit="mothers", stock=True, better="lower",
            words="change in mothers on assistance",
            words_nl="verschil in moeders in de bijstand"),
    Outcome("mother_months_saved", unit="mother-months", better="higher",
            words="mother-months on assistance saved",
            words_nl="bespaarde bijstandsmaanden"),
    Outcome("benefit_saved_eur", unit="EUR", money=True, better="higher",
            words="benefit spending saved",
            words_nl="bespaarde uitkeringslasten"),
    Outcome("mother_months_saved_via_work", unit="mother-months",
            words="mother-months saved through exits to work",
            words_nl="bespaarde bijstandsmaanden door uitstroom naar werk"),
    Outcome("mother_months_saved_via_noncooperation", unit="mother-months",
            words="mother-months saved through stops for non-cooperation",
            words_nl="bespaarde bijstandsmaanden door beëindigingen wegens niet meewerken"),
    Outcome("mother_months_saved_via_other_exits", unit="mother-months",
            words="mother-months saved through other exits (study, partner, other)",
            words_nl=("bespaarde bijstandsmaanden door andere uitstroom (studie, partner, "
                      "overig)")),
    Outcome("benefit_saved_via_work_eur", unit="EUR", money=True,
            words="benefit saved through exits to work",
            words_nl="bespaarde uitkeringslasten door uitstroom naar werk"),
    Outcome("benefit_saved_via_noncooperation_eur", unit="EUR", money=True,
            words="benefit saved through stops for non-cooperation",
            words_nl="bespaarde uitkeringslasten door beëindigingen wegens niet meewerken"),
    Outcome("benefit_saved_via_other_exits_eur", unit="EUR", money=True,
            words="benefit saved through other exits (study, partner, other)",
            words_nl=("bespaarde uitkeringslasten door andere uitstroom (studie, partner, "
                      "overig)")),
    Outcome("benefit_saved_via_lower_payments_eur", unit="EUR", money=True,
            words="benefit saved through lower payments to mothers still on assistance",
            words_nl=("bespaarde uitkeringslasten door lagere uitkeringen aan moeders in de "
                      "bijstand")),
    Outcome("intervention_cost_eur", unit="EUR", money=True, better="lower",
            words="intervention cost",
            words_nl="kosten van de interventie"),
    Outcome("net_cost_eur", unit="EUR", money=True, better="lower",
            words="net cost (cost, with any extra regular coaches, minus benefit saved)",
            words_nl=("nettokosten (kosten, met eventuele extra klantmanagers, min "
                      "bespaarde uitkeringen)")),
    Outcome("net_cost_per_extra_exit_to_work", unit="EUR", money=True, better="lower",
            ratio=COST_PER_EXIT,
            words="net cost per extra exit to work",
            words_nl="nettokosten per extra uitstroom naar werk"),
    Outcome("reached", unit="mothers",
            words="mothers reached",
            words_nl="bereikte moeders"),
    Outcome("extra_exits_work_per_100_reached", unit="exits per 100 mothers reached", better="higher",
            words="extra exits to work per 100 mothers reached",
            words_nl="extra uitstroom naar werk per 100 bereikte moeders"),
    Outcome("break_even_month", unit="month", better="lower", horizon=False,
            words="break-even month",
            words_nl="terugverdienmaand"),
)
# The outcomes of a single run (:func:`run_outcomes`), in the order it returns them.
RUN_STEMS = (*(f"exits_{r}" for r in (*EXITS, "all")), "on_assistance", "share_on_assistance",
             "mother_months_on_assistance", "benefit_spending_eur",
             "intervention_spending_eur", "regular_coach_cost_eur", "regular_coach_hours")


@dataclass(frozen=True)
class Named:
    """What a recorded outcome name means: its declaration, its horizon in months (None
    for the whole run or a single figure) and whether it is the baseline's."""

    outcome: Outcome
    months: int | None
    base: bool = False


@functools.cache
def _names() -> dict[str, Named]:
    out: dict[str, Named] = {}
    for o in DECLARED:
        if o.horizon:
            for x in HORIZONS:
                out[f"{o.stem}_{x}m"] = Named(o, x)
            out[f"{o.stem}_total"] = Named(o, None)
    # The whole run's cost per extra exit to work has a short name of its own.
    out["net_cost_per_extra_exit_to_work"] = Named(WHOLE_RUN_COST, None)
    out["break_even_month"] = Named(declared("break_even_month"), None)
    out.update({BASE_PREFIX + k: Named(v.outcome, v.months, True) for k, v in list(out.items())})
    return out


def declared(stem: str) -> Outcome:
    """The declaration of an outcome stem (KeyError if none)."""
    for o in DECLARED:
        if o.stem == stem:
            return o
    raise KeyError(stem)


WHOLE_RUN_COST = Outcome("net_cost_per_extra_exit_to_work", unit="EUR", money=True,
                         better="lower", horizon=False, ratio=COST_PER_EXIT,
                         words="net cost per extra exit to work, whole run",
                         words_nl="nettokosten per extra uitstroom naar werk, hele periode")


def named(name: str) -> Named | None:
    """What a recorded outcome name means, or None for a name no outcome declares."""
    return _names().get(name)


def ratio_parts(name: str) -> tuple[str, str] | None:
    """(numerator, denominator) outcome names of a ratio outcome at its horizon (the whole
    run for a single figure), or None for an outcome that is not a ratio."""
    found = named(name)
    if found is None or found.outcome.ratio is None or found.base:
        return None  # a base run has no paired outcomes, so no ratio of them
    suffix = f"{found.months}m" if found.months else "total"
    numerator, denominator = found.outcome.ratio
    return f"{numerator}_{suffix}", f"{denominator}_{suffix}"


def run_outcome_names() -> list[str]:
    """Every outcome of one run (:func:`run_outcomes`), in its order."""
    return [f"{stem}_{s}" for s in SUFFIXES for stem in RUN_STEMS]


def run_outcomes(wide: pd.DataFrame) -> dict[str, float]:
    """Outcomes of one run from its monthly metrics (one row per month, month 0 first).

    At each horizon X in 12, 24 and 36 months (NaN when the run is shorter), and over the
    whole run (suffix ``total``): cumulative exits by destination over months 1..X,
    mothers on assistance at X, the share of the initial stock on assistance at X,
    mother-months on assistance and spending over months 1..X.

    Every run of a comparison or sweep computes these, so they are read from the
    metrics' arrays (a sum is numpy's over the same contiguous values that pandas sums,
    so the figures are the same to the bit; tests/test_runner.py keeps pandas' version).
    """
    months = wide.index.to_numpy()
    last = int(months.max())
    columns = {name: wide[name].to_numpy() for name in _RUN_METRICS}
    out: dict[str, float] = {}
    for x in HORIZONS:
        out.update(_outcomes_at(months, columns, x, f"{x}m", last))
    out.update(_outcomes_at(months, columns, last, "total", last))
    return out


# The monthly metrics the outcomes of a run read.
_RUN_METRICS = (*(f"exit_{r}" for r in EXITS), "on_assistance", "cohort_on_assistance",
                "benefit_spending_eur", "intervention_spending_eur", "regular_coach_cost_eur",
                "regular_coach_hours")


def _outcomes_at(months: np.ndarray, columns: dict[str, np.ndarray], x: int, suffix: str,
                 last: int) -> dict[str, float]:
    if x > last:
        return {f"{name}_{suffix}": np.nan for name in RUN_STEMS}
    window = (months >= 1) & (months <= x)
    at, start = np.flatnonzero(months == x)[0], np.flatnonzero(months == 0)[0]

    def total(metric: str) -> float:
        # pandas' sum: missing values count as nothing
        return float(np.nansum(columns[metric][window]))

    out = {f"exits_{r}_{suffix}": total(f"exit_{r}") for r in EXITS}
    out[f"exits_all_{suffix}"] = sum(out[f"exits_{r}_{suffix}"] for r in EXITS)
    out[f"on_assistance_{suffix}"] = float(columns["on_assistance"][at])
    stock = float(columns["cohort_on_assistance"][start])  # on assistance at month 0
    out[f"share_on_assistance_{suffix}"] = (float(columns["cohort_on_assistance"][at]) / stock
                                            if stock else np.nan)
    for metric in ("on_assistance", "benefit_spending_eur", "intervention_spending_eur",
                   "regular_coach_cost_eur", "regular_coach_hours"):
        name = "mother_months_on_assistance" if metric == "on_assistance" else metric
        out[f"{name}_{suffix}"] = total(metric)
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


# ---- a comparison over plausible worlds, in words (simulate.worlds) ----------------------------
# Fewer kept worlds than this: some rank correlations will be chance (the report says so).
FEW_WORLDS = 50

def higher_is_better(outcome: str) -> bool:
    """Whether a municipality wants ``outcome`` high (its declaration's ``better``)."""
    found = named(outcome)
    if found is None or found.outcome.better not in ("higher", "lower"):
        raise ValueError(f"{outcome} declares no direction a municipality wants")
    return found.outcome.better == "higher"


def flip_sentence(row: Mapping[str, Any], alternative: str, lang: str = "en",
                  months: int | None = None) -> str:
    """What the answer over plausible worlds is, and what would have to be true for it to
    flip (or, where every world agrees, what moves it most), in words."""
    name, value, share = row["parameter"], row["value"], row["share_good"]
    pays = not higher_is_better(row["outcome"])  # the net cost: whether it pays back
    pct = f"{100 * share:.0f}%"
    flips = name is not None and np.isfinite(value) and 0.0 < share < 1.0
    if lang == "nl":
        alt = f"Het programma ‘{alternative}’"
        what = (f"verdient zich binnen {months} maanden terug" if pays
                else "levert meer uitstroom naar werk op dan de uitgangssituatie")
        most = f"; het meest bepalend is: {name}." if name else "."
        if share == 1.0:
            return f"{alt} {what} in alle plausibele werelden{most}"
        if share == 0.0:
            never = (f"verdient zich in geen enkele plausibele wereld binnen {months} maanden "
                     "terug" if pays else "levert in geen enkele plausibele wereld meer "
                     "uitstroom naar werk op dan de uitgangssituatie")
            return f"{alt} {never}{most}"
        if not flips:
            return (f"{alt} {what} in {pct} van de plausibele werelden; geen enkele onzekere "
                    f"parameter keert dat binnen zijn bereik om{most}")
        side = "boven" if row["good_when"] == "above" else "onder"
        return (f"{alt} {what} in {pct} van de plausibele werelden: als {name} {side} "
                f"{_num(value, lang)} ligt (bereik {_num(row['low'], lang)} tot "
                f"{_num(row['high'], lang)}).")
    what = (f"pays back within {months} months" if pays
            else "gives more exits to work than the base")
    most = f"; what moves it most: {name}." if name else "."
    if share == 1.0:
        return f"{alternative} {what} in every plausible world{most}"
    if share == 0.0:
        never = (f"does not pay back within {months} months in any plausible world" if pays
                 else "gives no more exits to work than the base in any plausible world")
        return f"{alternative} {never}{most}"
    if not flips:
        return (f"{alternative} {what} in {pct} of plausible worlds; no single uncertain "
                f"parameter turns that within its range{most}")
    unless = "below" if row["good_when"] == "above" else "above"
    return (f"{alternative} {what} in {pct} of plausible worlds: it does unless {name} is "
            f"{unless} {_num(value)} (range {_num(row['low'])} to {_num(row['high'])}).")


def _num(x: float, lang: str = "en") -> str:
    """Three significant digits (all digits of a large number), with the language's marks."""
    text = f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "nl" else text
