"""The shipped grid experiments run end to end, and their results say what they must.

The design points of a grid share their replicates' random streams, so effects between
points are judged on differences paired by replicate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulate.cli.main import main
from tests.conftest import t_interval
from tests.experiments.conftest import EXPERIMENTS


def _sweep(tmp_path, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = tmp_path / name
    assert main(["sweep", str(EXPERIMENTS / f"{name}.yaml"), "--out", str(out),
                 "--workers", "2"]) == 0
    summary = pd.read_csv(out / "summary.csv").set_index("point")
    return summary, pd.read_parquet(out / "runs.parquet")


def _assert_summary_is_of_the_runs(summary, runs, additive, ratios=()) -> None:
    """Each point's summary is the mean and t-interval of its replicates; a cost per
    extra exit is the ratio of the mean net cost to the mean extra exits."""
    for point, group in runs.groupby("point"):
        row = summary.loc[point]
        assert row["replications"] == len(group)
        for output in additive:
            assert np.isclose(row[output], group[output].mean(), rtol=1e-12)
            assert np.allclose([row[f"{output}_ci_low"], row[f"{output}_ci_high"]],
                               t_interval(group[output]), rtol=1e-9), (point, output)
        for output, (cost, exits) in ratios:
            expected = group[cost].mean() / group[exits].mean()
            assert np.isclose(row[output], expected if group[exits].mean() > 0 else np.nan,
                              rtol=1e-12, equal_nan=True), (point, output)


def _paired_steps(runs, across: str, output: str) -> tuple[pd.DataFrame, pd.Series]:
    """Per replicate, the change in ``output`` from each level of ``across`` to the next
    (rows: replicates), and the standard error of each mean change."""
    table = runs.pivot(index="replicate", columns=across, values=output)
    steps = table.diff(axis=1).iloc[:, 1:]
    return steps, steps.std(ddof=1) / np.sqrt(len(steps))


@pytest.mark.slow
def test_smoke_grid(tmp_path):
    """The smoke grid (120 runs) finishes, and more job offers mean more exits to work at
    every regular caseload: each step up in the offer rate raises exits by more than 4
    standard errors."""
    summary, runs = _sweep(tmp_path, "smoke-grid")
    assert len(summary) == 12 and summary["replications"].eq(10).all()
    _assert_summary_is_of_the_runs(summary, runs, ["exits_work_24m", "on_assistance_36m"])
    for caseload, group in runs.groupby("regular_caseload_target"):
        steps, se = _paired_steps(group, "job_offer_base", "exits_work_24m")
        assert (steps.mean() > 4 * se).all(), (caseload, steps.mean().tolist(), se.tolist())


@pytest.mark.slow
def test_caseload_childcare_grid(tmp_path):
    """Every combination of dedicated caseload, reserved places and general childcare
    supply, paired with the baseline. At every caseload, with the declared supply (20 per
    100 mothers), more reserved places never mean fewer extra exits to work (one-sided,
    -2.33 standard errors) and 45 places bring more than none (4 standard errors), at a
    higher net cost (4 standard errors)."""
    summary, runs = _sweep(tmp_path, "caseload-childcare-grid")
    assert len(runs) == 64 * 5 and runs["run"].is_unique
    assert len(summary) == 64 and summary["replications"].eq(5).all()
    ratio = ("net_cost_per_extra_exit_to_work_36m", ("net_cost_eur_36m", "extra_exits_work_36m"))
    _assert_summary_is_of_the_runs(
        summary, runs, ["extra_exits_work_24m", "extra_exits_work_36m", "net_cost_eur_36m",
                        "on_assistance_36m"], [ratio])
    places = "reserved_childcare.places"
    declared = runs[runs["childcare_places_per_100_mothers"] == 20]
    for caseload, group in declared.groupby("dedicated_coaches.caseload"):
        steps, se = _paired_steps(group, places, "extra_exits_work_36m")
        assert (steps.mean() >= -2.33 * se).all(), (caseload, steps.mean().tolist(), se.tolist())
        for output in ("extra_exits_work_36m", "net_cost_eur_36m"):
            table = group.pivot(index="replicate", columns=places, values=output)
            d = table[45] - table[0]
            assert d.mean() > 4 * d.std(ddof=1) / np.sqrt(len(d)), (caseload, output, d.tolist())
