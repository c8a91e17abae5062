"""Step 3: coaches meet clients as their caseload allows; lapses, monitoring and sanctions.

A contact builds trust in services, detects barriers and gets referrals taken up, can
teach that the top-up continues alongside part-time pay, and renews agreements. What a
mother tells depends on her trust: detection and uptake are their value at trust 0.5
times ``1 + disclosure_trust_effect * (2 * trust - 1)`` (004:655: without trust mothers do
not tell what holds them back). Only referrals taken up resolve.

Lapses happen with or without contact, more often with low trust and high stress, and
have consequences only when they are noticed: at a contact that month
(``lapse_notice_per_contact``) or by an administrative check. There are two kinds:

- a breach of the work obligation (not applying, refusing suitable work, missing a
  re-integration appointment), by mothers who have the obligation: noticed, it brings a
  sanction, a cut of ``sanction_benefit_cut_share`` of the benefit for
  ``sanction_months`` (the legal minimum is a month's benefit: Inspectie SZW 2017), after
  which she searches harder for a while (:mod:`simulate.steps.jobs`; Van den Berg, Van der
  Klaauw & Van Ours 2004);
- an unmet information duty (a changed situation not reported, papers not handed in),
  which exempted mothers keep too: noticed, it stops the benefit (exit for
  non-cooperation).

Most stops for non-cooperation, though, follow an appointment: a mother who does not come
and does not answer the reminder (``no_show_hazard`` per appointment, more with low trust
and high stress) has her benefit suspended and stopped. More appointments therefore bring
more stops as well as more help.

Lower caseloads mean more contact, so more lapses are noticed, more sanctions imposed and
more benefits stopped (Hainmueller et al. 2016; Böheim, Eppel & Mahringer 2023), besides
the help that contact brings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from simulate.states import Barrier, Status
from simulate.steps import BOUND_MARGIN
from simulate.steps.transitions import leave_assistance

if TYPE_CHECKING:
    from simulate.model import PathwaysModel

RESOLUTION = {
    Barrier.DEBTS: "barrier_debts_resolution",
    Barrier.HEALTH: "barrier_health_resolution",
    Barrier.LANGUAGE: "barrier_language_resolution",
    Barrier.CARE: "barrier_care_resolution",
}


def assign(model: PathwaysModel, ids: np.ndarray, coaches: np.ndarray) -> np.ndarray:
    """Give ``ids`` (in order) to the least-loaded of ``coaches`` that have room.

    Fills caseloads level by level, so coaches stay within one client of each other and
    nobody exceeds ``caseload_max``. Returns the ids that got a coach.
    """
    m = model.mothers
    if len(ids) == 0 or len(coaches) == 0:
        return ids[:0]
    chosen = coaches[least_loaded(model.coaches.caseload[coaches],
                                  model.coaches.capacity[coaches], len(ids))]
    got = ids[: len(chosen)]
    m.coach[got] = chosen
    model.coaches.caseload += np.bincount(chosen, minlength=len(model.coaches))
    return got


def least_loaded(load: np.ndarray, capacity: np.ndarray, k: int) -> np.ndarray:
    """For ``k`` newcomers in order, the index of the worker each joins: always the one
    with the lowest load that has room (ties to the lower index); fewer than ``k`` when
    room runs out."""
    room = capacity > load
    if k <= 0 or not room.any():
        return np.zeros(0, dtype=np.int64)
    # Free slots on a grid of (load level the slot brings, worker): read row by row, it
    # lists them by level, then by worker; the first k are taken. It has a row per level
    # from the lowest load to the largest capacity.
    levels = np.arange(load[room].min(), capacity[room].max())[:, None]
    return np.nonzero((load <= levels) & (levels < capacity))[1][:k]


def update_caseloads(model: PathwaysModel) -> np.ndarray:
    """Recount every coach's clients among mothers on assistance; returns their ids."""
    m = model.mothers
    on = m.ids_where(Status.ON_ASSISTANCE)
    coach = m.coach[on]
    model.coaches.caseload[:] = np.bincount(coach[coach >= 0], minlength=len(model.coaches))
    return on


def disclosure(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
    """Relative willingness to tell and accept help: 1 at trust 0.5 (see module docstring)."""
    effect = model.params.disclosure_trust_effect
    return 1.0 + effect * (2.0 * model.mothers.trust_services[ids] - 1.0)


# The draws of a conversation in which a mother tells what holds her back: one uniform per
# mother for each barrier's detection and each registered referral's uptake (drawn only
# for the mothers to whom it can apply; draws are keyed by id, so that changes nothing).
DISCLOSURE_STREAMS = (*(f"detect:{b.name}" for b in Barrier),
                      *(f"uptake:{b.name}" for b in Barrier))

Uniforms = Callable[[list[str], np.ndarray], dict[str, np.ndarray]]


def disclose(model: PathwaysModel, ids: np.ndarray, uniforms: Uniforms,
             factor: float = 1.0) -> tuple[int, int]:
    """A conversation in which mothers ``ids`` tell what holds them back as far as their
    trust allows (004:655), as at a coach contact: each unregistered barrier is detected
    (and registered), and each registered referral taken up, with its chance per contact
    times :func:`disclosure` times ``factor``.

    Args:
        model: The model.
        ids: The mothers in the conversation.
        uniforms: ``uniforms(stream_names, ids)`` gives the draws of the names in
            :data:`DISCLOSURE_STREAMS`.
        factor: The conversation's chances relative to a coach contact's.

    Returns:
        The numbers of barriers detected and of referrals taken up.
    """
    m, p = model.mothers, model.params
    tell = disclosure(model, ids) * factor
    detect_p = np.minimum(p.barrier_detection_per_contact * tell, 1.0)
    uptake_p = np.minimum(p.referral_uptake_per_contact * tell, 1.0)
    # As they stand before the conversation (each barrier below changes only its own bit).
    present, registered = m.barriers[ids], m.barriers_registered[ids]
    pending_all = registered & ~m.barriers_referred[ids]
    unseen_all = present & ~registered
    detected = taken = 0
    for b in Barrier:
        bit = np.uint8(1 << b)
        # A referral registered before this conversation can be taken up now.
        pending = np.flatnonzero(pending_all & bit)
        name = f"uptake:{b.name}"
        take = pending[uniforms([name], ids[pending])[name] < uptake_p[pending]]
        m.barriers_referred[ids[take]] |= bit
        unseen = np.flatnonzero(unseen_all & bit)
        name = f"detect:{b.name}"
        detect = unseen[uniforms([name], ids[unseen])[name] < detect_p[unseen]]
        m.barriers_registered[ids[detect]] |= bit
        detected += len(detect)
        taken += len(take)
    return detected, taken


def sanctioned(model: PathwaysModel, ids: np.ndarray) -> np.ndarray:
    """Whether a sanction's benefit cut runs this month."""
    since = model.month - model.mothers.last_sanction[ids]
    return (since >= 0) & (since < model.params.sanction_months)


def step(model: PathwaysModel) -> None:
    m, p, t, s = model.mothers, model.params, model.month, model.streams
    table = model.coaches
    on = update_caseloads(model)
    waiting = on[m.coach[on] < 0]
    assign(model, waiting, table.available_regular)

    coached = on[m.coach[on] >= 0]
    # The chance of a contact this month, per coach and whether the client is exempt
    # (one row each), looked up per client.
    rate = table.contacts / np.maximum(table.caseload, 1)
    chance = -np.expm1(-np.stack([rate, rate * p.exempt_contact_factor]))
    row = m.exempt[coached].astype(np.int64)
    row *= len(table)
    row += m.coach[coached]
    appointed = coached[s.uniform("contact", t, coached) < chance.ravel()[row]]
    # Some do not come and do not answer the reminder: the benefit is suspended and
    # stopped (exit for non-cooperation). More appointments, more such stops (Böheim,
    # Eppel & Mahringer 2023: more meetings, more exits from the labour force).
    stop = _no_shows(model, appointed)
    met = appointed[~np.isin(appointed, stop)]
    on = on[~np.isin(on, stop)]
    m.contacted[met] = True
    m.last_contact[met] = t
    model.tally["coach_contacts"] += len(met)
    _contact(model, met)
    _resolve(model, on)

    # Confidence and trust drift back towards the mother's own level (on whole columns:
    # cheaper than gathering the mothers on assistance).
    r = np.float32(p.psych_reversion_per_month)
    now_on = m.status[: m.n] == Status.ON_ASSISTANCE
    for name in ("trust_services", "confidence"):
        level, own = getattr(m, name)[: m.n], getattr(m, f"{name}_own")[: m.n]
        np.copyto(level, level + r * (own - level), where=now_on)
    _lapses(model, on)


def _contact(model: PathwaysModel, met: np.ndarray) -> None:
    """A coach contact: trust gained as the coach's trust multiplier allows."""
    s, t = model.streams, model.month
    contact(model, met, model.coaches.trust[model.mothers.coach[met]],
            lambda names, ids: s.uniforms(names, t, ids))


def contact(model: PathwaysModel, met: np.ndarray, trust_multiplier,
            uniforms: Uniforms) -> None:
    """What a contact does: trust, disclosure and referrals, top-up knowledge.

    Args:
        model: The model.
        met: Mothers met this month.
        trust_multiplier: Trust gained per contact relative to a regular coach's (a number
            or one per mother).
        uniforms: ``uniforms(stream_names, ids)`` gives the contact's draws: the coaching
            step's own streams, or a policy's scoped streams for a programme's contacts.
    """
    m, p = model.mothers, model.params
    # At most the whole gap to full trust (a larger multiplier would overshoot past 1).
    gain = np.minimum(p.trust_gain_per_contact * np.asarray(trust_multiplier), 1.0)
    m.trust_services[met] += (gain * (1.0 - m.trust_services[met])).astype(np.float32)
    detected, taken = disclose(model, met, uniforms)
    model.tally["barriers_detected"] += detected
    model.tally["referrals_taken_up"] += taken
    told = met[uniforms(["topup_info"], met)["topup_info"] < p.topup_info_per_contact]
    m.knows_topup[told] = True


def _resolve(model: PathwaysModel, on: np.ndarray) -> None:
    """Barriers whose referral was taken up resolve over time."""
    m, p, t = model.mothers, model.params, model.month
    referred = on[np.flatnonzero(m.barriers_referred[on])]
    mask = m.barriers_referred[referred]
    for b, name in RESOLUTION.items():
        bit = np.uint8(1 << b)
        ids = referred[np.flatnonzero(mask & bit)]
        solved = ids[model.streams.uniform(f"resolve:{b.name}", t, ids) < p[name]]
        m.barriers[solved] &= ~bit
        m.barriers_registered[solved] &= ~bit
        m.barriers_referred[solved] &= ~bit
        model.tally["barriers_resolved"] += len(solved)


def largest_lapse_factor(model: PathwaysModel) -> float:
    """Upper bound of this month's lapse chance relative to its hazard: each factor at its
    largest over this month's columns (the effects are not negative), with a margin for
    rounding."""
    m, p = model.mothers, model.params
    n = m.n
    distrust = max(1.0 - float(m.trust_services[:n].min(initial=1.0)), 0.0)
    stress = max(float(m.stress[:n].max(initial=0.0)), 0.0)
    return ((1.0 + p.lapse_low_trust_effect * distrust) * (1.0 + p.lapse_stress_effect * stress)
            * (1.0 + BOUND_MARGIN))


def _lapsed(model: PathwaysModel, ids: np.ndarray, hazard: float, stream: str,
            most: float) -> np.ndarray:
    """Those of ``ids`` who lapse this month (stream ``stream``): the hazard times what low
    trust and stress add; computed only where the uniform lies below its largest value."""
    m, p = model.mothers, model.params
    u = model.streams.uniform(stream, model.month, ids)
    cand = np.flatnonzero(u < hazard * most)
    near = ids[cand]
    chance = (hazard * (1.0 + p.lapse_low_trust_effect * (1.0 - m.trust_services[near]))
              * (1.0 + p.lapse_stress_effect * m.stress[near]))
    return near[u[cand] < chance]


def _no_shows(model: PathwaysModel, appointed: np.ndarray) -> np.ndarray:
    """Mothers who miss this month's appointment and do not answer: more often with low
    trust and high stress. Their benefit is stopped at once; returns them."""
    m, p = model.mothers, model.params
    u = model.streams.uniform("no_show", model.month, appointed)
    cand = np.flatnonzero(u < p.no_show_hazard * largest_lapse_factor(model))
    near = appointed[cand]
    chance = (p.no_show_hazard * (1.0 + p.lapse_low_trust_effect * (1.0 - m.trust_services[near]))
              * (1.0 + p.lapse_stress_effect * m.stress[near]))
    gone = near[u[cand] < chance]
    model.tally["no_shows"] += len(gone)
    leave_assistance(model, gone, Status.NONCOOPERATION)
    return gone


def _noticed(model: PathwaysModel, lapse: np.ndarray, admin: float, stream: str) -> np.ndarray:
    """Those of ``lapse`` whose lapse is noticed: at a contact this month or by a check."""
    p = model.params
    notice = np.where(model.mothers.contacted[lapse],
                      1.0 - (1.0 - p.lapse_notice_per_contact) * (1.0 - admin), admin)
    return lapse[model.streams.uniform(stream, model.month, lapse) < notice]


def _lapses(model: PathwaysModel, on: np.ndarray) -> None:
    """Breaches of the work obligation and sanctions; unmet information duties and stops for
    non-cooperation."""
    m, p, t = model.mothers, model.params, model.month
    most = largest_lapse_factor(model)
    obliged = on[~m.exempt[on]]
    lapse = _lapsed(model, obliged, p.lapse_hazard, "lapse", most)
    noticed = _noticed(model, lapse, p.lapse_admin_check_rate, "lapse_notice")
    m.last_sanction[noticed] = t
    model.tally["lapses"] += len(lapse)
    model.tally["lapses_noticed"] += len(noticed)
    model.tally["sanctions"] += len(noticed)
    # Stopped mothers are no longer on assistance: drawn after the sanctions, on everyone
    # on assistance at the start of the step.
    info = _lapsed(model, on, p.info_lapse_hazard, "info_lapse", most)
    stop = _noticed(model, info, p.info_admin_check_rate, "info_lapse_notice")
    model.tally["info_lapses"] += len(info)
    model.tally["info_lapses_noticed"] += len(stop)
    leave_assistance(model, stop, Status.NONCOOPERATION)
