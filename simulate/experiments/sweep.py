"""Running an experiment: batches of runs go to an executor; each finished batch is stored.

:func:`run_experiment` opens the result directory (:mod:`simulate.experiments.store`),
finds the runs that are not done yet, cuts them into batches of consecutive runs, hands
the batches to an executor (:mod:`simulate.experiments.executors`) and stores every
finished batch as a part before asking for more; at the end it compacts the parts into
``runs.parquet`` (and ``monthly.parquet``).

A batch is the unit of work and of durability: its runs are written together when it
finishes. By default a batch holds ``ceil(missing runs / (workers * TASKS_PER_WORKER))``
runs, at most :data:`MAX_BATCH_RUNS`: enough tasks per worker to balance the load at the
end, few enough runs per task that an interruption loses little work and the progress bar
moves. With more than one worker, batches are cut between *worlds* (design points that
differ only in levers, :func:`world_starts`) so that each world's burn-ins are computed
by one worker only. ``batch_size`` overrides both.

Why results do not depend on the executor: run ``n`` is design point
``n // replications`` with replicate ``n % replications``; its random numbers come from
(seed, replicate) only, and it is stored under its number. Workers receive the experiment
(``Context``) with every task but keep the first copy they see, so a worker parses the
scenario once and its caches persist across tasks.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from simulate.batch import BATCH_REPLICATES, warm_worlds
from simulate.experiments.evaluate import Evaluator
from simulate.experiments.executors import Executor, InProcess
from simulate.experiments.spec import Experiment
from simulate.experiments.store import MONTHLY_SCHEMA, ResultStore, runs_schema
from simulate.schema import InputError

TASKS_PER_WORKER = 8
MAX_BATCH_RUNS = 32
# A world of at most this many runs goes to one worker whole (see world_starts).
MAX_WORLD_RUNS = 128
# Runs warmed at a time (two batches): enough for whole points of a few replicates each.
WARM_RUNS = 2 * BATCH_REPLICATES
# Rounds of running and compacting before a directory whose parts keep failing their
# checksums is given up on.
COMPACTION_ATTEMPTS = 3
# Experiments a worker keeps parsed at once (normally one).
WORKER_CONTEXTS = 4


@dataclass(frozen=True)
class Context:
    """What a worker needs to run any run of an experiment."""

    token: str
    evaluator: Evaluator
    seed: int
    replications: int
    names: tuple[str, ...]
    columns: tuple[str, ...]
    monthly: bool
    schema: pa.Schema

    @classmethod
    def of(cls, experiment: Experiment) -> Context:
        return cls(experiment.digest(), experiment.evaluator, experiment.seed,
                   experiment.replications, tuple(experiment.matrix.names),
                   tuple(experiment.columns), experiment.monthly, runs_schema(experiment))


@dataclass(frozen=True)
class Batch:
    """Runs ``start..stop-1`` and the factor values of the design points they belong to."""

    start: int
    stop: int
    points: dict[int, tuple[Any, ...]]


@dataclass(frozen=True)
class Part:
    """A finished batch: its runs (and monthly series) as Parquet bytes.

    Attributes:
        start: First run.
        stop: One past the last run.
        runs: The runs table of the batch (Parquet).
        monthly: Its monthly series (Parquet), when stored.
        seconds: Wall time the worker spent on the batch.
        cpu_seconds: CPU time the worker spent on it (the work, whatever else runs).
    """

    start: int
    stop: int
    runs: bytes
    monthly: bytes | None
    seconds: float
    cpu_seconds: float


@dataclass(frozen=True)
class SweepReport:
    """What :func:`run_experiment` did.

    Attributes:
        out: The result directory.
        runs: Runs of the experiment.
        ran: Runs run by this call (the others were done before).
        seconds: Wall time of this call.
        executor: Where the runs ran.
    """

    out: Path
    runs: int
    ran: int
    seconds: float
    executor: str


_CONTEXTS: dict[str, Context] = {}


def _worker_context(context: Context) -> Context:
    if context.token not in _CONTEXTS:
        if len(_CONTEXTS) >= WORKER_CONTEXTS:
            _CONTEXTS.pop(next(iter(_CONTEXTS)))
        _CONTEXTS[context.token] = context
    return _CONTEXTS[context.token]


def run_batch(context: Context, batch: Batch) -> Part:
    """Run a batch (in a worker) and encode its results for storage."""
    t0, cpu0 = time.perf_counter(), time.process_time()
    ctx = _worker_context(context)
    columns: dict[str, list] = {name: [] for name in ctx.schema.names}
    monthly: list[dict[str, np.ndarray]] = []
    warmed = batch.start
    for run in range(batch.start, batch.stop):
        point, replicate = divmod(run, ctx.replications)
        row = batch.points[point]
        if run >= warmed:
            warmed = _warm(ctx, batch, run)
        result = ctx.evaluator.evaluate(dict(zip(ctx.names, row)), replicate, ctx.seed,
                                        ctx.monthly)
        for key, value in (("run", run), ("point", point), ("replicate", replicate),
                           ("seed", ctx.seed), *zip(ctx.names, row)):
            columns[key].append(value)
        for name in ctx.columns:
            columns[name].append(float(result.row[name]))
        for series in result.monthly or ():
            monthly.append(_long(run, series))
    runs = _parquet(pa.table(columns, schema=ctx.schema))
    long = None
    if ctx.monthly:
        long = _parquet(pa.table({k: np.concatenate([m[k] for m in monthly])
                                  for k in MONTHLY_SCHEMA.names}, schema=MONTHLY_SCHEMA))
    return Part(batch.start, batch.stop, runs, long, time.perf_counter() - t0,
                time.process_time() - cpu0)


def _warm(ctx: Context, batch: Batch, run: int) -> int:
    """Before run ``run``: run the burn-ins of it and the next runs of the batch, up to
    :data:`WARM_RUNS` runs of whole points (:func:`_window`), together, in batches of at
    most :data:`simulate.batch.BATCH_REPLICATES` (:func:`simulate.batch.warm_worlds`:
    replicates of one point, of several, or of points that are other worlds differing in
    per-world parameters only), where the evaluator says what they are (``burn_ins``). The
    runs then start from them, with the same numbers. No more at a time, so that the
    burn-in cache holds each until its run has used it. Returns the first run not warmed."""
    burn_ins = getattr(ctx.evaluator, "burn_ins", None)
    stop = _window(run, batch.stop, ctx.replications)
    if burn_ins is None:
        return stop
    jobs = []
    for point in range(run // ctx.replications, (stop - 1) // ctx.replications + 1):
        first = max(run, point * ctx.replications)
        last = min(stop, (point + 1) * ctx.replications)
        replicates = [r - point * ctx.replications for r in range(first, last)]
        jobs += burn_ins(dict(zip(ctx.names, batch.points[point])), replicates, ctx.seed)
    warm_worlds(jobs)
    return stop


def _window(run: int, last: int, reps: int) -> int:
    """The end of the runs warmed together from ``run`` (a batch's runs end at ``last``):
    at most :data:`WARM_RUNS`, made of whole points (a point's replicates with programmes
    then step together in one lockstep rather than in two pieces), the batch's points
    spread evenly over as few windows as they need. A point longer than a window is cut
    into even windows of its runs."""
    if reps > WARM_RUNS:
        windows = -(-(last - run) // WARM_RUNS)
        return min(last, run + -(-(last - run) // windows))
    points = -(-last // reps) - run // reps  # the first may have begun in an earlier window
    windows = -(-points // (WARM_RUNS // reps))
    return min(last, (run // reps + -(-points // windows)) * reps)


def _long(run: int, series) -> dict[str, np.ndarray]:
    """Tidy rows (run, scenario, month, metric, value) of one run's monthly series."""
    order = np.argsort(series.metrics, kind="stable")
    metrics = np.asarray(series.metrics, dtype=object)[order]
    n_months, n_metrics = len(series.months), len(metrics)
    return {"run": np.full(n_months * n_metrics, run, dtype=np.int64),
            "scenario": np.full(n_months * n_metrics, series.scenario, dtype=object),
            "month": np.repeat(series.months, n_metrics),
            "metric": np.tile(metrics, n_months),
            "value": series.values[:, order].ravel()}


def _parquet(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def auto_batch_size(missing: int, workers: int) -> int:
    """Runs per batch when none is given (see the module docstring)."""
    return max(1, min(MAX_BATCH_RUNS, math.ceil(missing / (workers * TASKS_PER_WORKER))))


def world_starts(experiment: Experiment) -> np.ndarray:
    """The first run of each *world*: consecutive design points whose values differ only
    in levers (and the policy a run simulates), which share their burn-ins and base runs.

    Levers do not enter the burn-in (simulate.model), so a worker that runs a whole world
    computes each of its replicates' burn-ins once; split over two workers, both would.
    """
    kinds = [f.parameter.kind for f in experiment.design.factors]
    world = [i for i, kind in enumerate(kinds) if kind != "lever"]
    keys = [tuple(row[i] for i in world) for row in experiment.matrix.rows]
    firsts = [p for p in range(len(keys)) if p == 0 or keys[p] != keys[p - 1]]
    return np.asarray(firsts, dtype=np.int64) * experiment.replications


def batches(experiment: Experiment, done: np.ndarray, size: int,
            whole_worlds: bool = False) -> Iterator[Batch]:
    """Batches of consecutive runs that are not done, at most ``size`` runs each; with
    ``whole_worlds``, cut only between worlds (:func:`world_starts`) where a world holds
    at most :data:`MAX_WORLD_RUNS` runs, so that no two workers compute the same burn-in."""
    todo = np.r_[0, (~done).astype(np.int8), 0]
    edges = np.flatnonzero(np.diff(todo))
    reps = experiment.replications
    cuts = world_starts(experiment) if whole_worlds else np.zeros(0, dtype=np.int64)
    for first, last in zip(edges[0::2].tolist(), edges[1::2].tolist()):
        for start, stop in _spans(first, last, size, cuts):
            points = range(start // reps, (stop - 1) // reps + 1)
            yield Batch(start, stop, {p: experiment.matrix.rows[p] for p in points})


def _spans(first: int, last: int, size: int, cuts: np.ndarray) -> Iterator[tuple[int, int]]:
    """Runs ``first..last-1`` in spans of about ``size``, cut at ``cuts`` where they fall
    inside and the worlds between them are small enough to keep whole."""
    inside = cuts[(cuts > first) & (cuts < last)].tolist()
    bounds = [first, *inside, last]
    if not len(cuts) or max(np.diff(bounds)) > MAX_WORLD_RUNS:
        for start in range(first, last, size):
            yield start, min(start + size, last)
        return
    start = first
    for edge in bounds[1:]:
        if edge - start >= size or edge == last:
            yield start, edge
            start = edge


def run_experiment(experiment: Experiment, out: str | Path, executor: Executor | None = None,
                   batch_size: int | None = None, progress: bool = False,
                   on_part: Callable[[Part], None] | None = None,
                   command: str | None = None) -> SweepReport:
    """Run every run of ``experiment`` that ``out`` does not hold yet, then compact.

    Args:
        experiment: The experiment.
        out: Result directory; created, or resumed if it holds this experiment's parts.
        executor: Where to run (default: this process). The caller closes it.
        batch_size: Runs per task (default: see the module docstring).
        progress: Show a progress bar (runs done, runs per second, time left) on stderr.
        on_part: Called after each finished batch is stored.
        command: The command line, recorded in the manifest.

    Returns:
        A :class:`SweepReport`.

    Raises:
        InputError: if ``out`` holds other results or is in use.
    """
    t0 = time.perf_counter()
    executor = executor or InProcess()
    ran = 0
    with ResultStore(out, experiment, command) as store:
        # A part found damaged while compacting is removed and its runs are run again.
        for _ in range(COMPACTION_ATTEMPTS):
            missing = int((~store.done).sum())
            if missing:
                _run_missing(experiment, store, executor, batch_size, progress, on_part)
                ran += missing
            if store.compact():
                break
        else:
            raise InputError(out, "", f"parts failed their checksums in {COMPACTION_ATTEMPTS} "
                             "attempts in a row: the disk may be failing; use another --out "
                             "directory", "experiment")
    return SweepReport(Path(out), experiment.runs, ran, time.perf_counter() - t0,
                       executor.description)


def _run_missing(experiment: Experiment, store: ResultStore, executor: Executor,
                 batch_size: int | None, progress: bool,
                 on_part: Callable[[Part], None] | None) -> None:
    missing = int((~store.done).sum())
    size = batch_size or auto_batch_size(missing, executor.workers)
    whole = batch_size is None and executor.workers > 1
    bar = _progress_bar(experiment, missing) if progress else None
    try:
        for part in executor.map_unordered(run_batch, Context.of(experiment),
                                           batches(experiment, store.done.copy(), size,
                                                   whole)):
            store.write(part.start, part.stop, part.runs, part.monthly)
            if bar is not None:
                bar.update(part.stop - part.start)
            if on_part is not None:
                on_part(part)
    finally:
        if bar is not None:
            bar.close()


def _progress_bar(experiment: Experiment, missing: int):
    from tqdm import tqdm

    return tqdm(total=experiment.runs, initial=experiment.runs - missing, unit="run",
                desc=experiment.name, file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
