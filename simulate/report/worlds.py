"""The report's section on plausible worlds (``simulate compare --worlds``): a funder's view
first (which programme to fund, and how sure that is), then the two kinds of uncertainty
side by side, the acceptability curve, and what each answer hinges on."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from simulate.outcomes import FEW_WORLDS, flip_sentence
from simulate.parameters import held_parameters
from simulate.report.charts import color
from simulate.report.load import WORLD_FRAMES, Output
from simulate.report.page import Page, html, num
from simulate.report.text import TEXT, auto, missing, money, number, short_doc, wrap

# Drivers shown per alternative in its tornado chart.
TOP_DRIVERS = 8


def present(out: Output) -> bool:
    """Whether the comparison ran in plausible worlds."""
    return all(name in out.frames for name in WORLD_FRAMES[:6])


def _get(summary: pd.DataFrame, alt: str, outcome: str, col: str) -> float:
    row = summary[(summary.alternative == alt) & (summary.outcome == outcome)]
    return float(row.iloc[0][col]) if len(row) else np.nan


def funder_order(alternatives: list[str], net: Callable[[str], float],
                 per_exit: Callable[[str], float]) -> list[str]:
    """Alternatives in the order a funder would look at them: those that pay for themselves
    (net cost at most zero) first, by how much they save; then the rest by their net cost
    per extra exit to work; those with no extra exits last (file order among equals)."""
    def key(alt: str) -> tuple:
        n, p = net(alt), per_exit(alt)
        if not missing(n) and n <= 0:
            return (0, n)
        return (1, p) if not missing(p) else (2, 0.0)
    return sorted(alternatives, key=key)


def ranking(out: Output, alternatives: list[str]) -> list[str]:
    """:func:`funder_order` by the medians over plausible worlds."""
    s = out.frames["worlds_summary"]
    return funder_order(alternatives, lambda a: _get(s, a, "net_cost_eur_total", "median"),
                        lambda a: _get(s, a, "net_cost_per_extra_exit_to_work_total",
                                       "median"))


def _clear(table: pd.DataFrame, alt: str) -> bool:
    """Extra exits to work clearly above zero (a cost per exit means something)."""
    from simulate.report.cards import value

    low = value(table, alt, "extra_exits_work_total")[1]
    return not missing(low) and low > 0


def plain_order(table: pd.DataFrame, alternatives: list[str]) -> list[str]:
    """:func:`funder_order` by the means over replications; a cost per extra exit counts
    only where the extra exits are clearly above zero."""
    from simulate.report.cards import value

    return funder_order(alternatives, lambda a: value(table, a, "net_cost_eur_total")[0],
                        lambda a: value(table, a, "net_cost_per_extra_exit_to_work_total")[0]
                        if _clear(table, a) else np.nan)


def plain_section(page: Page, table: pd.DataFrame, alternatives: list[str],
                  words: dict[str, str], months: int) -> list[str]:
    """Without worlds: the same ranking by the means over replications, with one sentence,
    and the order for the rest of the report."""
    from simulate.report.cards import value

    lang = page.lang
    order = plain_order(table, alternatives)

    def clear(alt: str) -> bool:
        return _clear(table, alt)

    page.h(2, page.t("rank_title"), "ranking")
    most = max(order, key=lambda a: value(table, a, "extra_exits_work_total")[0])
    cheapest = order[0]
    saved = -value(table, cheapest, "net_cost_eur_total")[0]
    page.p(page.t("rank_lead", most=words.get(most, most),
                  v=auto(value(table, most, "extra_exits_work_total")[0], lang), m=months)
           + " " + (page.t("rank_lead_saves", first=words.get(cheapest, cheapest),
                           v=money(saved, lang)) if saved >= 0 else
                    page.t("rank_lead_cost", first=words.get(cheapest, cheapest))))
    rows = []
    for i, alt in enumerate(order, 1):
        extra = value(table, alt, "extra_exits_work_total")
        net = value(table, alt, "net_cost_eur_total")[0]
        per = value(table, alt, "net_cost_per_extra_exit_to_work_total")
        be = value(table, alt, "break_even_month")[0]
        mean = num(auto(extra[0], lang), alternative=alt, outcome="extra_exits_work_total",
                   stat="mean", value=extra[0])
        within = (html(TEXT[lang]["rank_month"], v=num(str(int(be)), alternative=alt,
                                                        outcome="break_even_month",
                                                        stat="mean", value=be))
                  if not missing(be) else page.t("rank_not_within", m=months))
        rows.append([str(i), words.get(alt, alt),
                     html("{} ({})", mean, _range(auto, list(extra), lang, bare=True))
                     if not missing(extra[1]) else mean,
                     page.t("worlds_saves_mean", v=money(-net, lang))
                     if not missing(net) and net <= 0 else
                     _range(money, list(per), lang) if clear(alt) else page.t("rank_unclear"),
                     within])
    page.table([page.t("worlds_rank"), page.t("worlds_programme"), page.t("worlds_exits"),
                page.t("worlds_cost_per_exit"), page.t("rank_break_even")], rows, {2, 4})
    page.p(page.t("rank_note"), "note")
    return order


def parameter_words(out: Output, name: str, lang: str) -> str:
    """A parameter's description, short enough for a chart label (its name if undeclared)."""
    found = out.declaration(name)
    if found is None:
        return name
    text = short_doc(found[1].words(lang)[0], 90)
    if text.count("(") > text.count(")"):  # cut inside a bracket: leave the bracket out
        text = text[: text.rfind("(")].rstrip(" ,")
    return text


def section(page: Page, out: Output, alternatives: list[str], words: dict[str, str],
            months: int) -> None:
    """Add the section to ``page``."""
    lang = page.lang
    s = out.frames["worlds_summary"]
    chances = out.frames["worlds_chances"]
    info = out.manifest.get("worlds") or {}
    order = ranking(out, alternatives)
    page.h(2, page.t("worlds_title"), "worlds")
    page.p(page.t("worlds_intro", kept=info.get("kept", "?"), drawn=info.get("drawn", "?"),
                  plausible=info.get("plausible", info.get("kept", "?")),
                  targets=len(info.get("targets_used", [])), reps=info.get("replications", "?")),
           "intro")
    lucky = [a for a in order if a in set(info.get("luck_dominates") or ())]
    if lucky:
        page.p(page.t("worlds_luck", reps=info.get("replications", "?"),
                      names=", ".join(words.get(a, a) for a in lucky)), "warning")
    page.p(_lead(out, order, words, months, lang))

    months_shown = sorted(int(m) for m in chances.month.unique())
    last = months_shown[-1] if months_shown else months

    def chance(alt: str, m: int) -> Markup | str:
        p = chances[(chances.alternative == alt) & (chances.month == m)].pays_back
        if not len(p):
            return "-"
        x = float(p.iloc[0])
        return num(f"{number(100 * x, lang)}%", programme=alt, outcome=f"pays_back_{m}",
                   value=x)

    page.p(page.t("worlds_table_intro", m=months))
    header = [page.t("worlds_rank"), page.t("worlds_programme"),
              page.t("worlds_exits", m=months), page.t("worlds_cost_per_exit"),
              page.t("worlds_pays_back_by", m=last)]
    rows = []
    for i, alt in enumerate(order, 1):
        extra = [_get(s, alt, "extra_exits_work_total", c)
                 for c in ("median", "world_low", "world_high")]
        net = _get(s, alt, "net_cost_eur_total", "median")
        per = [_get(s, alt, "net_cost_per_extra_exit_to_work_total", c)
               for c in ("median", "world_low", "world_high")]
        cost = (page.t("worlds_saves", v=money(-net, lang)) if not missing(net) and net <= 0
                else _range(money, per, lang))
        row = s[(s.alternative == alt) & (s.outcome == "extra_exits_work_total")]
        if len(row) and bool(row.iloc[0].get("luck_dominates", False)):
            extra = [extra[0], np.nan, np.nan]  # no range: the worlds differ no more than luck
        rows.append([str(i), words.get(alt, alt),
                     num(_range(auto, extra, lang), programme=alt,
                         outcome="extra_exits_work_total"),
                     cost, chance(alt, last)])
    page.table(header, rows, {2, 4})
    if len(months_shown) > 1:
        page.p(page.t("worlds_chance_by"))
        page.table([page.t("worlds_programme"),
                    *(page.t("worlds_month", m=m) for m in months_shown)],
                   [[words.get(alt, alt), *(chance(alt, m) for m in months_shown)]
                    for alt in order], set(range(1, len(months_shown) + 1)))
    page.p(page.t("worlds_ranking_note", m=last), "note")
    beats = out.frames.get("worlds_beats")
    if beats is not None and len(order) > 1:
        page.p(page.t("worlds_beats_intro", m=months))
        lookup = beats.set_index(["alternative", "other"]).more_exits_to_work
        page.table([page.t("worlds_programme"), *(words.get(b, b) for b in order)],
                   [[words.get(a, a), *("–" if a == b else num(
                       f"{number(100 * float(lookup.get((a, b), np.nan)), lang)}%",
                       programme=a, other=b) for b in order)] for a in order],
                   set(range(1, len(order) + 1)))

    page.h(3, page.t("worlds_two_kinds"), "worlds-uncertainty")
    page.p(page.t("worlds_two_kinds_intro", reps=info.get("replications", "?")))
    header = [page.t("worlds_programme"), page.t("outcome"), page.t("worlds_median"),
              page.t("worlds_world_range"), page.t("worlds_luck_range")]
    rows = []
    for alt in order:
        for outcome, fmt in (("extra_exits_work_total", auto), ("net_cost_eur_total", money)):
            med, lo, hi, rl, rh = (_get(s, alt, outcome, c) for c in (
                "median", "world_low", "world_high", "replication_low", "replication_high"))
            what = page.t(f"worlds_{outcome}", m=months)
            if outcome == "net_cost_eur_total" and not missing(med) and med <= 0:
                # A saving, said as one: no minus signs beside the range's dash.
                what = page.t("worlds_net_saving", m=months)
                med, lo, hi, rl, rh = -med, -hi, -lo, -rh, -rl
            row = s[(s.alternative == alt) & (s.outcome == outcome)]
            luck = bool(len(row) and row.iloc[0].get("luck_dominates", False))
            world = (page.t("worlds_chance_only") if luck
                     else _range(fmt, [med, lo, hi], lang, bare=True))
            rows.append([words.get(alt, alt), what, fmt(med, lang),
                         num(world, programme=alt, outcome=outcome, stat="world",
                             width=hi - lo),
                         num(_range(fmt, [med, rl, rh], lang, bare=True), programme=alt,
                             outcome=outcome, stat="replication", width=rh - rl)])
    page.table(header, rows, {2, 3, 4})

    page.chart(acceptability(out, order, words, lang), page.t("worlds_chart_ceac"))
    page.p(page.t("worlds_ceac_note"), "note")

    page.h(3, page.t("worlds_hinges"), "worlds-drivers")
    flips = out.frames["worlds_flips"]
    for alt in order:
        for row in flips[flips.alternative == alt].to_dict("records"):
            named = dict(row)
            if row.get("parameter"):
                named["parameter"] = parameter_words(out, row["parameter"], lang)
            page.p(flip_sentence(named, words.get(alt, alt), lang, months))
    if int(info.get("kept") or 0) < FEW_WORLDS:
        page.p(page.t("worlds_few", n=info.get("kept", "?")), "note")
    drivers = out.frames["worlds_drivers"]
    if len(drivers):
        page.p(page.t("worlds_holm", n=int(drivers["tested"].max())), "note")
    first, rest = order[:1], order[1:]
    for alt in first:
        page.chart(tornado(out, alt, lang), page.t("worlds_chart_tornado",
                                                   name=words.get(alt, alt)))
    if rest:
        def more(p: Page) -> None:
            for alt in rest:
                p.chart(tornado(out, alt, lang), p.t("worlds_chart_tornado",
                                                     name=words.get(alt, alt)))
        page.details(page.t("worlds_more_tornados"), more)
    gaps = info.get("left_out_nl" if lang == "nl" else "left_out") or {}
    # A scanned parameter whose range shrank to its value (the base missed the targets)
    # keeps its value.
    scanned = {n: r for n, r in (info.get("screened") or {}).items() if r[1] > r[0]}
    held = info.get("held")
    if held is None:  # written before the manifest said: every one not drawn
        drawn = {*info.get("calibrated", []), *scanned}
        held = held_parameters(drawn)
    emulated = int(info.get("emulated_out") or 0)
    page.p(page.t("worlds_method", left_out="; ".join(f"{k} ({v})" for k, v in gaps.items())
                  or "-", held=_held(page, info, held),
                  scanned=page.t("worlds_scanned", n=len(scanned)) if scanned else "",
                  emulated=page.t("worlds_emulated", n=number(emulated, page.lang))
                  if emulated else ""), "note")


def _held(page: Page, info: dict, held: list[str]) -> str:
    """What the worlds did not draw: those scanned whose range shrank to their value
    (the base itself missed the targets), and those not scanned at all."""
    fixed = [n for n, (lo, hi) in (info.get("screened") or {}).items() if hi <= lo]
    others = [n for n in held if n not in fixed]
    words = [page.t("worlds_held", n=len(others))] if others else []
    if fixed:
        words.append(page.t("worlds_held_fixed", n=len(fixed)))
    return " ".join(words) or page.t("worlds_held_none")


def _lead(out: Output, order: list[str], words: dict[str, str], months: int,
          lang: str) -> Markup:
    """One sentence a funder can act on: the most exits to work, and the surest payback."""
    s, chances = out.frames["worlds_summary"], out.frames["worlds_chances"]
    most = max(order, key=lambda a: _get(s, a, "extra_exits_work_total", "median"))
    last = chances[chances.month == chances.month.max()]
    surest = last.sort_values("pays_back", ascending=False, kind="stable").iloc[0]
    return html(TEXT[lang]["worlds_lead"], most=words.get(most, most),
                v=auto(_get(s, most, "extra_exits_work_total", "median"), lang),
                surest=words.get(surest.alternative, surest.alternative),
                p=f"{number(100 * surest.pays_back, lang)}%", m=int(surest.month))


def _range(fmt, values: list[float], lang: str, bare: bool = False) -> str:
    med, lo, hi = values
    if missing(med):
        return "-"
    if missing(lo) or missing(hi):
        return fmt(med, lang)
    if bare:
        return f"{fmt(lo, lang)} – {fmt(hi, lang)}"
    return f"{fmt(med, lang)} ({fmt(lo, lang)} – {fmt(hi, lang)})"


def acceptability(out: Output, order: list[str], words: dict[str, str],
                  lang: str) -> go.Figure:
    """The chance that each alternative's net cost per extra exit to work is below a
    threshold, for thresholds from 0 to EUR 100,000."""
    a = out.frames["worlds_acceptability"]
    fig = go.Figure()
    for i, alt in enumerate(order):
        g = a[a.alternative == alt]
        fig.add_trace(go.Scatter(x=g.threshold_eur, y=g.probability, mode="lines",
                                 name=wrap(words.get(alt, alt), 30),
                                 line={"color": color(i + 1), "width": 2},
                                 hovertemplate="%{x:,.0f}: %{y:.0%}<extra></extra>"))
    t = TEXT[lang]
    fig.update_layout(template="plotly_white", height=380,
                      margin={"l": 60, "r": 16, "t": 24, "b": 40},
                      legend={"orientation": "h", "y": -0.22, "yanchor": "top"},
                      xaxis_title=t["worlds_axis_threshold"],
                      yaxis_title=t["worlds_axis_chance"])
    top = float(a.threshold_eur.max()) if len(a) else 100_000.0
    fig.update_xaxes(tickformat=",.0f", tickprefix="€ " if lang == "nl" else "",
                     range=[0, top * 1.01], dtick=top / 4)
    fig.update_yaxes(range=[0, 1.02], tickformat=".0%")
    return fig


# Opacity of a tornado bar whose correlation is not clear after Holm's adjustment.
PALE = 0.35


def tornado(out: Output, alt: str, lang: str) -> go.Figure:
    """The parameters that move an alternative's extra exits to work and its net cost most:
    Spearman's rank correlation over worlds with its 95% interval, largest on top."""
    d = out.frames["worlds_drivers"]
    t = TEXT[lang]
    fig = go.Figure()
    shown = []
    for i, outcome in enumerate(("extra_exits_work_total", "net_cost_eur_total")):
        g = d[(d.alternative == alt) & (d.outcome == outcome)].nsmallest(TOP_DRIVERS, "rank")
        shown.append(g)
    names = list(dict.fromkeys(p for g in shown for p in g.parameter))
    labels = {p: wrap(parameter_words(out, p, lang), 32) for p in names}
    for i, (outcome, g) in enumerate(zip(("extra_exits_work_total", "net_cost_eur_total"),
                                         shown)):
        # A correlation that may be chance among the parameters tested together is pale.
        fig.add_trace(go.Bar(
            y=[labels[p] for p in g.parameter], x=g.rho, orientation="h",
            name=t[f"worlds_legend_{outcome}"],
            marker={"color": color(i + 1),
                    "opacity": [1.0 if clear else PALE for clear in g.clear]},
            error_x={"type": "data", "symmetric": False, "array": g.rho_high - g.rho,
                     "arrayminus": g.rho - g.rho_low, "thickness": 1.5, "width": 3},
            hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    height = max(260, 90 + 34 * len(names) * (1 + any("<br>" in v for v in labels.values())))
    fig.update_layout(template="plotly_white", barmode="group", height=height,
                      margin={"l": 10, "r": 16, "t": 24, "b": 40},
                      legend={"orientation": "h", "y": -0.08, "yanchor": "top"},
                      xaxis_title=wrap(t["worlds_axis_rho"], 24))
    fig.update_xaxes(range=[-1, 1], zeroline=True, zerolinecolor="#444")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig
