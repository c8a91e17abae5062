"""Real ties between mothers: an undirected edge list.

Peer groups add edges between their members; edges of groups without a facilitator can
fade. A mother's ``peer_ties`` column is her number of active edges, kept in step with
the list by :meth:`Network.refresh`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from simulate.population import Mothers


class Network:
    """Edges ``(a, b)`` with ``a < b``, the group that made them and whether they fade."""

    def __init__(self) -> None:
        self.a = np.zeros(0, dtype=np.int64)
        self.b = np.zeros(0, dtype=np.int64)
        self.group = np.zeros(0, dtype=np.int64)
        self.formed = np.zeros(0, dtype=np.int32)
        self.fades = np.zeros(0, dtype=bool)
        self.active = np.zeros(0, dtype=bool)
        self.owners: list[str] = []  # owner of each group id (e.g. "peer_groups:3")

    def __len__(self) -> int:
        return int(self.active.sum())

    def new_group(self, owner: str) -> int:
        """A new group id for edges (unique in this network); ``owner`` names it."""
        self.owners.append(owner)
        return len(self.owners) - 1

    def add_edges(self, a: np.ndarray, b: np.ndarray, group: int, month: int,
                  fades: bool) -> int:
        """Add ties between ``a[k]`` and ``b[k]``. Returns the number of new edges."""
        a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
        k = len(a)
        if k == 0:
            return 0
        self.a = np.concatenate([self.a, np.minimum(a, b)])
        self.b = np.concatenate([self.b, np.maximum(a, b)])
        self.group = np.concatenate([self.group, np.full(k, group, dtype=np.int64)])
        self.formed = np.concatenate([self.formed, np.full(k, month, dtype=np.int32)])
        self.fades = np.concatenate([self.fades, np.full(k, fades, dtype=bool)])
        self.active = np.concatenate([self.active, np.ones(k, dtype=bool)])
        return k

    def dissolve(self, edges: np.ndarray) -> None:
        """Deactivate the edges at the given positions."""
        self.active[edges] = False

    def degree(self, n: int) -> np.ndarray:
        act = self.active
        return (np.bincount(self.a[act], minlength=n) + np.bincount(self.b[act], minlength=n))[:n]

    def refresh(self, mothers: Mothers) -> None:
        """Write each mother's number of active ties into ``mothers.peer_ties``."""
        n = mothers.n
        mothers.peer_ties[:n] = np.minimum(self.degree(n), np.iinfo(np.int16).max)

    def neighbours(self, mother_id: int) -> np.ndarray:
        act = self.active
        return np.sort(np.concatenate([self.b[act & (self.a == mother_id)],
                                       self.a[act & (self.b == mother_id)]]))

    def edges(self):
        """Active edges as a (a, b, group, formed) tuple of arrays."""
        act = self.active
        return self.a[act], self.b[act], self.group[act], self.formed[act]
