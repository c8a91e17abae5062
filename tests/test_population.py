"""The mothers' columns are declared twice on purpose: ``COLUMNS`` (dtype, fill, meaning) for
the program and the annotations on ``Mothers`` for the type checker. They must agree."""

from typing import get_args, get_type_hints

import numpy as np

from simulate.population import COLUMNS, Mothers


def _column_types() -> dict[str, type]:
    hints = get_type_hints(Mothers)
    # NDArray[X] is ndarray[shape, dtype[X]]: take X.
    return {name: get_args(get_args(hint)[1])[0] for name, hint in hints.items()}


def test_every_column_is_annotated_with_its_dtype_and_nothing_else_is():
    annotated = _column_types()
    assert list(annotated) == list(COLUMNS)
    for name, col in COLUMNS.items():
        assert annotated[name] is col.dtype, name


def test_a_new_table_holds_every_declared_column_with_its_dtype_and_fill():
    mothers = Mothers(capacity=16)
    for name, col in COLUMNS.items():
        column = getattr(mothers, name)
        assert column.dtype == np.dtype(col.dtype), name
        assert column.shape == (16,) and (column == col.fill).all(), name


def test_the_coach_table_annotations_match_its_fields():
    from simulate.agents.coach import CoachTable

    hints = {name: get_args(get_args(hint)[1])[0]
             for name, hint in get_type_hints(CoachTable).items() if name != "FIELDS"}
    assert hints == CoachTable.FIELDS
