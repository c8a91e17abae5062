"""Step 8: job loss, most likely in the first months, and the way back to assistance.

Mothers who left for work are followed for ``work_followup_months``; after that their job
is no longer simulated.

The risk starts at ``job_loss_hazard * (1 + job_loss_early_factor)`` and falls towards
``job_loss_hazard`` with tenure; it is higher in a month with a stress event (a sick
child: 004:630-650) and for part-time or flexible work on assistance
(``parttime_job_loss_factor``), and policies scale it through ``mod_job_loss`` (aftercare, peer
ties). A working mother whose informal care broke down this month and who has no formal
place loses the job with probability ``job_loss_on_care_breakdown``. A mother who loses a
part-time job stays on assistance without earnings; one who loses a full job is jobless
and returns to assistance after a delay (unemployment insurance and savings come first),
or finds other income.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.population import NEVER
from simulate.states import Status
from simulate.steps.transitions import release_childcare, schedule_returns

if TYPE_CHECKING:
    from simulate.steps import World


def risk(model: World, ids: np.ndarray) -> np.ndarray:
    m, p = model.mothers, model.params
    tenure = model.month - m.job_start[ids]
    early = 1.0 + p.job_loss_early_factor * np.exp(-tenure / p.job_loss_early_decay_months)
    event = np.where(m.stress_event[ids], p.job_loss_stress_event_factor, 1.0)
    flexible = np.where(m.parttime[ids], p.parttime_job_loss_factor, 1.0)
    return np.minimum(p.job_loss_hazard * early * event * flexible * m.mod_job_loss[ids], 1.0)


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    # Follow-up after an exit to work ends after a while.
    done = np.flatnonzero((m.status[:n] == Status.IN_WORK)
                          & (t - m.exit_month[:n] > p.work_followup_months))
    m.status[done] = Status.NOT_FOLLOWED
    release_childcare(m, done)
    status = m.status[:n]
    working = np.flatnonzero(((status == Status.IN_WORK)
                              | ((status == Status.ON_ASSISTANCE) & m.parttime[:n]))
                             & (m.job_start[:n] < t))
    u = model.streams.uniforms(["job_loss", "care_job_loss"], t, working)
    no_care = m.care_broke[working] & (m.childcare_place[working] < 0)
    by_care = no_care & (u["care_job_loss"] < p.job_loss_on_care_breakdown)
    lost = working[(u["job_loss"] < risk(model, working)) | by_care]
    model.tally["job_losses"] += len(lost)
    model.tally["job_losses_care_breakdown"] += int(np.count_nonzero(by_care))

    part = lost[m.status[lost] == Status.ON_ASSISTANCE]
    m.parttime[part] = False
    m.ladder[part] = p.job_loss_ladder_step
    m.earnings_eur[part] = 0.0
    m.job_start[part] = NEVER

    full = lost[m.status[lost] == Status.IN_WORK]
    m.status[full] = Status.JOBLESS
    m.earnings_eur[full] = 0.0
    m.job_start[full] = NEVER
    release_childcare(m, full)
    schedule_returns(model, full, Status.JOBLESS)
    # Those who will not come back find other income: no longer followed.
    m.status[full[m.return_month[full] == NEVER]] = Status.NOT_FOLLOWED
