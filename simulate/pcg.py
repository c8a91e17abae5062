"""Poisson draws of NumPy's seeded generators, compiled: the same numbers as
``np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy))).poisson(lam)``.

A run draws its counts that are not per mother (arrivals each month, each employer's
vacancies) from a NumPy generator seeded per replicate, stream and month
(:meth:`simulate.rng.Streams.generator`). Building one costs some 13 microseconds
(SeedSequence's hashing, then PCG64's seeding), and the draws 7 more: a batch made two
per replicate and month, about a twentieth of its time. :func:`poisson_rows` does the
seeding (SeedSequence with its pool of four words, ``generate_state(4, uint64)``, PCG64's
``set_seed``), the 128-bit PCG64 steps (XSL-RR output, 53-bit doubles) and NumPy's two
Poisson methods (multiplication below a mean of 10, Hoermann's PTRS from 10) in one
compiled loop. Tests compare it with NumPy on generated seeds and means
(``tests/test_pcg.py``); should NumPy change either algorithm, they fail.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import numpy as np

_M32 = np.uint64(0xFFFFFFFF)
_S1, _S11, _S32, _S58, _S63, _S64 = (np.uint64(s) for s in (1, 11, 32, 58, 63, 64))
_S16 = np.uint32(16)
# SeedSequence's hash constants (numpy/random/bit_generator.pyx).
_INIT_A, _MULT_A = np.uint32(0x43B0D7E5), np.uint32(0x931E8875)
_INIT_B, _MULT_B = np.uint32(0x8B51F9DD), np.uint32(0x58F38DED)
_MIX_L, _MIX_R = np.uint32(0xCA01F9DD), np.uint32(0x4973F715)
POOL = 4  # SeedSequence's default pool of 32-bit words
# PCG64's 128-bit multiplier, high and low words.
_MUL_HI, _MUL_LO = np.uint64(2549297995355413924), np.uint64(4865540595714422341)
_TWO_M53 = 1.0 / 9007199254740992.0
# NumPy's log-gamma series (random_loggam in distributions.c).
_LOGGAM = np.array([8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                    -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                    6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                    -1.39243221690590e+00])
_LOG_2PI = 1.8378770664093453
# The largest mean NumPy's poisson accepts.
LAM_MAX = float(np.iinfo(np.int64).max - np.sqrt(np.iinfo(np.int64).max) * 10)


def _mulhi(a: np.uint64, b: np.uint64) -> np.uint64:  # pragma: no cover (compiled)
    """The high 64 bits of the 128-bit product of ``a`` and ``b``."""
    a_lo, a_hi = a & _M32, a >> _S32
    b_lo, b_hi = b & _M32, b >> _S32
    lo_lo = a_lo * b_lo
    hi_lo = a_hi * b_lo
    cross = (lo_lo >> _S32) + (hi_lo & _M32) + a_lo * b_hi
    return a_hi * b_hi + (hi_lo >> _S32) + (cross >> _S32)


def _step(hi: np.uint64, lo: np.uint64, inc_hi: np.uint64,
          inc_lo: np.uint64) -> tuple[np.uint64, np.uint64]:  # pragma: no cover (compiled)
    """PCG64's step on a state of two words: ``state * multiplier + inc`` modulo 2**128."""
    new_hi = _mulhi(lo, _MUL_LO) + hi * _MUL_LO + lo * _MUL_HI
    new_lo = lo * _MUL_LO
    out_lo = new_lo + inc_lo
    return new_hi + inc_hi + (_S1 if out_lo < new_lo else np.uint64(0)), out_lo


def _hashmix(value: np.uint32, const: np.uint32) -> tuple[np.uint32, np.uint32]:  # pragma: no cover
    value ^= const
    const = np.uint32(const * _MULT_A)
    value = np.uint32(value * const)
    return value ^ (value >> _S16), const


def _mix(x: np.uint32, y: np.uint32) -> np.uint32:  # pragma: no cover (compiled)
    r = np.uint32(np.uint32(_MIX_L * x) - np.uint32(_MIX_R * y))
    return r ^ (r >> _S16)


def _seed(entropy: np.ndarray, state: np.ndarray) -> None:  # pragma: no cover (compiled)
    """PCG64's state (high, low, increment high, increment low) into ``state``, seeded
    from ``SeedSequence(entropy)``, each entry a non-negative integer below 2**64."""
    words = np.empty(2 * entropy.size, dtype=np.uint32)  # each entry as 32-bit words
    n = 0
    for e in entropy:
        if e == 0:
            words[n] = 0
            n += 1
        while e > 0:
            words[n] = np.uint32(e & _M32)
            n += 1
            e = e >> _S32
    pool = np.zeros(POOL, dtype=np.uint32)
    const = _INIT_A
    for i in range(POOL):
        pool[i], const = _hashmix(words[i] if i < n else np.uint32(0), const)
    for src in range(POOL):
        for dst in range(POOL):
            if src != dst:
                h, const = _hashmix(pool[src], const)
                pool[dst] = _mix(pool[dst], h)
    for src in range(POOL, n):
        for dst in range(POOL):
            h, const = _hashmix(words[src], const)
            pool[dst] = _mix(pool[dst], h)
    # generate_state(4, uint64): eight words, pairs read as little-endian uint64.
    seed = np.empty(4, dtype=np.uint64)
    const = _INIT_B
    for i in range(8):
        v = pool[i % POOL] ^ const
        const = np.uint32(const * _MULT_B)
        v = np.uint32(v * const)
        v ^= v >> _S16
        if i % 2 == 0:
            seed[i // 2] = np.uint64(v)
        else:
            seed[i // 2] |= np.uint64(v) << _S32
    # pcg64_set_seed: initial state (seed[0], seed[1]), sequence (seed[2], seed[3]).
    inc_hi = (seed[2] << _S1) | (seed[3] >> _S63)
    inc_lo = (seed[3] << _S1) | _S1
    hi, lo = _step(np.uint64(0), np.uint64(0), inc_hi, inc_lo)
    low = lo + seed[1]
    hi = hi + seed[0] + (_S1 if low < lo else np.uint64(0))
    hi, lo = _step(hi, low, inc_hi, inc_lo)
    state[0], state[1], state[2], state[3] = hi, lo, inc_hi, inc_lo


def _next_double(state: np.ndarray) -> float:  # pragma: no cover (compiled)
    """PCG64's next 64 bits (XSL-RR of the stepped state) as NumPy's double in [0, 1)."""
    hi, lo = _step(state[0], state[1], state[2], state[3])
    state[0], state[1] = hi, lo
    value, turn = hi ^ lo, hi >> _S58
    out = (value >> turn) | (value << ((_S64 - turn) & _S63))
    return np.float64(np.int64(out >> _S11)) * _TWO_M53


def _loggam(x: float) -> float:  # pragma: no cover (compiled)
    if x == 1.0 or x == 2.0:
        return 0.0
    n = np.int64(7 - x) if x < 7.0 else np.int64(0)
    x0 = x + n
    x2 = (1.0 / x0) * (1.0 / x0)
    gl0 = _LOGGAM[9]
    for k in range(8, -1, -1):
        gl0 *= x2
        gl0 += _LOGGAM[k]
    gl = gl0 / x0 + 0.5 * _LOG_2PI + (x0 - 0.5) * math.log(x0) - x0
    if x < 7.0:
        for _ in range(n):
            gl -= math.log(x0 - 1.0)
            x0 -= 1.0
    return gl


def _poisson(state: np.ndarray, lam: float) -> np.int64:  # pragma: no cover (compiled)
    """NumPy's ``random_poisson``: PTRS from a mean of 10, multiplication below."""
    if lam >= 10:
        slam, loglam = math.sqrt(lam), math.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = _next_double(state) - 0.5
            v = _next_double(state)
            us = 0.5 - abs(u)
            k = np.int64(math.floor((2 * a / us + b) * u + lam + 0.43))
            if us >= 0.07 and v <= vr:
                return k
            if k < 0 or (us < 0.013 and v > us):
                continue
            if (math.log(v) + math.log(invalpha) - math.log(a / (us * us) + b)
                    <= -lam + k * loglam - _loggam(np.float64(k + 1))):
                return k
    if lam == 0:
        return np.int64(0)
    enlam = math.exp(-lam)
    x = np.int64(0)
    prod = 1.0
    while True:
        prod *= _next_double(state)
        if prod > enlam:
            x += 1
        else:
            return x


def _poisson_rows_loop(entropy: np.ndarray, lam: np.ndarray) -> np.ndarray:  # pragma: no cover
    out = np.empty(lam.shape, dtype=np.int64)
    state = np.empty(4, dtype=np.uint64)
    for i in range(lam.shape[0]):
        _seed(entropy[i], state)
        for j in range(lam.shape[1]):
            out[i, j] = _poisson(state, lam[i, j])
    return out


_HELPERS = ("_mulhi", "_step", "_hashmix", "_mix", "_seed", "_next_double", "_loggam",
            "_poisson")


@functools.cache
def _kernel() -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """The loop, compiled (or loaded from numba's cache beside this file) on first use."""
    import numba

    # The loop calls the helpers by their global names, which numba resolves when it
    # compiles it: they must name compiled functions by then.
    for name in _HELPERS:
        globals()[name] = numba.njit(inline="always")(globals()[name])
    return numba.njit(cache=True, nogil=True)(_poisson_rows_loop)


def poisson_rows(entropy: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """Row ``i`` of the result is
    ``Generator(PCG64(SeedSequence(list(entropy[i])))).poisson(lam[i])``: ``entropy`` is a
    uint64 array with a row per generator, ``lam`` a float array with as many rows.

    Raises:
        ValueError: as NumPy does, for a mean below 0, NaN or above :data:`LAM_MAX`.
    """
    lam = np.ascontiguousarray(lam, dtype=np.float64)
    if not np.all((lam >= 0) & (lam <= LAM_MAX)):
        raise ValueError("lam < 0, lam is NaN or lam value too large")
    return _kernel()(np.ascontiguousarray(entropy, dtype=np.uint64), lam)
