"""Step 8: job loss, most likely in the first months, and the way back to assistance.

Mothers who left for work are followed for ``work_followup_months``; after that their job
is no longer simulated.

The risk starts at ``job_loss_hazard * (1 + job_loss_early_factor)`` and falls towards
``job_loss_hazard`` with tenure; it is higher in a month with a stress event (a sick
child: 004:630-650) and for part-time or flexible work on assistance
(``parttime_job_loss_factor``), and policies scale it through ``mod_job_loss`` (aftercare, peer
ties). A working mother whose informal care broke down this month and who has no formal
place loses the job with probability ``job_loss_on_care_breakdown``. A mother who loses a
part-time job stays on assistance without earnings; one who loses a full job is jobless
and returns to assistance after a delay (unemployment insurance and savings come first),
or finds other income.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    DIVOSA_REENTRY,
    DURABILITY,
    PRACTICE,
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.population import NEVER
from simulate.states import Status
from simulate.steps.transitions import release_childcare, schedule_returns

if TYPE_CHECKING:
    from simulate.steps import World


def risk(model: World, ids: np.ndarray) -> np.ndarray:
    m = model.mothers
    tenure = model.month - m.job_start[ids]
    early = 1.0 + (model.value("job_loss_early_factor", ids)
                   * np.exp(-tenure / model.value("job_loss_early_decay_months", ids)))
    event = np.where(m.stress_event[ids], model.value("job_loss_stress_event_factor", ids),
                     1.0)
    flexible = np.where(m.parttime[ids], model.value("parttime_job_loss_factor", ids), 1.0)
    return np.minimum(model.value("job_loss_hazard", ids) * early * event * flexible * m.mod_job_loss[ids], 1.0)


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    # Follow-up after an exit to work ends after a while.
    done = np.flatnonzero((m.status[:n] == Status.IN_WORK)
                          & (t - m.exit_month[:n] > p.work_followup_months))
    m.status[done] = Status.NOT_FOLLOWED
    release_childcare(m, done)
    status = m.status[:n]
    working = np.flatnonzero(((status == Status.IN_WORK)
                              | ((status == Status.ON_ASSISTANCE) & m.parttime[:n]))
                             & (m.job_start[:n] < t))
    u = model.streams.uniforms(["job_loss", "care_job_loss"], t, working)
    no_care = m.care_broke[working] & (m.childcare_place[working] < 0)
    by_care = no_care & (u["care_job_loss"]
                         < model.value("job_loss_on_care_breakdown", working))
    lost = working[(u["job_loss"] < risk(model, working)) | by_care]
    model.count("job_losses", lost)
    model.count("job_losses_care_breakdown", working[by_care])

    part = lost[m.status[lost] == Status.ON_ASSISTANCE]
    m.parttime[part] = False
    m.ladder[part] = p.job_loss_ladder_step
    m.earnings_eur[part] = 0.0
    m.job_start[part] = NEVER

    full = lost[m.status[lost] == Status.IN_WORK]
    m.status[full] = Status.JOBLESS
    m.earnings_eur[full] = 0.0
    m.job_start[full] = NEVER
    release_childcare(m, full)
    schedule_returns(model, full, Status.JOBLESS)
    # Those who will not come back find other income: no longer followed.
    m.status[full[m.return_month[full] == NEVER]] = Status.NOT_FOLLOWED


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- job loss and returns ----------------------------------------------------------
    hazard("job_loss_hazard", 0.012, (0.005, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml, with the early factor, to "
           "CBS: of those who left assistance for a job in 2021, 82% were employed without "
           "assistance after 6 months and 72% after 18 months, 9% back on assistance "
           "(CBS 2024, Cohortonderzoek bijstandsuitstroom naar werk 2021)",
           "Monthly probability of losing a job after the first months.",
           calibrated_to=DURABILITY,
           doc_nl="Kans per maand op baanverlies na de eerste maanden.",
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml, samen met de factor voor "
                      "vroeg baanverlies, op het CBS: van wie in 2021 uit de bijstand naar werk "
                      "ging, werkte 82% na 6 maanden zonder bijstand en 72% na 18 maanden, en zat "
                      "9% weer in de bijstand (CBS 2024, Cohortonderzoek bijstandsuitstroom naar "
                      "werk 2021)")),
    factor("job_loss_early_factor", 6.0, (2.0, 10.0),
           ASSUMPTION + "; " + PRACTICE + ": most likely in the first months (CBS: 18% not "
           "employed without assistance 6 months after a job start)",
           "Extra relative risk of job loss at the job start, fading with tenure.",
           calibrated_to=DURABILITY,
           doc_nl=("Extra relatief risico op baanverlies bij de start van een baan; het neemt af "
                   "naarmate ze er langer werkt."),
           unit_nl="factor",
           source_nl=("aanname; evaluatie- en praktijkrapporten: het meest waarschijnlijk in de "
                      "eerste maanden (CBS: 18% werkt 6 maanden na de start van een baan niet "
                      "zonder bijstand)")),
    amount("job_loss_early_decay_months", 3.0, (1.0, 8.0), ASSUMPTION,
           "Months over which the early extra risk of job loss fades (e-folding time).",
           unit="months", lo=0.1,
           doc_nl="Maanden waarin het extra risico op vroeg baanverlies met een factor e afneemt.",
           unit_nl="maanden",
           source_nl=ASSUMPTION_NL),
    factor("job_loss_stress_event_factor", 1.5, (1.0, 3.0),
           ASSUMPTION + "; employers' biggest fear is constant sick children at home "
           "(004:630-650)",
           "Relative risk of job loss in a month with a stress event (a sick child).",
           doc_nl=("Relatief risico op baanverlies in een maand met een stressvolle gebeurtenis "
                   "(een ziek kind)."),
           unit_nl="factor",
           source_nl=("aanname; werkgevers zijn het meest bang voor kinderen die steeds ziek thuis"
                      " zijn (004:630-650)")),
    count("job_loss_ladder_step", 4, (3, 4), ASSUMPTION + ": she keeps her work experience",
          "Participation-ladder step of a mother back on assistance (or without her "
          "part-time job) after losing a job.", lo=1, hi=4, unit="ladder step",
          kind="setting",
          doc_nl=("Trede op de participatieladder van een moeder die na baanverlies terug is in de"
                  " bijstand (of haar deeltijdbaan kwijt is)."),
          unit_nl="trede",
          source_nl="aanname: ze houdt haar werkervaring"),
    share("return_after_job_loss", 0.8, (0.4, 0.95),
          ASSUMPTION + "; CBS: 9% of those who left for a job in 2021 were back on "
          "assistance 18 months later",
          "Probability that a mother who loses a job that took her off assistance returns "
          "to assistance (the others find other income).", unit="probability",
          doc_nl=("Kans dat een moeder die de baan verliest waarmee ze uit de bijstand ging, "
                  "terugvalt in de bijstand (de anderen vinden ander inkomen)."),
          unit_nl="kans",
          source_nl=("aanname; CBS: van wie in 2021 uitstroomde naar werk, zat 9% 18 maanden later"
                     " weer in de bijstand")),
    amount("return_after_job_loss_delay_months", 3.0, (1.0, 12.0),
           ASSUMPTION + ": unemployment insurance (WW) comes first for those who qualify (26 "
           "of the last 36 weeks worked), for three months or more; those who do not "
           "qualify return at once",
           "Mean months from a job loss to the return to assistance (geometric).",
           unit="months",
           doc_nl=("Gemiddeld aantal maanden van baanverlies tot terugval in de bijstand "
                   "(geometrisch)."),
           unit_nl="maanden",
           source_nl=("aanname: wie aan de wekeneis voldoet (26 van de laatste 36 weken gewerkt) "
                      "krijgt eerst WW, drie maanden of langer; wie dat niet doet, komt direct "
                      "terug in de bijstand")),
    share("return_noncooperation_share", 0.32, (0.2, 0.6),
          DIVOSA_REENTRY + ": with return_noncooperation_delay_months of 3, 32% return and "
          "29% within six months",
          "Probability that a mother stopped for non-cooperation applies again.",
          unit="probability",
          doc_nl=("Aandeel moeders met een beëindiging wegens niet-medewerking dat opnieuw "
                  "bijstand aanvraagt."),
          unit_nl="kans",
          source_nl=("Divosa (2015), monitor in- en uitstroom 2014: van wie de bijstand eindigde "
                     "door handhaving, is 28% binnen zes maanden terug: met "
                     "return_noncooperation_delay_months op 3 keert 32% terug en 29% binnen zes "
                     "maanden")),
    amount("return_noncooperation_delay_months", 3.0, (1.0, 9.0), ASSUMPTION,
           "Mean months from a stop for non-cooperation to the new application (geometric).",
           unit="months",
           doc_nl=("Gemiddeld aantal maanden van een beëindiging wegens niet-medewerking tot de "
                   "nieuwe aanvraag (geometrisch)."),
           unit_nl="maanden",
           source_nl=ASSUMPTION_NL),
    hazard("return_study_hazard", 0.01, (0.003, 0.03),
           ASSUMPTION + "; study stops (MODEL.md)",
           "Monthly probability that a mother who left for study stops and returns.",
           doc_nl=("Kans per maand dat een moeder die uitstroomde naar studie stopt en terugkeert "
                   "in de bijstand."),
           unit_nl="kans per maand",
           source_nl="aanname; de studie stopt (MODEL.md)"),
    hazard("return_partner_hazard", 0.008, (0.003, 0.02),
           ASSUMPTION + "; the partner's income ends with a relationship breakdown (MODEL.md)",
           "Monthly probability that a mother who left for a partner's income returns.",
           doc_nl=("Kans per maand dat een moeder die uitstroomde door het inkomen van een partner"
                   " terugkeert in de bijstand."),
           unit_nl="kans per maand",
           source_nl=("aanname; het inkomen van de partner valt weg als de relatie eindigt "
                      "(MODEL.md)")),
    hazard("return_other_hazard", 0.01, (0.003, 0.03), ASSUMPTION,
           "Monthly probability that a mother who left for other reasons returns.",
           doc_nl=("Kans per maand dat een moeder die om andere redenen uitstroomde terugkeert in "
                   "de bijstand."),
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    count("exit_followup_months", 60, (24, 120), ASSUMPTION,
          "Months after an exit (or a job loss) during which a return to assistance is "
          "simulated; a later return counts as outside inflow.", lo=1, hi=1200,
          unit="months", kind="setting",
          doc_nl=("Maanden na uitstroom of baanverlies waarin herinstroom in de bijstand wordt "
                  "gesimuleerd; latere herinstroom telt als instroom van buiten."),
          unit_nl="maanden",
          source_nl=ASSUMPTION_NL),
    count("work_followup_months", 60, (24, 120),
          ASSUMPTION + "; CBS follows job leavers for 18 months",
          "Months after an exit to work during which job loss is simulated; after that she "
          "is no longer followed.", lo=1, hi=1200, unit="months", kind="setting",
          doc_nl=("Maanden na uitstroom naar werk waarin baanverlies wordt gesimuleerd; daarna "
                  "volgt het model haar niet meer."),
          unit_nl="maanden",
          source_nl="aanname; CBS volgt wie een baan verliest 18 maanden"),
)


class JobLoss(Module):
    """Job loss after an exit to work, early and later, care that breaks down, and the return to assistance; who is still in work 6 and 18 months on."""

    name = "job_loss"
    title = "Keeping a job"
    title_nl = "Aan het werk blijven"
    description = ("Job loss after an exit to work, early and later, care that breaks down, and the return to assistance; who is still in work 6 and 18 months on.")
    description_nl = ("Baanverlies na uitstroom naar werk, vroeg en later, opvang die wegvalt en de terugkeer in de bijstand; wie na 6 en 18 maanden nog werkt.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "in_work", "jobless", "job_losses",
        "job_losses_care_breakdown", "returns_after_job_loss", "work_exits_6m_ago",
        "work_exits_6m_ago_in_work", "work_exits_6m_ago_on_assistance", "work_exits_18m_ago",
        "work_exits_18m_ago_in_work", "work_exits_18m_ago_on_assistance")
