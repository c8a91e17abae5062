"""Monthly metrics, declared once: the model's own (:data:`CORE`) and, on each policy
module, the policy's (:attr:`simulate.policies.Policy.metrics`).

A metric is a *stock* (a count at the month's end: mothers on assistance), a *flow* (a
count of the month's events: exits to work) or a *mean* (an average over the mothers or
coaches at the month's end). Tools that show, sum or chart a metric read its declaration
(unit, kind, money) instead of guessing from its name, and nothing builds a model to learn
which metrics a run records: a test keeps :data:`CORE` equal to what a run records.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulate.states import EXIT_REASONS, LADDER_PARTTIME

if TYPE_CHECKING:
    from simulate.scenario import Scenario

# "" for a policy metric that does not say (yet).
KINDS = ("stock", "flow", "mean", "")


@dataclass(frozen=True)
class Metric:
    """A monthly metric.

    Attributes:
        name: Name in the month's record (a labelled policy instance's are prefixed by its
            label).
        unit: Unit, in words.
        doc: What it counts.
        kind: "stock", "flow" or "mean" (:data:`KINDS`; "" where a policy does not say).
        money: An amount in euros.
        cost: True for a policy's cost this month in EUR (named ``cost_eur``); the model
            sums costs into ``intervention_spending_eur``.
        reach: True for the number of mothers taking part (reports chart it).
        chart: The report chart it belongs on beside the model's own line: ``"caseload"``
            (a caseload, beside the regular coaches'), ``"childcare"`` (places in use,
            beside the queue), or None.
        words, words_nl: Its name in a chart's legend, in English and Dutch (required for
            a policy metric on a chart).
    """

    name: str
    unit: str
    doc: str
    cost: bool = False
    reach: bool = False
    chart: str | None = None
    words: str = ""
    words_nl: str = ""
    kind: str = ""
    money: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"metric {self.name}: kind {self.kind!r} is not one of {KINDS}")
        if self.cost and not self.money:
            object.__setattr__(self, "money", True)

    @property
    def tags(self) -> set[str]:
        return ({"cost"} if self.cost else set()) | ({"reach"} if self.reach else set()) | (
            {self.chart} if self.chart else set())


def cost_metric(doc: str) -> Metric:
    """A policy's cost this month (``cost_eur``)."""
    return Metric("cost_eur", "EUR per month", doc, cost=True, kind="flow", money=True)


def _stock(name: str, unit: str, doc: str, **kw) -> Metric:
    return Metric(name, unit, doc, kind="stock", **kw)


def _flow(name: str, unit: str, doc: str, **kw) -> Metric:
    return Metric(name, unit, doc, kind="flow", **kw)


def _mean(name: str, unit: str, doc: str, **kw) -> Metric:
    return Metric(name, unit, doc, kind="mean", **kw)


_EXIT_WORDS = {"work": "to work", "study": "to study",
               "noncooperation": "stopped for non-cooperation",
               "partner": "to a partner's income", "other": "for other reasons"}
_EXIT_LEGEND = {"work": "exits to work", "study": "exits to study",
                "noncooperation": "stops for non-cooperation",
                "partner": "exits to a partner's income", "other": "exits for other reasons"}
_EXIT_WORDS_NL = {"work": "uitstroom naar werk", "study": "uitstroom naar studie",
                  "noncooperation": "stopzetting wegens niet meewerken",
                  "partner": "uitstroom naar inkomen van een partner",
                  "other": "uitstroom om andere redenen"}
_CARE_KINDS = {"none_needed": "no childcare needed", "formal": "a formal place",
               "informal": "informal care", "programme": "care a programme arranged"}
_CARE_KINDS_NL = {"none_needed": "zonder opvangbehoefte", "formal": "met formele kinderopvang",
                  "informal": "met informele opvang", "programme": "met opvang via een programma"}
_EXEMPTIONS = {"request": "on request (a young child)", "health": "for health",
               "care": "for caring for someone", "other": "for other reasons"}
_EXEMPTIONS_NL = {"request": "op verzoek (jong kind)", "health": "om medische redenen",
                  "care": "wegens mantelzorg", "other": "om andere redenen"}
_ROUTES = {"work": "after an exit to work (in work, jobless or no longer followed)",
           "noncooperation": "stopped for non-cooperation", "study": "in study",
           "partner": "on a partner's income", "other": "gone for other reasons"}
_ROUTES_NL = {"work": "na uitstroom naar werk", "noncooperation": "na stopzetting wegens niet "
              "meewerken", "study": "wegens studie", "partner": "door inkomen van een partner",
              "other": "om andere redenen"}

# The model's own metrics, in the order a month's record holds them.
CORE: tuple[Metric, ...] = (
    _stock("on_assistance", "mothers", "Mothers on assistance at the month's end.",
           words="mothers on assistance", words_nl="moeders in de bijstand"),
    _stock("on_assistance_target_group", "mothers",
           "Mothers on assistance who are pregnant or have a child under the target age.",
           words="target group on assistance (pregnant or a young child)",
           words_nl="doelgroep in de bijstand (zwanger of jong kind)"),
    _stock("cohort_on_assistance", "mothers",
           "Mothers of the stock at month 0 still on assistance.",
           words="starting caseload still on assistance",
           words_nl="beginbestand nog in de bijstand"),
    _flow("inflow_new", "mothers", "Mothers new to assistance this month.",
          words="new inflow to assistance", words_nl="nieuwe instroom in de bijstand"),
    _flow("inflow_returning", "mothers", "Mothers back on assistance this month.",
          words="returning inflow to assistance",
          words_nl="herinstroom (opnieuw in de bijstand)"),
    _flow("inflow_transfer", "mothers",
          "Women on assistance who joined the target group this month (a pregnancy).",
          words="joined the target group on assistance (a pregnancy)",
          words_nl="instroom in de doelgroep door zwangerschap"),
    *(_flow(f"exit_{r}", "mothers", f"Mothers who left assistance {_EXIT_WORDS[r]} this month.",
            words=_EXIT_LEGEND[r], words_nl=_EXIT_WORDS_NL[r])
      for r in EXIT_REASONS.values()),
    _stock("in_work", "mothers", "Mothers in work after leaving assistance for it.",
           words="in work after an exit to work", words_nl="aan het werk na uitstroom naar werk"),
    _stock("jobless", "mothers",
           "Mothers who lost the job they left assistance for and are not back on it.",
           words="lost the job after an exit, not back on assistance",
           words_nl="baan kwijt na uitstroom, niet terug in de bijstand"),
    _stock("parttime_working", "mothers", "Mothers on assistance in part-time work.",
           words="mothers on assistance in part-time work",
           words_nl="moeders in de bijstand met deeltijdwerk"),
    _stock("on_assistance_not_parttime", "mothers",
           "Mothers on assistance without part-time work.",
           words="mothers on assistance without part-time work",
           words_nl="moeders in de bijstand zonder deeltijdwerk"),
    _flow("exit_work_not_parttime", "mothers",
          "Exits to work this month by mothers who were not in part-time work.",
          words="exits to work, not from part-time work",
          words_nl="uitstroom naar werk, niet vanuit deeltijdwerk"),
    _stock("on_assistance_under_12m", "mothers",
           "Mothers on assistance for less than 12 months.",
           words="on assistance for less than 12 months",
           words_nl="korter dan 12 maanden in de bijstand"),
    _stock("on_assistance_36m_plus", "mothers", "Mothers on assistance for 36 months or more.",
           words="on assistance for 36 months or more",
           words_nl="36 maanden of langer in de bijstand"),
    _stock("exempt", "mothers", "Mothers on assistance exempt from the work obligation.",
           words="exempt from the work obligation",
           words_nl="ontheffing van de arbeidsplicht"),
    *(_stock(f"exempt_{k}", "mothers", f"Mothers on assistance exempt {words}.",
             words=f"exempt {words}", words_nl=f"ontheffing {_EXEMPTIONS_NL[k]}")
      for k, words in _EXEMPTIONS.items()),
    *(_stock(f"ladder_{s}", "mothers", f"Mothers on assistance on participation-ladder step {s}.",
             words=f"participation-ladder step {s}", words_nl=f"participatieladder trede {s}")
      for s in range(1, LADDER_PARTTIME + 1)),
    _stock("barrier_any", "mothers", "Mothers on assistance with at least one barrier.",
           words="with at least one barrier", words_nl="met minstens één belemmering"),
    _stock("barrier_registered_any", "mothers",
           "Mothers on assistance with at least one barrier their coach has registered.",
           words="with a barrier the coach has registered",
           words_nl="met belemmering geregistreerd door klantmanager"),
    _stock("barrier_referred_any", "mothers",
           "Mothers on assistance referred for at least one barrier.",
           words="referred for a barrier", words_nl="doorverwezen voor een belemmering"),
    _stock("sanctioned", "mothers", "Mothers on assistance with a benefit cut running.",
           words="with a benefit cut running", words_nl="met een lopende maatregel"),
    _mean("coach_caseload_mean", "mothers per coach", "Mean caseload of the active coaches.",
          words="mean caseload, all active coaches",
          words_nl="gemiddelde caseload, alle klantmanagers"),
    _stock("coach_caseload_max", "mothers per coach", "Largest caseload of an active coach.",
           words="largest caseload, all active coaches",
           words_nl="grootste caseload, alle klantmanagers"),
    _mean("regular_caseload_mean", "mothers per coach", "Mean caseload of the regular coaches.",
          words="mean caseload, regular coaches",
          words_nl="gemiddelde caseload, reguliere klantmanagers"),
    _stock("regular_caseload_max", "mothers per coach",
           "Largest caseload of a regular coach.",
           words="largest caseload, regular coaches",
           words_nl="grootste caseload, reguliere klantmanagers"),
    _stock("regular_coaches", "coaches", "Regular coaches at work.",
           words="regular coaches at work", words_nl="ingezette reguliere klantmanagers"),
    _flow("regular_coach_hours", "hours", "Hours of the regular coaches this month.",
          words="hours of regular coaches", words_nl="uren reguliere klantmanagers"),
    _flow("regular_coach_cost_eur", "EUR", "Cost of the regular coaches this month.",
          money=True, words="cost of regular coaches in euros",
          words_nl="kosten reguliere klantmanagers in euro"),
    _stock("coach_waiting", "mothers", "Mothers on assistance without a coach.",
           words="on assistance without a coach", words_nl="in de bijstand zonder klantmanager"),
    _stock("childcare_queue", "mothers",
           "Mothers registered for a formal childcare place whose child needs care.",
           words="registered for a formal childcare place",
           words_nl="ingeschreven voor kinderopvang (wachtlijst)"),
    _stock("childcare_waiting_for_place", "mothers",
           "Registered mothers past the registration lag still waiting for a place.",
           words="still waiting for a childcare place after the lag",
           words_nl="na inschrijftermijn nog wachtend op kinderopvang"),
    _stock("childcare_places", "places", "Formal childcare places at the providers.",
           words="formal childcare places", words_nl="kindplaatsen kinderopvang"),
    _stock("childcare_places_used", "places", "Formal childcare places in use.",
           words="formal childcare places in use", words_nl="bezette kindplaatsen kinderopvang"),
    _stock("informal_care_arrangements", "mothers",
           "Mothers followed (on assistance or in work) with an informal care arrangement.",
           words="mothers with informal childcare", words_nl="moeders met informele opvang"),
    _stock("working_on_informal_care", "mothers",
           "Working mothers whose child is in informal care, without a formal place.",
           words="working mothers on informal care only",
           words_nl="werkende moeders met alleen informele opvang"),
    _stock("working_on_formal_care", "mothers",
           "Working mothers (in work or part-time) with a formal childcare place.",
           words="working mothers with a formal childcare place",
           words_nl="werkende moeders met een kindplaats in de opvang"),
    _flow("coach_contacts", "contacts", "Contacts of coaches with mothers this month.",
          words="coach contacts with mothers", words_nl="contacten klantmanager met moeders"),
    _flow("job_offers", "offers", "Job offers made this month.",
          words="job offers", words_nl="aangeboden vacatures"),
    _flow("offers_over_vacancies", "offers",
          "Offers that found no vacancy this month (vacancies ran out).",
          words="offers that found no vacancy", words_nl="aanbod zonder vrije vacature"),
    _flow("offers_declined", "offers", "Offers declined this month.",
          words="offers declined", words_nl="geweigerde vacatures"),
    _flow("offers_declined_income_belief", "offers",
          "Offers of part-time work declined by mothers who do not know assistance tops "
          "up part-time pay.",
          words="part-time offers declined (top-up unknown)",
          words_nl="deeltijdwerk geweigerd (aanvulling onbekend)"),
    _flow("offers_failed_childcare", "offers", "Accepted offers that failed for lack of childcare.",
          words="accepted offers failed for lack of childcare",
          words_nl="baan niet gestart door gebrek aan kinderopvang"),
    _flow("job_starts_parttime", "mothers", "Part-time jobs started on assistance this month.",
          words="part-time jobs started on assistance",
          words_nl="deeltijdwerk gestart naast de bijstand"),
    *(_flow(f"job_starts_care_{k}", "mothers", f"Jobs started this month with {words}.",
            words=f"jobs started with {words}", words_nl=f"gestarte banen {_CARE_KINDS_NL[k]}")
      for k, words in _CARE_KINDS.items()),
    _flow("job_losses", "mothers", "Jobs lost this month.",
          words="jobs lost", words_nl="baanverlies"),
    _flow("job_losses_care_breakdown", "mothers",
          "Jobs lost this month because informal care broke down.",
          words="jobs lost as informal care broke down",
          words_nl="baanverlies door wegvallen informele opvang"),
    _flow("returns_after_job_loss", "mothers", "Mothers back on assistance after losing a job.",
          words="back on assistance after losing a job",
          words_nl="opnieuw in de bijstand na baanverlies"),
    _flow("returns_of_leavers", "mothers",
          "Mothers back on assistance after leaving it for another reason.",
          words="back on assistance after another exit",
          words_nl="opnieuw in de bijstand na andere uitstroom"),
    _flow("lapses", "mothers", "Breaches of the work obligation this month.",
          words="breaches of the work obligation",
          words_nl="arbeidsplicht niet nagekomen"),
    _flow("lapses_noticed", "mothers", "Breaches of the work obligation noticed this month.",
          words="breaches of the work obligation noticed",
          words_nl="arbeidsplicht niet nagekomen, geconstateerd"),
    _flow("sanctions", "mothers", "Benefit cuts imposed this month.",
          words="benefit cuts imposed", words_nl="opgelegde maatregelen"),
    _flow("info_lapses", "mothers", "Lapses of the information duty this month.",
          words="lapses of the information duty",
          words_nl="inlichtingenplicht niet nagekomen"),
    _flow("info_lapses_noticed", "mothers", "Lapses of the information duty noticed this month.",
          words="lapses of the information duty noticed",
          words_nl="inlichtingenplicht niet nagekomen, geconstateerd"),
    _flow("no_shows", "mothers", "Missed appointments this month.",
          words="missed appointments", words_nl="niet verschenen op afspraak"),
    _flow("exit_work_from_parttime", "mothers",
          "Exits to work this month by mothers in part-time work.",
          words="exits to work from part-time work",
          words_nl="uitstroom naar werk vanuit deeltijdwerk"),
    _flow("exits_under_12m", "mothers",
          "Exits this month by mothers on assistance for less than 12 months.",
          words="exits after less than 12 months on assistance",
          words_nl="uitstroom na minder dan 12 maanden bijstand"),
    _flow("exits_36m_plus", "mothers",
          "Exits this month by mothers on assistance for 36 months or more.",
          words="exits after 36 months or more on assistance",
          words_nl="uitstroom na 36 maanden of langer bijstand"),
    _flow("barriers_detected", "barriers", "Barriers coaches learnt of this month.",
          words="barriers detected by coaches",
          words_nl="belemmeringen gesignaleerd door klantmanager"),
    _flow("referrals_taken_up", "referrals", "Referrals for a barrier taken up this month.",
          words="referrals for a barrier taken up", words_nl="doorverwijzingen opgepakt"),
    _flow("barriers_resolved", "barriers", "Barriers resolved this month.",
          words="barriers resolved", words_nl="belemmeringen opgelost"),
    _flow("informal_care_arranged", "mothers", "Informal care arrangements made this month.",
          words="informal care arranged", words_nl="informele opvang geregeld"),
    _flow("informal_care_breakdowns", "mothers", "Informal care arrangements ended this month.",
          words="informal care arrangements ended", words_nl="informele opvang weggevallen"),
    _flow("childcare_places_allocated", "places", "Formal childcare places given this month.",
          words="childcare places allocated", words_nl="kindplaatsen toegewezen"),
    _flow("exemptions_started", "mothers", "Exemptions from the work obligation started.",
          words="exemptions from the work obligation started",
          words_nl="ontheffingen verleend"),
    _flow("exemptions_ended", "mothers", "Exemptions from the work obligation ended.",
          words="exemptions from the work obligation ended",
          words_nl="ontheffingen beëindigd"),
    _flow("births", "children", "Children born this month.",
          words="children born", words_nl="geboren kinderen"),
    _flow("stress_events", "mothers", "Stress events (a sick child, a crisis) this month.",
          words="stress events (a sick child, a crisis)",
          words_nl="stressvolle gebeurtenissen (ziek kind, crisis)"),
    _flow("ladder_up", "mothers", "Steps up the participation ladder this month.",
          words="steps up the participation ladder",
          words_nl="stijging op de participatieladder"),
    _flow("ladder_down", "mothers", "Steps down the participation ladder this month.",
          words="steps down the participation ladder",
          words_nl="daling op de participatieladder"),
    _mean("mean_confidence", "0 to 1", "Mean self-confidence of the mothers on assistance.",
          words="mean self-confidence", words_nl="gemiddeld zelfvertrouwen"),
    _mean("mean_trust_services", "0 to 1",
          "Mean trust in services of the mothers on assistance.",
          words="mean trust in services", words_nl="gemiddeld vertrouwen in instanties"),
    _mean("mean_trust_childcare", "0 to 1",
          "Mean trust in formal childcare of the mothers on assistance.",
          words="mean trust in formal childcare",
          words_nl="gemiddeld vertrouwen in kinderopvang"),
    _mean("mean_stress", "0 to 1", "Mean stress of the mothers on assistance.",
          words="mean stress", words_nl="gemiddelde stress"),
    _flow("benefit_spending_eur", "EUR", "Benefits paid this month.", money=True,
          words="benefit spending in euros", words_nl="uitkeringslasten in euro"),
    *(m for k in (6, 18) for m in (
        _stock(f"work_exits_{k}m_ago", "mothers", f"Mothers who left for work {k} months ago.",
               words=f"left for work {k} months ago",
               words_nl=f"uitstroom naar werk {k} maanden geleden"),
        _stock(f"work_exits_{k}m_ago_in_work", "mothers",
               f"Of those who left for work {k} months ago, those in work now.",
               words=f"left for work {k} months ago, in work now",
               words_nl=f"uitstroom naar werk {k} maanden geleden, nu aan het werk"),
        _stock(f"work_exits_{k}m_ago_on_assistance", "mothers",
               f"Of those who left for work {k} months ago, those on assistance now.",
               words=f"left for work {k} months ago, on assistance now",
               words_nl=f"uitstroom naar werk {k} maanden geleden, nu in de bijstand"))),
    *(_stock(f"off_assistance_{route}", "mothers", f"Mothers off assistance: {words}.",
             words=f"off assistance: {words.split(' (')[0]}",
             words_nl=f"uit de bijstand {_ROUTES_NL[route]}")
      for route, words in _ROUTES.items()),
    _flow("intervention_spending_eur", "EUR", "What the scenario's programmes cost this month.",
          money=True, words="programme spending in euros",
          words_nl="kosten van de interventies in euro"),
)


# Recorded when a scenario has a programme (before the programmes' own metrics).
PROGRAMME_REACHED = _stock("programme_reached", "mothers",
                           "Mothers any of the scenario's programmes has reached so far.",
                           words="mothers reached by a programme",
                           words_nl="moeders bereikt door een programma")


@functools.cache
def _core() -> dict[str, Metric]:
    return {m.name: m for m in CORE}


def metric_names() -> tuple[str, ...]:
    """Names of the monthly metrics every run records (besides policies' own)."""
    return tuple(_core())


def core_metric(name: str) -> Metric | None:
    """The declaration of one of the model's own metrics, or None."""
    return _core().get(name)


def recorded_name(name: str, label: str, metric: str) -> str:
    """A policy metric's name in the record (policy ``name`` running as ``label``): the
    cost as ``<label>_cost_eur``; every metric of a labelled instance prefixed by the
    label, so that two instances never collide."""
    if metric == "cost_eur" or label != name:
        return f"{label}_{metric}"
    return metric


def recorded_metrics(scenarios: Iterable[Scenario]) -> dict[str, Metric]:
    """Every metric a run of these scenarios records, by its recorded name, with its
    declaration: the model's own and each policy instance's."""
    from simulate.policies import REGISTRY

    out = dict(_core())
    for scenario in scenarios:
        if scenario.policies:
            out[PROGRAMME_REACHED.name] = PROGRAMME_REACHED
        for spec in scenario.policies:
            for m in REGISTRY[spec.name].metrics:
                out[recorded_name(spec.name, spec.key, m.name)] = m
    return out


def core_metrics(*names: str) -> tuple[Metric, ...]:
    """The core metrics of these names, in this order (a core module declares the ones it
    owns so; :data:`CORE` is the record's order)."""
    by_name = {m.name: m for m in CORE}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise KeyError(f"not core metrics: {', '.join(missing)}")
    return tuple(by_name[n] for n in names)
