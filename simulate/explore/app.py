"""The explorer's web page (Dash): levers on the left, the refining answer on the right.

Dash serves its own JavaScript (React, its renderer, plotly.js) from the package, so the
page needs nothing from the internet. The page keeps its state in the browser tab (the
programme, the levers' values, the pinned settings, in session storage) and asks the
:class:`~simulate.explore.engine.Engine` every half second how far the answer has come.
Nothing is written on the server's disk: a scenario file is sent to the browser, which
saves it where the user says.
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import parse_qs

import dash
import pandas as pd
import plotly.graph_objects as go
from dash import ALL, MATCH, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from markupsafe import Markup

from simulate.explore import levers as lv
from simulate.explore.answer import Tile, tiles, with_every_name
from simulate.explore.programmes import Explorer
from simulate.explore.words import t
from simulate.metrics import recorded_metrics
from simulate.report import charts
from simulate.report.build import _cost_words, _outcome_row, _table_outcomes
from simulate.report.cards import card, value
from simulate.report.text import LANGUAGES, TEXT, decimal, sentence_start
from simulate.schema import InputError

MAX_PINS = 4
PIN_LETTERS = "ABCD"
TICK_MS = 500
# Charts of the report's comparison page, in its order: (id, report text key). The first
# ones are shown at once, the rest on request.
CHARTS = (("net", "chart_net"), ("work", "chart_work"), ("costs", "chart_costs"),
          ("glance", "chart_glance"), ("share", "chart_share"),
          ("destinations", "chart_destinations"), ("programme_costs", "chart_programme_costs"),
          ("caseload", "chart_caseload"), ("childcare", "chart_childcare"))
SHOWN_CHARTS = 3
GRAPH_CONFIG: Any = {"displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["sendDataToCloud", "toImage"]}

CSS = """
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1f2933; background: #f7f8fa; line-height: 1.45; }
#page { max-width: 1500px; margin: 0 auto; padding: 16px 24px 48px; background: #fff;
        overflow-wrap: break-word; }
h1 { font-size: 1.5em; margin: 0.2em 0; line-height: 1.25; }
h2 { font-size: 1.2em; margin: 1.2em 0 0.4em; border-bottom: 2px solid #e4e7eb; }
h3 { font-size: 1.02em; margin: 0.8em 0 0.3em; }
.intro { color: #3e4c59; margin: 0.3em 0 0.8em; }
.topline { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.topline .lang { margin-left: auto; }
.picker { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin: 8px 0; }
.picker label { font-weight: 600; }
.picker .choose { flex: 1 1 260px; min-width: 0; max-width: 560px; }
.layout { display: grid; grid-template-columns: minmax(300px, 400px) minmax(0, 1fr);
          grid-template-areas: "levers head" "levers details" "levers pins"; gap: 0 28px;
          align-items: start; }
.levers { grid-area: levers; position: sticky; top: 0; max-height: 100vh; overflow-y: auto;
          padding: 4px 10px 16px 2px; }
.head { grid-area: head; } .details { grid-area: details; min-width: 0; }
.pins { grid-area: pins; min-width: 0; }
.levers details { border-bottom: 1px solid #e4e7eb; padding: 4px 0; }
.levers summary { cursor: pointer; font-weight: 600; color: #2d5f8b; padding: 4px 0; }
.lever { margin: 10px 0 14px; }
.lever .name { font-weight: 600; font-size: 0.93em; }
.lever .row { display: flex; gap: 10px; align-items: center; }
.lever .row .slide { flex: 1 1 auto; min-width: 90px; }
.lever .row .dash-input-container { flex: 0 0 8.5em; width: 8.5em; }
.lever .meta, .lever .doc { color: #616e7c; font-size: 0.8em; }
.lever code { font-size: 0.95em; word-break: break-all; }
.note-warn { background: #fffbea; border-left: 3px solid #f0b429; padding: 2px 8px;
             font-size: 0.85em; }
.note-refuse { background: #fdecea; border-left: 3px solid #d64545; padding: 2px 8px;
               font-size: 0.85em; }
.refusal:empty { display: none; }
.progress { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center;
            font-size: 0.9em; color: #3e4c59; margin: 4px 0 8px; }
.progress progress { width: 160px; max-width: 100%; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
         gap: 10px; }
.tile { border: 1px solid #d9e2ec; border-radius: 8px; padding: 8px 12px; min-width: 0;
        container-type: inline-size; }
.tile .label { font-size: 0.85em; color: #3e4c59; }
/* A sum of millions in a narrow tile gets smaller rather than wider than its tile. */
.tile .value { font-size: min(1.45em, 11cqi); font-weight: 650; white-space: nowrap;
               font-variant-numeric: tabular-nums; }
.tile .value.words, .tile .value.words .num { font-size: 1.05em; white-space: normal; }
.tile .ci { font-size: 0.8em; color: #616e7c; }
.tile .part { font-size: 0.8em; color: #3e4c59; margin-top: 2px; }
.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.card { border: 1px solid #d9e2ec; border-radius: 8px; padding: 8px 14px; margin: 10px 0; }
.card h3 { margin: 0.2em 0; } .card .desc { color: #52606d; font-style: italic; }
.card ul { padding-left: 1.2em; margin: 0.3em 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
button { font: inherit; font-size: 0.9em; padding: 5px 12px; border: 1px solid #9fb3c8;
         border-radius: 6px; background: #f0f4f8; color: #1f2933; cursor: pointer; }
button:hover { background: #d9e2ec; }
pre.command { background: #f0f4f8; padding: 8px 10px; white-space: pre-wrap;
              word-break: break-all; font-size: 0.85em; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 6px; text-align: left;
         vertical-align: top; }
td.n, th.n { text-align: right; }
td.n { font-variant-numeric: tabular-nums; }
td .num { white-space: nowrap; } td .ci { color: #616e7c; font-size: 0.85em; }
figure { margin: 8px 0 20px; } figcaption { font-weight: 600; font-size: 0.95em; }
.pinned-note { color: #616e7c; font-size: 0.85em; }
.pin-list { list-style: none; padding: 0; display: grid; gap: 8px;
            grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); }
.pin-list li { border: 1px solid #d9e2ec; border-radius: 8px; padding: 6px 10px; }
.pin-list button { margin-top: 4px; }
th { overflow-wrap: anywhere; }
details.more > summary { cursor: pointer; color: #2d5f8b; margin: 8px 0; }
@media (max-width: 900px) {
  #page { padding: 10px 12px 40px; }
  h1 { font-size: 1.25em; }
  .layout { grid-template-columns: minmax(0, 1fr);
            grid-template-areas: "head" "levers" "details" "pins"; }
  .levers { position: static; max-height: none; overflow: visible; padding: 0; }
  .tiles { grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); }
  /* A table becomes one block per row, each cell a line with its heading. */
  table.stack thead { display: none; }
  table.stack tr { display: block; border-bottom: 2px solid #d9e2ec; padding: 4px 0; }
  table.stack td { display: flex; justify-content: space-between; gap: 10px;
                   border: 0; padding: 2px 4px; text-align: right; }
  table.stack td::before { content: attr(data-label); text-align: left; color: #3e4c59;
                           flex: 1 1 auto; min-width: 0; white-space: normal; }
  table.stack td.first { display: block; text-align: left; font-weight: 600; }
  table.stack td.first::before { content: none; }
}
"""

INDEX = """<!DOCTYPE html>
<html>
<head>
{%metas%}<title>{%title%}</title>{%favicon%}{%css%}
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>""" + CSS + """</style>
<script>
// A chart drawn while its section was closed has the width it had then: a section that
// opens tells the charts to fit their box again.
document.addEventListener("toggle", function (e) {
  if (e.target.open) { window.dispatchEvent(new Event("resize")); }
}, true);
</script>
</head>
<body>
{%app_entry%}
<footer>{%config%}{%scripts%}{%renderer%}</footer>
</body>
</html>"""


def data(**values: Any) -> dict[str, Any]:
    """``data-*`` attributes of an element: what a number is (tests read them)."""
    return {f"data-{k}": str(v) for k, v in values.items()}


def lang_of(search: str | None, default: str) -> str:
    found = parse_qs((search or "").lstrip("?")).get("lang", [default])[0]
    return found if found in LANGUAGES else default


def build_app(explorer: Explorer, lang: str = "nl") -> dash.Dash:
    """The explorer's Dash app (its Flask server is ``app.server``)."""
    app = dash.Dash(__name__, title="Pathways", update_title="", serve_locally=True,
                    suppress_callback_exceptions=True, assets_ignore=".*",
                    index_string=INDEX)
    app.layout = html.Div([dcc.Location(id="url"), html.Div(id="page")])
    _callbacks(app, explorer, lang)
    return app


# ---- the page -------------------------------------------------------------------------------
def page(explorer: Explorer, lang: str) -> list:
    """The page in ``lang``. Everything a callback reads or writes is part of it, so that
    the page in the other language is whole at once; what the tab remembers (the
    programme, the levers' values, the pinned settings) lives in its session storage and
    survives the switch."""
    other = "en" if lang == "nl" else "nl"
    options = [{"label": p.title(lang), "value": key}
               for key, p in explorer.programmes.items()]
    base = explorer.base.text("name", lang)
    return [
        dcc.Store(id="values", storage_type="session"),
        dcc.Store(id="pins", storage_type="session"),
        dcc.Store(id="current"),
        dcc.Store(id="ready"),
        dcc.Store(id="pins-ready"),
        dcc.Store(id="resized"),
        dcc.Interval(id="tick", interval=TICK_MS),
        dcc.Download(id="download"),
        html.Div([html.H1(t(lang, "title")),
                  dcc.Link(t(lang, "language"), href=f"?lang={other}", className="lang",
                           id="lang-switch")], className="topline"),
        html.P(_with_code(t(lang, "intro", base=base)), className="intro"),
        html.Div([html.Label(t(lang, "programme"), htmlFor="programme-choice"),
                  html.Div(dcc.Dropdown(id="programme-choice", options=options,
                                        value=next(iter(explorer.programmes)),
                                        clearable=False, searchable=False, persistence=True,
                                        persistence_type="session"),
                           className="choose")], className="picker"),
        html.Div([
            html.Div([html.H2(t(lang, "levers")), html.P(t(lang, "levers_intro"),
                                                         className="intro"),
                      html.Div(id="refusal", className="refusal"),
                      html.Div(id="levers"),
                      html.Div(html.Button(t(lang, "reset"), id="reset"), className="actions")],
                     className="levers"),
            html.Div([html.H2(t(lang, "answer")), html.Div(id="progress", className="progress"),
                      html.Div(id="tiles", className="tiles"),
                      html.Div([html.Button(t(lang, "download"), id="download-button"),
                                html.Button(t(lang, "pin"), id="pin-button")],
                               className="actions"),
                      html.Div(id="pin-note", className="pinned-note"),
                      html.P(t(lang, "reproduce")), html.Pre(id="command",
                                                             className="command")],
                     className="head"),
            html.Div([html.H2(t(lang, "in_words")), html.Div(id="card"),
                      html.H2(t(lang, "charts")),
                      *[_figure(i, lang, explorer.months) for i in CHARTS[:SHOWN_CHARTS]],
                      html.Details([html.Summary(t(lang, "more_charts")),
                                    *[_figure(i, lang, explorer.months)
                                      for i in CHARTS[SHOWN_CHARTS:]]],
                                   className="more"),
                      html.H2(t(lang, "numbers")), html.Div(id="table")],
                     className="details"),
            html.Div([html.H2(t(lang, "side_by_side")), html.P(t(lang, "side_intro"),
                                                               className="intro"),
                      html.Div(id="pins-view")], className="pins"),
        ], className="layout"),
    ]


def _with_code(text: str) -> list:
    """``text`` with its `quoted` parts as code."""
    return [html.Code(part) if i % 2 else part for i, part in enumerate(text.split("`"))]


def _figure(chart: tuple[str, str], lang: str, months: int):
    key, words = chart
    title = TEXT[lang][words].replace("{m}", str(months))
    return html.Figure([html.Figcaption(sentence_start(title), id=f"caption-{key}"),
                        dcc.Graph(id=f"chart-{key}", config=GRAPH_CONFIG,
                                  figure=_empty())],
                       id=f"figure-{key}")


def _empty() -> go.Figure:
    fig = go.Figure()
    fig.update_layout(template="plotly_white", height=120, margin={"l": 10, "r": 10,
                                                                     "t": 10, "b": 10},
                      xaxis={"visible": False}, yaxis={"visible": False})
    return fig


# ---- levers ---------------------------------------------------------------------------------
def lever_controls(explorer: Explorer, programme: str, values: dict[str, Any],
                   lang: str) -> list:
    scenario = explorer.programmes[programme].scenario
    out = []
    for i, section in enumerate(lv.sections(scenario)):
        items = [_control(lever, values.get(lever.key, lever.value), lang)
                 for lever in section.levers]
        out.append(html.Details([html.Summary(section.title(lang)), *items],
                                open=i == 0))
    return out


def _control(lever: lv.Lever, value: Any, lang: str):
    d = lever.declaration
    doc, unit, source = lever.words(lang)
    if lever.is_number:
        lo, hi = d.range or (d.bounds[0] or 0, d.bounds[1] or 1)
        step = 1 if d.type is int else _step(lo, hi)
        slider = dcc.Slider(id={"type": "slider", "key": lever.key}, min=lo, max=hi,
                            step=step, value=_clamp(value, lo, hi), updatemode="mouseup",
                            marks={lo: decimal(lo, lang), hi: decimal(hi, lang)},
                            included=True, tooltip=None, allow_direct_input=False)
        box = dcc.Input(id={"type": "number", "key": lever.key}, type="number", value=value,
                        step=1 if d.type is int else "any", debounce=True,
                        inputMode="numeric" if d.type is int else None)
        field: Any = html.Div([html.Div(slider, className="slide"), box], className="row")
        plausible = t(lang, "span", lo=decimal(lo, lang), hi=decimal(hi, lang))
        meta = (f"{TEXT[lang]['unit']}: {unit} · {t(lang, 'plausible')}: {plausible} · "
                f"{TEXT[lang]['source']}: {source}")
    else:
        if d.type is bool:
            options = [{"label": TEXT[lang]["yes"], "value": True},
                       {"label": TEXT[lang]["no"], "value": False}]
        else:
            options = [{"label": c, "value": c} for c in d.choices or ()]
        field = dcc.RadioItems(id={"type": "choice", "key": lever.key}, options=options,
                               value=value, inline=True,
                               inputStyle={"marginRight": "4px"},
                               labelStyle={"marginRight": "14px"})
        meta = f"{TEXT[lang]['source']}: {source}"
    return html.Div([
        html.Div(lever.label(lang), className="name"),
        html.Div(doc, className="doc") if doc.rstrip(".") != lever.label(lang).rstrip(".")
        else None,
        field,
        html.Div(id={"type": "note", "key": lever.key}),
        html.Div([html.Code(lever.key), " · ", meta], className="meta"),
    ], className="lever", **data(lever=lever.key))


def _step(lo: float, hi: float) -> float:
    """A round step giving about a hundred positions between ``lo`` and ``hi``."""
    span = (hi - lo) or 1.0
    raw = span / 100
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _clamp(value: Any, lo: float, hi: float) -> Any:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return lo
    return min(max(value, lo), hi)


# ---- the answer -----------------------------------------------------------------------------
def progress_view(answer, lang: str, first: int) -> list:
    if answer.error:
        return [html.Div(t(lang, "cannot_run", what=answer.error), className="note-refuse")]
    if answer.comparison is None:
        status = t(lang, "waiting", n=first)
    elif answer.replications >= answer.total:
        status = t(lang, "final", n=answer.total)
    else:
        status = t(lang, "refining", n=answer.replications)
    return [html.Progress(value=str(answer.done), max=str(answer.total)),
            html.Span(t(lang, "progress", done=answer.done, total=answer.total),
                      **data(done=answer.done, total=answer.total,
                             replications=answer.replications)),
            html.Span(status)]


def tile_view(tile: Tile) -> html.Div:
    def number(x: Tile, cls: str):
        return html.Span(x.text, className=cls, **data(outcome=x.outcome,
                                                       value=repr(float(x.mean))))

    parts = [html.Div([f"{p.label}: ", number(p, "num"), f" ({p.interval})"],
                      className="part") for p in tile.parts]
    words = math.isnan(tile.mean)  # no number: what there is, in words
    return html.Div([html.Div(tile.label, className="label"),
                     html.Div(number(tile, "num"), className="value words" if words
                              else "value"),
                     html.Div(tile.interval, className="ci"), *parts],
                    className="tile", **data(tile=tile.key))


def numbers_table(comparison, lang: str, months: int) -> html.Table:
    """Every outcome of the comparison table, as the report's table of outcomes words it."""
    alt = comparison.alternatives[0]
    table = with_every_name(comparison.table)
    heads = [TEXT[lang]["outcome"], TEXT[lang]["estimate"], TEXT[lang]["interval"]]
    rows = []
    for outcome in _table_outcomes(months):
        words, shown, interval = _outcome_row(table, alt, outcome, months, lang)
        mean = value(table, alt, outcome)[0]
        rows.append(html.Tr([
            html.Td(words, className="first"),
            html.Td(html.Span(_text(shown), className="num",
                              **data(outcome=outcome, value=repr(mean))),
                    className="n", **data(label=heads[1])),
            html.Td(_text(interval), className="n",
                    **data(label=heads[2]))]))
    return html.Table([html.Thead(html.Tr([html.Th(heads[0]), html.Th(heads[1],
                                                                      className="n"),
                                           html.Th(heads[2], className="n")])),
                       html.Tbody(rows)], className="stack")


def _text(markup: str) -> str:
    """The text of the report's markup, its no-break spaces kept (``striptags`` would make
    them spaces, and a sum of money could break between its sign and its figure)."""
    return Markup(re.sub(r"<[^>]*>", "", str(markup))).unescape()


def figures(explorer: Explorer, comparison, lang: str) -> dict[str, go.Figure]:
    """The report's comparison charts for one alternative against the base."""
    result = comparison.result
    monthly = result.monthly
    base, alt = comparison.base, comparison.alternatives[0]
    names = [base, alt]
    words = {name: s.text("name", lang) for name, s in result.scenarios.items()}
    table = with_every_name(comparison.table)
    months = explorer.months
    t_ = TEXT[lang]
    recorded = recorded_metrics(result.scenarios.values())
    out = {
        "net": charts.net_saving({alt: comparison.curves[alt]}, lang, words),
        "work": charts.scenario_lines(monthly, names, "exit_work", t_["mothers"], lang,
                                      cumulative=True, base=base, labels=words),
        "costs": charts.costs_and_savings(monthly, base, [alt], lang, words),
        "glance": charts.glance(table, [alt], months, lang, words),
        "share": charts.scenario_lines(monthly, names, "cohort_on_assistance", t_["share"],
                                       lang, base=base, labels=words, share_of_start=True),
        "destinations": charts.destination_changes(table, [alt], lang, words),
        "caseload": charts.caseload(monthly, names, lang, words, recorded),
        "childcare": charts.childcare(monthly, names, lang, words, recorded),
    }
    if charts.policy_metrics(monthly, "cost", recorded):
        out["programme_costs"] = charts.programme_costs(
            monthly, names, lang, _cost_words(result.scenarios, lang), words, recorded)
    for fig in out.values():
        fig.update_layout(separators=",." if lang == "nl" else ".,")
    return out


def pins_view(explorer: Explorer, pins: list[dict], lang: str) -> list:
    """The pinned settings side by side: what each one is, one table (a column each, a row
    per headline number) and one chart."""
    if not pins:
        return []
    months = explorer.months
    legend, found, tables, labels = [], [], [], {}
    for i, pin in enumerate(pins):
        answer = explorer.engine.answer(pin["key"])
        letter = PIN_LETTERS[i]
        programme = explorer.programmes.get(pin["programme"])
        label = f"{letter}: {programme.title(lang) if programme else pin['programme']}"
        changes = pin.get("values") or {}
        what = (t(lang, "changed", list=", ".join(f"{k} {decimal(v, lang)}"
                                                  for k, v in changes.items()))
                if changes else t(lang, "unchanged"))
        legend.append(html.Li([
            html.Strong(label), html.Div(what, className="pinned-note"),
            html.Div(t(lang, "reps_short", done=answer.replications, total=answer.total),
                     className="pinned-note"),
            html.Button(t(lang, "remove"), id={"type": "unpin", "index": i})],
            **data(pin=letter)))
        found.append({x.key: x for x in tiles(answer.comparison, lang, months)}
                     if answer.comparison is not None else {})
        if answer.comparison is not None:
            table = answer.comparison.table
            alt = answer.comparison.alternatives[0]
            tables.append(table[table.alternative == alt].assign(alternative=label))
            labels[label] = label
    letters = PIN_LETTERS[:len(pins)]
    rows = []
    for key in HEAD_TILES:
        cells = [html.Td(_short(key, lang, months), className="first")]
        for letter, tiles_ in zip(letters, found):
            tile = tiles_.get(key)
            cells.append(html.Td(
                html.Div([html.Div(tile.text, className="num",
                                   **data(outcome=tile.outcome, value=repr(tile.mean))),
                          html.Div(tile.span or tile.interval, className="ci")])
                if tile else "…", className="n", **data(label=letter)))
        rows.append(html.Tr(cells, **data(row=key)))
    head = html.Thead(html.Tr([html.Th(""), *[html.Th(x, className="n") for x in letters]]))
    out: list = [html.Ol(legend, className="pin-list"),
                 html.P(t(lang, "side_note"), className="pinned-note"),
                 html.Table([head, html.Tbody(rows)], className="stack")]
    if tables:
        combined = with_every_name(pd.concat(tables, ignore_index=True))
        fig = charts.glance(combined, list(labels), months, lang, labels)
        fig.update_layout(separators=",." if lang == "nl" else ".,")
        out.append(html.Figure([html.Figcaption(t(lang, "chart_side")),
                                dcc.Graph(id="chart-pins", figure=fig, config=GRAPH_CONFIG)]))
    return out


HEAD_TILES = ("work", "months", "benefit", "cost", "per_exit", "break_even")


def _short(key: str, lang: str, months: int) -> str:
    return t(lang, f"tile_{key}", m=months) if key != "break_even" else t(lang, f"tile_{key}")


# ---- callbacks ------------------------------------------------------------------------------
def _callbacks(app: dash.Dash, explorer: Explorer, default_lang: str) -> None:
    first = next(iter(explorer.programmes))
    engine = explorer.engine

    def programme_of(key: str | None) -> str:
        return key if key in explorer.programmes else first

    @app.callback(Output("page", "children"), Input("url", "search"))
    def render_page(search):
        return page(explorer, lang_of(search, default_lang))

    @app.callback(Output("levers", "children"), Input("programme-choice", "value"),
                  Input("reset", "n_clicks"), State("values", "data"), State("url", "search"))
    def render_levers(programme, _reset, values, search):
        programme = programme_of(programme)
        own = {} if ctx.triggered_id == "reset" else (values or {}).get(programme, {})
        return lever_controls(explorer, programme, own, lang_of(search, default_lang))

    @app.callback(Output({"type": "number", "key": MATCH}, "value"),
                  Output({"type": "slider", "key": MATCH}, "value"),
                  Input({"type": "slider", "key": MATCH}, "value"),
                  Input({"type": "number", "key": MATCH}, "value"),
                  State({"type": "slider", "key": MATCH}, "step"),
                  State({"type": "slider", "key": MATCH}, "min"),
                  State({"type": "slider", "key": MATCH}, "max"),
                  prevent_initial_call=True)
    def sync(slider, number, step, lo, hi):
        if isinstance(ctx.triggered_id, dict) and ctx.triggered_id.get("type") == "slider":
            # A slider snaps a value between its steps: that is not a move.
            if slider is None or (isinstance(number, (int, float))
                                  and abs(slider - number) <= step / 2):
                raise PreventUpdate
            return _round(slider, step), no_update
        if not isinstance(number, (int, float)):
            raise PreventUpdate
        return no_update, _clamp(number, lo, hi)

    @app.callback(Output("values", "data"), Output("current", "data"),
                  Output({"type": "note", "key": ALL}, "children"), Output("refusal", "children"),
                  Input({"type": "number", "key": ALL}, "value"),
                  Input({"type": "choice", "key": ALL}, "value"),
                  State("programme-choice", "value"), State("values", "data"),
                  State("url", "search"))
    def settle(numbers, choices, programme, values, search):
        lang = lang_of(search, default_lang)
        programme = programme_of(programme)
        known = lv.levers(explorer.programmes[programme].scenario)
        given = {}
        for item, chosen_value in [*zip(ctx.inputs_list[0], numbers),
                                   *zip(ctx.inputs_list[1], choices)]:
            given[item["id"]["key"]] = chosen_value
        if not given or any(k not in known for k in given):
            raise PreventUpdate  # the controls of another programme, on their way out
        notes: dict[str, Any] = {}
        refused: list[str] = []
        chosen: dict[str, Any] = {}
        for key, raw in given.items():
            judged = known[key].judge(raw, lang)
            if judged.refused:
                notes[key] = html.Div(judged.refused, className="note-refuse")
                refused.append(f"{key}: {judged.refused}")
            else:
                chosen[key] = judged.value
                notes[key] = (html.Div(judged.warning, className="note-warn")
                              if judged.warning else None)
        order = [o["id"]["key"] for o in ctx.outputs_list[2]]
        note_list = [notes.get(k) for k in order]
        values = dict(values or {})
        values[programme] = {k: v for k, v in chosen.items() if v != known[k].value}
        if refused:
            return values, no_update, note_list, html.Div(
                t(lang, "refused", what="; ".join(refused)), className="note-refuse")
        try:
            scenario = explorer.setting(programme, chosen)
            key = engine.submit(scenario)
        except (InputError, ValueError) as err:
            text = err.message if isinstance(err, InputError) else str(err)
            return values, no_update, note_list, html.Div(
                t(lang, "refused", what=text), className="note-refuse")
        current = {"key": key, "programme": programme, "values": values[programme]}
        return values, current, note_list, None

    @app.callback(Output("progress", "children"), Input("tick", "n_intervals"),
                  Input("current", "data"), State("url", "search"))
    def show_progress(_tick, current, search):
        if not current:
            raise PreventUpdate
        return progress_view(engine.answer(current["key"]), lang_of(search, default_lang),
                             engine.first)

    # The tick only asks whether there is something new (cheap); what is slow to draw is
    # drawn when there is. Drawn on every tick, a slow callback would be overtaken by the
    # next tick's and never shown.
    @app.callback(Output("ready", "data"), Input("tick", "n_intervals"),
                  Input("current", "data"), State("ready", "data"), State("url", "search"))
    def probe(_tick, current, ready, search):
        if not current:
            raise PreventUpdate
        answer = engine.answer(current["key"])
        mark = [current["key"], answer.replications, lang_of(search, default_lang)]
        if answer.comparison is None or mark == ready:
            raise PreventUpdate
        return mark

    @app.callback(Output("tiles", "children"), Output("card", "children"),
                  Output("command", "children"), Output("table", "children"),
                  Input("ready", "data"), State("current", "data"))
    def show_answer(ready, current):
        comparison, scenario, lang = _ready(ready, current)
        months = explorer.months
        alt = comparison.alternatives[0]
        return ([tile_view(x) for x in tiles(comparison, lang, months)],
                dcc.Markdown(str(card(with_every_name(comparison.table), alt, months, lang,
                                      scenario.text("name", lang),
                                      scenario.text("description", lang))),
                             dangerously_allow_html=True),
                explorer.command(current["programme"], scenario, ready[1]),
                numbers_table(comparison, lang, months))

    @app.callback(*[Output(f"chart-{key}", "figure") for key, _ in CHARTS],
                  *[Output(f"figure-{key}", "style") for key, _ in CHARTS],
                  Input("ready", "data"), State("current", "data"))
    def show_charts(ready, current):
        comparison, _, lang = _ready(ready, current)
        made = figures(explorer, comparison, lang)
        return (*[made.get(key, _empty()) for key, _ in CHARTS],
                *[None if key in made else {"display": "none"} for key, _ in CHARTS])

    def _ready(ready, current):
        """The comparison a ``ready`` mark announces, its scenario and the language."""
        if not ready or not current or ready[0] != current["key"]:
            raise PreventUpdate
        answer = engine.answer(ready[0])
        scenario = engine.scenario(ready[0])
        if answer.comparison is None or scenario is None:
            raise PreventUpdate
        return answer.comparison, scenario, ready[2]

    # A chart redrawn while the window changed size keeps the size it had when the drawing
    # began: once drawn, every chart fits its box again.
    app.clientside_callback(
        """function () {
          setTimeout(function () { window.dispatchEvent(new Event("resize")); }, 250);
          return window.dash_clientside.no_update;
        }""",
        Output("resized", "data"),
        *[Input(f"chart-{key}", "figure") for key, _ in CHARTS], Input("pins-view", "children"),
        prevent_initial_call=True)

    @app.callback(Output("download", "data"), Input("download-button", "n_clicks"),
                  State("current", "data"), prevent_initial_call=True)
    def download(_clicks, current):
        if not current:
            raise PreventUpdate
        try:
            name, text = explorer.scenario_file(current["programme"], current["values"])
        except (InputError, KeyError):  # a tab's state from another start of the explorer
            raise PreventUpdate from None
        return {"content": text, "filename": name, "type": "application/yaml"}

    @app.callback(Output("pins", "data"), Output("pin-note", "children"),
                  Input("pin-button", "n_clicks"),
                  Input({"type": "unpin", "index": ALL}, "n_clicks"),
                  State("current", "data"), State("pins", "data"), State("url", "search"),
                  prevent_initial_call=True)
    def pin(_clicks, unpins, current, pins, search):
        lang = lang_of(search, default_lang)
        pins = list(pins or [])
        trigger = ctx.triggered_id
        if isinstance(trigger, dict) and trigger.get("type") == "unpin":
            if not any(unpins):
                raise PreventUpdate  # the buttons appeared; none was pressed
            index = trigger["index"]
            pins = [p for i, p in enumerate(pins) if i != index]
        elif trigger == "pin-button" and current:
            if any(p["key"] == current["key"] for p in pins):
                raise PreventUpdate
            if len(pins) >= MAX_PINS:
                return no_update, t(lang, "pins_full")
            pins.append({"key": current["key"], "programme": current["programme"],
                         "values": current["values"]})
        else:
            raise PreventUpdate
        return pins, None

    @app.callback(Output("pins-ready", "data"), Input("pins", "data"),
                  Input("tick", "n_intervals"), State("pins-ready", "data"),
                  State("url", "search"))
    def probe_pins(pins, _tick, ready, search):
        keys = []
        for p in pins or []:
            if p.get("programme") not in explorer.programmes:
                continue
            if engine.scenario(p["key"]) is None:  # the server started anew: ask again
                try:
                    engine.add(explorer.setting(p["programme"], p["values"]))
                except (InputError, ValueError):
                    continue
            keys.append(p["key"])
        engine.pin(keys)
        mark: list[Any] = [[k, engine.answer(k).replications] for k in keys]
        mark.append(lang_of(search, default_lang))
        if mark == ready:
            raise PreventUpdate
        return mark

    @app.callback(Output("pins-view", "children"), Input("pins-ready", "data"),
                  State("pins", "data"))
    def show_pins(ready, pins):
        if not ready:
            raise PreventUpdate
        keys = {k for k, _ in ready[:-1]}
        return pins_view(explorer, [p for p in pins or [] if p["key"] in keys], ready[-1])


def _round(value: float, step: float) -> float | int:
    if float(step).is_integer():
        return round(value)
    digits = max(0, -math.floor(math.log10(step)))
    return round(value, digits)

