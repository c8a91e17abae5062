"""Sweeps: the same results for any executor, durable parts, resume, refusals, pairs."""

from __future__ import annotations

import itertools
import json
import operator

import mesa
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulate.cli.main import main
from simulate.compare import paired_outcomes
from simulate.experiments import Experiment, InProcess, Processes, read_runs, run_experiment
from simulate.experiments.executors import IN_FLIGHT_PER_WORKER
from simulate.experiments.store import MONTHLY, PARTS, RUNS
from simulate.experiments.sweep import batches, world_starts
from simulate.runner import simulate_replicate
from simulate.scenario import Scenario
from simulate.schema import InputError
from tests.experiments.conftest import GRID, write_experiment, write_small_scenario


def _frames(out):
    return read_runs(out), pd.read_parquet(out / MONTHLY)


def test_results_are_identical_for_any_executor_and_batch_size(grid_experiment, tmp_path):
    run_experiment(grid_experiment, tmp_path / "a", InProcess(), batch_size=1)
    run_experiment(grid_experiment, tmp_path / "b", InProcess(), batch_size=5)
    with Processes(2) as pool:
        run_experiment(grid_experiment, tmp_path / "c", pool)
    a_runs, a_monthly = _frames(tmp_path / "a")
    for other in ("b", "c"):
        runs, monthly = _frames(tmp_path / other)
        pd.testing.assert_frame_equal(runs, a_runs)
        pd.testing.assert_frame_equal(monthly, a_monthly)
    assert a_runs["run"].tolist() == list(range(12))
    assert len(a_monthly) == 12 * 13 * a_monthly["metric"].nunique()


def test_a_run_is_its_design_point_and_replicate(grid_experiment, tmp_path):
    run_experiment(grid_experiment, tmp_path / "out")
    runs = read_runs(tmp_path / "out")
    row = runs.loc[7]  # point 2 (job offers 0.12, threshold 1), replicate 1
    assert (row["point"], row["replicate"], row["seed"]) == (2, 1, 7)
    assert (row["job_offer_base"], row["sanction_months"]) == (0.12, 1)
    scenario = grid_experiment.evaluator.scenario.with_values(
        {"job_offer_base": 0.12, "sanction_months": 1})
    expected = simulate_replicate(scenario, 1, seed=7, months=12, spells=False).row
    assert row["exits_work_12m"] == expected["exits_work_12m"]
    assert row["on_assistance_12m"] == expected["on_assistance_12m"]
    monthly = pd.read_parquet(tmp_path / "out" / MONTHLY).query("run == 7")
    wide = simulate_replicate(scenario, 1, seed=7, months=12, spells=False).monthly
    on = monthly[monthly["metric"] == "on_assistance"].set_index("month")["value"]
    np.testing.assert_array_equal(on.to_numpy(), wide["on_assistance"].to_numpy())


class Crash(Exception):
    pass


def test_an_interrupted_sweep_resumes_to_the_same_results(grid_experiment, tmp_path):
    run_experiment(grid_experiment, tmp_path / "whole", batch_size=2)
    seen = []

    def crash_after_three(part):
        seen.append(part)
        if len(seen) == 3:
            raise Crash

    with pytest.raises(Crash):
        run_experiment(grid_experiment, tmp_path / "out", batch_size=2, on_part=crash_after_three)
    parts = sorted(p.name for p in (tmp_path / "out" / PARTS).iterdir())
    assert len([p for p in parts if p.startswith("runs-")]) == 3
    assert not (tmp_path / "out" / RUNS).exists()
    report = run_experiment(grid_experiment, tmp_path / "out", batch_size=5)
    assert report.ran == 12 - 6
    for a, b in zip(_frames(tmp_path / "out"), _frames(tmp_path / "whole")):
        pd.testing.assert_frame_equal(a, b)
    assert not (tmp_path / "out" / PARTS).exists()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["runs"] == 12
    assert run_experiment(grid_experiment, tmp_path / "out").ran == 0


def test_broken_and_temporary_parts_are_redone(grid_experiment, tmp_path):
    out = tmp_path / "out"

    def stop(part):
        if part.stop >= 8:
            raise Crash

    with pytest.raises(Crash):
        run_experiment(grid_experiment, out, batch_size=4, on_part=stop)
    parts = out / PARTS
    (parts / ".runs-000000008-000000012.parquet.tmp-1").write_bytes(b"half a file")
    (broken,) = parts.glob("runs-000000004-000000008-*.parquet")
    broken.write_bytes(broken.read_bytes()[:100])  # as if the machine crashed mid-write
    assert run_experiment(grid_experiment, out, batch_size=4).ran == 8
    run_experiment(grid_experiment, tmp_path / "whole")
    for a, b in zip(_frames(out), _frames(tmp_path / "whole")):
        pd.testing.assert_frame_equal(a, b)


def test_another_experiment_in_the_same_directory_is_refused(small_dir, grid_experiment, capsys):
    out = small_dir / "out"
    run_experiment(grid_experiment, out)
    other = write_experiment(small_dir, {**GRID, "seed": 8}, "other.yaml")
    assert main(["sweep", str(other), "--out", str(out), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"experiment error: {out}: holds results of another experiment")
    assert read_runs(out)["seed"].eq(7).all()  # untouched


def test_a_directory_of_other_files_is_refused(grid_experiment, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not an experiment result directory"):
        run_experiment(grid_experiment, tmp_path / "out")


def test_a_start_killed_before_its_manifest_starts_again(grid_experiment, tmp_path):
    """A start killed before its manifest leaves only a hidden temporary directory beside
    --out (a dead process's, marked as ours): the same command removes it and starts again.
    A directory of the same files without a manifest is someone else's: it is refused."""
    out = tmp_path / "out"
    stale = tmp_path / f".out.tmp-{_dead_pid()}-0a1b2c3d"
    stale.mkdir()
    (stale / ".pathways-partial").write_text("1\n")
    (stale / "design.parquet").write_bytes(b"half")
    run_experiment(grid_experiment, out)
    assert len(read_runs(out)) == grid_experiment.runs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["experiment.yaml", "out", "small.yaml"]

    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "design.parquet").write_bytes(b"half")
    (theirs / "experiment.yaml").write_text("name: x\n")
    with pytest.raises(InputError, match="not an experiment result directory"):
        run_experiment(grid_experiment, theirs)
    assert sorted(p.name for p in theirs.iterdir()) == ["design.parquet", "experiment.yaml"]


def _dead_pid() -> int:
    """The id of a process that has ended."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_paired_runs_share_values_and_streams(small_dir, tmp_path):
    write_small_scenario(small_dir, "more-offers", job_offer_base=0.15)
    experiment = Experiment.from_yaml(write_experiment(small_dir, {
        **GRID, "scenario": "more-offers.yaml", "baseline": "small.yaml",
        "design": {"type": "grid", "parameters": {"sanction_months": [1, 3]}},
        "replications": 2,
        "outputs": ["extra_exits_work_12m", "net_cost_per_extra_exit_to_work_12m",
                    "base.exits_work_12m", "exits_work_12m"]}))
    run_experiment(experiment, tmp_path / "out")
    runs = read_runs(tmp_path / "out")
    base = Scenario.from_yaml(small_dir / "small.yaml").with_values({"sanction_months": 3})
    alt = Scenario.from_yaml(small_dir / "more-offers.yaml").with_values(
        {"sanction_months": 3})
    b = simulate_replicate(base, 1, seed=7, months=12, spells=False).row
    a = simulate_replicate(alt, 1, seed=7, months=12, spells=False).row
    row = runs.set_index("run").loc[3]  # point 1, replicate 1
    expected = paired_outcomes(b, a)
    assert row["extra_exits_work_12m"] == expected["extra_exits_work_12m"]
    assert row["net_cost_eur_12m"] == expected["net_cost_eur_12m"]
    assert (row["base.exits_work_12m"], row["exits_work_12m"]) == (b["exits_work_12m"],
                                                                   a["exits_work_12m"])


def test_batches_cover_each_missing_run_once(grid_experiment):
    done = np.zeros(12, dtype=bool)
    done[[0, 1, 5, 6, 7]] = True
    spans = [(b.start, b.stop) for b in batches(grid_experiment, done, 3)]
    assert spans == [(2, 5), (8, 11), (11, 12)]
    batch = next(iter(batches(grid_experiment, done, 3)))
    assert sorted(batch.points) == [0, 1]  # runs 2..4 are replicates of points 0 and 1


@pytest.fixture
def lever_grid(small_dir) -> Experiment:
    """Two worlds (job_offer_base) x two caseloads (a lever) x 3 replicates: 12 runs."""
    data = {**GRID, "design": {"type": "grid", "parameters": {
        "job_offer_base": [0.06, 0.12], "regular_caseload_target": [80, 120]}}}
    return Experiment.from_yaml(write_experiment(small_dir, data))


def test_a_world_goes_to_one_worker_whole(lever_grid):
    """Points that differ only in a lever share their burn-ins: with whole worlds the
    batches are cut between worlds, never inside one."""
    assert world_starts(lever_grid).tolist() == [0, 6]
    done = np.zeros(12, dtype=bool)
    assert [(b.start, b.stop) for b in batches(lever_grid, done, 2, True)] == [(0, 6), (6, 12)]
    assert [(b.start, b.stop) for b in batches(lever_grid, done, 2)][:2] == [(0, 2), (2, 4)]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(done=st.lists(st.booleans(), min_size=12, max_size=12), size=st.integers(1, 13),
       whole=st.booleans())
def test_batches_partition_the_missing_runs_whatever_is_done(lever_grid, done, size, whole):
    # The fixture is only read: the same experiment serves every example.
    done = np.array(done)
    spans = [(b.start, b.stop) for b in batches(lever_grid, done, size, whole)]
    covered = [r for start, stop in spans for r in range(start, stop)]
    assert covered == np.flatnonzero(~done).tolist()
    assert all(stop > start for start, stop in spans)
    if whole:
        starts = set(world_starts(lever_grid).tolist())
        for (_, stop), (start, _) in itertools.pairwise(spans):
            assert stop != start or start in starts  # a cut inside a run of missing runs


def test_work_is_handed_out_as_workers_free_up():
    drawn = []

    def numbers():
        for i in range(100):
            drawn.append(i)
            yield i

    with Processes(2) as pool:
        pool.start()
        results = pool.map_unordered(operator.add, 1, numbers())
        first = next(results)
        assert len(drawn) <= 2 * IN_FLIGHT_PER_WORKER
        assert sorted([first, *results]) == list(range(1, 101))


def test_runs_do_not_keep_their_models_alive(grid_experiment):
    # Mesa numbers agents in a class-level dictionary keyed by model; a worker running
    # thousands of runs must not keep every model in it.
    before = set(mesa.Agent._ids)
    grid_experiment.evaluator.evaluate({"job_offer_base": 0.06}, 0, 7)
    assert set(mesa.Agent._ids) == before


def test_a_directory_in_use_is_refused(grid_experiment, tmp_path):
    from simulate.experiments.store import ResultStore

    with (ResultStore(tmp_path / "out", grid_experiment),
          pytest.raises(InputError, match="being written by another running sweep")):
        ResultStore(tmp_path / "out", grid_experiment).open()
    with ResultStore(tmp_path / "out", grid_experiment) as store:  # free again
        assert not store.done.any()


def count_burn_ins(monkeypatch) -> tuple[list, list]:
    """Record every burn-in a model runs on its own (one item each) and every batch of
    burn-ins (its (seed, replicate) keys and how many distinct worlds it holds)."""
    from simulate import batch as batch_module
    from simulate.model import BurnIn

    alone, batches = [], []
    take = BurnIn.take
    monkeypatch.setattr(BurnIn, "take", classmethod(
        lambda cls, model: alone.append(1) or take.__func__(cls, model)))
    init = batch_module.BatchBurnIn.__init__

    def counting(self, params, replicates, *args):
        worlds = [params] if hasattr(params, "values") else params
        batches.append((list(replicates), len({repr(p.values) for p in worlds})))
        init(self, params, replicates, *args)
    monkeypatch.setattr(batch_module.BatchBurnIn, "__init__", counting)
    return alone, batches


def test_every_burn_in_of_a_sweep_is_batched_and_used_once(small_dir, tmp_path, monkeypatch):
    # A whole 24-point grid in one batch: each point's 3 burn-ins run together just before
    # its runs, and every run starts from its own (no model runs its own burn-in, none runs
    # twice). Warming every point first (36 burn-ins) would overfill the burn-in cache.
    from simulate.model import BURN_IN_CACHE

    data = {**GRID, "design": {"type": "grid", "parameters": {
        "job_offer_base": [round(0.04 + 0.005 * i, 3) for i in range(12)],
        "regular_caseload_target": [80.0, 120.0]}}}
    experiment = Experiment.from_yaml(write_experiment(small_dir, data))
    alone, batches = count_burn_ins(monkeypatch)
    BURN_IN_CACHE.clear()
    run_experiment(experiment, tmp_path / "out", InProcess(), batch_size=72)
    BURN_IN_CACHE.clear()
    assert alone == []
    batched = [key for keys, _ in batches for key in keys]
    # Twelve worlds (job_offer_base is an uncertainty; the caseload target a lever, which does
    # not enter the burn-in): each world's three burn-ins ran once, together.
    assert len(batched) == 12 * 3


def test_one_replicate_worlds_burn_in_together_with_the_same_numbers(small_dir, tmp_path,
                                                                     monkeypatch):
    # A design over per-world parameters with one replicate per point (as the shipped
    # Sobol design): the burn-ins of up to 16 points, each its own world, run in one batch
    # (simulate.batch.PER_WORLD; twenty as two of ten, simulate.batch.even_parts), and every
    # output is as when each point runs its own.
    from simulate.experiments import sweep
    from simulate.model import BURN_IN_CACHE

    data = {**GRID, "replications": 1, "design": {"type": "grid", "parameters": {
        "job_offer_base": [0.05, 0.08, 0.11, 0.14, 0.17],
        "lapse_hazard": [0.01, 0.03, 0.05, 0.07]}}}
    experiment = Experiment.from_yaml(write_experiment(small_dir, data))
    BURN_IN_CACHE.clear()
    monkeypatch.setattr(sweep, "warm_worlds", lambda jobs: 0)
    run_experiment(experiment, tmp_path / "alone", InProcess(), batch_size=20)
    monkeypatch.undo()
    alone, batches = count_burn_ins(monkeypatch)
    BURN_IN_CACHE.clear()
    run_experiment(experiment, tmp_path / "batched", InProcess(), batch_size=20)
    BURN_IN_CACHE.clear()
    assert alone == [] and [worlds for _, worlds in batches] == [10, 10]
    pd.testing.assert_frame_equal(read_runs(tmp_path / "alone"),
                                  read_runs(tmp_path / "batched"), check_exact=True)


@settings(max_examples=300, deadline=None)
@given(first=st.integers(0, 500), runs=st.integers(1, 300), reps=st.integers(1, 60))
def test_warm_windows_cover_a_batch_and_keep_points_whole(first, runs, reps):
    # The runs a worker warms at a time (sweep._window): they cover the batch's runs once,
    # in order, none longer than WARM_RUNS; a window ends where a point's replicates begin
    # unless a point alone is longer than a window; and a batch's windows differ in length
    # by no more than a point, bar the last, which may end early (forty runs of ten
    # replicates go as two windows of twenty, not as thirty and a remnant of ten).
    from simulate.batch import even_parts
    from simulate.experiments.sweep import WARM_RUNS, _window

    start = first * reps  # batches begin at a point's first run when cut between worlds
    last = start + runs
    ends, run = [], start
    while run < last:
        stop = _window(run, last, reps)
        assert run < stop <= last and stop - run <= WARM_RUNS
        ends.append(stop)
        run = stop
    assert ends[-1] == last
    lengths = np.diff([start, *ends])
    if reps <= WARM_RUNS:
        assert all(e % reps == 0 for e in ends[:-1])
        assert len(lengths) < 2 or lengths.max() - lengths[:-1].min() <= reps
    else:
        assert lengths.max() - lengths.min() <= 1
    parts = even_parts(list(range(runs)), 16)
    assert [x for p in parts for x in p] == list(range(runs))
    assert max(map(len, parts)) - min(map(len, parts)) <= 1 and len(parts) == -(-runs // 16)
