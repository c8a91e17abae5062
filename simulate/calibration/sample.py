"""The period sample: who a Rotterdam-style extract holds, computed from spells and children.

The Rotterdam cohort of 855 is a *period sample*: every woman who, at any moment of a
24-month window, was on assistance while pregnant or with a child under 2. It is not an
inflow cohort: long spells are more likely to touch the window than short ones
(length-biased sampling), so the sample's composition differs from the inflow's.

Everything here is a pure function of two tables a run records
(:attr:`simulate.runner.RunResult.spells` and ``.children``), so it can be checked on a
table written by hand.

Months follow the engine's conventions. A spell with ``start_month`` s and ``end_month`` e
was on assistance at some moment of every month from s to e inclusive (the exit happens
during month e) and at the end of every month from s to e - 1; an open spell (e missing)
runs past the last month. A mother is in the target group in month m when one of her
children has ``birth_month - pregnancy_known_months <= m < birth_month + target age``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Columns of the sample table that targets can refer to, with their meaning.
SAMPLE_COLUMNS: dict[str, str] = {
    "on_assistance_at_end": "on assistance at the end of the window's last month",
    "leaver": "not on assistance at the end of the window (left during it)",
    "exit_reason": "leavers: destination of the last exit (work, study, noncooperation, "
                   "partner, other); empty for the others",
    "entrant": "not on assistance when the window opened: entered during the window",
    "returning": "the spell she entered the window with is a return after an earlier exit",
    "exempt": "an exemption during a spell that touches the window",
    "exempt_request": "an exemption on request (single parent, child under 5) during a spell "
                      "that touches the window",
    "barrier_registered_at_entry": "a coach registered a barrier at the start of the spell "
                                   "she entered the window with",
    "education": "education (no_basic, mbo_or_lower, hbo_wo, other)",
    "entry_reason": "entry reason (student_finance_end, income_loss, relationship_end, other)",
    "age_years": "age in the first month she belongs to the sample",
}


@dataclass(frozen=True)
class Window:
    """The sampling window: months ``first`` to ``last`` inclusive.

    Attributes:
        first: First month of the window.
        last: Last month of the window; "at the end of the window" means the end of it.
    """

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"window ends (month {self.last}) before it starts "
                             f"(month {self.first})")

    @classmethod
    def after_burn_in(cls, burn_in_months: int, window_months: int) -> Window:
        """The window of a run of ``burn_in_months + window_months`` months: its last months."""
        return cls(burn_in_months + 1, burn_in_months + window_months)


def _keys(frame: pd.DataFrame) -> list[str]:
    """Columns that identify a mother: her id within scenario and replicate, if present."""
    return [c for c in ("scenario", "replicate") if c in frame.columns] + ["mother_id"]


def _end(spells: pd.DataFrame) -> np.ndarray:
    """End months as floats, open spells running for ever."""
    return spells["end_month"].astype("Float64").fillna(np.inf).to_numpy(dtype=float)


def period_sample(spells: pd.DataFrame, children: pd.DataFrame, window: Window,
                  target_child_age_months: int, pregnancy_known_months: int) -> pd.DataFrame:
    """The women of a period sample, one row each, with what targets are computed from.

    Args:
        spells: One row per assistance spell (``RunResult.spells``): ``mother_id``,
            ``start_month``, ``end_month`` (missing while open), ``exit_reason``,
            ``returning``, ``exempt_ever``, ``barrier_registered_at_entry``,
            ``education``, ``entry_reason``, ``age_at_start``; optionally ``scenario`` and
            ``replicate``, which then separate independent samples.
        children: ``mother_id`` and ``birth_month`` (or due month) of youngest children
            and known pregnancies (``RunResult.children``), with the same key columns.
        window: The sampling window.
        target_child_age_months: A child under this age puts the mother in the target group.
        pregnancy_known_months: Months before the birth that a pregnancy is known.

    Returns:
        One row per sampled woman: the key columns and :data:`SAMPLE_COLUMNS`, sorted by key.
    """
    keys = _keys(spells)
    first, last = window.first, window.last
    end = _end(spells)
    start = spells["start_month"].to_numpy(dtype=float)
    # Months of each spell inside the window (at some moment on assistance).
    lo, hi = np.maximum(start, first), np.minimum(end, last)
    touching = spells.assign(_lo=lo, _hi=hi, _end=end)[lo <= hi]

    kids = children[[*keys, "birth_month"]]
    pairs = touching.merge(kids, on=keys, how="inner")
    birth = pairs["birth_month"].to_numpy(dtype=float)
    in_from = np.maximum(pairs["_lo"].to_numpy(), birth - pregnancy_known_months)
    in_to = np.minimum(pairs["_hi"].to_numpy(), birth + target_child_age_months - 1)
    qualifying = pairs.assign(_in=in_from)[in_from <= in_to]
    if qualifying.empty:
        return _empty(keys, spells)

    # Age in the first month she belongs to the sample.
    inclusion = qualifying.sort_values([*keys, "_in"], kind="stable").drop_duplicates(keys)
    inclusion = inclusion.assign(
        age_years=inclusion["age_at_start"] + (inclusion["_in"] - inclusion["start_month"]) / 12.0)

    mine = touching.merge(inclusion[keys], on=keys, how="inner").sort_values(
        [*keys, "start_month"], kind="stable")
    entry = mine.drop_duplicates(keys, keep="first").set_index(keys)
    latest = mine.drop_duplicates(keys, keep="last").set_index(keys)
    grouped = mine.groupby(keys, observed=True, sort=True)
    exempt = grouped["exempt_ever"].any()
    request = (grouped["exempt_request_ever"].any() if "exempt_request_ever" in mine
               else exempt & False)

    at_end = latest["_end"] > last
    out = pd.DataFrame({
        "on_assistance_at_end": at_end,
        "leaver": ~at_end,
        "exit_reason": latest["exit_reason"].where(~at_end),
        "entrant": entry["start_month"] >= first,
        "returning": entry["returning"].astype(bool),
        "exempt": exempt.reindex(entry.index).astype(bool),
        "exempt_request": request.reindex(entry.index).astype(bool),
        "barrier_registered_at_entry": entry["barrier_registered_at_entry"].astype(bool),
        "education": entry["education"],
        "entry_reason": entry["entry_reason"],
        "age_years": inclusion.set_index(keys)["age_years"].reindex(entry.index),
    }, index=entry.index)
    return out.sort_index().reset_index()


def _empty(keys: list[str], spells: pd.DataFrame) -> pd.DataFrame:
    columns = {k: spells[k].iloc[:0] for k in keys}
    columns.update({name: pd.Series([], dtype=object) for name in SAMPLE_COLUMNS})
    return pd.DataFrame(columns)


def _on_at_end(spells: pd.DataFrame, month: int) -> np.ndarray:
    """Spells on assistance at the end of ``month`` of mothers in the modelled population
    then (a woman pregnant while on assistance joins it when the pregnancy is known,
    although her spell started earlier)."""
    on = (spells["start_month"].to_numpy() <= month) & (_end(spells) > month)
    if "entry_month" in spells:
        on &= spells["entry_month"].to_numpy() <= month
    return on


def stock_duration_share(spells: pd.DataFrame, month: int, months: int) -> float:
    """Of the mothers on assistance at the end of ``month``, the share whose spell has
    lasted ``months`` or more (counting the month it started); NaN when nobody is on it."""
    start = spells["start_month"].to_numpy()
    on = _on_at_end(spells, month)
    if not on.any():
        return float("nan")
    return float(np.mean(month - start[on] + 1 >= months))


def stock(spells: pd.DataFrame, month: int) -> pd.Series | int:
    """Mothers on assistance at the end of ``month``, counted from the spells.

    Returns:
        The count, or a Series of counts by ``scenario``/``replicate`` when the spells
        have those columns.
    """
    on = _on_at_end(spells, month)
    groups = [c for c in ("scenario", "replicate") if c in spells.columns]
    if not groups:
        return int(on.sum())
    return pd.Series(on, index=spells.index).groupby(
        [spells[g] for g in groups], observed=True).sum()
