"""Figures: built from the result tables, saved as one offline HTML file."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from simulate.report import sweep_plots as plots

SUMMARY = pd.DataFrame({
    "point": range(6), "caseload": [20, 20, 40, 40, 80, 80], "places": [0, 30] * 3,
    "exits": [10.0, 14, 12, 16, 13, 18], "exits_ci_low": [8.0, 12, 10, 14, 11, 16],
    "exits_ci_high": [12.0, 16, 14, 18, 15, 20]})
INDICES = pd.DataFrame({"output": "y", "parameter": ["a", "b"], "S1": [0.6, 0.1],
                        "S1_conf": [0.05, 0.02], "ST": [0.7, 0.2], "ST_conf": [0.06, 0.03]})


def test_two_grid_factors_make_a_heatmap_of_the_means():
    fig = plots.sweep_figure(SUMMARY, ["caseload", "places"], "exits")
    assert isinstance(fig, go.Figure) and fig.data[0].type == "heatmap"
    assert fig.data[0].z.tolist() == [[10, 12, 13], [14, 16, 18]]


def test_one_factor_makes_lines_with_intervals():
    one = SUMMARY[SUMMARY["places"] == 0]
    fig = plots.sweep_figure(one, ["caseload"], "exits")
    assert fig.data[0].type == "scatter" and list(fig.data[0].y) == [10, 12, 13]
    lines = plots.sweep_lines(SUMMARY, "caseload", "exits", by=["places"])
    assert [t.name for t in lines.data] == ["places=0", "places=30"]
    assert list(lines.data[1].error_y.array) == [2, 2, 2]


def test_sampled_designs_make_scatter_plots():
    fig = plots.sweep_figure(SUMMARY, ["caseload", "places"], "exits", grid=False)
    assert [t.type for t in fig.data] == ["scatter", "scatter"]


def test_sobol_bars_convergence_and_morris():
    bars = plots.sobol_figure(INDICES, "y")
    assert [t.name for t in bars.data] == ["first order (S1)", "total (ST)"]
    assert list(bars.data[1].error_x.array) == [0.06, 0.03]
    assert list(bars.data[1].x) == [0.7, 0.2]  # largest total index first
    conv = plots.convergence_figure(INDICES.assign(samples=64), "y")
    assert len(conv.data) == 2
    morris = pd.DataFrame({"output": "y", "parameter": ["a"], "mu_star": [2.0],
                           "mu_star_conf": [0.5], "sigma": [1.0]})
    fig = plots.morris_figure(morris, "y")
    assert list(fig.data[0].x) == [2.0] and list(fig.data[0].text) == ["a"]


def test_html_embeds_plotly_once_and_needs_no_network(tmp_path):
    path = plots.save_html({"one": plots.sobol_figure(INDICES, "y"),
                            "two": plots.sobol_figure(INDICES, "y")}, tmp_path / "f.html", "t")
    text = path.read_text()
    assert text.count("plotly.js v") == 1 and "<script src=" not in text
    assert "<h2>one</h2>" in text and "<h2>two</h2>" in text


def test_convergence_axis_is_marked_at_the_sample_sizes_in_numeric_order():
    sizes = [2, 4, 8, 16, 32, 64, 128, 256]
    conv = pd.concat([INDICES.assign(samples=n) for n in sizes[::-1]])
    fig = plots.convergence_figure(conv, "y", lang="nl")
    axis = fig.layout.xaxis
    assert axis.type == "log" and list(axis.tickvals) == sizes
    assert list(axis.ticktext) == [str(n) for n in sizes]


def test_euros_in_a_heatmap_read_as_euros_in_the_report_language():
    summary = SUMMARY.assign(net_cost_eur_36m=SUMMARY["exits"] * 3715.3)
    fig = plots.sweep_figure(summary, ["caseload", "places"], "net_cost_eur_36m", lang="nl",
                             names={"caseload": "caseload per klantmanager"})
    cells = [c for row in fig.data[0].text for c in row]
    assert cells[0] == "€\u00a037.153" and all("e+" not in c for c in cells)
    assert fig.layout.xaxis.title.text == "caseload per klantmanager"
    en = plots.sweep_figure(summary, ["caseload", "places"], "net_cost_eur_36m")
    assert en.data[0].text[0][0] == "EUR\u00a037,153"
