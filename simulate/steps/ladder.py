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

from simulate.states import LADDER_PARTTIME, Barrier, Status

if TYPE_CHECKING:
    from simulate.model import PathwaysModel
    from simulate.parameters import Params
    from simulate.population import Mothers


def active_barriers(m: Mothers, ids: np.ndarray) -> np.ndarray:
    return np.bitwise_count(m.barriers[ids]).astype(np.int64)


def network_push(p: Params, ties: np.ndarray) -> np.ndarray:
    """Relative chance of a step up from ``ties`` supportive ties: it grows linearly with
    ties up to ``ladder_network_full_ties``."""
    full = p.ladder_network_full_ties
    return 1.0 + p.ladder_network_effect * (np.minimum(ties, full) / full)


def stress_events(model: PathwaysModel, on: np.ndarray) -> None:
    """Stress events and stress of the followed mothers ``on`` (on assistance or in work)."""
    m, p, t = model.mothers, model.params, model.month
    barriers = m.barriers[on]
    debts = (barriers & np.uint8(1 << Barrier.DEBTS)) != 0
    chance = np.where(debts, p.stress_event_base * p.stress_event_debt_factor,
                      p.stress_event_base)
    event = model.streams.uniform("stress_event", t, on) < chance
    m.stress_event[on] = event
    baseline = np.minimum(m.stress_own[on] + p.stress_barrier_effect
                          * np.bitwise_count(barriers).astype(np.int64), 1.0)
    stress = m.stress[on]
    stress = stress + p.stress_recovery_per_month * (baseline - stress)
    hit = np.flatnonzero(event)
    stress[hit] += p.stress_event_jump * (1.0 - stress[hit])
    m.stress[on] = np.clip(stress, 0.0, 1.0)
    model.tally["stress_events"] += len(hit)


def step(model: PathwaysModel) -> None:
    m, p, t = model.mothers, model.params, model.month
    n = m.n
    status = m.status[:n]
    on_now = status == Status.ON_ASSISTANCE
    stress_events(model, np.flatnonzero(on_now | (status == Status.IN_WORK)))

    movers = np.flatnonzero(on_now & ~m.parttime[:n])
    # The mother's own supportive ties; ties made in a peer group do not push the ladder
    # here (the group's ladder channel is its members' modifier while it runs).
    met = np.flatnonzero(m.contacted[movers])
    effect = np.zeros(len(movers))
    effect[met] = model.coaches.effect[np.maximum(m.coach[movers[met]], 0)]
    floor = p.confidence_floor
    # The penalty for each number of active barriers (a table: barriers are bits of a byte).
    penalty = (1.0 - p.ladder_barrier_penalty) ** np.arange(9)
    up = (p.ladder_up_base * (floor + m.confidence[movers]) / (floor + 0.5)
          * (1.0 + p.ladder_contact_effect * effect)
          * network_push(p, m.network_ties[movers])
          * penalty[np.bitwise_count(m.barriers[movers])]
          * np.where(m.exempt[movers], p.ladder_exempt_factor, 1.0)
          * m.mod_ladder_up[movers])
    up = np.clip(up, 0.0, 1.0)
    recent = (t - m.last_step_up[movers]) <= p.fast_change_window_months
    down = (p.ladder_down_base * (1.0 + p.ladder_stress_effect * m.stress[movers])
            * (1.0 + p.ladder_fast_change_effect * recent))
    event = np.flatnonzero(m.stress_event[movers])
    down[event] *= p.ladder_event_down_factor
    down = np.minimum(down, 1.0 - up)

    u = model.streams.uniform("ladder", t, movers)
    ladder = m.ladder[movers]
    step_up = movers[(u < up) & (ladder < LADDER_PARTTIME - 1)]
    step_down = movers[(u >= 1.0 - down) & (ladder > 1)]
    m.ladder[step_up] += 1
    m.last_step_up[step_up] = t
    m.confidence[step_up] += np.float32(p.confidence_gain_step_up) * (1 - m.confidence[step_up])
    m.ladder[step_down] -= 1
    m.confidence[step_down] *= np.float32(1.0 - p.confidence_loss_step_down)
    model.tally["ladder_up"] += len(step_up)
    model.tally["ladder_down"] += len(step_down)
