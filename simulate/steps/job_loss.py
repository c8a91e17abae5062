"""Step 8: job loss, most likely in the first months, and the return to assistance.

Mothers who left for work are followed for ``work_followup_months``; after that their job
is no longer simulated.

The risk starts at ``job_loss_hazard * (1 + job_loss_early_factor)`` and falls towards
``job_loss_hazard`` with tenure; policies scale it through ``mod_job_loss`` (aftercare,
peer ties). A mother who loses a full job usually returns to assistance; one who loses a
part-time job stays on assistance without earnings.
"""

from __future__ import annotations

import numpy as np

from simulate.population import NEVER
from simulate.states import Status
from simulate.steps.transitions import release_childcare, return_to_assistance


def risk(model, ids: np.ndarray) -> np.ndarray:
    m, p = model.mothers, model.params
    tenure = model.month - m.job_start[ids]
    early = 1.0 + p.job_loss_early_factor * np.exp(-tenure / p.job_loss_early_decay_months)
    return np.minimum(p.job_loss_hazard * early * m.mod_job_loss[ids], 1.0)


def step(model) -> None:
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
    lost = working[model.streams.uniform("job_loss", t, working) < risk(model, working)]
    model.tally["job_losses"] += len(lost)

    part = lost[m.status[lost] == Status.ON_ASSISTANCE]
    m.parttime[part] = False
    m.ladder[part] = p.job_loss_ladder_step
    m.earnings_eur[part] = 0.0
    m.job_start[part] = NEVER

    full = lost[m.status[lost] == Status.IN_WORK]
    back = model.streams.uniform("return", t, full) < p.return_after_job_loss
    return_to_assistance(model, full[back], ladder_step=p.job_loss_ladder_step)
    gone = full[~back]
    m.status[gone] = Status.NOT_FOLLOWED
    release_childcare(m, gone)
