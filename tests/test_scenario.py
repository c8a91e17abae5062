"""Scenario files: valid ones load; every kind of bad input is one line and exit code 2."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulate.cli.main import main
from simulate.scenario import TOP_KEYS, Scenario
from simulate.schema import InputError
from tests.conftest import SCENARIOS

GOOD = """
name: t
population: {size: 200}
horizon_months: 6
seed: 1
replications: 2
parameters: {study_exit_hazard: 0.01}
policies: []
"""


def test_baseline_loads_with_declared_defaults():
    s = Scenario.from_yaml(SCENARIOS / "baseline.yaml")
    assert s.name == "baseline" and s.params().size == 1190


def test_extends_inherits_and_overrides(tmp_path):
    (tmp_path / "base.yaml").write_text(GOOD)
    (tmp_path / "child.yaml").write_text("extends: base.yaml\nname: c\nparameters: {other_exit_hazard: 0.02}\n")
    s = Scenario.from_yaml(tmp_path / "child.yaml")
    p = s.params()
    assert (s.name, s.horizon_months, p.size, p.study_exit_hazard, p.other_exit_hazard) == (
        "c", 6, 200, 0.01, 0.02)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(textwrap.dedent(text))
    return path


BAD = {
    "broken yaml": ("name: [unclosed\n", ""),
    "top-level list": ("- name: x\n", ""),
    "empty file": ("", ""),
    "unknown top key": (GOOD + "nmae: x\n", "nmae"),
    "unknown parameter": (GOOD.replace("study_exit_hazard", "stduy_exit_hazard"),
                          "parameters.stduy_exit_hazard"),
    "unknown population key": (GOOD.replace("size: 200", "sise: 200"), "population.sise"),
    "population key under parameters": (GOOD.replace("{study_exit_hazard: 0.01}", "{size: 5}"),
                                        "parameters.size"),
    "list where a mapping belongs": (GOOD.replace("{study_exit_hazard: 0.01}", "[1, 2]"),
                                     "parameters"),
    "mapping where a list belongs": (GOOD.replace("policies: []", "policies: {a: 1}"), "policies"),
    "text for a number": (GOOD.replace("0.01}", "high}"), "parameters.study_exit_hazard"),
    "bool for an integer": (GOOD.replace("size: 200", "size: true"), "population.size"),
    "float for an integer": (GOOD.replace("replications: 2", "replications: 2.5"), "replications"),
    "out of range probability": (GOOD.replace("0.01}", "1.5}"), "parameters.study_exit_hazard"),
    "negative size": (GOOD.replace("size: 200", "size: -3"), "population.size"),
    "zero horizon": (GOOD.replace("horizon_months: 6", "horizon_months: 0"), "horizon_months"),
    "seed text": (GOOD.replace("seed: 1", "seed: abc"), "seed"),
    "shares over one": (GOOD.replace("{size: 200}", "{size: 200, share_education_mbo_or_lower: 0.99}"),
                        "population.share_education_hbo_wo"),
    "duplicate key": (GOOD + "seed: 2\n", ""),
    "unknown policy": (GOOD.replace("policies: []", "policies: [teleport]"), "policies[0]"),
    "missing name": (GOOD.replace("name: t", ""), "name"),
    "extends a missing file": ("extends: nowhere.yaml\nname: x\n", "extends"),
    "non-text key": (GOOD.replace("{study_exit_hazard: 0.01}", "{1: 0.01}"), "parameters.1"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_scenario_is_one_line_exit_2_and_no_output(case, tmp_path, capsys):
    text, field = BAD[case]
    path = _write(tmp_path, text)
    out = tmp_path / "out"
    code = main(["run", str(path), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    prefix = f"scenario error: {path}: {field + ': ' if field else ''}"
    assert lines[0].startswith(prefix), lines[0]
    assert len(lines[0]) > len(prefix) + 5  # says what is wrong
    assert not out.exists() and list(tmp_path.iterdir()) == [path]


def test_missing_file_is_one_line_exit_2(tmp_path, capsys):
    code = main(["run", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and err == [f"scenario error: {tmp_path / 'nope.yaml'}: file not found"]


def test_out_of_range_message_names_what_is_allowed(tmp_path, capsys):
    main(["run", str(_write(tmp_path, BAD["out of range probability"][0]))])
    assert "expected a number from 0 to 1 (probability per month)" in capsys.readouterr().err


def test_unknown_key_suggests_the_close_name(tmp_path, capsys):
    main(["run", str(_write(tmp_path, BAD["unknown parameter"][0]))])
    assert "did you mean 'study_exit_hazard'" in capsys.readouterr().err


def test_console_script_exit_code_and_bad_arguments(tmp_path):
    path = _write(tmp_path, BAD["zero horizon"][0])
    proc = subprocess.run([sys.executable, "-m", "simulate", "run", str(path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "simulate", "run", str(path), "--reps", "0"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**7),
                         st.floats(allow_nan=True), st.text(max_size=12))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
keys = st.sampled_from([*TOP_KEYS, "size", "study_exit_hazard", "dedicated_coaches", "zzz"])
scenario_like = st.dictionaries(keys, yaml_values, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_like)
def test_fuzzed_scenarios_either_load_or_raise_input_error(data):
    try:
        Scenario.from_dict(data, source="fuzz.yaml")
    except InputError as err:
        assert err.line().startswith("scenario error: fuzz.yaml: ") and "\n" not in err.line()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_fuzzed_yaml_text_never_raises_anything_but_input_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_text(text)
    try:
        Scenario.from_yaml(path)
    except InputError as err:
        assert "\n" not in err.line()


def test_resolved_scenario_round_trips_through_yaml(tmp_path):
    s = Scenario.from_yaml(_write(tmp_path, GOOD))
    again = Scenario.from_dict(yaml.safe_load(s.to_yaml()))
    assert again.params() == s.params() and again.digest() == s.digest()


def test_names_that_would_escape_the_results_directory_are_refused(tmp_path, capsys):
    for bad in ("../victim", "a/b", ".hidden", ""):
        path = _write(tmp_path, GOOD.replace("name: t", f"name: '{bad}'"))
        assert main(["run", str(path), "--out", str(tmp_path / "o")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"scenario error: {path}: name: ")
    assert not (tmp_path / "o").exists()


def test_scientific_notation_is_a_number(tmp_path):
    path = _write(tmp_path, GOOD.replace("study_exit_hazard: 0.01", "study_exit_hazard: 5e-3"))
    assert Scenario.from_yaml(path).params().study_exit_hazard == 0.005


def test_a_scenario_keeps_its_changed_copies_but_never_confuses_them():
    # Scenario.with_values returns the copy it made for the same values (a point's
    # replicates share one), a new one for other values, other types (1 and 1.0) or another
    # source; values that cannot be a key are made afresh; a pickled scenario leaves the
    # copies behind and still gives equal ones.
    import pickle

    from simulate.scenario import WITH_VALUES_KEPT

    base = Scenario.from_yaml(SCENARIOS / "baseline.yaml")
    a = base.with_values({"job_offer_base": 0.5})
    assert base.with_values({"job_offer_base": 0.5}) is a
    assert a.params().job_offer_base == 0.5
    other = base.with_values({"job_offer_base": 0.6})
    assert other is not a and other.params().job_offer_base == 0.6
    assert base.with_values({"job_offer_base": 0.5}, source="elsewhere") is not a
    whole = base.with_values({"burn_in_months": 24})
    assert base.with_values({"burn_in_months": 24.0}) is not whole
    for i in range(WITH_VALUES_KEPT):
        base.with_values({"job_offer_base": 0.1 + i / 100})
    assert base.with_values({"job_offer_base": 0.5}) is not a  # the oldest left
    assert base.with_values({"job_offer_base": 0.5}) == a
    again = pickle.loads(pickle.dumps(base))
    assert "_with" not in again.__dict__ and again == base
    assert again.with_values({"job_offer_base": 0.6}) == other
