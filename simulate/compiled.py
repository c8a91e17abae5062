"""Loops that numpy cannot vectorise (matching within replicates, passes over the rows a
step changes), compiled with numba on their first call, or loaded from numba's cache
beside their module, so that only a process that runs them imports numba."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


def compiled(loop: Callable[..., Any]) -> Callable[..., Any]:
    """``loop``, compiled (``numba.njit``, cached on disk, without the GIL) on the first
    call of the function returned, which then calls the compiled loop."""

    @functools.cache
    def kernel() -> Callable[..., Any]:
        import numba

        return numba.njit(cache=True, nogil=True)(loop)

    @functools.wraps(loop)
    def call(*args: Any) -> Any:
        return kernel()(*args)

    return call
