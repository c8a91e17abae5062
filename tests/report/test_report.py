"""The HTML report: builds from each kind of output, numbers match, nothing external."""

from __future__ import annotations

import json
import re
from html import escape, unescape

import numpy as np
import pandas as pd
import pytest
import yaml

from simulate.cli.main import main
from simulate.report import build_report
from simulate.report.text import TEXT
from tests.conftest import ROOT

URL = re.compile(r"https?://[^\s\"'<>)]+")
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink",
              "http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/xmlns/",
              "http://www.w3.org/XML/1998/namespace")
TAG = re.compile(r'<span class="num" ([^>]*)>([^<]*)</span>')


def _numbers(html: str) -> list[dict]:
    """Tagged numbers: their data attributes, and the text shown as ``text``."""
    out = []
    for attrs, text in TAG.findall(html):
        found = dict(re.findall(r'data-([a-z_]+)="([^"]*)"', attrs))
        found["text"] = text
        out.append(found)
    return out


def _parse(text: str, lang: str = "en") -> float:
    """A shown number back as a float: "-EUR 1,234" -> -1234, "€ 1.234,5" -> 1234.5."""
    digits = text.replace("EUR", "").replace("€", "").replace("\u00a0", "").replace("%", "")
    if lang == "nl":
        digits = digits.replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", "")
    return float(digits)


def _section(html: str, start: str, end: str) -> str:
    return html.split(f'id="{start}"')[1].split(f'id="{end}"')[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_compare_report_numbers_match_the_comparison_table_with_their_signs(compare_dir, lang):
    html = build_report(compare_dir, lang=lang)
    table = pd.read_parquet(compare_dir / "comparison.parquet")
    tagged = [n for n in _numbers(html) if "alternative" in n]
    assert len(tagged) > 60
    for n in tagged:
        row = table[(table.alternative == n["alternative"]) & (table.outcome == n["outcome"])]
        assert len(row) == 1, n
        expected = float(row.iloc[0][n["stat"]])
        value = float(n["value"])
        assert (np.isnan(expected) and np.isnan(value)) or np.isclose(value, expected), n
        if np.isnan(value) or n["text"].startswith(">"):
            continue
        # What is shown is the value (or, in a sentence such as "95 fewer", its negation),
        # rounded: a sign error fails here.
        shown = _parse(n["text"], lang)
        target = -value if n.get("shown") == "negated" else value
        mark = "," if lang == "nl" else "."
        decimals = len(n["text"].rpartition(mark)[2]) if mark in n["text"] else 0
        assert abs(shown - target) <= 0.5 * 10 ** -decimals + 1e-9, n
    covered = {(n["alternative"], n["outcome"]) for n in tagged}
    for alt in ("places", "combined"):
        for outcome in ("extra_exits_work_per_100_reached_12m",
                        "net_cost_per_extra_exit_to_work_total", "break_even_month", "intervention_cost_eur_total",
                        "benefit_saved_eur_total", "mother_months_saved_total",
                        "extra_exits_noncooperation_total", "change_on_assistance_24m"):
            assert (alt, outcome) in covered, (alt, outcome)


def test_report_refers_to_no_other_host(compare_dir):
    html = build_report(compare_dir)
    assert set(URL.findall(html)) <= set(NAMESPACES)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script src" not in html and "@import" not in html


def test_run_report_has_the_outcome_table_and_charts(run_dir):
    html = build_report(run_dir)
    assert html.count('class="chart-box"') == 5
    runs = pd.read_parquet(run_dir / "runs.parquet")
    tagged = {n["outcome"]: float(n["value"]) for n in _numbers(html) if "scenario" in n}
    assert np.isclose(tagged["exits_work_24m"], runs["exits_work_24m"].mean())
    assert np.isclose(tagged["share_on_assistance_36m"], runs["share_on_assistance_36m"].mean())
    assert "exits to work within 24 months" in html


def test_text_from_files_is_escaped_not_interpreted(run_dir):
    html = build_report(run_dir)
    assert "Solo &lt;b&gt;run&lt;/b&gt; &amp; co" in html
    assert "<b>run</b>" not in html


def test_dutch_report_speaks_dutch_with_dutch_numbers(compare_dir):
    html = build_report(compare_dir, lang="nl")
    assert '<html lang="nl">' in html and "Wat elke interventie oplevert" in html
    cards = re.findall(r'<div class="card" data-alternative="([^"]+)">(.*?)</div>', html, re.DOTALL)
    # The cards follow the ranking a funder reads first (simulate.report.worlds.funder_order).
    from simulate.report.worlds import plain_order
    table = pd.read_parquet(compare_dir / "comparison.parquet")
    assert [a for a, _ in cards] == plain_order(table, ["places", "combined"])
    for _, body in cards:
        assert "Per 100 bereikte moeders" in body and "uitkeringslasten" in body
    said = " ".join(body for _, body in cards)
    assert "Klantmanagers en groepen" in said and "Coaches and groups" not in said
    assert "2 interventies" in html and "interventie(s)" not in html
    euros = re.findall(r"€\u00a0[\d.,]+", html)
    assert euros and all(re.fullmatch(r"€\u00a0\d{1,3}(\.\d{3})*", e) for e in euros)
    assumptions = _section(html, "assumptions", "reproduce")
    # Decimal commas, Dutch descriptions and units, Dutch sources.
    offer = str(yaml.safe_load((ROOT / "scenarios" / "baseline.yaml").read_text())
                ["parameters"]["job_offer_base"])
    assert offer.replace(".", ",") in assumptions and offer not in assumptions
    assert "Kans per maand op een baanaanbod" in assumptions
    assert "kans per maand" in assumptions and "probability per month" not in assumptions
    assert "aanname" in assumptions and "assumption" not in assumptions
    reproduce = html.split('id="reproduce"')[1]
    assert "startwaarde voor het toeval" in reproduce


def test_assumptions_list_shared_values_once_then_what_each_scenario_changes(compare_dir):
    html = build_report(compare_dir)
    section = _section(html, "assumptions", "reproduce")
    shared, changes = section.split("What each scenario changes")
    changes, assumed = changes.split("Values that are assumptions")
    # The calibrated values are shared by every scenario: listed once, not per scenario.
    assert shared.count("<code>job_<wbr>offer_<wbr>base</code>") == 1
    assert "job_<wbr>offer_<wbr>base" not in changes
    assert "combined runs: dedicated coaches, peer groups." in changes
    assert "<code>peer_<wbr>groups.<wbr>childcare_<wbr>during_<wbr>sessions</code>" in changes
    from simulate.parameters import PARAMETERS
    lo, hi = PARAMETERS["job_offer_base"].range
    assert "job_<wbr>offer_<wbr>base" in assumed and f"{lo:g} – {hi:g}" in assumed


def test_reproduce_section_has_command_seed_version_and_scenario_files(compare_dir):
    """The manifest's command, seed, replications, package version and each scenario's
    file and digest, and each scenario as it ran (the resolved YAML)."""
    html = build_report(compare_dir)
    section = html.split('id="reproduce"')[1]
    manifest = json.loads((compare_dir / "manifest.json").read_text())
    rows = dict(re.findall(r"<tr><td>([^<]*)</td><td>(.*?)</td></tr>", section))
    assert rows["command"] == f"<code>{escape(manifest['command'])}</code>"
    assert rows["seed"] == str(manifest["seed"]) == "20250101"
    assert rows["replications"] == str(manifest["replications"])
    assert rows["package version"] == manifest["package_version"]
    files = rows["scenario files"].replace("<wbr>", "").split("<br>")
    assert files == [f"{name}: <code>{escape(entry['file'])}</code> ({entry['digest']})"
                     for name, entry in manifest["scenarios"].items()]
    shown = dict(re.findall(r"<details><summary>([^<]*)</summary><pre>(.*?)</pre></details>",
                            section, re.DOTALL))
    assert set(shown) == set(manifest["scenarios"]) == {"base", "places", "combined"}
    for name, text in shown.items():
        ran = yaml.safe_load((compare_dir / f"scenario-{name}.yaml").read_text())
        assert yaml.safe_load(unescape(text)) == ran


def test_report_cli_writes_the_file_and_refuses_bad_directories(compare_dir, tmp_path, capsys):
    target = tmp_path / "r.html"
    assert main(["report", str(compare_dir), "-o", str(target), "--lang", "nl"]) == 0
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out.strip() == str(target.resolve())
    assert main(["report", str(tmp_path / "missing")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(e.startswith("report error: ") for e in err)
    assert main(["report", str(compare_dir), "--lang", "fr"]) == 2


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_text_key_exists_in_both_languages(lang):
    from simulate.report.text import TEXT
    assert set(TEXT[lang]) == set(TEXT["en"])


def test_sweep_report_shows_the_lever_heatmap_and_design_points(sweep_dir):
    html = build_report(sweep_dir)
    summary = pd.read_parquet(sweep_dir / "summary.parquet")
    assert html.count('class="chart-box"') == 2  # one heatmap per output
    assert '"type":"heatmap"' in html.replace(" ", "")
    tagged = [n for n in _numbers(html) if "point" in n]
    assert len(tagged) == 2 * len(summary)
    for n in tagged:
        expected = summary.loc[summary.point == int(n["point"]), n["outcome"]].iloc[0]
        assert np.isclose(float(n["value"]), expected)
    # Titles and headings in words; the names stay beside them for whoever reruns it.
    assert "Exits to work within 12 months, by monthly probability of an offer" in html
    assert "Varied in this experiment: monthly probability of an offer" in html
    assert "(job_offer_base), mothers per regular coach" in html
    assert set(URL.findall(html)) <= set(NAMESPACES)


def test_sensitivity_report_names_the_drivers_in_words(sensitivity_dir):
    html = build_report(sensitivity_dir, lang="nl")
    method = "sobol" if (sensitivity_dir / "sobol.parquet").exists() else "morris"
    indices = pd.read_parquet(sensitivity_dir / f"{method}.parquet")
    rank = "ST" if method == "sobol" else "mu_star"
    # A chart per output (Sobol adds a convergence chart per output).
    per_output = 2 if rank == "ST" else 1
    assert html.count('class="chart-box"') == per_output * indices.output.nunique()
    summary = html.split('id="summary"')[1].split('id="charts"')[0]
    top = indices.sort_values(rank).groupby("output").tail(1).set_index("output")["parameter"]
    words = {"job_offer_base": "kans per maand op een baanaanbod",
             "other_exit_hazard": "kans per maand op uitstroom om andere"}
    line = re.findall(r"<p>Uitstroom naar werk binnen 12 maanden hangt het meest af van: "
                      r"([^<]*)</p>", summary)
    assert len(line) == 1 and line[0].startswith(words[top["exits_work_12m"]])
    assert "job_offer_base" not in summary  # words, not names
    assert set(URL.findall(html)) <= set(NAMESPACES)


def _indices(directory) -> tuple[pd.DataFrame, str]:
    method = "sobol" if (directory / "sobol.parquet").exists() else "morris"
    return (pd.read_parquet(directory / f"{method}.parquet"),
            "ST" if method == "sobol" else "mu_star")


def _driver_values(html: str, lang: str) -> list[list[str]]:
    """Per drivers line, the index values it shows, in order, as text."""
    pattern = re.escape(TEXT[lang]["top_drivers"]).replace(r"\{output\}", r"[^<]*?").replace(
        r"\{names\}", "([^<]*?)")
    # Paragraphs first: a pattern that starts with a wildcard, run over the page's scripts,
    # takes a minute.
    found = [re.fullmatch(pattern, text) for text in re.findall(r"<p[^>]*>([^<]*)</p>", html)]
    return [re.findall(r" ([-\d.,]+)\)(?:, |$)", m.group(1)) for m in found if m]


@pytest.mark.parametrize("method", ["morris", "sobol"])
def test_the_drivers_line_shows_each_index_in_the_reports_language(method, request):
    """Each output's line shows its largest indices, from the largest down, written as the
    report's language writes numbers (a decimal comma in Dutch)."""
    directory = request.getfixturevalue(f"{method}_dir")
    html = build_report(directory, lang="nl")
    indices, rank = _indices(directory)
    lines = _driver_values(html, "nl")
    assert len(lines) == indices.output.nunique()
    for shown, (_, group) in zip(lines, indices.groupby("output", sort=False)):
        top = group[rank].dropna().sort_values(ascending=False).head(len(shown))
        assert len(shown) == min(3, len(group[rank].dropna())), shown
        for text, expected in zip(shown, top):
            assert "." not in text or "," in text, text  # no English decimal point
            value = float(text.replace(".", "").replace(",", "."))
            assert abs(value - expected) <= 0.05 + 0.005 * abs(expected), (text, expected)


def test_report_refuses_a_directory_as_output_and_damaged_inputs(compare_dir, tmp_path, capsys):
    assert main(["report", str(compare_dir), "-o", str(tmp_path)]) == 2
    import shutil
    broken = tmp_path / "broken"
    shutil.copytree(compare_dir, broken)
    (broken / "scenario-base.yaml").write_text("name: [unclosed\n")
    assert main(["report", str(broken)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(e.startswith("report error: ") for e in err)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_evidence_report_shows_every_check_with_the_simulated_effect_it_computed(evidence_dir,
                                                                                 lang):
    from simulate.report.evidence import TITLES_NL
    from tests.report.conftest import EVIDENCE_CHECKS
    results = pd.read_parquet(evidence_dir / "results.parquet")
    assert sorted(results["check"]) == sorted(EVIDENCE_CHECKS)
    html = build_report(evidence_dir, lang=lang)
    text = unescape(html)
    for r in results.itertuples():
        title = TITLES_NL[r.check] if lang == "nl" else r.title
        assert text.count(title) >= 2, title  # in the table and in its details
        shown = re.findall(rf'data-check="{r.check}" data-stat="simulated" '
                           r'data-value="([^"]+)"', html)
        if r.status == "not yet modelled":
            assert shown == []
        else:
            assert float(shown[0]) == pytest.approx(r.simulated)
    evidence = results[(results.counts_as == "evidence")
                       & (results.status != "not yet modelled")]
    calibrated = results[results.counts_as == "target"]
    # The fixture has both kinds: the caseworker benefit-days, durability and debt checks
    # were calibrated to.
    assert set(calibrated.check) == {"caseworker_benefit_days", "work_exit_lasts_6_months",
                                     "debt_assistance_outflow"}
    verdict = TEXT[lang]["evidence_verdict"].format(
        passed=int((evidence.status == "pass").sum()), modelled=len(evidence))
    assert verdict in text
    within = int((calibrated.status == "calibrated").sum())
    if within:
        assert TEXT[lang]["calibrated_verdict"].format(n=within) in text
    # Evidence and calibrated checks in tables and charts of their own: a calibrated
    # check's row comes after the heading of its section, never in the evidence table.
    heading = f'<h2 id="calibrated">{TEXT[lang]["calibrated_checks"]}</h2>'
    assert text.count(heading) == 1
    after, charts = text.index(heading), text.index('<h2 id="charts">')
    for r in results.itertuples():
        if r.status != "not yet modelled":
            row = text.index(f'data-check="{r.check}" data-stat="simulated"')
            assert row < charts and (row > after) == (r.counts_as == "target"), r.check
    assert text.count('class="chart-box"') == 2
    # The study's words, from the checks file copied into the output directory.
    assert "Austrian public employment office" in text


def test_report_cli_builds_the_evidence_page_and_refuses_a_damaged_result(evidence_dir,
                                                                          tmp_path, capsys):
    import shutil
    copy = tmp_path / "ev"
    shutil.copytree(evidence_dir, copy)
    assert main(["report", str(copy), "--lang", "nl"]) == 0
    assert (copy / "report.html").read_text().count("<table") >= 3
    data = bytearray((copy / "results.parquet").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "results.parquet").write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["report", str(copy), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "results.parquet" in err


def test_every_shipped_check_has_its_dutch_title():
    from simulate.evidence.spec import load_checks
    from simulate.report.evidence import TITLES_NL
    missing = [c.name for c in load_checks().checks if c.name not in TITLES_NL]
    assert missing == [], "simulate/report/evidence.py TITLES_NL: add " + ", ".join(missing)
