"""Designs: grid order, SALib sampling, integer and true/false factors, reproducibility."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given, settings

from simulate.experiments.design import Design, Factor
from simulate.parameters import PARAMETERS, Parameter


def _factor(name: str, **kw) -> Factor:
    p = PARAMETERS[name]
    if "values" not in kw:
        kw.setdefault("low", p.range[0])
        kw.setdefault("high", p.range[1])
    return Factor(name, p, **kw)


def test_grid_is_every_combination_first_factor_slowest():
    d = Design("grid", (_factor("job_offer_base", values=(0.1, 0.2)),
                        _factor("sanction_months", values=(1, 2, 3))))
    m = d.matrix(seed=1)
    assert d.size == len(m) == 6 and m.x is None
    assert m.rows == [(0.1, 1), (0.1, 2), (0.1, 3), (0.2, 1), (0.2, 2), (0.2, 3)]


@pytest.mark.parametrize("kind,second,size", [("sobol", False, 8 * 4), ("sobol", True, 8 * 6),
                                              ("morris", False, 8 * 3), ("sample", False, 8)])
def test_sampled_sizes_and_bounds(kind, second, size):
    d = Design(kind, (_factor("job_offer_base"), _factor("study_exit_hazard", low=0.0, high=0.01)),
               samples=8, second_order=second)
    m = d.matrix(seed=3)
    assert d.size == len(m) == m.x.shape[0] == size
    offers = np.array([r[0] for r in m.rows])
    study = np.array([r[1] for r in m.rows])
    lo, hi = PARAMETERS["job_offer_base"].range
    assert offers.min() >= lo and offers.max() <= hi
    assert study.min() >= 0.0 and study.max() <= 0.01


def test_the_same_seed_gives_the_same_design_and_another_seed_another():
    d = Design("sobol", (_factor("job_offer_base"), _factor("ladder_up_base")), samples=16)
    np.testing.assert_array_equal(d.matrix(5).x, d.matrix(5).x)
    assert not np.array_equal(d.matrix(5).x, d.matrix(6).x)


def test_integers_are_valid_and_equally_likely():
    # exemption_review_months ranges over 3..12: each value gets a tenth of an LHS.
    d = Design("sample", (_factor("exemption_review_months"),), samples=4000)
    values = np.array([r[0] for r in d.matrix(seed=2).rows])
    assert all(isinstance(v, int) for v in values.tolist())
    counts = np.bincount(values, minlength=13)[3:]
    assert counts.sum() == 4000 and set(np.unique(values)) == set(range(3, 13))
    # A Latin hypercube stratifies [3, 13) into 4000 cells: each integer gets exactly 400.
    assert counts.tolist() == [400] * 10


def test_true_false_factors_take_both_values():
    p = Parameter("flag", False, "yes/no", None, "test", "A switch.", type=bool)
    d = Design("sample", (Factor("flag", p),), samples=100)
    values = [r[0] for r in d.matrix(seed=1).rows]
    assert set(values) == {True, False} and values.count(True) == 50


def test_sobol_rows_come_in_blocks_of_one_base_sample():
    # Saltelli layout: A, AB_1..AB_D, B per base sample; AB_j differs from A in column j only.
    d = Design("sobol", (_factor("job_offer_base"), _factor("ladder_up_base"),
                         _factor("study_exit_hazard")), samples=4)
    x = d.matrix(seed=1).x.reshape(4, d.step, 3)
    for block in x:
        a, b = block[0], block[-1]
        for j in range(3):
            expected = a.copy()
            expected[j] = b[j]
            np.testing.assert_array_equal(block[1 + j], expected)


def _outcome(call):
    try:
        values = call()
    except (ValueError, OverflowError) as e:
        return type(e), str(e)
    return [(type(v), v) for v in values]


_KINDS = {name: PARAMETERS[name] for name in ("job_offer_base", "exemption_review_months",
                                              "study_exit_hazard")}


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from([*_KINDS, "flag"]), data=st.data(),
       x=st.lists(st.one_of(st.floats(-2.0, 20.0), st.sampled_from([np.nan, np.inf, -np.inf])),
                  max_size=30))
def test_a_column_of_values_is_each_value_checked_alone(name, data, x):
    # A design's matrix maps each column at once (Factor.column); each value is the one
    # Factor.value gives, of the same Python type, or the same error.
    if name == "flag":
        f = Factor("flag", Parameter("flag", False, "yes/no", None, "test", "A switch.",
                                     type=bool))
    else:
        p = _KINDS[name]
        lo, hi = p.range
        low = data.draw(st.floats(lo, hi))
        f = Factor(name, p, low=low, high=data.draw(st.floats(low, hi)))
    column = np.array(x, dtype=float)
    assert _outcome(lambda: f.column(column)) == _outcome(
        lambda: [f.value(v) for v in column])
