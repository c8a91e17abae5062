"""Figures of experiment results (plotly). They take tables and return figures.

The simulation never plots; these functions read the tables an experiment writes
(``summary``, ``sobol``, ``morris``, ``convergence``) and return a
:class:`plotly.graph_objects.Figure`. :func:`save_html` writes figures into one offline
HTML file with plotly.js embedded once (no network needed to open it).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from simulate.io import atomic_write

# Lines drawn at most in one sweep figure; beyond this points are drawn without lines.
MAX_LINES = 12


def _interval(frame: pd.DataFrame, output: str) -> dict | None:
    low, high = f"{output}_ci_low", f"{output}_ci_high"
    if low not in frame or frame[low].isna().all():
        return None
    return {"type": "data", "symmetric": False,
            "array": (frame[high] - frame[output]).to_numpy(),
            "arrayminus": (frame[output] - frame[low]).to_numpy()}


def sweep_lines(summary: pd.DataFrame, x: str, output: str,
                by: Sequence[str] = ()) -> go.Figure:
    """Mean of ``output`` (with its interval) against factor ``x``, one line per value of ``by``."""
    fig = go.Figure()
    groups = summary.groupby(list(by), sort=True) if by else [((), summary)]
    many = by and summary.groupby(list(by)).ngroups > MAX_LINES
    for key, group in groups:
        key = key if isinstance(key, tuple) else (key,)
        group = group.sort_values(x)
        name = ", ".join(f"{b}={v}" for b, v in zip(by, key)) or output
        fig.add_trace(go.Scatter(x=group[x], y=group[output], name=name,
                                 mode="markers" if many else "lines+markers",
                                 error_y=_interval(group, output)))
    fig.update_layout(title=output, xaxis_title=x, yaxis_title=output,
                      showlegend=bool(by), template="plotly_white")
    return fig


def sweep_heatmap(summary: pd.DataFrame, x: str, y: str, output: str) -> go.Figure:
    """Mean of ``output`` over a grid of two factors (e.g. two levers)."""
    table = summary.pivot_table(index=y, columns=x, values=output, aggfunc="mean")
    fig = go.Figure(go.Heatmap(z=table.to_numpy(), x=[str(v) for v in table.columns],
                               y=[str(v) for v in table.index], colorbar={"title": output},
                               texttemplate="%{z:.4g}", hovertemplate=(
                                   f"{x}=%{{x}}<br>{y}=%{{y}}<br>{output}=%{{z:.4g}}"
                                   "<extra></extra>")))
    fig.update_layout(title=f"{output} (mean over replicates)", xaxis_title=x, yaxis_title=y,
                      template="plotly_white")
    fig.update_xaxes(type="category")
    fig.update_yaxes(type="category")
    return fig


def sweep_scatter(summary: pd.DataFrame, factors: Sequence[str], output: str) -> go.Figure:
    """Mean of ``output`` at each sampled point against each factor."""
    fig = make_subplots(rows=1, cols=len(factors), shared_yaxes=True,
                        subplot_titles=list(factors))
    for i, factor in enumerate(factors, start=1):
        fig.add_trace(go.Scatter(x=summary[factor], y=summary[output], mode="markers",
                                 marker={"size": 4, "opacity": 0.6}, name=factor,
                                 showlegend=False), row=1, col=i)
    fig.update_layout(title=output, yaxis_title=output, template="plotly_white")
    return fig


def sweep_figure(summary: pd.DataFrame, factors: Sequence[str], output: str,
                 grid: bool = True) -> go.Figure:
    """The natural figure of a sweep: a heatmap over two grid factors, lines otherwise."""
    factors = list(factors)
    if not grid:
        return sweep_scatter(summary, factors, output)
    if len(factors) == 2 and all(pd.api.types.is_numeric_dtype(summary[f]) for f in factors):
        return sweep_heatmap(summary, factors[0], factors[1], output)
    return sweep_lines(summary, factors[0], output, by=factors[1:])


def sobol_figure(indices: pd.DataFrame, output: str) -> go.Figure:
    """First-order and total Sobol indices of one output, as bars with intervals."""
    rows = indices[indices["output"] == output].sort_values("ST", ascending=False)
    fig = go.Figure()
    for index, label in (("S1", "first order (S1)"), ("ST", "total (ST)")):
        fig.add_trace(go.Bar(x=rows["parameter"], y=rows[index], name=label,
                             error_y={"type": "data", "array": rows[f"{index}_conf"]}))
    fig.update_layout(title=f"Sobol indices of {output}", barmode="group",
                      yaxis_title="share of output variance", template="plotly_white")
    return fig


def convergence_figure(convergence: pd.DataFrame, output: str, index: str = "ST") -> go.Figure:
    """An index of every parameter against the number of samples."""
    rows = convergence[convergence["output"] == output]
    conf = f"{index}_conf"
    fig = go.Figure()
    for parameter, group in rows.groupby("parameter", sort=False):
        fig.add_trace(go.Scatter(
            x=group["samples"], y=group[index], name=parameter, mode="lines+markers",
            error_y={"type": "data", "array": group[conf]} if conf in group else None))
    fig.update_layout(title=f"Convergence of {index} for {output}", xaxis_title="samples",
                      yaxis_title=index, template="plotly_white")
    fig.update_xaxes(type="log")
    return fig


def morris_figure(indices: pd.DataFrame, output: str) -> go.Figure:
    """Morris screening of one output: mu* against sigma, one labelled point per parameter."""
    rows = indices[indices["output"] == output]
    fig = go.Figure(go.Scatter(
        x=rows["mu_star"], y=rows["sigma"], mode="markers+text", text=rows["parameter"],
        textposition="top center", error_x={"type": "data", "array": rows["mu_star_conf"]},
        hovertemplate="%{text}<br>mu*=%{x:.4g}<br>sigma=%{y:.4g}<extra></extra>"))
    fig.update_layout(title=f"Morris screening of {output}",
                      xaxis_title="mu* (mean absolute elementary effect)",
                      yaxis_title="sigma (spread: interactions, non-linearity)",
                      template="plotly_white")
    return fig


def save_html(figures: Mapping[str, go.Figure], path: str | Path, title: str) -> Path:
    """Write figures, each under its heading, to one offline HTML file (atomically)."""
    path = Path(path)
    body = []
    for i, (heading, fig) in enumerate(figures.items()):
        body.append(f"<h2>{html.escape(heading)}</h2>")
        body.append(fig.to_html(full_html=False, include_plotlyjs=(i == 0)))
    text = (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
            f"</title></head><body style=\"font-family:sans-serif\"><h1>{html.escape(title)}"
            f"</h1>\n" + "\n".join(body) + "\n</body></html>\n")
    atomic_write(path, text)
    return path
