"""Replicates in one pass: the burn-ins of several replicates of one world, stepped together.

A burn-in runs 120 months of the core model before month 0 (:mod:`simulate.model`), and a
month is some thousand numpy calls on arrays of about a thousand mothers, so its time goes
to the fixed cost of each call rather than to arithmetic. :class:`BatchBurnIn` puts the
mothers of ``K`` replicates of the same world (the same parameters, other seeds or
replicate numbers) into one set of columns and runs the model's own monthly steps
(:func:`simulate.model.month_steps`) on all of them at once, so each call does ``K`` times
the work for about the same fixed cost.

Each replicate's numbers stay bit for bit those of the replicate run alone:

- *Draws.* A row keeps its replicate and its own id in that replicate; a per-mother draw
  is the replicate's stream hashed with that id (:class:`StackedStreams`), and draws that
  are not per mother (employers, arrivals, vacancies) come from the replicate's own
  generators.
- *Matching.* Coaches, childcare providers and employers are stacked in equal blocks per
  replicate; mothers' ``coach``, ``provider`` and ``childcare_place`` hold indices into the
  stacked tables. Matching that could cross replicates (a coach for a waiting mother, the
  employer a searcher meets) goes through :meth:`BatchBurnIn.by_replicate`; queues for
  places are per provider, so they do not cross. Within a replicate the rows keep the
  order of its ids, so every order-dependent rule (first come, first served) is the same.
- *Bounds.* Steps skip mothers who cannot move with an upper bound of the month's chance
  (:data:`simulate.steps.BOUND_MARGIN`); over several replicates the bound is the largest
  of theirs, which is still a bound, so who moves is unchanged.

At the end, :meth:`BatchBurnIn.split` cuts the columns into one
:class:`simulate.model.BurnIn` per replicate, with ids and table indices as the replicate
alone has them. :func:`warm_burn_ins` puts them into the process's burn-in cache, from
which :class:`simulate.model.PathwaysModel` starts, so runs, comparisons, sweeps and worlds
use it without any change in how they run a replicate. ``tests/test_batch.py`` checks that
every shipped scenario's burn-in is the same in a batch and alone.

Only the burn-in is batched: it is core model only (policies start at month 0), and a
comparison's replicates share their world. The months after it, and worlds with different
parameters, run one replicate at a time.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.special import ndtri

from simulate import memory
from simulate.agents.childcare import ProviderTotals, split_places
from simulate.agents.coach import REGULAR, CoachTable
from simulate.model import (
    BURN_IN_CACHE,
    BurnIn,
    burn_in_key,
    employer_table,
    month_steps,
    plan_arrivals,
    stock_capacity,
)
from simulate.network import Network
from simulate.parameters import Params
from simulate.population import COLUMNS, Mothers, draw_mothers
from simulate.recording import ChildLog, SpellLog
from simulate.rng import _GOLDEN, _MASK, Streams, _splitmix, _unit_draws_by_row
from simulate.states import Status
from simulate.steps import childcare, coaching
from simulate.steps.jobs import Offers

# The most replicates whose burn-ins run together: the gain per replicate levels off
# towards this size (benchmarks/fresh.py), while the memory a batch needs grows with it
# (a batch also stays within memory.BURN_IN_BATCH_BYTES).
BATCH_REPLICATES = memory.BURN_IN_BATCH

# Columns that index a per-replicate table: stacked, they hold the stacked index.
_PROVIDER_COLUMNS = ("provider", "childcare_place")


class StackedStreams:
    """The random streams of a batch's replicates, for stacked rows: the draw of a row is
    its replicate's draw for its own id (:class:`simulate.rng.Streams`)."""

    def __init__(self, batch: BatchBurnIn, streams: Sequence[Streams]) -> None:
        self._batch = batch
        self.replicates = list(streams)
        self._bases: dict[str, np.ndarray] = {}

    def _keys(self, names: Sequence[str], month: int) -> np.ndarray:
        """Each stream's draw key (:meth:`Streams.draw_key`) per replicate, computed for
        all replicates at once: the same wrapping uint64 arithmetic as the scalar one."""
        rows = []
        for name in names:
            base = self._bases.get(name)
            if base is None:
                base = self._bases[name] = np.array([s.stream_base(name)
                                                     for s in self.replicates], np.uint64)
            rows.append(base)
        z = np.stack(rows) + np.uint64(((month + 1) * 0x9E3779B97F4A7C15) & _MASK)
        return _splitmix(z) + _GOLDEN

    def uniforms(self, names: list[str], month: int, ids: np.ndarray) -> dict[str, np.ndarray]:
        ids = np.asarray(ids)
        rows = np.ascontiguousarray(ids, np.int64).reshape(-1)
        u = _unit_draws_by_row(rows, self._batch.local, self._batch.replicate,
                               self._keys(names, month))
        return {name: row.reshape(ids.shape) for name, row in zip(names, u)}

    def uniform(self, name: str, month: int, ids: np.ndarray) -> np.ndarray:
        return self.uniforms([name], month, ids)[name]

    def normal(self, name: str, month: int, ids: np.ndarray) -> np.ndarray:
        return ndtri(self.uniform(name, month, ids))

    def generator(self, name: str, month: int = -1) -> _StackedGenerator:
        return _StackedGenerator([s.generator(name, month) for s in self.replicates])


class _StackedGenerator:
    """Per-replicate generators for draws per row of a stacked table (one block each)."""

    def __init__(self, generators: list[np.random.Generator]) -> None:
        self.generators = generators

    def poisson(self, lam: np.ndarray) -> np.ndarray:
        blocks = np.split(np.asarray(lam), len(self.generators))
        return np.concatenate([g.poisson(b) for g, b in zip(self.generators, blocks)])


class _Provider:
    """A childcare provider's places, as the steps read them."""

    def __init__(self, places: int) -> None:
        self.places = places
        self.reserved = 0


class BatchBurnIn(ProviderTotals):
    """The burn-ins of several replicates of one world, run together (module docstring).

    Args:
        params: The burn-in's parameters (a run's :meth:`Params.world`).
        replicates: ``(seed, replicate)`` of each replicate.
        months: Length of the burn-in.
        horizon_months: The runs' horizon (it sizes the mothers' table, as in a model).
        record_spells: Whether children are logged (as the runs will).
    """

    def __init__(self, params: Params, replicates: Sequence[tuple[int, int]], months: int,
                 horizon_months: int, record_spells: bool) -> None:
        p = self.params = params
        self.keys = [(int(s), int(r)) for s, r in replicates]
        k = len(self.keys)
        self.months, self.record_spells = months, record_spells
        self.capacity = stock_capacity(p, horizon_months, months)
        self.streams = StackedStreams(self, [Streams(s, r) for s, r in self.keys])
        self._t = -months
        self.mothers = Mothers(capacity=k * self.capacity)
        self.replicate = np.zeros(self.mothers.capacity, dtype=np.int64)
        self.local = np.zeros(self.mothers.capacity, dtype=np.int64)
        self._count = [0] * k
        self._next_id = [0] * k
        self._planned: list[dict] = [{} for _ in range(k)]
        self.spells = SpellLog(enabled=False)  # a run keeps no spells of its burn-in
        self.children = ChildLog(record_spells)
        self.tally: Counter = Counter()
        self.offers: Any = Offers.empty()

        self.coaches = CoachTable()
        for _ in range(k):
            for _ in range(math.ceil(p.size / p.regular_caseload_target)):
                self.coaches.add(REGULAR, hours_per_month=p.coach_hours_per_month,
                                 client_time_share=p.coach_client_time_share,
                                 hours_per_contact=p.hours_per_contact,
                                 capacity=p.regular_caseload_max, trust=1.0, effect=1.0,
                                 regular=True, active=True, gender_sensitive=False)
        places = split_places(round(p.childcare_places_per_100_mothers * p.size / 100.0),
                              p.childcare_providers)
        self.providers = [_Provider(n) for _ in range(k) for n in places]
        tables = [employer_table(p, s) for s in self.streams.replicates]
        self.employer_table = {key: np.concatenate([t[key] for t in tables])
                               for key in tables[0]}
        self._next_id = [p.size] * k
        self._add([draw_mothers(p, s, np.arange(p.size), self.month, stock=True)
                   for s in self.streams.replicates])
        coaching.assign(self, self.mothers.ids_where(Status.ON_ASSISTANCE),
                        self.coaches.available_regular)
        childcare.allocate_places(self)
        for _ in range(months):
            self._t += 1
            month_steps(self)

    # ---- the World the steps see ------------------------------------------------------------
    @property
    def month(self) -> int:
        return self._t

    def by_replicate(self, ids: np.ndarray, pool: np.ndarray,
                     size: int) -> list[tuple[np.ndarray | slice, np.ndarray]]:
        """Per replicate: the positions of its mothers in ``ids`` and its part of ``pool``
        (indices into a table of ``size`` rows stacked in equal blocks)."""
        k = len(self.keys)
        of_id = self.replicate[ids]
        of_pool = np.asarray(pool) // (size // k)
        return [(np.flatnonzero(of_id == r), pool[of_pool == r]) for r in range(k)]

    def add_arrivals(self) -> np.ndarray:
        t, p = self.month, self.params
        arriving = []
        for r, s in enumerate(self.streams.replicates):
            if t not in self._planned[r]:
                self._next_id[r] = plan_arrivals(p, s, t, self._next_id[r], self._planned[r])
            first, attrs = self._planned[r].pop(t)
            # Attributes were drawn for specific ids: they must land on exactly those ids.
            assert first is None or first == self._count[r], "arrivals out of order"
            arriving.append(attrs)
        return self._add(arriving)

    def _add(self, arriving: list[dict[str, np.ndarray]]) -> np.ndarray:
        """Append each replicate's new mothers (``arriving[r]``, in the order of their
        ids) in one pass; returns their rows."""
        m = self.mothers
        counts = np.array([len(a["status"]) for a in arriving], dtype=np.int64)
        if counts.sum() == 0:
            return np.zeros(0, dtype=np.int64)
        attrs = {name: np.concatenate([a[name] for a in arriving]) for name in arriving[0]}
        owner = np.repeat(np.arange(len(arriving)), counts)
        shift = (owner * self.params.childcare_providers)
        for name in _PROVIDER_COLUMNS:
            if name in attrs:
                attrs[name] = np.where(attrs[name] >= 0, attrs[name] + shift,
                                       attrs[name]).astype(COLUMNS[name].dtype)
        rows = m.add(attrs)
        if len(self.replicate) < m.capacity:
            self.replicate = np.resize(self.replicate, m.capacity)
            self.local = np.resize(self.local, m.capacity)
        self.replicate[rows] = owner
        starts = np.asarray(self._count) - np.concatenate([[0], np.cumsum(counts)[:-1]])
        self.local[rows] = np.arange(len(rows)) + np.repeat(starts, counts)
        self._count = list(np.asarray(self._count) + counts)
        has_child = rows[m.n_children[rows] > 0]
        self.children.add(has_child, m.youngest_birth_month[has_child])
        expecting = rows[m.pregnant[rows]]
        self.children.add(expecting, m.due_month[expecting])
        return rows

    # ---- the replicates apart ---------------------------------------------------------------
    def split(self) -> list[BurnIn]:
        """One burn-in per replicate, as the replicate alone ends its burn-in."""
        m, n, k = self.mothers, self.mothers.n, len(self.keys)
        coaches_each = len(self.coaches) // k
        employers_each = len(self.employer_table["share"]) // k
        providers_each = self.params.childcare_providers
        child_rows = (np.concatenate(self.children.ids) if self.children.ids
                      else np.zeros(0, dtype=np.int64))
        child_months = (np.concatenate(self.children.months) if self.children.months
                        else np.zeros(0, dtype=np.int64))
        out = []
        for r in range(k):
            rows = np.flatnonzero(self.replicate[:n] == r)
            own = Mothers(capacity=max(self.capacity, len(rows)))
            own.add({name: getattr(m, name)[rows] for name in COLUMNS})
            coach = own.coach[: own.n]
            coach[coach >= 0] -= r * coaches_each
            for name in _PROVIDER_COLUMNS:
                col = getattr(own, name)[: own.n]
                col[col >= 0] -= r * providers_each
            children = ChildLog(self.record_spells)
            mine = self.replicate[child_rows] == r
            children.add(self.local[child_rows[mine]], child_months[mine])
            table = CoachTable()
            block = slice(r * coaches_each, (r + 1) * coaches_each)
            for name in CoachTable.FIELDS:
                setattr(table, name, getattr(self.coaches, name)[block].copy())
            table.programme = self.coaches.programme[block]
            employers = slice(r * employers_each, (r + 1) * employers_each)
            providers = self.providers[r * providers_each:(r + 1) * providers_each]
            out.append(BurnIn({
                "mothers": own, "network": Network(), "children": children, "coaches": table,
                "employer_table": {key: v[employers].copy()
                                   for key, v in self.employer_table.items()},
                "places": [c.places for c in providers],
                "reserved": [c.reserved for c in providers],
                "next_id": self._next_id[r], "t": self._t}))
        return out


def warm_burn_ins(params: Params, seed: int, replicates: Sequence[int], horizon_months: int,
                  record_spells: bool, burn_in_params: Params | None = None,
                  most: int = BATCH_REPLICATES) -> int:
    """Run the burn-ins of ``replicates`` that the process's burn-in cache lacks, in
    batches of at most ``most``, and cache them; a model built after it for one of them
    starts from the cache. Returns how many were run.

    The arguments are a model's: ``params`` with ``burn_in_params`` (default ``params``)
    give the burn-in's world (:meth:`Params.world`) and length, as in
    :class:`simulate.model.PathwaysModel`. Nothing runs where a batch would not help: a
    single missing burn-in (the model runs it as fast), burn-ins too large for the cache
    to keep (:func:`simulate.memory.burn_in_batch`), or more than half the cache holds.
    """
    months = params.burn_in_months
    burn = (burn_in_params or params).world()
    wanted = [r for r in dict.fromkeys(int(r) for r in replicates)
              if BURN_IN_CACHE.get(burn_in_key(burn, seed, r, months, record_spells)) is None]
    most = min(most, memory.burn_in_batch(burn, horizon_months))
    # No more than half the cache, so that none is dropped before its run uses it.
    wanted = wanted[: BURN_IN_CACHE.entries // 2]
    if not months or most < 2:
        return 0
    ran = 0
    for start in range(0, len(wanted), most):
        part = wanted[start:start + most]
        if len(part) < 2:  # one alone: the model runs it as fast
            break
        batch = BatchBurnIn(burn, [(seed, r) for r in part], months, horizon_months,
                            record_spells)
        for r, snapshot in zip(part, batch.split()):
            BURN_IN_CACHE.put(burn_in_key(burn, seed, r, months, record_spells), snapshot)
        ran += len(part)
    return ran
