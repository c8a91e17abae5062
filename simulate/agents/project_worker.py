"""Project workers (projectmedewerkers): Mesa agents that work beside the regular coaches.

In Rotterdam's *Klaar voor een kind, klaar voor werk* three project workers did most of the
programme's work next to the mothers' own coaches (004:294, 004:1043): extra contacts,
sessions, the network on other domains of life, the search for a job with the employers'
desk, aftercare. A mother keeps her coach; a project worker adds to it. The programme that
hires them (:mod:`simulate.policies.project_workers`) keeps who is whose client and reads
each worker's contact capacity from the agent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa

if TYPE_CHECKING:
    from simulate.model import PathwaysModel


class ProjectWorkerAgent(mesa.Agent):
    """A project worker with her hours and her most clients.

    Args:
        model: The model.
        programme: Label of the policy the worker works for.
        hours_per_month: Working hours per month (a full-time post: the coaches' hours).
        client_time_share: Share of the hours spent on contact with clients (the rest goes
            to sessions, the network and the employers' desk).
        hours_per_contact: Hours one contact takes.
        clients_max: Most clients (on assistance or in aftercare) the worker takes on.
    """

    def __init__(self, model: PathwaysModel, *, programme: str, hours_per_month: float,
                 client_time_share: float, hours_per_contact: float, clients_max: int) -> None:
        super().__init__(model)
        self.programme = programme
        self.hours_per_month = hours_per_month
        self.client_time_share = client_time_share
        self.hours_per_contact = hours_per_contact
        self.clients_max = clients_max

    @property
    def contact_capacity(self) -> float:
        """Client contacts the worker can give per month."""
        return self.hours_per_month * self.client_time_share / self.hours_per_contact
