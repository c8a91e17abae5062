"""Where runs execute: in this process, in local processes, or on a Dask cluster.

Every executor maps a task function over batches of runs and yields results as they
finish, in any order; the caller stores each result by its run numbers, so the order (and
therefore the executor and the number of workers) never changes the results. At most
:data:`IN_FLIGHT_PER_WORKER` batches per worker are submitted at a time: the batches of a
100,000-run experiment are produced as workers free up, not all at once, and finished
results are handed over one by one.

- :class:`InProcess`: one worker, the calling process (``--workers 1``).
- :class:`Processes`: a pool of local processes (the default, one per core). Workers are
  forked from a server process that has imported the simulation once, so starting them is
  cheap.
- :class:`DaskExecutor`: a Dask ``distributed`` cluster: a ``LocalCluster`` started for the
  experiment (``--dask local``) or a running scheduler (``--dask tcp://host:8786``). The
  workers need this package installed. A worker that dies loses no runs: the scheduler
  runs its tasks again elsewhere, and since a run's random numbers depend only on its seed
  and replicate the repeat gives the same result.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Self

from simulate import processes
from simulate.runner import default_workers
from simulate.schema import InputError

IN_FLIGHT_PER_WORKER = 2
# Seconds each start-up task of Processes.start() holds its worker.
STARTUP_PAUSE_S = 0.05
# Seconds to wait for a Dask scheduler before giving up with an error.
DASK_CONNECT_TIMEOUT_S = 10

Task = Callable[[Any, Any], Any]
_END = object()


class Executor:
    """Base class: run ``task(context, batch)`` for every batch, yielding results as they finish.

    Use as a context manager; :meth:`close` releases workers.

    Attributes:
        workers: How many tasks run at once.
        description: One line for progress messages.
    """

    workers: int = 1
    description: str = "in this process"

    def map_unordered(self, task: Task, context: Any, batches: Iterable[Any]) -> Iterator[Any]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the workers."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class InProcess(Executor):
    """Runs each batch in the calling process, one after the other."""

    def map_unordered(self, task: Task, context: Any, batches: Iterable[Any]) -> Iterator[Any]:
        for batch in batches:
            yield task(context, batch)


class Processes(Executor):
    """A pool of local worker processes.

    Args:
        workers: Number of processes (default: all cores available to this process).
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self.description = f"in {self.workers} local processes"
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=processes.context())

    def map_unordered(self, task: Task, context: Any, batches: Iterable[Any]) -> Iterator[Any]:
        batches = iter(batches)
        pending: set[Future] = set()

        def fill() -> None:
            while len(pending) < self.workers * IN_FLIGHT_PER_WORKER:
                batch = next(batches, _END)
                if batch is _END:
                    return
                pending.add(self.pool.submit(task, context, batch))

        fill()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                pending.discard(future)
                yield future.result()
            fill()

    def start(self) -> None:
        """Start the workers now rather than at the first tasks (e.g. before timing)."""
        # The pool starts a process per submission while none is idle; a short pause per
        # task keeps the first from taking all of them.
        for future in [self.pool.submit(time.sleep, STARTUP_PAUSE_S) for _ in range(self.workers)]:
            future.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    """Runs batches on a Dask distributed cluster.

    Args:
        address: ``"local"`` to start a ``LocalCluster`` of ``workers`` single-threaded
            processes, or a scheduler address such as ``tcp://10.0.0.5:8786``.
        workers: Worker processes of a local cluster (default: all cores); ignored for a
            running scheduler, whose workers are counted instead.
        connect_timeout_s: Seconds to wait for a running scheduler.

    Raises:
        InputError: if the scheduler cannot be reached.
    """

    def __init__(self, address: str = "local", workers: int | None = None,
                 connect_timeout_s: float = DASK_CONNECT_TIMEOUT_S) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if address == "local":
            n = workers or default_workers()
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
            self.description = f"on a local Dask cluster of {n} workers"
        else:
            try:
                self.client = Client(address, timeout=connect_timeout_s)
            except (OSError, TimeoutError, ValueError) as err:
                raise InputError(address, "", f"cannot connect to a Dask scheduler there "
                                 f"({err.__class__.__name__}: {err}); check the address "
                                 "(tcp://HOST:8786) and that the scheduler runs", "dask") from None
            self.description = f"on the Dask cluster at {address}"
        threads = sum(w.get("nthreads", 1)
                      for w in self.client.scheduler_info()["workers"].values())
        self.workers = max(1, threads)

    def map_unordered(self, task: Task, context: Any, batches: Iterable[Any]) -> Iterator[Any]:
        from distributed import as_completed

        batches = iter(batches)
        first = [self.client.submit(task, context, b, pure=False)
                 for b in _take(batches, self.workers * IN_FLIGHT_PER_WORKER)]
        running = as_completed(first)
        for future in running:
            result = future.result()
            future.release()
            yield result
            for batch in _take(batches, 1):
                running.add(self.client.submit(task, context, batch, pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _take(items: Iterator[Any], n: int) -> list[Any]:
    out = []
    for _ in range(n):
        item = next(items, _END)
        if item is _END:
            break
        out.append(item)
    return out


def make_executor(workers: int | None = None, dask: str | None = None) -> Executor:
    """The executor for the command-line options ``--workers`` and ``--dask``.

    No option: local processes on all cores (in this process on a one-core machine);
    ``workers=1``: this process; ``dask``: a Dask cluster (``"local"`` or an address).
    """
    if dask:
        return DaskExecutor(dask, workers)
    n = workers or default_workers()
    return InProcess() if n == 1 else Processes(n)

