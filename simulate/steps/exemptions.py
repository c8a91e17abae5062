"""Step 2: exemptions from the work obligation start, are reviewed, and end.

Exemptions have reasons (004:418, 004:428: of 472 exempted women in the Rotterdam
extract, 8% had the one a single parent with a child under 5 may request; most were
temporary). Each reason has its own monthly hazard among the mothers it applies to:
on request (a child under 5: pregnancy alone does not qualify), health (an active health
barrier), care (a
heavy care burden) and other. A share of exemptions is temporary and reviewed every
``exemption_review_months``; the rest every ``exemption_long_review_months``. A review
ends the exemption when its reason no longer holds (the barrier is resolved, the child
is 5) and otherwise renews it with ``exemption_renewal_prob``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.metrics import core_metrics
from simulate.module import Module
from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    PRACTICE,
    ROTTERDAM,
    Parameter,
    ParameterSet,
    count,
    hazard,
    share,
)
from simulate.states import Barrier, ExemptionReason, Status

if TYPE_CHECKING:
    from simulate.steps import World

HEALTH = np.uint8(1 << Barrier.HEALTH)
CARE = np.uint8(1 << Barrier.CARE)


def reason_holds(model: World, ids: np.ndarray, reason: np.ndarray) -> np.ndarray:
    """Whether each mother's exemption reason still applies."""
    m, p, t = model.mothers, model.params, model.month
    young = (m.n_children[ids] > 0) & (
        t - m.youngest_birth_month[ids] < p.exemption_child_age_limit_months)
    barriers = m.barriers[ids]
    return np.where(reason == ExemptionReason.REQUEST, young,
                    np.where(reason == ExemptionReason.HEALTH, (barriers & HEALTH) != 0,
                             (reason != ExemptionReason.CARE) | ((barriers & CARE) != 0)))


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    status, exempt = m.status[: m.n], m.exempt[: m.n]
    on_now = status == Status.ON_ASSISTANCE
    held = np.flatnonzero(on_now & exempt)  # before this month's new exemptions

    # New exemptions: competing reasons, one uniform per mother. The cumulative hazards
    # of the reasons (request, health, care, other) are the edges of their intervals.
    cand = np.flatnonzero(on_now & ~exempt)
    young = (m.n_children[cand] > 0) & (
        t - m.youngest_birth_month[cand] < p.exemption_child_age_limit_months)
    barriers = m.barriers[cand]
    # A programme that discusses the exemption with her may change the chance she asks
    # (the factor is 1 otherwise, which leaves the hazard unchanged).
    upto_request = young * (model.value("exemption_request_hazard", cand)
                            * m.exemption_request_factor[cand].astype(np.float64))
    upto_health = (upto_request + ((barriers & HEALTH) != 0)
                   * model.value("exemption_health_hazard", cand))
    upto_care = upto_health + ((barriers & CARE) != 0) * model.value("exemption_care_hazard",
                                                                      cand)
    u = model.streams.uniform("exemption_start", t, cand)
    start = np.flatnonzero(u < upto_care + model.value("exemption_other_hazard", cand))
    ids, u = cand[start], u[start]
    reason = ((u >= upto_request[start]).astype(np.int8) + (u >= upto_health[start])
              + (u >= upto_care[start]) + np.int8(ExemptionReason.REQUEST))
    m.exempt[ids] = True
    m.exempt_since[ids] = t
    m.exempt_reason[ids] = reason
    m.exempt_long[ids] = (model.streams.uniform("exemption_long", t, ids)
                          >= p.exemption_temporary_share)
    m.spell_exempt_ever[ids] = True
    m.spell_exempt_request[ids] |= reason == ExemptionReason.REQUEST

    # Reviews every few months since the exemption started; a review may end it.
    since = t - m.exempt_since[held]
    every = np.where(m.exempt_long[held],
                     model.value("exemption_long_review_months", held, np.int64),
                     p.exemption_review_months)
    due = held[(since > 0) & (since % every == 0)]
    holds = reason_holds(model, due, m.exempt_reason[due])
    renew = (model.streams.uniform("exemption_review", t, due)
             < model.value("exemption_renewal_prob", due))
    end = due[~(renew & holds)]
    m.exempt[end] = False
    model.count("exemptions_started", ids)
    model.count("exemptions_ended", end)


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- exemptions -------------------------------------------------------------------
    hazard("exemption_request_hazard", 0.004, (0.001, 0.015),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 8% of exemptions being the "
           "one a single parent with a child under 5 may request (004:428; docs/calibration.md)",
           "Monthly probability that a single parent with a child under 5 requests and gets "
           "an exemption.",
           doc_nl=("Kans per maand dat een alleenstaande ouder met een kind onder 5 (of zwanger) "
                   "ontheffing aanvraagt en krijgt."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 8% ontheffingen op "
                      "verzoek van een alleenstaande ouder met een kind onder 5 (004:428; "
                      "docs/calibration.md)")),
    hazard("exemption_health_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; 004:428: exemptions have several reasons",
           "Monthly probability of an exemption for health reasons, with an active health "
           "barrier.",
           doc_nl=("Kans per maand op een ontheffing om gezondheidsredenen, bij een actief "
                   "gezondheidsprobleem."),
           unit_nl="kans per maand",
           source_nl="aanname; 004:428: ontheffingen hebben verschillende redenen"),
    hazard("exemption_care_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; 004:428: exemptions have several reasons",
           "Monthly probability of an exemption for care reasons, with a heavy care burden.",
           doc_nl="Kans per maand op een ontheffing vanwege zorgtaken, bij een zware zorgtaak.",
           unit_nl="kans per maand",
           source_nl="aanname; 004:428: ontheffingen hebben verschillende redenen"),
    hazard("exemption_other_hazard", 0.008, (0.002, 0.03),
           ASSUMPTION + "; calibrated in scenarios/baseline.yaml to 55.2% with any exemption "
           "(" + ROTTERDAM + ", 004:418; docs/calibration.md)",
           "Monthly probability of an exemption for other reasons (social or medical "
           "circumstances of the household).",
           doc_nl=("Kans per maand op een ontheffing om andere redenen (sociale of medische "
                   "omstandigheden in het huishouden)."),
           unit_nl="kans per maand",
           source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op 55,2% met een "
                      "ontheffing (Rotterdamse evaluatie (2025), cohort van 855, 004:418; "
                      "docs/calibration.md)")),
    count("exemption_child_age_limit_months", 60, (60, 60),
          PRACTICE + ": single parents with a child under 5 may request an exemption (004:190)",
          "An exemption on request needs a youngest child under this age; a review ends it "
          "once the child is older.", lo=0, hi=216, unit="months",
          kind="fact",
          doc_nl=("Een ontheffing op verzoek vraagt een jongste kind onder deze leeftijd (of een "
                  "zwangerschap); bij een herbeoordeling vervalt ze als het kind ouder is."),
          unit_nl="maanden",
          source_nl=("evaluatie- en praktijkrapporten: alleenstaande ouders met een kind onder 5 "
                     "kunnen ontheffing aanvragen (004:190)")),
    share("exemption_temporary_share", 0.78, (0.6, 0.9),
          ROTTERDAM + ": exemptions were mostly temporary (78%, 004:418)",
          "Share of exemptions granted for a limited time (reviewed every "
          "exemption_review_months); the rest are reviewed every "
          "exemption_long_review_months.", kind="fact",
          doc_nl=("Aandeel ontheffingen dat voor bepaalde tijd wordt verleend (herbeoordeeld elke "
                  "exemption_review_months); de rest wordt elke exemption_long_review_months "
                  "herbeoordeeld."),
          unit_nl="aandeel",
          source_nl=("Rotterdamse evaluatie (2025), cohort van 855: ontheffingen waren meestal "
                     "tijdelijk (78%, 004:418)")),
    count("exemption_review_months", 6, (3, 12),
          PRACTICE + ": exemptions are reviewed every 6 months (004:190)",
          "Months between reviews of a temporary exemption.", lo=1, hi=60, unit="months",
          kind="fact",
          doc_nl="Maanden tussen herbeoordelingen van tijdelijke ontheffingen.",
          unit_nl="maanden",
          source_nl=("evaluatie- en praktijkrapporten: ontheffingen worden elk half jaar "
                     "herbeoordeeld (004:190)")),
    count("exemption_long_review_months", 24, (12, 48), ASSUMPTION,
          "Months between reviews of a long-term exemption.", lo=1, hi=240, unit="months",
          doc_nl="Maanden tussen herbeoordelingen van langdurige ontheffingen.",
          unit_nl="maanden",
          source_nl=ASSUMPTION_NL),
    share("exemption_renewal_prob", 0.6, (0.3, 0.8), ASSUMPTION + "; " + PRACTICE + ": mostly temporary",
          "Probability that a review renews an exemption whose reason still holds (a "
          "review ends a health or care exemption once the barrier is resolved, and one "
          "on request once the child reaches exemption_child_age_limit_months).",
          unit="probability",
          doc_nl=("Kans dat een herbeoordeling een ontheffing verlengt, als de reden nog geldt "
                  "(een ontheffing om gezondheids- of zorgredenen vervalt zodra de belemmering is "
                  "opgelost, een ontheffing op verzoek zodra het kind 5 is)."),
          unit_nl="kans",
          source_nl="aanname; evaluatie- en praktijkrapporten: meestal tijdelijk"),
)


class Exemptions(Module):
    """Exemptions on request for a young child, for health, care or other reasons: who gets one, how long it lasts, what it changes."""

    name = "exemptions"
    title = "Exemptions from the work obligation"
    title_nl = "Ontheffingen van de arbeidsplicht"
    description = ("Exemptions on request for a young child, for health, care or other reasons: who gets one, how long it lasts, what it changes.")
    description_nl = ("Ontheffingen op verzoek bij een jong kind, om medische redenen, wegens mantelzorg of om andere redenen: wie er een krijgt, hoe lang die duurt en wat die verandert.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "exempt", "exempt_request", "exempt_health",
        "exempt_care", "exempt_other", "exemptions_started",
        "exemptions_ended")
