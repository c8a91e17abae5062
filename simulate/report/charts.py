"""Plotly figures from result frames. Each function takes frames and returns a Figure.

Titles are not part of the figures: the page sets each one above its chart as text, so it
wraps on a narrow screen. With more than :data:`SMALL_MULTIPLES` scenarios, line charts
become small multiples (one panel per alternative, the base in grey in each) instead of
one panel of overlapping lines.

Policy metrics are found by what their names end in, never by a policy's own metric
names, so that any policy module (and every labelled instance) appears: ``*_cost_eur`` in
the programme-cost chart, ``*_caseload_mean`` in the caseload chart, ``*_places_used`` in
the childcare chart.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from simulate.metrics import PROGRAMME_REACHED, Metric, metric_names
from simulate.outcomes import EXITS, t_half_width
from simulate.report.cards import value
from simulate.report.text import SOURCES, TEXT, metric_words, missing, outcome_words, wrap

GREY = "#9aa5b1"   # the base, in every small multiple
# Scenario colours; greys are left out so that no scenario looks like the base.
PALETTE = [c for c in qualitative.D3 + qualitative.Set2
           if c.lower() not in ("#7f7f7f", "rgb(179,179,179)")]
SMALL_MULTIPLES = 4   # more scenarios than this: one panel each
PANEL_HEIGHT = 190   # a small multiple, with its share of the gaps
PANEL_GAP = 56
PANEL_COLUMNS = 2


def _rgba(colour: str, alpha: float) -> str:
    """``colour`` ("#1f77b4" or "rgb(31,119,180)") with transparency ``alpha``."""
    if colour.startswith("rgb("):
        r, g, b = (int(v) for v in colour[4:-1].split(","))
    else:
        h = colour.lstrip("#")
        r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def band_frame(values: pd.DataFrame) -> pd.DataFrame:
    """Mean and 95% confidence band over replicates (columns) by month (rows)."""
    n = values.shape[1]
    mean = values.mean(axis=1)
    half = t_half_width(values.std(axis=1, ddof=1), n) if n > 1 else mean * 0.0
    return pd.DataFrame({"mean": mean, "low": mean - half, "high": mean + half})


_SERIES: list = [None, {}]   # the monthly frame last read, and its series by key


def _series_of(monthly: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Every (scenario, metric) of a monthly frame by month and replicate, computed once
    per frame: a report draws a dozen charts from the same frame."""
    if _SERIES[0] is None or _SERIES[0]() is not monthly:
        wide = monthly.pivot_table(index=["scenario", "metric", "month"], columns="replicate",
                                   values="value", observed=True)
        _SERIES[0] = weakref.ref(monthly)
        _SERIES[1] = {key: group.droplevel([0, 1]) for key, group
                      in wide.groupby(level=["scenario", "metric"], observed=True)}
    return _SERIES[1]


def series(monthly: pd.DataFrame, scenario: str, metric: str, cumulative: bool = False,
           scale: float = 1.0, from_month: int = 0, share_of_start: bool = False) -> pd.DataFrame:
    """A metric by month (rows) and replicate (columns) for one scenario; with
    ``share_of_start``, each replicate's values over its own value at month 0."""
    wide = _series_of(monthly).get((scenario, metric))
    if wide is None:
        return pd.DataFrame()
    if share_of_start and 0 in wide.index:
        wide = wide / wide.loc[0].replace(0, np.nan)
    wide = wide[wide.index >= from_month] * scale
    return wide.cumsum() if cumulative else wide


def core_metrics() -> frozenset[str]:
    """The metrics a run records without any policy (declared in :mod:`simulate.metrics`),
    and the report's own ``programme_reached``."""
    return frozenset(metric_names()) | {PROGRAMME_REACHED.name}


def policy_metrics(monthly: pd.DataFrame, tag: str, recorded: Mapping[str, Metric]) -> list[str]:
    """Metrics recorded by policies (not by the model itself) whose declaration carries
    ``tag``: ``cost``, ``reach``, ``caseload`` or ``childcare``; labelled instances'
    included.

    Args:
        recorded: Every recorded name of the scenarios with its declaration
            (:func:`simulate.metrics.recorded_metrics`).
    """
    names = monthly["metric"].astype(str).unique()
    return sorted(m for m in names if m not in core_metrics() and m in recorded
                  and tag in recorded[m].tags)


@dataclass
class Line:
    """One line with its band: a scenario, and what it shows when that needs saying."""

    band: pd.DataFrame
    scenario: str
    what: str | None
    color: str
    dash: str | None = None


def _trace(line: Line, name: str, lang: str, legend: bool, group: str | None = None):
    x = line.band.index.to_numpy()
    band = go.Scatter(
        x=np.concatenate([x, x[::-1]]),
        y=np.concatenate([line.band["high"].to_numpy(), line.band["low"].to_numpy()[::-1]]),
        fill="toself", fillcolor=_rgba(line.color, 0.15), line={"width": 0},
        hoverinfo="skip", showlegend=False, name=f"{name} ({TEXT[lang]['band']})")
    mean = go.Scatter(x=x, y=line.band["mean"], name=name, mode="lines", showlegend=legend,
                      legendgroup=group or name,
                      line={"color": line.color, "width": 2, "dash": line.dash})
    return band, mean


def _layout(fig: go.Figure, x: str, y: str, height: int = 380, money: bool = False,
            lang: str = "en", rows: int = 0, compact: bool = False) -> go.Figure:
    """Common look; ``rows`` > 0 for small multiples (axis titles on the outer panels);
    ``compact`` writes amounts short (€ 200k, € 1.5M) where every panel has its own axis and
    a phone leaves little room for the tick labels."""
    fig.update_layout(template="plotly_white", height=height,
                      margin={"l": 60, "r": 16, "t": 24, "b": 40},
                      legend={"orientation": "h", "y": -0.15 if not rows else -0.3 / rows,
                              "yanchor": "top"})
    if rows:
        fig.update_xaxes(title_text=x, row=rows)
        fig.update_yaxes(title_text=y, col=1)
    else:
        fig.update_layout(xaxis_title=x, yaxis_title=y)
    if money:
        fig.update_yaxes(tickformat="~s" if compact else ",.0f",
                         tickprefix="€ " if lang == "nl" or compact else "")
    return fig


def line_chart(lines: list[Line], lang: str, ytitle: str, reference: Sequence[Line] = (),
               small: bool = False, zero: bool = False, money: bool = False,
               shared_y: bool = True) -> go.Figure:
    """Lines with their 95% bands in one panel, or as small multiples.

    Args:
        lines: The lines; in small multiples each scenario gets a panel.
        lang: Language of the labels.
        ytitle: Title of the value axis.
        reference: Lines drawn in grey in every panel (the base).
        small: Small multiples instead of one panel.
        zero: Draw a line at zero (where a net saving breaks even).
        money: Values are euros.
        shared_y: Small multiples share the value axis (off where each panel's own scale
            matters more than comparing panels, e.g. where a small programme breaks even).
    """
    t = TEXT[lang]
    if not small:
        fig = go.Figure([trace for line in [*reference, *lines] for trace in _trace(
            line, f"{line.scenario}: {line.what}" if line.what else line.scenario, lang, True)])
        if zero:
            fig.add_hline(y=0, line={"color": "#444", "width": 1})
        return _layout(fig, t["month"], ytitle, money=money, lang=lang)
    panels = list(dict.fromkeys(line.scenario for line in lines))
    rows = math.ceil(len(panels) / PANEL_COLUMNS)
    height = 110 + rows * PANEL_HEIGHT
    fig = make_subplots(rows=rows, cols=PANEL_COLUMNS, subplot_titles=panels,
                        shared_xaxes="all", shared_yaxes="all" if shared_y else False,
                        vertical_spacing=PANEL_GAP / (height - 64),
                        horizontal_spacing=0.08 if shared_y else 0.14)
    shown: set[str] = set()
    traces, at_row, at_col = [], [], []   # added in one call: plotly is slow one by one
    for i, panel in enumerate(panels):
        row, col = i // PANEL_COLUMNS + 1, i % PANEL_COLUMNS + 1
        for line in reference:
            grey = Line(line.band, line.scenario, line.what, GREY, line.dash)
            name = line.scenario + (f": {line.what}" if line.what else "")
            for trace in _trace(grey, name, lang, name not in shown):
                traces.append(trace)
                at_row.append(row)
                at_col.append(col)
            shown.add(name)
        for line in (x for x in lines if x.scenario == panel):
            name = line.what or panel
            legend = bool(line.what) and name not in shown
            for trace in _trace(line, name, lang, legend, group=name if line.what else None):
                traces.append(trace)
                at_row.append(row)
                at_col.append(col)
            shown.add(name)
    fig.add_traces(traces, rows=at_row, cols=at_col)
    if zero:
        fig.add_hline(y=0, line={"color": "#444", "width": 1}, row="all", col="all")
    fig.update_annotations(font_size=12)
    return _layout(fig, t["month"], ytitle, height=height, money=money, lang=lang, rows=rows,
                   compact=not shared_y)


def small_multiples(scenarios: list[str]) -> bool:
    return len(scenarios) > SMALL_MULTIPLES


def scenario_lines(monthly: pd.DataFrame, scenarios: list[str], metric: str, ytitle: str,
                   lang: str, cumulative: bool = False, scale: dict[str, float] | None = None,
                   base: str | None = None, labels: dict[str, str] | None = None,
                   share_of_start: bool = False) -> go.Figure:
    """One line with a 95% band per scenario (the base in grey in small multiples); with
    ``share_of_start``, each replicate relative to its own month 0."""
    labels = labels or {}
    start = 1 if cumulative else 0
    small = small_multiples(scenarios) and base is not None
    lines: list[Line] = []
    reference: list[Line] = []
    for i, name in enumerate(scenarios):
        s = series(monthly, name, metric, cumulative, (scale or {}).get(name, 1.0), start,
                   share_of_start)
        if s.empty:
            continue
        line = Line(band_frame(s), labels.get(name, name), None, color(i))
        (reference if small and name == base else lines).append(line)
    return line_chart(lines, lang, ytitle, reference, small)


def metric_lines(monthly: pd.DataFrame, scenarios: list[str], lang: str, ytitle: str,
                 solid: list[tuple[str, str]], dotted: list[tuple[str, str]],
                 labels: dict[str, str] | None = None, money: bool = False,
                 shared_y: bool = True, by_metric: bool = False) -> go.Figure:
    """Per scenario, metrics as solid and dotted lines (each with its band); a dotted metric
    that stays at zero (a programme the scenario lacks) is left out.

    Args:
        by_metric: Colour by metric rather than by scenario, with a panel per scenario
            (several metrics of the same kind, e.g. programme costs).
    """
    labels = labels or {}
    lines = []
    metrics = [*((m, None) for m in solid), *((m, "dot") for m in dotted)]
    for i, name in enumerate(scenarios):
        for j, ((metric, what), dash) in enumerate(metrics):
            s = series(monthly, name, metric)
            if s.empty or (dash and not (s.to_numpy() > 0).any()):
                continue
            lines.append(Line(band_frame(s), labels.get(name, name), what,
                              color(j) if by_metric else color(i),
                              None if by_metric else dash))
    return line_chart(lines, lang, ytitle, small=by_metric or small_multiples(scenarios),
                      money=money, shared_y=shared_y)


def _core_and_policies(monthly: pd.DataFrame, scenarios: list[str], lang: str, core: str,
                       what: str, tag: str, labels: dict[str, str] | None,
                       recorded: Mapping[str, Metric]) -> go.Figure:
    """A core metric (solid) and every policy metric declared for this chart (dotted)."""
    dotted = [(m, metric_words(recorded[m], m, lang))
              for m in policy_metrics(monthly, tag, recorded)]
    return metric_lines(monthly, scenarios, lang, TEXT[lang]["mothers"],
                        [(core, TEXT[lang][what])], dotted, labels)


def caseload(monthly: pd.DataFrame, scenarios: list[str], lang: str,
             labels: dict[str, str] | None, recorded: Mapping[str, Metric]) -> go.Figure:
    """Regular coaches' mean caseload, and every policy's (declared ``chart="caseload"``)."""
    return _core_and_policies(monthly, scenarios, lang, "regular_caseload_mean", "regular",
                              "caseload", labels, recorded)


def childcare(monthly: pd.DataFrame, scenarios: list[str], lang: str,
              labels: dict[str, str] | None, recorded: Mapping[str, Metric]) -> go.Figure:
    """The childcare queue, and the places in use of every policy (declared
    ``chart="childcare"``)."""
    return _core_and_policies(monthly, scenarios, lang, "childcare_queue", "queue",
                              "childcare", labels, recorded)


def programme_costs(monthly: pd.DataFrame, scenarios: list[str], lang: str,
                    words: dict[str, str], labels: dict[str, str] | None,
                    recorded: Mapping[str, Metric]) -> go.Figure:
    """Each programme's cost per month (every policy's declared cost), per scenario.

    Args:
        words: Programme names in words by metric name.
    """
    t = TEXT[lang]
    dotted = [(m, words.get(m, m)) for m in policy_metrics(monthly, "cost", recorded)]
    return metric_lines(monthly, scenarios, lang, t["eur"], [], dotted, labels, money=True,
                        shared_y=False, by_metric=True)


def net_saving(curves: dict[str, pd.DataFrame], lang: str,
               labels: dict[str, str] | None = None) -> go.Figure:
    """Cumulative net saving per alternative, with a zero line: where it crosses, the
    intervention has paid for itself."""
    labels = labels or {}
    lines = [Line(band_frame(v), labels.get(n, n), None, color(i + 1))
             for i, (n, v) in enumerate(curves.items())]
    return line_chart(lines, lang, TEXT[lang]["eur"], small=small_multiples(["", *curves]),
                      zero=True, money=True, shared_y=False)


def costs_and_savings(monthly: pd.DataFrame, base: str, alternatives: list[str],
                      lang: str, labels: dict[str, str] | None = None) -> go.Figure:
    """Cumulative intervention cost and benefit saved per alternative."""
    t = TEXT[lang]
    labels = labels or {}
    lines = []
    base_spend = series(monthly, base, "benefit_spending_eur", True, from_month=1)
    for i, name in enumerate(alternatives):
        saved = base_spend - series(monthly, name, "benefit_spending_eur", True, from_month=1)
        cost = series(monthly, name, "intervention_spending_eur", True, from_month=1)
        label = labels.get(name, name)
        lines.append(Line(band_frame(saved), label, t["saved"], color(i + 1)))
        lines.append(Line(band_frame(cost), label, t["cost"], color(i + 1), "dash"))
    return line_chart(lines, lang, t["eur"], small=small_multiples([base, *alternatives]),
                      money=True, shared_y=False)


def exits_by_destination(monthly: pd.DataFrame, scenario: str, lang: str) -> go.Figure:
    t = TEXT[lang]
    lines = []
    for i, dest in enumerate(EXITS):
        s = series(monthly, scenario, f"exit_{dest}", cumulative=True, from_month=1)
        lines.append(Line(band_frame(s), t[f"dest_{dest}"], None, color(i)))
    return line_chart(lines, lang, t["mothers"])


def destination_changes(table: pd.DataFrame, alternatives: list[str], lang: str,
                        labels: dict[str, str] | None = None) -> go.Figure:
    """Change in exits by destination over the whole run, per alternative, with intervals:
    horizontal bars grouped by alternative."""
    t = TEXT[lang]
    labels = labels or {}
    fig = go.Figure()
    names = [labels.get(a, a) for a in alternatives]
    for i, dest in enumerate((*EXITS, "all")):
        rows = [value(table, a, f"extra_exits_{dest}_total") for a in alternatives]
        mean = np.array([r[0] for r in rows])
        fig.add_trace(go.Bar(
            y=names, x=mean, orientation="h", name=t[f"dest_{dest}"],
            marker_color=GREY if dest == "all" else color(i),
            error_x={"type": "data", "symmetric": False,
                     "array": np.array([r[2] for r in rows]) - mean,
                     "arrayminus": mean - np.array([r[1] for r in rows])}))
    return _bars_by_alternative(fig, "group", max(360, 160 + 70 * len(alternatives)),
                                t["mothers"])


def _bars_by_alternative(fig: go.Figure, mode: str, height: int, xtitle: str,
                         **xaxis) -> go.Figure:
    """The look of horizontal bars per alternative: alternatives top to bottom in the given
    order, the legend above, a line at zero."""
    fig.update_layout(barmode=mode, template="plotly_white", height=height,
                      margin={"l": 10, "r": 16, "t": 24, "b": 40},
                      legend={"orientation": "h", "y": 1.01, "yanchor": "bottom",
                              "traceorder": "normal"})
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=xtitle, zeroline=True, zerolinecolor="#444", **xaxis)
    return fig


def saving_sources(table: pd.DataFrame, alternatives: list[str], lang: str,
                   labels: dict[str, str] | None = None) -> go.Figure:
    """Where each alternative's benefit saving over the whole run comes from: one stacked
    horizontal bar per alternative, a segment per source (exits to work, stops for
    non-cooperation, other exits, lower payments on assistance). A source that lowers the
    saving stacks to the left of zero; the segments add up to the total, marked by a
    diamond."""
    t = TEXT[lang]
    labels = labels or {}
    names = [wrap(labels.get(a, a), 22) for a in alternatives]
    fig = go.Figure()
    # The colours of the same destinations in the chart of exits by destination (other
    # exits take "other"'s); lower payments the next free one.
    colours = {"work": color(EXITS.index("work")),
               "noncooperation": color(EXITS.index("noncooperation")),
               "other_exits": color(EXITS.index("other")), "lower_payments": color(len(EXITS))}
    for source in SOURCES:
        fig.add_trace(go.Bar(
            y=names, x=[value(table, a, f"benefit_saved_via_{source}_eur_total")[0]
                        for a in alternatives],
            orientation="h", name=t[f"part_{source}"], marker_color=colours[source],
            hovertemplate=f"%{{y}}: %{{x:,.0f}}<extra>{t[f'part_{source}']}</extra>"))
    fig.add_trace(go.Scatter(
        y=names, x=[value(table, a, "benefit_saved_eur_total")[0] for a in alternatives],
        mode="markers", name=t["saved"], marker={"symbol": "diamond", "size": 10,
                                                 "color": "#222"},
        hovertemplate=f"%{{y}}: %{{x:,.0f}}<extra>{t['saved']}</extra>"))
    # Amounts written short (€ 1M, € 500k), so that a phone keeps room for the bars.
    return _bars_by_alternative(fig, "relative", max(300, 170 + 46 * len(alternatives)),
                                t["eur"], tickformat="~s", tickprefix="€ ")


def glance(table: pd.DataFrame, alternatives: list[str], months: int, lang: str,
           labels: dict[str, str] | None = None) -> go.Figure:
    """The funder's chart (a forest plot): per intervention, extra exits to work per 100
    mothers reached, net cost per extra exit to work, and the break-even month, each with
    its 95% interval, one panel above the other."""
    t = TEXT[lang]
    labels = labels or {}
    # Names break into lines so that a phone keeps room for the plot.
    names = [wrap(labels.get(a, a), 22) for a in alternatives]
    eur = "€" if lang == "nl" else "EUR"
    panel = max(120, 50 + (34 if any("<br>" in n for n in names) else 24) * len(alternatives))
    gap = 70
    height = 3 * panel + 2 * gap + 60
    fig = make_subplots(rows=3, cols=1, vertical_spacing=gap / (height - 60), subplot_titles=[
        wrap(t["panel_per100"].format(m=months), 32), wrap(t["panel_cost"].format(eur=eur), 32),
        t["panel_break_even"]])
    # Panel titles start where the plots do, so that a wrapped one stays within the figure.
    fig.update_annotations(x=0, xanchor="left", align="left")
    per100 = [value(table, a, "extra_exits_work_per_100_reached_total") for a in alternatives]
    cost = [value(table, a, "net_cost_per_extra_exit_to_work_total") for a in alternatives]
    be = [value(table, a, "break_even_month") for a in alternatives]
    fig.add_trace(_forest(names, per100, color(1), auto_hover(lang)), row=1, col=1)
    fig.add_trace(_forest(names, cost, color(2), auto_hover(lang, money=True)), row=2, col=1)
    # Bounds the ratio's interval cannot give (extra exits not clearly above zero).
    open_cost = [(n, m) for n, (m, lo, _) in zip(names, cost) if not missing(m) and missing(lo)]
    if open_cost:
        fig.add_trace(go.Scatter(
            x=[m for _, m in open_cost], y=[n for n, _ in open_cost], mode="markers",
            marker={"symbol": "circle-open", "size": 11, "color": color(2)},
            hovertext=[t["interval_open"]] * len(open_cost), hoverinfo="text+y",
            showlegend=False), row=2, col=1)
    for trace in _break_even_traces(names, be, months, lang):
        fig.add_trace(trace, row=3, col=1)
    for row in (1, 2):
        fig.add_vline(x=0, line={"color": "#444", "width": 1}, row=row, col=1)
    fig.add_vline(x=months, line={"color": "#444", "width": 1, "dash": "dot"}, row=3, col=1)
    fig.update_xaxes(range=[0, months + 2], row=3, col=1)
    fig.update_xaxes(tickformat=",.0f", row=2, col=1)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_annotations(font_size=12)
    fig.update_layout(template="plotly_white", showlegend=False, height=height,
                      margin={"l": 10, "r": 16, "t": 40, "b": 20})
    return fig


def auto_hover(lang: str, money: bool = False) -> str:
    fmt = ",.0f" if money else ",.1f"
    return f"%{{y}}: %{{x:{fmt}}}<extra></extra>"


def _forest(names: list[str], values: list[tuple[float, float, float]], colour: str,
            hover: str) -> go.Scatter:
    mean = np.array([v[0] for v in values])
    return go.Scatter(
        x=mean, y=names, mode="markers", marker={"size": 10, "color": colour},
        hovertemplate=hover, showlegend=False,
        error_x={"type": "data", "symmetric": False, "thickness": 2, "width": 0,
                 "array": np.array([v[2] for v in values]) - mean,
                 "arrayminus": mean - np.array([v[1] for v in values])})


def _break_even_traces(names: list[str], values: list[tuple[float, float, float]],
                       months: int, lang: str) -> list[go.Scatter]:
    """Break-even month with its band; a band reaching past the horizon ends in an arrow,
    a mean beyond it is an open circle at the horizon."""
    t = TEXT[lang]
    beyond = t["not_within"].format(m=months)
    traces = []
    for name, (mean, lo, hi) in zip(names, values):
        if missing(mean) and missing(lo):
            traces.append(go.Scatter(x=[months], y=[name], mode="markers", showlegend=False,
                                     marker={"symbol": "circle-open", "size": 11,
                                             "color": "#d64545"},
                                     hovertemplate=f"%{{y}}: {beyond}<extra></extra>"))
            continue
        start, end = (lo if not missing(lo) else mean), (hi if not missing(hi) else months)
        traces.append(go.Scatter(x=[start, end], y=[name, name], mode="lines",
                                 line={"color": color(0), "width": 2}, showlegend=False,
                                 hoverinfo="skip"))
        if missing(hi):
            traces.append(go.Scatter(x=[months], y=[name], mode="markers", showlegend=False,
                                     marker={"symbol": "triangle-right", "size": 10,
                                             "color": color(0)}, hoverinfo="skip"))
        shown = months if missing(mean) else mean
        text = beyond if missing(mean) else f"{mean:.0f}"
        traces.append(go.Scatter(
            x=[shown], y=[name], mode="markers", showlegend=False,
            marker={"symbol": "circle-open" if missing(mean) else "circle", "size": 10,
                    "color": "#d64545" if missing(mean) else color(0)},
            hovertemplate=f"%{{y}}: {text}<extra></extra>"))
    return traces


def outcome_axis(name: str, lang: str) -> str:
    return wrap(outcome_words(name, lang))
