"""The levers of a programme, read from the declarations, and what a value set on one means.

A lever is a declared parameter of kind ``lever``: the core model's (the regular
caseload, the childcare places) and each policy instance's (coaches, caseload, places,
groups a year, the target group). Its words come from the declaration, in English and in
Dutch, as the report's assumptions table reads them. A value is judged as a scenario file's would be: outside the hard bounds it is
refused with :meth:`~simulate.parameters.Parameter.check`'s message, outside the plausible
range it is allowed with :meth:`~simulate.parameters.Parameter.plausible`'s warning.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from simulate.parameters import PARAMETERS, Parameter
from simulate.report.text import decimal, policy_words, short_doc
from simulate.scenario import PolicySpec, Scenario
from simulate.schema import describe

CORE = "core"


@dataclass(frozen=True)
class Judgement:
    """A value set on a lever: the value to use (None when refused), why it is refused, or
    a warning that it lies outside the plausible range."""

    value: Any
    refused: str | None = None
    warning: str | None = None


@dataclass(frozen=True)
class Lever:
    """One lever of a programme.

    Attributes:
        key: The name ``Scenario.with_values`` takes: the parameter's name for a core
            lever, ``instance.parameter`` for a policy's (the instance is the policy's
            label, or its registry name).
        declaration: The parameter's declaration.
        value: The programme's own value (its file's, or the declared default).
    """

    key: str
    declaration: Parameter
    value: Any

    def words(self, lang: str) -> tuple[str, str, str]:
        """Description, unit and source in ``lang`` (the declaration's English where it
        has no Dutch)."""
        d = self.declaration
        if lang != "nl":
            return d.doc, d.unit, d.source
        doc, unit, source = d.words("nl")
        return doc or d.doc, unit or d.unit, source or d.source

    def label(self, lang: str) -> str:
        """The description shortened to a label."""
        text = short_doc(self.words(lang)[0], 90)
        return text[:1].upper() + text[1:]

    @property
    def is_number(self) -> bool:
        return self.declaration.type in (int, float)

    def judge(self, value: Any, lang: str = "en") -> Judgement:
        """``value`` checked against the declaration.

        Refused (with the message of ``Parameter.check``, in English as the command line
        gives it) when it is not allowed; allowed with the warning of
        ``Parameter.plausible`` when it lies outside the plausible range.
        """
        d = self.declaration
        if value is None or value == "":
            return Judgement(None, refused=WORDS[lang]["empty"])
        try:
            checked = d.check(value)
        except ValueError as err:
            return Judgement(None, refused=str(err) if lang != "nl" else self._refused_nl(value))
        doubt = d.plausible(checked)
        if doubt and lang == "nl":
            doubt = self._doubt_nl(checked)
        return Judgement(checked, warning=doubt)

    # The command line speaks English; a Dutch page says the same with the same numbers.
    def _refused_nl(self, value: Any) -> str:
        d = self.declaration
        if d.type not in (int, float):
            return f"{value!r} is niet toegestaan"
        what = "een geheel getal" if d.type is int else "een getal"
        lo, hi = d.bounds
        if lo is not None and hi is not None:
            what += f" van {decimal(lo, 'nl')} tot en met {decimal(hi, 'nl')}"
        elif lo is not None:
            what += f" van minstens {decimal(lo, 'nl')}"
        elif hi is not None:
            what += f" van hoogstens {decimal(hi, 'nl')}"
        allowed = f"toegestaan is {what} ({self.words('nl')[1]})"
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            return f"{describe(value)} is geen getal; {allowed}"
        if d.type is int and not float(value).is_integer():
            return f"{decimal(value, 'nl')} is geen geheel getal; {allowed}"
        return f"{decimal(value, 'nl')} valt buiten de grenzen; {allowed}"

    def _doubt_nl(self, value: Any) -> str:
        lo, hi = self.declaration.range or (None, None)
        return (f"{decimal(value, 'nl')} ligt buiten de aannemelijke bandbreedte "
                f"{decimal(lo, 'nl')} tot {decimal(hi, 'nl')} ({self.words('nl')[1]}); "
                "ga na of dat zo bedoeld is")


WORDS = {"en": {"empty": "enter a value"}, "nl": {"empty": "vul een waarde in"}}


@dataclass(frozen=True)
class Section:
    """The levers of the core model or of one policy instance."""

    key: str
    spec: PolicySpec | None
    levers: tuple[Lever, ...]

    def title(self, lang: str) -> str:
        if self.spec is None:
            return SECTION_WORDS[lang]
        words = policy_words(self.spec.name, lang)
        words = words[:1].upper() + words[1:]
        return f"{words} ({self.spec.key})" if self.spec.label else words


SECTION_WORDS = {"en": "Regular services (every mother)",
                 "nl": "Reguliere dienstverlening (alle moeders)"}


def sections(scenario: Scenario) -> list[Section]:
    """The levers of ``scenario``: one section per policy instance, in the file's order,
    then the core model's."""
    out = []
    for spec in scenario.policies:
        policy = spec.make()
        levers = tuple(Lever(f"{spec.key}.{p.name}", p, policy.params[p.name])
                       for p in policy.parameters.of_kind("lever"))
        if levers:
            out.append(Section(spec.key, spec, levers))
    params = scenario.params()
    out.append(Section(CORE, None, tuple(Lever(p.name, p, params[p.name])
                                         for p in PARAMETERS.of_kind("lever"))))
    return out


def levers(scenario: Scenario) -> dict[str, Lever]:
    """Every lever of ``scenario`` by key."""
    return {lever.key: lever for section in sections(scenario) for lever in section.levers}


def changed(scenario: Scenario, values: dict[str, Any]) -> dict[str, Any]:
    """The values that differ from the programme's own, in lever order; unknown keys are
    left out."""
    own = levers(scenario)
    return {k: v for k, v in values.items() if k in own and v != own[k].value}


def apply(scenario: Scenario, values: dict[str, Any], source: str = "<explorer>") -> Scenario:
    """``scenario`` with the levers in ``values`` set (those equal to the programme's own
    are left as they are, so the file stays as short as the programme's).

    Raises:
        simulate.schema.InputError: for a combination the declarations refuse (e.g.
            shares that add up to more than one).
    """
    own = changed(scenario, values)
    return scenario.with_values(own, source=source) if own else scenario
