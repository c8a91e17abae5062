"""Calibration targets as data: reading a targets file and computing each target's statistic.

A targets file (``simulate/calibration/targets.yaml`` is Rotterdam's) holds the sampling
design of the data (burn-in and window), the settings of validation and calibration, and
the targets. Each target says what was observed, how precisely (sample size or standard
error), where it comes from, how close the model must come (tolerance) and how the
simulated value is computed from the period sample (``statistic``)::

    - name: exit_work
      description: leavers who left for work or other income
      value: 0.25
      sample_size: 394
      tolerance: 0.03
      source: Rotterdam evaluation (2025), cohort of 855
      statistic: {share: {exit_reason: work}, among: leaver}

Statistics:

- ``share: COND`` (optionally ``among: COND``): share of the sampled women meeting COND
  (among those meeting the second). COND is a yes/no column of the sample
  (``exempt``) or a mapping of columns to a value or list of values, all of which must
  match (``{education: [hbo_wo, mbo_or_lower]}``).
- ``mean: COLUMN`` / ``sd: COLUMN`` (optionally ``among``): mean or standard deviation of
  a numeric column (``age_years``).
- ``stock_ratio: MONTH``: mothers on assistance at the end of MONTH relative to the
  initial stock; MONTH is a month of the run, ``horizon`` (the scenario's horizon) or
  ``window_end``.
- ``long_term_share: MONTHS``: of all mothers on assistance at the end of the window (the
  whole modelled population, not only the period sample), the share whose spell has
  lasted MONTHS or more.
- ``metric_share: {numerator: [METRIC, ...], denominator: [METRIC, ...]}``: the sum over
  the window's months of the numerator metrics over that of the denominator metrics
  (monthly metrics of the run, e.g. job starts by kind of childcare).
- ``rate_ratio: {numerator: {events: [...], exposure: [...]}, denominator: {events: [...],
  exposure: [...]}}``: the ratio of two rates over the window, each the sum of its event
  metrics over the sum of its exposure metrics (monthly metrics of the run): how much more
  often part-time workers leave for work than others, or long-term recipients than
  newcomers.
- ``stock_outflow: MONTHS``: the share of the run's month-0 stock not on assistance MONTHS
  months later (the stock's yearly outflow for 12).
- ``metric_total: METRIC`` (or a list of metrics) with ``months: [FIRST, LAST]``: the sum
  of the metrics over months FIRST to LAST of the run, inclusive (a programme's count over
  its period, e.g. ``{metric_total: training_peer_group_new_members, months: [1, 12]}``).
  A policy's metrics are named as the run records them (a labelled instance's prefixed by
  its label); a metric the scenario does not record is refused when validating.

The sample's columns are listed in :data:`simulate.calibration.sample.SAMPLE_COLUMNS`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulate.calibration.sample import (
    SAMPLE_COLUMNS,
    Window,
    on_at_end,
    period_sample,
    stock_duration_share,
)
from simulate.parameters import PARAMETERS
from simulate.schema import InputError, Reader, join, load_yaml, unknown
from simulate.states import EXIT_REASONS, Education, EntryReason

KIND = "targets"
DEFAULT_TARGETS = Path(__file__).with_name("targets.yaml")

TOP_KEYS = ("name", "description", "sampling", "validation", "calibration", "targets")
TARGET_KEYS = ("name", "description", "value", "sample_size", "standard_error", "tolerance",
               "source", "note", "statistic")
KINDS = ("share", "mean", "sd", "stock_ratio", "long_term_share", "metric_share",
         "metric_total", "rate_ratio", "stock_outflow")
RATE_PARTS = ("events", "exposure")
STOCK_MONTHS = ("horizon", "window_end")

# Values each column of the sample can take (None: a number).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "exit_reason": tuple(EXIT_REASONS.values()),
    "education": tuple(e.name.lower() for e in Education),
    "entry_reason": tuple(e.name.lower() for e in EntryReason),
}
NUMERIC = ("age_years",)
BOOLEAN = tuple(c for c in SAMPLE_COLUMNS if c not in CATEGORIES and c not in NUMERIC)


@dataclass(frozen=True)
class Condition:
    """Which sampled women count: every listed column must take one of its values."""

    terms: tuple[tuple[str, tuple[Any, ...]], ...] = ()

    def mask(self, sample: pd.DataFrame) -> np.ndarray:
        keep = np.ones(len(sample), dtype=bool)
        for column, values in self.terms:
            col = sample[column]
            if column in BOOLEAN and values in ((True,), (False,)):
                # A yes/no column read as it is, a category by its code (quicker than isin).
                keep &= col.to_numpy(dtype=bool) == values[0]
            elif isinstance(col.dtype, pd.CategoricalDtype):
                codes = [i for i, c in enumerate(col.cat.categories) if c in values]
                keep &= np.isin(col.cat.codes.to_numpy(), codes)
            else:
                keep &= col.isin(values).to_numpy(dtype=bool)
        return keep

    def text(self) -> str:
        parts = []
        for column, values in self.terms:
            if values == (True,):
                parts.append(column)
            elif values == (False,):
                parts.append(f"not {column}")
            else:
                parts.append(f"{column} in {'/'.join(map(str, values))}")
        return " and ".join(parts) or "all"


class MonthTotals:
    """Sums of one run's monthly metrics over ranges of months: each range's rows and
    columns are read once for every statistic of the run (a statistic is computed per
    replicate in every calibration, validation and plausible-worlds filter)."""

    def __init__(self, monthly: pd.DataFrame) -> None:
        self.monthly = monthly
        self._rows: dict[tuple[int, int], pd.DataFrame] = {}
        self._columns: dict[tuple[int, int, str], np.ndarray] = {}

    def total(self, names: Sequence[str], first: int, last: int) -> float:
        """The sum of metrics ``names`` over months ``first`` to ``last``, inclusive."""
        if (first, last) not in self._rows:
            index = self.monthly.index
            self._rows[(first, last)] = self.monthly.loc[(index >= first) & (index <= last)]
        rows = self._rows[(first, last)]
        columns = []
        for name in names:
            if (first, last, name) not in self._columns:
                self._columns[(first, last, name)] = rows[name].to_numpy()
            columns.append(self._columns[(first, last, name)])
        if all(c.dtype.kind in "iu" for c in columns):
            # Counts: exact in any order.
            return float(sum(int(c.sum()) for c in columns))
        return float(rows[list(names)].to_numpy().sum())


@dataclass(frozen=True)
class Statistic:
    """How a target's simulated value is computed from one replicate.

    Attributes:
        kind: ``share``, ``mean``, ``sd`` or ``stock_ratio``.
        condition: For ``share``: who counts in the numerator.
        column: For ``mean`` and ``sd``: the numeric column.
        among: Who counts in the denominator (every sampled woman by default).
        month: For ``stock_ratio``: a month number, ``horizon`` or ``window_end``; for
            ``long_term_share``: the least spell length in months.
        numerator, denominator: For ``metric_share``: the monthly metrics summed.
        metrics, months: For ``metric_total``: the monthly metrics summed over months
            ``months[0]`` to ``months[1]`` of the run, inclusive.
        rates: For ``rate_ratio``: ((events, exposure) of the numerator's rate, the same of
            the denominator's).
    """

    kind: str
    condition: Condition = field(default_factory=Condition)
    column: str | None = None
    among: Condition = field(default_factory=Condition)
    month: int | str | None = None
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    months: tuple[int, int] | None = None
    rates: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The monthly metrics the statistic reads."""
        rated = tuple(name for events, exposure in self.rates for name in events + exposure)
        outflow = ("cohort_on_assistance",) if self.kind == "stock_outflow" else ()
        return self.numerator + self.denominator + self.metrics + rated + outflow

    @property
    def is_share(self) -> bool:
        """A share (0-1) of people or events: shown in percent."""
        return self.kind in ("share", "long_term_share", "metric_share", "stock_outflow")

    def stock_month(self, horizon_months: int, window: Window) -> int:
        if self.month == "horizon":
            return horizon_months
        if self.month == "window_end":
            return window.last
        return self._month_number()

    def month_range(self) -> tuple[int, int]:
        """First and last month of a ``metric_total``."""
        if self.months is None:
            raise TypeError(f"{self.kind} needs a range of months")
        return self.months

    def _month_number(self) -> int:
        if not isinstance(self.month, int):
            raise TypeError(f"{self.kind} needs a month number, not {self.month!r}")
        return self.month

    def compute(self, sample: pd.DataFrame, spells: pd.DataFrame, size: int,
                horizon_months: int, window: Window,
                monthly: pd.DataFrame | None = None,
                totals: MonthTotals | None = None) -> float:
        """The statistic for one sample (one replicate); NaN when its denominator is empty.
        ``totals`` sums ``monthly`` (:func:`statistics` passes one per replicate, shared by
        its statistics)."""
        if monthly is not None and totals is None:
            totals = MonthTotals(monthly)

        if self.kind == "long_term_share":
            return stock_duration_share(spells, window.last, self._month_number())
        if self.kind == "metric_share":
            if monthly is None:
                raise ValueError("metric_share needs the run's monthly metrics")
            assert totals is not None
            den = totals.total(self.denominator, window.first, window.last)
            num = totals.total(self.numerator, window.first, window.last)
            return num / den if den else math.nan
        if self.kind == "rate_ratio":
            if monthly is None:
                raise ValueError("rate_ratio needs the run's monthly metrics")
            assert totals is not None
            sums = functools.partial(totals.total, first=window.first, last=window.last)

            def rate(events: tuple[str, ...], exposure: tuple[str, ...]) -> float:
                at_risk = sums(exposure)
                return sums(events) / at_risk if at_risk else math.nan

            (top, bottom) = (rate(*self.rates[0]), rate(*self.rates[1]))
            return top / bottom if bottom else math.nan
        if self.kind == "stock_outflow":
            if monthly is None:
                raise ValueError("stock_outflow needs the run's monthly metrics")
            cohort = monthly["cohort_on_assistance"]
            start = float(cohort.loc[0])
            return 1.0 - float(cohort.loc[self._month_number()]) / start if start else math.nan
        if self.kind == "metric_total":
            if monthly is None:
                raise ValueError("metric_total needs the run's monthly metrics")
            assert totals is not None
            return totals.total(self.metrics, *self.month_range())
        if self.kind == "stock_ratio":
            # One replicate's spells: the mothers on assistance then, whatever its keys.
            count = int(on_at_end(spells, self.stock_month(horizon_months, window)).sum())
            return count / size
        among = self.among.mask(sample)
        if not among.any():
            return math.nan
        if self.kind == "share":
            return float(self.condition.mask(sample)[among].mean())
        values = sample[self.column].to_numpy(dtype=float)[among]
        if self.kind == "mean":
            return float(values.mean())
        return float(values.std(ddof=1)) if len(values) > 1 else math.nan

    def text(self) -> str:
        if self.kind == "stock_ratio":
            return f"stock at the end of month {self.month} / initial stock"
        if self.kind == "long_term_share":
            return f"share of the stock at the window's end on assistance {self.month}+ months"
        if self.kind == "metric_total":
            first, last = self.month_range()
            return f"sum of {' + '.join(self.metrics)} over months {first} to {last}"
        if self.kind == "metric_share":
            return (f"sum of {' + '.join(self.numerator)} / sum of "
                    f"{' + '.join(self.denominator)} over the window")
        if self.kind == "rate_ratio":
            (a, b), (c, d) = self.rates
            return (f"({' + '.join(a)} per {' + '.join(b)}) / ({' + '.join(c)} per "
                    f"{' + '.join(d)}) over the window")
        if self.kind == "stock_outflow":
            return f"share of the month-0 stock not on assistance {self.month} months later"
        among = "" if not self.among.terms else f" among {self.among.text()}"
        what = self.condition.text() if self.kind == "share" else self.column
        return f"{self.kind} of {what}{among}"


@dataclass(frozen=True)
class Target:
    """One observed figure the model must reproduce.

    Attributes:
        name: Identifier (unique within the file).
        description: What it is, in words.
        value: The observed value (shares as fractions, 0.539 for 53.9%).
        tolerance: Largest acceptable distance between the simulated mean and ``value``.
        standard_error: Sampling error of ``value``: weighs the target in calibration.
        source: Where the value comes from.
        statistic: How the simulated value is computed.
        sample_size: Women the value is computed from, when published.
        note: Caveats (a coarse source, an unpublished denominator).
    """

    name: str
    description: str
    value: float
    tolerance: float
    standard_error: float
    source: str
    statistic: Statistic
    sample_size: int | None = None
    note: str = ""


@dataclass(frozen=True)
class TargetSet:
    """A targets file: targets plus the sampling design and run settings.

    Attributes:
        burn_in_months: Months simulated before the window, so that the stock's duration
            structure no longer reflects the synthetic initial stock.
        window_months: Length of the sampling window.
        validation_replications, validation_seed: Settings of ``simulate validate``.
        calibration_replications, calibration_seed, calibration_budget_runs,
        calibration_parameters: Settings of ``simulate calibrate``.
    """

    name: str
    description: str
    burn_in_months: int
    window_months: int
    validation_replications: int
    validation_seed: int
    calibration_replications: int
    calibration_seed: int
    calibration_budget_runs: int
    calibration_parameters: tuple[str, ...]
    targets: tuple[Target, ...]
    source: str = "<dict>"

    @property
    def months(self) -> int:
        """Length of a validation run: burn-in plus window."""
        return self.burn_in_months + self.window_months

    @property
    def window(self) -> Window:
        return Window.after_burn_in(self.burn_in_months, self.window_months)

    def names(self) -> list[str]:
        return [t.name for t in self.targets]

    def check_run(self, horizon_months: int) -> None:
        """Refuse stock targets and metric totals at months a validation run does not
        reach."""
        for i, t in enumerate(self.targets):
            if (t.statistic.kind == "metric_total"
                    and t.statistic.month_range()[1] > self.months):
                raise InputError(self.source, f"targets[{i}].statistic.months",
                                 f"month {t.statistic.month_range()[1]} is outside the validation "
                                 f"run (months 0 to {self.months}: burn-in plus window); "
                                 "lengthen sampling.window_months", KIND)
            if (t.statistic.kind == "stock_outflow"
                    and t.statistic._month_number() > self.months):
                raise InputError(self.source, f"targets[{i}].statistic.stock_outflow",
                                 f"month {t.statistic.month} is outside the validation run "
                                 f"(months 0 to {self.months}: burn-in plus window); lengthen "
                                 "sampling.window_months", KIND)
            if t.statistic.kind == "stock_ratio":
                month = t.statistic.stock_month(horizon_months, self.window)
                if not 0 <= month <= self.months:
                    what = (f"the scenario's horizon, month {month},"
                            if t.statistic.month == "horizon" else f"month {month}")
                    raise InputError(self.source, f"targets[{i}].statistic.stock_ratio",
                                     f"{what} is outside the validation run (months 0 to "
                                     f"{self.months}: burn-in plus window); lengthen "
                                     "sampling.burn_in_months", KIND)


    def check_metrics(self, recorded: Iterable[str], scenario: str) -> None:
        """Refuse targets on monthly metrics that a run of the scenario does not record."""
        recorded = list(recorded)
        for i, t in enumerate(self.targets):
            for name in t.statistic.names:
                if name not in recorded:
                    raise InputError(self.source, f"targets[{i}].statistic", unknown(
                        name, recorded, f"monthly metric of {scenario}"), KIND)


def statistics(targets: TargetSet, spells: pd.DataFrame, children: pd.DataFrame, *,
               size: int, horizon_months: int, target_child_age_months: int,
               pregnancy_known_months: int,
               monthly: pd.DataFrame | None = None) -> dict[str, float]:
    """Every target's simulated value for one replicate's spells and children.

    Args:
        targets: The targets and the sampling design.
        spells, children: One replicate's microdata (``RunResult.spells``, ``.children``).
        size: Initial stock, the denominator of stock ratios.
        horizon_months: The scenario's horizon (for ``stock_ratio: horizon``).
        target_child_age_months, pregnancy_known_months: Who is in the target group.
        monthly: The replicate's monthly metrics (one row per month), for
            ``metric_share`` targets.

    Returns:
        Target name to value; ``period_sample_women`` holds the sample's size.
    """
    sample = period_sample(spells, children, targets.window, target_child_age_months,
                           pregnancy_known_months)
    totals = None if monthly is None else MonthTotals(monthly)
    out = {t.name: t.statistic.compute(sample, spells, size, horizon_months, targets.window,
                                       monthly, totals)
           for t in targets.targets}
    out["period_sample_women"] = float(len(sample))
    return out


# ---- reading ----------------------------------------------------------------------------
def load_targets(path: str | Path | None = None) -> TargetSet:
    """Read and check a targets file (Rotterdam's when ``path`` is None).

    Raises:
        InputError: naming the file, the field and what is allowed.
    """
    path = DEFAULT_TARGETS if path is None else Path(path)
    return targets_from_dict(load_yaml(path, KIND), str(path))


def targets_from_dict(data: Any, source: str = "<dict>") -> TargetSet:
    r = Reader(source, KIND)
    data = r.mapping(data, "")
    if not data:
        raise r.error("", "the targets file is empty; it needs 'targets' and 'sampling'")
    r.known_keys(data, TOP_KEYS, "")
    sampling = r.mapping(r.required(data, "sampling", ""), "sampling")
    r.known_keys(sampling, ("burn_in_months", "window_months"), "sampling")
    validation = r.mapping(data.get("validation"), "validation")
    r.known_keys(validation, ("replications", "seed"), "validation")
    calibration = r.mapping(data.get("calibration"), "calibration")
    r.known_keys(calibration, ("replications", "seed", "budget_runs", "parameters"),
                 "calibration")

    # Checked in the order of the file: sampling and settings, then the targets.
    burn_in = r.integer(r.required(sampling, "burn_in_months", "sampling"),
                        "sampling.burn_in_months", 0, 1200)
    window = r.integer(r.required(sampling, "window_months", "sampling"),
                       "sampling.window_months", 1, 600)
    settings: dict[str, Any] = {
        "validation_replications": r.integer(validation.get("replications", 40),
                                             "validation.replications", 2, 100_000),
        "validation_seed": r.integer(validation.get("seed", 0), "validation.seed", 0,
                                     2**63 - 1),
        "calibration_replications": r.integer(calibration.get("replications", 8),
                                              "calibration.replications", 1, 100_000),
        "calibration_seed": r.integer(calibration.get("seed", 0), "calibration.seed", 0,
                                      2**63 - 1),
        "calibration_budget_runs": r.integer(calibration.get("budget_runs", 1000),
                                             "calibration.budget_runs", 1, 10_000_000),
    }
    params = calibration.get("parameters")
    settings["calibration_parameters"] = (
        check_parameters(r, r.sequence(params, "calibration.parameters"),
                         "calibration.parameters") if params is not None else ())

    items = r.sequence(r.required(data, "targets", ""), "targets")
    if not items:
        raise r.error("targets", "lists no targets; give at least one")
    targets = tuple(_read_target(r, item, f"targets[{i}]") for i, item in enumerate(items))
    seen: set[str] = set()
    for i, t in enumerate(targets):
        if t.name in seen:
            raise r.error(f"targets[{i}].name", f"{t.name!r} is used twice; names must differ")
        seen.add(t.name)

    return TargetSet(
        name=r.text(data.get("name", Path(source).stem), "name"),
        description=r.text(data.get("description", ""), "description", allow_empty=True),
        burn_in_months=burn_in, window_months=window, targets=targets, source=source,
        **settings)


def check_parameters(r: Reader, names: list, field: str) -> tuple[str, ...]:
    """Names of real-valued declared parameters with a plausible range, without repeats."""
    out: list[str] = []
    for i, name in enumerate(names):
        where = f"{field}[{i}]"
        name = r.text(name, where)
        if name not in PARAMETERS:
            raise r.error(where, unknown(name, list(PARAMETERS), "parameter"))
        p = PARAMETERS[name]
        if p.type is not float or p.range is None or p.range[0] == p.range[1]:
            raise r.error(where, f"{name} cannot be calibrated: only real-valued parameters "
                                 "with a plausible range of some width can")
        if name in out:
            raise r.error(where, f"{name} is listed twice")
        out.append(name)
    return tuple(out)


def _read_target(r: Reader, item: Any, where: str) -> Target:
    data = r.mapping(item, where)
    r.known_keys(data, TARGET_KEYS, where)
    name = r.text(r.required(data, "name", where), join(where, "name"))
    statistic = _read_statistic(r, r.required(data, "statistic", where),
                                join(where, "statistic"))
    high = 1.0 if statistic.is_share else None
    value = r.number(r.required(data, "value", where), join(where, "value"), 0.0, high)
    tolerance = r.number(r.required(data, "tolerance", where), join(where, "tolerance"), 0.0)
    if tolerance == 0.0:
        raise r.error(join(where, "tolerance"), "must be above 0")
    size = data.get("sample_size")
    size = None if size is None else r.integer(size, join(where, "sample_size"), 1)
    se = data.get("standard_error")
    if se is not None:
        se = r.number(se, join(where, "standard_error"), 0.0)
        if se == 0.0:
            raise r.error(join(where, "standard_error"), "must be above 0")
    elif statistic.is_share and size is not None:
        # Binomial sampling error, kept away from zero for shares near 0 or 1.
        se = math.sqrt(max(value * (1.0 - value), 1.0 / size) / size)
    else:
        raise r.error(where, "needs 'standard_error' (or, for a share, 'sample_size') to "
                             "weigh it in calibration")
    return Target(
        name=name,
        description=r.text(data.get("description", name), join(where, "description")),
        value=value, tolerance=tolerance, standard_error=se,
        source=r.text(r.required(data, "source", where), join(where, "source")),
        statistic=statistic, sample_size=size,
        note=r.text(data.get("note", ""), join(where, "note"), allow_empty=True))


def _read_statistic(r: Reader, value: Any, where: str) -> Statistic:
    data = r.mapping(value, where)
    kinds = [k for k in KINDS if k in data]
    if len(kinds) != 1:
        raise r.error(where, "give exactly one of " + ", ".join(KINDS)
                      + " (e.g. {share: exempt} or {mean: age_years})")
    kind = kinds[0]
    alone = kind in ("stock_ratio", "long_term_share", "metric_share", "rate_ratio",
                     "stock_outflow")
    if kind == "metric_total":
        r.known_keys(data, (kind, "months"), where)
        return Statistic(kind, metrics=_read_metrics(r, data[kind], join(where, kind)),
                         months=_read_months(r, r.required(data, "months", where),
                                             join(where, "months")))
    r.known_keys(data, (kind,) if alone else (kind, "among"), where)
    if kind in ("long_term_share", "stock_outflow"):
        return Statistic(kind, month=r.integer(data[kind], join(where, kind), 1, 1200))
    if kind == "rate_ratio":
        spec = r.mapping(data[kind], join(where, kind))
        r.known_keys(spec, ("numerator", "denominator"), join(where, kind))
        rates = []
        for part in ("numerator", "denominator"):
            here = join(join(where, kind), part)
            rate = r.mapping(r.required(spec, part, join(where, kind)), here)
            r.known_keys(rate, RATE_PARTS, here)
            rates.append(tuple(_read_metrics(r, r.required(rate, name, here), join(here, name),
                                             listed=True) for name in RATE_PARTS))
        return Statistic(kind, rates=tuple(rates))  # type: ignore[arg-type]
    if kind == "metric_share":
        spec = r.mapping(data[kind], join(where, kind))
        r.known_keys(spec, ("numerator", "denominator"), join(where, kind))
        parts = {part: _read_metrics(r, r.required(spec, part, join(where, kind)),
                                     join(join(where, kind), part), listed=True)
                 for part in ("numerator", "denominator")}
        return Statistic(kind, numerator=parts["numerator"], denominator=parts["denominator"])
    among = _read_condition(r, data.get("among"), join(where, "among"), allow_empty=True)
    if kind == "stock_ratio":
        month = data[kind]
        if isinstance(month, str):
            month = r.choice(month, join(where, kind), STOCK_MONTHS)
        else:
            month = r.integer(month, join(where, kind), 0)
        return Statistic(kind, month=month)
    if kind == "share":
        return Statistic(kind, condition=_read_condition(r, data[kind], join(where, kind)),
                         among=among)
    column = r.text(data[kind], join(where, kind))
    if column not in NUMERIC:
        raise r.error(join(where, kind), unknown(column, list(NUMERIC), "numeric column"))
    return Statistic(kind, column=column, among=among)


def _read_metrics(r: Reader, value: Any, where: str, listed: bool = False) -> tuple[str, ...]:
    """Names of monthly metrics: the model's own, or a policy's as a run records it (a
    labelled instance's prefixed by its label). Which of them a scenario records is checked
    when the targets meet it (:meth:`TargetSet.check_metrics`)."""
    names = r.sequence(value, where) if listed or not isinstance(value, str) else [value]
    if not names:
        raise r.error(where, "lists no metrics")
    for i, name in enumerate(names):
        r.text(name, f"{where}[{i}]" if listed or not isinstance(value, str) else where)
    return tuple(names)


def _read_months(r: Reader, value: Any, where: str) -> tuple[int, int]:
    months = r.sequence(value, where)
    if len(months) != 2:
        raise r.error(where, "give two months, [FIRST, LAST] (months of the run, inclusive)")
    first = r.integer(months[0], f"{where}[0]", 0, 1200)
    last = r.integer(months[1], f"{where}[1]", 0, 1200)
    if last < first:
        raise r.error(where, f"ends (month {last}) before it starts (month {first})")
    return first, last


def _read_condition(r: Reader, value: Any, where: str, allow_empty: bool = False) -> Condition:
    if value is None and allow_empty:
        return Condition()
    if isinstance(value, str):
        value = {value: True}
    data = r.mapping(value, where)
    if not data:
        raise r.error(where, "needs a column, e.g. 'exempt' or {education: hbo_wo}")
    terms = []
    for column, wanted in data.items():
        field_ = join(where, column)
        if column not in SAMPLE_COLUMNS or column in NUMERIC:
            allowed = [c for c in SAMPLE_COLUMNS if c not in NUMERIC]
            raise r.error(field_, unknown(column, allowed, "column of the period sample"))
        wanted = wanted if isinstance(wanted, list) else [wanted]
        if not wanted:
            raise r.error(field_, "lists no values")
        values: tuple[Any, ...]
        if column in CATEGORIES:
            values = tuple(r.choice(v, field_, CATEGORIES[column]) for v in wanted)
        else:
            values = tuple(r.boolean(v, field_) for v in wanted)
        terms.append((column, values))
    return Condition(tuple(terms))


def describe_targets(targets: TargetSet) -> list[Mapping[str, Any]]:
    """The targets as rows (for documentation and reports)."""
    return [{"target": t.name, "description": t.description, "value": t.value,
             "sample_size": t.sample_size, "standard_error": t.standard_error,
             "tolerance": t.tolerance, "statistic": t.statistic.text(), "source": t.source,
             "note": t.note} for t in targets.targets]
