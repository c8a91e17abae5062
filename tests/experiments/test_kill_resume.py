"""kill -9 in the middle of a sweep, then the same command again: nothing missing or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from simulate.cli.main import main
from simulate.experiments import Experiment, read_runs, run_experiment
from simulate.experiments.store import PARTS, RUNS
from tests.conftest import ROOT
from tests.experiments.conftest import GRID, write_experiment

# 5 x 4 points x 4 replicates = 80 runs of 200 mothers over 12 months: a few seconds.
KILL_GRID = {**GRID, "name": "kill-grid", "replications": 4,
             "design": {"type": "grid", "parameters": {
                 "job_offer_base": [0.05, 0.08, 0.11, 0.14, 0.17],
                 "sanction_months": [1, 2, 3, 4]}}}
KILL_AFTER_PARTS = 8
TIMEOUT_S = 120


def _run_parts(out) -> int:
    parts = out / PARTS
    return len([p for p in parts.iterdir() if p.name.startswith("runs-")]) if parts.exists() else 0


@pytest.mark.parametrize("workers", [pytest.param("1", marks=pytest.mark.slow), "2"])
def test_sigkill_midway_then_rerun_gives_the_uninterrupted_results(small_dir, workers):
    path = write_experiment(small_dir, KILL_GRID)
    out = small_dir / "out"
    command = ["sweep", str(path), "--out", str(out), "--workers", workers, "--batch-size", "1"]
    # A new session, so that killing its process group also kills the worker processes.
    proc = subprocess.Popen([sys.executable, "-m", "simulate", *command], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while _run_parts(out) < KILL_AFTER_PARTS:
            assert proc.poll() is None, f"the sweep ended before the kill: {proc.stderr.read()}"
            assert time.monotonic() < deadline, "the sweep did not start"
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    killed_with = _run_parts(out)
    assert KILL_AFTER_PARTS <= killed_with < 80 and not (out / RUNS).exists()

    assert main(command) == 0  # the same command again
    resumed = read_runs(out)
    experiment = Experiment.from_yaml(path)
    run_experiment(experiment, small_dir / "whole")
    whole = read_runs(small_dir / "whole")
    assert resumed["run"].tolist() == list(range(80))  # none missing, none doubled
    pd.testing.assert_frame_equal(resumed, whole)
    assert not (out / PARTS).exists()
    assert not [p for p in out.iterdir() if ".tmp" in p.name]
