"""The HTML report: builds from each kind of output, numbers match, nothing external."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from simulate.cli.main import main
from simulate.report import build_report

URL = re.compile(r"https?://[^\s\"'<>)]+")
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink",
              "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/xmlns/",
              "http://www.w3.org/XML/1998/namespace")


def _numbers(html: str) -> list[dict]:
    spans = re.findall(r'<span class="num" ([^>]*)>', html)
    return [dict(re.findall(r'data-([a-z_]+)="([^"]*)"', s)) for s in spans]


def test_compare_report_numbers_match_the_comparison_table(compare_dir):
    html = build_report(compare_dir)
    table = pd.read_parquet(compare_dir / "comparison.parquet")
    tagged = [n for n in _numbers(html) if "alternative" in n]
    assert len(tagged) > 40
    for n in tagged:
        row = table[(table.alternative == n["alternative"]) & (table.outcome == n["outcome"])]
        assert len(row) == 1, n
        expected = float(row.iloc[0][n["stat"]])
        value = float(n["value"])
        # Sentences may state a saving as the positive of a negative net cost.
        assert (np.isnan(expected) and np.isnan(value)) or np.isclose(abs(value), abs(expected))
    covered = {(n["alternative"], n["outcome"]) for n in tagged}
    for alt in ("places", "combined"):
        for outcome in ("extra_exits_work_per_100_reached_12m", "net_cost_per_extra_exit_total",
                        "break_even_month", "intervention_cost_eur_total"):
            assert (alt, outcome) in covered


def test_report_refers_to_no_other_host(compare_dir):
    html = build_report(compare_dir)
    assert set(URL.findall(html)) <= set(NAMESPACES)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script src" not in html and "@import" not in html


def test_run_report_has_the_outcome_table_and_charts(run_dir):
    html = build_report(run_dir)
    assert html.count('class="chart-box"') == 5
    runs = pd.read_parquet(run_dir / "runs.parquet")
    tagged = {n["outcome"]: float(n["value"]) for n in _numbers(html) if "scenario" in n}
    assert np.isclose(tagged["exits_work_24m"], runs["exits_work_24m"].mean())
    assert np.isclose(tagged["share_on_assistance_36m"], runs["share_on_assistance_36m"].mean())


def test_dutch_report_speaks_dutch_with_dutch_numbers(compare_dir):
    html = build_report(compare_dir, lang="nl")
    assert '<html lang="nl">' in html and "Wat elke interventie oplevert" in html
    assert "Per 100 bereikte moeders" in html or "geen moeders" in html
    euros = re.findall(r"€\u00a0[\d.]+", html)
    assert euros and all("," not in e for e in euros)  # thousands with a dot


def test_assumptions_table_lists_changed_and_assumed_values(compare_dir):
    html = build_report(compare_dir)
    section = html.split('id="assumptions"')[1].split('id="reproduce"')[0]
    assert "peer_groups.childcare_during_sessions" in section  # differs from its default
    from simulate.parameters import PARAMETERS
    lo, hi = PARAMETERS["job_offer_base"].range
    assert "job_offer_base" in section and f"{lo:g} – {hi:g}" in section  # assumed, with range


def test_reproduce_section_has_command_seed_and_version(compare_dir):
    html = build_report(compare_dir)
    section = html.split('id="reproduce"')[1]
    assert "simulate compare" in section and "20250101" in section
    assert "scenario-" not in section or "places" in section


def test_report_cli_writes_the_file_and_refuses_bad_directories(compare_dir, tmp_path, capsys):
    target = tmp_path / "r.html"
    assert main(["report", str(compare_dir), "-o", str(target), "--lang", "nl"]) == 0
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.strip() == str(target.resolve())
    assert main(["report", str(tmp_path / "missing")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(e.startswith("report error: ") for e in err)
    assert main(["report", str(compare_dir), "--lang", "fr"]) == 2


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_text_key_exists_in_both_languages(lang):
    from simulate.report.text import TEXT
    assert set(TEXT[lang]) == set(TEXT["en"])


def test_sweep_report_shows_the_lever_heatmap_and_design_points(sweep_dir):
    html = build_report(sweep_dir)
    summary = pd.read_parquet(sweep_dir / "summary.parquet")
    assert html.count('class="chart-box"') == 2  # one heatmap per output
    assert '"type":"heatmap"' in html.replace(" ", "")
    tagged = [n for n in _numbers(html) if "point" in n]
    assert len(tagged) == 2 * len(summary)
    for n in tagged:
        expected = summary.loc[summary.point == int(n["point"]), n["outcome"]].iloc[0]
        assert np.isclose(float(n["value"]), expected)
    assert "Varied in this experiment: job_offer_base, regular_caseload_target" in html
    assert set(URL.findall(html)) <= set(NAMESPACES)


def test_sensitivity_report_shows_indices_and_drivers(sensitivity_dir):
    html = build_report(sensitivity_dir, lang="nl")
    method = "sobol" if (sensitivity_dir / "sobol.parquet").exists() else "morris"
    indices = pd.read_parquet(sensitivity_dir / f"{method}.parquet")
    assert "hangt het meest af van" in html
    # A chart per output (Sobol adds a convergence chart per output).
    per_output = 2 if method == "sobol" else 1
    assert html.count('class="chart-box"') == per_output * indices.output.nunique()
    top = indices.sort_values("ST" if method == "sobol" else "mu_star").groupby("output").tail(1)
    for param in top.parameter:
        assert param in html
    assert set(URL.findall(html)) <= set(NAMESPACES)


def test_report_refuses_a_directory_as_output_and_damaged_inputs(compare_dir, tmp_path, capsys):
    assert main(["report", str(compare_dir), "-o", str(tmp_path)]) == 2
    import shutil
    broken = tmp_path / "broken"
    shutil.copytree(compare_dir, broken)
    (broken / "scenario-base.yaml").write_text("name: [unclosed\n")
    assert main(["report", str(broken)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(e.startswith("report error: ") for e in err)
