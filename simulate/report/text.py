"""Words and number formats of the report, in English and Dutch.

The Dutch is written as a Dutch municipality writes (bijstand, klantmanager, uitstroom naar
werk, kinderopvang, terugval), not translated word for word. Numbers follow the language:
1,234.5 and EUR 1,234 in English, 1.234,5 and € 1.234 in Dutch.
"""

from __future__ import annotations

import math
import textwrap

from simulate.metrics import Metric, core_metric
from simulate.outcomes import named

LANGUAGES = ("en", "nl")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title_run": "Pathways: simulation of {name}",
        "title_compare": "Pathways: what interventions add for mothers on social assistance",
        "title_sweep": "Pathways: scenario sweep {name}",
        "title_sensitivity": "Pathways: sensitivity analysis {name}",
        "n_interventions_1": "one intervention",
        "n_interventions": "{n} interventions",
        "intro_compare": (
            "This report compares {what} with the situation without them ({base}). Each was "
            "simulated {reps} times over {months} months with the same random chances as the "
            "base, so that the differences come from the intervention, not from chance. "
            "Numbers are averages over the simulations; the ranges are 95% confidence "
            "intervals."),
        "intro_run": (
            "This report summarises {reps} simulations of {months} months of {name}: "
            "{size} mothers on social assistance at the start, with new and returning "
            "mothers each month. Numbers are averages over the simulations; the ranges are "
            "95% confidence intervals."),
        "different_base": (
            "Not a like-for-like comparison. {alt} differs from the base in more than its "
            "programmes ({diffs}), so its results mix the effect of its programmes with the "
            "effect of these differences. It was compared anyway because "
            "--allow-different-base was given."),
        "diff_item": "{what}: {value} against {base} in the base",
        "summary": "Summary",
        "glance": "Effect and cost at a glance",
        "chart_glance": ("Extra exits to work per 100 mothers reached, net cost per extra exit "
                         "to work and break-even month, with 95% intervals"),
        "glance_intro": (
            "For each intervention: extra exits to work per 100 mothers it reached, the net "
            "cost per extra exit to work (the intervention's cost minus the benefit "
            "payments it saves, or plus those it adds), and the month from which it has paid "
            "for itself. Bars are 95% intervals; an arrow means the interval reaches past "
            "the {m} months simulated, an open circle that it does not pay for itself within "
            "them on average."),
        "per_intervention": "What each intervention adds",
        "reached": "It reached about {reached} mothers in {months} months.",
        "no_reach": "It reached no mothers, so it cannot add exits to work.",
        "extra_work": ("Per 100 mothers reached, about {v} more left assistance for work "
                       "within {m} months ({lo} to {hi})."),
        "fewer_work": ("Per 100 mothers reached, about {v} fewer left assistance for work "
                       "within {m} months ({lo} to {hi})."),
        "extra_work_none": ("Per 100 mothers reached: {v} more in work within {m} months "
                            "({lo} to {hi}); this is consistent with no effect."),
        "extra_work_unclear": ("Per 100 mothers reached: about {v} more in work within {m} "
                               "months, but this cannot be pinned down: too few mothers "
                               "were reached, or the extra exits are not clearly above "
                               "zero."),
        "time_less": "Mothers spent {v} fewer months on assistance in total ({lo} to {hi})",
        "time_more": "Mothers spent {v} more months on assistance in total ({lo} to {hi})",
        "time_same": ("Time on assistance did not clearly change: {v} mother-months saved "
                      "({lo} to {hi})"),
        "because_more": ", mainly because {v} more mothers {dest} ({lo} to {hi})",
        "because_fewer": ", mainly because {v} fewer mothers {dest} ({lo} to {hi})",
        "verb_work": "left for work",
        "verb_study": "left to study",
        "verb_noncooperation": "had their assistance stopped for non-cooperation",
        "verb_partner": "left on a partner's income",
        "verb_other": "left for other reasons",
        "benefit_fell": ("Benefit payments fell by {v} ({lo} to {hi}); the intervention "
                         "cost {cost}."),
        "benefit_rose": ("Benefit payments rose by {v} ({lo} to {hi}) instead of falling, "
                         "on top of the intervention's cost of {cost}."),
        "benefit_unclear": ("Benefit payments did not clearly change ({v} saved, {lo} to "
                            "{hi}); the intervention cost {cost}."),
        "saves_money": ("Altogether it saves more than it costs: {v} over {m} months "
                        "({lo} to {hi})."),
        "cost_per_exit": ("Net cost per extra exit to work, after deducting the benefit "
                          "payments saved: {v} ({lo} to {hi})."),
        "cost_per_exit_rose": ("Net cost per extra exit to work: {v} ({lo} to {hi}); this "
                               "is the intervention's cost plus the extra benefit payments, "
                               "per extra exit to work."),
        "cost_per_exit_plain": ("Net cost per extra exit to work, counting the change in "
                                "benefit payments: {v} ({lo} to {hi})."),
        "cost_per_exit_na": ("There is no net cost per extra exit to work to report: the "
                             "intervention did not add exits to work on average."),
        "cost_per_exit_unclear": ("Net cost per extra exit to work: about {v}, but this "
                                  "cannot be pinned down, because the number of extra "
                                  "exits to work is not clearly above zero."),
        "break_even": ("It pays for itself from month {v} (between month {lo} and {hi}, "
                       "allowing for uncertainty)."),
        "break_even_open": ("On average it pays for itself from month {v}; allowing for "
                            "uncertainty, that could be from month {lo} or not within {m} "
                            "months."),
        "break_even_maybe": ("On average it does not pay for itself within {m} months, but "
                             "allowing for uncertainty it might, from month {lo}."),
        "no_break_even": ("It does not pay for itself within {m} months, even allowing for "
                          "uncertainty."),
        "never_pays": ("It cannot pay for itself: it raises benefit payments as well as "
                       "costing money."),
        "worlds_title": "Which programme to fund, and how sure that is",
        "worlds_intro": (
            "The model's answers rest on assumptions as well as on chance. Here each "
            "programme was compared with the base in {kept} plausible worlds: versions of the "
            "model whose fitted parameters were drawn from what the Rotterdam figures allow, "
            "and whose programme effects and costs were drawn over their plausible ranges, "
            "most likely at the scenario's own values. A world counts only if the base "
            "reproduces the {targets} calibration targets in it: {plausible} of {drawn} worlds "
            "drawn did, and the first {kept} were used. Each world ran {reps} times."),
        "worlds_lead": (
            "{most} gives the most extra exits to work (median {v} over worlds); {surest} "
            "is the surest to pay for itself: it does so within {m} months in {p} of "
            "plausible worlds."),
        "worlds_rank": "rank",
        "worlds_programme": "programme",
        "worlds_exits": "extra exits to work",
        "worlds_cost_per_exit": "net cost per extra exit, or saving",
        "worlds_pays_back_by": "chance paid back within {m} months",
        "worlds_month": "{m} months",
        "worlds_chance_by": "Chance that the programme has paid for itself, by month:",
        "worlds_luck": (
            "With {reps} simulations per world, chance still dominates the figures of {names}: "
            "the worlds differ little more than the luck of the simulations. Rerun with "
            "--world-reps 10 or more before deciding."),
        "worlds_chance_only": "not distinguishable from chance",
        "worlds_few": "With only {n} worlds, some of these correlations are chance.",
        "worlds_holm": (
            "Up to {n} parameters were tested at once, so some correlations are chance. "
            "Pale bars mark those that do not stand once that is allowed for (Holm's "
            "method)."),
        "worlds_net_saving": "net saving in {m} months",
        "worlds_saves_mean": "saves {v} on balance",
        "rank_title": "Which programme to fund",
        "rank_lead": "{most} gives the most extra exits to work in {m} months (about {v}).",
        "rank_lead_saves": "{first} saves the most on balance ({v}).",
        "rank_lead_cost": "{first} costs the least per extra exit to work.",
        "rank_break_even": "pays for itself",
        "rank_unclear": "no clear extra exits to work",
        "rank_month": "from month {v}",
        "rank_not_within": "not within {m} months",
        "rank_note": (
            "Programmes that save more than they cost come first, the others by net cost per "
            "extra exit to work, and last those whose extra exits are not clearly above zero "
            "(a cost per exit would then mean little); figures are averages over the simulations with 95% "
            "intervals in brackets. These intervals show only the luck of the simulations, "
            "not the uncertainty in the model's assumptions (simulate compare --worlds "
            "adds that). The rest of the report follows this order."),
        "worlds_beats_intro": (
            "Chance that the programme in the row gives more extra exits to work in {m} months "
            "than the programme in the column (share of plausible worlds):"),
        "worlds_table_intro": (
            "Over {m} months; each figure is the median over plausible worlds, with 5–95% of "
            "worlds in brackets, and the last column the chance that the programme has paid "
            "for itself."),
        "worlds_saves": "saves {v} on balance (median)",
        "worlds_ranking_note": (
            "Programmes that save more than they cost come first, the others by net cost per "
            "extra exit to work. A programme pays back by a month when, in a world, the "
            "benefit payments it saved by then exceed what it cost; the chance is the share "
            "of plausible worlds where it does. Counts are absolute: extra exits among all "
            "mothers on assistance, not per participant."),
        "worlds_two_kinds": "Two kinds of uncertainty",
        "worlds_two_kinds_intro": (
            "The range over worlds shows how much the answer depends on what is not known "
            "about how mothers, programmes and the labour market behave (5–95% of plausible "
            "worlds, with the luck of the simulations taken out). The replication interval "
            "shows only the luck of {reps} simulations of the same world (95%). Decisions "
            "should rest on the first."),
        "worlds_median": "median over worlds",
        "worlds_world_range": "range over worlds (5–95%)",
        "worlds_luck_range": "replication interval (95%)",
        "worlds_extra_exits_work_total": "extra exits to work in {m} months",
        "worlds_net_cost_eur_total": "net cost in {m} months",
        "worlds_legend_extra_exits_work_total": "extra exits to work",
        "worlds_legend_net_cost_eur_total": "net cost",
        "worlds_chart_ceac": (
            "Chance that the net cost per extra exit to work is below what one is willing to "
            "pay (acceptability curve)"),
        "worlds_axis_threshold": "willing to pay per extra exit to work (EUR)",
        "worlds_axis_chance": "chance over plausible worlds",
        "worlds_ceac_note": (
            "Read across from what an extra exit to work is worth to the municipality: the "
            "curve gives the chance that the programme delivers it for less. A programme "
            "that saves money and adds exits to work is acceptable at every amount, even "
            "zero."),
        "worlds_hinges": "What the answer hinges on",
        "worlds_chart_tornado": (
            "{name}: the parameters that move its extra exits to work and net cost most "
            "(rank correlation over plausible worlds, with 95% interval)"),
        "worlds_axis_rho": "rank correlation with the outcome",
        "worlds_more_tornados": "The other programmes",
        "worlds_method": (
            "How the worlds were drawn: the fitted parameters from their fit with its "
            "correlations (docs/calibration.md); each programme's uncertain parameters over "
            "their ranges, most likely at the scenario's values{scanned}. {held}{emulated} Targets "
            "left out of the check: {left_out}. Method: docs/worlds.md."),
        "worlds_scanned": (
            "; {n} parameters of the model that no target fits, within the part of their "
            "range where the base reproduces the targets, most likely at the base's values"),
        "worlds_held": (
            "The model's {n} other uncertain parameters keep their values: drawing them as "
            "well (simulate compare --world-draw all) takes longer and can widen the range "
            "over worlds a lot (docs/worlds.md)."),
        "worlds_held_none": "Every uncertain parameter of the model is drawn.",
        "worlds_emulated": (
            " Another {n} worlds drawn were not run: an emulator (a regression on the worlds "
            "already run) predicted that the base would miss the targets in them."),
        "worlds_held_fixed": (
            "{n} were scanned but keep their values: the base itself misses the targets, so "
            "the scan found no range around it."),
        "uncertainty_note": (
            "How sure are we? The ranges show where the average effect lies with 95% "
            "confidence given the model's assumptions. They do not include the uncertainty "
            "in those assumptions (see the assumptions table and the sensitivity analysis)."),
        "charts": "Charts",
        "chart_share": ("Share of the mothers on assistance at the start who are still on "
                        "assistance"),
        "chart_work": "Exits to work, cumulative",
        "chart_stock": "Mothers on assistance",
        "chart_caseload": "Caseload per coach (mean)",
        "chart_childcare": "Childcare: the queue, and programme places in use",
        "chart_costs": "Benefit saved and intervention cost, cumulative",
        "chart_net": ("Net saving, cumulative (benefit saved minus intervention cost): where "
                      "it crosses zero, the intervention has paid for itself"),
        "chart_exits": "Exits by destination, cumulative",
        "chart_destinations": ("Change in exits by destination within {m} months, against "
                               "the base (95% intervals)"),
        "chart_programme_costs": "Programme costs per month",
        "panel_per100": "extra exits to work per 100 reached, {m} months",
        "panel_cost": "net cost per extra exit to work ({eur})",
        "panel_break_even": "break-even month",
        "not_within": "not within {m} months",
        "interval_open": "interval unbounded: extra exits not clearly above zero",
        "month": "month",
        "share": "share",
        "mothers": "mothers",
        "eur": "EUR",
        "change": "change",
        "band": "95% band",
        "regular": "regular coaches",
        "queue": "childcare queue",
        "saved": "benefit saved",
        "cost": "intervention cost",
        "outcomes": "Outcomes",
        "all_outcomes": "Show every outcome with its 95% interval",
        "indices": "Indices",
        "all_indices": "Show every index of every outcome, with its interval",
        "defaults_only": "Its programmes run at their default values.",
        "outcome": "outcome",
        "estimate": "estimate",
        "interval": "95% interval",
        "yes": "yes",
        "no": "no",
        "assumptions": "Assumptions",
        "assumptions_intro": (
            "Every number in the model is declared with a unit, a plausible range and its "
            "source. Below: the values that differ from the declared defaults, then every "
            "value that is an assumption rather than taken from a source, with the range "
            "within which it is plausible."),
        "shared": "Values that differ from the defaults, shared by every scenario",
        "changes": "What each scenario changes against the base ({base})",
        "changed": "Values that differ from the defaults",
        "programmes": "{name} runs: {list}.",
        "no_programmes": "{name} runs no programme.",
        "varied": "Varied in this experiment: {names}.",
        "assumed": "Values that are assumptions",
        "assumed_summary": "Show the {n} values that are assumptions, with their plausible ranges",
        "none_changed": "No value differs from its default.",
        "differs": ("Differs between the scenarios (see the changes above); the value shown "
                    "is the base's."),
        "no_changes": "No scenario changes a value of the base apart from its programmes.",
        "parameter": "parameter",
        "scenario": "scenario",
        "value": "value",
        "default": "default",
        "base_value": "base",
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
        "sensitivity_intro_Sobol": (
            "Global sensitivity analysis (Sobol) of {name}: which uncertain numbers matter "
            "most for the outcomes. A first-order index is the share of the outcome's "
            "variance due to one number alone; the total index adds its interactions."),
        "sensitivity_intro_Morris": (
            "Screening (Morris) of {name}: which uncertain numbers matter most for the "
            "outcomes. mu* is the mean size of the change in an outcome when one number moves "
            "across its plausible range; sigma, the spread of that change, is large where the "
            "number interacts with others or acts non-linearly."),
        "top_drivers": "{output} depends most on: {names}.",
        "design_points": "Design points",
        "chart_heatmap": "{output}, by {x} and {y}",
        "chart_lines": "{output}, by {x}",
        "chart_scatter": "{output} at each sampled point, against each varied value",
        "chart_sobol": "Sobol indices of {output} (first order and total, with 95% intervals)",
        "chart_convergence": "Convergence of the total-order indices of {output}",
        "chart_morris": "Morris screening of {output}: mu* against sigma",
        "sobol_first": "first order (S1)",
        "sobol_total": "total (ST)",
        "sobol_axis": "share of the outcome's variance",
        "samples_axis": "samples (N)",
        "mu_star_axis": "mu* (mean absolute elementary effect)",
        "sigma_axis": "sigma (spread: interactions, non-linearity)",
        "conv_axis": "total index (ST)",
        "index_S1": "first order S1", "index_ST": "total ST", "index_mu": "mu",
        "index_mu_star": "mu*", "index_sigma": "sigma", "index_conf": "± (95%)",
        "dest_work": "work", "dest_study": "study",
        "dest_noncooperation": "missed agreements", "dest_partner": "partner's income",
        "dest_other": "other", "dest_all": "all exits",
        "source_work": "from exits to work",
        "source_noncooperation": "from stops for non-cooperation",
        "source_other_exits": "from exits to study, a partner's income or other reasons",
        "source_lower_payments": ("from lower payments to mothers still on assistance "
                                  "(part-time earnings, sanction cuts)"),
        "source_not_work": ", not from work",
        "source_also_work": " and {w} from work",
        "source_back": "; {what} take back {x}",
        "back_work": "fewer exits to work",
        "back_noncooperation": "fewer stops for non-cooperation",
        "back_other_exits": "fewer exits to study, a partner's income or other reasons",
        "back_lower_payments": "higher payments to mothers still on assistance",
        "source_most": "Most of this saving ({p}) comes {source}{tail}{back}.",
        "source_all": "All of this saving comes {source}{tail}{back}.",
        "source_split": ("This saving comes from several sources: exits to work {work}, "
                         "stops for non-cooperation {noncooperation}, other exits "
                         "{other_exits}, lower payments to mothers still on assistance "
                         "{lower_payments}."),
        "source_none": "There is no saving to trace: benefit payments did not fall.",
        "source_offset": ("This small saving is what is left of larger parts that cancel "
                          "out: {parts}."),
        "offset_more": "{x} saved {source}",
        "offset_less": "{x} more spent through {what}",
        "part_work": "exits to work", "part_noncooperation": "stops for non-cooperation",
        "part_other_exits": "other exits (study, partner, other)",
        "part_lower_payments": "lower payments on assistance",
        "chart_sources": ("Where the benefit saved over the whole run comes from (mean; the "
                          "parts add up to the total)"),
        "title_evidence": "Pathways: the model's responses to policy against published evaluations",
        "intro_evidence": (
            "Published evaluations measured what {n} interventions changed. For each, the base "
            "scenario ({name}) was simulated {reps} times with and without the intervention, on "
            "the same random chances, so that the difference is the intervention's effect in "
            "the model. The studies' populations and settings differ from the model's (mothers "
            "of young children on Dutch social assistance), so a band around the published "
            "figure, not the figure itself, counts as agreement; each band's reasoning is "
            "below."),
        "evidence_verdict": "{passed} of {modelled} evidence checks agree with the evidence.",
        "calibrated_verdict": ("{n} checks reproduce figures the model was calibrated to; "
                               "that shows consistency, not evidence."),
        "calibrated_verdict_1": ("1 check reproduces a figure the model was calibrated to; "
                                 "that shows consistency, not evidence."),
        "calibrated_checks": "Checks the model was calibrated to",
        "calibrated_intro": (
            "A parameter of the model was set from the published figure of each of these "
            "checks (named under its title). That the model reproduces the figure shows "
            "that it is consistent, not that the study confirms it: a calibrated check shows "
            "consistency, not evidence, and is not counted as evidence."),
        "set_from": "calibrated to this figure: {names}",
        "verdict_calibrated": "yes, calibrated",
        "chart_calibrated": ("Checks the model was calibrated to, each on its own scale "
                             "(consistency, not evidence)"),
        "evidence_waiting": "Not yet modelled (the model lacks the intervention): {list}.",
        "evidence_failed": ("These disagree, so the model's answers on them should not be "
                            "relied on: {list}."),
        "evidence_checks": "Evidence checks",
        "evidence_table_intro": (
            "Published: the study's estimate with its 95% interval. Band: the range that counts "
            "as agreement. Simulated: the model's mean effect over the replications with its "
            "95% confidence interval."),
        "finding": "finding (study)", "design": "design", "published": "published",
        "agreement_band": "band", "simulated_ci": "simulated (95% CI)", "verdict": "agrees",
        "verdict_pass": "yes", "verdict_fail": "NO", "verdict_waiting": "not yet modelled",
        "chart_evidence": ("Each check on its own scale: the band that counts as agreement, "
                           "the published figure and the simulated effect with their "
                           "intervals"),
        "evidence_details": "Each check in detail",
        "evidence_details_intro": (
            "The study, how the model's population compares with it, how the intervention "
            "was translated into the model and why the band is what it is, as written in the "
            "checks file."),
        "to": "to", "in_words": "in words", "simulated": "simulated",
        "study": "study", "study_population": "study population",
        "study_finding": "finding", "model_population": "the model's population",
        "intervention": "the intervention in the model", "published_note": "published figure",
        "band_reasoning": "why this band", "evidence_missing": "missing in the model",
        # simulate discover
        "title_discover": "Pathways: where {outcome} is {direction} {value}",
        "below": "below", "above": "above",
        "intro_discover": (
            "This report looks for the situations in which {outcome} is {direction} {value}. "
            "It uses the {n} design points of the sweep {experiment} (each the mean over its "
            "simulations); in {k} of them {outcome_short} is {direction} {value}. PRIM "
            "(EMA Workbench) narrows the ranges of {factors} to a box of design points in "
            "which that is as common as it can be while the box keeps enough of them."),
        "discover_dropped": ("{n} design points without a value of the outcome (no extra "
                             "exits to divide by) were left out."),
        "discover_none": (
            "No box reaches the density asked for ({threshold}): no combination of ranges "
            "holds mainly design points where {outcome_short} is {direction} {value}. A lower "
            "density (--threshold), another threshold of the outcome or more design points "
            "may find one."),
        "boxes": "Boxes",
        "box_title": "Box {n}",
        "box_lead": "{outcome} is {direction} {value} in {density} of the design points with",
        "box_tail": ("These are {coverage} of all design points in which it is {direction} "
                     "{value}."),
        "box_next": "Among the design points the boxes before it leave:",
        "box_luck": ("The chance that a limit of this box is luck is {qp} (EMA's "
                     "quasi-p-value, a binomial test)."),
        "condition_range": "{what}: {values} {unit}",
        "condition_policy": "policy: {names}",
        "and": "and", "or": "or",
        "box_table": ("{n} box(es): coverage is the share of all design points of interest "
                      "in the box, density the share of the box's design points that are of "
                      "interest."),
        "box": "box", "coverage": "coverage", "density": "density", "points": "design points",
        "significance": "quasi-p", "factor": "factor", "in_box": "in the box",
        "whole_range": "in the sweep",
        "chart_limits": "Box {n}: its ranges (dark) within the ranges of the sweep (light)",
        "chart_peeling": ("How PRIM narrowed each box: density against coverage at each "
                          "step, the reported box marked"),
        "range_share": "position within the sweep's range",
        "step": "step",
        "footer": "Pathways {version}. Built from {path}.",
    },
    "nl": {
        "title_run": "Pathways: simulatie van {name}",
        "title_compare": "Pathways: wat interventies opleveren voor moeders in de bijstand",
        "title_sweep": "Pathways: scenarioverkenning {name}",
        "title_sensitivity": "Pathways: gevoeligheidsanalyse {name}",
        "n_interventions_1": "één interventie",
        "n_interventions": "{n} interventies",
        "intro_compare": (
            "Dit rapport vergelijkt {what} met de situatie zonder ({base}). Elke interventie "
            "is {reps} keer gesimuleerd over {months} maanden, met dezelfde toevalsfactoren "
            "als de basis, zodat de verschillen door de interventie komen en niet door "
            "toeval. Getallen zijn gemiddelden over de simulaties; de marges zijn "
            "95%-betrouwbaarheidsintervallen."),
        "intro_run": (
            "Dit rapport vat {reps} simulaties samen van {months} maanden {name}: {size} "
            "moeders in de bijstand bij de start, met elke maand nieuwe en terugkerende "
            "moeders. Getallen zijn gemiddelden over de simulaties; de marges zijn "
            "95%-betrouwbaarheidsintervallen."),
        "different_base": (
            "Geen zuivere vergelijking. {alt} verschilt van de basis in meer dan de "
            "interventies ({diffs}). De uitkomsten mengen dus het effect van de interventies "
            "met het effect van deze verschillen. Er is toch vergeleken omdat "
            "--allow-different-base is opgegeven."),
        "diff_item": "{what}: {value} tegen {base} in de basis",
        "summary": "Samenvatting",
        "glance": "Effect en kosten in één oogopslag",
        "chart_glance": ("Extra uitstroom naar werk per 100 bereikte moeders, nettokosten per "
                         "extra uitstroom naar werk en terugverdienmaand, met 95%-marges"),
        "glance_intro": (
            "Per interventie: de extra uitstroom naar werk per 100 bereikte moeders, de "
            "nettokosten per extra uitstroom naar werk (de kosten van de "
            "interventie min de uitkeringen die ze bespaart, of plus de uitkeringen die ze "
            "extra kost) en de maand vanaf wanneer ze zichzelf heeft terugverdiend. De "
            "strepen zijn 95%-marges; een pijl betekent dat de marge verder loopt dan de "
            "{m} gesimuleerde maanden, een open rondje dat ze zich daarbinnen gemiddeld niet "
            "terugverdient."),
        "per_intervention": "Wat elke interventie oplevert",
        "reached": "De interventie bereikte ongeveer {reached} moeders in {months} maanden.",
        "no_reach": ("De interventie bereikte geen moeders en kan dus geen uitstroom naar werk "
                     "toevoegen."),
        "extra_work": ("Per 100 bereikte moeders gingen er binnen {m} maanden ongeveer {v} "
                       "meer aan het werk ({lo} tot {hi})."),
        "fewer_work": ("Per 100 bereikte moeders gingen er binnen {m} maanden ongeveer {v} "
                       "minder aan het werk ({lo} tot {hi})."),
        "extra_work_none": ("Per 100 bereikte moeders: {v} meer aan het werk binnen {m} "
                            "maanden ({lo} tot {hi}); dit past ook bij geen effect."),
        "extra_work_unclear": ("Per 100 bereikte moeders: ongeveer {v} meer aan het werk "
                               "binnen {m} maanden, maar dat is niet vast te stellen: te "
                               "weinig moeders bereikt, of de extra uitstroom ligt niet "
                               "duidelijk boven nul."),
        "time_less": ("Moeders zaten samen {v} maanden korter in de bijstand ({lo} tot "
                      "{hi})"),
        "time_more": ("Moeders zaten samen {v} maanden langer in de bijstand ({lo} tot "
                      "{hi})"),
        "time_same": ("De tijd in de bijstand veranderde niet duidelijk: {v} bijstandsmaanden "
                      "bespaard ({lo} tot {hi})"),
        "because_more": ", vooral doordat er {v} moeders meer {dest} ({lo} tot {hi})",
        "because_fewer": ", vooral doordat er {v} moeders minder {dest} ({lo} tot {hi})",
        "verb_work": "uitstroomden naar werk",
        "verb_study": "gingen studeren",
        "verb_noncooperation": "hun uitkering kwijtraakten omdat ze niet meewerkten",
        "verb_partner": "uitstroomden naar een inkomen van de partner",
        "verb_other": "uitstroomden om andere redenen",
        "benefit_fell": ("De uitkeringslasten daalden met {v} ({lo} tot {hi}); de "
                         "interventie kostte {cost}."),
        "benefit_rose": ("De uitkeringslasten stegen met {v} ({lo} tot {hi}) in plaats van te "
                         "dalen, bovenop de kosten van de interventie van {cost}."),
        "benefit_unclear": ("De uitkeringslasten veranderden niet duidelijk ({v} bespaard, "
                            "{lo} tot {hi}); de interventie kostte {cost}."),
        "saves_money": ("Alles bij elkaar bespaart ze meer dan ze kost: {v} over {m} maanden "
                        "({lo} tot {hi})."),
        "cost_per_exit": ("Nettokosten per extra uitstroom naar werk, na aftrek van de "
                          "bespaarde uitkeringen: {v} ({lo} tot {hi})."),
        "cost_per_exit_rose": ("Nettokosten per extra uitstroom naar werk: {v} ({lo} tot "
                               "{hi}); dat zijn de kosten van de interventie plus de extra "
                               "uitkeringen, per extra uitstroom naar werk."),
        "cost_per_exit_plain": ("Nettokosten per extra uitstroom naar werk, met de "
                                "verandering in uitkeringslasten meegeteld: {v} ({lo} tot "
                                "{hi})."),
        "cost_per_exit_na": ("Er zijn geen nettokosten per extra uitstroom naar werk te "
                             "melden: de interventie voegde gemiddeld geen uitstroom naar "
                             "werk toe."),
        "cost_per_exit_unclear": ("Nettokosten per extra uitstroom naar werk: ongeveer {v}, "
                                  "maar dat is niet vast te stellen, omdat de extra "
                                  "uitstroom naar werk niet duidelijk boven nul ligt."),
        "break_even": ("Ze verdient zichzelf terug vanaf maand {v} (tussen maand {lo} en "
                       "{hi}, rekening houdend met onzekerheid)."),
        "break_even_open": ("Gemiddeld verdient ze zichzelf terug vanaf maand {v}; met de "
                            "onzekerheid meegerekend kan dat vanaf maand {lo} zijn, of niet "
                            "binnen {m} maanden."),
        "break_even_maybe": ("Gemiddeld verdient ze zichzelf niet terug binnen {m} maanden, "
                             "maar met de onzekerheid meegerekend kan dat wel, vanaf maand "
                             "{lo}."),
        "no_break_even": ("Ze verdient zichzelf niet terug binnen {m} maanden, ook niet met "
                          "de onzekerheid meegerekend."),
        "never_pays": ("Ze kan zichzelf niet terugverdienen: de uitkeringslasten stijgen en "
                       "de interventie kost geld."),
        "worlds_title": "Welk programma financieren we, en hoe zeker is dat?",
        "worlds_intro": (
            "De uitkomsten van het model hangen af van toeval, maar ook van aannames. Daarom "
            "is elk programma vergeleken met de uitgangssituatie in {kept} plausibele "
            "werelden: varianten van het model waarin de geschatte parameters zijn getrokken "
            "uit wat de Rotterdamse cijfers toelaten, en de effecten en kosten van de "
            "programma's uit hun plausibele bereik, het vaakst rond de waarden van het "
            "scenario zelf. Een wereld telt alleen mee als de uitgangssituatie daarin de "
            "{targets} Rotterdamse cijfers haalt waarop het model is afgestemd; dat gold voor "
            "{plausible} van de {drawn} getrokken werelden, waarvan de eerste {kept} zijn "
            "gebruikt. Elke wereld is {reps} keer gesimuleerd."),
        "worlds_lead": (
            "Het programma ‘{most}’ levert de meeste extra uitstroom naar werk op (mediaan "
            "{v} over de werelden); het programma ‘{surest}’ verdient zich het zekerst terug: "
            "binnen {m} maanden in {p} van de plausibele werelden."),
        "worlds_rank": "plaats",
        "worlds_programme": "programma",
        "worlds_exits": "extra uitstroom naar werk",
        "worlds_cost_per_exit": "nettokosten per extra uitstroom, of besparing",
        "worlds_pays_back_by": "kans terugverdiend binnen {m} maanden",
        "worlds_month": "{m} maanden",
        "worlds_chance_by": "Kans dat het programma zich heeft terugverdiend, na:",
        "worlds_luck": (
            "Met {reps} simulaties per wereld overheerst het toeval nog in de cijfers van "
            "{names}: de werelden verschillen nauwelijks meer dan het toeval van de "
            "simulaties. Draai opnieuw met --world-reps 10 of meer voordat u besluit."),
        "worlds_chance_only": "niet te onderscheiden van toeval",
        "worlds_few": "Bij maar {n} werelden zijn sommige van deze correlaties toeval.",
        "worlds_holm": (
            "Er zijn tot {n} parameters tegelijk getoetst; daardoor is een deel van de "
            "correlaties toeval. Lichte balken tonen de correlaties die niet overeind blijven "
            "als we daar rekening mee houden (methode van Holm)."),
        "worlds_net_saving": "nettobesparing in {m} maanden",
        "worlds_saves_mean": "bespaart per saldo {v}",
        "rank_title": "Welk programma financieren",
        "rank_lead": ("Het programma ‘{most}’ levert in {m} maanden de meeste extra uitstroom "
                      "naar werk op (ongeveer {v})."),
        "rank_lead_saves": "Het programma ‘{first}’ bespaart per saldo het meest ({v}).",
        "rank_lead_cost": ("Het programma ‘{first}’ kost het minst per extra uitstroom naar "
                           "werk."),
        "rank_break_even": "verdient zich terug",
        "rank_unclear": "geen duidelijke extra uitstroom naar werk",
        "rank_month": "vanaf maand {v}",
        "rank_not_within": "niet binnen {m} maanden",
        "rank_note": (
            "Programma's die meer besparen dan ze kosten staan bovenaan, de andere op "
            "nettokosten per extra uitstroom naar werk, en onderaan die waarvan de extra "
            "uitstroom niet duidelijk boven nul ligt (kosten per uitstroom zeggen dan weinig); "
            "de getallen zijn gemiddelden over de "
            "simulaties, met tussen haakjes het 95%-interval. Die intervallen tonen alleen "
            "het toeval van de simulaties, niet de onzekerheid in de aannames van het model "
            "(simulate compare --worlds voegt die toe). De rest van het rapport volgt deze "
            "volgorde."),
        "worlds_beats_intro": (
            "Kans dat het programma in de rij in {m} maanden meer extra uitstroom naar werk "
            "oplevert dan het programma in de kolom (aandeel van de plausibele werelden):"),
        "worlds_table_intro": (
            "Over {m} maanden; elk getal is de mediaan over de plausibele werelden, met "
            "tussen haakjes 5–95% van de werelden. De laatste kolom geeft de kans dat het "
            "programma zich heeft terugverdiend."),
        "worlds_saves": "bespaart per saldo {v} (mediaan)",
        "worlds_ranking_note": (
            "Programma's die meer besparen dan ze kosten staan bovenaan, de andere op "
            "nettokosten per extra uitstroom naar werk. Een programma verdient zich binnen een "
            "termijn terug als de bespaarde uitkeringen dan hoger zijn dan de kosten; de kans "
            "is het aandeel van de plausibele werelden waarin dat zo is. Aantallen zijn "
            "absoluut: extra uitstroom onder alle moeders in de bijstand, niet per deelnemer."),
        "worlds_two_kinds": "Twee soorten onzekerheid",
        "worlds_two_kinds_intro": (
            "De spreiding over werelden laat zien hoeveel de uitkomst afhangt van wat we niet "
            "weten over het gedrag van moeders, programma's en de arbeidsmarkt (5–95% van de "
            "plausibele werelden, zonder het toeval van de simulaties). Het "
            "simulatie-interval laat alleen het toeval zien van {reps} simulaties van "
            "dezelfde wereld (95%). Baseer een besluit op de eerste."),
        "worlds_median": "mediaan over werelden",
        "worlds_world_range": "spreiding over werelden (5–95%)",
        "worlds_luck_range": "simulatie-interval (95%)",
        "worlds_extra_exits_work_total": "extra uitstroom naar werk in {m} maanden",
        "worlds_net_cost_eur_total": "nettokosten in {m} maanden",
        "worlds_legend_extra_exits_work_total": "extra uitstroom naar werk",
        "worlds_legend_net_cost_eur_total": "nettokosten",
        "worlds_chart_ceac": (
            "Kans dat de nettokosten per extra uitstroom naar werk onder het bedrag liggen "
            "dat de gemeente ervoor overheeft (aanvaardbaarheidscurve)"),
        "worlds_axis_threshold": "bedrag per extra uitstroom naar werk (€)",
        "worlds_axis_chance": "aandeel van de plausibele werelden",
        "worlds_ceac_note": (
            "Lees af bij wat een extra uitstroom naar werk de gemeente waard is: de curve "
            "geeft de kans dat het programma die voor minder oplevert. Een programma dat geld "
            "bespaart en extra uitstroom oplevert, is bij elk bedrag aanvaardbaar, ook bij "
            "nul."),
        "worlds_hinges": "Waar de uitkomst van afhangt",
        "worlds_chart_tornado": (
            "{name}: de parameters die de extra uitstroom naar werk en de nettokosten het "
            "sterkst bepalen (rangcorrelatie over plausibele werelden, met 95%-interval)"),
        "worlds_axis_rho": "rangcorrelatie met de uitkomst",
        "worlds_more_tornados": "De andere programma's",
        "worlds_method": (
            "Zo zijn de werelden getrokken: de geschatte parameters uit hun schatting met de "
            "onderlinge samenhang (docs/calibration.md); de onzekere parameters van elk "
            "programma over hun bereik, het vaakst rond de waarden van het scenario{scanned}. "
            "{held}{emulated} Niet meegenomen cijfers: {left_out}. Methode: docs/worlds.md."),
        "worlds_scanned": (
            "; {n} parameters van het model waarop het niet is afgestemd, binnen het deel van "
            "hun bereik waarin de uitgangssituatie de Rotterdamse cijfers haalt, het vaakst "
            "rond de waarden van de uitgangssituatie"),
        "worlds_held": (
            "De {n} andere onzekere parameters van het model houden hun waarde. Worden ook "
            "die getrokken (simulate compare --world-draw all), dan duurt de berekening "
            "langer en kan de spreiding over werelden flink groter worden (docs/worlds.md)."),
        "worlds_held_none": "Alle onzekere parameters van het model worden getrokken.",
        "worlds_emulated": (
            " Nog {n} getrokken werelden zijn niet doorgerekend: een emulator (een regressie "
            "op de werelden die al waren doorgerekend) voorspelde dat de uitgangssituatie de "
            "cijfers daarin niet zou halen."),
        "worlds_held_fixed": (
            "{n} zijn afgetast maar houden hun waarde: de uitgangssituatie haalt de cijfers "
            "zelf niet, dus de aftasting vond geen bereik eromheen."),
        "uncertainty_note": (
            "Hoe zeker is dit? De marges geven aan waar het gemiddelde effect met 95% "
            "zekerheid ligt, gegeven de aannames van het model. De onzekerheid in die "
            "aannames zit er niet in (zie de tabel met aannames en de gevoeligheidsanalyse)."),
        "charts": "Grafieken",
        "chart_share": ("Aandeel van de moeders die bij de start in de bijstand zaten en er "
                        "nog in zitten"),
        "chart_work": "Uitstroom naar werk, opgeteld",
        "chart_stock": "Moeders in de bijstand",
        "chart_caseload": "Caseload per klantmanager (gemiddeld)",
        "chart_childcare": ("Kinderopvang: de wachtlijst, en plaatsen van de interventies in "
                            "gebruik"),
        "chart_costs": "Bespaarde uitkeringen en kosten van de interventie, opgeteld",
        "chart_net": ("Netto besparing, opgeteld (bespaarde uitkeringen min kosten): waar de "
                      "lijn boven nul komt, heeft de interventie zichzelf terugverdiend"),
        "chart_exits": "Uitstroom naar bestemming, opgeteld",
        "chart_destinations": ("Verschil in uitstroom naar bestemming binnen {m} maanden, "
                               "ten opzichte van de basis (95%-marges)"),
        "chart_programme_costs": "Kosten van de interventies per maand",
        "panel_per100": "extra uitstroom naar werk per 100 bereikt, {m} maanden",
        "panel_cost": "nettokosten per extra uitstroom naar werk ({eur})",
        "panel_break_even": "terugverdienmaand",
        "not_within": "niet binnen {m} maanden",
        "interval_open": "marge onbegrensd: extra uitstroom niet duidelijk boven nul",
        "month": "maand",
        "share": "aandeel",
        "mothers": "moeders",
        "eur": "euro",
        "change": "verschil",
        "band": "95%-marge",
        "regular": "reguliere klantmanagers",
        "queue": "wachtlijst kinderopvang",
        "saved": "bespaarde uitkeringen",
        "cost": "kosten interventie",
        "outcomes": "Uitkomsten",
        "all_outcomes": "Toon alle uitkomsten met hun 95%-marge",
        "indices": "Indices",
        "all_indices": "Toon alle indices van alle uitkomsten, met hun marge",
        "defaults_only": "De interventies draaien met hun standaardwaarden.",
        "outcome": "uitkomst",
        "estimate": "schatting",
        "interval": "95%-marge",
        "yes": "ja",
        "no": "nee",
        "assumptions": "Aannames",
        "assumptions_intro": (
            "Elk getal in het model is vastgelegd met een eenheid, een aannemelijke "
            "bandbreedte en een bron. Hieronder de waarden die afwijken van de "
            "standaardwaarden, en daarna alle waarden die een aanname zijn en niet uit een "
            "bron komen, met de bandbreedte waarbinnen ze aannemelijk zijn."),
        "shared": "Waarden die afwijken van de standaard, gelijk in alle scenario's",
        "changes": "Wat elk scenario verandert ten opzichte van de basis ({base})",
        "changed": "Waarden die afwijken van de standaard",
        "programmes": "{name} bevat: {list}.",
        "no_programmes": "{name} bevat geen interventie.",
        "varied": "Gevarieerd in deze verkenning: {names}.",
        "assumed": "Waarden die een aanname zijn",
        "assumed_summary": "Toon de {n} waarden die een aanname zijn, met hun bandbreedte",
        "none_changed": "Geen enkele waarde wijkt af van de standaard.",
        "differs": ("Verschilt per scenario (zie de wijzigingen hierboven); de getoonde "
                    "waarde is die van de basis."),
        "no_changes": ("Geen scenario verandert een waarde van de basis, behalve met zijn "
                       "interventies."),
        "parameter": "parameter",
        "scenario": "scenario",
        "value": "waarde",
        "default": "standaard",
        "base_value": "basis",
        "unit": "eenheid",
        "range": "aannemelijke bandbreedte",
        "source": "bron",
        "reproduce": "Zo herhaalt u deze berekening",
        "reproduce_intro": ("Voer dit commando uit in de projectmap, met dezelfde versie en "
                            "scenariobestanden; met dezelfde startwaarde voor het toeval komen "
                            "dezelfde getallen eruit."),
        "command": "commando",
        "seed": "startwaarde voor het toeval (seed)",
        "version": "versie",
        "replications": "herhalingen",
        "scenario_files": "scenariobestanden",
        "experiment_file": "verkenningsbestand",
        "sweep_intro": ("Een verkenning van {n} ontwerppunten ({runs} simulaties) van {name} "
                        "over {months} maanden. Elk punt is het gemiddelde van zijn "
                        "herhalingen."),
        "sensitivity_intro_Sobol": (
            "Globale gevoeligheidsanalyse (Sobol) van {name}: welke onzekere getallen het "
            "meest uitmaken voor de uitkomsten. Een eerste-orde-index is het deel van de "
            "variantie van de uitkomst dat door één getal alleen komt; de totale index telt "
            "ook de wisselwerkingen mee."),
        "sensitivity_intro_Morris": (
            "Screening (Morris) van {name}: welke onzekere getallen het meest uitmaken voor de "
            "uitkomsten. mu* is de gemiddelde grootte van de verandering in een uitkomst als "
            "één getal over zijn aannemelijke bandbreedte beweegt; sigma, de spreiding van die "
            "verandering, is groot waar het getal samenwerkt met andere of niet-lineair "
            "werkt."),
        "top_drivers": "{output} hangt het meest af van: {names}.",
        "design_points": "Ontwerppunten",
        "chart_heatmap": "{output}, naar {x} en {y}",
        "chart_lines": "{output}, naar {x}",
        "chart_scatter": "{output} per steekproefpunt, tegen elke gevarieerde waarde",
        "chart_sobol": "Sobol-indices van {output} (eerste orde en totaal, met 95%-marges)",
        "chart_convergence": "Convergentie van de totale indices van {output}",
        "chart_morris": "Morris-screening van {output}: mu* tegen sigma",
        "sobol_first": "eerste orde (S1)",
        "sobol_total": "totaal (ST)",
        "sobol_axis": "deel van de variantie van de uitkomst",
        "samples_axis": "steekproefgrootte (N)",
        "mu_star_axis": "mu* (gemiddeld absoluut elementair effect)",
        "sigma_axis": "sigma (spreiding: wisselwerking, niet-lineariteit)",
        "conv_axis": "totale index (ST)",
        "index_S1": "eerste orde S1", "index_ST": "totaal ST", "index_mu": "mu",
        "index_mu_star": "mu*", "index_sigma": "sigma", "index_conf": "± (95%)",
        "dest_work": "werk", "dest_study": "studie",
        "dest_noncooperation": "niet meewerken", "dest_partner": "inkomen partner",
        "dest_other": "overig", "dest_all": "alle uitstroom",
        "source_work": "uit werk",
        "source_noncooperation": ("doordat uitkeringen zijn stopgezet wegens niet "
                                  "meewerken"),
        "source_other_exits": ("door uitstroom naar studie, een inkomen van een partner of "
                               "om andere redenen"),
        "source_lower_payments": ("door lagere uitkeringen aan moeders die in de bijstand "
                                  "blijven (inkomsten uit deeltijdwerk, maatregelen)"),
        "source_not_work": ", niet uit werk",
        "source_also_work": " en {w} uit werk",
        "source_back": "; daar gaat {x} van af door {what}",
        "back_work": "minder uitstroom naar werk",
        "back_noncooperation": "minder stopgezette uitkeringen",
        "back_other_exits": ("minder uitstroom naar studie, een inkomen van een partner of om "
                             "andere redenen"),
        "back_lower_payments": "hogere uitkeringen aan moeders die in de bijstand blijven",
        "source_most": "Het grootste deel van deze besparing ({p}) komt {source}{tail}{back}.",
        "source_all": "De hele besparing komt {source}{tail}{back}.",
        "source_split": ("Deze besparing komt uit verschillende bronnen: uitstroom naar werk "
                         "{work}, stopgezette uitkeringen wegens niet meewerken "
                         "{noncooperation}, andere uitstroom {other_exits}, lagere "
                         "uitkeringen aan moeders die in de bijstand blijven "
                         "{lower_payments}."),
        "source_none": "Er is geen besparing om te herleiden: de uitkeringslasten daalden niet.",
        "source_offset": ("Deze kleine besparing is wat overblijft van grotere delen die "
                          "elkaar opheffen: {parts}."),
        "offset_more": "{x} bespaard {source}",
        "offset_less": "{x} meer uitgegeven door {what}",
        "part_work": "uitstroom naar werk", "part_noncooperation": "stopgezet: niet meewerken",
        "part_other_exits": "andere uitstroom (studie, partner, overig)",
        "part_lower_payments": "lagere uitkering in de bijstand",
        "chart_sources": ("Waar de bespaarde uitkeringslasten over de hele periode vandaan "
                          "komen (gemiddeld; de delen tellen op tot het totaal)"),
        "title_evidence": "Pathways: hoe het model op beleid reageert, naast gepubliceerde evaluaties",
        "intro_evidence": (
            "Gepubliceerde evaluaties hebben gemeten wat {n} interventies veranderden. Voor elk "
            "daarvan is het basisscenario ({name}) {reps} keer gesimuleerd met en zonder de "
            "interventie, met dezelfde toevalsgetallen, zodat het verschil het effect van de "
            "interventie in het model is. De onderzochte groepen en omstandigheden verschillen "
            "van die in het model (moeders van jonge kinderen in de bijstand), daarom telt een "
            "toetsmarge rond het gepubliceerde cijfer als overeenstemming, niet het cijfer zelf; "
            "waarom elke toetsmarge is wat hij is, staat hieronder."),
        "evidence_verdict": ("{passed} van de {modelled} toetsen aan gepubliceerd onderzoek "
                             "komen overeen met dat onderzoek."),
        "calibrated_verdict": ("{n} toetsen geven cijfers terug waarop het model is "
                               "gekalibreerd; dat laat zien dat het model consistent is, "
                               "niet dat het onderzoek het bevestigt."),
        "calibrated_verdict_1": ("1 toets geeft een cijfer terug waarop het model is "
                                 "gekalibreerd; dat laat zien dat het model consistent is, "
                                 "niet dat het onderzoek het bevestigt."),
        "calibrated_checks": "Toetsen waarop het model is gekalibreerd",
        "calibrated_intro": (
            "Bij elk van deze toetsen is een parameter van het model ingesteld op het "
            "gepubliceerde cijfer zelf (genoemd onder de titel). Dat het model dat cijfer "
            "terugvindt, laat zien dat het consistent is, niet dat het onderzoek het "
            "bevestigt. Een gekalibreerde toets is dus geen bewijs en telt niet mee als "
            "bewijs."),
        "set_from": "op dit cijfer gekalibreerd: {names}",
        "verdict_calibrated": "ja, gekalibreerd",
        "chart_calibrated": ("Toetsen waarop het model is gekalibreerd, elk op een eigen "
                             "schaal (consistentie, geen bewijs)"),
        "evidence_waiting": "Nog niet gemodelleerd (het model kent de interventie nog niet): {list}.",
        "evidence_failed": ("Deze wijken af; op deze punten zijn de uitkomsten van het model "
                            "niet betrouwbaar: {list}."),
        "evidence_checks": "Toetsen aan onderzoek",
        "evidence_table_intro": (
            "Gepubliceerd: de schatting uit het onderzoek met het 95%-betrouwbaarheidsinterval. "
            "Toetsmarge: het bereik dat als overeenstemming telt. Gesimuleerd: het gemiddelde effect "
            "in het model over de simulaties, met het 95%-betrouwbaarheidsinterval."),
        "finding": "bevinding (onderzoek)", "design": "opzet", "published": "gepubliceerd",
        "agreement_band": "toetsmarge", "simulated_ci": "gesimuleerd (95%-interval)",
        "verdict": "klopt", "verdict_pass": "ja", "verdict_fail": "NEE",
        "verdict_waiting": "nog niet gemodelleerd",
        "chart_evidence": ("Elke toets op een eigen schaal: de toetsmarge die als overeenstemming "
                           "telt, het gepubliceerde cijfer en het gesimuleerde effect, met "
                           "hun intervallen"),
        "evidence_details": "Elke toets in detail",
        "evidence_details_intro": (
            "Het onderzoek, hoe de groep in het model zich daartoe verhoudt, hoe de interventie "
            "in het model is vertaald en waarom de toetsmarge is wat hij is, zoals in het "
            "toetsbestand staat (in het Engels)."),
        "to": "tot", "in_words": "in woorden", "simulated": "gesimuleerd",
        "study": "onderzoek", "study_population": "onderzochte groep",
        "study_finding": "bevinding", "model_population": "de groep in het model",
        "intervention": "de interventie in het model", "published_note": "gepubliceerd cijfer",
        "band_reasoning": "waarom deze toetsmarge", "evidence_missing": "ontbreekt in het model",
        # simulate discover
        "title_discover": "Pathways: wanneer {outcome} {direction} {value} ligt",
        "below": "onder", "above": "boven",
        "intro_discover": (
            "Dit rapport zoekt de situaties waarin {outcome} {direction} {value} ligt. Het "
            "gebruikt de {n} doorgerekende combinaties van de verkenning {experiment} (elk "
            "het gemiddelde van de simulaties); in {k} daarvan ligt {outcome_short} "
            "{direction} {value}. PRIM (EMA Workbench) versmalt de bandbreedtes van "
            "{factors} tot een kader met zoveel mogelijk van die combinaties, zonder dat er "
            "te weinig combinaties in overblijven."),
        "discover_dropped": ("{n} combinaties zonder waarde voor de uitkomst (geen extra "
                             "uitstroom om door te delen) zijn weggelaten."),
        "discover_none": (
            "Geen enkel kader haalt de gevraagde dichtheid ({threshold}): geen combinatie "
            "van bandbreedtes bevat vooral situaties waarin {outcome_short} {direction} "
            "{value} ligt. Een lagere dichtheid (--threshold), een andere grens voor de "
            "uitkomst of meer doorgerekende combinaties kan er wel een opleveren."),
        "boxes": "Kaders",
        "box_title": "Kader {n}",
        "box_lead": ("{outcome} ligt {direction} {value} in {density} van de doorgerekende "
                     "combinaties met"),
        "box_tail": ("Samen zijn dat {coverage} van alle combinaties waarin de uitkomst "
                     "{direction} {value} ligt."),
        "box_next": "Binnen de combinaties die de kaders hiervoor overlaten:",
        "box_luck": ("De kans dat een grens van dit kader op toeval berust, is {qp} (de "
                     "quasi-p-waarde van EMA, een binomiale toets)."),
        "condition_range": "{what}: {values} {unit}",
        "condition_policy": "beleid: {names}",
        "and": "en", "or": "of",
        "box_table": ("{n} kader(s): de dekking is het deel van alle gezochte combinaties dat "
                      "in het kader valt, de dichtheid het deel van de combinaties in het "
                      "kader dat een gezochte is."),
        "box": "kader", "coverage": "dekking", "density": "dichtheid",
        "points": "combinaties", "significance": "quasi-p", "factor": "grootheid",
        "in_box": "in het kader", "whole_range": "in de verkenning",
        "chart_limits": ("Kader {n}: de bandbreedtes van het kader (donker) binnen die van de "
                         "verkenning (licht)"),
        "chart_peeling": ("Hoe PRIM elk kader versmalde: dichtheid tegen dekking bij elke "
                          "stap, met het gerapporteerde kader gemarkeerd"),
        "range_share": "plaats binnen de bandbreedte van de verkenning",
        "step": "stap",
        "footer": "Pathways {version}. Gemaakt uit {path}.",
    },
}

# Outcomes in words: stem -> (English, Dutch, stock?). A stock is read at a month ("at 24
# months"), a flow is summed up to it ("within 24 months").
WHEN = {"en": {"flow": "within {m} months", "stock": "at {m} months",
               "flow_total": "over the whole run", "stock_total": "at the end"},
        "nl": {"flow": "binnen {m} maanden", "stock": "na {m} maanden",
               "flow_total": "over de hele periode", "stock_total": "aan het eind"}}


def t(lang: str, key: str, **fields) -> str:
    """The text ``key`` in ``lang`` with its placeholders filled."""
    return TEXT[lang][key].format(**fields) if fields else TEXT[lang][key]


def outcome_words(name: str, lang: str, months: int | None = None) -> str:
    """An outcome's name in words: ``exits_work_24m`` -> "exits to work within 24 months".

    Understands every scalar outcome of a run, a comparison and an experiment
    (``base.NAME`` is the baseline's); an unknown name is returned with spaces.

    Args:
        name: The outcome.
        lang: "en" or "nl".
        months: The run's length, which ``*_total`` outcomes cover ("over the whole run"
            when not given).
    """
    found = named(name)
    if found is None:
        return name.replace("_", " ")
    o = found.outcome
    words = o.words_nl if lang == "nl" else o.words
    if o.horizon:
        kind = "stock" if o.stock else "flow"
        at = found.months or months
        words += " " + (WHEN[lang][kind].format(m=at) if at else WHEN[lang][f"{kind}_total"])
    if found.base:
        words += f" ({'basis' if lang == 'nl' else 'base'})"
    return words


# Where a saving comes from: the parts of benefit_saved_eur (simulate.compare.saving_sources).
SOURCES = ("work", "noncooperation", "other_exits", "lower_payments")
MOSTLY = 0.5         # the largest part is "most of this saving" from this share on
NOT_FROM_WORK = 0.2  # ", not from work" when work's part is below this share
TAKES_BACK = 0.05    # a source that lowers the saving by at least this share is named
CANCELS = 3.0        # parts adding to more than this times the saving are told in euros


def saving_source(parts: dict[str, float], saved: float, lang: str) -> str | None:
    """One sentence on where a benefit saving comes from: mostly (or all of it) from one
    source, with "not from work" when work's part is small or work's part when it is not,
    and the sources that lower the saving by what they take back; or spread over several.
    That there is none to trace when nothing was saved; None when the parts are unknown (a
    comparison from before savings were traced to their source, or of worlds with
    different mothers).

    Args:
        parts: The mean saving by source (:data:`SOURCES`), adding up to ``saved``.
        saved: The mean benefit saved.
        lang: "en" or "nl".
    """
    words = TEXT[lang]
    if missing(saved) or any(missing(parts.get(k)) for k in SOURCES):
        return None
    if saved <= 0:
        return words["source_none"]
    if sum(abs(parts[k]) for k in SOURCES) > CANCELS * saved:
        # Shares of a small net saving run to hundreds of percent: give the parts in euros.
        told = [words["offset_more"].format(x=money(parts[k], lang), source=words[f"source_{k}"])
                if parts[k] > 0 else
                words["offset_less"].format(x=money(-parts[k], lang), what=words[f"back_{k}"])
                for k in sorted(SOURCES, key=lambda k: -abs(parts[k]))
                if abs(parts[k]) >= TAKES_BACK * saved]
        return words["source_offset"].format(parts="; ".join(told))
    shares = {k: parts[k] / saved for k in SOURCES}

    def pct(x: float) -> str:
        return f"{number(100 * x, lang)}%"

    lead = max(SOURCES, key=lambda k: shares[k])
    if shares[lead] < MOSTLY:
        return words["source_split"].format(**{k: pct(v) for k, v in shares.items()})
    backs = [k for k in SOURCES if shares[k] <= -TAKES_BACK]
    if lead == "work" or "work" in backs:
        tail = ""
    elif shares["work"] < NOT_FROM_WORK:
        tail = words["source_not_work"]
    else:
        tail = words["source_also_work"].format(w=pct(shares["work"]))
    back = "".join(words["source_back"].format(what=words[f"back_{k}"], x=pct(-shares[k]))
                   for k in backs)
    key = "source_all" if shares[lead] > 1 else "source_most"
    return words[key].format(p=pct(shares[lead]), source=words[f"source_{lead}"], tail=tail,
                             back=back)


def is_share(name: str) -> bool:
    """Whether an outcome is a share (its declaration's unit says so)."""
    found = named(name)
    return found is not None and found.outcome.unit == "share"


def is_money(name: str) -> bool:
    """Whether an outcome or one of the model's own metrics is an amount in euros (its
    declaration says so)."""
    found = named(name)
    if found is not None:
        return found.outcome.money
    metric = core_metric(name)
    return metric is not None and metric.money


def policy_words(name: str, lang: str) -> str:
    """A registered policy's title in ``lang`` (its declaration's ``title``/``title_nl``)."""
    from simulate.policies import REGISTRY

    cls = REGISTRY.get(name)
    if cls is None:
        return name.replace("_", " ")
    return cls.title_nl if lang == "nl" else cls.title


def metric_words(metric: Metric, name: str, lang: str) -> str:
    """A recorded metric's words in ``lang`` (its declaration's ``words``/``words_nl``), or
    its recorded ``name`` with spaces when it declares none."""
    words = metric.words_nl if lang == "nl" else metric.words
    return words or name.replace("_", " ")


def sentence_start(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_doc(doc: str, limit: int = 60) -> str:
    """A parameter's description shortened to a label: its first clause, cut at a comma or
    bracket (or, failing those, between words) to at most ``limit`` characters, starting
    in lower case so that it reads inside a sentence."""
    text = doc.split(";")[0].strip().rstrip(".")
    if len(text) > limit:
        marks = [text.rfind(m, 15, limit) for m in (" (", ", ")]
        cut = max(marks)
        text = text[:cut] if cut > 0 else text[: text.rfind(" ", 0, limit)] + "…"
    if len(text) > 1 and not text[1].isupper():
        text = text[:1].lower() + text[1:]
    return text


def wrap(text: str, width: int = 44) -> str:
    """Plotly does not wrap axis titles: break long ones into lines."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def number(x: float, lang: str, decimals: int = 0) -> str:
    """A number with the language's separators: 1,234.5 (en) or 1.234,5 (nl)."""
    if missing(x):
        return "-"
    text = f"{x:,.{decimals}f}"
    if text.startswith("-") and not any(c not in "-0.," for c in text):
        text = text[1:]  # no "-0"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def money(x: float, lang: str) -> str:
    """An amount in euros: EUR 1,234 (en) or € 1.234 (nl); the symbol stays with its amount."""
    if missing(x):
        return "-"
    sign = "-" if round(x) < 0 else ""
    return (f"{sign}€\u00a0{number(abs(x), lang)}" if lang == "nl"
            else f"{sign}EUR\u00a0{number(abs(x), lang)}")


def share(x: float, lang: str) -> str:
    return "-" if missing(x) else f"{number(100 * x, lang, 1)}%"


def auto(x: float, lang: str) -> str:
    """Few decimals for small numbers, none for large."""
    if missing(x):
        return "-"
    return number(x, lang, 0 if abs(x) >= 100 else 1)


def alike(fmt, values):
    """``fmt`` for an estimate and its bounds: :func:`auto` gives all three the decimals of
    the largest ("95 (80 to 110)", not "95.0 (80.0 to 110)"); other formats are kept."""
    if fmt is not auto:
        return fmt
    sizes = [abs(v) for v in values if not missing(v)]
    decimals = 0 if sizes and max(sizes) >= 100 else 1
    return lambda x, lang: "-" if missing(x) else number(x, lang, decimals)


def format_value(name: str, x: float, lang: str) -> str:
    """An outcome's value as its kind reads: a share in per cent, an amount in euros."""
    if is_share(name):
        return share(x, lang)
    return money(x, lang) if is_money(name) else auto(x, lang)


def decimal(x, lang: str, digits: int = 4) -> str:
    """A parameter value as written: up to ``digits`` significant digits, no exponent,
    the language's decimal mark (0.0078 -> 0,0078 in Dutch); yes/no for true/false."""
    if isinstance(x, bool):
        return TEXT[lang]["yes" if x else "no"]
    if isinstance(x, int):
        return number(x, lang)
    if not isinstance(x, float):
        return str(x)
    if missing(x):
        return "-"
    if x == 0 or float(x).is_integer():
        return number(x, lang)
    places = max(0, digits - 1 - math.floor(math.log10(abs(x))))
    text = number(x, lang, places)
    mark = "," if lang == "nl" else "."
    return text.rstrip("0").rstrip(mark) if mark in text else text


def index_value(x: float, lang: str) -> str:
    """A sensitivity index or effect: three decimals below 10, fewer above."""
    if missing(x):
        return "-"
    return auto(x, lang) if abs(x) >= 10 else number(x, lang, 3)


def plural(n: int, lang: str) -> str:
    """'one intervention' or 'N interventions' (one of the report's counted nouns)."""
    return t(lang, "n_interventions_1") if n == 1 else t(lang, "n_interventions", n=n)
