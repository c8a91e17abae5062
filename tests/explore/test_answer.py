"""The headline numbers are the comparison table's: the split of the saving by route when the
table has it, the net cost per extra exit to work under either name, nothing for the chance
of paying back while there are no plausible worlds."""

from __future__ import annotations

import math

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
                         ("per_exit", "net_cost_per_extra_exit_to_work_total"),
                         ("break_even", "break_even_month")]:
        row = _row(table, outcome)
        tile = tiles[key]
        assert tile.outcome == outcome
        assert _same(tile.mean, row["mean"]) and _same(tile.low, row.ci_low)
        assert _same(tile.high, row.ci_high)
    assert "chance" not in tiles and an.chance_of_paying_back(comparison) is None
    # compare splits the saving by route, and the tiles show the split.
    assert tiles["months"].parts and tiles["benefit"].parts
    assert ("EUR" if lang == "en" else "€") in tiles["benefit"].text


def test_the_saving_is_split_by_route_as_the_table_splits_it(comparison):
    table = comparison.table
    tiles = {t.key: t for t in an.tiles(comparison, "nl", 12)}
    months = {p.key: p for p in tiles["months"].parts}
    benefit = {p.key: p for p in tiles["benefit"].parts}
    for route in ("work", "noncooperation", "other_exits"):
        row = _row(table, f"mother_months_saved_via_{route}_total")
        assert _same(months[f"via_{route}"].mean, row["mean"])
        assert benefit[f"via_{route}"].outcome == f"benefit_saved_via_{route}_eur_total"
    assert months["via_noncooperation"].label == "via beëindiging wegens niet meewerken"
