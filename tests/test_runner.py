"""Running replicates: identical results whatever the number of workers."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import simulate
from simulate.outcomes import mean_ci, run_outcomes
from tests.conftest import SCENARIOS


def _scenario(**changes):
    s = simulate.Scenario.from_yaml(SCENARIOS / "baseline.yaml")
    return s.with_values({"size": 400}).with_changes(**changes)


def test_one_or_two_workers_give_identical_frames():
    s = _scenario()
    one = simulate.run(s, reps=3, seed=5, months=12, workers=1)
    two = simulate.run(s, reps=3, seed=5, months=12, workers=2)
    pd.testing.assert_frame_equal(one.monthly, two.monthly)
    pd.testing.assert_frame_equal(one.runs, two.runs)
    pd.testing.assert_frame_equal(one.spells, two.spells)


def test_result_frames_have_the_documented_shape():
    r = simulate.run(_scenario(), reps=2, seed=1, months=13)
    assert list(r.monthly.columns) == ["scenario", "replicate", "month", "metric", "value"]
    needed = {"on_assistance", "inflow_new", "inflow_returning", "exit_work", "exit_study",
              "exit_partner", "exit_noncooperation", "exit_other", "coach_caseload_mean",
              "coach_caseload_max", "childcare_queue", "benefit_spending_eur"}
    assert needed <= set(r.monthly["metric"].unique())
    assert r.monthly["month"].max() == 13 and set(r.monthly["replicate"]) == {0, 1}
    assert len(r.runs) == 2 and {"study_exit_hazard", "exits_work_12m", "seed"} <= set(r.runs)
    assert r.runs["exits_work_24m"].isna().all()  # beyond the horizon
    assert {"mother_id", "start_month", "end_month", "exit_reason", "returning"} <= set(r.spells)
    # Every exit in the monthly counts is a closed spell in the microdata, and vice versa
    # (one count per reason; exit_work's splits by part-time work and the exits by duration
    # count the same exits again).
    reasons = [f"exit_{reason}" for reason in ("work", "study", "partner", "noncooperation",
                                               "other")]
    for rep in (0, 1):
        spells = r.spells[(r.spells.replicate == rep) & r.spells.end_month.notna()]
        exits = r.monthly[(r.monthly.replicate == rep) & r.monthly.metric.isin(reasons)]
        assert len(spells) == exits["value"].sum()


def test_outcomes_are_cumulative_sums_of_the_monthly_flows():
    r = simulate.run(_scenario(), reps=1, seed=3, months=24)
    wide = r.wide().set_index("month")
    out = run_outcomes(wide)
    assert out["exits_work_12m"] == wide.loc[1:12, "exit_work"].sum()
    # The share of the initial stock: of those on assistance at month 0.
    assert wide.loc[0, "cohort_on_assistance"] == wide.loc[0, "on_assistance"]
    assert out["share_on_assistance_24m"] == (wide.loc[24, "cohort_on_assistance"]
                                              / wide.loc[0, "cohort_on_assistance"])
    assert out["on_assistance_24m"] == wide.loc[24, "on_assistance"]
    assert out["exits_all_24m"] == sum(wide.loc[1:24, f"exit_{d}"].sum() for d in
                                       ("work", "study", "partner", "noncooperation", "other"))


def test_mean_ci_covers_a_known_mean():
    # A t-interval from 10 values of a normal sample covers the mean; a fixed sample.
    import numpy as np
    x = np.random.default_rng(0).normal(5.0, 2.0, size=10)
    mean, lo, hi = mean_ci(x)
    assert lo < 5.0 < hi and abs(mean - x.mean()) < 1e-12
    assert np.isnan(mean_ci([1.0])[1])


def _outcomes_with_pandas(wide):
    """The outcomes of a run as pandas computes them (the reference of ``run_outcomes``)."""
    from simulate.outcomes import EXITS, HORIZONS, RUN_STEMS
    last = int(wide.index.max())
    out = {}
    for x, suffix in [*((x, f"{x}m") for x in HORIZONS), (last, "total")]:
        if x > last:
            out.update({f"{name}_{suffix}": float("nan") for name in RUN_STEMS})
            continue
        window = wide.loc[(wide.index >= 1) & (wide.index <= x)]
        part = {f"exits_{r}_{suffix}": float(window[f"exit_{r}"].sum()) for r in EXITS}
        part[f"exits_all_{suffix}"] = sum(part[f"exits_{r}_{suffix}"] for r in EXITS)
        part[f"on_assistance_{suffix}"] = float(wide.at[x, "on_assistance"])
        stock = float(wide.at[0, "cohort_on_assistance"])
        part[f"share_on_assistance_{suffix}"] = (
            float(wide.at[x, "cohort_on_assistance"]) / stock if stock else float("nan"))
        for metric in ("on_assistance", "benefit_spending_eur", "intervention_spending_eur",
                       "regular_coach_cost_eur", "regular_coach_hours"):
            name = "mother_months_on_assistance" if metric == "on_assistance" else metric
            part[f"{name}_{suffix}"] = float(window[metric].sum())
        out.update(part)
    return out


@settings(max_examples=60, deadline=None)
@given(months=st.integers(0, 40), seed=st.integers(0, 2**32 - 1),
       holes=st.floats(0.0, 0.3), stock_zero=st.booleans())
def test_outcomes_are_pandas_sums_to_the_bit(months, seed, holes, stock_zero):
    # Generated monthly metrics (spending in cents with a long tail, missing values,
    # an empty stock): the same figures as pandas' sums, bit for bit.
    import numpy as np

    from simulate.outcomes import _RUN_METRICS
    rng = np.random.default_rng(seed)
    wide = pd.DataFrame({name: rng.lognormal(8, 3, months + 1).round(2)
                         for name in _RUN_METRICS},
                        index=pd.Index(np.arange(months + 1), name="month"))
    wide[[c for c in _RUN_METRICS if c.startswith("exit_")]] = rng.integers(
        0, 50, (months + 1, 5)).astype(float)
    for name in ("benefit_spending_eur", "regular_coach_hours"):
        wide.loc[rng.random(months + 1) < holes, name] = np.nan
    if stock_zero:
        wide.loc[0, "cohort_on_assistance"] = 0.0
    got, want = run_outcomes(wide), _outcomes_with_pandas(wide)
    assert list(got) == list(want)
    np.testing.assert_array_equal(np.array(list(got.values())), np.array(list(want.values())))
