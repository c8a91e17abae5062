"""Step 6: childcare under capacity, formal and informal.

Each mother has a local provider. A mother registers,
waits out the registration lag, and gets a free place once she is active enough to need
one (a course or organised activity, ladder step 3 and up, or work): working mothers
first (a place goes with a job: the childcare allowance needs one), then the others,
first come, first served within each.
Working mothers without a formal place (on informal care) register too, more readily than
others (``informal_care_register_factor``: formal care is more reliable), and working
mothers come first, so new places mostly replace informal arrangements (Havnes & Mogstad
2011).
Places reserved by a programme are not open to the general queue; programmes hand them
out in their ``allocate`` hook. Using formal care builds trust in it. A place is given up,
and a registration ends, when the youngest child reaches school age or the mother leaves
assistance other than for work.

Informal care is a lasting arrangement, not a fresh draw each month. A mother without
arranged care asks her network when a job needs it (:func:`arrange_informal`): each
supportive tie (peer-group ties included) may take it on. The arrangement then lasts
until it breaks down, at ``informal_care_breakdown_hazard`` a month and more often in a
month with a stress event (a sick child: 000:27; networks are small and unreliable:
004:570, 004:1154). A breakdown while she works costs the job unless she gets a formal
place in time (:mod:`simulate.steps.job_loss`); she may register for one.
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
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.population import NEVER, as_float32, toward_one
from simulate.states import Status

if TYPE_CHECKING:
    from simulate.steps import World


def needs_care(model: World, ids: np.ndarray) -> np.ndarray:
    """True for mothers whose youngest child is under school age."""
    m = model.mothers
    return (m.n_children[ids] > 0) & (
        model.month - m.youngest_birth_month[ids] < model.params.childcare_need_age_months)


def arrange_informal(model: World, ids: np.ndarray,
                     flexible: np.ndarray) -> np.ndarray:
    """Mothers ``ids`` ask their network to take on care for a job; returns who got an
    arrangement (which then lasts). Each tie helps with some probability."""
    m, t = model.mothers, model.month
    per_tie = np.minimum(model.value("informal_care_per_tie", ids)
                         * np.where(flexible, model.value("flexible_informal_factor", ids),
                                    1.0), 1.0)
    ties = m.network_ties[ids] + model.value("peer_tie_care_weight", ids) * m.peer_ties[ids]
    chance = 1.0 - (1.0 - per_tie) ** ties
    formed = model.streams.uniform("informal_care", t, ids) < chance
    got = ids[formed]
    m.informal_care[got] = True
    m.informal_since[got] = t
    model.count("informal_care_arranged", got)
    return formed


def occupied(model: World) -> tuple[np.ndarray, np.ndarray]:
    """Places in use per provider: (general places, reserved places)."""
    m = model.mothers
    n = m.n
    holds = m.childcare_place[:n] >= 0
    k = len(model.providers)
    general = holds & ~m.place_reserved[:n]
    reserved = holds & m.place_reserved[:n]
    return (np.bincount(m.childcare_place[:n][general], minlength=k),
            np.bincount(m.childcare_place[:n][reserved], minlength=k))


def free_general_places(model: World) -> np.ndarray:
    general, _ = occupied(model)
    return np.maximum(model.provider_places - model.provider_reserved - general, 0)


def registered(model: World) -> np.ndarray:
    """Followed mothers registered for a place without one (their child under school age:
    registrations end at school age)."""
    m = model.mothers
    n = m.n
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)
    return np.flatnonzero(followed & (m.queue_since[:n] != NEVER) & (m.childcare_place[:n] < 0))


def waiting_for_place(model: World, queued: np.ndarray) -> np.ndarray:
    """Of the registered ``queued``: those past the registration lag and active enough to be
    given a place, i.e. only waiting for a free one."""
    m, p, t = model.mothers, model.params, model.month
    return queued[(t - m.queue_since[queued]
                   >= model.value("childcare_registration_lag_months", queued, np.int64))
                  & ((m.status[queued] == Status.IN_WORK)
                     | (m.ladder[queued] >= p.childcare_place_min_step))]


def allocate_places(model: World) -> None:
    """Per provider, working mothers first (a place goes with a job: the childcare
    allowance needs one), then mothers in a course or activity; first come, first served
    within each."""
    m = model.mothers
    queued = registered(model)
    ready = waiting_for_place(model, queued[needs_care(model, queued)])
    working = (m.status[ready] == Status.IN_WORK) | m.parttime[ready]
    order = np.lexsort((ready, m.queue_since[ready], ~working, m.provider[ready]))
    ready = ready[order]
    provider = m.provider[ready].astype(np.int64)
    rank = np.arange(len(ready)) - np.searchsorted(provider, provider)
    placed = ready[rank < free_general_places(model)[provider]]
    m.childcare_place[placed] = m.provider[placed]
    m.queue_since[placed] = NEVER
    model.count("childcare_places_allocated", placed)


def _school_age(model: World) -> None:
    """Children reaching school age free their place and end their registration."""
    m = model.mothers
    n = m.n
    involved = np.flatnonzero((m.childcare_place[:n] >= 0) | (m.queue_since[:n] != NEVER)
                              | m.informal_care[:n])
    school = involved[~needs_care(model, involved)]
    m.childcare_place[school] = -1
    m.place_reserved[school] = False
    m.queue_since[school] = NEVER
    m.informal_care[school] = False


def _breakdowns(model: World) -> None:
    """Informal arrangements break down, more often in a month with a stress event."""
    m, t = model.mothers, model.month
    n = m.n
    status = m.status[:n]
    held = np.flatnonzero(m.informal_care[:n] & ((status == Status.ON_ASSISTANCE)
                                                 | (status == Status.IN_WORK)))
    chance = np.minimum(model.value("informal_care_breakdown_hazard", held)
                        * np.where(m.stress_event[held],
                                   model.value("informal_breakdown_event_factor", held), 1.0),
                        1.0)
    broke = held[model.streams.uniform("informal_breakdown", t, held) < chance]
    m.informal_care[broke] = False
    m.informal_since[broke] = NEVER
    m.care_broke[broke] = True
    model.count("informal_care_breakdowns", broke)
    # Without a formal place she may register for one (the more she trusts it).
    need = broke[(m.childcare_place[broke] < 0) & (m.queue_since[broke] == NEVER)]
    register = need[model.streams.uniform("register_after_breakdown", t, need)
                    < m.trust_childcare[need]]
    m.queue_since[register] = t


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    _school_age(model)
    _breakdowns(model)
    allocate_places(model)
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)

    # Active mothers who trust formal childcare register for a place; so do working
    # mothers on informal care, who would rather rely on a formal place.
    on = np.flatnonzero(followed & (m.queue_since[:n] == NEVER) & (m.childcare_place[:n] < 0)
                        & ((status == Status.IN_WORK)
                           | (m.ladder[:n] >= p.childcare_place_min_step)))
    on = on[needs_care(model, on)]
    informal = m.informal_care[on] & ((status[on] == Status.IN_WORK) | m.parttime[on])
    chance = np.minimum(model.value("childcare_register_prob", on, np.float32)
                        * m.trust_childcare[on]
                        * np.where(informal, model.value("informal_care_register_factor", on),
                                   1.0), 1.0)
    register = on[model.streams.uniform("childcare_register", t, on) < chance]
    m.queue_since[register] = t

    # Using formal care builds trust in it.
    using = np.flatnonzero(followed & (m.childcare_place[:n] >= 0))
    gain = as_float32(model.value("childcare_trust_gain_per_month", using))
    toward_one(m.trust_childcare, using, gain)


# What this step reads of the model's parameters, declared here; simulate.parameters.PARAMETERS
# holds every module's, in the order of the month's steps.
PARAMETERS: tuple[Parameter, ...] = (
    # ---- childcare --------------------------------------------------------------------
    count("childcare_need_age_months", 48, (36, 54),
          "Dutch school age 4: younger children need daycare during work",
          "Below this age of the youngest child, a job needs childcare.", lo=0, hi=216,
          unit="months", kind="fact",
          doc_nl="Onder deze leeftijd van het jongste kind vraagt een baan kinderopvang.",
          unit_nl="maanden",
          source_nl=("leerplicht vanaf 4 jaar: jongere kinderen hebben opvang nodig tijdens het "
                     "werk")),
    amount("childcare_places_per_100_mothers", 20.0, (5.0, 40.0),
           ASSUMPTION + "; with informal_care_per_tie it sets how many job starts rely on "
           "formal care (docs/calibration.md)",
           "Formal childcare places open to the modelled mothers per 100 mothers of the "
           "initial stock: the general supply of the local market, which a municipality "
           "does not set (places it buys for a programme are reserved_childcare.places).",
           unit="places", hi=1000.0,
           doc_nl=("Plaatsen formele kinderopvang voor de moeders in het model, per 100 moeders "
                   "van de beginstand: het gewone aanbod op de lokale markt, waar de gemeente niet"
                   " over gaat (plaatsen die zij voor een programma inkoopt zijn "
                   "reserved_childcare.places)."),
           unit_nl="plaatsen",
           source_nl=("aanname; bepaalt met informal_care_per_tie hoeveel moeders bij de start van"
                      " een baan op formele opvang steunen (docs/calibration.md)")),
    count("childcare_providers", 4, (1, 20), ASSUMPTION, "Childcare providers.",
          lo=1, hi=10_000, unit="providers", kind="setting",
          doc_nl="Kinderopvangorganisaties.",
          unit_nl="organisaties",
          source_nl=ASSUMPTION_NL),
    count("childcare_registration_lag_months", 2, (1, 4),
          ASSUMPTION + "; " + PRACTICE + ": first come, first served, with a registration lag",
          "Months between registering for a place and being able to get one.",
          lo=0, hi=24, unit="months",
          doc_nl="Maanden tussen inschrijving voor een plaats en het kunnen krijgen ervan.",
          unit_nl="maanden",
          source_nl=("aanname; evaluatie- en praktijkrapporten: wie het eerst komt, het eerst "
                     "maalt, na een wachttijd")),
    hazard("childcare_register_prob", 0.04, (0.01, 0.1), ASSUMPTION,
           "Monthly probability that a mother at step 3 or up registers for a place, "
           "times her trust in formal childcare.",
           doc_nl=("Kans per maand dat een moeder op trede 3 of hoger zich inschrijft voor een "
                   "plaats, maal haar vertrouwen in formele kinderopvang."),
           unit_nl="kans per maand",
           source_nl=ASSUMPTION_NL),
    factor("informal_care_register_factor", 3.0, (1.0, 6.0),
           ASSUMPTION + "; new places mostly replace informal care (Havnes & Mogstad 2011, "
           "J. Public Econ. 95): mothers who work on informal care want a formal place most",
           "Chance that a working mother on informal care registers for a place, relative "
           "to a mother at step 3 or up without work (the chance is capped at 1).",
           doc_nl=("Kans dat een werkende moeder met informele opvang zich inschrijft voor een "
                   "plaats, ten opzichte van een moeder op trede 3 of hoger zonder werk (de kans "
                   "is hoogstens 1)."),
           unit_nl="factor",
           source_nl=("aanname; nieuwe plaatsen vervangen vooral informele opvang (Havnes & "
                      "Mogstad 2011, J. Public Econ. 95): moeders die werken met informele opvang "
                      "willen het liefst een formele plaats")),
    count("childcare_place_min_step", 3, (3, 4),
          PRACTICE + ": a place usually requires a job or course first",
          "Lowest ladder step (organised activities) at which a queued mother can get a "
          "place.", lo=1, hi=6, unit="ladder step", kind="setting",
          doc_nl=("Laagste trede (georganiseerde activiteiten) waarop een wachtende moeder een "
                  "plaats kan krijgen."),
          unit_nl="trede",
          source_nl=("evaluatie- en praktijkrapporten: voor een plaats is meestal eerst een baan "
                     "of opleiding nodig")),
    share("informal_care_per_tie", 0.12, (0.03, 0.5),
          ASSUMPTION + "; calibrated in scenarios/baseline.yaml to the declared share of job "
          "starts that rely on informal care (docs/calibration.md)",
          "Probability that one supportive tie can take on the care a job needs, when a "
          "mother without arranged care has accepted an offer that needs it; the "
          "arrangement then lasts until it breaks down.", unit="probability",
          doc_nl=("Kans dat één steunend contact de opvang kan overnemen die een baan vraagt, als "
                  "een moeder zonder geregelde opvang een aanbod heeft aangenomen waarvoor die "
                  "nodig is; die informele opvang loopt dan door tot ze wegvalt."),
          unit_nl="kans",
          source_nl=("aanname; gekalibreerd in scenarios/baseline.yaml op het vastgelegde aandeel "
                     "moeders dat bij de start van een baan op informele opvang steunt "
                     "(docs/calibration.md)")),
    factor("flexible_informal_factor", 1.5, (1.0, 2.5), ASSUMPTION,
           "Relative chance of informal care for flexible or school-time hours.",
           doc_nl="Relatieve kans op informele opvang voor flexibele uren of schooltijden.",
           unit_nl="factor",
           source_nl=ASSUMPTION_NL),
    share("peer_tie_care_weight", 0.5, (0.1, 1.0),
          ASSUMPTION + "; participants of group trajectories sometimes mind each other's "
          "children (004:1154)",
          "A tie made in a peer group counts as this share of a supportive tie when a mother "
          "asks her network to take on childcare.", unit="ties per peer tie",
          doc_nl=("Een band uit een groepstraject telt als dit deel van een steunend contact "
                  "wanneer een moeder haar netwerk om opvang voor haar kind vraagt."),
          unit_nl="contacten per band",
          source_nl=("aanname; deelnemers aan groepstrajecten passen soms op elkaars kinderen "
                     "(004:1154)")),
    hazard("informal_care_breakdown_hazard", 0.03, (0.01, 0.08),
           ASSUMPTION + "; networks are small, mostly without work and unreliable (004:570, "
           "004:1154, 000:27)",
           "Monthly probability that an informal care arrangement breaks down.",
           doc_nl="Kans per maand dat informele opvang wegvalt (opvang door familie of netwerk).",
           unit_nl="kans per maand",
           source_nl=("aanname; netwerken zijn klein, vooral zonder werk en weinig betrouwbaar "
                      "(004:570, 004:1154, 000:27)")),
    factor("informal_breakdown_event_factor", 3.0, (1.5, 6.0),
           ASSUMPTION + "; 000:27: when children are ill there is no network to fall back on",
           "Relative risk that an informal arrangement breaks down in a month with a stress "
           "event (a sick child, a crisis).",
           doc_nl=("Relatief risico dat informele opvang wegvalt in een maand met een stressvolle "
                   "gebeurtenis (een ziek kind, een crisis)."),
           unit_nl="factor",
           source_nl=("aanname; 000:27: als kinderen ziek zijn, is er geen netwerk om op terug te "
                      "vallen")),
    share("job_loss_on_care_breakdown", 0.5, (0.2, 0.8), ASSUMPTION,
          "Probability that a working mother loses her job when her informal care breaks "
          "down and she has no formal place.", unit="probability",
          doc_nl=("Kans dat een werkende moeder haar baan verliest als haar informele opvang "
                  "wegvalt en ze geen formele plaats heeft."),
          unit_nl="kans",
          source_nl=ASSUMPTION_NL),
    amount("childcare_net_cost_eur", 120.0, (30.0, 300.0),
           ASSUMPTION + ": what a mother at about the minimum wage pays herself for formal care "
           "after the childcare allowance (kinderopvangtoeslag, about 96% of the maximum "
           "hourly rate at the lowest incomes) and the provider's price above that rate",
           "Monthly cost of formal childcare a working mother pays herself for "
           "childcare_cost_hours_per_week hours of care a week (scaled by a job's hours).",
           unit="EUR per month",
           doc_nl=("Eigen bijdrage per maand voor formele kinderopvang van een werkende moeder, "
                   "voor childcare_cost_hours_per_week uur opvang per week (naar rato van de uren "
                   "van een baan)."),
           unit_nl="euro per maand",
           source_nl=("aanname: wat een moeder rond het minimumloon zelf betaalt voor formele "
                      "opvang na de kinderopvangtoeslag (ongeveer 96% van de maximum uurprijs bij "
                      "de laagste inkomens) en het deel van de prijs van de opvangorganisatie "
                      "boven die uurprijs")),
    amount("childcare_cost_hours_per_week", 20.0, (20.0, 20.0),
           ASSUMPTION + ": the hours of care childcare_net_cost_eur is stated for",
           "Hours of care a week that childcare_net_cost_eur pays for.", unit="hours per week",
           kind="setting", lo=1.0, hi=80.0,
           doc_nl="Uren opvang per week waarvoor childcare_net_cost_eur geldt.",
           unit_nl="uur per week",
           source_nl="aanname: de uren opvang waarvoor childcare_net_cost_eur is opgegeven"),
    share("childcare_trust_gain_per_month", 0.04, (0.0, 0.1), ASSUMPTION,
          "Share of the gap to full trust in childcare closed per month of formal care.",
          unit="share of gap per month",
          doc_nl=("Deel van de afstand tot volledig vertrouwen in kinderopvang dat elke maand "
                  "formele opvang overbrugt."),
          unit_nl="deel van de afstand per maand",
          source_nl=ASSUMPTION_NL),
)


class Childcare(Module):
    """Formal places, the queue and its waiting, informal care from the network, and care that breaks down."""

    name = "childcare"
    title = "Childcare"
    title_nl = "Kinderopvang"
    description = ("Formal places, the queue and its waiting, informal care from the network, and care that breaks down.")
    description_nl = ("Formele opvangplaatsen, de wachtlijst, informele opvang uit het netwerk, en opvang die wegvalt.")
    parameters = ParameterSet(PARAMETERS)
    metrics = core_metrics(
        "childcare_queue", "childcare_waiting_for_place", "childcare_places",
        "childcare_places_used", "informal_care_arrangements", "working_on_informal_care",
        "working_on_formal_care", "informal_care_arranged", "informal_care_breakdowns",
        "childcare_places_allocated")
