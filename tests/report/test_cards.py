"""The words of each intervention's card follow the numbers: built on constructed tables for
each case (benefits rise or fall, time on assistance rises or falls and why, break-even
within the horizon, past it, or an interval that straddles it), in English and Dutch."""

from __future__ import annotations

import re
from html import unescape

import numpy as np
import pandas as pd
import pytest

from simulate.report.cards import Sentences

NAN = np.nan
MONTHS = 36


def _table(**outcomes) -> pd.DataFrame:
    base = {"reached_total": (600, 590, 610),
            "extra_exits_work_per_100_reached_12m": (2.0, 1.5, 2.5),
            "extra_exits_work_per_100_reached_24m": (4.0, 3.0, 5.0),
            "extra_exits_work_per_100_reached_36m": (6.0, 5.0, 7.0),
            "extra_exits_work_total": (36.0, 30.0, 42.0),
            "extra_exits_study_total": (2.0, -1.0, 5.0),
            "extra_exits_noncooperation_total": (-3.0, -6.0, 0.5),
            "extra_exits_partner_total": (1.0, -1.0, 3.0),
            "extra_exits_other_total": (0.5, -2.0, 3.0),
            "intervention_cost_eur_total": (1_000_000, 1_000_000, 1_000_000)}
    base.update(outcomes)
    return pd.DataFrame([{"alternative": "alt", "outcome": k, "mean": v[0], "ci_low": v[1],
                          "ci_high": v[2]} for k, v in base.items()])


def _text(table: pd.DataFrame, lang: str) -> str:
    """The card's sentences as plain text."""
    lines = Sentences(table, "alt", MONTHS, lang).all()
    return unescape(" | ".join(re.sub(r"<[^>]+>", "", str(line)) for line in lines)).replace(
        "\u00a0", " ")


RISING = {"benefit_saved_eur_total": (-857_000, -940_000, -773_000),
          "net_cost_eur_total": (1_857_000, 1_770_000, 1_940_000),
          "net_cost_per_extra_exit_to_work_total": (51_583, 47_000, 56_000),
          "mother_months_saved_total": (-727, -792, -662),
          "extra_exits_noncooperation_total": (-95, -110, -80),
          "break_even_month": (NAN, NAN, NAN)}
FALLING = {"benefit_saved_eur_total": (395_000, 363_000, 426_000),
           "net_cost_eur_total": (605_000, 574_000, 637_000),
           "net_cost_per_extra_exit_to_work_total": (16_806, 15_000, 18_500),
           "mother_months_saved_total": (296, 270, 322),
           "break_even_month": (NAN, NAN, NAN)}


def test_when_benefits_rise_the_card_says_so_and_why():
    text = _text(_table(**RISING), "en")
    assert "Benefit payments rose by EUR 857,000 (EUR 773,000 to EUR 940,000)" in text
    assert "fell" not in text and "after deducting" not in text and "saves" not in text
    assert ("Mothers spent 727 more months on assistance in total (662 to 792), mainly "
            "because 95 fewer mothers had their assistance stopped for non-cooperation "
            "(80 to 110)") in text
    assert "the intervention's cost plus the extra benefit payments" in text
    assert "It cannot pay for itself: it raises benefit payments" in text
    nl = _text(_table(**RISING), "nl")
    assert "De uitkeringslasten stegen met € 857.000 (€ 773.000 tot € 940.000)" in nl
    assert ("Moeders zaten samen 727 maanden langer in de bijstand (662 tot 792), vooral "
            "doordat er 95 moeders minder hun uitkering kwijtraakten omdat ze niet meewerkten "
            "(80 tot 110)") in nl
    assert "daalden" not in nl and "na aftrek" not in nl


def test_when_benefits_fall_the_card_says_so_and_why():
    table = _table(**FALLING, extra_exits_work_total=(23.0, 21.2, 24.8))
    text = _text(table, "en")
    assert "Benefit payments fell by EUR 395,000 (EUR 363,000 to EUR 426,000)" in text
    assert "rose" not in text
    assert ("Mothers spent 296 fewer months on assistance in total (270 to 322), mainly "
            "because 23.0 more mothers left for work (21.2 to 24.8)") in text
    assert "after deducting the benefit payments saved: EUR 16,806" in text
    nl = _text(table, "nl")
    assert "De uitkeringslasten daalden met € 395.000" in nl
    assert "vooral doordat er 23,0 moeders meer uitstroomden naar werk (21,2 tot 24,8)" in nl


def test_a_saving_beyond_the_cost_is_called_a_saving():
    table = _table(**{**FALLING, "net_cost_eur_total": (-19_500, -33_700, -5_400),
                      "net_cost_per_extra_exit_to_work_total": (-540, -900, -150)})
    assert "Altogether it saves more than it costs: EUR 19,500 over 36 months (EUR 5,400 to " \
           "EUR 33,700)" in _text(table, "en")


@pytest.mark.parametrize("lang,within,past,straddle,never", [
    ("en", ("It pays for itself from month 20 (between month 15 and 28, allowing for "
            "uncertainty)"),
     ("On average it pays for itself from month 32; allowing for uncertainty, that could be "
      "from month 25 or not within 36 months"),
     ("On average it does not pay for itself within 36 months, but allowing for uncertainty "
      "it might, from month 33"),
     "It does not pay for itself within 36 months, even allowing for uncertainty"),
    ("nl", "Ze verdient zichzelf terug vanaf maand 20 (tussen maand 15 en 28",
     ("Gemiddeld verdient ze zichzelf terug vanaf maand 32; met de onzekerheid meegerekend "
      "kan dat vanaf maand 25 zijn, of niet binnen 36 maanden"),
     ("Gemiddeld verdient ze zichzelf niet terug binnen 36 maanden, maar met de onzekerheid "
      "meegerekend kan dat wel, vanaf maand 33"),
     "Ze verdient zichzelf niet terug binnen 36 maanden, ook niet met de onzekerheid"),
])
def test_break_even_is_hedged_whenever_its_interval_reaches_past_the_horizon(
        lang, within, past, straddle, never):
    def card(be):
        return _text(_table(**{**FALLING, "break_even_month": be}), lang)

    assert within in card((20, 15, 28))
    assert past in card((32, 25, NAN))
    text = card((NAN, 33, NAN))
    assert straddle in text and within.split(" (")[0] not in text
    assert never in card((NAN, NAN, NAN))


def test_work_effects_follow_their_interval():
    table = _table(**FALLING, extra_exits_work_per_100_reached_12m=(0.2, -0.2, 0.6),
                   extra_exits_work_per_100_reached_24m=(-3.0, -4.0, -2.0))
    text = _text(table, "en")
    assert "Per 100 mothers reached: 0.2 more in work within 12 months (-0.2 to 0.6); this " \
           "is consistent with no effect" in text
    assert "Per 100 mothers reached, about 3.0 fewer left assistance for work within 24 " \
           "months (2.0 to 4.0)" in text
    assert "about 6.0 more left assistance for work within 36 months (5.0 to 7.0)" in text


def test_unclear_changes_are_not_given_a_direction():
    table = _table(**{**FALLING, "benefit_saved_eur_total": (10_000, -20_000, 40_000),
                      "mother_months_saved_total": (5, -10, 20)})
    text = _text(table, "en")
    assert "Benefit payments did not clearly change (EUR 10,000 saved, -EUR 20,000 to " \
           "EUR 40,000)" in text
    assert "Time on assistance did not clearly change: 5.0 mother-months saved (-10.0 to " \
           "20.0)." in text
    assert "mainly because" not in text and "counting the change in benefit" in text


def test_a_ratio_without_bounds_is_not_given_a_range():
    table = _table(**FALLING, extra_exits_work_per_100_reached_12m=(25.0, NAN, NAN))
    text = _text(table, "en")
    assert ("Per 100 mothers reached: about 25.0 more in work within 12 months, but this "
            "cannot be pinned down") in text
    assert "(- to -)" not in text and "(- tot -)" not in _text(table, "nl")


def _sources(work, noncooperation, other_exits, lower_payments) -> dict:
    saved = work + noncooperation + other_exits + lower_payments
    return {"benefit_saved_eur_total": (saved, 0.8 * saved, 1.2 * saved),
            **{f"benefit_saved_via_{k}_eur_total": (v, v - 1, v + 1) for k, v in (
                ("work", work), ("noncooperation", noncooperation),
                ("other_exits", other_exits), ("lower_payments", lower_payments))}}


@pytest.mark.parametrize("parts,en,nl", [
    ((100_000, 730_000, 50_000, 120_000),
     "Most of this saving (73%) comes from stops for non-cooperation, not from work.",
     ("Het grootste deel van deze besparing (73%) komt doordat uitkeringen zijn stopgezet "
      "wegens niet meewerken, niet uit werk.")),
    ((300_000, 600_000, 50_000, 50_000),
     "Most of this saving (60%) comes from stops for non-cooperation and 30% from work.",
     ("Het grootste deel van deze besparing (60%) komt doordat uitkeringen zijn stopgezet "
      "wegens niet meewerken en 30% uit werk.")),
    ((370_000, 960_000, -370_000, 40_000),
     ("Most of this saving (96%) comes from stops for non-cooperation and 37% from work; "
      "fewer exits to study, a partner's income or other reasons take back 37%."),
     ("Het grootste deel van deze besparing (96%) komt doordat uitkeringen zijn stopgezet "
      "wegens niet meewerken en 37% uit werk; daar gaat 37% van af door minder uitstroom "
      "naar studie, een inkomen van een partner of om andere redenen.")),
    ((800_000, 100_000, 50_000, 50_000),
     "Most of this saving (80%) comes from exits to work.",
     "Het grootste deel van deze besparing (80%) komt uit werk."),
    ((-120_000, 1_120_000, 0, 0),
     ("All of this saving comes from stops for non-cooperation; fewer exits to work take "
      "back 12%."),
     ("De hele besparing komt doordat uitkeringen zijn stopgezet wegens niet meewerken; daar "
      "gaat 12% van af door minder uitstroom naar werk.")),
    ((400_000, 350_000, 150_000, 100_000),
     ("This saving comes from several sources: exits to work 40%, stops for "
      "non-cooperation 35%, other exits 15%, lower payments to mothers still on "
      "assistance 10%."),
     ("Deze besparing komt uit verschillende bronnen: uitstroom naar werk 40%, stopgezette "
      "uitkeringen wegens niet meewerken 35%, andere uitstroom 15%, lagere uitkeringen aan "
      "moeders die in de bijstand blijven 10%.")),
])
def test_the_card_says_where_a_saving_comes_from(parts, en, nl):
    table = _table(**{**FALLING, **_sources(*parts)})
    text = _text(table, "en")
    assert en in text
    # Right after the sentence on benefit payments.
    assert text.index("Benefit payments fell") < text.index(en) < text.index("Net cost")
    assert nl in _text(table, "nl")


def test_no_source_sentence_without_a_saving_or_without_its_parts():
    rising = _text(_table(**RISING, **{k: v for k, v in _sources(1, 1, 1, 1).items()
                                       if "_via_" in k}), "en")
    assert "comes from" not in rising and "no saving to trace" not in rising
    # A comparison from before savings were traced to their source: no sentence.
    assert "comes from" not in _text(_table(**FALLING), "en")
