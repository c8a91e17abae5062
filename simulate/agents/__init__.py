"""The agents: mothers (a Mesa view on the columns), coaches, project workers, childcare
providers, employers."""

from simulate.agents.childcare import ChildcareProvider
from simulate.agents.coach import CoachAgent
from simulate.agents.employer import Employer
from simulate.agents.mother import MotherAgent
from simulate.agents.project_worker import ProjectWorkerAgent

__all__ = ["ChildcareProvider", "CoachAgent", "Employer", "MotherAgent", "ProjectWorkerAgent"]
