"""Step 7: exits to study, to a partner's income, and for other reasons.

Each hazard falls with her months on assistance (duration dependence,
:func:`simulate.steps.transitions.duration_factor`; at most 1, so the bounds below hold).

Competing monthly hazards share one uniform per mother, and each exit owns a third of
its range (study from 0, partner from 1/3, other from 2/3), so raising one hazard moves
mothers from "stay" to that exit without reshuffling who leaves for the others. The
declarations keep each hazard at most 1/3 (``PRODUCT_LIMITS`` in simulate/parameters.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.states import EntryReason, Status
from simulate.steps import BOUND_MARGIN
from simulate.steps.transitions import duration_factor, leave_assistance

if TYPE_CHECKING:
    from simulate.steps import World

THIRD = 1.0 / 3.0  # each exit's share of the uniform's range


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    on = m.ids_where(Status.ON_ASSISTANCE)
    u = model.streams.uniform("exit", t, on)
    # Each hazard is computed only where the uniform lies below its largest possible
    # value (the rest cannot leave that way).
    most_study, most_other = largest_hazards(model)
    near = np.flatnonzero(u < most_study)
    ids = on[near]
    age = (t - m.birth_month[ids]) / 12.0
    study = (p.study_exit_hazard
             * np.where(age < p.study_young_age_years, p.study_young_factor, 1.0)
             * np.where(m.entry_reason[ids] == EntryReason.STUDENT_FINANCE_END,
                        p.study_student_finance_factor, 1.0)
             * duration_factor(model, ids))
    leave_assistance(model, ids[u[near] < study], Status.STUDY)
    near = np.flatnonzero((u >= THIRD) & (u < THIRD + p.partner_exit_hazard))
    ids = on[near]
    partner = p.partner_exit_hazard * duration_factor(model, ids)
    leave_assistance(model, ids[u[near] < THIRD + partner], Status.PARTNER)
    # Policies may raise the hazard of leaving for other reasons (``mod_exit_other``: a
    # debt trajectory's full disclosure of finances, Koning 2014); kept within its third.
    near = np.flatnonzero((u >= 2 * THIRD) & (u < 2 * THIRD + most_other))
    ids = on[near]
    # A month with a coach's appointment adds the hassle and threat of being watched:
    # some who can do without assistance leave (contact_exit_effect).
    other = np.minimum(p.other_exit_hazard * m.mod_exit_other[ids]
                       * np.where(m.contacted[ids], 1.0 + p.contact_exit_effect, 1.0)
                       * duration_factor(model, ids), THIRD)
    leave_assistance(model, ids[u[near] < 2 * THIRD + other], Status.OTHER)


def largest_hazards(model: World) -> tuple[float, float]:
    """Upper bounds of this month's hazards of leaving for study and for other reasons:
    each factor at its largest (the factors are not negative; duration dependence is at
    most 1), with a margin for rounding."""
    p = model.params
    study = p.study_exit_hazard * max(p.study_young_factor, 1.0) * max(
        p.study_student_finance_factor, 1.0)
    mod = float(model.mothers.mod_exit_other[: model.mothers.n].max(initial=1.0))
    contact = 1.0 + max(p.contact_exit_effect, 0.0)
    return (study + BOUND_MARGIN,
            min(p.other_exit_hazard * mod * contact, THIRD) + BOUND_MARGIN)
