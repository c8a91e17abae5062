"""Output directories to build reports from (made once per test session)."""

from __future__ import annotations

import pytest

from simulate.cli.main import main
from tests.conftest import SCENARIOS


def _scenario(tmp, name, body=""):
    path = tmp / f"{name}.yaml"
    path.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\nname: {name}\n"
                    "population: {size: 500}\nreplications: 3\nhorizon_months: 36\n" + body)
    return path


@pytest.fixture(scope="session")
def compare_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("compare")
    base = _scenario(tmp, "base")
    places = _scenario(tmp, "places", "policies:\n  - reserved_childcare: {places: 30}\n")
    combined = _scenario(tmp, "combined", "policies:\n"
                         "  - dedicated_coaches: {coaches: 2, caseload: 40}\n"
                         "  - peer_groups: {groups_per_year: 6, childcare_during_sessions: true}\n")
    out = tmp / "out"
    assert main(["compare", str(base), str(places), str(combined), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run")
    out = tmp / "out"
    assert main(["run", str(_scenario(tmp, "solo")), "--out", str(out)]) == 0
    return out
