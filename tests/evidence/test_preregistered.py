"""The pre-registered checks and targets (evidence/preregistered/, copies of
../shared/evidence/): they load with the current schemas, the copies are the originals, and
the project's own checks are at least as strict."""

from __future__ import annotations

import math

import pytest

from simulate.calibration.targets import load_targets
from simulate.cli.main import main
from simulate.evidence import load_checks
from simulate.evidence.spec import Band
from simulate.metrics import recorded_metrics
from simulate.scenario import Scenario
from tests.conftest import ROOT, SCENARIOS

COPIES = ROOT / "evidence" / "preregistered"
ORIGINALS = ROOT.parent / "shared" / "evidence"
FILES = ("checks.yaml", "targets.yaml")


def test_the_preregistered_checks_load_with_the_current_schema():
    checks = load_checks(COPIES / "checks.yaml")
    assert len(checks.checks) >= 15
    assert all(c.modelled for c in checks.checks)


def test_the_preregistered_targets_load_with_the_current_schema():
    targets = load_targets(COPIES / "targets.yaml")
    baseline = Scenario.from_yaml(SCENARIOS / "baseline.yaml")
    targets.check_run(baseline.horizon_months)
    targets.check_metrics(recorded_metrics([baseline]), str(SCENARIOS / "baseline.yaml"))
    assert "parttime_on_assistance" in targets.names()


def test_simulate_evidence_reads_the_preregistered_checks(capsys):
    """An unknown --only stops the command after the file has been read and checked, so a
    schema error would show first; the error lists the file's checks."""
    assert main(["evidence", "--checks", str(COPIES / "checks.yaml"), "--only",
                 "no_such_check"]) == 2
    err = capsys.readouterr().err
    assert "no check named 'no_such_check'" in err and "caseworker_benefit_days" in err


@pytest.mark.parametrize("name", FILES)
def test_the_copies_are_the_preregistered_files_byte_for_byte(name):
    original = ORIGINALS / name
    if not ORIGINALS.is_dir():
        pytest.skip(f"{ORIGINALS} is not here (a clone of the repository alone): the copy "
                    "cannot be compared with the original")
    assert original.is_file(), f"{original} is missing"
    assert (COPIES / name).read_bytes() == original.read_bytes(), (
        f"evidence/preregistered/{name} differs from {original}; copy it again "
        "(the pre-registered files change only when a source changes a published figure)")


def at_least_as_strict(own: Band, registered: Band) -> bool:
    """``own`` lies within ``registered``; a missing side is unbounded."""
    low = -math.inf if own.low is None else own.low
    high = math.inf if own.high is None else own.high
    return ((registered.low is None or low >= registered.low)
            and (registered.high is None or high <= registered.high))


def test_the_project_s_bands_are_at_least_as_strict_as_the_preregistered_ones():
    registered = {c.name: c.band for c in load_checks(COPIES / "checks.yaml").checks}
    own = {c.name: c.band for c in load_checks().checks}
    looser = [f"{name}: [{own[name].low}, {own[name].high}] is looser than the "
              f"pre-registered [{band.low}, {band.high}]"
              for name, band in registered.items()
              if name in own and not at_least_as_strict(own[name], band)]
    assert looser == []
    assert set(registered) <= set(own), "a pre-registered check is missing from checks.yaml"


@pytest.mark.parametrize("own,registered,strict", [
    ((1, 2), (0, 3), True), ((0, 3), (0, 3), True), ((-1, 2), (0, 3), False),
    ((1, 4), (0, 3), False), ((None, 2), (0, 3), False), ((1, None), (0, 3), False),
    ((1, 2), (None, 3), True), ((1, None), (0, None), True), ((None, 2), (None, 1), False)])
def test_strictness_treats_a_missing_side_as_unbounded(own, registered, strict):
    assert at_least_as_strict(Band(*own, ""), Band(*registered, "")) is strict
