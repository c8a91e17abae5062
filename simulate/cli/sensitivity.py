"""``simulate sensitivity EXPERIMENT``: Sobol indices or Morris screening of an experiment.

Runs the experiment like ``simulate sweep`` (same options, same durable and resumable
results; a directory filled by ``sweep`` is reused), then writes the indices, their
convergence and the noise diagnostics as Parquet and CSV, and ``sensitivity.html``.
See :mod:`simulate.experiments.sensitivity` for how replicate noise is handled.
"""

from __future__ import annotations

import argparse
import json

import pandas as pd

from simulate.cli.common import format_table, nan_to_none
from simulate.cli.sweep import add_experiment_options, execute, report_json, report_line
from simulate.experiments.outputs import write_sensitivity_outputs
from simulate.experiments.sensitivity import METHODS, Sensitivity
from simulate.experiments.spec import Experiment
from simulate.schema import InputError


def add_parser(sub) -> None:
    p = sub.add_parser("sensitivity",
                       help="sensitivity indices of an experiment file (Sobol or Morris)",
                       description="Run a sobol or morris experiment file and compute its "
                                   "sensitivity indices with confidence intervals and a "
                                   "convergence table.")
    add_experiment_options(p)
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    experiment = Experiment.from_yaml(args.experiment)
    if experiment.design.type not in METHODS:
        raise InputError(args.experiment, "design.type",
                         f"a {experiment.design.type} design has no sensitivity analysis; "
                         "use sobol or morris (or run it with `simulate sweep`)", "experiment")
    if experiment.design.crossed:
        raise InputError(args.experiment, "policies", "a design crossed with policies has no "
                         "sensitivity analysis; run it with `simulate sweep` (and "
                         "`simulate discover`), or drop the policies", "experiment")
    out, report = execute(args, experiment)
    if report is None:
        return 130
    result = write_sensitivity_outputs(experiment, out)
    if args.json:
        print(json.dumps({**report_json(report, experiment), "method": result.method,
                          "outputs": outputs_json(result, experiment)}))
    else:
        print(report_line(report, experiment))
        for output in experiment.outputs:
            print()
            print(format_output(result, output, experiment))
        tables = ", ".join(f"{name}.csv" for name in result.tables())
        print(f"\nresults written to {out}/ ({tables}, sensitivity.html)")
    return 0


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: nan_to_none(v) for k, v in row.items()} for row in frame.to_dict("records")]


def outputs_json(result: Sensitivity, experiment: Experiment) -> dict:
    """Per output: its indices, the noise share and any note, as plain data."""
    data = {}
    for output in experiment.outputs:
        noise = result.noise.set_index("output").loc[output]
        data[output] = {
            "indices": _records(result.indices[result.indices["output"] == output]
                                .drop(columns="output")),
            "noise_share": nan_to_none(float(noise["noise_share"])),
            "note": result.notes.get(output)}
    return data


def format_output(result: Sensitivity, output: str, experiment: Experiment) -> str:
    """The indices of one output, most influential first, as a text table."""
    rows = result.indices[result.indices["output"] == output]
    level = f"{experiment.analysis.confidence_level:.0%}"
    if result.method == "sobol":
        rows = rows.sort_values("ST", ascending=False)
        columns = {"parameter": "parameter", "S1": "S1", "S1_conf": f"+/- ({level})",
                   "ST": "ST", "ST_conf": f"+/- ({level})"}
        formats = dict.fromkeys(("S1", "S1_conf", "ST", "ST_conf"), ".3f")
    else:
        rows = rows.sort_values("mu_star", ascending=False)
        columns = {"parameter": "parameter", "mu_star": "mu*",
                   "mu_star_conf": f"+/- ({level})", "sigma": "sigma", "mu": "mu"}
        formats = dict.fromkeys(("mu_star", "mu_star_conf", "sigma", "mu"), ".4g")
    lines = [f"{output} ({result.method})", format_table(rows, columns, formats)]
    noise = result.noise.set_index("output").loc[output]
    if nan_to_none(float(noise["noise_share"])) is not None:
        lines.append(f"replicate noise: at most {noise['noise_share']:.1%} of the variance "
                     f"across design points ({experiment.replications} replications averaged)")
    elif noise["note"]:
        lines.append(f"replicate noise: {noise['note']}")
    if output in result.notes:
        lines.append(f"note: {result.notes[output]}")
    return "\n".join(lines)
