"""Small scenarios for the explorer's tests: a base of 300 mothers with a short burn-in, and
programmes against it."""

from __future__ import annotations

import pytest

from tests.conftest import SCENARIOS

SMALL = ("population: {size: 300, burn_in_months: 24}\nhorizon_months: 12\n"
         "replications: 4\nseed: 7\n")


def write_small(folder, programmes: dict[str, str] | None = None):
    """A small base and programmes extending it, written in ``folder``; returns the base's
    path and the programmes' paths by name."""
    base = folder / "base.yaml"
    base.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\n"
                    "name: {en: base, nl: basis}\n" + SMALL)
    programmes = programmes or {
        "coaches": "  - dedicated_coaches: {coaches: 2, caseload: 40}\n",
        "groups": ("  - peer_groups: {label: training, groups_per_year: 4}\n"
                   "  - reserved_childcare: {places: 10}\n")}
    paths = {}
    for name, policies in programmes.items():
        path = folder / f"{name}.yaml"
        path.write_text(f"extends: base.yaml\nname: {{en: {name}, nl: {name}-nl}}\n"
                        f"description: {{en: English {name}, nl: Nederlands {name}}}\n"
                        f"policies:\n{policies}")
        paths[name] = path
    return base, paths


@pytest.fixture
def small(tmp_path):
    return write_small(tmp_path)
