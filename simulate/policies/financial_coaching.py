"""Financial coaching: sessions that work out what a job would bring, with an optional
municipal top-up of the childcare cost.

Half of the interviewed mothers did not know that assistance tops up part-time pay, and
one would not have worked had she not learned it (004:538); many cannot on their own get
a realistic picture of their finances after taking work (004:1037). In the Rotterdam
programme, training and coaching gave participants that picture, including the childcare
allowance, and the municipality topped up childcare costs where needed (004:1316); the
evaluation recommends tailored help with an overview of income and allowances
(004:1320).

A budget coach holds a limited number of sessions a month, one a month per mother, so
mothers wait. Mothers on assistance in the target group from a ladder step on are asked
once; those who accept join the waiting list. Each session may teach her that the top-up
continues (``knows_topup``); once her sessions are done her budget is worked out, which
adds a declared amount to the net gain she believes a job brings (``mod_gain_eur``: the
doubt of "you know what you have, not what you will get", 004:526, taken away) for a
number of months. With ``childcare_topup_share`` above zero the municipality pays that
share of her own childcare cost for some months after the coaching: she weighs less
childcare cost against an offer (``mod_care_cost``) and the municipality pays it while she
works with a formal place. The acceptance step itself compares net pay with the net
benefit (simulate.steps.money.believed_gain).
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    Parameter,
    ParameterSet,
    amount,
    count,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, longest_waiting, register
from simulate.policies.context import PolicyContext
from simulate.population import NEVER
from simulate.states import Status
from simulate.steps.money import childcare_cost


@register
class FinancialCoaching(Policy):
    """Budget sessions on the income gain from work, with a waiting list."""

    name = "financial_coaching"
    title = "financial coaching"
    title_nl = "budgetcoaching"
    several_instances = False  # one waiting list: a second instance would take the same mothers
    parameters = ParameterSet((
        count("sessions_per_month", 20, (0, 100),
              ASSUMPTION + "; 004:1320: tailored help with an overview of income and "
              "allowances",
              "Coaching sessions held per month (the budget coaches' capacity; one session "
              "a month per mother).", unit="sessions per month", kind="lever",
              doc_nl=("Gesprekken per maand (de capaciteit van de budgetcoaches; één gesprek per "
                      "maand per moeder)."),
              unit_nl="gesprekken per maand",
              source_nl=("aanname; 004:1320: begeleiding op maat bij het overzicht van inkomen en "
                         "toeslagen")),
        count("sessions_per_mother", 2, (1, 4), ASSUMPTION,
              "Sessions, one a month, before a mother's budget is worked out.", lo=1, hi=24,
              unit="sessions", kind="lever",
              doc_nl=("Gesprekken, één per maand, voordat het budget van een moeder is "
                      "doorgerekend."),
              unit_nl="gesprekken",
              source_nl=ASSUMPTION_NL),
        count("max_child_age_months", 60, (24, 60), ASSUMPTION,
              "Offered to mothers whose youngest child is under this age (or pregnant).",
              lo=0, hi=216, unit="months", kind="lever",
              doc_nl=("Aangeboden aan moeders van wie het jongste kind jonger is dan deze leeftijd"
                      " (of die zwanger zijn)."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        count("min_ladder_step", 3, (1, 4), ASSUMPTION,
              "Offered from this participation-ladder step (4: mothers looking for work).",
              lo=1, hi=4, unit="ladder step", kind="lever",
              doc_nl=("Aangeboden vanaf deze trede van de participatieladder (4: moeders die werk "
                      "zoeken)."),
              unit_nl="trede",
              source_nl=ASSUMPTION_NL),
        share("uptake", 0.5, (0.2, 0.8), ASSUMPTION,
              "Probability that an eligible mother accepts the coaching (asked once).",
              unit="probability",
              doc_nl=("Kans dat een moeder uit de doelgroep de coaching aanneemt (één keer "
                      "gevraagd)."),
              unit_nl="kans",
              source_nl=ASSUMPTION_NL),
        share("topup_learned_per_session", 0.6, (0.3, 0.9),
              ASSUMPTION + "; 004:538: half did not know that the top-up continues, and "
              "learning it changed a mother's mind",
              "Probability that a session teaches a mother who does not know it that "
              "assistance tops up part-time pay.", unit="probability",
              doc_nl=("Kans dat een gesprek een moeder die het nog niet weet leert dat de bijstand"
                      " deeltijdinkomen aanvult."),
              unit_nl="kans",
              source_nl=("aanname; 004:538: de helft wist niet dat de aanvullende uitkering "
                         "doorloopt, en toen een moeder het hoorde veranderde dat haar besluit")),
        amount("gain_correction_eur", 40.0, (0.0, 120.0),
               ASSUMPTION + "; 004:526: 'you know what you have, not what you will get'; "
               "004:1037: many cannot see their finances after taking work",
               "EUR a month added to the net gain a mother believes a job brings once her "
               "budget is worked out (the doubt taken away).", unit="EUR per month",
               hi=2000.0,
               doc_nl=("Euro per maand die bij de netto vooruitgang komt die een moeder van een "
                       "baan verwacht, zodra haar budget is doorgerekend (de onzekerheid "
                       "weggenomen)."),
               unit_nl="euro per maand",
               source_nl=("aanname; 004:526: 'je weet wat je hebt, maar niet wat je krijgt'; "
                          "004:1037: velen krijgen zelf geen reëel beeld van hun financiën na het "
                          "aanvaarden van werk")),
        count("effect_months", 24, (6, 60), ASSUMPTION,
              "Months a worked-out budget keeps counting in her decisions on offers.", lo=1,
              hi=240, unit="months",
              doc_nl=("Maanden dat een doorgerekend budget meetelt in haar beslissing over een "
                      "aanbod."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        share("childcare_topup_share", 0.0, (0.0, 1.0),
              "004:1316: the municipality topped up childcare costs where needed",
              "Share of her own formal childcare cost the municipality pays after the "
              "coaching (0: no top-up).", kind="lever",
              doc_nl=("Deel van haar eigen kosten van formele kinderopvang dat de gemeente na de "
                      "coaching betaalt (0: geen aanvulling)."),
              unit_nl="aandeel",
              source_nl=("004:1316: de gemeente gaf waar nodig een aanvulling in de kosten van "
                         "kinderopvang")),
        count("topup_months", 24, (6, 60), ASSUMPTION,
              "Months after the coaching during which the childcare top-up is paid.", lo=1,
              hi=240, unit="months", kind="lever",
              doc_nl=("Maanden na de coaching waarin de gemeentelijke aanvulling op de "
                      "opvangkosten wordt betaald."),
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        Parameter("cost_per_session_eur", 75.0, "EUR per session", (40.0, 150.0),
                  ASSUMPTION + ": about an hour of a budget coach with preparation",
                  "Cost of one coaching session.", bounds=(0.0, 1e7),
                  doc_nl="Kosten van één gesprek.",
                  unit_nl="euro per gesprek",
                  source_nl="aanname: ongeveer een uur van een budgetcoach, met voorbereiding"),
    ))

    metrics = (
        Metric("financial_coaching_active", "mothers", "Mothers with a session this month.",
               reach=True, kind="stock"),
        Metric("financial_coaching_reached", "mothers",
               "Mothers who have had a session so far.", kind="stock"),
        Metric("financial_coaching_waiting", "mothers",
               "Mothers on the waiting list for coaching.", kind="stock"),
        Metric("financial_coaching_learned_topup", "mothers",
               "Mothers who learned this month that the top-up continues.", kind="flow"),
        Metric("financial_coaching_childcare_topups", "mothers",
               "Working mothers whose own childcare cost the municipality tops up this month.",
               kind="stock"),
        cost_metric("Sessions held and childcare top-ups paid this month."),
    )
    zero: ClassVar[dict[str, Any]] = {"sessions_per_month": 0}
    state = (
        State("queued", np.int32, NEVER, "month she joined the list"),
        State("done", np.int32, NEVER, "month her budget was worked out"),
        State("sessions", np.int16, 0, "sessions had"),
        State("asked", np.bool_, False, "asked for by another programme"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    queued: np.ndarray
    done: np.ndarray
    sessions: np.ndarray
    asked: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.active = np.zeros(0, dtype=np.int64)
        self.learned = 0

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self.active

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.sessions[: ctx.mothers.n] > 0)

    def waiting(self, ctx: PolicyContext) -> np.ndarray:
        """Mothers on the waiting list (and still on assistance)."""
        ids = np.flatnonzero(self.queued[: ctx.mothers.n] != NEVER)
        return ids[ctx.mothers.status[ids] == Status.ON_ASSISTANCE]

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.active = np.zeros(0, dtype=np.int64)
        self.learned = 0
        p, m, t = self.params, ctx.mothers, ctx.month
        if p.sessions_per_month == 0:
            return
        n = m.n
        on = np.zeros(n, dtype=bool)
        on[ctx.on_assistance()] = True
        self.queued[:n][~on & (self.queued[:n] != NEVER)] = NEVER

        # Asked once, when she first is in the target group at the ladder step.
        ids = np.flatnonzero(on & ~self.asked[:n] & (m.ladder[:n] >= p.min_ladder_step))
        ids = ids[ctx.target_group(ids, p.max_child_age_months)]
        self.asked[ids] = True
        self.queued[ids[ctx.uniform("uptake", ids) < p.uptake]] = t

        # Mothers part-way through their sessions go first; free sessions go to the
        # longest waiting.
        going = np.flatnonzero(on & (self.sessions[:n] > 0) & (self.done[:n] == NEVER))
        going = going[: p.sessions_per_month]
        waiting = np.flatnonzero(self.queued[:n] != NEVER)
        first = longest_waiting(waiting, self.queued)[: p.sessions_per_month - len(going)]
        self.queued[first] = NEVER
        self.active = np.sort(np.concatenate([going, first]))

        a = self.active
        self.sessions[a] += 1
        unaware = a[~m.knows_topup[a]]
        told = unaware[ctx.uniform("topup", unaware) < p.topup_learned_per_session]
        ctx.tell_topup(told)
        self.learned = len(told)
        self.done[a[self.sessions[a] >= p.sessions_per_mother]] = t

        coached = np.flatnonzero(on & (self.done[:n] != NEVER))
        since = t - self.done[coached]
        ctx.shift("mod_gain_eur", coached[since < p.effect_months], p.gain_correction_eur)
        if p.childcare_topup_share > 0:
            ctx.scale("mod_care_cost", coached[since < p.topup_months],
                      1.0 - p.childcare_topup_share)

    def _topped_up(self, ctx: PolicyContext) -> tuple[np.ndarray, np.ndarray]:
        """Working mothers with a formal place whose childcare the municipality tops up, and
        the hours a week of their jobs."""
        p, m, t = self.params, ctx.mothers, ctx.month
        n = min(m.n, len(self.done))
        if p.sessions_per_month == 0 or p.childcare_topup_share == 0 or n == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        status = m.status[:n]
        working = (status == Status.IN_WORK) | ((status == Status.ON_ASSISTANCE) & m.parttime[:n])
        ids = np.flatnonzero(working & (self.done[:n] != NEVER)
                             & (t - self.done[:n] < p.topup_months) & (m.childcare_place[:n] >= 0))
        ids = ids[ctx.needs_care(ids)]
        core = ctx.params
        hours = m.earnings_eur[ids] / (core.weeks_per_month * core.hourly_wage_eur)
        return ids, hours

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p = self.params
        topped, hours = self._topped_up(ctx)
        topup = float(np.sum(p.childcare_topup_share * childcare_cost(ctx.params, hours)))
        reached = int(np.count_nonzero(self.sessions[: ctx.mothers.n] > 0))
        return {"financial_coaching_active": len(self.active),
                "financial_coaching_reached": reached,
                "financial_coaching_waiting": len(self.waiting(ctx)) if p.sessions_per_month else 0,
                "financial_coaching_learned_topup": self.learned,
                "financial_coaching_childcare_topups": len(topped),
                "cost_eur": len(self.active) * p.cost_per_session_eur + topup}
