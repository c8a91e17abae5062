"""A new module is one file: written to a temporary directory, imported, and run through
``run``, ``compare``, the report in English and Dutch and ``params`` with no file of the
project touched (docs/modules.md shows the same module)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from simulate.cli.main import main
from simulate.policies import REGISTRY
from tests.conftest import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]

MODULE = '''
"""Home visits: a visitor calls on mothers on assistance; a visit builds trust in services."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import ASSUMPTION, ParameterSet, amount, count, share
from simulate.policies.base import Metric, Policy, cost_metric, register
from simulate.policies.context import PolicyContext


@register
class HomeVisits(Policy):
    name = "home_visits_example"
    title = "home visits"
    title_nl = "huisbezoeken"
    parameters = ParameterSet((
        count("visits_per_month", 0, (0, 50), ASSUMPTION, "Visits a month.", lo=0, hi=10000,
              unit="visits per month", kind="lever", doc_nl="Bezoeken per maand.",
              unit_nl="bezoeken per maand", source_nl="aanname"),
        share("trust_gain", 0.1, (0.0, 0.3), ASSUMPTION,
              "Share of the gap to full trust in services closed by a visit.",
              unit="share of gap", doc_nl="Deel van de afstand tot volledig vertrouwen in "
              "de dienstverlening dat een bezoek overbrugt.", unit_nl="deel van de afstand",
              source_nl="aanname"),
        amount("cost_per_visit_eur", 50.0, (30.0, 80.0), ASSUMPTION, "Cost of a visit.",
               unit="EUR per visit", doc_nl="Kosten van een bezoek.",
               unit_nl="euro per bezoek", source_nl="aanname"),
    ))
    metrics = (
        Metric("home_visits_made", "mothers", "Mothers visited this month.", reach=True,
               kind="flow"),
        cost_metric("The visitors' time."),
    )
    zero: ClassVar[dict[str, Any]] = {"visits_per_month": 0}

    def setup(self, ctx: PolicyContext) -> None:
        self.visited = np.zeros(0, dtype=np.int64)

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self.visited

    def on_month_start(self, ctx: PolicyContext) -> None:
        on = ctx.on_assistance()
        order = np.argsort(ctx.uniform("pick", on), kind="stable")
        self.visited = on[order][: self.params.visits_per_month]
        ctx.gain("trust_services", self.visited, np.float32(self.params.trust_gain))

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        n = len(self.visited)
        return {"home_visits_made": n, "cost_eur": n * self.params.cost_per_visit_eur}
'''

SCENARIO = """
name: {{en: {name}, nl: {name_nl}}}
extends: {baseline}
population: {{size: 300, burn_in_months: 24}}
replications: 2
horizon_months: 12
policies: {policies}
"""


def _files() -> dict[str, tuple[int, int]]:
    """Size and modification time of every file of the project outside tests, caches and
    what other tests write meanwhile (test-artifacts/, hypothesis's example database)."""
    out = {}
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if (rel.parts[0] not in (".git", ".venv", "tests", "results", "test-artifacts",
                                 ".hypothesis")
                and "__pycache__" not in rel.parts and ".pytest_cache" not in rel.parts
                and ".mypy_cache" not in rel.parts and ".ruff_cache" not in rel.parts
                and path.is_file()):
            stat = path.stat()
            out[str(rel)] = (stat.st_size, stat.st_mtime_ns)
    return out


@pytest.fixture
def module(tmp_path):
    path = tmp_path / "home_visits_example.py"
    path.write_text(MODULE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("home_visits_example", path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    yield loaded
    REGISTRY.pop("home_visits_example", None)
    sys.modules.pop("home_visits_example", None)


def _text(html: str) -> str:
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.DOTALL)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_a_module_in_one_file_runs_through_run_compare_report_and_params(module, tmp_path,
                                                                         monkeypatch, capsys):
    before = _files()
    monkeypatch.chdir(tmp_path)
    baseline = SCENARIOS / "baseline.yaml"
    (tmp_path / "base.yaml").write_text(SCENARIO.format(
        name="base", name_nl="basis", baseline=baseline, policies="[]"), encoding="utf-8")
    (tmp_path / "visits.yaml").write_text(SCENARIO.format(
        name="visits", name_nl="bezoeken", baseline=baseline,
        policies="[{home_visits_example: {visits_per_month: 30}}]"), encoding="utf-8")

    assert main(["run", "visits.yaml", "--out", "run", "--reps", "1"]) == 0
    assert main(["compare", "base.yaml", "visits.yaml", "--out", "cmp"]) == 0
    capsys.readouterr()
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["scenarios"] == ["visits"] or "visits" in json.dumps(manifest["scenarios"])
    monthly = pd.read_parquet(tmp_path / "run" / "monthly.parquet")
    visited = monthly[(monthly.metric == "home_visits_made") & (monthly.month >= 1)]
    assert len(visited) == 12 and (visited.value == 30).all()

    assert main(["report", "cmp", "--lang", "nl"]) == 0
    dutch = _text((tmp_path / "cmp" / "report.html").read_text(encoding="utf-8"))
    assert "huisbezoeken" in dutch
    assert "Deel van de afstand tot volledig vertrouwen" in dutch
    assert "home visits" not in dutch
    assert main(["report", "cmp", "--lang", "en"]) == 0
    english = _text((tmp_path / "cmp" / "report.html").read_text(encoding="utf-8"))
    assert "home visits" in english and "huisbezoeken" not in english

    capsys.readouterr()
    assert main(["params", "--json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    gain = listed["home_visits_example.trust_gain"]
    assert gain["default"] == 0.1 and gain["range"] == [0.0, 0.3]

    assert _files() == before
