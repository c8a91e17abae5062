"""Informal support: a trained volunteer visits a mother at home (*De kracht van het gewone*).

One module for the practices of source 002 that reach mothers like ours; a scenario sets
the practice's design:

- *Home-Start* (002:1591-1638): a volunteer visits a family with a child of 0-6 about
  2.5 hours a week for some months up to a year; less stress, more confidence, a
  temporary extension of her network;
- *Moeders informeren Moeders* (002:1894-1939): volunteer mothers visit (expecting)
  mothers of a first child of 0-18 months with little support from their network, monthly,
  for about a year; at meetings she gets to know other mothers;
- *Duo-coaching* (002:567-676): a family coach and a volunteer together, for families who
  distrust services: trust first, then problems are told and help is taken up;
- *Eigen Toekomst Plan* (002:729-859): a volunteer coach helps a parent bring 3-10 people
  of her own network together to agree who does what.

Mothers on assistance in the target group are referred or sign up and join a waiting list
(first come, first served; some give up). A coordinator matches them with a free
volunteer, within the number of matches the municipality commissions a year
(002:1638). For the months of the match the volunteer visits: each visit closes part of
the gap to full trust in services and to full confidence (partly for good) and takes away
part of her stress; the volunteer counts as a (weighted) supportive tie in the push up the
ladder; and in a month of visits she tells what holds her back as far as her trust allows,
with a share of a coach contact's chance (``ctx.disclose``), so barriers are found and
referrals taken up. A volunteer does not take on childcare for a job (the sources describe
activities together, not care). At the end of a completed match some of the people she
was brought into contact with (other mothers, her own network activated) stay as lasting
supportive ties, which can take on informal care when a job needs it and push her up the
ladder. Matches end early when she drops out or leaves the followed population. Costs:
coordinator hours per match (intake and matching, then supervision), a professional's hours
in a duo, volunteer expenses per match and recruitment and training per volunteer.

None of the sources gives an effect size: every effect is a declared uncertainty.
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
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, longest_waiting, register
from simulate.policies.context import PolicyContext
from simulate.states import Status
from simulate.steps.ladder import network_push

NEVER = -1
FOLLOWED = (Status.ON_ASSISTANCE, Status.IN_WORK)


@register
class InformalSupport(Policy):
    """Volunteers matched with mothers for home visits: trust, confidence, stress, ties."""

    name = "informal_support"
    title = "informal support by volunteers"
    title_nl = "informele steun door vrijwilligers"
    parameters = ParameterSet((
        # ---- levers: what the municipality commissions ----------------------------------
        count("volunteers", 20, (0, 100),
              "002:1638: the number of families a year needs a matching number of volunteers",
              "Active volunteers (the programme's capacity).", unit="volunteers",
              kind="lever",
              doc_nl="Actieve vrijwilligers (de capaciteit van het programma).",
              unit_nl="vrijwilligers",
              source_nl=("002:1638: het aantal gezinnen per jaar vraagt een evenredig aantal "
                         "vrijwilligers")),
        count("families_per_volunteer", 1, (1, 3), ASSUMPTION + "; 002:1593: one family visited "
              "at home", "Families a volunteer supports at a time.", lo=1, hi=20,
              unit="families per volunteer", kind="lever",
              doc_nl="Gezinnen die een vrijwilliger tegelijk ondersteunt.",
              unit_nl="gezinnen per vrijwilliger",
              source_nl="aanname; 002:1593: de vrijwilliger bezoekt één gezin thuis"),
        count("matches_per_year", 30, (10, 120),
              "002:1638: Delft commissioned 30 families in 2023, The Hague 40-50; 002:1896: "
              "Moeders informeren Moeders supported 104 and 119 mothers in two towns in 2022",
              "New matches the municipality commissions a year.", unit="matches per year",
              kind="lever",
              doc_nl="Nieuwe koppelingen die de gemeente per jaar inkoopt.",
              unit_nl="koppelingen per jaar",
              source_nl=("002:1638: Delft kocht in 2023 30 gezinnen in, Den Haag 40-50; 002:1896: "
                         "Moeders informeren Moeders ondersteunde in 2022 104 en 119 moeders in "
                         "twee gemeenten")),
        count("months", 12, (3, 18), "002:1593: some months up to a year",
              "Months of a match.", lo=1, hi=60, unit="months", kind="lever",
              doc_nl="Duur van een koppeling.",
              unit_nl="maanden",
              source_nl="002:1593: enkele maanden tot maximaal een jaar"),
        amount("visits_per_month", 4.33, (1.0, 4.33),
               "002:1593: about 2.5 hours a week (Home-Start); 002:1933: at least once a month "
               "(Moeders informeren Moeders)", "Home visits a month during a match.",
               lo=0.0, hi=31.0, unit="visits per month", kind="lever",
               doc_nl="Huisbezoeken per maand tijdens een koppeling.",
               unit_nl="bezoeken per maand",
               source_nl=("002:1593: zo'n 2,5 uur per week (Home-Start); 002:1933: minstens eens "
                          "per maand (Moeders informeren Moeders)")),
        count("max_child_age_months", 72, (18, 216), "002:1591: children of 0-6, from the start "
              "of pregnancy", "Eligible with a youngest child under this age.", lo=0, hi=216,
              unit="months", kind="lever",
              doc_nl="Doelgroep: jongste kind jonger dan deze leeftijd.",
              unit_nl="maanden",
              source_nl=("002:1591: kinderen van 0 tot en met 6 jaar, vanaf het begin van de "
                         "zwangerschap")),
        Parameter("include_pregnant", True, "flag", None,
                  "002:1591, 002:1939: mothers may start during pregnancy",
                  "Pregnant women are eligible.", kind="lever", type=bool,
                  doc_nl="Zwangere vrouwen horen bij de doelgroep.",
                  unit_nl="ja/nee",
                  source_nl=("002:1591, 002:1939: moeders kunnen al tijdens de zwangerschap "
                             "beginnen")),
        Parameter("first_child_only", False, "flag", None,
                  "002:1939: Moeders informeren Moeders is for mothers of a first child",
                  "Only mothers expecting or raising their first child are eligible.",
                  kind="lever", type=bool,
                  doc_nl="Alleen voor moeders die hun eerste kind verwachten of opvoeden.",
                  unit_nl="ja/nee",
                  source_nl=("002:1939: Moeders informeren Moeders is voor moeders met een eerste "
                             "kind")),
        share("max_trust_services", 1.0, (0.3, 1.0),
              "002:607: Duo-coaching is for families reluctant to approach services",
              "Eligible only with trust in services at or below this (1: everyone).",
              unit="trust (0-1)", kind="lever",
              doc_nl=("Alleen voor moeders met hoogstens dit vertrouwen in hulpverlening (1: "
                      "iedereen)."),
              unit_nl="vertrouwen (0-1)",
              source_nl=("002:607: Duo-coaching is voor gezinnen die terughoudend zijn om zelf "
                         "hulp te zoeken")),
        count("max_network_ties", 100, (1, 100),
              "002:1894: Moeders informeren Moeders is for mothers with little support from "
              "their network", "Eligible only with at most this many supportive ties "
              "(100: everyone).", unit="ties", kind="lever",
              doc_nl=("Alleen voor moeders met hoogstens zoveel steunende contacten (100: "
                      "iedereen)."),
              unit_nl="contacten",
              source_nl=("002:1894: Moeders informeren Moeders is voor moeders met weinig steun "
                         "uit hun netwerk")),
        count("network_people", 2, (0, 10),
              ASSUMPTION + "; 002:1919: she gets to know other mothers; 002:1651: contacts "
              "with others; 002:859: an Eigen Toekomst Plan gathers 3 to 10 people",
              "People of her own network activated, or other mothers she is brought into "
              "contact with, during a match.", lo=0, hi=50, unit="people", kind="lever",
              doc_nl=("Mensen uit haar eigen netwerk die in actie komen, of andere moeders met wie"
                      " ze in contact wordt gebracht, tijdens een koppeling."),
              unit_nl="personen",
              source_nl=("aanname; 002:1919: ze leert andere moeders kennen; 002:1651: contacten "
                         "met anderen; 002:859: een Eigen Toekomst Plan brengt 3 tot 10 mensen bij"
                         " elkaar")),
        amount("professional_hours_per_match_month", 0.0, (0.0, 4.0),
               "002:611: in Duo-coaching a family coach takes part in the conversations",
               "Hours a professional spends on a match a month (0: volunteer only).",
               unit="hours per match per month", kind="lever",
               doc_nl=("Uren per maand die een professional aan een koppeling besteedt (0: alleen "
                       "een vrijwilliger)."),
               unit_nl="uur per koppeling per maand",
               source_nl="002:611: bij Duo-coaching gaat een gezinscoach mee in gesprek"),
        # ---- uncertainties: what nobody controls --------------------------------------------
        hazard("signup_per_month", 0.01, (0.003, 0.04),
               ASSUMPTION + "; 002:1591: referred by youth health nurses and others, or self",
               "Monthly probability that an eligible mother not yet served is referred or "
               "signs up.", kind="uncertainty",
               doc_nl=("Kans per maand dat een moeder uit de doelgroep die nog geen steun kreeg "
                       "wordt aangemeld of zich aanmeldt."),
               unit_nl="kans per maand",
               source_nl=("aanname; 002:1591: aangemeld door jeugdverpleegkundigen en anderen, of "
                          "door de ouders zelf")),
        hazard("give_up_per_month", 0.1, (0.0, 0.3), ASSUMPTION,
               "Monthly probability that a mother on the waiting list gives up.",
               kind="uncertainty",
               doc_nl="Kans per maand dat een moeder op de wachtlijst afhaakt.",
               unit_nl="kans per maand",
               source_nl=ASSUMPTION_NL),
        hazard("dropout_per_month", 0.03, (0.0, 0.08),
               ASSUMPTION + "; 002:1680: a relationship needs months of weekly visits",
               "Monthly probability that a match ends early.", kind="uncertainty",
               doc_nl="Kans per maand dat een koppeling voortijdig stopt.",
               unit_nl="kans per maand",
               source_nl="aanname; 002:1680: een relatie vraagt maandenlang wekelijkse bezoeken"),
        share("trust_gain_per_visit", 0.02, (0.0, 0.06),
              ASSUMPTION + "; 002:601: distrust of services is taken away; 002:1651: she is "
              "helped to use services in the neighbourhood",
              "Share of the gap to full trust in services closed per visit.",
              unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in hulpverlening dat een bezoek"
                      " overbrugt."),
              unit_nl="deel van de afstand",
              source_nl=("aanname; 002:601: wantrouwen richting hulpverlening wordt weggenomen; "
                         "002:1651: ze wordt geholpen voorzieningen in de wijk te gebruiken")),
        share("confidence_gain_per_visit", 0.02, (0.0, 0.06),
              ASSUMPTION + "; 002:1601, 002:1671, 002:1894: volunteers strengthen parents' "
              "confidence", "Share of the gap to full confidence closed per visit.",
              unit="share of gap", kind="uncertainty",
              doc_nl="Deel van de afstand tot volledig zelfvertrouwen dat een bezoek overbrugt.",
              unit_nl="deel van de afstand",
              source_nl=("aanname; 002:1601, 002:1671, 002:1894: vrijwilligers versterken het "
                         "zelfvertrouwen van ouders")),
        share("durable_share", 0.3, (0.0, 1.0), ASSUMPTION,
              "Share of the trust and confidence gained that becomes her own lasting level.",
              kind="uncertainty",
              doc_nl=("Deel van het gewonnen vertrouwen en zelfvertrouwen dat blijvend haar eigen "
                      "niveau wordt."),
              unit_nl="aandeel",
              source_nl=ASSUMPTION_NL),
        share("stress_relief_per_visit", 0.03, (0.0, 0.1),
              ASSUMPTION + "; 002:1610: parents have less parenting stress",
              "Share of her stress taken away per visit.", unit="share of stress",
              kind="uncertainty",
              doc_nl="Deel van haar stress dat een bezoek wegneemt.",
              unit_nl="deel van de stress",
              source_nl="aanname; 002:1610: ouders hebben minder opvoedstress"),
        share("volunteer_tie_weight", 0.5, (0.0, 1.0),
              ASSUMPTION + "; 002:1651, 002:1966: the volunteer is a temporary extension of "
              "her network", "How much the volunteer counts as a supportive tie in the push up "
              "the ladder during a match.", unit="ties", kind="uncertainty",
              doc_nl=("Hoe zwaar de vrijwilliger tijdens de koppeling telt als steunend contact "
                      "bij het stijgen op de participatieladder."),
              unit_nl="contacten",
              source_nl=("aanname; 002:1651, 002:1966: de vrijwilliger is een tijdelijke "
                         "uitbreiding van haar netwerk")),
        share("disclosure_factor", 0.2, (0.0, 1.0),
              ASSUMPTION + "; 002:1593: now and then referred on to further help; 002:639: "
              "problems are raised once there is trust",
              "Chance that barriers are told and referrals taken up in a month of visits, "
              "relative to a coach contact's.", unit="multiplier", kind="uncertainty",
              doc_nl=("Kans dat in een maand met bezoeken belemmeringen ter sprake komen en "
                      "verwijzingen worden opgevolgd, ten opzichte van een gesprek met de "
                      "klantmanager."),
              unit_nl="factor",
              source_nl=("aanname; 002:1593: een enkele keer doorverwezen naar vervolghulp; "
                         "002:639: problemen komen ter sprake als er vertrouwen is")),
        share("lasting_tie_share", 0.3, (0.05, 0.6),
              ASSUMPTION + "; 002:852: the network is often extended for the longer term; "
              "002:1667: other parents, friends or family support her once it stops",
              "Share of the people activated who stay a supportive tie after a completed "
              "match.", kind="uncertainty",
              doc_nl=("Deel van de mensen die in actie kwamen dat na een afgeronde koppeling een "
                      "steunend contact blijft."),
              unit_nl="aandeel",
              source_nl=("aanname; 002:852: het netwerk wordt vaak voor langere termijn vergroot; "
                         "002:1667: andere ouders, vrienden of familie steunen haar als het stopt")),
        # ---- cost drivers -----------------------------------------------------------------
        amount("intake_hours_per_match", 6.0, (3.0, 12.0),
               ASSUMPTION + "; 002:1628, 002:1634: the coordinator's intake at home, choice of "
               "volunteer and introduction", "Coordinator hours to start a match.",
               unit="hours per match", kind="uncertainty",
               doc_nl="Uren van de coördinator om een koppeling te starten.",
               unit_nl="uur per koppeling",
               source_nl=("aanname; 002:1628, 002:1634: kennismakingsgesprek van de coördinator "
                          "thuis, keuze van de vrijwilliger en koppeling")),
        amount("coordination_hours_per_match_month", 1.5, (0.5, 3.0),
               ASSUMPTION + "; 002:1626, 002:1634: supervision, intervision and evaluations",
               "Coordinator hours a month per running match.",
               unit="hours per match per month", kind="uncertainty",
               doc_nl="Uren van de coördinator per lopende koppeling per maand.",
               unit_nl="uur per koppeling per maand",
               source_nl=("aanname; 002:1626, 002:1634: begeleiding, intervisie en "
                          "evaluatiegesprekken")),
        amount("staff_cost_per_hour_eur", 75.0, (50.0, 100.0),
               ASSUMPTION + "; 002:1623: the coordinator is a paid hbo/wo professional",
               "Cost of an hour of a coordinator or professional.", unit="EUR per hour",
               kind="uncertainty",
               doc_nl="Kosten van een uur van een coördinator of professional.",
               unit_nl="euro per uur",
               source_nl="aanname; 002:1623: de coördinator is een betaalde hbo/wo-professional"),
        amount("volunteer_expenses_per_match_month_eur", 25.0, (0.0, 60.0), ASSUMPTION,
               "Volunteer expenses (travel, activities) per running match.",
               unit="EUR per match per month", kind="uncertainty",
               doc_nl="Onkosten van de vrijwilliger (reizen, activiteiten) per lopende koppeling.",
               unit_nl="euro per koppeling per maand",
               source_nl=ASSUMPTION_NL),
        amount("cost_per_volunteer_per_year_eur", 400.0, (150.0, 1000.0),
               ASSUMPTION + "; 002:1618: recruitment, training, a certificate of conduct, "
               "intervision", "Recruiting, training and keeping a volunteer.",
               unit="EUR per volunteer per year", kind="uncertainty",
               doc_nl="Werving, training en begeleiding van een vrijwilliger.",
               unit_nl="euro per vrijwilliger per jaar",
               source_nl=("aanname; 002:1618: werving, training, een Verklaring Omtrent Gedrag, "
                          "intervisie")),
    ))

    metrics = (
        Metric("informal_support_active", "mothers", "Mothers matched with a volunteer now.",
               reach=True, kind="stock"),
        Metric("informal_support_waiting", "mothers",
               "Mothers on the waiting list for a volunteer.", kind="stock"),
        Metric("informal_support_new_matches", "mothers", "Matches started this month.",
               kind="flow"),
        Metric("informal_support_reached", "mothers", "Mothers ever matched so far.", kind="stock"),
        Metric("informal_support_completed", "mothers", "Matches completed this month.",
               kind="flow"),
        Metric("informal_support_barriers_told", "barriers",
               "Barriers found through the visits this month.", kind="flow"),
        Metric("informal_support_referrals_taken_up", "referrals",
               "Referrals to help taken up through the visits this month.", kind="flow"),
        Metric("informal_support_new_ties", "ties",
               "Lasting supportive ties left by matches completed this month.", kind="flow"),
        cost_metric("Coordination per match, a professional's hours, volunteer expenses and "
                    "volunteers' recruitment and training."),
    )
    zero: ClassVar[dict[str, Any]] = {"volunteers": 0}
    state = (
        State("start", np.int64, NEVER, "month of the current match"),
        State("waiting_since", np.int64, NEVER, "waiting for a volunteer since"),
        State("ever", np.bool_, False, "ever matched"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    start: np.ndarray
    waiting_since: np.ndarray
    ever: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.first_month = ctx.month
        self.started = 0
        self.counts = dict.fromkeys(("new", "completed", "told", "taken", "ties"), 0)

    def _active(self) -> np.ndarray:
        return np.flatnonzero(self.start != NEVER)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self._active()

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever)

    def _eligible(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        """Which of ``ids`` (on assistance) the programme is for."""
        m, p = ctx.mothers, self.params
        ok = ctx.target_group(ids, p.max_child_age_months, p.include_pregnant)
        if p.first_child_only:
            ok &= (m.n_children[ids] == 0) | ((m.n_children[ids] == 1) & ~m.pregnant[ids])
        ok &= m.trust_services[ids] <= p.max_trust_services
        ok &= m.network_ties[ids] <= p.max_network_ties
        return ok

    # ---- the month ------------------------------------------------------------------------------
    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        if self.params.volunteers == 0:
            return
        self._end_matches(ctx)
        self._waiting_list(ctx)
        self._match(ctx)
        self._visit(ctx, self._active())

    def _end_matches(self, ctx: PolicyContext) -> None:
        """Completed matches leave lasting ties; others end on leaving or dropping out."""
        m, p, t = ctx.mothers, self.params, ctx.month
        active = self._active()
        followed = np.isin(m.status[active], FOLLOWED)
        done = active[followed & (t - self.start[active] >= p.months)]
        self.start[active[~followed]] = NEVER
        self.start[done] = NEVER
        self.counts["completed"] = len(done)
        if p.network_people and len(done):
            names = [f"tie:{k}" for k in range(p.network_people)]
            draws = ctx.uniforms(names, done)
            ties = sum((draws[k] < p.lasting_tie_share).astype(np.int16) for k in names)
            ctx.add_ties(done, ties)
            self.counts["ties"] = int(ties.sum())
        running = self._active()
        self.start[running[ctx.uniform("dropout", running) < p.dropout_per_month]] = NEVER

    def _waiting_list(self, ctx: PolicyContext) -> None:
        """Those no longer eligible leave the list, some give up, new mothers sign up."""
        p, t = self.params, ctx.month
        on = ctx.on_assistance()
        eligible = on[self._eligible(ctx, on)]
        waiting = np.flatnonzero(self.waiting_since != NEVER)
        self.waiting_since[waiting[~np.isin(waiting, eligible)]] = NEVER
        waiting = np.flatnonzero(self.waiting_since != NEVER)
        self.waiting_since[waiting[ctx.uniform("give_up", waiting) < p.give_up_per_month]] = NEVER
        new = eligible[~self.ever[eligible] & (self.waiting_since[eligible] == NEVER)]
        self.waiting_since[new[ctx.uniform("signup", new) < p.signup_per_month]] = t

    def _match(self, ctx: PolicyContext) -> None:
        """First come, first served, within free volunteers and the commissioned matches."""
        p, t = self.params, ctx.month
        free = p.volunteers * p.families_per_volunteer - len(self._active())
        commissioned = ((t - self.first_month) * p.matches_per_year) // 12 - self.started
        waiting = np.flatnonzero(self.waiting_since != NEVER)
        new = longest_waiting(waiting, self.waiting_since)[: max(min(free, commissioned), 0)]
        self.start[new] = t
        self.waiting_since[new] = NEVER
        self.ever[new] = True
        self.started += len(new)
        self.counts["new"] = len(new)

    def _visit(self, ctx: PolicyContext, ids: np.ndarray) -> None:
        """A month of visits: trust, confidence, stress, a tie's push, things told."""
        m, p = ctx.mothers, self.params
        visits = p.visits_per_month

        def gain(per_visit: float) -> np.float32:
            return np.float32(1.0 - (1.0 - per_visit) ** visits)

        durable = np.float32(p.durable_share)
        for level, own, per_visit in (("trust_services", "trust_services_own",
                                       p.trust_gain_per_visit),
                                      ("confidence", "confidence_own",
                                       p.confidence_gain_per_visit)):
            gained = ctx.gain(level, ids, gain(per_visit))
            # Her own level may sit above today's (which drifts back up to it): keep it a level.
            ctx.keep(own, ids, durable * gained)
        ctx.relieve_stress(ids, 1 - gain(p.stress_relief_per_visit))
        on = ids[m.status[ids] == Status.ON_ASSISTANCE]
        ties = m.network_ties[on]  # the ladder's own channel: her own ties (steps/ladder.py)
        push = (network_push(ctx.params, ties + p.volunteer_tie_weight)
                / network_push(ctx.params, ties))
        ctx.scale("mod_ladder_up", on, push)
        if p.disclosure_factor > 0 and visits > 0:
            self.counts["told"], self.counts["taken"] = ctx.disclose(on, p.disclosure_factor)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        active = int((self.start != NEVER).sum())
        cost = (c["new"] * p.intake_hours_per_match * p.staff_cost_per_hour_eur
                + active * ((p.coordination_hours_per_match_month
                             + p.professional_hours_per_match_month) * p.staff_cost_per_hour_eur
                            + p.volunteer_expenses_per_match_month_eur)
                + p.volunteers * p.cost_per_volunteer_per_year_eur / 12)
        return {
            "informal_support_active": active,
            "informal_support_waiting": int((self.waiting_since != NEVER).sum()),
            "informal_support_new_matches": c["new"],
            "informal_support_reached": int(self.ever.sum()),
            "informal_support_completed": c["completed"],
            "informal_support_barriers_told": c["told"],
            "informal_support_referrals_taken_up": c["taken"],
            "informal_support_new_ties": c["ties"],
            "cost_eur": float(cost),
        }
