"""Step 6: childcare under capacity, formal and informal.

Each mother has a local provider. A mother registers,
waits out the registration lag, and gets a free place once she is active enough to need
one (a course or organised activity, ladder step 3 and up, or work): working mothers
first (a place goes with a job: the childcare allowance needs one), then the others,
first come, first served within each.
Working mothers without a formal place (on informal care) register too, more readily than
others (``informal_care_register_factor``: formal care is more reliable), and working
mothers come first, so new places mostly replace informal arrangements (Havnes & Mogstad
2011).
Places reserved by a programme are not open to the general queue; programmes hand them
out in their ``allocate`` hook. Using formal care builds trust in it. A place is given up,
and a registration ends, when the youngest child reaches school age or the mother leaves
assistance other than for work.

Informal care is a lasting arrangement, not a fresh draw each month. A mother without
arranged care asks her network when a job needs it (:func:`arrange_informal`): each
supportive tie (peer-group ties included) may take it on. The arrangement then lasts
until it breaks down, at ``informal_care_breakdown_hazard`` a month and more often in a
month with a stress event (a sick child: 000:27; networks are small and unreliable:
004:570, 004:1154). A breakdown while she works costs the job unless she gets a formal
place in time (:mod:`simulate.steps.job_loss`); she may register for one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.population import NEVER, toward_one
from simulate.states import Status

if TYPE_CHECKING:
    from simulate.steps import World


def needs_care(model: World, ids: np.ndarray) -> np.ndarray:
    """True for mothers whose youngest child is under school age."""
    m = model.mothers
    return (m.n_children[ids] > 0) & (
        model.month - m.youngest_birth_month[ids] < model.params.childcare_need_age_months)


def arrange_informal(model: World, ids: np.ndarray,
                     flexible: np.ndarray) -> np.ndarray:
    """Mothers ``ids`` ask their network to take on care for a job; returns who got an
    arrangement (which then lasts). Each tie helps with some probability."""
    m, p, t = model.mothers, model.params, model.month
    per_tie = np.minimum(p.informal_care_per_tie * np.where(flexible, p.flexible_informal_factor,
                                                            1.0), 1.0)
    ties = m.network_ties[ids] + p.peer_tie_care_weight * m.peer_ties[ids]
    chance = 1.0 - (1.0 - per_tie) ** ties
    formed = model.streams.uniform("informal_care", t, ids) < chance
    got = ids[formed]
    m.informal_care[got] = True
    m.informal_since[got] = t
    model.tally["informal_care_arranged"] += len(got)
    return formed


def occupied(model: World) -> tuple[np.ndarray, np.ndarray]:
    """Places in use per provider: (general places, reserved places)."""
    m = model.mothers
    n = m.n
    holds = m.childcare_place[:n] >= 0
    k = len(model.providers)
    general = holds & ~m.place_reserved[:n]
    reserved = holds & m.place_reserved[:n]
    return (np.bincount(m.childcare_place[:n][general], minlength=k),
            np.bincount(m.childcare_place[:n][reserved], minlength=k))


def free_general_places(model: World) -> np.ndarray:
    general, _ = occupied(model)
    return np.maximum(model.provider_places - model.provider_reserved - general, 0)


def registered(model: World) -> np.ndarray:
    """Followed mothers registered for a place without one (their child under school age:
    registrations end at school age)."""
    m = model.mothers
    n = m.n
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)
    return np.flatnonzero(followed & (m.queue_since[:n] != NEVER) & (m.childcare_place[:n] < 0))


def waiting_for_place(model: World, queued: np.ndarray) -> np.ndarray:
    """Of the registered ``queued``: those past the registration lag and active enough to be
    given a place, i.e. only waiting for a free one."""
    m, p, t = model.mothers, model.params, model.month
    return queued[(t - m.queue_since[queued] >= p.childcare_registration_lag_months)
                  & ((m.status[queued] == Status.IN_WORK)
                     | (m.ladder[queued] >= p.childcare_place_min_step))]


def allocate_places(model: World) -> None:
    """Per provider, working mothers first (a place goes with a job: the childcare
    allowance needs one), then mothers in a course or activity; first come, first served
    within each."""
    m = model.mothers
    queued = registered(model)
    ready = waiting_for_place(model, queued[needs_care(model, queued)])
    working = (m.status[ready] == Status.IN_WORK) | m.parttime[ready]
    order = np.lexsort((ready, m.queue_since[ready], ~working, m.provider[ready]))
    ready = ready[order]
    provider = m.provider[ready].astype(np.int64)
    rank = np.arange(len(ready)) - np.searchsorted(provider, provider)
    placed = ready[rank < free_general_places(model)[provider]]
    m.childcare_place[placed] = m.provider[placed]
    m.queue_since[placed] = NEVER
    model.tally["childcare_places_allocated"] += len(placed)


def _school_age(model: World) -> None:
    """Children reaching school age free their place and end their registration."""
    m = model.mothers
    n = m.n
    involved = np.flatnonzero((m.childcare_place[:n] >= 0) | (m.queue_since[:n] != NEVER)
                              | m.informal_care[:n])
    school = involved[~needs_care(model, involved)]
    m.childcare_place[school] = -1
    m.place_reserved[school] = False
    m.queue_since[school] = NEVER
    m.informal_care[school] = False


def _breakdowns(model: World) -> None:
    """Informal arrangements break down, more often in a month with a stress event."""
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    status = m.status[:n]
    held = np.flatnonzero(m.informal_care[:n] & ((status == Status.ON_ASSISTANCE)
                                                 | (status == Status.IN_WORK)))
    chance = np.minimum(p.informal_care_breakdown_hazard
                        * np.where(m.stress_event[held], p.informal_breakdown_event_factor, 1.0),
                        1.0)
    broke = held[model.streams.uniform("informal_breakdown", t, held) < chance]
    m.informal_care[broke] = False
    m.informal_since[broke] = NEVER
    m.care_broke[broke] = True
    model.tally["informal_care_breakdowns"] += len(broke)
    # Without a formal place she may register for one (the more she trusts it).
    need = broke[(m.childcare_place[broke] < 0) & (m.queue_since[broke] == NEVER)]
    register = need[model.streams.uniform("register_after_breakdown", t, need)
                    < m.trust_childcare[need]]
    m.queue_since[register] = t


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    _school_age(model)
    _breakdowns(model)
    allocate_places(model)
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)

    # Active mothers who trust formal childcare register for a place; so do working
    # mothers on informal care, who would rather rely on a formal place.
    on = np.flatnonzero(followed & (m.queue_since[:n] == NEVER) & (m.childcare_place[:n] < 0)
                        & ((status == Status.IN_WORK)
                           | (m.ladder[:n] >= p.childcare_place_min_step)))
    on = on[needs_care(model, on)]
    informal = m.informal_care[on] & ((status[on] == Status.IN_WORK) | m.parttime[on])
    chance = np.minimum(p.childcare_register_prob * m.trust_childcare[on]
                        * np.where(informal, p.informal_care_register_factor, 1.0), 1.0)
    register = on[model.streams.uniform("childcare_register", t, on) < chance]
    m.queue_since[register] = t

    # Using formal care builds trust in it.
    using = np.flatnonzero(followed & (m.childcare_place[:n] >= 0))
    gain = np.float32(p.childcare_trust_gain_per_month)
    toward_one(m.trust_childcare, using, gain)
