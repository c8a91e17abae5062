"""The vectorised engine and the per-agent Mesa reference agree in distribution.

Both start from an initial stock of 1,500 mothers with no burn-in and run 18 months, 24
replicates each on their own seeds (the engine draws from keyed streams, the reference
from Mesa's generators, so they agree in distribution, not draw for draw). For every
outcome the two means must agree within 4 standard errors of their difference, and the
spreads across replicates within a factor 2.5. With 24 replicates a correct reference
fails one of the about 27 comparisons of a case with probability about 0.7% on other seeds
(3-4% with 16, mostly through the spread bound; measured on engine against engine; the 34
or 35 comparisons of a case now have proportionally more). Besides the stock, the mothers in
part-time work and the exits (also by months on assistance, and to work from part-time
work), the outcomes count the events of the rules most likely to drift apart: contacts and
no-shows, disclosure and referrals, lapses and sanctions, stops for an unmet information
duty, exemptions, the ladder, offers and their fate, part-time work, informal care,
childcare places, job loss and returns.

At the defaults several rules fire too rarely in 18 months for a wrong one to show (how
trust scales disclosure, employers' lower risk with arranged care, stress events of
mothers in work and what they do to jobs and informal care, return delays). A second
case moves the parameters so that they matter: low trust, many more offers, informal
care that forms and breaks down often, more stress events, warier employers, slower
returns and more job loss.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from simulate.model import PathwaysModel
from simulate.parameters import Params
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from reference_mesa import ReferenceModel

MONTHS, REPS = 18, 24
ENGINE_SEEDS, REFERENCE_SEEDS = 100, 200   # first seed of each model's replicates
# Stocks at the end of the run.
STOCKS = ("on_assistance", "in_work", "parttime_working")
# Events summed over months 1-18.
FLOWS = ("exit_work", "exit_study", "exit_noncooperation", "exit_partner", "exit_other",
         "coach_contacts", "job_offers", "sanctions", "returns_of_leavers", "job_losses",
         "lapses_noticed", "referrals_taken_up", "barriers_resolved", "exemptions_started",
         "exemptions_ended", "stress_events", "ladder_up", "ladder_down", "births",
         "offers_declined", "offers_failed_childcare", "informal_care_arranged",
         "informal_care_breakdowns", "childcare_places_allocated", "returns_after_job_loss",
         "no_shows", "info_lapses_noticed", "job_starts_parttime", "exit_work_from_parttime",
         "exits_under_12m", "exits_36m_plus")

BASE = {"size": 1500, "burn_in_months": 0}
AMPLIFIED = {**BASE, "trust_services_mean": 0.2, "job_offer_base": 0.4,
             "employer_risk_mean": 0.7, "employer_arranged_care_factor": 0.1,
             "childcare_places_per_100_mothers": 25.0, "employer_flexible_share_mean": 0.6,
             "informal_care_per_tie": 0.4, "informal_care_breakdown_hazard": 0.05,
             "informal_breakdown_event_factor": 6.0, "stress_event_base": 0.2,
             "job_loss_hazard": 0.015, "job_loss_stress_event_factor": 3.0,
             "return_noncooperation_delay_months": 6.0,
             "return_after_job_loss_delay_months": 3.0}
# Too rare at the defaults to compare (about 2 in a run); common in the amplified case.
AMPLIFIED_FLOWS = FLOWS + ("job_losses_care_breakdown",)


def _engine(params: Params, seed: int, flows: tuple[str, ...]) -> list[float]:
    model = PathwaysModel(params, seed=seed, horizon_months=MONTHS, record_spells=False)
    w = model.run(MONTHS).record.wide()
    model.close()
    return [w[k][MONTHS] for k in STOCKS] + [w[k][1:].sum() for k in flows]


def _reference(params: Params, seed: int, flows: tuple[str, ...]) -> list[float]:
    model = ReferenceModel(params, seed=seed)
    for _ in range(MONTHS):
        model.step()
    h = model.history
    assert [x["month"] for x in h] == list(range(MONTHS + 1))
    return [h[MONTHS][k] for k in STOCKS] + [sum(x[k] for x in h[1:]) for k in flows]


@pytest.mark.slow
@pytest.mark.parametrize("overrides, flows", [(BASE, FLOWS), (AMPLIFIED, AMPLIFIED_FLOWS)],
                         ids=["defaults", "rare_rules_amplified"])
def test_engine_and_reference_give_the_same_distributions(overrides, flows):
    params = Params.from_overrides(overrides)
    engine = np.array([_engine(params, ENGINE_SEEDS + s, flows) for s in range(REPS)], dtype=float)
    ref = np.array([_reference(params, REFERENCE_SEEDS + s, flows) for s in range(REPS)],
                   dtype=float)
    failures = []
    for i, name in enumerate(STOCKS + flows):
        e, r = engine[:, i], ref[:, i]
        if e.std(ddof=1) == 0 or r.std(ddof=1) == 0:
            failures.append(f"{name}: engine {e.mean():.1f} (sd {e.std(ddof=1):.1f}) vs "
                            f"reference {r.mean():.1f} (sd {r.std(ddof=1):.1f}): no spread")
            continue
        se = np.sqrt(e.var(ddof=1) / REPS + r.var(ddof=1) / REPS)
        if abs(e.mean() - r.mean()) >= 4 * se:
            failures.append(f"{name}: mean engine {e.mean():.1f} vs reference {r.mean():.1f} "
                            f"(difference {(e.mean() - r.mean()) / se:+.1f} se)")
        # ...and the spread across replicates is alike (ratio of sds within a factor 2.5).
        ratio = e.std(ddof=1) / r.std(ddof=1)
        if not 0.4 < ratio < 2.5:
            failures.append(f"{name}: sd engine {e.std(ddof=1):.1f} vs reference "
                            f"{r.std(ddof=1):.1f} (ratio {ratio:.2f})")
    assert not failures, "; ".join(failures)
