"""Paired-comparison arithmetic."""

from __future__ import annotations

import numpy as np
import pandas as pd

from simulate.compare import break_even, ratio_ci


def test_break_even_is_the_month_from_which_the_saving_stays_positive():
    curve = pd.Series([-5.0, -3.0, 1.0, -0.5, 2.0, 4.0, 6.0], index=range(1, 8))
    assert break_even(curve) == 5.0
    assert np.isnan(break_even(pd.Series([-5.0, -3.0, -1.0], index=[1, 2, 3])))
    assert break_even(pd.Series([1.0, 2.0], index=[1, 2])) == 1.0
    # Crossing only in the last month cannot be told from noise: not within the horizon.
    assert np.isnan(break_even(pd.Series([-2.0, -1.0, 0.5], index=[1, 2, 3])))


def test_ratio_of_means_interval_covers_a_known_ratio():
    rng = np.random.default_rng(3)
    y = rng.normal(10.0, 2.0, size=400)           # extra exits
    x = 5000.0 * y + rng.normal(0.0, 4000.0, 400)  # net cost, true ratio 5000
    r, lo, hi = ratio_ci(x, y)
    assert lo < 5000.0 < hi and abs(r - 5000.0) < 4 * (hi - lo) / (2 * 1.96)
    assert np.isnan(ratio_ci([1.0, 2.0], [-1.0, -2.0])[0])  # no extra exits: undefined
    # Extra exits not clearly above zero: the interval is unbounded (Fieller), so NaN.
    r, lo, hi = ratio_ci([100.0, 300.0, -50.0, 80.0], [1.0, 2.0, -1.5, 0.8])
    assert not np.isnan(r) and np.isnan(lo) and np.isnan(hi)


def test_one_t_interval_serves_means_bands_and_break_even():
    from simulate.outcomes import mean_ci, t_half_width
    x = np.array([3.0, 5.0, 4.0, 8.0])
    mean, lo, hi = mean_ci(x, level=0.9)
    # t(0.95, 3) = 2.3534 (tables); sd of x = 2.1602
    assert np.isclose(hi - mean, 2.3534 * 2.1602 / 2.0, rtol=1e-4)
    assert np.isclose(mean - lo, hi - mean)
    half = t_half_width(np.array([1.0, 1.0, 2.0]), np.array([1, 10, 10]))
    assert np.isnan(half[0]) and np.isclose(half[1], 2.2622 / np.sqrt(10), rtol=1e-4)
    assert np.isclose(half[2], 2 * half[1])
