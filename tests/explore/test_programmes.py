"""A setting saved as a scenario file gives, through ``simulate compare``, the numbers the
explorer showed; the command the page shows is that command."""

from __future__ import annotations

import shlex

import pandas as pd
import pytest

from simulate.cli.main import main
from simulate.explore.programmes import REGULAR, Explorer, shipped_folder, shipped_programmes
from simulate.scenario import Scenario
from simulate.schema import InputError
from tests.conftest import SCENARIOS


def test_the_downloaded_scenario_gives_the_same_numbers_through_simulate_compare(
        small, tmp_path, monkeypatch):
    base_path, paths = small
    explorer = Explorer(base_path, list(paths.values()), reps=3, warm=False)
    values = {"training.groups_per_year": 7, "reserved_childcare.places": 25,
              "training.childcare_during_sessions": True, "regular_caseload_target": 95.0}
    scenario = explorer.setting("groups", values)
    assert scenario.name == "groups-adjusted"
    assert scenario.text("name", "nl") == "groups-nl (aangepast)"
    engine = explorer.engine.start()
    try:
        answer = engine.wait(engine.submit(scenario), complete=True)
    finally:
        engine.stop()
    name, text = explorer.scenario_file("groups", values)
    assert name == "groups-adjusted.yaml"
    saved = tmp_path / "downloads" / name
    saved.parent.mkdir()
    saved.write_text(text)
    command = explorer.command("groups", scenario, answer.replications)
    assert command == shlex.join(["simulate", "compare", str(base_path), name, "--reps", "3",
                                  "--seed", "7"])
    # Run the command as the page shows it, from the folder the file was saved in.
    monkeypatch.chdir(saved.parent)
    out = tmp_path / "out"
    assert main([*shlex.split(command)[1:], "--out", str(out)]) == 0
    table = pd.read_parquet(out / "comparison.parquet")
    pd.testing.assert_frame_equal(table, answer.comparison.table, check_dtype=False)
    assert Scenario.from_yaml(saved).digest() == scenario.digest()
    assert "training.groups_per_year: 7 (was 4)" in text


def test_an_unchanged_programme_is_its_own_file_and_the_base_is_offered_with_core_levers(small):
    base_path, paths = small
    explorer = Explorer(base_path, list(paths.values()), warm=False)
    assert list(explorer.programmes) == ["coaches", "groups", REGULAR]
    own = explorer.setting("coaches", {"dedicated_coaches.coaches": 2})
    assert own.name == "coaches"
    assert explorer.file_name("coaches", own) == str(paths["coaches"])
    regular = explorer.setting(REGULAR, {"regular_caseload_target": 80.0})
    assert regular.policies == () and regular.params()["regular_caseload_target"] == 80.0
    assert regular.name != explorer.base.name
    assert explorer.programmes[REGULAR].title("nl").startswith("Geen interventie")


def test_a_programme_that_changes_more_than_its_levers_is_refused_in_one_line(small, tmp_path):
    base_path, _ = small
    other = tmp_path / "other.yaml"
    other.write_text("extends: base.yaml\nname: other\npopulation: {size: 400}\n")
    with pytest.raises(InputError) as err:
        Explorer(base_path, [other], warm=False)
    assert err.value.lines() == [
        (f"explore error: {other}: population.size: 400 here, 300 in the base {base_path}; a "
         "programme may differ from the base only in its policies and levers")]


def test_the_shipped_programmes_are_every_scenario_but_the_base_and_all_modules():
    names = {p.name for p in shipped_programmes(SCENARIOS)}
    assert "baseline.yaml" not in names and "all-modules.yaml" not in names
    assert {"dedicated-coaches.yaml", "klaar-voor-een-kind.yaml"} <= names
    assert (shipped_folder() / "baseline.yaml").is_file()
