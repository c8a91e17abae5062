"""The report of ``simulate discover``: the boxes PRIM found, in words first (the ranges of
each factor, in the report's language), then as charts: each box's ranges as bars within
the sweep's ranges, and the peeling trajectory (density against coverage)."""

from __future__ import annotations

import json
import math

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from simulate.report.charts import color
from simulate.report.load import Output
from simulate.report.page import Page, code, html, num
from simulate.report.text import TEXT, missing, number, outcome_words, sentence_start, short_doc

LABEL = 90  # characters of a factor's description used as its label
MIN_BAR = 0.015  # narrowest bar of a box's range, as a share of the sweep's range


def _value(x: float, lang: str) -> str:
    """A limit as people write it: whole numbers from 10 up, else two significant digits."""
    if missing(x):
        return "–"
    x = float(x)
    if abs(x) >= 10 or x == int(x):
        return number(x, lang, 0)
    digits = max(0, 1 - math.floor(math.log10(abs(x)))) if x else 0
    return number(x, lang, digits)


def _span(low: float, high: float, lang: str) -> str:
    """A range in words ("27 to 39"), or one value when both ends are equal."""
    if _value(low, lang) == _value(high, lang):
        return _value(low, lang)
    return f"{_value(low, lang)} {TEXT[lang]['to']} {_value(high, lang)}"


def _dash(low: float, high: float, lang: str) -> str:
    """A range in a table ("27 – 39"), or one value when both ends are equal."""
    a, b = _value(low, lang), _value(high, lang)
    return a if a == b else f"{a} – {b}"


def _luck(x: float, lang: str) -> str:
    """A quasi-p-value in words: "at most 0.171" or "below 0.001"."""
    if x < 0.001:
        return "kleiner dan 0,001" if lang == "nl" else "below 0.001"
    return f"{'hooguit' if lang == 'nl' else 'at most'} {_qp(x, lang)}"


def _share(x: float, lang: str) -> str:
    return "–" if missing(x) else number(100 * float(x), lang, 0) + "%"


def _qp(x: float, lang: str) -> str:
    if missing(x):
        return "–"
    return number(float(x), lang, 3) if x >= 0.001 else ("< 0,001" if lang == "nl"
                                                          else "< 0.001")


def factor_words(out: Output, name: str, lang: str) -> tuple[str, str]:
    """A factor's label and unit in ``lang`` (its code name when it is not declared)."""
    if name == "policy":
        return ("beleid" if lang == "nl" else "policy"), ""
    found = out.declaration(name)
    if found is None:
        return name, ""
    _, declaration = found
    doc, unit, _ = declaration.words(lang)
    return short_doc((doc or declaration.doc).split(":")[0], LABEL), unit or declaration.unit


def build(out: Output, lang: str) -> Page:
    m = out.manifest
    t = TEXT[lang]
    outcome = str(m.get("outcome", ""))
    direction = t[str(m.get("direction", "below"))]
    value = _value(m.get("value", math.nan), lang)
    boxes = out.frames["boxes"]
    limits = out.frames["limits"]
    trajectory = out.frames["trajectory"]
    long = outcome_words(outcome, lang)
    page = Page(lang, "title_discover", outcome=long, direction=direction, value=value)
    factors = [str(f) for f in m.get("factors", [])]
    page.p(page.t("intro_discover", outcome=long, outcome_short=long, direction=direction,
                  value=value, n=m.get("points", "?"), k=m.get("of_interest", "?"),
                  experiment=m.get("experiment", ""),
                  factors=_listed([factor_words(out, f, lang)[0] for f in factors], lang)),
           "intro")
    if m.get("dropped"):
        page.p(page.t("discover_dropped", n=m["dropped"]), "note")

    page.h(2, page.t("boxes"), "boxes")
    if boxes.empty:
        threshold = (m.get("settings") or {}).get("threshold", "")
        page.p(page.t("discover_none", threshold=_share(threshold, lang), outcome_short=long,
                      direction=direction, value=value))
    for i, box in enumerate(boxes.itertuples()):
        own = limits[limits["box"] == box.box]
        page.h(3, page.t("box_title", n=box.box))
        if i:
            page.p(page.t("box_next"))
        # Trusted templates: Markup.format escapes the words and keeps the tagged numbers.
        page.p(Markup(t["box_lead"] + ":").format(
            outcome=sentence_start(long), direction=direction, value=value,
            density=num(_share(box.density, lang), box=box.box, stat="density",
                        value=box.density)))
        page.raw(html("<ul>{}</ul>", Markup("").join(
            html("<li>{}</li>", _condition(out, row, lang)) for row in own.itertuples())))
        page.p(Markup(t["box_tail"]).format(
            coverage=num(_share(box.coverage, lang), box=box.box, stat="coverage",
                         value=box.coverage), direction=direction, value=value))
        if not missing(box.significance):
            page.p(page.t("box_luck", qp=_luck(box.significance, lang)), "note")
        rows = []
        for row in own.itertuples():
            label, _unit = factor_words(out, row.factor, lang)
            cell = html('{}<div class="doc">{}</div>', code(row.factor), label)
            if isinstance(row.categories, str):
                names = ", ".join(json.loads(row.categories))
                rows.append([cell, names, "", _qp(row.qp_low, lang)])
            else:
                rows.append([cell, _dash(row.low, row.high, lang),
                             _dash(row.min, row.max, lang),
                             _qp(_first(row.qp_low, row.qp_high), lang)])
        page.table([page.t("factor"), page.t("in_box"), page.t("whole_range"),
                    page.t("significance")], rows, {1, 2, 3})
        numeric = own[own["categories"].isna()]
        if len(numeric):
            page.chart(limits_chart(out, numeric, lang), page.t("chart_limits", n=box.box))

    if not boxes.empty:
        page.p(page.t("box_table", n=len(boxes)))
        page.table([page.t("box"), page.t("coverage"), page.t("density"), page.t("points"),
                    page.t("significance")],
                   [[str(b.box), num(_share(b.coverage, lang), box=b.box, stat="coverage",
                                     value=b.coverage),
                     num(_share(b.density, lang), box=b.box, stat="density", value=b.density),
                     str(int(b.cases)), _qp(b.significance, lang)]
                    for b in boxes.itertuples()], {1, 2, 3, 4})
        page.h(2, page.t("charts"), "charts")
        page.chart(peeling_chart(trajectory, lang), page.t("chart_peeling"))
    return page


def _first(a: float, b: float) -> float:
    values = [x for x in (a, b) if not missing(x)]
    return max(values) if values else math.nan


def _listed(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {TEXT[lang]['and']} " + items[-1]


def _condition(out: Output, row, lang: str) -> str:
    t = TEXT[lang]
    if isinstance(row.categories, str):
        names = json.loads(row.categories)
        joined = (", ".join(names[:-1]) + f" {t['or']} " + names[-1]) if len(names) > 1 \
            else names[0]
        return t["condition_policy"].format(names=joined)
    label, unit = factor_words(out, row.factor, lang)
    return t["condition_range"].format(what=sentence_start(label),
                                       values=_span(row.low, row.high, lang), unit=unit).strip()


def limits_chart(out: Output, limits: pd.DataFrame, lang: str) -> go.Figure:
    """One bar per restricted factor: the sweep's range (light) and the box's (dark), each
    factor on its own scale (0 to 1 of the sweep's range). The factor and the box's values
    are written above its bar, so that a phone's width is left to the bars."""
    t = TEXT[lang]
    fig = go.Figure()
    rows = list(limits.itertuples())
    for i, row in enumerate(rows):
        label, unit = factor_words(out, row.factor, lang)
        span = (row.max - row.min) or 1.0
        low, high = (row.low - row.min) / span, (row.high - row.min) / span
        if high - low < MIN_BAR:  # one value: a bar narrow enough to read as a point
            low, high = max(0.0, low - MIN_BAR / 2), min(1.0, low + MIN_BAR / 2)
        values = f"{_span(row.low, row.high, lang)} {unit}".strip()
        first = i == 0
        fig.add_trace(go.Bar(y=[i], x=[1.0], base=[0.0], orientation="h", width=0.45,
                             marker={"color": "rgba(31,119,180,0.15)"}, name=t["whole_range"],
                             legendgroup="sweep", showlegend=first, hoverinfo="skip"))
        fig.add_trace(go.Bar(y=[i], x=[high - low], base=[low], orientation="h", width=0.45,
                             marker={"color": color(0)}, name=t["in_box"], legendgroup="box",
                             showlegend=first, hovertemplate=f"{values}<extra></extra>"))
        fig.add_annotation(x=0, y=i - 0.3, xref="x", yref="y", xanchor="left",
                           yanchor="bottom", showarrow=False, align="left",
                           text=f"{_wrap(sentence_start(label), 48)}: <b>{values}</b>")
    fig.update_layout(template="plotly_white", barmode="overlay",
                      height=110 + 95 * len(rows), bargap=0.5,
                      xaxis={"range": [0, 1], "title": t["range_share"], "tickformat": ".0%"},
                      yaxis={"autorange": "reversed", "visible": False,
                             "range": [len(rows) - 0.5, -0.9]},
                      legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
                      margin={"l": 10, "r": 16, "t": 30, "b": 50})
    return fig


def peeling_chart(trajectory: pd.DataFrame, lang: str) -> go.Figure:
    """Density against coverage at each step of each box's peeling, the box reported marked."""
    t = TEXT[lang]
    fig = go.Figure()
    for i, (box, path) in enumerate(trajectory.groupby("box", sort=True)):
        name = f"{t['box']} {box}"
        fig.add_trace(go.Scatter(
            x=path["coverage"], y=path["density"], mode="lines+markers", name=name,
            marker={"color": color(i), "size": 6}, line={"color": color(i)},
            customdata=path[["step", "mass", "restricted"]].to_numpy(),
            hovertemplate=(f"{name}, {t['step']} %{{customdata[0]}}<br>{t['coverage']} "
                           f"%{{x:.0%}}, {t['density']} %{{y:.0%}}<extra></extra>")))
        chosen = path[path["chosen"]]
        fig.add_trace(go.Scatter(x=chosen["coverage"], y=chosen["density"], mode="markers",
                                 marker={"color": color(i), "size": 14, "symbol": "star",
                                         "line": {"color": "black", "width": 1}},
                                 showlegend=False, hoverinfo="skip"))
    fig.update_layout(template="plotly_white", height=380,
                      xaxis={"title": t["coverage"], "tickformat": ".0%", "range": [0, 1.05]},
                      yaxis={"title": t["density"], "tickformat": ".0%", "range": [0, 1.05]},
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
                      margin={"l": 10, "r": 16, "t": 40, "b": 50})
    return fig


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)
