"""Step 2: exemptions from the work obligation start, are reviewed, and end."""

from __future__ import annotations

import numpy as np

from simulate.states import Status


def step(model) -> None:
    m, p, t = model.mothers, model.params, model.month
    on = m.ids_where(Status.ON_ASSISTANCE)
    exempt = m.exempt[on]
    young = m.pregnant[on] | ((m.n_children[on] > 0) & (
        t - m.youngest_birth_month[on] < p.exemption_child_age_limit_months))

    start = on[~exempt & young]
    start = start[model.streams.uniform("exemption_start", t, start)
                  < p.exemption_start_hazard_per_month]
    m.exempt[start] = True
    m.exempt_since[start] = t
    m.spell_exempt_ever[start] = True

    # Reviews every few months since the exemption started; a review may end it.
    held, held_young = on[exempt], young[exempt]
    since = t - m.exempt_since[held]
    review = (since > 0) & (since % p.exemption_review_months == 0)
    due, due_young = held[review], held_young[review]
    renew = model.streams.uniform("exemption_review", t, due) < p.exemption_renewal_prob
    end = due[~(renew & due_young)]
    m.exempt[end] = False
    model.tally["exemptions_started"] += len(start)
    model.tally["exemptions_ended"] += len(end)
