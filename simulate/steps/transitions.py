"""Leaving and re-entering assistance: the bookkeeping every exit and return shares."""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import LADDER_WORK, Status

EXIT_METRIC = {
    Status.IN_WORK: "exit_work",
    Status.STUDY: "exit_study",
    Status.PARTNER: "exit_partner",
    Status.NONCOOPERATION: "exit_noncooperation",
    Status.OTHER: "exit_other",
}


def leave_assistance(model, ids: np.ndarray, status: Status) -> None:
    """End the assistance spells of ``ids`` with destination ``status``.

    The coach's slot is freed at once. A mother leaving for work keeps her childcare place
    (she needs it for the job); anyone else gives up her place and her registration.
    """
    if len(ids) == 0:
        return
    m, t = model.mothers, model.month
    model.spells.close(m, ids, t, status)
    m.status[ids] = status
    m.exit_month[ids] = t
    m.coach[ids] = -1
    m.missed_agreements[ids] = 0
    m.exempt[ids] = False
    m.parttime[ids] = False
    if status == Status.IN_WORK:
        m.ladder[ids] = LADDER_WORK
    else:
        release_childcare(m, ids)
        m.earnings_eur[ids] = 0.0
        m.job_start[ids] = NEVER
    model.tally[EXIT_METRIC[status]] += len(ids)


def release_childcare(m, ids: np.ndarray) -> None:
    m.childcare_place[ids] = -1
    m.place_reserved[ids] = False
    m.queue_since[ids] = NEVER


def return_to_assistance(model, ids: np.ndarray, ladder_step: int) -> None:
    """Start a new (returning) spell for mothers who were followed outside assistance."""
    if len(ids) == 0:
        return
    m, t = model.mothers, model.month
    m.status[ids] = Status.ON_ASSISTANCE
    m.returning[ids] = True
    m.spell_start[ids] = t
    m.spell_exempt_ever[ids] = False
    m.spell_barrier_registered[ids] = m.barriers_registered[ids] != 0
    m.ladder[ids] = ladder_step
    m.job_start[ids] = NEVER
    m.earnings_eur[ids] = 0.0
    m.months_since_contact[ids] = 0
    m.missed_agreements[ids] = 0
    m.coach[ids] = -1
    model.tally["inflow_returning"] += len(ids)
    model.tally["returns_after_job_loss"] += len(ids)
