"""Every parameter is declared once, with unit, range, source; values are validated."""

from __future__ import annotations

import pytest

from simulate.parameters import PARAMETERS, Parameter, Params
from simulate.policies import REGISTRY


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
