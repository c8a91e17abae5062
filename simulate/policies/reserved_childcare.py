"""Childcare places reserved for mothers starting a job, internship or course.

The municipality holds places at the providers (bought on top of their capacity, or
carved out of it). Each month, in the ``allocate`` hook, a mother whose accepted job offer
would fail on childcare gets a reserved place if one is free and she is willing to use
formal care (more likely the more she trusts it); then mothers starting a course or
internship (registered, at the ladder step of organised activities) get the rest.
A reserved place is kept like any place: until the child reaches school age or the mother
leaves assistance other than for work. Places are paid for whether used or not.

Childcare during a programme's activities is not part of this module: the activity that
minds the children (a peer group's sessions, a start meeting) pays for it per child minded
and builds trust in formal childcare for the mothers who attended, once.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.agents.childcare import split_places
from simulate.parameters import ASSUMPTION, ASSUMPTION_NL, PRACTICE, Parameter, ParameterSet, count
from simulate.policies.base import Metric, Policy, State, cost_metric, longest_waiting, register
from simulate.policies.context import PolicyContext
from simulate.population import NEVER
from simulate.states import Status


@register
class ReservedChildcare(Policy):
    """Reserved childcare places for programme starters."""

    name = "reserved_childcare"
    title = "reserved childcare places"
    title_nl = "gereserveerde kinderopvang"
    several_instances = False  # reserved places are counted per provider, not per instance
    parameters = ParameterSet((
        count("places", 30, (0, 200), ASSUMPTION,
              "Places reserved for the programme.", unit="places", kind="lever", hi=100_000,
              doc_nl="Plaatsen die voor het programma zijn gereserveerd.",
              unit_nl="plaatsen",
              source_nl=ASSUMPTION_NL),
        Parameter("additional", True, "flag", None, ASSUMPTION,
                  "The places are bought on top of the providers' capacity (otherwise they "
                  "are carved out of it and the general queue loses them).",
                  kind="lever", type=bool,
                  doc_nl=("De plaatsen worden bovenop de capaciteit van de kinderopvang ingekocht "
                          "(anders gaan ze van de bestaande plaatsen af en krijgt de gewone "
                          "wachtlijst er minder)."),
                  unit_nl="ja/nee",
                  source_nl=ASSUMPTION_NL),
        Parameter("eligibility", "target_group", "rule", None, ASSUMPTION,
                  "Who may use the places: 'target_group' (any mother whose youngest child "
                  "is under the age limit) or 'programme' (participants of the scenario's "
                  "other programmes).", kind="lever", type=str,
                  choices=("target_group", "programme"),
                  doc_nl=("Wie de plaatsen mag gebruiken: 'target_group' (elke moeder van wie het "
                          "jongste kind onder de leeftijdsgrens is) of 'programme' (deelnemers aan"
                          " de andere interventies van het scenario)."),
                  unit_nl="regel",
                  source_nl=ASSUMPTION_NL),
        count("max_child_age_months", 48, (12, 48), ASSUMPTION,
              "Eligible with a youngest child under this age.", lo=0, hi=216,
              unit="months", kind="lever",
              doc_nl="Doelgroep: jongste kind jonger dan deze leeftijd.",
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        Parameter("courses", True, "flag", None, PRACTICE + ": for a job, internship or course",
                  "Free places also go to mothers starting a course or internship.",
                  kind="lever", type=bool,
                  doc_nl=("Vrije plaatsen gaan ook naar moeders die aan een opleiding of stage "
                          "beginnen."),
                  unit_nl="ja/nee",
                  source_nl="evaluatie- en praktijkrapporten: voor een baan, stage of opleiding"),
        Parameter("cost_per_place_month_eur", 1100.0, "EUR per place per month",
                  (600.0, 2000.0), ASSUMPTION + ": the municipality's share of a full place",
                  "Cost of one reserved place, paid whether used or not.",
                  bounds=(0.0, 1e7),
                  doc_nl="Kosten van één gereserveerde plaats, ook als die niet wordt gebruikt.",
                  unit_nl="euro per plaats per maand",
                  source_nl=("aanname: het deel van de gemeente in de kosten van een volledige "
                             "plaats")),
    ))

    metrics = (
        Metric("reserved_places", "places", "Places reserved for the programme.", kind="stock"),
        Metric("reserved_places_used", "places", "Reserved places in use.", reach=True,
               chart="childcare",
               words="reserved places in use", words_nl="gereserveerde plaatsen in gebruik",
               kind="stock"),
        Metric("reserved_places_allocated", "places", "Reserved places handed out this month.",
               kind="flow"),
        cost_metric("Reserved places, paid whether used or not."),
    )
    zero: ClassVar[dict[str, Any]] = {"places": 0}
    state = (
        State("ever", np.bool_, False, "ever held a reserved place"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    ever: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.allocated = 0
        self.reserved = np.array(split_places(self.params.places, len(ctx.providers)))
        ctx.reserve_places(self.reserved, self.params.additional)

    def _eligible(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        ok = ctx.needs_care(ids) & ctx.target_group(ids, self.params.max_child_age_months,
                                                     include_pregnant=False)
        if self.params.eligibility == "programme":
            ok &= np.isin(ids, ctx.other_participants(ever=True))
        return ok

    def _give(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        """Give free reserved places to ``ids`` in order; returns those who got one."""
        general, used = ctx.occupied()
        # Places carved out of a full provider become free only as its holders leave.
        places = np.array([c.places for c in ctx.providers])
        free = np.maximum(np.minimum(self.reserved - used, places - general - used), 0)
        slots = np.repeat(np.arange(len(free)), free)[: len(ids)]
        got = ids[: len(slots)]
        self.ever[got] = True
        ctx.give_places(got, slots, reserved=True)
        self.allocated += len(got)
        return got

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        m = ctx.mothers
        return np.flatnonzero((m.childcare_place[: m.n] >= 0) & m.place_reserved[: m.n])

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever)

    def allocate(self, ctx: PolicyContext) -> None:
        self.allocated = 0
        if self.params.places == 0:
            return
        m = ctx.mothers
        offers = ctx.offers
        wanting = np.flatnonzero(offers.needs_care & ~offers.care)
        wanting = wanting[self._eligible(ctx, offers.ids[wanting])]
        ids = offers.ids[wanting]
        # Willing to use formal care: more likely the more she trusts it.
        willing = ctx.uniform("take", ids) < m.trust_childcare[ids]
        order = np.argsort(ctx.uniform("priority", ids[willing]), kind="stable")
        got = self._give(ctx, ids[willing][order])
        offers.care[wanting[np.isin(ids, got)]] = True
        if self.params.courses:
            n = m.n
            queued = np.flatnonzero((m.status[:n] == Status.ON_ASSISTANCE)
                                    & (m.queue_since[:n] != NEVER) & (m.childcare_place[:n] < 0)
                                    & (m.ladder[:n] >= ctx.params.childcare_place_min_step))
            queued = queued[self._eligible(ctx, queued)]
            self._give(ctx, longest_waiting(queued, m.queue_since))

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p = self.params
        _, used = ctx.occupied()
        return {
            "reserved_places": p.places,
            "reserved_places_used": int(used.sum()),
            "reserved_places_allocated": self.allocated,
            "cost_eur": p.places * p.cost_per_place_month_eur,
        }
