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
    from simulate.model import PathwaysModel

HEALTH = np.uint8(1 << Barrier.HEALTH)
CARE = np.uint8(1 << Barrier.CARE)


def reason_holds(model: PathwaysModel, ids: np.ndarray, reason: np.ndarray) -> np.ndarray:
    """Whether each mother's exemption reason still applies."""
    m, p, t = model.mothers, model.params, model.month
    young = (m.n_children[ids] > 0) & (
        t - m.youngest_birth_month[ids] < p.exemption_child_age_limit_months)
    return np.select([reason == ExemptionReason.REQUEST, reason == ExemptionReason.HEALTH,
                      reason == ExemptionReason.CARE],
                     [young, (m.barriers[ids] & HEALTH) != 0, (m.barriers[ids] & CARE) != 0],
                     True)


def step(model: PathwaysModel) -> None:
    m, p, t = model.mothers, model.params, model.month
    on = m.ids_where(Status.ON_ASSISTANCE)
    exempt = m.exempt[on]

    # New exemptions: competing reasons, one uniform per mother.
    cand = on[~exempt]
    young = (m.n_children[cand] > 0) & (
        t - m.youngest_birth_month[cand] < p.exemption_child_age_limit_months)
    # A programme that discusses the exemption with her may change the chance she asks
    # (the factor is 1 otherwise, which leaves the hazard unchanged).
    request = p.exemption_request_hazard * m.exemption_request_factor[cand].astype(np.float64)
    hazards = np.stack([np.where(young, request, 0.0),
                        np.where((m.barriers[cand] & HEALTH) != 0, p.exemption_health_hazard, 0.0),
                        np.where((m.barriers[cand] & CARE) != 0, p.exemption_care_hazard, 0.0),
                        np.full(len(cand), p.exemption_other_hazard)])
    cum = np.cumsum(hazards, axis=0)
    u = model.streams.uniforms(["exemption_start", "exemption_long"], t, cand)
    reason = (u["exemption_start"] >= cum).sum(axis=0)  # 4 means no exemption this month
    start = reason < 4
    ids, reason = cand[start], (reason[start] + ExemptionReason.REQUEST).astype(np.int8)
    m.exempt[ids] = True
    m.exempt_since[ids] = t
    m.exempt_reason[ids] = reason
    m.exempt_long[ids] = u["exemption_long"][start] >= p.exemption_temporary_share
    m.spell_exempt_ever[ids] = True
    m.spell_exempt_request[ids] |= reason == ExemptionReason.REQUEST

    # Reviews every few months since the exemption started; a review may end it.
    held = on[exempt]
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
