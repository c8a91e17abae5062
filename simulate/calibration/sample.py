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

    Spells and children are matched by sorting rather than by joining tables (a run's
    statistics are computed once per replicate in every calibration, validation and worlds
    filter); tests/calibration/test_sample.py checks it against the same rules written as
    joins of tables.
    """
    keys = _keys(spells)
    first, last = window.first, window.last
    end = _end(spells)
    start = spells["start_month"].to_numpy(dtype=float)
    # Months of each spell inside the window (at some moment on assistance).
    lo, hi = np.maximum(start, first), np.minimum(end, last)
    touching = np.flatnonzero(lo <= hi)
    who, kid_of = _mothers(spells, children, keys)

    # Each touching spell with each child of the same mother (children in table order).
    kids = np.argsort(kid_of, kind="stable")
    a = np.searchsorted(kid_of[kids], who[touching], side="left")
    counts = np.searchsorted(kid_of[kids], who[touching], side="right") - a
    spell = np.repeat(touching, counts)
    child = kids[np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
                 + np.repeat(a, counts)]
    birth = children["birth_month"].to_numpy(dtype=float)[child]
    in_from = np.maximum(lo[spell], birth - pregnancy_known_months)
    in_to = np.minimum(hi[spell], birth + target_child_age_months - 1)
    keep = in_from <= in_to
    if not keep.any():
        return _empty(keys, spells)
    spell, in_from = spell[keep], in_from[keep]

    # Her first month in the sample, and her age then.
    by = np.lexsort((in_from, who[spell]))
    first_of = by[_firsts(who[spell][by])]
    included = who[spell[first_of]]
    at = spell[first_of]
    age = (spells["age_at_start"].to_numpy(dtype=float)[at]
           + (in_from[first_of] - spells["start_month"].to_numpy()[at]) / 12.0)

    # Her spells that touch the window, in order: the first and the last, and whether any
    # had an exemption.
    mine = touching[np.isin(who[touching], included)]
    mine = mine[np.lexsort((start[mine], who[mine]))]
    bounds = _firsts(who[mine])
    entry, latest = mine[bounds], mine[np.append(bounds[1:], len(mine)) - 1]
    exempt = np.logical_or.reduceat(spells["exempt_ever"].to_numpy(dtype=bool)[mine], bounds)
    request = (np.logical_or.reduceat(
        spells["exempt_request_ever"].to_numpy(dtype=bool)[mine], bounds)
        if "exempt_request_ever" in spells else np.zeros(len(bounds), dtype=bool))

    def of(rows: np.ndarray, column: str) -> pd.Series:
        return spells[column].take(rows).reset_index(drop=True)

    at_end = end[latest] > last
    return pd.DataFrame({
        **{k: of(entry, k) for k in keys},
        "on_assistance_at_end": at_end,
        "leaver": ~at_end,
        "exit_reason": of(latest, "exit_reason").where(~at_end),
        "entrant": start[entry] >= first,
        "returning": of(entry, "returning").astype(bool),
        "exempt": exempt,
        "exempt_request": request,
        "barrier_registered_at_entry": of(entry, "barrier_registered_at_entry").astype(bool),
        "education": of(entry, "education"),
        "entry_reason": of(entry, "entry_reason"),
        "age_years": age,
    })


def _mothers(spells: pd.DataFrame, children: pd.DataFrame,
             keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """One number per mother (her key columns), for the rows of ``spells`` and of
    ``children``, in the order of the keys."""
    code = np.zeros(len(spells) + len(children), dtype=np.int64)
    for key in keys:
        both = pd.concat([spells[key], children[key]], ignore_index=True)
        if pd.api.types.is_integer_dtype(both.dtype) and len(both):
            values = both.to_numpy(dtype=np.int64)
            low = values.min()
            values, size = values - low, int(values.max() - low) + 1
        else:
            values, uniques = pd.factorize(both, sort=True)
            size = len(uniques)
        code = code * max(size, 1) + values
    return code[: len(spells)], code[len(spells):]


def _firsts(sorted_codes: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts in ``sorted_codes``."""
    return np.flatnonzero(np.concatenate([[True], sorted_codes[1:] != sorted_codes[:-1]]))


def _empty(keys: list[str], spells: pd.DataFrame) -> pd.DataFrame:
    columns = {k: spells[k].iloc[:0] for k in keys}
    columns.update({name: pd.Series([], dtype=object) for name in SAMPLE_COLUMNS})
    return pd.DataFrame(columns)


def on_at_end(spells: pd.DataFrame, month: int) -> np.ndarray:
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
    on = on_at_end(spells, month)
    if not on.any():
        return float("nan")
    return float(np.mean(month - start[on] + 1 >= months))


def stock(spells: pd.DataFrame, month: int) -> pd.Series | int:
    """Mothers on assistance at the end of ``month``, counted from the spells.

    Returns:
        The count, or a Series of counts by ``scenario``/``replicate`` when the spells
        have those columns.
    """
    on = on_at_end(spells, month)
    groups = [c for c in ("scenario", "replicate") if c in spells.columns]
    if not groups:
        return int(on.sum())
    return pd.Series(on, index=spells.index).groupby(
        [spells[g] for g in groups], observed=True).sum()
