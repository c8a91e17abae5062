"""The report of ``simulate evidence``: the model's responses to policy next to what published
evaluations measured, check by check, in plain words first and a chart second."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import yaml
from plotly.subplots import make_subplots

from simulate.evidence.run import split
from simulate.report.charts import color
from simulate.report.load import Output
from simulate.report.page import Page, html, num
from simulate.report.text import TEXT, missing, number, wrap

# What each shipped check says, in Dutch; a check without an entry keeps its English title.
TITLES_NL = {
    "caseworker_benefit_days": "Meer tijd van de klantmanager verkort de tijd in de uitkering",
    "caseworker_employment_days":
        "Meer tijd van de klantmanager verandert de dagen aan het werk van vrouwen nauwelijks",
    "caseworker_out_of_work_days":
        "Meer tijd van de klantmanager geeft meer dagen zonder uitkering en zonder werk",
    "childcare_price_and_supply":
        "Goedkopere en meer kinderopvang laat iets meer moeders werken",
    "childcare_supply_employment":
        "Alleen meer opvangplaatsen geeft meer werkende moeders, ruim minder dan één per plaats",
    "childcare_supply_crowds_out": "Meer opvangplaatsen vervangen opvang door familie en "
                                   "bekenden",
    "work_exit_lasts_6_months": "De meeste uitstroom naar werk houdt zes maanden stand",
    "work_exit_lasts_18_months": "Bijna drie op de vier uitstromers naar werk werken na "
                                 "achttien maanden nog",
    "work_exit_back_on_assistance":
        "Weinig uitstromers naar werk zitten na achttien maanden weer in de bijstand",
    "disregard_outflow": "Een hogere inkomstenvrijlating verandert de uitstroom uit de bijstand "
                         "niet",
    "disregard_parttime_work":
        "Een hogere inkomstenvrijlating geeft meer deeltijdwerk naast de bijstand",
    "debt_assistance_outflow":
        "Schuldhulp vergroot de uitstroom uit de bijstand, vooral niet naar werk",
    "debt_assistance_not_to_work":
        "De extra uitstroom door schuldhulp is grotendeels niet naar werk",
    "group_training_effect_6_months":
        "Een groepstraining in solliciteren brengt na zes maanden meer deelnemers aan het werk",
    "group_training_fades": "Het effect van de training is na twaalf maanden kleiner dan na zes",
    "exemption_employment": "Een ontheffing van de arbeidsverplichting verandert het werk niet "
                            "meer dan de onderzoeken vonden",
    "coaching_participant_days_in_work":
        "Gespecialiseerde klantmanagers veranderen de dagen aan het werk van deelnemers niet "
        "meer dan meer tijd van de klantmanager in het experiment deed",
    "childcare_places_participant_effect":
        "Gereserveerde kinderopvangplaatsen geven ruim minder dan één werkende moeder extra per "
        "moeder die er een gebruikt",
    "work_experience_participant_effect":
        "Werkervaringsplaatsen brengen deelnemers na twee jaar vaker aan het werk, binnen wat "
        "zulke programma's bereiken",
    "group_training_leeuwarden_participant_effect":
        "De lotgenotengroepen in Leeuwarden brengen deelnemers na twee jaar vaker aan het werk, "
        "binnen wat zulke programma's bereiken",
    "group_training_self_run_participant_effect":
        "Zelfsturende lotgenotengroepen brengen deelnemers na twee jaar vaker aan het werk, "
        "binnen wat zulke programma's bereiken",
    "group_training_het_begint_bij_mij_participant_effect":
        "Het Begint Bij Mij brengt deelnemers na twee jaar vaker aan het werk, binnen wat "
        "zulke programma's bereiken",
    "group_training_brussels_participant_effect":
        "De Brusselse gespreksworkshops brengen deelnemers na twee jaar vaker aan het werk, "
        "binnen wat zulke programma's bereiken",
    "group_training_kind_en_werkgeluk_participant_effect":
        "Het traject Kind en werkgeluk brengt deelnemers na twee jaar vaker aan het werk, "
        "binnen wat zulke programma's bereiken",
}

# The simulated dot: in the band (green), in the band of a check the model was calibrated
# to (grey-blue: consistency, not evidence), outside it (red).
STATUS_COLOURS = {"pass": "#2e7d32", "calibrated": "#546e7a", "fail": "#c62828"}

UNITS_NL = {"days per mother": "dagen per moeder", "percentage points": "procentpunt",
            "mothers per place": "moeders per plaats", "percent": "procent",
            "share": "aandeel"}

DESIGNS = {"en": {"rct": "randomised trial", "quasi-experiment": "quasi-experiment",
                  "administrative": "administrative data"},
           "nl": {"rct": "gerandomiseerd experiment", "quasi-experiment": "quasi-experiment",
                  "administrative": "registerdata"}}


def build(out: Output, lang: str) -> Page:
    """Evidence checks and calibrated checks (targets: a parameter was set from their
    figure) in sections, tables and charts of their own, counted apart."""
    results = out.frames["results"]
    checks = _checks_file(out)
    base = str(out.manifest.get("scenario", ""))
    label = out.labels(lang).get(base, base)
    page = Page(lang, "title_evidence")
    modelled = results[results.status != "not yet modelled"]
    reps = int(modelled["replications"].max()) if len(modelled) else 0
    page.p(page.t("intro_evidence", n=len(results), name=label, reps=reps), "intro")
    evidence, calibrated = split(results)
    tested = evidence[evidence.status != "not yet modelled"]
    sentences = [page.t("evidence_verdict", passed=int((tested.status == "pass").sum()),
                        modelled=len(tested))] if len(tested) else []
    if len(calibrated):
        within = int((calibrated.status == "calibrated").sum())
        sentences.append(page.t("calibrated_verdict_1" if within == 1
                                else "calibrated_verdict", n=within))
    waiting = [_title(r, lang) for r in results.itertuples() if r.status == "not yet modelled"]
    if waiting:
        sentences.append(page.t("evidence_waiting", list="; ".join(waiting)))
    page.p(" ".join(sentences))
    failed = [_title(r, lang) for r in modelled.itertuples() if r.status == "fail"]
    if failed:
        page.p(page.t("evidence_failed", list="; ".join(failed)))

    if len(evidence):
        page.h(2, page.t("evidence_checks"), "checks")
        page.p(page.t("evidence_table_intro"))
        _table(page, evidence)
    if len(calibrated):
        page.h(2, page.t("calibrated_checks"), "calibrated")
        page.p(page.t("calibrated_intro"))
        _table(page, calibrated)

    charted = [(frame[frame.status != "not yet modelled"], key)
               for frame, key in ((evidence, "chart_evidence"),
                                  (calibrated, "chart_calibrated"))]
    if any(len(frame) for frame, _ in charted):
        page.h(2, page.t("charts"), "charts")
        for frame, key in charted:
            if len(frame):
                page.chart(_chart(frame, lang), page.t(key))

    page.h(2, page.t("evidence_details"), "details")
    page.p(page.t("evidence_details_intro"))
    for r in results.itertuples():
        page.details(_title(r, lang), lambda p, r=r: _detail(p, r, checks.get(r.check, {})))
    return page


def _table(page: Page, results: pd.DataFrame) -> None:
    lang = page.lang
    rows = []
    for r in results.itertuples():
        set_from = getattr(r, "calibrated_by", "")
        rows.append([
            html('{}<div class="doc">{}; {}</div>{}', _title(r, lang), _short_citation(r.study),
                 DESIGNS[lang].get(r.design, r.design),
                 html('<div class="doc">{}</div>', page.t("set_from", names=set_from))
                 if isinstance(set_from, str) and set_from else ""),
            _unit(r.unit, lang),
            _fmt(r.published, lang) or page.t("in_words"),
            _span(r.published_low, r.published_high, lang),
            _span(r.band_low, r.band_high, lang),
            "–" if missing(r.simulated) else num(_fmt(r.simulated, lang), check=r.check,
                                                 stat="simulated", value=r.simulated),
            _span(r.ci_low, r.ci_high, lang),
            page.t("verdict_" + {"pass": "pass", "fail": "fail", "calibrated": "calibrated"}
                   .get(r.status, "waiting")),
        ])
    page.table([page.t("finding"), page.t("unit"), page.t("published"), page.t("interval"),
                page.t("agreement_band"), page.t("simulated"), page.t("interval"),
                page.t("verdict")], rows, {2, 3, 4, 5, 6})


def _title(r, lang: str) -> str:
    return TITLES_NL.get(r.check, r.title) if lang == "nl" else r.title


def _short_citation(citation: str) -> str:
    """Authors and year (or the source's name): the citation up to its title."""
    cuts = [i + 1 for i in (citation.find("). "), citation.find("):")) if 0 < i < 120]
    return citation[:min(cuts)] if cuts else citation


def _unit(unit: str, lang: str) -> str:
    return UNITS_NL.get(unit, unit) if lang == "nl" else unit


def _fmt(x: float, lang: str) -> str:
    if missing(x):
        return ""
    digits = 0 if abs(x) >= 10 else (1 if abs(x) >= 1 else 2)
    return number(float(x), lang, digits)


def _span(low, high, lang: str) -> str:
    lo, hi = _fmt(low, lang), _fmt(high, lang)
    if not lo and not hi:
        return "–"
    return f"{lo or '…'} {TEXT[lang]['to']} {hi or '…'}"


def _checks_file(out: Output) -> dict[str, dict]:
    """The checks as the run read them (the copy in the output directory), by name."""
    path = out.path / "checks.yaml"
    try:
        data = yaml.safe_load(path.read_text()) if path.is_file() else None
    except (OSError, yaml.YAMLError):
        data = None
    items = data.get("checks") if isinstance(data, dict) else None
    return {c["name"]: c for c in items or [] if isinstance(c, dict) and "name" in c}


def _detail(page: Page, r, check: dict) -> None:
    study = check.get("study") or {}
    rows = [[page.t("study"), r.study]]
    for key, field in (("study_population", study.get("population")),
                       ("study_finding", study.get("finding")),
                       ("model_population", check.get("model_population")),
                       ("intervention", (check.get("intervention") or {}).get("assumptions")),
                       ("published_note", (check.get("published") or {}).get("note")),
                       ("band_reasoning", (check.get("band") or {}).get("reasoning"))):
        if isinstance(field, str) and field.strip():
            rows.append([page.t(key), " ".join(field.split())])
    if r.status == "not yet modelled" and isinstance(r.missing, str) and r.missing:
        rows.append([page.t("evidence_missing"), r.missing])
    page.table(["", ""], rows)


def _chart(modelled: pd.DataFrame, lang: str) -> go.Figure:
    """One row per check, each on its own scale: the band that counts as agreement (a light
    bar), the published figure with its interval (a diamond) and the simulated effect with
    its 95% interval (a dot, green when it lies in the band, red when not)."""
    t = TEXT[lang]
    n = len(modelled)
    titles = [wrap(f"{_title(r, lang)} ({_unit(r.unit, lang)})", 46)
              for r in modelled.itertuples()]
    panel, gap, top, bottom = 62, 90, 100, 24
    height = n * panel + (n - 1) * gap + top + bottom
    plot = height - top - bottom
    fig = make_subplots(rows=n, cols=1, subplot_titles=titles,
                        vertical_spacing=gap / plot if n > 1 else 0)
    fig.update_annotations(x=0, xanchor="left", align="left", font_size=13)
    for i, r in enumerate(modelled.itertuples(), start=1):
        first = i == 1
        lo, hi = _finite(r.band_low), _finite(r.band_high)
        xs = [v for v in (r.simulated, r.ci_low, r.ci_high, r.published, r.published_low,
                          r.published_high, lo, hi) if v is not None and not missing(v)]
        pad = 0.08 * (max(xs) - min(xs) or 1.0)
        left, right = min(xs) - pad, max(xs) + pad
        fig.add_trace(go.Scatter(
            x=[left if lo is None else lo, right if hi is None else hi], y=[0, 0],
            mode="lines", line={"color": "rgba(60,140,60,0.25)", "width": 16},
            name=t["agreement_band"], legendgroup="band", showlegend=first, hoverinfo="skip"),
            row=i, col=1)
        if not missing(r.published):
            err = {}
            if not missing(r.published_low) and not missing(r.published_high):
                err = {"error_x": {"type": "data", "symmetric": False, "width": 0,
                                   "array": [r.published_high - r.published],
                                   "arrayminus": [r.published - r.published_low]}}
            fig.add_trace(go.Scatter(
                x=[r.published], y=[0.45], mode="markers", name=t["published"],
                legendgroup="published", showlegend=first,
                marker={"symbol": "diamond", "size": 10, "color": color(0)},
                hovertemplate=f"{t['published']}: %{{x:.3g}}<extra></extra>", **err),
                row=i, col=1)
        fig.add_trace(go.Scatter(
            x=[r.simulated], y=[-0.45], mode="markers", name=t["simulated"],
            legendgroup="simulated", showlegend=first,
            marker={"size": 10, "color": STATUS_COLOURS.get(r.status, "#c62828")},
            error_x={"type": "data", "symmetric": False, "width": 0,
                     "array": [r.ci_high - r.simulated],
                     "arrayminus": [r.simulated - r.ci_low]},
            hovertemplate=f"{t['simulated']}: %{{x:.3g}}<extra></extra>"), row=i, col=1)
        fig.update_xaxes(range=[left, right], row=i, col=1)
        if left < 0 < right:
            fig.add_vline(x=0, line={"color": "#444", "width": 1}, row=i, col=1)
    fig.update_yaxes(visible=False, range=[-1, 1])
    fig.update_layout(template="plotly_white", height=height,
                      separators=",." if lang == "nl" else ".,",
                      legend={"orientation": "h", "y": 1 + 44 / plot, "yanchor": "bottom",
                              "x": 0},
                      margin={"l": 10, "r": 16, "t": top, "b": bottom})
    return fig


def _finite(x) -> float | None:
    return None if x is None or (isinstance(x, float) and not math.isfinite(x)) or (
        isinstance(x, np.floating) and not np.isfinite(x)) else float(x)
