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
_CARE_KINDS = {"none_needed": "no childcare needed", "formal": "a formal place",
               "informal": "informal care", "programme": "care a programme arranged"}
_EXEMPTIONS = {"request": "on request (a young child)", "health": "for health",
               "care": "for caring for someone", "other": "for other reasons"}
_ROUTES = {"work": "after an exit to work (in work, jobless or no longer followed)",
           "noncooperation": "stopped for non-cooperation", "study": "in study",
           "partner": "on a partner's income", "other": "gone for other reasons"}

# The model's own metrics, in the order a month's record holds them.
CORE: tuple[Metric, ...] = (
    _stock("on_assistance", "mothers", "Mothers on assistance at the month's end."),
    _stock("on_assistance_target_group", "mothers",
           "Mothers on assistance who are pregnant or have a child under the target age."),
    _stock("cohort_on_assistance", "mothers",
           "Mothers of the stock at month 0 still on assistance."),
    _flow("inflow_new", "mothers", "Mothers new to assistance this month."),
    _flow("inflow_returning", "mothers", "Mothers back on assistance this month."),
    _flow("inflow_transfer", "mothers",
          "Women on assistance who joined the target group this month (a pregnancy)."),
    *(_flow(f"exit_{r}", "mothers", f"Mothers who left assistance {_EXIT_WORDS[r]} this month.")
      for r in EXIT_REASONS.values()),
    _stock("in_work", "mothers", "Mothers in work after leaving assistance for it."),
    _stock("jobless", "mothers",
           "Mothers who lost the job they left assistance for and are not back on it."),
    _stock("parttime_working", "mothers", "Mothers on assistance in part-time work."),
    _stock("on_assistance_not_parttime", "mothers",
           "Mothers on assistance without part-time work."),
    _flow("exit_work_not_parttime", "mothers",
          "Exits to work this month by mothers who were not in part-time work."),
    _stock("on_assistance_under_12m", "mothers",
           "Mothers on assistance for less than 12 months."),
    _stock("on_assistance_36m_plus", "mothers", "Mothers on assistance for 36 months or more."),
    _stock("exempt", "mothers", "Mothers on assistance exempt from the work obligation."),
    *(_stock(f"exempt_{k}", "mothers", f"Mothers on assistance exempt {words}.")
      for k, words in _EXEMPTIONS.items()),
    *(_stock(f"ladder_{s}", "mothers", f"Mothers on assistance on participation-ladder step {s}.")
      for s in range(1, LADDER_PARTTIME + 1)),
    _stock("barrier_any", "mothers", "Mothers on assistance with at least one barrier."),
    _stock("barrier_registered_any", "mothers",
           "Mothers on assistance with at least one barrier their coach has registered."),
    _stock("barrier_referred_any", "mothers",
           "Mothers on assistance referred for at least one barrier."),
    _stock("sanctioned", "mothers", "Mothers on assistance with a benefit cut running."),
    _mean("coach_caseload_mean", "mothers per coach", "Mean caseload of the active coaches."),
    _stock("coach_caseload_max", "mothers per coach", "Largest caseload of an active coach."),
    _mean("regular_caseload_mean", "mothers per coach", "Mean caseload of the regular coaches."),
    _stock("regular_caseload_max", "mothers per coach",
           "Largest caseload of a regular coach."),
    _stock("regular_coaches", "coaches", "Regular coaches at work."),
    _flow("regular_coach_hours", "hours", "Hours of the regular coaches this month."),
    _flow("regular_coach_cost_eur", "EUR", "Cost of the regular coaches this month.",
          money=True),
    _stock("coach_waiting", "mothers", "Mothers on assistance without a coach."),
    _stock("childcare_queue", "mothers",
           "Mothers registered for a formal childcare place whose child needs care."),
    _stock("childcare_waiting_for_place", "mothers",
           "Registered mothers past the registration lag still waiting for a place."),
    _stock("childcare_places", "places", "Formal childcare places at the providers."),
    _stock("childcare_places_used", "places", "Formal childcare places in use."),
    _stock("informal_care_arrangements", "mothers",
           "Mothers followed (on assistance or in work) with an informal care arrangement."),
    _stock("working_on_informal_care", "mothers",
           "Working mothers whose child is in informal care, without a formal place."),
    _stock("working_on_formal_care", "mothers",
           "Working mothers (in work or part-time) with a formal childcare place."),
    _flow("coach_contacts", "contacts", "Contacts of coaches with mothers this month."),
    _flow("job_offers", "offers", "Job offers made this month."),
    _flow("offers_over_vacancies", "offers",
          "Offers that found no vacancy this month (vacancies ran out)."),
    _flow("offers_declined", "offers", "Offers declined this month."),
    _flow("offers_declined_income_belief", "offers",
          "Offers of part-time work declined by mothers who do not know assistance tops "
          "up part-time pay."),
    _flow("offers_failed_childcare", "offers", "Accepted offers that failed for lack of childcare."),
    _flow("job_starts_parttime", "mothers", "Part-time jobs started on assistance this month."),
    *(_flow(f"job_starts_care_{k}", "mothers", f"Jobs started this month with {words}.")
      for k, words in _CARE_KINDS.items()),
    _flow("job_losses", "mothers", "Jobs lost this month."),
    _flow("job_losses_care_breakdown", "mothers",
          "Jobs lost this month because informal care broke down."),
    _flow("returns_after_job_loss", "mothers", "Mothers back on assistance after losing a job."),
    _flow("returns_of_leavers", "mothers",
          "Mothers back on assistance after leaving it for another reason."),
    _flow("lapses", "mothers", "Breaches of the work obligation this month."),
    _flow("lapses_noticed", "mothers", "Breaches of the work obligation noticed this month."),
    _flow("sanctions", "mothers", "Benefit cuts imposed this month."),
    _flow("info_lapses", "mothers", "Lapses of the information duty this month."),
    _flow("info_lapses_noticed", "mothers", "Lapses of the information duty noticed this month."),
    _flow("no_shows", "mothers", "Missed appointments this month."),
    _flow("exit_work_from_parttime", "mothers",
          "Exits to work this month by mothers in part-time work."),
    _flow("exits_under_12m", "mothers",
          "Exits this month by mothers on assistance for less than 12 months."),
    _flow("exits_36m_plus", "mothers",
          "Exits this month by mothers on assistance for 36 months or more."),
    _flow("barriers_detected", "barriers", "Barriers coaches learnt of this month."),
    _flow("referrals_taken_up", "referrals", "Referrals for a barrier taken up this month."),
    _flow("barriers_resolved", "barriers", "Barriers resolved this month."),
    _flow("informal_care_arranged", "mothers", "Informal care arrangements made this month."),
    _flow("informal_care_breakdowns", "mothers", "Informal care arrangements ended this month."),
    _flow("childcare_places_allocated", "places", "Formal childcare places given this month."),
    _flow("exemptions_started", "mothers", "Exemptions from the work obligation started."),
    _flow("exemptions_ended", "mothers", "Exemptions from the work obligation ended."),
    _flow("births", "children", "Children born this month."),
    _flow("stress_events", "mothers", "Stress events (a sick child, a crisis) this month."),
    _flow("ladder_up", "mothers", "Steps up the participation ladder this month."),
    _flow("ladder_down", "mothers", "Steps down the participation ladder this month."),
    _mean("mean_confidence", "0 to 1", "Mean self-confidence of the mothers on assistance."),
    _mean("mean_trust_services", "0 to 1",
          "Mean trust in services of the mothers on assistance."),
    _mean("mean_trust_childcare", "0 to 1",
          "Mean trust in formal childcare of the mothers on assistance."),
    _mean("mean_stress", "0 to 1", "Mean stress of the mothers on assistance."),
    _flow("benefit_spending_eur", "EUR", "Benefits paid this month.", money=True),
    *(m for k in (6, 18) for m in (
        _stock(f"work_exits_{k}m_ago", "mothers", f"Mothers who left for work {k} months ago."),
        _stock(f"work_exits_{k}m_ago_in_work", "mothers",
               f"Of those who left for work {k} months ago, those in work now."),
        _stock(f"work_exits_{k}m_ago_on_assistance", "mothers",
               f"Of those who left for work {k} months ago, those on assistance now."))),
    *(_stock(f"off_assistance_{route}", "mothers", f"Mothers off assistance: {words}.")
      for route, words in _ROUTES.items()),
    _flow("intervention_spending_eur", "EUR", "What the scenario's programmes cost this month.",
          money=True),
)


# Recorded when a scenario has a programme (before the programmes' own metrics).
PROGRAMME_REACHED = _stock("programme_reached", "mothers",
                           "Mothers any of the scenario's programmes has reached so far.")


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
