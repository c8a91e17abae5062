"""Step 6: childcare under capacity.

Each mother has a local provider. Formal places go first come, first served: a mother
registers, waits out the registration lag, and gets a free place once she is active
enough to need one (a course or organised activity, ladder step 3 and up, or work).
Places reserved by a programme are not open to the general queue; programmes hand them
out in their ``allocate`` hook. Informal care comes from supportive ties. Using formal
care builds trust in it. A place is given up when the youngest child reaches school age
or the mother leaves assistance other than for work.
"""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import Status


def needs_care(model, ids: np.ndarray) -> np.ndarray:
    """True for mothers whose youngest child is under school age."""
    m = model.mothers
    return (m.n_children[ids] > 0) & (
        model.month - m.youngest_birth_month[ids] < model.params.childcare_need_age_months)


def informal_care(model, ids: np.ndarray, flexible: np.ndarray) -> np.ndarray:
    """Whether the network can cover the hours: each tie helps with some probability."""
    m, p = model.mothers, model.params
    per_tie = np.minimum(p.informal_care_per_tie * np.where(flexible, p.flexible_informal_factor,
                                                            1.0), 1.0)
    ties = m.network_ties[ids].astype(np.int64) + m.peer_ties[ids]
    chance = 1.0 - (1.0 - per_tie) ** ties
    return model.streams.uniform("informal_care", model.month, ids) < chance


def occupied(model) -> tuple[np.ndarray, np.ndarray]:
    """Places in use per provider: (general places, reserved places)."""
    m = model.mothers
    n = m.n
    holds = m.childcare_place[:n] >= 0
    k = len(model.providers)
    general = holds & ~m.place_reserved[:n]
    reserved = holds & m.place_reserved[:n]
    return (np.bincount(m.childcare_place[:n][general], minlength=k),
            np.bincount(m.childcare_place[:n][reserved], minlength=k))


def free_general_places(model) -> np.ndarray:
    general, _ = occupied(model)
    return np.maximum(model.provider_places - model.provider_reserved - general, 0)


def allocate_places(model) -> None:
    """First come, first served, per provider, among active registered mothers."""
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)
    queued = np.flatnonzero(followed & (m.queue_since[:n] != NEVER) & (m.childcare_place[:n] < 0))
    queued = queued[needs_care(model, queued)]
    ready = queued[(t - m.queue_since[queued] >= p.childcare_registration_lag_months)
                   & ((m.status[queued] == Status.IN_WORK)
                      | (m.ladder[queued] >= p.childcare_place_min_step))]
    order = np.lexsort((ready, m.queue_since[ready], m.provider[ready]))
    ready = ready[order]
    provider = m.provider[ready].astype(np.int64)
    rank = np.arange(len(ready)) - np.searchsorted(provider, provider)
    placed = ready[rank < free_general_places(model)[provider]]
    m.childcare_place[placed] = m.provider[placed]
    m.queue_since[placed] = NEVER
    model.tally["childcare_places_allocated"] += len(placed)


def step(model) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n

    # Children reaching school age free their place.
    holders = np.flatnonzero(m.childcare_place[:n] >= 0)
    school = holders[~needs_care(model, holders)]
    m.childcare_place[school] = -1
    m.place_reserved[school] = False

    allocate_places(model)
    status = m.status[:n]
    followed = (status == Status.ON_ASSISTANCE) | (status == Status.IN_WORK)

    # Active mothers who trust formal childcare register for a place.
    on = np.flatnonzero((status == Status.ON_ASSISTANCE) & (m.queue_since[:n] == NEVER)
                        & (m.childcare_place[:n] < 0) & (m.ladder[:n] >= p.childcare_place_min_step))
    on = on[needs_care(model, on)]
    chance = p.childcare_register_prob * m.trust_childcare[on]
    register = on[model.streams.uniform("childcare_register", t, on) < chance]
    m.queue_since[register] = t

    # Using formal care builds trust in it.
    using = np.flatnonzero(followed & (m.childcare_place[:n] >= 0))
    gain = np.float32(p.childcare_trust_gain_per_month)
    m.trust_childcare[using] += gain * (1 - m.trust_childcare[using])
