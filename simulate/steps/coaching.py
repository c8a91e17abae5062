"""Step 3: coaches meet clients as their caseload allows (then lapses and sanctions).

A contact builds trust in services, detects barriers and gets referrals taken up, can
teach that the top-up continues alongside part-time pay, and renews agreements. What a
mother tells depends on her trust: detection and uptake are their value at trust 0.5
times ``1 + disclosure_trust_effect * (2 * trust - 1)`` (004:655: without trust mothers do
not tell what holds them back). Only referrals taken up resolve.

Lapses, sanctions and stops for non-cooperation follow in the same step
(:mod:`simulate.steps.sanctions`): lower caseloads mean more contact, so more lapses are
noticed, more sanctions imposed and more benefits stopped, besides the help that contact
brings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from simulate.population import toward_one
from simulate.states import Barrier, Status
from simulate.steps import sanctions

if TYPE_CHECKING:
    from simulate.steps import World

RESOLUTION = {
    Barrier.DEBTS: "barrier_debts_resolution",
    Barrier.HEALTH: "barrier_health_resolution",
    Barrier.LANGUAGE: "barrier_language_resolution",
    Barrier.CARE: "barrier_care_resolution",
}


def assign(model: World, ids: np.ndarray, coaches: np.ndarray) -> np.ndarray:
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


def update_caseloads(model: World) -> np.ndarray:
    """Recount every coach's clients among mothers on assistance; returns their ids."""
    m = model.mothers
    on = m.ids_where(Status.ON_ASSISTANCE)
    coach = m.coach[on]
    model.coaches.caseload[:] = np.bincount(coach[coach >= 0], minlength=len(model.coaches))
    return on


def disclosure(model: World, ids: np.ndarray) -> np.ndarray:
    """Relative willingness to tell and accept help: 1 at trust 0.5 (see module docstring)."""
    effect = model.params.disclosure_trust_effect
    return 1.0 + effect * (2.0 * model.mothers.trust_services[ids] - 1.0)


# The draws of a conversation in which a mother tells what holds her back: one uniform per
# mother for each barrier's detection and each registered referral's uptake (drawn only
# for the mothers to whom it can apply; draws are keyed by id, so that changes nothing).
DISCLOSURE_STREAMS = (*(f"detect:{b.name}" for b in Barrier),
                      *(f"uptake:{b.name}" for b in Barrier))

Uniforms = Callable[[list[str], np.ndarray], dict[str, np.ndarray]]


def disclose(model: World, ids: np.ndarray, uniforms: Uniforms,
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


def step(model: World) -> None:
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
    stop = sanctions.no_shows(model, appointed)
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
    sanctions.step(model, on)


def _contact(model: World, met: np.ndarray) -> None:
    """A coach contact: trust gained as the coach's trust multiplier allows."""
    s, t = model.streams, model.month
    contact(model, met, model.coaches.trust[model.mothers.coach[met]],
            lambda names, ids: s.uniforms(names, t, ids))


def contact(model: World, met: np.ndarray, trust_multiplier,
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
    toward_one(m.trust_services, met, gain)
    detected, taken = disclose(model, met, uniforms)
    model.tally["barriers_detected"] += detected
    model.tally["referrals_taken_up"] += taken
    told = met[uniforms(["topup_info"], met)["topup_info"] < p.topup_info_per_contact]
    m.knows_topup[told] = True


def _resolve(model: World, on: np.ndarray) -> None:
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
