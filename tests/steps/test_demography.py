"""Arrivals: women pregnant while on assistance bring their months with them."""

from __future__ import annotations

import numpy as np

from tests.conftest import make_model


def test_transfers_bring_their_months_and_are_not_inflow():
    mean = 12.0
    model = make_model(24, seed=3, size=5000, inflow_transfer_share=0.5,
                       transfer_past_months_mean=mean)
    m, p = model.mothers, model.params
    arrived = np.arange(5000, m.n)
    transfer = m.transfer[arrived]
    past = (m.entry_month[arrived] - m.spell_start[arrived]).astype(float)
    # Returned mothers have a new spell; look at those still in their first one.
    first = m.spell_start[arrived] <= m.entry_month[arrived]
    # No more months on assistance than months since the youngest age of entry.
    adult = 12 * ((m.entry_month[arrived] - m.birth_month[arrived]) / 12 - p.age_min_years)
    assert np.all(past[transfer & first] <= np.maximum(adult[transfer & first], 0) + 1)
    # Where that bound lies far beyond the mean, the months are the exponential's: the
    # floor of an exponential with mean m has mean 1 / (exp(1 / m) - 1).
    sel = past[transfer & first & (adult > 10 * mean)]
    expected = 1 / (np.exp(1 / mean) - 1)
    assert abs(sel.mean() - expected) < 4 * sel.std(ddof=1) / np.sqrt(len(sel))
    # Near the bound they are fewer: the truncation bites.
    young = past[transfer & first & (adult < mean)]
    assert young.mean() < expected
    assert np.all(past[~transfer & first] == 0)
    w = model.record.wide().iloc[1:]
    assert w["inflow_transfer"].sum() == transfer.sum()
    total = w[["inflow_new", "inflow_returning", "inflow_transfer"]].sum().sum()
    assert total - w["returns_of_leavers"].sum() == len(arrived)
