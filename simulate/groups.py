"""A month's metrics per group of rows: a model's one group, or a batch's replicates.

:func:`simulate.model.month_metrics` computes every metric once for all groups, so that a
batch of replicates (:class:`simulate.batch.BatchRun`) records a month with about as many
numpy calls as a model does. Counts are per group; sums and means of amounts are taken
over each group's rows in the order of its ids, with the same numpy call a model makes on
its own, so every value is bit for bit the model's. Results are Python lists, one item per
group (a model's list has one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


class Groups:
    """The rows ``[:n]`` of a mothers' table in ``k`` groups.

    Args:
        of: Each row's group, in ``[0, k)``; None for one group holding every row.
        k: How many groups.
    """

    def __init__(self, of: np.ndarray | None = None, k: int = 1) -> None:
        if of is None and k != 1:
            raise ValueError("rows in several groups need their group")
        self.of, self.k = of, k

    def count(self, mask: np.ndarray, rows: np.ndarray | None = None) -> list[int]:
        """How many of ``rows`` (default: every row) ``mask`` holds, per group."""
        if self.of is None:
            return [int(np.count_nonzero(mask))]
        of = self.of if rows is None else self.of[rows]
        return np.bincount(of[mask], minlength=self.k).tolist()

    def of_rows(self, rows: np.ndarray) -> Groups:
        """The groups of ``rows`` alone: masks and values given to the result are aligned
        with ``rows`` (cheaper than whole-column masks when ``rows`` are few)."""
        return self if self.of is None else Groups(self.of[rows], self.k)

    def size(self, rows: np.ndarray) -> list[int]:
        """How many ``rows`` each group has."""
        if self.of is None:
            return [len(rows)]
        return np.bincount(self.of[rows], minlength=self.k).tolist()

    def tabulate(self, values: np.ndarray, codes: int,
                 rows: np.ndarray | None = None) -> np.ndarray:
        """How many of ``rows`` have each of the ``codes`` values (0 to ``codes - 1``),
        one row per group."""
        if self.of is None:
            return np.bincount(values, minlength=codes)[None, :]
        of = self.of if rows is None else self.of[rows]
        return np.bincount(of * codes + values, minlength=self.k * codes).reshape(self.k, codes)

    def split(self, rows: np.ndarray, *columns: np.ndarray) -> list[list[np.ndarray]]:
        """``columns`` (aligned with ``rows``, in the order of the rows) cut per group: for
        each group, its part of each column, in the order of its ids."""
        if self.of is None:
            return [list(columns)]
        of = self.of[rows]
        order = np.argsort(of, kind="stable")
        edges = np.searchsorted(of[order], np.arange(self.k + 1))
        sorted_columns = [c[order] for c in columns]
        return [[c[edges[g]:edges[g + 1]] for c in sorted_columns] for g in range(self.k)]

    def blocks(self, table: np.ndarray) -> np.ndarray:
        """A per-item table stacked in equal blocks per group (coaches, providers), one
        row per group."""
        return table.reshape(self.k, -1)

    def each(self, parts: Sequence[Sequence[np.ndarray]],
             f: Callable[..., float]) -> list[float]:
        """``f`` of each group's parts (from :meth:`split`)."""
        return [f(*part) for part in parts]
