"""`simulate compare`: paired differences, JSON keyed by alternative, outputs."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import stats

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
    assert {"extra_exits_work_12m", "net_cost_per_extra_exit_to_work_total", "break_even_month",
            "mother_months_saved_total", "benefit_saved_eur_total"} <= set(table.outcome)
    assert len(pd.read_parquet(out / "pairs.parquet")) == 4


def test_compare_prints_a_readable_table_that_says_what_changed(tmp_path, capsys):
    base, alt = _files(tmp_path)
    assert main(["compare", str(base), str(alt), "--out", str(tmp_path / "c"), "--reps", "2"]) == 0
    text = capsys.readouterr().out
    for label in ("extra exits to work within 24 months",
                  "net cost per extra exit to work within 24 months (EUR)", "break-even month",
                  "extra stops for non-cooperation within 24 months",
                  "extra exits (all destinations) within 24 months",
                  "change in mothers on assistance at 12 months",
                  "change in mothers on assistance at 24 months"):
        assert label in text, label
    assert "36 months" not in text  # nothing beyond the horizon
    for label in ("mother-months saved through exits to work within 24 months",
                  ("benefit saved through lower payments to mothers still on assistance "
                   "within 24 months (EUR)")):
        assert label in text, label
    # One sentence per alternative on where the saving comes from.
    line = next(x for x in text.splitlines() if x.startswith("places: "))
    assert ("comes from" in line or "comes from several sources" in line
            or "no saving to trace" in line), line


def test_json_says_where_the_saving_comes_from(tmp_path, capsys):
    from simulate.compare import SAVING_SOURCES
    base, alt = _files(tmp_path)
    assert main(["compare", str(base), str(alt), "--out", str(tmp_path / "c"), "--reps", "3",
                 "--json"]) == 0
    entry = json.loads(capsys.readouterr().out)["places"]
    for stem in SAVING_SOURCES:
        for s in ("12m", "24m", "total"):
            value = entry[f"{stem}_{s}"]
            assert value["ci_low"] <= value["mean"] <= value["ci_high"], (stem, s)
    parts = sum(entry[f"benefit_saved_via_{k}_eur_total"]["mean"]
                for k in ("work", "noncooperation", "other_exits", "lower_payments"))
    assert np.isclose(parts, entry["benefit_saved_eur_total"]["mean"], rtol=1e-9)
    source = entry["saving_source"]
    saved = entry["benefit_saved_eur_total"]["mean"]
    shares = source["share_of_benefit_saved"]
    assert set(shares) == {"work", "noncooperation", "other_exits", "lower_payments"}
    if saved > 0:
        assert np.isclose(sum(shares.values()), 1.0)
        assert "saving" in source["sentence"]
    else:
        assert all(v is None for v in shares.values())
        assert source["sentence"].startswith("There is no saving to trace")


def test_json_has_the_change_in_every_destination_and_in_the_number_on_assistance(tmp_path,
                                                                                   capsys):
    base, alt = _files(tmp_path)
    out = tmp_path / "cmp"
    assert main(["compare", str(base), str(alt), "--out", str(out), "--json"]) == 0
    entry = json.loads(capsys.readouterr().out)["places"]
    runs = pd.read_parquet(out / "runs.parquet").set_index(["scenario", "replicate"])
    for outcome, column in [("extra_exits_study_total", "exits_study_total"),
                            ("extra_exits_noncooperation_24m", "exits_noncooperation_24m"),
                            ("extra_exits_all_total", "exits_all_total"),
                            ("change_on_assistance_12m", "on_assistance_12m"),
                            ("change_on_assistance_24m", "on_assistance_24m")]:
        diff = (runs.loc["places", column] - runs.loc["base", column]).to_numpy()
        half = stats.t.ppf(0.975, 3) * diff.std(ddof=1) / 2  # 4 pairs
        assert np.isclose(entry[outcome]["mean"], diff.mean()), outcome
        assert np.isclose(entry[outcome]["ci_high"] - entry[outcome]["mean"], half), outcome


def test_help_says_95_per_cent(capsys):
    assert main(["compare", "--help"]) == 0
    text = capsys.readouterr().out
    assert "95% intervals" in text and "%%" not in text


def _different(tmp_path, body):
    base, _ = _files(tmp_path)
    alt = tmp_path / "other.yaml"
    alt.write_text(f"extends: base.yaml\nname: other\n{body}policies:\n"
                   "  - reserved_childcare: {places: 40}\n")
    return base, alt


@pytest.mark.parametrize("body,field", [
    ("population: {size: 800}\n", "population.size"),
    ("parameters: {job_offer_base: 0.3}\n", "parameters.job_offer_base"),
    ("horizon_months: 12\n", "horizon_months")])
def test_an_alternative_that_differs_from_the_base_beyond_its_policies_is_refused(
        tmp_path, capsys, body, field):
    base, alt = _different(tmp_path, body)
    assert main(["compare", str(base), str(alt), "--out", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"compare error: {alt}: {field}: ")
    assert "--allow-different-base" in err[0]
    assert not (tmp_path / "c").exists()


def test_a_different_horizon_is_fine_when_one_horizon_is_imposed(tmp_path):
    base, alt = _different(tmp_path, "horizon_months: 12\n")
    assert main(["compare", str(base), str(alt), "--out", str(tmp_path / "c"), "--months",
                 "12", "--reps", "2"]) == 0


def test_allowed_different_base_is_said_at_the_top_of_the_report(tmp_path, capsys):
    base, alt = _different(tmp_path, "population: {size: 400}\n")
    out = tmp_path / "c"
    assert main(["compare", str(base), str(alt), "--out", str(out), "--reps", "2",
                 "--months", "12", "--allow-different-base"]) == 0
    err = capsys.readouterr().err
    assert "warning: other differs from the base in more than its policies" in err
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["different_base"] == {"other": [["population.size", 400, 600]]}
    from simulate.report import build_report
    for lang, words in (("en", "Not a like-for-like comparison"),
                        ("nl", "Geen zuivere vergelijking")):
        html = build_report(out, lang=lang)
        first = html.split("</h1>")[1].split("</p>")[0]
        assert 'class="warning"' in first and words in first and "population.size" in first


def test_the_python_api_refuses_an_unfair_base_too(tmp_path):
    from simulate.compare import base_differences, compare
    from simulate.scenario import Scenario
    base, alt = _different(tmp_path, "population: {size: 800}\n")
    b, a = Scenario.from_yaml(base), Scenario.from_yaml(alt)
    assert base_differences(b, a) == [("population.size", 800, 600)]
    with pytest.raises(ValueError, match="population.size"):
        compare(b, [a], reps=1, months=1)
    fair = Scenario.from_yaml(_files(tmp_path)[1])
    assert base_differences(b, fair) == []
