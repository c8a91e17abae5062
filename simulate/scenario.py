"""Scenario files: what to simulate, read strictly.

A scenario file is YAML::

    name: baseline                # or {en: baseline, nl: basis}: en is the identifier
    description: Rotterdam-Zuid-like cohort, no programme.   # or {en: ..., nl: ...}
    extends: baseline.yaml        # optional: start from another scenario (relative path)
    population:                   # size and composition (population parameters)
      size: 1190
    horizon_months: 36
    seed: 20250101
    replications: 20
    parameters:                   # any other declared parameter
      study_exit_hazard: 0.008
    policies:                     # registered policy modules with their parameters
      - dedicated_coaches: {coaches: 6, caseload: 40}

Unknown keys at any depth, wrong types and out-of-range values are errors
(:class:`simulate.schema.InputError`), reported with the file and the field's path.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from simulate.parameters import PARAMETERS, ParameterError, Params
from simulate.policies import REGISTRY, Policy
from simulate.schema import (
    InputError,
    Reader,
    deferred_warnings,
    describe,
    join,
    load_yaml,
    unknown,
)

KIND = "scenario"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
TOP_KEYS = ("name", "description", "extends", "population", "horizon_months", "seed",
            "replications", "parameters", "policies")
MAX_HORIZON = 1200
# Languages a scenario may give its name and description in ({en: ..., nl: ...}).
LANGUAGES = ("en", "nl")
MAX_SEED = 2**63 - 1
MAX_REPLICATIONS = 100_000
# Longest chain of files extending one another.
MAX_EXTENDS = 20
# Copies with changed values a scenario keeps (Scenario.with_values).
WITH_VALUES_KEPT = 8


@dataclass(frozen=True)
class PolicySpec:
    """A policy named in a scenario, with its validated parameter values.

    ``label`` names the instance when a scenario runs the same module twice.
    """

    name: str
    values: dict[str, Any] = field(default_factory=dict)
    label: str | None = None

    @property
    def key(self) -> str:
        return self.label or self.name

    def make(self) -> Policy:
        return REGISTRY[self.name](self.values, self.label)

    def to_dict(self) -> dict[str, Any]:
        values = dict(self.values)
        if self.label:
            values = {"label": self.label, **values}
        return {self.name: values}


@dataclass(frozen=True)
class Scenario:
    """A validated scenario. Build with :meth:`from_yaml` or :meth:`from_dict`."""

    name: str
    description: str = ""
    population: dict[str, Any] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    policies: tuple[PolicySpec, ...] = ()
    horizon_months: int = 36
    seed: int = 0
    replications: int = 10
    source: str | None = None
    # Name and description in other languages: {"nl": {"name": ..., "description": ...}}.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    # ---- reading --------------------------------------------------------------------------
    @classmethod
    def from_yaml(cls, path: str | Path) -> Scenario:
        """Read and validate a scenario file.

        Raises:
            InputError: naming the file, the field and what is allowed.
        """
        return cls.from_dict(load_yaml(path, KIND), source=str(path))

    @classmethod
    def from_dict(cls, data: Any, source: str = "<dict>", _seen: tuple[str, ...] = (), *,
                  warn: bool = True) -> Scenario:
        """Validate parsed scenario data (``source`` names it in messages).

        Every independent problem is reported (:class:`simulate.schema.InputErrors`, a
        line each); with ``warn``, values outside a parameter's plausible range are
        :class:`simulate.schema.InputWarning` lines.

        Raises:
            InputError: naming the file, the field and what is allowed.
        """
        with deferred_warnings():
            return cls._from_dict(data, source, _seen, warn)

    @classmethod
    def _from_dict(cls, data: Any, source: str, _seen: tuple[str, ...], warn: bool) -> Scenario:
        r = Reader(source, KIND, warnings=warn)
        data = r.mapping(data, "")
        if not data:
            raise r.error("", "the scenario is empty; it needs at least a name")
        r.attempt(r.known_keys, data, TOP_KEYS, "")
        base: Scenario | None = None
        if data.get("extends") is not None:
            r.raise_errors()
            base = cls._read_base(r, data["extends"], source, _seen)

        # A name or description given here replaces the base's in every language.
        texts: dict[str, Any] = {
            "name": r.attempt(_read_texts, r, data["name"], "name", False, default={})
            if data.get("name") is not None else None,
            "description": r.attempt(_read_texts, r, data["description"], "description",
                                     True, default={})
            if data.get("description") is not None else None}
        for key, given in texts.items():
            if given is None:
                texts[key] = {lang: (getattr(base, key) if lang == "en"
                                     else base.translations.get(lang, {}).get(key))
                              for lang in LANGUAGES} if base else {}
        name = texts["name"].get("en")
        if name is not None:
            name = r.attempt(read_name, r, name, "name")
        elif data.get("name") is None:
            r.attempt(_no_name, r)  # not given (a given but bad name is reported already)
        description = texts["description"].get("en") or ""
        translations = {lang: {k: v[lang] for k, v in texts.items() if v.get(lang)}
                        for lang in LANGUAGES[1:]}

        population = dict(base.population) if base else {}
        population.update(_read_params(r, data.get("population"), "population", "population"))
        parameters = dict(base.parameters) if base else {}
        parameters.update(_read_params(r, data.get("parameters"), "parameters", "parameters"))
        if not r.errors:
            try:
                Params.from_overrides({**population, **parameters})
            except ParameterError as err:
                group = ("population" if PARAMETERS[err.name].group == "population"
                         else "parameters")
                r.errors.append(r.error(join(group, err.name), err.message))

        policies = (r.attempt(_read_policies, r, data["policies"], default=())
                    if "policies" in data else (base.policies if base else ()))

        def pick(key: str, default: Any, low: int, high: int) -> int:
            if data.get(key) is None:
                return getattr(base, key) if base else default
            return r.attempt(r.integer, data[key], key, low, high, default=default)

        horizon = pick("horizon_months", 36, 1, MAX_HORIZON)
        seed = pick("seed", 0, 0, MAX_SEED)
        replications = pick("replications", 10, 1, MAX_REPLICATIONS)
        r.raise_errors()
        return cls(name=name, description=description, population=population,
                   parameters=parameters, policies=policies, horizon_months=horizon,
                   seed=seed, replications=replications, source=source,
                   translations={k: v for k, v in translations.items() if v})

    @classmethod
    def _read_base(cls, r: Reader, value: Any, source: str, seen: tuple[str, ...]) -> Scenario:
        ref = r.file_name(value, "extends")
        here = Path(source).parent if source != "<dict>" else Path(".")
        path = (here / ref).resolve()
        if str(path) in seen:
            raise r.error("extends", f"{ref} extends itself (a cycle)")
        # The chain so far (seen), this file and its base.
        if len(seen) + 2 > MAX_EXTENDS:
            raise r.error("extends", f"more than {MAX_EXTENDS} files extend one another in a "
                          f"chain; at most {MAX_EXTENDS} are allowed")
        try:
            data = load_yaml(path, KIND)
        except InputError as err:
            raise r.error("extends", f"cannot use {ref}: {err.message}") from None
        return cls.from_dict(data, source=str(path), _seen=(*seen, str(Path(source).resolve())),
                             warn=r.warnings)

    # ---- using ----------------------------------------------------------------------------
    def params(self) -> Params:
        """The model parameters: defaults, then population, then parameter overrides.

        Validated once per scenario (2 ms, which a comparison over plausible worlds paid
        some five times a run); a scenario, like its parameters, does not change."""
        made = self.__dict__.get("_params")
        if made is None:
            made = Params.from_overrides({**self.population, **self.parameters})
            object.__setattr__(self, "_params", made)
        return made

    def make_policies(self) -> list[Policy]:
        return [spec.make() for spec in self.policies]

    def text(self, key: str, lang: str) -> str:
        """``name`` or ``description`` in ``lang`` when the file gives it there, else as given."""
        return self.translations.get(lang, {}).get(key) or getattr(self, key)

    def model(self, replicate: int = 0, **options: Any):
        """A :class:`simulate.model.PathwaysModel` of replicate ``replicate``, as
        ``simulate run`` builds it (same parameters, policies, seed and horizon).

        Args:
            replicate: Replicate number (its random streams).
            **options: Other arguments of ``PathwaysModel`` (``mother_agents=True``,
                ``seed=...``, ``horizon_months=...``).
        """
        from simulate.model import PathwaysModel

        options = {"seed": self.seed, "horizon_months": self.horizon_months, **options}
        return PathwaysModel(self.params(), self.make_policies(), replicate=replicate,
                             **options)

    def with_changes(self, **changes: Any) -> Scenario:
        """A copy with fields replaced (e.g. ``seed``, ``replications``, ``horizon_months``)."""
        return replace(self, **changes)

    def with_values(self, values: dict[str, Any], source: str = "<values>") -> Scenario:
        """A copy with parameter values changed; ``policy.param`` keys change a policy.

        The copy is validated as a scenario file is (milliseconds with a world's hundred
        values). A design point's
        replicates, its warm-up and its check ask for the same copy, so the last few are
        kept and the same copy is returned (a scenario does not change).

        Raises:
            InputError: for unknown names or bad values.
        """
        try:
            key = (tuple((k, type(v).__name__, v) for k, v in values.items()), source)
            hash(key)
        except TypeError:  # a value that cannot be a key (a list): made afresh
            return self._with_values(values, source)
        made = self.__dict__.get("_with", {}).get(key)
        if made is None:
            made = self._with_values(values, source)
            cache = self.__dict__.setdefault("_with", {})
            while len(cache) >= WITH_VALUES_KEPT:
                cache.pop(next(iter(cache)), None)
            cache[key] = made
        return made

    def __getstate__(self) -> dict[str, Any]:
        # The copies kept by with_values are this process's; they do not travel.
        return {k: v for k, v in self.__dict__.items() if k != "_with"}

    def _with_values(self, values: dict[str, Any], source: str) -> Scenario:
        r = Reader(source, KIND)
        population, parameters = dict(self.population), dict(self.parameters)
        policies = {spec.key: spec.to_dict() for spec in self.policies}
        for key, value in values.items():
            if "." in key:
                pname, _, param = key.partition(".")
                if pname not in policies:
                    raise r.error(key, f"the scenario has no policy {pname!r}")
                next(iter(policies[pname].values()))[param] = value
            elif key in PARAMETERS:
                (population if PARAMETERS[key].group == "population" else parameters)[key] = value
            else:
                raise r.error(key, unknown(key, list(PARAMETERS), "parameter"))
        data = self.to_dict()
        data.update(population=population, parameters=parameters,
                    policies=list(policies.values()))
        return Scenario.from_dict(data, source=source, warn=False)

    def to_dict(self) -> dict[str, Any]:
        """The resolved scenario (no ``extends``) as plain data, ready for YAML."""
        def both(key: str) -> str | dict[str, str]:
            other = {lang: t[key] for lang, t in self.translations.items() if key in t}
            return {"en": getattr(self, key), **other} if other else getattr(self, key)

        return {
            "name": both("name"),
            "description": both("description"),
            "population": dict(self.population),
            "horizon_months": self.horizon_months,
            "seed": self.seed,
            "replications": self.replications,
            "parameters": dict(self.parameters),
            "policies": [spec.to_dict() for spec in self.policies],
        }

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True)

    def digest(self) -> str:
        """Hash of the resolved scenario: equal for scenarios that simulate the same thing."""
        text = json.dumps(self.to_dict(), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def flat_values(self) -> dict[str, Any]:
        """Every parameter value of a run, policies' as ``policy.param``: a runs-table row."""
        values: dict[str, Any] = dict(self.params().values)
        for policy in self.make_policies():
            for key, value in policy.params.values.items():
                values[f"{policy.label}.{key}"] = value
        return values


def _no_name(r: Reader) -> None:
    raise r.error("name", "is required")


def read_name(r: Reader, value: Any, field: str) -> str:
    """A name that becomes a file or directory name of results: no paths, no '..'."""
    name = r.text(value, field)
    if not NAME.fullmatch(name):
        raise r.error(field, f"{describe(name)} is not allowed; a name uses letters, digits, "
                      "'.', '-' and '_' (no '/' or '..'), starts with a letter or digit and "
                      "has at most 100 characters")
    return name


def _read_texts(r: Reader, value: Any, field: str, allow_empty: bool) -> dict[str, str]:
    """A text, or one per language ({en: ..., nl: ...}; en required): by language."""
    if not isinstance(value, dict):
        return {"en": r.text(value, field, allow_empty)}
    texts = r.mapping(value, field)
    r.known_keys(texts, LANGUAGES, field)
    if "en" not in texts:
        raise r.error(join(field, "en"), "is required when the text is given per language")
    return {lang: r.text(text, join(field, lang), allow_empty) for lang, text in texts.items()}


def _read_params(r: Reader, value: Any, field: str, group: str) -> dict[str, Any]:
    data = r.attempt(r.mapping, value, field, default={})
    allowed = [p.name for p in PARAMETERS.in_group(group)]
    out = {}
    for key, val in data.items():
        checked = r.attempt(_read_param, r, PARAMETERS, key, val, join(field, key), group,
                            allowed, default=_BAD)
        if checked is not _BAD:
            out[key] = checked
    return out


_BAD = object()


def _read_param(r: Reader, declarations, key: str, value: Any, where: str, group: str | None,
                allowed: list[str]) -> Any:
    """One parameter value checked against its declaration (a warning when it is outside
    the plausible range)."""
    if key not in declarations:
        raise r.error(where, unknown(key, allowed, "parameter"))
    declaration = declarations[key]
    if group is not None and declaration.group != group:
        raise r.error(where, f"belongs under '{declaration.group}', not under "
                      f"'{where.rpartition('.')[0]}'")
    return r.declared(declaration, value, where)


def _read_policies(r: Reader, value: Any, field: str = "policies") -> tuple[PolicySpec, ...]:
    items = r.sequence(value, field)
    specs: list[PolicySpec] = []
    for i, item in enumerate(items):
        spec = r.attempt(_read_policy, r, item, f"{field}[{i}]", specs)
        if spec is not None:
            specs.append(spec)
    return tuple(specs)


def _read_policy(r: Reader, item: Any, where: str, specs: list[PolicySpec]) -> PolicySpec:
    values: dict[str, Any]
    if isinstance(item, str):
        name, values = item, {}
    else:
        entry = r.mapping(item, where)
        if len(entry) != 1:
            raise r.error(where, "expected one policy name with its parameters, e.g. "
                          "'- dedicated_coaches: {coaches: 6}'")
        ((name, values),) = entry.items()
    if name not in REGISTRY:
        raise r.error(where, unknown(name, sorted(REGISTRY), "policy"))
    here = join(where, name)
    values = r.mapping(values, here)
    label = values.pop("label", None)
    if label is not None:
        label = r.text(label, join(here, "label"))
        if not label.replace("_", "").replace("-", "").isalnum() or not label.isascii():
            raise r.error(join(here, "label"),
                          f"{label!r} is not allowed; use letters, digits, - and _")
    key = label or name
    if not REGISTRY[name].several_instances and any(s.name == name for s in specs):
        raise r.error(here, f"{name} may be listed only once per scenario")
    if any(spec.key == key for spec in specs):
        raise r.error(here, f"a policy named {key!r} is listed twice; give "
                      "each instance its own 'label'")
    declarations = REGISTRY[name].parameters
    checked = {k: r.attempt(_read_param, r, declarations, k, v, join(here, k), None,
                            list(declarations), default=_BAD) for k, v in values.items()}
    r.raise_errors()
    try:
        params = Params.from_overrides(checked, declarations)
    except ParameterError as err:
        raise r.error(join(here, err.name), err.message) from None
    return PolicySpec(name, {k: params[k] for k in values}, label)
