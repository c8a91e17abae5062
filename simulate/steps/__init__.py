"""The monthly mechanisms, one file each, in the order the model calls them.

A step reads and changes the world through :class:`World`: the mothers' table, the
parameters, the month, the random streams, the month's tally of events, the coaches,
employers and childcare providers, and the logs; not the whole model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:
    from simulate.agents.coach import CoachTable
    from simulate.parameters import Params
    from simulate.population import Mothers
    from simulate.recording import ChildLog, SpellLog

# Relative margin by which an upper bound of a chance is widened before a step uses it to
# skip the mothers who cannot move: it covers rounding (some factors are float32), far
# below any chance that matters. A numerical tolerance, not a model parameter.
BOUND_MARGIN = 1e-6


class Draws(Protocol):
    """What the steps draw from: a replicate's :class:`simulate.rng.Streams`, or a batch's
    (:class:`simulate.batch.StackedStreams`)."""

    def uniform(self, name: str, month: int, ids: np.ndarray) -> np.ndarray: ...
    def uniforms(self, names: list[str], month: int,
                 ids: np.ndarray) -> dict[str, np.ndarray]: ...
    def normal(self, name: str, month: int, ids: np.ndarray) -> np.ndarray: ...
    # Counts that are not per mother: a NumPy generator's (seeded per replicate, stream
    # and month) Poisson draws for an array of means (one block per replicate in a batch).
    def poisson(self, name: str, month: int, lam: np.ndarray) -> np.ndarray: ...


class World(Protocol):
    """What the monthly steps use of a model (:class:`simulate.model.PathwaysModel` is one)."""

    @property
    def mothers(self) -> Mothers: ...
    @property
    def params(self) -> Params: ...
    @property
    def month(self) -> int: ...
    @property
    def streams(self) -> Draws: ...
    # The month's tally of events (kept by ``count``) and its accepted job offers.
    tally: Counter
    offers: Any

    def count(self, event: str, rows: np.ndarray, each: np.ndarray | None = None) -> None:
        """Add the mothers ``rows`` to this month's tally of ``event``: one each, or
        ``each`` (one number per row). A batch of replicates keeps a tally per replicate."""
    @property
    def coaches(self) -> CoachTable: ...
    @property
    def employer_table(self) -> dict[str, np.ndarray]: ...
    @property
    def providers(self) -> list[Any]: ...
    @property
    def provider_places(self) -> np.ndarray: ...
    @property
    def provider_reserved(self) -> np.ndarray: ...
    @property
    def spells(self) -> SpellLog: ...
    @property
    def children(self) -> ChildLog: ...

    def add_arrivals(self) -> np.ndarray:
        """The month's arrivals, added to the mothers' table; returns their ids."""
        ...

    def replicates_of(self, ids: np.ndarray, pool: np.ndarray,
                      size: int) -> tuple[np.ndarray, np.ndarray, int]:
        """For matching that must not cross replicates (mothers to coaches): the replicate
        of each of ``ids`` and of each of ``pool`` (indices into a table of ``size`` rows,
        such as the coaches), and the number of replicates. A model is one replicate (all
        zeros); a batch (:mod:`simulate.batch`) stacks its replicates' tables in equal
        blocks."""
        ...

    def search_blocks(self, table: np.ndarray, ids: np.ndarray, u: np.ndarray) -> np.ndarray:
        """For each of ``ids``, the row of ``table`` (ascending within each replicate's
        block, such as the employers' cumulative shares) at which ``u`` falls: the first
        whose value is at least ``u`` (the block's last where none is), within her own
        replicate's block. A model has one block; a batch searches each mother's own."""
        ...

    # Parameters that may differ between the worlds of a batch (simulate.batch.PER_WORLD)
    # are read through these three; every other parameter through ``params``.
    def value(self, name: str | Callable[[Params], Any], rows: np.ndarray | slice,
              dtype: Any = None) -> Any:
        """Parameter ``name`` (or a number computed from the parameters) as it applies to
        the mothers ``rows`` (indices, or ``np.s_[:n]`` for every row in use). A model gives
        the number itself; a batch whose worlds differ in it gives one value per row, as
        ``dtype`` (default float64). Pass ``np.float32`` where the value meets a float32
        column first (numpy then computes in float32, as with the number itself), and
        ``np.int64`` for a whole number of months."""
        ...

    def most(self, bound: Callable[[Params], float]) -> float:
        """``bound`` of the parameters; in a batch of worlds, the largest over them (upper
        bounds that let a step skip the mothers who cannot move)."""
        ...

    def params_for(self, rows: np.ndarray) -> Any:
        """The parameters as they apply to the mothers ``rows``, for helpers that take
        parameters (``p.name``): a model's own; in a batch of worlds, per row where the
        worlds differ (float64)."""
        ...

    def by_block(self, name: str, size: int) -> Any:
        """Parameter ``name`` for each row of a table of ``size`` rows stacked in equal
        blocks per replicate (the coaches): the number in a model; one per row in a batch
        whose worlds differ in it."""
        ...
