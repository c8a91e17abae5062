"""Step 2: exemptions from the work obligation start, are reviewed, and end.

Exemptions have reasons (004:418, 004:428: of 472 exempted women in the Rotterdam
extract, 8% had the one a single parent with a child under 5 may request; most were
temporary). Each reason has its own monthly hazard among the mothers it applies to:
on request (a child under 5: pregnancy alone does not qualify), health (an active health
barrier), care (a
heavy care burden) and other. A share of exemptions is temporary and reviewed every
``exemption_review_months``; the rest every ``exemption_long_review_months``. A review
ends the exemption when its reason no longer holds (the barrier is resolved, the child
is 5) and otherwise renews it with ``exemption_renewal_prob``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.states import Barrier, ExemptionReason, Status

if TYPE_CHECKING:
    from simulate.steps import World

HEALTH = np.uint8(1 << Barrier.HEALTH)
CARE = np.uint8(1 << Barrier.CARE)


def reason_holds(model: World, ids: np.ndarray, reason: np.ndarray) -> np.ndarray:
    """Whether each mother's exemption reason still applies."""
    m, p, t = model.mothers, model.params, model.month
    young = (m.n_children[ids] > 0) & (
        t - m.youngest_birth_month[ids] < p.exemption_child_age_limit_months)
    barriers = m.barriers[ids]
    return np.where(reason == ExemptionReason.REQUEST, young,
                    np.where(reason == ExemptionReason.HEALTH, (barriers & HEALTH) != 0,
                             (reason != ExemptionReason.CARE) | ((barriers & CARE) != 0)))


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    status, exempt = m.status[: m.n], m.exempt[: m.n]
    on_now = status == Status.ON_ASSISTANCE
    held = np.flatnonzero(on_now & exempt)  # before this month's new exemptions

    # New exemptions: competing reasons, one uniform per mother. The cumulative hazards
    # of the reasons (request, health, care, other) are the edges of their intervals.
    cand = np.flatnonzero(on_now & ~exempt)
    young = (m.n_children[cand] > 0) & (
        t - m.youngest_birth_month[cand] < p.exemption_child_age_limit_months)
    barriers = m.barriers[cand]
    # A programme that discusses the exemption with her may change the chance she asks
    # (the factor is 1 otherwise, which leaves the hazard unchanged).
    upto_request = young * (p.exemption_request_hazard
                            * m.exemption_request_factor[cand].astype(np.float64))
    upto_health = upto_request + ((barriers & HEALTH) != 0) * p.exemption_health_hazard
    upto_care = upto_health + ((barriers & CARE) != 0) * p.exemption_care_hazard
    u = model.streams.uniform("exemption_start", t, cand)
    start = np.flatnonzero(u < upto_care + p.exemption_other_hazard)
    ids, u = cand[start], u[start]
    reason = ((u >= upto_request[start]).astype(np.int8) + (u >= upto_health[start])
              + (u >= upto_care[start]) + np.int8(ExemptionReason.REQUEST))
    m.exempt[ids] = True
    m.exempt_since[ids] = t
    m.exempt_reason[ids] = reason
    m.exempt_long[ids] = (model.streams.uniform("exemption_long", t, ids)
                          >= p.exemption_temporary_share)
    m.spell_exempt_ever[ids] = True
    m.spell_exempt_request[ids] |= reason == ExemptionReason.REQUEST

    # Reviews every few months since the exemption started; a review may end it.
    since = t - m.exempt_since[held]
    every = np.where(m.exempt_long[held], p.exemption_long_review_months,
                     p.exemption_review_months)
    due = held[(since > 0) & (since % every == 0)]
    holds = reason_holds(model, due, m.exempt_reason[due])
    renew = model.streams.uniform("exemption_review", t, due) < p.exemption_renewal_prob
    end = due[~(renew & holds)]
    m.exempt[end] = False
    model.tally["exemptions_started"] += len(ids)
    model.tally["exemptions_ended"] += len(end)
