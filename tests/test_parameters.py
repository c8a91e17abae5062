"""Every parameter is declared once, with unit, range, source; values are validated."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.parameters import PARAMETERS, Parameter, Params
from simulate.policies import REGISTRY
from simulate.schema import check_number


def _all():
    yield from PARAMETERS.values()
    for cls in REGISTRY.values():
        yield from cls.parameters.values()


@pytest.mark.parametrize("p", list(_all()), ids=lambda p: p.name)
def test_declaration_is_complete(p: Parameter):
    assert p.unit and p.doc and p.source
    if p.type in (int, float):
        assert p.range is not None
        lo, hi = p.range
        assert lo <= p.default <= hi, "the default lies in its plausible range"


def test_unknown_and_bad_values_are_refused():
    with pytest.raises(ValueError, match="unknown parameter"):
        Params.from_overrides({"nope": 1})
    with pytest.raises(ValueError, match="out of range"):
        Params.from_overrides({"job_offer_base": -0.1})
    with pytest.raises(ValueError, match="not a number"):
        Params.from_overrides({"job_offer_base": True})
    with pytest.raises(ValueError, match="add up to"):
        Params.from_overrides({"share_entry_student_finance": 0.9})


def test_params_are_read_only_and_replace_returns_a_copy():
    p = Params()
    q = p.replace(job_offer_base=0.2)
    assert p.job_offer_base == PARAMETERS["job_offer_base"].default and q.job_offer_base == 0.2
    with pytest.raises(AttributeError):
        p.job_offer_base = 0.3


# numpy's and pandas' scalar types: what EMA Workbench, Mesa's batch_run and a DataFrame row
# hand over. Each must be taken as the number it is, or refused as Python's own would be.
NUMPY_INTEGERS = (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
                  np.uint64)
NUMPY_FLOATS = (np.float16, np.float32, np.float64)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NUMPY_INTEGERS), st.integers(0, 127), st.booleans())
def test_numpy_and_pandas_integers_are_numbers(kind, value, through_pandas):
    scalar = kind(value)
    if through_pandas:  # what a DataFrame cell (or a nullable Int64 column) gives
        scalar = pd.Series([scalar], dtype="Int64" if value % 2 else kind).iloc[0]
    checked = check_number(scalar, integer=True, low=0, high=300)
    assert checked == value and type(checked) is int
    as_float = check_number(scalar, low=0.0, high=300.0)
    assert as_float == float(value) and type(as_float) is float
    assert Params.from_overrides({"burn_in_months": scalar}).burn_in_months == value
    # Out of range is out of range, whatever the type.
    with pytest.raises(ValueError, match="out of range"):
        check_number(scalar, integer=True, low=value + 1)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NUMPY_FLOATS),
       st.floats(0.0, 1.0, allow_nan=False, width=16), st.booleans())
def test_numpy_and_pandas_floats_are_numbers(kind, value, through_pandas):
    scalar = kind(value)
    if through_pandas:
        scalar = pd.Series([scalar]).iloc[0]
    checked = check_number(scalar, low=0.0, high=1.0)
    assert checked == float(scalar) and type(checked) is float
    assert Params.from_overrides({"job_offer_base": scalar}).job_offer_base == float(scalar)
    if float(scalar).is_integer():
        assert check_number(scalar, integer=True) == int(scalar)
    else:
        with pytest.raises(ValueError, match="not an integer"):
            check_number(scalar, integer=True)


@given(st.sampled_from([np.float16, np.float32, np.float64]),
       st.sampled_from([float("nan"), float("inf"), float("-inf")]))
def test_numpy_nan_and_infinity_are_not_numbers(kind, value):
    with pytest.raises(ValueError, match="not a number"):
        check_number(kind(value))


@given(st.sampled_from([np.True_, np.False_, True, False, pd.NA, "3", None, [1]]))
def test_true_false_and_missing_are_not_numbers(value):
    with pytest.raises(ValueError, match="not a number"):
        check_number(value)


@given(st.sampled_from([np.True_, np.False_]))
def test_numpy_booleans_are_true_or_false(value):
    declaration = next(p for p in _all() if p.type is bool)
    assert declaration.check(value) is bool(value)


_LIMITED = sorted({n for group in PARAMETERS.share_groups for n in group}
                  | {n for names, _ in PARAMETERS.product_limits for n in names})


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.data())
def test_the_rule_over_many_points_is_the_rule_point_by_point(data):
    """first_group_violation finds the first point that check_groups refuses, and only
    such a point, for any values within the hard bounds of the limited parameters."""
    varied = data.draw(st.lists(st.sampled_from(_LIMITED), min_size=1, unique=True))
    points = data.draw(st.integers(1, 6))
    columns = {n: [data.draw(st.floats(*PARAMETERS[n].bounds)) for _ in range(points)]
               for n in varied}
    base = PARAMETERS.defaults()
    refused = [PARAMETERS.check_groups({**base, **{n: columns[n][i] for n in varied}})
               is not None for i in range(points)]
    first = PARAMETERS.first_group_violation(columns, base, points)
    assert first == (refused.index(True) if any(refused) else None)
