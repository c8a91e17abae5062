"""The programme checks copy a shipped scenario's policies inline (checks are data and
must not depend on a scenario file that can change); the copies must stay equal to the
scenario files they name, or a check would grade a programme nobody ships."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHECKS = yaml.safe_load((ROOT / "simulate" / "evidence" / "checks.yaml").read_text())["checks"]
NAMED = [(c["name"], m.group(1)) for c in CHECKS
         if (m := re.match(r"\s*(scenarios/[\w-]+\.yaml)", (c.get("intervention") or {}).get("assumptions", "")))]


def test_the_programme_checks_name_their_scenario():
    names = {name for name, _ in NAMED}
    # The checks of a shipped programme's participants (the JOBS checks model a format,
    # not a shipped programme).
    programme_checks = {c["name"] for c in CHECKS if "_participant_" in c["name"]}
    assert programme_checks <= names, programme_checks - names


@pytest.mark.parametrize(("check", "path"), NAMED, ids=[n for n, _ in NAMED])
def test_a_checks_inline_policies_equal_its_scenario_file(check, path):
    inline = next(c for c in CHECKS if c["name"] == check)["intervention"]["policies"]
    shipped = yaml.safe_load((ROOT / path).read_text())["policies"]
    assert inline == shipped, f"{check}: the policies differ from {path}"
