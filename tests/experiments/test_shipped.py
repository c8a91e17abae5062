"""The shipped grid experiments run end to end."""

from __future__ import annotations

import pandas as pd
import pytest

from simulate.cli.main import main
from tests.experiments.conftest import EXPERIMENTS


def test_smoke_grid(tmp_path):
    """The smoke grid (120 runs) finishes, and more job offers mean more exits to work at
    every regular caseload: each step up in the offer rate raises the mean by more than
    4 standard errors of the difference (the replicates share their random streams, so
    the CIs of the two points are an upper bound on the noise of the difference)."""
    out = tmp_path / "smoke"
    assert main(["sweep", str(EXPERIMENTS / "smoke-grid.yaml"), "--out", str(out),
                 "--workers", "2"]) == 0
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == 12 and summary["replications"].eq(10).all()
    for _, group in summary.groupby("regular_caseload_target"):
        g = group.sort_values("job_offer_base")
        se = (g["exits_work_24m_ci_high"] - g["exits_work_24m_ci_low"]) / (2 * 2.262)
        step = g["exits_work_24m"].diff().iloc[1:]
        noise = (se.pow(2) + se.shift().pow(2)).pow(0.5).iloc[1:]
        assert (step > 4 * noise).all(), (step.tolist(), noise.tolist())


@pytest.mark.slow
def test_caseload_childcare_grid(tmp_path):
    out = tmp_path / "grid"
    assert main(["sweep", str(EXPERIMENTS / "caseload-childcare-grid.yaml"), "--out", str(out),
                 "--workers", "2"]) == 0
    runs = pd.read_parquet(out / "runs.parquet")
    assert len(runs) == 16 * 5 and runs["run"].is_unique
    summary = pd.read_csv(out / "summary.csv")
    assert {"net_cost_per_extra_exit_36m", "extra_exits_work_36m_ci_low"} <= set(summary.columns)
