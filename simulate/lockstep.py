"""Runs with programmes in one pass: the replicates of one scenario, stepped together.

A run without programmes steps its months in a batch (:class:`simulate.batch.BatchRun`).
A run with programmes, or with a lever away from its default, is a
:class:`simulate.model.PathwaysModel` of its own, and a month of a model of the baseline's
size is some thousand numpy calls whose time goes to their fixed cost, not to
arithmetic. :class:`Lockstep` steps ``K`` such models of one scenario (other replicates:
the same parameters and policies) as one: the model's core steps run once on the mothers
of all ``K``, and each model's policies run on their own model, as alone.

How each model's numbers stay bit for bit its own:

- *One table, a block per model.* Every column of the mothers is one array of ``K``
  blocks of ``C`` rows (``C`` is each model's capacity); a model's column is a view of its
  block, so whatever its policies and its recording write lands in the steps' table, and
  the other way round. Its ids are the rows of its block, as alone. The rows of a block
  past its model's mothers hold a status no step selects (:data:`INERT`: no longer
  followed, no return, no pregnancy), so the steps pass them by, and an arrival writes
  her row as alone.
- *Coaches, providers, employers.* Their tables are stacked in equal blocks, each model's
  a view of its block (the coaches' columns) or the same objects (the providers). During
  the core steps a mother's ``coach``, ``provider`` and ``childcare_place`` hold the index
  in the stacked table; the policies and the recording see their model's own
  (:meth:`Lockstep._stacked`, :meth:`Lockstep._local`).
- *Draws.* A row's draw is its model's stream hashed with its own id
  (:class:`simulate.batch.StackedStreams`); draws that are not per mother come from each
  model's own generators; matching stays within a model (coaches, employers), as in a
  batch.
- *The month's tally, offers, spells and children* are the model's own: the steps' counts
  are cut per model, each model's policies see its own accepted offers (and what they set
  on them goes back), and an ended spell or a birth is written to its model's log at once.

Each model then records its month itself, as alone. A month in which a model's arrivals
would not fit its block ends the lockstep: every model gets its own columns back and steps
on alone (:meth:`Lockstep._apart`), with the same numbers. Models that register their
mothers as Mesa agents, or whose tables differ in size, do not step together
(:meth:`Lockstep.of`). ``tests/test_lockstep.py`` checks every shipped scenario run
together and alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from simulate import memory
from simulate.agents.childcare import ProviderTotals
from simulate.agents.coach import CoachTable
from simulate.batch import (
    BATCH_REPLICATES,
    RUN_CACHE,
    BurnInJob,
    StackedStreams,
    WholeRun,
    _search_blocks,
    even_parts,
    programme_key,
)
from simulate.compiled import compiled
from simulate.groups import Groups
from simulate.model import (
    DURABILITY_MONTHS,
    OneWorld,
    PathwaysModel,
    month_metrics,
    month_steps,
    plan_arrivals,
)
from simulate.parameters import Params
from simulate.policies.base import Policy
from simulate.population import COLUMNS, Mothers
from simulate.recording import ChildLog, SpellLog
from simulate.states import STATUS_CODES, Status
from simulate.steps import coaching
from simulate.steps.jobs import Offers

# The status of a block's rows past its model's mothers: no step selects a mother no longer
# followed, without a return or a pregnancy ahead (simulate.batch.BatchBurnIn._bury moves
# such mothers out of a batch for the same reason).
INERT = Status.NOT_FOLLOWED

# Columns holding an index into a per-model table: (column, table).
_INDEX_COLUMNS = (("coach", "coaches"), ("provider", "providers"),
                  ("childcare_place", "providers"))


def _shift_loop(coach: np.ndarray, provider: np.ndarray, place: np.ndarray, used: np.ndarray,
                block: int, coaches: int, providers: int,
                sign: int) -> None:  # pragma: no cover (compiled)
    """Add ``sign`` times each model's offset in the stacked tables (``coaches`` and
    ``providers`` per model) to every index (not -1) in the ``used[r]`` rows of each
    model's block of ``block`` rows."""
    for r in range(used.size):
        for i in range(r * block, r * block + used[r]):
            if coach[i] >= 0:
                coach[i] += sign * r * coaches
            if provider[i] >= 0:
                provider[i] += sign * r * providers
            if place[i] >= 0:
                place[i] += sign * r * providers


# Index columns shifted in numpy took two whole-column passes per column each way, several
# times a month: a tenth of a month.
_shift = compiled(_shift_loop)


_NONE = np.zeros(0, dtype=np.int64)


class _Spells(SpellLog):
    """The steps' spell log: an ended spell goes to its model's own log at once."""

    def __init__(self, lock: Lockstep) -> None:
        super().__init__(any(model.spells.enabled for model in lock.models))
        self._lock = lock

    def close(self, mothers: Mothers, ids: np.ndarray, month: int, status: int) -> None:
        for model, own, _ in self._lock.split(ids):
            model.spells.close(model.mothers, own, month, status)


class _Children(ChildLog):
    """The steps' log of children: a birth goes to its model's own log at once."""

    def __init__(self, lock: Lockstep) -> None:
        super().__init__(True)
        self._lock = lock

    def add(self, ids: np.ndarray, birth_months: np.ndarray) -> None:
        for model, own, mine in self._lock.split(ids):
            model.children.add(own, np.asarray(birth_months)[mine])


class Lockstep(ProviderTotals, OneWorld):
    """Models of one scenario (its replicates) stepped month by month as one (module
    docstring). Build it with :meth:`of`, after the models' set-up (month 0 recorded);
    :meth:`run` steps them and each model records its months as alone."""

    def __init__(self, models: Sequence[PathwaysModel]) -> None:
        self.models = list(models)
        k = len(self.models)
        first = self.models[0]
        self.params: Params = first.params
        self.block = c = first.mothers.capacity
        self._t = first.month
        self.replicate = np.repeat(np.arange(k, dtype=np.int64), c)
        self.local = np.tile(np.arange(c, dtype=np.int64), k)
        self.sizes = {"coaches": len(first.coaches), "providers": len(first.providers),
                      "employers": len(first.employer_table["share"])}

        # One array per column, a block per model; each model's column a view of its block.
        self.mothers = Mothers(capacity=16)
        for name, column in COLUMNS.items():
            stacked: np.ndarray = np.full(k * c, column.fill, dtype=column.dtype)
            for r, model in enumerate(self.models):
                stacked[r * c:(r + 1) * c] = getattr(model.mothers, name)
            setattr(self.mothers, name, stacked)
        self.mothers._capacity = self.mothers.n = k * c
        self._views: list[dict[str, np.ndarray]] = []
        for r, model in enumerate(self.models):
            views = {name: getattr(self.mothers, name)[r * c:(r + 1) * c] for name in COLUMNS}
            for name, view in views.items():
                setattr(model.mothers, name, view)
            self._views.append(views)
            self.mothers.status[r * c + model.mothers.n:(r + 1) * c] = INERT

        # Coaches: each model's columns a view of its block of the stacked table.
        self.coaches = CoachTable()
        each = self.sizes["coaches"]
        for name in CoachTable.FIELDS:
            stacked = np.concatenate([getattr(model.coaches, name) for model in self.models])
            setattr(self.coaches, name, stacked)
            for r, model in enumerate(self.models):
                setattr(model.coaches, name, stacked[r * each:(r + 1) * each])
        self.coaches.programme = [p for model in self.models for p in model.coaches.programme]
        self.providers = [p for model in self.models for p in model.providers]
        self.employer_table = {key: np.concatenate([model.employer_table[key]
                                                    for model in self.models])
                               for key in first.employer_table}
        self.streams = StackedStreams(self, [model.streams for model in self.models])
        self.spells = _Spells(self)
        self.children = _Children(self)
        self.tally: Counter = Counter()
        self.offers = Offers.empty()
        self._tallies: dict[str, np.ndarray] = {}
        # What the metrics of all models at once need (simulate.model.month_metrics): the
        # rows' models, the initial stocks and the exits to work the durability metrics
        # follow, by row; the rows past a block's mothers are not mothers, so they are taken
        # off the count of their status.
        self._groups = Groups(self.replicate, k)
        self.initial_stock = np.concatenate([model.initial_stock + r * c
                                             for r, model in enumerate(self.models)])
        self._work_exits = {t: np.concatenate([model._work_exits.get(t, _NONE) + r * c
                                               for r, model in enumerate(self.models)])
                            for t in first._work_exits}
        self._is_stacked = False
        self._together = True
        # The hooks some policy has (the base class's do nothing): the others cost nothing.
        self._hooks = {name: any(getattr(type(policy), name) is not getattr(Policy, name)
                                 for model in self.models for policy in model.policies)
                       for name in ("on_month_start", "allocate")}

    @classmethod
    def of(cls, models: Sequence[PathwaysModel]) -> Lockstep | None:
        """A lockstep of ``models`` (set up, at the same month), or None where they cannot
        step together: fewer than two, mothers registered as Mesa agents, other parameters,
        or tables of other sizes."""
        models = list(models)
        if len(models) < 2:
            return None
        first = models[0]

        def shape(model: PathwaysModel) -> tuple:
            return (model.month, model.mothers.capacity, len(model.coaches),
                    len(model.providers), len(model.employer_table["share"]),
                    model.spells.enabled, model.params.values == first.params.values)

        if any(model._register_all_mothers or model._mother_views for model in models):
            return None
        if any(shape(model) != shape(first) for model in models[1:]):
            return None
        return cls(models)

    # ---- the World the core steps see (simulate.steps.World) ---------------------------------
    @property
    def month(self) -> int:
        return self._t

    def replicates_of(self, ids: np.ndarray, pool: np.ndarray,
                      size: int) -> tuple[np.ndarray, np.ndarray, int]:
        k = len(self.models)
        return self.replicate[ids], np.asarray(pool) // (size // k), k

    def search_blocks(self, table: np.ndarray, ids: np.ndarray, u: np.ndarray) -> np.ndarray:
        each = len(table) // len(self.models)
        return _search_blocks(np.ascontiguousarray(table, np.float64),
                              np.ascontiguousarray(self.replicate[ids], np.int64), each,
                              np.ascontiguousarray(u, np.float64))

    def count(self, event: str, rows: np.ndarray, each: np.ndarray | None = None) -> None:
        """This month's tally of ``event`` per model (given to the models at the month's
        end)."""
        k = len(self.models)
        counts = (np.bincount(self.replicate[rows], minlength=k) if each is None
                  else np.bincount(self.replicate[rows], weights=each, minlength=k))
        if event in self._tallies:
            self._tallies[event] = self._tallies[event] + counts
        else:
            self._tallies[event] = counts

    def add_arrivals(self) -> np.ndarray:
        """Each model's arrivals, added by the model itself to its block; their rows."""
        rows = []
        for r, model in enumerate(self.models):
            own = model.add_arrivals()
            if len(own):
                mine = own + r * self.block
                for name, table in _INDEX_COLUMNS:  # drawn as the model's own indices
                    col = getattr(self.mothers, name)
                    arrived = col[mine[0]:mine[-1] + 1]
                    arrived[arrived >= 0] += r * self.sizes[table]
                rows.append(mine)
        return np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)

    def split(self, ids: np.ndarray) -> list[tuple[PathwaysModel, np.ndarray, np.ndarray]]:
        """``ids`` (rows) cut per model: each model with its own ids, in their order, and
        where they stand in ``ids``."""
        ids = np.asarray(ids)
        of = ids // self.block
        return [(self.models[r], ids[of == r] - r * self.block, of == r)
                for r in np.unique(of).tolist()]

    # ---- the indices the steps and the models see -------------------------------------------
    def _stacked(self) -> None:
        """Index columns into the stacked tables, for the core steps."""
        if not self._is_stacked:
            self._shift_indices(1)
            self._is_stacked = True

    def _local(self) -> None:
        """Index columns into each model's own tables, for its policies and recording."""
        if self._is_stacked:
            self._shift_indices(-1)
            self._is_stacked = False

    def _shift_indices(self, sign: int) -> None:
        m = self.mothers
        used = np.array([model.mothers.n for model in self.models], dtype=np.int64)
        _shift(m.coach, m.provider, m.childcare_place, used, self.block,
               self.sizes["coaches"], self.sizes["providers"], sign)

    def _hook(self, name: str) -> None:
        """The policies' hook ``name``, model by model, each on its own model."""
        if not self._hooks[name]:
            return
        self._local()
        offers = self.offers
        parts = self._offers_apart(offers) if name == "allocate" else None
        for r, model in enumerate(self.models):
            if parts is not None:
                model.offers = parts[r][1]
            for policy, ctx in model.policy_contexts():
                getattr(policy, name)(ctx)
            if parts is not None:  # care a policy arranged goes back to the offer
                offers.care[parts[r][0]] = model.offers.care
        self._check_views()
        self._stacked()

    def _offers_apart(self, offers: Offers) -> list[tuple[np.ndarray, Offers]]:
        """Each model's accepted offers (their positions in ``offers``, and the offers by
        its own ids and employers)."""
        of = offers.ids // self.block
        each = self.sizes["employers"]
        out = []
        for r in range(len(self.models)):
            at = np.flatnonzero(of == r)
            out.append((at, Offers(offers.ids[at] - r * self.block,
                                   offers.employer[at] - r * each, offers.flexible[at],
                                   offers.earnings[at], offers.ends_assistance[at],
                                   offers.needs_care[at], offers.care[at])))
        return out

    def _check_views(self) -> None:
        """A policy writes into the columns, never replaces one: a replaced column would
        leave the steps' table (a broken lockstep must fail, not differ)."""
        for model, views in zip(self.models, self._views):
            for name, view in views.items():
                if getattr(model.mothers, name) is not view:
                    raise RuntimeError(f"column {name!r} of a model in a lockstep was replaced")

    # ---- the months ----------------------------------------------------------------------------
    def run(self, months: int) -> None:
        """Step every model ``months`` months (each records them as alone)."""
        for _ in range(months):
            if self._together and not self._fits():
                self._apart()
            if not self._together:
                for model in self.models:
                    model.step()
                continue
            self._month()
        self._local()

    def _fits(self) -> bool:
        """Whether every model's arrivals of the coming month fit its block (drawn as the
        model draws them: a year at a time, from the same month)."""
        for model in self.models:
            t = model.steps + 1  # the month its next step runs
            if t not in model._planned:
                model._next_id = plan_arrivals(model.params, model.streams, t,
                                               model._next_id, model._planned)
            if model.mothers.n + len(model._planned[t][1]["status"]) > self.block:
                return False
        return True

    def _month(self) -> None:
        for model in self.models:
            model.steps += 1  # as Mesa's step does
            model._t = model.steps
            model.tally = Counter()
        self._t = self.models[0].month
        self._tallies = {}
        self._stacked()
        month_steps(self, hook=self._hook)
        coaching.update_caseloads(self)
        for key, stacked in self.employer_table.items():  # the steps replace some each month
            each = len(stacked) // len(self.models)
            for r, model in enumerate(self.models):
                model.employer_table[key] = stacked[r * each:(r + 1) * each]
        for event, counts in self._tallies.items():
            for model, c in zip(self.models, counts.tolist()):
                model.tally[event] += int(c)
        # As a model alone: the policies report, then the month is recorded; the metrics of
        # all models at once read the stacked tables, a model's own the policies' state.
        self._local()
        reports = [model._policy_metrics([(policy, policy.on_month_end(ctx))
                                          for policy, ctx in model.policy_contexts()])
                   for model in self.models]
        self._check_views()
        self._stacked()
        core = self._metrics()
        self._local()
        for model, own, report in zip(self.models, core, reports):
            model._record(report, own)

    def _metrics(self) -> list[dict[str, float]]:
        """The month's metrics of every model, computed at once (as each model computes its
        own: :func:`simulate.model.month_metrics`)."""
        t, m, k, c = self.month, self.mothers, len(self.models), self.block
        n = m.n
        if t >= 1:
            self._work_exits[t] = np.flatnonzero((m.exit_month[:n] == t)
                                                 & (m.status[:n] == Status.IN_WORK))
            self._work_exits.pop(t - max(DURABILITY_MONTHS) - 1, None)
        events = dict.fromkeys(e for model in self.models for e in model.tally)
        tallies = {e: [model.tally.get(e, 0) for model in self.models] for e in events}
        padding = np.zeros((k, STATUS_CODES), dtype=np.int64)
        padding[:, INERT] = [model.mothers.n - c for model in self.models]
        return month_metrics(self, self._groups, [self.params] * k, tallies,
                             self.initial_stock, self._work_exits, padding)

    def _apart(self) -> None:
        """Give every model its own columns back (copies of its block), to step alone."""
        self._local()
        for model in self.models:
            for name in COLUMNS:
                setattr(model.mothers, name, getattr(model.mothers, name).copy())
            for name in CoachTable.FIELDS:
                setattr(model.coaches, name, getattr(model.coaches, name).copy())
            for key, value in model.employer_table.items():
                model.employer_table[key] = value.copy()
        self._together = False


def run_together(params: Params, make_policies: Callable[[], list[Any]], seed: int,
                 replicates: Sequence[int], months: int, record_spells: bool) -> list[WholeRun]:
    """Replicates ``replicates`` of one run (parameters and policies, a fresh set per
    replicate from ``make_policies``) stepped together (:class:`Lockstep`); per replicate,
    what :func:`simulate.runner.simulate_replicate` returns of it."""
    models = [PathwaysModel(params, make_policies(), seed=seed, replicate=r,
                            horizon_months=months, record_spells=record_spells)
              for r in replicates]
    try:
        lock = Lockstep.of(models)
        if lock is None:
            for model in models:
                model.run(months)
        else:
            lock.run(months)
    finally:
        for model in models:
            model.close()
    return [WholeRun(model.record.wide(),
                     model.spells.frame(model.mothers) if record_spells else None,
                     model.children.frame() if record_spells else None)
            for model in models]


def warm_programmes(jobs: Sequence[BurnInJob], most: int = BATCH_REPLICATES) -> int:
    """Step the runs of ``jobs`` (with programmes or levers: ``job.programme``) that
    :data:`simulate.batch.RUN_CACHE` lacks, the replicates of each scenario together
    (:func:`run_together`, at most ``most`` at a time and within a batch's memory), and
    cache them (:func:`simulate.batch.programme_key`); :func:`simulate.runner.simulate_replicate`
    then takes each. Call it after their burn-ins are cached (:func:`simulate.batch.warm_worlds`
    does). Returns how many runs were stepped."""
    groups: dict[tuple, dict[tuple, BurnInJob]] = defaultdict(dict)
    for job in jobs:
        key = programme_key(job.programme.params(), job.programme.make_policies(), job.seed,
                            job.replicate, job.horizon_months, job.record_spells)
        if key not in RUN_CACHE:  # a group: all but the replicate
            groups[key[:4] + key[5:]].setdefault(key, job)
    ran = 0
    for wanted in groups.values():
        todo = list(wanted.items())[: max(RUN_CACHE.entries // 2 - ran, 0)]
        if len(todo) < 2:  # one alone: the model runs it as fast
            continue
        scenario = todo[0][1].programme
        params = scenario.params()
        size = min(most, memory.burn_in_batch(params.world(), todo[0][1].horizon_months))
        for part in even_parts(todo, size):
            if len(part) < 2:
                break
            first = part[0][1]
            runs = run_together(params, scenario.make_policies, first.seed,
                                [job.replicate for _, job in part], first.horizon_months,
                                first.record_spells)
            for (key, _), whole in zip(part, runs):
                RUN_CACHE.put(key, whole)
            ran += len(part)
    return ran


__all__ = ["INERT", "Lockstep", "run_together", "warm_programmes"]
