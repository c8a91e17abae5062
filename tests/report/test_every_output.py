"""A report builds, in both languages, from every shipped experiment file and from a sample
over policy levers (design points named ``policy.param``), each run small: fewer mothers,
months, replications and design points; the same factors and kinds of output. The run,
compare and sensitivity outputs of the other commands are covered by ``test_report.py`` and
``test_browser.py``."""

from __future__ import annotations

import re

import pandas as pd
import pytest
import yaml

from simulate.cli.main import main
from simulate.report import build_report
from tests.conftest import ROOT, SCENARIOS

EXPERIMENTS = sorted((ROOT / "experiments").glob("*.yaml"))
SIZE = 60


def _small_scenario(tmp, name: str) -> str:
    """A copy of a shipped scenario with fewer mothers and a short burn-in (the reports
    are studied here, not the start)."""
    path = tmp / f"small-{name}"
    path.write_text(f"extends: {SCENARIOS / name}\n"
                    f"population: {{size: {SIZE}, burn_in_months: 24}}\n")
    return str(path)


def _shrunk(tmp, source, every_factor: bool = False) -> tuple:
    data = yaml.safe_load(source.read_text())
    for key in ("scenario", "baseline"):
        if key in data:
            data[key] = _small_scenario(tmp, data[key].rsplit("/", 1)[-1])
    design = data["design"]
    data["replications"] = 1
    data["months"] = 6
    data["outputs"] = list(dict.fromkeys(re.sub(r"_\d+m$", "_total", o)
                                         for o in data["outputs"]))
    if design["type"] == "grid":
        design["parameters"] = {k: v[:2] for k, v in design["parameters"].items()}
    elif design["type"] == "sobol":
        design["samples"] = 4
        data.setdefault("analysis", {})["convergence_steps"] = 2
    elif design["type"] == "morris":
        design["samples"] = 2
        if not every_factor and design.pop("all_uncertainties", False):  # 2 s, not 50
            design["parameters"] = dict(list(design["parameters"].items())[:3]) or {
                "job_offer_base": {"low": 0.05, "high": 0.2}}
        data.setdefault("analysis", {})["convergence_steps"] = 2
    path = tmp / source.name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    command = "sensitivity" if design["type"] in ("sobol", "morris") else "sweep"
    return path, command


def _check(out, kind_frame: str) -> None:
    assert (out / f"{kind_frame}.parquet").exists()
    for lang in ("en", "nl"):
        html = build_report(out, lang=lang)
        assert html.count('class="chart-box"') >= 1
        assert 'class="num"' in html or kind_frame != "summary"


def test_every_shipped_experiment_file_is_covered():
    assert {p.stem for p in EXPERIMENTS} >= {"smoke-grid", "caseload-childcare-grid",
                                            "sobol-baseline", "morris-screening"}


@pytest.mark.parametrize("source", EXPERIMENTS, ids=[p.stem for p in EXPERIMENTS])
def test_a_report_builds_from_each_shipped_experiment(tmp_path, source):
    path, command = _shrunk(tmp_path, source)
    out = tmp_path / "out"
    assert main([command, str(path), "--out", str(out), "--workers", "1"]) == 0
    design = yaml.safe_load(path.read_text())["design"]["type"]
    _check(out, {"grid": "summary", "sobol": "sobol", "morris": "morris"}[design])


@pytest.mark.slow
def test_a_report_builds_from_the_screening_of_every_declared_uncertainty(tmp_path):
    path, command = _shrunk(tmp_path, ROOT / "experiments" / "morris-screening.yaml",
                            every_factor=True)
    out = tmp_path / "out"
    assert main([command, str(path), "--out", str(out), "--workers", "1"]) == 0
    _check(out, "morris")


def test_a_report_builds_from_a_latin_hypercube_over_policy_levers(tmp_path):
    path = tmp_path / "levers.yaml"
    path.write_text(
        f"name: levers\nscenario: {_small_scenario(tmp_path, 'combined.yaml')}\n"
        f"baseline: {_small_scenario(tmp_path, 'baseline.yaml')}\n"
        "design:\n  type: sample\n  parameters:\n    dedicated_coaches.caseload: {}\n"
        "    reserved_childcare.places: {}\n  samples: 4\n"
        "replications: 1\nmonths: 12\noutputs: [extra_exits_work_12m, net_cost_eur_12m]\n")
    out = tmp_path / "out"
    assert main(["sweep", str(path), "--out", str(out), "--workers", "1"]) == 0
    summary = pd.read_parquet(out / "summary.parquet")
    html = build_report(out, lang="nl")
    # The lever columns are read by name, dots and all.
    for value in summary["dedicated_coaches.caseload"]:
        assert f'<td class="n">{value}</td>' in html
    assert "hoogste aantal klanten per gespecialiseerde klantmanager" in html
