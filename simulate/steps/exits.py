"""Step 7: exits to study, to a partner's income, and for other reasons.

Competing monthly hazards share one uniform per mother, so raising one hazard moves
mothers from "stay" to that exit without reshuffling who leaves for the others.
"""

from __future__ import annotations

import numpy as np

from simulate.states import EntryReason, Status
from simulate.steps.transitions import leave_assistance


def step(model) -> None:
    m, p, t = model.mothers, model.params, model.month
    on = m.ids_where(Status.ON_ASSISTANCE)
    age = (t - m.birth_month[on]) / 12.0
    study = (p.study_exit_hazard
             * np.where(age < p.study_young_age_years, p.study_young_factor, 1.0)
             * np.where(m.entry_reason[on] == EntryReason.STUDENT_FINANCE_END,
                        p.study_student_finance_factor, 1.0))
    partner = study + p.partner_exit_hazard
    # Policies may raise the hazard of leaving for other reasons (``mod_exit_other``: a
    # debt trajectory's full disclosure of finances, Koning 2014).
    other = partner + p.other_exit_hazard * m.mod_exit_other[on]
    u = model.streams.uniform("exit", t, on)
    leave_assistance(model, on[u < study], Status.STUDY)
    leave_assistance(model, on[(u >= study) & (u < partner)], Status.PARTNER)
    leave_assistance(model, on[(u >= partner) & (u < other)], Status.OTHER)
