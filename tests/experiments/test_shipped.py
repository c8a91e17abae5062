"""The shipped grid experiments run end to end (slow: whole experiments at full size)."""

from __future__ import annotations

import pandas as pd
import pytest

from simulate.cli.main import main
from tests.conftest import ROOT
from tests.experiments.conftest import EXPERIMENTS

pytestmark = pytest.mark.slow


def test_smoke_grid(tmp_path, capsys):
    out = tmp_path / "smoke"
    assert main(["sweep", str(EXPERIMENTS / "smoke-grid.yaml"), "--out", str(out),
                 "--workers", "2"]) == 0
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == 12 and summary["replications"].eq(10).all()
    # More job offers, more exits to work, at every regular caseload.
    for _, group in summary.groupby("regular_caseload_target"):
        exits = group.sort_values("job_offer_base")["exits_work_24m"]
        assert exits.is_monotonic_increasing


def test_caseload_childcare_grid(tmp_path):
    if not (ROOT / "scenarios" / "combined.yaml").exists():
        pytest.skip("scenarios/combined.yaml (the combined programme) does not exist yet")
    out = tmp_path / "grid"
    assert main(["sweep", str(EXPERIMENTS / "caseload-childcare-grid.yaml"), "--out", str(out),
                 "--workers", "2"]) == 0
    runs = pd.read_parquet(out / "runs.parquet")
    assert len(runs) == 16 * 5 and runs["run"].is_unique
    summary = pd.read_csv(out / "summary.csv")
    assert {"net_cost_per_extra_exit_36m", "extra_exits_work_36m_ci_low"} <= set(summary.columns)
