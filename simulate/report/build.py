"""The report's content per kind of output: plain language first, charts second."""

from __future__ import annotations

import yaml
from markupsafe import Markup

from simulate import __version__
from simulate.compare import SAVING_ROUTES, net_saving_curves
from simulate.metrics import recorded_metrics
from simulate.outcomes import EXITS, HORIZONS, summarise
from simulate.parameters import Parameter
from simulate.report import charts, discover, evidence, experiments, worlds
from simulate.report.cards import card, value
from simulate.report.load import Output
from simulate.report.page import Page, code, html, num
from simulate.report.text import (
    TEXT,
    alike,
    auto,
    decimal,
    is_money,
    is_share,
    missing,
    money,
    number,
    outcome_words,
    plural,
    policy_words,
    share,
    short_doc,
)
from simulate.scenario import Scenario


def build(out: Output, lang: str) -> str:
    """The whole page for an output directory."""
    builder = {"run": _run, "compare": _compare, "evidence": evidence.build,
               "discover": discover.build, **experiments.BUILDERS}[out.kind]
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
    label = out.labels(lang).get(name, name)
    page = Page(lang, "title_run", name=label)
    scenario = out.resolved().get(name)
    if scenario is not None and scenario.text("description", lang):
        page.p(scenario.text("description", lang), "desc")
    page.p(page.t("intro_run", reps=runs["replicate"].nunique(), months=_months(out),
                  name=label, size=number(int(runs["size"].iloc[0]), lang)), "intro")
    page.h(2, page.t("summary"), "summary")
    rows = []
    for r in summarise(runs).itertuples():
        fmt = share if is_share(r.outcome) else alike(auto, (r.mean, r.ci_low,
                                                                      r.ci_high))
        cell = num(fmt(r.mean, lang), scenario=name, outcome=r.outcome, stat="mean",
                   value=r.mean)
        rows.append([outcome_words(r.outcome, lang), cell, _interval(fmt, r.ci_low,
                                                                     r.ci_high, lang)])
    page.table([page.t("outcome"), page.t("estimate"), page.t("interval")], rows, {1, 2})
    page.p(page.t("uncertainty_note"), "note")

    page.h(2, page.t("charts"), "charts")
    page.chart(charts.scenario_lines(monthly, [name], "cohort_on_assistance", page.t("share"),
                                     lang, labels={name: label}, share_of_start=True),
               page.t("chart_share"))
    page.chart(charts.exits_by_destination(monthly, name, lang), page.t("chart_exits"))
    page.chart(charts.scenario_lines(monthly, [name], "on_assistance", page.t("mothers"), lang,
                                     labels={name: label}), page.t("chart_stock"))
    recorded = recorded_metrics(out.resolved().values())
    page.chart(charts.caseload(monthly, [name], lang, {name: label}, recorded),
               page.t("chart_caseload"))
    page.chart(charts.childcare(monthly, [name], lang, {name: label}, recorded),
               page.t("chart_childcare"))
    return page


def _interval(fmt, lo: float, hi: float, lang: str) -> Markup | str:
    if missing(lo) and missing(hi):
        return "-"
    return html("{} – {}", fmt(lo, lang), fmt(hi, lang))


# ---- a comparison ----------------------------------------------------------------------------
def _compare(out: Output, lang: str) -> Page:
    monthly, runs, table = out.frames["monthly"], out.frames["runs"], out.frames["comparison"]
    names = _scenarios(out)
    base = out.base() or names[0]
    alternatives = [n for n in names if n != base]
    months = _months(out)
    words = out.labels(lang)
    scenarios = out.resolved()
    page = Page(lang, "title_compare")
    for alt, found in (out.manifest.get("different_base") or {}).items():
        diffs = "; ".join(page.t("diff_item", what=field, value=_shown(mine, lang),
                                 base=_shown(theirs, lang)) for field, mine, theirs in found)
        page.p(page.t("different_base", alt=words.get(alt, alt), diffs=diffs), "warning")
    page.p(page.t("intro_compare", what=plural(len(alternatives), lang),
                  base=words.get(base, base), reps=runs["replicate"].nunique(), months=months),
           "intro")

    if worlds.present(out):
        worlds.section(page, out, alternatives, words, months)
        alternatives = worlds.ranking(out, alternatives)
    elif len(alternatives) > 1:
        alternatives = worlds.plain_section(page, table, alternatives, words, months)
    names = [base, *alternatives, *(n for n in names if n != base and n not in alternatives)]

    page.h(2, page.t("glance"), "glance")
    page.p(page.t("glance_intro", m=months))
    page.chart(charts.glance(table, alternatives, months, lang, words),
               page.t("chart_glance"))

    page.h(2, page.t("per_intervention"), "summary")
    for alt in alternatives:
        description = scenarios[alt].text("description", lang) if alt in scenarios else ""
        page.raw(card(table, alt, months, lang, words.get(alt, alt), description))
    page.p(page.t("uncertainty_note"), "note")

    page.h(2, page.t("charts"), "charts")
    page.chart(charts.scenario_lines(monthly, names, "cohort_on_assistance", page.t("share"),
                                     lang, base=base, labels=words, share_of_start=True),
               page.t("chart_share"))
    page.chart(charts.scenario_lines(monthly, names, "exit_work", page.t("mothers"), lang,
                                     cumulative=True, base=base, labels=words),
               page.t("chart_work"))
    page.chart(charts.destination_changes(table, alternatives, lang, words),
               page.t("chart_destinations", m=months))
    if any(not missing(value(table, a, "benefit_saved_via_work_eur_total")[0])
           for a in alternatives):
        page.chart(charts.saving_sources(table, alternatives, lang, words),
                   page.t("chart_sources"))
    page.chart(charts.costs_and_savings(monthly, base, alternatives, lang, words),
               page.t("chart_costs"))
    wide = monthly.pivot_table(index=["scenario", "replicate", "month"], columns="metric",
                               values="value", observed=True).reset_index()
    page.chart(charts.net_saving({alt: net_saving_curves(wide, base, alt)
                                  for alt in alternatives}, lang, words), page.t("chart_net"))
    recorded = recorded_metrics(scenarios.values())
    if charts.policy_metrics(monthly, "cost", recorded):
        page.chart(charts.programme_costs(monthly, names, lang,
                                          _cost_words(scenarios, lang), words, recorded),
                   page.t("chart_programme_costs"))
    page.chart(charts.caseload(monthly, names, lang, words, recorded), page.t("chart_caseload"))
    page.chart(charts.childcare(monthly, names, lang, words, recorded),
               page.t("chart_childcare"))

    page.h(2, page.t("outcomes"), "outcomes")
    rows: list[list] = []
    groups: dict[int, str] = {}
    for alt in alternatives:
        groups[len(rows)] = words.get(alt, alt)
        for outcome in _table_outcomes(months):
            if "_via_" in outcome and missing(value(table, alt, outcome)[0]):
                continue  # a comparison from before savings were traced to their source
            rows.append(_outcome_row(table, alt, outcome, months, lang))
    page.details(page.t("all_outcomes"), lambda p: p.table(
        [page.t("outcome"), page.t("estimate"), page.t("interval")], rows, {1, 2}, groups))
    return page


def _table_outcomes(months: int) -> list[str]:
    within = [x for x in HORIZONS if x <= months]
    return [*(f"extra_exits_work_{x}m" for x in within),
            "reached_total", "extra_exits_work_per_100_reached_total",
            *(f"extra_exits_{r}_total" for r in (*EXITS, "all") if r != "work"),
            *(f"change_on_assistance_{x}m" for x in within),
            "mother_months_saved_total",
            *(f"mother_months_saved_via_{g}_total" for g in SAVING_ROUTES),
            "benefit_saved_eur_total",
            *(f"benefit_saved_via_{g}_eur_total" for g in (*SAVING_ROUTES, "lower_payments")),
            "intervention_cost_eur_total", "net_cost_eur_total",
            "net_cost_per_extra_exit_to_work_total", "break_even_month"]


def _outcome_row(table, alt: str, outcome: str, months: int, lang: str) -> list:
    mean, lo, hi = value(table, alt, outcome)
    if outcome == "break_even_month":
        def fmt(x: float, lang: str) -> str:
            return f"> {months}" if missing(x) else number(x, lang)
    else:
        fmt = alike(money if is_money(outcome) else auto, (mean, lo, hi))
    return [outcome_words(outcome, lang, months),
            num(fmt(mean, lang), alternative=alt, outcome=outcome, stat="mean", value=mean),
            _interval(fmt, lo, hi, lang)]


def _programme_words(scenario: Scenario, lang: str) -> dict[str, str]:
    """A scenario's programmes in words, by instance (a labelled one names its label)."""
    return {spec.key: policy_words(spec.name, lang) + (f" ({spec.key})" if spec.label else "")
            for spec in scenario.policies}


def _cost_words(scenarios: dict[str, Scenario], lang: str) -> dict[str, str]:
    """Programme cost metrics (``<label>_cost_eur``) named by their programme."""
    return {f"{key}_cost_eur": words for s in scenarios.values()
            for key, words in _programme_words(s, lang).items()}


# ---- assumptions and reproduction ----------------------------------------------------------------
def _shown(x, lang: str) -> str:
    return decimal(x, lang)


def _parameter_cell(column: str, d: Parameter, lang: str,
                    source: bool = False) -> Markup:
    """The parameter's name, then in ``lang`` its description, unit and (when asked) its
    source: one cell, so that the numbers beside it keep their room on a phone."""
    doc, unit, found = d.words(lang)
    lines = [(TEXT[lang]["unit"], unit), *([(TEXT[lang]["source"], found)] if source else [])]
    notes = Markup("").join(html('<div class="doc">{}: {}</div>', k, v) for k, v in lines)
    return html('{}<div class="doc">{}</div>{}', code(column), doc, notes)


def assumptions(page: Page, out: Output) -> None:
    """The values that differ from the defaults (shared ones once, then what each scenario
    changes against the base), then every assumed value with its plausible range."""
    lang = page.lang
    scenarios = out.resolved()
    if not scenarios:
        return
    values = {name: s.flat_values() for name, s in scenarios.items()}
    columns = list(dict.fromkeys(k for v in values.values() for k in v))
    declared = {c: found for c in columns if (found := out.declaration(c))}
    words = out.labels(lang)
    page.h(2, page.t("assumptions"), "assumptions")
    page.p(page.t("assumptions_intro"))
    factors = out.manifest.get("design", {}).get("factors", [])
    if factors:
        page.p(page.t("varied", names=", ".join(_factor_words(f["name"], declared, lang)
                                                for f in factors)))
    named = out.base()
    base = named if named is not None and named in values else next(iter(values))
    order = list(dict.fromkeys(out.frames["runs"]["scenario"].astype(str))) if (
        "runs" in out.frames and "scenario" in out.frames["runs"]) else []
    others = sorted((n for n in values if n != base),
                    key=lambda n: (order.index(n) if n in order else len(order), n))

    def row(c: str, shown, reference) -> list:
        _, d = declared[c]
        return [_parameter_cell(c, d, lang, source=True), decimal(shown, lang),
                decimal(reference, lang)]

    shared = [row(c, values[base][c], declared[c][1].default) for c in declared
              if c in values[base]
              and all(c in v and v[c] == values[base][c] for v in values.values())
              and values[base][c] != declared[c][1].default]
    page.h(3, page.t("changed") if not others else page.t("shared"))
    if shared:
        page.table([page.t("parameter"), page.t("value"), page.t("default")], shared, {1, 2})
    else:
        page.p(page.t("none_changed"))
    if others:
        page.h(3, page.t("changes", base=words.get(base, base)))
        rows: list[list] = []
        groups: dict[int, str] = {}
        for name in others:
            programmes = list(_programme_words(scenarios[name], lang).values())
            groups[len(rows)] = (page.t("programmes", name=words.get(name, name),
                                        list=", ".join(programmes)) if programmes
                                 else page.t("no_programmes", name=words.get(name, name)))
            reference = {c: values[base].get(c, declared[c][1].default) for c in declared}
            changed = [row(c, values[name][c], reference[c]) for c in declared
                       if c in values[name] and values[name][c] != reference[c]]
            rows.extend(changed or [[page.t("defaults_only"), "", ""]])
        page.table([page.t("parameter"), page.t("value"), page.t("base_value")], rows, {1, 2},
                   groups)

    assumed = []
    for c, (_, d) in declared.items():
        if not d.is_assumption:
            continue
        seen = {n: v[c] for n, v in values.items() if c in v}
        # The base's value (or the first scenario's); where scenarios differ, the table of
        # changes above has each one.
        shown = seen.get(base, next(iter(seen.values())))
        cell = _parameter_cell(c, d, lang)
        if len(set(map(str, seen.values()))) > 1:
            cell = html('{}<div class="doc">{}</div>', cell, page.t("differs"))
        rng = "" if d.range is None else html("{} – {}", decimal(d.range[0], lang),
                                              decimal(d.range[1], lang))
        assumed.append([cell, decimal(shown, lang), rng])
    page.h(3, page.t("assumed"))
    page.details(page.t("assumed_summary", n=len(assumed)), lambda p: p.table(
        [page.t("parameter"), page.t("value"), page.t("range")], assumed, {1, 2}))


def _factor_words(column: str, declared: dict, lang: str) -> str:
    if column not in declared:
        return column
    _, d = declared[column]
    doc = d.words(lang)[0]
    return f"{short_doc(doc)} ({column})"


def reproduce(page: Page, out: Output) -> None:
    m = out.manifest
    page.h(2, page.t("reproduce"), "reproduce")
    page.p(page.t("reproduce_intro"))
    rows = [[page.t("command"), html("<code>{}</code>", m.get("command", "-"))],
            [page.t("seed"), str(m.get("seed", "-"))],
            [page.t("replications"), str(m.get("replications", "-"))],
            [page.t("version"), str(m.get("package_version", __version__))]]
    if m.get("file"):
        rows.append([page.t("experiment_file"),
                     html("{} (sha256 {})", code(m["file"]), m.get("file_sha256", "-"))])
    files = m.get("scenarios") or {}
    if isinstance(files, dict) and files:
        rows.append([page.t("scenario_files"), Markup("<br>").join(
            html("{}: {} ({})", n, code(v.get("file")), v.get("digest"))
            for n, v in files.items())])
    page.table(["", ""], rows)
    for name, data in out.scenarios.items():
        page.raw(html("<details><summary>{}</summary><pre>{}</pre></details>", name,
                      yaml.safe_dump(data, sort_keys=False, allow_unicode=True)))
