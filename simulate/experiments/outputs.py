"""What a finished experiment writes beside its runs: summary and index tables, figures.

``simulate sweep`` writes ``summary.parquet``/``.csv`` (one row per design point: factor
values, replications, and each output's mean with its confidence interval) and
``sweep.html``. ``simulate sensitivity`` also writes the index tables of
:class:`simulate.experiments.sensitivity.Sensitivity` (``sobol`` or ``morris``,
``convergence``, ``noise``, ``sobol_second_order``) as Parquet and CSV, and
``sensitivity.html``. Every file is written atomically and its checksum is added to the
manifest; all of them can be rewritten from ``runs.parquet`` at any time.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from simulate.experiments.sensitivity import Sensitivity, analyse_results
from simulate.experiments.spec import Experiment
from simulate.experiments.store import read_design, read_runs, record_outputs
from simulate.experiments.summary import summarise_points
from simulate.io import write_csv, write_parquet
from simulate.report import sweep_plots as plots


def write_table(frame: pd.DataFrame, out: str | Path, name: str) -> list[Path]:
    """Write ``frame`` as ``NAME.parquet`` and ``NAME.csv`` in ``out``, each atomically."""
    out = Path(out)
    write_parquet(frame, out / f"{name}.parquet")
    write_csv(frame, out / f"{name}.csv")
    return [out / f"{name}.parquet", out / f"{name}.csv"]


def sweep_summary(experiment: Experiment, out: str | Path) -> pd.DataFrame:
    """Per design point means and intervals of the outputs of a finished experiment."""
    runs = read_runs(out, ["point", *experiment.columns])
    return summarise_points(runs, read_design(out)[["point", *experiment.matrix.names]],
                            experiment.outputs, experiment.analysis.confidence_level)


def write_sweep_outputs(experiment: Experiment, out: str | Path) -> pd.DataFrame:
    """Write the summary table and ``sweep.html``; return the summary."""
    summary = sweep_summary(experiment, out)
    written = write_table(summary, out, "summary")
    grid = experiment.design.type == "grid"
    figures = {output: plots.sweep_figure(summary, experiment.matrix.names, output, grid)
               for output in experiment.outputs}
    written.append(plots.save_html(figures, Path(out) / "sweep.html",
                                   f"{experiment.name}: sweep"))
    record_outputs(out, experiment, written)
    return summary


def write_sensitivity_outputs(experiment: Experiment, out: str | Path) -> Sensitivity:
    """Analyse a finished Sobol or Morris experiment; write its tables and figures."""
    result = analyse_results(experiment, out)
    written = []
    for name, table in result.tables().items():
        written += write_table(table, out, name)
    figures = {}
    for output in experiment.outputs:
        if result.method == "sobol":
            figures[f"{output}: Sobol indices"] = plots.sobol_figure(result.indices, output)
            figures[f"{output}: convergence"] = plots.convergence_figure(result.convergence,
                                                                         output, "ST")
        else:
            figures[f"{output}: Morris screening"] = plots.morris_figure(result.indices, output)
            figures[f"{output}: convergence"] = plots.convergence_figure(result.convergence,
                                                                         output, "mu_star")
    written.append(plots.save_html(figures, Path(out) / "sensitivity.html",
                                   f"{experiment.name}: sensitivity"))
    record_outputs(out, experiment, written)
    return result
