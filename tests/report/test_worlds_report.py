"""The comparison in plausible worlds from the command line (its JSON, manifest and
tables) and in the report, in English and Dutch."""

from __future__ import annotations

import json

import pandas as pd

from simulate.cli.main import main
from simulate.report import build_report


def test_compare_with_worlds_writes_both_intervals(worlds_dir):
    manifest = json.loads((worlds_dir / "manifest.json").read_text())
    w = manifest["worlds"]
    assert w["kept"] == 6 and w["drawn"] >= 6 and "stock_outflow_12m" in w["left_out"]
    assert "dedicated_coaches.contact_effect_multiplier" in w["programmes"]
    summary = pd.read_parquet(worlds_dir / "worlds_summary.parquet")
    assert set(summary.alternative) == {"places", "coaches"}
    for col in ("median", "world_low", "world_high", "replication_low", "replication_high"):
        assert summary[col].notna().any(), col
    chances = pd.read_parquet(worlds_dir / "worlds_chances.parquet")
    assert set(chances.month) == {12, 24, 36}
    assert chances.pays_back.between(0, 1).all()


def test_compare_with_worlds_reuses_its_worlds_and_prints_json(worlds_dir, tmp_path, capsys):
    """A second comparison with the same base and targets reuses the cached worlds and
    runs: the same tables, and the JSON holds every part."""
    cache = worlds_dir.parent / "cache"
    before = sorted(p.name for p in cache.iterdir())
    base, places, coaches = (worlds_dir.parent / f"{n}.yaml" for n in ("base", "places",
                                                                       "coaches"))
    out = tmp_path / "again"
    assert main(["compare", str(base), str(places), str(coaches), "--out", str(out),
                 "--worlds", "6", "--world-reps", "2", "--max-waves", "2", "--workers", "1",
                 "--world-draw", "fit", "--worlds-cache", str(cache), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"alternatives", "worlds"}
    assert {"summary", "pays_back", "acceptability", "beats", "drivers", "flips"} <= set(
        data["worlds"])
    assert all(f["sentence"] for f in data["worlds"]["flips"])
    assert sorted(p.name for p in cache.iterdir()) == before
    pd.testing.assert_frame_equal(pd.read_parquet(out / "worlds_per_world.parquet"),
                                  pd.read_parquet(worlds_dir / "worlds_per_world.parquet"))


def test_the_report_opens_with_the_funders_view_in_both_languages(worlds_dir):
    for lang, words in (("en", "range over worlds"), ("nl", "spreiding over werelden")):
        html = build_report(worlds_dir, lang)
        assert words in html
        assert 'data-stat="world"' in html and 'data-stat="replication"' in html
        assert html.index('id="worlds"') < html.index('id="glance"')
        assert html.count('data-outcome="pays_back_36"') == 2 * 2  # ranking and by month
    # The method note counts the model's parameters the worlds drew (--world-draw).
    # (A range the scan shrank to its value, as when the small base misses the targets,
    # is not drawn.)
    drawn = sum(hi > lo for lo, hi in json.loads((worlds_dir / "manifest.json").read_text())[
        "worlds"]["screened"].values())
    en, nl = build_report(worlds_dir, "en"), build_report(worlds_dir, "nl")
    if drawn:
        assert f"; {drawn} parameters of the model that no target fits" in en
        assert f"; {drawn} parameters van het model" in nl
    else:  # none drawn, none counted
        assert "parameters of the model that no target fits" not in en
        assert "parameters van het model waarop" not in nl


def test_the_method_note_says_how_many_uncertain_parameters_keep_their_values(worlds_dir,
                                                                            tmp_path):
    # Drawn with the screened seven, the rest of the model's uncertain parameters are held,
    # and the note says how many, with the option that draws them; a manifest that says
    # none is held (--world-draw all) says every one is drawn; one written before the
    # manifest listed them counts those not drawn.
    import shutil
    from html import unescape

    from simulate.worlds import held_parameters

    manifest = json.loads((worlds_dir / "manifest.json").read_text())
    info = manifest["worlds"]
    held = info["held"]
    spread = [n for n, (lo, hi) in info["screened"].items() if hi > lo]
    assert held == held_parameters([*info["calibrated"], *spread])
    assert len(held) > 90 and not set(held) & set(spread)
    assert not [n for n, (lo, hi) in info["screened"].items() if hi <= lo]  # none held fixed
    # Where the base misses the targets, the scan keeps the screened seven at their
    # values (a range of one, held), and the note says so apart from those never scanned.
    from simulate.worlds import SCREENED

    fixed = list(SCREENED)
    held_fixed = held_parameters(info["calibrated"])
    others = len(held_fixed) - len(fixed)
    missed = tmp_path / "missed"
    shutil.copytree(worlds_dir, missed)
    changed = json.loads((missed / "manifest.json").read_text())
    changed["worlds"]["screened"] = {n: [0.5, 0.5] for n in fixed}
    changed["worlds"]["held"] = held_fixed
    (missed / "manifest.json").write_text(json.dumps(changed))
    en, nl = (unescape(build_report(missed, lang)) for lang in ("en", "nl"))
    assert f"The model's {others} other uncertain parameters keep their values" in en
    assert "--world-draw all" in en and "--world-draw all" in nl
    assert f"De {others} andere onzekere parameters van het model houden hun waarde" in nl
    assert f"{len(fixed)} were scanned but keep their values" in en and fixed
    assert f"{len(fixed)} zijn afgetast maar houden hun waarde" in nl
    for held_now, words in (([], "Every uncertain parameter of the model is drawn."),
                            (None, f"The model's {len(held)} other uncertain parameters")):
        copy = tmp_path / f"copy-{held_now is None}"
        shutil.copytree(worlds_dir, copy)
        changed = json.loads((copy / "manifest.json").read_text())
        if held_now is None:
            del changed["worlds"]["held"]
        else:
            changed["worlds"]["held"] = held_now
            changed["worlds"]["screened"] = {n: [0.0, 1.0] for n in SCREENED}
        (copy / "manifest.json").write_text(json.dumps(changed))
        text = unescape(build_report(copy, "en"))
        assert words in text
        if held_now is not None:  # every scanned one drawn, and counted
            assert f"; {len(SCREENED)} parameters of the model that no target" in text


def test_the_method_note_counts_the_draws_the_emulator_kept_from_running(worlds_dir, tmp_path):
    # Draws the emulator finds implausible are not run; the note counts them (with the
    # language's separators), and says nothing when there were none.
    import shutil
    from html import unescape

    manifest = json.loads((worlds_dir / "manifest.json").read_text())
    en = unescape(build_report(worlds_dir, "en"))
    assert manifest["worlds"]["emulated_out"] == 0 and "were not run" not in en
    copy = tmp_path / "emulated"
    shutil.copytree(worlds_dir, copy)
    manifest["worlds"]["emulated_out"] = 1234
    (copy / "manifest.json").write_text(json.dumps(manifest))
    en, nl = (unescape(build_report(copy, lang)) for lang in ("en", "nl"))
    assert "Another 1,234 worlds drawn were not run: an emulator" in en
    assert "Nog 1.234 getrokken werelden zijn niet doorgerekend: een emulator" in nl

def test_a_funder_reads_savers_first_then_cost_per_exit_then_the_unclear():
    from simulate.report.worlds import plain_order

    def rows(alt, net, per, exits):
        return [{"alternative": alt, "outcome": "net_cost_eur_total", "mean": net,
                 "ci_low": net - 1, "ci_high": net + 1},
                {"alternative": alt, "outcome": "net_cost_per_extra_exit_to_work_total",
                 "mean": per, "ci_low": per - 1, "ci_high": per + 1},
                {"alternative": alt, "outcome": "extra_exits_work_total", "mean": exits[0],
                 "ci_low": exits[1], "ci_high": exits[2]}]

    table = pd.DataFrame([
        *rows("cheap", 1e5, 1e4, (10, 5, 15)), *rows("saves_little", -1e4, -1e3, (10, 5, 15)),
        *rows("saves_most", -1e6, -1e5, (10, 5, 15)), *rows("unclear", 1e5, 100, (0.1, -1, 1)),
        *rows("dear", 1e6, 1e5, (10, 5, 15))])
    order = plain_order(table, ["cheap", "saves_little", "unclear", "dear", "saves_most"])
    assert order == ["saves_most", "saves_little", "cheap", "dear", "unclear"]
