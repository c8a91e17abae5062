"""Work-experience places (*werkervaringsplaatsen*) with employers set up for extra guidance.

A municipality contracts a number of places with employers who are set up to guide people
who have not worked for a long time, or never (004:1106, 004:1336), with flexible hours to
start with ("the first three months 18 hours", 004:957). Each month:

- coaches refer mothers they met last month who are ready for a step to unpaid work (from
  ``min_ladder_step``, not exempted, not yet in part-time work); other programmes may ask
  for a place through :func:`request_placement` (the *Kind & Werkgeluk* internship). They
  join a waiting list, first come, first served, when no place is free (places must be
  sufficient, 004:1261);
- a free place is matched to the first on the list. A placement needs childcare for its
  hours (004:969, 004:1261): a formal place or an informal arrangement she has, or one
  arranged now. The signed placement agreement gets childcare arranged fast: she is
  registered for a formal place with the registration lag waived (004:969), and she asks
  her network. The place is held for her while care is found, for at most
  ``care_wait_months``; then the match lapses;
- with care in place the placement starts and puts her on ladder step 4 (unpaid work,
  internship) for its ``months``. It ends early when she leaves assistance or starts
  paid work, when her childcare falls away, or when she drops out;
- while on a placement she finds less time to look elsewhere: her chance of an offer
  from another employer is scaled by ``search_factor`` (lock-in);
- in its last month the host employer offers a paid job with ``job_offer_chance`` (a place
  that goes well often leads on to regular work, 004:1106, 004:1336): the offer goes
  through the model's vacancies, acceptance (the net gain she believes in) and childcare,
  like any other.
- optionally (``case_on_hold``) she knows her case file would be kept on hold for some
  months after a job start, which makes the step off assistance feel safer (004:1106): she
  accepts an offer that ends assistance more readily while on a placement. (A quicker
  return after an early job loss is not modelled.)

Costs: each place in use per month (the employer's guidance and the municipality's
support), and formal childcare for the placement's hours of mothers using a place.
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
    factor,
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, register
from simulate.policies.context import PolicyContext
from simulate.population import NEVER
from simulate.states import LADDER_PARTTIME, Status

# Ladder step 4: unpaid work or an internship.
UNPAID_WORK = LADDER_PARTTIME - 1


@register
class WorkExperience(Policy):
    """Work-experience places with a waiting list, childcare and a chance of a paid job."""

    name = "work_experience"
    title = "work-experience places"
    title_nl = "werkervaringsplaatsen"
    several_instances = False  # one waiting list: a mother holds one place at a time
    parameters = ParameterSet((
        count("places", 15, (0, 100),
              ASSUMPTION + "; 004:1261: places with employers must be sufficient",
              "Work-experience places the municipality has with employers.", unit="places",
              kind="lever", hi=100_000,
              doc_nl="Werkervaringsplaatsen die de gemeente bij werkgevers heeft.",
              unit_nl="plaatsen",
              source_nl="aanname; 004:1261: er moeten voldoende plaatsen bij werkgevers zijn"),
        count("months", 6, (3, 12),
              ASSUMPTION + "; 004:981: the placement agreement fixes its duration",
              "Months of a placement.", lo=1, hi=60, unit="months", kind="lever",
              doc_nl="Duur van een werkervaringsplaats.",
              unit_nl="maanden",
              source_nl="aanname; 004:981: de werkervaringsplaatsovereenkomst legt de duur vast"),
        amount("hours_per_week", 18.0, (12.0, 24.0),
               "004:957: an employer accepts 18 hours for the first three months instead of 24",
               "Hours a week of a placement (childcare is needed for them).",
               unit="hours per week", kind="lever", hi=40.0,
               doc_nl="Uren per week op een werkervaringsplaats (daarvoor is kinderopvang nodig).",
               unit_nl="uur per week",
               source_nl=("004:957: een werkgever accepteert de eerste drie maanden 18 uur in "
                          "plaats van 24")),
        count("min_ladder_step", 3, (2, 4),
              ASSUMPTION + "; 004:1336: a step for those for whom regular work is too big a step",
              "Referred from this participation-ladder step.", lo=1, hi=4,
              unit="ladder step", kind="lever",
              doc_nl="Doorverwezen vanaf deze trede van de participatieladder.",
              unit_nl="trede",
              source_nl=("aanname; 004:1336: een tussenstap voor wie regulier werk een te grote "
                         "stap is")),
        count("max_child_age_months", 60, (24, 60), ASSUMPTION,
              "Eligible with a youngest child under this age.", lo=0, hi=216, unit="months",
              kind="lever",
              doc_nl="Doelgroep: jongste kind jonger dan deze leeftijd.",
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        share("referral_per_contact", 0.1, (0.02, 0.3), ASSUMPTION,
              "Probability that a coach contact last month leads to a referral of an "
              "eligible mother.", unit="probability", kind="uncertainty",
              doc_nl=("Kans dat een gesprek met de klantmanager vorige maand leidt tot een "
                      "doorverwijzing naar een werkervaringsplaats."),
              unit_nl="kans",
              source_nl=ASSUMPTION_NL),
        Parameter("programme_only", False, "flag", None, ASSUMPTION,
                  "Places only for mothers other programmes ask a place for (no referrals "
                  "by coaches).", kind="lever", type=bool,
                  doc_nl=("Alleen plaatsen voor moeders voor wie een ander programma een plaats "
                          "vraagt (geen doorverwijzing door klantmanagers)."),
                  unit_nl="ja/nee",
                  source_nl=ASSUMPTION_NL),
        Parameter("programme_first", True, "flag", None, ASSUMPTION,
                  "Mothers other programmes ask a place for go ahead of coaches' referrals "
                  "on the waiting list.", kind="lever", type=bool,
                  doc_nl=("Moeders voor wie een ander programma een plaats vraagt, gaan op de "
                          "wachtlijst vóór de doorverwijzingen van klantmanagers."),
                  unit_nl="ja/nee",
                  source_nl=ASSUMPTION_NL),
        count("care_wait_months", 2, (1, 4),
              ASSUMPTION + "; 004:969: with a placement agreement the municipality can get "
              "childcare arranged fast",
              "Months a matched place is held while childcare is arranged.", lo=1, hi=24,
              unit="months", kind="lever",
              doc_nl=("Maanden dat een toegewezen plaats wordt vastgehouden terwijl de "
                      "kinderopvang wordt geregeld."),
              unit_nl="maanden",
              source_nl=("aanname; 004:969: met een werkervaringsplaatsovereenkomst kan de "
                         "gemeente snel kinderopvang regelen")),
        share("job_offer_chance", 0.1, (0.05, 0.5),
              ASSUMPTION + "; 004:1106, 004:1336: a place that goes well often leads on to "
              "regular work; the default was chosen with the evidence check in view (at 0.3 "
              "participants gained 16 points of employment after two years, above the 15 "
              "that programmes of the kind reach (Card, Kluve & Weber 2018); at 0.1, 14; "
              "most of the effect comes from the childcare the placement arranges)",
              "Probability that the host employer offers a paid job in the last month of a "
              "placement.", unit="probability", kind="uncertainty",
              calibrated_to=("work_experience_participant_effect",),
              doc_nl=("Kans dat de werkgever in de laatste maand van de werkervaringsplaats een "
                      "betaalde baan aanbiedt."),
              unit_nl="kans",
              source_nl=("aanname; 004:1106, 004:1336: als een werkervaringsplaats goed bevalt, is"
                         " doorstroom naar regulier werk vaak mogelijk; de standaardwaarde is "
                         "gekozen met het oog op de toets (bij 0,3 werkten deelnemers na twee jaar"
                         " 16 procentpunt vaker, meer dan de 15 die programma's van deze soort "
                         "halen (Card, Kluve & Weber 2018); bij 0,1 14; het effect komt vooral van"
                         " de kinderopvang die de plaatsing regelt)")),
        factor("search_factor", 0.7, (0.4, 1.0),
               ASSUMPTION + "; participants of labour-market programmes often find work "
               "less often while they take part (lock-in; Card, Kluve & Weber 2018)",
               "Chance of an offer from another employer while on a placement, relative to "
               "without (the host's own offer is apart).",
               doc_nl=("Kans op een aanbod van een andere werkgever tijdens de "
                       "werkervaringsplaats, vergeleken met zonder (het aanbod van de eigen "
                       "werkgever niet meegerekend)."),
               unit_nl="factor",
               source_nl=("aanname; deelnemers aan re-integratieprogramma's vinden tijdens "
                          "deelname vaak minder vaak werk (lock-in-effect; Card, Kluve & Weber "
                          "2018)")),
        Parameter("case_on_hold", False, "flag", None,
                  "004:1106: the coach can keep the case file on hold for some months after "
                  "a job start",
                  "A mother on a placement knows her case file would be kept on hold after a "
                  "job start, so that the step off assistance feels safer.", kind="lever",
                  type=bool,
                  doc_nl=("Een moeder op een werkervaringsplaats weet dat haar dossier na de start"
                          " van een baan enkele maanden on hold blijft, zodat de stap uit de "
                          "bijstand veiliger voelt."),
                  unit_nl="ja/nee",
                  source_nl=("004:1106: de werkcoach kan het dossier na de start van een baan "
                             "enkele maanden on hold zetten")),
        factor("on_hold_acceptance_factor", 1.2, (1.0, 1.5),
               ASSUMPTION + "; 004:1106: a file on hold can make participants dare the step "
               "to work",
               "Chance of accepting an offer that ends assistance with the file on hold, "
               "relative to without.",
               doc_nl=("Kans dat zij een baan aanneemt waarmee zij uit de bijstand gaat als haar "
                       "dossier on hold blijft, vergeleken met zonder."),
               unit_nl="factor",
               source_nl=("aanname; 004:1106: een dossier on hold kan deelnemers de stap naar werk"
                          " gemakkelijker laten zetten")),
        hazard("dropout_hazard", 0.04, (0.01, 0.1),
               ASSUMPTION + "; 004:963: the host tolerates a bad day, a paid job would not",
               "Monthly probability of leaving a placement early (besides losing childcare).",
               kind="uncertainty",
               doc_nl=("Kans per maand dat een moeder voortijdig stopt (naast het wegvallen van "
                       "kinderopvang)."),
               unit_nl="kans per maand",
               source_nl=("aanname; 004:963: op de werkervaringsplaats mag het een keer misgaan, "
                          "bij een betaalde baan niet")),
        Parameter("cost_per_place_month_eur", 600.0, "EUR per place per month",
                  (300.0, 1500.0), ASSUMPTION + ": the employer's guidance and the "
                  "municipality's support", "Cost of a place in use for a month.",
                  bounds=(0.0, 1e7),
                  doc_nl="Kosten van een bezette plaats per maand.",
                  unit_nl="euro per plaats per maand",
                  source_nl=("aanname: de begeleiding door de werkgever en de ondersteuning door "
                             "de gemeente")),
        Parameter("childcare_cost_per_hour_eur", 10.0, "EUR per hour", (8.0, 12.0),
                  ASSUMPTION + ": about the maximum hourly rate of the childcare allowance "
                  "(2025); the municipality pays it for a mother on a placement",
                  "Cost of an hour of formal childcare during a placement.",
                  bounds=(0.0, 1e4),
                  doc_nl="Kosten van een uur formele kinderopvang tijdens de werkervaringsplaats.",
                  unit_nl="euro per uur",
                  source_nl=("aanname: ongeveer de maximale uurprijs van de kinderopvangtoeslag "
                             "(2025); de gemeente betaalt die voor een moeder op een "
                             "werkervaringsplaats")),
    ))

    metrics = (
        Metric("work_experience_active", "mothers", "Mothers on a placement now.",
               reach=True, kind="stock"),
        Metric("work_experience_reached", "mothers", "Mothers who have started a placement.",
               kind="stock"),
        Metric("work_experience_waiting", "mothers",
               "Mothers on the waiting list for a place.", kind="stock"),
        Metric("work_experience_waiting_childcare", "mothers",
               "Mothers matched to a place whose childcare is being arranged.", kind="stock"),
        Metric("work_experience_started", "mothers", "Placements started this month.", kind="flow"),
        Metric("work_experience_to_work", "mothers",
               "Placements that ended this month because she started paid work.", kind="flow"),
        Metric("work_experience_care_lapsed", "mothers",
               "Matches that lapsed (no childcare in time) or placements ended by lost "
               "childcare this month.", kind="flow"),
        cost_metric("Places in use and formal childcare for their hours."),
    )
    zero: ClassVar[dict[str, Any]] = {"places": 0}
    state = (
        State("wait_since", np.int32, NEVER, "on the waiting list since"),
        State("asked", np.bool_, False, "asked for by a programme"),
        State("matched", np.int32, NEVER, "place held since (no care yet)"),
        State("started", np.int32, NEVER, "current placement's start"),
        State("ever", np.bool_, False, "ever placed"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    wait_since: np.ndarray
    asked: np.ndarray
    matched: np.ndarray
    started: np.ndarray
    ever: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(("started", "to_work", "care_lapsed"), 0)
        self.formal_users = 0

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.started != NEVER)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever)

    # ---- the service other programmes use ------------------------------------------------------
    def request(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        """Put ``ids`` on the waiting list (those on assistance, not in work, not already
        waiting, matched or placed, and never placed before); returns who was added."""
        if self.params.places == 0:
            return ids[:0]
        m = ctx.mothers
        ids = np.unique(np.asarray(ids, dtype=np.int64))
        ok = ((m.status[ids] == Status.ON_ASSISTANCE) & ~m.parttime[ids] & ~self.ever[ids]
              & (self.wait_since[ids] == NEVER) & (self.matched[ids] == NEVER))
        ids = ids[ok]
        self.wait_since[ids] = ctx.month
        self.asked[ids] = True
        return ids

    # ---- the month -------------------------------------------------------------------------------
    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        p = self.params
        if p.places == 0:
            return
        m, t = ctx.mothers, ctx.month
        self._end_placements(ctx)
        # Mothers who left assistance or started part-time work leave the list.
        for state in (self.wait_since, self.matched):
            held = np.flatnonzero(state != NEVER)
            gone = held[(m.status[held] != Status.ON_ASSISTANCE) | m.parttime[held]]
            state[gone] = NEVER
            self.asked[gone] = False
        if not p.programme_only:
            self._refer(ctx)
        self._match(ctx)
        self._start(ctx)
        # In the last month the host employer may offer a paid job.
        on = self.participants(ctx)
        last = on[t - self.started[on] == p.months - 1]
        ctx.scale("mod_offer", on, p.search_factor)
        ctx.floor_offer(last, p.job_offer_chance)
        if p.case_on_hold:
            ctx.scale("mod_accept_leaving", on, p.on_hold_acceptance_factor)
        ctx.raise_ladder(on, UNPAID_WORK)

    def _end_placements(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        on = self.participants(ctx)
        if len(on) == 0:
            return
        left = (m.status[on] != Status.ON_ASSISTANCE) | m.parttime[on]
        working = (m.status[on] == Status.IN_WORK) | m.parttime[on]
        done = t - self.started[on] >= p.months
        no_care = ctx.needs_care(on) & (m.childcare_place[on] < 0) & ~m.informal_care[on]
        stay = on[~left & ~done & ~no_care]
        drop = stay[ctx.uniform("dropout", stay) < p.dropout_hazard]
        end = np.concatenate([on[left | done | no_care], drop])
        self.started[end] = NEVER
        self.counts["to_work"] += int(np.count_nonzero(left & working))
        self.counts["care_lapsed"] += int(np.count_nonzero(no_care & ~left & ~done))

    def _refer(self, ctx: PolicyContext) -> None:
        """Coaches refer eligible mothers they met last month."""
        m, p, t = ctx.mothers, self.params, ctx.month
        on = ctx.on_assistance()
        ok = (~m.parttime[on] & ~m.exempt[on] & (m.ladder[on] >= p.min_ladder_step)
              & (m.last_contact[on] == t - 1) & ~self.ever[on]
              & (self.wait_since[on] == NEVER) & (self.matched[on] == NEVER)
              & (self.started[on] == NEVER))
        cand = on[ok]
        cand = cand[ctx.target_group(cand, p.max_child_age_months, include_pregnant=False)]
        refer = cand[ctx.uniform("refer", cand) < p.referral_per_contact]
        self.wait_since[refer] = t

    def _match(self, ctx: PolicyContext) -> None:
        """Free places go to the waiting list in order; care is arranged for the matched."""
        m, p, t = ctx.mothers, self.params, ctx.month
        held = np.flatnonzero(self.matched != NEVER)
        free = p.places - len(self.participants(ctx)) - len(held)
        waiting = np.flatnonzero(self.wait_since != NEVER)
        if free <= 0 or len(waiting) == 0:
            return
        first = self.asked[waiting] if p.programme_first else np.zeros(len(waiting), bool)
        order = np.lexsort((ctx.uniform("priority", waiting), self.wait_since[waiting], ~first))
        got = waiting[order][:free]
        self.wait_since[got] = NEVER
        self.asked[got] = False
        self.matched[got] = t
        # The placement agreement gets childcare arranged fast (004:969): registered with
        # the registration lag waived, and she asks her network (flexible hours, 004:957).
        need = got[ctx.needs_care(got) & (m.childcare_place[got] < 0) & ~m.informal_care[got]]
        ctx.register_for_childcare(need, since=t - ctx.params.childcare_registration_lag_months)
        ctx.arrange_informal_care(need, flexible=True)

    def _start(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        held = np.flatnonzero(self.matched != NEVER)
        care = ~ctx.needs_care(held) | (m.childcare_place[held] >= 0) | m.informal_care[held]
        start = held[care]
        lapse = held[~care & (t - self.matched[held] >= p.care_wait_months)]
        self.matched[start] = NEVER
        self.matched[lapse] = NEVER
        self.started[start] = t
        self.ever[start] = True
        self.counts["started"] += len(start)
        self.counts["care_lapsed"] += len(lapse)

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        self.formal_users = 0
        if self.params.places:
            m = ctx.mothers
            on = self.participants(ctx)
            # A placement holds her at step 4 for its duration (a setback month included).
            still = on[(m.status[on] == Status.ON_ASSISTANCE) & ~m.parttime[on]]
            ctx.raise_ladder(still, UNPAID_WORK)
            self.formal_users = int(np.count_nonzero(
                ctx.needs_care(on) & (m.childcare_place[on] >= 0)))
        return self.report(ctx)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p = self.params
        active = len(self.participants(ctx))
        childcare = (self.formal_users * p.hours_per_week * ctx.params.weeks_per_month
                     * p.childcare_cost_per_hour_eur)
        return {
            "work_experience_active": active,
            "work_experience_reached": int(self.ever.sum()),
            "work_experience_waiting": int(np.count_nonzero(self.wait_since != NEVER)),
            "work_experience_waiting_childcare": int(np.count_nonzero(self.matched != NEVER)),
            "work_experience_started": self.counts["started"],
            "work_experience_to_work": self.counts["to_work"],
            "work_experience_care_lapsed": self.counts["care_lapsed"],
            "cost_eur": float(active * p.cost_per_place_month_eur + childcare),
        }


def request_placement(ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
    """Ask the scenario's work-experience places for a placement for ``ids``.

    For another programme (an internship of a group trajectory, a coach's plan): the
    mothers join the waiting list of the scenario's ``work_experience`` module, ahead of
    coaches' referrals when its ``programme_first`` is set, and are placed as places free
    up and childcare is in place. Mothers not on assistance, in part-time work, already
    waiting or placed, or placed before are left out.

    Args:
        ctx: The asking policy's context.
        ids: Mothers to place.

    Returns:
        The ids put on the waiting list (none when the scenario has no work-experience
        places, or 0 places).
    """
    for policy in ctx.policies_named(WorkExperience.name):
        if isinstance(policy, WorkExperience):
            return policy.request(ctx, np.asarray(ids, dtype=np.int64))
    return np.zeros(0, dtype=np.int64)
