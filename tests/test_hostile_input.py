"""Hostile and careless input gets one line per problem and exit code 2, fast: YAML that is
valid but not plain data, values the engine cannot run, names used as paths, outputs that
cannot be written. Most cases are generated (hypothesis); where the issue names a number,
the test uses it."""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from simulate import memory
from simulate.cli.main import main
from simulate.experiments import InProcess
from simulate.model import PathwaysModel
from simulate.parameters import (
    PARAMETERS,
    PRODUCT_LIMITS,
    SHARE_GROUPS,
    ParameterError,
    Params,
)
from simulate.policies import REGISTRY
from simulate.scenario import MAX_EXTENDS, Scenario
from simulate.schema import (
    MAX_ERRORS,
    MAX_INT_DIGITS,
    MAX_YAML_DEPTH,
    MAX_YAML_VALUES,
    InputError,
    load_yaml,
)
from tests.conftest import SCENARIOS

FAST_S = 5.0  # a refusal of hostile YAML takes well under this
BASE = str(SCENARIOS / "baseline.yaml")
def hostile(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, suppress_health_check=[
        HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def one_line(capsys, argv: list[str], *words: str) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err
    for word in words:
        assert word in err, err
    return err


def refuse_yaml(path: Path, *words: str) -> InputError:
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        Scenario.from_yaml(path)
    assert time.monotonic() - started < FAST_S
    line = caught.value.line()
    assert "\n" not in line and line.startswith(f"scenario error: {path.parent}/")
    for word in words:
        assert word in line, line
    return caught.value


# ---- item 7: YAML that is valid but not a plain document --------------------------------
@hostile(25)
@given(depth=st.integers(MAX_YAML_DEPTH + 1, 6000), flow=st.booleans())
@example(depth=5000, flow=True)   # "lists nested thousands deep"
@example(depth=5000, flow=False)
def test_deep_nesting_is_refused_naming_the_limit(tmp_path_factory, depth, flow):
    path = tmp_path_factory.mktemp("deep") / "s.yaml"
    if flow:
        path.write_text("name: x\nparameters: " + "[" * depth + "]" * depth + "\n")
    else:
        path.write_text("name: x\nparameters:\n" + "".join(
            "  " * (i + 1) + "- \n" for i in range(min(depth, 400))))
        if depth > 400:  # block style is nested by indentation: the deepest that fits
            path.write_text("name: x\nparameters: " + "[" * depth + "]" * depth + "\n")
    refuse_yaml(path, f"nested more than {MAX_YAML_DEPTH} levels deep")


@hostile(25)
@given(digits=st.integers(MAX_INT_DIGITS + 1, 20_000), sign=st.sampled_from(["", "-", "+"]),
       where=st.sampled_from(["seed", "parameters: {size", "policies: [{a"]))
@example(digits=5000, sign="", where="seed")   # "integers of thousands of digits"
def test_integers_of_thousands_of_digits_are_refused(tmp_path_factory, digits, sign, where):
    path = tmp_path_factory.mktemp("int") / "s.yaml"
    number = sign + "9" * digits
    closing = "}" if where.endswith("size") else ("}]" if where.startswith("policies") else "")
    path.write_text(f"name: x\n{where}: {number}{closing}\n")
    refuse_yaml(path, f"an integer of {digits} digits; at most {MAX_INT_DIGITS}")


@hostile(25)
@given(width=st.integers(2, 12), levels=st.integers(2, 10))
@example(width=9, levels=9)   # "billion laughs"
def test_alias_bombs_are_refused_before_they_expand(tmp_path_factory, width, levels):
    path = tmp_path_factory.mktemp("bomb") / "s.yaml"
    lines = ["name: x", "description: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"k{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    path.write_text("\n".join(lines) + "\n")
    expanded = sum(width ** (i + 1) + width ** i for i in range(levels))
    if expanded > MAX_YAML_VALUES:
        refuse_yaml(path, f"more than {MAX_YAML_VALUES:,} values once its aliases")
    else:
        refuse_yaml(path)  # a small document: refused for what it says, not for its size


@hostile(40)
@given(key=st.recursive(st.one_of(st.integers(), st.text(max_size=5), st.booleans()),
                        lambda inner: st.one_of(st.lists(inner, min_size=1, max_size=3),
                                                st.dictionaries(st.text(max_size=3), inner,
                                                                min_size=1, max_size=3)),
                        max_leaves=6).filter(lambda k: isinstance(k, (list, dict))),
       where=st.sampled_from(["", "parameters:\n  "]))
@example(key=["a", "b"], where="")      # ? [a, b]
@example(key={"a": 1}, where="")        # ? {a: 1}
def test_complex_keys_are_refused(tmp_path_factory, key, where):
    path = tmp_path_factory.mktemp("key") / "s.yaml"
    flow = yaml.safe_dump(key, default_flow_style=True).strip()
    indent = "  " if where else ""
    path.write_text(f"name: x\n{where}? {flow}\n{indent}: 1\n")
    refuse_yaml(path, "keys must be plain text")


@hostile(15)
@given(length=st.integers(1, 400))
@example(length=300)   # "extends chains hundreds long"
def test_extends_chains_are_limited(tmp_path_factory, length):
    directory = tmp_path_factory.mktemp("chain")
    for i in range(length):
        nxt = f"extends: c{i + 1}.yaml\n" if i + 1 < length else f"extends: {BASE}\n"
        (directory / f"c{i}.yaml").write_text(f"name: c{i}\n{nxt}")
    if length + 1 > MAX_EXTENDS:
        refuse_yaml(directory / "c0.yaml", f"at most {MAX_EXTENDS} are allowed")
    else:
        assert Scenario.from_yaml(directory / "c0.yaml").name == "c0"


def test_large_and_endless_files_are_refused_without_reading_them(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("name: x\ndescription: '" + "a" * 2_000_000 + "'\n")
    refuse_yaml(big, "larger than 1,000,000 bytes")
    endless = tmp_path / "endless.yaml"
    endless.write_text(f"name: x\nextends: {os.devnull.replace('null', 'zero')}\n")
    refuse_yaml(endless, "larger than 1,000,000 bytes")


plain = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(),
              st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=30)


@hostile(150)
@given(document=plain, anchors=st.booleans())
def test_any_plain_document_loads_or_is_one_line(tmp_path_factory, document, anchors):
    path = tmp_path_factory.mktemp("doc") / "d.yaml"
    text = yaml.safe_dump(document, allow_unicode=True)
    if anchors:  # the same document with every repeated node as an alias
        text = yaml.dump(document, Dumper=yaml.SafeDumper, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    try:
        load_yaml(path, "scenario")
        Scenario.from_yaml(path)
    except InputError as err:
        assert all("\n" not in line for line in err.lines())


# ---- item 8: values the declarations allowed but the engine could not run ------------------
def _scenario(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(f"name: s\nextends: {BASE}\npopulation: {{size: 100}}\nhorizon_months: 2\n"
                    f"replications: 1\n{text}")
    return path


@pytest.mark.parametrize("text, field", [
    ("policies: [reserved_childcare: {places: 1e12}]", "reserved_childcare.places"),
    ("parameters: {vacancies_per_100_mothers: 1e300}", "parameters.vacancies_per_100_mothers"),
    ("policies: [dedicated_coaches: {coaches: 1e9}]", "dedicated_coaches.coaches"),
    ("parameters: {regular_caseload_target: 1e-300}", "parameters.regular_caseload_target"),
    ("policies: [peer_groups: {groups_per_year: 1e8}]", "peer_groups.groups_per_year"),
])
def test_values_the_engine_cannot_run_are_refused(tmp_path, capsys, text, field):
    path = _scenario(tmp_path, text)
    started = time.monotonic()
    one_line(capsys, ["run", str(path), "--out", str(tmp_path / "out")], f"{field}: ",
             "is out of range; expected")
    assert time.monotonic() - started < FAST_S and not (tmp_path / "out").exists()


def test_a_billion_replications_are_refused_at_once(tmp_path, capsys):
    started = time.monotonic()
    one_line(capsys, ["run", str(_scenario(tmp_path, "")), "--reps", "1000000000"],
             "usage error: simulate run: argument --reps: 1000000000 is more than 100000")
    assert time.monotonic() - started < FAST_S


def declared() -> list[tuple[str | None, object]]:
    return ([(None, p) for p in PARAMETERS.values()]
            + [(name, p) for name, cls in sorted(REGISTRY.items())
               for p in cls.parameters.values()])


def test_every_number_has_hard_bounds_on_both_sides():
    loose = [f"{owner or 'model'}.{p.name}" for owner, p in declared()
             if p.type in (int, float) and None in p.bounds]
    assert loose == []


@pytest.mark.parametrize("owner, parameter",
                         [pytest.param(o, p, id=f"{o or 'model'}.{p.name}")
                          for o, p in declared() if p.type in (int, float)])
def test_every_parameter_runs_at_its_hard_bounds(owner, parameter):
    """A couple of months of a small population with the value at each bound: no crash, no
    hang, no runaway memory (the population's own size is left to the memory estimate), and
    no division by zero or invalid arithmetic (a NaN chance would silently stop a process)."""
    for value in parameter.bounds:
        value = parameter.type(value)
        if owner is None and parameter.name == "size":
            value = min(value, 500)
        overrides = {"size": 100} if parameter.name != "size" or owner else {}
        policies = []
        if owner is None:
            overrides[parameter.name] = value
        else:
            policies = [REGISTRY[owner]({parameter.name: value}, None)]
        try:
            params = Params.from_overrides(overrides)
        except ParameterError as err:  # a share that leaves no room for its group, or an exit
            # hazard that with its factors reaches past its third of the month's uniform
            assert "add up to" in err.message or "at most 0.333 is allowed" in err.message
            continue
        started = time.monotonic()
        with np.errstate(divide="raise", invalid="raise"):
            model = PathwaysModel(params, policies, seed=1, horizon_months=2).run(2)
        model.close()
        assert time.monotonic() - started < 20


def _extreme(parameter, draw):
    """A value a user may well set: a hard bound, an end of the plausible range or the
    default."""
    values = [*parameter.bounds, parameter.default, *(parameter.range or ())]
    return parameter.type(draw(st.sampled_from(values)))


# Derandomized: the same 150 cases every run, so that the suite's verdict is reproducible.
# To explore new combinations, set derandomize=False and run it with several
# `--hypothesis-seed` values (30 seeds, 4,500 cases, found nothing beyond the bounds fixed).
@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_extreme_values_together_never_break_the_arithmetic(data):
    """Many parameters at once at their extremes, with any modules at theirs: a few months
    run with numpy's divide, invalid and overflow errors raised (each value alone is
    covered above; this finds the pairs, such as a programme's posts counted in coaches'
    hours when a coach works no hours)."""
    # Shares that must add up to at most one, and exit hazards whose product with their
    # factors is limited, keep their defaults (drawn at their upper bounds they are
    # refused, which tests nothing here).
    grouped = {name for group in SHARE_GROUPS for name in group} | {
        name for names, _ in PRODUCT_LIMITS for name in names}
    overrides = {p.name: _extreme(p, data.draw) for p in PARAMETERS.values()
                 if p.type in (int, float) and p.name not in grouped | {"size"}
                 and data.draw(st.booleans(), label=p.name)}
    overrides.update(size=150, burn_in_months=data.draw(st.integers(0, 2)))
    try:
        params = Params.from_overrides(overrides)
    except ParameterError:  # a group that does not add up, an exit past its third
        return
    policies = []
    for name in data.draw(st.lists(st.sampled_from(sorted(REGISTRY)), unique=True)):
        cls = REGISTRY[name]
        values = {p.name: _extreme(p, data.draw) for p in cls.parameters.values()
                  if p.type in (int, float) and data.draw(st.booleans(), label=p.name)}
        try:
            policies.append(cls(values, None))
        except ParameterError:
            continue
    try:
        with np.errstate(divide="raise", invalid="raise", over="raise"):
            PathwaysModel(params, policies, seed=1, horizon_months=3).run(3).close()
    except ParameterError:  # a combination a policy refuses when it starts
        return


@hostile(300)
@given(pick=st.integers(0, 10**6), value=st.one_of(
    st.floats(), st.integers(-10**400, 10**400), st.booleans(), st.none(), st.text(max_size=8),
    st.lists(st.integers(), max_size=2), st.floats(-1e3, 1e3)))
def test_any_value_for_any_parameter_is_checked_or_refused(pick, value):
    _owner, parameter = declared()[pick % len(declared())]
    try:
        checked = parameter.check(value)
    except ValueError as err:
        assert "\n" not in str(err)
        return
    if parameter.type in (int, float):
        low, high = parameter.bounds
        assert low <= checked <= high and isinstance(checked, parameter.type)


def test_a_request_beyond_the_machines_memory_is_refused_with_the_estimate(tmp_path, capsys,
                                                                            monkeypatch):
    path = _scenario(tmp_path, "")
    monkeypatch.setattr(memory, "machine_bytes", lambda: 2**30)
    err = one_line(capsys, ["run", str(path), "--reps", "100000", "--out", str(tmp_path / "o")],
                   "resources error: ", "100,000 replication(s) of 2 months",
                   "more than this machine's 1.0 GiB")
    need = float(err.split("needs about ")[1].split(" GiB")[0].replace(",", ""))
    assert need > 1 and not (tmp_path / "o").exists()


@pytest.mark.slow
def test_the_memory_estimate_is_on_the_high_side():
    """A real run's peak memory (measured in a fresh process) stays below the estimate: the
    process with the package loaded, and what the model adds to it."""
    import json
    import subprocess
    import sys

    code = ("import json; from simulate.parameters import Params; "
            "from simulate.model import PathwaysModel; "
            "kb = lambda key: [int(x.split()[1]) * 1024 for x in open('/proc/self/status') "
            "if x.startswith(key)][0]; "
            "open('/proc/self/clear_refs', 'w').write('5'); "  # peak := now
            "base = kb('VmRSS:'); "
            "PathwaysModel(Params.from_overrides({'size': 50000}), [], horizon_months=12)"
            ".run(12); print(json.dumps([base, kb('VmHWM:')]))")
    if not os.access("/proc/self/clear_refs", os.W_OK):
        pytest.skip("needs Linux's /proc/self/clear_refs to measure a peak")
    base, peak = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                           text=True, check=True).stdout)
    model = memory.run_bytes(Params.from_overrides({"size": 50000}), 12)
    assert base < memory.PROCESS_BYTES, base
    assert peak - base < model < 4 * (peak - base), (base, peak, model)


# ---- item 9: names are names ------------------------------------------------------------
EXPERIMENT = {"scenario": BASE, "design": {"type": "grid", "parameters": {
    "job_offer_base": [0.06]}}, "replications": 1, "months": 12,
    "outputs": ["exits_work_12m"]}


@pytest.mark.parametrize("name", ["../x", "/tmp/x", "a/b", "..", ".hidden", "", "a\\b"])
def test_experiment_names_that_are_paths_are_refused(tmp_path, capsys, name):
    path = tmp_path / "e.yaml"
    path.write_text(yaml.safe_dump({"name": name, **EXPERIMENT}))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        one_line(capsys, ["sweep", str(path), "--workers", "1"], f"{path}: name: ")
    finally:
        os.chdir(cwd)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.yaml"]


@hostile(200)
@given(name=st.text(max_size=30))
@example(name="../x")
@example(name="/etc")
def test_a_name_that_is_accepted_stays_inside_the_results_folder(name):
    try:
        scenario = Scenario.from_dict({"name": name}, source="n.yaml")
    except InputError as err:
        assert err.line().startswith("scenario error: n.yaml: name: ")
        return
    results = Path("/results")
    assert (results / scenario.name).resolve().parent == results
    assert "/" not in scenario.name and ".." != scenario.name


# ---- item 10: outputs that cannot be written ---------------------------------------------
class Simulated(Exception):
    """The simulation would start here (it must not, when the output is unwritable)."""


@pytest.fixture
def no_simulation(monkeypatch):
    def refuse(*args, **kwargs):
        raise Simulated

    for target in ("simulate.cli.run.run", "simulate.cli.compare.compare",
                   "simulate.experiments.sweep._run_missing", "simulate.cli.calibrate.calibrate",
                   "simulate.cli.calibrate.fit_errors", "simulate.cli.validate.validate", "simulate.cli.report.build_report"):
        monkeypatch.setattr(target, refuse)
    # No clusters or process pools are started: the runs would go there.
    monkeypatch.setattr("simulate.cli.sweep.make_executor", lambda *args: InProcess())


@pytest.fixture
def inputs(tmp_path) -> dict[str, str]:
    scenario = _scenario(tmp_path, "")
    experiment = tmp_path / "e.yaml"
    experiment.write_text(yaml.safe_dump({"name": "e", **EXPERIMENT, "scenario": "s.yaml"}))
    result = tmp_path / "result"
    result.mkdir()
    (result / "manifest.json").write_text('{"kind": "pathways-run"}')
    return {"scenario": str(scenario), "experiment": str(experiment), "result": str(result)}


@pytest.mark.parametrize("command", ["run", "compare", "sweep", "sensitivity", "calibrate",
                                     "report"])
@pytest.mark.parametrize("out", ["/proc/pathways/x", "/proc/version/x", "/dev/null/x"])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(inputs, capsys,
                                                                       no_simulation, command,
                                                                       out):
    argv = {"run": ["run", inputs["scenario"], "--out", out],
            "compare": ["compare", inputs["scenario"], inputs["scenario"].replace("s.yaml",
                                                                                  "s.yaml"),
                        "--out", out],
            "sweep": ["sweep", inputs["experiment"], "--out", out, "--workers", "1"],
            "sensitivity": ["sensitivity", inputs["experiment"], "--out", out],
            "calibrate": ["calibrate", inputs["scenario"], "--out", out + ".yaml"],
            "report": ["report", inputs["result"], "-o", out + ".html"]}[command]
    if command == "compare":  # two scenarios with different names
        other = Path(inputs["scenario"]).with_name("o.yaml")
        other.write_text(Path(inputs["scenario"]).read_text().replace("name: s", "name: o"))
        argv[2] = str(other)
    if command == "sensitivity":  # a grid has no sensitivity analysis: use Morris
        data = yaml.safe_load(Path(inputs["experiment"]).read_text())
        data["design"] = {"type": "morris", "parameters": {"job_offer_base": {}},
                          "samples": 2}
        Path(inputs["experiment"]).write_text(yaml.safe_dump(data))
    one_line(capsys, argv, "error: ", out)


def _limited(limit: int):
    """For a child process: writing past ``limit`` bytes fails as on a full disk."""
    import resource
    import signal

    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _simulate(argv: list[str], limit: int | None = None):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "simulate", *argv], capture_output=True,
                          text=True, preexec_fn=_limited(limit) if limit else None,
                          cwd=SCENARIOS.parent, check=False)


def _state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"/"
            for p in sorted(folder.rglob("*"))}


def test_a_full_disk_mid_run_is_one_line_and_keeps_the_earlier_result(tmp_path):
    path, out = _scenario(tmp_path, ""), tmp_path / "out"
    assert main(["run", str(path), "--out", str(out), "--months", "12"]) == 0
    earlier = _state(tmp_path)
    done = _simulate(["run", str(path), "--out", str(out), "--months", "12", "--spells"],
                     limit=8192)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"output error: {out}")
    assert "cannot write (File too large" in done.stderr
    assert _state(tmp_path) == earlier  # the earlier result whole, nothing half-written


def test_a_full_disk_mid_sweep_keeps_the_finished_runs(tmp_path):
    from tests.experiments.conftest import GRID, write_experiment, write_small_scenario

    write_small_scenario(tmp_path)
    experiment = write_experiment(tmp_path, {**GRID, "monthly": True})
    argv = ["sweep", str(experiment), "--workers", "1", "--batch-size", "2", "--out"]
    done = _simulate([*argv, str(tmp_path / "out")], limit=12_000)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "cannot write (File too large" in done.stderr
    assert not [p for p in (tmp_path / "out").rglob("*") if ".tmp-" in p.name]
    assert main([*argv, str(tmp_path / "out")]) == 0  # resumed
    assert main([*argv, str(tmp_path / "whole")]) == 0
    import pandas as pd
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out" / "runs.parquet"),
                                  pd.read_parquet(tmp_path / "whole" / "runs.parquet"))


def test_a_full_disk_while_writing_a_report_leaves_no_temporary(tmp_path):
    path, out = _scenario(tmp_path, ""), tmp_path / "out"
    assert main(["run", str(path), "--out", str(out)]) == 0
    report = tmp_path / "rep.html"
    assert main(["report", str(out), "-o", str(report)]) == 0
    earlier = _state(tmp_path)
    done = _simulate(["report", str(out), "-o", str(report), "--lang", "nl"], limit=100_000)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert _state(tmp_path) == earlier


# ---- issue 12 item 9: one warning line; each error a line, at most 20 ---------------------
def test_a_value_outside_the_plausible_range_is_one_warning_line(tmp_path, capsys,
                                                                  no_simulation):
    path = _scenario(tmp_path, "parameters: {study_exit_hazard: 0.05}")
    with pytest.raises(Simulated):
        main(["run", str(path), "--out", str(tmp_path / "o")])
    assert capsys.readouterr().err == (
        f"scenario warning: {path}: parameters.study_exit_hazard: 0.05 is outside the plausible "
        "range 0.003 to 0.027 (probability per month); check that it is meant\n")


def test_a_file_with_several_errors_reports_each(tmp_path, capsys):
    path = _scenario(tmp_path, "parameters: {study_exit_hazard: 2, job_offer_base: -1, "
                               "nonsense: 1}\npolicies: [dedicated_coaches: {coaches: -1}]\n"
                               "seed: -5\n")
    assert main(["run", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[2] for line in lines] == [
        "parameters.study_exit_hazard", "parameters.job_offer_base", "parameters.nonsense",
        "policies[0].dedicated_coaches.coaches", "seed"]
    assert all(line.startswith(f"scenario error: {path}: ") for line in lines)


def test_at_most_20_errors_are_reported(tmp_path, capsys):
    many = ", ".join(f"{p.name}: -7" for p in list(PARAMETERS.values())[40:70])
    path = _scenario(tmp_path, f"parameters: {{{many}}}\n")
    assert main(["run", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == MAX_ERRORS == 20
    assert lines[-1].endswith(f"(stopped after {MAX_ERRORS} errors)")


def test_an_experiment_with_several_errors_reports_each(tmp_path, capsys):
    path = tmp_path / "e.yaml"
    path.write_text(yaml.safe_dump({**EXPERIMENT, "name": "../e", "replications": 0,
                                    "outputs": ["nope", "exits_work_12m", "exits_work_12m"],
                                    "analysis": {"resamples": 1}}))
    assert main(["sweep", str(path)]) == 2
    fields = [line.split(": ")[2] for line in capsys.readouterr().err.splitlines()]
    assert fields == ["name", "replications", "analysis.resamples", "outputs[0]", "outputs[2]"]


# ---- every command's arguments, fuzzed ------------------------------------------------------
OPTIONS = {
    "run": ["--reps", "--seed", "--months", "--out", "--workers", "--json", "--spells"],
    "compare": ["--reps", "--seed", "--months", "--out", "--workers", "--json", "--spells",
                "--worlds", "--world-reps", "--max-waves", "--targets", "--fit",
                "--worlds-cache"],
    "validate": ["--targets", "--workers", "--reps", "--seed", "--json"],
    "calibrate": ["--targets", "--workers", "--out", "--budget", "--params", "--reps",
                  "--seed", "--identify", "--fit", "--errors-only"],
    "sweep": ["--out", "--workers", "--dask", "--batch-size", "--json"],
    "sensitivity": ["--out", "--workers", "--dask", "--batch-size", "--json"],
    "report": ["-o", "--output", "--lang"],
    "discover": ["--outcome", "--below", "--above", "--over", "--threshold", "--peel-alpha",
                 "--mass-min", "--boxes", "--json", "--out"],
    "params": ["--kind", "--markdown", "--json"],
}
FLAGS = {"--json", "--spells", "--identify", "--markdown", "--errors-only"}
numbers = st.one_of(st.integers(-10**30, 10**30), st.sampled_from(
    [0, 1, 2, 1200, 1201, 100000, 100001, 1024, 1025, 2**63, -1]), st.floats()).map(str)
words = st.one_of(st.text(max_size=20), st.sampled_from(
    ["", "..", "/", "/proc/x", "local", "tcp://", "en", "nl", "lever", "study_exit_hazard",
     "a,b", "-", "--", "-h"]))


@st.composite
def command_lines(draw, inputs: dict[str, str]):
    command = draw(st.sampled_from(sorted(OPTIONS)))
    files = st.sampled_from([inputs["scenario"], inputs["experiment"], inputs["result"],
                             "/nonexistent.yaml", "/", "/dev/null", inputs["scenario"] + "x"])
    argv = [command] + draw(st.lists(st.one_of(files, words), max_size=3))
    for option in draw(st.lists(st.sampled_from(OPTIONS[command]), max_size=4)):
        argv.append(option)
        if option not in FLAGS:
            argv.append(draw(st.one_of(numbers, words, files)))
    return argv


@hostile(400)
@given(data=st.data())
def test_no_arguments_of_any_command_end_in_a_traceback(inputs, tmp_path, capsys,
                                                        no_simulation, monkeypatch, data):
    monkeypatch.chdir(tmp_path)
    argv = data.draw(command_lines(inputs))
    started = time.monotonic()
    try:
        code = main(argv)
    except Simulated:  # valid as far as it goes: the work would start now
        code = None
    captured = capsys.readouterr()
    assert time.monotonic() - started < 30
    assert "Traceback" not in captured.err
    if code == 2:
        lines = captured.err.splitlines()
        assert 1 <= len([x for x in lines if " error: " in x]) <= MAX_ERRORS, captured.err
        assert all(" error: " in x or " warning: " in x for x in lines), captured.err
    else:
        assert code in (None, 0, 1), (code, captured.err)
    assert math.isfinite(time.monotonic())
    for experiment_dir in Path(tmp_path).glob("results/*"):
        assert experiment_dir.parent == tmp_path / "results"
