"""Replicates in one pass: a burn-in run in a batch is bit for bit the burn-in run alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.agents.coach import CoachTable
from simulate.batch import BatchBurnIn, warm_burn_ins
from simulate.model import BURN_IN_CACHE, BurnIn, PathwaysModel, burn_in_key
from simulate.parameters import Params
from simulate.population import COLUMNS
from simulate.scenario import Scenario

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))


def alone(params: Params, seed: int, replicate: int, horizon: int = 36) -> BurnIn:
    """The burn-in of one replicate run by a model on its own."""
    BURN_IN_CACHE.clear()
    model = PathwaysModel(params, seed=seed, replicate=replicate, horizon_months=horizon)
    model.close()
    key = burn_in_key(params.world(), seed, replicate, params.burn_in_months, True)
    snapshot = BURN_IN_CACHE.get(key)
    BURN_IN_CACHE.clear()
    assert snapshot is not None
    return snapshot


def assert_same(a: BurnIn, b: BurnIn) -> None:
    """Every column, table and log of two burn-ins equal, bit for bit."""
    ma, mb = a.parts["mothers"], b.parts["mothers"]
    assert ma.n == mb.n
    for name in COLUMNS:
        x, y = getattr(ma, name)[: ma.n], getattr(mb, name)[: mb.n]
        assert x.dtype == y.dtype, name
        assert np.array_equal(x.view(np.uint8), y.view(np.uint8)), name
    ca, cb = a.parts["coaches"], b.parts["coaches"]
    for name in CoachTable.FIELDS:
        assert np.array_equal(getattr(ca, name), getattr(cb, name)), name
    assert ca.programme == cb.programme
    ea, eb = a.parts["employer_table"], b.parts["employer_table"]
    assert ea.keys() == eb.keys()
    for key in ea:
        assert np.array_equal(ea[key], eb[key]), key
    pd.testing.assert_frame_equal(a.parts["children"].frame(), b.parts["children"].frame())
    for key in ("places", "reserved", "next_id", "t"):
        assert a.parts[key] == b.parts[key], key
    assert len(b.parts["network"]) == 0


def _worlds() -> list[tuple[list[str], Params]]:
    """The distinct burn-in worlds of the shipped scenarios, with the scenarios that share
    each (levers and programmes do not enter a burn-in, so most share the baseline's)."""
    worlds: dict[tuple, tuple[list[str], Params]] = {}
    for path in SCENARIOS:
        params = Scenario.from_yaml(path).params()
        key = tuple(sorted(params.world().values.items()))
        worlds.setdefault(key, ([], params))[0].append(path.stem)
    return list(worlds.values())


def test_every_shipped_scenario_is_in_a_tested_world():
    assert sum(len(names) for names, _ in _worlds()) == len(SCENARIOS) > 10


@pytest.mark.parametrize("params", [p for _, p in _worlds()],
                         ids=[f"{n[0]}+{len(n) - 1}" for n, _ in _worlds()])
def test_every_shipped_world_burns_in_the_same_in_a_batch(params):
    # Two seeds and two replicate numbers in one batch, against each run alone.
    keys = [(11, 0), (11, 3), (12, 1)]
    batch = BatchBurnIn(params.world(), keys, params.burn_in_months, 36, True).split()
    for (seed, replicate), snapshot in zip(keys, batch):
        assert_same(alone(params, seed, replicate), snapshot)


@settings(max_examples=25, deadline=None)
@given(seeds=st.lists(st.tuples(st.integers(0, 2**40), st.integers(0, 50)), min_size=1,
                      max_size=4, unique=True),
       size=st.integers(20, 300), months=st.integers(1, 30),
       providers=st.integers(1, 6), employers=st.integers(1, 40))
def test_any_batch_matches_its_replicates_alone(seeds, size, months, providers, employers):
    # Generated worlds: small and short, with tables of any size per replicate.
    params = Params.from_overrides({"size": size, "burn_in_months": months,
                                    "childcare_providers": providers, "employers": employers})
    batch = BatchBurnIn(params.world(), seeds, months, 12, True).split()
    for (seed, replicate), snapshot in zip(seeds, batch):
        assert_same(alone(params, seed, replicate, horizon=12), snapshot)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_each_shipped_scenario_runs_the_same_from_a_batch(path):
    # The whole run, programmes included: a model started from a batch's burn-in records
    # every metric of every month as one that ran its own (a short burn-in and horizon).
    scenario = Scenario.from_yaml(path)
    params = scenario.params().replace(burn_in_months=12)

    def run(replicate: int) -> pd.DataFrame:
        model = PathwaysModel(params, scenario.make_policies(), seed=5, replicate=replicate,
                              horizon_months=6)
        model.run(6)
        model.close()
        return model.record.wide()

    BURN_IN_CACHE.clear()
    expected = [run(r) for r in (0, 1)]
    BURN_IN_CACHE.clear()
    assert warm_burn_ins(params, 5, [0, 1], 6, True) == 2
    assert warm_burn_ins(params, 5, [0, 1], 6, True) == 0  # cached: nothing runs again
    got = [run(r) for r in (0, 1)]
    BURN_IN_CACHE.clear()
    for a, b in zip(expected, got):
        pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_matching_does_not_cross_replicates():
    # Each replicate keeps its own coaches and employers: no mother is matched with
    # another replicate's.
    params = Params.from_overrides({"size": 200, "burn_in_months": 6})
    batch = BatchBurnIn(params.world(), [(1, 0), (1, 1), (1, 2)], 6, 12, True)
    m, n = batch.mothers, batch.mothers.n
    per = len(batch.coaches) // 3
    coached = np.flatnonzero(m.coach[:n] >= 0)
    assert len(coached) > 0
    assert np.array_equal(m.coach[coached] // per, batch.replicate[coached])
    assert np.array_equal(m.provider[:n] // params.childcare_providers, batch.replicate[:n])
    parts = batch.by_replicate(np.arange(n), np.arange(len(batch.coaches)), len(batch.coaches))
    assert [len(pool) for _, pool in parts] == [per] * 3
    assert sum(len(pos) for pos, _ in parts) == n


def test_batches_stay_within_the_memory_they_are_allowed():
    # The baseline's burn-ins batch 16 at a time; a world too large for the burn-in cache is
    # not batched at all (each model runs its own), and the up-front memory estimate counts
    # the batch and the cache only where they happen.
    from simulate import memory

    small = Params.from_overrides({"size": 1190})
    large = Params.from_overrides({"size": 200_000, "burn_in_months": 1})
    assert memory.burn_in_batch(small, 36) == 16
    assert memory.burn_in_batch(small, 36) * memory.table_rows(small, 36) * memory.ROW_BYTES \
        <= memory.BURN_IN_BATCH_BYTES
    assert memory.burn_in_batch(large, 36) == 0
    assert memory.burn_in_bytes(large, 36) == 0 < memory.burn_in_bytes(small, 36)
    BURN_IN_CACHE.clear()
    assert warm_burn_ins(large, 1, [0, 1], 36, False) == 0
    assert warm_burn_ins(small.replace(burn_in_months=2), 1, [0], 36, False) == 0  # one alone
    assert len(BURN_IN_CACHE._items) == 0
