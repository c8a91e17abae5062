"""One base for every part of the model: what a module declares about itself.

A *module* is a part of the model with its own declarations, in one place: its title and
what it does in English and Dutch, its parameters, its per-mother state and its monthly
metrics. Policy modules (:class:`simulate.policies.base.Policy`, one file each under
``simulate/policies/``) and the model's own monthly mechanisms (one class per file under
``simulate/steps/``, and :class:`simulate.population.Population` for the mothers
themselves) are modules alike, as Starsim's modules declare parameters, states and results
together.

What reads the declarations: the union of the core modules' parameters is
:data:`simulate.parameters.PARAMETERS` (``simulate params``, validation, sensitivity
bounds, docs); the mothers' table allocates every declared state column and grows it with
the table; the core modules' metrics are, together, the record of a month
(:data:`simulate.metrics.CORE`, each metric owned by exactly one module, tested).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from simulate.metrics import Metric
from simulate.parameters import ParameterSet


@dataclass(frozen=True)
class State:
    """A per-mother column a module keeps (a month she joined a list, whether she ever
    took part): the mothers' table allocates it and grows it with the table; a policy reads
    and writes it as ``self.<name>``.

    Attributes:
        name: Its name.
        dtype: NumPy type.
        fill: Value of a mother the module has not touched.
        doc: What it holds.
    """

    name: str
    dtype: Any
    fill: Any
    doc: str = ""


class Module:
    """What a part of the model declares about itself (see the module docstring).

    Class attributes:
        name: Its name (a policy's is the one scenario files use).
        title, title_nl: What it is, in a few words, in English and Dutch.
        description, description_nl: What it does, in a sentence or two.
        parameters: Declarations of its parameters.
        metrics: The monthly metrics it records.
        state: Its per-mother columns.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    title_nl: ClassVar[str] = ""
    description: ClassVar[str] = ""
    description_nl: ClassVar[str] = ""
    parameters: ClassVar[ParameterSet] = ParameterSet(())
    metrics: ClassVar[tuple[Metric, ...]] = ()
    state: ClassVar[tuple[State, ...]] = ()

    @classmethod
    def words(cls, lang: str) -> tuple[str, str]:
        """Its title and description in ``lang`` ("en" or "nl")."""
        if lang == "nl":
            return cls.title_nl, cls.description_nl
        return cls.title, cls.description

    @classmethod
    def declaration_problems(cls, every_metric_in_words: bool = False) -> list[str]:
        """What its declarations lack, one line each (empty when they are whole): a name, a
        title in both languages, a kind for every metric, words in both languages for every
        charted metric (for every metric with ``every_metric_in_words``), no metric or
        state column declared twice."""
        who = cls.__name__
        problems = []
        if not cls.name:
            problems.append(f"{who} has no name")
        if not (cls.title and cls.title_nl):
            problems.append(f"{who} has no title in English and Dutch (title, title_nl)")
        for m in cls.metrics:
            if not m.kind:
                problems.append(f"{who}: metric {m.name} does not say whether it is a stock, a "
                                "flow or a mean (kind=)")
            if (m.chart or every_metric_in_words) and not (m.words and m.words_nl):
                problems.append(f"{who}: metric {m.name} is charted but has no words in English "
                                "and Dutch (words, words_nl)" if m.chart else
                                f"{who}: metric {m.name} has no words in English and Dutch "
                                "(words, words_nl)")
        for what, names in (("metric", [m.name for m in cls.metrics]),
                            ("state column", [s.name for s in cls.state])):
            if len(set(names)) != len(names):
                problems.append(f"{who} declares a {what} twice")
        return problems


def core_modules() -> tuple[type[Module], ...]:
    """The model's own modules in the order of a month (the mothers first): their
    parameters, in this order, are :data:`simulate.parameters.PARAMETERS`; their metrics,
    together, the record of a month (:data:`simulate.metrics.CORE`)."""
    from simulate import population
    from simulate.steps import (
        childcare,
        coaching,
        demography,
        exemptions,
        exits,
        job_loss,
        jobs,
        ladder,
        money,
        sanctions,
        transitions,
    )

    return (population.Population, demography.Demography, exemptions.Exemptions,
            coaching.Coaching, sanctions.Sanctions, ladder.Ladder, jobs.Jobs,
            childcare.Childcare, exits.Exits, transitions.Transitions, job_loss.JobLoss,
            money.Money)
