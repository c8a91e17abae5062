"""What each intervention adds, in plain words chosen from the numbers.

Every sentence follows the comparison table: whether benefit payments fell or rose (and,
when they fell, where the saving comes from: work, stops for non-cooperation, other exits
or lower payments on assistance), whether time on assistance fell or rose and which exit
destination changed most in that direction, whether there is a cost per extra mother in
work to report, and how sure the break-even month is (hedged whenever its interval
reaches past the horizon). No wording assumes the sign of an effect.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import numpy as np
import pandas as pd
from markupsafe import Markup

from simulate.outcomes import EXITS, HORIZONS
from simulate.report.page import html, num
from simulate.report.text import (
    SOURCES,
    TEXT,
    alike,
    auto,
    missing,
    money,
    number,
    saving_source,
)

Estimate = tuple[float, float, float]


_INDEX: list = [None, {}]   # the comparison table last read, and its rows by key


def value(table: pd.DataFrame, alt: str, outcome: str) -> Estimate:
    """Mean and 95% interval of one outcome of one alternative (NaN when absent)."""
    if _INDEX[0] is None or _INDEX[0]() is not table:
        _INDEX[0] = weakref.ref(table)
        _INDEX[1] = {(a, o): (float(m), float(lo), float(hi)) for a, o, m, lo, hi in zip(
            table.alternative, table.outcome, table["mean"], table.ci_low, table.ci_high)}
    return _INDEX[1].get((alt, outcome), (np.nan, np.nan, np.nan))


def clearly(estimate: Estimate) -> int:
    """+1 when the interval lies above zero, -1 below, 0 when it includes zero (or is
    missing)."""
    _, lo, hi = estimate
    if not missing(lo) and lo > 0:
        return 1
    if not missing(hi) and hi < 0:
        return -1
    return 0


class Sentences:
    """The sentences of one alternative's card, in one language.

    Args:
        table: The comparison table (``alternative, outcome, mean, ci_low, ci_high``).
        alt: The alternative.
        months: The horizon.
        lang: "en" or "nl".
    """

    def __init__(self, table: pd.DataFrame, alt: str, months: int, lang: str) -> None:
        self.table, self.alt, self.months, self.lang = table, alt, months, lang

    def get(self, outcome: str) -> Estimate:
        return value(self.table, self.alt, outcome)

    def tag(self, outcome: str, stat: str, x: float, fmt: Callable,
            flip: bool = False) -> Markup:
        """A number from the table, tagged with its outcome, statistic and value as the
        table holds it; ``flip`` shows it with its sign turned (a size: "95 fewer")."""
        return num(fmt(-x if flip else x, self.lang), alternative=self.alt, outcome=outcome,
                   stat=stat, value=x, shown="negated" if flip else "as is")

    def three(self, outcome: str, fmt: Callable, flip: bool = False) -> dict[str, Markup]:
        """The mean and bounds, tagged; ``flip`` states a negative as its size ("95 fewer",
        from -hi to -lo)."""
        mean, lo, hi = self.get(outcome)
        fmt = alike(fmt, (mean, lo, hi))
        low, high = (("ci_high", hi), ("ci_low", lo)) if flip else (("ci_low", lo),
                                                                     ("ci_high", hi))
        return {"v": self.tag(outcome, "mean", mean, fmt, flip),
                "lo": self.tag(outcome, *low, fmt, flip),
                "hi": self.tag(outcome, *high, fmt, flip)}

    def say(self, key: str, **parts) -> Markup:
        """The text ``key`` with its placeholders filled: plain values escaped, tagged
        numbers kept."""
        return html(TEXT[self.lang][key], **{"m": self.months, **parts})

    # ---- the sentences -----------------------------------------------------------------------
    def reach(self) -> list[Markup]:
        reached = self.get("reached_total")[0]
        if missing(reached):
            return []
        if reached <= 0:
            return [self.say("no_reach")]
        out = [self.say("reached", months=self.months,
                        reached=self.tag("reached_total", "mean", reached, _count))]
        for x in HORIZONS:
            outcome = f"extra_exits_work_per_100_reached_{x}m"
            estimate = self.get(outcome)
            if x > self.months or missing(estimate[0]):
                continue
            sign = clearly(estimate)
            key = {1: "extra_work", -1: "fewer_work", 0: "extra_work_none"}[sign]
            if missing(estimate[1]) or missing(estimate[2]):
                key = "extra_work_unclear"
            out.append(self.say(key, m=x, **self.three(outcome, auto, flip=sign < 0)))
        return out

    def time(self) -> list[Markup]:
        """Time on assistance, and the exit destination that changed most in the direction
        that explains it."""
        outcome = "mother_months_saved_total"
        estimate = self.get(outcome)
        if missing(estimate[0]):
            return []
        sign = clearly(estimate)
        if sign == 0:
            return [html("{}.", self.say("time_same", **self.three(outcome, auto)))]
        text = self.say("time_less" if sign > 0 else "time_more",
                        **self.three(outcome, auto, flip=sign < 0))
        return [html("{}{}.", text, self.reason(more_exits=sign > 0))]

    def reason(self, more_exits: bool) -> Markup:
        """", mainly because N more (fewer) mothers left for ...": the destination whose
        change is largest in the direction of the change in time on assistance."""
        changes = {d: self.get(f"extra_exits_{d}_total") for d in EXITS}
        changes = {d: e for d, e in changes.items() if not missing(e[0])}
        if not changes:
            return Markup("")
        direction = 1 if more_exits else -1
        dest = max(changes, key=lambda d: direction * changes[d][0])
        if direction * changes[dest][0] <= 0:
            return Markup("")
        return self.say("because_more" if more_exits else "because_fewer",
                        dest=TEXT[self.lang][f"verb_{dest}"],
                        **self.three(f"extra_exits_{dest}_total", auto, flip=not more_exits))

    def money_lines(self) -> list[Markup]:
        saved = self.get("benefit_saved_eur_total")
        cost = self.get("intervention_cost_eur_total")[0]
        if missing(saved[0]):
            return []
        benefit_sign = clearly(saved)
        key = {1: "benefit_fell", -1: "benefit_rose", 0: "benefit_unclear"}[benefit_sign]
        out = [self.say(key, cost=self.tag("intervention_cost_eur_total", "mean", cost, money),
                        **self.three("benefit_saved_eur_total", money, flip=benefit_sign < 0))]
        if benefit_sign > 0:
            out.extend(self.source(saved[0]))
        net = self.get("net_cost_eur_total")
        per_exit = self.get("net_cost_per_extra_exit_to_work_total")
        if not missing(net[0]) and net[0] < 0:
            out.append(self.say("saves_money", **self.three("net_cost_eur_total", money,
                                                            flip=True)))
        elif missing(per_exit[0]):
            out.append(self.say("cost_per_exit_na"))
        elif missing(per_exit[1]):
            out.append(self.say("cost_per_exit_unclear", v=self.tag(
                "net_cost_per_extra_exit_to_work_total", "mean", per_exit[0], money)))
        else:
            key = {1: "cost_per_exit", -1: "cost_per_exit_rose",
                   0: "cost_per_exit_plain"}[benefit_sign]
            out.append(self.say(key,
                                **self.three("net_cost_per_extra_exit_to_work_total", money)))
        return out

    def source(self, saved: float) -> list[Markup]:
        """Where the benefit saving comes from: exits to work, stops for non-cooperation,
        other exits or lower payments on assistance (one sentence; the parts are in the
        table of every outcome and the chart of sources). None for a comparison that does
        not have the parts."""
        parts = {k: self.get(f"benefit_saved_via_{k}_eur_total")[0] for k in SOURCES}
        sentence = saving_source(parts, saved, self.lang)
        return [] if sentence is None else [html('<span class="source">{}</span>', sentence)]

    def break_even(self) -> list[Markup]:
        """Break-even month, hedged whenever its interval reaches past the horizon:

        - mean and both bounds within the horizon: "from month v (between lo and hi)";
        - the mean within, the late bound past it: "on average from month v; it could be
          from month lo or not within the horizon";
        - the mean past the horizon, the early bound within: "on average not, but it
          might, from month lo";
        - neither: "not within m months" (or, when benefit payments rose, that it cannot
          pay for itself).
        """
        outcome = "break_even_month"
        mean, lo, hi = self.get(outcome)
        parts = self.three(outcome, _count)
        if missing(mean) and missing(lo):
            rising = clearly(self.get("benefit_saved_eur_total")) < 0
            cost = self.get("intervention_cost_eur_total")[0]
            return [self.say("never_pays" if rising and not missing(cost) and cost > 0
                             else "no_break_even")]
        if missing(mean):
            return [self.say("break_even_maybe", lo=parts["lo"])]
        if missing(hi):
            return [self.say("break_even_open", v=parts["v"], lo=parts["lo"])]
        return [self.say("break_even", **parts)]

    def all(self) -> list[Markup]:
        return [*self.reach(), *self.time(), *self.money_lines(), *self.break_even()]


def _count(x: float, lang: str) -> str:
    return number(x, lang)


def card(table: pd.DataFrame, alt: str, months: int, lang: str, title: str,
         description: str) -> Markup:
    """One alternative's card: its name, description and sentences."""
    items = Markup("").join(html("<li>{}</li>", s)
                            for s in Sentences(table, alt, months, lang).all())
    return html('<div class="card" data-alternative="{}"><h3>{}</h3>{}<ul>{}</ul></div>', alt,
                title, html('<p class="desc">{}</p>', description) if description else "", items)
