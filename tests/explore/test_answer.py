"""The headline numbers are the comparison table's: the split of the saving by route when the
table has it, the net cost per extra exit to work under either name, nothing for the chance
of paying back while there are no plausible worlds."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from simulate.compare import compare
from simulate.explore import answer as an
from simulate.scenario import Scenario


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    from tests.explore.conftest import write_small

    base_path, paths = write_small(tmp_path_factory.mktemp("answer"))
    base = Scenario.from_yaml(base_path)
    return compare(base, [Scenario.from_yaml(paths["coaches"])], reps=3)


def _row(table, outcome):
    return table[table.outcome == outcome].iloc[0]


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_tile_shows_the_tables_estimate_and_interval(comparison, lang):
    table = comparison.table
    tiles = {t.key: t for t in an.tiles(comparison, lang, 12)}
    assert list(tiles)[:3] == ["work", "months", "benefit"]
    for key, outcome in [("work", "extra_exits_work_total"),
                         ("months", "mother_months_saved_total"),
                         ("benefit", "benefit_saved_eur_total"),
                         ("cost", "intervention_cost_eur_total"),
                         ("per_exit", "net_cost_per_extra_exit_total"),
                         ("break_even", "break_even_month")]:
        row = _row(table, outcome)
        tile = tiles[key]
        assert tile.outcome == outcome
        assert _same(tile.mean, row["mean"]) and _same(tile.low, row.ci_low)
        assert _same(tile.high, row.ci_high)
    assert "chance" not in tiles and an.chance_of_paying_back(comparison) is None
    assert not any(t.parts for t in tiles.values())
    assert ("EUR" if lang == "en" else "€") in tiles["benefit"].text


def _with(table: pd.DataFrame, rows: dict[str, float], drop: str | None = None):
    alt = table.alternative.iloc[0]
    extra = pd.DataFrame([{"alternative": alt, "outcome": o, "mean": v, "ci_low": v - 1,
                           "ci_high": v + 1, "replications": 3} for o, v in rows.items()])
    kept = table if drop is None else table[~table.outcome.str.startswith(drop + "_")]
    return pd.concat([kept, extra], ignore_index=True)


def test_the_saving_is_split_by_route_when_the_table_splits_it(comparison):
    split = {"mother_months_saved_via_work_total": 11.0,
             "mother_months_saved_via_noncooperation_total": 22.0,
             "mother_months_saved_via_other_exits_total": 33.0,
             "benefit_saved_via_work_eur_total": 1100.0,
             "benefit_saved_via_noncooperation_eur_total": 2200.0,
             "benefit_saved_via_other_exits_eur_total": 3300.0}
    comparison.table = _with(comparison.table, split)
    try:
        tiles = {t.key: t for t in an.tiles(comparison, "nl", 12)}
    finally:
        comparison.table = comparison.table[~comparison.table.outcome.isin(split)]
    months = {p.key: p for p in tiles["months"].parts}
    benefit = {p.key: p for p in tiles["benefit"].parts}
    assert [months[k].mean for k in ("via_work", "via_noncooperation", "via_other_exits")] == [
        11.0, 22.0, 33.0]
    assert benefit["via_work"].outcome == "benefit_saved_via_work_eur_total"
    assert benefit["via_other_exits"].text == "€\u00a03.300"
    assert months["via_noncooperation"].label == "via beëindiging wegens niet meewerken"


def test_the_net_cost_per_extra_exit_to_work_is_read_under_its_new_name_too(comparison):
    old = _row(comparison.table, "net_cost_per_extra_exit_total")
    assert not math.isnan(old["mean"])
    renamed = comparison.table.assign(outcome=comparison.table.outcome.str.replace(
        "net_cost_per_extra_exit_", "net_cost_per_extra_exit_to_work_", regex=False))
    original, comparison.table = comparison.table, renamed
    try:
        tile = {t.key: t for t in an.tiles(comparison, "en", 12)}["per_exit"]
        every = an.with_every_name(renamed)
    finally:
        comparison.table = original
    assert tile.outcome == "net_cost_per_extra_exit_to_work_total"
    assert _same(tile.mean, old["mean"])
    # Code that reads the old name (the report's charts) finds it.
    assert _same(_row(every, "net_cost_per_extra_exit_total")["mean"], old["mean"])
    assert len(an.with_every_name(every)) == len(every)
