"""The period sample's rules as joins of tables: the reference the fast version is tested
against (tests/calibration/test_sample.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from simulate.calibration.sample import Window, _empty, _end, _keys


def period_sample_reference(spells: pd.DataFrame, children: pd.DataFrame, window: Window,
                            target_child_age_months: int,
                            pregnancy_known_months: int) -> pd.DataFrame:
    """:func:`simulate.calibration.sample.period_sample` (the same arguments and result),
    its rules written as joins of tables, the way one would check them by hand; the tests
    hold the two equal."""
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
