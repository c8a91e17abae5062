"""An idiomatic per-agent Mesa implementation of the core monthly rules.

This is the yardstick for the vectorised engine (``simulate.model``): the same rules,
written the way a Mesa model usually is, with one ``step()`` per mother called through
``AgentSet.shuffle_do`` and Python's ``random`` for draws. It shares only the population
generator with the engine (so both start from the same mothers); every monthly rule is
re-implemented here per agent. ``benchmarks/engine.py`` times both, and
``tests/test_reference.py`` checks that they give the same stock and exit distributions
within statistical tolerance. No policies: baseline rules only.

Staging follows the engine's month: mothers act (``step``), the model allocates childcare,
then mothers face exits and job loss (``late_step``).
"""

from __future__ import annotations

import math

import mesa
import numpy as np

from simulate.parameters import Params
from simulate.population import NEVER, draw_mothers
from simulate.rng import Streams
from simulate.states import Barrier, Education, EntryReason, Status

EXIT_NAMES = {Status.IN_WORK: "work", Status.STUDY: "study", Status.PARTNER: "partner",
              Status.NONCOOPERATION: "noncooperation", Status.OTHER: "other"}


class RefCoach(mesa.Agent):
    def __init__(self, model, contacts_per_month: float, caseload_max: int) -> None:
        super().__init__(model)
        self.contacts_per_month = contacts_per_month
        self.caseload_max = caseload_max
        self.clients = 0      # live count
        self.caseload = 0     # snapshot at the start of the month's contacts


class RefEmployer(mesa.Agent):
    def __init__(self, model, share, risk, flexible) -> None:
        super().__init__(model)
        self.share, self.risk, self.flexible = share, risk, flexible
        self.vacancies = 0


class RefMother(mesa.Agent):
    """A mother with ordinary Python attributes, stepped one at a time."""

    def __init__(self, model, attrs: dict) -> None:
        super().__init__(model)
        for key, value in attrs.items():
            setattr(self, key, value.item() if hasattr(value, "item") else value)
        self.coach: RefCoach | None = None
        self.childcare_place = -1
        self.months_since_contact = 0
        self.missed_agreements = 0
        self.last_step_up = NEVER
        self.parttime = False
        self.job_start = NEVER
        self.earnings = 0.0

    # ---- helpers ----------------------------------------------------------------------------
    def child_age(self) -> int | None:
        return None if self.n_children == 0 else self.model.month - self.youngest_birth_month

    def needs_care(self) -> bool:
        age = self.child_age()
        return age is not None and age < self.model.p.childcare_need_age_months

    def n_barriers(self) -> int:
        return bin(self.barriers).count("1")

    def has(self, barrier: Barrier) -> bool:
        return bool(self.barriers >> barrier & 1)

    def leave(self, status: Status) -> None:
        model = self.model
        model.tally["exit_" + EXIT_NAMES[status]] += 1
        self.status = status
        if self.coach is not None:
            self.coach.clients -= 1
            self.coach = None
        self.missed_agreements = 0
        self.exempt = False
        self.parttime = False
        if status == Status.IN_WORK:
            self.ladder = 6
            self.exit_month = self.model.month
        else:
            self.childcare_place = -1
            self.queue_since = NEVER
            self.remove()

    # ---- the month, first stage ---------------------------------------------------------------
    def step(self) -> None:
        p, t, r = self.model.p, self.model.month, self.random
        # Demography: births and pregnancies (for mothers who arrived before this month).
        if self.entry_month < t:
            if self.pregnant and self.due_month <= t:
                self.n_children += 1
                self.youngest_birth_month = t
                self.pregnant = False
            young = (t - self.birth_month) / 12.0 < p.pregnancy_max_age_years
            if not self.pregnant and young and r.random() < p.pregnancy_hazard_per_month:
                self.pregnant = True
                self.due_month = t + p.pregnancy_known_months
        if self.status != Status.ON_ASSISTANCE:
            return
        self.exemptions()
        self.contact()
        if self.status != Status.ON_ASSISTANCE:
            return
        self.ladder_move()
        self.search()

    def exemptions(self) -> None:
        p, t, r = self.model.p, self.model.month, self.random
        age = self.child_age()
        young = self.pregnant or (age is not None and age < p.exemption_child_age_limit_months)
        if not self.exempt:
            if young and r.random() < p.exemption_start_hazard_per_month:
                self.exempt, self.exempt_since, self.spell_exempt_ever = True, t, True
        else:
            since = t - self.exempt_since
            if since > 0 and since % p.exemption_review_months == 0:
                if not (r.random() < p.exemption_renewal_prob and young):
                    self.exempt = False

    def contact(self) -> None:
        p, r = self.model.p, self.random
        self.contacted = False
        if self.coach is not None:
            rate = self.coach.contacts_per_month / max(self.coach.caseload, 1)
            if self.exempt:
                rate *= p.exempt_contact_factor
            if r.random() < 1.0 - math.exp(-rate):
                self.contacted = True
                self.model.tally["coach_contacts"] += 1
        if self.contacted:
            self.trust_services += p.trust_gain_per_contact * (1.0 - self.trust_services)
            self.months_since_contact = 0
            self.missed_agreements = 0
            for b in Barrier:
                if self.has(b) and not self.barriers_registered >> b & 1:
                    if r.random() < p.barrier_detection_per_contact:
                        self.barriers_registered |= 1 << b
            if r.random() < p.topup_info_per_contact:
                self.knows_topup = True
        for b, name in ((Barrier.DEBTS, "barrier_debts_resolution"),
                        (Barrier.HEALTH, "barrier_health_resolution"),
                        (Barrier.LANGUAGE, "barrier_language_resolution"),
                        (Barrier.CARE, "barrier_care_resolution")):
            if self.barriers_registered >> b & 1 and r.random() < p[name]:
                self.barriers &= ~(1 << b)
                self.barriers_registered &= ~(1 << b)
        rev = p.psych_reversion_per_month
        self.trust_services += rev * (self.trust_services_own - self.trust_services)
        self.confidence += rev * (self.confidence_own - self.confidence)
        if not self.contacted:
            self.months_since_contact += 1
            if not self.exempt:
                full = p.missed_no_contact_months
                gap = min(self.months_since_contact, full) / full
                miss = (p.missed_agreement_base * (1 + p.missed_no_contact_effect * gap)
                        * (1 + p.missed_low_trust_effect * (1 - self.trust_services)))
                if r.random() < miss:
                    self.missed_agreements += 1
                    if self.missed_agreements >= p.noncooperation_threshold:
                        self.leave(Status.NONCOOPERATION)

    def ladder_move(self) -> None:
        p, t, r = self.model.p, self.model.month, self.random
        chance = p.stress_event_base * (p.stress_event_debt_factor if self.has(Barrier.DEBTS) else 1)
        event = r.random() < chance
        baseline = min(self.stress_own + p.stress_barrier_effect * self.n_barriers(), 1.0)
        stress = self.stress + p.stress_recovery_per_month * (baseline - self.stress)
        if event:
            stress += p.stress_event_jump * (1 - stress)
        self.stress = min(max(stress, 0.0), 1.0)
        if self.parttime:
            return
        ties = (min(self.network_ties + self.peer_ties, p.ladder_network_full_ties)
                / p.ladder_network_full_ties)
        up = (p.ladder_up_base * (0.5 + self.confidence)
              * (1 + p.ladder_contact_effect * self.contacted)
              * (1 + p.ladder_network_effect * ties)
              * (1 - p.ladder_barrier_penalty) ** self.n_barriers()
              * (p.ladder_exempt_factor if self.exempt else 1.0))
        up = min(max(up, 0.0), 1.0)
        recent = (t - self.last_step_up) <= p.fast_change_window_months
        down = (p.ladder_down_base * (1 + p.ladder_stress_effect * self.stress)
                * (1 + p.ladder_fast_change_effect * recent)
                * (p.ladder_event_down_factor if event else 1.0))
        down = min(down, 1.0 - up)
        u = r.random()
        if u < up and self.ladder < 4:
            self.ladder += 1
            self.last_step_up = t
            self.confidence += p.confidence_gain_step_up * (1 - self.confidence)
        elif u >= 1.0 - down and self.ladder > 1:
            self.ladder -= 1
            self.confidence *= 1 - p.confidence_loss_step_down

    def search(self) -> None:
        p, t, r, model = self.model.p, self.model.month, self.random, self.model
        if self.ladder < p.search_min_step:
            return
        u = r.random()
        employer = model.employers[min(np.searchsorted(model.cum_share, u), len(model.employers) - 1)]
        edu = {Education.NO_BASIC: p.offer_factor_no_basic, Education.HBO_WO: p.offer_factor_hbo_wo,
               Education.OTHER: p.offer_factor_other_education}.get(self.education, 1.0)
        young = self.needs_care() or self.pregnant
        chance = (p.job_offer_base * edu
                  * (p.exempt_search_factor if self.exempt else 1.0)
                  * (p.pregnant_search_factor if self.pregnant else 1.0)
                  * (p.parttime_search_factor if self.parttime else 1.0)
                  * (p.offer_factor_language if self.has(Barrier.LANGUAGE) else 1.0)
                  * (p.offer_factor_health if self.has(Barrier.HEALTH) else 1.0)
                  * (1 + p.offer_working_tie_effect * min(self.network_working,
                                                          p.offer_working_ties_max))
                  * (0.5 + self.confidence)
                  * ((1 - employer.risk) if young else 1.0))
        if r.random() >= chance or employer.vacancies <= 0:
            return
        employer.vacancies -= 1
        model.tally["job_offers"] += 1
        flexible = r.random() < employer.flexible and not self.parttime
        hours = p.parttime_hours_per_week if flexible else p.fulltime_hours_per_week
        earnings = hours * p.weeks_per_month * p.hourly_wage_eur
        ends = model.benefit(earnings) <= 0
        believes = ends or self.knows_topup
        if r.random() >= p.offer_acceptance * (1.0 if believes else 1 - p.decline_parttime_unaware):
            return
        care = not self.needs_care() or self.childcare_place >= 0
        if not care:
            per_tie = min(p.informal_care_per_tie * (p.flexible_informal_factor if flexible else 1), 1)
            care = r.random() < 1 - (1 - per_tie) ** (self.network_ties + self.peer_ties)
        if not care:
            self.confidence *= 1 - p.confidence_loss_failed_offer
            if self.queue_since == NEVER and self.childcare_place < 0 and r.random() < self.trust_childcare:
                self.queue_since = t
            return
        self.job_start, self.earnings = t, earnings
        if ends:
            self.leave(Status.IN_WORK)
        else:
            self.parttime, self.ladder = True, 5

    # ---- the month, second stage ----------------------------------------------------------------
    def late_step(self) -> None:
        p, t, r = self.model.p, self.model.month, self.random
        if self.status == Status.ON_ASSISTANCE:
            age = (t - self.birth_month) / 12.0
            study = (p.study_exit_hazard
                     * (p.study_young_factor if age < p.study_young_age_years else 1.0)
                     * (p.study_student_finance_factor
                        if self.entry_reason == EntryReason.STUDENT_FINANCE_END else 1.0))
            u = r.random()
            if u < study:
                return self.leave(Status.STUDY)
            if u < study + p.partner_exit_hazard:
                return self.leave(Status.PARTNER)
            if u < study + p.partner_exit_hazard + p.other_exit_hazard:
                return self.leave(Status.OTHER)
        if self.status == Status.IN_WORK and t - self.exit_month > p.work_followup_months:
            return self.remove()  # no longer followed
        working = self.status == Status.IN_WORK or (
            self.status == Status.ON_ASSISTANCE and self.parttime)
        if not working or self.job_start >= t:
            return
        tenure = t - self.job_start
        risk = min(p.job_loss_hazard * (1 + p.job_loss_early_factor
                                        * math.exp(-tenure / p.job_loss_early_decay_months)), 1)
        if r.random() >= risk:
            return
        if self.status == Status.ON_ASSISTANCE:
            self.parttime, self.ladder, self.earnings, self.job_start = (
                False, p.job_loss_ladder_step, 0.0, NEVER)
        elif r.random() < p.return_after_job_loss:
            self.model.tally["inflow_returning"] += 1
            self.status, self.returning, self.spell_start = Status.ON_ASSISTANCE, True, t
            self.ladder, self.job_start, self.earnings = p.job_loss_ladder_step, NEVER, 0.0
            self.months_since_contact, self.missed_agreements = 0, 0
        else:
            self.remove()


class ReferenceModel(mesa.Model):
    """Per-agent twin of :class:`simulate.model.PathwaysModel` (baseline rules, no policies)."""

    def __init__(self, params: Params, seed: int = 0) -> None:
        super().__init__(seed=seed)
        self.p = p = params
        self.month = 0
        self.tally: dict[str, int] = {}
        # The population generator is shared with the engine: same mothers at the start.
        self.population_streams = Streams(seed, 0)
        self.next_id = 0
        contacts = p.coach_hours_per_month * p.coach_client_time_share / p.hours_per_contact
        self.coaches = [RefCoach(self, contacts, p.regular_caseload_max)
                        for _ in range(math.ceil(p.size / p.regular_caseload_target))]
        g = self.rng
        share = g.dirichlet(np.full(p.employers, p.employer_size_concentration))
        c = p.employer_spread
        risk = g.beta(p.employer_risk_mean * c, (1 - p.employer_risk_mean) * c, p.employers)
        flex = g.beta(p.employer_flexible_share_mean * c,
                      (1 - p.employer_flexible_share_mean) * c, p.employers)
        self.employers = [RefEmployer(self, *x) for x in zip(share, risk, flex)]
        self.cum_share = np.cumsum(share) / share.sum()
        total = round(p.childcare_places_per_100_mothers * p.size / 100.0)
        base, extra = divmod(total, p.childcare_providers)
        self.places = [base + (i < extra) for i in range(p.childcare_providers)]
        self.add_mothers(p.size, stock=True)
        self.assign_coaches()
        self.allocate_childcare()
        self.history: list[dict[str, int]] = [self.observe()]

    @property
    def mothers(self):
        return self.agents_by_type.get(RefMother, [])

    def add_mothers(self, k: int, stock: bool) -> int:
        if k == 0:
            return 0
        ids = np.arange(self.next_id, self.next_id + k)
        self.next_id += k
        attrs = draw_mothers(self.p, self.population_streams, ids, self.month, stock)
        returning = 0
        for i in range(k):
            mother = RefMother(self, {key: col[i] for key, col in attrs.items()})
            mother.peer_ties = 0
            returning += mother.returning
        return returning

    def benefit(self, earnings: float) -> float:
        p = self.p
        kept = min(p.earnings_disregard_rate * earnings, p.earnings_disregard_cap_eur)
        return max(p.assistance_norm_eur - max(earnings - kept, 0.0), 0.0)

    def assign_coaches(self) -> None:
        for mother in self.mothers:
            if mother.status == Status.ON_ASSISTANCE and mother.coach is None:
                coach = min(self.coaches, key=lambda c: c.clients)
                if coach.clients < coach.caseload_max:
                    coach.clients += 1
                    mother.coach = coach

    def allocate_childcare(self) -> None:
        p, t = self.p, self.month
        used = [0] * len(self.places)
        for mother in self.mothers:
            if mother.childcare_place >= 0 and not mother.needs_care():
                mother.childcare_place = -1
            if mother.childcare_place >= 0:
                used[mother.childcare_place] += 1
        queue = sorted((m for m in self.mothers
                        if m.queue_since != NEVER and m.childcare_place < 0 and m.needs_care()
                        and t - m.queue_since >= p.childcare_registration_lag_months
                        and (m.status == Status.IN_WORK or m.ladder >= p.childcare_place_min_step)),
                       key=lambda m: (m.queue_since, m.unique_id))
        for mother in queue:
            if used[mother.provider] < self.places[mother.provider]:
                used[mother.provider] += 1
                mother.childcare_place, mother.queue_since = mother.provider, NEVER

    def register_and_trust(self) -> None:
        p, t = self.p, self.month
        for mother in self.mothers:
            if (mother.status == Status.ON_ASSISTANCE and mother.queue_since == NEVER
                    and mother.childcare_place < 0 and mother.ladder >= p.childcare_place_min_step
                    and mother.needs_care()
                    and self.random.random() < p.childcare_register_prob * mother.trust_childcare):
                mother.queue_since = t
            if mother.childcare_place >= 0:
                mother.trust_childcare += p.childcare_trust_gain_per_month * (1 - mother.trust_childcare)

    def step(self) -> None:
        p = self.p
        self.month += 1
        self.tally = {"inflow_new": 0, "inflow_returning": 0, "coach_contacts": 0,
                      "job_offers": 0, **{f"exit_{n}": 0 for n in EXIT_NAMES.values()}}
        k = int(self.rng.poisson(p.inflow_rate_per_month * p.size))
        returning = self.add_mothers(k, stock=False)
        self.tally["inflow_new"] += k - returning
        self.tally["inflow_returning"] += returning
        self.assign_coaches()
        for coach in self.coaches:
            coach.caseload = coach.clients
        for e in self.employers:
            e.vacancies = int(self.rng.poisson(p.vacancies_per_100_mothers * p.size / 100 * e.share))
        self.agents_by_type[RefMother].shuffle_do("step")
        self.allocate_childcare()
        self.register_and_trust()
        self.agents_by_type[RefMother].shuffle_do("late_step")
        self.history.append(self.observe())

    def observe(self) -> dict[str, int]:
        on = sum(1 for m in self.mothers if m.status == Status.ON_ASSISTANCE)
        return {"month": self.month, "on_assistance": on, **self.tally}
