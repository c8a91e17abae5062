"""A link between a group programme and the social services.

A staff member of the social services joins a peer group at its first and last session
to introduce herself, and the trainer looks during the training at how the services' offer
could help: meant to lower the threshold to that offer (000:52). The Brussels workshops end
with information on the local services, with brochures and contacts (003:57). A member
met this way gains trust in services, part of it for good; through trust the model's
coaching step does the rest: mothers tell more of what holds them back and take up more
referrals (docs/model.md, step 3). How much trust one meeting builds is an assumption.

The link follows the scenario's peer groups: a member is met in her first month in a
running group ('start') and in the first month after she stopped taking part while still
on assistance ('end'). The module sees who takes part, not why she stopped, so a member
who left her group early is met at the end as well. List it after the peer groups, so
that it sees a group in the month it starts.
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from simulate.parameters import ASSUMPTION, Parameter, ParameterSet, amount, share
from simulate.policies.base import Metric, Policy, State, cost_metric, register
from simulate.policies.context import PolicyContext

VISITS = ("none", "start", "end", "start_and_end")


@register
class ServicesLink(Policy):
    """The social services meet peer-group members at the start and end of their group."""

    name = "services_link"
    title = "meetings with the social services"
    title_nl = "kennismaking met de sociale dienst"
    parameters = ParameterSet((
        Parameter("visits", "start_and_end", "rule", None,
                  "Het Begint Bij Mij: a staff member joins the first and the last session "
                  "(000:52); Brussels: information on local services at the end (003:57)",
                  "When members meet the social services: 'none', at the 'start' of their "
                  "group, at the 'end', or 'start_and_end'.", kind="lever", type=str,
                  choices=VISITS,
                  doc_nl=("Wanneer deelnemers aan een groep de sociale dienst ontmoeten: 'none' "
                          "(niet), bij de 'start' van hun groep, aan het 'end' (einde) of "
                          "'start_and_end' (begin en einde)."),
                  unit_nl="regel",
                  source_nl=("Het Begint Bij Mij: een medewerker sluit aan bij de eerste en de "
                             "laatste bijeenkomst (000:52); Brussel: informatie over de lokale "
                             "diensten aan het einde (003:57)")),
        share("trust_gain_per_visit", 0.1, (0.0, 0.3),
              ASSUMPTION + "; the link is meant to lower the threshold to the services' "
              "offer (000:52)",
              "Share of the gap to full trust in services closed at one meeting with the "
              "social services.", unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig vertrouwen in de hulpverlening dat één "
                      "ontmoeting met de sociale dienst overbrugt."),
              unit_nl="deel van de afstand",
              source_nl=("aanname; de koppeling moet de drempel naar het aanbod van de dienst "
                         "verlagen (000:52)")),
        share("durable_share", 0.5, (0.0, 1.0),
              ASSUMPTION + ": a known face at the services stays known",
              "Share of the trust gained that becomes the mother's own lasting level.",
              kind="uncertainty",
              doc_nl=("Deel van het gewonnen vertrouwen dat het eigen, blijvende niveau van de "
                      "moeder wordt."),
              unit_nl="aandeel",
              source_nl="aanname: een bekend gezicht bij de dienst blijft bekend"),
        amount("cost_per_visit_eur", 10.0, (5.0, 30.0),
               ASSUMPTION + ": an hour of a staff member's time shared by a group of 8-10",
               "Cost of meeting one member once.", unit="EUR per mother met",
               doc_nl="Kosten van één ontmoeting met één deelnemer.",
               unit_nl="euro per moeder",
               source_nl="aanname: een uur van een medewerker, gedeeld door een groep van 8 tot 10"),
    ))
    metrics = (
        Metric("services_link_met", "mothers", "Group members who met the social services "
               "this month.", reach=True, kind="flow"),
        cost_metric("Staff time at the groups' first and last sessions."),
    )
    zero: ClassVar[dict[str, Any]] = {"visits": "none"}
    uses = ("peer_groups",)  # whose participants it reads
    state = (
        State("ever", np.bool_, False, "ever met"),
        State("joined", np.bool_, False, "seen in a running group"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    ever: np.ndarray
    joined: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.met = np.zeros(0, dtype=np.int64)
        self.before = np.zeros(0, dtype=np.int64)  # group members last month

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        return self.met

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.ever)

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        # At the month's end, after the peer groups (listed before this module) have settled
        # who started: a registered mother who did not show up is no member to meet.
        p = self.params
        self.met = np.zeros(0, dtype=np.int64)
        if p.visits == "none":
            return self.report(ctx)
        now = ctx.participants_of("peer_groups")
        start = now[~self.joined[now]]
        self.joined[now] = True
        end = np.setdiff1d(self.before, now)
        end = end[np.isin(end, ctx.on_assistance())]
        self.before = now
        met = [start] if p.visits in ("start", "start_and_end") else []
        met += [end] if p.visits in ("end", "start_and_end") else []
        self.met = np.unique(np.concatenate(met))
        gain = ctx.gain("trust_services", self.met, np.float32(p.trust_gain_per_visit))
        ctx.keep("trust_services_own", self.met, np.float32(p.durable_share) * gain)
        self.ever[self.met] = True
        return self.report(ctx)

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        n = len(self.met)
        return {"services_link_met": n, "cost_eur": n * self.params.cost_per_visit_eur}
