"""The period sample: a hand-built spell table with a known answer, and a brute-force check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulate.calibration.sample import Window, period_sample, stock
from simulate.calibration.targets import statistics, targets_from_dict
from simulate.runner import simulate_replicate
from simulate.scenario import Scenario
from tests.calibration.reference_sample import period_sample_reference
from tests.conftest import SCENARIOS

WINDOW = Window(10, 33)   # 24 months
TARGET_AGE, KNOWN = 24, 7
NA = pd.NA


def _spells(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["mother_id", "start_month", "end_month", "exit_reason",
                                        "returning", "exempt_ever",
                                        "barrier_registered_at_entry", "age_at_start"])
    frame["end_month"] = frame["end_month"].astype("Int64")
    frame["education"] = "mbo_or_lower"
    frame["entry_reason"] = "other"
    return frame


# Each mother tests one rule; the comment says whether she is in the sample and why.
SPELLS = _spells([
    # 0: in the stock when the window opens, child born in month 0 (target group to 23).
    (0, -5, NA, None, False, False, True, 30.0),
    # 1: on assistance 12-20 but her child is 3 and her pregnancy is known only from 23: out.
    (1, 12, 20, "work", False, False, False, 25.0),
    # 2: enters in 15 (a return), child born 14, leaves for study in 25: in.
    (2, 15, 25, "study", True, False, False, 22.0),
    # 3: leaves in month 9, before the window: out.
    (3, 0, 9, "other", False, False, False, 28.0),
    # 4: leaves during the window's first month: in, a leaver.
    (4, 0, 10, "noncooperation", False, True, False, 35.0),
    # 5: out of the target group in her first spell, back pregnant in her second: in.
    (5, 20, 22, "work", False, False, True, 27.0),
    (5, 26, NA, None, True, True, False, 27.5),
    # 6: enters in the window's last month, pregnant: in.
    (6, 33, NA, None, False, False, False, 40.0),
    # 7: enters after the window: out.
    (7, 34, NA, None, False, False, False, 30.0),
    # 8: a long spell ending in the window's last month: in, a leaver (not on at its end).
    (8, -50, 33, "partner", False, False, False, 20.0),
])
CHILDREN = pd.DataFrame({"mother_id": [0, 1, 1, 2, 3, 4, 5, 6, 7, 8],
                         "birth_month": [0, -30, 30, 14, 5, 5, 30, 40, 35, 20]})


def test_period_sample_of_a_hand_built_table():
    sample = period_sample(SPELLS, CHILDREN, WINDOW, TARGET_AGE, KNOWN).set_index("mother_id")
    assert list(sample.index) == [0, 2, 4, 5, 6, 8]
    assert list(sample["on_assistance_at_end"]) == [True, False, False, True, True, False]
    assert list(sample["leaver"]) == [False, True, True, False, False, True]
    assert sample["exit_reason"].tolist()[1:3] == ["study", "noncooperation"]
    assert sample.at[8, "exit_reason"] == "partner" and pd.isna(sample.at[0, "exit_reason"])
    # Entrants: not on assistance when the window opened; mother 5 entered with her first
    # spell (not a return), even though only her second puts her in the target group.
    assert list(sample["entrant"]) == [False, True, False, True, True, False]
    assert list(sample["returning"]) == [False, True, False, False, False, False]
    assert list(sample["exempt"]) == [False, False, True, True, False, False]
    assert list(sample["barrier_registered_at_entry"]) == [True, False, False, True, False, False]
    # Age in the first month in the sample: 0 from month 10, 2 from 15, 4 from 10, 5 from 26
    # (due 30, known 7 months before), 6 from 33, 8 from 13 (her child's due month 20 - 7).
    ages = {0: 30 + 15 / 12, 2: 22.0, 4: 35 + 10 / 12, 5: 27.5, 6: 40.0, 8: 20 + 63 / 12}
    for mother, age in ages.items():
        assert sample.at[mother, "age_years"] == pytest.approx(age)


def test_target_statistics_of_the_hand_built_table():
    targets = targets_from_dict({
        "sampling": {"burn_in_months": 9, "window_months": 24},
        "targets": [
            {"name": "on", "value": 0.5, "sample_size": 100, "tolerance": 0.03, "source": "x",
             "statistic": {"share": "on_assistance_at_end"}},
            {"name": "study", "value": 0.3, "sample_size": 100, "tolerance": 0.03,
             "source": "x", "statistic": {"share": {"exit_reason": "study"},
                                          "among": "leaver"}},
            {"name": "left_study_or_partner", "value": 0.6, "sample_size": 100,
             "tolerance": 0.03, "source": "x",
             "statistic": {"share": {"exit_reason": ["study", "partner"]}, "among": "leaver"}},
            {"name": "returns", "value": 0.3, "sample_size": 100, "tolerance": 0.03,
             "source": "x", "statistic": {"share": "returning", "among": "entrant"}},
            {"name": "stayer_exempt", "value": 0.3, "sample_size": 100, "tolerance": 0.03,
             "source": "x", "statistic": {"share": "exempt",
                                          "among": {"on_assistance_at_end": True}}},
            {"name": "age", "value": 30, "standard_error": 1, "tolerance": 1, "source": "x",
             "statistic": {"mean": "age_years"}},
            {"name": "stock20", "value": 1, "standard_error": 1, "tolerance": 1, "source": "x",
             "statistic": {"stock_ratio": 20}},
        ]})
    assert targets.window == WINDOW
    values = statistics(targets, SPELLS, CHILDREN, size=8, horizon_months=36,
                        target_child_age_months=TARGET_AGE, pregnancy_known_months=KNOWN)
    assert values["on"] == pytest.approx(3 / 6)
    assert values["study"] == pytest.approx(1 / 3)
    assert values["left_study_or_partner"] == pytest.approx(2 / 3)
    assert values["returns"] == pytest.approx(1 / 3)
    assert values["stayer_exempt"] == pytest.approx(1 / 3)   # mother 5 of 0, 5 and 6
    ages = [30 + 15 / 12, 22.0, 35 + 10 / 12, 27.5, 40.0, 20 + 63 / 12]
    assert values["age"] == pytest.approx(np.mean(ages))
    # On assistance at the end of month 20: mothers 0, 2, 5 (first spell) and 8.
    assert values["stock20"] == pytest.approx(4 / 8)
    assert values["period_sample_women"] == 6


def test_the_sample_leaves_its_inputs_unchanged():
    spells, children = SPELLS.copy(), CHILDREN.copy()
    period_sample(spells, children, WINDOW, TARGET_AGE, KNOWN)
    pd.testing.assert_frame_equal(spells, SPELLS)
    pd.testing.assert_frame_equal(children, CHILDREN)


def test_no_one_in_the_target_group_gives_an_empty_sample():
    sample = period_sample(SPELLS, CHILDREN.assign(birth_month=-500), WINDOW, TARGET_AGE, KNOWN)
    assert sample.empty and "on_assistance_at_end" in sample.columns


@pytest.fixture(scope="module")
def small_run():
    scenario = Scenario.from_yaml(SCENARIOS / "baseline.yaml").with_values({"size": 250})
    return scenario, simulate_replicate(scenario, 0, seed=5, months=40, spells=True)


def test_stock_from_spells_equals_the_monthly_record(small_run):
    _, result = small_run
    spells = result.spells.drop(columns=["scenario", "replicate"])
    counted = [stock(spells, month) for month in result.monthly.index]
    assert counted == result.monthly["on_assistance"].astype(int).tolist()


def test_period_sample_agrees_with_a_month_by_month_count(small_run):
    scenario, result = small_run
    p = scenario.params()
    window = Window(17, 40)
    spells, children = result.spells, result.children
    sample = period_sample(spells, children, window, p.target_child_age_months,
                           p.pregnancy_known_months).set_index("mother_id")

    # Brute force: walk every month of every spell and ask whether she is in the group.
    births = children.groupby("mother_id")["birth_month"].apply(list).to_dict()
    expected: dict[int, float] = {}  # mother -> age in her first month in the sample
    for row in spells.sort_values(["mother_id", "start_month"]).itertuples():
        end = window.last if pd.isna(row.end_month) else min(int(row.end_month), window.last)
        for month in range(max(row.start_month, window.first), end + 1):
            if any(b - p.pregnancy_known_months <= month < b + p.target_child_age_months
                   for b in births.get(row.mother_id, [])):
                expected.setdefault(row.mother_id,
                                    row.age_at_start + (month - row.start_month) / 12)
                break
    assert sorted(expected) == sorted(sample.index)
    ages = pd.Series(expected).reindex(sample.index)
    np.testing.assert_allclose(sample["age_years"], ages, rtol=1e-9)
    last = spells.sort_values(["mother_id", "start_month"]).drop_duplicates(
        "mother_id", keep="last").set_index("mother_id")
    open_at_end = last["end_month"].isna() | (last["end_month"].astype("Float64") > window.last)
    assert (sample["on_assistance_at_end"]
            == open_at_end.reindex(sample.index).astype(bool)).all()
    assert len(sample) > 50 and 0 < sample["leaver"].mean() < 1


# ---- the fast sample against the same rules as joins of tables ------------------------------
def test_the_sample_of_runs_equals_the_reference(small_run):
    # A run's tables, and two replicates of two scenarios in one table (the keys separate
    # the samples).
    scenario, result = small_run
    p = scenario.params()
    other = simulate_replicate(scenario.with_values({"size": 200}), 1, seed=6, months=40,
                               spells=True)
    for spells, children in ((result.spells, result.children),
                             (pd.concat([result.spells, other.spells.assign(scenario="b")]),
                              pd.concat([result.children, other.children.assign(scenario="b")]))):
        for window in (Window(17, 40), Window(1, 12), Window(30, 30)):
            args = (window, p.target_child_age_months, p.pregnancy_known_months)
            pd.testing.assert_frame_equal(period_sample(spells, children, *args),
                                          period_sample_reference(spells, children, *args))


@settings(max_examples=60, deadline=None)
@given(data=st.data(), mothers=st.integers(1, 12), replicates=st.integers(1, 3))
def test_the_sample_of_any_table_equals_the_reference(data, mothers, replicates):
    rows, kids = [], []
    for r in range(replicates):
        for m in range(mothers):
            month = data.draw(st.integers(-40, 30))
            for _ in range(data.draw(st.integers(0, 3))):
                length = data.draw(st.integers(0, 20))
                closed = data.draw(st.booleans())
                rows.append((r, m, month, month + length if closed else None,
                             data.draw(st.sampled_from(["work", "study", "other"])) if closed
                             else None, data.draw(st.booleans()), data.draw(st.booleans()),
                             data.draw(st.booleans()), data.draw(st.booleans()),
                             data.draw(st.floats(16, 50)),
                             data.draw(st.sampled_from(["hbo_wo", "mbo_or_lower"]))))
                month += length + data.draw(st.integers(1, 6))
            kids += [(r, m, data.draw(st.integers(-60, 50)))
                     for _ in range(data.draw(st.integers(0, 3)))]
    spells = pd.DataFrame(rows, columns=["replicate", "mother_id", "start_month", "end_month",
                                         "exit_reason", "returning", "exempt_ever",
                                         "exempt_request_ever", "barrier_registered_at_entry",
                                         "age_at_start", "education"])
    spells["end_month"] = spells["end_month"].astype("Int64")
    spells["entry_reason"] = pd.Categorical(["other"] * len(spells))
    children = pd.DataFrame(kids, columns=["replicate", "mother_id", "birth_month"])
    window = Window(data.draw(st.integers(-10, 10)), data.draw(st.integers(10, 30)))
    args = (window, data.draw(st.integers(1, 30)), data.draw(st.integers(0, 9)))
    pd.testing.assert_frame_equal(period_sample(spells, children, *args),
                                  period_sample_reference(spells, children, *args))
