"""Worker processes: one start method for every pool of this package.

Workers are forked from a fork server that has loaded the package and the compiled random
draws once (:mod:`simulate._preload`), so a worker starts warm instead of importing the
package and loading the compiled kernels itself, which costs about a second and a half per
process. Where there is no fork server (Windows), workers are spawned and load it all.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

PRELOAD = "simulate._preload"


def context() -> BaseContext:
    """The start method for a pool of worker processes."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload([PRELOAD])
        return forkserver
    return multiprocessing.get_context("spawn")  # pragma: no cover (Windows)
