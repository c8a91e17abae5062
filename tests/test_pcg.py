"""The compiled Poisson draws of seeded NumPy generators give NumPy's own numbers."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given, settings

from simulate.batch import StackedStreams
from simulate.pcg import LAM_MAX, poisson_rows
from simulate.rng import Streams


def numpy_poisson(entropy: list[int], lam: np.ndarray) -> np.ndarray:
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(entropy))).poisson(lam)


# Entries of every size SeedSequence splits into one or two 32-bit words, zero included.
entries = st.one_of(st.just(0), st.integers(0, 2**32 - 1), st.integers(0, 2**64 - 1))
# Means on both sides of NumPy's switch from multiplication to PTRS at 10, and near 0.
means = st.one_of(st.just(0.0), st.floats(0, 10, exclude_max=True), st.just(10.0),
                  st.floats(10, 1e4), st.floats(1e-12, 1e-3))


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(entries, min_size=4, max_size=4), min_size=1, max_size=4),
       lam=st.lists(means, min_size=1, max_size=12))
def test_rows_are_numpys_draws(rows, lam):
    got = poisson_rows(np.array(rows, dtype=np.uint64), np.tile(lam, (len(rows), 1)))
    for entropy, row in zip(rows, got):
        assert np.array_equal(row, numpy_poisson(entropy, np.array(lam)))


@settings(max_examples=100, deadline=None)
@given(width=st.integers(1, 7), data=st.data())
def test_any_number_of_entropy_words(width, data):
    """SeedSequence mixes entries beyond its pool of four words in a further pass."""
    entropy = data.draw(st.lists(entries, min_size=width, max_size=width))
    lam = np.array([0.5, 3.0, 25.0, 400.0])
    assert np.array_equal(poisson_rows(np.array([entropy], dtype=np.uint64), lam[None])[0],
                          numpy_poisson(entropy, lam))


@pytest.mark.parametrize("lam", [-1.0, np.nan, 2 * LAM_MAX])
def test_bad_means_are_refused_as_numpy_refuses_them(lam):
    with pytest.raises(ValueError):
        numpy_poisson([1, 2, 3, 4], np.array([lam]))
    with pytest.raises(ValueError):
        poisson_rows(np.array([[1, 2, 3, 4]], dtype=np.uint64), np.array([[lam]]))


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(-2**63, 2**63 - 1), replicate=st.integers(0, 10_000),
       month=st.integers(-1, 600), name=st.text(min_size=1, max_size=12),
       lam=st.lists(means, min_size=1, max_size=8))
def test_streams_draw_their_generators_counts(seed, replicate, month, name, lam):
    s = Streams(seed, replicate)
    lam = np.array(lam)
    assert np.array_equal(s.poisson(name, month, lam), s.generator(name, month).poisson(lam))
    months = np.arange(month, month + 3)
    assert s.poisson_each(name, months, 24.5).tolist() == [
        s.generator(name, int(m)).poisson(24.5) for m in months]


def test_a_batch_draws_each_replicates_counts_for_its_block():
    replicates = [Streams(7, r) for r in (0, 3, 9)]
    lam = np.linspace(0.1, 30.0, 3 * 5)
    stacked = StackedStreams(None, replicates).poisson("vacancies", 12, lam)
    alone = [s.poisson("vacancies", 12, block) for s, block in zip(replicates, lam.reshape(3, 5))]
    assert np.array_equal(stacked, np.concatenate(alone))
