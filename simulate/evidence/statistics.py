"""What an evidence check measures: statistics computed while two worlds run side by side.

An evidence check runs the base scenario and the base with the check's intervention on
the same random numbers, month by month in lockstep. The two worlds are identical until
month 0 (the same mothers, the same burn-in); after it, any difference between them is
the intervention's effect. A statistic watches both worlds and returns one number per
replicate:

- a *paired* statistic is the alternative's value less the base's, computed on the same
  mothers (the trial's population, as far as the model has it), so it is the effect of
  the intervention on them, as a randomised trial would measure it;
- a *level* statistic describes the base alone (an administrative figure such as how many
  exits to work last).

Each statistic is registered by name with the options a check may give
(:data:`STATISTICS`); :func:`make_statistic` builds one from a check's outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from simulate.states import Status

if TYPE_CHECKING:
    from simulate.model import PathwaysModel

DAYS_PER_MONTH = 365.25 / 12


def working(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
    """In paid work: left assistance for a job, or part-time work on assistance."""
    m = model.mothers
    status = m.status[ids]
    return (status == Status.IN_WORK) | ((status == Status.ON_ASSISTANCE) & m.parttime[ids])


def on_assistance(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
    return model.mothers.status[ids] == Status.ON_ASSISTANCE


class Statistic:
    """Base class: watches the base and alternative worlds of one replicate.

    Attributes:
        paired: True for an effect (alternative less base), False for a level of the base.
        horizon_months: Last month the statistic needs.
    """

    paired = True
    horizon_months = 0

    def start(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        """Called at month 0, after the burn-in and the policies' set-up."""

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        """Called after every month of both worlds."""

    def value(self) -> tuple[float, float]:
        """(numerator, denominator) of this replicate: the value is their ratio.

        Most statistics have denominator 1; a ratio (extra working mothers per extra
        place) returns both parts so that the interval over replicates is a ratio of
        means, stable where the mean of per-replicate ratios is not.
        """
        raise NotImplementedError


def _stock(model: PathwaysModel) -> np.ndarray:
    return model.mothers.ids_where(Status.ON_ASSISTANCE)


class _CohortMonths(Statistic):
    """Per mother of the month-0 stock: days in a state over months 1..horizon, alt - base."""

    def __init__(self, horizon_months: int, state: Callable) -> None:
        self.horizon_months = horizon_months
        self.state = state
        self.diff = 0.0

    def start(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        self.ids = _stock(base)

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        if base.month <= self.horizon_months:
            self.diff += float(np.count_nonzero(self.state(alt, self.ids))
                               - np.count_nonzero(self.state(base, self.ids)))

    def value(self) -> tuple[float, float]:
        return self.diff * DAYS_PER_MONTH / max(len(self.ids), 1), 1.0


def _not_working_off_assistance(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
    return ~on_assistance(model, ids) & ~working(model, ids)


class _CohortShareAt(Statistic):
    """Share of the month-0 stock in a state at the horizon, alt - base, in percentage points."""

    def __init__(self, horizon_months: int, state: Callable) -> None:
        self.horizon_months = horizon_months
        self.state = state
        self.result = np.nan

    def start(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        self.ids = _stock(base)

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        if base.month == self.horizon_months:
            n = max(len(self.ids), 1)
            self.result = 100.0 * (np.count_nonzero(self.state(alt, self.ids))
                                   - np.count_nonzero(self.state(base, self.ids))) / n

    def value(self) -> tuple[float, float]:
        return self.result, 1.0


class _NotToWorkShare(Statistic):
    """Of the extra mothers of the month-0 stock off assistance at the horizon, the share
    who are not in paid work: (extra off assistance and not working) / (extra off
    assistance), a ratio over replicates."""

    def __init__(self, horizon_months: int) -> None:
        self.horizon_months = horizon_months
        self.parts = (np.nan, np.nan)

    def start(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        self.ids = _stock(base)

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        if base.month == self.horizon_months:
            def count(model: PathwaysModel, state: Callable) -> float:
                return float(np.count_nonzero(state(model, self.ids)))

            def off(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
                return ~on_assistance(model, ids)
            self.parts = (count(alt, _not_working_off_assistance)
                          - count(base, _not_working_off_assistance),
                          count(alt, off) - count(base, off))

    def value(self) -> tuple[float, float]:
        return self.parts


def _parttime(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
    return on_assistance(model, ids) & model.mothers.parttime[ids]


def _informal_share(model: PathwaysModel) -> float:
    """Of the working mothers whose youngest child needs care: share on informal care."""
    from simulate.steps.childcare import needs_care

    m = model.mothers
    ids = np.flatnonzero(working(model, np.arange(m.n)))
    ids = ids[needs_care(model, ids)]
    if len(ids) == 0:
        return np.nan
    informal = m.informal_care[ids] & (m.childcare_place[ids] < 0)
    return float(np.count_nonzero(informal)) / len(ids)


class _InformalShare(Statistic):
    def __init__(self, horizon_months: int) -> None:
        self.horizon_months = horizon_months
        self.result = np.nan

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        if base.month == self.horizon_months:
            self.result = 100.0 * (_informal_share(alt) - _informal_share(base))

    def value(self) -> tuple[float, float]:
        return self.result, 1.0


class _WorkingPerPlace(Statistic):
    """Extra mothers in work per extra formal place in use, at the horizon."""

    def __init__(self, horizon_months: int) -> None:
        self.horizon_months = horizon_months
        self.parts = (np.nan, np.nan)

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        if base.month == self.horizon_months:
            def count(model: PathwaysModel) -> int:
                return int(np.count_nonzero(working(model, np.arange(model.mothers.n))))
            self.parts = (float(count(alt) - count(base)),
                          float(alt.childcare_occupied().sum() - base.childcare_occupied().sum()))

    def value(self) -> tuple[float, float]:
        return self.parts


class _WorkExitDurability(Statistic):
    """Of the exits to work in months 1..(horizon - after): share in a state ``after`` months
    later (level of the base world)."""

    paired = False

    def __init__(self, horizon_months: int, after_months: int, state: str) -> None:
        if after_months >= horizon_months:
            raise ValueError("after_months must be below horizon_months")
        self.horizon_months = horizon_months
        self.after = after_months
        self.state = state
        self.cohorts: dict[int, np.ndarray] = {}
        self.hits = 0
        self.total = 0

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        m, t = base.mothers, base.month
        if t <= self.horizon_months - self.after:
            n = m.n
            self.cohorts[t] = np.flatnonzero((m.status[:n] == Status.IN_WORK)
                                             & (m.exit_month[:n] == t))
        ids = self.cohorts.pop(t - self.after, None)
        if ids is not None and len(ids):
            if self.state == "employed_without_assistance":
                hit = m.status[ids] == Status.IN_WORK
            else:
                hit = m.status[ids] == Status.ON_ASSISTANCE
            self.hits += int(np.count_nonzero(hit))
            self.total += len(ids)

    def value(self) -> tuple[float, float]:
        return 100.0 * self.hits / self.total if self.total else np.nan, 1.0


def _reached(alt: PathwaysModel) -> np.ndarray:
    """Every mother the alternative's programmes have reached so far."""
    return np.unique(np.concatenate(
        [p.ever_participants(ctx) for p, ctx in alt.policy_contexts()]
        or [np.zeros(0, np.int64)]))


class _ParticipantDays(Statistic):
    """Days in paid work of the programme's participants over the ``after_months`` months
    after they were first reached, less those of the same mothers without the programme, per
    participant (mothers first reached in months 0..enrol_months)."""

    def __init__(self, horizon_months: int, after_months: int, enrol_months: int) -> None:
        if enrol_months + after_months > horizon_months:
            raise ValueError("horizon_months must reach enrol_months plus after_months")
        self.horizon_months = horizon_months
        self.after = after_months
        self.enrol = enrol_months
        self.first = np.zeros(0, dtype=np.int32)   # month first reached, per mother; -1: not
        self.diff = 0.0
        self.count = 0

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        t = base.month
        n = alt.mothers.n
        if len(self.first) < n:
            self.first = np.concatenate(
                [self.first, np.full(n - len(self.first), -1, dtype=np.int32)])
        if t <= self.enrol:
            ids = _reached(alt)
            new = ids[self.first[ids] < 0]
            self.first[new] = t
            self.count += len(new)
        # Everyone reached at most after_months ago and not in her first month.
        since = t - self.first[:n]
        followed = np.flatnonzero((self.first[:n] >= 0) & (since >= 1) & (since <= self.after))
        self.diff += float(np.count_nonzero(working(alt, followed))
                           - np.count_nonzero(working(base, followed)))

    def value(self) -> tuple[float, float]:
        return (self.diff * DAYS_PER_MONTH / self.count if self.count else np.nan), 1.0


class _ParticipantEffect(Statistic):
    """Employment of the alternative's programme participants ``after`` months after they
    were first reached, less the employment of the same mothers in the base world (pp).

    With ``minus_months``, the effect at ``after`` months less the effect at
    ``minus_months`` months (a fading effect is positive).
    """

    def __init__(self, horizon_months: int, after_months: int, enrol_months: int,
                 minus_months: int | None = None) -> None:
        if enrol_months + max(after_months, minus_months or 0) > horizon_months:
            raise ValueError("horizon_months must reach enrol_months plus the later of "
                             "after_months and minus_months")
        self.horizon_months = horizon_months
        self.after = after_months
        self.minus = minus_months
        self.enrol = enrol_months
        self.reached = np.zeros(0, dtype=bool)
        self.cohorts: dict[int, np.ndarray] = {}
        self.sums = {after_months: [0, 0], minus_months: [0, 0]}

    def observe(self, base: PathwaysModel, alt: PathwaysModel) -> None:
        t = base.month
        if t <= self.enrol:
            ids = np.unique(np.concatenate(
                [p.ever_participants(ctx) for p, ctx in alt.policy_contexts()]
                or [np.zeros(0, np.int64)]))
            if len(self.reached) < alt.mothers.n:
                self.reached = np.concatenate(
                    [self.reached, np.zeros(alt.mothers.n - len(self.reached), dtype=bool)])
            new = ids[~self.reached[ids]]
            self.reached[new] = True
            self.cohorts[t] = new
        for k in (self.after, self.minus):
            if k is None:
                continue
            cohort = self.cohorts.get(t - k)
            if cohort is not None and len(cohort):
                self.sums[k][0] += int(np.count_nonzero(working(alt, cohort))
                                       - np.count_nonzero(working(base, cohort)))
                self.sums[k][1] += len(cohort)

    def _effect(self, k: int) -> float:
        diff, n = self.sums[k]
        return 100.0 * diff / n if n else np.nan

    def value(self) -> tuple[float, float]:
        effect = self._effect(self.after)
        if self.minus is not None:
            effect -= self._effect(self.minus)
        return effect, 1.0


@dataclass(frozen=True)
class StatisticSpec:
    """A registered statistic: how to build it, its options and its unit."""

    build: Callable[..., Statistic]
    options: tuple[str, ...]
    unit: str
    doc: str


STATISTICS: dict[str, StatisticSpec] = {
    "days_on_assistance": StatisticSpec(
        lambda horizon_months: _CohortMonths(horizon_months, on_assistance),
        ("horizon_months",), "days per mother",
        "days on assistance over months 1..horizon per mother of the month-0 stock "
        "(alternative less base)"),
    "days_in_work": StatisticSpec(
        lambda horizon_months: _CohortMonths(horizon_months, working),
        ("horizon_months",), "days per mother",
        "days in paid work (a job off assistance, or part-time work on it) per mother of "
        "the month-0 stock"),
    "days_off_assistance_not_working": StatisticSpec(
        lambda horizon_months: _CohortMonths(horizon_months, _not_working_off_assistance),
        ("horizon_months",), "days per mother",
        "days neither on assistance nor in paid work (out of the labour force, or "
        "unemployed without assistance) per mother of the month-0 stock"),
    "employment_rate": StatisticSpec(
        lambda horizon_months: _CohortShareAt(horizon_months, working),
        ("horizon_months",), "percentage points",
        "share of the month-0 stock in paid work at the horizon"),
    "off_assistance_share": StatisticSpec(
        lambda horizon_months: _CohortShareAt(
            horizon_months, lambda m, ids: ~on_assistance(m, ids)),
        ("horizon_months",), "percentage points",
        "share of the month-0 stock not on assistance at the horizon"),
    "outflow_not_to_work_share": StatisticSpec(
        _NotToWorkShare, ("horizon_months",), "share",
        "of the extra mothers of the month-0 stock off assistance at the horizon, the share "
        "not in paid work (above 1 when fewer are in work off assistance)"),
    "parttime_work_share": StatisticSpec(
        lambda horizon_months: _CohortShareAt(horizon_months, _parttime),
        ("horizon_months",), "percentage points",
        "share of the month-0 stock on assistance with part-time work at the horizon"),
    "informal_care_share_of_working": StatisticSpec(
        _InformalShare, ("horizon_months",), "percentage points",
        "of all working mothers whose youngest child needs care, the share relying on "
        "informal care at the horizon"),
    "working_per_extra_place": StatisticSpec(
        _WorkingPerPlace, ("horizon_months",), "mothers per place",
        "extra mothers in paid work per extra formal childcare place in use, at the horizon"),
    "work_exit_durability": StatisticSpec(
        _WorkExitDurability, ("horizon_months", "after_months", "state"), "percent",
        "of exits to work, the share employed without assistance (state "
        "employed_without_assistance) or back on assistance (state on_assistance) "
        "after_months later, in the base"),
    "participant_days_in_work": StatisticSpec(
        _ParticipantDays, ("horizon_months", "after_months", "enrol_months"),
        "days per participant",
        "days in paid work of programme participants over the after_months months after "
        "they were first reached, less those of the same mothers without the programme"),
    "participant_employment_effect": StatisticSpec(
        _ParticipantEffect, ("horizon_months", "after_months", "enrol_months",
                             "minus_months"), "percentage points",
        "employment of programme participants after_months after they were first reached, "
        "less that of the same mothers without the programme; with minus_months, less the "
        "same effect at minus_months"),
}

STATES = ("employed_without_assistance", "on_assistance")


def make_statistic(name: str, options: Mapping[str, Any]) -> Statistic:
    return STATISTICS[name].build(**options)
