"""Support groups that members of a peer group keep after it.

After the Het Begint Bij Mij training the participants form a support group in which they
go on supporting each other (002:1400); six times a year they receive a toolkit with a
topical theme to talk about in it (002:1391). Keeping the support groups going is hard
(002:1382): some stay very active, others fall silent (002:1509), and setting one up on
their own proves hard for mothers on assistance and needs extra support (000:48).

Members who stop taking part in the scenario's peer groups in the same month, while still
followed (on assistance or in work), form one support group. It meets as often as the
toolkit comes, for a number of months. At a meeting a member attends with a chance that
falls month by month (less so with a professional's support); attendees gain confidence,
part of it for good, and two attendees not yet tied may form a tie (network edges, which
help with informal childcare and the ladder like every peer tie). Once the support group
stops meeting its ties fade. The module sees who takes part in the peer groups, not why she
stopped, so a member who left her group early joins the support group of that month too.
List it after the peer groups. Effect sizes are declared uncertainties.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    ASSUMPTION_NL,
    Parameter,
    ParameterSet,
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, State, cost_metric, register
from simulate.policies.context import PolicyContext
from simulate.states import Status

HARD_TO_KEEP = "keeping support groups active is hard (002:1382, 002:1509, 000:48)"


@dataclass
class SupportGroup:
    """One support group: its members, the month it first met and its network id."""

    gid: int
    start: int
    members: np.ndarray
    network_id: int


@register
class SupportGroups(Policy):
    """Support groups of former peer-group members, with a toolkit for each meeting."""

    name = "support_group"
    title = "support groups after the training"
    title_nl = "supportgroepen na de training"
    parameters = ParameterSet((
        count("meetings_per_year", 6, (2, 12),
              "Het Begint Bij Mij: a toolkit 6 times a year for the support group (002:1391)",
              "Support-group meetings a year, one for each toolkit.", lo=0, hi=52,
              unit="meetings per year", kind="lever",
              doc_nl="Bijeenkomsten van de supportgroep per jaar, één per toolkit.",
              unit_nl="bijeenkomsten per jaar",
              source_nl=("Het Begint Bij Mij: 6 keer per jaar een toolkit voor de supportgroep "
                         "(002:1391)")),
        count("months", 12, (6, 36), ASSUMPTION,
              "Months a support group goes on meeting after the peer group.", lo=1, hi=240,
              unit="months", kind="lever",
              doc_nl="Maanden dat een supportgroep na de groepstraining blijft bijeenkomen.",
              unit_nl="maanden",
              source_nl=ASSUMPTION_NL),
        amount("meeting_hours", 2.0, (1.0, 3.0), ASSUMPTION, "Length of a meeting.",
               unit="hours", hi=12.0,
               doc_nl="Duur van een bijeenkomst.",
               unit_nl="uren",
               source_nl=ASSUMPTION_NL),
        Parameter("professional_support", False, "flag", None,
                  "Het Begint Bij Mij: a support group needs extra support (000:48)",
                  "A professional helps the support group keep meeting.", kind="lever",
                  type=bool,
                  doc_nl="Een professional helpt de supportgroep bij elkaar te blijven komen.",
                  unit_nl="ja/nee",
                  source_nl=("Het Begint Bij Mij: een supportgroep vraagt om extra ondersteuning "
                             "(000:48)")),
        share("attendance_base", 0.7, (0.4, 0.9), ASSUMPTION + "; " + HARD_TO_KEEP,
              "Probability that a member attends the first meeting.", unit="probability",
              kind="uncertainty",
              doc_nl="Kans dat een lid bij de eerste bijeenkomst komt.",
              unit_nl="kans",
              source_nl=("aanname; supportgroepen actief houden is lastig (002:1382, 002:1509, "
                         "000:48)")),
        share("attendance_decay", 0.1, (0.02, 0.3), ASSUMPTION + "; " + HARD_TO_KEEP,
              "Monthly relative drop in attendance of a support group on its own.",
              unit="share per month", kind="uncertainty",
              doc_nl="Relatieve daling per maand van de opkomst in een supportgroep zonder steun.",
              unit_nl="deel per maand",
              source_nl=("aanname; supportgroepen actief houden is lastig (002:1382, 002:1509, "
                         "000:48)")),
        factor("support_decay_factor", 0.5, (0.2, 1.0),
               ASSUMPTION + "; setting up a support group needs extra support (000:48)",
               "Drop in attendance with a professional's support, relative to without.",
               kind="uncertainty",
               doc_nl=("Daling van de opkomst met steun van een professional, ten opzichte van "
                       "zonder."),
               unit_nl="factor",
               source_nl=("aanname; een supportgroep opzetten vraagt om extra ondersteuning "
                          "(000:48)")),
        share("confidence_gain_per_10_hours", 0.05, (0.0, 0.15),
              ASSUMPTION + ": less than in a training (peer_groups), meetings being "
              "unguided talk", "Share of the gap to full confidence closed per 10 hours at "
              "support-group meetings.", unit="share of gap", kind="uncertainty",
              doc_nl=("Deel van de afstand tot volledig zelfvertrouwen dat elke 10 uur op "
                      "bijeenkomsten van de supportgroep overbrugt."),
              unit_nl="deel van de afstand",
              source_nl=("aanname: minder dan in een training (peer_groups), omdat de "
                         "bijeenkomsten gesprekken zonder begeleiding zijn")),
        share("durable_share", 0.5, (0.0, 1.0), ASSUMPTION, "Share of the confidence gained "
              "at support-group meetings that lasts as the mother's own level.",
              kind="uncertainty",
              doc_nl=("Deel van het zelfvertrouwen uit de supportgroep dat blijft als eigen niveau"
                      " van de moeder."),
              unit_nl="aandeel",
              source_nl=ASSUMPTION_NL),
        share("tie_per_meeting", 0.1, (0.0, 0.3),
              ASSUMPTION + "; the support group is for supporting each other (002:1400)",
              "Probability that two attendees of a meeting not yet tied form a tie.",
              unit="probability per meeting", kind="uncertainty",
              doc_nl=("Kans dat twee aanwezigen die nog geen band hebben er op een bijeenkomst een"
                      " vormen."),
              unit_nl="kans per bijeenkomst",
              source_nl="aanname; in de supportgroep steunen de deelnemers elkaar (002:1400)"),
        hazard("tie_fade_after_end_per_month", 0.05, (0.0, 0.15), ASSUMPTION,
               "Monthly probability that a tie from a support group that has stopped "
               "meeting dissolves.", kind="uncertainty",
               doc_nl=("Kans per maand dat een band uit een supportgroep die niet meer bijeenkomt "
                       "verdwijnt."),
               unit_nl="kans per maand",
               source_nl=ASSUMPTION_NL),
        amount("toolkit_cost_eur", 15.0, (5.0, 50.0), ASSUMPTION,
               "Cost of one toolkit for one member.", unit="EUR per member",
               doc_nl="Kosten van één toolkit voor één lid.",
               unit_nl="euro per lid",
               source_nl=ASSUMPTION_NL),
        amount("support_cost_per_meeting_eur", 150.0, (50.0, 400.0), ASSUMPTION,
               "Cost of a professional's support at one meeting (when supported).",
               unit="EUR per meeting",
               doc_nl=("Kosten van de steun van een professional bij één bijeenkomst (als er steun"
                       " is)."),
               unit_nl="euro per bijeenkomst",
               source_nl=ASSUMPTION_NL),
    ))
    metrics = (
        Metric("support_groups_meeting", "groups", "Support groups meeting this month.",
               kind="stock"),
        Metric("support_group_members", "mothers", "Members of support groups that still "
               "meet.", reach=True, kind="stock"),
        Metric("support_group_attendees", "mothers", "Members attending a meeting this month.",
               kind="stock"),
        Metric("support_group_ties", "ties", "Active ties made in support groups.", kind="stock"),
        cost_metric("Toolkits and a professional's support at meetings."),
    )
    zero: ClassVar[dict[str, Any]] = {"meetings_per_year": 0}
    uses = ("peer_groups",)  # whose participants it reads
    state = (
        State("joined", np.bool_, False, "ever joined a support group"),
    )
    # Read and written as attributes; the mothers' table holds them (Policy.bind).
    joined: np.ndarray

    def setup(self, ctx: PolicyContext) -> None:
        self.groups: list[SupportGroup] = []
        self.before = np.zeros(0, dtype=np.int64)  # peer-group members last month
        self.counts = dict.fromkeys(("meeting", "members", "attendees", "toolkits"), 0)

    def meets(self, k: int) -> bool:
        """Whether a support group meets in month k after its start (k >= 0)."""
        per = self.params.meetings_per_year
        return k < self.params.months and (k + 1) * per // 12 > k * per // 12

    def _followed(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        return ids[np.isin(ctx.mothers.status[ids], (Status.ON_ASSISTANCE, Status.IN_WORK))]

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        ids = [g.members for g in self.groups if ctx.month - g.start < self.params.months]
        return self._followed(ctx, np.concatenate(ids)) if ids else np.zeros(0, np.int64)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.joined)

    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        if self.params.meetings_per_year == 0:
            return
        now = ctx.participants_of("peer_groups")
        left = self._followed(ctx, np.setdiff1d(self.before, now))
        # A registered mother who did not show up in her group's first month never was a
        # member (the peer groups take her off the group).
        members = ctx.participants_of("peer_groups", ever=True)
        left = left[~self.joined[left] & np.isin(left, members)]
        self.before = now
        if len(left):
            self.joined[left] = True
            gid = len(self.groups)
            self.groups.append(SupportGroup(gid, ctx.month, left, ctx.network.new_group(
                f"{self.label}:{gid}")))

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        p, t = self.params, ctx.month
        if p.meetings_per_year:
            for g in self.groups:
                if self.meets(t - g.start):
                    self._meeting(ctx, g, t - g.start)
            self._fade(ctx)
            ctx.refresh_ties()
        return self.report(ctx)

    def _meeting(self, ctx: PolicyContext, g: SupportGroup, k: int) -> None:
        m, p = ctx.mothers, self.params
        members = self._followed(ctx, g.members)
        decay = p.attendance_decay * (p.support_decay_factor if p.professional_support else 1.0)
        chance = p.attendance_base * (1.0 - decay) ** k
        attend = members[ctx.uniform("attend", members) < chance]
        self.counts["meeting"] += 1
        self.counts["toolkits"] += len(members)
        self.counts["attendees"] += len(attend)
        gain = np.float32(1.0 - (1.0 - p.confidence_gain_per_10_hours) ** (p.meeting_hours / 10))
        up = ctx.gain("confidence", attend, gain)
        ctx.keep("confidence_own", attend, np.float32(p.durable_share) * up)
        if len(attend) < 2:
            return
        net, span = ctx.network, np.int64(m.n)
        i, j = np.triu_indices(len(attend), k=1)
        a, b = np.minimum(attend[i], attend[j]), np.maximum(attend[i], attend[j])
        tied = np.isin(a * span + b, net.a[net.active] * span + net.b[net.active])
        form = ~tied & (ctx.generator(f"ties:{g.gid}").random(len(a)) < p.tie_per_meeting)
        net.add_edges(a[form], b[form], g.network_id, ctx.month, fades=True)

    def _own(self, ctx: PolicyContext) -> np.ndarray:
        net = ctx.network
        return net.active & np.isin(net.group, [g.network_id for g in self.groups])

    def _fade(self, ctx: PolicyContext) -> None:
        """Ties of a support group that has stopped meeting fade."""
        net, t = ctx.network, ctx.month
        ended = [g.network_id for g in self.groups if t - g.start >= self.params.months]
        edges = np.flatnonzero(self._own(ctx) & np.isin(net.group, ended))
        if len(edges):
            draw = ctx.generator("fade").random(len(edges))
            net.dissolve(edges[draw < self.params.tie_fade_after_end_per_month])

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        cost = (c["toolkits"] * p.toolkit_cost_eur
                + p.professional_support * c["meeting"] * p.support_cost_per_meeting_eur)
        return {
            "support_groups_meeting": c["meeting"],
            "support_group_members": len(self.participants(ctx)),
            "support_group_attendees": c["attendees"],
            "support_group_ties": int(self._own(ctx).sum()) if self.groups else 0,
            "cost_eur": float(cost),
        }
