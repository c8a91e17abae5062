"""The monthly loop: accounting, determinism, closed forms, capacities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulate.model import PathwaysModel
from simulate.states import Status
from tests.conftest import ONLY_OTHER_EXIT, make_model

EXITS = ["exit_work", "exit_study", "exit_partner", "exit_noncooperation", "exit_other"]


@pytest.mark.parametrize("seed,overrides", [
    (1, {}),
    (2, {"size": 3000, "job_offer_base": 0.2, "job_loss_hazard": 0.05}),
    (3, {"size": 500, "lapse_hazard": 0.2, "inflow_rate_per_month": 0.1}),
    (4, {"burn_in_months": 24}),
])
def test_stock_flow_accounting_is_exact_every_month(seed, overrides):
    wide = make_model(36, seed=seed, **overrides).record.wide()
    inflow = ["inflow_new", "inflow_returning", "inflow_transfer"]
    flows = wide[inflow].sum(axis=1) - wide[EXITS].sum(axis=1)
    expected = wide["on_assistance"].shift(1) + flows
    assert (wide["on_assistance"].iloc[1:] == expected.iloc[1:]).all()
    # The identity must be exercised: every flow actually happens in these runs.
    assert (wide[[*inflow, *EXITS]].iloc[1:].sum() > 0).all()


ROUTES = ("work", "noncooperation", "study", "partner", "other")


def test_every_status_is_on_assistance_or_one_route_off_it():
    """The partition behind off_assistance_<route>: a status added later must be given a
    route (simulate/model.py, OFF_ASSISTANCE_ROUTES) before this passes."""
    from simulate.model import OFF_ASSISTANCE_ROUTES
    codes = [v for k, v in vars(Status).items() if k.isupper()]
    routed = [c for codes_ in OFF_ASSISTANCE_ROUTES.values() for c in codes_]
    assert sorted([Status.ON_ASSISTANCE, *routed]) == sorted(codes)
    assert tuple(OFF_ASSISTANCE_ROUTES) == ROUTES


def test_on_and_off_assistance_by_route_count_every_mother_every_month():
    """on_assistance + the five off_assistance_<route> = every mother in the table, in
    every month of a run with every policy module (its burn-in's leavers included)."""
    from simulate.scenario import Scenario
    from tests.conftest import SCENARIOS
    scenario = Scenario.from_yaml(SCENARIOS / "all-modules.yaml").with_values(
        {"size": 400, "burn_in_months": 12})
    model = PathwaysModel(scenario.params(), scenario.make_policies(), seed=5,
                          horizon_months=24, record_spells=False)
    sizes = [model.mothers.n]
    for _ in range(24):
        model.step()
        sizes.append(model.mothers.n)
    model.close()
    wide = model.record.wide()
    off = wide[[f"off_assistance_{r}" for r in ROUTES]]
    assert ((wide["on_assistance"] + off.sum(axis=1)).to_numpy() == sizes).all()
    # Every route is exercised, and mothers who left for work and lost the job (jobless,
    # then no longer followed) count in the work route.
    assert (off.iloc[-1] > 0).all()
    assert (off["off_assistance_work"] >= wide["in_work"] + wide["jobless"]).all()
    assert (off["off_assistance_work"] > wide["in_work"] + wide["jobless"]).any()


def test_same_seed_gives_identical_frames():
    a = make_model(24, seed=7).record.long()
    b = make_model(24, seed=7).record.long()
    pd.testing.assert_frame_equal(a, b)
    c = make_model(24, seed=8).record.long()
    assert not a.equals(c)


def test_constant_hazard_gives_mean_spell_length_one_over_h():
    """Only a constant exit hazard h, no inflow: exit month is geometric with mean 1/h."""
    h, n = 0.05, 20_000
    model = make_model(400, seed=11, size=n, other_exit_hazard=h, inflow_rate_per_month=0.0,
                       **ONLY_OTHER_EXIT)
    m = model.mothers
    assert m.n == n and np.all(m.status[:n] == Status.OTHER)  # all spells completed
    durations = m.exit_month[:n].astype(float)  # months from the start (month 0)
    se = durations.std(ddof=1) / np.sqrt(n)
    assert abs(durations.mean() - 1 / h) < 4 * se


@pytest.mark.slow
def test_constant_inflow_settles_at_inflow_over_hazard():
    """Arrivals face the hazard in their first month: E[stock] = lambda (1 - h) / h."""
    h, size, rate = 0.04, 10_000, 0.04
    lam = rate * size
    expected = lam * (1 - h) / h
    stocks = [make_model(250, seed=s, size=size, other_exit_hazard=h, inflow_rate_per_month=rate,
                         **ONLY_OTHER_EXIT).record.series("on_assistance")[-1]
              for s in range(5)]
    # The stationary stock of an infinite-server queue with Poisson arrivals is Poisson.
    se = np.sqrt(expected / len(stocks))
    assert abs(np.mean(stocks) - expected) < 4 * se


def _check_capacities(model):
    m = model.mothers
    n = m.n
    on = m.status[:n] == Status.ON_ASSISTANCE
    load = np.bincount(m.coach[:n][on & (m.coach[:n] >= 0)], minlength=len(model.coaches))
    assert np.all(load <= model.coaches.capacity)
    holds = m.childcare_place[:n] >= 0
    used = np.bincount(m.childcare_place[:n][holds], minlength=len(model.providers))
    assert np.all(used <= model.provider_places)
    # Only followed mothers hold places.
    assert np.all(np.isin(m.status[:n][holds], [Status.ON_ASSISTANCE, Status.IN_WORK]))


def test_caseloads_and_childcare_places_are_never_exceeded():
    # Tight capacities so that both limits bind: few places, coaches full.
    model = make_model(0, seed=5, size=2000, childcare_places_per_100_mothers=4.0,
                       regular_caseload_target=200.0, regular_caseload_max=205,
                       inflow_rate_per_month=0.07, childcare_register_prob=0.1)
    _check_capacities(model)
    for _ in range(36):
        model.step()
        _check_capacities(model)
    wide = model.record.wide()
    assert wide["childcare_places_used"].max() == wide["childcare_places"].iloc[0]  # binds
    assert wide["coach_waiting"].max() > 0  # mothers waited for a coach


def test_job_loss_is_highest_in_the_first_months():
    """Empirical hazard of return by job tenure, from the spell microdata."""
    months = 60
    model = make_model(months, seed=3, size=6000, job_offer_base=0.3, job_loss_hazard=0.01,
                       job_loss_early_factor=3.0, job_loss_early_decay_months=3.0,
                       return_after_job_loss=1.0, return_after_job_loss_delay_months=1.0,
                       job_loss_stress_event_factor=1.0, job_loss_on_care_breakdown=0.0)
    spells = model.spells.frame(model.mothers)
    jobs = spells[spells["exit_reason"] == "work"][["mother_id", "end_month"]]
    back = spells[spells["returning"]][["mother_id", "start_month"]]
    pairs = jobs.merge(back, on="mother_id")
    pairs = pairs[pairs["start_month"] > pairs["end_month"]]
    first_return = pairs.groupby(["mother_id", "end_month"])["start_month"].min()
    jobs = jobs.set_index(["mother_id", "end_month"])
    tenure_at_loss = (first_return - first_return.index.get_level_values("end_month")).reindex(
        jobs.index).astype(float)  # NaN (never lost) compares False, so counts as exposed
    start = jobs.index.get_level_values("end_month").to_numpy()
    observed = (months - start).astype(float)  # months of follow-up after the job start

    def hazard(lo, hi):
        lost = ((tenure_at_loss >= lo) & (tenure_at_loss <= hi)).sum()
        exposure = sum(((observed >= k) & ~(tenure_at_loss < k)).sum() for k in range(lo, hi + 1))
        return lost / exposure, np.sqrt(lost) / exposure

    early, se_early = hazard(1, 3)
    late, se_late = hazard(12, 30)
    assert early - late > 4 * np.hypot(se_early, se_late)


def test_a_burn_in_taken_from_the_cache_gives_the_same_run():
    from simulate.model import BURN_IN_CACHE, PathwaysModel
    from simulate.parameters import Params
    params = Params.from_overrides({"size": 600, "burn_in_months": 36})
    BURN_IN_CACHE.clear()
    fresh = PathwaysModel(params, seed=3, replicate=2).run(12).record.long()
    cached = PathwaysModel(params, seed=3, replicate=2).run(12).record.long()
    pd.testing.assert_frame_equal(fresh, cached)
    # ...and differs from another replicate's.
    other = PathwaysModel(params, seed=3, replicate=3).run(12).record.long()
    assert not fresh.equals(other)


def test_the_baseline_is_level_from_month_0():
    """After the burn-in the pools that fill slowly are near their steady level: over 36
    months the stock, the mothers in work and the childcare queue move by less than a
    tenth, allowing 3 standard errors of the change between replicates."""
    from simulate.scenario import Scenario
    from tests.conftest import SCENARIOS
    s = Scenario.from_yaml(SCENARIOS / "baseline.yaml")
    wides = [PathwaysModel_run(s, r) for r in range(6)]
    for metric in ("on_assistance", "in_work", "childcare_queue"):
        start = np.array([w[metric].iloc[:6].mean() for w in wides])
        change = np.array([w[metric].iloc[-6:].mean() for w in wides]) - start
        se = change.std(ddof=1) / np.sqrt(len(change))
        assert abs(change.mean()) < 0.1 * start.mean() + 3 * se, (metric, start, change)


def PathwaysModel_run(scenario, replicate):
    from simulate.model import PathwaysModel
    model = PathwaysModel(scenario.params(), seed=5, replicate=replicate, record_spells=False)
    return model.run(36).record.wide()


def test_the_initial_stock_is_the_stock_at_month_0_after_a_burn_in():
    """share_on_assistance_X is the share of the initial stock still on assistance at X:
    at month 0 that cohort is everyone on assistance, and it only shrinks."""
    wide = make_model(12, seed=2, size=1000, burn_in_months=60).record.wide()
    assert wide.at[0, "cohort_on_assistance"] == wide.at[0, "on_assistance"]
    assert (wide["cohort_on_assistance"].diff().iloc[1:] <= wide["inflow_returning"].iloc[1:]).all()


def test_the_spell_table_is_by_mother_and_start_with_open_spells_empty():
    # One row per spell, sorted by mother and start month; a spell still open at the end
    # has no end month and no reason; every closed one has both, its reason one of the
    # exit destinations.
    from simulate.parameters import Params
    from simulate.recording import SPELL_END_REASONS

    model = PathwaysModel(Params.from_overrides({"size": 400, "burn_in_months": 12}), seed=3,
                          horizon_months=24)
    model.run(24)
    spells = model.spells.frame(model.mothers)
    closed = sum(len(c["mother_id"]) for c in model.spells.chunks)
    on = model.mothers.ids_where(Status.ON_ASSISTANCE)
    assert len(spells) == closed + len(on)
    keys = spells[["mother_id", "start_month"]].to_numpy()
    assert (np.diff(keys[:, 0]) >= 0).all()
    same = np.diff(keys[:, 0]) == 0
    assert (np.diff(keys[:, 1])[same] >= 0).all()
    still = spells["end_month"].isna()
    assert still.sum() == len(on) and spells.loc[still, "exit_reason"].isna().all()
    assert spells.loc[~still, "exit_reason"].notna().all()
    assert list(spells["exit_reason"].cat.categories) == list(SPELL_END_REASONS.values())
    assert set(spells.loc[still, "mother_id"]) == set(on.tolist())
