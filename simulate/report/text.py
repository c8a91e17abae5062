"""Words and number formats of the report, in English and Dutch."""

from __future__ import annotations

import math

LANGUAGES = ("en", "nl")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title_run": "Pathways: simulation of {name}",
        "title_compare": "Pathways: what interventions add for mothers on social assistance",
        "title_sweep": "Pathways: scenario sweep {name}",
        "title_sensitivity": "Pathways: sensitivity analysis {name}",
        "intro_compare": (
            "This report compares {n} intervention(s) with the situation without them "
            "({base}). Each was simulated {reps} times over {months} months with the same "
            "random chances as the base, so that the differences come from the intervention, "
            "not from chance. Numbers are averages over the simulations; the ranges are 95% "
            "confidence intervals."),
        "intro_run": (
            "This report summarises {reps} simulations of {months} months of {name}: "
            "{size} mothers on social assistance at the start, with new and returning "
            "mothers each month. Numbers are averages over the simulations; the ranges are "
            "95% confidence intervals."),
        "summary": "Summary",
        "per_intervention": "What each intervention adds",
        "reached": ("The intervention reached about {reached} mothers in {months} months."),
        "extra_work": ("Per 100 mothers reached, about {v} more mothers left assistance for "
                       "work within {m} months ({lo} to {hi})."),
        "extra_work_none": ("Per 100 mothers reached: {v} more mothers in work within {m} "
                            "months ({lo} to {hi}); this is consistent with no effect."),
        "no_reach": "The intervention reached no mothers, so it cannot add exits to work.",
        "cost_per_exit": ("Net cost per extra mother in work: {v} ({lo} to {hi}), after the "
                          "benefit payments it saves."),
        "cost_per_exit_na": ("There is no net cost per extra mother in work to report: the "
                             "intervention did not add exits to work on average."),
        "cost_per_exit_unclear": ("Net cost per extra mother in work: about {v}, but this "
                                  "cannot be pinned down, because the number of extra "
                                  "mothers in work is not clearly above zero."),
        "saves_money": ("It saves more in benefit payments than it costs: {v} over {m} months "
                        "({lo} to {hi})."),
        "break_even": ("It pays for itself from month {v} (between month {lo} and {hi}, "
                       "allowing for uncertainty)."),
        "break_even_open": ("It pays for itself from month {v}; with the uncertainty, that "
                            "could be from month {lo} or not within {m} months."),
        "no_break_even": "It does not pay for itself within {m} months.",
        "costs_line": "Intervention cost {cost} over {m} months; {benefit}; {months}.",
        "benefit_saved": "benefit payments saved {v}",
        "benefit_more": "benefit payments {v} higher",
        "months_fewer": "{v} fewer mother-months on assistance",
        "months_more": "{v} more mother-months on assistance",
        "uncertainty_note": (
            "How sure are we? The ranges show where the average effect lies with 95% "
            "confidence given the model's assumptions. They do not include the uncertainty "
            "in those assumptions (see the assumptions table and the sensitivity analysis)."),
        "charts": "Charts",
        "chart_share": "Share of the mothers on assistance at the start who are still on assistance",
        "chart_work": "Cumulative exits to work",
        "chart_stock": "Mothers on assistance",
        "chart_caseload": "Caseload per coach (mean)",
        "chart_childcare": "Childcare: queue and reserved places in use",
        "chart_costs": "Cumulative benefit saved and intervention cost",
        "chart_net": "Cumulative net saving (benefit saved minus intervention cost)",
        "chart_exits": "Cumulative exits by destination",
        "chart_heatmap": "{output} by {x} and {y}",
        "chart_lines": "{output} by {x}",
        "chart_sobol": "Sobol indices of {output} (first order and total, with 95% intervals)",
        "chart_convergence": "Convergence of the total-order indices of {output}",
        "chart_morris": "Morris screening of {output}: mu* against sigma",
        "month": "month",
        "share": "share",
        "mothers": "mothers",
        "eur": "EUR",
        "band": "95% band",
        "outcomes": "Outcomes",
        "outcome": "outcome",
        "estimate": "estimate",
        "interval": "95% interval",
        "assumptions": "Assumptions",
        "assumptions_intro": (
            "Every number in the model is declared with a unit, a plausible range and its "
            "source. Below: first the values that differ from the declared defaults, then "
            "every value that is an assumption rather than taken from a source, with the "
            "range within which it is plausible."),
        "changed": "Values that differ from the defaults",
        "varied": "Varied in this experiment: {names}.",
        "assumed": "Values that are assumptions",
        "none_changed": "No value differs from its default.",
        "parameter": "parameter",
        "scenario": "scenario",
        "value": "value",
        "default": "default",
        "unit": "unit",
        "range": "plausible range",
        "source": "source",
        "reproduce": "How to reproduce",
        "reproduce_intro": ("Run this command in the project directory with the same package "
                            "version and scenario files; the same seed gives the same numbers."),
        "command": "command",
        "seed": "seed",
        "version": "package version",
        "replications": "replications",
        "scenario_files": "scenario files",
        "experiment_file": "experiment file",
        "sweep_intro": ("A sweep of {n} design points ({runs} runs) of {name} over {months} "
                        "months. Each point is the average of its replications."),
        "sensitivity_intro": (
            "Global sensitivity analysis ({method}) of {name}: which uncertain numbers "
            "matter most for the outcomes. A first-order index is the share of the outcome's "
            "variance due to one number alone; the total index adds its interactions."),
        "top_drivers": "The outcome {output} depends most on: {names}.",
        "design_points": "Design points",
        "exits_work": "exits to work",
        "on_assistance": "on assistance",
        "no_sensitivity": "",
        "regular": "regular coaches",
        "dedicated": "dedicated coaches",
        "queue": "childcare queue",
        "reserved_used": "reserved places in use",
        "saved": "benefit saved",
        "cost": "intervention cost",
        "dest_work": "work", "dest_study": "study", "dest_noncooperation": "non-cooperation",
        "dest_partner": "partner income", "dest_other": "other",
        "out_share_on_assistance": "share of the initial stock still on assistance",
        "out_exits_work": "exits to work", "out_exits_study": "exits to study",
        "out_exits_noncooperation": "exits for non-cooperation",
        "out_exits_partner": "exits to partner income", "out_exits_other": "other exits",
        "out_exits_all": "all exits",
        "after": "after {m} months",
        "label_extra_exits_work_12m": "extra exits to work, 12 months",
        "label_extra_exits_work_24m": "extra exits to work, 24 months",
        "label_extra_exits_work_36m": "extra exits to work, 36 months",
        "label_mother_months_saved_total": "mother-months on assistance saved",
        "label_benefit_saved_eur_total": "benefit spending saved",
        "label_intervention_cost_eur_total": "intervention cost",
        "label_net_cost_per_extra_exit_total": "net cost per extra exit to work",
        "label_break_even_month": "break-even month",
        "footer": "Pathways {version}. Built from {path}.",
    },
    "nl": {
        "title_run": "Pathways: simulatie van {name}",
        "title_compare": "Pathways: wat interventies opleveren voor moeders in de bijstand",
        "title_sweep": "Pathways: scenarioverkenning {name}",
        "title_sensitivity": "Pathways: gevoeligheidsanalyse {name}",
        "intro_compare": (
            "Dit rapport vergelijkt {n} interventie(s) met de situatie zonder ({base}). "
            "Elke interventie is {reps} keer gesimuleerd over {months} maanden, met dezelfde "
            "toevalsfactoren als de basis, zodat de verschillen door de interventie komen en "
            "niet door toeval. Getallen zijn gemiddelden over de simulaties; de marges zijn "
            "95%-betrouwbaarheidsintervallen."),
        "intro_run": (
            "Dit rapport vat {reps} simulaties samen van {months} maanden {name}: {size} "
            "moeders in de bijstand bij de start, met elke maand nieuwe en terugkerende "
            "moeders. Getallen zijn gemiddelden over de simulaties; de marges zijn "
            "95%-betrouwbaarheidsintervallen."),
        "summary": "Samenvatting",
        "per_intervention": "Wat elke interventie oplevert",
        "reached": "De interventie bereikte ongeveer {reached} moeders in {months} maanden.",
        "extra_work": ("Per 100 bereikte moeders gingen er binnen {m} maanden ongeveer {v} "
                       "meer aan het werk ({lo} tot {hi})."),
        "extra_work_none": ("Per 100 bereikte moeders: {v} meer aan het werk binnen {m} "
                            "maanden ({lo} tot {hi}); dit past ook bij geen effect."),
        "no_reach": "De interventie bereikte geen moeders en kan dus geen uitstroom naar werk toevoegen.",
        "cost_per_exit": ("Netto kosten per extra moeder aan het werk: {v} ({lo} tot {hi}), na "
                          "aftrek van de bespaarde uitkeringen."),
        "cost_per_exit_na": ("Er zijn geen netto kosten per extra moeder aan het werk te "
                             "melden: de interventie voegde gemiddeld geen uitstroom naar "
                             "werk toe."),
        "cost_per_exit_unclear": ("Netto kosten per extra moeder aan het werk: ongeveer {v}, "
                                  "maar dat is niet vast te stellen, omdat het aantal extra "
                                  "moeders aan het werk niet duidelijk boven nul ligt."),
        "saves_money": ("Ze bespaart meer aan uitkeringen dan ze kost: {v} over {m} maanden "
                        "({lo} tot {hi})."),
        "break_even": ("Ze verdient zichzelf terug vanaf maand {v} (tussen maand {lo} en "
                       "{hi}, rekening houdend met onzekerheid)."),
        "break_even_open": ("Ze verdient zichzelf terug vanaf maand {v}; met de onzekerheid "
                            "kan dat vanaf maand {lo} zijn of niet binnen {m} maanden."),
        "no_break_even": "Ze verdient zichzelf niet terug binnen {m} maanden.",
        "costs_line": "Kosten van de interventie {cost} over {m} maanden; {benefit}; {months}.",
        "benefit_saved": "bespaarde uitkeringen {v}",
        "benefit_more": "uitkeringen {v} hoger",
        "months_fewer": "{v} bijstandsmaanden minder",
        "months_more": "{v} bijstandsmaanden meer",
        "uncertainty_note": (
            "Hoe zeker is dit? De marges geven aan waar het gemiddelde effect met 95% "
            "zekerheid ligt, gegeven de aannames van het model. De onzekerheid in die "
            "aannames zit er niet in (zie de tabel met aannames en de gevoeligheidsanalyse)."),
        "charts": "Grafieken",
        "chart_share": "Aandeel van de moeders die bij de start in de bijstand zaten en er nog in zitten",
        "chart_work": "Uitstroom naar werk, opgeteld",
        "chart_stock": "Moeders in de bijstand",
        "chart_caseload": "Caseload per klantmanager (gemiddeld)",
        "chart_childcare": "Kinderopvang: wachtlijst en gereserveerde plaatsen in gebruik",
        "chart_costs": "Bespaarde uitkeringen en kosten van de interventie, opgeteld",
        "chart_net": "Netto besparing, opgeteld (bespaarde uitkeringen min kosten)",
        "chart_exits": "Uitstroom naar bestemming, opgeteld",
        "chart_heatmap": "{output} naar {x} en {y}",
        "chart_lines": "{output} naar {x}",
        "chart_sobol": "Sobol-indices van {output} (eerste orde en totaal, met 95%-marges)",
        "chart_convergence": "Convergentie van de totale indices van {output}",
        "chart_morris": "Morris-screening van {output}: mu* tegen sigma",
        "month": "maand",
        "share": "aandeel",
        "mothers": "moeders",
        "eur": "EUR",
        "band": "95%-marge",
        "outcomes": "Uitkomsten",
        "outcome": "uitkomst",
        "estimate": "schatting",
        "interval": "95%-interval",
        "assumptions": "Aannames",
        "assumptions_intro": (
            "Elk getal in het model is vastgelegd met een eenheid, een aannemelijke "
            "bandbreedte en een bron. Hieronder eerst de waarden die afwijken van de "
            "standaardwaarden, dan alle waarden die een aanname zijn en niet uit een bron "
            "komen, met de bandbreedte waarbinnen ze aannemelijk zijn."),
        "changed": "Waarden die afwijken van de standaard",
        "varied": "Gevarieerd in deze verkenning: {names}.",
        "assumed": "Waarden die een aanname zijn",
        "none_changed": "Geen enkele waarde wijkt af van de standaard.",
        "parameter": "parameter",
        "scenario": "scenario",
        "value": "waarde",
        "default": "standaard",
        "unit": "eenheid",
        "range": "aannemelijke bandbreedte",
        "source": "bron",
        "reproduce": "Zo herhaalt u deze berekening",
        "reproduce_intro": ("Voer dit commando uit in de projectmap, met dezelfde versie en "
                            "scenariobestanden; dezelfde seed geeft dezelfde getallen."),
        "command": "commando",
        "seed": "seed",
        "version": "versie",
        "replications": "herhalingen",
        "scenario_files": "scenariobestanden",
        "experiment_file": "verkenningsbestand",
        "sweep_intro": ("Een verkenning van {n} ontwerppunten ({runs} simulaties) van {name} "
                        "over {months} maanden. Elk punt is het gemiddelde van zijn herhalingen."),
        "sensitivity_intro": (
            "Globale gevoeligheidsanalyse ({method}) van {name}: welke onzekere getallen het "
            "meest uitmaken voor de uitkomsten. Een eerste-orde-index is het deel van de "
            "variantie van de uitkomst dat door één getal alleen komt; de totale index telt "
            "ook de wisselwerkingen mee."),
        "top_drivers": "De uitkomst {output} hangt het meest af van: {names}.",
        "design_points": "Ontwerppunten",
        "exits_work": "uitstroom naar werk",
        "on_assistance": "in de bijstand",
        "no_sensitivity": "",
        "regular": "reguliere klantmanagers",
        "dedicated": "toegewijde klantmanagers",
        "queue": "wachtlijst kinderopvang",
        "reserved_used": "gereserveerde plaatsen in gebruik",
        "saved": "bespaarde uitkeringen",
        "cost": "kosten interventie",
        "dest_work": "werk", "dest_study": "studie", "dest_noncooperation": "niet meewerken",
        "dest_partner": "inkomen partner", "dest_other": "overig",
        "out_share_on_assistance": "aandeel van de beginstand nog in de bijstand",
        "out_exits_work": "uitstroom naar werk", "out_exits_study": "uitstroom naar studie",
        "out_exits_noncooperation": "uitstroom wegens niet meewerken",
        "out_exits_partner": "uitstroom naar inkomen partner",
        "out_exits_other": "overige uitstroom", "out_exits_all": "alle uitstroom",
        "after": "na {m} maanden",
        "label_extra_exits_work_12m": "extra uitstroom naar werk, 12 maanden",
        "label_extra_exits_work_24m": "extra uitstroom naar werk, 24 maanden",
        "label_extra_exits_work_36m": "extra uitstroom naar werk, 36 maanden",
        "label_mother_months_saved_total": "bespaarde bijstandsmaanden",
        "label_benefit_saved_eur_total": "bespaarde uitkeringen",
        "label_intervention_cost_eur_total": "kosten interventie",
        "label_net_cost_per_extra_exit_total": "netto kosten per extra uitstroom naar werk",
        "label_break_even_month": "terugverdienmaand",
        "footer": "Pathways {version}. Gemaakt uit {path}.",
    },
}


def missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def number(x: float, lang: str, decimals: int = 0) -> str:
    """A number with the language's separators: 1,234.5 (en) or 1.234,5 (nl)."""
    if missing(x):
        return "-"
    text = f"{x:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def money(x: float, lang: str) -> str:
    if missing(x):
        return "-"
    sign = "-" if x < 0 else ""
    # A non-breaking space keeps the currency with its amount when a line wraps.
    return (f"{sign}€\u00a0{number(abs(x), lang)}" if lang == "nl"
            else f"{sign}EUR\u00a0{number(abs(x), lang)}")


def share(x: float, lang: str) -> str:
    return "-" if missing(x) else f"{number(100 * x, lang, 1)}%"


def auto(x: float, lang: str) -> str:
    """Few decimals for small numbers, none for large."""
    if missing(x):
        return "-"
    return number(x, lang, 0 if abs(x) >= 100 else 1)
