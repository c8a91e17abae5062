"""Step 3: coaches meet clients as their caseload allows.

A contact detects and refers barriers (referred barriers then resolve over time), builds
trust in services, can teach that the top-up continues alongside part-time pay, and
renews agreements. Without contact, agreements get missed; enough missed agreements in a
row end assistance for non-cooperation.
"""

from __future__ import annotations

import numpy as np

from simulate.states import Barrier, Status
from simulate.steps.transitions import leave_assistance

RESOLUTION = {
    Barrier.DEBTS: "barrier_debts_resolution",
    Barrier.HEALTH: "barrier_health_resolution",
    Barrier.LANGUAGE: "barrier_language_resolution",
    Barrier.CARE: "barrier_care_resolution",
}


def assign(model, ids: np.ndarray, coaches: np.ndarray) -> np.ndarray:
    """Give ``ids`` (in order) to the least-loaded of ``coaches`` that have room.

    Fills caseloads level by level, so coaches stay within one client of each other and
    nobody exceeds ``caseload_max``. Returns the ids that got a coach.
    """
    m = model.mothers
    if len(ids) == 0 or len(coaches) == 0:
        return ids[:0]
    load = model.coaches.caseload[coaches]
    room = np.maximum(model.coaches.capacity[coaches] - load, 0)
    # One entry per free slot: (caseload the slot brings, coach); take the lowest levels.
    owner = np.repeat(np.arange(len(coaches)), room)
    if len(owner) == 0:
        return ids[:0]
    level = load[owner] + (np.arange(len(owner)) - np.repeat(np.cumsum(room) - room, room))
    order = np.lexsort((owner, level))[: len(ids)]
    chosen = coaches[owner[order]]
    got = ids[: len(chosen)]
    m.coach[got] = chosen
    model.coaches.caseload += np.bincount(chosen, minlength=len(model.coaches))
    return got


def update_caseloads(model) -> np.ndarray:
    """Recount every coach's clients among mothers on assistance; returns their ids."""
    m = model.mothers
    on = m.ids_where(Status.ON_ASSISTANCE)
    coach = m.coach[on]
    model.coaches.caseload[:] = np.bincount(coach[coach >= 0], minlength=len(model.coaches))
    return on


def step(model) -> None:
    m, p, t, s = model.mothers, model.params, model.month, model.streams
    on = update_caseloads(model)
    waiting = on[m.coach[on] < 0]
    assign(model, waiting, np.flatnonzero(model.coaches.regular))
    model.tally["coach_waiting"] = int(np.count_nonzero(m.coach[on] < 0))

    coached = on[m.coach[on] >= 0]
    coach = m.coach[coached]
    rate = model.coaches.contacts[coach] / np.maximum(model.coaches.caseload[coach], 1)
    rate = np.where(m.exempt[coached], rate * p.exempt_contact_factor, rate)
    met = coached[s.uniform("contact", t, coached) < -np.expm1(-rate)]
    m.contacted[met] = True
    model.tally["coach_contacts"] += len(met)

    # What a contact does.
    gain = p.trust_gain_per_contact * model.coaches.trust[m.coach[met]]
    m.trust_services[met] += (gain * (1.0 - m.trust_services[met])).astype(np.float32)
    m.months_since_contact[met] = 0
    m.missed_agreements[met] = 0
    unseen = m.barriers[met] & ~m.barriers_registered[met]
    draws = s.uniforms([f"detect:{b.name}" for b in Barrier], t, met)
    for b in Barrier:
        bit = np.uint8(1 << b)
        detect = ((unseen & bit) != 0) & (draws[f"detect:{b.name}"]
                                          < p.barrier_detection_per_contact)
        m.barriers_registered[met[detect]] |= bit
        model.tally["barriers_detected"] += int(detect.sum())
    told = met[s.uniform("topup_info", t, met) < p.topup_info_per_contact]
    m.knows_topup[told] = True

    # Referred (registered) barriers resolve over time.
    referred_any = on[m.barriers_registered[on] != 0]
    registered = m.barriers_registered[referred_any]
    draws = s.uniforms([f"resolve:{b.name}" for b in RESOLUTION], t, referred_any)
    for b, name in RESOLUTION.items():
        bit = np.uint8(1 << b)
        solved = referred_any[((registered & bit) != 0) & (draws[f"resolve:{b.name}"] < p[name])]
        m.barriers[solved] &= ~bit
        m.barriers_registered[solved] &= ~bit
        model.tally["barriers_resolved"] += len(solved)

    # Confidence and trust drift back towards the mother's own level.
    r = np.float32(p.psych_reversion_per_month)
    m.trust_services[on] += r * (m.trust_services_own[on] - m.trust_services[on])
    m.confidence[on] += r * (m.confidence_own[on] - m.confidence[on])

    # Missed agreements: likelier the longer since contact and the lower the trust.
    idle = on[~m.contacted[on] & ~m.exempt[on]]
    m.months_since_contact[on[~m.contacted[on]]] += 1
    full = p.missed_no_contact_months
    gap = np.minimum(m.months_since_contact[idle], full) / full
    p_miss = (p.missed_agreement_base * (1.0 + p.missed_no_contact_effect * gap)
              * (1.0 + p.missed_low_trust_effect * (1.0 - m.trust_services[idle])))
    missed = idle[s.uniform("missed_agreement", t, idle) < p_miss]
    m.missed_agreements[missed] += 1
    model.tally["missed_agreements"] += len(missed)
    out = missed[m.missed_agreements[missed] >= p.noncooperation_threshold]
    leave_assistance(model, out, Status.NONCOOPERATION)
