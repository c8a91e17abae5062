"""Childcare providers: places, programme-reserved places, cost per place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np

from simulate.population import NEVER

if TYPE_CHECKING:
    from simulate.model import PathwaysModel


class ChildcareProvider(mesa.Agent):
    """A childcare provider serving the modelled mothers.

    Args:
        model: The model.
        index: Position in the model's provider list (mothers' ``provider`` column).
        places: Places open to the modelled mothers.
    """

    def __init__(self, model: PathwaysModel, *, index: int, places: int) -> None:
        super().__init__(model)
        self.index = index
        self.places = places
        self.reserved = 0  # places held back for programme participants (set by policies)

    @property
    def occupied(self) -> int:
        return int(self.model.childcare_occupied()[self.index])

    @property
    def queue_length(self) -> int:
        m = self.model.mothers
        n = m.n
        return int(np.count_nonzero((m.queue_since[:n] != NEVER) & (m.provider[:n] == self.index)
                                    & (m.childcare_place[:n] < 0)))


class ProviderTotals:
    """Places and reserved places per provider, as arrays, for a world holding a list of
    ``providers`` (a model, or a batch of replicates)."""

    providers: list

    @property
    def provider_places(self) -> np.ndarray:
        return np.array([c.places for c in self.providers], dtype=np.int64)

    @property
    def provider_reserved(self) -> np.ndarray:
        return np.array([c.reserved for c in self.providers], dtype=np.int64)


def split_places(total: int, providers: int) -> list[int]:
    """Spread ``total`` places over providers as evenly as integers allow."""
    base, extra = divmod(total, providers)
    return [base + (1 if i < extra else 0) for i in range(providers)]
