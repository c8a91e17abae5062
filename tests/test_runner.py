"""Running replicates: identical results whatever the number of workers."""

from __future__ import annotations

import pandas as pd

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
