"""The shipped baseline, and every module at once, still give the committed snapshots (see
tests/update_snapshot.py)."""

from __future__ import annotations

import json

import pytest

from tests import update_snapshot as snapshot


@pytest.mark.parametrize("path, settings", snapshot.SNAPSHOTS,
                         ids=[p.stem for p, _ in snapshot.SNAPSHOTS])
def test_outputs_match_the_committed_snapshot(path, settings):
    try:
        committed = snapshot.load(path)
        settings = {k: committed[k] for k in settings}
        values = committed["values"]
    except (OSError, KeyError, json.JSONDecodeError) as err:
        pytest.fail(f"no usable snapshot at {path} ({err!r}); "
                    "write one with `make snapshot`", pytrace=False)
    fresh = snapshot.take(settings)
    if snapshot.differences(values, fresh):
        pytest.fail(snapshot.report(values, fresh, settings), pytrace=False)


def test_the_comparison_names_what_moved_and_by_how_much():
    committed = {"r0/exits_work_12m": 100, "r0/share_on_assistance_12m": 0.5,
                 "r0/month36/mean_stress": 0.25, "r0/month36/gone": 3}
    fresh = {"r0/exits_work_12m": 101, "r0/share_on_assistance_12m": 0.5 * (1 + 1e-12),
             "r0/month36/mean_stress": 0.3, "r0/month36/new": 1}
    lines = snapshot.differences(committed, fresh)
    assert len(lines) == 4  # a float within 1e-9 has not moved
    text = "\n".join(lines)
    assert "r0/exits_work_12m" in text and "(+1, +1.000%)" in text
    assert "r0/month36/mean_stress" in text and "+20.000%" in text
    assert "r0/month36/gone" in text and "not produced" in text
    assert "r0/month36/new" in text and "not in the snapshot" in text
    assert "make snapshot" in snapshot.report(committed, fresh, snapshot.SETTINGS)
    assert snapshot.differences(committed, dict(committed)) == []
