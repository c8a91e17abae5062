"""Steps 5 and 6b: job search, employer offers, and job starts.

Mothers at the top of the ladder search for a regular job; mothers in part-time work
search at any step. Part-time or flexible work alongside assistance is a state of its own
(Divosa 2019: every month 8% of people on assistance earn from it): mothers from the step of
organised activities up may be offered it, and in it they search for a regular job more
than others (the stepping stone). The chance of either offer falls with her months on
assistance (duration dependence), with a baby, and (for a regular job) when an exemption
lifts the obligation to seek work; it rises for some months after a sanction. Each
mother approaches one employer; the employer makes an offer depending on her profile and
on its perceived risk of hiring a mother whose child needs care, as long as it has
vacancies left this month. Employers ask whether
childcare is arranged and turn mothers down without it (004:630-650, 004:1207): arranged
care (a formal place or an informal arrangement) lowers the perceived risk.

An offer is a regular job (its pay ends assistance) or a flexible / school-time job
(part-time pay, topped up by assistance). A mother takes an offer whose monthly net gain
she believes in (004:538): net pay plus any assistance still paid, less assistance now,
less the childcare she would pay for herself (formal care, unless she has an informal
arrangement). A mother who does not know that the top-up continues believes a part-time
job ends her assistance, so she sees a loss. Acceptance is ``offer_acceptance`` times a
logistic curve in that gain.

A job needs childcare when the youngest child is under school age: a formal place she
holds, her informal arrangement, or a place a programme hands out (policies' ``allocate``
hook). Without one she asks her network: each tie may take it on, and the arrangement
then lasts (:mod:`simulate.steps.childcare`). Otherwise the offer fails and she may
register for a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.special import expit

from simulate.population import NEVER
from simulate.states import LADDER_PARTTIME, Barrier, Education, Status
from simulate.steps.childcare import arrange_informal, needs_care
from simulate.steps.money import believed_gain, benefit
from simulate.steps.transitions import duration_factor, leave_assistance

if TYPE_CHECKING:
    from simulate.steps import World

LANGUAGE = np.uint8(1 << Barrier.LANGUAGE)
HEALTH = np.uint8(1 << Barrier.HEALTH)
CARE_KINDS = ("none_needed", "formal", "informal", "programme")


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


def arranged_care(model: World, ids: np.ndarray) -> np.ndarray:
    m = model.mothers
    return (m.childcare_place[ids] >= 0) | m.informal_care[ids]


def make_offers(model: World) -> Offers:
    """Search and employer offers; returns the offers the mothers accept."""
    m, p, t, s = model.mothers, model.params, model.month, model.streams
    n = m.n
    # Mothers at the top steps, and mothers in part-time work, search for a regular job;
    # from the step of organised activities up a mother may be offered part-time work; an
    # employer who knows her (a policy's floor on her chance of an offer) may make one
    # without her searching.
    on = m.status[:n] == Status.ON_ASSISTANCE
    ladder = m.ladder[:n]
    part = m.parttime[:n]
    seek = np.flatnonzero(on & ((ladder >= min(p.search_min_step, p.parttime_min_step))
                                | part | (m.offer_floor[:n] > 0)))
    if len(seek) == 0:
        return Offers.empty()
    emp = model.employer_table
    employer = np.minimum(np.searchsorted(emp["cum_share"], s.uniform("employer", t, seek)),
                          len(emp["cum_share"]) - 1)

    by_education = np.ones(len(Education))
    by_education[[Education.NO_BASIC, Education.HBO_WO, Education.OTHER]] = (
        p.offer_factor_no_basic, p.offer_factor_hbo_wo, p.offer_factor_other_education)
    edu_factor = by_education[m.education[seek]]
    bar = m.barriers[seek]
    young = needs_care(model, seek) | m.pregnant[seek]
    risk = emp["risk"][employer] * np.where(arranged_care(model, seek),
                                            p.employer_arranged_care_factor, 1.0)
    floor = p.confidence_floor
    infant = (m.n_children[seek] > 0) & (t - m.youngest_birth_month[seek] < p.infant_age_months)
    # Her profile: what makes an employer offer and her take up work of either kind.
    profile = (edu_factor
               * np.where(m.pregnant[seek], p.pregnant_search_factor, 1.0)
               * np.where(infant, p.infant_search_factor, 1.0)
               * np.where((bar & LANGUAGE) != 0, p.offer_factor_language, 1.0)
               * np.where((bar & HEALTH) != 0, p.offer_factor_health, 1.0)
               * (1.0 + p.offer_working_tie_effect
                  * np.minimum(m.network_working[seek], p.offer_working_ties_max))
               * (floor + m.confidence[seek]) / (floor + 0.5)
               * np.where(m.contacted[seek], 1.0 + p.offer_contact_effect, 1.0)
               * np.where(young, 1.0 - risk, 1.0)
               * duration_factor(model, seek)
               * m.mod_offer[seek])
    in_part = m.parttime[seek]
    since = t - m.last_sanction[seek]
    chance = (p.job_offer_base * profile
              * np.where(m.exempt[seek], p.exempt_search_factor, 1.0)
              * np.where(in_part, p.parttime_search_factor, 1.0)
              * np.where((since >= 0) & (since < p.sanction_effect_months),
                         p.sanction_search_effect, 1.0))
    # A policy's floor (0 leaves the chance unchanged); only the floor for a non-searcher.
    floor = m.offer_floor[seek]
    searching = (m.ladder[seek] >= p.search_min_step) | in_part
    chance = np.where(searching, np.maximum(chance, floor), floor)
    draws = s.uniforms(["offer", "parttime_offer"], t, seek)
    regular = draws["offer"] < chance
    parttime_chance = np.where(~in_part & (m.ladder[seek] >= p.parttime_min_step),
                               p.parttime_offer_base * profile, 0.0)
    small = ~regular & (draws["parttime_offer"] < parttime_chance)
    hit = regular | small
    small = small[hit]
    ids, employer = seek[hit], employer[hit]

    # Employers offer no more than their vacancies; a random priority decides who is first.
    vacancies = model.streams.generator("vacancies", t).poisson(
        p.vacancies_per_100_mothers * p.size / 100.0 * emp["share"])
    order = np.lexsort((s.uniform("offer_rank", t, ids), employer))
    ids, employer, small = ids[order], employer[order], small[order]
    first = np.searchsorted(employer, employer)  # start of each employer's run
    keep = (np.arange(len(ids)) - first) < vacancies[employer]
    model.tally["offers_over_vacancies"] += int(np.count_nonzero(~keep))
    ids, employer, small = ids[keep], employer[keep], small[keep]
    model.employer_table["vacancies"] = vacancies
    model.employer_table["offers_made"] = np.bincount(employer, minlength=len(vacancies))
    model.tally["job_offers"] += len(ids)

    # An offer of part-time work is flexible; a regular search finds flexible work as
    # often as the employer has it, except for a mother in part-time work, who only takes
    # a regular job.
    flexible = small | ((s.uniform("flexible", t, ids) < emp["flexible"][employer])
                        & ~m.parttime[ids])
    hours = np.where(flexible, p.parttime_hours_per_week, p.fulltime_hours_per_week)
    earnings = hours * p.weeks_per_month * p.hourly_wage_eur
    ends = benefit(p, earnings) <= 0.0
    need = needs_care(model, ids)
    pays_care = need & ~m.informal_care[ids]
    gain = believed_gain(model, ids, earnings, hours, pays_care)
    # A policy may make leaving assistance feel safer (a case file kept on hold, 004:1106);
    # the multiplier is 1 otherwise.
    leaving = np.where(ends, m.mod_accept_leaving[ids], np.float32(1.0)).astype(np.float64)
    accept = s.uniform("accept", t, ids) < p.offer_acceptance * expit(
        (gain - p.acceptance_gain_reference_eur) / p.acceptance_gain_scale_eur) * leaving
    model.tally["offers_declined"] += int(np.count_nonzero(~accept))
    unaware = ~ends & ~m.knows_topup[ids]
    model.tally["offers_declined_income_belief"] += int(np.count_nonzero(~accept & unaware))

    ids, employer, flexible, earnings, ends, need = (
        ids[accept], employer[accept], flexible[accept], earnings[accept], ends[accept],
        need[accept])
    has = ~need | (m.childcare_place[ids] >= 0) | m.informal_care[ids]
    asked = ids[~has]
    formed = arrange_informal(model, asked, flexible[~has])
    has[~has] = formed
    return Offers(ids, employer, flexible, earnings, ends, need, has)


def start_jobs(model: World, offers: Offers) -> None:
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
    need = offers.needs_care[ok]
    formal = m.childcare_place[start] >= 0
    reserved = formal & m.place_reserved[start]
    kinds = {"none_needed": ~need, "formal": need & formal & ~reserved,
             "informal": need & ~formal & m.informal_care[start],
             "programme": need & reserved}
    kinds["programme"] |= need & ~formal & ~m.informal_care[start]
    for kind, mask in kinds.items():
        model.tally[f"job_starts_care_{kind}"] += int(np.count_nonzero(mask))
    m.job_start[start] = t
    m.earnings_eur[start] = offers.earnings[ok]
    leaving = start[offers.ends_assistance[ok]]
    model.tally["exit_work_from_parttime"] += int(np.count_nonzero(m.parttime[leaving]))
    leave_assistance(model, leaving, Status.IN_WORK)
    part = start[~offers.ends_assistance[ok]]
    m.parttime[part] = True
    m.ladder[part] = LADDER_PARTTIME
    model.tally["job_starts_parttime"] += len(part)
