"""Global sensitivity analysis of an experiment's runs: Sobol indices and Morris screening.

- **Sobol** (``design.type: sobol``): first-order (S1) and total (ST) indices with bootstrap
  confidence intervals (:func:`SALib.analyze.sobol.analyze`), and second-order indices (S2)
  when the design was sampled for them.
- **Morris** (``design.type: morris``): mu, mu* (mean absolute elementary effect, with a
  bootstrap interval) and sigma (:func:`SALib.analyze.morris.analyze`). Elementary effects
  are per unit of a factor's sampled range, so mu* compares factors of different units.
- **Convergence**: the same indices from the first N/2^k base samples (or trajectories),
  k = 0 .. ``analysis.convergence_steps`` - 1. Prefixes of a scrambled Sobol' sequence at
  powers of two are themselves balanced designs, and Morris trajectories are independent,
  so each prefix is a valid smaller experiment. Indices that still move between the last
  two sizes are not converged. (S2 is computed for the full sample only.)

**Stochastic noise.** The model is stochastic, and Sobol and Morris assume a deterministic
function. Two things keep the analysis honest:

1. *Common random numbers.* Replicate r of every design point runs on the same random
   streams (seed, r), so the output is a fixed function of the parameters for a given set
   of replicates: noise does not add an independent error to each point (it would inflate
   every index, and give a parameter without effect a positive ST).
2. *Replicates averaged per point.* Each design point's output is the mean over its
   replicates (a ratio of means for ``net_cost_per_extra_exit_to_work*``), which shrinks what is
   left of the noise: the sensitivity of the model's response averaged over the
   replicates' luck rather than the luck of one replicate.

The ``noise`` table measures what is left: per output, the variance of the point means
across the design, the mean variance between replicates within a point, and
``noise_share`` = (within-point variance / replications) / between-point variance: the
share of the design's variance that independent replicate noise of that size would make.
With common random numbers the actual share is lower (much of the noise shifts all points
alike), so it is an upper bound. It needs at least two replicates; with one it is not
estimated and the indices rest on common random numbers alone. Bootstrap intervals
capture sampling error of the design, not replicate noise.

Undefined cases are reported, not hidden: an output that is missing (NaN) at some design
point (e.g. a cost per extra exit to work where there are none) or that does not vary gets NaN
indices and a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from simulate.experiments.spec import Experiment
from simulate.experiments.store import read_runs
from simulate.experiments.summary import point_means
from simulate.outcomes import ratio_parts
from simulate.rng import Streams

BOOTSTRAP_STREAM = "experiment.bootstrap"
METHODS = ("sobol", "morris")


@dataclass
class Sensitivity:
    """Results of a sensitivity analysis.

    Attributes:
        method: ``"sobol"`` or ``"morris"``.
        indices: One row per output and parameter (Sobol: S1, S1_conf, ST, ST_conf;
            Morris: mu, mu_star, mu_star_conf, sigma). ``*_conf`` is the half-width of
            the confidence interval.
        convergence: The indices at increasing sample sizes (``samples``: Sobol base
            samples or Morris trajectories; ``runs``: runs they took).
        noise: One row per output: replicate noise against the design's variance.
        second_order: Sobol S2 per output and pair of parameters, when sampled for.
        notes: Per output, why its indices are undefined.
    """

    method: str
    indices: pd.DataFrame
    convergence: pd.DataFrame
    noise: pd.DataFrame
    second_order: pd.DataFrame | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by file name (without extension)."""
        out = {self.method: self.indices, "convergence": self.convergence, "noise": self.noise}
        if self.second_order is not None:
            out["sobol_second_order"] = self.second_order
        return out


def analyse(experiment: Experiment, runs: pd.DataFrame) -> Sensitivity:
    """Sensitivity indices of every output of ``experiment``.

    Args:
        experiment: A Sobol or Morris experiment.
        runs: Its runs table (``point``, ``replicate`` and the stored outputs).

    Raises:
        ValueError: for a design without a sensitivity method (grid, sample).
    """
    design = experiment.design
    if design.type not in METHODS or design.crossed:
        raise ValueError(f"a {design.type} design{' crossed with policies' * design.crossed} "
                         "has no sensitivity analysis; use sobol or morris")
    means = point_means(runs, experiment.outputs).reindex(range(experiment.points))
    seed = int(Streams(experiment.seed).generator(BOOTSTRAP_STREAM).integers(1, 2**31))
    method = _sobol if design.type == "sobol" else _morris
    indices, convergence, second, notes = [], [], [], {}
    for output in experiment.outputs:
        y = means[output].to_numpy(dtype=float)
        note = _undefined(y)
        for samples in _sizes(design.samples, experiment.analysis.convergence_steps):
            n = samples * design.step
            table, s2 = method(experiment, y[:n], samples, seed, note)
            table.insert(0, "output", output)
            if samples == design.samples:
                indices.append(table)
                if s2 is not None:
                    s2.insert(0, "output", output)
                    second.append(s2)
            convergence.append(table.assign(samples=samples, runs=n * experiment.replications))
        if note:
            notes[output] = note
    order = ["output", "samples", "runs", "parameter"]
    conv = pd.concat(convergence, ignore_index=True)
    return Sensitivity(
        method=design.type,
        indices=pd.concat(indices, ignore_index=True),
        convergence=conv[order + [c for c in conv.columns if c not in order]],
        noise=noise_table(runs, experiment.outputs, experiment.replications),
        second_order=pd.concat(second, ignore_index=True) if second else None,
        notes=notes)


def analyse_results(experiment: Experiment, out: str | Path) -> Sensitivity:
    """:func:`analyse` the finished runs in result directory ``out``."""
    runs = read_runs(out, ["point", "replicate", *experiment.columns])
    return analyse(experiment, runs)


def _sizes(total: int, steps: int) -> list[int]:
    """N/2^(steps-1), ..., N/2, N, keeping sizes of at least 2."""
    sizes = [total >> k for k in range(steps - 1, -1, -1) if total >> k >= 2]
    return sorted(set(sizes)) or [total]


def _undefined(y: np.ndarray) -> str | None:
    missing = int(np.isnan(y).sum())
    if missing:
        return (f"{missing} of {len(y)} design points have no value (e.g. no extra exits to "
                "divide by), so the indices are undefined")
    if np.ptp(y) == 0:
        return "the output does not vary over the design, so the indices are undefined"
    return None


def _sobol(experiment: Experiment, y: np.ndarray, samples: int, seed: int,
           note: str | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    from SALib.analyze import sobol

    design = experiment.design
    names = design.names
    d = len(names)
    # Second-order indices only for the full sample: the convergence table shows S1 and
    # ST, and their bootstrap is a fraction of the cost of S2's.
    second = design.second_order and samples == design.samples
    if design.second_order and not second:
        # Keep each block's A, AB_1..AB_D and B rows: the layout of a first-order design.
        y = y.reshape(samples, 2 * d + 2)[:, [*range(d + 1), 2 * d + 1]].ravel()
    if note:
        nan, square = np.full(d, np.nan), np.full((d, d), np.nan)
        result = {"S1": nan, "S1_conf": nan, "ST": nan, "ST_conf": nan,
                  "S2": square, "S2_conf": square}
    else:
        result = sobol.analyze(design.problem(), y, calc_second_order=second,
                               num_resamples=experiment.analysis.resamples,
                               conf_level=experiment.analysis.confidence_level, seed=seed)
    table = pd.DataFrame({"parameter": names,
                          **{k: np.asarray(result[k], dtype=float)
                             for k in ("S1", "S1_conf", "ST", "ST_conf")}})
    s2 = None
    if second:
        s2 = pd.DataFrame([{"parameter_1": names[j], "parameter_2": names[k],
                            "S2": float(result["S2"][j][k]),
                            "S2_conf": float(result["S2_conf"][j][k])}
                           for j in range(d) for k in range(j + 1, d)])
    return table, s2


def _morris(experiment: Experiment, y: np.ndarray, samples: int, seed: int,
            note: str | None) -> tuple[pd.DataFrame, None]:
    from SALib.analyze import morris

    design = experiment.design
    keys = ("mu", "mu_star", "mu_star_conf", "sigma")
    if note:
        result = {k: np.full(len(design.names), np.nan) for k in keys}
    elif experiment.matrix.x is None:
        raise ValueError("the Morris screening needs its SALib sample matrix")
    else:
        x = experiment.matrix.x[: len(y)]
        result = morris.analyze(design.problem(), x, y,
                                num_resamples=experiment.analysis.resamples,
                                conf_level=experiment.analysis.confidence_level,
                                num_levels=design.levels, seed=seed)
    return pd.DataFrame({"parameter": design.names,
                         **{k: np.asarray(result[k], dtype=float) for k in keys}}), None


def noise_table(runs: pd.DataFrame, outputs, replications: int) -> pd.DataFrame:
    """Replicate noise against the design's variance, per output (see the module docstring)."""
    means = point_means(runs, outputs)
    rows = []
    for output in outputs:
        between = float(means[output].var(ddof=1))
        within = np.nan
        note = ""
        if replications < 2:
            note = "one replicate per point: noise not estimated"
        elif ratio_parts(output):
            note = "ratio of means: noise not estimated"
        else:
            within = float(runs.groupby("point")[output].var(ddof=1).mean())
        share = within / replications / between if between > 0 else np.nan
        rows.append({"output": output, "replications": replications,
                     "variance_between_points": between, "variance_within_points": within,
                     "noise_share": share, "note": note})
    return pd.DataFrame(rows)
