"""Step 4: stress events and moves up and down the participation ladder.

Confidence, supportive ties (her own network; peer-group ties act through the group's
modifier, docs/model.md) and coach contact push a mother up; active barriers and an
exemption hold her back; stress, stress events (a sick child, a crisis) and a recent step
up ("fast change can cause a setback") push her down. The ladder's steps 1-4 move here;
step 5 (part-time work with a top-up) and 6 (work) come from the job steps. Stress events
also strike mothers in work: a sick child raises the risk of job loss and of informal
care breaking down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulate.population import toward_one
from simulate.states import LADDER_PARTTIME, Barrier, Status
from simulate.steps import BOUND_MARGIN

if TYPE_CHECKING:
    from simulate.parameters import Params
    from simulate.steps import World


def network_push(p: Params, ties: np.ndarray) -> np.ndarray:
    """Relative chance of a step up from ``ties`` supportive ties: it grows linearly with
    ties up to ``ladder_network_full_ties``."""
    full = p.ladder_network_full_ties
    return 1.0 + p.ladder_network_effect * (np.minimum(ties, full) / full)


def stress_events(model: World, followed: np.ndarray) -> None:
    """Stress events and stress of the followed mothers (``followed``: a mask over the rows
    in use; on assistance or in work)."""
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    ids = np.flatnonzero(followed)
    barriers = m.barriers[:n]
    # An event needs a uniform below the chance, which is at most the larger of the two.
    u = model.streams.uniform("stress_event", t, ids)
    with_debts = p.stress_event_base * p.stress_event_debt_factor
    cand = np.flatnonzero(u < max(p.stress_event_base, with_debts))
    debts = (barriers[ids[cand]] & np.uint8(1 << Barrier.DEBTS)) != 0
    hit = ids[cand[u[cand] < np.where(debts, with_debts, p.stress_event_base)]]
    m.stress_event[hit] = True
    # Stress moves towards her own level plus the barriers' (on whole columns, kept for
    # the followed).
    stress = m.stress[:n]
    baseline = np.minimum(m.stress_own[:n] + p.stress_barrier_effect
                          * np.bitwise_count(barriers).astype(np.int64), 1.0)
    moved = stress + p.stress_recovery_per_month * (baseline - stress)
    toward_one(moved, hit, p.stress_event_jump)
    np.copyto(stress, np.clip(moved, 0.0, 1.0), where=followed)
    model.tally["stress_events"] += len(hit)


def step(model: World) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    status = m.status[:n]
    on_now = status == Status.ON_ASSISTANCE
    stress_events(model, on_now | (status == Status.IN_WORK))

    # A step is possible only where the uniform lies below the largest chance of a step up
    # or at or above one less the largest chance of a step down; the chances are computed
    # for those mothers only (the bounds take a margin for rounding).
    movers = np.flatnonzero(on_now & ~m.parttime[:n])
    u = model.streams.uniform("ladder", t, movers)
    most_up, most_down = largest_chances(model)
    cand = np.flatnonzero((u < most_up) | (u >= 1.0 - most_down))
    movers, u = movers[cand], u[cand]

    # The mother's own supportive ties; ties made in a peer group do not push the ladder
    # here (the group's ladder channel is its members' modifier while it runs).
    met = np.flatnonzero(m.contacted[movers])
    effect = np.zeros(len(movers))
    effect[met] = model.coaches.effect[np.maximum(m.coach[movers[met]], 0)]
    floor = p.confidence_floor
    up = (p.ladder_up_base * (floor + m.confidence[movers]) / (floor + 0.5)
          * (1.0 + p.ladder_contact_effect * effect)
          * network_push(p, m.network_ties[movers])
          * _barrier_penalty(p)[np.bitwise_count(m.barriers[movers])]
          * np.where(m.exempt[movers], p.ladder_exempt_factor, 1.0)
          * m.mod_ladder_up[movers])
    up = np.clip(up, 0.0, 1.0)
    recent = (t - m.last_step_up[movers]) <= p.fast_change_window_months
    down = (p.ladder_down_base * (1.0 + p.ladder_stress_effect * m.stress[movers])
            * (1.0 + p.ladder_fast_change_effect * recent))
    event = np.flatnonzero(m.stress_event[movers])
    down[event] *= p.ladder_event_down_factor
    down = np.minimum(down, 1.0 - up)

    ladder = m.ladder[movers]
    step_up = movers[(u < up) & (ladder < LADDER_PARTTIME - 1)]
    step_down = movers[(u >= 1.0 - down) & (ladder > 1)]
    m.ladder[step_up] += 1
    m.last_step_up[step_up] = t
    toward_one(m.confidence, step_up, np.float32(p.confidence_gain_step_up))
    m.ladder[step_down] -= 1
    m.confidence[step_down] *= np.float32(1.0 - p.confidence_loss_step_down)
    model.tally["ladder_up"] += len(step_up)
    model.tally["ladder_down"] += len(step_down)


def _barrier_penalty(p: Params) -> np.ndarray:
    """The chance of a step up relative to none, per number of active barriers (0 to 8:
    barriers are the bits of a byte)."""
    return (1.0 - p.ladder_barrier_penalty) ** np.arange(9)


def largest_chances(model: World) -> tuple[float, float]:
    """Upper bounds of this month's chances of a step up and of a step down: each factor
    of the chance at its largest (the factors are not negative)."""
    m, p = model.mothers, model.params
    n = m.n
    floor = p.confidence_floor
    effects = np.append(model.coaches.effect, 0.0)
    up = (p.ladder_up_base * (floor + max(float(m.confidence[:n].max(initial=0.0)), 0.0))
          / (floor + 0.5)
          * float(np.max(1.0 + p.ladder_contact_effect * effects))
          * float(network_push(p, np.array([0, p.ladder_network_full_ties])).max())
          * float(_barrier_penalty(p).max())
          * max(p.ladder_exempt_factor, 1.0)
          * max(float(m.mod_ladder_up[:n].max(initial=0.0)), 0.0))
    down = (p.ladder_down_base
            * (1.0 + p.ladder_stress_effect * max(float(m.stress[:n].max(initial=0.0)), 0.0))
            * max(1.0 + p.ladder_fast_change_effect, 1.0)
            * max(p.ladder_event_down_factor, 1.0))
    return min(up * (1.0 + BOUND_MARGIN), 1.0), min(down * (1.0 + BOUND_MARGIN), 1.0)
