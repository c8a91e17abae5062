"""Named random streams with common random numbers.

All randomness comes from one root seed. A draw is identified by
``(seed, replicate, stream name, month)`` and, for per-mother draws, by the mother's id.
The uniform a mother gets for a process in a month is a pure function of those keys
(a counter-based SplitMix64 hash), so it does not depend on how many other mothers exist,
on the order of the monthly steps or on what any other process drew. Two scenarios run
with the same seed therefore face the same luck, and their difference is the policy's
effect rather than noise (Starsim's common random numbers).

Stream names are hashed with :mod:`hashlib`, never with Python's salted ``hash()``.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable

import numpy as np
from scipy.special import ndtri

from simulate.pcg import poisson_rows

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = (np.uint64(s) for s in (30, 27, 31, 11))
_TWO_M53 = 2.0 ** -53
_HALF_ULP = 2.0 ** -54


def stable_hash(*parts: object) -> int:
    """64-bit hash of the parts' text, stable across processes and Python versions."""
    text = "\x1f".join(str(p) for p in parts).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "little")


_MASK = 2**64 - 1


@functools.lru_cache(maxsize=1024)
def _name_hash(name: str) -> int:
    """:func:`stable_hash` of a stream's name, kept: a batch makes a generator per
    replicate and month (arrivals, vacancies)."""
    return stable_hash(name)


def _mix_int(z: int) -> int:
    """SplitMix64 finaliser on a Python int (for scalar keys)."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def _splitmix(z: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser in numpy, in place; uint64 arithmetic wraps, which is what the
    hash needs. The reference for :func:`_unit_draws`, which tests compare with it."""
    t = z >> _S30
    z ^= t
    z *= _M1
    np.right_shift(z, _S27, out=t)
    z ^= t
    z *= _M2
    np.right_shift(z, _S31, out=t)
    z ^= t
    return z


def _to_unit(z: np.ndarray) -> np.ndarray:
    """The top 53 bits as a double in the open interval (0, 1), in numpy; overwrites ``z``.

    The 53 bits fit a signed integer, whose conversion to double is exact and faster than
    an unsigned one's.
    """
    np.right_shift(z, _S11, out=z)
    u = z.view(np.int64).astype(np.float64)
    u *= _TWO_M53
    u += _HALF_ULP
    return u


def _unit(mother: np.int64, key: np.uint64) -> float:  # pragma: no cover (compiled)
    """``_to_unit(_splitmix(mother * golden + key))`` for one draw. Every constant is a
    uint64, so no step mixes signed and unsigned integers (which numba would compute in
    floating point)."""
    z = np.uint64(mother) * _GOLDEN + key
    z ^= z >> _S30
    z *= _M1
    z ^= z >> _S27
    z *= _M2
    z ^= z >> _S31
    return np.float64(np.int64(z >> _S11)) * _TWO_M53 + _HALF_ULP


def _draws_loop(ids: np.ndarray, keys: np.ndarray) -> np.ndarray:  # pragma: no cover
    out = np.empty((keys.size, ids.size))
    for k in range(keys.size):
        for i in range(ids.size):
            out[k, i] = _unit(ids[i], keys[k])
    return out


def _draws_by_row_loop(rows: np.ndarray, ids: np.ndarray, which: np.ndarray,
                       keys: np.ndarray) -> np.ndarray:  # pragma: no cover
    out = np.empty((keys.shape[0], rows.size))
    for k in range(keys.shape[0]):
        for i in range(rows.size):
            j = rows[i]
            out[k, i] = _unit(ids[j], keys[k, which[j]])
    return out


def _stream_keys_loop(bases: np.ndarray, month_term: np.uint64) -> np.ndarray:  # pragma: no cover
    """Per-mother draw keys (:meth:`Streams.draw_key`) of streams ``bases`` (their
    :meth:`Streams.stream_base`, a row per stream and a column per replicate) in the month
    whose term is ``month_term``: SplitMix64's finaliser, then the golden increment."""
    out = np.empty_like(bases)
    for a in range(bases.shape[0]):
        for r in range(bases.shape[1]):
            z = bases[a, r] + month_term
            z ^= z >> _S30
            z *= _M1
            z ^= z >> _S27
            z *= _M2
            z ^= z >> _S31
            out[a, r] = z + _GOLDEN
    return out


_KERNELS: dict[str, Callable[..., np.ndarray]] = {}


def _kernel(name: str) -> Callable[..., np.ndarray]:
    """A compiled draw kernel, compiled (or loaded from numba's cache beside this file) on
    first use, so that only a process that draws imports numba."""
    if not _KERNELS:
        import numba

        # The loops call ``_unit`` by its global name, which numba resolves when it
        # compiles them: it must name the compiled function by then.
        globals()["_unit"] = numba.njit(inline="always")(_unit)
        _KERNELS.update(draws=numba.njit(cache=True, nogil=True)(_draws_loop),
                        draws_by_row=numba.njit(cache=True, nogil=True)(_draws_by_row_loop),
                        stream_keys=numba.njit(cache=True, nogil=True)(_stream_keys_loop))
    return _KERNELS[name]


def compile_kernels() -> None:
    """Compile (or load) the draw kernels for the ids and keys the model uses, now: a fork
    server does it once for all its workers (:mod:`simulate.processes`)."""
    one = np.zeros(1, dtype=np.int64)
    _unit_draws(one, np.zeros(1, dtype=np.uint64))
    stream_keys(np.zeros((1, 1), dtype=np.uint64), 0)
    _unit_draws_by_row(one, one, one, np.zeros((1, 1), dtype=np.uint64))
    poisson_rows(np.zeros((1, 4), dtype=np.uint64), np.zeros((1, 1)))


def _unit_draws(ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """One uniform per (key, id), in one compiled loop: the numpy version costs a dozen
    array operations per call, and a month makes some thirty calls on small arrays, so
    their fixed cost was a fifth of a month's time."""
    return _kernel("draws")(ids, keys)


def stream_keys(bases: np.ndarray, month: int) -> np.ndarray:
    """:func:`_stream_keys_loop` for ``month``, compiled: the same wrapping uint64
    arithmetic as :meth:`Streams.draw_key`, for several streams and replicates in one
    call (numpy took a dozen operations on a few numbers each: nearly half the time of a
    batch's per-mother draws)."""
    term = np.uint64(((month + 1) * 0x9E3779B97F4A7C15) & _MASK)
    return _kernel("stream_keys")(bases, term)


def _unit_draws_by_row(rows: np.ndarray, ids: np.ndarray, which: np.ndarray,
                       keys: np.ndarray) -> np.ndarray:
    """One uniform per (stream, row) of a table stacking several replicates: row ``j`` is
    mother ``ids[j]`` of replicate ``which[j]``, and ``keys`` has a row per stream and a
    column per replicate."""
    return _kernel("draws_by_row")(rows, ids, which, keys)


class Streams:
    """The random streams of one replicate.

    Args:
        seed: Root seed of the run.
        replicate: Replicate number; each replicate has independent streams.
        record: If given, every per-mother draw is appended to it as
            ``(name, month, ids, uniforms)``; tests use this to check that changing one
            process leaves the draws of the others unchanged.
    """

    def __init__(self, seed: int, replicate: int = 0, record: list | None = None) -> None:
        self.seed = int(seed)
        self.replicate = int(replicate)
        self.record = record
        self._names: dict[str, int] = {}

    def key(self, name: str, month: int) -> np.uint64:
        """The stream's 64-bit key: a hash of (seed, replicate, name), mixed with the month."""
        return np.uint64(self._key(name, month))

    def stream_base(self, name: str) -> int:
        """The stream's hash of (seed, replicate, name), before the month is mixed in."""
        base = self._names.get(name)
        if base is None:
            base = self._names[name] = stable_hash("pathways", self.seed, self.replicate, name)
        return base

    def _key(self, name: str, month: int) -> int:
        return _mix_int((self.stream_base(name) + (month + 1) * 0x9E3779B97F4A7C15) & _MASK)

    def draw_key(self, name: str, month: int) -> int:
        """The key a per-mother draw adds to ``id * golden``: the stream's key plus the
        golden increment, so that the draw of element ``id`` is SplitMix64's counter
        ``id + 1``."""
        return (self._key(name, month) + 0x9E3779B97F4A7C15) & _MASK

    def uniform(self, name: str, month: int, ids: np.ndarray) -> np.ndarray:
        """One uniform in (0, 1) per mother id, for process ``name`` in ``month``."""
        ids = np.asarray(ids)
        key = np.array([self.draw_key(name, month)], np.uint64)
        u = _unit_draws(np.ascontiguousarray(ids, np.int64).reshape(-1), key)[0]
        u = u.reshape(ids.shape)  # one id gives a 0-d array: the kernel works on 1-d
        if self.record is not None:
            self.record.append((name, month, ids.copy(), u.copy()))
        return u

    def uniforms(self, names: list[str], month: int, ids: np.ndarray) -> dict[str, np.ndarray]:
        """:meth:`uniform` for several streams at once (one vectorised pass)."""
        ids = np.asarray(ids)
        keys = np.array([self.draw_key(name, month) for name in names], dtype=np.uint64)
        u = _unit_draws(np.ascontiguousarray(ids, np.int64).reshape(-1), keys)
        out = {name: row.reshape(ids.shape) for name, row in zip(names, u)}
        if self.record is not None:
            self.record.extend((name, month, ids.copy(), row.copy()) for name, row in out.items())
        return out

    def normal(self, name: str, month: int, ids: np.ndarray) -> np.ndarray:
        """One standard normal per mother id (inverse CDF of :meth:`uniform`)."""
        return ndtri(self.uniform(name, month, ids))

    def entropy(self, name: str, month: int = -1) -> list[int]:
        """What seeds the stream's NumPy generator in ``month`` (:meth:`generator`)."""
        return [self.seed & _MASK, self.replicate, _name_hash(name), month + 2**31]

    def generator(self, name: str, month: int = -1) -> np.random.Generator:
        """A NumPy generator for draws that are not per mother (employers, a policy's ties);
        counts drawn from it are :meth:`poisson`'s."""
        return np.random.Generator(np.random.PCG64(np.random.SeedSequence(
            self.entropy(name, month))))

    def poisson(self, name: str, month: int, lam: np.ndarray) -> np.ndarray:
        """``generator(name, month).poisson(lam)`` for an array of means, the same numbers
        drawn in one compiled call (:func:`simulate.pcg.poisson_rows`)."""
        lam = np.asarray(lam, dtype=np.float64)
        return poisson_rows(np.array([self.entropy(name, month)], dtype=np.uint64),
                            lam.reshape(1, -1)).reshape(lam.shape)

    def poisson_each(self, name: str, months: np.ndarray, lam: float) -> np.ndarray:
        """One count of mean ``lam`` per month of ``months``: each
        ``generator(name, month).poisson(lam)``, in one compiled call."""
        entropy = np.array([self.entropy(name, int(m)) for m in months], dtype=np.uint64)
        return poisson_rows(entropy, np.full((len(entropy), 1), float(lam)))[:, 0]
