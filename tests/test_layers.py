"""Which package may import which: the report reads results and the experiments package
writes them, so the report never imports the experiments package (one direction only),
and the model's steps import neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "simulate"


def _imports(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / folder).glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
        found[path.name] = names
    return found


@pytest.mark.parametrize("folder,forbidden", [
    ("report", "simulate.experiments"),
    ("steps", "simulate.report"),
    ("steps", "simulate.experiments"),
])
def test_a_package_does_not_import_what_sits_above_it(folder, forbidden):
    bad = {f: sorted(m for m in mods if m == forbidden or m.startswith(forbidden + "."))
           for f, mods in _imports(folder).items()}
    assert {f: m for f, m in bad.items() if m} == {}


def test_the_steps_know_the_world_not_the_model():
    """Steps type against the small protocol simulate.steps.World, never the whole model."""
    found = {f: m for f, m in _imports("steps").items() if "simulate.model" in m}
    assert found == {}


@pytest.mark.parametrize("module", ["simulate.report", "simulate.report.worlds",
                                    "simulate.worlds", "simulate.compare", "simulate.batch",
                                    "simulate.experiments", "simulate.cli.main"])
def test_each_entry_module_imports_first_in_a_fresh_interpreter(module):
    # An import cycle shows only when the cycle's other end is imported first (the
    # benchmarks import simulate.report before simulate.worlds).
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                          check=False, text=True, cwd=PACKAGE.parent, timeout=120)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]
