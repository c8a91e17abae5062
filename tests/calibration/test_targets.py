"""Targets as data: the Rotterdam file, and one-line errors for bad target files."""

from __future__ import annotations

import pytest

from simulate.calibration.targets import DEFAULT_TARGETS, load_targets
from simulate.cli.main import main
from simulate.parameters import PARAMETERS
from tests.calibration.helpers import COMPOSITION, small_scenario, targets_data, write_yaml


def test_the_rotterdam_targets_cover_model_md():
    targets = load_targets()
    # The model's own burn-in and the targets' months before the window together age the
    # synthetic initial stock out of the sample.
    assert targets.window_months == 24
    assert targets.burn_in_months + PARAMETERS["burn_in_months"].default >= 120
    by_name = {t.name: t for t in targets.targets}
    assert by_name["still_on_assistance"].value == pytest.approx(461 / 855, abs=5e-4)
    exits = [by_name[f"exit_{r}"].value for r in
             ("work", "study", "noncooperation", "partner", "other")]
    assert exits == [0.25, 0.27, 0.14, 0.10, 0.24] and sum(exits) == pytest.approx(1.0)
    assert by_name["inflow_returning"].value == 0.445
    assert by_name["exemption_any"].value == 0.552
    assert by_name["barrier_registered"].value == 0.47
    assert {"age_mean", "age_sd", "education_hbo_wo", "entry_relationship_end",
            "stock_horizon", "stock_window_end", "exemption_request", "long_term_recipients",
            "informal_care_working"} <= set(by_name)
    assert by_name["exemption_request"].value == 0.08
    assert by_name["long_term_recipients"].value == 0.52
    for t in targets.targets:
        assert t.source and t.standard_error > 0
        if t.statistic.is_share:
            # A wider tolerance than 3 points must say why (a coarse source, another
            # population, a prior).
            assert t.tolerance <= 0.03 or t.note
    # A share's weight follows its sample size: sqrt(p (1 - p) / n).
    assert by_name["exit_work"].standard_error == pytest.approx((0.25 * 0.75 / 394) ** 0.5)
    for name in targets.calibration_parameters:
        assert PARAMETERS[name].kind == "uncertainty" or name.startswith("age_")


def _run_bad(tmp_path, capsys, data=None, text=None):
    path = tmp_path / "bad.yaml"
    if text is not None:
        path.write_text(text)
    else:
        write_yaml(path, data)
    code = main(["validate", str(small_scenario(tmp_path)), "--targets", str(path),
                 "--workers", "1"])
    err = capsys.readouterr().err
    return code, err, path


BAD = {
    "unknown column, with a suggestion": (
        [{"name": "x", "value": 0.5, "sample_size": 10, "tolerance": 0.03, "source": "s",
          "statistic": {"share": {"educaton": "hbo_wo"}}}],
        ("targets[0].statistic.share.educaton: unknown column of the period sample; "
         "did you mean 'education'?")),
    "unknown category": (
        [{"name": "x", "value": 0.5, "sample_size": 10, "tolerance": 0.03, "source": "s",
          "statistic": {"share": {"education": "phd"}}}],
        "targets[0].statistic.share.education: text 'phd' is not allowed"),
    "share above 1": (
        [{"name": "x", "value": 53.9, "sample_size": 10, "tolerance": 0.03, "source": "s",
          "statistic": {"share": "exempt"}}],
        "targets[0].value: 53.9 is out of range; expected a number from 0 to 1"),
    "mean without standard error": (
        [{"name": "x", "value": 31.4, "sample_size": 855, "tolerance": 0.5, "source": "s",
          "statistic": {"mean": "age_years"}}],
        "targets[0]: needs 'standard_error'"),
    "two statistics": (
        [{"name": "x", "value": 0.5, "sample_size": 10, "tolerance": 0.03, "source": "s",
          "statistic": {"share": "exempt", "mean": "age_years"}}],
        "targets[0].statistic: give exactly one of share, mean, sd, stock_ratio"),
    "duplicate name": (
        [COMPOSITION[0], COMPOSITION[0]],
        "targets[1].name: 'education_mbo_or_lower' is used twice"),
    "unknown key": (
        [{**COMPOSITION[0], "tolerence": 0.03}],
        "targets[0].tolerence: unknown key; did you mean 'tolerance'?"),
    "stock month beyond the run": (
        [{"name": "x", "value": 1.0, "standard_error": 0.02, "tolerance": 0.05, "source": "s",
          "statistic": {"stock_ratio": 500}}],
        "targets[0].statistic.stock_ratio: month 500 is outside the validation run"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_target_gets_one_line_and_exit_2(tmp_path, capsys, case):
    targets, expected = BAD[case]
    code, err, path = _run_bad(tmp_path, capsys, targets_data(targets))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"targets error: {path}: ")
    assert expected in err


@pytest.mark.parametrize("text, expected", [
    ("targets: [\n", "not valid YAML"),
    ("sampling: {burn_in_months: 12, window_months: 12}\n", "targets: is required"),
    ("sampling: {burn_in_months: -1, window_months: 12}\ntargets: []\n",
     "sampling.burn_in_months: -1 is out of range"),
    ("sampling: {burn_in_months: 12, window_months: 12}\ntargets: []\n",
     "targets: lists no targets"),
    (("sampling: {burn_in_months: 12, window_months: 12}\n"
      "calibration: {parameters: [size]}\ntargets: [{name: x, value: 0.5, sample_size: 10, "
      "tolerance: 0.03, source: s, statistic: {share: exempt}}]\n"),
     "calibration.parameters[0]: size cannot be calibrated"),
])
def test_broken_target_files_get_one_line(tmp_path, capsys, text, expected):
    code, err, _path = _run_bad(tmp_path, capsys, text=text)
    assert code == 2 and err.count("\n") == 1 and err.startswith("targets error: ")
    assert expected in err


def test_a_missing_target_file_gets_one_line(tmp_path, capsys):
    code = main(["validate", str(small_scenario(tmp_path)), "--targets",
                 str(tmp_path / "nope.yaml")])
    err = capsys.readouterr().err
    assert code == 2 and err == f"targets error: {tmp_path / 'nope.yaml'}: file not found\n"


def test_the_default_targets_file_is_shipped_with_the_package():
    assert DEFAULT_TARGETS.name == "targets.yaml" and DEFAULT_TARGETS.is_file()
