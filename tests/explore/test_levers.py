"""The levers come from the declarations, and a value set on one is judged as a scenario
file's is: refused with Parameter.check's message, warned with Parameter.plausible's."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.explore import levers as lv
from simulate.explore.programmes import shipped_programmes
from simulate.parameters import PARAMETERS
from simulate.policies import REGISTRY
from simulate.scenario import Scenario
from tests.conftest import SCENARIOS

PROGRAMMES = {p.stem: Scenario.from_yaml(p) for p in shipped_programmes(SCENARIOS)}


@pytest.mark.parametrize("name", sorted(PROGRAMMES))
def test_every_lever_of_every_module_and_of_the_core_becomes_a_control(name):
    scenario = PROGRAMMES[name]
    found = lv.levers(scenario)
    expected = {f"{spec.key}.{p.name}" for spec in scenario.policies
                for p in REGISTRY[spec.name].parameters.of_kind("lever")}
    expected |= {p.name for p in PARAMETERS.of_kind("lever")}
    assert set(found) == expected
    params = scenario.params()
    for spec in scenario.policies:
        values = spec.make().params
        for p in REGISTRY[spec.name].parameters.of_kind("lever"):
            assert found[f"{spec.key}.{p.name}"].value == values[p.name]
    for p in PARAMETERS.of_kind("lever"):
        assert found[p.name].value == params[p.name]


def test_words_are_the_reports_and_every_lever_has_them_in_both_languages():
    for scenario in PROGRAMMES.values():
        for key, lever in lv.levers(scenario).items():
            d = lever.declaration
            assert lever.words("en") == (d.doc, d.unit, d.source)
            doc, unit, source = d.words("nl")
            assert lever.words("nl") == (doc, unit, source), key
            assert doc and unit and source, key
            assert lever.label("nl") and lever.label("en")


def test_a_moved_lever_changes_only_that_value_and_an_unmoved_one_nothing():
    scenario = PROGRAMMES["klaar-voor-een-kind"]
    assert lv.apply(scenario, {k: x.value for k, x in lv.levers(scenario).items()}) is scenario
    moved = lv.apply(scenario, {"training.groups_per_year": 8, "regular_caseload_target": 100.0})
    assert moved.params()["regular_caseload_target"] == 100.0
    specs = {s.key: s for s in moved.policies}
    assert specs["training"].values["groups_per_year"] == 8
    assert specs["dona_daria"] == {s.key: s for s in scenario.policies}["dona_daria"]
    assert lv.changed(scenario, {"training.groups_per_year": 8, "nonsense": 1}) == {
        "training.groups_per_year": 8}


def _numbers():
    return [lever for scenario in PROGRAMMES.values()
            for lever in lv.levers(scenario).values() if lever.is_number]


LEVERS = {lever.key: lever for lever in _numbers()}
HOSTILE = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
    st.sampled_from([None, "", "6", True, False, [], 1e308, -0.0, 2**63]))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(key=st.sampled_from(sorted(LEVERS)), value=HOSTILE)
def test_a_value_is_refused_exactly_when_check_refuses_it_with_its_message(key, value):
    lever = LEVERS[key]
    d = lever.declaration
    judged, dutch_judged = lever.judge(value, "en"), lever.judge(value, "nl")
    try:
        checked = d.check(value)
    except (ValueError, TypeError) as err:
        if value is None or value == "":
            assert judged.refused == "enter a value"
        else:
            assert judged.refused == str(err)
        assert judged.value is None and dutch_judged.refused and dutch_judged.value is None
        return
    assert judged.refused is None and dutch_judged.refused is None
    assert judged.value == checked == dutch_judged.value
    assert judged.warning == d.plausible(checked)
    assert (dutch_judged.warning is None) == (judged.warning is None)


def test_outside_the_plausible_range_is_allowed_with_the_command_lines_warning():
    coaches = lv.levers(PROGRAMMES["dedicated-coaches"])["dedicated_coaches.coaches"]
    high = coaches.declaration.range[1] + 1
    judged = coaches.judge(high, "en")
    assert judged.value == high
    assert judged.warning == (f"{high} is outside the plausible range 0 to 30 (coaches); check "
                              "that it is meant")
    assert coaches.judge(high, "nl").warning == (
        f"{high} ligt buiten de aannemelijke bandbreedte 0 tot 30 (klantmanagers); ga na of "
        "dat zo bedoeld is")
    refused = coaches.judge(1001, "nl").refused
    assert refused == ("1.001 valt buiten de grenzen; toegestaan is een geheel getal van 0 tot "
                       "en met 1.000 (klantmanagers)")
    assert coaches.judge(1001, "en").refused == ("1001 is out of range; expected an integer "
                                                 "from 0 to 1000 (coaches)")
    assert not math.isnan(float(coaches.judge(5.0).value))
