"""Steps 5 and 6b: job search, employer offers, and job starts.

Mothers at the top of the ladder search. Each approaches one employer; the employer makes
an offer depending on her profile and on its perceived risk of hiring a mother whose
child needs care, as long as it has vacancies left this month. An offer is a regular job
(its pay ends assistance) or a flexible / school-time job (part-time pay, topped up by
assistance). A mother takes an offer she believes pays: one who does not know that the
top-up continues usually declines part-time work. A job needs childcare when the youngest
child is under school age: a formal place she holds, informal care from her network, or
a place a programme hands out (policies' ``allocate`` hook). Otherwise the offer fails and
she registers for a place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulate.population import NEVER
from simulate.states import LADDER_PARTTIME, Barrier, Education, Status
from simulate.steps.childcare import informal_care, needs_care
from simulate.steps.transitions import leave_assistance

LANGUAGE = np.uint8(1 << Barrier.LANGUAGE)
HEALTH = np.uint8(1 << Barrier.HEALTH)


@dataclass
class Offers:
    """This month's accepted offers (arrays aligned by position)."""

    ids: np.ndarray         # mothers
    employer: np.ndarray
    flexible: np.ndarray    # flexible or school-time hours
    earnings: np.ndarray    # gross EUR per month
    ends_assistance: np.ndarray
    needs_care: np.ndarray
    care: np.ndarray        # childcare secured (policies may set more in allocate)

    @classmethod
    def empty(cls) -> Offers:
        z = np.zeros(0)
        return cls(z.astype(np.int64), z.astype(np.int64), z.astype(bool), z, z.astype(bool),
                   z.astype(bool), z.astype(bool))


def benefit(p, earnings: np.ndarray) -> np.ndarray:
    """Assistance paid alongside ``earnings``: the norm less earnings above the disregard."""
    kept = np.minimum(p.earnings_disregard_rate * earnings, p.earnings_disregard_cap_eur)
    return np.maximum(p.assistance_norm_eur - np.maximum(earnings - kept, 0.0), 0.0)


def make_offers(model) -> Offers:
    """Search and employer offers; returns the offers the mothers accept."""
    m, p, t, s = model.mothers, model.params, model.month, model.streams
    on = m.ids_where(Status.ON_ASSISTANCE)
    seek = on[m.ladder[on] >= p.search_min_step]
    if len(seek) == 0:
        return Offers.empty()
    emp = model.employer_table
    employer = np.minimum(np.searchsorted(emp["cum_share"], s.uniform("employer", t, seek)),
                          len(emp["cum_share"]) - 1)

    edu = m.education[seek]
    edu_factor = np.select(
        [edu == Education.NO_BASIC, edu == Education.HBO_WO, edu == Education.OTHER],
        [p.offer_factor_no_basic, p.offer_factor_hbo_wo, p.offer_factor_other_education], 1.0)
    bar = m.barriers[seek]
    young = needs_care(model, seek) | m.pregnant[seek]
    chance = (p.job_offer_base * edu_factor
              * np.where(m.exempt[seek], p.exempt_search_factor, 1.0)
              * np.where(m.pregnant[seek], p.pregnant_search_factor, 1.0)
              * np.where(m.parttime[seek], p.parttime_search_factor, 1.0)
              * np.where((bar & LANGUAGE) != 0, p.offer_factor_language, 1.0)
              * np.where((bar & HEALTH) != 0, p.offer_factor_health, 1.0)
              * (1.0 + p.offer_working_tie_effect
                 * np.minimum(m.network_working[seek], p.offer_working_ties_max))
              * (0.5 + m.confidence[seek])
              * np.where(young, 1.0 - emp["risk"][employer], 1.0)
              * m.mod_offer[seek])
    hit = s.uniform("offer", t, seek) < chance
    ids, employer = seek[hit], employer[hit]

    # Employers offer no more than their vacancies; a random priority decides who is first.
    vacancies = model.streams.generator("vacancies", t).poisson(
        p.vacancies_per_100_mothers * p.size / 100.0 * emp["share"])
    order = np.lexsort((s.uniform("offer_rank", t, ids), employer))
    ids, employer = ids[order], employer[order]
    first = np.searchsorted(employer, employer)  # start of each employer's run
    keep = (np.arange(len(ids)) - first) < vacancies[employer]
    ids, employer = ids[keep], employer[keep]
    for e in model.employers:
        e.vacancies = int(vacancies[e.index])
        e.offers_made = int(np.count_nonzero(employer == e.index))
    model.tally["job_offers"] += len(ids)

    # A mother in part-time work only takes a regular job.
    flexible = (s.uniform("flexible", t, ids) < emp["flexible"][employer]) & ~m.parttime[ids]
    hours = np.where(flexible, p.parttime_hours_per_week, p.fulltime_hours_per_week)
    earnings = hours * p.weeks_per_month * p.hourly_wage_eur
    ends = benefit(p, earnings) <= 0.0
    believes = ends | m.knows_topup[ids]
    accept = s.uniform("accept", t, ids) < p.offer_acceptance * np.where(
        believes, 1.0, 1.0 - p.decline_parttime_unaware)
    model.tally["offers_declined"] += int(np.count_nonzero(~accept))
    model.tally["offers_declined_income_belief"] += int(np.count_nonzero(~accept & ~believes))

    ids, employer, flexible, earnings, ends = (
        ids[accept], employer[accept], flexible[accept], earnings[accept], ends[accept])
    need = needs_care(model, ids)
    care = ~need | (m.childcare_place[ids] >= 0) | informal_care(model, ids, flexible)
    return Offers(ids, employer, flexible, earnings, ends, need, care)


def start_jobs(model, offers: Offers) -> None:
    """Accepted offers with childcare become jobs; the others fail on childcare."""
    m, t = model.mothers, model.month
    ok = offers.care
    failed = offers.ids[~ok]
    m.confidence[failed] *= np.float32(1.0 - model.params.confidence_loss_failed_offer)
    unregistered = failed[(m.queue_since[failed] == NEVER) & (m.childcare_place[failed] < 0)]
    register = unregistered[model.streams.uniform("register_after_offer", t, unregistered)
                            < m.trust_childcare[unregistered]]
    m.queue_since[register] = t
    model.tally["offers_failed_childcare"] += len(failed)

    start = offers.ids[ok]
    m.job_start[start] = t
    m.earnings_eur[start] = offers.earnings[ok]
    leave_assistance(model, start[offers.ends_assistance[ok]], Status.IN_WORK)
    part = start[~offers.ends_assistance[ok]]
    m.parttime[part] = True
    m.ladder[part] = LADDER_PARTTIME
    model.tally["job_starts_parttime"] += len(part)
