"""The report's content per kind of output: plain language first, charts second."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from simulate import __version__
from simulate.compare import net_saving_curves
from simulate.outcomes import HORIZONS, summarise
from simulate.parameters import PARAMETERS, Parameter
from simulate.policies import REGISTRY
from simulate.report import charts, experiments
from simulate.report.load import Output
from simulate.report.page import Page, esc, num
from simulate.report.text import auto, missing, money, number, share
from simulate.scenario import Scenario


def build(out: Output, lang: str) -> str:
    """The whole page for an output directory."""
    builder = {"run": _run, "compare": _compare, **experiments.BUILDERS}[out.kind]
    page = builder(out, lang)
    assumptions(page, out)
    reproduce(page, out)
    return page.render(page.t("footer", version=__version__, path=str(out.path)))


def _months(out: Output) -> int:
    return int(out.manifest.get("months") or out.frames["monthly"]["month"].max())


def _scenarios(out: Output) -> list[str]:
    return list(dict.fromkeys(out.frames["runs"]["scenario"].astype(str)))


# ---- one scenario ---------------------------------------------------------------------------
def _run(out: Output, lang: str) -> Page:
    monthly, runs = out.frames["monthly"], out.frames["runs"]
    name = _scenarios(out)[0]
    page = Page(lang, "title_run", name=name)
    page.p(page.t("intro_run", reps=runs["replicate"].nunique(), months=_months(out),
                  name=name, size=number(int(runs["size"].iloc[0]), lang)), "intro")
    page.h(2, page.t("summary"), "summary")
    summary = summarise(runs)
    rows = []
    for r in summary.itertuples():
        base, _, horizon = r.outcome.rpartition("_")
        fmt = share if base.startswith("share") else auto
        value = num(fmt(r.mean, lang), scenario=name, outcome=r.outcome, stat="mean",
                    value=r.mean)
        interval = ("-" if missing(r.ci_low) else
                    f"{esc(fmt(r.ci_low, lang))} – {esc(fmt(r.ci_high, lang))}")
        rows.append([esc(f"{page.t('out_' + base)}, {page.t('after', m=horizon[:-1])}"),
                     value, interval])
    page.table([page.t("outcome"), page.t("estimate"), page.t("interval")], rows, {1, 2})
    page.p(page.t("uncertainty_note"), "note")

    page.h(2, page.t("charts"), "charts")
    size = {name: 1.0 / float(runs["size"].iloc[0])}
    page.chart(charts.scenario_lines(monthly, [name], "cohort_on_assistance",
                                     page.t("chart_share"), page.t("share"), lang, scale=size))
    page.chart(charts.exits_by_destination(monthly, name, lang))
    page.chart(charts.scenario_lines(monthly, [name], "on_assistance", page.t("chart_stock"),
                                     page.t("mothers"), lang))
    page.chart(charts.caseload(monthly, [name], lang))
    page.chart(charts.childcare(monthly, [name], lang))
    return page


# ---- a comparison ----------------------------------------------------------------------------
def _value(table: pd.DataFrame, alt: str, outcome: str) -> tuple[float, float, float]:
    row = table[(table.alternative == alt) & (table.outcome == outcome)]
    if row.empty:
        return (np.nan, np.nan, np.nan)
    r = row.iloc[0]
    return float(r["mean"]), float(r["ci_low"]), float(r["ci_high"])


def _compare(out: Output, lang: str) -> Page:
    monthly, runs, table = out.frames["monthly"], out.frames["runs"], out.frames["comparison"]
    names = _scenarios(out)
    base = out.manifest.get("base", names[0])
    alternatives = [n for n in names if n != base]
    months = _months(out)
    page = Page(lang, "title_compare")
    page.p(page.t("intro_compare", n=len(alternatives), base=base,
                  reps=runs["replicate"].nunique(), months=months), "intro")

    page.h(2, page.t("per_intervention"), "summary")
    for alt in alternatives:
        page.raw(_card(page, out, table, alt, months))
    page.p(page.t("uncertainty_note"), "note")

    page.h(2, page.t("charts"), "charts")
    sizes = {n: 1.0 / float(runs[runs.scenario == n]["size"].iloc[0]) for n in names}
    page.chart(charts.scenario_lines(monthly, names, "cohort_on_assistance",
                                     page.t("chart_share"), page.t("share"), lang, scale=sizes))
    page.chart(charts.scenario_lines(monthly, names, "exit_work", page.t("chart_work"),
                                     page.t("mothers"), lang, cumulative=True))
    page.chart(charts.caseload(monthly, names, lang))
    page.chart(charts.childcare(monthly, names, lang))
    page.chart(charts.costs_and_savings(monthly, base, alternatives, lang))
    wide = monthly.pivot_table(index=["scenario", "replicate", "month"], columns="metric",
                               values="value", observed=True).reset_index()
    page.chart(charts.net_saving({alt: net_saving_curves(wide, base, alt)
                                  for alt in alternatives}, lang))

    page.h(2, page.t("outcomes"), "outcomes")
    rows = []
    for alt in alternatives:
        for outcome in ("extra_exits_work_12m", "extra_exits_work_24m", "extra_exits_work_36m",
                        "mother_months_saved_total", "benefit_saved_eur_total",
                        "intervention_cost_eur_total", "net_cost_per_extra_exit_total",
                        "break_even_month"):
            mean, lo, hi = _value(table, alt, outcome)
            fmt = money if "eur" in outcome or "cost_per" in outcome else auto
            rows.append([esc(alt), esc(page.t("label_" + outcome)), num(fmt(mean, lang), alternative=alt,
                                                     outcome=outcome, stat="mean", value=mean),
                         "-" if missing(lo) and missing(hi) else
                         f"{esc(fmt(lo, lang))} – {esc(fmt(hi, lang))}"])
    page.table([page.t("scenario"), page.t("outcome"), page.t("estimate"), page.t("interval")],
               rows, {2, 3})
    return page


def _card(page: Page, out: Output, table: pd.DataFrame, alt: str, months: int) -> str:
    lang = page.lang

    def tagged(outcome: str, stat: str, value: float, fmt) -> str:
        return num(fmt(value, lang), alternative=alt, outcome=outcome, stat=stat, value=value)

    def three(outcome: str, fmt) -> dict[str, str]:
        mean, lo, hi = _value(table, alt, outcome)
        return {"v": tagged(outcome, "mean", mean, fmt), "lo": tagged(outcome, "ci_low", lo, fmt),
                "hi": tagged(outcome, "ci_high", hi, fmt), "_raw": (mean, lo, hi)}

    def say(key: str, **parts) -> str:
        text = page.t(key)
        for k, v in parts.items():
            text = text.replace("{" + k + "}", v)
        return f"<li>{text}</li>"

    desc = out.scenarios.get(alt, {}).get("description", "")
    lines = []
    reached = three("reached_total", lambda x, _lang: number(x, _lang))
    if not missing(reached["_raw"][0]):
        if reached["_raw"][0] <= 0:
            lines.append(say("no_reach"))
        else:
            lines.append(say("reached", reached=reached["v"], months=str(months)))
            for x in HORIZONS:
                if x > months:
                    continue
                r = three(f"extra_exits_work_per_100_reached_{x}m", auto)
                mean, lo, hi = r.pop("_raw")
                if missing(mean):
                    continue
                key = "extra_work" if (not missing(lo) and lo > 0) else "extra_work_none"
                lines.append(say(key, m=str(x), **r))
    cost = three("net_cost_per_extra_exit_total", money)
    mean, lo, hi = cost.pop("_raw")
    net = three("net_cost_eur_total", money)
    net_mean = net["_raw"][0]
    if not missing(net_mean) and net_mean < 0:
        saving = three("net_cost_eur_total", lambda x, _lang: money(-x, _lang))
        saving.pop("_raw")
        saving["lo"], saving["hi"] = saving["hi"], saving["lo"]
        lines.append(say("saves_money", m=str(months), **saving))
    elif missing(mean):
        lines.append(say("cost_per_exit_na"))
    elif missing(lo):
        lines.append(say("cost_per_exit_unclear", v=cost["v"]))
    else:
        lines.append(say("cost_per_exit", **cost))
    be = three("break_even_month", lambda x, _lang: number(x, _lang))
    be_mean, be_lo, be_hi = be.pop("_raw")
    if missing(be_mean):
        lines.append(say("no_break_even", m=str(months)))
    elif missing(be_hi):
        lines.append(say("break_even_open", m=str(months), **be))
    else:
        lines.append(say("break_even", **be))
    spent = _value(table, alt, "intervention_cost_eur_total")[0]
    saved = _value(table, alt, "benefit_saved_eur_total")[0]
    mm = _value(table, alt, "mother_months_saved_total")[0]
    benefit = page.t("benefit_saved" if saved >= 0 else "benefit_more").replace(
        "{v}", tagged("benefit_saved_eur_total", "mean", abs(saved), money))
    fewer = page.t("months_fewer" if mm >= 0 else "months_more").replace(
        "{v}", tagged("mother_months_saved_total", "mean", abs(mm), auto))
    lines.append(say("costs_line", m=str(months),
                     cost=tagged("intervention_cost_eur_total", "mean", spent, money),
                     benefit=benefit, months=fewer))
    return (f'<div class="card" data-alternative="{esc(alt)}"><h3>{esc(alt)}</h3>'
            f'<p class="desc">{esc(desc)}</p><ul>{"".join(lines)}</ul></div>')


# ---- assumptions and reproduction ----------------------------------------------------------------
def _effective_values(out: Output) -> tuple[dict[str, dict], dict[str, str]]:
    """Every parameter value of each scenario (policies' as ``label.param``), and the
    policy instances' registry names by label, from the resolved scenario files."""
    values, labels = {}, {}
    for name, data in out.scenarios.items():
        scenario = Scenario.from_dict(data, source=str(out.path / f"scenario-{name}.yaml"))
        values[scenario.name] = scenario.flat_values()
        labels.update({spec.key: spec.name for spec in scenario.policies})
    return values, labels


def _declaration(column: str, labels: dict[str, str]) -> Parameter | None:
    if "." not in column:
        return PARAMETERS.get(column)
    label, _, param = column.partition(".")
    policy = labels.get(label)
    return REGISTRY[policy].parameters.get(param) if policy in REGISTRY else None


def _fmt_value(value) -> str:
    if isinstance(value, float) and not math.isnan(value):
        return f"{value:g}"
    return str(value)


def assumptions(page: Page, out: Output) -> None:
    """Values that differ from their defaults, then every assumed value with its range."""
    values, labels = _effective_values(out)
    if not values:
        return
    params = list(dict.fromkeys(k for v in values.values() for k in v))
    page.h(2, page.t("assumptions"), "assumptions")
    page.p(page.t("assumptions_intro"))
    factors = out.manifest.get("design", {}).get("factors", [])
    if factors:
        page.p(page.t("varied", names=", ".join(f["name"] for f in factors)))
    page.h(3, page.t("changed"))
    changed = []
    for scenario, row in values.items():
        for c in params:
            d = _declaration(c, labels)
            if d is None or c not in row or row[c] == d.default:
                continue
            changed.append([esc(scenario),
                            f'<code>{esc(c)}</code><div class="doc">{esc(d.doc)}</div>',
                            esc(_fmt_value(row[c])), esc(_fmt_value(d.default)), esc(d.unit),
                            esc(d.source)])
    if changed:
        page.table([page.t("scenario"), page.t("parameter"), page.t("value"), page.t("default"),
                    page.t("unit"), page.t("source")], changed, {2, 3})
    else:
        page.p(page.t("none_changed"))
    page.h(3, page.t("assumed"))
    assumed = []
    for c in params:
        d = _declaration(c, labels)
        if d is None or not d.is_assumption:
            continue
        seen = {s: row[c] for s, row in values.items() if c in row}
        shown = (_fmt_value(next(iter(seen.values()))) if len(set(map(str, seen.values()))) <= 1
                 else "; ".join(f"{s}: {_fmt_value(v)}" for s, v in seen.items()))
        rng = "" if d.range is None else f"{d.range[0]:g} – {d.range[1]:g}"
        assumed.append([f'<code>{esc(c)}</code><div class="doc">{esc(d.doc)}</div>',
                        esc(shown), esc(d.unit), esc(rng)])
    page.table([page.t("parameter"), page.t("value"), page.t("unit"), page.t("range")],
               assumed, {1, 3})


def reproduce(page: Page, out: Output) -> None:
    m = out.manifest
    page.h(2, page.t("reproduce"), "reproduce")
    page.p(page.t("reproduce_intro"))
    rows = [[esc(page.t("command")), f"<code>{esc(m.get('command', '-'))}</code>"],
            [esc(page.t("seed")), esc(m.get("seed", "-"))],
            [esc(page.t("replications")), esc(m.get("replications", "-"))],
            [esc(page.t("version")), esc(m.get("package_version", __version__))]]
    if m.get("file"):
        rows.append([esc(page.t("experiment_file")),
                     f"<code>{esc(m['file'])}</code> (sha256 {esc(m.get('file_sha256', '-'))})"])
    files = m.get("scenarios") or {}
    if isinstance(files, dict) and files:
        rows.append([esc(page.t("scenario_files")),
                     "<br>".join(f"{esc(n)}: <code>{esc(v.get('file'))}</code> "
                                 f"({esc(v.get('digest'))})" for n, v in files.items())])
    page.table(["", ""], rows)
    import yaml
    for name, data in out.scenarios.items():
        page.raw(f"<details><summary>{esc(name)}</summary><pre>"
                 f"{esc(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))}</pre></details>")
