"""Replicates in one pass: a burn-in run in a batch is bit for bit the burn-in run alone."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate import runner
from simulate.agents.coach import CoachTable
from simulate.batch import (
    AT_ENTRY,
    ENTRY_LADDER,
    IN_STEPS,
    PER_WORLD,
    RUN_CACHE,
    BatchBurnIn,
    BatchRun,
    PerWorldRead,
    batchable,
    burn_in_jobs,
    warm_burn_ins,
    warm_worlds,
)
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


def test_mothers_who_left_for_good_leave_the_batch_and_come_back_as_alone():
    # Moved out every 3 months; among them mothers still pregnant, whose children are born
    # while they are out of the columns, and mothers whose monthly columns were set the
    # month they left.
    params = Params.from_overrides({"size": 300, "burn_in_months": 60,
                                    "pregnancy_hazard_per_month": 0.02})
    keys = [(21, 0), (21, 1), (22, 5)]
    with mock.patch("simulate.batch.BURY_EVERY", 3):
        batch = BatchBurnIn(params.world(), keys, 60, 12, True)
    buried = np.concatenate([g["_month"] for g in batch._graves])
    pregnant = np.concatenate([g["pregnant"] & (g["due_month"] <= 0) for g in batch._graves])
    contacted = np.concatenate([g["contacted"] for g in batch._graves])
    assert len(batch._graves) >= 4 and len(buried) > batch.mothers.n // 3
    assert pregnant.sum() > 0 and contacted.sum() > 0
    for (seed, replicate), snapshot in zip(keys, batch.split()):
        assert_same(alone(params, seed, replicate, horizon=12), snapshot)


@settings(max_examples=15, deadline=None)
@given(seeds=st.lists(st.tuples(st.integers(0, 2**40), st.integers(0, 50)), min_size=1,
                      max_size=3, unique=True),
       size=st.integers(20, 200), months=st.integers(2, 40), every=st.integers(1, 8))
def test_any_batch_moving_mothers_out_matches_its_replicates_alone(seeds, size, months, every):
    params = Params.from_overrides({"size": size, "burn_in_months": months})
    with mock.patch("simulate.batch.BURY_EVERY", every):
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
    of_id, of_coach, k = batch.replicates_of(np.arange(n), np.arange(len(batch.coaches)),
                                             len(batch.coaches))
    assert k == 3 and np.bincount(of_coach).tolist() == [per] * 3
    assert np.array_equal(of_id, batch.replicate[:n])


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


# ---- worlds with different parameters in one batch ------------------------------------------
LADDER_RANGES = {"entry_ladder_step1_share": (0.1, 0.3), "entry_ladder_step2_share": (0.2, 0.4),
                 "entry_ladder_step3_share": (0.15, 0.3)}


def _world(base: Params, u: dict[str, float]) -> Params:
    """``base`` with each PER_WORLD parameter at the share ``u[name]`` of its plausible
    range."""
    from simulate.parameters import PARAMETERS

    values = {}
    for name in sorted(PER_WORLD):
        # The entry ladder's shares within ranges whose sum stays at most one (as the Morris
        # design has them, experiments/morris-screening.yaml).
        low, high = LADDER_RANGES.get(name, PARAMETERS[name].range)
        x = float(low + u[name] * (high - low))
        values[name] = PARAMETERS[name].check(round(x) if PARAMETERS[name].type is int else x)
    return base.replace(**values)


def test_the_per_world_parameters_are_those_worlds_draw():
    # Plausible worlds draw the fit's parameters and the screened core uncertainties; the
    # shipped Sobol designs draw some of the fit's and uncertainties read only at entry.
    # Each must be read per mother.
    from simulate.experiments.spec import Experiment
    from simulate.parameters import PARAMETERS
    from simulate.worlds import SCREENED, load_fit

    assert set(load_fit().names) | set(SCREENED) | AT_ENTRY | ENTRY_LADDER | IN_STEPS == PER_WORLD
    # Every core uncertainty, and the age profile's facts.
    uncertain = {n for n, p in PARAMETERS.items() if p.kind == "uncertainty"}
    assert uncertain <= PER_WORLD
    assert {n for n in PER_WORLD if PARAMETERS[n].kind != "uncertainty"} == {
        "age_mean_years", "age_sd_years"}
    for name in ("sobol-baseline", "sobol-40"):
        sobol = Experiment.from_yaml(Path(__file__).resolve().parents[1] / "experiments"
                                     / f"{name}.yaml")
        assert {f.name for f in sobol.design.factors} <= PER_WORLD
    assert all(PARAMETERS[n].range for n in PER_WORLD)  # facts among them: the age profile


@settings(max_examples=15, deadline=None)
@given(worlds=st.lists(st.fixed_dictionaries({n: st.floats(0, 1) for n in sorted(PER_WORLD)}),
                       min_size=2, max_size=4),
       size=st.integers(30, 250), months=st.integers(1, 24), seed=st.integers(0, 2**40))
def test_worlds_differing_in_every_per_world_parameter_burn_in_as_alone(worlds, size, months,
                                                                         seed):
    # Every per-world parameter at once, anywhere in its range, different in each world:
    # a step that read one as a single number would raise or change a column.
    base = Params.from_overrides({"size": size, "burn_in_months": months})
    params = [_world(base, u) for u in worlds]
    keys = [(seed, r) for r in range(len(params))]
    batch = BatchBurnIn([p.world() for p in params], keys, months, 12, True)
    assert batch.varying == {n for n in PER_WORLD if len({p.values[n] for p in params}) > 1}
    for p, (s, r), snapshot in zip(params, keys, batch.split()):
        assert_same(alone(p, s, r, horizon=12), snapshot)


@settings(max_examples=15, deadline=None)
@given(worlds=st.lists(st.fixed_dictionaries({n: st.floats(0, 1) for n in sorted(PER_WORLD)}),
                       min_size=1, max_size=2),
       which=st.lists(st.integers(0, 1), min_size=2, max_size=5),
       size=st.integers(30, 200), months=st.integers(12, 40), seed=st.integers(0, 2**40))
def test_replicates_of_worlds_in_any_order_burn_in_as_alone(worlds, which, size, months,
                                                             seed):
    # A world's replicates draw their arrivals in one call (_plan_arrivals), however the
    # batch interleaves them with another world's.
    base = Params.from_overrides({"size": size, "burn_in_months": months})
    params = [_world(base, worlds[w % len(worlds)]) for w in which]
    keys = [(seed, r) for r in range(len(params))]
    batch = BatchBurnIn([p.world() for p in params], keys, months, 12, True)
    assert sorted(map(len, batch._world_groups)) == sorted(
        Counter(tuple(sorted(p.values.items())) for p in params).values())
    for p, (s, r), snapshot in zip(params, keys, batch.split()):
        assert_same(alone(p, s, r, horizon=12), snapshot)


def test_shipped_baseline_worlds_burn_in_as_alone():
    # At the baseline's size and full burn-in: three worlds of the calibrated parameters
    # drawn as plausible worlds draw them, two replicates each, in one batch.
    from simulate.worlds import calibrated_factors, draw_calibrated, load_fit

    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "baseline.yaml")
    fit = load_fit()
    factors = calibrated_factors(fit)
    draws = draw_calibrated(scenario, fit, factors, 3, np.random.default_rng(4))
    params = [scenario.params().replace(**{f.name: f.value(float(x))
                                           for f, x in zip(factors, row)}) for row in draws]
    jobs = [(p, (9, r)) for p in params for r in (0, 1)]
    batch = BatchBurnIn([p.world() for p, _ in jobs], [k for _, k in jobs],
                        params[0].burn_in_months, 36, True)
    for (p, (s, r)), snapshot in zip(jobs, batch.split()):
        assert_same(alone(p, s, r), snapshot)


def test_a_step_cannot_read_a_parameter_the_worlds_differ_in_as_one_number():
    base = Params.from_overrides({"size": 50, "burn_in_months": 1})
    batch = BatchBurnIn([base.world(), base.replace(job_offer_base=0.2).world()],
                        [(1, 0), (1, 1)], 1, 12, True)
    assert batch.varying == {"job_offer_base"}
    with pytest.raises(PerWorldRead, match="job_offer_base"):
        _ = batch.params.job_offer_base
    with pytest.raises(PerWorldRead):
        _ = batch.params["job_offer_base"]
    assert batch.params.size == 50
    rows = np.arange(batch.mothers.n)
    got = batch.value("job_offer_base", rows)
    assert np.array_equal(got, np.where(batch.replicate[rows] == 0, base.job_offer_base, 0.2))
    assert batch.most(lambda p: p.job_offer_base) == max(base.job_offer_base, 0.2)


def test_worlds_that_differ_elsewhere_never_share_a_batch():
    base = Params.from_overrides({"size": 50, "burn_in_months": 2})
    # A coach's working hours are a setting, not an uncertainty: shared by a batch.
    other = base.replace(coach_hours_per_month=base.coach_hours_per_month + 1)
    with pytest.raises(ValueError, match="PER_WORLD"):
        BatchBurnIn([base.world(), other.world()], [(1, 0), (1, 1)], 2, 12, True)
    BURN_IN_CACHE.clear()
    jobs = [*burn_in_jobs(base, 1, [0], 12, True), *burn_in_jobs(other, 1, [0], 12, True)]
    assert warm_worlds(jobs) == 0  # two groups of one: each model runs its own
    BURN_IN_CACHE.clear()


def test_runs_of_several_worlds_start_from_one_batch_as_alone():
    # Four worlds, one replicate each (as a Sobol design has them): their burn-ins run in
    # one batch, and every metric of every month of their runs is as when run alone.
    base = Scenario.from_yaml(SCENARIOS[0].parent / "baseline.yaml").params().replace(
        burn_in_months=12)
    rng = np.random.default_rng(8)
    params = [_world(base, {n: float(rng.random()) for n in PER_WORLD}) for _ in range(4)]

    def run(p: Params) -> pd.DataFrame:
        model = PathwaysModel(p, seed=3, replicate=0, horizon_months=6)
        model.run(6)
        model.close()
        return model.record.wide()

    BURN_IN_CACHE.clear()
    expected = [run(p) for p in params]
    BURN_IN_CACHE.clear()
    jobs = [job for p in params for job in burn_in_jobs(p, 3, [0], 6, True)]
    assert warm_worlds(jobs) == 4
    got = [run(p) for p in params]
    assert len(BURN_IN_CACHE._items) == 4  # each run found its burn-in
    BURN_IN_CACHE.clear()
    for a, b in zip(expected, got):
        pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_a_world_where_nobody_searches_beside_one_where_mothers_do():
    # Found by the generated worlds: in a month with no searcher a model still opens its
    # employers' vacancies and makes no offer, as a batch does for that replicate while
    # the other's mothers search (it kept last month's before).
    base = Params.from_overrides({"size": 30, "burn_in_months": 15})
    low = {n: 0.0 for n in PER_WORLD}
    gone = {**low, "duration_dependence_floor": 1.0, "duration_dependence_months": 1.0,
            "other_exit_hazard": 1.0, "contact_exit_effect": 1.0}
    params = [_world(base, u) for u in (low, gone)]
    batch = BatchBurnIn([p.world() for p in params], [(0, 0), (0, 1)], 15, 12, True)
    for p, r, snapshot in zip(params, (0, 1), batch.split()):
        assert_same(alone(p, 0, r, horizon=12), snapshot)
    # The world where everyone left has no searcher and so no offer this month.
    assert batch.split()[1].parts["employer_table"]["offers_made"].sum() == 0


def test_a_burn_in_too_large_to_keep_is_not_copied(monkeypatch):
    # The cache keeps burn-ins up to a quarter of its budget; a model does not copy one it
    # would refuse (at a million mothers the copy doubled the table's memory, for nothing).
    taken = []
    take = BurnIn.take
    monkeypatch.setattr(BurnIn, "take", classmethod(
        lambda cls, model: taken.append(1) or take.__func__(cls, model)))
    params = Params.from_overrides({"size": 100, "burn_in_months": 2})
    BURN_IN_CACHE.clear()
    PathwaysModel(params, seed=1, horizon_months=3).close()
    assert taken == [1] and len(BURN_IN_CACHE._items) == 1
    BURN_IN_CACHE.clear()
    monkeypatch.setattr(BURN_IN_CACHE, "budget", 1000)
    PathwaysModel(params, seed=1, horizon_months=3).close()
    assert taken == [1] and len(BURN_IN_CACHE._items) == 0


def test_a_batch_of_worlds_fits_its_largest_world(monkeypatch):
    # The inflow sizes the table and may differ between worlds: a batch holds as many as
    # the largest allows, and no more than half the cache holds in bytes.
    from simulate import memory

    small = Params.from_overrides({"size": 6000, "burn_in_months": 1,
                                   "inflow_rate_per_month": 0.005})
    large = small.replace(inflow_rate_per_month=0.03)
    assert memory.burn_in_batch(small, 120) > memory.burn_in_batch(large, 120) >= 2
    sizes = []
    init = BatchBurnIn.__init__

    def counting(self, params, replicates, *args):
        sizes.append(len(replicates))
        init(self, params, replicates, *args)
    monkeypatch.setattr(BatchBurnIn, "__init__", counting)
    BURN_IN_CACHE.clear()
    warm_worlds([*burn_in_jobs(small, 1, range(8), 120, False),
                 *burn_in_jobs(large, 1, range(8), 120, False)])
    BURN_IN_CACHE.clear()
    most = memory.burn_in_batch(large, 120)
    assert sizes and max(sizes) <= most
    room = BURN_IN_CACHE.budget // 2 // memory.burn_in_snapshot_bytes(large, 120)
    assert sum(sizes) <= min(BURN_IN_CACHE.entries // 2, room)


# ---- whole runs in one batch ----------------------------------------------------------------
def run_alone(p: Params, seed: int, replicate: int, months: int, spells: bool = True):
    """Record, spells and children of one run by a model on its own."""
    BURN_IN_CACHE.clear()
    model = PathwaysModel(p, seed=seed, replicate=replicate, horizon_months=months,
                          record_spells=spells)
    model.run(months)
    model.close()
    return (model.record.wide(), model.spells.frame(model.mothers) if spells else None,
            model.children.frame() if spells else None)


def assert_same_runs(batch: BatchRun, expected: list) -> None:
    assert_same_whole(expected, batch.whole_runs())


def assert_same_whole(expected: list, runs: list) -> None:
    """Each run (:class:`simulate.batch.WholeRun`) as ``expected`` (record, spells, children
    of a model alone), bit for bit."""
    for (wide, spells, children), got in zip(expected, runs, strict=True):
        pd.testing.assert_frame_equal(wide, got.monthly, check_exact=True)
        for a, b in ((spells, got.spells), (children, got.children)):
            if a is None:
                assert b is None
            else:
                pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_whole_runs_of_the_shipped_baseline_in_a_batch_are_as_alone():
    # Full size, full burn-in (mothers who left for good are moved out of the columns) and
    # the baseline's horizon: every metric of every month, every spell and child.
    params = Scenario.from_yaml(SCENARIOS[0].parent / "baseline.yaml").params()
    keys = [(5, 0), (5, 1), (6, 3)]
    batch = BatchRun(params, keys, 36, True).run()
    assert batch._graves  # some mothers were moved out during the burn-in
    assert_same_runs(batch, [run_alone(params, s, r, 36) for s, r in keys])


@settings(max_examples=12, deadline=None)
@given(worlds=st.lists(st.fixed_dictionaries({n: st.floats(0, 1) for n in sorted(PER_WORLD)}),
                       min_size=1, max_size=3),
       size=st.integers(30, 200), burn_in=st.integers(0, 30), months=st.integers(1, 30),
       every=st.integers(1, 12), spells=st.booleans(), seed=st.integers(0, 2**40))
def test_whole_runs_of_any_worlds_in_a_batch_are_as_alone(worlds, size, burn_in, months, every,
                                                          spells, seed):
    # Worlds differing in every per-world parameter at once; mothers moved out of the
    # columns during the burn-in as often as every month.
    base = Params.from_overrides({"size": size, "burn_in_months": burn_in})
    params = [_world(base, u) for u in worlds]
    keys = [(seed, r) for r in range(len(params))]
    with mock.patch("simulate.batch.BURY_EVERY", every):
        batch = BatchRun(params, keys, months, spells).run()
    assert_same_runs(batch, [run_alone(p, s, r, months, spells)
                             for p, (s, r) in zip(params, keys)])


def test_only_runs_without_programmes_or_levers_run_whole():
    scenario = Scenario.from_yaml(SCENARIOS[0].parent / "baseline.yaml")
    coached = Scenario.from_yaml(SCENARIOS[0].parent / "dedicated-coaches.yaml")
    lever = scenario.params().replace(regular_caseload_target=80.0)
    assert batchable(scenario.params(), scenario.policies)
    assert not batchable(coached.params(), coached.policies)
    assert not batchable(lever)
    with pytest.raises(ValueError, match="levers"):
        BatchRun([scenario.params(), lever], [(1, 0), (1, 1)], 6)
    jobs = [*runner.burn_ins(scenario, [0, 1], 3, 6), *runner.burn_ins(coached, [0, 1], 3, 6)]
    assert [j.whole for j in jobs] == [True, True, False, False]


def test_runs_stepped_ahead_are_taken_once_with_the_same_numbers(monkeypatch):
    # run(): the replicates of the baseline step whole in one batch and each is taken from
    # the run cache once; the dedicated-coaches runs start from the burn-ins that batch
    # left. Every output is as with each run alone.
    scenarios = [Scenario.from_yaml(SCENARIOS[0].parent / name).with_values(
        {"size": 300, "burn_in_months": 24}) for name in ("baseline.yaml", "dedicated-coaches.yaml")]
    with mock.patch.object(runner, "warm_worlds", lambda jobs, **_: 0), \
            mock.patch.object(runner, "warm_programmes", lambda jobs: 0):
        alone_result = runner.run_many(scenarios, reps=3, seed=7, months=12)
    RUN_CACHE.clear()
    BURN_IN_CACHE.clear()
    stepped = []
    init = BatchRun.__init__

    def counting(self, params, replicates, *args, **kwargs):
        stepped.append(len(replicates))
        init(self, params, replicates, *args, **kwargs)

    monkeypatch.setattr(BatchRun, "__init__", counting)
    alone: list = []
    take = BurnIn.take
    monkeypatch.setattr(BurnIn, "take", classmethod(
        lambda cls, model: alone.append(1) or take.__func__(cls, model)))
    batched = runner.run_many(scenarios, reps=3, seed=7, months=12)
    assert stepped == [3] and len(RUN_CACHE._items) == 0
    assert alone == []  # the programme's runs started from the batch's burn-ins
    pd.testing.assert_frame_equal(alone_result.monthly, batched.monthly, check_exact=True)
    pd.testing.assert_frame_equal(alone_result.runs, batched.runs, check_exact=True)
    pd.testing.assert_frame_equal(alone_result.spells, batched.spells, check_exact=True)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), blocks=st.integers(1, 5), each=st.integers(1, 12))
def test_the_compiled_block_search_is_numpys_within_each_block(data, blocks, each):
    # Cumulative shares with ties (employers of no share) and uniforms that hit them
    # exactly: every mother gets the row numpy's searchsorted gives in her block.
    from simulate.batch import _search_blocks

    grid = st.sampled_from([0.0, 0.125, 0.25, 0.5, 0.75, 1.0]) | st.floats(0, 1)
    table = np.concatenate([np.sort(data.draw(st.lists(grid, min_size=each, max_size=each)))
                            for _ in range(blocks)])
    n = data.draw(st.integers(0, 30))
    block = np.array(data.draw(st.lists(st.integers(0, blocks - 1), min_size=n, max_size=n)),
                     dtype=np.int64)
    u = np.array(data.draw(st.lists(grid, min_size=n, max_size=n)), dtype=np.float64)
    expected = [b * each + min(int(np.searchsorted(table[b * each:(b + 1) * each], x)), each - 1)
                for b, x in zip(block, u)]
    assert _search_blocks(table, block, each, u).tolist() == expected
