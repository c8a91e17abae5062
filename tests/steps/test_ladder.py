"""Stress events and the participation ladder on small worlds where the answer is known.

Each world is one month of 20,000 mothers whose ladder step, confidence and stress are set
by the test; counts of steps and events must lie within 4 standard errors of the declared
chances.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulate.population import NEVER
from simulate.states import LADDER_PARTTIME, Barrier, Status
from tests.conftest import QUIET, assert_count, make_model

N = 20_000
DEBTS = np.uint8(1 << Barrier.DEBTS)

# Only the declared base chances move a mother: no push from contact, ties, barriers or
# exemptions; no stress events and no drift of confidence back to her own level.
PLAIN = dict(QUIET, ladder_contact_effect=0.0, ladder_network_effect=0.0,
             ladder_barrier_penalty=0.0, ladder_exempt_factor=1.0, ladder_stress_effect=0.0,
             ladder_fast_change_effect=0.0, stress_event_base=0.0,
             psych_reversion_per_month=0.0, job_loss_hazard=0.0)


def _world(step=2, confidence=0.5, seed=1, **overrides):
    """Every mother on assistance at ``step`` with ``confidence``, no job; the model before
    month 1."""
    model = make_model(0, seed=seed, size=N, **{**PLAIN, **overrides})
    m = model.mothers
    n = m.n
    m.status[:n] = Status.ON_ASSISTANCE
    m.ladder[:n] = step
    m.parttime[:n] = False
    m.job_start[:n] = NEVER
    m.earnings_eur[:n] = 0.0
    m.confidence[:n] = m.confidence_own[:n] = confidence
    m.last_step_up[:n] = NEVER
    return model, np.arange(n)


def test_steps_up_and_down_at_the_declared_chances_and_confidence_follows():
    c = 0.3
    model, ids = _world(confidence=c, ladder_up_base=0.1, ladder_down_base=0.05)
    p, m = model.params, model.mothers
    model.step()
    up, down = ids[m.ladder[ids] == 3], ids[m.ladder[ids] == 1]
    stayed = ids[m.ladder[ids] == 2]
    assert len(up) + len(down) + len(stayed) == N
    # (floor + confidence) / (floor + 0.5) at the default floor of 0.5.
    assert_count(len(up), np.full(N, 0.1 * (p.confidence_floor + c) / (p.confidence_floor + 0.5)))
    assert_count(len(down), np.full(N, 0.05))
    w = model.record.latest()
    assert (w["ladder_up"], w["ladder_down"]) == (len(up), len(down))
    assert np.all(m.last_step_up[up] == 1) and np.all(m.last_step_up[down] == NEVER)
    assert np.allclose(m.confidence[up], c + p.confidence_gain_step_up * (1 - c))
    assert np.allclose(m.confidence[down], c * (1 - p.confidence_loss_step_down))
    assert np.allclose(m.confidence[stayed], c)


@pytest.mark.parametrize("floor", [0.25, 1.0])
def test_the_chance_of_a_step_up_scales_with_floor_plus_confidence(floor):
    """Half the mothers have no confidence, half full confidence: their chances are
    ``base (floor + c) / (floor + 0.5)``, so the floor keeps the unconfident moving."""
    base = 0.2
    model, ids = _world(ladder_up_base=base, ladder_down_base=0.0, confidence_floor=floor)
    m = model.mothers
    confident = ids % 2 == 1
    m.confidence[ids] = m.confidence_own[ids] = confident.astype(np.float32)
    model.step()
    up = m.ladder[ids] == 3
    for group, c in ((~confident, 0.0), (confident, 1.0)):
        chance = base * (floor + c) / (floor + 0.5)
        assert_count(int(up[group].sum()), np.full(int(group.sum()), chance))


def test_the_ladder_moves_one_step_within_steps_1_to_4_and_leaves_part_time_work_alone():
    """Certain moves: every mother who can step up does (confidence 0.5 makes the chance
    exactly the base of 1), then every one who can step down does."""
    model, ids = _world(ladder_up_base=1.0, ladder_down_base=0.0)
    m = model.mothers
    start = ids % 5 + 1  # steps 1 to 5; step 5 is part-time work on assistance
    m.ladder[ids] = start
    m.parttime[ids] = start == LADDER_PARTTIME
    model.step()
    assert np.array_equal(m.ladder[ids], np.select([start < 4, start == 4], [start + 1, 4], 5))

    model, ids = _world(ladder_up_base=0.0, ladder_down_base=1.0)
    m = model.mothers
    m.ladder[ids] = start
    m.parttime[ids] = start == LADDER_PARTTIME
    model.step()
    assert np.array_equal(m.ladder[ids], np.select([start == 1, start < 5], [1, start - 1], 5))


def test_up_and_down_share_one_draw_and_the_step_down_yields_to_the_step_up():
    """Chances 0.6 up and 0.6 down: the step down is cut to 0.4, and every mother moves
    one way or the other, never both."""
    model, ids = _world(ladder_up_base=0.6, ladder_down_base=0.6)
    m = model.mothers
    model.step()
    assert not np.any(m.ladder[ids] == 2)
    assert_count(int(np.count_nonzero(m.ladder[ids] == 3)), np.full(N, 0.6))


def test_stress_a_stress_event_and_a_recent_step_up_raise_the_chance_of_a_step_down():
    """Everyone has a stress event; half stepped up last month. The chance of a step down
    is ``base (1 + stress effect x stress) (1 + fast change x recent) x event factor``,
    with stress as the month leaves it."""
    base, effect, fast, event = 0.04, 1.5, 1.0, 2.0
    model, ids = _world(ladder_up_base=0.0, ladder_down_base=base, stress_event_base=1.0,
                        stress_event_debt_factor=1.0, ladder_stress_effect=effect,
                        ladder_fast_change_effect=fast, fast_change_window_months=2,
                        ladder_event_down_factor=event)
    m = model.mothers
    recent = ids % 2 == 1
    m.last_step_up[ids[recent]] = 0
    m.stress[ids] = np.linspace(0.0, 0.9, N, dtype=np.float32)
    model.step()
    assert model.record.latest()["stress_events"] == N
    chance = base * (1 + effect * m.stress[ids].astype(float)) * (1 + fast * recent) * event
    down = m.ladder[ids] == 1
    for group in (recent, ~recent):
        assert_count(int(down[group].sum()), chance[group])


def test_stress_events_strike_mothers_on_assistance_and_in_work_and_raise_stress():
    """A third each on assistance, in work and no longer followed; half of each have
    problematic debts, which multiply the chance of an event. Stress is pulled towards her
    own level plus the barriers' part, then an event closes part of the gap to 1."""
    chance, debt_factor = 0.1, 2.5
    model, ids = _world(stress_event_base=chance, stress_event_debt_factor=debt_factor,
                        ladder_up_base=0.0, ladder_down_base=0.0)
    p, m = model.params, model.mothers
    status = np.array([Status.ON_ASSISTANCE, Status.IN_WORK, Status.NOT_FOLLOWED])[ids % 3]
    m.status[ids] = status
    m.exit_month[ids] = np.where(status == Status.ON_ASSISTANCE, NEVER, 0)
    m.job_start[ids] = np.where(status == Status.IN_WORK, 0, NEVER)
    debts = (ids // 3) % 2 == 1
    m.barriers[ids] = np.where(debts, DEBTS, 0)
    m.barriers_registered[ids] = m.barriers_referred[ids] = 0
    m.stress[ids] = 0.5
    m.stress_own[ids] = 0.2
    model.step()

    event = m.stress_event[ids]
    followed = status != Status.NOT_FOLLOWED
    assert not event[~followed].any() and np.all(m.stress[ids][~followed] == 0.5)
    for s in (Status.ON_ASSISTANCE, Status.IN_WORK):
        for has_debts, factor in ((False, 1.0), (True, debt_factor)):
            group = (status == s) & (debts == has_debts)
            assert_count(int(event[group].sum()), np.full(int(group.sum()), chance * factor))
    assert model.record.latest()["stress_events"] == event.sum()

    level = 0.2 + p.stress_barrier_effect * debts
    pulled = 0.5 + p.stress_recovery_per_month * (level - 0.5)
    expected = np.where(event, pulled + p.stress_event_jump * (1 - pulled), pulled)
    assert np.allclose(m.stress[ids][followed], expected[followed], atol=1e-6)
