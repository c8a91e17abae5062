"""Experiments at scale: sweeps and sensitivity analyses over thousands of runs.

An *experiment file* (``experiments/*.yaml``, read by :mod:`.spec`) names a scenario, a
design (grid, Sobol, Morris or Latin hypercube, drawn by :mod:`.design`), replications
and outputs. A run is one design point and one replicate (a base/alternative pair when a
baseline is given); :mod:`.evaluate` says what a run computes, and the model can be
swapped for a test function (:mod:`.analytic`). :mod:`.sweep` hands batches of runs to an
executor (:mod:`.executors`: this process, local processes or Dask) and stores each
finished batch durably (:mod:`.store`), so that an interrupted experiment resumes.
:mod:`.summary` and :mod:`.sensitivity` turn the runs into per-point summaries and
Sobol or Morris indices; :mod:`simulate.report.sweep_plots` draws them and :mod:`.outputs`
writes them.

From Python::

    from simulate.experiments import Experiment, make_executor, run_experiment
    experiment = Experiment.from_yaml("experiments/smoke-grid.yaml")
    with make_executor(workers=2) as executor:
        run_experiment(experiment, "results/smoke-grid", executor)
"""

from simulate.experiments.executors import DaskExecutor, InProcess, Processes, make_executor
from simulate.experiments.outputs import write_sensitivity_outputs, write_sweep_outputs
from simulate.experiments.sensitivity import Sensitivity, analyse, analyse_results
from simulate.experiments.spec import Experiment
from simulate.experiments.store import read_design, read_runs
from simulate.experiments.sweep import SweepReport, run_experiment

__all__ = ["DaskExecutor", "Experiment", "InProcess", "Processes", "Sensitivity",
           "SweepReport", "analyse", "analyse_results", "make_executor", "read_design",
           "read_runs", "run_experiment", "write_sensitivity_outputs", "write_sweep_outputs"]
