"""A real Dask LocalCluster: the same results as in-process, and no runs lost to a dead worker."""

from __future__ import annotations

import os
import signal

import pandas as pd
import pytest

from simulate.experiments import DaskExecutor, Experiment, read_runs, run_experiment
from simulate.schema import InputError
from tests.experiments.conftest import GRID, write_experiment

pytest.importorskip("distributed")


def test_local_cluster_gives_the_in_process_results(grid_experiment, tmp_path):
    run_experiment(grid_experiment, tmp_path / "here")
    with DaskExecutor("local", workers=2) as executor:
        assert executor.workers == 2
        run_experiment(grid_experiment, tmp_path / "dask", executor, batch_size=2)
    pd.testing.assert_frame_equal(read_runs(tmp_path / "dask"), read_runs(tmp_path / "here"))
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "dask" / "monthly.parquet"),
                                  pd.read_parquet(tmp_path / "here" / "monthly.parquet"))


def test_a_worker_that_dies_mid_sweep_loses_no_runs(small_dir, tmp_path):
    experiment = Experiment.from_yaml(write_experiment(small_dir, {**GRID, "replications": 10}))
    killed = []
    with DaskExecutor("local", workers=2) as executor:
        pids = executor.client.run(os.getpid)

        def kill_a_worker(part):
            if not killed:
                address, pid = min(pids.items())
                os.kill(pid, signal.SIGKILL)
                killed.append(address)

        report = run_experiment(experiment, tmp_path / "dask", executor, batch_size=1,
                                on_part=kill_a_worker)
    assert killed and report.ran == 40
    run_experiment(experiment, tmp_path / "here")
    runs = read_runs(tmp_path / "dask")
    assert runs["run"].tolist() == list(range(40))
    pd.testing.assert_frame_equal(runs, read_runs(tmp_path / "here"))


def test_an_unreachable_scheduler_is_a_one_line_error():
    with pytest.raises(InputError, match="cannot connect to a Dask scheduler") as err:
        DaskExecutor("tcp://127.0.0.1:9", connect_timeout_s=1)
    assert err.value.line().startswith("dask error: tcp://127.0.0.1:9: ")
