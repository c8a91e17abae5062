"""Mesa hosts the model: agents by type, mothers as views, DataCollector."""

from __future__ import annotations

import mesa
import numpy as np

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
