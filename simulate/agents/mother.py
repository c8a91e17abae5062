"""Mothers as Mesa agents: a view on one row of the columns, for inspection only.

The monthly step never touches these objects; it works on the columns. A
:class:`MotherAgent` reads (and, for experiments in a notebook, writes) its row, so
Mesa's ``agents_by_type``, ``DataCollector`` and visualisation see mothers like any other
agent. Views are created only on request (``PathwaysModel(mother_agents=True)`` or
:meth:`PathwaysModel.register_mothers`), so a million-mother run carries no per-mother
Python objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from simulate.population import COLUMNS
from simulate.states import BARRIER_NAMES, Education, EntryReason, Status

if TYPE_CHECKING:
    from simulate.model import PathwaysModel


class MotherAgent(mesa.Agent):
    """One mother, read from the model's columns.

    Every column of :data:`simulate.population.COLUMNS` is an attribute
    (``agent.confidence``, ``agent.ladder``...), plus the derived ones below.
    """

    def __init__(self, model: PathwaysModel, mother_id: int) -> None:
        super().__init__(model)
        self.mother_id = int(mother_id)

    # Derived, human-readable attributes.
    @property
    def status_name(self) -> str:
        return Status.name_of(self.status)

    @property
    def on_assistance(self) -> bool:
        return self.status == Status.ON_ASSISTANCE

    @property
    def age_years(self) -> float:
        return (self.model.month - float(self.birth_month)) / 12.0

    @property
    def child_age_months(self) -> int | None:
        """Age of the youngest child, or None while expecting a first child."""
        return None if self.n_children == 0 else self.model.month - int(self.youngest_birth_month)

    @property
    def months_on_assistance(self) -> int | None:
        return self.model.month - int(self.spell_start) if self.on_assistance else None

    @property
    def education_name(self) -> str:
        return Education(self.education).name.lower()

    @property
    def entry_reason_name(self) -> str:
        return EntryReason(self.entry_reason).name.lower()

    @property
    def barrier_list(self) -> list[str]:
        return [name for b, name in BARRIER_NAMES.items() if int(self.barriers) >> b & 1]

    @property
    def peers(self) -> np.ndarray:
        """Ids of the mothers she is tied to through peer groups."""
        return self.model.network.neighbours(self.mother_id)


def _column_property(name: str, doc: str) -> property:
    def get(self):
        return getattr(self.model.mothers, name)[self.mother_id].item()

    def set_(self, value):
        getattr(self.model.mothers, name)[self.mother_id] = value

    return property(get, set_, doc=doc)


for _name, _col in COLUMNS.items():
    setattr(MotherAgent, _name, _column_property(_name, _col.doc))
