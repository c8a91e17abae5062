"""Programme targets: counts of a run's policy metrics over the programme's months
(``metric_total``), their strict schema, and `simulate validate` on a programme scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulate.calibration.targets import load_targets
from simulate.cli.main import main
from tests.calibration.helpers import targets_data, write_yaml
from tests.conftest import SCENARIOS

SHIPPED = Path(__file__).parents[2] / "simulate" / "calibration" / (
    "targets-klaar-voor-een-kind.yaml")


def _total(metric, months=(1, 6), value=10.0, tolerance=1000.0, **extra) -> dict:
    return {"name": "x", "value": value, "standard_error": 3.0, "tolerance": tolerance,
            "source": "s", "statistic": {"metric_total": metric, "months": list(months),
                                         **extra}}


def _programme(tmp_path: Path) -> Path:
    """A small scenario with one labelled peer-group format."""
    path = tmp_path / "programme.yaml"
    path.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nname: programme\n"
                    "population: {size: 300, burn_in_months: 24}\nhorizon_months: 6\n"
                    "policies:\n  - peer_groups: {label: kvw, groups_per_year: 6, "
                    "selected_per_group: 30, intake: true}\n")
    return path


def _validate(tmp_path, capsys, targets, *extra):
    path = write_yaml(tmp_path / "targets.yaml", targets_data(targets, burn_in=0, window=6,
                                                              reps=2))
    code = main(["validate", str(_programme(tmp_path)), "--targets", str(path),
                 "--workers", "1", *extra])
    return code, capsys.readouterr(), path


def test_the_shipped_programme_targets_hold_the_funnel_figures():
    targets = load_targets(SHIPPED)
    by_name = {t.name: t for t in targets.targets}
    assert {n: by_name[n].value for n in ("informed", "selected", "invited", "start_meetings",
                                          "kiezen_voor_werk", "dona_daria_registered",
                                          "dona_daria_started",
                                          "kind_en_werkgeluk_started")} == {
        "informed": 686, "selected": 223, "invited": 177, "start_meetings": 15,
        "kiezen_voor_werk": 67, "dona_daria_registered": 48, "dona_daria_started": 40,
        "kind_en_werkgeluk_started": 22}
    assert by_name["kiezen_voor_werk_share"].value == 0.45
    for t in targets.targets:
        assert t.note and "004:" in t.source  # every tolerance says why, every figure where


def test_validate_sums_a_policy_metric_over_the_programme_months(tmp_path, capsys):
    within = _total("kvw_peer_group_selected", months=(1, 6), value=90, tolerance=1)
    code, out, _ = _validate(tmp_path, capsys, [within])
    # Six groups a year from month 0: groups start in months 2, 4 and 6, 30 selected each
    # (the pool of 300 mothers does not run dry).
    assert code == 0, out.out + out.err
    assert "kvw_peer_group_selected" not in out.err and "x " in out.out
    missed = _total("kvw_peer_group_selected", months=(1, 2), value=90, tolerance=1)
    code, out, _ = _validate(tmp_path, capsys, [missed])
    assert code == 1 and "1 of 1 targets outside tolerance: x" in out.out


BAD = {
    "unknown metric": (_total("kvw_peer_group_selcted"),
                       "targets[0].statistic: unknown monthly metric of"),
    "reversed months": (_total("kvw_peer_group_selected", months=(5, 2)),
                        "targets[0].statistic.months: ends (month 2) before it starts"),
    "one month": ({**_total("kvw_peer_group_selected"),
                   "statistic": {"metric_total": "kvw_peer_group_selected", "months": [3]}},
                  "targets[0].statistic.months: give two months"),
    "no months": ({**_total("kvw_peer_group_selected"),
                   "statistic": {"metric_total": "kvw_peer_group_selected"}},
                  "targets[0].statistic.months: is required"),
    "unknown key": (_total("kvw_peer_group_selected", among="exempt"),
                    "targets[0].statistic.among: unknown key"),
    "beyond the run": (_total("kvw_peer_group_selected", months=(1, 40)),
                       "targets[0].statistic.months: month 40 is outside the validation run"),
    "not recorded by the scenario": (
        _total("trajectory_peer_group_selected"),
        "targets[0].statistic: unknown monthly metric of"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_programme_targets_get_one_line_and_exit_2(tmp_path, capsys, case):
    target, expected = BAD[case]
    code, out, path = _validate(tmp_path, capsys, [target])
    assert code == 2, out
    assert out.err.count("\n") == 1 and out.err.startswith(f"targets error: {path}: ")
    assert expected in out.err
