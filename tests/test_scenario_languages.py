"""A scenario's name and description in English and Dutch; a plain text stays valid."""

from __future__ import annotations

import pytest

from simulate.scenario import Scenario
from simulate.schema import InputError
from tests.conftest import SCENARIOS


def test_name_and_description_per_language():
    s = Scenario.from_dict({"name": {"en": "coaches", "nl": "Gespecialiseerde klantmanagers"},
                            "description": {"en": "Six coaches.", "nl": "Zes klantmanagers."}})
    assert s.name == "coaches" and s.description == "Six coaches."
    assert s.text("name", "nl") == "Gespecialiseerde klantmanagers"
    assert s.text("description", "nl") == "Zes klantmanagers."
    assert s.text("name", "en") == "coaches"
    # The resolved scenario keeps both, and reads back the same.
    assert s.to_dict()["description"] == {"en": "Six coaches.", "nl": "Zes klantmanagers."}
    assert Scenario.from_dict(s.to_dict()) == s


def test_a_plain_text_serves_every_language_and_stays_plain():
    s = Scenario.from_dict({"name": "plain", "description": "Only one text."})
    assert s.text("description", "nl") == "Only one text." and s.translations == {}
    assert s.to_dict()["name"] == "plain" and s.to_dict()["description"] == "Only one text."


def test_a_file_that_extends_another_keeps_or_replaces_its_texts(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text(f"extends: {SCENARIOS / 'baseline.yaml'}\n"
                    "name: {en: base, nl: basis}\n"
                    "description: {en: The base., nl: De basis.}\n")
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nname: child\n")
    s = Scenario.from_yaml(child)
    assert s.text("name", "nl") == "child"              # a new name replaces both
    assert s.text("description", "nl") == "De basis."   # the description is inherited


@pytest.mark.parametrize("value,field,message", [
    ({"nl": "alleen"}, "name.en", "is required"),
    ({"en": "x", "de": "y"}, "name.de", "unknown key (allowed: en, nl)"),
    ({"en": "has space", "nl": "y"}, "name", "is not allowed"),
    ({"en": "x", "nl": 3}, "name.nl", "expected non-empty text"),
])
def test_bad_texts_are_refused_with_the_field(value, field, message):
    with pytest.raises(InputError) as err:
        Scenario.from_dict({"name": value})
    assert err.value.field == field and message in err.value.message


def test_every_shipped_scenario_has_a_dutch_name_and_description():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        s = Scenario.from_yaml(path)
        assert "name" in s.translations.get("nl", {}), path.name
        assert "description" in s.translations.get("nl", {}), path.name
