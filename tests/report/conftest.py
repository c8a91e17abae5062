"""Output directories to build reports from (made once per test session)."""

from __future__ import annotations

import pytest

from simulate.cli.main import main
from tests.conftest import SCENARIOS


def _scenario(tmp, name, body="", size=500, reps=3):
    path = tmp / f"{name}.yaml"
    path.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nname: {name}\n"
                    f"population: {{size: {size}}}\nreplications: {reps}\n"
                    "horizon_months: 36\n" + body)
    return path


@pytest.fixture(scope="session")
def compare_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("compare")
    base = _scenario(tmp, "base")
    places = _scenario(tmp, "places", "policies:\n  - reserved_childcare: {places: 30}\n")
    combined = _scenario(tmp, "combined", "description: {en: Coaches and groups, "
                         "nl: Klantmanagers en groepen}\npolicies:\n"
                         "  - dedicated_coaches: {coaches: 2, caseload: 40}\n"
                         "  - peer_groups: {groups_per_year: 6, childcare_during_sessions: true}\n")
    out = tmp / "out"
    assert main(["compare", str(base), str(places), str(combined), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def worlds_dir(tmp_path_factory):
    """A comparison in plausible worlds (simulate compare --worlds), two programmes, kept
    small: 300 mothers, 2 replications, 6 worlds of 2 replications, one process."""
    tmp = tmp_path_factory.mktemp("worlds")
    base = _scenario(tmp, "base", size=300, reps=2)
    places = _scenario(tmp, "places", "policies:\n  - reserved_childcare: {places: 30}\n",
                       size=300, reps=2)
    coaches = _scenario(tmp, "coaches", "policies:\n"
                        "  - dedicated_coaches: {coaches: 2, caseload: 40}\n", size=300, reps=2)
    out = tmp / "out"
    assert main(["compare", str(base), str(places), str(coaches), "--out", str(out),
                 "--worlds", "6", "--world-reps", "2", "--max-waves", "2", "--workers", "1",
                 "--world-draw", "fit",  # the quickest draw: these tests read the report
                 "--worlds-cache", str(tmp / "cache")]) == 0
    return out


@pytest.fixture(scope="session")
def compare_many_dir(tmp_path_factory):
    """More than four scenarios (charts become small multiples), with Dutch names."""
    tmp = tmp_path_factory.mktemp("compare_many")
    small = "population: {size: 300}\nreplications: 2\nhorizon_months: 24\n"
    base = tmp / "base.yaml"
    base.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\n"
                    "name: {en: base, nl: basis}\n" + small)
    programmes = {
        "coaches": "dedicated_coaches: {coaches: 2, caseload: 40}",
        "places": "reserved_childcare: {places: 10}",
        "groups": "peer_groups: {groups_per_year: 6}",
        "aftercare": "aftercare: {months: 6}",
        "self-run": "peer_groups: {groups_per_year: 6, facilitator: none}"}
    alternatives = []
    for name, policy in programmes.items():
        path = tmp / f"{name}.yaml"
        path.write_text(f"extends: base.yaml\nname: {{en: {name}, nl: {name}-nl}}\n"
                        f"description: {{en: English {name}, nl: Nederlands {name}}}\n"
                        f"policies:\n  - {policy}\n")
        alternatives.append(str(path))
    out = tmp / "out"
    assert main(["compare", str(base), *alternatives, "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run")
    out = tmp / "out"
    # Markup in a description must reach the page as text.
    solo = _scenario(tmp, "solo", 'description: "Solo <b>run</b> & co"\n')
    assert main(["run", str(solo), "--out", str(out)]) == 0
    return out


def _experiment(tmp, name, design, outputs="[exits_work_12m, on_assistance_12m]"):
    """A small experiment on the baseline with fewer mothers and a short burn-in (the
    report is studied here, not the start)."""
    small = tmp / "small-baseline.yaml"
    small.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\n"
                     "population: {size: 400, burn_in_months: 24}\n")
    path = tmp / f"{name}.yaml"
    path.write_text(f"name: {name}\ndescription: a small {name} for the report tests\n"
                    f"scenario: {small}\ndesign:\n{design}"
                    f"replications: 2\nmonths: 12\noutputs: {outputs}\n")
    return path


@pytest.fixture(scope="session")
def sweep_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sweep")
    path = _experiment(tmp, "grid", "  type: grid\n  parameters:\n"
                       "    job_offer_base: [0.2, 0.5]\n    regular_caseload_target: [80, 160]\n")
    out = tmp / "out"
    assert main(["sweep", str(path), "--out", str(out), "--workers", "1"]) == 0
    return out


def _sensitivity(tmp_path_factory, method):
    tmp = tmp_path_factory.mktemp(method)
    design = (f"  type: {method}\n  parameters:\n    job_offer_base: {{}}\n"
              "    other_exit_hazard: {}\n  samples: 4\n")
    path = _experiment(tmp, method, design)
    out = tmp / "out"
    assert main(["sensitivity", str(path), "--out", str(out), "--workers", "1"]) == 0
    return out


@pytest.fixture(scope="session")
def sobol_dir(tmp_path_factory):
    return _sensitivity(tmp_path_factory, "sobol")


@pytest.fixture(scope="session")
def morris_dir(tmp_path_factory):
    return _sensitivity(tmp_path_factory, "morris")


@pytest.fixture(params=["sobol", "morris"])
def sensitivity_dir(request):
    return request.getfixturevalue(f"{request.param}_dir")


# Checks of every kind of statistic and design, and one not yet modelled where there is one.
EVIDENCE_CHECKS = ("caseworker_benefit_days", "childcare_price_and_supply",
                   "work_exit_lasts_6_months", "group_training_effect_6_months",
                   "debt_assistance_outflow")


@pytest.fixture(scope="session")
def evidence_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("evidence")
    base = _scenario(tmp, "base")
    out = tmp / "out"
    only = [a for c in EVIDENCE_CHECKS for a in ("--only", c)]
    assert main(["evidence", str(base), *only, "--reps", "3", "--out", str(out)]) in (0, 1)
    return out


@pytest.fixture(scope="session")
def discover_dir(tmp_path_factory):
    """`simulate discover` on the shipped caseload-childcare grid, run small (200 mothers,
    a 24-month burn-in, one replicate; the file's design, horizon and outputs), looking for
    where the programme adds fewest exits to work: below the lower quartile of the points'
    extra exits (a threshold taken from the results, not written down)."""
    import pandas as pd
    import yaml

    from simulate.clients import EXTRA_EXITS
    from tests.conftest import ROOT
    tmp = tmp_path_factory.mktemp("discover")
    data = yaml.safe_load((ROOT / "experiments" / "caseload-childcare-grid.yaml").read_text())
    for key in ("scenario", "baseline"):
        name = data[key].rsplit("/", 1)[-1]
        path = tmp / f"small-{name}"
        path.write_text(f"extends: {SCENARIOS / name}\n"
                        "population: {size: 200, burn_in_months: 24}\n")
        data[key] = str(path)
    data["replications"] = 1
    experiment = tmp / "caseload-childcare-grid.yaml"
    experiment.write_text(yaml.safe_dump(data, sort_keys=False))
    results = tmp / "results"
    assert main(["sweep", str(experiment), "--out", str(results), "--workers", "2"]) == 0
    values = pd.read_parquet(results / "runs.parquet")[EXTRA_EXITS]
    threshold = float(values.quantile(0.25)) + 1e-9
    out = tmp / "out"
    assert main(["discover", str(results), "--outcome", EXTRA_EXITS, "--below",
                 repr(threshold), "--threshold", "0.5", "--out", str(out)]) == 0
    return out
