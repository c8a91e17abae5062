"""Runs with programmes in one pass: each replicate stepped in a lockstep is bit for bit the
replicate run alone."""

from __future__ import annotations

from pathlib import Path
from typing import Self
from unittest import mock

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import simulate
from simulate import runner
from simulate.batch import RUN_CACHE, programme_key, warm_worlds
from simulate.lockstep import Lockstep, run_together, warm_programmes
from simulate.model import BURN_IN_CACHE, PathwaysModel
from simulate.policies.base import Policy
from simulate.scenario import Scenario
from tests.test_batch import assert_same_whole

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))


def alone(params, make_policies, seed: int, replicates, months: int, spells: bool = True):
    """Record, spells and children of each replicate run by a model on its own."""
    out = []
    for r in replicates:
        BURN_IN_CACHE.clear()
        model = PathwaysModel(params, make_policies(), seed=seed, replicate=r,
                              horizon_months=months, record_spells=spells)
        model.run(months)
        model.close()
        out.append((model.record.wide(), model.spells.frame(model.mothers) if spells else None,
                    model.children.frame() if spells else None))
    BURN_IN_CACHE.clear()
    return out


class _Spy:
    """Counts the lockstep's months stepped together and its months apart."""

    def __init__(self) -> None:
        self.together = self.apart = 0

    def __enter__(self) -> Self:
        spy, month, apart = self, Lockstep._month, Lockstep._apart

        def counted_month(lock):
            spy.together += 1
            month(lock)

        def counted_apart(lock):
            spy.apart += 1
            apart(lock)

        self._patches = [mock.patch.object(Lockstep, "_month", counted_month),
                         mock.patch.object(Lockstep, "_apart", counted_apart)]
        for p in self._patches:
            p.start()
        return self

    def __exit__(self, *exc) -> None:
        for p in self._patches:
            p.stop()


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_each_shipped_scenario_runs_the_same_in_a_lockstep(path):
    # Every programme, every metric of every month, every spell and child (a short burn-in
    # and horizon; the benchmark's full-size comparison is the slow test below).
    scenario = Scenario.from_yaml(path)
    params = scenario.params().replace(burn_in_months=12)
    expected = alone(params, scenario.make_policies, 5, [0, 1, 2], 8)
    with _Spy() as spy:
        got = run_together(params, scenario.make_policies, 5, [0, 1, 2], 8, True)
    assert spy.together == 8 and spy.apart == 0
    assert_same_whole(expected, got)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dedicated-coaches", "all-modules", "reserved-childcare"])
def test_shipped_programmes_at_full_size_run_the_same_in_a_lockstep(name):
    scenario = Scenario.from_yaml(SCENARIOS[0].parent / f"{name}.yaml")
    params = scenario.params()
    expected = alone(params, scenario.make_policies, 7, [0, 3], 36)
    assert_same_whole(expected, run_together(params, scenario.make_policies, 7, [0, 3], 36, True))


@settings(max_examples=10, deadline=None)
@given(path=st.sampled_from(SCENARIOS), size=st.integers(20, 300), burn_in=st.integers(0, 18),
       months=st.integers(1, 14), horizon=st.integers(1, 14), k=st.integers(2, 4),
       spells=st.booleans(), seed=st.integers(0, 2**40))
def test_any_lockstep_matches_its_replicates_alone(path, size, burn_in, months, horizon, k,
                                                   spells, seed):
    # Tables sized for a shorter horizon than is run (``horizon``): a model whose arrivals
    # outgrow its block makes every model step on alone, with the same numbers.
    scenario = Scenario.from_yaml(path)
    params = scenario.params().replace(size=size, burn_in_months=burn_in)

    def run(replicates):
        models = [PathwaysModel(params, scenario.make_policies(), seed=seed, replicate=r,
                                horizon_months=horizon, record_spells=spells)
                  for r in replicates]
        lock = Lockstep.of(models)
        assert lock is not None
        lock.run(months)
        return [(m.record.wide(), m.spells.frame(m.mothers) if spells else None,
                 m.children.frame() if spells else None) for m in models]

    expected = []
    for r in range(k):
        BURN_IN_CACHE.clear()
        model = PathwaysModel(params, scenario.make_policies(), seed=seed, replicate=r,
                              horizon_months=horizon, record_spells=spells)
        model.run(months)
        expected.append((model.record.wide(),
                         model.spells.frame(model.mothers) if spells else None,
                         model.children.frame() if spells else None))
    BURN_IN_CACHE.clear()
    for (a, s, c), (b, t, d) in zip(expected, run(range(k)), strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        for x, y in ((s, t), (c, d)):
            if x is None:
                assert y is None
            else:
                pd.testing.assert_frame_equal(x, y, check_exact=True)
    BURN_IN_CACHE.clear()


def test_models_whose_arrivals_outgrow_their_block_step_on_alone_the_same():
    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "dedicated-coaches.yaml")
    params = scenario.params().replace(size=200, burn_in_months=0)
    expected = alone(params, scenario.make_policies, 3, [0, 1], 30)
    # Sized for one month: the inflow fills the blocks within months.
    models = [PathwaysModel(params, scenario.make_policies(), seed=3, replicate=r,
                            horizon_months=1) for r in (0, 1)]
    with _Spy() as spy:
        Lockstep.of(models).run(30)
    assert spy.apart == 1 and 0 < spy.together < 30
    for (wide, spells, children), model in zip(expected, models):
        pd.testing.assert_frame_equal(wide, model.record.wide(), check_exact=True)
        pd.testing.assert_frame_equal(spells, model.spells.frame(model.mothers),
                                      check_exact=True)
        pd.testing.assert_frame_equal(children, model.children.frame(), check_exact=True)


def test_models_that_cannot_step_together_are_left_alone():
    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "dedicated-coaches.yaml")
    params = scenario.params().replace(size=100, burn_in_months=0)

    def model(r: int, **options) -> PathwaysModel:
        return PathwaysModel(params, scenario.make_policies(), seed=1, replicate=r,
                             horizon_months=options.pop("horizon", 6), **options)

    assert Lockstep.of([model(0)]) is None  # one alone
    assert Lockstep.of([model(0), model(1, mother_agents=True)]) is None
    assert Lockstep.of([model(0), model(1, horizon=60)]) is None  # other table sizes
    other = PathwaysModel(params.replace(regular_caseload_target=60.0), seed=1, replicate=1,
                          horizon_months=6)
    assert Lockstep.of([model(0), other]) is None  # other parameters
    assert Lockstep.of([model(0), model(1)]) is not None


class _Replacer(Policy):
    """A policy that replaces a column of the mothers instead of writing into it."""

    name = "replacer"

    def on_month_start(self, ctx) -> None:
        ctx._model.mothers.stress = ctx._model.mothers.stress.copy()


def test_a_policy_that_replaces_a_column_breaks_the_lockstep_loudly():
    params = simulate.Params.from_overrides({"size": 60, "burn_in_months": 0})
    models = [PathwaysModel(params, [_Replacer()], seed=1, replicate=r, horizon_months=3)
              for r in (0, 1)]
    with pytest.raises(RuntimeError, match="column 'stress' of a model in a lockstep"):
        Lockstep.of(models).run(2)


def test_a_run_with_programmes_is_stepped_ahead_and_taken_once():
    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "dedicated-coaches.yaml")
    scenario = scenario.with_values({"size": 200, "burn_in_months": 6})
    expected = [runner.simulate_replicate(scenario, r, seed=2, months=6, spells=True)
                for r in (0, 1)]
    RUN_CACHE.clear()
    BURN_IN_CACHE.clear()
    jobs = runner.burn_ins(scenario, [0, 1], seed=2, months=6, spells=True)
    assert all(job.programme is scenario for job in jobs)
    assert warm_worlds(jobs) == 4  # two burn-ins in a batch, two runs in a lockstep
    assert warm_programmes(jobs) == 0  # cached: nothing runs again
    key = programme_key(scenario.params(), scenario.make_policies(), 2, 1, 6, True)
    assert key in RUN_CACHE
    with mock.patch.object(runner, "_run", side_effect=AssertionError("stepped alone")):
        got = [runner.simulate_replicate(scenario, r, seed=2, months=6, spells=True)
               for r in (0, 1)]
    assert key not in RUN_CACHE  # taken
    for a, b in zip(expected, got):
        pd.testing.assert_frame_equal(a.monthly, b.monthly, check_exact=True)
        pd.testing.assert_frame_equal(a.spells, b.spells, check_exact=True)
        assert a.row == b.row
    RUN_CACHE.clear()


def test_a_lever_run_is_stepped_together_too():
    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "baseline.yaml")
    lever = scenario.with_values({"size": 150, "burn_in_months": 4,
                                  "regular_caseload_target": 60.0})
    jobs = runner.burn_ins(lever, [0, 1, 2], seed=4, months=5, spells=False)
    assert all(job.programme is lever and not job.whole for job in jobs)
    expected = alone(lever.params(), lever.make_policies, 4, [0, 1, 2], 5, spells=False)
    assert_same_whole(expected, run_together(lever.params(), lever.make_policies, 4, [0, 1, 2], 5,
                                       False))


def test_a_comparison_gives_the_same_numbers_stepped_together_or_alone():
    # More programmes than the run cache holds runs of one task: each programme's
    # replicates step together just before they are taken.
    def small(name: str) -> Scenario:
        return Scenario.from_yaml(SCENARIOS[0].parent / f"{name}.yaml").with_values(
            {"size": 200, "burn_in_months": 6})

    base = small("baseline")
    alts = [small(name) for name in ("dedicated-coaches", "reserved-childcare",
                                     "debt-counselling", "work-experience", "home-start",
                                     "financial-coaching")]
    with _Spy() as spy, mock.patch.object(runner, "_run",
                                          side_effect=AssertionError("stepped alone")):
        together = runner.run_many([base, *alts], reps=3, seed=9, months=6, workers=1)
    assert spy.together == 6 * len(alts)  # every programme's three replicates together
    with mock.patch("simulate.lockstep.Lockstep.of", return_value=None):
        apart = runner.run_many([base, *alts], reps=3, seed=9, months=6, workers=1)
    pd.testing.assert_frame_equal(together.monthly, apart.monthly, check_exact=True)
    pd.testing.assert_frame_equal(together.runs, apart.runs, check_exact=True)
    pd.testing.assert_frame_equal(together.spells, apart.spells, check_exact=True)


def test_a_lockstep_stays_within_the_memory_of_a_batch(monkeypatch):
    # As many models step together as burn-ins may run together (memory.burn_in_batch):
    # with room for three, six replicates step as three and three.
    from simulate import memory

    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "dedicated-coaches.yaml")
    scenario = scenario.with_values({"size": 120, "burn_in_months": 2})
    rows = memory.table_rows(scenario.params().world(), 3)
    monkeypatch.setattr(memory, "BURN_IN_BATCH_BYTES", 3 * rows * memory.ROW_BYTES)
    assert memory.burn_in_batch(scenario.params().world(), 3) == 3
    sizes = []
    original = Lockstep.__init__

    def counted(lock, models):
        sizes.append(len(models))
        original(lock, models)

    monkeypatch.setattr(Lockstep, "__init__", counted)
    RUN_CACHE.clear()
    assert warm_programmes(runner.burn_ins(scenario, range(6), seed=1, months=3,
                                           spells=False)) == 6
    assert sizes == [3, 3]
    RUN_CACHE.clear()
