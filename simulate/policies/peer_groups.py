"""Peer groups of 8-10 mothers.

Groups start through the year (optionally only within a programme period). Recruitment is a
funnel with finite invitations (004:446-448, 004:716, 004:766, 004:811): eligible mothers
are informed; for each group a fixed number is selected; those not approached before are
invited (optionally to an intake or start meeting, which they attend or not); mothers
decide whether to register, more often the more confident and trusting they are and less
often when the sessions would leave their young child without care or when they are
exempt; registrations beyond the group's places wait for the next group; some registered
mothers do not show up at the start (48 registered, 40 started: 004:811). A format may
instead recruit among the mothers who attended another format's intake (Rotterdam's
trajectories drew on the start meetings). A group then runs a schedule: an optional
intensive phase (e.g. two days a week), an optional internship (with optional theme
meetings; childcare arranged for it is an actual place where one is free), then regular
sessions (e.g. 10 weekly sessions of 2.5 hours, or 12 monthly sessions of 4 hours). Each
session month, members attend or not: a sick child (a stress event), a language problem, no
childcare during the session and a job all lower attendance; some members drop out, more so
those with a language barrier (one mother left for a language course). Attended hours raise
confidence (partly for good), trust in services and, with childcare at the sessions, trust
in formal childcare; active members climb the ladder more easily while the group runs (the
group's one ladder channel); mothers who attend together form real ties (network edges
between those agents), which help with informal childcare and lower job loss after a job
start, also after the group has ended, but do not push the ladder (docs/model.md). Without
a facilitator, groups fade: attendance falls month by month and ties dissolve. Effect sizes
are uncertain parameters.
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
    amount,
    count,
    factor,
    hazard,
    share,
)
from simulate.policies.base import Metric, Policy, cost_metric, grown, register
from simulate.policies.context import PolicyContext
from simulate.states import LADDER_PARTTIME, Barrier, Status

EVALUATION = "Rotterdam evaluation (2025)"
FUNNEL = EVALUATION + ": the participation funnel (004:446-448, 004:716, 004:766, 004:811)"
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
    interns: np.ndarray = field(init=False)  # members placed for the internship

    def __post_init__(self) -> None:
        self.hours = np.zeros(len(self.members))
        self.interns = np.zeros(0, dtype=np.int64)


@register
class PeerGroups(Policy):
    """Peer groups with a schedule, attendance, dropout, ties and effects."""

    name = "peer_groups"
    title = "peer groups"
    title_nl = "groepstrajecten met lotgenoten"
    parameters = ParameterSet((
        count("groups_per_year", 6, (0, 24), ASSUMPTION,
              "Groups started per year.", unit="groups per year", kind="lever", hi=52),
        count("first_start_month", 0, (0, 24), ASSUMPTION,
              "Month of the run in which the first group starts.", unit="month",
              kind="setting", hi=1200),
        count("last_start_month", 1200, (0, 1200), ASSUMPTION,
              "Last month of the run in which a group may start (the end of the programme "
              "period).", unit="month", kind="setting", hi=1200),
        count("group_size", 9, (6, 16), PRACTICE + ": groups of 8-10 mothers",
              "Mothers per group at the start.", lo=2, hi=50, unit="mothers", kind="lever"),
        count("sessions", 12, (2, 52),
              PRACTICE + ": formats of 10 or 12 sessions, up to a standing weekly group (001:36)",
              "Regular sessions per group.", lo=0, hi=200, unit="sessions", kind="lever"),
        _f("sessions_per_month", 1.0, "sessions per month", (0.5, 8.7),
           PRACTICE + ": monthly, weekly or twice-weekly formats (004:937)",
           "Frequency of the regular sessions.",
           lo=0.05, hi=31.0),
        _f("session_hours", 2.5, "hours", (1.0, 4.0), PRACTICE + ": sessions of 2.5 or 4 hours",
           "Length of a regular session.", lo=0.25, hi=12.0),
        count("intensive_months", 0, (0, 6),
              PRACTICE + ": a trajectory starting with 2 months at 2 days a week",
              "Months of an intensive phase before the regular sessions.", lo=0, hi=24,
              unit="months", kind="lever"),
        _f("intensive_sessions_per_month", 8.7, "days per month", (4.33, 13.0),
           PRACTICE + ": 2 days a week", "Programme days per month in the intensive phase.",
           lo=0.0, hi=31.0),
        _f("intensive_session_hours", 5.0, "hours", (2.0, 7.0), ASSUMPTION,
           "Hours of a programme day in the intensive phase.", lo=0.25, hi=12.0),
        count("internship_months", 0, (0, 2), PRACTICE + ": a 1-month internship",
              "Months of internship after the intensive phase.", lo=0, hi=12, unit="months",
              kind="lever"),
        count("internship_places", 16, (4, 16),
              ASSUMPTION + ": work-experience places per group are not counted in the "
              "sources (004:817 names care, retail, childcare, hospitality and hostess work)",
              "Work-experience places a group's members can take for the internship.",
              lo=0, hi=1000, unit="places", kind="lever"),
        _f("internship_meetings_per_month", 0.0, "meetings per month", (0.0, 4.33),
           EVALUATION + ": a weekly theme meeting during the internship (004:817)",
           "Group meetings per month during the internship.", hi=31.0),
        _f("internship_meeting_hours", 2.0, "hours", (1.0, 4.0), ASSUMPTION,
           "Length of a meeting during the internship.", lo=0.25, hi=12.0),
        share("internship_completion", 0.7, (0.4, 0.9), ASSUMPTION,
              "Probability that an active member completes the internship.",
              unit="probability"),
        share("internship_step_kept", 0.0, (0.0, 1.0),
              ASSUMPTION + ": the participation ladder describes what she does (step 4: "
              "unpaid work or an internship, docs/model.md), and a month's internship ends; "
              "no source says how many go on to other unpaid work, so the range spans none "
              "to all",
              "Probability that a member who completed the internship stays on ladder step "
              "4 after it (she goes on to other unpaid work); otherwise she is on the step "
              "she held before it and climbs from there as any mother does.",
              unit="probability"),
        Parameter("facilitator", "professional", "kind", None,
                  PRACTICE + ": facilitated by a professional or a former participant",
                  "Who leads the group: 'professional', 'former_participant' or 'none'.",
                  kind="lever", type=str, choices=("professional", "former_participant", "none")),
        Parameter("childcare_during_sessions", False, "flag", None,
                  PRACTICE + ": a format with childcare", "Childcare is provided at sessions.",
                  kind="lever", type=bool),
        Parameter("arrange_childcare", False, "flag", None,
                  PRACTICE + ": childcare arranged before the start",
                  "Childcare is arranged at the start: members with a young child and no "
                  "place get a free place at their provider; where none is free they are "
                  "registered without the registration lag and wait for one.",
                  kind="lever", type=bool),
        Parameter("recruitment", "random", "rule", None, EVALUATION + ": invitations via coaches",
                  "Who is invited: 'random' eligible mothers, those with a coach contact "
                  "last month ('coach_contact'), clients of dedicated coaches "
                  "('dedicated_coaches'), or mothers who attended the intake of another "
                  "peer-group format of the scenario ('intake').", kind="lever", type=str,
                  choices=("random", "coach_contact", "dedicated_coaches", "intake")),
        count("selected_per_group", 45, (10, 100),
              FUNNEL + ": 223 selected for 15 start meetings",
              "Mothers selected for each group start (invitations are finite).", lo=1,
              hi=100_000, unit="mothers", kind="lever"),
        share("reselect_share", 0.0, (0.0, 0.5),
              FUNNEL + ": 46 of the 223 selected had been approached before",
              "Share of each group's selection kept for mothers approached before who have "
              "not joined (the rest go to mothers not yet approached, while there are any).",
              kind="lever"),
        count("priority_min_child_age_months", 0, (0, 36),
              EVALUATION + ": mainly mothers of toddlers aged 2-4 were approached (004:815)",
              "Selection favours mothers whose youngest child is at least this old (0: no "
              "preference).", lo=0, hi=216, unit="months", kind="lever"),
        Parameter("intake", False, "flag", None,
                  EVALUATION + ": invited to a (mandatory) start meeting (004:448, 004:716)",
                  "Invited mothers are asked to an intake or start meeting first; only those "
                  "who attend decide whether to join.", kind="lever", type=bool),
        share("intake_attendance", 0.85, (0.6, 0.95),
              FUNNEL + ": 177 invited, 15 start meetings of about 10",
              "Probability that an invited mother attends the intake (with childcare on "
              "site, or without a young child).", unit="probability", kind="uncertainty"),
        count("intake_meeting_size", 10, (6, 15),
              EVALUATION + ": start meetings of about 10 women (004:716)",
              "Mothers per intake meeting on average.", lo=1, hi=1000, unit="mothers",
              kind="setting"),
        count("max_child_age_months", 24, (12, 216),
              PRACTICE + ": a child under 2 to 4 (004:815); no limit in other programmes "
              "(002:1400, 003:43)",
              "Eligible with a youngest child under this age.", lo=0, hi=216, unit="months",
              kind="lever"),
        count("min_ladder_step", 1, (1, 4), ASSUMPTION,
              "Eligible from this participation-ladder step (4: mothers looking for work).",
              lo=1, hi=4, unit="ladder step", kind="lever"),
        Parameter("include_pregnant", True, "flag", None, PRACTICE + ": target group",
                  "Pregnant women are eligible.", kind="lever", type=bool),
        share("acceptance_rate", 0.3, (0.15, 0.7),
              ASSUMPTION + "; " + EVALUATION + ": of 177 invited, 67 took a training and 40 started a "
              "trajectory",
              "Probability that a selected mother of middling confidence and trust, with "
              "nothing in the way, registers (after the intake, if there is one).",
              unit="probability", kind="uncertainty"),
        share("acceptance_confidence_effect", 0.5, (0.0, 0.9),
              ASSUMPTION + "; " + PRACTICE + ": insecure mothers hold back",
              "Relative change of the registration probability from middling to full "
              "confidence (and down to none).", unit="share", kind="uncertainty"),
        share("acceptance_trust_effect", 0.5, (0.0, 0.9),
              ASSUMPTION + "; " + EVALUATION + ": a warm welcome unlike the usual contact "
              "with the municipality (004:730)",
              "Relative change of the registration probability from middling to full "
              "trust in services (and down to none).", unit="share", kind="uncertainty"),
        factor("acceptance_no_childcare_factor", 0.5, (0.2, 0.9),
               ASSUMPTION + "; " + EVALUATION + ": many mothers could not arrange a sitter "
               "(004:716)",
               "Registration of a mother with a young child and no place when the sessions "
               "have no childcare, relative.", kind="uncertainty"),
        factor("acceptance_exempt_factor", 0.5, (0.2, 1.0), ASSUMPTION,
               "Registration of a mother exempt from the work obligation, relative.",
               kind="uncertainty"),
        share("no_show_share", 0.17, (0.05, 0.3),
              FUNNEL + ": 48 registered, 40 started",
              "Probability that a registered mother does not show up at the start.",
              unit="probability", kind="uncertainty"),
        factor("no_show_stress_factor", 2.0, (1.0, 3.0),
               ASSUMPTION + "; " + PRACTICE + ": attendance drops for sick children",
               "No-shows in a starting month with a stress event (a sick child), relative.",
               kind="uncertainty"),
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
        amount("search_effect_months", 6.0, (0.0, 12.0),
               ASSUMPTION + "; what a group teaches about searching lasts beyond its "
               "sessions: after a one-week training the JOBS participants were more often "
               "in work at 6 months, less so at 12 (Brenninkmeijer & Blonk 2012)",
               "After a member completes her group, the job-search effect fades over this "
               "many months (it is job_search_effect x exp(-months since the end / this); "
               "0: it ends with the group).", unit="months", kind="uncertainty", hi=120.0),
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
        factor("former_participant_factor", 0.8, (0.5, 1.5),
               ASSUMPTION + "; experts by experience reach and move mothers whom professionals "
               "reach less (004:720, 004:1096-1098, 002:1404), so the range reaches above a "
               "professional's",
               "Effects of a group led by a former participant, relative to a professional.",
               kind="uncertainty"),
        factor("self_run_factor", 0.5, (0.2, 0.9), ASSUMPTION,
               "Effects of a group without a facilitator, relative to a professional.",
               kind="uncertainty"),
        _f("cost_per_session_eur", 400.0, "EUR per session", (50.0, 1000.0),
           ASSUMPTION + ": facilitator and venue; a venue alone for a self-steering group",
           "Cost of one session (or programme day).",
           kind="uncertainty", hi=1e7),
        _f("cost_per_group_start_eur", 500.0, "EUR per group", (0.0, 2000.0),
           ASSUMPTION + ": start meeting and recruitment", "Cost of starting a group.",
           kind="uncertainty", hi=1e7),
        _f("childcare_cost_per_child_session_eur", 35.0, "EUR per child per session",
           (15.0, 80.0), ASSUMPTION, "Cost of childcare at a session, per attending mother "
           "with a young child (when childcare is provided).", kind="uncertainty", hi=1e7),
    ))

    metrics = (
        Metric("peer_groups_running", "groups", "Groups meeting this month."),
        Metric("peer_groups_started", "groups", "Groups started this month."),
        Metric("peer_group_sessions", "sessions", "Sessions held this month."),
        Metric("peer_group_childcare_child_sessions", "child sessions",
               "Children minded during sessions this month."),
        Metric("peer_group_participants", "mothers", "Active members of running groups.",
               reach=True),
        Metric("peer_group_informed", "mothers",
               "Eligible mothers told about the programme for the first time this month."),
        Metric("peer_group_selected", "mothers", "Mothers selected for a group this month."),
        Metric("peer_group_invited", "mothers",
               "Selected mothers invited this month who had not been approached before."),
        Metric("peer_group_intake_attended", "mothers",
               "Invited mothers who attended the intake this month."),
        Metric("peer_group_intake_meetings", "meetings", "Intake meetings held this month."),
        Metric("peer_group_registered", "mothers", "Mothers registering this month."),
        Metric("peer_group_waiting", "mothers",
               "Registered mothers waiting for a place in a next group."),
        Metric("peer_group_no_shows", "mothers",
               "Registered mothers given a place who did not show up at the start."),
        Metric("peer_group_new_members", "mothers", "Members starting this month."),
        Metric("peer_group_completed", "mothers",
               "Members still active when their group finished its schedule this month."),
        Metric("peer_group_attendees", "mothers", "Members attending this month."),
        Metric("peer_group_dropouts", "mothers", "Members leaving their group this month."),
        Metric("peer_group_childcare_places_arranged", "places",
               "Formal childcare places arranged for members this month."),
        Metric("peer_group_internship_without_childcare", "mothers",
               "Active members in an internship month whose young child has no care."),
        Metric("peer_group_internship_placements", "mothers",
               "Members starting an internship at a work-experience place this month."),
        Metric("peer_group_internship_unplaced", "mothers",
               "Members ready for an internship (care arranged) without a place this month."),
        Metric("peer_ties", "ties", "Active ties made in this policy's groups."),
        cost_metric("Sessions, group starts and childcare at sessions."),
    )
    zero: ClassVar[dict[str, Any]] = {"groups_per_year": 0}
    COUNTS = ("informed", "selected", "invited", "intake_attended", "intake_meetings",
              "registered", "no_shows", "new_members", "completed", "attendees", "dropouts",
              "sessions", "childcare_sessions", "new_groups", "places_arranged",
              "internship_without_care", "placements", "unplaced")

    # ---- set-up and schedule ----------------------------------------------------------------
    def setup(self, ctx: PolicyContext) -> None:
        self.groups: list[Group] = []
        self.rounds = 0  # recruitment rounds so far (they key the invitation draws)
        n = ctx.mothers.n
        self.member_of = np.full(n, -1, dtype=np.int64)  # group id; -1: never
        self.informed = np.zeros(n, dtype=bool)
        self.approached = np.zeros(n, dtype=bool)  # invited by this format before
        self.intake_attended = np.zeros(n, dtype=bool)  # attended this format's intake
        self.waiting = np.zeros(0, dtype=np.int64)  # registered, waiting for a place
        self.counts: dict[str, float] = dict.fromkeys(self.COUNTS, 0)

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
            return p.internship_meetings_per_month, p.internship_meeting_hours, True
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

    def starting(self, t: int) -> int:
        """Groups starting in month t: spread evenly from the first start month."""
        p = self.params
        if not p.first_start_month <= t <= p.last_start_month:
            return 0
        s = t - p.first_start_month
        return (s * p.groups_per_year) // 12 - ((s - 1) * p.groups_per_year) // 12

    # ---- hooks ----------------------------------------------------------------------------------
    def on_month_start(self, ctx: PolicyContext) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        p, t = self.params, ctx.month
        if p.groups_per_year == 0:
            return
        n = ctx.mothers.n
        self.member_of = grown(self.member_of, n, -1)
        self.informed = grown(self.informed, n, False)
        self.approached = grown(self.approached, n, False)
        self.intake_attended = grown(self.intake_attended, n, False)
        for _ in range(self.starting(t)):
            self._recruit(ctx)
        # The group's one ladder channel: active members step up more easily while it runs.
        for g in self.running(t):
            active = g.members[g.active]
            ctx.scale("mod_ladder_up", active, 1.0 + p.ladder_effect * self.effect)
            ctx.scale("mod_offer", active, 1.0 + p.job_search_effect * self.effect)
        # What members learnt about searching fades after their group's end.
        if p.search_effect_months > 0 and p.job_search_effect > 0:
            for g in self.groups:
                since = t - (g.start + self.duration()) + 1
                if since >= 1:
                    fade = np.exp(-since / p.search_effect_months)
                    ctx.scale("mod_offer", g.members[g.active],
                              1.0 + p.job_search_effect * self.effect * fade)
        own = self._own_degree(ctx)
        tied = np.flatnonzero(own > 0)
        ctx.scale("mod_job_loss", tied, (1.0 - p.job_loss_reduction_per_tie)
                  ** np.minimum(own[tied], p.job_loss_ties_max))

    # ---- the funnel -------------------------------------------------------------------------
    def _pool(self, ctx: PolicyContext) -> np.ndarray:
        """Eligible mothers: on assistance, in the target group, never a member, at the
        ladder step, and within the recruitment rule."""
        m, p, t = ctx.mothers, self.params, ctx.month
        on = ctx.on_assistance()
        ok = (ctx.target_group(on, p.max_child_age_months, p.include_pregnant)
              & (self.member_of[on] < 0) & (m.ladder[on] >= p.min_ladder_step))
        if p.recruitment == "coach_contact":
            ok &= m.last_contact[on] == t - 1
        elif p.recruitment == "dedicated_coaches":
            ok &= np.isin(on, ctx.participants_of("dedicated_coaches"))
        elif p.recruitment == "intake":
            ok &= np.isin(on, self._others_intake(ctx))
        return on[ok]

    def _others_intake(self, ctx: PolicyContext) -> np.ndarray:
        """Mothers who attended the intake of another peer-group format of the scenario."""
        ids = [np.flatnonzero(q.intake_attended) for q in ctx.policies_named(self.name)
               if q is not self and isinstance(q, PeerGroups)]
        return np.unique(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.int64)

    def acceptance(self, ctx: PolicyContext, ids: np.ndarray) -> np.ndarray:
        """Probability that each of ``ids`` registers once asked."""
        m, p = ctx.mothers, self.params
        no_care = (ctx.needs_care(ids) & (m.childcare_place[ids] < 0)
                   & ~np.bool_(p.childcare_during_sessions))
        chance = (p.acceptance_rate
                  * (1.0 + p.acceptance_confidence_effect * (2.0 * m.confidence[ids] - 1.0))
                  * (1.0 + p.acceptance_trust_effect * (2.0 * m.trust_services[ids] - 1.0))
                  * np.where(no_care, p.acceptance_no_childcare_factor, 1.0)
                  * np.where(m.exempt[ids], p.acceptance_exempt_factor, 1.0))
        return np.clip(chance, 0.0, 1.0)

    def _recruit(self, ctx: PolicyContext) -> None:
        m, p, t = ctx.mothers, self.params, ctx.month
        pool = self._pool(ctx)
        fresh = pool[~self.informed[pool]]
        self.informed[fresh] = True
        self.counts["informed"] += len(fresh)
        # Keyed by recruitment round: two rounds in one month draw afresh for each.
        self.rounds += 1
        r = self.rounds
        still = self.waiting[(m.status[self.waiting] == Status.ON_ASSISTANCE)
                             & (self.member_of[self.waiting] < 0)]
        pool = pool[~np.isin(pool, still)]
        order = ctx.uniform(f"select:{r}", pool)
        if p.priority_min_child_age_months:
            older = t - m.youngest_birth_month[pool] >= p.priority_min_child_age_months
            order = order - older  # the preferred first, at random within each
        pool = pool[np.argsort(order, kind="stable")]
        before = self.approached[pool]
        k = p.selected_per_group
        again = pool[before][: round(p.reselect_share * k)]
        new = pool[~before][: k - len(again)]
        selected = np.concatenate([again, new, pool[before][len(again):][: k - len(again)
                                                                         - len(new)]])
        invited = selected[~self.approached[selected]]
        self.approached[invited] = True
        self.counts["selected"] += len(selected)
        self.counts["invited"] += len(invited)
        asked = selected
        if p.intake and p.recruitment != "intake":
            # The newly invited, and those selected again who did not come last time.
            due = selected[~self.intake_attended[selected]]
            no_care = ctx.needs_care(due) & ~np.bool_(p.childcare_during_sessions)
            chance = p.intake_attendance * np.where(no_care, p.attendance_no_childcare_factor,
                                                    1.0)
            came = due[ctx.uniform(f"intake:{r}", due) < chance]
            self.intake_attended[came] = True
            self.counts["intake_attended"] += len(came)
            if len(came):
                self.counts["intake_meetings"] += max(1, round(len(came) / p.intake_meeting_size))
            asked = selected[self.intake_attended[selected]]
        registered = asked[ctx.uniform(f"accept:{r}", asked) < self.acceptance(ctx, asked)]
        self.counts["registered"] += len(registered)
        queue = np.concatenate([still, registered])
        members, self.waiting = queue[: p.group_size], queue[p.group_size:]
        if len(members) == 0:
            return
        gid = len(self.groups)
        self.groups.append(Group(gid, t, members, np.ones(len(members), dtype=bool),
                                 ctx.network.new_group(f"{self.label}:{gid}")))
        self.member_of[members] = gid
        self.counts["new_groups"] += 1
        if p.arrange_childcare:
            self._arrange_places(ctx, members)

    def _arrange_places(self, ctx: PolicyContext, ids: np.ndarray) -> None:
        """A free place at her provider for each member with a young child and no place
        who wants one; where none is free she is registered without the lag and waits."""
        m = ctx.mothers
        need = ids[ctx.needs_care(ids) & (m.childcare_place[ids] < 0)]
        # She takes a place as she registers for one herself: as far as she trusts formal
        # care (mothers who do not want their child in care, 004:1058).
        need = need[ctx.uniform("arranged_take_up", need) < m.trust_childcare[need]]
        need = need[np.lexsort((need, m.provider[need]))]
        general, _reserved = ctx.occupied()
        free = np.array([max(c.places - c.reserved - g, 0)
                         for c, g in zip(ctx.providers, general)], dtype=np.int64)
        provider = m.provider[need].astype(np.int64)
        rank = np.arange(len(need)) - np.searchsorted(provider, provider)
        got = need[rank < free[provider]]
        ctx.give_places(got, m.provider[got], reserved=False)
        self.counts["places_arranged"] += len(got)
        ctx.register_for_childcare(need[rank >= free[provider]],
                                   since=ctx.month - ctx.params.childcare_registration_lag_months)

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
        if k == 0:
            self._no_shows(ctx, g)
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

        if internship:
            # An internship needs care for a young child: a formal place or an arrangement.
            cared = ~young | (m.childcare_place[active] >= 0) | m.informal_care[active]
            self.counts["internship_without_care"] += int((~cared).sum())
            if k == p.intensive_months:
                # Work-experience places are finite: the ready members draw for them.
                ready = active[cared]
                ready = ready[np.argsort(ctx.uniform("placement", ready), kind="stable")]
                g.interns = ready[: p.internship_places]
                self.counts["placements"] += len(g.interns)
                self.counts["unplaced"] += len(ready) - len(g.interns)
            if k == p.intensive_months + p.internship_months - 1:
                done = active[cared & np.isin(active, attend) & np.isin(active, g.interns)]
                done = done[ctx.uniform("internship", done) < p.internship_completion]
                done = done[(m.status[done] == Status.ON_ASSISTANCE) & ~m.parttime[done]]
                kept = done[ctx.uniform("internship_step", done) < p.internship_step_kept]
                m.ladder[kept] = np.maximum(m.ladder[kept], LADDER_PARTTIME - 1)
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
        if k == self.duration() - 1:
            self.counts["completed"] += int(g.active.sum())

    def _no_shows(self, ctx: PolicyContext, g: Group) -> None:
        """In the first month, some registered members do not show up (more often in a
        month with a stress event): they leave the group unstarted and may be selected
        again later."""
        m, p = ctx.mothers, self.params
        placed = g.members[g.active]
        chance = p.no_show_share * np.where(m.stress_event[placed], p.no_show_stress_factor, 1.0)
        absent = placed[ctx.uniform(f"no_show:{g.gid}", placed) < chance]
        kept = ~np.isin(g.members, absent)  # a no-show never was a member
        g.members, g.active, g.hours = g.members[kept], g.active[kept], g.hours[kept]
        self.member_of[absent] = -1
        self.counts["no_shows"] += len(absent)
        self.counts["new_members"] += len(placed) - len(absent)

    def _effects(self, ctx: PolicyContext, ids: np.ndarray, hours: float) -> None:
        m, p = ctx.mothers, self.params

        def gain(per_10_hours: float) -> np.float32:
            share = min(per_10_hours * self.effect, 1.0)  # at most the whole gap
            return np.float32(1.0 - (1.0 - share) ** (hours / 10.0))

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
            "peer_group_informed": c["informed"],
            "peer_group_selected": c["selected"],
            "peer_group_invited": c["invited"],
            "peer_group_intake_attended": c["intake_attended"],
            "peer_group_intake_meetings": c["intake_meetings"],
            "peer_group_registered": c["registered"],
            "peer_group_waiting": int((ctx.mothers.status[self.waiting]
                                       == Status.ON_ASSISTANCE).sum()),
            "peer_group_no_shows": c["no_shows"],
            "peer_group_new_members": c["new_members"],
            "peer_group_completed": c["completed"],
            "peer_group_attendees": c["attendees"],
            "peer_group_dropouts": c["dropouts"],
            "peer_group_childcare_places_arranged": c["places_arranged"],
            "peer_group_internship_without_childcare": c["internship_without_care"],
            "peer_group_internship_placements": c["placements"],
            "peer_group_internship_unplaced": c["unplaced"],
            "peer_ties": int(self._own_edges(ctx).sum()) if self.groups else 0,
            "cost_eur": float(cost),
        }
