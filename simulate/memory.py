"""How much memory a request needs, estimated before anything runs.

Declared hard bounds keep every single value feasible; together they can still ask for more
than a machine has (two million mothers followed for a hundred years, on every core).
Each command estimates the peak memory of what it is asked to do and refuses, with the
estimate, when that exceeds the machine's memory (its RAM, or a container's limit),
instead of failing with ``MemoryError`` minutes later.

The estimate is deliberately on the high side. Measured on the baseline: a model holds
about 550 bytes per row of its mothers' table at its peak (the columns, 118 bytes, and the
temporaries of the monthly step); the table has a row for each mother ever followed, the
initial stock plus the inflow (the same formula the model sizes it with), and may double
when it grows. A process with the package loaded takes about 170 MB (250 MB is assumed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from simulate.parameters import Params
from simulate.schema import InputError

PROCESS_BYTES = 250 * 2**20
ROW_BYTES = 900          # per row of the mothers' table: columns (growing), step temporaries
SPELL_ROW_BYTES = 160    # spell and children logs per row, with their frames
AGENT_BYTES = 4096       # a Mesa agent (coach, childcare provider, employer)
METRIC_ROW_BYTES = 200   # one (month, metric) value of the tidy monthly table, with copies
METRICS = 100            # metrics recorded per month (with policies' own)
COLUMN_BYTES = 170       # per row of the mothers' table: its columns alone (a burn-in's copy)
# Burn-ins (simulate.batch, simulate.model.SizedCache): the most replicates whose burn-ins
# run together, the memory a batch may take, and the cache of finished burn-ins.
BURN_IN_BATCH = 16
BURN_IN_BATCH_BYTES = 256 * 2**20
BURN_IN_CACHE_ENTRIES = 64
BURN_IN_CACHE_BYTES = 256 * 2**20


def machine_bytes() -> int:
    """The memory this process may use: physical memory, or a lower cgroup limit."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover (not POSIX)
        return 2**62
    for limit in (Path("/sys/fs/cgroup/memory.max"),
                  Path("/sys/fs/cgroup/memory/memory.limit_in_bytes")):
        try:
            text = limit.read_text().strip()
        except OSError:
            continue
        if text.isdigit():
            total = min(total, int(text))
    return total


def table_rows(params: Params, months: int) -> int:
    """Rows of the mothers' table after the burn-in and ``months``: the stock plus expected
    inflow (the formula the model sizes its table with)."""
    total = months + params.burn_in_months
    return int(params.size * (1.0 + 1.2 * params.inflow_rate_per_month * max(total, 1))) + 64


def run_bytes(params: Params, months: int, spells: bool = False) -> int:
    """Peak memory of one model run (in whichever process runs it), with what the process
    holds for burn-ins (:func:`burn_in_bytes`)."""
    rows = table_rows(params, months)
    agents = (params.size / params.regular_caseload_target + params.employers
              + params.childcare_providers)
    need = (rows * ROW_BYTES + agents * AGENT_BYTES + (months + 1) * METRICS * 8
            + burn_in_bytes(params, months))
    if spells:
        need += 2 * rows * SPELL_ROW_BYTES
    return int(need)


def burn_in_batch(params: Params, months: int) -> int:
    """How many replicates' burn-ins may run together (:mod:`simulate.batch`): up to
    ``BURN_IN_BATCH`` within ``BURN_IN_BATCH_BYTES``; none (0) when a finished burn-in is
    too large for the cache to keep."""
    rows = table_rows(params, months)
    if burn_in_snapshot_bytes(params, months) > BURN_IN_CACHE_BYTES // 4:
        return 0
    return min(BURN_IN_BATCH, BURN_IN_CACHE_ENTRIES, BURN_IN_BATCH_BYTES // (rows * ROW_BYTES))


def burn_in_snapshot_bytes(params: Params, months: int) -> int:
    """What one finished burn-in may take in the cache: the table's columns, which may
    have doubled."""
    return 2 * table_rows(params, months) * COLUMN_BYTES


def burn_in_bytes(params: Params, months: int) -> int:
    """What a worker holds for burn-ins besides its run: a batch of them at its peak
    (:func:`burn_in_batch`), or after it as many models of runs with programmes stepped
    together (:mod:`simulate.lockstep`, within the same bound), and the cache of finished
    ones (a snapshot is the table's columns, which may have doubled; at most
    ``BURN_IN_CACHE_BYTES``)."""
    k = burn_in_batch(params, months) if params.burn_in_months else 0
    if k == 0:
        return 0
    rows = table_rows(params, months)
    batch = k * rows * ROW_BYTES if k >= 2 else 0
    return int(batch + min(BURN_IN_CACHE_ENTRIES * 2 * rows * COLUMN_BYTES,
                           BURN_IN_CACHE_BYTES))


def results_bytes(params: Iterable[Params], reps: int, months: int, spells: bool) -> int:
    """Memory of the collected results of ``reps`` replications of each scenario."""
    need = 0
    for p in params:
        need += reps * (months + 1) * METRICS * METRIC_ROW_BYTES
        if spells:
            need += reps * 2 * table_rows(p, months) * SPELL_ROW_BYTES
    return need


def design_bytes(points: int, factors: int) -> int:
    """Memory of an experiment's design: the sample, the values per point, the table."""
    return points * (factors * 80 + 200)


def processes_bytes(per_run: int, workers: int) -> int:
    """This process, and ``workers`` worker processes each running one model at a time
    (one worker runs in this process)."""
    if workers <= 1:
        return PROCESS_BYTES + per_run
    return PROCESS_BYTES + workers * (PROCESS_BYTES + per_run)


def check_runs(source: str, params: list[Params], reps: int, months: int, workers: int,
               spells: bool = False, collected: bool = True) -> None:
    """Refuse ``reps`` replications of each scenario (``params``) on ``workers`` processes
    when they need more memory than the machine has; ``collected``: their monthly results
    (and spells) are gathered in this process, as ``run`` and ``compare`` do."""
    per_run = max(run_bytes(p, months, spells) for p in params)
    workers = max(1, min(workers, reps * len(params)))
    need = processes_bytes(per_run, workers)
    if collected:
        need += results_bytes(params, reps, months, spells)
    check(need, source, f"{reps:,} replication(s) of {months} months on {workers} worker(s)",
          "use fewer replications, workers or months, or a smaller population")


def check(need: int, source: str, what: str, advice: str) -> None:
    """Refuse a request that needs more memory than the machine has.

    Raises:
        InputError: (kind ``resources``) with the estimate and what to change.
    """
    have = machine_bytes()
    if need > have:
        raise InputError(source, "", f"{what} needs about {gib(need)} of memory, more than "
                         f"this machine's {gib(have)}; {advice}", "resources")


def gib(n: float) -> str:
    return f"{n / 2**30:,.1f} GiB"
