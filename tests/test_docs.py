"""Documentation generated from the declarations stays in step with them."""

from __future__ import annotations

import pytest

from simulate.cli.params import markdown, rows
from tests.conftest import ROOT


def test_parameters_doc_is_generated_from_the_declarations():
    doc = (ROOT / "docs" / "parameters.md").read_text()
    assert markdown(rows()) in doc, "regenerate: simulate params --markdown"


# ---- figures the docs quote -------------------------------------------------------------
def _fence_after(text: str, marker: str) -> list[str]:
    """The lines of the first fenced block after ``marker``."""
    rest = text[text.index(marker):]
    start = rest.index("```\n") + 4
    return rest[start: rest.index("```\n", start)].rstrip("\n").splitlines()


def test_run_counts_in_the_experiments_doc_are_those_of_the_files():
    import re

    from simulate.experiments.spec import Experiment
    doc = (ROOT / "docs" / "experiments.md").read_text()
    rows = re.findall(r"^\| `experiments/([\w-]+)\.yaml` \| (.*) \| (.*) \|$", doc, re.MULTILINE)
    files = {p.stem: p for p in (ROOT / "experiments").glob("*.yaml")}
    assert {name for name, _, _ in rows} == set(files)
    loaded = {name: Experiment.from_yaml(path) for name, path in files.items()}  # once each
    for name, what, runs in rows:
        experiment = loaded[name]
        quoted = int(re.findall(r"= ([\d,]+)", runs)[-1].replace(",", ""))
        assert quoted == experiment.runs, (name, quoted, experiment.runs)
        for count in re.findall(r"\((\d+) of them", what):
            assert int(count) == len(experiment.design.names), name
    for name, path in files.items():  # "= 9,216 runs" in a file's comments
        for quoted in re.findall(r"= ([\d,]+) runs", path.read_text()):
            assert int(quoted.replace(",", "")) == loaded[name].runs, path.name


def test_the_calibration_doc_quotes_the_targets_and_the_fitted_values():
    import re

    import yaml

    from simulate.calibration import load_targets
    from simulate.cli.validate import _fmt
    from simulate.parameters import PARAMETERS
    doc = (ROOT / "docs" / "calibration.md").read_text()
    targets = load_targets()
    block = _fence_after(doc, "`simulate validate` on the shipped")
    rows = [line.split() for line in block[2:2 + len(targets.targets)]]
    assert [r[0] for r in rows] == [t.name for t in targets.targets]
    for row, target in zip(rows, targets.targets):
        kind = target.statistic.kind
        assert row[1] == _fmt(target.value, kind), target.name
        assert " ".join(row[-3:-1]).endswith(_fmt(target.tolerance, kind, tolerance=True))
    assert (f"all {len(targets.targets)} targets" in block[-1]
            or f" of {len(targets.targets)} targets outside tolerance" in block[-1])
    settings = yaml.safe_load((ROOT / "simulate/calibration/targets.yaml").read_text())
    assert (f"({settings['validation']['replications']} replications, seed\n"
            f"{settings['validation']['seed']}, {settings['sampling']['burn_in_months']}-month "
            f"burn-in then a {settings['sampling']['window_months']}-month window") in doc
    baseline = yaml.safe_load((ROOT / "scenarios" / "baseline.yaml").read_text())
    fitted = {**baseline["population"], **baseline["parameters"]}
    table = re.findall(r"^\| `(\w+)` \| ([\d.]+) \| ([\d.]+) \| [\d.]+ \| ([\d.]+) to ([\d.]+) \|",
                       doc, re.MULTILINE)
    assert {name for name, *_ in table} == set(settings["calibration"]["parameters"])
    for name, default, value, lo, hi in table:
        d = PARAMETERS[name]
        assert float(default) == d.default and float(value) == fitted[name], name
        assert (float(lo), float(hi)) == d.range, name


@pytest.mark.slow
def test_the_validation_the_calibration_doc_shows_is_what_simulate_validate_prints(capsys):
    from simulate.cli.main import main
    from tests.calibration.test_validate import KNOWN_GAPS
    # Exit 1 while a documented gap (docs/calibration.md, "Gaps") stays outside tolerance.
    assert main(["validate"]) == (1 if KNOWN_GAPS else 0)
    printed = capsys.readouterr().out.rstrip("\n").splitlines()
    printed = printed[next(i for i, line in enumerate(printed) if line.startswith("target ")):]
    doc = (ROOT / "docs" / "calibration.md").read_text()
    assert _fence_after(doc, "`simulate validate` on the shipped") == printed, (
        "rerun `simulate validate` and paste its table into docs/calibration.md")


def test_the_readme_mesa_example_runs(monkeypatch):
    """The README's Python example with a DataCollector, run as written."""
    import re
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    mesa_block = next(b for b in blocks if "DataCollector" in b)
    space: dict = {}
    # The README's own example runs as written (trusted text from this repository).
    exec("import simulate\n" + mesa_block.replace("range(12)", "range(3)"), space)  # noqa: S102
    model, collector = space["model"], space["collector"]
    from simulate.agents import MotherAgent
    rows = collector.get_agenttype_vars_dataframe(MotherAgent)
    assert len(rows.xs(3, level="Step")) == model.mothers.n
    assert len(model.datacollector.get_model_vars_dataframe()) == 4


def test_the_most_influential_parameters_are_declared_uncertainties_with_a_range():
    """docs/evidence.md lists the 20 parameters the Morris screening ranks first for a
    programme's extra exits to work: each is declared an uncertainty with a plausible range
    around its default, and one the table calls calibrated says so in its declared source."""
    import re
    doc = (ROOT / "docs" / "evidence.md").read_text()
    section = doc.split("## The parameters that decide", 1)[1].split("\n## ", 1)[0]
    table = re.findall(r"^\| (\d+) \| `([\w.]+)` \| .* \| (.*) \|$", section, re.MULTILINE)
    assert [int(rank) for rank, _, _ in table] == list(range(1, 21))
    declared = {r["name"]: r for r in rows()}
    for _, name, status in table:
        found = declared.get(name)
        assert found is not None, name
        low, high = found["range"]
        assert found["kind"] == "uncertainty" and low < high, name
        assert low <= found["default"] <= high, name
        if status.startswith("calibrated"):
            assert "calibrated" in found["source"], name


def test_the_evidence_doc_says_which_checks_a_parameter_was_calibrated_to():
    """A check row 'counts as' target exactly when a declared parameter names it in
    calibrated_to (simulate evidence then reports it calibrated, not pass)."""
    import re

    from simulate.evidence.spec import load_checks
    doc = (ROOT / "docs" / "evidence.md").read_text()
    table = dict(re.findall(r"^\| `(\w+)` \|.* \| (evidence|target) \|$", doc, re.MULTILINE))
    calibrated = {c for r in rows() for c in r["calibrated_to"]}
    checks = [c.name for c in load_checks().checks]
    listed = [c for c in checks if c in table]
    assert len(listed) >= 15
    for name in listed:
        assert (table[name] == "target") == (name in calibrated), name
