"""The sensitivity pipeline against the Ishigami function, whose indices are known.

The function replaces the model as evaluator; design, executor, storage and analysis are
the code the model's experiments use. Tolerances are in standard errors: SALib reports
the half-width of a 95% bootstrap interval, so one standard error is that over 1.96.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from simulate.compare import ratio_ci
from simulate.experiments import Experiment, analyse, analyse_results, read_runs, run_experiment
from simulate.experiments.analytic import Ishigami, ishigami, ishigami_indices
from simulate.experiments.summary import point_means

Z95 = stats.norm.ppf(0.975)
TOLERANCE_SE = 4
INPUTS = {"x1": {}, "x2": {}, "x3": {}, "x4": {}}


def _experiment(kind: str, samples: int, replications: int = 1, noise_sd: float = 0.0,
                seed: int = 11, analysis: dict | None = None, **design) -> Experiment:
    data = {"name": f"ishigami-{kind}", "seed": seed, "replications": replications,
            "outputs": ["y"], "analysis": analysis,
            "design": {"type": kind, "parameters": INPUTS, "samples": samples, **design}}
    return Experiment.from_dict(data, evaluator=Ishigami(noise_sd=noise_sd))


def _indices(result, column: str) -> dict[str, tuple[float, float]]:
    rows = result.indices.set_index("parameter")
    return {p: (rows.at[p, column], rows.at[p, f"{column}_conf"] / Z95) for p in rows.index}


def test_sobol_recovers_the_ishigami_indices(tmp_path):
    experiment = _experiment("sobol", 1024)
    run_experiment(experiment, tmp_path / "out")
    result = analyse_results(experiment, tmp_path / "out")
    truth = ishigami_indices()
    for index in ("S1", "ST"):
        for parameter, (estimate, se) in _indices(result, index).items():
            if parameter == "x4":
                continue
            assert 0 < se < 0.08, (index, parameter, se)  # informative, not vacuous
            assert abs(estimate - truth[index][parameter]) <= TOLERANCE_SE * se, (
                index, parameter, estimate, truth[index][parameter], se)


def test_a_parameter_without_effect_gets_no_sensitivity(tmp_path):
    experiment = _experiment("sobol", 256)
    run_experiment(experiment, tmp_path / "out")
    rows = analyse_results(experiment, tmp_path / "out").indices.set_index("parameter")
    # y never reads x4, so y(A) equals y(A with B's x4) exactly: ST is 0, not just small.
    assert abs(rows.at["x4", "ST"]) < 1e-12 and abs(rows.at["x4", "S1"]) < 1e-12
    assert rows["ST"].drop("x4").min() > 0.1


def test_morris_screens_out_the_unused_input(tmp_path):
    experiment = _experiment("morris", 40)
    run_experiment(experiment, tmp_path / "out")
    rows = analyse_results(experiment, tmp_path / "out").indices.set_index("parameter")
    assert rows.at["x4", "mu_star"] == 0 and rows.at["x4", "sigma"] == 0
    assert rows["mu_star"].drop("x4").min() > 1
    # x3 acts only through its interaction with x1: a large spread of its effects.
    assert rows.at["x3", "sigma"] > rows.at["x3", "mu_star"] * 0.8


def test_replicate_noise_is_averaged_and_measured(tmp_path):
    sd, reps = 2.0, 4
    experiment = _experiment("sobol", 512, replications=reps, noise_sd=sd)
    run_experiment(experiment, tmp_path / "out")
    result = analyse_results(experiment, tmp_path / "out")
    noise = result.noise.set_index("output").loc["y"]
    # Within a point, replicates differ only by the noise: variance sd^2, estimated from
    # points x (reps - 1) degrees of freedom.
    points = experiment.points
    se_within = sd ** 2 * np.sqrt(2 / (points * (reps - 1)))
    assert abs(noise["variance_within_points"] - sd ** 2) <= TOLERANCE_SE * se_within
    # Independent noise per point reaches the index of the unused x4 as the noise share of
    # the variance of the point means (averaging 4 replicates cut it fourfold).
    total = ishigami_variance() + sd ** 2 / reps
    expected_share = sd ** 2 / reps / total
    # Standard error of the share from those of its two variances (delta method).
    y = point_means(read_runs(tmp_path / "out"), ["y"])["y"].to_numpy()
    se_between = np.sqrt((np.mean((y - y.mean()) ** 4) - y.var() ** 2) / points)
    se_share = expected_share * np.hypot(se_within / sd ** 2, se_between / total)
    assert abs(noise["noise_share"] - expected_share) <= TOLERANCE_SE * se_share
    st4, se4 = _indices(result, "ST")["x4"]
    assert abs(st4 - expected_share) <= TOLERANCE_SE * se4
    assert st4 < 0.1


def ishigami_variance(a: float = 7.0, b: float = 0.1) -> float:
    """Variance of the Ishigami function with inputs uniform on [-pi, pi]."""
    return a ** 2 / 8 + b * np.pi ** 4 / 5 + b ** 2 * np.pi ** 8 / 18 + 0.5


def test_convergence_table_grows_to_the_full_sample(tmp_path):
    experiment = _experiment("sobol", 64, analysis={"convergence_steps": 3})
    run_experiment(experiment, tmp_path / "out")
    result = analyse_results(experiment, tmp_path / "out")
    conv = result.convergence
    assert sorted(conv["samples"].unique()) == [16, 32, 64]
    assert sorted(conv["runs"].unique()) == [16 * 6, 32 * 6, 64 * 6]
    last = conv[conv["samples"] == 64].drop(columns=["samples", "runs"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(last, result.indices)


def test_second_order_indices_when_sampled_for(tmp_path):
    experiment = _experiment("sobol", 1024, second_order=True)
    run_experiment(experiment, tmp_path / "out")
    s2 = analyse_results(experiment, tmp_path / "out").second_order.set_index(
        ["parameter_1", "parameter_2"])
    assert len(s2) == 6
    # The only interaction of the Ishigami function is x1 with x3.
    truth = ishigami_indices()
    s13 = truth["ST"]["x1"] - truth["S1"]["x1"]
    estimate, se = s2.at[("x1", "x3"), "S2"], s2.at[("x1", "x3"), "S2_conf"] / Z95
    assert abs(estimate - s13) <= TOLERANCE_SE * se
    assert abs(s2.at[("x1", "x2"), "S2"]) <= TOLERANCE_SE * s2.at[("x1", "x2"), "S2_conf"] / Z95


def test_undefined_outputs_get_a_note_not_a_number():
    experiment = _experiment("sobol", 8)
    x = experiment.matrix.rows
    runs = pd.DataFrame({"point": range(len(x)), "replicate": 0,
                         "y": [ishigami(*r[:3]) for r in x]})
    missing = runs.assign(y=runs["y"].where(runs["point"] != 3))
    result = analyse(experiment, missing)
    assert result.indices["ST"].isna().all() and "1 of 48 design points" in result.notes["y"]
    flat = analyse(experiment, runs.assign(y=1.0))
    assert flat.indices["S1"].isna().all() and "does not vary" in flat.notes["y"]


def test_point_means_agree_with_the_paired_comparison_rules():
    rng = np.random.default_rng(5)
    runs = pd.DataFrame({"point": np.repeat([0, 1, 2], 4),
                         "net_cost_eur_total": rng.normal(1e5, 2e4, 12),
                         "extra_exits_work_total": rng.integers(-2, 6, 12).astype(float),
                         "exits_work_24m": rng.normal(100, 10, 12)})
    runs.loc[runs["point"] == 2, "extra_exits_work_total"] = [-1.0, 0.0, 1.0, -2.0]
    extra = runs["extra_exits_work_total"]
    runs["net_cost_per_extra_exit_to_work"] = (runs["net_cost_eur_total"] / extra).where(extra > 0)
    outputs = ["exits_work_24m", "net_cost_per_extra_exit_to_work"]
    means = point_means(runs, outputs)
    for point, group in runs.groupby("point"):
        # Additive outputs: the mean; cost per exit: the ratio of the means of its parts.
        expected = {"exits_work_24m": group["exits_work_24m"].mean(),
                    "net_cost_per_extra_exit_to_work": ratio_ci(group["net_cost_eur_total"],
                                                        group["extra_exits_work_total"])[0]}
        for output in outputs:
            np.testing.assert_allclose(means.at[point, output], expected[output], rtol=1e-12)
    assert np.isnan(means.at[2, "net_cost_per_extra_exit_to_work"])  # no extra exits on average
