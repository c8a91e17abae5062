"""An idiomatic per-agent Mesa implementation of the engine's monthly rules.

This is the yardstick for the vectorised engine (:mod:`simulate.model`). It implements the
SAME monthly rules, written the way a Mesa model usually is: one Python object per mother,
ordinary attributes, ``if`` statements and one ``random.random()`` per chance event, and
the mothers stepped one at a time through ``AgentSet.shuffle_do``. The rules are
documented where the engine implements them, one module per step, each with a docstring
stating its rules:

========================  =======================================================
``simulate/model.py``     order of the month, the state at month 0
``steps/demography.py``   births, pregnancies, inflow, returns of leavers
``steps/exemptions.py``   exemptions by reason, temporary / long-term reviews
``steps/coaching.py``     contacts and no-shows, trust-dependent disclosure and
                          referral uptake, breaches of the work obligation and
                          sanctions, unmet information duties and stops
``steps/ladder.py``       stress events (also in work), the participation ladder
``steps/jobs.py``         regular and part-time offers (duration dependence, a baby,
                          a recent sanction), employers' risk, the believed net gain,
                          job starts
``steps/childcare.py``    formal places, lasting informal arrangements, breakdowns
``steps/exits.py``        exits to study, a partner's income, other (duration
                          dependence, a coach's appointment)
``steps/job_loss.py``     job loss (higher in part-time work) and the way back
``steps/transitions.py``  leaving assistance, scheduled returns, months on assistance
``population.py``         the mothers' attributes at entry (``draw_mothers``)
========================  =======================================================

The engine draws from keyed random streams; this model draws from Mesa's own generators
(``self.random`` per agent and for the shuffles, ``model.rng`` for counts and
employers), so the two agree in distribution, not draw for draw. It shares only the
attribute generator of new mothers (:func:`simulate.population.draw_mothers`) with the
engine; every monthly rule is re-implemented here per agent. Parameters are plain
attributes (``model.p.lapse_hazard``), as a Mesa model taking them as arguments would hold
them.

``benchmarks/engine.py`` times both; ``tests/test_reference.py`` checks that they give the
same distributions of stock, exits and monthly events. Scope: baseline rules only (no
policies, so no reserved places, peer ties or modifiers), and no burn-in: the run starts
from the initial stock at month 0 whatever ``burn_in_months`` says (compare it with an
engine built with ``burn_in_months: 0``).

The month is staged as the engine's, so that mothers interact as they do there
(vacancies, coaches' caseloads, childcare places):

1. ``demography`` (every mother): births, new pregnancies, scheduled returns; then the
   model adds the month's arrivals, gives waiting mothers a coach, fixes the caseloads
   the contact rates use, and opens the employers' vacancies;
2. ``step`` (every mother): exemptions, a coach's appointment (or a no-show that stops
   the benefit), lapses of either kind, stress events, the ladder, job search or an offer
   of part-time work and the job start, informal care breaking down; then the model hands
   out free childcare places (working mothers first, then first come, first served);
3. ``late_step`` (every mother): registering for a place and trust in formal care,
   exits, the end of follow-up after an exit to work, job loss.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from types import SimpleNamespace

import mesa
import numpy as np

from simulate.parameters import Params
from simulate.population import NEVER, draw_mothers
from simulate.rng import Streams
from simulate.states import (
    LADDER_PARTTIME,
    LADDER_WORK,
    Barrier,
    Education,
    EntryReason,
    ExemptionReason,
    Status,
)

ON, IN_WORK, JOBLESS = Status.ON_ASSISTANCE, Status.IN_WORK, Status.JOBLESS
EXIT_NAMES = {Status.IN_WORK: "work", Status.STUDY: "study", Status.PARTNER: "partner",
              Status.NONCOOPERATION: "noncooperation", Status.OTHER: "other"}
RESOLUTION = ((Barrier.DEBTS, "barrier_debts_resolution"),
              (Barrier.HEALTH, "barrier_health_resolution"),
              (Barrier.LANGUAGE, "barrier_language_resolution"),
              (Barrier.CARE, "barrier_care_resolution"))
# What the history records each month (0 when nothing happened).
EVENTS = ("inflow_new", "inflow_returning", "inflow_transfer",
          *(f"exit_{n}" for n in EXIT_NAMES.values()),
          "births", "exemptions_started", "exemptions_ended", "coach_contacts", "no_shows",
          "barriers_detected", "referrals_taken_up", "barriers_resolved", "lapses",
          "lapses_noticed", "sanctions", "info_lapses", "info_lapses_noticed",
          "stress_events", "ladder_up", "ladder_down",
          "job_offers", "offers_over_vacancies", "offers_declined", "offers_failed_childcare",
          "informal_care_arranged", "informal_care_breakdowns", "job_starts_parttime",
          "exit_work_from_parttime", "exits_under_12m", "exits_36m_plus",
          "childcare_places_allocated", "job_losses", "job_losses_care_breakdown",
          "returns_after_job_loss", "returns_of_leavers")


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


class RefCoach(mesa.Agent):
    """A regular work coach: contacts per month shared over the caseload."""

    def __init__(self, model, contacts_per_month: float, caseload_max: int) -> None:
        super().__init__(model)
        self.contacts_per_month = contacts_per_month
        self.caseload_max = caseload_max
        self.trust_multiplier = 1.0   # trust gained per contact, relative
        self.contact_effect = 1.0     # push up the ladder of a contact, relative
        self.clients = 0              # mothers on assistance with this coach (live)
        self.caseload = 0             # the count the month's contact rates use


class RefEmployer(mesa.Agent):
    def __init__(self, model, share: float, risk: float, flexible: float) -> None:
        super().__init__(model)
        self.share, self.risk, self.flexible = share, risk, flexible
        self.vacancies = 0


class RefMother(mesa.Agent):
    """A mother with ordinary Python attributes, stepped one at a time."""

    def __init__(self, model, attrs: dict) -> None:
        super().__init__(model)
        for key, value in attrs.items():
            setattr(self, key, value.item() if hasattr(value, "item") else value)
        self.barriers_referred = 0
        self.peer_ties = 0
        self.coach: RefCoach | None = None
        self.contacted = False
        self.stress_event = False
        self.care_broke = False
        self.last_step_up = NEVER
        self.last_sanction = NEVER
        self.childcare_place = -1
        self.informal_care = False
        self.parttime = False
        self.job_start = NEVER
        self.earnings = 0.0
        self.exit_month = NEVER
        self.return_month = NEVER

    # ---- helpers ----------------------------------------------------------------------------
    @property
    def followed(self) -> bool:
        return self.status == ON or self.status == IN_WORK

    def has(self, barrier: Barrier) -> bool:
        return bool(self.barriers >> barrier & 1)

    def n_barriers(self) -> int:
        return int(self.barriers).bit_count()

    def child_under(self, months: int) -> bool:
        return self.n_children > 0 and self.model.month - self.youngest_birth_month < months

    def needs_care(self) -> bool:
        """The youngest child is under school age: a job needs childcare."""
        return self.child_under(self.model.p.childcare_need_age_months)

    def arranged_care(self) -> bool:
        return self.childcare_place >= 0 or self.informal_care

    def months_on(self) -> int:
        """Her months on assistance (counted from ``duration_since``)."""
        return self.model.month - self.duration_since

    def duration_factor(self) -> float:
        """Her chance of leaving assistance relative to at the start of her months on
        assistance: it falls towards the floor (duration dependence)."""
        p = self.model.p
        floor = p.duration_dependence_floor
        return floor + (1.0 - floor) * math.exp(-max(self.months_on(), 0)
                                                / p.duration_dependence_months)

    def release_childcare(self) -> None:
        self.childcare_place = -1
        self.queue_since = NEVER
        self.informal_care = False

    def leave(self, status: int) -> None:
        """End the assistance spell (transitions.leave_assistance)."""
        model = self.model
        model.tally["exit_" + EXIT_NAMES[status]] += 1
        if self.months_on() < 12:
            model.tally["exits_under_12m"] += 1
        elif self.months_on() >= 36:
            model.tally["exits_36m_plus"] += 1
        self.status = status
        self.exit_month = model.month
        if self.coach is not None:
            self.coach.clients -= 1
            self.coach = None
        self.exempt = False
        self.parttime = False
        self.last_sanction = NEVER
        self.return_month = NEVER
        if status == IN_WORK:
            self.ladder = LADDER_WORK      # she keeps her childcare for the job
        else:
            self.release_childcare()
            self.earnings, self.job_start = 0.0, NEVER
            self.schedule_return(status)

    def schedule_return(self, status: int) -> None:
        """Whether and when she comes back (transitions.schedule_returns); a leaver who
        will never come back is of no further interest and leaves the model."""
        p, r = self.model.p, self.random
        if status == Status.NONCOOPERATION:
            share, mean = p.return_noncooperation_share, p.return_noncooperation_delay_months
        elif status == JOBLESS:
            share, mean = p.return_after_job_loss, p.return_after_job_loss_delay_months
        else:
            hazard = {Status.STUDY: p.return_study_hazard, Status.PARTNER: p.return_partner_hazard,
                      Status.OTHER: p.return_other_hazard}[status]
            share, mean = 1.0, (1.0 / hazard if hazard > 0 else math.inf)
        self.return_month = NEVER
        if share > 0 and math.isfinite(mean) and r.random() < share:
            # Geometric delay of at least a month with the given mean (inverse CDF).
            q = min(1.0 / max(mean, 1.0), 1.0)
            delay = 1 if q >= 1.0 else max(math.ceil(math.log(1.0 - r.random())
                                                     / math.log1p(-q)), 1)
            if delay <= p.exit_followup_months:
                self.return_month = self.model.month + delay
        if self.return_month == NEVER:
            self.remove()

    def come_back(self) -> None:
        """A new (returning) spell (transitions.return_to_assistance)."""
        p, tally = self.model.p, self.model.tally
        if self.status == JOBLESS:
            tally["returns_after_job_loss"] += 1
            self.ladder = p.job_loss_ladder_step
        else:
            self.ladder = min(self.ladder, LADDER_WORK - 2)
        # After a short break her months on assistance go on counting (the months away do
        # not count); after a longer one they start afresh.
        away = self.model.month - self.exit_month
        if away <= p.duration_break_months:
            self.duration_since += away
        else:
            self.duration_since = self.model.month
        self.status = ON
        self.returning = True
        self.spell_start = self.model.month
        self.job_start, self.earnings = NEVER, 0.0
        self.last_sanction = NEVER
        self.return_month = NEVER
        self.coach = None
        tally["inflow_returning"] += 1
        tally["returns_of_leavers"] += 1

    # ---- stage 1: demography --------------------------------------------------------------
    def demography(self) -> None:
        p, t, r, tally = self.model.p, self.model.month, self.random, self.model.tally
        self.contacted = self.stress_event = self.care_broke = False
        followed = self.followed
        if self.pregnant and self.due_month <= t:
            self.n_children += 1
            self.youngest_birth_month = t
            self.pregnant, self.due_month = False, NEVER
            if followed:
                tally["births"] += 1
        if (followed and not self.pregnant
                and (t - self.birth_month) / 12.0 < p.pregnancy_max_age_years
                and r.random() < p.pregnancy_hazard_per_month):
            self.pregnant, self.due_month = True, t + p.pregnancy_known_months
        if self.return_month == t and self.status != ON:
            self.come_back()

    # ---- stage 2: the month's main rules --------------------------------------------------
    def step(self) -> None:
        if self.status == ON:
            self.exemptions()
            self.meet_coach()
        if self.status == ON:   # not if she missed the appointment and was stopped
            self.lapses()
        if self.followed:
            self.stress_events()
        if self.status == ON:
            if not self.parttime:
                self.move_on_ladder()
            p = self.model.p
            if self.parttime or self.ladder >= min(p.search_min_step, p.parttime_min_step):
                self.search()
        self.childcare_school_age()
        if self.informal_care and self.followed:
            self.informal_breakdown()

    def exemptions(self) -> None:
        p, t, r, tally = self.model.p, self.model.month, self.random, self.model.tally
        young = self.pregnant or self.child_under(p.exemption_child_age_limit_months)
        if not self.exempt:
            # Competing reasons, each with its hazard where it applies.
            u, cum = r.random(), 0.0
            for reason, hazard in (
                    (ExemptionReason.REQUEST, p.exemption_request_hazard if young else 0.0),
                    (ExemptionReason.HEALTH,
                     p.exemption_health_hazard if self.has(Barrier.HEALTH) else 0.0),
                    (ExemptionReason.CARE,
                     p.exemption_care_hazard if self.has(Barrier.CARE) else 0.0),
                    (ExemptionReason.OTHER, p.exemption_other_hazard)):
                cum += hazard
                if u < cum:
                    self.exempt, self.exempt_since, self.exempt_reason = True, t, int(reason)
                    self.exempt_long = r.random() >= p.exemption_temporary_share
                    tally["exemptions_started"] += 1
                    break
            return
        since = t - self.exempt_since
        every = p.exemption_long_review_months if self.exempt_long else p.exemption_review_months
        if since > 0 and since % every == 0:
            holds = {ExemptionReason.REQUEST: young,
                     ExemptionReason.HEALTH: self.has(Barrier.HEALTH),
                     ExemptionReason.CARE: self.has(Barrier.CARE)}.get(self.exempt_reason, True)
            if not (r.random() < p.exemption_renewal_prob and holds):
                self.exempt = False
                tally["exemptions_ended"] += 1

    def meet_coach(self) -> None:
        p, r, tally = self.model.p, self.random, self.model.tally
        coach = self.coach
        if coach is not None:
            rate = coach.contacts_per_month / max(coach.caseload, 1)
            if self.exempt:
                rate *= p.exempt_contact_factor
            if r.random() < 1.0 - math.exp(-rate):
                # An appointment: she may not come and not answer the reminder, and then
                # her benefit is stopped.
                if r.random() < p.no_show_hazard * self.lapse_factor():
                    tally["no_shows"] += 1
                    self.leave(Status.NONCOOPERATION)
                    return
                self.contacted = True
                tally["coach_contacts"] += 1
        if self.contacted:
            gain = min(p.trust_gain_per_contact * coach.trust_multiplier, 1.0)
            self.trust_services += gain * (1.0 - self.trust_services)
            # What she tells and accepts depends on her trust (1 at trust 0.5).
            tell = 1.0 + p.disclosure_trust_effect * (2.0 * self.trust_services - 1.0)
            detect = min(p.barrier_detection_per_contact * tell, 1.0)
            uptake = min(p.referral_uptake_per_contact * tell, 1.0)
            for b in Barrier:
                bit = 1 << b
                if (self.barriers_registered & bit and not self.barriers_referred & bit
                        and r.random() < uptake):
                    self.barriers_referred |= bit
                    tally["referrals_taken_up"] += 1
                if (self.barriers & bit and not self.barriers_registered & bit
                        and r.random() < detect):
                    self.barriers_registered |= bit
                    tally["barriers_detected"] += 1
            if r.random() < p.topup_info_per_contact:
                self.knows_topup = True
        # Only referrals taken up resolve.
        for b, name in RESOLUTION:
            bit = 1 << b
            if self.barriers_referred & bit and r.random() < getattr(p, name):
                self.barriers &= ~bit
                self.barriers_registered &= ~bit
                self.barriers_referred &= ~bit
                tally["barriers_resolved"] += 1
        rev = p.psych_reversion_per_month
        self.trust_services += rev * (self.trust_services_own - self.trust_services)
        self.confidence += rev * (self.confidence_own - self.confidence)

    def lapse_factor(self) -> float:
        """What low trust and stress add to the chance of a lapse or a no-show."""
        p = self.model.p
        return ((1.0 + p.lapse_low_trust_effect * (1.0 - self.trust_services))
                * (1.0 + p.lapse_stress_effect * self.stress))

    def noticed(self, admin_check_rate: float) -> bool:
        """Whether her lapse is noticed: at a contact this month or by a check."""
        p = self.model.p
        if self.contacted:
            notice = 1.0 - (1.0 - p.lapse_notice_per_contact) * (1.0 - admin_check_rate)
        else:
            notice = admin_check_rate
        return self.random.random() < notice

    def lapses(self) -> None:
        """A breach of the work obligation (not if exempt), noticed, brings a sanction; an
        unmet information duty (exempt or not), noticed, stops the benefit."""
        p, t, r, tally = self.model.p, self.model.month, self.random, self.model.tally
        if not self.exempt and r.random() < p.lapse_hazard * self.lapse_factor():
            tally["lapses"] += 1
            if self.noticed(p.lapse_admin_check_rate):
                tally["lapses_noticed"] += 1
                tally["sanctions"] += 1
                self.last_sanction = t
        if r.random() < p.info_lapse_hazard * self.lapse_factor():
            tally["info_lapses"] += 1
            if self.noticed(p.info_admin_check_rate):
                tally["info_lapses_noticed"] += 1
                self.leave(Status.NONCOOPERATION)

    def stress_events(self) -> None:
        """A stress event (a sick child, a crisis) strikes; stress moves to its baseline."""
        p, r = self.model.p, self.random
        chance = p.stress_event_base * (p.stress_event_debt_factor if self.has(Barrier.DEBTS)
                                        else 1.0)
        self.stress_event = r.random() < chance
        baseline = min(self.stress_own + p.stress_barrier_effect * self.n_barriers(), 1.0)
        stress = self.stress + p.stress_recovery_per_month * (baseline - self.stress)
        if self.stress_event:
            stress += p.stress_event_jump * (1.0 - stress)
            self.model.tally["stress_events"] += 1
        self.stress = min(max(stress, 0.0), 1.0)

    def move_on_ladder(self) -> None:
        p, t, r, tally = self.model.p, self.model.month, self.random, self.model.tally
        # Her own supportive ties (peer-group ties act through a programme's modifier).
        full = p.ladder_network_full_ties
        ties = min(self.network_ties, full) / full
        effect = self.coach.contact_effect if self.contacted else 0.0
        floor = p.confidence_floor
        up = (p.ladder_up_base * (floor + self.confidence) / (floor + 0.5)
              * (1.0 + p.ladder_contact_effect * effect)
              * (1.0 + p.ladder_network_effect * ties)
              * (1.0 - p.ladder_barrier_penalty) ** self.n_barriers()
              * (p.ladder_exempt_factor if self.exempt else 1.0))
        up = min(max(up, 0.0), 1.0)
        recent = t - self.last_step_up <= p.fast_change_window_months
        down = (p.ladder_down_base * (1.0 + p.ladder_stress_effect * self.stress)
                * (1.0 + p.ladder_fast_change_effect * recent)
                * (p.ladder_event_down_factor if self.stress_event else 1.0))
        down = min(down, 1.0 - up)
        u = r.random()
        if u < up and self.ladder < LADDER_PARTTIME - 1:
            self.ladder += 1
            self.last_step_up = t
            self.confidence += p.confidence_gain_step_up * (1.0 - self.confidence)
            tally["ladder_up"] += 1
        elif u >= 1.0 - down and self.ladder > 1:
            self.ladder -= 1
            self.confidence *= 1.0 - p.confidence_loss_step_down
            tally["ladder_down"] += 1

    def search(self) -> None:
        """She approaches an employer: a regular job if she searches (the top steps, or in
        part-time work), else part-time work (from parttime_min_step); the employer's
        vacancies, her decision, childcare, the job."""
        model, r = self.model, self.random
        p, t, tally = model.p, model.month, model.tally
        employer = model.employers[min(bisect.bisect_left(model.cum_share, r.random()),
                                       len(model.employers) - 1)]
        edu = {Education.NO_BASIC: p.offer_factor_no_basic, Education.HBO_WO: p.offer_factor_hbo_wo,
               Education.OTHER: p.offer_factor_other_education}.get(self.education, 1.0)
        young = self.needs_care() or self.pregnant
        risk = employer.risk * (p.employer_arranged_care_factor if self.arranged_care() else 1.0)
        floor = p.confidence_floor
        # Her profile: what makes an employer offer her work of either kind.
        profile = (edu
                   * (p.pregnant_search_factor if self.pregnant else 1.0)
                   * (p.infant_search_factor if self.child_under(p.infant_age_months) else 1.0)
                   * (p.offer_factor_language if self.has(Barrier.LANGUAGE) else 1.0)
                   * (p.offer_factor_health if self.has(Barrier.HEALTH) else 1.0)
                   * (1.0 + p.offer_working_tie_effect * min(self.network_working,
                                                             p.offer_working_ties_max))
                   * (floor + self.confidence) / (floor + 0.5)
                   * (1.0 + p.offer_contact_effect if self.contacted else 1.0)
                   * (1.0 - risk if young else 1.0)
                   * self.duration_factor())
        chance = 0.0
        if self.parttime or self.ladder >= p.search_min_step:
            since = t - self.last_sanction
            chance = (p.job_offer_base * profile
                      * (p.exempt_search_factor if self.exempt else 1.0)
                      * (p.parttime_search_factor if self.parttime else 1.0)
                      * (p.sanction_search_effect if 0 <= since < p.sanction_effect_months
                         else 1.0))
        if r.random() < chance:
            small = False           # an offer of a regular job
        elif (not self.parttime and self.ladder >= p.parttime_min_step
              and r.random() < p.parttime_offer_base * profile):
            small = True            # an offer of part-time work
        else:
            return
        if employer.vacancies <= 0:
            tally["offers_over_vacancies"] += 1
            return
        employer.vacancies -= 1
        tally["job_offers"] += 1

        # Part-time work is flexible; a regular job is as often as the employer has it,
        # except for a mother in part-time work, who only takes a regular job.
        flexible = small or (r.random() < employer.flexible and not self.parttime)
        hours = p.parttime_hours_per_week if flexible else p.fulltime_hours_per_week
        earnings = hours * p.weeks_per_month * p.hourly_wage_eur
        top_up = model.benefit(earnings)
        need = self.needs_care()
        # The monthly gain she believes in: net pay, the top-up if she knows it continues,
        # less her income now (the norm, or part-time pay with its top-up) and the extra
        # formal care she would pay for herself.
        now = (p.net_pay_share * self.earnings + model.benefit(self.earnings) if self.parttime
               else p.assistance_norm_eur)
        gain = p.net_pay_share * earnings + (top_up if self.knows_topup else 0.0) - now
        if need and not self.informal_care:
            now_hours = p.parttime_hours_per_week if self.parttime else 0.0
            gain -= (p.childcare_net_cost_eur * (hours - now_hours)
                     / p.childcare_cost_hours_per_week)
        accept = p.offer_acceptance * logistic((gain - p.acceptance_gain_reference_eur)
                                               / p.acceptance_gain_scale_eur)
        if r.random() >= accept:
            tally["offers_declined"] += 1
            return

        care = not need or self.arranged_care() or self.arrange_informal(flexible)
        if not care:
            tally["offers_failed_childcare"] += 1
            self.confidence *= 1.0 - p.confidence_loss_failed_offer
            if (self.queue_since == NEVER and self.childcare_place < 0
                    and r.random() < self.trust_childcare):
                self.queue_since = t
            return
        self.job_start, self.earnings = t, earnings
        if top_up <= 0.0:
            tally["exit_work_from_parttime"] += int(self.parttime)
            self.leave(IN_WORK)
        else:
            self.parttime, self.ladder = True, LADDER_PARTTIME
            tally["job_starts_parttime"] += 1

    def arrange_informal(self, flexible: bool) -> bool:
        """She asks her ties to take on the care; an arrangement, once made, lasts."""
        p = self.model.p
        per_tie = min(p.informal_care_per_tie * (p.flexible_informal_factor if flexible else 1.0),
                      1.0)
        ties = self.network_ties + p.peer_tie_care_weight * self.peer_ties
        if self.random.random() < 1.0 - (1.0 - per_tie) ** ties:
            self.informal_care = True
            self.model.tally["informal_care_arranged"] += 1
            return True
        return False

    def childcare_school_age(self) -> None:
        """A child at school age ends a place, a registration and an informal arrangement."""
        if ((self.childcare_place >= 0 or self.queue_since != NEVER or self.informal_care)
                and not self.needs_care()):
            self.release_childcare()
            self.informal_care = False

    def informal_breakdown(self) -> None:
        p, r = self.model.p, self.random
        chance = min(p.informal_care_breakdown_hazard
                     * (p.informal_breakdown_event_factor if self.stress_event else 1.0), 1.0)
        if r.random() >= chance:
            return
        self.informal_care = False
        self.care_broke = True
        self.model.tally["informal_care_breakdowns"] += 1
        if (self.childcare_place < 0 and self.queue_since == NEVER
                and r.random() < self.trust_childcare):
            self.queue_since = self.model.month

    # ---- stage 3: after childcare places are handed out -------------------------------------
    def late_step(self) -> None:
        p, t, r = self.model.p, self.model.month, self.random
        # Active mothers, and mothers in work without a place, register for one; working
        # mothers on informal care (in work or part-time work) more readily.
        if (self.followed and self.queue_since == NEVER and self.childcare_place < 0
                and (self.status == IN_WORK or self.ladder >= p.childcare_place_min_step)
                and self.needs_care()):
            working = self.status == IN_WORK or self.parttime
            chance = p.childcare_register_prob * self.trust_childcare * (
                p.informal_care_register_factor if self.informal_care and working else 1.0)
            if r.random() < min(chance, 1.0):
                self.queue_since = t
        if self.followed and self.childcare_place >= 0:
            self.trust_childcare += p.childcare_trust_gain_per_month * (1.0 - self.trust_childcare)
        if self.status == ON:
            self.exits()
        if self.status == IN_WORK and t - self.exit_month > p.work_followup_months:
            self.remove()   # no longer followed
            return
        if ((self.status == IN_WORK or (self.status == ON and self.parttime))
                and self.job_start < t):
            self.job_loss()

    def exits(self) -> None:
        p, t, r = self.model.p, self.model.month, self.random
        age = (t - self.birth_month) / 12.0
        # Each hazard falls with her months on assistance; a month with a coach's
        # appointment adds to leaving for other reasons (at most a third, as declared).
        duration = self.duration_factor()
        study = (p.study_exit_hazard
                 * (p.study_young_factor if age < p.study_young_age_years else 1.0)
                 * (p.study_student_finance_factor
                    if self.entry_reason == EntryReason.STUDENT_FINANCE_END else 1.0)
                 * duration)
        partner = p.partner_exit_hazard * duration
        other = min(p.other_exit_hazard
                    * (1.0 + p.contact_exit_effect if self.contacted else 1.0) * duration,
                    1.0 / 3.0)
        u = r.random()
        if u < study:
            self.leave(Status.STUDY)
        elif u < study + partner:
            self.leave(Status.PARTNER)
        elif u < study + partner + other:
            self.leave(Status.OTHER)

    def job_loss(self) -> None:
        p, t, r, tally = self.model.p, self.model.month, self.random, self.model.tally
        tenure = t - self.job_start
        early = 1.0 + p.job_loss_early_factor * math.exp(-tenure / p.job_loss_early_decay_months)
        risk = min(p.job_loss_hazard * early
                   * (p.job_loss_stress_event_factor if self.stress_event else 1.0)
                   * (p.parttime_job_loss_factor if self.parttime else 1.0), 1.0)
        lost = r.random() < risk
        # Informal care broke down this month and no formal place: the job may go.
        by_care = (self.care_broke and self.childcare_place < 0
                   and r.random() < p.job_loss_on_care_breakdown)
        if not (lost or by_care):
            return
        tally["job_losses"] += 1
        tally["job_losses_care_breakdown"] += by_care
        self.earnings, self.job_start = 0.0, NEVER
        if self.status == ON:
            self.parttime = False
            self.ladder = p.job_loss_ladder_step
        else:
            self.status = JOBLESS
            self.release_childcare()
            self.schedule_return(JOBLESS)


class ReferenceModel(mesa.Model):
    """Per-agent twin of :class:`simulate.model.PathwaysModel` (baseline rules, no policies,
    no burn-in).

    Args:
        params: Parameter values (``burn_in_months`` is ignored: the run starts at month 0).
        seed: Seed of Mesa's generators and of the mothers' attributes.
    """

    def __init__(self, params: Params, seed: int = 0) -> None:
        super().__init__(seed=seed)
        self.params = params
        # Plain attributes, as an ordinary Mesa model would hold its parameters.
        self.p = p = SimpleNamespace(**params.to_dict())
        self.month = 0
        self.tally: Counter = Counter()
        # Attributes of new mothers come from the engine's generator (own seed).
        self.population_streams = Streams(seed, 0)
        self.next_id = 0

        contacts = p.coach_hours_per_month * p.coach_client_time_share / p.hours_per_contact
        self.coaches = [RefCoach(self, contacts, p.regular_caseload_max)
                        for _ in range(math.ceil(p.size / p.regular_caseload_target))]
        g, c = self.rng, p.employer_spread

        def beta(mean: float) -> np.ndarray:
            mean = min(max(mean, 1e-6), 1 - 1e-6)
            return g.beta(mean * c, (1 - mean) * c, size=p.employers)

        share = g.dirichlet(np.full(p.employers, p.employer_size_concentration))
        risk, flexible = beta(p.employer_risk_mean), beta(p.employer_flexible_share_mean)
        self.employers = [RefEmployer(self, float(s), float(k), float(f))
                          for s, k, f in zip(share, risk, flexible)]
        self.cum_share = list(np.cumsum(share) / share.sum())
        total = round(p.childcare_places_per_100_mothers * p.size / 100.0)
        base, extra = divmod(total, p.childcare_providers)
        self.places = [base + (i < extra) for i in range(p.childcare_providers)]

        self.add_mothers(p.size, stock=True)
        self.assign_coaches()
        self.allocate_childcare()
        self.history: list[dict[str, int]] = [self.observe()]

    # ---- mothers ------------------------------------------------------------------------------
    @property
    def all_mothers(self) -> mesa.agent.AgentSet:
        """Every mother agent: followed, and leavers whose return is scheduled."""
        return self.agents_by_type[RefMother]

    @property
    def mothers(self) -> list[RefMother]:
        """The mothers followed this month (on assistance or in work), as the engine counts
        agent-months."""
        return [m for m in self.all_mothers if m.followed]

    def add_mothers(self, k: int, stock: bool) -> list[RefMother]:
        if k == 0:
            return []
        ids = np.arange(self.next_id, self.next_id + k)
        self.next_id += k
        attrs = draw_mothers(self.params, self.population_streams, ids, self.month, stock)
        return [RefMother(self, {key: col[i] for key, col in attrs.items()}) for i in range(k)]

    def benefit(self, earnings: float) -> float:
        """Assistance alongside gross ``earnings``: the norm less net pay above the
        disregard."""
        p = self.p
        net = p.net_pay_share * earnings
        kept = min(p.earnings_disregard_rate * net, p.earnings_disregard_cap_eur)
        return max(p.assistance_norm_eur - max(net - kept, 0.0), 0.0)

    # ---- the model's own parts of the month -------------------------------------------------
    def arrivals(self) -> None:
        """The month's inflow from outside (new, returning after an earlier exit, and
        transfers: women on assistance whose pregnancy becomes known)."""
        p, tally = self.p, self.tally
        for mother in self.add_mothers(int(self.rng.poisson(p.inflow_rate_per_month * p.size)),
                                       stock=False):
            if mother.transfer:
                tally["inflow_transfer"] += 1
            elif mother.returning:
                tally["inflow_returning"] += 1
            else:
                tally["inflow_new"] += 1

    def assign_coaches(self) -> None:
        """Mothers without a coach, in order of arrival, go to the least-loaded coach with
        room."""
        waiting = sorted((m for m in self.all_mothers if m.status == ON and m.coach is None),
                         key=lambda m: m.unique_id)
        for mother in waiting:
            coach = min(self.coaches, key=lambda c: c.clients)
            if coach.clients >= coach.caseload_max:
                break
            coach.clients += 1
            mother.coach = coach

    def allocate_childcare(self) -> None:
        """Free places per provider to registered mothers past the registration lag who
        are in work or active enough: working mothers first (in work or in part-time
        work on assistance), then the others; first come, first served within each."""
        p, t = self.p, self.month
        used = [0] * len(self.places)
        for mother in self.all_mothers:
            if mother.childcare_place >= 0:
                used[mother.childcare_place] += 1
        queue = sorted((m for m in self.all_mothers
                        if m.followed and m.queue_since != NEVER and m.childcare_place < 0
                        and m.needs_care()
                        and t - m.queue_since >= p.childcare_registration_lag_months
                        and (m.status == IN_WORK or m.ladder >= p.childcare_place_min_step)),
                       key=lambda m: (not (m.status == IN_WORK or m.parttime),
                                      m.queue_since, m.unique_id))
        for mother in queue:
            if used[mother.provider] < self.places[mother.provider]:
                used[mother.provider] += 1
                mother.childcare_place, mother.queue_since = mother.provider, NEVER
                self.tally["childcare_places_allocated"] += 1

    def step(self) -> None:
        p = self.p
        self.month = self.steps
        self.tally = Counter()
        self.all_mothers.shuffle_do("demography")
        self.arrivals()
        self.assign_coaches()
        for coach in self.coaches:
            coach.caseload = coach.clients
        for employer in self.employers:
            employer.vacancies = int(self.rng.poisson(
                p.vacancies_per_100_mothers * p.size / 100.0 * employer.share))
        self.all_mothers.shuffle_do("step")
        self.allocate_childcare()
        self.all_mothers.shuffle_do("late_step")
        self.history.append(self.observe())

    def observe(self) -> dict[str, int]:
        status = Counter(m.status for m in self.all_mothers)
        parttime = sum(m.status == ON and m.parttime for m in self.all_mothers)
        return {"month": self.month, "on_assistance": status[ON], "in_work": status[IN_WORK],
                "jobless": status[JOBLESS], "parttime_working": parttime,
                **{k: self.tally[k] for k in EVENTS}}
