"""Step 7: exits to study, to a partner's income, and for other reasons.

Each hazard falls with her months on assistance (duration dependence,
:func:`simulate.steps.transitions.duration_factor`; at most 1, so the bounds below hold).

Competing monthly hazards share one uniform per mother, and each exit owns a third of
its range (study from 0, partner from 1/3, other from 2/3), so raising one hazard moves
mothers from "stay" to that exit without reshuffling who leaves for the others. The
declarations keep each hazard at most 1/3 (``PRODUCT_LIMITS`` in simulate/parameters.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    ROTTERDAM,
    Parameter,
    ParameterSet,
    amount,
    factor,
    hazard,
)
from simulate.states import EntryReason, Status
from simulate.steps import BOUND_MARGIN
from simulate.steps.transitions import duration_factor, leave_assistance

if TYPE_CHECKING:
    from simulate.steps import World

THIRD = 1.0 / 3.0  # each exit's share of the uniform's range


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    on = m.ids_where(Status.ON_ASSISTANCE)
    u = model.streams.uniform("exit", t, on)
    # Each hazard is computed only where the uniform lies below its largest possible
    # value (the rest cannot leave that way).
    most_study, most_other = largest_hazards(model)
    near = np.flatnonzero(u < most_study)
    ids = on[near]
    age = (t - m.birth_month[ids]) / 12.0
    study = (model.value("study_exit_hazard", ids)
             * np.where(age < p.study_young_age_years, model.value("study_young_factor", ids),
                        1.0)
             * np.where(m.entry_reason[ids] == EntryReason.STUDENT_FINANCE_END,
                        model.value("study_student_finance_factor", ids), 1.0)
             * duration_factor(model, ids))
    leave_assistance(model, ids[u[near] < study], Status.STUDY)
    near = np.flatnonzero((u >= THIRD) & (u < THIRD + model.value("partner_exit_hazard", on)))
    ids = on[near]
    partner = model.value("partner_exit_hazard", ids) * duration_factor(model, ids)
    leave_assistance(model, ids[u[near] < THIRD + partner], Status.PARTNER)
    # Policies may raise the hazard of leaving for other reasons (``mod_exit_other``: a
    # debt trajectory's full disclosure of finances, Koning 2014); kept within its third.
    near = np.flatnonzero((u >= 2 * THIRD) & (u < 2 * THIRD + most_other))
    ids = on[near]
    # A month with a coach's appointment adds the hassle and threat of being watched:
    # some who can do without assistance leave (contact_exit_effect).
    other = np.minimum(model.value("other_exit_hazard", ids, np.float32) * m.mod_exit_other[ids]
                       * np.where(m.contacted[ids],
                                  1.0 + model.value("contact_exit_effect", ids), 1.0)
                       * duration_factor(model, ids), THIRD)
    leave_assistance(model, ids[u[near] < 2 * THIRD + other], Status.OTHER)


def largest_hazards(model: World) -> tuple[float, float]:
    """Upper bounds of this month's hazards of leaving for study and for other reasons:
    each factor at its largest (the factors are not negative; duration dependence is at
    most 1), with a margin for rounding."""
    mod = float(model.mothers.mod_exit_other[: model.mothers.n].max(initial=1.0))

    def study(p) -> float:
        return p.study_exit_hazard * max(p.study_young_factor, 1.0) * max(
            p.study_student_finance_factor, 1.0)

    def other(p) -> float:
        return min(p.other_exit_hazard * mod * (1.0 + max(p.contact_exit_effect, 0.0)), THIRD)

    return model.most(study) + BOUND_MARGIN, model.most(other) + BOUND_MARGIN


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- other exits ------------------------------------------------------------------
    hazard("study_exit_hazard", 0.008, (0.003, 0.027),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 27% of leavers leaving "
           "for study (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for study (student finance).",
           doc_nl="Kans per maand op uitstroom naar studie (studiefinanciering).",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 27% uitstroom naar "
                      "studie (Rotterdamse evaluatie (2025), cohort van 855; docs/calibration.md)")),
    factor("study_young_factor", 2.0, (1.0, 4.0), ASSUMPTION,
           "Relative chance of leaving for study under the young age.",
           doc_nl="Relatieve kans op uitstroom naar studie onder de jonge leeftijd.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    amount("study_young_age_years", 27.0, (23.0, 30.0),
           "Student finance rules favour study before 30", "Age below which study is likelier.",
           unit="years", kind="setting",
           doc_nl="Leeftijd waaronder studeren waarschijnlijker is.",
           unit_nl="jaar",
           source_nl="de regels voor studiefinanciering maken studeren vóór 30 aantrekkelijker"),
    factor("study_student_finance_factor", 1.5, (1.0, 3.0), ASSUMPTION,
           "Relative chance of leaving for study after entering at the end of student "
           "finance.",
           doc_nl=("Relatieve kans op uitstroom naar studie na instroom door het einde van de "
                   "studiefinanciering."),
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    hazard("partner_exit_hazard", 0.004, (0.001, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 10% of leavers leaving "
           "for a partner's income (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving because of a partner's income.",
           doc_nl="Kans per maand op uitstroom door het inkomen van een partner.",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 10% uitstroom naar een "
                      "inkomen van de partner (Rotterdamse evaluatie (2025), cohort van 855; "
                      "docs/calibration.md)")),
    hazard("other_exit_hazard", 0.009, (0.003, 0.04),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 24% of leavers leaving "
           "for other reasons (" + ROTTERDAM + "; docs/calibration.md)",
           "Monthly probability of leaving for other or unknown reasons.",
           doc_nl="Kans per maand op uitstroom om andere of onbekende redenen.",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 24% uitstroom om andere"
                      " redenen (Rotterdamse evaluatie (2025), cohort van 855; "
                      "docs/calibration.md)")),
    factor("contact_exit_effect", 6.5, (0.0, 10.0),
           "Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: more caseworker time "
           "moved women out of the labour force more than into work; the size is fitted to "
           "that trial (the evidence checks caseworker_benefit_days and "
           "caseworker_out_of_work_days then report calibrated)",
           "Extra relative hazard of leaving assistance for other reasons in a month with a "
           "coach's appointment: the hassle and threat of being watched make some who can do "
           "without assistance leave.", calibrated_to=("caseworker_benefit_days",
                                                        "caseworker_out_of_work_days"),
           doc_nl=("Extra relatieve kans op uitstroom om andere redenen, in een maand met een "
                   "afspraak bij de klantmanager: het gedoe en de dreiging van controle laten "
                   "sommigen die zonder bijstand kunnen, uit de bijstand gaan."),
           unit_nl="factor",
           source_nl=("Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57: meer tijd van "
                      "de klantmanager bracht vrouwen vaker buiten de beroepsbevolking dan aan het"
                      " werk; de grootte is afgestemd op dat experiment (de toetsen "
                      "caseworker_benefit_days en caseworker_out_of_work_days melden daarom "
                      "'gekalibreerd')")),
)


class Exits(Module):
    """Leaving assistance for study, a partner's income or other reasons, with duration dependence; the destinations of all who left."""

    name = "exits"
    title = "Exits from assistance"
    title_nl = "Uitstroom uit de bijstand"
    description = ("Leaving assistance for study, a partner's income or other reasons, with duration dependence; the destinations of all who left.")
    description_nl = ("Uitstroom naar studie, het inkomen van een partner of om andere redenen, afhankelijk van de duur in de bijstand; waar iedereen die uitstroomde is gebleven.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "exit_work", "exit_study", "exit_noncooperation",
        "exit_partner", "exit_other", "exit_work_not_parttime",
        "exit_work_from_parttime", "exits_under_12m", "exits_36m_plus",
        "off_assistance_work", "off_assistance_noncooperation", "off_assistance_study",
        "off_assistance_partner", "off_assistance_other")
