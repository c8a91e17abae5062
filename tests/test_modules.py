"""Policies and the model's own mechanisms are modules alike (simulate.module.Module): each
declares its title in English and Dutch, its parameters, its per-mother state and its
metrics, and the model's whole declarations are the union of its modules'."""

from __future__ import annotations

from collections import Counter

import pytest

from simulate.metrics import CORE, Metric
from simulate.module import Module, core_modules
from simulate.parameters import PARAMETERS
from simulate.policies import REGISTRY
from simulate.policies.base import Policy
from simulate.population import COLUMNS, Mothers
from tests.conftest import ROOT

MODULES = [*core_modules(), *REGISTRY.values()]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_every_module_declares_itself_whole(module):
    core = module in core_modules()
    assert issubclass(module, Module)
    assert module.declaration_problems(every_metric_in_words=core) == []
    if core:
        assert module.description and module.description_nl
        assert module.words("nl") == (module.title_nl, module.description_nl)


def test_policies_are_modules():
    assert issubclass(Policy, Module)
    assert all(issubclass(p, Policy) for p in REGISTRY.values())


def test_every_core_metric_is_owned_by_exactly_one_core_module():
    owned = Counter(m.name for module in core_modules() for m in module.metrics)
    assert set(owned) == {m.name for m in CORE}
    assert [name for name, n in owned.items() if n > 1] == []


def test_the_core_parameters_are_the_core_modules_in_the_order_of_a_month():
    names = [n for module in core_modules() for n in module.parameters]
    assert names == list(PARAMETERS)
    names = [module.name for module in core_modules()]
    assert len(set(names)) == len(names)


def test_the_mothers_table_allocates_the_population_modules_state():
    population = core_modules()[0]
    assert [s.name for s in population.state] == list(COLUMNS)
    mothers = Mothers(4)
    for s in population.state:
        column = getattr(mothers, s.name)
        assert column.dtype == s.dtype and len(column) >= 4


def test_a_module_missing_a_declaration_is_told_what():
    class Bare(Module):
        name = "bare"
        metrics = (Metric("x", "mothers", "Some mothers."),)

    problems = Bare.declaration_problems(every_metric_in_words=True)
    assert any("no title" in p for p in problems)
    assert any("metric x does not say" in p for p in problems)
    assert any("metric x has no words" in p for p in problems)


def test_the_model_doc_lists_every_core_module():
    doc = (ROOT / "docs" / "model.md").read_text()
    for module in core_modules():
        assert f"`{module.__module__}.{module.__name__}`" in doc, module.name
        assert module.title in doc and module.title_nl in doc, module.name
