"""Every number the model uses, declared once.

A :class:`Parameter` carries its default, unit, plausible range, hard bounds and
source (a citation, or the word "assumption"). Validation of scenario files, the
parameter documentation (``simulate params``), the SALib problem of a sensitivity
analysis and the assumptions table of a report all read these declarations; nothing
else in the code holds a number that a user might want to change.

Each core module declares the parameters it reads beside its code (``PARAMETERS`` in
:mod:`simulate.population` and in each step of :mod:`simulate.steps`), as each policy
module declares its own; :data:`PARAMETERS` here is the core's union, in the order of the
month's steps. This module holds what they share: :class:`Parameter` and its helpers,
:class:`ParameterSet`, :class:`Params`, the citations several declarations use, and the
rules across modules (shares that must not add up to more than one, products that must
stay below a bound).

Following EMA Workbench, each parameter has a *kind*:

- ``uncertainty``: something nobody controls and the sources do not pin down (hazards,
  effect sizes); the default target of sensitivity analysis and calibration;
- ``lever``: something a municipality chooses (caseloads, places, staffing);
- ``fact``: a sourced figure (the assistance norm, the cohort's age);
- ``setting``: a modelling convention (months of a known pregnancy).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulate.schema import check_number, describe_number, fmt, is_boolean

KINDS = ("uncertainty", "lever", "fact", "setting")
ASSUMPTION = "assumption"
ASSUMPTION_NL = "aanname"  # ASSUMPTION in Dutch (a declaration's source_nl)
# Qualitative findings of the Dutch evaluation reports and practice descriptions of programmes
# for mothers on assistance; numbers attached to them are assumptions unless said otherwise.
PRACTICE = "evaluation and practice reports"


@dataclass(frozen=True)
class Parameter:
    """One declared parameter.

    Attributes:
        name: Identifier used in scenario files and code.
        default: Default value.
        unit: Unit, in words ("per month", "EUR per month", "share").
        range: Plausible (low, high): the bounds a sensitivity analysis explores.
        source: Where the default comes from, or "assumption".
        doc: One sentence on what it means.
        kind: One of :data:`KINDS`.
        group: Section of a scenario file it belongs to ("population" or "parameters").
        bounds: Hard validity bounds (low, high); ``None`` means unbounded on that side.
        type: ``float``, ``int``, ``bool`` or ``str``.
        choices: Allowed values for ``str`` parameters.
        doc_nl: ``doc`` in Dutch, for the Dutch report and explorer.
        unit_nl: ``unit`` in Dutch.
        source_nl: ``source`` in Dutch.
        calibrated_to: Names of the targets (``simulate validate``) or evidence checks
            whose published figure this value was set from (fitted or tuned). An evidence
            check that depends on such a parameter shows consistency, not evidence: it is
            reported as ``calibrated``, never ``pass`` (docs/evidence.md).
    """

    name: str
    default: Any
    unit: str
    range: tuple[float, float] | None
    source: str
    doc: str
    kind: str = "uncertainty"
    group: str = "parameters"
    bounds: tuple[float | None, float | None] = (None, None)
    type: type = float
    choices: tuple[str, ...] | None = None
    doc_nl: str = ""
    unit_nl: str = ""
    source_nl: str = ""
    calibrated_to: tuple[str, ...] = ()

    def words(self, lang: str) -> tuple[str, str, str]:
        """What it means, its unit and its source in ``lang`` ("en" or "nl")."""
        if lang == "nl":
            return self.doc_nl, self.unit_nl, self.source_nl
        return self.doc, self.unit, self.source

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: kind {self.kind!r} is not one of {KINDS}")
        # A declaration whose own default fails validation is a programming error.
        self.check(self.default)
        if self.range is not None:
            lo, hi = self.range
            if not lo <= hi:
                raise ValueError(f"{self.name}: range {self.range} is not ordered")
            self.check(lo)
            self.check(hi)

    @property
    def is_assumption(self) -> bool:
        return self.source.strip().lower().startswith(ASSUMPTION)

    def allowed(self) -> str:
        """Human description of the allowed values, used in error messages."""
        if self.type is bool:
            return "true or false"
        if self.type is str:
            return "one of " + ", ".join(self.choices or ())
        return describe_number(self.type is int, *self.bounds, self.unit)

    def check(self, value: Any) -> Any:
        """Return ``value`` coerced to this parameter's type.

        Raises:
            ValueError: with a message naming the value and what is allowed.
        """
        if self.type is bool:
            if is_boolean(value):
                return bool(value)
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        if self.type is str:
            if isinstance(value, str) and (self.choices is None or value in self.choices):
                return str(value)
            raise ValueError(f"{value!r} is not allowed; expected {self.allowed()}")
        return check_number(value, self.type is int, *self.bounds, self.unit)

    @property
    def uncertain(self) -> bool:
        """An uncertainty with a plausible range of numbers: what worlds and sensitivity
        designs can draw."""
        return (self.kind == "uncertainty" and self.range is not None
                and self.type in (int, float) and self.range[0] < self.range[1])

    def plausible(self, value: Any) -> str | None:
        """A warning when a valid number lies outside the plausible range, else None."""
        if self.range is None or self.type not in (int, float) or (
                self.range[0] <= value <= self.range[1]):
            return None
        return (f"{fmt(value)} is outside the plausible range {fmt(self.range[0])} to "
                f"{fmt(self.range[1])} ({self.unit}); check that it is meant")


def held_parameters(drawn: Iterable[str]) -> list[str]:
    """The model's uncertain parameters (:attr:`Parameter.uncertain`) not among ``drawn``:
    those a set of worlds keeps at their values."""
    drawn = set(drawn)
    return sorted(n for n, p in core_parameters().items() if p.uncertain and n not in drawn)


class ParameterError(ValueError):
    """A bad value for a named parameter (``str()`` is "NAME: message")."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name, self.message = name, message


# Helpers that fix unit and bounds for common shapes of parameter, so that a
# declaration reads as one line of meaning.
def share(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "share"), range, source, doc,
                     bounds=(0.0, 1.0), **kw)


def hazard(name, default, range, source, doc, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "probability per month"), range, source,
                     doc, bounds=(0.0, 1.0), **kw)


# Hard bounds of the helpers unless a declaration narrows them (lo=, hi=): every number has
# both, so that no value can make a run infeasible on a laptop.
FACTOR_MAX = 100.0
COUNT_MAX = 10_000
AMOUNT_MAX = 1e7


def factor(name, default, range, source, doc, lo=0.0, hi=FACTOR_MAX, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "multiplier"), range, source, doc,
                     bounds=(lo, hi), **kw)


def count(name, default, range, source, doc, lo=0, hi=COUNT_MAX, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit", "count"), range, source, doc,
                     bounds=(lo, hi), type=int, **kw)


def amount(name, default, range, source, doc, lo=0.0, hi=AMOUNT_MAX, **kw) -> Parameter:
    return Parameter(name, default, kw.pop("unit"), range, source, doc,
                     bounds=(lo, hi), **kw)


ROTTERDAM = "Rotterdam evaluation (2025), cohort of 855"
# Published figures the mechanisms below rest on (docs/evidence.md lists them with the
# parameters they inform).
DIVOSA_PARTTIME = ("Divosa (2019), Parttime werk in de bijstand (Benchmark Werk & Inkomen): "
                   "every month 8% of people on assistance earn from part-time or flexible "
                   "work, typically EUR 489 a month; they leave for work almost 3 times as "
                   "often as others, single parents and women 4 times; the longer on "
                   "assistance, the less part-time work")
CBS_DURATION = ("CBS (2008), Korter in de bijstand, makkelijker eruit: in 2006 the assistance "
                "of 22% of those on it for less than a year ended, of 8% of those on it for "
                "more than three years")
CPB_EXPERIMENTS = ("CPB (2022), Vervolgonderzoek experimenten Participatiewet: exempting "
                   "recipients from their obligations did not lower work two years on "
                   "(Utrecht: 24% working 12+ hours a week against 15%; no effect in "
                   "Deventer and Wageningen)")
LONE_PARENT_OBLIGATIONS = ("Avram, Brewer & Salvatori (2018), Labour Economics 51: work-search "
                           "requirements for UK single parents raised exits from benefit, "
                           "about half of them into (mostly part-time) work")
CBS_SANCTIONS = ("CBS (2007), Kortdurende bijstandsuitkeringen vaker gekort: 0.9% of the "
                 "benefits in payment had a financial sanction running, four times as often "
                 "in spells under a year as in spells of five years or more")
INSPECTIE_SANCTIONS = ("Inspectie SZW (2017), Handhaving arbeidsverplichtingen: the legal "
                       "minimum sanction for breaching the work obligations is a cut of a "
                       "month's benefit; many municipalities do not enforce the obligations")
SANCTIONS_WORK = ("Van den Berg, Van der Klaauw & Van Ours (2004), J. Labor Econ. 22: a "
                  "sanction substantially raises the transition from welfare to work "
                  "(Rotterdam)")
DURABILITY = ("work_exit_lasts_6_months", "work_exit_lasts_18_months",
              "work_exit_back_on_assistance")
DIVOSA_REENTRY = ("Divosa (2015), monitor in- en uitstroom 2014: of those whose assistance "
                  "ended through enforcement, 28% are back within six months")
POP = {"group": "population"}

def _core() -> tuple[Parameter, ...]:
    """Every core module's declarations, in the order of the month's steps
    (:func:`simulate.module.core_modules`)."""
    from simulate.module import core_modules

    return tuple(module.parameters[name] for module in core_modules()
                 for name in module.parameters)

# Shares that partition a population must not add up to more than one.
SHARE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("share_education_no_basic", "share_education_mbo_or_lower", "share_education_hbo_wo"),
    ("share_entry_student_finance", "share_entry_income_loss", "share_entry_relationship_end"),
    ("entry_ladder_step1_share", "entry_ladder_step2_share", "entry_ladder_step3_share"),
)

# Products of parameters that must stay at most a bound. The three exits of step 7 each own
# a third of one uniform draw (simulate/steps/exits.py), so each exit's largest monthly
# hazard (with its factors at their largest) must stay at most 1/3; the plausible ranges
# reach at most 0.24.
PRODUCT_LIMITS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("study_exit_hazard", "study_young_factor", "study_student_finance_factor"), 1 / 3),
    (("partner_exit_hazard",), 1 / 3),
    (("other_exit_hazard",), 1 / 3),
)


class ParameterSet(Mapping[str, Parameter]):
    """An ordered, name-indexed collection of declarations."""

    def __init__(self, params: Iterable[Parameter],
                 share_groups: tuple[tuple[str, ...], ...] = (),
                 product_limits: tuple[tuple[tuple[str, ...], float], ...] = ()) -> None:
        self._params: dict[str, Parameter] = {}
        for p in params:
            if p.name in self._params:
                raise ValueError(f"parameter {p.name!r} is declared twice")
            self._params[p.name] = p
        self.share_groups = share_groups
        self.product_limits = product_limits

    def __getitem__(self, name: str) -> Parameter:
        return self._params[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._params)

    def __len__(self) -> int:
        return len(self._params)

    def defaults(self) -> dict[str, Any]:
        return {name: p.default for name, p in self._params.items()}

    def in_group(self, group: str) -> list[Parameter]:
        return [p for p in self._params.values() if p.group == group]

    def of_kind(self, *kinds: str) -> list[Parameter]:
        return [p for p in self._params.values() if p.kind in kinds]

    def _group_totals(self, value: Callable[[str], Any]
                      ) -> Iterator[tuple[tuple[str, ...], Any, float, float]]:
        """Each share group's total and each limited product (factors after the first
        counted as at least 1), with its bound and the rounding margin above it: for one
        set of values or, when ``value`` gives arrays, for many points at once."""
        for names in self.share_groups:
            yield names, sum(value(n) for n in names), 1.0, 1e-9
        for names, bound in self.product_limits:
            product = value(names[0])
            for n in names[1:]:
                product = product * np.maximum(value(n), 1.0)
            yield names, product, bound, 1e-12

    def first_group_violation(self, columns: Mapping[str, Sequence[Any]],
                              base: Mapping[str, Any], points: int) -> int | None:
        """The first of ``points`` points that ``check_groups`` would refuse: ``columns``
        holds the values per point of the parameters that vary, ``base`` the others. None
        when every point keeps the groups and limits."""
        def column(name: str) -> np.ndarray:
            if name in columns:
                return np.asarray(columns[name], dtype=float)
            return np.full(points, float(base[name]))

        bad = np.zeros(points, dtype=bool)
        for _, total, bound, margin in self._group_totals(column):
            bad |= total > bound + margin
        return int(np.argmax(bad)) if bad.any() else None

    def check_groups(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        """Return (name, message) for the first share group adding up to more than 1, or
        the first product of parameters above its limit."""
        for names, total, bound, margin in self._group_totals(values.__getitem__):
            if total <= bound + margin:
                continue
            if (names, bound) in self.product_limits:
                listed = " x ".join(names)
                return names[0], (f"{listed} (factors below 1 counted as 1) is {total:.3f}; "
                                  f"at most {bound:.3f} is allowed")
            listed = " + ".join(names)
            return names[-1], f"shares {listed} add up to {total:.3f}; at most 1 is allowed"
        return None


# The core model's declarations: each step declares the parameters it reads beside its code
# (simulate/steps/*.py, simulate/population.py); this is their union, built on first use so
# that those modules can import the helpers above.
PARAMETERS: ParameterSet
CORE: tuple[Parameter, ...]


@functools.cache
def core_parameters() -> ParameterSet:
    """The core model's declarations (:data:`PARAMETERS`)."""
    return ParameterSet(_core(), SHARE_GROUPS, PRODUCT_LIMITS)


def __getattr__(name: str) -> Any:
    if name == "PARAMETERS":
        return core_parameters()
    if name == "CORE":
        return tuple(core_parameters()[n] for n in core_parameters())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Params:
    """Validated parameter values, read as attributes (``params.study_exit_hazard``).

    Build with :meth:`Params.from_overrides`; change with :meth:`replace`, which returns a
    new object: policies and sweeps never mutate shared parameter values.

    Args:
        values: Complete, already validated values.
        declarations: The declarations the values belong to (the core model's, or a
            policy's).
    """

    __slots__ = ("declarations", "values")

    def __init__(self, values: Mapping[str, Any] | None = None,
                 declarations: ParameterSet | None = None) -> None:
        declarations = core_parameters() if declarations is None else declarations
        object.__setattr__(self, "declarations", declarations)
        object.__setattr__(self, "values", dict(values if values is not None
                                                else declarations.defaults()))

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Params are read-only; use replace()")

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Params) and self.values == other.values

    def __repr__(self) -> str:
        return f"Params({self.values!r})"

    def __reduce__(self):
        return (Params, (self.values, self.declarations))

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any] | None = None,
                       declarations: ParameterSet | None = None) -> Params:
        """Defaults updated by ``overrides``.

        Raises:
            ParameterError: (a ValueError) naming the parameter and what is wrong, for an
                unknown name or a bad value.
        """
        declarations = core_parameters() if declarations is None else declarations
        values = declarations.defaults()
        for name, value in (overrides or {}).items():
            if name not in declarations:
                raise ParameterError(name, "unknown parameter")
            try:
                values[name] = declarations[name].check(value)
            except ValueError as err:
                raise ParameterError(name, str(err)) from None
        bad = declarations.check_groups(values)
        if bad:
            raise ParameterError(*bad)
        return cls(values, declarations)

    def replace(self, **changes: Any) -> Params:
        merged = dict(self.values)
        merged.update(changes)
        return Params.from_overrides(merged, self.declarations)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.values)

    def world(self) -> Params:
        """These values with every lever at its declared default: the world before month 0.

        The burn-in runs under it (:class:`simulate.model.PathwaysModel`). The world's
        uncertainties, facts and settings shape the burn-in; what a municipality chooses
        (its levers and programmes) takes effect at month 0 on the burned-in world. So a
        run's burn-in never depends on its levers, and ``run``, ``compare``,
        :func:`simulate.evaluate`, sweeps, evidence checks, EMA Workbench and Mesa give
        the same numbers for the same values, seed and replicate.
        """
        levers = {p.name: p.default for p in self.declarations.of_kind("lever")}
        if all(self.values[name] == value for name, value in levers.items()):
            return self
        return Params.from_overrides({**self.values, **levers}, self.declarations)
