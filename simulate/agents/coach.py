"""Work coaches (klantmanagers): Mesa agents whose numbers feed a small array table."""

from __future__ import annotations

import mesa
import numpy as np


class CoachAgent(mesa.Agent):
    """A work coach.

    Contacts per client per month follow from hours and caseload:
    ``hours_per_month * client_time_share / (hours_per_contact * caseload)``.

    Args:
        model: The model.
        hours_per_month: Working hours per month.
        client_time_share: Share of the hours spent on client contact.
        hours_per_contact: Hours one contact takes.
        caseload_max: Most clients the coach takes on.
        programme: "regular", or the name of the policy the coach works for.
        gender_sensitive: Trained in gender-sensitive work.
        trust_multiplier: Trust gained per contact relative to a regular coach.
        contact_effect_multiplier: Push up the ladder from a contact relative to a regular
            coach.
    """

    def __init__(self, model, *, hours_per_month: float, client_time_share: float,
                 hours_per_contact: float, caseload_max: int, programme: str = "regular",
                 gender_sensitive: bool = False, trust_multiplier: float = 1.0,
                 contact_effect_multiplier: float = 1.0) -> None:
        super().__init__(model)
        self.hours_per_month = hours_per_month
        self.client_time_share = client_time_share
        self.hours_per_contact = hours_per_contact
        self.caseload_max = caseload_max
        self.programme = programme
        self.gender_sensitive = gender_sensitive
        self.trust_multiplier = trust_multiplier
        self.contact_effect_multiplier = contact_effect_multiplier
        self.index = model.coaches.add(self)

    @property
    def dedicated(self) -> bool:
        return self.programme != "regular"

    @property
    def contact_capacity(self) -> float:
        """Client contacts the coach can give per month."""
        return self.hours_per_month * self.client_time_share / self.hours_per_contact

    @property
    def caseload(self) -> int:
        return int(self.model.coaches.caseload[self.index])


class CoachTable:
    """Array view of all coaches, for the vectorised contact step."""

    def __init__(self) -> None:
        self.agents: list[CoachAgent] = []
        self._arrays: dict[str, np.ndarray] | None = None
        self.caseload = np.zeros(0, dtype=np.int64)

    def add(self, coach: CoachAgent) -> int:
        self.agents.append(coach)
        self._arrays = None
        self.caseload = np.append(self.caseload, 0)
        return len(self.agents) - 1

    def __len__(self) -> int:
        return len(self.agents)

    def _build(self) -> dict[str, np.ndarray]:
        if self._arrays is None:
            a = self.agents
            self._arrays = {
                "capacity": np.array([c.caseload_max for c in a], dtype=np.int64),
                "contacts": np.array([c.contact_capacity for c in a], dtype=np.float64),
                "trust": np.array([c.trust_multiplier for c in a], dtype=np.float64),
                "effect": np.array([c.contact_effect_multiplier for c in a], dtype=np.float64),
                "regular": np.array([not c.dedicated for c in a], dtype=bool),
            }
        return self._arrays

    @property
    def capacity(self) -> np.ndarray:
        return self._build()["capacity"]

    @property
    def contacts(self) -> np.ndarray:
        return self._build()["contacts"]

    @property
    def trust(self) -> np.ndarray:
        return self._build()["trust"]

    @property
    def effect(self) -> np.ndarray:
        return self._build()["effect"]

    @property
    def regular(self) -> np.ndarray:
        return self._build()["regular"]
