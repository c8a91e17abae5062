"""`simulate compare`: paired differences, JSON keyed by alternative, outputs."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from simulate.cli.main import main
from tests.conftest import SCENARIOS, t_interval


def _files(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nname: base\n"
                    "population: {size: 600}\nreplications: 4\nhorizon_months: 24\n")
    alt = tmp_path / "alt.yaml"
    alt.write_text("extends: base.yaml\nname: places\npolicies:\n"
                   "  - reserved_childcare: {places: 40}\n")
    return base, alt


def test_compare_json_matches_the_paired_runs(tmp_path, capsys):
    base, alt = _files(tmp_path)
    out = tmp_path / "cmp"
    assert main(["compare", str(base), str(alt), "--out", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["places"]
    runs = pd.read_parquet(out / "runs.parquet").set_index(["scenario", "replicate"])
    diff = runs.loc["places", "exits_work_24m"] - runs.loc["base", "exits_work_24m"]
    entry = data["places"]
    assert np.isclose(entry["extra_exits_work_24m"]["mean"], diff.mean())
    ci = entry["extra_exits_work_24m"]["ci_low"], entry["extra_exits_work_24m"]["ci_high"]
    assert np.allclose(ci, t_interval(diff), rtol=1e-9)
    cost = runs.loc["places", "intervention_spending_eur_24m"].mean()
    assert np.isclose(entry["intervention_cost_eur_24m"]["mean"], cost)
    be = entry["break_even_month"]
    assert be["horizon_months"] == 24 and be["within_horizon"] == (be["mean"] is not None)
    table = pd.read_parquet(out / "comparison.parquet")
    assert {"extra_exits_work_12m", "net_cost_per_extra_exit_total", "break_even_month",
            "mother_months_saved_total", "benefit_saved_eur_total"} <= set(table.outcome)
    assert len(pd.read_parquet(out / "pairs.parquet")) == 4


def test_compare_prints_a_readable_table(tmp_path, capsys):
    base, alt = _files(tmp_path)
    assert main(["compare", str(base), str(alt), "--out", str(tmp_path / "c"), "--reps", "2"]) == 0
    text = capsys.readouterr().out
    for label in ("extra exits to work, 24 months", "net cost per extra exit to work (EUR)",
                  "break-even month"):
        assert label in text
