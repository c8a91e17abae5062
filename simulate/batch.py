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
  stacked tables. Matching that could cross replicates goes through
  :meth:`BatchBurnIn.replicates_of` (a coach for a waiting mother) or
  :meth:`BatchBurnIn.search_blocks` (the employer a searcher meets); queues for
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

*Worlds.* A batch may also hold replicates of different worlds, whose parameters differ
in :data:`PER_WORLD` only: every core uncertainty (what
plausible worlds, the worlds filter and sensitivity designs over the model draw). A
replicate's mothers, coaches, childcare places and employers are made from its own world.
Every step reads those through the world (:meth:`simulate.steps.World.value`, ``most``,
``params_for``, ``by_block``): a model gives the number itself, a batch one value per row
of its replicate's world (or the largest over its worlds, for a bound). Reading one
directly from ``params`` in a batch whose worlds differ in it raises
:class:`PerWorldRead`, so a step that forgets fails loudly in the tests, never silently.
:func:`warm_worlds` groups the burn-ins it is given by what their worlds share.

*Whole runs.* A run without programmes whose levers are at their defaults (:func:`batchable`:
the base of a comparison, a plausible world, a point of a design over the world's
parameters) steps its months in the batch too (:class:`BatchRun`), each month recorded per
replicate. A run with programmes starts from its burn-in out of a batch and steps its months
alone: the programmes' state (coaches, places, groups, ties) is not stacked per replicate.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import numpy as np
import pandas as pd
from scipy.special import ndtri

from simulate import memory
from simulate.agents.childcare import ProviderTotals, split_places
from simulate.agents.coach import REGULAR, CoachTable
from simulate.compiled import compiled
from simulate.groups import Groups
from simulate.model import (
    ARRIVAL_BLOCK_MONTHS,
    BURN_IN_CACHE,
    DURABILITY_MONTHS,
    MONTHLY,
    BurnIn,
    SizedCache,
    arrival_counts,
    burn_in_key,
    employer_table,
    month_metrics,
    month_steps,
    stock_capacity,
)
from simulate.network import Network
from simulate.parameters import PARAMETERS, Params
from simulate.pcg import poisson_rows
from simulate.population import COLUMNS, NEVER, Mothers, draw_mothers
from simulate.recording import ChildLog, MonthlyRecord, SpellLog
from simulate.rng import Streams, _unit_draws_by_row, stream_keys
from simulate.states import STATUS_CODES, Status
from simulate.steps import childcare, coaching
from simulate.steps.jobs import Offers

# The most replicates whose burn-ins run together: the gain per replicate levels off
# towards this size (benchmarks/fresh.py), while the memory a batch needs grows with it
# (a batch also stays within memory.BURN_IN_BATCH_BYTES).
BATCH_REPLICATES = memory.BURN_IN_BATCH

# Columns that index a per-replicate table: stacked, they hold the stacked index.
_PROVIDER_COLUMNS = ("provider", "childcare_place")

# Parameters in which the worlds of one batch may differ: every step reads them per mother
# (module docstring). They are the fit's parameters (simulate/calibration/fitted.yaml), the
# screened core uncertainties (simulate.worlds.SCREENED) and the uncertainties read only
# where mothers are drawn (AT_ENTRY: simulate.population.draw_mothers, which a batch calls
# with each replicate's own world), and below, every other core uncertainty.
# tests/test_batch.py checks these lists are here and that worlds differing in all of them
# at once run bit for bit as alone. Structural parameters (the size, caseloads, the number
# of providers and employers) are not here: the replicates' tables are stacked in equal
# blocks.
AT_ENTRY = frozenset({
    "barrier_debts_prevalence", "barrier_health_prevalence", "barrier_language_prevalence",
    "barrier_care_prevalence", "network_ties_mean", "network_working_share",
    "trust_services_mean", "trust_childcare_mean", "stress_mean", "psych_logit_sd",
    "exemption_at_entry_share", "inflow_share_pregnant", "inflow_child_age_mean_months",
    "older_children_mean", "stock_share_pregnant", "stock_mean_months_on_assistance",
    "initial_formal_childcare_share",
})
PER_WORLD = frozenset({
    "job_offer_base", "informal_care_per_tie", "study_exit_hazard", "partner_exit_hazard",
    "other_exit_hazard", "lapse_hazard", "no_show_hazard", "parttime_offer_base",
    "parttime_search_factor", "duration_dependence_floor", "duration_dependence_months",
    "job_loss_hazard", "job_loss_early_factor", "inflow_returning_share",
    "exemption_other_hazard", "exemption_request_hazard", "barrier_registration_at_entry",
    "inflow_rate_per_month", "inflow_transfer_share", "transfer_past_months_mean",
    "age_mean_years", "age_sd_years", "infant_search_factor", "study_young_factor",
    "return_other_hazard", "return_study_hazard", "return_partner_hazard",
    "pregnancy_hazard_per_month",
    "acceptance_gain_reference_eur", "childcare_net_cost_eur", "net_pay_share",
    "exempt_contact_factor", "ladder_up_base", "confidence_mean", "lapse_stress_effect",
}) | AT_ENTRY
# The entry ladder's shares: read only at entry as well, but drawn apart their ranges can add
# up to more than one, so a world that draws them (``--world-draw all``) may be refused;
# the entry draw (simulate.worlds.WORLD_DRAWS) leaves them out.
ENTRY_LADDER = frozenset({"entry_ladder_step1_share", "entry_ladder_step2_share",
                          "entry_ladder_step3_share"})
# Every other core uncertainty (declared with kind "uncertainty" in
# simulate.parameters.PARAMETERS) may differ too: the steps read each through the world
# (hazards, effects, delays), a replicate's coaches, providers and employers are made from
# its own world (contact hours, places, the employers' spread), and the month's vacancies
# are drawn per replicate. A new module's uncertainty joins them by being declared; the
# tests then fail until its step reads it through the world.
IN_STEPS = frozenset(name for name, p in PARAMETERS.items()
                     if p.kind == "uncertainty" and p.range is not None) - ENTRY_LADDER
PER_WORLD = PER_WORLD | ENTRY_LADDER | IN_STEPS


class PerWorldRead(RuntimeError):
    """A step read a parameter in which the batch's worlds differ as one number."""


def shared_values(params: Params) -> str:
    """What worlds must share to run in one batch: every value outside :data:`PER_WORLD`."""
    return repr(sorted((k, v) for k, v in params.values.items() if k not in PER_WORLD))


class _Shared(Params):
    """A batch's parameters as one set: the values its worlds share; reading one in which
    they differ raises :class:`PerWorldRead`."""

    __slots__ = ("varying",)

    def __init__(self, params: Params, varying: frozenset[str]) -> None:
        super().__init__(params.values, params.declarations)
        object.__setattr__(self, "varying", varying)

    def __getattr__(self, name: str) -> Any:
        if name in self.varying:
            raise PerWorldRead(f"{name} differs between the worlds of this batch; a step "
                               "must read it through the world (World.value)")
        return super().__getattr__(name)

    def __getitem__(self, name: str) -> Any:
        return self.__getattr__(name)


class _RowParams:
    """The batch's parameters as they apply to some rows (:meth:`BatchBurnIn.params_for`)."""

    def __init__(self, batch: BatchBurnIn, rows: np.ndarray) -> None:
        self._batch, self._rows = batch, rows

    def __getattr__(self, name: str) -> Any:
        return self._batch.value(name, self._rows)


class Stacked(Protocol):
    """Replicates stacked in one table: each row's replicate and its id there."""

    replicate: np.ndarray
    local: np.ndarray


@dataclass
class _Rows:
    """Rows of several replicates (:class:`Stacked`) that are not a batch's table: each
    row's replicate (its place in the streams given) and its id there."""

    replicate: np.ndarray
    local: np.ndarray


class StackedStreams:
    """The random streams of a batch's replicates, for stacked rows: the draw of a row is
    its replicate's draw for its own id (:class:`simulate.rng.Streams`)."""

    def __init__(self, batch: Stacked, streams: Sequence[Streams]) -> None:
        self._batch = batch
        self.replicates = list(streams)
        self._bases: dict[tuple[str, ...], np.ndarray] = {}

    def _keys(self, names: Sequence[str], month: int) -> np.ndarray:
        """Each stream's draw key (:meth:`Streams.draw_key`) per replicate, computed for
        all replicates at once: the same wrapping uint64 arithmetic as the scalar one."""
        key = tuple(names)
        bases = self._bases.get(key)
        if bases is None:
            bases = self._bases[key] = np.array(
                [[s.stream_base(name) for s in self.replicates] for name in names], np.uint64)
        return stream_keys(bases, month)

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

    def poisson(self, name: str, month: int, lam: np.ndarray) -> np.ndarray:
        """Each replicate's :meth:`simulate.rng.Streams.poisson` for its block of ``lam``
        (equal blocks, in replicate order), in one compiled call."""
        entropy = np.array([s.entropy(name, month) for s in self.replicates], dtype=np.uint64)
        lam = np.asarray(lam, dtype=np.float64)
        return poisson_rows(entropy, lam.reshape(len(self.replicates), -1)).reshape(lam.shape)


def _search_blocks_loop(table: np.ndarray, block: np.ndarray, each: int,
                        u: np.ndarray) -> np.ndarray:  # pragma: no cover (compiled)
    """For each ``u[i]``, numpy's ``searchsorted`` (the first value at least ``u[i]``,
    by bisection) within block ``block[i]`` of ``table`` (``each`` rows per block), capped
    at the block's last row: the same comparisons, so the same row."""
    out = np.empty(u.size, dtype=np.int64)
    for i in range(u.size):
        first = block[i] * each
        low, high = first, first + each
        while low < high:
            middle = (low + high) >> 1
            if table[middle] < u[i]:
                low = middle + 1
            else:
                high = middle
        out[i] = min(low, first + each - 1)
    return out


# Matching within replicates looped over them, two numpy calls each, a sixth of the offer
# step in a batch of 16.
_search_blocks = compiled(_search_blocks_loop)


class _Provider:
    """A childcare provider's places, as the steps read them."""

    def __init__(self, places: int) -> None:
        self.places = places
        self.reserved = 0


# Every this many months a batch moves the mothers who left for good out of its columns
# (BatchBurnIn._bury): about a third of the rows after one such period at the baseline's
# rates, two thirds by the end of a burn-in.
BURY_EVERY = 12


class _StackedChildLog(ChildLog):
    """A batch's :class:`simulate.recording.ChildLog`: each entry keeps the mother's own id
    and her replicate (``of``) rather than her row, so that rows may move
    (:meth:`BatchBurnIn._bury`)."""

    def __init__(self, batch: BatchBurnIn, enabled: bool) -> None:
        super().__init__(enabled)
        self.batch = batch
        self.of: list[np.ndarray] = []

    def add(self, ids: np.ndarray, birth_months: np.ndarray) -> None:
        if self.enabled and len(ids):
            self.of.append(self.batch.replicate[ids])
            super().add(self.batch.local[ids], birth_months)

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(replicate, id, month) of every entry."""
        if not self.ids:
            none = np.zeros(0, dtype=np.int64)
            return none, none, none
        return np.concatenate(self.of), np.concatenate(self.ids), np.concatenate(self.months)


class BatchBurnIn(ProviderTotals):
    """The burn-ins of several replicates of one world, run together (module docstring).

    Args:
        params: The burn-in's parameters (a run's :meth:`Params.world`): one set for all
            replicates, or one per replicate, differing in :data:`PER_WORLD` only.
        replicates: ``(seed, replicate)`` of each replicate.
        months: Length of the burn-in.
        horizon_months: The runs' horizon (it sizes the mothers' table, as in a model).
        record_spells: Whether children are logged (as the runs will).

    Raises:
        ValueError: for worlds that differ outside :data:`PER_WORLD`.
    """

    def __init__(self, params: Params | Sequence[Params], replicates: Sequence[tuple[int, int]],
                 months: int, horizon_months: int, record_spells: bool) -> None:
        self.keys = [(int(s), int(r)) for s, r in replicates]
        k = len(self.keys)
        worlds = [params] * k if isinstance(params, Params) else list(params)
        if len(worlds) != k:
            raise ValueError(f"{len(worlds)} parameter sets for {k} replicates")
        shared = shared_values(worlds[0])
        if any(shared_values(w) != shared for w in worlds[1:]):
            raise ValueError("the worlds of a batch may differ only in PER_WORLD parameters")
        self.worlds = worlds
        self.varying = frozenset(name for name in PER_WORLD
                                 if any(w.values[name] != worlds[0].values[name]
                                        for w in worlds[1:]))
        p = self.params = _Shared(worlds[0], self.varying) if self.varying else worlds[0]
        self._per_world: dict[tuple[Any, Any], Any] = {}
        # The replicates of each world (a design point's share one), for the new mothers
        # drawn per world (_draw_mothers); each world once, for the bounds.
        varying = sorted(self.varying)
        groups: dict[tuple[Any, ...], list[int]] = {}
        for r, w in enumerate(worlds):
            groups.setdefault(tuple(w.values[name] for name in varying), []).append(r)
        self._world_groups = list(groups.values())
        self._distinct = [worlds[group[0]] for group in self._world_groups]
        self.months, self.record_spells = months, record_spells
        self.capacities = [stock_capacity(w, horizon_months, months) for w in worlds]
        self.streams = StackedStreams(self, [Streams(s, r) for s, r in self.keys])
        self._t = -months
        self.mothers = Mothers(capacity=sum(self.capacities))
        self.replicate = np.zeros(self.mothers.capacity, dtype=np.int64)
        self.local = np.zeros(self.mothers.capacity, dtype=np.int64)
        self._count = [0] * k
        self._next_id = [0] * k
        # Month -> each replicate's count and first id, the block's stacked columns
        # and the month's slice of them (_plan_arrivals).
        self._planned: dict[int, tuple] = {}
        self.spells = SpellLog(enabled=False)  # a run keeps no spells of its burn-in
        self.children = _StackedChildLog(self, record_spells)
        self._graves: list[dict[str, np.ndarray]] = []
        # Per replicate, the buried mothers by status (their status no longer changes).
        self._left = np.zeros((k, STATUS_CODES), dtype=np.int64)
        self.tally: Counter = Counter()
        self.offers: Any = Offers.empty()

        # Each replicate's coaches and providers, in equal blocks (the size, caseloads and
        # number of providers are shared; a coach's hours and a provider's places are the
        # replicate's own world's).
        self.coaches = CoachTable()
        for w in worlds:
            for _ in range(math.ceil(p.size / p.regular_caseload_target)):
                self.coaches.add(REGULAR, hours_per_month=p.coach_hours_per_month,
                                 client_time_share=w.coach_client_time_share,
                                 hours_per_contact=w.hours_per_contact,
                                 capacity=p.regular_caseload_max, trust=1.0, effect=1.0,
                                 regular=True, active=True, gender_sensitive=False)
        self.providers = [_Provider(n) for w in worlds for n in split_places(
            round(w.childcare_places_per_100_mothers * p.size / 100.0), p.childcare_providers)]
        # Draws that are not per row come from each replicate's own world.
        pairs = list(zip(worlds, self.streams.replicates))
        tables = [employer_table(w, s) for w, s in pairs]
        self.employer_table = {key: np.concatenate([t[key] for t in tables])
                               for key in tables[0]}
        self._next_id = [p.size] * k
        self._add(self._draw_mothers([np.arange(p.size)] * k, [self.month] * k, stock=True))
        coaching.assign(self, self.mothers.ids_where(Status.ON_ASSISTANCE),
                        self.coaches.available_regular)
        childcare.allocate_places(self)
        for month in range(1, months + 1):
            self._t += 1
            month_steps(self)
            if month % BURY_EVERY == 0 and month < months:
                self._bury()

    # ---- the World the steps see ------------------------------------------------------------
    @property
    def month(self) -> int:
        return self._t

    def replicates_of(self, ids: np.ndarray, pool: np.ndarray,
                      size: int) -> tuple[np.ndarray, np.ndarray, int]:
        """The replicate of each of ``ids`` and of each of ``pool`` (indices into a table of
        ``size`` rows stacked in equal blocks), and how many replicates."""
        k = len(self.keys)
        return self.replicate[ids], np.asarray(pool) // (size // k), k

    def search_blocks(self, table: np.ndarray, ids: np.ndarray, u: np.ndarray) -> np.ndarray:
        """Each of ``ids`` in her own replicate's block of ``table`` (see
        :class:`simulate.steps.World`), in one compiled loop."""
        each = len(table) // len(self.keys)
        return _search_blocks(np.ascontiguousarray(table, np.float64),
                                np.ascontiguousarray(self.replicate[ids], np.int64), each,
                                np.ascontiguousarray(u, np.float64))

    # ---- parameters per world (see simulate.steps.World) ------------------------------------
    def _table(self, of: str | Callable[[Params], Any], dtype: Any) -> Any:
        """``of`` per replicate as an array of ``dtype``, or the number where every
        replicate's world has the same."""
        if isinstance(of, str):
            if of not in self.varying:
                return self.params.values[of]
            key = (of, dtype)
            if key not in self._per_world:
                self._per_world[key] = np.array([w.values[of] for w in self.worlds],
                                                dtype=dtype or np.float64)
            return self._per_world[key]
        if not self.varying:
            return of(self.params)
        kept = isinstance(of, functools.partial)
        if kept and (of, dtype) in self._per_world:
            return self._per_world[(of, dtype)]
        values = [of(w) for w in self.worlds]
        table = (values[0] if all(v == values[0] for v in values[1:])
                 else np.array(values, dtype=dtype or np.float64))
        if kept:
            # A function its module keeps (the same object each month): computed once.
            self._per_world[(of, dtype)] = table
        return table

    def count(self, event: str, rows: np.ndarray, each: np.ndarray | None = None) -> None:
        """A burn-in records no month: its tally is the batch's total (a batch whose
        months are recorded keeps one per replicate, :class:`BatchRun`)."""
        self.tally[event] += len(rows) if each is None else int(each.sum())

    def value(self, name: str | Callable[[Params], Any], rows: np.ndarray | slice,
              dtype: Any = None) -> Any:
        table = self._table(name, dtype)
        return table[self.replicate[rows]] if isinstance(table, np.ndarray) else table

    def most(self, bound: Callable[[Params], float]) -> float:
        if not self.varying:
            return bound(self.params)
        return max(bound(w) for w in self._distinct)

    def params_for(self, rows: np.ndarray) -> Any:
        return _RowParams(self, rows) if self.varying else self.params

    def by_block(self, name: str, size: int) -> Any:
        table = self._table(name, None)
        if not isinstance(table, np.ndarray):
            return table
        return table[np.arange(size) // (size // len(self.keys))]

    def add_arrivals(self) -> np.ndarray:
        t = self.month
        if t not in self._planned:
            self._plan_arrivals(t)
        counts, first, attrs, start, stop = self._planned.pop(t)
        # Attributes were drawn for specific ids: they must land on exactly those ids.
        assert all(c == 0 or f == n for c, f, n in zip(counts, first, self._count)), \
            "arrivals out of order"
        return self._add_rows(counts, {name: v[start:stop] for name, v in attrs.items()})

    def _plan_arrivals(self, t: int) -> None:
        """Every replicate's arrivals of the next :data:`ARRIVAL_BLOCK_MONTHS` months
        (as :func:`simulate.model.draw_arrivals` draws them, from its own streams), stacked
        once for the block in the order the months take them (by month, then replicate,
        then id), so that a month's arrivals are a slice of each column."""
        streams = self.streams.replicates
        counts = np.array([arrival_counts(self.worlds[r], s, t) for r, s in enumerate(streams)],
                          dtype=np.int64).reshape(len(streams), ARRIVAL_BLOCK_MONTHS)
        arriving = counts.sum(axis=1)
        ids = [np.arange(n, n + a) for n, a in zip(self._next_id, arriving)]
        months = [np.repeat(np.arange(ARRIVAL_BLOCK_MONTHS), c) for c in counts]
        drawn = self._draw_mothers(ids, [t + m for m in months], stock=False)
        order = np.argsort(np.concatenate(months), kind="stable")
        stacked = {name: np.concatenate([a[name] for a in drawn])[order] for name in drawn[0]}
        edges = np.concatenate([[0], np.cumsum(counts.sum(axis=0))])
        firsts = np.array(self._next_id)[:, None] + np.concatenate(
            [np.zeros((len(streams), 1), np.int64), np.cumsum(counts, axis=1)[:, :-1]], axis=1)
        for r in range(len(streams)):
            self._next_id[r] += int(arriving[r])
        for i in range(ARRIVAL_BLOCK_MONTHS):
            self._planned[t + i] = (counts[:, i], firsts[:, i], stacked, int(edges[i]),
                                    int(edges[i + 1]))

    def _draw_mothers(self, ids: list[np.ndarray], months: list[Any],
                      stock: bool) -> list[dict[str, np.ndarray]]:
        """:func:`simulate.population.draw_mothers` of each replicate's ``ids[r]`` (arriving
        in ``months[r]``: one month or one each), from its own streams and world. The
        replicates of one world draw in one call: each draw is keyed by its own replicate
        and id (:class:`StackedStreams`), so it is the one drawn alone, and the attributes
        are computed element by element from the same draws and values."""
        out: list[dict[str, np.ndarray]] = [{} for _ in ids]
        for group in self._world_groups:
            sizes = [len(ids[r]) for r in group]
            rows = _Rows(np.repeat(np.arange(len(group)), sizes),
                         np.concatenate([ids[r] for r in group]))
            month = np.concatenate([np.broadcast_to(months[r], (n,)) for r, n in zip(group, sizes)])
            attrs = draw_mothers(self.worlds[group[0]],
                                 StackedStreams(rows, [self.streams.replicates[r] for r in group]),
                                 np.arange(len(rows.local)), month, stock)
            edges = np.cumsum([0, *sizes])
            for i, r in enumerate(group):
                out[r] = {name: v[edges[i]:edges[i + 1]] for name, v in attrs.items()}
        return out

    def _add(self, arriving: list[dict[str, np.ndarray]]) -> np.ndarray:
        """Append each replicate's new mothers (``arriving[r]``, in the order of their
        ids) in one pass; returns their rows."""
        counts = np.array([len(a["status"]) for a in arriving], dtype=np.int64)
        return self._add_rows(counts, {name: np.concatenate([a[name] for a in arriving])
                                       for name in arriving[0]})

    def _add_rows(self, counts: np.ndarray, attrs: dict[str, np.ndarray]) -> np.ndarray:
        """Append ``counts[r]`` new mothers of each replicate ``r`` (``attrs``: their
        columns, replicate by replicate, each in the order of their ids); returns their
        rows."""
        m = self.mothers
        if counts.sum() == 0:
            return np.zeros(0, dtype=np.int64)
        attrs = dict(attrs)
        owner = np.repeat(np.arange(len(counts)), counts)
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

    # ---- mothers who left for good ----------------------------------------------------------
    def _bury(self) -> None:
        """Move the mothers who left for good (off assistance and out of work, with no
        return ahead) out of the columns, so that the steps' whole-column passes skip
        them; :meth:`split` puts them back.

        Nothing in a month changes such a mother but the monthly columns
        (:data:`simulate.model.MONTHLY`), which the next month starts afresh, and a birth
        when a pregnancy is due: :meth:`split` does both. The rows left keep their order,
        so every replicate's rows stay in the order of its ids; bounds that read whole
        columns (the largest stress) may change, and a bound is still a bound.
        """
        m, n = self.mothers, self.mothers.n
        status = m.status[:n]
        dead = ((status != Status.ON_ASSISTANCE) & (status != Status.IN_WORK)
                & (m.return_month[:n] == NEVER))
        gone = np.flatnonzero(dead)
        if len(gone) < n // 8:  # moving few rows costs more than it saves
            return
        keep = np.flatnonzero(~dead)
        grave = {name: getattr(m, name)[gone] for name in COLUMNS}
        grave["_replicate"], grave["_local"] = self.replicate[gone], self.local[gone]
        grave["_month"] = np.full(len(gone), self.month, dtype=np.int64)
        self._graves.append(grave)
        np.add.at(self._left, (grave["_replicate"], grave["status"]), 1)
        for name in COLUMNS:
            col = getattr(m, name)
            col[: len(keep)] = col[keep]
            col[len(keep):n] = COLUMNS[name].fill
        for col in (self.replicate, self.local):
            col[: len(keep)] = col[keep]
        m.n = len(keep)

    def _buried(self) -> list[dict[str, np.ndarray]]:
        """The buried mothers of each replicate, in the order of her ids, with what the
        months since they were buried did to them: their monthly columns start afresh, and
        a pregnancy ends in a birth in its month."""
        k = len(self.keys)
        if not self._graves:
            return [{} for _ in range(k)]
        months = np.concatenate([g["_month"] for g in self._graves])
        grave = {name: np.concatenate([g[name] for g in self._graves])
                 for name in self._graves[0]}
        for name in MONTHLY:
            grave[name][months < self.month] = COLUMNS[name].fill
        born = np.flatnonzero(grave["pregnant"] & (grave["due_month"] <= self.month))
        grave["n_children"][born] += 1
        grave["youngest_birth_month"][born] = grave["due_month"][born]
        grave["pregnant"][born] = False
        grave["due_month"][born] = NEVER
        order = np.lexsort((grave["_local"], grave["_replicate"]))
        edges = np.searchsorted(grave["_replicate"][order], np.arange(k + 1))
        grave = {name: col[order] for name, col in grave.items()}
        return [{name: col[edges[r]:edges[r + 1]] for name, col in grave.items()}
                for r in range(k)]

    def _rows_of(self, r: int, grave: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Every column of replicate ``r``'s mothers, its buried ones (``grave``) back, in
        the order of her ids: as the replicate alone has them now."""
        m, n = self.mothers, self.mothers.n
        rows = np.flatnonzero(self.replicate[:n] == r)
        if not grave:
            return {name: getattr(m, name)[rows] for name in COLUMNS}
        order = np.argsort(np.concatenate([self.local[rows], grave["_local"]]), kind="stable")
        return {name: np.concatenate([getattr(m, name)[rows], grave[name]])[order]
                for name in COLUMNS}

    # ---- the replicates apart ---------------------------------------------------------------
    def _own_mothers(self, r: int, grave: dict[str, np.ndarray]) -> Mothers:
        """Replicate ``r``'s mothers as it has them alone: its buried ones back, its ids,
        and its own coaches' and providers' indices."""
        columns = self._rows_of(r, grave)
        own = Mothers(capacity=max(self.capacities[r], len(columns["status"])))
        own.add(columns)
        for name, each in (("coach", len(self.coaches) // len(self.keys)),
                           *((name, self.params.childcare_providers)
                             for name in _PROVIDER_COLUMNS)):
            col = getattr(own, name)[: own.n]
            col[col >= 0] -= r * each
        return own

    def _children(self) -> list[ChildLog]:
        """Each replicate's log of children (by its own ids)."""
        of, ids, months = self.children.columns()
        out = []
        for r in range(len(self.keys)):
            out.append(ChildLog(self.record_spells))
            out[-1].add(ids[of == r], months[of == r])
        return out

    def split(self) -> list[BurnIn]:
        """One burn-in per replicate, as the replicate alone ends its burn-in."""
        k = len(self.keys)
        coaches_each = len(self.coaches) // k
        employers_each = len(self.employer_table["share"]) // k
        providers_each = self.params.childcare_providers
        buried, logs = self._buried(), self._children()
        out = []
        for r in range(k):
            own = self._own_mothers(r, buried[r])
            children = logs[r]
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


def batchable(params: Params, policies: Sequence[Any] = ()) -> bool:
    """Whether a run's months can be stepped in a :class:`BatchRun`: no programme, and
    every lever at its default (so the run is its world, :meth:`Params.world`)."""
    return not policies and params.world() is params


class BatchRun(BatchBurnIn):
    """Whole runs of several replicates (and worlds) in one pass: the burn-in, then every
    month to the horizon stepped together, each month recorded per replicate.

    For runs without programmes whose levers are at their defaults (:func:`batchable`):
    the base of a comparison, a plausible world, a point of a sensitivity design of the
    world's parameters. Each replicate's record, spells and children are bit for bit
    those of :class:`simulate.model.PathwaysModel` run alone (tests/test_batch.py).

    Month 0 does what a model does after its burn-in: arrivals are planned afresh from
    the run's parameters (the world's), caseloads counted, places allocated, the initial
    stock noted. Mothers who left for good are moved out of the columns during the
    burn-in only, so that the initial stock and the exits to work that the durability
    metrics follow stay in them.

    Args:
        params: The runs' parameters: one set, or one per replicate (differing in
            :data:`PER_WORLD` only); each :func:`batchable`.
        replicates: ``(seed, replicate)`` of each run.
        horizon_months: Months to run after month 0.
        record_spells: Keep the spell and children logs.
    """

    def __init__(self, params: Params | Sequence[Params], replicates: Sequence[tuple[int, int]],
                 horizon_months: int, record_spells: bool = True,
                 keep_burn_ins: bool = False) -> None:
        worlds = [params] * len(replicates) if isinstance(params, Params) else list(params)
        if not worlds or not all(batchable(w) for w in worlds):
            raise ValueError("a batch of runs needs their levers at the defaults")
        super().__init__(worlds, replicates, worlds[0].burn_in_months, horizon_months,
                         record_spells)
        k = len(self.keys)
        # Each replicate's burn-in, for runs with programmes that start from it.
        self.burn_ins: list[BurnIn | None] = [None] * k
        if keep_burn_ins:
            self.burn_ins[:] = self.split()
        self.horizon_months = horizon_months
        # Month 0, as PathwaysModel after its burn-in (_take_effect and what follows).
        self._planned = {}
        self._next_id = list(self._count)
        self.spells = SpellLog(record_spells)
        coaching.update_caseloads(self)
        childcare.allocate_places(self)
        # The initial stock's rows (rows do not move after the burn-in).
        self.initial_stock = self.mothers.ids_where(Status.ON_ASSISTANCE)
        self.tallies = {}
        self._recording = True
        self.records = [MonthlyRecord() for _ in range(k)]
        self._work_exits: dict[int, np.ndarray] = {}
        self._record()

    # Whether months are recorded (not during the burn-in), and this month's tally of
    # each event per replicate.
    _recording = False
    tallies: dict[str, np.ndarray]

    def count(self, event: str, rows: np.ndarray, each: np.ndarray | None = None) -> None:
        """This month's tally of ``event`` per replicate."""
        if not self._recording:
            return super().count(event, rows, each)
        k = len(self.keys)
        counts = (np.bincount(self.replicate[rows], minlength=k) if each is None
                  else np.bincount(self.replicate[rows], weights=each,
                                   minlength=k).astype(np.int64))
        if event in self.tallies:
            self.tallies[event] += counts
        else:
            self.tallies[event] = counts

    def _record(self) -> None:
        """Record this month for every replicate at once (:func:`month_metrics`)."""
        k, n, t = len(self.keys), self.mothers.n, self.month
        of = self.replicate[:n]
        m = self.mothers
        if t >= 1:
            self._work_exits[t] = np.flatnonzero((m.exit_month[:n] == t)
                                                 & (m.status[:n] == Status.IN_WORK))
            self._work_exits.pop(t - max(DURABILITY_MONTHS) - 1, None)
        tallies = {name: counts.tolist() for name, counts in self.tallies.items()}
        metrics = month_metrics(self, Groups(of, k), self.worlds, tallies, self.initial_stock,
                                self._work_exits, self._left)
        for record, month in zip(self.records, metrics):
            month["intervention_spending_eur"] = 0.0  # no programme
            record.add(t, month)
        self.tallies = {}

    def run(self) -> BatchRun:
        """Step every month to the horizon, recording each."""
        for _ in range(self.horizon_months):
            self._t += 1
            month_steps(self)
            coaching.update_caseloads(self)
            self._record()
        return self

    def whole_runs(self) -> list[WholeRun]:
        """Per replicate, what :func:`simulate.runner.simulate_replicate` returns of it."""
        if not self.record_spells:  # the record alone: no mothers to gather back
            return [WholeRun(record.wide(), None, None) for record in self.records]
        # The open spells are those of mothers on assistance, who are all in the columns
        # (only mothers who left for good are moved out): read there, without gathering
        # each replicate's mothers back.
        m = self.mothers
        on = np.flatnonzero(m.status[: m.n] == Status.ON_ASSISTANCE)
        still_open = self.spells.still_open(m, on)
        still_open["mother_id"] = self.local[on]
        of = self.replicate[on]
        out = []
        for r, (record, spells, children) in enumerate(zip(
                self.records, self._own_spells(), self._children())):
            mine = of == r
            out.append(WholeRun(record.wide(), spells.frame_with(
                {name: col[mine] for name, col in still_open.items()}), children.frame()))
        return out

    def results(self) -> list[tuple[MonthlyRecord, Mothers, SpellLog, ChildLog]]:
        """Per replicate: its monthly record, its mothers as it has them alone, its spells
        (by its own ids) and its children's log."""
        buried = self._buried()
        return [(record, self._own_mothers(r, buried[r]), spells, children)
                for r, (record, spells, children) in enumerate(zip(
                    self.records, self._own_spells(), self._children()))]

    def _own_spells(self) -> list[SpellLog]:
        """Each replicate's ended spells (by its own ids), in the order they ended (rows
        do not move after the burn-in)."""
        chunks = self.spells.chunks
        ended = ({name: np.concatenate([c[name] for c in chunks]) for name in chunks[0]}
                 if chunks else {})
        of = self.replicate[ended["mother_id"]] if chunks else np.zeros(0, dtype=np.int64)
        out = []
        for r in range(len(self.records)):
            own = SpellLog(self.spells.enabled)
            if chunks:
                mine = of == r
                part = {name: col[mine] for name, col in ended.items()}
                part["mother_id"] = self.local[part["mother_id"]]
                own.chunks.append(part)
            out.append(own)
        return out


@dataclass
class WholeRun:
    """What a run stepped in a :class:`BatchRun` produced, as
    :func:`simulate.runner.simulate_replicate` returns it: the monthly metrics (wide) and,
    when kept, the spells and children (by the run's own ids)."""

    monthly: pd.DataFrame
    spells: pd.DataFrame | None
    children: pd.DataFrame | None
    nbytes: int = field(init=False)

    def __post_init__(self) -> None:
        # About what the frames hold (their columns are numbers, flags and categories):
        # pandas' own count (memory_usage(deep=True)) took 3 ms a run.
        self.nbytes = sum(len(f) * sum(getattr(d, "itemsize", 8) for d in f.dtypes)
                          + f.index.nbytes
                          for f in (self.monthly, self.spells, self.children) if f is not None)


# Runs stepped ahead in batches, each until its run takes it (once).
RUN_CACHE: SizedCache[WholeRun] = SizedCache()


def run_key(params: Params, seed: int, replicate: int, horizon_months: int,
            record_spells: bool) -> tuple:
    """A whole run's key in :data:`RUN_CACHE` (its burn-in's key and its horizon)."""
    return ("run", burn_in_key(params, seed, replicate, params.burn_in_months, record_spells),
            horizon_months)


def programme_key(params: Params, policies: Sequence[Any], seed: int, replicate: int,
                  horizon_months: int, record_spells: bool) -> tuple:
    """The key in :data:`RUN_CACHE` of a run with programmes or levers, stepped ahead with
    its other replicates (:mod:`simulate.lockstep`): its parameters, its policies (each
    with its values and label), the seed, the replicate, the horizon and the logs."""
    return ("programme", repr(sorted(params.values.items())), repr(list(policies)),
            int(seed), int(replicate), int(horizon_months), bool(record_spells))


@dataclass(frozen=True)
class BurnInJob:
    """One replicate's burn-in, as a model would run it (:func:`burn_in_jobs`); with
    ``whole``, the run itself (no programme, every lever at its default:
    :func:`batchable`), which :func:`warm_worlds` then steps whole."""

    world: Params          # the burn-in's world (a run's Params.world())
    months: int
    seed: int
    replicate: int
    horizon_months: int
    record_spells: bool
    whole: bool = False
    # The run, where it has programmes or a lever away from its default (its scenario:
    # simulate.scenario.Scenario), which simulate.lockstep.warm_programmes then steps
    # together with its other replicates.
    programme: Any = field(default=None, compare=False, hash=False)

    @property
    def key(self) -> tuple:
        """Its key in the burn-in cache (:func:`simulate.model.burn_in_key`)."""
        return burn_in_key(self.world, self.seed, self.replicate, self.months,
                           self.record_spells)

    @property
    def run_key(self) -> tuple:
        """The whole run's key in :data:`RUN_CACHE`."""
        return run_key(self.world, self.seed, self.replicate, self.horizon_months,
                       self.record_spells)

    @property
    def group(self) -> tuple:
        """What the burn-ins of one batch must share."""
        return (self.months, self.horizon_months, self.record_spells,
                shared_values(self.world))


def burn_in_jobs(params: Params, seed: int, replicates: Sequence[int], horizon_months: int,
                 record_spells: bool, burn_in_params: Params | None = None,
                 policies: Sequence[Any] | None = None,
                 scenario: Any = None) -> list[BurnInJob]:
    """The burn-ins a model with these arguments runs for each of ``replicates``:
    ``params`` with ``burn_in_params`` (default ``params``) give the burn-in's world
    (:meth:`Params.world`) and length, as in :class:`simulate.model.PathwaysModel`. Given
    the run's ``policies`` (a list, maybe empty), a run that :func:`batchable` allows
    is a job for the whole run; given its ``scenario``, any other run is a job for the
    run too (:func:`simulate.lockstep.warm_programmes`)."""
    world = (burn_in_params or params).world()
    whole = (policies is not None and burn_in_params is None
             and batchable(params, policies))
    programme = scenario if scenario is not None and burn_in_params is None and not whole \
        else None
    return [BurnInJob(world, params.burn_in_months, int(seed), int(r), horizon_months,
                      record_spells, whole, programme)
            for r in dict.fromkeys(int(r) for r in replicates)]


_Part = TypeVar("_Part")


def even_parts(items: Sequence[_Part], size: int) -> list[Sequence[_Part]]:
    """``items`` in as few parts of at most ``size`` as they need, as equal as can be: a
    part's cost per run falls with its length, so twenty runs go as two of ten rather than
    sixteen and four."""
    parts = -(-len(items) // max(size, 1))
    if parts == 0:
        return []
    each, longer = divmod(len(items), parts)  # the first ``longer`` parts take one more
    bounds = [0, *itertools.accumulate(each + (i < longer) for i in range(parts))]
    return [items[a:b] for a, b in itertools.pairwise(bounds)]


def warm_worlds(jobs: Sequence[BurnInJob], most: int = BATCH_REPLICATES,
                programmes: bool = True) -> int:
    """Run the burn-ins of ``jobs`` that the process's burn-in cache lacks, in batches of
    at most ``most`` (of one world or of several that differ in :data:`PER_WORLD` only),
    and cache them; a model built after it for one of them starts from the cache. Returns
    how many were run.

    Nothing runs where a batch would not help: a burn-in alone in its group (the model
    runs it as fast), burn-ins too large for the cache to keep
    (:func:`simulate.memory.burn_in_batch`), or beyond half of what the cache holds (so
    that none is dropped before its run uses it). With ``programmes``, the runs with
    programmes or levers then step together too (:func:`simulate.lockstep.warm_programmes`).
    """
    ran = _warm_runs([j for j in jobs if j.whole], jobs, most)
    ran += _warm_burn_ins(jobs, most, ran)
    stepped = [j for j in jobs if j.programme is not None] if programmes else []
    if stepped:
        from simulate.lockstep import warm_programmes  # it steps models, which need this

        ran += warm_programmes(stepped, most)
    return ran


def _warm_burn_ins(jobs: Sequence[BurnInJob], most: int, ran: int) -> int:
    """:func:`warm_worlds`' burn-ins (``ran``: the runs it stepped whole already); how
    many it ran."""
    initial = ran
    groups: dict[tuple, dict[tuple, BurnInJob]] = defaultdict(dict)
    for job in jobs:
        if job.months and not job.whole and BURN_IN_CACHE.get(job.key) is None:
            groups[job.group].setdefault(job.key, job)
    if not groups:
        return 0
    # No more than half the cache, in entries and in bytes (worlds may differ in size).
    largest = max(memory.burn_in_snapshot_bytes(j.world, j.horizon_months)
                  for wanted in groups.values() for j in wanted.values())
    room = min(BURN_IN_CACHE.entries // 2, BURN_IN_CACHE.budget // 2 // max(largest, 1))
    room += ran
    for wanted in groups.values():
        todo = list(wanted.values())[: room - ran]
        if not todo:
            continue
        first = todo[0]
        # The batch fits the largest of its worlds (the inflow, which sizes the table,
        # may differ between them).
        size = min(most, *(memory.burn_in_batch(j.world, j.horizon_months) for j in todo))
        for part in even_parts(todo, size):
            if len(part) < 2:  # one alone: the model runs it as fast
                break
            batch = BatchBurnIn([j.world for j in part],
                                [(j.seed, j.replicate) for j in part], first.months,
                                first.horizon_months, first.record_spells)
            for job, snapshot in zip(part, batch.split()):
                BURN_IN_CACHE.put(job.key, snapshot)
            ran += len(part)
    return ran - initial


def _warm_runs(whole: Sequence[BurnInJob], jobs: Sequence[BurnInJob], most: int) -> int:
    """Step the runs ``whole`` that :data:`RUN_CACHE` lacks in batches (:class:`BatchRun`)
    and cache them; where another of ``jobs`` (a programme's run, a lever's) starts from
    the same burn-in, the batch also leaves its burn-ins in the burn-in cache. Returns how
    many runs were stepped."""
    groups: dict[tuple, dict[tuple, BurnInJob]] = defaultdict(dict)
    for job in whole:
        # A run whose burn-in is cached starts from it, as fast as a batch would run it.
        if job.run_key not in RUN_CACHE and BURN_IN_CACHE.get(job.key) is None:
            groups[job.group].setdefault(job.run_key, job)
    shared = {j.key for j in jobs if not j.whole}
    ran = 0
    for wanted in groups.values():
        todo = list(wanted.values())[: RUN_CACHE.entries // 2 - ran]
        size = min(most, *(memory.burn_in_batch(j.world, j.horizon_months) for j in todo))
        for part in even_parts(todo, size):
            if len(part) < 2:  # one alone: the model runs it as fast
                break
            first = part[0]
            batch = BatchRun([j.world for j in part], [(j.seed, j.replicate) for j in part],
                             first.horizon_months, first.record_spells,
                             keep_burn_ins=any(j.key in shared for j in part))
            for job, snapshot in zip(part, batch.burn_ins):
                if job.key in shared and snapshot is not None:
                    BURN_IN_CACHE.put(job.key, snapshot)
            for job, whole_run in zip(part, batch.run().whole_runs()):
                RUN_CACHE.put(job.run_key, whole_run)
            ran += len(part)
    return ran


def warm_burn_ins(params: Params, seed: int, replicates: Sequence[int], horizon_months: int,
                  record_spells: bool, burn_in_params: Params | None = None,
                  most: int = BATCH_REPLICATES) -> int:
    """:func:`warm_worlds` for the ``replicates`` of one world (:func:`burn_in_jobs`)."""
    return warm_worlds(burn_in_jobs(params, seed, replicates, horizon_months, record_spells,
                                    burn_in_params), most)
