"""No command writes into, empties or replaces a folder it did not make, or a file it did not
write: every writing command against a folder of someone's files (hidden files, a
subfolder, names a result also uses), checked byte for byte afterwards."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from simulate.cli.main import main
from tests.calibration.helpers import COMPOSITION, small_scenario, targets_data, write_yaml
from tests.conftest import SCENARIOS

GRID = {"name": "tiny-grid", "scenario": "tiny.yaml",
        "design": {"type": "grid", "parameters": {"job_offer_base": [0.06, 0.12]}},
        "replications": 2, "seed": 7, "outputs": ["exits_work_12m"]}
SOBOL = {"name": "tiny-sobol", "scenario": "tiny.yaml",
         "design": {"type": "sobol", "parameters": {"job_offer_base": {},
                                                    "study_exit_hazard": {}}, "samples": 2},
         "replications": 1, "seed": 7, "outputs": ["exits_work_12m"]}


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under ``folder`` (hidden ones too): file bytes and modes, folders,
    links."""
    state: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                state[key] = ("link", os.readlink(path))
            elif path.is_dir():
                state[key] = ("dir", path.stat().st_mode)
            else:
                state[key] = ("file", path.read_bytes(), path.stat().st_mode)
    return state


def someones_folder(folder: Path) -> Path:
    """A folder of files nobody's command wrote, including names a result also uses."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".env").write_text("SECRET=1\n")
    (folder / ".profile").write_text("export PATH\n")
    (folder / "notes.txt").write_text("my notes\n")
    (folder / "scenario-mine.yaml").write_text("name: mine\n")
    (folder / "experiment.yaml").write_text("name: my experiment\n")
    (folder / "runs.parquet").write_bytes(b"not parquet")
    (folder / "analysis").mkdir(exist_ok=True)
    (folder / "analysis" / "plot.py").write_text("print(1)\n")
    (folder / ".git").mkdir(exist_ok=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return folder


def tiny_scenario(directory: Path, name: str = "tiny") -> Path:
    path = directory / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"extends": str(SCENARIOS / "baseline.yaml"), "name": name,
                                    "population": {"size": 100}, "horizon_months": 12,
                                    "replications": 1}))
    return path


@pytest.fixture
def inputs(tmp_path) -> Path:
    """Input files in their own folder: tiny scenarios, experiments, targets."""
    directory = tmp_path / "inputs"
    directory.mkdir()
    tiny_scenario(directory)
    tiny_scenario(directory, "other")
    write_yaml(directory / "grid.yaml", GRID)
    write_yaml(directory / "sobol.yaml", SOBOL)
    write_yaml(directory / "targets.yaml", targets_data(COMPOSITION))
    small_scenario(directory, size=100)
    return directory


def refused(capsys, argv: list[str], words: str) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and words in err, err
    return err


def commands(inputs: Path, out: Path) -> dict[str, list[str]]:
    """Every writing command, writing to ``out``."""
    tiny, other = str(inputs / "tiny.yaml"), str(inputs / "other.yaml")
    return {
        "run": ["run", tiny, "--out", str(out), "--months", "2"],
        "compare": ["compare", tiny, other, "--out", str(out), "--months", "2"],
        "sweep": ["sweep", str(inputs / "grid.yaml"), "--out", str(out), "--workers", "1"],
        "sensitivity": ["sensitivity", str(inputs / "sobol.yaml"), "--out", str(out),
                        "--workers", "1"],
        "evidence": ["evidence", tiny, "--only", "disregard_outflow", "--reps", "2",
                     "--workers", "1", "--out", str(out)],
    }


@pytest.mark.parametrize("command", ["run", "compare", "sweep", "sensitivity", "evidence"])
def test_a_folder_of_someones_files_is_never_written_into(inputs, tmp_path, capsys, command):
    folder = someones_folder(tmp_path / "folder")
    before, parent = snapshot(folder), snapshot(tmp_path)
    refused(capsys, commands(inputs, folder)[command], "error: ")
    assert snapshot(folder) == before   # nothing deleted, overwritten or added (no .lock)
    assert snapshot(tmp_path) == parent  # and nothing beside it


@pytest.mark.parametrize("command", ["run", "compare", "sweep", "sensitivity", "evidence"])
def test_a_file_where_the_result_would_go_is_refused(inputs, tmp_path, capsys, command):
    target = tmp_path / "a-file"
    target.write_text("mine\n")
    before = snapshot(tmp_path)
    refused(capsys, commands(inputs, target)[command], "error: ")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command, extra", [
    ("run", "notes.txt"), ("run", "analysis"), ("compare", ".env"), ("compare", "analysis"),
    ("evidence", "notes.txt")])
def test_an_earlier_result_with_someones_files_is_not_replaced(inputs, tmp_path, capsys,
                                                                command, extra):
    out = tmp_path / "out"
    argv = commands(inputs, out)[command]
    assert main(argv) == 0
    if extra == "analysis":
        (out / "analysis").mkdir()
        (out / "analysis" / "fit.R").write_text("lm()\n")
    else:
        (out / extra).write_text("mine\n")
    capsys.readouterr()
    before = snapshot(tmp_path)
    refused(capsys, argv, f"holds {extra}, which simulate {command} did not write")
    assert snapshot(tmp_path) == before


def test_an_earlier_result_whose_file_was_edited_is_not_replaced(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    argv = commands(inputs, out)["run"]
    assert main(argv) == 0
    (out / "scenario-tiny.yaml").write_text("name: tiny  # my edit\n")
    capsys.readouterr()
    before = snapshot(tmp_path)
    refused(capsys, argv, "scenario-tiny.yaml was changed since simulate run wrote it")
    assert snapshot(tmp_path) == before


def test_a_result_of_another_command_is_not_replaced(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(commands(inputs, out)["compare"]) == 0
    capsys.readouterr()
    before = snapshot(tmp_path)
    refused(capsys, commands(inputs, out)["run"], "is not an earlier result of simulate run")
    assert snapshot(tmp_path) == before


def test_an_earlier_result_and_its_report_are_replaced(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    argv = commands(inputs, out)["run"]
    assert main(argv) == 0
    assert main(["report", str(out)]) == 0 and (out / "report.html").exists()
    assert main(argv + ["--spells"]) == 0
    assert (out / "spells.parquet").exists() and not (out / "report.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "out"]


def test_a_sweep_resumed_or_rerun_leaves_someones_files_in_its_folder(inputs, tmp_path,
                                                                        capsys):
    out = tmp_path / "out"
    argv = commands(inputs, out)["sweep"]
    assert main(argv) == 0
    someone = {"notes.txt": b"mine\n", ".env": b"A=1\n", "analysis/fit.R": b"lm()\n",
               "parts/keep.txt": b"mine too\n"}
    for name, data in someone.items():
        (out / name).parent.mkdir(exist_ok=True)
        (out / name).write_bytes(data)
    assert main(argv) == 0
    assert main(commands(inputs, out)["sweep"]) == 0
    for name, data in someone.items():
        assert (out / name).read_bytes() == data


@pytest.fixture
def run_result(inputs, tmp_path) -> Path:
    out = tmp_path / "result"
    assert main(commands(inputs, out)["run"]) == 0
    return out


@pytest.mark.parametrize("target", ["notes.txt", ".env", "experiment.yaml", "analysis", "."])
def test_report_never_replaces_someones_file(run_result, tmp_path, capsys, target):
    folder = someones_folder(tmp_path / "folder")
    before, result = snapshot(folder), snapshot(run_result)
    refused(capsys, ["report", str(run_result), "-o", str(folder / target)], "report error: ")
    assert snapshot(folder) == before and snapshot(run_result) == result


def test_report_replaces_its_own_report_until_someone_edits_it(run_result, tmp_path, capsys):
    folder = someones_folder(tmp_path / "folder")
    before = snapshot(folder)
    out = folder / "report.html"
    assert main(["report", str(run_result), "-o", str(out)]) == 0
    assert main(["report", str(run_result), "-o", str(out), "--lang", "nl"]) == 0
    assert '<html lang="nl">' in out.read_text()
    assert {k: v for k, v in snapshot(folder).items() if k != "report.html"} == before
    out.write_text(out.read_text().replace("<main>", "<main><p>my remark</p>"))
    edited = snapshot(folder)
    capsys.readouterr()
    refused(capsys, ["report", str(run_result), "-o", str(out)], "was changed since")
    assert snapshot(folder) == edited


@pytest.mark.parametrize("target", ["notes.txt", "experiment.yaml", "scenario-mine.yaml",
                                    "analysis", ".git"])
def test_calibrate_never_replaces_someones_file(inputs, tmp_path, capsys, target):
    folder = someones_folder(tmp_path / "folder")
    before = snapshot(folder)
    refused(capsys, ["calibrate", str(inputs / "small.yaml"), "--targets",
                     str(inputs / "targets.yaml"), "--workers", "1", "--budget", "4",
                     "--out", str(folder / target)], "error: ")
    assert snapshot(folder) == before


def test_calibrate_replaces_its_own_file_until_someone_edits_it(inputs, tmp_path, capsys):
    folder = someones_folder(tmp_path / "folder")
    before = snapshot(folder)
    out = folder / "fitted.yaml"
    argv = ["calibrate", str(inputs / "small.yaml"), "--targets", str(inputs / "targets.yaml"),
            "--workers", "1", "--budget", "8", "--reps", "2",
            "--params", "barrier_registration_at_entry", "--out", str(out)]
    assert main(argv) == 0
    assert main(argv) == 0
    assert {k: v for k, v in snapshot(folder).items() if k != "fitted.yaml"} == before
    out.write_text(out.read_text() + "# my note\n")
    edited = snapshot(folder)
    capsys.readouterr()
    refused(capsys, argv, "was changed since")
    assert snapshot(folder) == edited


def test_a_users_folder_named_like_a_temporary_is_left_alone(inputs, tmp_path, capsys):
    """Only marked temporaries of a process that is gone are cleaned up."""
    out = tmp_path / "out"
    lookalike = tmp_path / ".out.tmp-999999999-abcdef01"
    someones_folder(lookalike)
    running = tmp_path / f".out.tmp-{os.getpid()}-abcdef02"
    running.mkdir()
    (running / ".pathways-partial").write_text("")
    before = snapshot(tmp_path)
    assert main(commands(inputs, out)["run"]) == 0
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("out")} == before
    shutil.rmtree(running)
