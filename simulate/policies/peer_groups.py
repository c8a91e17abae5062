"""Peer groups of 8-10 mothers.

Groups start through the year. Eligible mothers are invited and some accept; a group then
runs a schedule: an optional intensive phase (e.g. two days a week), an optional
internship, then regular sessions (e.g. 10 weekly sessions of 2.5 hours, or 12 monthly
sessions of 4 hours). Each session month, members attend or not: a sick child (a stress
event), a language problem, no childcare during the session and a job all lower
attendance; some members drop out, more so those with a language barrier (one mother left
for a language course). Attended hours raise confidence (partly for good), trust in
services and, with childcare at the sessions, trust in formal childcare; active members
climb the ladder more easily; mothers who attend together form real ties (network edges
between those agents), which help with informal childcare and lower job loss after a job
start, also after the group has ended. Without a facilitator, groups fade: attendance
falls month by month and ties dissolve. Effect sizes are uncertain parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from simulate.parameters import (
    ASSUMPTION,
    PRACTICE,
    Parameter,
    ParameterSet,
    count,
    factor,
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, cost_metric, grown, register
from simulate.policies.context import PolicyContext
from simulate.states import LADDER_PARTTIME, Barrier, Status

EVALUATION = "Rotterdam evaluation (2025)"
LANGUAGE = np.uint8(1 << Barrier.LANGUAGE)
FOLLOWED = (Status.ON_ASSISTANCE, Status.IN_WORK)


def _f(name, default, unit, rng, source, doc, kind="lever", lo=0.0, hi=None):
    return Parameter(name, default, unit, rng, source, doc, kind=kind, bounds=(lo, hi))


@dataclass
class Group:
    """One peer group: its members and where it is in its schedule.

    ``gid`` numbers the instance's groups; ``network_id`` is the group's id in the model's
    network (unique across every policy's groups).
    """

    gid: int
    start: int
    members: np.ndarray
    active: np.ndarray
    network_id: int
    hours: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.hours = np.zeros(len(self.members))


@register
class PeerGroups(Policy):
    """Peer groups with a schedule, attendance, dropout, ties and effects."""

    name = "peer_groups"
    parameters = ParameterSet((
        count("groups_per_year", 6, (0, 24), ASSUMPTION,
              "Groups started per year.", unit="groups per year", kind="lever", hi=52),
        count("group_size", 9, (6, 12), PRACTICE + ": groups of 8-10 mothers",
              "Mothers per group at the start.", lo=2, hi=50, unit="mothers", kind="lever"),
        count("sessions", 12, (2, 24), PRACTICE + ": formats of 10 or 12 sessions",
              "Regular sessions per group.", lo=0, hi=200, unit="sessions", kind="lever"),
        _f("sessions_per_month", 1.0, "sessions per month", (0.5, 8.7),
           PRACTICE + ": monthly, weekly or twice-weekly formats (004:937)", "Frequency of the regular sessions.",
           lo=0.05, hi=31.0),
        _f("session_hours", 2.5, "hours", (2.0, 4.0), PRACTICE + ": sessions of 2.5 or 4 hours",
           "Length of a regular session.", lo=0.25, hi=12.0),
        count("intensive_months", 0, (0, 3),
              PRACTICE + ": a trajectory starting with 2 months at 2 days a week",
              "Months of an intensive phase before the regular sessions.", lo=0, hi=24,
              unit="months", kind="lever"),
        _f("intensive_sessions_per_month", 8.7, "days per month", (4.33, 13.0),
           PRACTICE + ": 2 days a week", "Programme days per month in the intensive phase.",
           lo=0.0, hi=31.0),
        _f("intensive_session_hours", 5.0, "hours", (3.0, 7.0), ASSUMPTION,
           "Hours of a programme day in the intensive phase.", lo=0.25, hi=12.0),
        count("internship_months", 0, (0, 2), PRACTICE + ": a 1-month internship",
              "Months of internship after the intensive phase.", lo=0, hi=12, unit="months",
              kind="lever"),
        share("internship_completion", 0.7, (0.4, 0.9), ASSUMPTION,
              "Probability that an active member completes the internship (reaching at "
              "least ladder step 4, unpaid work or internship).", unit="probability"),
        Parameter("facilitator", "professional", "kind", None,
                  PRACTICE + ": facilitated by a professional or a former participant",
                  "Who leads the group: 'professional', 'former_participant' or 'none'.",
                  kind="lever", type=str, choices=("professional", "former_participant", "none")),
        Parameter("childcare_during_sessions", False, "flag", None,
                  PRACTICE + ": a format with childcare", "Childcare is provided at sessions.",
                  kind="lever", type=bool),
        Parameter("arrange_childcare", False, "flag", None,
                  PRACTICE + ": childcare arranged before the start",
                  "Members are registered for a formal place at the start, without the "
                  "registration lag.", kind="lever", type=bool),
        Parameter("recruitment", "random", "rule", None, EVALUATION + ": invitations via coaches",
                  "Who is invited: 'random' eligible mothers, those with a coach contact "
                  "last month ('coach_contact'), or clients of dedicated coaches "
                  "('dedicated_coaches').", kind="lever", type=str,
                  choices=("random", "coach_contact", "dedicated_coaches")),
        count("max_child_age_months", 24, (12, 60), PRACTICE + ": default target group",
              "Eligible with a youngest child under this age.", lo=0, hi=216, unit="months",
              kind="lever"),
        count("min_ladder_step", 1, (1, 4), ASSUMPTION,
              "Eligible from this participation-ladder step (4: mothers looking for work).",
              lo=1, hi=4, unit="ladder step", kind="lever"),
        Parameter("include_pregnant", True, "flag", None, PRACTICE + ": target group",
                  "Pregnant women are eligible.", kind="lever", type=bool),
        share("acceptance_rate", 0.3, (0.15, 0.5),
              ASSUMPTION + "; " + EVALUATION + ": of 177 invited, 67 took a training and 40 started a "
              "trajectory",
              "Share of invited mothers who join.", unit="probability", kind="uncertainty"),
        share("attendance_base", 0.85, (0.7, 0.95), ASSUMPTION,
              "Probability that a member attends a session month with nothing in the way.",
              unit="probability", kind="uncertainty"),
        factor("attendance_sick_child_factor", 0.3, (0.1, 0.6),
               ASSUMPTION + "; " + PRACTICE + ": attendance drops for sick children",
               "Attendance in a month with a stress event (a sick child), relative.",
               kind="uncertainty"),
        factor("attendance_language_factor", 0.7, (0.4, 0.9),
               ASSUMPTION + "; " + PRACTICE + ": attendance drops for language problems",
               "Attendance with a language barrier, relative.", kind="uncertainty"),
        factor("attendance_no_childcare_factor", 0.6, (0.3, 0.9), ASSUMPTION,
               "Attendance of a mother with a young child when no childcare is provided, "
               "relative.", kind="uncertainty"),
        factor("attendance_work_factor", 0.5, (0.2, 0.8),
               ASSUMPTION + "; " + PRACTICE + ": clashing obligations",
               "Attendance of a member in (part-time) work, relative.", kind="uncertainty"),
        share("self_run_attendance_decay", 0.1, (0.03, 0.25),
              ASSUMPTION + "; " + PRACTICE + ": self-run groups fade without a facilitator",
              "Monthly relative drop in attendance of a group without a facilitator.",
              unit="share per month", kind="uncertainty"),
        hazard("dropout_hazard", 0.03, (0.01, 0.08), ASSUMPTION,
               "Monthly probability that a member leaves the group.", kind="uncertainty"),
        hazard("dropout_language_course", 0.05, (0.0, 0.15),
               ASSUMPTION + "; " + PRACTICE + ": one mother left for a language course",
               "Extra monthly probability of leaving with a language barrier.",
               kind="uncertainty"),
        share("confidence_gain_per_10_hours", 0.08, (0.02, 0.2), ASSUMPTION,
              "Share of the gap to full confidence closed per 10 hours attended.",
              unit="share of gap", kind="uncertainty"),
        share("durable_share", 0.5, (0.0, 1.0), ASSUMPTION,
              "Share of the confidence gained that becomes the mother's own lasting level.",
              kind="uncertainty"),
        share("trust_gain_per_10_hours", 0.05, (0.0, 0.15), ASSUMPTION,
              "Share of the gap to full trust in services closed per 10 hours attended.",
              unit="share of gap", kind="uncertainty"),
        share("childcare_trust_gain_per_10_hours", 0.05, (0.0, 0.15), ASSUMPTION,
              "With childcare at sessions: share of the gap to full trust in formal "
              "childcare closed per 10 hours attended.", unit="share of gap",
              kind="uncertainty"),
        factor("ladder_effect", 0.3, (0.0, 1.0), ASSUMPTION,
               "Extra relative chance of a step up while an active member.",
               kind="uncertainty"),
        factor("job_search_effect", 0.3, (0.0, 1.5),
               ASSUMPTION + "; group job-search training raises job finding while it runs "
               "(the JOBS trial: Brenninkmeijer & Blonk 2012)",
               "Extra relative chance of a job offer in a month as an active member (the "
               "group practises searching and applying).", kind="uncertainty"),
        share("tie_per_month", 0.15, (0.03, 0.4),
              ASSUMPTION + "; " + PRACTICE + ": effects run through ties; friendships take "
              "time, so a short course forms few (the JOBS trial's effect faded within a "
              "year: Brenninkmeijer & Blonk 2012)",
              "Probability that two members who attend sessions in the same month form a "
              "tie, per month of meeting (however many sessions that month).",
              unit="probability per month", kind="uncertainty"),
        hazard("tie_fade_per_month", 0.05, (0.0, 0.15),
               ASSUMPTION + "; " + PRACTICE + ": self-run groups fade without a facilitator",
               "Monthly probability that a tie from a group without a facilitator dissolves.",
               kind="uncertainty"),
        hazard("tie_fade_after_end_per_month", 0.05, (0.0, 0.15),
               ASSUMPTION + ": contact between members thins out once a group stops meeting",
               "Monthly probability that a tie from a group that has stopped meeting "
               "dissolves.", kind="uncertainty"),
        share("job_loss_reduction_per_tie", 0.1, (0.0, 0.25),
              ASSUMPTION + "; " + PRACTICE + ": peer support lowers the risk of job loss",
              "Relative drop in the risk of job loss per peer tie.",
              unit="share per tie", kind="uncertainty"),
        count("job_loss_ties_max", 3, (1, 6), ASSUMPTION,
              "Most peer ties that lower the risk of job loss.", lo=0, hi=100, unit="ties",
              kind="setting"),
        factor("former_participant_factor", 0.8, (0.5, 1.0), ASSUMPTION,
               "Effects of a group led by a former participant, relative to a professional.",
               kind="uncertainty"),
        factor("self_run_factor", 0.5, (0.2, 0.9), ASSUMPTION,
               "Effects of a group without a facilitator, relative to a professional.",
               kind="uncertainty"),
        _f("cost_per_session_eur", 400.0, "EUR per session", (100.0, 1000.0),
           ASSUMPTION + ": facilitator and venue", "Cost of one session (or programme day).",
           hi=1e7),
        _f("cost_per_group_start_eur", 500.0, "EUR per group", (0.0, 2000.0),
           ASSUMPTION + ": start meeting and recruitment", "Cost of starting a group.", hi=1e7),
        _f("childcare_cost_per_child_session_eur", 35.0, "EUR per child per session",
           (15.0, 80.0), ASSUMPTION, "Cost of childcare at a session, per attending mother "
           "with a young child (when childcare is provided).", hi=1e7),
    ))

    metrics = (
        Metric("peer_groups_running", "groups", "Groups meeting this month."),
        Metric("peer_groups_started", "groups", "Groups started this month."),
        Metric("peer_group_sessions", "sessions", "Sessions held this month."),
        Metric("peer_group_childcare_child_sessions", "child sessions",
               "Children minded during sessions this month."),
        Metric("peer_group_participants", "mothers", "Active members of running groups.",
               reach=True),
        Metric("peer_group_new_members", "mothers", "Members joining this month."),
        Metric("peer_group_attendees", "mothers", "Members attending this month."),
        Metric("peer_group_dropouts", "mothers", "Members leaving their group this month."),
        Metric("peer_ties", "ties", "Active ties made in this policy's groups."),
        cost_metric("Sessions, group starts and childcare at sessions."),
    )
    zero: ClassVar[dict[str, Any]] = {"groups_per_year": 0}

    # ---- set-up and schedule ----------------------------------------------------------------
    def setup(self, ctx: PolicyContext) -> None:
        self.groups: list[Group] = []
        self.rounds = 0  # recruitment rounds so far (they key the invitation draws)
        self.member_of = np.full(ctx.mothers.n, -1, dtype=np.int64)  # group id; -1: never
        self.counts: dict[str, float] = dict.fromkeys(("new_members", "attendees", "dropouts",
                                                      "sessions", "childcare_sessions",
                                                      "new_groups"), 0)

    @property
    def effect(self) -> float:
        p = self.params
        return {"professional": 1.0, "former_participant": p.former_participant_factor,
                "none": p.self_run_factor}[p.facilitator]

    def schedule(self, k: int) -> tuple[float, float, bool]:
        """(sessions, hours per session, internship month) in month k of a group (k >= 0)."""
        p = self.params
        if k < p.intensive_months:
            return p.intensive_sessions_per_month, p.intensive_session_hours, False
        k -= p.intensive_months
        if k < p.internship_months:
            return 0.0, 0.0, True
        k -= p.internship_months
        done = min(np.floor(k * p.sessions_per_month), p.sessions)
        due = min(np.floor((k + 1) * p.sessions_per_month), p.sessions) - done
        return float(due), p.session_hours, False

    def duration(self) -> int:
        p = self.params
        regular = int(np.ceil(p.sessions / p.sessions_per_month)) if p.sessions else 0
        return p.intensive_months + p.internship_months + regular

    def running(self, t: int) -> list[Group]:
        return [g for g in self.groups if 0 <= t - g.start < self.duration()]

    def participants(self, ctx: PolicyContext) -> np.ndarray:
        ids = [g.members[g.active] for g in self.running(ctx.month)]
        return np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)

    def ever_participants(self, ctx: PolicyContext) -> np.ndarray:
        return np.flatnonzero(self.member_of >= 0)

    # ---- hooks ----------------------------------------------------------------------------------
    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        p, t = self.params, ctx.month
        if p.groups_per_year == 0:
            return
        self.member_of = grown(self.member_of, ctx.mothers.n, -1)
        starting = (t * p.groups_per_year) // 12 - ((t - 1) * p.groups_per_year) // 12
        for _ in range(starting):
            self._recruit(ctx)
        for g in self.running(t):
            active = g.members[g.active]
            ctx.scale("mod_ladder_up", active, 1.0 + p.ladder_effect * self.effect)
            ctx.scale("mod_offer", active, 1.0 + p.job_search_effect * self.effect)
        own = self._own_degree(ctx)
        tied = np.flatnonzero(own > 0)
        ctx.scale("mod_job_loss", tied, (1.0 - p.job_loss_reduction_per_tie)
                  ** np.minimum(own[tied], p.job_loss_ties_max))

    def _recruit(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        on = ctx.on_assistance()
        ok = (ctx.target_group(on, p.max_child_age_months, p.include_pregnant)
              & (self.member_of[on] < 0) & (m.ladder[on] >= p.min_ladder_step))
        if p.recruitment == "coach_contact":
            ok &= m.last_contact[on] == t - 1
        elif p.recruitment == "dedicated_coaches":
            ok &= np.isin(on, ctx.participants_of("dedicated_coaches"))
        invited = on[ok]
        gid = len(self.groups)
        # Keyed by recruitment round: two rounds in one month (two groups, or a group that
        # found no members and a next one) draw afresh for each.
        self.rounds += 1
        invited = invited[np.argsort(ctx.uniform(f"invite:{self.rounds}", invited),
                                     kind="stable")]
        accept = ctx.uniform(f"accept:{self.rounds}", invited) < p.acceptance_rate
        members = invited[accept][: p.group_size]
        if len(members) == 0:
            return
        self.groups.append(Group(gid, t, members, np.ones(len(members), dtype=bool),
                                 ctx.network.new_group(f"{self.label}:{gid}")))
        self.member_of[members] = gid
        self.counts["new_members"] += len(members)
        self.counts["new_groups"] += 1
        if p.arrange_childcare:
            need = members[ctx.needs_care(members)]
            ctx.register_for_childcare(need, since=t - ctx.params.childcare_registration_lag_months)

    def on_month_end(self, ctx: PolicyContext) -> dict[str, float]:
        p, t = self.params, ctx.month
        if p.groups_per_year:
            for g in self.running(t):
                self._session_month(ctx, g, t - g.start)
            self._fade(ctx)
            ctx.refresh_ties()
        return self.report(ctx)

    def _session_month(self, ctx: PolicyContext, g: Group, k: int) -> None:
        m, p = ctx.mothers, self.params
        gone = ~np.isin(m.status[g.members], FOLLOWED)
        g.active &= ~gone
        active = g.members[g.active]
        sessions, hours, internship = self.schedule(k)
        young = ctx.needs_care(active)
        working = (m.status[active] == Status.IN_WORK) | m.parttime[active]
        chance = (p.attendance_base
                  * np.where(m.stress_event[active], p.attendance_sick_child_factor, 1.0)
                  * np.where((m.barriers[active] & LANGUAGE) != 0, p.attendance_language_factor, 1.0)
                  * np.where(young & ~np.bool_(p.childcare_during_sessions),
                             p.attendance_no_childcare_factor, 1.0)
                  * np.where(working, p.attendance_work_factor, 1.0))
        if p.facilitator == "none":
            chance = chance * (1.0 - p.self_run_attendance_decay) ** k
        attend = active[ctx.uniform("attend", active) < chance]

        if internship and k == p.intensive_months + p.internship_months - 1:
            done = attend[ctx.uniform("internship", attend) < p.internship_completion]
            done = done[(m.status[done] == Status.ON_ASSISTANCE) & ~m.parttime[done]]
            m.ladder[done] = np.maximum(m.ladder[done], LADDER_PARTTIME - 1)
        if sessions > 0:
            self._effects(ctx, attend, sessions * hours)
            self._ties(ctx, g, attend)
            g.hours[np.isin(g.members, attend)] += sessions * hours
            self.counts["sessions"] += sessions
            if p.childcare_during_sessions:
                self.counts["childcare_sessions"] += sessions * int(ctx.needs_care(attend).sum())
        self.counts["attendees"] += len(attend)

        leave = p.dropout_hazard + np.where((m.barriers[active] & LANGUAGE) != 0,
                                            p.dropout_language_course, 0.0)
        drop = active[ctx.uniform("dropout", active) < leave]
        g.active &= ~np.isin(g.members, drop)
        self.counts["dropouts"] += len(drop)

    def _effects(self, ctx: PolicyContext, ids: np.ndarray, hours: float) -> None:
        m, p = ctx.mothers, self.params

        def gain(per_10_hours: float) -> np.float32:
            return np.float32(1.0 - (1.0 - per_10_hours * self.effect) ** (hours / 10.0))

        g = gain(p.confidence_gain_per_10_hours)
        before = m.confidence[ids].copy()
        m.confidence[ids] += g * (1 - m.confidence[ids])
        m.confidence_own[ids] += np.float32(p.durable_share) * (m.confidence[ids] - before)
        m.trust_services[ids] += gain(p.trust_gain_per_10_hours) * (1 - m.trust_services[ids])
        if p.childcare_during_sessions:
            c = gain(p.childcare_trust_gain_per_10_hours)
            young = ids[ctx.needs_care(ids)]
            m.trust_childcare[young] += c * (1 - m.trust_childcare[young])

    def _ties(self, ctx: PolicyContext, g: Group, attend: np.ndarray) -> None:
        """Pairs of attendees not yet tied form a tie with a probability per month of meeting."""
        if len(attend) < 2:
            return
        net = ctx.network
        i, j = np.triu_indices(len(attend), k=1)
        a, b = np.minimum(attend[i], attend[j]), np.maximum(attend[i], attend[j])
        mine = (net.group == g.network_id) & net.active
        span = np.int64(ctx.mothers.n)
        new = ~np.isin(a * span + b, net.a[mine] * span + net.b[mine])
        chance = self.params.tie_per_month * self.effect
        form = new & (ctx.generator(f"ties:{g.gid}").random(len(a)) < chance)
        net.add_edges(a[form], b[form], g.network_id, ctx.month,
                      fades=self.params.facilitator == "none")

    def _own_edges(self, ctx: PolicyContext) -> np.ndarray:
        net = ctx.network
        own = np.array([g.network_id for g in self.groups], dtype=np.int64)
        return net.active & np.isin(net.group, own)

    def _own_degree(self, ctx: PolicyContext) -> np.ndarray:
        net, n = ctx.network, ctx.mothers.n
        mask = self._own_edges(ctx)
        return (np.bincount(net.a[mask], minlength=n) + np.bincount(net.b[mask], minlength=n))[:n]

    def _fade(self, ctx: PolicyContext) -> None:
        """Ties of a self-run group fade while it runs; every group's ties fade once it
        has stopped meeting."""
        net, p, t = ctx.network, self.params, ctx.month
        if not self.groups:
            return
        ended = np.array([g.network_id for g in self.groups
                          if t - g.start >= self.duration()], dtype=np.int64)
        rate = np.where(np.isin(net.group, ended), p.tie_fade_after_end_per_month, 0.0)
        if p.facilitator == "none":
            rate = np.maximum(rate, np.where(net.fades, p.tie_fade_per_month, 0.0))
        edges = np.flatnonzero(self._own_edges(ctx) & (rate > 0))
        if len(edges) == 0:
            return
        net.dissolve(edges[ctx.generator("fade").random(len(edges)) < rate[edges]])

    def report(self, ctx: PolicyContext) -> dict[str, float]:
        p, c = self.params, self.counts
        running = self.running(ctx.month)
        cost = (c["sessions"] * p.cost_per_session_eur
                + c["new_groups"] * p.cost_per_group_start_eur
                + c["childcare_sessions"] * p.childcare_cost_per_child_session_eur)
        return {
            "peer_groups_running": len(running),
            "peer_groups_started": c["new_groups"],
            "peer_group_sessions": float(c["sessions"]),
            "peer_group_childcare_child_sessions": float(c["childcare_sessions"]),
            "peer_group_participants": int(sum(g.active.sum() for g in running)),
            "peer_group_new_members": c["new_members"],
            "peer_group_attendees": c["attendees"],
            "peer_group_dropouts": c["dropouts"],
            "peer_ties": int(self._own_edges(ctx).sum()) if self.groups else 0,
            "cost_eur": float(cost),
        }
