"""Experiment files: what to run, read strictly.

An experiment file is YAML (paths are relative to the file)::

    name: caseload-childcare-grid        # required: names the experiment
    description: ...                     # optional
    scenario: ../scenarios/combined.yaml # required: the scenario every run starts from
    baseline: ../scenarios/baseline.yaml # optional: run each point as a pair (see below)
    policies:                            # optional: named policies, each run in every
      coaches: ../scenarios/dedicated-coaches.yaml    # future of the design: a scenario,
      cheap: {levers: {reserved_childcare.places: 10}}  # or levers (of `scenario` or of
                                                        # a given scenario: {scenario: F})
    design:                              # required
      type: grid                         # grid | sobol | morris | sample (Latin hypercube)
      parameters:                        # what to vary (core names or policy.param)
        dedicated_coaches.caseload: [20, 40, 80]   # grid: a list of values
        # sobol, morris, sample: {} takes the declared plausible range,
        # {low: 0.05, high: 0.2} overrides it (within the declared bounds)
      all_uncertainties: false           # sobol/morris/sample: add every declared uncertain
                                         #   parameter (core and the scenario's policies')
      exclude: []                        # names all_uncertainties leaves out
      samples: 512                       # sobol: base samples N (a power of 2)
                                         # morris: trajectories; sample: points
      second_order: false                # sobol: also second-order indices (S2)
      levels: 4                          # morris: grid levels (even, default 4)
    replications: 2                      # required: replicates per design point
    seed: 1                              # optional: root seed (default: the scenario's)
    months: 36                           # optional: horizon (default: the scenario's)
    outputs: [exits_work_24m, on_assistance_36m]   # required: outputs to record
    monthly: false                       # optional: also store each run's monthly series
    analysis:                            # optional, used by `simulate sensitivity`
      resamples: 1000                    # bootstrap resamples of the index intervals
      confidence_level: 0.95             # of every interval (also the sweep summary's)
      convergence_steps: 4               # sizes N/2^(k-1) .. N/2, N in the convergence table

**Runs.** A run is one design point and one replicate; run ``point * replications +
replicate``. Replicate r of every point uses the random streams of (seed, r): common
random numbers, so points differ by their parameter values and not by luck. With a
``baseline`` a run is a pair: the baseline and the scenario simulated with the same values
(core parameters apply to both; ``policy.param`` to the scenarios listing that policy) and
the same streams. Outputs then also include the baseline's outcomes as ``base.NAME`` and
the paired differences of :func:`simulate.compare.paired_outcomes`
(``extra_exits_work_24m``, ``net_cost_eur_36m``, ``net_cost_per_extra_exit_to_work``...).

**Outputs** are the scalar outcomes of a run (:func:`simulate.outcomes.run_outcomes`:
``exits_work_24m``, ``on_assistance_36m``, ``share_on_assistance_12m``,
``benefit_spending_eur_36m``...). An output at a horizon beyond ``months`` is refused.
A cost-per-exit ratio brings its numerator and denominator along (see
:mod:`simulate.experiments.summary`).

**Checks.** Unknown keys at any depth, wrong types, values outside a parameter's declared
bounds, keys that do not belong to the design type, and design points that do not make a
valid scenario (e.g. shares adding up to more than one) are :class:`InputError` naming the
file and the field. An experiment has at most :data:`MAX_RUNS` runs.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from simulate import memory
from simulate.experiments.design import TYPES, Design, DesignMatrix, Factor
from simulate.experiments.evaluate import (
    POLICY,
    Evaluator,
    PolicyEvaluator,
    ScenarioEvaluator,
)
from simulate.experiments.summary import companions
from simulate.outcomes import BASE_PREFIX, SUFFIXES, named
from simulate.parameters import PARAMETERS, Parameter
from simulate.scenario import MAX_HORIZON, MAX_SEED, Scenario, read_name
from simulate.schema import (
    InputError,
    Reader,
    deferred_warnings,
    join,
    parse_yaml,
    read_input,
    rewrap,
)

KIND = "experiment"
TOP_KEYS = ("name", "description", "scenario", "baseline", "policies", "design",
            "replications", "seed", "months", "outputs", "monthly", "analysis")
POLICY_KEYS = ("scenario", "levers")
MAX_POLICIES = 100
DESIGN_KEYS = {
    "grid": ("type", "parameters"),
    "sobol": ("type", "parameters", "all_uncertainties", "exclude", "samples", "second_order"),
    "morris": ("type", "parameters", "all_uncertainties", "exclude", "samples", "levels"),
    "sample": ("type", "parameters", "all_uncertainties", "exclude", "samples"),
}
ANALYSIS_KEYS = ("resamples", "confidence_level", "convergence_steps")
MAX_RUNS = 10_000_000
MAX_LEVELS = 100
FORMAT = 1  # bump when the meaning of stored results changes


@dataclass(frozen=True)
class Analysis:
    """Settings of the sensitivity analysis (the ``analysis`` section).

    Attributes:
        resamples: Bootstrap resamples behind each index's confidence interval.
        confidence_level: Level of every interval (indices and sweep summaries).
        convergence_steps: Sample sizes in the convergence table: N/2^(k-1), ..., N/2, N.
    """

    resamples: int = 1000
    confidence_level: float = 0.95
    convergence_steps: int = 4


@dataclass(frozen=True)
class Experiment:
    """A validated experiment. Build with :meth:`from_yaml` or :meth:`from_dict`.

    Attributes:
        name: Name of the experiment.
        design: What varies and how it is sampled.
        evaluator: What a run computes (the model, or a test function).
        replications: Replicates per design point.
        seed: Root seed of every run and of the design's sample.
        outputs: Outputs named in the file.
        matrix: The drawn design points.
        monthly: Whether runs store their monthly series.
        analysis: Settings of the sensitivity analysis.
        description: Free text.
        source: The experiment file.
        file_sha256: Hash of the file's bytes (for the manifest).
    """

    name: str
    design: Design
    evaluator: Evaluator
    replications: int
    seed: int
    outputs: tuple[str, ...]
    matrix: DesignMatrix = field(repr=False)
    monthly: bool = False
    analysis: Analysis = Analysis()
    description: str = ""
    source: str = "<dict>"
    file_sha256: str | None = None

    @classmethod
    def from_yaml(cls, path: str | Path) -> Experiment:
        """Read and validate an experiment file.

        Raises:
            InputError: naming the file, the field and what is allowed.
        """
        raw = read_input(path, KIND)
        digest = hashlib.sha256(raw).hexdigest()
        return cls.from_dict(parse_yaml(raw, path, KIND), source=str(path), file_sha256=digest)

    @classmethod
    def from_dict(cls, data: Any, source: str = "<dict>", evaluator: Evaluator | None = None,
                  file_sha256: str | None = None) -> Experiment:
        """Validate parsed experiment data.

        Args:
            data: The parsed file.
            source: File name for error messages; scenario paths are relative to it.
            evaluator: Evaluate runs with this instead of the model; the file then has no
                ``scenario``, ``baseline`` or ``months``.
            file_sha256: Hash of the file, recorded in the manifest.

        Raises:
            InputError: naming the file, the field and what is allowed.
        """
        with deferred_warnings():
            return cls._from_dict(data, source, evaluator, file_sha256)

    @classmethod
    def _from_dict(cls, data: Any, source: str, evaluator: Evaluator | None,
                   file_sha256: str | None) -> Experiment:
        r = Reader(source, KIND)
        data = r.mapping(data, "")
        if not data:
            raise r.error("", "the experiment is empty; it needs name, scenario, design, "
                          "replications and outputs")
        r.attempt(r.known_keys, data, TOP_KEYS, "")
        name = r.attempt(lambda: read_name(r, r.required(data, "name", ""), "name"))
        description = r.attempt(r.text, data.get("description", ""), "description",
                                allow_empty=True, default="")
        default_seed = 0
        if evaluator is None:
            evaluator, default_seed = r.attempt(_read_scenarios, r, data, default=(None, 0))
        else:
            for key in ("scenario", "baseline", "months"):
                if key in data:
                    r.errors.append(r.error(key, "is not used: this experiment runs a given "
                                            "function, not a scenario"))
        seed = (r.attempt(r.integer, data["seed"], "seed", 0, MAX_SEED, default=0)
                if data.get("seed") is not None else default_seed)
        replications = r.attempt(lambda: r.integer(r.required(data, "replications", ""),
                                                   "replications", 1, MAX_RUNS), default=1)
        monthly = r.attempt(r.boolean, data.get("monthly", False), "monthly", default=False)
        analysis = r.attempt(_read_analysis, r, data.get("analysis"), default=Analysis())
        if evaluator is None:  # the rest is checked against the scenario's declarations
            r.raise_errors()
        design = r.attempt(lambda: read_design(r, r.required(data, "design", ""), evaluator))
        outputs = r.attempt(lambda: _read_outputs(r, r.required(data, "outputs", ""),
                                                  evaluator), default=[])
        if monthly and not evaluator.monthly_series:
            r.errors.append(r.error("monthly", "this evaluator has no monthly series; "
                                    "remove it"))
        r.raise_errors()
        if design.size * replications > MAX_RUNS:
            raise r.error("design", f"{design.size} points x {replications} replications is "
                          f"{design.size * replications} runs; at most {MAX_RUNS} are allowed")
        memory.check(memory.design_bytes(design.size, len(design.factors)), source,
                     f"a design of {design.size:,} points of {len(design.factors)} parameters",
                     "use fewer samples or parameters")
        matrix = design.matrix(seed)
        _check_points(r, design, matrix, evaluator)
        return cls(name=name, design=design, evaluator=evaluator, replications=replications,
                   seed=seed, outputs=tuple(outputs), matrix=matrix, monthly=monthly,
                   analysis=analysis, description=description, source=source,
                   file_sha256=file_sha256)

    # ---- using ----------------------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        """Outputs stored per run: the named ones and the parts their ratios need."""
        return companions(self.outputs)

    @property
    def points(self) -> int:
        """Number of design points."""
        return len(self.matrix)

    @property
    def runs(self) -> int:
        """Number of runs: design points times replications."""
        return self.points * self.replications

    def locate(self, run: int) -> tuple[int, int]:
        """(design point, replicate) of a run number."""
        return divmod(run, self.replications)

    def describe(self) -> dict[str, Any]:
        """Everything that determines the runs' results, as plain data."""
        return {"format": FORMAT, "evaluator": self.evaluator.digest(),
                "design": self.design.describe(), "replications": self.replications,
                "seed": self.seed, "columns": self.columns, "monthly": self.monthly}

    def digest(self) -> str:
        """Hash of :meth:`describe`: equal for experiments whose runs are the same."""
        text = json.dumps(self.describe(), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def _read_scenarios(r: Reader, data: dict) -> tuple[Evaluator, int]:
    crossed = data.get("policies") is not None
    scenario = None
    if not crossed or data.get("scenario") is not None:
        scenario = _read_scenario(r, r.required(data, "scenario", ""), "scenario")
    baseline = None
    if data.get("baseline") is not None:
        baseline = _read_scenario(r, data["baseline"], "baseline")
        if scenario is not None and baseline.name == scenario.name and not crossed:
            raise r.error("baseline", f"has the same name as the scenario ({scenario.name!r}); "
                          "a pair needs two differently named scenarios")
    if crossed:
        policies = _read_policies(r, data["policies"], scenario, baseline)
        first = next(iter(policies.values()))
        months = (r.integer(data["months"], "months", 1, MAX_HORIZON)
                  if data.get("months") is not None else first.horizon_months)
        return PolicyEvaluator(policies, baseline, months), (scenario or first).seed
    assert scenario is not None
    months = (r.integer(data["months"], "months", 1, MAX_HORIZON)
              if data.get("months") is not None else scenario.horizon_months)
    return ScenarioEvaluator(scenario, baseline, months), scenario.seed


def _read_policies(r: Reader, value: Any, scenario: Scenario | None,
                   baseline: Scenario | None) -> dict[str, Scenario]:
    """The named policies: each a scenario (a file, or the experiment's scenario) with its
    levers set. Each may differ from the baseline (or from the first policy) only in its
    policies and levers: the futures are the design's."""
    from simulate.compare import base_differences

    items = r.mapping(value, "policies")
    if not items:
        raise r.error("policies", "list at least one policy: 'NAME: scenario file' or "
                      "'NAME: {scenario: FILE, levers: {PARAMETER: VALUE}}'")
    if len(items) > MAX_POLICIES:
        raise r.error("policies", f"{len(items)} policies; at most {MAX_POLICIES} are allowed")
    out: dict[str, Scenario] = {}
    for name, spec in items.items():
        where = join("policies", name)
        read_name(r, name, where)
        if name == POLICY or (baseline is not None and name == baseline.name):
            raise r.error(where, f"{name!r} is taken (by the baseline or the design's policy "
                          "column); name the policy otherwise")
        chosen = _read_policy(r, spec, where, scenario)
        reference = baseline or next(iter(out.values()), None)
        if reference is not None:
            differences = base_differences(reference, chosen, horizon=False)
            if differences:
                field, mine, theirs = differences[0]
                what = "the baseline" if baseline is not None else "the first policy"
                raise r.error(where, f"differs from {what} in more than its policies and "
                              f"levers: {field} is {mine!r}, {what}'s is {theirs!r}; the "
                              "futures belong in design.parameters")
        names = {lang: {k: v for k, v in t.items() if k != "name"}
                 for lang, t in chosen.translations.items()}
        out[name] = chosen.with_changes(name=name, translations={
            lang: t for lang, t in names.items() if t})
    return out


def _read_policy(r: Reader, spec: Any, where: str, scenario: Scenario | None) -> Scenario:
    if isinstance(spec, str):
        return _read_scenario(r, spec, where)
    items = r.mapping(spec, where)
    r.known_keys(items, POLICY_KEYS, where)
    if items.get("scenario") is not None:
        chosen = _read_scenario(r, items["scenario"], join(where, "scenario"))
    elif scenario is not None:
        chosen = scenario
    else:
        raise r.error(join(where, "scenario"), "is required (the experiment names no "
                      "scenario for its levers to change)")
    levers = r.mapping(items.get("levers"), join(where, "levers"))
    if not levers:
        return chosen
    evaluator = ScenarioEvaluator(chosen)
    values = {}
    for lever, given in levers.items():
        field = join(join(where, "levers"), lever)
        declaration = _declaration(r, evaluator, lever, field)
        if declaration.kind != "lever":
            raise r.error(field, f"is declared a {declaration.kind}, not a lever: a policy "
                          "sets what a municipality chooses; vary it in design.parameters")
        values[lever] = r.declared(declaration, given, field)
    try:
        return chosen.with_values(values, source=r.source)
    except InputError as err:
        raise r.error(join(where, "levers"), err.message) from None


def _read_scenario(r: Reader, value: Any, key: str) -> Scenario:
    ref = r.file_name(value, key)
    here = Path(r.source).parent if r.source != "<dict>" else Path(".")

    def wrapped(err: InputError) -> InputError:
        where = f"{err.field}: " if err.field else ""
        return r.error(key, f"cannot use {ref}: {where}{err.message}")

    try:
        return Scenario.from_yaml((here / ref).resolve())
    except InputError as err:
        raise rewrap(err, wrapped) from None


def read_design(r: Reader, value: Any, evaluator: Evaluator) -> Design:
    """Validate the ``design`` section against the evaluator's declarations."""
    d = r.mapping(value, "design")
    kind = r.choice(r.required(d, "type", "design"), "design.type", TYPES)
    for key in d:
        if key not in DESIGN_KEYS[kind]:
            users = [t for t in TYPES if key in DESIGN_KEYS[t]]
            if users:
                raise r.error(join("design", key), f"is not used by a {kind} design (only by "
                              f"{', '.join(users)}); remove it")
            r.known_keys({key: None}, DESIGN_KEYS[kind], "design")
    params = r.mapping(d.get("parameters"), "design.parameters")
    if isinstance(evaluator, PolicyEvaluator):
        return _crossed(r, _read_design(r, d, kind, params, evaluator), evaluator)
    return _read_design(r, d, kind, params, evaluator)


def _crossed(r: Reader, design: Design, evaluator: PolicyEvaluator) -> Design:
    """The design's futures crossed with the named policies: no lever among the futures."""
    for f in design.factors:
        where = join("design.parameters", f.name)
        if f.name == POLICY:
            raise r.error(where, "'policy' names the experiment's policies; it is not a "
                          "parameter")
        if f.parameter.kind == "lever":
            raise r.error(where, "is a lever; with policies the design samples futures (what "
                          "a municipality does not choose): set levers in the policies")
    policies = Factor(POLICY, evaluator.parameter, values=tuple(evaluator.policies))
    return replace(design, factors=(policies, *design.factors), crossed=True)


def _read_design(r: Reader, d: dict, kind: str, params: dict, evaluator: Evaluator) -> Design:
    if kind == "grid":
        if not params:
            raise r.error("design.parameters", "a grid needs at least one parameter with a "
                          "list of values, e.g. 'job_offer_base: [0.06, 0.09]'")
        factors = tuple(r.attempt(_grid_factor, r, name, values, evaluator)
                        for name, values in params.items())
        r.raise_errors()
        return Design(kind, factors)
    names = _sampled_names(r, d, params, evaluator)
    factors = tuple(r.attempt(_sampled_factor, r, name, params.get(name), evaluator)
                    for name in names)
    r.raise_errors()
    samples = r.integer(r.required(d, "samples", "design"), "design.samples",
                        2 if kind in ("sobol", "morris") else 1, MAX_RUNS)
    if kind == "sobol" and samples & (samples - 1):
        lower = 1 << (samples.bit_length() - 1)
        raise r.error("design.samples", f"{samples} is not a power of 2; Sobol' sequences are "
                      f"balanced at powers of 2: use {lower} or {2 * lower}")
    second_order = r.boolean(d.get("second_order", False), "design.second_order")
    if second_order and len(factors) < 2:
        raise r.error("design.second_order", "second-order indices need at least two parameters")
    levels = r.integer(d.get("levels", 4), "design.levels", 2, MAX_LEVELS)
    if levels % 2:
        raise r.error("design.levels", f"{levels} is odd; Morris designs need an even number "
                      "of levels (4 is usual)")
    return Design(kind, factors, samples, second_order, levels)


def _declaration(r: Reader, evaluator: Evaluator, name: str, where: str) -> Parameter:
    try:
        return evaluator.declaration(name)
    except LookupError as err:
        raise r.error(where, str(err.args[0])) from None


def _grid_factor(r: Reader, name: str, value: Any, evaluator: Evaluator) -> Factor:
    where = join("design.parameters", name)
    declaration = _declaration(r, evaluator, name, where)
    if not isinstance(value, list) or not value:
        raise r.error(where, "a grid needs a non-empty list of values, e.g. [20, 40, 80]")
    values = []
    for i, item in enumerate(value):
        checked = r.declared(declaration, item, f"{where}[{i}]")
        if checked in values:
            raise r.error(f"{where}[{i}]", f"{item!r} is listed twice; list each value once")
        values.append(checked)
    return Factor(name, declaration, values=tuple(values))


def _sampled_names(r: Reader, d: dict, params: dict, evaluator: Evaluator) -> list[str]:
    names: list[str] = []
    if r.boolean(d.get("all_uncertainties", False), "design.all_uncertainties"):
        uncertain = evaluator.uncertainties()
        exclude = r.sequence(d.get("exclude"), "design.exclude")
        for i, name in enumerate(exclude):
            if name not in uncertain:
                close = difflib.get_close_matches(str(name), uncertain, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise r.error(f"design.exclude[{i}]", f"{name!r} is not a declared uncertain "
                              f"parameter of this scenario{hint}")
        # A declared range of one value (or none) leaves nothing to explore.
        names = [n for n in uncertain if n not in exclude and _has_range(evaluator.declaration(n))]
    elif "exclude" in d:
        raise r.error("design.exclude", "only applies with all_uncertainties: true")
    names += [n for n in params if n not in names]
    if not names:
        raise r.error("design.parameters", "name at least one parameter to vary (or set "
                      "all_uncertainties: true)")
    return names


def _has_range(p: Parameter) -> bool:
    return p.type in (int, float) and p.range is not None and p.range[0] < p.range[1]


def _sampled_factor(r: Reader, name: str, value: Any, evaluator: Evaluator) -> Factor:
    where = join("design.parameters", name)
    declaration = _declaration(r, evaluator, name, where)
    spec = r.mapping(value, where)
    r.known_keys(spec, ("low", "high"), where)
    if declaration.type is str:
        raise r.error(where, "a text parameter can only be varied in a grid design")
    if declaration.type is bool:
        if spec:
            raise r.error(where, "a true/false parameter is sampled as both values; "
                          "remove low and high")
        return Factor(name, declaration)
    bounds = []
    for i, key in enumerate(("low", "high")):
        if key in spec:
            bounds.append(r.declared(declaration, spec[key], join(where, key)))
        elif declaration.range is not None:
            bounds.append(declaration.check(declaration.range[i]))
        else:
            raise r.error(where, f"has no declared plausible range; give {key}")
    low, high = bounds
    if not low < high:
        raise r.error(where, f"low ({low}) must be below high ({high})")
    return Factor(name, declaration, low=low, high=high)


def _read_outputs(r: Reader, value: Any, evaluator: Evaluator) -> list[str]:
    items = r.sequence(value, "outputs")
    if not items:
        raise r.error("outputs", "name at least one output, e.g. [exits_work_24m]")
    known = evaluator.output_names()
    months = getattr(evaluator, "months", None)
    out: list[str] = []
    for i, item in enumerate(items):
        name = r.attempt(_read_output, r, item, f"outputs[{i}]", known, months, out)
        if name is not None:
            out.append(name)
    r.raise_errors()
    return out


# Outputs renamed since they were first offered: old name -> new name, each listed (the
# bare ratio and its value at every horizon, as a baseline's too).
RENAMED_OUTPUTS = {
    f"{prefix}net_cost_per_extra_exit{suffix}": f"{prefix}net_cost_per_extra_exit_to_work{suffix}"
    for prefix in ("", BASE_PREFIX) for suffix in ("", *(f"_{s}" for s in SUFFIXES))}


def renamed_output(name: str) -> str | None:
    """The current name of an output named by an old name, or None."""
    return RENAMED_OUTPUTS.get(name)


def _read_output(r: Reader, item: Any, where: str, known: list[str], months: int | None,
                 out: list[str]) -> str:
    name = r.text(item, where)
    new = renamed_output(name)
    if new is not None and new in known:
        raise r.error(where, f"{name!r} has been renamed {new!r} (it is the net cost per "
                      "extra exit to work); use the new name")
    if name not in known:
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise r.error(where, f"unknown output {name!r}; {hint}outputs are run outcomes such "
                      f"as {', '.join(known[:3])} (see docs/experiments.md)")
    found = named(name)
    horizon = found.months if found is not None else None
    if months is not None and horizon is not None and horizon > months:
        raise r.error(where, f"{name} is beyond the horizon of {months} months; "
                      f"set months to at least {horizon}")
    if name in out:
        raise r.error(where, f"{name} is listed twice; list each output once")
    return name


def _read_analysis(r: Reader, value: Any) -> Analysis:
    a = r.mapping(value, "analysis")
    r.known_keys(a, ANALYSIS_KEYS, "analysis")
    default = Analysis()
    level = (r.number(a["confidence_level"], "analysis.confidence_level", 0.5, 0.999)
             if "confidence_level" in a else default.confidence_level)
    return Analysis(
        resamples=r.integer(a.get("resamples", default.resamples), "analysis.resamples", 10,
                            100_000),
        confidence_level=level,
        convergence_steps=r.integer(a.get("convergence_steps", default.convergence_steps),
                                    "analysis.convergence_steps", 1, 20))


def _check_points(r: Reader, design: Design, matrix: DesignMatrix, evaluator: Evaluator) -> None:
    """Refuse a design with a point that is not a valid run, before anything runs.

    Every value of every factor is within its declared bounds by construction, so for the
    model only points that vary a share of a group that must not add up to more than one,
    or a factor of a product with a limit, can fail: those rules run over every point at
    once, and the first point and the first that breaks one are checked in full (one by
    one, the 2,470 points of the Morris screening took 12 seconds, and millions of points
    an hour)."""
    if isinstance(evaluator, (ScenarioEvaluator, PolicyEvaluator)):
        columns = {name: [row[j] for row in matrix.rows]
                   for j, name in enumerate(matrix.names) if name in PARAMETERS}
        found = [PARAMETERS.first_group_violation(columns, s.params().values, len(matrix))
                 for s in evaluator.scenarios]
        points: Iterable[int] = sorted({0, *(p for p in found if p is not None)}) \
            if len(matrix) else []
    else:
        points = range(len(matrix))
    for point in points:
        values = matrix.values(point)
        try:
            evaluator.check(values)
        except InputError as err:
            shown = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}"
                              for k, v in values.items())
            if len(shown) > 200:
                shown = shown[:197] + "..."
            where = f"{err.field}: " if err.field else ""
            raise r.error("design", f"point {point} ({shown}) is not a valid scenario: "
                          f"{where}{err.message}; narrow the ranges or values") from None
