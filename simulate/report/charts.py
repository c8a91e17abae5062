"""Plotly figures from result frames. Each function takes frames and returns a Figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from simulate.outcomes import t_half_width
from simulate.report.text import TEXT

PALETTE = qualitative.D3 + qualitative.Set2


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def band_frame(values: pd.DataFrame) -> pd.DataFrame:
    """Mean and 95% confidence band over replicates (columns) by month (rows)."""
    n = values.shape[1]
    mean = values.mean(axis=1)
    half = t_half_width(values.std(axis=1, ddof=1), n) if n > 1 else mean * 0.0
    return pd.DataFrame({"mean": mean, "low": mean - half, "high": mean + half})


def series(monthly: pd.DataFrame, scenario: str, metric: str, cumulative: bool = False,
           scale: float = 1.0, from_month: int = 0) -> pd.DataFrame:
    """A metric by month (rows) and replicate (columns) for one scenario."""
    rows = monthly[(monthly.scenario == scenario) & (monthly.metric == metric)
                   & (monthly.month >= from_month)]
    wide = rows.pivot_table(index="month", columns="replicate", values="value") * scale
    return wide.cumsum() if cumulative else wide


def add_band(fig: go.Figure, band: pd.DataFrame, name: str, color: str, lang: str,
             dash: str | None = None) -> None:
    x = band.index.to_numpy()
    fig.add_trace(go.Scatter(
        x=np.concatenate([x, x[::-1]]),
        y=np.concatenate([band["high"].to_numpy(), band["low"].to_numpy()[::-1]]),
        fill="toself", fillcolor=_rgba(color, 0.15), line={"width": 0}, hoverinfo="skip",
        showlegend=False, name=f"{name} ({TEXT[lang]['band']})"))
    fig.add_trace(go.Scatter(x=x, y=band["mean"], name=name, mode="lines",
                             line={"color": color, "width": 2, "dash": dash}))


def _layout(fig: go.Figure, title: str, x: str, y: str) -> go.Figure:
    fig.update_layout(title={"text": title, "font": {"size": 15}}, template="plotly_white",
                      xaxis_title=x, yaxis_title=y, height=380,
                      margin={"l": 60, "r": 20, "t": 50, "b": 50},
                      legend={"orientation": "h", "y": -0.2})
    return fig


def scenario_lines(monthly: pd.DataFrame, scenarios: list[str], metric: str, title: str,
                   ytitle: str, lang: str, cumulative: bool = False,
                   scale: dict[str, float] | None = None) -> go.Figure:
    """One line with a 95% band per scenario."""
    fig = go.Figure()
    start = 1 if cumulative else 0
    for i, name in enumerate(scenarios):
        s = series(monthly, name, metric, cumulative, (scale or {}).get(name, 1.0), start)
        if s.empty:
            continue
        add_band(fig, band_frame(s), name, PALETTE[i % len(PALETTE)], lang)
    return _layout(fig, title, TEXT[lang]["month"], ytitle)


def two_metrics(monthly: pd.DataFrame, scenarios: list[str], lang: str, title_key: str,
                solid: tuple[str, str], dotted: tuple[str, str]) -> go.Figure:
    """Per scenario, one metric as a solid line and another as a dotted one (each with its
    band); a dotted metric that stays at zero (a programme the scenario lacks) is left out."""
    t = TEXT[lang]
    fig = go.Figure()
    for i, name in enumerate(scenarios):
        color = PALETTE[i % len(PALETTE)]
        for (metric, label), dash in ((solid, None), (dotted, "dot")):
            s = series(monthly, name, metric)
            if s.empty or (dash and not (s.to_numpy() > 0).any()):
                continue
            add_band(fig, band_frame(s), f"{name}: {t[label]}", color, lang, dash)
    return _layout(fig, t[title_key], t["month"], t["mothers"])


def caseload(monthly: pd.DataFrame, scenarios: list[str], lang: str) -> go.Figure:
    return two_metrics(monthly, scenarios, lang, "chart_caseload",
                       ("regular_caseload_mean", "regular"),
                       ("dedicated_caseload_mean", "dedicated"))


def childcare(monthly: pd.DataFrame, scenarios: list[str], lang: str) -> go.Figure:
    return two_metrics(monthly, scenarios, lang, "chart_childcare",
                       ("childcare_queue", "queue"), ("reserved_places_used", "reserved_used"))


def net_saving(curves: dict[str, pd.DataFrame], lang: str) -> go.Figure:
    """Cumulative net saving per alternative, with a zero line: where it crosses, the
    intervention has paid for itself."""
    t = TEXT[lang]
    fig = go.Figure()
    for i, (name, values) in enumerate(curves.items()):
        add_band(fig, band_frame(values), name, PALETTE[(i + 1) % len(PALETTE)], lang)
    fig.add_hline(y=0, line={"color": "#444", "width": 1})
    return _layout(fig, t["chart_net"], t["month"], t["eur"])


def costs_and_savings(monthly: pd.DataFrame, base: str, alternatives: list[str],
                      lang: str) -> go.Figure:
    """Cumulative intervention cost and benefit saved per alternative."""
    t = TEXT[lang]
    fig = go.Figure()
    base_spend = series(monthly, base, "benefit_spending_eur", True, from_month=1)
    for i, name in enumerate(alternatives):
        color = PALETTE[(i + 1) % len(PALETTE)]
        saved = base_spend - series(monthly, name, "benefit_spending_eur", True, from_month=1)
        cost = series(monthly, name, "intervention_spending_eur", True, from_month=1)
        add_band(fig, band_frame(saved), f"{name}: {t['saved']}", color, lang)
        add_band(fig, band_frame(cost), f"{name}: {t['cost']}", color, lang, "dash")
    return _layout(fig, t["chart_costs"], t["month"], t["eur"])


def exits_by_destination(monthly: pd.DataFrame, scenario: str, lang: str) -> go.Figure:
    t = TEXT[lang]
    fig = go.Figure()
    for i, dest in enumerate(("work", "study", "noncooperation", "partner", "other")):
        s = series(monthly, scenario, f"exit_{dest}", cumulative=True, from_month=1)
        add_band(fig, band_frame(s), t[f"dest_{dest}"], PALETTE[i], lang)
    return _layout(fig, t["chart_exits"], t["month"], t["mothers"])
