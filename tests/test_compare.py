"""Paired-comparison arithmetic."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

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


ROUTES = ("work", "noncooperation", "study", "partner", "other")


def _months(on, off, benefit) -> pd.DataFrame:
    """Monthly metrics of one run from month 0: on assistance, off it by route, benefit."""
    frame = pd.DataFrame({"on_assistance": on, "benefit_spending_eur": benefit,
                          **{f"off_assistance_{r}": v for r, v in off.items()}})
    frame.index.name = "month"
    return frame


ZERO = [0, 0, 0]


def test_saving_sources_trace_each_month_to_its_route_at_the_base_s_benefit_per_mother():
    from simulate.compare import saving_sources
    # 10 mothers. Base: 10 on assistance (100 each) every month. Alternative: one more
    # leaves for work in month 1, one stopped for non-cooperation in month 2, and those
    # on assistance get 90 (a sanction or earnings).
    base = _months([10, 10, 10], {r: ZERO for r in ROUTES}, [1000.0, 1000.0, 1000.0])
    alt = _months([10, 9, 8], {**{r: ZERO for r in ROUTES}, "work": [0, 1, 1],
                               "noncooperation": [0, 0, 1]}, [1000.0, 810.0, 720.0])
    out = saving_sources(base, alt)
    assert out["mother_months_saved_via_work_total"] == 2.0
    assert out["mother_months_saved_via_noncooperation_total"] == 1.0
    assert out["mother_months_saved_via_other_exits_total"] == 0.0
    assert out["benefit_saved_via_work_eur_total"] == 200.0
    assert out["benefit_saved_via_noncooperation_eur_total"] == 100.0
    # 470 saved in all: 300 by exits, the rest by lower payments on assistance.
    assert out["benefit_saved_via_lower_payments_eur_total"] == 170.0
    assert np.isnan(out["mother_months_saved_via_work_12m"])  # beyond the 2 months run
    # Other worlds with other mothers: nothing can be traced.
    more = _months([11, 10, 9], {**{r: ZERO for r in ROUTES}, "work": [0, 1, 1],
                                 "noncooperation": [0, 0, 1]}, [1100.0, 900.0, 800.0])
    assert all(np.isnan(v) for v in saving_sources(base, more).values())


def test_the_parts_of_a_saving_add_up_exactly_on_a_real_comparison():
    """Both worlds hold the same mothers by id, so the months saved through each route add
    up to the months saved, every replicate and horizon; the benefit parts (with lower
    payments) add up to the benefit saved."""
    from simulate.compare import SAVING_ROUTES, SAVING_SOURCES, compare
    from simulate.scenario import Scenario
    from tests.conftest import SCENARIOS
    small = {"size": 400, "burn_in_months": 12}
    base = Scenario.from_yaml(SCENARIOS / "baseline.yaml").with_values(small)
    alt = Scenario.from_yaml(SCENARIOS / "dedicated-coaches.yaml").with_values(small)
    comparison = compare(base, [alt], reps=3, months=24)
    pairs = comparison.pairs
    for s in ("12m", "24m", "total"):
        months = sum(pairs[f"mother_months_saved_via_{g}_{s}"] for g in SAVING_ROUTES)
        assert (months == pairs[f"mother_months_saved_{s}"]).all()
        euros = pairs[f"benefit_saved_via_lower_payments_eur_{s}"] + sum(
            pairs[f"benefit_saved_via_{g}_eur_{s}"] for g in SAVING_ROUTES)
        assert np.allclose(euros, pairs[f"benefit_saved_eur_{s}"], rtol=1e-12, atol=1e-6)
        assert pairs[f"mother_months_saved_{s}"].abs().sum() > 0  # not trivially zero
    assert pairs["mother_months_saved_via_work_36m"].isna().all()
    table = comparison.table.set_index("outcome")
    for stem in SAVING_SOURCES:
        row = table.loc[f"{stem}_total"]
        assert row["ci_low"] <= row["mean"] <= row["ci_high"] and row["replications"] == 3


_PARTS = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@given(work=_PARTS, noncooperation=_PARTS, other_exits=_PARTS, lower_payments=_PARTS)
def test_the_sentence_on_a_saving_never_quotes_a_share_beyond_the_whole(
        work, noncooperation, other_exits, lower_payments):
    """Where parts cancel out (their sizes add to over 3 times the net saving), shares of
    the saving run to hundreds of percent; the sentence then gives the parts in euros."""
    import re

    from simulate.report.text import saving_source
    parts = {"work": work, "noncooperation": noncooperation, "other_exits": other_exits,
             "lower_payments": lower_payments}
    saved = sum(parts.values())
    for lang in ("en", "nl"):
        text = saving_source(parts, saved, lang)
        assert text
        shares = [float(x.replace(".", "").replace(",", "."))
                  for x in re.findall(r"(\d[\d.,]*)%", text)] if lang == "nl" else [
                  float(x.replace(",", "")) for x in re.findall(r"(\d[\d.,]*)%", text)]
        assert all(x <= 100 * 3 for x in shares), text
        if saved > 0 and sum(map(abs, parts.values())) > 3 * saved:
            assert "%" not in text and ("EUR" in text or "€" in text), text
