"""Evidence checks as data: reading a checks file strictly.

A checks file (``simulate/evidence/checks.yaml`` ships the project's) lists published
evaluations and how the model should respond to the same intervention::

    checks:
      - name: caseworker_benefit_days
        study:
          title: Lower caseloads in a public employment office
          citation: Böheim, Eppel & Mahringer (2023), J. Labour Market Res. 57:31, table 5
          design: rct                       # rct, quasi-experiment or administrative
          population: unemployed clients of an Austrian public employment office
        model_population: how the model's mothers match the study's population, or not
        intervention:                       # a change to the base scenario
          parameters: {regular_caseload_target: {times: 0.4}}   # or a value: 48
          policies: []                      # as in a scenario file
          assumptions: why this change stands for the study's intervention
        outcome:
          statistic: days_on_assistance     # see simulate.evidence.statistics.STATISTICS
          horizon_months: 24
        published:
          value: -35
          standard_error: 5                 # or interval: [low, high]
        band:
          low: -140
          high: -9
          reasoning: why this band counts as agreement
        requires: []                        # policy modules the check needs

A parameter of an intervention is set to a value (``48``) or changed relative to the base
scenario's value (``{times: 0.4}`` or ``{plus: 10}``), so that the same check applies to
any base. A check that requires a policy module the model does not have yet is kept and
reported as "not yet modelled"; its intervention is not read until the module exists.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulate.evidence.statistics import STATES, STATISTICS
from simulate.parameters import PARAMETERS
from simulate.policies import REGISTRY
from simulate.scenario import Scenario
from simulate.schema import InputError, Reader, join, load_yaml, unknown

KIND = "evidence"
DEFAULT_CHECKS = Path(__file__).with_name("checks.yaml")
DESIGNS = ("rct", "quasi-experiment", "administrative")
TOP_KEYS = ("name", "description", "replications", "seed", "checks")
CHECK_KEYS = ("name", "title", "study", "model_population", "intervention", "outcome",
              "published", "band", "requires", "replications", "size")
STUDY_KEYS = ("title", "citation", "design", "population", "finding")
INTERVENTION_KEYS = ("parameters", "policies", "assumptions")
PUBLISHED_KEYS = ("value", "standard_error", "interval", "note")
BAND_KEYS = ("low", "high", "reasoning")
MAX_HORIZON = 240
MAX_REPLICATIONS = 10_000


@dataclass(frozen=True)
class Study:
    title: str
    citation: str
    design: str
    population: str
    finding: str = ""


@dataclass(frozen=True)
class Outcome:
    statistic: str
    options: dict[str, Any]

    @property
    def horizon_months(self) -> int:
        return int(self.options["horizon_months"])

    @property
    def unit(self) -> str:
        return STATISTICS[self.statistic].unit

    @property
    def paired(self) -> bool:
        return self.statistic != "work_exit_durability"


@dataclass(frozen=True)
class Published:
    """The study's figure: a value with a standard error or interval, or none (a finding
    stated only in words, given in ``note``)."""

    value: float | None
    low: float | None = None
    high: float | None = None
    standard_error: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Band:
    low: float | None
    high: float | None
    reasoning: str

    def contains(self, x: float) -> bool:
        return ((self.low is None or x >= self.low) and (self.high is None or x <= self.high))


@dataclass(frozen=True)
class Check:
    name: str
    title: str
    study: Study
    model_population: str
    outcome: Outcome
    published: Published
    band: Band
    requires: tuple[str, ...] = ()
    parameters: dict[str, Any] = field(default_factory=dict)
    relative: dict[str, tuple[str, float]] = field(default_factory=dict)
    policies: tuple = ()
    raw_policies: tuple = ()
    assumptions: str = ""
    replications: int | None = None
    size: int | None = None

    @property
    def modelled(self) -> bool:
        return all(name in REGISTRY for name in self.requires)

    @property
    def missing(self) -> list[str]:
        return [name for name in self.requires if name not in REGISTRY]

    def calibrated_by(self, base: Scenario) -> tuple[str, ...]:
        """The parameters whose value was set from this check's published figure (they
        name it in ``calibrated_to``): of the core model, of the base scenario's policies
        and of the intervention's. Reproducing that figure shows consistency, not
        evidence. Policy parameters are named ``module.parameter``."""
        found = [p.name for p in PARAMETERS.values() if self.name in p.calibrated_to]
        for spec in (*base.policies, *self.policies):
            found += [f"{spec.name}.{p.name}" for p in REGISTRY[spec.name].parameters.values()
                      if self.name in p.calibrated_to]
        return tuple(dict.fromkeys(found))

    def intervention_key(self) -> str:
        """Equal for checks with the same intervention (they share one simulated world)."""
        text = json.dumps({"parameters": self.parameters, "relative": self.relative,
                           "policies": [p.to_dict() for p in self.policies]},
                          sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def alternative(self, base: Scenario) -> Scenario:
        """The base scenario with this check's intervention.

        Raises:
            InputError: when a relative change takes a value out of its bounds.
        """
        values = dict(self.parameters)
        current = base.params()
        for name, (how, amount) in self.relative.items():
            value = current[name] * amount if how == "times" else current[name] + amount
            values[name] = round(value) if PARAMETERS[name].type is int else value
        changed = base.with_values(values, source=f"<evidence check {self.name}>")
        data = changed.to_dict()
        data["name"] = f"{base.name}-{self.name}"
        data["policies"] = [*data["policies"], *(p.to_dict() for p in self.policies)]
        # Values outside the plausible ranges are deliberate here (a trial's caseload, a
        # reform's cap), with their assumptions written out in the checks file: no warning.
        return Scenario.from_dict(data, source=f"<evidence check {self.name}>", warn=False)


@dataclass(frozen=True)
class CheckSet:
    name: str
    description: str
    replications: int
    seed: int
    checks: tuple[Check, ...]
    source: str

    def digest(self) -> str:
        return hashlib.sha256(Path(self.source).read_bytes()).hexdigest()[:16] \
            if Path(self.source).is_file() else ""


def load_checks(path: str | Path | None = None) -> CheckSet:
    """Read and check a checks file (the shipped one when ``path`` is None).

    Raises:
        InputError: naming the file, the field and what is allowed.
    """
    path = DEFAULT_CHECKS if path is None else Path(path)
    return checks_from_dict(load_yaml(path, KIND), str(path))


def checks_from_dict(data: Any, source: str = "<dict>") -> CheckSet:
    r = Reader(source, KIND)
    data = r.mapping(data, "")
    if not data:
        raise r.error("", "the checks file is empty; it needs 'checks'")
    r.known_keys(data, TOP_KEYS, "")
    items = r.sequence(r.required(data, "checks", ""), "checks")
    if not items:
        raise r.error("checks", "lists no checks; give at least one")
    checks = tuple(_read_check(r, item, f"checks[{i}]") for i, item in enumerate(items))
    seen: set[str] = set()
    for i, c in enumerate(checks):
        if c.name in seen:
            raise r.error(f"checks[{i}].name", f"{c.name!r} is used twice; names must differ")
        seen.add(c.name)
    return CheckSet(
        name=r.text(data.get("name", Path(source).stem), "name"),
        description=r.text(data.get("description", ""), "description", allow_empty=True),
        replications=r.integer(data.get("replications", 20), "replications", 2,
                               MAX_REPLICATIONS),
        seed=r.integer(data.get("seed", 0), "seed", 0, 2**63 - 1),
        checks=checks, source=source)


def _optional_number(r: Reader, value: Any, where: str) -> float | None:
    return None if value is None else r.number(value, where)


def _read_check(r: Reader, item: Any, where: str) -> Check:
    data = r.mapping(item, where)
    r.known_keys(data, CHECK_KEYS, where)
    name = r.text(r.required(data, "name", where), join(where, "name"))
    if not name.replace("_", "").replace("-", "").isalnum():
        raise r.error(join(where, "name"), f"{name!r} is not allowed; use letters, digits, "
                      "- and _")

    s = r.mapping(r.required(data, "study", where), join(where, "study"))
    r.known_keys(s, STUDY_KEYS, join(where, "study"))
    sw = join(where, "study")
    study = Study(
        title=r.text(r.required(s, "title", sw), join(sw, "title")),
        citation=r.text(r.required(s, "citation", sw), join(sw, "citation")),
        design=r.choice(r.required(s, "design", sw), join(sw, "design"), DESIGNS),
        population=r.text(r.required(s, "population", sw), join(sw, "population")),
        finding=r.text(s.get("finding", ""), join(sw, "finding"), allow_empty=True))

    requires = tuple(r.text(x, f"{join(where, 'requires')}[{i}]")
                     for i, x in enumerate(r.sequence(data.get("requires"),
                                                       join(where, "requires"))))
    outcome = _read_outcome(r, r.required(data, "outcome", where), join(where, "outcome"))

    iw = join(where, "intervention")
    intervention = r.mapping(data.get("intervention"), iw)
    r.known_keys(intervention, INTERVENTION_KEYS, iw)
    if outcome.paired and not intervention:
        raise r.error(iw, f"is required: {outcome.statistic} compares the base with an "
                      "intervention")
    if not outcome.paired and (intervention.get("parameters") or intervention.get("policies")):
        raise r.error(iw, f"{outcome.statistic} describes the base alone; give no "
                      "parameters or policies")
    parameters: dict[str, Any] = {}
    policies: tuple = ()
    raw = tuple(r.sequence(intervention.get("policies"), join(iw, "policies")))
    given = r.mapping(intervention.get("parameters"), join(iw, "parameters"))
    relative: dict[str, tuple[str, float]] = {}
    for key, value in list(given.items()):
        if not isinstance(value, dict):
            continue
        where_ = join(join(iw, "parameters"), key)
        if key not in PARAMETERS:
            raise r.error(where_, unknown(key, list(PARAMETERS), "parameter"))
        if PARAMETERS[key].type not in (int, float):
            raise r.error(where_, "only a number can change relative to the base")
        if len(value) != 1 or next(iter(value)) not in ("times", "plus"):
            raise r.error(where_, "expected a value, {times: FACTOR} or {plus: AMOUNT}")
        how, amount = next(iter(value.items()))
        relative[key] = (how, r.number(amount, join(where_, how)))
        del given[key]
    if all(name in REGISTRY for name in requires):
        # Read through the scenario reader, so values are checked as in a scenario file.
        probe: dict[str, Any] = {"name": "check", "parameters": {}, "population": {},
                                 "policies": list(raw)}
        for key, value in given.items():
            group = PARAMETERS[key].group if key in PARAMETERS else "parameters"
            probe[group][key] = value
        try:
            # Deliberate values outside the plausible ranges (everyone exempt, a trial's
            # caseload) are checked against the hard bounds only, as in alternative().
            scenario = Scenario.from_dict(probe, source=r.source, warn=False)
        except InputError as err:
            field_ = err.field.replace("population.", "parameters.", 1)
            raise r.error(join(iw, field_), err.message) from None
        parameters = {**scenario.population, **scenario.parameters}
        policies = scenario.policies
        used = {spec.name for spec in policies}
        for module in requires:
            if module not in used:
                raise r.error(join(where, "requires"),
                              f"{module} is required but the intervention does not use it")

    p = r.mapping(r.required(data, "published", where), join(where, "published"))
    pw = join(where, "published")
    r.known_keys(p, PUBLISHED_KEYS, pw)
    value = _optional_number(r, p.get("value"), join(pw, "value"))
    se = p.get("standard_error")
    se = None if se is None else r.number(se, join(pw, "standard_error"), 0.0)
    low = high = None
    if p.get("interval") is not None:
        interval = r.sequence(p["interval"], join(pw, "interval"))
        if len(interval) != 2:
            raise r.error(join(pw, "interval"), "expected [low, high]")
        low, high = (r.number(x, f"{join(pw, 'interval')}[{i}]") for i, x in enumerate(interval))
        if low > high:
            raise r.error(join(pw, "interval"), f"low {low:g} is above high {high:g}")
    if se is not None:
        if value is None:
            raise r.error(join(pw, "standard_error"), "needs a value")
        if low is not None:
            raise r.error(pw, "give standard_error or interval, not both")
        low, high = value - 1.96 * se, value + 1.96 * se
    note = r.text(p.get("note", ""), join(pw, "note"), allow_empty=True)
    if value is None and not note:
        raise r.error(pw, "without a value, give a note saying what the study found")

    b = r.mapping(r.required(data, "band", where), join(where, "band"))
    bw = join(where, "band")
    r.known_keys(b, BAND_KEYS, bw)
    band = Band(_optional_number(r, b.get("low"), join(bw, "low")),
                _optional_number(r, b.get("high"), join(bw, "high")),
                r.text(r.required(b, "reasoning", bw), join(bw, "reasoning")))
    if band.low is None and band.high is None:
        raise r.error(bw, "give low, high or both")
    if band.low is not None and band.high is not None and band.low > band.high:
        raise r.error(bw, f"low {band.low:g} is above high {band.high:g}")

    return Check(
        name=name,
        title=r.text(data.get("title", study.title), join(where, "title")),
        study=study,
        model_population=r.text(r.required(data, "model_population", where),
                                join(where, "model_population")),
        outcome=outcome,
        published=Published(value, low, high, se, note),
        band=band, requires=requires, parameters=parameters, relative=relative,
        policies=policies,
        raw_policies=raw,
        assumptions=r.text(intervention.get("assumptions", ""), join(iw, "assumptions"),
                           allow_empty=True),
        replications=(None if data.get("replications") is None else
                      r.integer(data["replications"], join(where, "replications"), 2,
                                MAX_REPLICATIONS)),
        size=(None if data.get("size") is None else
              r.integer(data["size"], join(where, "size"), 100, 100_000)))


def _read_outcome(r: Reader, value: Any, where: str) -> Outcome:
    data = r.mapping(value, where)
    name = r.text(r.required(data, "statistic", where), join(where, "statistic"))
    if name not in STATISTICS:
        raise r.error(join(where, "statistic"), unknown(name, list(STATISTICS), "statistic"))
    spec = STATISTICS[name]
    r.known_keys(data, ("statistic", *spec.options), where, "option")
    options: dict[str, Any] = {}
    for key in spec.options:
        if key == "minus_months" and data.get(key) is None:
            continue
        if key == "state":
            options[key] = r.choice(r.required(data, key, where), join(where, key), STATES)
            continue
        options[key] = r.integer(r.required(data, key, where), join(where, key), 1,
                                 MAX_HORIZON)
    try:
        spec.build(**options)
    except ValueError as err:
        raise r.error(where, str(err)) from None
    return Outcome(name, options)
