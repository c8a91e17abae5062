"""The Dutch report is Dutch: every parameter has a Dutch description, unit and source;
numbers have decimal commas; outcomes have Dutch names; the words are a municipality's."""

from __future__ import annotations

import dataclasses

import pytest

from simulate.compare import DIFFERENCES, SAVING_SOURCES, SUFFIXES
from simulate.outcomes import EXITS, HORIZONS
from simulate.parameters import PARAMETERS
from simulate.policies import REGISTRY
from simulate.report.text import TEXT, decimal, money, number, outcome_words, share, short_doc


def _declarations():
    """Every declared parameter: the core's and every registered policy's."""
    found = [(name, PARAMETERS[name]) for name in PARAMETERS]
    for policy, cls in REGISTRY.items():
        found += [(f"{policy}.{name}", cls.parameters[name]) for name in cls.parameters]
    return found


def test_the_declarations_are_found():
    keys = [k for k, _ in _declarations()]
    assert len(keys) > 150 and "job_offer_base" in keys and "dedicated_coaches.caseload" in keys
    assert {k.split(".")[0] for k in keys if "." in k} == set(REGISTRY)


def test_every_declared_parameter_has_a_dutch_description_unit_and_source():
    """Each declaration carries its Dutch (doc_nl, unit_nl, source_nl), beside its English."""
    missing = [key for key, d in _declarations() if not all(d.words("nl"))]
    assert missing == [], "give these declarations doc_nl, unit_nl and source_nl: " + ", ".join(
        missing)


def test_a_declaration_speaks_the_language_asked_for():
    d = PARAMETERS["job_offer_base"]
    assert d.words("en") == (d.doc, d.unit, d.source)
    assert d.words("nl") == (d.doc_nl, d.unit_nl, d.source_nl)
    bare = dataclasses.replace(d, name="brand_new", doc_nl="", source_nl="")
    assert not all(bare.words("nl"))


@pytest.mark.parametrize("x,lang,text", [
    (1234.5, "nl", "1.234,5"), (1234.5, "en", "1,234.5"), (-0.04, "nl", "0,0")])
def test_numbers_follow_the_language(x, lang, text):
    assert number(x, lang, 1) == text


def test_amounts_shares_and_values_in_dutch():
    assert money(37150.2, "nl") == "€\u00a037.150" and money(-1697, "nl") == "-€\u00a01.697"
    assert money(37150.2, "en") == "EUR\u00a037,150"
    assert share(0.539, "nl") == "53,9%"
    assert decimal(0.007791, "nl") == "0,007791" and decimal(0.4858, "en") == "0.4858"
    assert decimal(1190, "nl") == "1.190" and decimal(True, "nl") == "ja"
    assert decimal(4.33, "nl") == "4,33" and decimal(20000.0, "nl") == "20.000"


def test_every_outcome_has_a_dutch_name():
    outcomes = [f"{stem}_{s}" for s in SUFFIXES for stem in (
        *(f"exits_{r}" for r in (*EXITS, "all")), "on_assistance", "share_on_assistance",
        "mother_months_on_assistance", "benefit_spending_eur", "intervention_spending_eur",
        *DIFFERENCES, *SAVING_SOURCES, "net_cost_eur", "net_cost_per_extra_exit_to_work",
        "reached",
        "extra_exits_work_per_100_reached")]
    for name in [*outcomes, "break_even_month", "net_cost_per_extra_exit_to_work",
                 "base.exits_work_24m"]:
        nl = outcome_words(name, "nl")
        assert nl != name.replace("_", " ") and nl != outcome_words(name, "en"), name
    assert outcome_words("exits_work_24m", "nl") == "uitstroom naar werk binnen 24 maanden"
    assert outcome_words("on_assistance_12m", "nl") == "moeders in de bijstand na 12 maanden"
    assert outcome_words("extra_exits_work_total", "nl", 36) == (
        "extra uitstroom naar werk binnen 36 maanden")
    assert all(f"{x}" in outcome_words(f"exits_work_{x}m", "nl") for x in HORIZONS)


def test_dutch_uses_the_words_of_a_municipality():
    texts = [*TEXT["nl"].values(), *(d.doc_nl for _, d in _declarations())]
    joined = " ".join(texts).lower()
    for word in ("klantmanager", "uitstroom naar werk", "bijstand", "kinderopvang",
                 "terugval"):
        assert word in joined, word
    for literal in ("toegewijde", "interventie(s)", "assumption", "caseload per coach"):
        assert literal not in joined, literal
    assert "seed" not in joined.replace("(seed)", "")


def test_labels_are_short_and_start_in_lower_case():
    for key, d in _declarations():
        label = short_doc(d.doc_nl)
        assert len(label) <= 61, key
        assert label[:1] == label[:1].lower() or label[1:2].isupper(), key
