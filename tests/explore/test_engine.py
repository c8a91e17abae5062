"""The engine's answers are simulate compare's: the same numbers after k replicates as
``compare(..., reps=k)``, worlds burned in once, the latest setting first."""

from __future__ import annotations

import pandas as pd
import pytest

from simulate import model as model_module
from simulate.compare import compare
from simulate.explore.engine import Engine
from simulate.scenario import Scenario


def _scenarios(small):
    base_path, paths = small
    return Scenario.from_yaml(base_path), {k: Scenario.from_yaml(v) for k, v in paths.items()}


@pytest.fixture
def engine(small):
    base, _ = _scenarios(small)
    eng = Engine(base, reps=4, first=3).start()
    yield eng
    eng.stop()


def test_first_and_full_answers_equal_compare_with_as_many_replications(small, engine):
    base, programmes = _scenarios(small)
    alt = programmes["groups"].with_values({"training.groups_per_year": 6,
                                            "regular_caseload_target": 90.0})
    key = engine.submit(alt)
    first = engine.wait(key)
    assert first.comparison is not None and first.replications >= 3
    expected = compare(base, [alt], reps=first.replications)
    pd.testing.assert_frame_equal(first.comparison.table, expected.table)
    full = engine.wait(key, complete=True)
    assert full.complete and full.replications == 4 and full.done == 4
    pd.testing.assert_frame_equal(full.comparison.table, compare(base, [alt], reps=4).table)
    assert full.seconds_first is not None and full.seconds_full >= full.seconds_first


def test_a_seed_other_than_the_bases_gives_compares_numbers_for_that_seed(small):
    base, programmes = _scenarios(small)
    engine = Engine(base, reps=3, seed=99).start()
    try:
        key = engine.submit(programmes["coaches"])
        answer = engine.wait(key, complete=True)
    finally:
        engine.stop()
    expected = compare(base, [programmes["coaches"]], reps=3, seed=99)
    pd.testing.assert_frame_equal(answer.comparison.table, expected.table)


def test_a_lever_change_reuses_the_burned_in_worlds(small, engine, monkeypatch):
    _, programmes = _scenarios(small)
    engine.wait(engine.submit(programmes["coaches"]), complete=True)
    burn_ins = []
    take = model_module.BurnIn.take
    monkeypatch.setattr(model_module.BurnIn, "take",
                        classmethod(lambda cls, m: burn_ins.append(1) or take(m)))
    for coaches in (3, 5):
        moved = programmes["coaches"].with_values({"dedicated_coaches.coaches": coaches,
                                                   "regular_caseload_target": 100.0})
        assert engine.wait(engine.submit(moved), complete=True).complete
    assert burn_ins == []


def test_the_latest_setting_is_answered_first_and_a_pinned_one_after_it(small):
    base, programmes = _scenarios(small)
    engine = Engine(base, reps=4, warm=False).start()
    try:
        old = engine.submit(programmes["coaches"])
        new = engine.submit(programmes["groups"])
        assert engine.wait(new, complete=True).complete
        # Neither current nor pinned: the old setting waits.
        assert engine.answer(old).done < 4
        engine.pin([old])
        assert engine.wait(old, complete=True).complete
    finally:
        engine.stop()


def test_a_setting_that_fails_says_why_and_the_engine_goes_on(small, engine, monkeypatch):
    _, programmes = _scenarios(small)
    broken = programmes["groups"]
    real = Scenario.make_policies

    def make(self):
        if self.name == broken.name:
            raise RuntimeError("no policies today")
        return real(self)

    monkeypatch.setattr(Scenario, "make_policies", make)
    bad = engine.wait(engine.submit(broken), complete=True, timeout=60)
    assert bad.error == "RuntimeError: no policies today" and bad.comparison is None
    good = engine.wait(engine.submit(programmes["coaches"]), complete=True, timeout=60)
    assert good.complete and good.error is None


def test_an_alternative_that_changes_more_than_levers_is_refused(small, engine):
    base, programmes = _scenarios(small)
    with pytest.raises(ValueError, match="population.size"):
        engine.submit(programmes["coaches"].with_values({"size": 400}))
    with pytest.raises(ValueError, match="name other than the base"):
        engine.submit(base)
    assert engine.answer("unknown").done == 0
