"""Reading an output directory of ``simulate run``, ``compare``, ``sweep`` or ``sensitivity``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from simulate.parameters import PARAMETERS, Parameter
from simulate.policies import REGISTRY
from simulate.scenario import Scenario
from simulate.schema import InputError

KIND = "report"
# Tables of a comparison in plausible worlds (simulate.worlds.WorldComparison.frames).
WORLD_FRAMES = ("worlds_summary", "worlds_chances", "worlds_acceptability", "worlds_beats",
                "worlds_drivers", "worlds_flips", "worlds_values")


@dataclass
class Output:
    """What a report needs from an output directory."""

    path: Path
    kind: str                       # run | compare | sweep | sensitivity | evidence | discover
    manifest: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    scenarios: dict[str, dict] = field(default_factory=dict)   # resolved scenario files

    def frame(self, name: str) -> pd.DataFrame | None:
        return self.frames.get(name)

    def resolved(self) -> dict[str, Scenario]:
        """The scenarios (from the resolved scenario files), by name."""
        return self._resolved

    @functools.cached_property
    def _resolved(self) -> dict[str, Scenario]:
        return {s.name: s for s in (
            Scenario.from_dict(data, source=str(self.path / f"scenario-{name}.yaml"))
            for name, data in self.scenarios.items())}

    def labels(self, lang: str) -> dict[str, str]:
        """Scenario names in ``lang``, where the scenario files give them."""
        return {name: s.text("name", lang) for name, s in self.resolved().items()}

    def base(self) -> str | None:
        """The base of a comparison, or of an experiment run in pairs."""
        if self.manifest.get("base"):
            return self.manifest["base"]
        evaluator = self.manifest.get("evaluator")
        if isinstance(evaluator, dict) and isinstance(evaluator.get("baseline"), dict):
            name = evaluator["baseline"].get("name")
            return name.get("en") if isinstance(name, dict) else name  # {en: ..., nl: ...}
        return None

    def declaration(self, column: str) -> tuple[str, Parameter] | None:
        """The declaration of a parameter column (``label.param`` for a policy instance's,
        as in runs tables and experiment factors) and its key (``policy.param``); None if
        undeclared."""
        if "." not in column:
            return (column, PARAMETERS[column]) if column in PARAMETERS else None
        label, _, param = column.partition(".")
        policies = {spec.key: spec.name for s in self.resolved().values() for spec in s.policies}
        policy = policies.get(label, label)
        if policy not in REGISTRY or param not in REGISTRY[policy].parameters:
            return None
        return f"{policy}.{param}", REGISTRY[policy].parameters[param]


def _read_frames(path: Path, names) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in names:
        f = path / f"{name}.parquet"
        if f.exists():
            try:
                frames[name] = pd.read_parquet(f)
            # A damaged file is bad input, not a crash (pyarrow raises many kinds of error).
            except Exception as err:  # noqa: BLE001
                raise InputError(f, "", f"cannot read Parquet ({err.__class__.__name__})",
                                 KIND) from None
    return frames


def load_output(path: str | Path) -> Output:
    """Recognise and read an output directory.

    Raises:
        InputError: when the directory is missing or holds none of the known outputs.
    """
    path = Path(path)
    if not path.is_dir():
        raise InputError(path, "", "no such output directory", KIND)
    manifest_file = path / "manifest.json"
    try:
        manifest = json.loads(manifest_file.read_text()) if manifest_file.exists() else {}
    except (OSError, ValueError) as err:
        raise InputError(manifest_file, "", f"not valid JSON ({err.__class__.__name__})",
                         KIND) from None
    frames = _read_frames(path, ("monthly", "runs", "comparison", "pairs", "summary",
                                 "sobol", "morris", "convergence", "results", "values",
                                 "boxes", "limits", "trajectory", "cases",
                                 *WORLD_FRAMES))
    kind = None
    if manifest.get("kind") == "pathways-evidence" and "results" in frames:
        kind = "evidence"
    elif manifest.get("kind") == "pathways-discover" and "boxes" in frames:
        kind = "discover"
    elif manifest.get("kind") == "pathways-experiment":
        if "sobol" in frames or "morris" in frames:
            kind = "sensitivity"
        elif "summary" in frames:
            kind = "sweep"
    elif "comparison" in frames and "monthly" in frames:
        kind = "compare"
    elif "monthly" in frames and "runs" in frames:
        kind = "run"
    if kind is None:
        raise InputError(path, "", "not an output directory of simulate run, compare, sweep, "
                         "sensitivity, evidence or discover (no monthly.parquet/runs.parquet "
                         "or results found)",
                         KIND)
    scenarios = {}
    for f in sorted(path.glob("scenario-*.yaml")):
        try:
            data = yaml.safe_load(f.read_text())
        except (OSError, yaml.YAMLError):
            data = None
        if not isinstance(data, dict):
            raise InputError(f, "", "damaged: not a scenario written by simulate", KIND)
        scenarios[f.stem.removeprefix("scenario-")] = data
    return Output(path, kind, manifest, frames, scenarios)
