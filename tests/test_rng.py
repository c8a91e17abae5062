"""Common random numbers: one root seed, named streams, per-mother draws."""

from __future__ import annotations

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy as np
import pandas as pd
from hypothesis import given, settings
from scipy import stats

from simulate.model import PathwaysModel
from simulate.parameters import Params
from simulate.rng import (
    _GOLDEN,
    Streams,
    _splitmix,
    _to_unit,
    _unit_draws,
    stable_hash,
    stream_keys,
)


def test_per_mother_draws_do_not_depend_on_who_else_is_drawn():
    s = Streams(seed=3, replicate=0)
    everyone = s.uniform("ladder", 5, np.arange(1000))
    some = s.uniform("ladder", 5, np.array([999, 3, 500]))
    assert np.array_equal(some, everyone[[999, 3, 500]])


def test_streams_differ_by_name_month_replicate_and_seed():
    ids = np.arange(2000)
    base = Streams(3, 0).uniform("ladder", 5, ids)
    for other in (Streams(3, 0).uniform("contact", 5, ids), Streams(3, 0).uniform("ladder", 6, ids),
                  Streams(3, 1).uniform("ladder", 5, ids), Streams(4, 0).uniform("ladder", 5, ids)):
        # Independent uniforms: correlation near 0 (sd 1/sqrt(n)), never identical.
        assert abs(np.corrcoef(base, other)[0, 1]) < 4 / np.sqrt(len(ids))


def test_uniforms_are_uniform():
    u = Streams(11, 2).uniform("x", 0, np.arange(200_000))
    assert u.min() > 0 and u.max() < 1
    assert stats.kstest(u, "uniform").pvalue > 1e-4  # a fixed seed: deterministic outcome


def test_stable_hash_is_not_pythons_salted_hash():
    # A fixed value: the same in every process and Python version (blake2b of the text).
    assert stable_hash("pathways", 1, 0, "ladder", 3) == 0x647AF89D6B780C77
    assert stable_hash("a") != stable_hash("b")


def _run_with_record(months: int, **overrides):
    record: list = []
    params = Params.from_overrides({"size": 800, **overrides})
    model = PathwaysModel(params, seed=9, horizon_months=months, streams=Streams(9, 0, record))
    model.run(months)
    return model, record


def _draws(record, name):
    rows = [pd.DataFrame({"month": month, "id": ids, "u": u})
            for stream, month, ids, u in record if stream == name]
    return pd.concat(rows).set_index(["month", "id"])["u"]


def test_changing_one_process_leaves_every_other_processs_draws_unchanged():
    """Raise the study exit hazard: different mothers remain, but every draw any other
    process makes for a given (mother, month) is the same number in both runs."""
    base_model, base = _run_with_record(24)
    alt_model, alt = _run_with_record(24, study_exit_hazard=0.05)
    # The change matters: the runs differ in who is on assistance.
    assert base_model.record.series("on_assistance")[-1] != alt_model.record.series("on_assistance")[-1]
    names = {r[0] for r in base} - {"exit"}
    core = {"contact", "ladder", "offer", "lapse", "stress_event", "init:age"}
    assert core <= names
    compared = 0
    for name in names:
        a, b = _draws(base, name), _draws(alt, name)
        common = a.index.intersection(b.index)
        assert len(common) > 0 or name not in core
        assert np.array_equal(a.loc[common].to_numpy(), b.loc[common].to_numpy()), name
        compared += len(common)
    assert compared > 100_000


def test_population_and_inflow_are_identical_when_dynamics_change():
    a = PathwaysModel(Params.from_overrides({"size": 500}), seed=4).run(12)
    b = PathwaysModel(Params.from_overrides({"size": 500, "job_offer_base": 0.2,
                                             "ladder_up_base": 0.09}), seed=4).run(12)
    assert a.mothers.n == b.mothers.n  # same arrivals every month
    for col in ("birth_month", "education", "entry_reason", "network_ties", "confidence_own",
                "provider", "entry_month"):
        assert np.array_equal(getattr(a.mothers, col)[: a.mothers.n],
                              getattr(b.mothers, col)[: b.mothers.n]), col


class _Forbidden:
    """Stands in for a generator; any use fails the test."""

    def __getattr__(self, name):
        raise AssertionError(f"a draw from a generator outside the named streams ({name})")


def test_no_randomness_outside_the_named_streams():
    """Mesa's own generators and the global ones are never used: with all four policies
    running, replacing Mesa's with traps and checking the global states proves it."""
    import random

    import simulate
    from tests.conftest import SCENARIOS
    scenario = simulate.Scenario.from_yaml(SCENARIOS / "combined.yaml").with_values({"size": 600})
    np_state, py_state = np.random.get_state()[1].copy(), random.getstate()
    model = PathwaysModel(scenario.params(), scenario.make_policies(), seed=3,
                          horizon_months=12)
    model.random, model.rng = _Forbidden(), _Forbidden()
    model.run(12)
    assert np.array_equal(np.random.get_state()[1], np_state)
    assert random.getstate() == py_state
    assert model.record.wide()["peer_group_attendees"].sum() > 0  # the policies did act


def test_one_id_gets_the_draw_it_gets_among_others():
    s = Streams(seed=3, replicate=0)
    among = s.uniform("ladder", 5, np.array([7, 8, 9]))
    assert s.uniform("ladder", 5, 8) == among[1]
    assert s.uniform("ladder", 5, np.array(8)).shape == ()
    both = s.uniforms(["ladder", "contact"], 5, np.array(8))
    assert both["ladder"] == among[1]
    assert both["contact"] == s.uniform("contact", 5, np.array([8]))[0]
    assert len(s.uniform("ladder", 5, np.array([], dtype=np.int64))) == 0


@settings(max_examples=200, deadline=None)
@given(ids=hnp.arrays(np.int64, st.integers(0, 50), elements=st.integers(-2**63, 2**63 - 1)),
       keys=st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=4))
def test_compiled_draws_equal_the_numpy_hash_bit_for_bit(ids, keys):
    # The compiled kernel fuses the hash and the conversion; the numpy version is the
    # reference, so any id (negative ones wrap as the cast to uint64 does) and any key must
    # give the very same doubles.
    keys = np.array(keys, dtype=np.uint64)
    expected = np.stack([_to_unit(_splitmix(ids.astype(np.uint64) * _GOLDEN + k)) for k in keys])
    got = _unit_draws(ids, keys)
    assert got.shape == expected.shape
    assert np.array_equal(got.view(np.uint64), expected.view(np.uint64))


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**63 - 1), replicates=st.lists(st.integers(0, 10**6), min_size=1,
                                                            max_size=5),
       names=st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4),
       month=st.integers(-1000, 10**6))
def test_compiled_stream_keys_equal_each_replicates_own_key(seed, replicates, names, month):
    # A batch computes every replicate's key of a stream in one compiled call; each must be
    # the key the replicate alone draws with (Python's exact integer arithmetic).
    streams = [Streams(seed, r) for r in replicates]
    bases = np.array([[s.stream_base(n) for s in streams] for n in names], np.uint64)
    got = stream_keys(bases, month)
    expected = [[s.draw_key(n, month) for s in streams] for n in names]
    assert got.dtype == np.uint64 and got.tolist() == expected


def test_uniform_and_uniforms_give_the_same_draws_for_any_id_shape():
    s = Streams(5, 1)
    ids = np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::2]  # not contiguous, not int64
    one = s.uniform("x", 2, ids)
    both = s.uniforms(["y", "x"], 2, ids)
    assert one.shape == ids.shape and np.array_equal(one, both["x"])
    assert np.array_equal(s.uniform("x", 2, np.int64(7)), s.uniform("x", 2, np.array([7]))[0])
