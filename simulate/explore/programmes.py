"""What the explorer offers: the base, the programmes against it, and a setting of levers
turned into a scenario that ``simulate compare`` accepts."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from simulate.compare import base_differences
from simulate.explore import levers as lv
from simulate.explore.engine import Engine
from simulate.scenario import Scenario
from simulate.schema import InputError

# Shipped scenarios that are not programmes to explore: the base itself, and every module
# at once (a test of the modules together, not a programme a municipality runs).
NOT_PROGRAMMES = ("baseline.yaml", "all-modules.yaml")
# The base offered as a programme of its own: only the core levers (regular caseload,
# childcare places) move.
REGULAR = "regular-services"
# What a setting's name gets when its levers differ from the programme file's.
ADJUSTED = {"en": "-adjusted", "nl": " (aangepast)"}
CHANGED = {"en": "Changed in the explorer: {list}.", "nl": "Aangepast in de verkenner: {list}."}


def shipped_folder() -> Path:
    """The shipped ``scenarios/`` folder: in the working directory when it has one (as
    ``simulate validate`` reads it), else beside the installed package."""
    here = Path("scenarios")
    if (here / "baseline.yaml").is_file():
        return here
    return Path(__file__).resolve().parents[2] / "scenarios"


def shipped_programmes(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name not in NOT_PROGRAMMES)


@dataclass(frozen=True)
class Programme:
    """A programme on offer: its scenario and the file it came from (None for the base's
    regular services)."""

    key: str
    scenario: Scenario
    path: str | None

    def title(self, lang: str) -> str:
        if self.path is None:
            return REGULAR_WORDS[lang]
        return self.scenario.text("name", lang)


REGULAR_WORDS = {"en": "No programme: regular services only",
                 "nl": "Geen interventie: alleen de reguliere dienstverlening"}


class Explorer:
    """The base, the programmes on offer and the engine that answers.

    Args:
        base_path: The base scenario's file.
        paths: The programmes' files; each must differ from the base only in its policies
            and levers, as ``simulate compare`` requires.
        reps, seed: Replications of a full answer and the root seed (default: the base's).
        warm: Let the engine run the base's replicates ahead while nothing else waits.

    Raises:
        InputError: for a file that cannot be read, or a programme ``simulate compare``
            would refuse against this base (one line naming the file and the field).
    """

    def __init__(self, base_path: str | Path, paths: list[str | Path], reps: int | None = None,
                 seed: int | None = None, warm: bool = True) -> None:
        self.base_path = str(base_path)
        self.base = Scenario.from_yaml(base_path)
        self.engine = Engine(self.base, reps=reps, seed=seed, warm=warm)
        self.programmes: dict[str, Programme] = {}
        for path in paths:
            scenario = Scenario.from_yaml(path)
            found = base_differences(self.base, scenario)
            if found:
                field, mine, theirs = found[0]
                raise InputError(path, field, f"{mine!r} here, {theirs!r} in the base "
                                 f"{self.base_path}; a programme may differ from the base "
                                 "only in its policies and levers", "explore")
            if scenario.name == self.base.name or scenario.name in self.programmes:
                raise InputError(path, "name", f"{scenario.name!r} is the name of the base or "
                                 "of another programme; names must differ", "scenario")
            self.programmes[scenario.name] = Programme(scenario.name, scenario, str(path))
        regular = self.base.with_changes(name=REGULAR,
                                         translations={"nl": {"name": REGULAR_WORDS["nl"]}})
        self.programmes[REGULAR] = Programme(REGULAR, regular, None)

    @property
    def reps(self) -> int:
        return self.engine.reps

    @property
    def seed(self) -> int:
        return self.engine.seed

    @property
    def months(self) -> int:
        return self.engine.months

    def setting(self, programme: str, values: dict[str, Any]) -> Scenario:
        """The scenario of ``programme`` with ``values`` set on its levers, named apart
        from the programme file when they change it.

        Raises:
            InputError: for a combination of values the declarations refuse.
        """
        own = self.programmes[programme]
        scenario = lv.apply(own.scenario, values)
        if not lv.changed(own.scenario, values):
            return scenario
        # The file's description says what the programme's values were: say what changed.
        old = lv.levers(own.scenario)
        listed = ", ".join(f"{k} {yaml_value(v)} (was {yaml_value(old[k].value)})"
                           for k, v in lv.changed(own.scenario, values).items())
        texts = {lang: {"name": own.scenario.text("name", lang) + ADJUSTED[lang],
                        "description": " ".join(filter(None, [
                            own.scenario.text("description", lang),
                            CHANGED[lang].format(list=listed)]))}
                 for lang in ADJUSTED}
        return scenario.with_changes(name=texts["en"]["name"],
                                     description=texts["en"]["description"],
                                     translations={"nl": texts["nl"]})

    def file_name(self, programme: str, scenario: Scenario) -> str:
        """What the setting's scenario file is called: the programme's own file when no
        lever changed, else ``<name>.yaml`` as downloaded."""
        own = self.programmes[programme]
        if own.path is not None and scenario.digest() == own.scenario.digest():
            return own.path
        return f"{scenario.name}.yaml"

    def command(self, programme: str, scenario: Scenario, reps: int) -> str:
        """The command that gives the same numbers for ``reps`` replications."""
        return shlex.join(["simulate", "compare", self.base_path,
                           self.file_name(programme, scenario), "--reps", str(reps),
                           "--seed", str(self.seed)])

    def scenario_file(self, programme: str, values: dict[str, Any]) -> tuple[str, str]:
        """The setting as a scenario file ``simulate compare`` accepts: (file name, text).

        The scenario is written resolved (no ``extends``), so it runs from any folder.
        """
        own = self.programmes[programme]
        scenario = self.setting(programme, values)
        changes = lv.changed(own.scenario, values)
        made = own.path or f"the base {self.base_path}"
        lines = [f"# Made with `simulate explore` from {made}."]
        if changes:
            lines.append("# Levers changed from the programme's values:")
            old = lv.levers(own.scenario)
            lines += [f"#   {k}: {yaml_value(v)} (was {yaml_value(old[k].value)})"
                      for k, v in changes.items()]
        name = f"{scenario.name}.yaml"
        lines.append("# The same numbers: " + shlex.join(
            ["simulate", "compare", self.base_path, name, "--reps", str(self.reps), "--seed",
             str(self.seed)]))
        return name, "\n".join(lines) + "\n" + scenario.to_yaml()


def yaml_value(value: Any) -> str:
    return yaml.safe_dump(value, default_flow_style=True).strip().removesuffix("...").strip()
