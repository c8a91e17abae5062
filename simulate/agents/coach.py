"""Work coaches (klantmanagers): Mesa agents that are views on one row of a coach table.

The contact step reads the table's arrays; a :class:`CoachAgent` reads and writes its row,
so editing an agent (``coach.caseload_max = 30``) changes what the model does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import mesa
import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from simulate.model import PathwaysModel

REGULAR = "regular"


class CoachTable:
    """All coaches as arrays, for the vectorised contact step (one row per coach)."""

    FIELDS: ClassVar[dict[str, type]] = {
        "hours_per_month": np.float64, "client_time_share": np.float64,
        "hours_per_contact": np.float64, "capacity": np.int64, "trust": np.float64,
        "effect": np.float64, "regular": np.bool_, "active": np.bool_,
        "gender_sensitive": np.bool_, "caseload": np.int64,
    }
    # The same fields for the type checker (tests/test_population.py keeps them in step).
    hours_per_month: NDArray[np.float64]
    client_time_share: NDArray[np.float64]
    hours_per_contact: NDArray[np.float64]
    capacity: NDArray[np.int64]
    trust: NDArray[np.float64]
    effect: NDArray[np.float64]
    regular: NDArray[np.bool_]
    active: NDArray[np.bool_]
    gender_sensitive: NDArray[np.bool_]
    caseload: NDArray[np.int64]

    def __init__(self) -> None:
        for name, dtype in self.FIELDS.items():
            setattr(self, name, np.zeros(0, dtype=dtype))
        self.programme: list[str] = []

    def __len__(self) -> int:
        return len(self.programme)

    def add(self, programme: str, **values: object) -> int:
        """Append a coach; returns its index."""
        for name, dtype in self.FIELDS.items():
            setattr(self, name, np.append(getattr(self, name),
                                          np.asarray(values.get(name, 0), dtype=dtype)))
        self.programme.append(programme)
        return len(self.programme) - 1

    @property
    def contacts(self) -> np.ndarray:
        """Client contacts each coach can give per month (none when retired)."""
        return np.where(self.active, self.hours_per_month * self.client_time_share
                        / self.hours_per_contact, 0.0)

    @property
    def available_regular(self) -> np.ndarray:
        """Indices of the regular coaches still working (new clients go to them)."""
        return np.flatnonzero(self.regular & self.active)


def _row(name: str, doc: str) -> property:
    def get(self):
        return getattr(self.model.coaches, name)[self.index].item()

    def set_(self, value):
        getattr(self.model.coaches, name)[self.index] = value

    return property(get, set_, doc=doc)


class CoachAgent(mesa.Agent):
    """A work coach: a view on row ``index`` of the model's :class:`CoachTable`.

    Contacts per client per month follow from hours and caseload:
    ``hours_per_month * client_time_share / (hours_per_contact * caseload)``.

    Args:
        model: The model.
        hours_per_month: Working hours per month.
        client_time_share: Share of the hours spent on client contact.
        hours_per_contact: Hours one contact takes.
        caseload_max: Most clients the coach takes on.
        programme: "regular", or the label of the policy the coach works for.
        gender_sensitive: Trained in gender-sensitive work.
        trust_multiplier: Trust gained per contact relative to a regular coach.
        contact_effect_multiplier: Push up the ladder from a contact relative to a regular
            coach.
    """

    hours_per_month = _row("hours_per_month", "Working hours per month.")
    client_time_share = _row("client_time_share", "Share of the hours spent on clients.")
    hours_per_contact = _row("hours_per_contact", "Hours one contact takes.")
    caseload_max = _row("capacity", "Most clients the coach takes on.")
    trust_multiplier = _row("trust", "Trust gained per contact relative to a regular coach.")
    contact_effect_multiplier = _row("effect", "Ladder push of a contact, relative.")
    gender_sensitive = _row("gender_sensitive", "Trained in gender-sensitive work.")
    active = _row("active", "Still working (False once retired after a staffing change).")

    def __init__(self, model: PathwaysModel, *, hours_per_month: float,
                 client_time_share: float, hours_per_contact: float, caseload_max: int,
                 programme: str = REGULAR, gender_sensitive: bool = False,
                 trust_multiplier: float = 1.0, contact_effect_multiplier: float = 1.0) -> None:
        super().__init__(model)
        self.index = model.coaches.add(
            programme, hours_per_month=hours_per_month, client_time_share=client_time_share,
            hours_per_contact=hours_per_contact, capacity=caseload_max,
            trust=trust_multiplier, effect=contact_effect_multiplier,
            regular=programme == REGULAR, active=True, gender_sensitive=gender_sensitive)

    @classmethod
    def view(cls, model: PathwaysModel, index: int) -> CoachAgent:
        """An agent for an existing row of the table (a model restored from a snapshot)."""
        agent = cls.__new__(cls)
        mesa.Agent.__init__(agent, model)
        agent.index = index
        return agent

    @property
    def programme(self) -> str:
        return self.model.coaches.programme[self.index]

    @property
    def dedicated(self) -> bool:
        return self.programme != REGULAR

    @property
    def contact_capacity(self) -> float:
        """Client contacts the coach can give per month."""
        return float(self.model.coaches.contacts[self.index])

    @property
    def caseload(self) -> int:
        return int(self.model.coaches.caseload[self.index])
