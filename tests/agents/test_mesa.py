"""Mesa hosts the model: agents by type, mothers as views, DataCollector."""

from __future__ import annotations

import mesa
import numpy as np
import pandas as pd

from simulate.agents import ChildcareProvider, CoachAgent, Employer, MotherAgent
from simulate.model import PathwaysModel
from simulate.parameters import Params
from simulate.states import Status


def test_model_is_a_mesa_model_with_agents_by_type():
    model = PathwaysModel(Params.from_overrides({"size": 600}), seed=1)
    assert isinstance(model, mesa.Model)
    kinds = model.agents_by_type
    assert len(kinds[CoachAgent]) == len(model.coaches) == 5  # ceil(600 / 120)
    assert len(kinds[ChildcareProvider]) == model.params.childcare_providers
    assert len(kinds[Employer]) == model.params.employers
    assert MotherAgent not in kinds  # no per-mother objects unless asked for


def test_mothers_are_views_on_the_columns():
    model = PathwaysModel(Params.from_overrides({"size": 300}), seed=2, mother_agents=True)
    model.run(6)
    mothers = model.agents_by_type[MotherAgent]
    assert len(mothers) == model.mothers.n  # includes this run's arrivals
    agent = model.mother(17)
    assert agent.confidence == model.mothers.confidence[17].item()
    agent.confidence = 0.9  # writes go to the column
    assert model.mothers.confidence[17] == np.float32(0.9)
    on = mothers.select(lambda a: a.on_assistance)
    assert len(on) == int(np.count_nonzero(model.mothers.status[: model.mothers.n]
                                           == Status.ON_ASSISTANCE))


def test_datacollector_reads_model_coaches_and_mothers():
    model = PathwaysModel(Params.from_overrides({"size": 400}), seed=3, mother_agents=True)
    dc = mesa.DataCollector(
        model_reporters={"on_assistance": "on_assistance"},
        agenttype_reporters={CoachAgent: {"caseload": "caseload"},
                             MotherAgent: {"ladder": "ladder"}})
    for _ in range(3):
        model.step()
        dc.collect(model)
    series = dc.get_model_vars_dataframe()["on_assistance"].to_numpy()
    assert np.array_equal(series, model.record.series("on_assistance")[1:])
    coaches = dc.get_agenttype_vars_dataframe(CoachAgent)
    last = coaches.xs(3, level="Step")["caseload"].to_numpy()
    assert last.sum() == model.record.latest()["on_assistance"] - model.record.latest()["coach_waiting"]
    ladder = dc.get_agenttype_vars_dataframe(MotherAgent).xs(3, level="Step")["ladder"]
    assert np.array_equal(ladder.to_numpy(), model.mothers.ladder[: model.mothers.n])


def test_coach_agent_caseload_matches_the_columns():
    model = PathwaysModel(Params.from_overrides({"size": 500}), seed=4).run(3)
    m = model.mothers
    on = m.status[: m.n] == Status.ON_ASSISTANCE
    for coach in model.agents_by_type[CoachAgent]:
        assert coach.caseload == int(np.count_nonzero(on & (m.coach[: m.n] == coach.index)))


def test_registered_mothers_follow_arrivals_in_a_datacollector_over_12_months():
    model = PathwaysModel(Params.from_overrides({"size": 300}), seed=5, horizon_months=12)
    registered = model.register_mothers()
    assert len(registered) == model.mothers.n
    dc = mesa.DataCollector(agenttype_reporters={MotherAgent: {"status": "status"}})
    dc.collect(model)
    for _ in range(12):
        model.step()
        dc.collect(model)
    rows = dc.get_agenttype_vars_dataframe(MotherAgent)
    arrivals = model.record.series("inflow_new") + model.record.series("inflow_returning")
    assert arrivals[1:].sum() > 20  # mothers did arrive after the call
    counts = rows.groupby(level="Step").size()
    assert counts.is_monotonic_increasing and counts[12] > counts[0]
    last = rows.xs(12, level="Step")
    assert len(last) == model.mothers.n == len(model.agents_by_type[MotherAgent])
    assert np.array_equal(last["status"].to_numpy(), model.mothers.status[: model.mothers.n])


def test_mothers_on_assistance_are_one_call_away():
    model = PathwaysModel(Params.from_overrides({"size": 300}), seed=6).run(4)
    on = model.mothers_on_assistance()
    assert len(on) == model.on_assistance > 0
    assert all(m.on_assistance for m in on)
    assert {m.mother_id for m in on} == set(
        np.flatnonzero(model.mothers.status[: model.mothers.n] == Status.ON_ASSISTANCE))
    model.step()  # the set is taken now, the registration follows arrivals
    assert len(model.agents_by_type[MotherAgent]) == model.mothers.n


def test_the_model_s_datacollector_holds_the_headline_metrics_from_month_0():
    from simulate.model import REPORTERS
    model = PathwaysModel(Params.from_overrides({"size": 300}), seed=7, horizon_months=5)
    model.run(5)
    frame = model.datacollector.get_model_vars_dataframe()
    assert list(frame.columns) == [*REPORTERS, "seed"] and len(frame) == 6
    assert (frame["seed"] == 7).all()
    for metric in REPORTERS:
        assert np.array_equal(frame[metric].to_numpy(), model.record.series(metric)), metric


def test_mesa_batch_run_runs_the_model_over_seeds_for_its_horizon():
    small = Params.from_overrides({"size": 200})
    results = mesa.batch_run(PathwaysModel, {"params": [small], "seed": [1, 2],
                                             "horizon_months": 6},
                             number_processes=1, data_collection_period=1,
                             display_progress=False)
    frame = pd.DataFrame(results)
    assert sorted(frame["seed"].unique()) == [1, 2]
    for seed, group in frame.groupby("seed"):
        assert list(group["Step"]) == list(range(7))  # months 0 to the horizon
        direct = PathwaysModel(small, seed=seed, horizon_months=6).run(6)
        assert np.array_equal(group["on_assistance"].to_numpy(),
                              direct.record.series("on_assistance"))
        assert np.array_equal(group["exit_work"].to_numpy(), direct.record.series("exit_work"))


def test_a_scenario_makes_the_model_simulate_run_runs(baseline_path):
    from simulate.runner import simulate_replicate
    from simulate.scenario import Scenario
    scenario = Scenario.from_yaml(baseline_path).with_changes(horizon_months=6)
    scenario = scenario.with_values({"size": 300})
    model = scenario.model(replicate=2)
    assert model.horizon_months == 6 and model.params == scenario.params()
    model.run(6)
    expected = simulate_replicate(scenario, 2, spells=False).monthly
    pd.testing.assert_frame_equal(model.record.wide(), expected)
    # Every mother there is at month 0 (the stock and the burn-in's arrivals) is an agent.
    with_agents = scenario.model(replicate=2, mother_agents=True)
    assert len(with_agents.agents_by_type[MotherAgent]) == with_agents.mothers.n > 300


# ---- Mesa as a client: declared parameters as flat keyword arguments, Mesa's own seeding ----
def test_batch_run_sweeps_a_declared_parameter_and_its_iterations_differ():
    results = mesa.batch_run(PathwaysModel, {"vacancies_per_100_mothers": [20, 40]},
                             iterations=2, display_progress=False)
    frame = pd.DataFrame(results)
    assert len(frame) == 4 and sorted(frame["vacancies_per_100_mothers"]) == [20, 20, 40, 40]
    assert frame["seed"].nunique() == 4  # every run its own seed, drawn as Mesa draws its own
    from simulate.model import REPORTERS
    for _, runs in frame.groupby("vacancies_per_100_mothers"):
        first, second = (tuple(r[m] for m in REPORTERS) for _, r in runs.iterrows())
        assert first != second  # never identical copies
    # A run is reproducible from the seed it reports.
    first = frame.iloc[:1].to_dict("records")[0]  # exact integers (a row would be floats)
    again = PathwaysModel(vacancies_per_100_mothers=first["vacancies_per_100_mothers"],
                          seed=first["seed"]).run(36)
    assert again.record.latest()["exit_work"] == first["exit_work"]
    assert again.record.latest()["on_assistance"] == first["on_assistance"]


def test_flat_keyword_arguments_are_the_declared_parameters():
    values = {"size": 200, "burn_in_months": 12, "job_offer_base": np.float32(0.3),
              "vacancies_per_100_mothers": np.int64(30)}
    a = PathwaysModel(seed=4, horizon_months=6, **values).run(6)
    b = PathwaysModel(Params.from_overrides({k: float(v) if k == "job_offer_base" else v
                                             for k, v in values.items()}),
                      seed=4, horizon_months=6).run(6)
    assert a.params == b.params and a.params.job_offer_base == float(np.float32(0.3))
    pd.testing.assert_frame_equal(a.record.wide(), b.record.wide())
    # Unseeded models differ from each other; seeded ones do not.
    c = PathwaysModel(horizon_months=6, **values).run(6)
    d = PathwaysModel(horizon_months=6, **values).run(6)
    assert c.seed != d.seed and not c.record.wide().equals(d.record.wide())


def test_a_scenario_chooses_the_policies_and_batch_run_sweeps_their_parameters(tmp_path):
    import yaml

    from simulate.runner import simulate_replicate
    from simulate.scenario import Scenario
    from tests.conftest import SCENARIOS
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump({"extends": str(SCENARIOS / "combined.yaml"),
                                    "name": "small", "horizon_months": 6,
                                    "population": {"size": 300, "burn_in_months": 24}}))
    results = pd.DataFrame(mesa.batch_run(
        PathwaysModel, {"scenario": str(path), "dedicated_coaches.coaches": [2, 6],
                        "seed": 3}, data_collection_period=1, display_progress=False))
    assert sorted(results["dedicated_coaches.coaches"].unique()) == [2, 6]
    for coaches, group in results.groupby("dedicated_coaches.coaches"):
        scenario = Scenario.from_yaml(path).with_values(
            {"dedicated_coaches.coaches": int(coaches)})
        expected = simulate_replicate(scenario, 0, seed=3, spells=False).monthly
        assert list(group["Step"]) == list(range(7))
        assert np.array_equal(group["on_assistance"].to_numpy(),
                              expected["on_assistance"].to_numpy())
        assert np.array_equal(group["intervention_spending_eur"].to_numpy(),
                              expected["intervention_spending_eur"].to_numpy())
    spending = results.groupby("dedicated_coaches.coaches")["intervention_spending_eur"].sum()
    assert spending[2] != spending[6]


def test_bad_keyword_arguments_are_refused_naming_them():
    import pytest
    with pytest.raises(ValueError, match="nope: unknown parameter"):
        PathwaysModel(nope=1)
    with pytest.raises(ValueError, match="out of range"):
        PathwaysModel(job_offer_base=np.int64(3))
    with pytest.raises(ValueError, match="pass scenario="):
        PathwaysModel(**{"dedicated_coaches.caseload": 40})
    with pytest.raises(ValueError, match="seed or rng"):
        PathwaysModel(seed=1, rng=2)


def test_no_declared_parameter_is_named_like_a_keyword_of_the_model():
    import inspect

    from simulate.model import KEYWORDS
    from simulate.parameters import PARAMETERS
    signature = inspect.signature(PathwaysModel.__init__).parameters
    assert set(KEYWORDS) == {k for k, v in signature.items()
                             if k != "self" and v.kind != v.VAR_KEYWORD}
    assert not set(KEYWORDS) & set(PARAMETERS)
