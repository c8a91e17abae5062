"""The agents: mothers (a Mesa view on the columns), coaches, childcare providers, employers."""

from simulate.agents.childcare import ChildcareProvider
from simulate.agents.coach import CoachAgent
from simulate.agents.employer import Employer
from simulate.agents.mother import MotherAgent

__all__ = ["ChildcareProvider", "CoachAgent", "Employer", "MotherAgent"]
