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

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from simulate.io import atomic_write
from simulate.report.text import TEXT, decimal, format_value, is_money, wrap

# Lines drawn at most in one sweep figure; beyond this points are drawn without lines.
MAX_LINES = 12
# Morris points labelled by name (the largest mu*; more would overlap); the others are
# named on hover.
MORRIS_LABELS = 6


def _words(names: Mapping[str, str] | None, key: str) -> str:
    return (names or {}).get(key, key)


def _separators(fig: go.Figure, lang: str) -> go.Figure:
    fig.update_layout(template="plotly_white", separators=",." if lang == "nl" else ".,")
    return fig


def _money_axis(fig: go.Figure, output: str, lang: str, axis: str = "y") -> None:
    if is_money(output):
        update = fig.update_yaxes if axis == "y" else fig.update_xaxes
        update(tickformat=",.0f", tickprefix="€ " if lang == "nl" else "EUR ")


def _interval(frame: pd.DataFrame, output: str) -> dict | None:
    low, high = f"{output}_ci_low", f"{output}_ci_high"
    if low not in frame or frame[low].isna().all():
        return None
    return {"type": "data", "symmetric": False,
            "array": (frame[high] - frame[output]).to_numpy(),
            "arrayminus": (frame[output] - frame[low]).to_numpy()}


def sweep_lines(summary: pd.DataFrame, x: str, output: str, by: Sequence[str] = (),
                lang: str = "en", names: Mapping[str, str] | None = None) -> go.Figure:
    """Mean of ``output`` (with its interval) against factor ``x``, one line per value of ``by``.

    Args:
        lang: Language of the labels and numbers ("en" or "nl").
        names: Outputs and factors in words, by name (names are shown where missing).
    """
    fig = go.Figure()
    groups = summary.groupby(list(by), sort=True) if by else [((), summary)]
    many = by and summary.groupby(list(by)).ngroups > MAX_LINES
    for key, group in groups:
        key = key if isinstance(key, tuple) else (key,)
        group = group.sort_values(x)
        name = (", ".join(f"{_words(names, b)}={decimal(v, lang)}" for b, v in zip(by, key))
                or _words(names, output))
        fig.add_trace(go.Scatter(x=group[x], y=group[output], name=name,
                                 mode="markers" if many else "lines+markers",
                                 error_y=_interval(group, output)))
    fig.update_layout(title=_words(names, output), xaxis_title=wrap(_words(names, x)),
                      yaxis_title=wrap(_words(names, output)), showlegend=bool(by))
    _money_axis(fig, output, lang)
    return _separators(fig, lang)


def sweep_heatmap(summary: pd.DataFrame, x: str, y: str, output: str, lang: str = "en",
                  names: Mapping[str, str] | None = None) -> go.Figure:
    """Mean of ``output`` over a grid of two factors (e.g. two levers); each cell reads its
    value as the output's kind is written (euros, per cent)."""
    table = summary.pivot_table(index=y, columns=x, values=output, aggfunc="mean")
    text = [[format_value(output, v, lang) for v in row] for row in table.to_numpy()]
    xs = [decimal(v, lang) for v in table.columns]
    ys = [decimal(v, lang) for v in table.index]
    large = np.nanmax(np.abs(table.to_numpy(dtype=float)), initial=0) >= 1000
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy(), x=xs, y=ys, text=text, texttemplate="%{text}",
        colorbar={"title": {"text": wrap(_words(names, output), 20)},
                  "tickformat": ",.0f" if large else "",
                  "tickprefix": ("€ " if lang == "nl" else "EUR ") if is_money(output) else ""},
        hovertemplate=(f"{_words(names, x)}: %{{x}}<br>{_words(names, y)}: %{{y}}<br>"
                       f"{_words(names, output)}: %{{text}}<extra></extra>")))
    fig.update_layout(title=_words(names, output), xaxis_title=wrap(_words(names, x)),
                      yaxis_title=wrap(_words(names, y)))
    fig.update_xaxes(type="category")
    fig.update_yaxes(type="category")
    return _separators(fig, lang)


def sweep_scatter(summary: pd.DataFrame, factors: Sequence[str], output: str,
                  lang: str = "en", names: Mapping[str, str] | None = None) -> go.Figure:
    """Mean of ``output`` at each sampled point against each factor."""
    fig = make_subplots(rows=1, cols=len(factors), shared_yaxes=True,
                        subplot_titles=[wrap(_words(names, f), 30) for f in factors])
    for i, factor in enumerate(factors, start=1):
        fig.add_trace(go.Scatter(x=summary[factor], y=summary[output], mode="markers",
                                 marker={"size": 4, "opacity": 0.6}, name=factor,
                                 showlegend=False), row=1, col=i)
    fig.update_layout(title=_words(names, output), yaxis_title=wrap(_words(names, output)))
    _money_axis(fig, output, lang)
    fig.update_annotations(font_size=11)
    return _separators(fig, lang)


def sweep_figure(summary: pd.DataFrame, factors: Sequence[str], output: str,
                 grid: bool = True, lang: str = "en",
                 names: Mapping[str, str] | None = None) -> go.Figure:
    """The natural figure of a sweep: a heatmap over two grid factors, lines otherwise."""
    factors = list(factors)
    if not grid:
        return sweep_scatter(summary, factors, output, lang, names)
    if len(factors) == 2 and all(pd.api.types.is_numeric_dtype(summary[f]) for f in factors):
        return sweep_heatmap(summary, factors[0], factors[1], output, lang, names)
    return sweep_lines(summary, factors[0], output, by=factors[1:], lang=lang, names=names)


def sobol_figure(indices: pd.DataFrame, output: str, lang: str = "en",
                 names: Mapping[str, str] | None = None) -> go.Figure:
    """First-order and total Sobol indices of one output, as horizontal bars with
    intervals, the largest total index first (long names stay legible on a phone)."""
    t = TEXT[lang]
    rows = indices[indices["output"] == output].sort_values("ST", ascending=False)
    labels = [wrap(_words(names, p), 28) for p in rows["parameter"]]
    fig = go.Figure()
    for index, label in (("S1", t["sobol_first"]), ("ST", t["sobol_total"])):
        fig.add_trace(go.Bar(y=labels, x=rows[index], name=label, orientation="h",
                             customdata=rows["parameter"],
                             hovertemplate="%{customdata}: %{x:.3f}<extra></extra>",
                             error_x={"type": "data", "array": rows[f"{index}_conf"]}))
    fig.update_layout(title=f"Sobol: {_words(names, output)}", barmode="group",
                      xaxis_title=wrap(t["sobol_axis"], 30), height=140 + 60 * len(rows),
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"})
    fig.update_yaxes(autorange="reversed", automargin=True)
    return _separators(fig, lang)


def convergence_figure(convergence: pd.DataFrame, output: str, index: str = "ST",
                       lang: str = "en", names: Mapping[str, str] | None = None) -> go.Figure:
    """An index of every parameter against the number of samples (a log axis marked at the
    sample sizes themselves, in numeric order)."""
    t = TEXT[lang]
    rows = convergence[convergence["output"] == output]
    conf = f"{index}_conf"
    fig = go.Figure()
    for parameter, group in rows.groupby("parameter", sort=False):
        fig.add_trace(go.Scatter(
            x=group["samples"], y=group[index], name=wrap(_words(names, parameter), 40),
            mode="lines+markers",
            error_y={"type": "data", "array": group[conf]} if conf in group else None))
    sizes = sorted(int(v) for v in rows["samples"].unique())
    fig.update_layout(title=f"{index}: {_words(names, output)}", xaxis_title=t["samples_axis"],
                      yaxis_title=t["conv_axis"] if index == "ST" else index,
                      legend={"orientation": "h", "y": -0.2, "yanchor": "top"})
    fig.update_xaxes(type="log", tickmode="array", tickvals=sizes,
                     ticktext=[decimal(v, lang) for v in sizes])
    return _separators(fig, lang)


def morris_figure(indices: pd.DataFrame, output: str, lang: str = "en",
                  names: Mapping[str, str] | None = None) -> go.Figure:
    """Morris screening of one output: mu* against sigma, one point per parameter; the
    parameters with the largest mu* are labelled."""
    t = TEXT[lang]
    rows = indices[indices["output"] == output]
    top = set(rows.nlargest(MORRIS_LABELS, "mu_star")["parameter"])
    words = [_words(names, p) for p in rows["parameter"]]
    fig = go.Figure(go.Scatter(
        x=rows["mu_star"], y=rows["sigma"], mode="markers+text", cliponaxis=False,
        text=[wrap(w, 24) if p in top else "" for w, p in zip(words, rows["parameter"])],
        customdata=words,
        # Labels lean away from the right edge, where they would be cut off.
        textposition=["top left" if x > 0.6 * rows["mu_star"].max() else "top right"
                      for x in rows["mu_star"]],
        error_x={"type": "data", "array": rows["mu_star_conf"]},
        hovertemplate="%{customdata}<br>mu*=%{x:.4g}<br>sigma=%{y:.4g}<extra></extra>"))
    fig.update_layout(title=f"Morris: {_words(names, output)}", xaxis_title=t["mu_star_axis"],
                      yaxis_title=wrap(t["sigma_axis"], 30))
    fig.update_xaxes(rangemode="tozero")
    fig.update_yaxes(rangemode="tozero")
    return _separators(fig, lang)


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
