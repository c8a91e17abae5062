"""Answers that refine: a worker thread that runs a comparison one replicate at a time.

The answer for a setting after k replicates is exactly what ``simulate compare BASE ALT
--reps k --seed S`` gives: the same replicates (0 to k-1, each on the streams of (seed,
replicate) and with the base's burn-in) collected and summarised by the same code
(:func:`simulate.runner.simulate_replicate`, :func:`simulate.runner.collect`,
:class:`simulate.compare.Comparison`). Only the order of the work differs: the latest
setting first, its replicates one by one, so that a first answer (from
``first`` replicates) comes within seconds and is refined as more finish.

The worker is one thread in the app's process, so every replicate finds its burn-in in
the process-wide :data:`simulate.model.BURN_IN_CACHE`: levers take effect at month 0, so
moving one never changes the burn-in, and after the first answer a lever change costs
only the months after it. The base's replicates are kept (they never change), and while
nothing else waits the worker runs them ahead, which also burns in the worlds.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from simulate.compare import Comparison, base_differences
from simulate.runner import ReplicateResult, collect, simulate_replicate
from simulate.scenario import Scenario

# Replicates of the first answer: enough for an interval (a t-interval needs two).
FIRST_ANSWER = 3
# A refined answer is published at most this often (and always when the last replicate is
# in): summarising takes a fraction of a second that the replicates can use.
REFRESH_SECONDS = 1.0
# Settings whose replicates are kept (least recently asked for dropped first).
KEPT_SETTINGS = 64


class _Preempted(Exception):
    """A replicate stopped because a setting that matters more is waiting."""


@dataclass(frozen=True)
class Answer:
    """Where the answer for one setting stands.

    Attributes:
        key: The setting.
        done: Replicates finished (0 to ``total``).
        total: Replicates the answer is refined to.
        comparison: The comparison of the first ``replications`` replicates (None before
            the first answer).
        replications: Replicates the comparison is made of.
        error: Why the setting cannot be simulated (one line), if it cannot.
        seconds_first: Seconds from the request to the first answer.
        seconds_full: Seconds from the request to the full answer.
    """

    key: str
    done: int
    total: int
    comparison: Comparison | None = None
    replications: int = 0
    error: str | None = None
    seconds_first: float | None = None
    seconds_full: float | None = None

    @property
    def complete(self) -> bool:
        return self.comparison is not None and self.replications >= self.total


@dataclass
class _Job:
    alternative: Scenario
    asked: float
    results: list[ReplicateResult] = field(default_factory=list)
    comparison: Comparison | None = None
    replications: int = 0
    published: float = 0.0
    error: str | None = None
    seconds_first: float | None = None
    seconds_full: float | None = None


def key_of(scenario: Scenario) -> str:
    """A setting's key: equal for settings that simulate the same thing."""
    return scenario.digest()


class Engine:
    """Runs base and alternatives on common random numbers, one replicate at a time.

    Args:
        base: The base scenario.
        reps: Replicates of a full answer (default: the base's replications).
        seed: Root seed (default: the base's).
        first: Replicates of the first answer.
        warm: Run the base's replicates ahead while nothing else waits.
    """

    def __init__(self, base: Scenario, reps: int | None = None, seed: int | None = None,
                 first: int = FIRST_ANSWER, warm: bool = True) -> None:
        self.base = base
        self.reps = base.replications if reps is None else reps
        self.seed = base.seed if seed is None else seed
        self.months = base.horizon_months
        self.first = min(first, self.reps)
        self.warm = warm
        self._base_results: list[ReplicateResult] = []
        self._jobs: OrderedDict[str, _Job] = OrderedDict()
        self._current: str | None = None
        self._pinned: list[str] = []
        self._lock = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None

    # ---- asking -----------------------------------------------------------------------------
    def submit(self, alternative: Scenario) -> str:
        """Make ``alternative`` the setting to answer first; returns its key.

        Raises:
            ValueError: when it differs from the base in more than its policies and levers
                (as ``simulate compare`` refuses it), or has the base's name.
        """
        key = self.add(alternative)
        with self._lock:
            self._current = key
            self._lock.notify_all()
        return key

    def add(self, alternative: Scenario) -> str:
        """Know ``alternative`` (to pin it) without making it the setting to answer first;
        returns its key.

        Raises:
            ValueError: as :meth:`submit`.
        """
        differences = base_differences(self.base, alternative)
        if differences:
            field_, mine, theirs = differences[0]
            raise ValueError(f"{alternative.name} differs from the base {self.base.name} in "
                             f"more than its policies and levers: {field_} is {mine!r}, the "
                             f"base's is {theirs!r}")
        if alternative.name == self.base.name:
            raise ValueError(f"the alternative needs a name other than the base's "
                             f"({self.base.name!r})")
        key = key_of(alternative)
        with self._lock:
            if key not in self._jobs:
                self._jobs[key] = _Job(alternative, time.perf_counter())
            self._jobs.move_to_end(key)
            self._forget()
        return key

    def pin(self, keys: list[str]) -> None:
        """Settings to refine after the current one, in this order (unknown keys ignored)."""
        with self._lock:
            self._pinned = [k for k in keys if k in self._jobs]
            self._lock.notify_all()

    def answer(self, key: str) -> Answer:
        """Where the answer for ``key`` stands (nothing done for an unknown key)."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None:
                return Answer(key, 0, self.reps, error=None)
            return Answer(key, len(job.results), self.reps, job.comparison, job.replications,
                          job.error, job.seconds_first, job.seconds_full)

    def scenario(self, key: str) -> Scenario | None:
        with self._lock:
            job = self._jobs.get(key)
            return job.alternative if job else None

    def wait(self, key: str, complete: bool = False, timeout: float = 600.0) -> Answer:
        """Block until ``key`` has a first (or, with ``complete``, its full) answer, an
        error, or ``timeout`` seconds have passed."""
        end = time.monotonic() + timeout
        with self._lock:
            while True:
                answer = self.answer(key)
                if answer.error or (answer.complete if complete else
                                    answer.comparison is not None):
                    return answer
                left = end - time.monotonic()
                if left <= 0:
                    return answer
                self._lock.wait(left)

    # ---- the worker ---------------------------------------------------------------------------
    def start(self) -> Engine:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="explore-engine",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            with self._lock:
                task = self._next()
                while task is None and not self._stopping:
                    self._lock.wait()
                    task = self._next()
                if self._stopping or task is None:
                    return
            key, replicate = task
            try:
                self._work(key, replicate)
            except _Preempted:
                continue
            # The setting cannot run (whatever the reason): say so and keep serving others.
            except Exception as err:  # noqa: BLE001
                with self._lock:
                    job = self._jobs.get(key) if key else None
                    if job is not None:
                        job.error = f"{type(err).__name__}: {err}"
                    else:
                        self.warm = False
                    self._lock.notify_all()

    def _order(self) -> list[str]:
        """Settings in the order they are worked on: the current one, then the pinned."""
        keys = [self._current] if self._current else []
        return [*keys, *(k for k in self._pinned if k not in keys)]

    def _next(self) -> tuple[str | None, int] | None:
        """The next replicate to run: of the first unfinished setting in order, else of the
        base ahead of time (key None)."""
        for key in self._order():
            job = self._jobs.get(key)
            if job is not None and job.error is None and len(job.results) < self.reps:
                return key, len(job.results)
        if self.warm and len(self._base_results) < self.reps:
            return None, len(self._base_results)
        return None

    def _check(self, key: str | None) -> Callable[[int], None]:
        """Stop a replicate (after its month) when a setting earlier in the order waits."""
        def on_month(_: int) -> None:
            with self._lock:
                task = self._next()
            if self._stopping or (task is not None and task[0] != key):
                raise _Preempted

        return on_month

    def _replicate(self, scenario: Scenario, replicate: int, key: str | None) -> ReplicateResult:
        # As simulate compare runs it: no microdata; the burn-in is the world's, which the
        # base and every setting share (levers take effect at month 0).
        return simulate_replicate(scenario, replicate, self.seed, self.months, spells=False,
                                  on_month=self._check(key))

    def _work(self, key: str | None, replicate: int) -> None:
        if replicate >= len(self._base_results):
            result = self._replicate(self.base, replicate, key)
            with self._lock:
                if len(self._base_results) == replicate:
                    self._base_results.append(result)
        if key is None:
            return
        with self._lock:
            job = self._jobs.get(key)
        if job is None:  # forgotten meanwhile
            return
        result = self._replicate(job.alternative, replicate, key)
        with self._lock:
            if len(job.results) != replicate:
                return
            job.results.append(result)
            done = len(job.results)
            now = time.perf_counter()
            due = done >= self.first and (job.comparison is None or done == self.reps
                                          or now - job.published >= REFRESH_SECONDS)
            base = self._base_results[:done]
            results = list(job.results)
        if not due:
            return
        comparison = Comparison(
            collect([*base, *results], {self.base.name: self.base,
                                        job.alternative.name: job.alternative}),
            self.base.name, [job.alternative.name])
        with self._lock:
            if done > job.replications:
                job.comparison, job.replications = comparison, done
                job.published = time.perf_counter()
                if job.seconds_first is None:
                    job.seconds_first = job.published - job.asked
                if done == self.reps:
                    job.seconds_full = job.published - job.asked
            self._lock.notify_all()

    def _forget(self) -> None:
        """Keep the replicates of the most recently asked settings only."""
        keep = set(self._order())
        while len(self._jobs) > KEPT_SETTINGS:
            old = next((k for k in self._jobs if k not in keep), None)
            if old is None:
                return
            del self._jobs[old]
